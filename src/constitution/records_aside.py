"""The adopted records verified, and the worked examples read, in a second process while
the gate reads the draft.

A fresh clone's gate (CI's) verifies every adopted record (each field's shape, its digest,
the chain), reads the draft and reads the worked examples, and none needs another until
the draft is numbered against the latest version and the examples' citations are checked
against its paragraphs. Where the system can fork and the process may use a second core,
a child verifies the records as the gate would and sends back what verifying them leaves
in memory (versions.VERIFIED_BYTES: the records' digest, and what each says of its
adoption, as the gate's store keeps it between commands), while the parent reads the
draft. The parent then finds its records known by their bytes and parses only the latest.

The child then reads the files of worked examples from the first on, and the parent,
once the draft is numbered, from the last back (scenarios.read_examples), each taking a
file the other has not (``Claims``), so that the two finish together however the work
divides. The child cannot know the paragraphs yet, so it sends each file's examples with
the paragraphs they cite, which the parent checks; the rules, Python functions that
cannot be sent, are read before the fork, and the child shares them.

What has a problem is not sent (a folder of records, a file of examples): the parent
reads it itself and reports what it finds, as ever, so the gate finds and says the same
either way.
"""

from __future__ import annotations

import mmap
import os
import pickle
import re
import struct
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from constitution import scenarios, versions
from constitution.documents import own_council, records_folder
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.scenarios import ReadAside, RuleBook, read_aside

Folder = tuple[Path, re.Pattern[str], str]  # records' folder, its ID pattern, as shown
SIZE = struct.Struct("<Q")  # each message's length, before it


def start(project: Project) -> Aside:
    """Start verifying the project's adopted records (the protocol's and each other
    document's) and reading its worked examples in a child process. Nothing is started
    where it cannot help: without fork or a second core, in a process with other threads
    (a forked child could wait forever on a lock one held), or for what the memory holds
    already (an editor's later gate: the store holds it). Held, not compared: that needs
    the files read and hashed, and the gate does it once, when it reads them (one changed
    since is read there)."""
    remembered = versions.VERIFIED_RECORDS.keys() | versions.VERIFIED_BYTES.keys()
    folders = [f for f in _folders(project) if f[2] not in remembered]
    files = [f for f in project.scenario_files() if str(f) not in scenarios.READ_EXAMPLES]
    book = _rules(project) if files and _can_fork() else None
    claims = Claims(files if book else [])
    if not ((folders or claims.files) and _can_fork()):
        return Aside()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: nothing it does may return into the parent's code
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                _send(out, _verified(folders))
                if book is not None:
                    _send(out, _examples(project, book, claims))
        finally:
            os._exit(0)
    os.close(write)
    return Aside(pid, os.fdopen(read, "rb"), claims if book else None)


class Aside:
    """The child, as the gate takes what it sends: its records, then its examples. A gate
    that stops early (a draft that cannot be read) closes it: the child stops at its next
    file, and is waited for."""

    def __init__(
        self, pid: int = 0, pipe: IO[bytes] | None = None, claims: Claims | None = None
    ) -> None:
        self.pid, self.pipe, self.claims = pid, pipe, claims
        self.records_taken = False
        self.read: dict[str, ReadAside] | None = None

    def records(self) -> None:
        """Wait for the records the child verified, and keep them as verified here."""
        if self.pipe is not None and not self.records_taken:
            self.records_taken = True
            versions.VERIFIED_BYTES.update(_received(self.pipe) or {})

    @property
    def examples(self) -> scenarios.Aside | None:
        """The reading of the worked examples shared with the child, if it reads any."""
        return self if self.claims is not None else None

    def claim(self, path: Path) -> bool:
        return self.claims is None or self.claims.parent_takes(path)

    def give_back(self, path: Path) -> None:
        if self.claims is not None:
            self.claims.parent_gives_back(path)

    def sent(self) -> Mapping[str, ReadAside]:
        if self.read is None:
            self.records()
            self.read = (_received(self.pipe) if self.pipe else None) or {}
        return self.read

    def close(self) -> None:
        if self.pipe is None:
            return
        if self.claims is not None:
            self.claims.stop()
        self.pipe.close()  # a child still writing finds no reader, and ends
        self.pipe = None
        os.waitpid(self.pid, 0)

    def __enter__(self) -> Aside:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class Claims:
    """Which files of worked examples each process has taken, in memory both share: the
    child takes them from the first on, the parent from the last back, each only one the
    other has not taken. Where they meet, both may take the same file at once: both then
    read it, and the parent keeps its own reading. A file the child has taken it reads,
    unless it dies (the parent then reads it), so no file is left unread."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.index = {str(f): i for i, f in enumerate(files)}
        # a byte a file for the child's claims, then one a file for the parent's
        self.taken = mmap.mmap(-1, 2 * len(files)) if files else None

    def child_takes(self, i: int) -> bool:
        if self.taken is None or self.taken[len(self.files) + i]:
            return False
        self.taken[i] = 1
        return True

    def parent_takes(self, path: Path) -> bool:
        i = self.index.get(str(path))
        if i is None or self.taken is None:
            return True  # not one the child reads
        if self.taken[i]:
            return False
        self.taken[len(self.files) + i] = 1
        return True

    def parent_gives_back(self, path: Path) -> None:
        """A file the parent took and read no further: the child reads it if it has not
        stopped already, else the parent reads it after all (read_examples)."""
        if (i := self.index.get(str(path))) is not None and self.taken is not None:
            self.taken[len(self.files) + i] = 0

    def stop(self) -> None:
        """The parent takes what is left: the child reads no further file."""
        if self.taken is not None:
            self.taken[len(self.files) :] = b"\1" * len(self.files)


def _rules(project: Project) -> RuleBook | None:
    """The rules, read before the fork so that the child shares them (the parent reads
    them once: project.rulebook keeps them); None where they cannot be read, left for
    the gate to read again where it reads them, and say why."""
    try:
        return project.rulebook()
    except Exception:  # a problem of the rules file's, or an error of checks/rules.py
        return None


def _examples(project: Project, book: RuleBook, claims: Claims) -> dict[str, ReadAside]:
    """The files of worked examples the child takes, each read without a problem."""
    sent = {}
    pattern = project.cited_pattern()
    for i, path in enumerate(claims.files):
        if not claims.child_takes(i):
            break  # the parent has taken this file and every one after it
        if (reading := read_aside(path, project.root, book, pattern)) is not None:
            sent[str(path)] = reading
    return sent


def _send(out: IO[bytes], data: object) -> None:
    payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(SIZE.pack(len(payload)) + payload)
    out.flush()  # the parent may take the records while the examples are still read


def _received(pipe: IO[bytes]) -> Any:
    """The child's next message; None if it died before it sent one whole."""
    head = pipe.read(SIZE.size)
    if len(head) < SIZE.size:
        return None
    payload = pipe.read(SIZE.unpack(head)[0])
    return pickle.loads(payload) if len(payload) == SIZE.unpack(head)[0] else None


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
