"""Scenario checks: dates, coverage, the weight of every rule, and bad scenario files."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MODEL
from constitution.model import Document
from constitution.problems import Problem, ProtocolError
from constitution.project import Project
from constitution.scenarios import (
    LOADER,
    Determination,
    Duty,
    Effect,
    Malformed,
    Rule,
    RuleBook,
    Scenario,
    add_working_days,
    did_you_mean,
    is_working_day,
    one_of,
    read_examples,
    surviving_rules,
)


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
    covered = set().union(*(s.clauses for s in scenarios))
    uncovered = [c.id for c in document.clauses() if c.normative and c.id not in covered]
    assert uncovered == []


def test_the_hard_cases_are_there(project: Project, document: Document) -> None:
    acts = {
        (part.act, k, str(v))
        for s in project.scenarios(document)
        for part in s.parts
        for k, v in part.facts.items()
    }
    assert ("brief-political-group", "non-members-present", "True") in acts
    assert ("call-officer-to-scrutiny", "towards", "junior-officer") in acts
    assert ("request-information", "interest-in-matter", "True") in acts
    assert ("influence-staffing", "relationship", "family") in acts
    assert ("ask-to-change-report", "change-sought", "change-recommendation") in acts
    assert ("member-enquiry", "received", "2025-12-22") in acts
    assert ("issue-publicity", "emergency", "True") in acts
    assert ("issue-publicity", "election-notice-published", "2026-03-27") in acts


def test_every_rule_carries_weight(project: Project, document: Document) -> None:
    assert surviving_rules(project.rulebook(), project.scenarios(document)) == []


def test_a_disabled_rule_makes_a_scenario_fail(project: Project, document: Document) -> None:
    book = project.rulebook()
    rule = next(r for r in book.rules if r.clause == "MOP-0145")
    failing = [s.id for s in project.scenarios(document) if s.differences(book, disabled=rule)]
    assert sorted(failing) == ["SC-ENQ-002", "SC-ENQ-013", "SC-SIT-002", "SC-SIX-005"]


GOOD = """\
- id: SC-TST-001
  title: A test
  facts: {act: suggest-change, actor: officer}
  expect:
    permitted: true
    clauses: [MOP-0207]
"""

# An example whose act reads facts, gives duties and names who decides.
GOOD2 = """\
- id: SC-TST-002
  title: An officer has declared a friendship with a member
  facts: {act: form-relationship, actor: officer, relationship: friendship, declared: true}
  expect:
    duties:
      - {who: officer, must: keep-relationship-professional}
      - {who: chief-officer, must: decide-and-record-steps}
    decides: chief-officer
    clauses: [MOP-0054, MOP-0056]
"""
BOTH = GOOD + GOOD2

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
     "scenario-fact-value", 3, "Correct the value"),
    ("fact names a clause", "actor: officer}", "actor: officer, activity: MOP-0042}",
     "scenario-names-answer", 3, "State only what happened"),
    ("fact names the verdict", "act: suggest-change", "act: permitted",
     "scenario-names-answer", 3, "State only what happened"),
    ("yaml anchor", "  facts: {act", "  facts: &f {act", "scenario-yaml-anchor", 3,
     "in full"),
    # at a line's start: reported on its own line, not the line before
    ("yaml anchor, a line's first", "  title: A test\n", "  title: A test\n&t\n",
     "scenario-yaml-anchor", 3, "in full"),
    # an alias after a flow key's '?', which the quick pattern does not see: found shared
    ("yaml alias after '?'", "  facts: {act: suggest-change, actor: officer}",
     "  facts: {?&k act: suggest-change, actor: officer, ?*k : x}", "scenario-yaml-anchor", 3,
     "in full"),
    ("yaml syntax", "  expect:\n", "  expect: [\n", "scenario-yaml", 6, "indentation"),
    ("no clauses", "    clauses: [MOP-0207]\n", "", "scenario-expect-none", 5,
     "List the clauses"),
    ("an answer given, no clauses", "    clauses: [MOP-0207]\n", "    clauses: []\n",
     "scenario-expect-none", 5, "only a situation the protocol does not answer"),
    ("bad id", "SC-TST-001", "scenario one", "scenario-id", 1, "SC-ENQ-001"),
    ("ignored fact", "actor: officer}", "actor: officer, blind-copy: true}",
     "scenario-fact-ignored", 3, "the rules for 'suggest-change' read: no facts"),
    ("misspelt fact", "declared: true}", "declard: true}", "scenario-fact", 9,
     "Did you mean 'declared'?"),
    ("misspelt act", "act: form-relationship", "act: form-relationshp", "scenario-fact-value", 9,
     "Did you mean 'form-relationship'?"),
    ("misspelt duty", "must: decide-and-record-steps", "must: decide-and-record-step",
     "scenario-expect-name", 13, "Did you mean 'decide-and-record-steps'?"),
    ("misspelt duty bearer", "who: chief-officer", "who: chief-oficer", "scenario-expect-name",
     13, "Did you mean 'chief-officer'?"),
    ("misspelt decider", "decides: chief-officer", "decides: chef-officer",
     "scenario-expect-name", 14, "Did you mean 'chief-officer'?"),
    ("outcome no rule gives", "    permitted: true\n", "    permitted: false\n",
     "scenario-expect-outcome", 5, "no rule for 'suggest-change' forbids it"),
    ("outcome word", "permitted: true", "permitted: allowed", "scenario-expect-permitted", 5,
     "not 'allowed'"),
    ("one clause, no brackets", "[MOP-0207]", "MOP-0207", "scenario-expect-clauses", 6,
     "'clauses: [MOP-0207]'"),
    ("one duty, no list", "    permitted: true\n", "    permitted: true\n    duties: {who: a}\n",
     "scenario-expect-duties", 6, "even of one duty"),
]
# fmt: on


def write(project: Project, text: str) -> Path:
    path = project.root / "checks" / "scenarios" / "test.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(project: Project, document: Document, text: str, old: str, new: str) -> list[Problem]:
    """What the reader refuses in ``text`` once ``old`` is replaced by ``new``."""
    assert old in text
    with pytest.raises(ProtocolError) as caught:
        project.scenarios(document, [write(project, text.replace(old, new, 1))])
    return caught.value.problems


def test_a_malformed_example_leaves_the_others_checkable(
    scratch: Project, document: Document
) -> None:
    path = scratch.root / "checks" / "scenarios" / "test.yaml"
    path.write_text(BOTH.replace("declared: true}", "declard: true}"), encoding="utf-8")
    good, bad = scratch.examples(document, [path])
    assert isinstance(good, Scenario) and good.id == "SC-TST-001"
    assert isinstance(bad, Malformed) and (bad.id, bad.line) == ("SC-TST-002", 7)
    assert [p.code for p in bad.problems] == ["scenario-fact"]


def test_the_good_scenarios_load_and_pass(scratch: Project, document: Document) -> None:
    path = scratch.root / "checks" / "scenarios" / "test.yaml"
    path.write_text(BOTH, encoding="utf-8")
    scenarios = scratch.scenarios(document, [path])
    assert [s.id for s in scenarios] == ["SC-TST-001", "SC-TST-002"]
    book = scratch.rulebook()
    assert [s.differences(book) for s in scenarios] == [[], []]
    # The short form is one person's act: one part, the facts as written, nothing shared.
    assert [len(s.parts) for s in scenarios] == [1, 1] and scenarios[1].shared == {}
    assert scenarios[1].parts[0].facts == {
        "act": "form-relationship",
        "actor": "officer",
        "relationship": "friendship",
        "declared": True,
    }


def run_pytest(project: Project, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """pytest run on a project whose only scenario files are ``files``."""
    scenarios = project.root / "checks" / "scenarios"
    for old in scenarios.glob("*.yaml"):
        old.unlink()
    for name, text in files.items():
        (scenarios / name).write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", str(scenarios)],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )


# A situation the protocol does not answer: a member and a contractor's employee, whom no
# paragraph's words reach.
SILENT = """\
- id: SC-TST-006
  title: A member shouts at a refuse crew employed by the Council's contractor
  facts: {act: behave-towards, actor: member, towards: contractor-staff, behaviour: shouting}
  expect:
    clauses: []
"""


def test_a_situation_the_protocol_does_not_answer_expects_nothing(
    scratch: Project, document: Document
) -> None:
    (silent,) = scratch.scenarios(document, [write(scratch, SILENT)])
    book = scratch.rulebook()
    assert silent.parts[0].expect == Determination() and silent.differences(book) == []
    # Towards an officer the protocol does answer, and the expectation of silence fails.
    (answered,) = scratch.scenarios(
        document, [write(scratch, SILENT.replace("contractor-staff", "officer"))]
    )
    differences = answered.differences(book)
    assert differences[0] == "permitted: expected no answer, the protocol gave not permitted"
    assert differences[1].startswith("clauses applied but not expected: MOP-0029")


def test_a_failing_scenario_fails_pytest_in_plain_words(scratch: Project) -> None:
    result = run_pytest(scratch, {"one.yaml": GOOD2.replace("declared: true", "declared: false")})
    assert result.returncode == 1
    assert "SC-TST-002 (checks/scenarios/one.yaml:1): An officer has declared" in result.stdout
    assert "expected duty not given: chief-officer must decide-and-record-steps" in result.stdout


def test_a_malformed_example_fails_alone_and_the_session_runs_on(scratch: Project) -> None:
    bad = GOOD2.replace("declared: true}", "declard: true}")
    result = run_pytest(
        scratch,
        {"one.yaml": GOOD + bad + GOOD.replace("001", "003"), "two.yaml": "- id: [\n"},
    )
    out = result.stdout
    assert result.returncode == 1, out
    assert out.splitlines()[-1].startswith("2 failed, 2 passed"), out  # no collection error
    assert "FAILED checks/scenarios/one.yaml::SC-TST-002" in out
    assert "FAILED checks/scenarios/two.yaml::line 2" in out
    assert (
        "checks/scenarios/one.yaml:9: scenario-fact: 'declard' is not a known fact. "
        "Did you mean 'declared'?\n    How to fix: Besides act, actor and towards" in out
    )
    assert "checks/scenarios/two.yaml:2: scenario-yaml: not valid YAML" in out


# A situation that is two acts at once: an officer's post (using information) that is
# curt towards a member (behaving towards someone) takes the rules of both. On the
# Council's page it is the officer's work, so 5.2's impartiality (MOP-0042) holds too.
SEVERAL = """\
- id: SC-TST-003
  title: An officer's post on the Council's page is curt with a named member
  facts: {act: [post-on-social-media, behave-towards], actor: officer, towards: member,
          officer-identifiable: true, party-political: true, behaviour: curt}
  expect:
    permitted: false
    clauses: [MOP-0029, MOP-0042, MOP-0050, MOP-0191]
"""


def test_a_situation_of_several_acts_takes_the_rules_of_each(
    scratch: Project, document: Document
) -> None:
    path = scratch.root / "checks" / "scenarios" / "test.yaml"
    path.write_text(SEVERAL, encoding="utf-8")
    (scenario,) = scratch.scenarios(document, [path])
    (part,) = scenario.parts
    assert part.facts["act"] == ("post-on-social-media", "behave-towards")
    assert part.act == "post-on-social-media and behave-towards"
    book = scratch.rulebook()
    assert scenario.differences(book) == []
    # Either act alone leaves out the other's paragraphs (and refuses its facts).
    alone = book.determine({**part.facts, "act": "post-on-social-media"})
    assert alone.clauses == {"MOP-0042", "MOP-0191"}


@pytest.mark.parametrize(
    ("old", "new", "code", "says"),
    [
        ("behave-towards]", "post-on-social-media]", "scenario-acts", "'act' lists"),
        ("behave-towards]", "behave-toward]", "scenario-fact-value", "'behave-towards'"),
        ("curt}", "curt, blind-copy: true}", "scenario-fact-ignored", "'post-on-social-media and"),
    ],
    ids=["an act twice", "a misspelt act", "a fact neither act reads"],
)
def test_several_acts_are_read_strictly(
    scratch: Project, document: Document, old: str, new: str, code: str, says: str
) -> None:
    path = scratch.root / "checks" / "scenarios" / "test.yaml"
    path.write_text(SEVERAL.replace(old, new), encoding="utf-8")
    with pytest.raises(ProtocolError) as caught:
        scratch.scenarios(document, [path])
    found = [(p.line, p.code) for p in caught.value.problems]
    assert (4 if "blind-copy" in new else 3, code) in found, found
    assert says in str(caught.value)


def test_what_an_act_is_given_is_worked_out_again_when_a_rule_is_added() -> None:
    """The rule book works out an act's rules, effects and facts read once (every worked
    example asks for them several times); a rule added after that is not missed."""
    book = RuleBook(
        {"act": one_of("speak", "speak-publicly"), "recorded": one_of("yes", "no")},
        broader={"speak-publicly": "speak"},
    )
    book.add(Rule("MOP-0001", "speak", Effect("allow"), lambda f: True, "allow"))
    assert book.lineage("speak-publicly") == ("speak-publicly", "speak")
    assert book.effects("speak-publicly", "forbid") == ()
    assert book.reads("speak-publicly") == frozenset()
    book.add(
        Rule(
            "MOP-0002",
            "speak",
            Effect("forbid"),
            lambda f: f.get("recorded") == "yes",
            "forbid if recorded",
        )
    )
    assert book.effects("speak-publicly", "forbid") == (Effect("forbid"),)
    assert [r.clause for r in book.rules_for("speak-publicly")] == ["MOP-0001", "MOP-0002"]
    assert book.reads("speak-publicly") == frozenset({"recorded"})
    assert book.determine({"act": "speak-publicly", "recorded": "yes"}).permitted is False


def test_what_the_rules_read_is_worked_out_only_for_facts_it_could_refuse(
    tmp_path: Path,
) -> None:
    """A situation that states only who did what (act, actor, towards, which any may
    state) has no fact the rules could fail to read: its act's rules are not explored
    (at 5,000 paragraphs, one act an example, that was a tenth of reading them). Any
    other fact still is checked against what they read."""
    runs: list[object] = []
    book = RuleBook(
        {
            "act": one_of("speak"),
            "actor": one_of("member"),
            "recorded": one_of("yes", "no"),
            "minuted": one_of("yes", "no"),
        }
    )
    book.add(Rule("MOP-0001", "speak", Effect("forbid"), lambda f: bool(runs.append(f)), "r"))
    book.add(Rule("MOP-0002", "speak", Effect("forbid"), lambda f: f["recorded"] == "yes", "f"))
    example = "- id: SC-TST-{n:03}\n  title: T\n  facts: {{{facts}}}\n  expect: {{clauses: []}}\n"
    path = tmp_path / "examples.yaml"
    path.write_text(example.format(n=1, facts="act: speak, actor: member"), encoding="utf-8")
    pattern = re.compile(r"MOP-\d{4}")
    (read,) = read_examples([path], tmp_path, book, {"MOP-0001", "MOP-0002"}, pattern)
    assert isinstance(read, Scenario) and runs == []
    path.write_text(
        example.format(n=1, facts="act: speak, recorded: 'no'")
        + example.format(n=2, facts="act: speak, actor: member, minuted: 'no'"),
        encoding="utf-8",
    )
    first, second = read_examples([path], tmp_path, book, {"MOP-0001", "MOP-0002"}, pattern)
    assert isinstance(first, Scenario) and runs  # explored, and 'recorded' is read
    assert isinstance(second, Malformed)
    assert [(p.line, p.code) for p in second.problems] == [(7, "scenario-fact-ignored")]


# A situation of two people, each with an answer of their own (lines 5 and 9), sharing
# the facts of line 3, which only the member's act reads.
TWO = """\
- id: SC-TST-004
  title: A member prints party leaflets on a Council printer, and an officer sees it
  facts: {resource: it, purpose: party-campaign}
  people:
    - facts: {act: use-council-resources, actor: member}
      expect:
        permitted: false
        clauses: [MOP-0169, MOP-0170]
    - facts: {act: notice-misuse, actor: officer, towards: member}
      expect:
        duties: [{who: officer, must: report-to-chief-officer-or-monitoring-officer}]
        clauses: [MOP-0175]
"""


def test_a_situation_of_two_people_gives_each_their_own_answer(
    scratch: Project, document: Document
) -> None:
    (scenario,) = scratch.scenarios(document, [write(scratch, TWO)])
    member, officer = scenario.parts
    assert scenario.shared == {"resource": "it", "purpose": "party-campaign"}
    # Each act reads its own facts and the shared ones, and nobody else's.
    assert member.facts == {**scenario.shared, "act": "use-council-resources", "actor": "member"}
    assert officer.facts == {
        **scenario.shared,
        "act": "notice-misuse",
        "actor": "officer",
        "towards": "member",
    }
    assert (member.line, officer.line) == (5, 9)
    assert member.expect.permitted is False and officer.expect.permitted is None
    assert scenario.clauses == {"MOP-0169", "MOP-0170", "MOP-0175"}
    book = scratch.rulebook()
    assert scenario.differences(book) == []
    # The officer's duty falls on the officer, who acts in the second part ('who: actor').
    assert book.determine(officer.facts).duties == {
        Duty("officer", "report-to-chief-officer-or-monitoring-officer")
    }
    # The mutation check reaches the second person: without 20.7 the officer's answer fails.
    rule = next(r for r in book.rules if r.clause == "MOP-0175")
    assert scenario.differences(book, disabled=rule) == [
        "the officer (notice-misuse), line 9: expected duty not given: "
        "officer must report-to-chief-officer-or-monitoring-officer",
        "the officer (notice-misuse), line 9: clauses expected but not applied: MOP-0175",
    ]


def test_a_fact_belongs_to_the_act_that_reads_it(scratch: Project, document: Document) -> None:
    """Strict for each act: a fact the member's act reads is taken for the member, and
    refused for the officer, whose act's rules do not read it. (Not 'channel': the
    officer's concern reads it since 24.12, a concern under the whistleblowing policy.)"""
    fact = "same-terms-as-other-groups: true"  # 20.6, a group's use of a meeting room
    member = TWO.replace("actor: member}", f"actor: member, {fact}}}")
    (scenario,) = scratch.scenarios(document, [write(scratch, member)])
    assert scenario.parts[0].facts["same-terms-as-other-groups"] is True
    officer = f"towards: member, {fact}}}"
    (problem,) = refused(scratch, document, TWO, "towards: member}", officer)
    assert (problem.file, problem.line, problem.code) == (
        "checks/scenarios/test.yaml",
        9,
        "scenario-fact-ignored",
    )
    said = str(problem)
    assert "no rule for 'notice-misuse' reads the fact 'same-terms-as-other-groups'" in said
    reads = scratch.rulebook().reads("notice-misuse") - {"act", "actor", "towards"}
    assert f"the rules for 'notice-misuse' read: {', '.join(sorted(reads))}." in said
    assert "use-council-resources" not in said


# fmt: off
BAD_PEOPLE = [
    # (case, replaced, replacement, code, line, words of the problem or its fix)
    ("an unknown fact in the second act", "towards: member}", "towards: member, weather: rain}",
     "scenario-fact", 9, "the rules for 'notice-misuse' read:"),
    ("the second act not said", "act: notice-misuse, ", "", "scenario-fact-act", 9,
     "do not say what was done"),
    ("the second person not said", "actor: officer, ", "", "scenario-person-actor", 9,
     "do not say who acts"),
    ("a shared fact no act reads", "purpose: party-campaign}",
     "purpose: party-campaign, blind-copy: true}", "scenario-shared-fact-ignored", 3,
     "(use-council-resources, notice-misuse) reads the shared fact 'blind-copy'"),
    ("a person's fact stated for all", "{resource: it,", "{actor: member, resource: it,",
     "scenario-shared-fact-person", 3, "'actor' is said of each person"),
    ("a fact stated twice", "actor: member}", "actor: member, resource: officer-time}",
     "scenario-fact-twice", 5, "(line 3) and again for this person"),
    ("one person only", TWO[TWO.index("    - facts: {act: notice"):], "",
     "scenario-people", 5, "two or more people"),
    ("an expectation for nobody", "  people:\n", "  expect: {clauses: [MOP-0170]}\n  people:\n",
     "scenario-people-expect", 4, "no 'expect' of its own"),
    ("a person without an answer", TWO[TWO.rindex("      expect:"):], "",
     "scenario-field-missing", 9, "the person has no 'expect'"),
    ("a misspelt duty of the second person", "must: report-to-chief-officer-or-monitoring-officer",
     "must: report-to-chief-officer-or-monitoring-office", "scenario-expect-name", 11,
     "no rule for 'notice-misuse' gives the duty"),
    ("a duty on the wrong person", "{who: officer, must", "{who: member, must",
     "scenario-expect-name", 11, "no rule for 'notice-misuse' gives a duty on 'member'"),
    # The duty falls on a party of the situation, and the fix says whom the situation makes it.
    ("a duty on the role, not the party", "{who: officer, must", "{who: member, must",
     "scenario-expect-name", 11, "officer (who this situation says acts)"),
    ("two people of one role, neither named", "actor: officer, towards: member}",
     "actor: member, towards: member}", "scenario-person-label", 9,
     "two people are both 'the member' (line 5 and this one)"),
    ("a name that is not words", "    - facts: {act: notice-misuse",
     "    - name: [Ann, Bo]\n      facts: {act: notice-misuse", "scenario-person-name", 9,
     "a line of words, not 'a list'"),
    ("an empty name", "    - facts: {act: notice-misuse",
     "    - name:\n      facts: {act: notice-misuse", "scenario-person-name", 9, "not empty"),
    ("the second person's duty expected of the first", "        clauses: [MOP-0169",
     "        duties: [{who: officer, must: report-to-chief-officer-or-monitoring-officer}]\n"
     "        clauses: [MOP-0169", "scenario-expect-name", 8,
     "no rule for 'use-council-resources' gives a duty on 'officer'"),
]
# fmt: on


# Each bad case of the one-person form (in BOTH) and of the form of several people (TWO).
BAD = [(BOTH, *bad) for bad in BAD_SCENARIOS] + [(TWO, *bad) for bad in BAD_PEOPLE]


@pytest.mark.parametrize(
    ("text", "case", "old", "new", "code", "line", "fix"), BAD, ids=[b[1] for b in BAD]
)
def test_bad_scenario_files_are_located_and_explained(
    scratch: Project,
    document: Document,
    text: str,
    case: str,
    old: str,
    new: str,
    code: str,
    line: int,
    fix: str,
) -> None:
    problems = refused(scratch, document, text, old, new)
    found = [(p.file, p.line, p.code) for p in problems]
    assert ("checks/scenarios/test.yaml", line, code) in found, found
    assert any(fix in str(p) for p in problems), problems
    named_none = case in {"no clauses", "an answer given, no clauses"}
    assert named_none or not any("names no clauses" in str(p) for p in problems)


def test_two_people_of_one_role_are_told_apart_by_their_names(
    scratch: Project, document: Document
) -> None:
    """Two members, each named as the example writes it: every message names each by
    that name, never both as 'the member'."""
    person = "    - facts: {act: "
    named = (
        TWO.replace(f"{person}use", "    - name: Councillor Ahmed\n      facts: {act: use")
        .replace(f"{person}notice", "    - name: Councillor Baker\n      facts: {act: notice")
        .replace("actor: officer, towards: member}", "actor: member, towards: member}")
        .replace("{who: officer, must", "{who: member, must")
    )
    (scenario,) = scratch.scenarios(document, [write(scratch, named)])
    assert [p.label for p in scenario.parts] == ["Councillor Ahmed", "Councillor Baker"]
    book = scratch.rulebook()
    assert scenario.differences(book) == []
    rule = next(r for r in book.rules if r.clause == "MOP-0175")
    assert scenario.differences(book, disabled=rule)[1] == (
        "Councillor Baker (notice-misuse), line 10: clauses expected but not applied: MOP-0175"
    )
    # Unnamed, each is labelled by their role as written.
    assert [p.label for p in scratch.scenarios(document, [write(scratch, TWO)])[0].parts] == [
        "the member",
        "the officer",
    ]


def test_a_wrong_answer_for_the_second_person_fails_naming_them(scratch: Project) -> None:
    wrong = TWO.replace("clauses: [MOP-0175]", "clauses: [MOP-0175, MOP-0170]")
    malformed = TWO.replace("towards: member}", "towards: member, weather: rain}")
    result = run_pytest(
        scratch, {"one.yaml": wrong, "two.yaml": malformed.replace("TST-004", "TST-005")}
    )
    out = result.stdout
    assert result.returncode == 1, out
    assert out.splitlines()[-1].startswith("2 failed"), out  # each one item, no collection error
    assert (
        "  - the officer (notice-misuse), line 9: clauses expected but not applied: MOP-0170" in out
    )
    assert "the member (use-council-resources)" not in out  # the member's answer held
    assert "FAILED checks/scenarios/two.yaml::SC-TST-005" in out
    assert "checks/scenarios/two.yaml:9: scenario-fact: 'weather' is not a known fact." in out


def test_the_editors_page_shows_a_situation_of_two_people_as_the_model_has_it() -> None:
    """docs/situations.md's examples of 'people' are SC-TWO-001 and 007 (two people named)
    as the model states them."""
    page = (MODEL / "docs" / "situations.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in page.split("```yaml\n")[1:]]
    shown = [yaml.safe_load(b) for b in blocks if "people:" in b]
    model = yaml.safe_load(
        (MODEL / "checks" / "scenarios" / "two-people.yaml").read_text(encoding="utf-8")
    )
    assert shown == [[model[0]], [model[6]]]


def test_a_paragraph_not_applied_says_what_its_rule_asks(scratch: Project) -> None:
    """A paragraph expected but not applied is followed by what would apply it: the act
    its rule is for, or the facts its rule reads, as the situation gave them, its
    condition as the rules file writes it, and each single fact that would meet it."""
    result = run_pytest(scratch, {"one.yaml": GOOD2.replace(", declared: true", "")})
    assert result.returncode == 1
    lines = [line.strip() for line in result.stdout.splitlines()]
    hints = [line for line in lines if line.startswith("- MOP-0056: its rule at rules.yaml")]
    book = scratch.rulebook()
    rule = next(r for r in book.rules if r.clause == "MOP-0056")
    where = f"- MOP-0056: its rule at rules.yaml line {rule.line} reads"
    asks = "{declared: true, not: {recorded: true}} (it would with declared: true)"
    assert (
        f"{where} declared (not stated), recorded (not stated); its conditions are not met: "
        f"it applies when {asks}"
    ) in hints
    declined = run_pytest(scratch, {"one.yaml": GOOD2.replace("declared: true", "declared: false")})
    assert (
        f"{where} declared: false, recorded (not stated); its conditions are not met: "
        f"it applies when {asks}"
    ) in " ".join(declined.stdout.split())
    other = {"act": "member-enquiry", "actor": "member"}
    assert book.why_not(other, ["MOP-0056"]) == [  # each of its rules
        f"MOP-0056: its rule at rules.yaml line {r.line} is for the act '{r.act}', "
        "which this situation's act is not, nor a kind of it"
        for r in book.rules
        if r.clause == "MOP-0056"
    ]
    assert book.why_not(other, ["MOP-9999"]) == [
        "MOP-9999: no rule in rules.yaml applies it; add one if its words decide this"
    ]


def test_an_informative_paragraph_expected_is_said_to_decide_nothing(scratch: Project) -> None:
    """A newcomer who cites the paragraph that describes a situation is told it is
    informative, not asked to add a rule for it (trial 15 spent four runs on that)."""
    book = scratch.rulebook()
    ruled = {r.clause for r in book.rules}
    quiet = next(c for c in scratch.document().clauses() if not c.normative and c.id not in ruled)
    example = GOOD2.replace("[MOP-0054, MOP-0056]", f"[MOP-0054, MOP-0056, {quiet.id}]")
    result = run_pytest(scratch, {"one.yaml": example})
    assert result.returncode == 1
    said = " ".join(result.stdout.split())
    assert f"{quiet.id}: is informative (it describes, it does not require or permit)" in said
    assert f"{quiet.id}: no rule in rules.yaml applies it" not in said


def test_a_rule_not_met_shows_its_named_conditions_and_a_fact_to_state_as_false(
    scratch: Project,
) -> None:
    """A fact left out is not the same as one stated false: a rule testing 'in-meeting:
    false' is met only when it is stated, and the failure says so. A named condition is
    shown as written, so the values it wants can be read; who acts is never suggested."""
    book = scratch.rulebook()
    advice = {"act": "give-advice", "actor": "chief-officer", "significant-matter": True}
    [line] = book.why_not(advice, ["MOP-0083"])
    assert line.endswith(
        "its conditions are not met: it applies when {significant-matter: true, in-meeting: "
        "false, not: {recorded: true}} (it would with in-meeting: false)"
    ), line
    assert book.determine({**advice, "in-meeting": False}).clauses >= {"MOP-0083"}
    pressed = {"act": "press-officer", "actor": "member", "towards": "officer"}
    [line] = book.why_not(pressed, ["MOP-0060"])
    assert "it applies when {if: pressure}; pressure: {any: [{behaviour: [" in line
    near = "(it would with asked-to: decide-a-particular-way, or asked-to: act-against-advice"
    assert near in line
    assert line.endswith(", or another)")
    assert "actor:" not in line.split("it would with")[1]


@pytest.mark.parametrize(
    ("word", "meant"),
    [("declard", "declared"), ("actr", "actor"), ("member-busness", "member-business")],
)
def test_a_slip_of_the_keys_is_named_and_another_word_is_not(word: str, meant: str) -> None:
    names = ["declared", "actor", "member-business", "act-against-advice"]
    assert did_you_mean(word, names) == f" Did you mean '{meant}'?"
    for other in ("members-briefing", "act-against-manager"):  # words of their own
        assert did_you_mean(other, names) == ""


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("ward-members-told", "ward-members-told-beforehand"),  # not 'ward-members'
        ("tell-ward-members", "tell-ward-members-before-announcement"),
        ("reply-in-full", "full-reply-ready-by-due-date"),
    ],
)
def test_a_name_holding_every_word_written_is_named_before_a_near_spelling(
    word: str, meant: str
) -> None:
    """A newcomer's shorter name for a fact or duty (trial 14's first words) leads to the
    one name that holds all its words; one word shared ('ward') or a word of its own is
    not enough."""
    names = [
        "ward-members",
        "ward-members-told-beforehand",
        "inform-ward-members",
        "tell-ward-members-before-announcement",
        "full-reply-ready-by-due-date",
    ]
    assert did_you_mean(word, names) == f" Did you mean '{meant}'?"
    for other in ("ward", "ward-surgery", "other-ward-members-told"):
        assert did_you_mean(other, names) == ""


# fmt: off
# The words the blind trials' writers first used (checks/new-situations/README.md), each
# refused; the refusal names how the vocabulary says it (rules.yaml's other-words).
FIRST_WORDS = [
    # (the fact as first written, words the refusal must hold)
    ("asked-for: related-party-declaration", "'act: respond-to-statutory-officer'"),
    ("group-decided: true", "'holds-power-under-constitution: false'"),
    ("jointly: true", "'people' (each person's own act"),
    ("capacity: company-director", "'act: serve-on-outside-body'"),
    ("information: given-in-confidence", "'given-in-confidence: true'"),
    ("resource: internal-post", "'resource: post'"),
    ("consulted: true", "'scheme-requires-consultation: true'"),
    ("delegated-decision: true", "'act: take-delegated-decision'"),
    ("act: delegated-decision", "'act: take-delegated-decision'"),
    ("activity: canvassing", "'activity: canvassing-for-party'"),
    ("resource: logo", "'resource: crest-or-logo'"),
    ("setting: pub", "'setting: elsewhere'"),
    ("setting: whatsapp-group", "'setting: social-media'"),
    ("setting: newspaper", "'setting: local-newspaper'"),
    ("copied-to: journalist", "'shared-with: press'"),
    ("purpose: candidate-selection", "'purpose: party-campaign'"),
    ("subject: grievance", "'asked-to: decide-a-particular-way'"),
    ("information: complainant-name", "'information: personal-data, given-in-confidence: true'"),
    ("applied-for-post: true", "'candidate-has-applied: true'"),
    ("capacity: own-name", "'capacity: private'"),
    ("act: declare-relationship", "'act: form-relationship'"),
    ("asked-to: take-minutes", "'act: brief-political-group'"),
    # trial 14's (and trial 11's 'delay-publication', which stood under the wrong fact)
    ("asked-to: delay-publication", "'asked-to: decide-a-particular-way'"),
    ("official-visit: true", "'capacity: official'"),
    ("threat: exclude-from-working-group", "'behaviour: career-threats'"),
    ("ward-members-told: false", "'ward-members-told-beforehand: true'"),
    ("can-reply-in-full: false", "'full-reply-ready-by-due-date: true'"),
    ("information: background-papers", "'matter-stage: on-public-agenda'"),
    ("behaviour: appeals-to-political-loyalty", "'behaviour: appeal-to-party-loyalty'"),
    ("purpose: party-advantage", "'party-political: true'"),
    ("asked-to: act-contrary-to-professional-advice", "'asked-to: act-against-advice'"),
    ("step: appointment", "'step: sit-on-panel'"),
    ("change-sought: substance", "'change-sought: change-recommendation'"),
]
# fmt: on


def test_a_word_people_use_first_leads_to_the_name_and_a_made_up_one_does_not(
    scratch: Project, document: Document
) -> None:
    """Each refusal of a trial's first word names what to write instead; a word the
    vocabulary does not know in any form gets no suggestion (nor a near spelling)."""
    made_up = [("weather: rain", ""), ("capacity: astronaut", "")]
    cases = [*FIRST_WORDS, *made_up]
    text = "".join(
        f"- id: SC-TST-{n:03d}\n  title: A test\n  facts: {{{fact}, actor: member"
        + ("}\n" if fact.startswith("act:") else ", act: suggest-change}\n")
        + "  expect:\n    clauses: [MOP-0207]\n"
        for n, (fact, _) in enumerate(cases, 1)
    )
    examples = scratch.examples(document, [write(scratch, text)])
    for (fact, says), example in zip(cases, examples, strict=True):
        assert isinstance(example, Malformed), fact
        (problem,) = example.problems
        assert problem.code in {"scenario-fact", "scenario-fact-value"}, fact
        if says:
            said = problem.message.split("The vocabulary says this with ")[1]
            assert says in said, fact
        else:
            assert "vocabulary says" not in problem.message, fact
            assert "Did you mean" not in problem.message, fact


def test_the_editors_page_lists_every_role_and_act_as_the_rules_have_them() -> None:
    """docs/situations.md shows the trees of roles and acts, so that a writer can choose
    the narrowest act without reading the rules file."""
    page = (MODEL / "docs" / "situations.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in page.split("```yaml\n")[1:]]
    (shown,) = [yaml.safe_load(b) for b in blocks if b.startswith("roles:")]
    rules = yaml.safe_load((MODEL / "checks" / "rules.yaml").read_text(encoding="utf-8"))
    assert shown == {"roles": rules["roles"], "acts": rules["acts"]}


def _nodes(node: yaml.Node) -> list[tuple[object, ...]]:
    """Every node of a tree, in order: its kind, tag, value (of a scalar) and place."""
    place = (node.start_mark.line, node.start_mark.column, node.end_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return [(type(node), node.tag, node.value, place)]
    inner = (
        node.value if isinstance(node, yaml.SequenceNode) else [v for p in node.value for v in p]
    )
    return [(type(node), node.tag, None, place), *(n for v in inner for n in _nodes(v))]


def test_the_checks_yaml_is_composed_as_pyyaml_s_own_safe_loader_composes_it() -> None:
    # The gate's loader (libyaml's, each value's type worked out once, no path resolvers
    # looked for) gives the nodes PyYAML's pure-Python safe loader gives, every file of
    # the model's checks/ (its worked examples, situations and rules) and one of each kind
    # of value and collection.
    texts = [p.read_text(encoding="utf-8") for p in sorted((MODEL / "checks").rglob("*.yaml"))]
    texts.append(
        "a: [1, 0x1f, 1.5, ~, yes, 'no', \"x\", 2025-01-06, {b: [c, {d: e}]}]\nb: |\n  g\n"
    )
    assert len(texts) > 20
    for text in texts:
        ours = yaml.compose(text, Loader=LOADER)
        assert ours is not None
        assert _nodes(ours) == _nodes(yaml.compose(text, Loader=yaml.SafeLoader))


def test_a_permission_not_given_says_which_rules_would_give_it(scratch: Project) -> None:
    """Where the answer expected is 'not permitted' (or 'permitted') and the rules gave
    another, the failure names each rule for the act that would forbid (or permit) it,
    with what it reads as the situation gave it: a writer sees which fact is wanting,
    or that none says what they mean."""
    book = scratch.rulebook()
    advice = {"act": "give-advice", "actor": "officer", "towards": "member"}
    forbid = [r for r in book.rules_for("give-advice") if r.effect.kind == "forbid"]
    lines = book.why_not_permitted(advice, False)
    assert len(lines) == len(forbid) >= 2
    rule = next(r for r in forbid if "advice-changed-to-please" in r.condition)
    assert (
        f"MOP-0043: its rule at rules.yaml line {rule.line} forbids it; it reads"
        " advice-changed-to-please (not stated); its conditions are not met: it applies when"
        " {advice-changed-to-please: true} (it would with advice-changed-to-please: true)"
    ) in lines
    met = book.why_not_permitted({**advice, "advice-changed-to-please": True}, False)
    assert len(met) == len(forbid) - 1  # the rule met is not named
    assert not any(f"line {rule.line} forbids" in line for line in met)
    allow = [r for r in book.rules_for("give-advice") if r.effect.kind == "allow"]
    assert len(book.why_not_permitted(advice, True)) == len(allow)
    example = """\
- id: SC-TST-009
  title: An officer advises a member
  facts: {act: give-advice, actor: officer, towards: member}
  expect:
    permitted: false
    duties: [{who: officer, must: give-full-professional-advice}]
    clauses: [MOP-0043]
"""
    out = " ".join(run_pytest(scratch, {"one.yaml": example}).stdout.split())
    assert "permitted: expected not permitted, the protocol gave no answer" in out
    assert f"- MOP-0043: its rule at rules.yaml line {rule.line} forbids it; it reads" in out
