"""Files written whole: a new file put in the old one's place, never the old one rewritten.

A reader sees the old file or the new, never half of one; and a published site whose
pages are hard links to the build's own files (build.py) is never changed by the next
build, which gives each page it writes a new file.
"""

from __future__ import annotations

import os
from pathlib import Path

# What a file is called while it is written (a build killed then leaves it): never published.
WRITING = ".*.writing"


def replace(path: Path | str, data: str | bytes, errors: str = "strict") -> None:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.writing")
    tmp.write_bytes(data.encode("utf-8", errors) if isinstance(data, str) else data)
    os.replace(tmp, path)
