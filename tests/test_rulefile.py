"""The rules file: what its rules mean, and a located problem for each kind of mistake."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import run
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.rulefile import read_rules
from constitution.scenarios import RuleBook, is_working_day

HEAD = """\
roles:
  member:
    cabinet-member:
  officer:
acts:
  communicate:
    post-online:
  visit:
facts:
  received: date
  poll: date
  opened: date
  count: number
  urgent: yes-no
  setting: [public, private]
conditions:
  in-public: {setting: public}
rules:
"""


def book(tmp_path: Path, rules: str, head: str = HEAD, helpers: str = "") -> RuleBook:
    path = tmp_path / "rules.yaml"
    path.write_text(head + rules, encoding="utf-8")
    (tmp_path / "rules.py").write_text(helpers, encoding="utf-8")
    return read_rules(path, "checks/rules.yaml", tmp_path / "rules.py")


def test_a_rule_for_a_broad_act_applies_to_each_narrower_act(tmp_path: Path) -> None:
    rules = book(
        tmp_path, "  - {clause: X-1, act: communicate, permitted: false, when: {if: in-public}}\n"
    )
    assert rules.determine({"act": "post-online", "setting": "public"}).permitted is False
    assert rules.determine({"act": "post-online", "setting": "private"}).permitted is None
    assert rules.determine({"act": "visit", "setting": "public"}).permitted is None


def test_a_role_in_a_condition_holds_for_each_narrower_role(tmp_path: Path) -> None:
    rules = book(
        tmp_path, "  - {clause: X-1, act: visit, permitted: true, when: {actor: member}}\n"
    )
    assert rules.determine({"act": "visit", "actor": "cabinet-member"}).permitted is True
    assert rules.determine({"act": "visit", "actor": "member"}).permitted is True
    assert rules.determine({"act": "visit", "actor": "officer"}).permitted is None


def test_numbers_dates_and_negation(tmp_path: Path) -> None:
    rules = book(
        tmp_path,
        "  - {clause: X-1, act: visit, permitted: false, when: {count: {more-than: 2}}}\n"
        "  - {clause: X-2, act: communicate, permitted: false,"
        " when: {opened: {between: [received, poll]}, not: {urgent: true}}}\n",
    )
    assert rules.determine({"act": "visit", "count": 3}).permitted is False
    assert rules.determine({"act": "visit", "count": 2}).permitted is None
    day = dt.date(2025, 3, 5)
    facts = {"act": "communicate", "received": day, "poll": day, "opened": day}
    assert rules.determine(facts).permitted is False
    assert rules.determine({**facts, "urgent": True}).permitted is None
    assert rules.determine({**facts, "opened": dt.date(2025, 3, 6)}).permitted is None


def test_a_duty_counts_working_days_after_the_day_named(tmp_path: Path) -> None:
    rules = book(
        tmp_path,
        "  - clause: X-1\n    act: visit\n"
        "    duty: {who: officer, must: reply, by: {working-days: 1, after: received}}\n",
    )
    (duty,) = rules.determine({"act": "visit", "received": dt.date(2025, 6, 6)}).duties
    assert duty.by == dt.date(2025, 6, 9)  # a Friday: the Monday after


def test_working_days_skip_the_bank_holidays_of_the_councils_nation(tmp_path: Path) -> None:
    """St Andrew's Day (Monday 30 November 2026) is a bank holiday in Scotland only; a
    function of checks/rules.py counts the same days as the rules file, and only while
    the rules work out a date."""
    helpers = (
        "import datetime as dt\n"
        "from constitution.scenarios import add_working_days\n"
        "dates = {'next': lambda f: add_working_days(f['received'], 1)}\n"
    )
    rules = (
        "  - clause: X-1\n    act: visit\n"
        "    duty: {who: officer, must: reply, by: {working-days: 1, after: received}}\n"
        "  - {clause: X-2, act: visit, duty: {who: officer, must: note, by: next}}\n"
    )
    friday = {"act": "visit", "received": dt.date(2026, 11, 27)}
    path = tmp_path / "rules.yaml"
    path.write_text(HEAD + rules, encoding="utf-8")
    (tmp_path / "rules.py").write_text(helpers, encoding="utf-8")
    for nation, due in (
        ("england-and-wales", dt.date(2026, 11, 30)),
        ("scotland", dt.date(2026, 12, 1)),
    ):
        book = read_rules(path, "checks/rules.yaml", tmp_path / "rules.py", nation)
        assert [d.by for d in book.determine(friday).duties] == [due, due]
    assert is_working_day(dt.date(2026, 11, 30))  # outside the rules: the default


def test_the_councils_nation_reaches_its_rules(scratch: Project) -> None:
    settings = scratch.conf / "council.toml"
    text = settings.read_text(encoding="utf-8")
    assert 'bank_holidays = "england-and-wales"' in text
    english = Project(scratch.root).rulebook().source
    settings.write_text(text.replace('"england-and-wales"', '"northern-ireland"'))
    irish = Project(scratch.root)
    assert irish.council().bank_holidays == "northern-ireland"
    # the worked examples read against it are read again (their memory's key)
    assert irish.rulebook().source not in ("", english)


def test_an_unknown_nation_is_a_gate_problem(scratch: Project) -> None:
    settings = scratch.conf / "council.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('"england-and-wales"', '"wales"'))
    result = run(scratch, "check")
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "conf/council.toml: council-bank-holidays" in said and "'wales'" in said
    assert '"scotland"' in said  # the fix names the nations


def test_python_says_what_data_cannot(tmp_path: Path) -> None:
    helpers = (
        "import datetime as dt\n"
        "conditions = {'odd': lambda f: f.get('count', 0) % 2 == 1}\n"
        "dates = {'new-year': lambda f: dt.date(2026, 1, 1)}\n"
    )
    rules = book(
        tmp_path,
        "  - {clause: X-1, act: visit, duty: {who: actor, must: go, by: new-year},"
        " when: {if: odd}}\n",
        helpers=helpers,
    )
    (duty,) = rules.determine({"act": "visit", "actor": "member", "count": 3}).duties
    assert (duty.who, duty.by) == ("member", dt.date(2026, 1, 1))
    assert not rules.determine({"act": "visit", "count": 2}).duties


OTHER = "  - {clause: X-1, act: visit, permitted: false}\nother-words:\n"
BAD = [
    # (the rules, the code, the line, words of the message)
    (
        "  - &a {clause: X-1, act: visit, permitted: false}\n  - *a\n",
        "rules-yaml",
        19,
        "anchors and aliases are not allowed",
    ),
    ("  - {clause: X-1, act: visit, permitted: false\n", "rules-yaml", 20, "not valid YAML"),
    (
        "  - {clause: X-1, act: vist, permitted: false}\n",
        "rules-unknown-act",
        19,
        "'vist' is not an act. Did you mean 'visit'?",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: false, when: {urgnt: true}}\n",
        "rules-unknown-fact",
        19,
        "'urgnt' is not a fact. Did you mean 'urgent'?",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: false, when: {setting: secret}}\n",
        "rules-value",
        19,
        "'secret' is not one of: public, private",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: false, when: {actor: mayor}}\n",
        "rules-value",
        19,
        "'mayor' is not one of",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: false, when: {urgent: {more-than: 1}}}\n",
        "rules-value",
        19,
        "'more-than' is not a test of the bool fact 'urgent'",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: false, when: {if: in-publik}}\n",
        "rules-unknown-condition",
        19,
        "'in-publik' is not a named condition. Did you mean",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: false, decides: officer}\n",
        "rules-field",
        19,
        "a rule gives one effect; this gives 2",
    ),
    ("  - {act: visit, permitted: false}\n", "rules-field", 19, "the rule has no 'clause'"),
    (
        "  - {clause: X-1, act: visit, permited: false}\n",
        "rules-field",
        19,
        "'permited' is not a field of a rule. Did you mean 'permitted'?",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: maybe}\n",
        "rules-effect",
        19,
        "'permitted' must be true or false",
    ),
    (
        "  - {clause: X-1, act: visit, duty: {who: officer}}\n",
        "rules-effect",
        19,
        "a duty has 'who' and 'must'",
    ),
    (
        "  - {clause: X-1, act: visit, duty: {who: officer, must: go, by: {working-days: 2,"
        " after: urgent}}}\n",
        "rules-unknown-fact",
        19,
        "'urgent' is not a date fact",
    ),
    (
        "  - {clause: X-1, act: visit, duty: {who: officer, must: go, by: soon}}\n",
        "rules-effect",
        19,
        "'soon' is not a date rule",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: false}\nextra: 1\n",
        "rules-shape",
        20,
        "'extra' is not a part of the rules file",
    ),
    (
        "  - {clause: X-1, act: visit, permitted: false}\n  - just words\n",
        "rules-shape",
        20,
        "a rule must be a mapping",
    ),
    # other words for a fact or value: each must lead to what the vocabulary says
    (
        OTHER + "  setting:\n    public: {setting: private}\n",
        "rules-value",
        22,
        "'public' is already a value of 'setting'",
    ),
    (
        OTHER + "  outdoors: {setting: open-air}\n",
        "rules-value",
        21,
        "fact 'setting' 'open-air' is not one of",
    ),
    (OTHER + "  outdoors: {weather: rain}\n", "rules-unknown-fact", 21, "'weather' is not a fact"),
    (
        OTHER + "  count:\n    lots: {count: 5}\n",
        "rules-value",
        21,
        "'count' has no list of values",
    ),
    (
        OTHER + "  outdoors: open-air\n",
        "rules-value",
        21,
        "'outdoors' must be given the facts that say it",
    ),
]


@pytest.mark.parametrize(
    ("rules", "code", "line", "words"), BAD, ids=[b[1] + str(i) for i, b in enumerate(BAD)]
)
def test_each_mistake_is_a_located_problem(
    tmp_path: Path, rules: str, code: str, line: int, words: str
) -> None:
    with pytest.raises(ProtocolError) as caught:
        book(tmp_path, rules)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.code) == ("checks/rules.yaml", line, code)
    assert words in problem.message
    assert problem.fix


def test_a_fact_without_a_kind_and_a_declared_act_fact(tmp_path: Path) -> None:
    head = HEAD.replace("  count: number\n", "  count: lots\n  act: [a]\n")
    with pytest.raises(ProtocolError) as caught:
        book(tmp_path, "", head=head)
    assert [(p.line, p.code) for p in caught.value.problems] == [
        (13, "rules-fact"),
        (14, "rules-fact"),
    ]
    assert "fact 'count' has no kind" in str(caught.value)
    assert "'act' is a fact every situation has" in str(caught.value)


def test_a_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError, match="rules-missing"):
        read_rules(tmp_path / "rules.yaml", "checks/rules.yaml", tmp_path / "rules.py")


def test_the_gate_reports_a_bad_rules_file_with_its_line(scratch: Project) -> None:
    path = scratch.checks / "rules.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    act: suggest-change\n", "    act: sugest-change\n"
        ),
        encoding="utf-8",
    )
    result = run(scratch, "check")
    assert result.returncode != 0
    assert "checks/rules.yaml:" in result.stdout + result.stderr
    assert "'sugest-change' is not an act. Did you mean 'suggest-change'?" in (
        result.stdout + result.stderr
    )


def test_a_condition_on_the_act_holds_if_any_act_of_the_situation_is_of_that_kind(
    tmp_path: Path,
) -> None:
    """A rule for a broad act may single out one narrower kind of it by a condition on
    'act'. A situation that is several acts at once is each of them: the condition holds
    when any one of its acts is the act named or a kind of it, and 'not' only when none
    is. Every act's rules read the one set of facts, and a duty on 'actor' falls on the
    situation's one actor."""
    rules = book(
        tmp_path,
        "  - {clause: X-1, act: communicate, permitted: false, when: {act: post-online}}\n"
        "  - {clause: X-2, act: visit, duty: {who: actor, must: sign-in},"
        " when: {not: {act: communicate}, setting: private}}\n"
        "  - {clause: X-3, act: visit, permitted: true, when: {setting: private}}\n",
    )
    assert rules.determine({"act": "post-online"}).permitted is False
    assert rules.determine({"act": "communicate"}).permitted is None
    both = rules.determine({"act": ("visit", "post-online"), "setting": "private"})
    assert both.permitted is False  # a forbidding rule of either act wins
    assert both.clauses == {"X-1", "X-3"}  # 'not: {act: communicate}' fails: one act is
    alone = rules.determine({"act": "visit", "actor": "member", "setting": "private"})
    assert [str(d) for d in alone.duties] == ["member must sign-in"]
