"""The register of revoked clause IDs (protocol/retired.toml): never to be used again."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

from constitution.problems import Problem, ProtocolError

NAME = "retired.toml"


def load_retired(path: Path, id_pattern: re.Pattern[str]) -> dict[str, dt.date]:
    """Each revoked ID with the date it was revoked; empty if there is no register."""
    shown = f"protocol/{path.name}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 0
        raise ProtocolError(
            [
                Problem(
                    shown,
                    line,
                    "retired-syntax",
                    f"not valid TOML: {exc}",
                    "Correct the TOML syntax at that line.",
                )
            ]
        ) from None
    problems, retired = [], {}
    for clause_id, entry in data.items():
        revoked = entry.get("revoked") if isinstance(entry, dict) else None
        if not id_pattern.fullmatch(clause_id) or not isinstance(revoked, dt.date):
            problems.append(
                Problem(
                    shown,
                    0,
                    "retired-entry",
                    f"the entry [{clause_id}] is not a clause ID with a revocation date.",
                    f"Write [{clause_id}] then revoked = 2026-05-14 (no quotes).",
                    clause_id,
                )
            )
        else:
            retired[clause_id] = revoked
    if problems:
        raise ProtocolError(problems)
    return retired
