"""The adopted records verified in a second process while the gate reads the draft.

A fresh clone's gate (CI's) verifies every adopted record (versions.load_versions: each
record's fields, its digest, the chain): at 5,000 paragraphs with five versions about a
third of the gate's CPU time, and work that needs nothing else the gate reads. CI's
runners and editors' machines have two cores or more, so `constitution check` hands it to
a second Python while it reads the draft: a new interpreter started by ``subprocess``,
the one start that is sound on Linux, macOS and Windows alike (a forked Python is unsafe
on macOS and there is no fork on Windows) and cheaper than multiprocessing's spawn, which
imports multiprocessing in both processes and starts the child through it.

The child verifies each folder of records, as load_versions does here, and sends back
only what the gate's store keeps of a folder whose every record was sound
(versions.VERIFIED_BYTES: the folder's names and bytes by their digest, and what each
record says of its adoption). load_versions, asked for such a folder, waits for the
child and takes what it found as if verified here, if the bytes it reads are the ones
the child verified. A folder with any problem is sent back as nothing, as is everything
from a child that fails or cannot be started: the gate then verifies those records
itself, so its problems, their order and its exit status are the ones it gave alone.
"""

from __future__ import annotations

import contextlib
import json
import pickle
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from constitution import versions
from constitution.council import Council
from constitution.documents import own_council, records_folder
from constitution.problems import ProtocolError
from constitution.project import Project

if TYPE_CHECKING:
    import subprocess

# The child: the folder this package is imported from, first on its path (in place of
# the folder -c puts there, the project's, where a module of the council's could be).
CHILD = "import sys; sys.path[0] = sys.argv[1]; from constitution.records_child import main; main()"
# Records of fewer bytes than this are verified by the gate itself: starting the child
# costs about what verifying 2 MB of records does (docs/performance.md), and the
# model's three versions of 208 paragraphs are 0.3 MB.
WORTH = 2_000_000

Job = tuple[str, str, str]  # a records folder, its documents' ID pattern, its name in problems


def jobs(root: Path, council: Council) -> list[Job]:
    """Each folder of records the gate verifies (the protocol's, each other document's)
    that the gate's store does not know (an editor's later gate finds them there,
    verified already), if together they hold records enough to be worth a child."""
    patterns = {records_folder("protocol"): council.id_pattern}
    for settings in council.documents:
        patterns[records_folder(settings.key)] = own_council(council, settings).id_pattern
    unknown = {s: p for s, p in patterns.items() if s not in versions.VERIFIED_BYTES}
    found = {s: versions.records(root / s) for s in unknown}
    size = sum(path.stat().st_size for paths in found.values() for path in paths)
    if size < WORTH:
        return []
    return [(str(root / s), p.pattern, s) for s, p in unknown.items() if found[s]]


@contextlib.contextmanager
def verified_aside(project: Project) -> Iterator[None]:
    """While the block runs, the records of ``jobs`` are verified in a second process;
    load_versions waits for it when it first needs one of them. The child is ended
    when the block ends, if it has not."""
    try:
        todo = jobs(project.root, project.council())
    except ProtocolError:  # the gate reports the settings' problems, and reads no records
        todo = []
    if not todo:
        yield
        return
    import subprocess  # here: a gate with few records or a store of them starts no child

    try:
        run = [sys.executable, "-c", CHILD, str(Path(__file__).parents[1]), json.dumps(todo)]
        process = subprocess.Popen(
            run, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
    except OSError:  # no second process: the gate verifies them itself
        yield
        return
    found = cache(lambda: _found(process))
    for _, _, shown in todo:
        versions.ASIDE[shown] = _waiting(found, shown)
    try:
        yield
    finally:
        for _, _, shown in todo:
            versions.ASIDE.pop(shown, None)
        if process.poll() is None:  # not waited for: the gate stopped before the records
            process.kill()
        with process:  # its pipe closed, and it waited for
            pass


def _waiting(
    found: Callable[[], dict[str, versions.Verified]], shown: str
) -> Callable[[], versions.Verified | None]:
    return lambda: found().get(shown)


def _found(process: subprocess.Popen[bytes]) -> dict[str, versions.Verified]:
    out, _ = process.communicate()
    if process.returncode != 0:
        return {}
    try:
        found = pickle.loads(out)  # our own child's, through a pipe only we hold
    except Exception:  # cut short: the gate verifies the records itself
        return {}
    return found if isinstance(found, dict) else {}
