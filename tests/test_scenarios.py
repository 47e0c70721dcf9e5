"""Scenario checks: dates, coverage, the weight of every rule, and bad scenario files."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from constitution.model import Document
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.scenarios import add_working_days, is_working_day, surviving_rules


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        ("2025-04-17", 10, "2025-05-06"),  # Good Friday, Easter Monday, early May bank holiday
        ("2025-04-17", 5, "2025-04-28"),
        ("2025-12-22", 10, "2026-01-08"),  # Christmas Day, Boxing Day, New Year's Day
        ("2025-08-21", 5, "2025-08-29"),  # the August bank holiday
        ("2025-06-06", 1, "2025-06-09"),  # Friday to Monday
    ],
)
def test_working_days_skip_weekends_and_english_bank_holidays(
    start: str, days: int, due: str
) -> None:
    assert add_working_days(dt.date.fromisoformat(start), days) == dt.date.fromisoformat(due)


def test_good_friday_and_christmas_are_not_working_days() -> None:
    assert not is_working_day(dt.date(2026, 4, 3))
    assert not is_working_day(dt.date(2026, 12, 25))
    assert is_working_day(dt.date(2026, 4, 7))


def test_every_normative_clause_is_decided_by_a_scenario(
    project: Project, document: Document
) -> None:
    scenarios = project.scenarios(document)
    assert len(scenarios) >= 80
    covered = set().union(*(s.expect.clauses for s in scenarios))
    uncovered = [c.id for c in document.clauses() if c.normative and c.id not in covered]
    assert uncovered == []


def test_the_hard_cases_are_there(project: Project, document: Document) -> None:
    acts = {(s.act, k, str(v)) for s in project.scenarios(document) for k, v in s.facts.items()}
    assert ("brief-political-group", "non-members-present", "True") in acts
    assert ("call-officer-to-scrutiny", "officer-seniority", "junior") in acts
    assert ("request-information", "interest-in-matter", "True") in acts
    assert ("influence-staffing", "candidate-relationship", "family") in acts
    assert ("ask-to-change-report", "change-sought", "change-recommendation") in acts
    assert ("member-enquiry", "received", "2025-12-22") in acts
    assert ("issue-publicity", "public-safety-emergency", "True") in acts
    assert ("issue-publicity", "election-notice-published", "2026-03-27") in acts


def test_every_rule_carries_weight(project: Project, document: Document) -> None:
    assert surviving_rules(project.rulebook(), project.scenarios(document)) == []


def test_a_disabled_rule_makes_a_scenario_fail(project: Project, document: Document) -> None:
    book = project.rulebook()
    rule = next(r for r in book.rules if r.clause == "MOP-0145")
    failing = [
        s.id
        for s in project.scenarios(document)
        if s.expect.differences(book.determine(s.facts, disabled=rule))
    ]
    assert failing == ["SC-ENQ-002"]


GOOD = """\
- id: SC-TST-001
  title: A test
  facts: {act: suggest-change, actor: officer}
  expect:
    permitted: true
    clauses: [MOP-0207]
"""

# fmt: off
BAD_SCENARIOS = [
    # (case, replaced, replacement, code, line, words of the fix)
    ("unknown clause", "[MOP-0207]", "[MOP-0999]", "scenario-unknown-clause", 6,
     "Cite the ID"),
    ("unknown field", "  title: A test", "  title: A test\n  colour: red",
     "scenario-field", 3, "Use only"),
    ("unknown fact", "actor: officer}", "actor: officer, weather: rain}", "scenario-fact", 3,
     "vocabulary"),
    ("impossible date", "actor: officer}", "actor: officer, date: 2025-02-30}",
     "scenario-fact", 3, "Correct the value"),
    ("fact names a clause", "actor: officer}", "actor: officer, activity: MOP-0042}",
     "scenario-names-answer", 3, "State only what happened"),
    ("fact names the verdict", "act: suggest-change", "act: permitted",
     "scenario-names-answer", 3, "State only what happened"),
    ("yaml anchor", "  facts: {act", "  facts: &f {act", "scenario-yaml", 3,
     "in full"),
    ("yaml syntax", "  expect:\n", "  expect: [\n", "scenario-yaml", 6, "indentation"),
    ("no clauses", "    clauses: [MOP-0207]\n", "", "scenario-expect", 5,
     "List the clauses"),
    ("bad id", "SC-TST-001", "scenario one", "scenario-id", 1, "SC-ENQ-001"),
]
# fmt: on


@pytest.mark.parametrize(
    ("case", "old", "new", "code", "line", "fix"), BAD_SCENARIOS, ids=[b[0] for b in BAD_SCENARIOS]
)
def test_bad_scenario_files_are_located_and_explained(
    scratch: Project,
    document: Document,
    case: str,
    old: str,
    new: str,
    code: str,
    line: int,
    fix: str,
) -> None:
    assert old in GOOD
    path = scratch.root / "checks" / "scenarios" / "test.yaml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(ProtocolError) as caught:
        scratch.scenarios(document, [path])
    found = [(p.file, p.line, p.code) for p in caught.value.problems]
    assert ("checks/scenarios/test.yaml", line, code) in found, found
    assert any(fix in p.fix for p in caught.value.problems)


def test_the_good_scenario_loads(scratch: Project, document: Document) -> None:
    path = scratch.root / "checks" / "scenarios" / "test.yaml"
    path.write_text(GOOD, encoding="utf-8")
    (scenario,) = scratch.scenarios(document, [path])
    assert scenario.id == "SC-TST-001"


def test_a_failing_scenario_fails_pytest_in_plain_words(scratch: Project) -> None:
    scenarios = scratch.root / "checks" / "scenarios"
    for old in scenarios.glob("*.yaml"):
        old.unlink()
    (scenarios / "one.yaml").write_text(GOOD.replace("permitted: true", "permitted: false"))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(scenarios)],
        cwd=scratch.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "SC-TST-001 (checks/scenarios/one.yaml:1): A test" in result.stdout
    assert "permitted: expected not permitted, the protocol gave permitted" in result.stdout
