"""The register of revoked clause IDs (protocol/retired.toml): never to be used again."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from constitution.problems import Problem, ProtocolError, read_toml

NAME = "retired.toml"


def load_retired(path: Path, id_pattern: re.Pattern[str]) -> dict[str, dt.date]:
    """Each revoked ID with the date it was revoked; empty if there is no register."""
    shown = f"protocol/{path.name}"
    try:
        data = read_toml(path, shown, "retired-syntax")
    except FileNotFoundError:
        return {}
    problems, retired = [], {}
    for clause_id, entry in data.items():
        revoked = entry.get("revoked") if isinstance(entry, dict) else None
        if not id_pattern.fullmatch(clause_id) or not isinstance(revoked, dt.date):
            problems.append(Problem.of(shown, 0, "retired-entry", clause_id))
        else:
            retired[clause_id] = revoked
    if problems:
        raise ProtocolError(problems)
    return retired


def last_used(ids: Iterable[str]) -> int:
    """The highest number among IDs used or revoked: the next ID is the one after it."""
    return max((int(i.rsplit("-", 1)[1]) for i in ids), default=0)


def appended(register: str, revoked: dict[str, dt.date]) -> str:
    """The register's text with entries added after what it holds (its comments and
    notes kept as written)."""
    entries = "".join(f"\n[{i}]\nrevoked = {day.isoformat()}\n" for i, day in revoked.items())
    return (register.rstrip("\n") + "\n" if register.strip() else "") + entries.lstrip("\n")
