"""Suspect links across documents: a paragraph that cites another document's paragraph
is confirmed against that paragraph's words, as a worked example is against its clauses'
(confirm.py).

checks/confirmed-references.json records, for each citing paragraph (its ID; an
introduction, which has none, its file), the digest of each other document's paragraph
it cites, as an editor read the two together. When those words change (or the reference
is new), the citing paragraph is suspect until an editor reads it against them and runs
``constitution confirm`` with its ID. References within one document are not recorded:
their paragraphs are amended, and read, together.
"""

from __future__ import annotations

import json
from pathlib import Path

from constitution import files
from constitution.confirm import Lock, load_lock
from constitution.documents import Constitution, Entry
from constitution.model import Across, Clause
from constitution.problems import Problem

LOCK = "confirmed-references.json"


def citing(constitution: Constitution) -> dict[str, list[Across]]:
    """Each paragraph (or introduction) that cites another document, by the key the
    record gives it, with its references in the order written."""
    out: dict[str, list[Across]] = {}
    for entry in constitution:
        for ref in entry.document.across:
            out.setdefault(ref.clause or ref.path, []).append(ref)
    return out


def cited(constitution: Constitution, refs: list[Across]) -> dict[str, tuple[Entry, Clause]]:
    """Each paragraph ``refs`` cite (once), in ID order, with its document."""
    found = {r.target: f for r in refs if (f := constitution.find(r.target))}
    return dict(sorted(found.items()))


def suspect(constitution: Constitution, lock: Lock) -> list[Problem]:
    """A problem at each reference whose cited words are not those confirmed."""
    problems = []
    for key, refs in citing(constitution).items():
        confirmed = lock.get(key, {})
        for target, (entry, clause) in cited(constitution, refs).items():
            if confirmed.get(target) == clause.digest:
                continue
            ref = next(r for r in refs if r.target == target)
            why = (
                "has not been confirmed against its words"
                if target not in confirmed
                else "was confirmed against earlier words, which have since changed"
            )
            problems.append(
                Problem.of(
                    ref.path,
                    ref.line,
                    "suspect-reference",
                    ref.clause,
                    citing=key,
                    target=target,
                    cited=entry.cited(clause.number),
                    why=why,
                )
            )
    return problems


def confirm(path: Path, constitution: Constitution, keys: list[str]) -> Lock:
    """Record, for each citing paragraph named, the current digests of what it cites (and
    only those: a reference taken out is forgotten); write atomically."""
    lock, refs = load_lock(path), citing(constitution)
    for key in keys:
        lock[key] = {t: c.digest for t, (_, c) in cited(constitution, refs[key]).items()}
    files.replace(path, json.dumps(dict(sorted(lock.items())), indent=1) + "\n")
    return lock
