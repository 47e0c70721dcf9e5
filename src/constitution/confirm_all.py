"""``constitution confirm --all``: every worked example and every paragraph citing another
document that can be confirmed is, and each of the rest is named with why it could not be.

A document that cannot be read (a duplicate ID, say) stops only what rests on it: a worked
example or a paragraph citing one of its paragraphs, and its own paragraphs. Its problems
are printed with the rest, so that one run says everything left to mend.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from constitution import confirm_across
from constitution.confirm import LOCK, confirm
from constitution.council import Council
from constitution.documents import PROTOCOL, Constitution
from constitution.problems import Problem
from constitution.scenarios import Example, Scenario


@dataclass
class Confirmed:
    """What was confirmed, and a problem for each thing that was not (and why)."""

    scenarios: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class Unreadable:
    """The constitution's documents that cannot be read, by the IDs of their paragraphs."""

    def __init__(self, council: Council, broken: Mapping[str, list[Problem]]) -> None:
        settings = {d.key: (d.title, d.folder) for d in council.documents}
        settings[PROTOCOL] = (council.document, PROTOCOL)
        self.prefixes = {d.id_prefix: d.key for d in council.documents}
        self.prefixes[council.id_prefix] = PROTOCOL
        self.broken = {key: settings[key] for key in broken}
        self.problems = broken

    def of(self, clause_id: str) -> str | None:
        """The key of the document ``clause_id`` belongs to, by its prefix."""
        return self.prefixes.get(clause_id.rpartition("-")[0])

    def holder(self, clause_id: str) -> str | None:
        """The title of the unreadable document holding ``clause_id``, if it is one's."""
        key = self.of(clause_id)
        return self.broken[key][0] if key in self.broken else None

    def blocked(self, clause_id: str) -> list[Problem]:
        """The problems of the unreadable document holding ``clause_id``, if any."""
        return list(self.problems.get(self.of(clause_id) or "", []))

    def restated(self, problem: Problem) -> Problem:
        """A worked example's citation of a paragraph of a document that cannot be read,
        told as that, not as a paragraph that does not exist (as the reader, which sees
        only the documents read, says it)."""
        unknown = problem.code == "scenario-unknown-clause"
        document = self.holder(problem.clause) if unknown else None
        if document is None:
            return problem
        file, line, clause = problem.file, problem.line, problem.clause
        return Problem.of(file, line, "scenario-cites-unread", clause, document=document)

    def waits(self, file: str, line: int, item: str, target: str) -> Problem | None:
        """Why ``item`` (citing ``target`` at ``file``:``line``) waits, if it does."""
        document = self.holder(target)
        if document is None:
            return None
        fields = {"item": item, "target": target, "document": document}
        return Problem.of(file, line, "confirm-waits", item, **fields)


def confirm_all(
    checks: Path,
    council: Council,
    constitution: Constitution,
    broken: Mapping[str, list[Problem]],
    examples: list[Example],
    unread: list[Problem],
) -> Confirmed:
    """Confirm what can be (``constitution``: the documents read; ``broken``: each other
    one's problems; ``examples``: the worked examples read, or ``unread``: why they could
    not be) and record it; say why each of the rest was not."""
    unreadable = Unreadable(council, broken)
    done = Confirmed(problems=[p for found in broken.values() for p in found])
    done.problems += [p for p in unread if p not in done.problems]
    if unread:
        done.problems.append(Problem.of("checks/scenarios", 0, "confirm-examples-unread"))
    scenarios: list[Scenario] = []
    for example in examples:
        if isinstance(example, Scenario):
            scenarios.append(example)
            continue
        # an example citing a paragraph of a document that cannot be read is read as citing
        # no paragraph: it waits for that document, and says so
        for p in example.problems:
            waiting = p.code == "scenario-unknown-clause" and example.id
            said = waiting and unreadable.waits(p.file, p.line, example.id, p.clause)
            done.problems.append(said or p)
    done.scenarios = [s.id for s in scenarios]
    citing = confirm_across.citing(constitution)
    for key, refs in citing.items():
        stopped = [w for r in refs if (w := unreadable.waits(r.path, r.line, key, r.target))]
        done.problems += stopped
        if not stopped:
            done.paragraphs.append(key)
    for title, folder in unreadable.broken.values() if council.documents else ():
        done.problems.append(Problem.of(folder, 0, "confirm-document-unread", document=title))
    if done.scenarios:
        confirm(checks / LOCK, scenarios, constitution, done.scenarios)
    if done.paragraphs:
        confirm_across.confirm(checks / confirm_across.LOCK, constitution, done.paragraphs)
    return done
