"""The rules model as data: checks/rules.yaml, written by editors, read into a RuleBook.

The file has six parts. ``roles`` and ``acts`` are trees: a name nested under another
is a kind of it, so a condition on ``actor: member`` holds for a cabinet member, and a
rule for ``communicate-publicly`` applies to ``post-on-social-media``. ``facts`` gives
each fact's values. ``other-words`` gives the words people use for a fact, act or value,
each with what the vocabulary says instead, which a refusal names. ``conditions`` names
conditions that several rules share. ``rules`` lists the rules: a clause, an act, one
effect and, optionally, when it applies.

A condition is a mapping whose entries must all hold: ``fact: value`` (or a list of
values, any of which), ``fact: {at-least: N}`` and the like, ``any: [...]``,
``all: [...]``, ``not: ...``, or ``if: NAME`` for a named condition (or a Python one:
checks/rules.py may define ``conditions`` and ``dates``, dictionaries of functions of
the facts, for what data cannot say). Every problem is reported with its line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import operator
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

import yaml

from constitution.problems import Problem, ProtocolError
from constitution.scenarios import (
    ANCHOR,
    BANK_HOLIDAYS,
    BOOL,
    DATE,
    DEFAULT_NATION,
    INT,
    LOADER,
    MAX_DEPTH,
    Effect,
    Facts,
    FactType,
    Rule,
    RuleBook,
    acts_of,
    add_working_days,
    did_you_mean,
    one_of,
    shared_line,
    too_deep,
)

Test = Callable[[Facts], bool]
Due = Callable[[Facts], dt.date | None]

PARTS = {"roles", "acts", "facts", "other-words", "conditions", "rules"}
KINDS = {"yes-no": BOOL, "date": DATE, "number": INT}
# The facts every situation has without declaring them: what was done, and by and
# towards whom (their values are the acts and roles).
ROLE_FACTS = ("actor", "towards")
RULE_KEYS = {"clause", "act", "permitted", "duty", "decides", "when"}
EFFECTS = ("permitted", "duty", "decides")
DUTY_KEYS = {"who", "must", "by"}
COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "at-least": operator.ge,
    "at-most": operator.le,
    "more-than": operator.gt,
    "less-than": operator.lt,
}
CONNECTIVES = {"any", "all", "not", "if"}


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _scalar(node: yaml.Node) -> object:
    """A plain value as YAML types it (true/false, whole numbers, text)."""
    if node.tag.endswith(":bool"):
        return str(node.value).lower() in {"true", "yes", "on"}
    if node.tag.endswith(":int"):
        return int(str(node.value).replace("_", ""), 0)
    if node.tag.endswith(":null"):
        return None
    return str(node.value)


@dataclass
class _Reader:
    path: Path
    shown: str
    helpers: dict[str, dict[str, Callable[..., Any]]]
    problems: list[Problem] = field(default_factory=list)
    roles: dict[str, str | None] = field(default_factory=dict)  # role -> broader role
    acts: dict[str, str | None] = field(default_factory=dict)
    facts: dict[str, FactType] = field(default_factory=dict)
    named: dict[str, yaml.Node] = field(default_factory=dict)
    role_facts: set[str] = field(default_factory=lambda: set(ROLE_FACTS))
    compiled: dict[str, Test] = field(default_factory=dict)
    nation: str = DEFAULT_NATION  # whose bank holidays its working days skip
    text: str = ""  # the file as read: a rule's condition is shown as it is written

    def problem(self, node: yaml.Node | None, code: str, message: str, fix: str) -> None:
        line = _line(node) if node is not None else 0
        self.problems.append(Problem.of(self.shown, line, code, what=message, how=fix))

    # ------------------------------------------------------------ shapes

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        """A mapping's entries (name, name's node, value), each name once; empty is empty."""
        if _empty(node):
            return []
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node,
                "rules-shape",
                f"{what} must be a mapping of names to values.",
                f"Write {what} as 'name: value' lines.",
            )
            return []
        seen: set[str] = set()
        out = []
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                self.problem(key, "rules-shape", f"'{name}' is given twice in {what}.", "Keep one.")
                continue
            seen.add(name)
            out.append((name, key, value))
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if _empty(node):
            return []
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        self.problem(
            node, "rules-shape", f"{what} must be a list.", f"Write {what} as a list: [a, b]."
        )
        return []

    def read(self) -> RuleBook:
        text = self.text = self.path.read_text(encoding="utf-8")
        # As for scenario files: no aliases (they nest into bombs), no depth that libyaml
        # would take seconds or crash over.
        if (anchor := ANCHOR.search(text)) or (deep := too_deep(text)):
            line = text.count("\n", 0, anchor.start()) + 1 if anchor else deep
            self.yaml_refused(line, anchor is not None)
        try:
            root = yaml.compose(text, Loader=LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            self.problems.append(
                Problem.of(
                    self.shown,
                    int(mark.line) + 1 if mark else 0,
                    "rules-yaml",
                    what=f"not valid YAML: {exc.problem}",
                    how="Check the indentation and punctuation on that line.",
                )
            )
            raise ProtocolError(self.problems) from None
        if root is not None and (shared := shared_line(text, root)):
            self.yaml_refused(shared, True)
        entries = self.mapping(root, "the rules file") if root is not None else []
        parts = {name: value for name, _, value in entries}
        for name, key, _ in entries:
            if name not in PARTS:
                self.problem(
                    key,
                    "rules-shape",
                    f"'{name}' is not a part of the rules file.{did_you_mean(name, PARTS)}",
                    f"Use only: {', '.join(sorted(PARTS))}.",
                )
        for part, tree in (("roles", self.roles), ("acts", self.acts)):
            if part in parts:
                self.tree(parts[part], part, None, tree)
        self.facts = {
            "act": one_of(*self.acts),
            **{name: one_of(*self.roles) for name in ROLE_FACTS},
        }
        if "facts" in parts:
            for name, key, value in self.mapping(parts["facts"], "facts"):
                self.fact(name, key, value)
        other_words = self.other_words(parts["other-words"]) if "other-words" in parts else {}
        if "conditions" in parts:
            self.named = {n: v for n, _, v in self.mapping(parts["conditions"], "conditions")}
            for name in self.named:
                self.condition_named(name, self.named[name])
        broader = {a: b for a, b in self.acts.items() if b}
        book = RuleBook(self.facts, broader=broader, other_words=other_words)
        for node in self.sequence(parts["rules"], "rules") if "rules" in parts else []:
            if rule := self.rule(node, len(book.rules) + 1):
                book.add(rule)
        if self.problems:
            raise ProtocolError(self.problems)
        return book

    def yaml_refused(self, line: int, alias: bool) -> NoReturn:
        self.problems.append(
            Problem.of(
                self.shown,
                line,
                "rules-yaml",
                what="YAML anchors and aliases are not allowed in the rules file."
                if alias
                else f"the YAML nests more than {MAX_DEPTH} levels deep.",
                how="Write each value out in full; name a shared condition under 'conditions'.",
            )
        )
        raise ProtocolError(self.problems)

    def tree(
        self, node: yaml.Node, part: str, parent: str | None, out: dict[str, str | None]
    ) -> None:
        """Roles or acts nested under the broader ones they are kinds of."""
        for name, key, value in self.mapping(node, part):
            if name in out:
                self.problem(
                    key,
                    "rules-shape",
                    f"'{name}' is given twice in {part}.",
                    "Name each once, under the broader one it is a kind of.",
                )
                continue
            out[name] = parent
            self.tree(value, part, name, out)

    def fact(self, name: str, key: yaml.Node, value: yaml.Node) -> None:
        if name in self.facts:
            self.problem(
                key,
                "rules-fact",
                f"'{name}' is a fact every situation has: it cannot be declared.",
                "Remove it: its values are the acts (act) and the roles (actor, towards).",
            )
        elif isinstance(value, yaml.SequenceNode):
            self.facts[name] = one_of(*(str(v.value) for v in value.value))
        elif isinstance(value, yaml.ScalarNode) and str(value.value) in KINDS:
            self.facts[name] = KINDS[str(value.value)]
        elif isinstance(value, yaml.ScalarNode) and value.value == "role":
            self.facts[name] = one_of(*self.roles)
            self.role_facts.add(name)
        else:
            self.problem(
                value,
                "rules-fact",
                f"fact '{name}' has no kind.",
                f"Give {', '.join(KINDS)}, role, or the list of its values: [a, b].",
            )

    # ------------------------------------------------------------ other words

    def other_words(self, node: yaml.Node) -> dict[str, str]:
        """The words people use for what the vocabulary names otherwise, each with what to
        write instead: a fact's or act's, ``WORD: WAYS``; a value's, ``FACT: {WORD: WAYS}``.
        Kept apart from the names (docs/situations.md, "Other words")."""
        words: dict[str, str] = {}
        for name, key, value in self.mapping(node, "other-words"):
            ftype = self.facts.get(name)
            if ftype is None:
                words[name] = self.ways(name, value)
                continue
            if not ftype.choices:
                what = f"'{name}' has no list of values, so no other word can stand for one."
                self.problem(key, "rules-value", what, "Give other words for a listed value.")
                continue
            others = []
            for word, wkey, ways in self.mapping(value, f"the other words for '{name}'"):
                if word in ftype.allowed:
                    what = f"'{word}' is already a value of '{name}'."
                    self.problem(wkey, "rules-value", what, "Remove it: it is a name, not refused.")
                    continue
                others.append((word, self.ways(word, ways)))
            self.facts[name] = replace(ftype, others=tuple(others))
        return words

    def ways(self, word: str, node: yaml.Node) -> str:
        """How the vocabulary says ``word``: one way or a list of them, each the facts to
        state (checked as a condition's are) or a scenario's field ('people'); as shown."""
        shown = []
        for way in node.value if isinstance(node, yaml.SequenceNode) else [node]:
            if isinstance(way, yaml.ScalarNode) and way.value == "people":
                shown.append("'people' (each person's own act, with its own answer)")
                continue
            if not isinstance(way, yaml.MappingNode) or not way.value:
                what = f"'{word}' must be given the facts that say it, or 'people'."
                self.problem(way, "rules-value", what, "Write the facts to state: {fact: value}.")
                continue
            said = []
            for fact, fkey, fvalue in self.mapping(way, f"what '{word}' is said with"):
                if not isinstance(fvalue, yaml.ScalarNode):
                    what = f"'{fact}' must be given one value."
                    self.problem(fvalue, "rules-value", what, "Give one.")
                    continue
                self.entry(fact, fkey, fvalue)  # a fact and value of the vocabulary, or a problem
                said.append(f"{fact}: {self.one_line(fvalue)}")
            shown.append(f"'{', '.join(said)}'")
        return " or ".join(shown)

    # ------------------------------------------------------------ conditions

    def condition_named(self, name: str, node: yaml.Node) -> Test:
        if name not in self.compiled:
            self.compiled[name] = lambda f: False  # a condition naming itself: stop here
            self.compiled[name] = self.condition(node)
        return self.compiled[name]

    def condition(self, node: yaml.Node) -> Test:
        tests = [
            self.entry(name, key, value) for name, key, value in self.mapping(node, "a condition")
        ]
        return tests[0] if len(tests) == 1 else lambda f: all(t(f) for t in tests)

    def entry(self, name: str, key: yaml.Node, value: yaml.Node) -> Test:
        if name in ("any", "all"):
            tests = [self.condition(v) for v in self.sequence(value, f"'{name}'")]
            join = any if name == "any" else all
            return lambda f: join(t(f) for t in tests)
        if name == "not":
            test = self.condition(value)
            return lambda f: not test(f)
        if name == "if":  # a name, or a list of names all of which must hold
            names = value.value if isinstance(value, yaml.SequenceNode) else [value]
            refs = [self.reference(n) for n in names]
            return lambda f: all(r(f) for r in refs)
        ftype = self.facts.get(name)
        if ftype is None:
            known = [*self.facts, *CONNECTIVES]
            self.problem(
                key,
                "rules-unknown-fact",
                f"'{name}' is not a fact.{did_you_mean(name, known)}",
                "Use a fact declared under 'facts', or declare it there.",
            )
            return lambda f: False
        if isinstance(value, yaml.MappingNode):
            return self.comparison(name, ftype, value)
        values = value.value if isinstance(value, yaml.SequenceNode) else [value]
        allowed = frozenset(v for n in values for v in self.values(name, ftype, n))
        if name == "act":  # a situation of several acts is each of them
            return lambda f: not allowed.isdisjoint(acts_of(f.get("act")))
        return lambda f: f.get(name) in allowed

    def values(self, name: str, ftype: FactType, node: yaml.Node) -> Iterator[object]:
        """The values a condition's ``node`` stands for: a role stands for its narrower
        roles too, and an act for its narrower acts."""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, "rules-value", f"a value of '{name}' must be plain.", "Give one.")
            return
        value = _scalar(node)
        if name in self.role_facts and value in self.roles:
            yield from (r for r in self.roles if value in _up(r, self.roles))
            return
        if name == "act" and value in self.acts:
            yield from (a for a in self.acts if value in _up(a, self.acts))
            return
        try:
            parsed = ftype.parse(value)
        except ValueError as exc:
            self.problem(node, "rules-value", f"fact '{name}' {exc}", "Correct the value.")
            return
        yield parsed

    def comparison(self, name: str, ftype: FactType, node: yaml.Node) -> Test:
        tests: list[Test] = []
        for op, key, value in self.mapping(node, f"the test of '{name}'"):
            other = _scalar(value) if isinstance(value, yaml.ScalarNode) else None
            if op in COMPARE and ftype.kind in ("int", "date"):
                compare, bound = COMPARE[op], self.bound(name, ftype, value)
                tests.append(partial(_compare, name=name, compare=compare, bound=bound))
            elif op == "between" and ftype.kind == "date":
                ends = [str(v.value) for v in self.sequence(value, "'between'")]
                for end, v in zip(ends, value.value, strict=False):
                    self.date_fact(end, v)
                if len(ends) != 2:
                    self.problem(
                        value, "rules-value", "'between' needs two dates.", "Give [from, to]."
                    )
                    continue
                tests.append(partial(_between, name=name, start=ends[0], end=ends[1]))
            elif op == "stated" and isinstance(other, bool):
                tests.append(partial(_stated, name=name, want=other))
            else:
                self.problem(
                    key,
                    "rules-value",
                    f"'{op}' is not a test of the {ftype.kind} fact '{name}'.",
                    "Use stated: true|false; for numbers and dates at-least, at-most, "
                    "more-than or less-than; for dates between: [from-fact, to-fact].",
                )
        return lambda f: all(t(f) for t in tests)

    def bound(self, name: str, ftype: FactType, node: yaml.Node) -> object:
        value = _scalar(node) if isinstance(node, yaml.ScalarNode) else None
        try:
            return ftype.parse(value)
        except ValueError as exc:
            self.problem(node, "rules-value", f"fact '{name}' {exc}", "Correct the value.")
            return None

    def date_fact(self, name: str, node: yaml.Node) -> bool:
        if self.facts.get(name) is DATE:
            return True
        dates = [n for n, t in self.facts.items() if t is DATE]
        self.problem(
            node,
            "rules-unknown-fact",
            f"'{name}' is not a date fact.{did_you_mean(name, dates)}",
            f"Use one of: {', '.join(dates) or 'no date facts are declared'}.",
        )
        return False

    def reference(self, node: yaml.Node) -> Test:
        name = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
        if name in self.named:
            return lambda f: self.compiled[name](f)
        if name in (python := self.helpers.get("conditions", {})):
            return python[name]
        known = [*self.named, *python]
        self.problem(
            node,
            "rules-unknown-condition",
            f"'{name}' is not a named condition.{did_you_mean(name, known)}",
            "Name one under 'conditions' (or in checks/rules.py's 'conditions').",
        )
        return lambda f: False

    # ------------------------------------------------------------ rules

    def rule(self, node: yaml.Node, number: int) -> Rule | None:
        before = len(self.problems)
        fields = {}
        for name, key, value in self.mapping(node, "a rule"):
            if name not in RULE_KEYS:
                self.problem(
                    key,
                    "rules-field",
                    f"'{name}' is not a field of a rule.{did_you_mean(name, RULE_KEYS)}",
                    f"Use only: {', '.join(sorted(RULE_KEYS))}.",
                )
            fields[name] = value
        effects = [e for e in EFFECTS if e in fields]
        if isinstance(node, yaml.MappingNode) and len(effects) != 1:
            self.problem(
                node,
                "rules-field",
                f"a rule gives one effect; this gives {len(effects) or 'none'}.",
                "Give one of: permitted: true|false, duty: {who, must}, decides: ROLE.",
            )
        for name in ("clause", "act"):
            if isinstance(node, yaml.MappingNode) and name not in fields:
                self.problem(node, "rules-field", f"the rule has no '{name}'.", f"Add '{name}:'.")
        act = str(fields["act"].value) if "act" in fields else ""
        if "act" in fields and act not in self.acts:
            self.problem(
                fields["act"],
                "rules-unknown-act",
                f"'{act}' is not an act.{did_you_mean(act, self.acts)}",
                "Use an act named under 'acts', or add it there (under the broader act it "
                "is a kind of).",
            )
        effect = self.effect(effects[0], fields[effects[0]]) if len(effects) == 1 else None
        when = self.condition(fields["when"]) if "when" in fields else (lambda f: True)
        if len(self.problems) > before or effect is None:
            return None
        clause = str(fields["clause"].value)
        name = f"{self.shown}:{_line(node)} {clause} {effect.kind} on {act} (#{number})"
        shown = self.written(fields["when"]) if "when" in fields else ""
        return Rule(clause, act, effect, when, name, _line(node), shown)

    def written(self, node: yaml.Node) -> str:
        """A condition as the file writes it, on one line, then each named condition it
        uses (and they use), as written: ``{if: pressure}; pressure: {any: [...]}``."""
        names: list[str] = []
        pending = [node]
        while pending:
            here = pending.pop()
            if isinstance(here, yaml.SequenceNode):
                pending += here.value
            elif isinstance(here, yaml.MappingNode):
                for key, value in here.value:
                    if key.value != "if":
                        pending.append(value)
                        continue
                    for ref in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                        if ref.value in self.named and ref.value not in names:
                            names.append(ref.value)
                            pending.append(self.named[ref.value])
        return "; ".join(
            [self.one_line(node), *(f"{n}: {self.one_line(self.named[n])}" for n in names)]
        )

    def one_line(self, node: yaml.Node) -> str:
        return " ".join(self.text[node.start_mark.index : node.end_mark.index].split())

    def effect(self, kind: str, node: yaml.Node) -> Effect | None:
        if kind == "permitted":
            value = _scalar(node) if isinstance(node, yaml.ScalarNode) else None
            if isinstance(value, bool):
                return Effect("allow" if value else "forbid")
            self.problem(node, "rules-effect", "'permitted' must be true or false.", "Write one.")
            return None
        if kind == "decides":
            return Effect("decides", self.who(node))
        fields = {n: v for n, _, v in self.mapping(node, "a duty")}
        if fields.keys() - DUTY_KEYS or {"who", "must"} - fields.keys():
            self.problem(
                node,
                "rules-effect",
                "a duty has 'who' and 'must' and, if it has a date, 'by': nothing else.",
                "Write duty: {who: ROLE, must: WHAT, by: {working-days: N, after: FACT}}.",
            )
            return None
        due = self.due(fields["by"]) if "by" in fields else None
        return Effect("duty", self.who(fields["who"]), str(fields["must"].value), due)

    def who(self, node: yaml.Node) -> str:
        return str(node.value) if isinstance(node, yaml.ScalarNode) else ""

    def due(self, node: yaml.Node) -> Due | None:
        """The date a duty is due, worked out with the council's bank holidays."""
        if (found := self.date_rule(node)) is None:
            return None
        nation = self.nation

        def due(facts: Facts) -> dt.date | None:
            token = BANK_HOLIDAYS.set(nation)
            try:
                return found(facts)
            finally:
                BANK_HOLIDAYS.reset(token)

        return due

    def date_rule(self, node: yaml.Node) -> Due | None:
        """``{working-days: N, after: FACT}``: N working days after the date FACT, that
        day not counted; ``{on: FACT}``: that date; a name: checks/rules.py's ``dates``."""
        if isinstance(node, yaml.ScalarNode):
            name = str(node.value)
            if name in (python := self.helpers.get("dates", {})):
                return python[name]
            self.problem(
                node,
                "rules-effect",
                f"'{name}' is not a date rule.{did_you_mean(name, python)}",
                "Write by: {working-days: N, after: FACT} or {on: FACT}, or name a function "
                "in checks/rules.py's 'dates'.",
            )
            return None
        before = len(self.problems)
        fields = {n: v for n, _, v in self.mapping(node, "'by'")}
        if fields.keys() == {"on"} and self.date_fact(str(fields["on"].value), fields["on"]):
            on = str(fields["on"].value)
            return lambda f: f.get(on)
        if fields.keys() == {"working-days", "after"}:
            days, after = _scalar(fields["working-days"]), str(fields["after"].value)
            if isinstance(days, int) and self.date_fact(after, fields["after"]):
                return lambda f: add_working_days(f[after], days) if f.get(after) else None
        if len(self.problems) > before:
            return None
        self.problem(
            node,
            "rules-effect",
            "'by' must be {working-days: N, after: FACT} or {on: FACT}.",
            "Name a date fact the situation states, and a whole number of working days.",
        )
        return None


def _empty(node: yaml.Node | None) -> bool:
    return node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"))


def _stated(f: Facts, name: str, want: bool) -> bool:
    return (f.get(name) is not None) is want


def _compare(f: Facts, name: str, compare: Callable[[Any, Any], bool], bound: object) -> bool:
    value = f.get(name)
    return value is not None and bound is not None and compare(value, bound)


def _between(f: Facts, name: str, start: str, end: str) -> bool:
    day, first, last = f.get(name), f.get(start), f.get(end)
    return bool(day and first and last and first <= day <= last)


def _up(role: str, tree: dict[str, str | None]) -> list[str]:
    line = [role]
    while (up := tree.get(line[-1])) and up not in line:
        line.append(up)
    return line


def load_helpers(path: Path) -> dict[str, dict[str, Callable[..., Any]]]:
    """checks/rules.py, if present: Python for what the data cannot say."""
    if not path.is_file():
        return {}
    name = f"constitution_rules_{abs(hash(path))}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return {part: dict(getattr(module, part, {})) for part in ("conditions", "dates")}


def rule_clauses(
    book: RuleBook, shown: str, clause_ids: set[str], retired: Mapping[str, dt.date]
) -> list[Problem]:
    """A rule whose clause is not a paragraph of the draft, revoked or never one: it
    applies no words, so the worked examples resting on it prove nothing."""
    problems = []
    for rule in book.rules:
        if rule.clause in clause_ids:
            continue
        said = {"allow": "permitted: true", "forbid": "permitted: false"}.get(rule.effect.kind)
        effect = f"{said or rule.effect.kind} for {rule.act}"
        if rule.clause in retired:
            on = {"revoked": retired[rule.clause]}
            problems.append(
                Problem.of(shown, rule.line, "rules-cites-revoked", rule.clause, rule=effect, **on)
            )
        else:
            problems.append(
                Problem.of(shown, rule.line, "rules-unknown-clause", rule.clause, rule=effect)
            )
    return problems


def read_rules(path: Path, shown: str, helpers: Path, nation: str = DEFAULT_NATION) -> RuleBook:
    """The rules file as a RuleBook, or ProtocolError with every problem, each located.
    Its dates count working days without the bank holidays of ``nation`` (NATIONS)."""
    if not path.is_file():
        raise ProtocolError([Problem.of(shown, 0, "rules-missing", path=shown)])
    before = _digest(path, helpers, nation)
    book = _Reader(path, shown, load_helpers(helpers), nation=nation).read()
    # what was read, known for sure only if neither file changed while it was read
    book.source = before if _digest(path, helpers, nation) == before else ""
    return book


def _digest(path: Path, helpers: Path, nation: str) -> str:
    read = path.read_bytes() + b"\0" + (helpers.read_bytes() if helpers.is_file() else b"")
    return hashlib.sha256(read + b"\0" + nation.encode()).hexdigest()
