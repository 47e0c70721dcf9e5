"""What `constitution check` read, kept between commands (in _build/.check/).

An editor runs the gate again and again, changing a section or two between runs, and
reading 5,000 paragraphs, their worked examples and five adopted versions afresh costs
each run a second or more. The readers already keep what they read in memory for the
editor's loop, each entry with the whole of its input, and serve it again only when that
input is the same: a section with its text and the settings it was read with
(source.py), the digest of a folder of adopted records' bytes, with the ID pattern and
what each record says of its adoption, once they were verified whole (versions.py:
records of those bytes are not checked again, and parsed only when their text is asked
for), a file of worked examples with its text and a digest of the
rules, clause IDs and retired register it was checked against (scenarios.py). So a
changed file is read afresh, never served stale. Only what was read without a problem is
kept, so problems are found afresh on every run, and the checks across files
(references, duplicate IDs, coverage, suspect links) run every time.

This module keeps those memories between processes: a file for each, written whole or
not at all (files.replace), its bytes behind a digest and a header naming the tool's
code, Python and the parsers it was read with. A file damaged, cut short, or written by
other code is ignored and written again. A fresh clone (CI's) has none: its gate reads
everything, as before, and writes none (a clone's second gate writes it: see kept).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from constitution import files, model_cache, scenarios, source, versions
from constitution.problems import ProtocolError

FOLDER = Path("_build") / ".check"  # in the project: _build/ is ignored by git
MAGIC = b"constitution check cache\n"
SUM = 32  # bytes of each digest
# What a reading depends on besides its input and the tool's own code.
PARSERS = ("docutils", "markdown_it", "mdit_py_plugins", "myst_parser", "yaml")


def _memories() -> dict[str, dict[Any, Any]]:
    """Each reader's memory, by the name of its file; looked up when used, so that a
    test can give a reader an empty memory, as a fresh process has."""
    return {
        "sections": source.READ_SECTIONS,
        "versions": versions.VERIFIED_BYTES,
        "examples": scenarios.READ_EXAMPLES,
    }


def _header() -> bytes:
    parts = [model_cache.code().hex(), sys.version]
    for name in PARSERS:  # found, not imported: the gate may need no Markdown parser
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec and spec.origin else ""
        version = hashlib.blake2b(Path(origin).read_bytes()).hexdigest() if origin else "?"
        parts.append(f"{name} {version}")  # a package's __init__, which says its version
    parts.append(f"libyaml {getattr(yaml, '__with_libyaml__', False)}")
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=SUM).digest()


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=SUM).digest()


def load(path: Path, header: bytes) -> dict[Any, Any]:
    """The memory stored at ``path``; empty if it is missing, damaged, cut short or
    written by other code."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    start = len(MAGIC) + 2 * SUM
    if data[: len(MAGIC)] != MAGIC or data[len(MAGIC) : len(MAGIC) + SUM] != header:
        return {}
    payload = data[start:]
    if _checksum(payload) != data[start - SUM : start]:
        return {}
    try:
        # ours: read only from a folder no other user can write (files.private_folder)
        memory = pickle.loads(payload)
    except Exception:  # written by this code, checksum good: only a bug gets here
        return {}
    return memory if isinstance(memory, dict) else {}


def store(path: Path, header: bytes, memory: dict[Any, Any]) -> None:
    payload = pickle.dumps(memory, protocol=pickle.HIGHEST_PROTOCOL)
    files.replace(path, MAGIC + header + _checksum(payload) + payload)


def _inside(key: object, root: str) -> bool:
    """Whether a memory's entry is of this project's files (sections and examples are kept
    by path; `check --base` reads the older protocol in a folder of its own)."""
    return not isinstance(key, str) or not os.path.isabs(key) or key.startswith(root)


@contextlib.contextmanager
def kept(root: Path) -> Iterator[None]:
    """The readers' memories filled from the project's store before, and stored after
    if anything was read afresh; without a store where none can be made (a read-only
    clone, a folder another user owns), the readers read everything.

    A clone's first gate only makes the store's folder: CI runs one gate a clone, and
    would pay for writing a store that nothing reads (pickling what 5,000 paragraphs and
    their worked examples read: 0.09 s of CPU, a twentieth of the gate). The next gate,
    finding the folder, writes the store, and the one after it reads from it."""
    first = not (root / FOLDER).is_dir()
    try:
        folder = files.private_folder(root / FOLDER)
    except (OSError, ProtocolError):
        yield
        return
    if first:
        yield
        return
    header = _header()
    before: dict[str, dict[Any, Any]] = {}
    for name, memory in _memories().items():
        memory.update(load(folder / f"{name}.pickle", header))
        before[name] = dict(memory)  # holds the old entries, so `is` below is sound
    yield
    inside = os.path.join(root, "")
    for name, memory in _memories().items():
        now = {k: v for k, v in memory.items() if _inside(k, inside)}
        if any(before[name].get(k) is not v for k, v in now.items()):
            with contextlib.suppress(OSError):  # a cache not written is read afresh next time
                store(folder / f"{name}.pickle", header, now)
