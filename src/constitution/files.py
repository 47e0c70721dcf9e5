"""Files written whole: a new file put in the old one's place, never the old one rewritten.

A reader sees the old file or the new, never half of one; and a published site whose
pages are hard links to the build's own files (build.py) is never changed by the next
build, which gives each page it writes a new file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

from constitution.problems import Problem, ProtocolError

# What a file is called while it is written (a build killed then leaves it): never published.
WRITING = ".*.writing"


def replace(path: Path | str, data: str | bytes, errors: str = "strict") -> None:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.writing")
    tmp.write_bytes(data.encode("utf-8", errors) if isinstance(data, str) else data)
    os.replace(tmp, path)


def private_folder(folder: Path) -> Path:
    """``folder``, made if missing, that only this user can write: caches (pickles, which
    run code when read) are read only from such a folder. One not made so (another user
    could have written to it, or it came with the repository, as git makes a committed
    folder open to read) is emptied first, its caches made again; one another user owns
    or a link is refused: what it holds, or will hold, is theirs to choose."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700, parents=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise ProtocolError([Problem.of(str(folder), 0, "work-area-unsafe")])
    if info.st_mode & 0o077:
        shutil.rmtree(folder)
        folder.mkdir(mode=0o700)
    return folder
