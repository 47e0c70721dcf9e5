"""The model's parts (protocol, scenarios, adopted versions) kept between builds.

Reading and checking 5,000 clauses, their scenarios and five adopted versions takes
seconds. A rebuild whose inputs have not changed (a page of docs/ edited, the editor's
loop started again) need not do it again, and an edit to the protocol need not read the
adopted versions again. Each part is stored beside Sphinx's own cache with a digest of
every file it was read from and of this package's code, and read afresh when any differs.
Bad input raises before anything is stored, so it is reported on every build.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

from constitution import files

T = TypeVar("T")
_KEPT: dict[tuple[Path, str], tuple[object, str, object]] = {}
RACY_NS = 2_000_000_000


@cache
def code() -> bytes:
    """A digest of this package's code, templates and assets: what it makes changes
    when they do."""
    package = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(f"{path.relative_to(package)}\0".encode() + path.read_bytes())
    return h.digest()


def digest(files: Iterable[Path], extra: str = "") -> str:
    h = hashlib.sha256(code() + extra.encode())
    for path in sorted(files):
        h.update(f"\0{path}\0".encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"\0missing")
    return h.hexdigest()


def cached(
    folder: Path, name: str, files: Iterable[Path], make: Callable[[], T], extra: str = ""
) -> T:
    """``make()``, or what it returned last time if none of ``files`` (nor ``extra``, any
    other input) has changed."""
    files = sorted(files)
    # In one process (the editor's loop builds again and again) the part in memory is
    # still good if its files have the same times and sizes, or else the same digest.
    seen = (extra, [(p, *_times(p)) for p in files])
    kept = _KEPT.get((folder, name))
    if kept and kept[0] == seen:
        return kept[2]  # type: ignore[return-value]
    key = digest(files, extra)
    if kept and kept[1] == key:
        value = kept[2]
    elif kept:  # a process that builds again and again: the next new one reads afresh
        value = make()
    else:
        value = _stored(folder, name, key, make)
    # A file changed less than a clock tick ago (two seconds on some file systems) could
    # change again without its time changing: until then it is known only by its digest.
    settled = all(when < time.time_ns() - RACY_NS for _, when, _ in seen[1])
    _KEPT[folder, name] = (seen if settled else None), key, value
    return value  # type: ignore[return-value]


def _times(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return 0, -1
    return stat.st_mtime_ns, stat.st_size


def _stored(folder: Path, name: str, key: str, make: Callable[[], T]) -> T:
    path = files.private_folder(folder) / f"{name}.pickle"
    try:
        with path.open("rb") as f:
            stored, value = pickle.load(f)  # ours: no other user can write the folder
        if stored == key:
            return value  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, pickle.UnpicklingError, AttributeError, ImportError):
        pass  # missing, or written by other code: read afresh
    value = make()
    # A build killed here leaves the old file or the new, never half of one.
    files.replace(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    return value


def read_record(path: Path) -> dict[str, str]:
    """A build's record of what it wrote (page or version -> digest); empty when missing
    or damaged, so that everything is written afresh."""
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return {}


def write_record(path: Path, record: dict[str, str]) -> None:
    files.replace(path, json.dumps(record, sort_keys=True))


def files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
