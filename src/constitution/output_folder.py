"""Output folders: a command replaces only a folder it made itself, and deletes nothing else.

A mistyped ``--out`` (``.``, ``..``, a symbolic link, a folder of someone's files) must
never cost the user their files, so a folder is replaced only if it is empty or carries
the mark the tool leaves in every folder it writes.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from constitution.problems import Problem, ProtocolError

MARK = ".constitution-output"
MARK_TEXT = "Written by the constitution tool, which replaces this folder whole on each run.\n"


def claim(out: Path, project_root: Path, may_hold: tuple[str, ...] = ()) -> Path:
    """``out`` resolved, if a command may replace it; otherwise a ProtocolError saying why.

    It may be replaced if it does not exist, is empty, carries the tool's mark, or holds
    nothing but files named by the ``may_hold`` patterns (what the command writes)."""
    if out.is_symlink():
        refuse(out, "unsafe-output-link")
    resolved = out.resolve()
    root = project_root.resolve()
    if resolved == root or resolved in root.parents:
        refuse(out, "unsafe-output-project")
    if resolved.exists():
        if not resolved.is_dir():
            refuse(out, "unsafe-output-file")
        inside = list(resolved.iterdir())
        ours = (resolved / MARK).is_file() or all(
            p.is_file() and not p.is_symlink() and any(p.match(m) for m in may_hold) for p in inside
        )
        if inside and not ours:
            refuse(out, "unsafe-output-foreign")
    return resolved


def refuse(out: Path, code: str) -> None:
    raise ProtocolError([Problem.of(str(out), 0, code)])


def replace(staged: Path, out: Path, mark: bool = True) -> None:
    """Put the complete folder ``staged`` in ``out``'s place (``out`` already claimed); the
    old one is moved into a fresh folder of its own before it is removed, so that nothing
    but it is ever deleted. ``mark``: leave the tool's mark in it (not in a folder whose
    every file is read as content, such as protocol/)."""
    if mark:
        (staged / MARK).write_text(MARK_TEXT, encoding="utf-8")
    staged.chmod(0o755)  # made by mkdtemp, private; what it replaces is for others to read
    if not out.exists():
        staged.rename(out)
        return
    trash = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
    out.rename(trash / out.name)
    staged.rename(out)
    shutil.rmtree(trash, ignore_errors=True)
