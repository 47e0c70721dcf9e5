"""The traceability gate: is the constitution whole? No Sphinx build needed.

It reads the protocol and the scenarios once and reports every problem with its file,
line, clause, what is wrong and how to fix it: unique, well-formed, never-reused IDs;
references, roles and statutes that resolve; no citation of a revoked clause; every
normative clause decided by a scenario; scenarios citing live clauses; and suspect
links (scenarios whose clauses changed since an editor confirmed them, and paragraphs
citing another document's paragraph whose words changed since they were confirmed).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from constitution import baseline, problems
from constitution.confirm import LOCK, load_lock, suspect
from constitution.confirm_across import LOCK as ACROSS_LOCK
from constitution.confirm_across import suspect as across_suspect
from constitution.confirm_all import Unreadable
from constitution.documents import PROTOCOL
from constitution.model import Document, Revoked
from constitution.numbering import find
from constitution.prefix_change import prefix_changes
from constitution.problems import Problem, ProtocolError
from constitution.project import Project
from constitution.records_aside import Aside, start
from constitution.versions import appended_only


@dataclass
class Report:
    clauses: int = 0
    normative: int = 0
    covered: int = 0
    scenarios: int = 0
    baselined: int = 0  # normative, not covered, and on the coverage baseline
    suspect: list[str] = field(default_factory=list)
    # paragraphs citing another document's whose words changed since they were confirmed
    suspect_references: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # the constitution's other documents read and checked: (title, paragraphs)
    others: list[tuple[str, int]] = field(default_factory=list)
    # what could not be read, so that nothing after it was checked (the counts then say
    # nothing): "the settings", "the draft", "the worked examples and rules"
    stopped: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def status(self) -> int:
        return problems.status(self.problems)


@dataclass(frozen=True)
class Base:
    """The repository before the amendment (``check --base REF``): its protocol, and its
    adopted records (file name -> bytes), each other document's by its records' folder."""

    ref: str
    document: Document
    records: dict[str, bytes]
    documents: dict[str, dict[str, bytes]] = field(default_factory=dict)  # versions/KEY


def run_check(project: Project, base: Base | None = None) -> Report:
    """Check the draft and the adopted versions (as the build does); with ``base``, also
    that every clause the amendment removes is entered in the retired register, that no
    adopted record was changed or removed, and that the coverage baseline has not grown."""
    report = _checked(project, base)
    # A record rewritten since the base is said so, with the base to restore it from;
    # that its digest no longer matches its words is the same fault, said once.
    rewritten = {p.file for p in report.problems if p.code == "version-rewritten"}
    report.problems = [
        p for p in report.problems if p.code != "version-tampered" or p.file not in rewritten
    ]
    return report


def _checked(project: Project, base: Base | None) -> Report:
    report = Report(stopped="the settings")
    try:
        council = project.council()  # every other part is read through the settings
    except ProtocolError as exc:
        report.problems = exc.problems
        return report
    if changed := prefix_changes(project.root, council):
        report.problems = changed  # else every ID, draft and adopted, reads as malformed
        return report
    report.stopped = ""
    # the records and the worked examples, read in a second process where it can help
    with start(project) as aside:
        return _read(project, base, report, aside)


def _read(project: Project, base: Base | None, report: Report, aside: Aside) -> Report:
    council = project.council()
    try:
        draft: Document | ProtocolError = project.draft()
    except ProtocolError as exc:
        draft = exc  # said below, with the records' problems
    finally:
        aside.records()
    versions = None  # read once: each reading hashes every record's bytes again
    try:
        versions = project.versions()
    except ProtocolError as exc:
        report.problems.extend(exc.problems)
    if base is not None:
        report.problems.extend(appended_only(project.versions_dir, base.records, base.ref))
        for folder, records in base.documents.items():
            found = appended_only(project.root / folder, records, base.ref, folder)
            report.problems.extend(found)
    try:
        if isinstance(draft, ProtocolError):
            raise draft
        document = project.document(versions, draft)
    except ProtocolError as exc:
        # the draft is numbered against the adopted records: their problems, once
        report.problems.extend(p for p in exc.problems if p not in report.problems)
        report.problems.sort()
        report.stopped = "the draft"
        return report
    if base is not None:
        report.problems.extend(unrecorded_revocations(base.document, document, project.retired()))
        if council.numbering == "insert" and not versions:
            report.problems.extend(unkept_numbers(base.document, document))
    broken: Mapping[str, list[Problem]] = {}
    try:
        # the constitution's other documents, and the references across documents
        constitution = project.constitution(document, versions)
    except ProtocolError as exc:
        report.problems.extend(exc.problems)
        # the documents that can be read are checked still, and may be cited
        constitution, broken = project.readable(document, versions)
    report.others = [
        (e.title, sum(1 for _ in e.document.clauses())) for e in constitution if e.key != PROTOCOL
    ]
    try:
        across = across_suspect(constitution, load_lock(project.checks / ACROSS_LOCK))
        report.suspect_references = sorted({p.clause or p.file for p in across})
        report.problems.extend(across)
    except ProtocolError as exc:
        report.problems.extend(exc.problems)
    clauses = list(document.clauses())
    report.clauses = len(clauses)
    report.normative = sum(c.normative for c in clauses)
    try:
        scenarios = project.scenarios(document, constitution=constitution, aside=aside.examples)
        report.problems.extend(project.rule_problems(document, constitution))
        lock = load_lock(project.checks / LOCK)
        listed = baseline.load(project.checks)
        before = baseline.at_ref(project.root, base.ref) if base else None
    except ProtocolError as exc:
        unreadable = Unreadable(project.council(), broken)
        report.problems.extend(unreadable.restated(p) for p in exc.problems)
        report.problems.sort()
        report.stopped = "the worked examples and rules"
        return report
    report.scenarios = len(scenarios)
    covered = set().union(*(s.clauses for s in scenarios))
    report.covered = sum(c.normative and c.id in covered for c in clauses)
    report.baselined = sum(c.normative and c.id not in covered and c.id in listed for c in clauses)
    present = {s.id for s in scenarios}
    report.problems.extend(uncovered(document, covered | set(listed), lock, present))
    report.problems.extend(baseline.problems(project.checks, document, covered, listed, before))
    stale = suspect(scenarios, constitution, lock)
    report.suspect = sorted(scenario_id for scenario_id, _ in stale)
    report.problems.extend(problem for _, problem in stale)
    report.problems.sort()
    return report


def unrecorded_revocations(
    base: Document, document: Document, retired: Mapping[str, object]
) -> list[Problem]:
    return [
        Problem.of("protocol/retired.toml", 0, "revoked-unrecorded", c.id, number=c.number)
        for c in base.clauses()
        if document.clause(c.id) is None and c.id not in retired
    ]


def unkept_numbers(base: Document, document: Document) -> list[Problem]:
    """Each paragraph the imported document printed, revoked before Council adopts any
    version: no adoption record keeps its number in its place, so its section's front
    matter must, or a paragraph inserted after the one before it is given the number that
    citations of the printed protocol mean."""
    return [
        Problem.of(c.path, 0, "revoked-number-unkept", c.id, number=c.number)
        for c in base.clauses()
        if c.source_number
        and document.clause(c.id) is None
        and not isinstance(find(document, c.number), Revoked)
    ]


def uncovered(
    document: Document, covered: set[str], lock: Mapping[str, Mapping[str, str]], present: set[str]
) -> list[Problem]:
    """Each rule-bearing paragraph no example covers. One that checks/confirmed.json
    records an example for, which no scenario file now holds, lost it by a deletion: it
    is named with those examples (it is no new paragraph, and it is not to be listed)."""
    found = []
    for c in document.clauses():
        if not c.normative or c.id in covered:
            continue
        gone = sorted(e for e, clauses in lock.items() if c.id in clauses and e not in present)
        fields = {"number": c.number, "modality": c.modality, "baseline": baseline.SHOWN}
        if gone:
            examples = ", ".join(gone)
            found.append(
                Problem.of(
                    c.path, c.line, "uncovered-example-removed", c.id, examples=examples, **fields
                )
            )
        else:
            found.append(Problem.of(c.path, c.line, "uncovered", c.id, **fields))
    return found


def as_text(report: Report) -> str:
    lines = [problems.as_text(report.problems)] if report.problems else []
    summary = (
        f"{counted(report.clauses, 'clause')} ({report.normative} normative); {report.covered} "
        f"covered by {counted(report.scenarios, 'scenario')}; {len(report.suspect)} suspect."
    )
    if report.suspect_references:
        summary += (
            f" {len(report.suspect_references)} paragraph(s) citing another document not"
            " confirmed against its current words."
        )
    if report.baselined:
        summary += f" {report.baselined} not yet covered, as listed in {baseline.SHOWN}."
    if report.stopped:  # its counts would say nothing, or mislead ("0 clauses")
        summary = f"Checked no further: {report.stopped} could not be read past these problems."
    elif report.others:
        # without it, a council with a whole constitution cannot tell its other parts were read
        read = "; ".join(f"{title}, {counted(n, 'paragraph')}" for title, n in report.others)
        summary += f" Also checked: {read}."
    lines.append(("" if report.ok else "\n") + summary)
    lines.append(
        "The constitution is whole."
        if report.ok
        else f"{len(report.problems)} problem(s) to fix before this can be adopted."
    )
    return "\n".join(lines)


def counted(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def as_github(report: Report) -> str:
    """GitHub Actions workflow commands: an annotation on each problem's file and line."""
    annotations = [problems.as_github(report.problems)] if report.problems else []
    return "\n".join([*annotations, as_text(report).splitlines()[-2]])


def as_json(report: Report) -> str:
    return json.dumps(
        {
            "ok": report.ok,
            "clauses": report.clauses,
            "normative": report.normative,
            "covered": report.covered,
            "baselined": report.baselined,
            "scenarios": report.scenarios,
            "suspect": report.suspect,
            "suspect_references": report.suspect_references,
            "documents": [{"title": t, "paragraphs": n} for t, n in report.others],
            "stopped": report.stopped or None,
            "problems": problems.as_json(report.problems),
        },
        indent=1,
    )


FORMATS = {"text": as_text, "github": as_github, "json": as_json}
