"""The adopted records verified in a second process while the gate reads the draft.

A fresh clone's gate (CI's) verifies every adopted record (each field's shape, its digest,
the chain) and reads the draft, and neither needs the other until the draft is numbered
against the latest version. Where the system can fork and the process may use a second
core, a child verifies the records as the gate would and sends back what verifying them
leaves in memory (versions.VERIFIED_BYTES: the records' digest, and what each says of its
adoption, as the gate's store keeps it between commands), while the parent reads the draft.
The parent then finds its records known by their bytes and parses only the latest. A
folder of records with a problem sends nothing: the parent verifies it itself and reports
what it finds, as ever, so the gate finds and says the same either way.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
from collections.abc import Callable
from pathlib import Path

from constitution import versions
from constitution.documents import own_council, records_folder
from constitution.problems import ProtocolError
from constitution.project import Project

Folder = tuple[Path, re.Pattern[str], str]  # records' folder, its ID pattern, as shown


def verify_aside(project: Project) -> Callable[[], None]:
    """Start verifying the project's adopted records (the protocol's and each other
    document's) in a child process; the function returned waits for it and keeps what it
    verified. Nothing is started where it cannot help: without fork or a second core, in a
    process with other threads (a forked child could wait forever on a lock one held), or
    for a folder the memory holds records of already (an editor's later gate: the store
    holds them). Held, not compared: that needs their bytes read and hashed, and the gate
    does it once, when it reads them (a folder changed since is verified there)."""
    remembered = versions.VERIFIED_RECORDS.keys() | versions.VERIFIED_BYTES.keys()
    folders = [f for f in _folders(project) if f[2] not in remembered]
    if not (folders and _can_fork()):
        return lambda: None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: nothing it does may return into the parent's code
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(pickle.dumps(_verified(folders)))
        finally:
            os._exit(0)
    os.close(write)

    def join() -> None:
        with os.fdopen(read, "rb") as pipe:
            sent = pipe.read()
        os.waitpid(pid, 0)
        if sent:  # nothing if the child died before it could send
            versions.VERIFIED_BYTES.update(pickle.loads(sent))

    return join


def _folders(project: Project) -> list[Folder]:
    council = project.council()
    found = [(project.versions_dir, council.id_pattern, "versions")]
    for settings in council.documents:
        shown = records_folder(settings.key)
        found.append((project.root / shown, own_council(council, settings).id_pattern, shown))
    return [f for f in found if versions.records(f[0])]


def _verified(folders: list[Folder]) -> dict[str, versions.Verified]:
    """What verifying each folder leaves in memory; a folder with a problem, nothing."""
    sent = {}
    for folder in folders:
        try:
            versions.load_versions(*folder)
        except ProtocolError:
            continue
        sent[folder[2]] = versions.VERIFIED_BYTES[folder[2]]
    return sent


def _can_fork() -> bool:
    if not hasattr(os, "fork") or _threads() > 1:
        return False
    if hasattr(os, "sched_getaffinity"):  # the cores this process may use (Linux)
        return len(os.sched_getaffinity(0)) > 1
    return (os.cpu_count() or 1) > 1


def _threads() -> int:
    """The process's threads: on Linux every one, a library's own among them (a thread
    started outside Python can hold a lock the child would wait on too); else Python's."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()
