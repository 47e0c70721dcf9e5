"""Suspect links: a scenario is confirmed against the text of the clauses it cites.

checks/confirmed.json records, for each scenario, the digest of each cited clause (of
the protocol, or of another document of the constitution) as the editor confirmed it.
When a clause's words change, its scenarios become suspect until an editor reads them
again and runs ``constitution confirm``.
"""

from __future__ import annotations

import json
from pathlib import Path

from constitution import files
from constitution.documents import PROTOCOL, Constitution
from constitution.merge_conflict import conflict_line
from constitution.problems import Problem, ProtocolError
from constitution.scenarios import Scenario

LOCK = "confirmed.json"
Lock = dict[str, dict[str, str]]


def load_lock(path: Path) -> Lock:
    shown = f"checks/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
        if (conflict := conflict_line(text)) is not None:
            raise ProtocolError([Problem.of(shown, conflict, "merge-conflict")])
        data = json.loads(text)
    except FileNotFoundError:
        return {}
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", 0)
        raise ProtocolError([Problem.of(shown, line, "lock-syntax", error=exc)]) from None
    if not isinstance(data, dict) or not all(
        isinstance(v, dict) and all(isinstance(d, str) for d in v.values()) for v in data.values()
    ):
        raise ProtocolError([Problem.of(shown, 1, "lock-shape")])
    return data


def stamps(scenario: Scenario, constitution: Constitution) -> dict[str, str]:
    """The digest of each clause the scenario cites, of whichever document holds it."""
    return {
        cid: found[1].digest
        for cid in sorted(scenario.clauses)
        if (found := constitution.find(cid)) is not None
    }


def suspect(
    scenarios: list[Scenario], constitution: Constitution, lock: Lock
) -> list[tuple[str, Problem]]:
    """Each scenario whose clauses changed since it was confirmed, with its problem."""
    problems = []
    for s in scenarios:
        confirmed = lock.get(s.id)
        now = stamps(s, constitution)
        if confirmed == now:
            continue
        if confirmed is None:
            why = "has not been confirmed against the text of its clauses."
        else:
            changed = sorted(cid for cid in now if confirmed.get(cid) != now[cid])
            numbers = ", ".join(
                f"{cid} ({constitution.citation(cid, PROTOCOL)})" for cid in changed
            )
            why = (
                f"was confirmed against earlier words of {numbers}, which have since changed."
                if changed
                else "now cites different clauses from those confirmed."
            )
        problems.append(
            (
                s.id,
                Problem.of(
                    s.path,
                    s.line,
                    "suspect",
                    ",".join(sorted(s.clauses)),
                    scenario=s.id,
                    why=why,
                ),
            )
        )
    return problems


def confirm(
    path: Path, scenarios: list[Scenario], constitution: Constitution, ids: list[str]
) -> Lock:
    """Record the current clause digests for the scenarios named; write atomically."""
    lock = load_lock(path)
    for s in scenarios:
        if s.id in ids:
            lock[s.id] = stamps(s, constitution)
    files.replace(path, json.dumps(dict(sorted(lock.items())), indent=1) + "\n")
    return lock
