"""Where the project's checks/ (worked examples, their confirmations, the paragraphs not
yet covered) cite a paragraph's ID: an import that would give an ID to other words says
where an editor reads that ID, and one that numbers IDs afresh where no draft is left to
compare with (its folder deleted) is refused while checks/ still cite the IDs it gives."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from constitution.problems import Problem

SHOWN = 3  # citations named in a report, the rest counted
# the records of the words each worked example and reference was last read against: the
# gate reads them against the words an ID now holds and names each changed one suspect
GATED = {"confirmed.json", "confirmed-references.json"}


def citations(root: Path, checks: Path, ids: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
    """Each of the IDs that a file under checks/ cites: the files (from the project's
    root) and lines citing it, in the files' order."""
    wanted = set(ids)
    if not wanted:
        return {}
    ids = "|".join(sorted(map(re.escape, wanted), key=len, reverse=True))
    # an ID standing alone: MOP-0012, not XMOP-0012 or MOP-00123
    pattern = re.compile(rf"(?<![^\W_])(?:{ids})(?![^\W_])")
    found: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(p for p in checks.rglob("*") if p.is_file() and p.name not in GATED):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # not a text file: no citation
        for number, line in enumerate(text.splitlines(), start=1):
            for m in pattern.finditer(line):
                found.setdefault(m[0], []).append((path.relative_to(root).as_posix(), number))
    return found


def listed(found: dict[str, list[tuple[str, int]]]) -> str:
    """The IDs cited and where, the first few named."""
    named = [f"{i} ({', '.join(f'{p}:{n}' for p, n in found[i][:2])})" for i in sorted(found)]
    more = f"; and {len(named) - SHOWN} more" if len(named) > SHOWN else ""
    return "; ".join(named[:SHOWN]) + more


def afresh(root: Path, checks: Path, ids: Iterable[str], folder: str) -> list[Problem]:
    """Imported afresh where no draft is left to compare with: refused where checks/ cite
    any ID the import gives, at the first citation."""
    found = citations(root, checks, ids)
    if not found:
        return []
    path, line = min(where for places in found.values() for where in places)
    problem = Problem.of(
        path, line, "import-ids-cited", count=len(found), named=listed(found), folder=folder
    )
    return [problem]
