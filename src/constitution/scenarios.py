"""Executable scenario checks: situations in, the protocol's determination out.

A scenario (YAML, written by editors) states facts and the determination editors expect:
of one person's act, or of several people's, each with its own facts and answer.
A rule book (data, in checks/rules.yaml: see rulefile.py) holds one rule per
clause-and-situation: when its condition holds on the facts, it contributes its effect
and cites its clause. A check
passes only when the outcome AND the cited clauses both match.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

from constitution.problems import Problem, ProtocolError

T = TypeVar("T")
# The latest scenario results, written by the pytest plugin and shown on the site.
RESULTS = Path("_build") / "scenario-results.json"

# ---------------------------------------------------------------- dates


# The UK's bank holidays differ by nation: council.toml's bank_holidays -> the holidays
# package's subdivision of GB.
NATIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
DEFAULT_NATION = "england-and-wales"
# Whose bank holidays a working day skips: the council's, set while its rules work out a
# date (rulefile.py), so that the functions of checks/rules.py count them too.
BANK_HOLIDAYS: ContextVar[str] = ContextVar("bank_holidays", default=DEFAULT_NATION)


@cache
def _bank_holidays(year: int, nation: str) -> frozenset[dt.date]:
    import holidays  # only when a scenario counts working days; it is slow to import

    return frozenset(holidays.country_holidays("GB", subdiv=NATIONS[nation], years=year))


def is_working_day(day: dt.date) -> bool:
    """Not a weekend, nor a bank holiday (Christmas Day and Good Friday among them) in
    the council's nation of the UK."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year, BANK_HOLIDAYS.get())


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (start itself not counted)."""
    day = start
    while days:
        day += dt.timedelta(days=1)
        days -= is_working_day(day)
    return day


# ---------------------------------------------------------------- facts vocabulary


@dataclass(frozen=True)
class FactType:
    """What a fact's value may be: 'bool', 'date', 'int', or one of ``choices``."""

    kind: str
    choices: tuple[str, ...] = ()
    # Other words people use for a value, each with how the vocabulary says it instead
    # (rules.yaml's other-words): a refusal leads to the name, not only to a near spelling.
    others: tuple[tuple[str, str], ...] = ()

    @cached_property
    def allowed(self) -> frozenset[str]:
        return frozenset(self.choices)

    @cached_property
    def samples(self) -> tuple[object, ...]:
        """Values standing for all a rule can tell apart (see ``facts_read``): every
        choice, both truth values, and for dates and numbers a few that compare each way."""
        return {
            "bool": (True, False),
            "int": (0, 1, 100),
            "date": (_SampleDate(2025, 1, 6), _SampleDate(2025, 1, 7)),
        }.get(self.kind, self.choices)

    def parse(self, value: object) -> object:
        if self.kind == "bool":
            if isinstance(value, bool):
                return value
            raise ValueError("must be true or false.")
        if self.kind == "int":
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            raise ValueError("must be a whole number.")
        if self.kind == "date":
            try:
                return dt.date.fromisoformat(str(value))
            except ValueError:
                raise ValueError(f"'{value}' is not a real date in the form YYYY-MM-DD.") from None
        if str(value) in self.allowed:
            return str(value)
        close = said_otherwise(str(value), dict(self.others)) or did_you_mean(
            str(value), self.choices
        )
        raise ValueError(f"'{value}' is not one of: {', '.join(self.choices)}.{close}")


BOOL, DATE, INT = FactType("bool"), FactType("date"), FactType("int")


class _SampleDate(dt.date):
    """A date that compares but refuses arithmetic: exploring what a rule reads need not
    count working days (which loads and works out a year's bank holidays)."""

    def __add__(self, other: object) -> Any:
        raise ArithmeticError("a sample date")

    __radd__ = __sub__ = __add__


def one_of(*choices: str) -> FactType:
    return FactType("choice", tuple(choices))


Facts = Mapping[str, Any]
# What was done: one act, or several at once (a post that abuses an officer is both using
# information and behaving towards someone), each bringing its rules.
Acts = str | tuple[str, ...]


def acts_of(act: Acts | None) -> tuple[str, ...]:
    """The acts a situation states, one or several (none where it states none)."""
    return () if not act else (act,) if isinstance(act, str) else act


def act_words(act: Acts) -> str:
    """The act or acts as a message names them: 'post-on-social-media and behave-towards'."""
    return act if isinstance(act, str) else " and ".join(act)


# The parties to a situation: a duty may fall on "actor" or "towards", whoever they are.
PARTIES = ("actor", "towards")
# Facts any situation may state although no rule reads them: what was done (the machinery
# picks the rules by it) and who the parties are (the machinery names them in duties).
SITUATION = frozenset({"act", *PARTIES})
# A party as a message names the role a situation gives it.
PARTY_WORDS = {
    "actor": "who this situation says acts",
    "towards": "whom this situation says the act is towards",
}

# ---------------------------------------------------------------- determinations


@dataclass(frozen=True, order=True)
class Duty:
    who: str
    what: str
    by: dt.date | None = None

    def __str__(self) -> str:
        return f"{self.who} must {self.what}" + (f" by {self.by:%a %d %b %Y}" if self.by else "")


@dataclass(frozen=True)
class Determination:
    """The protocol's answer: permitted or not, duties, who decides, and the clauses."""

    permitted: bool | None = None
    duties: frozenset[Duty] = frozenset()
    decides: str | None = None
    clauses: frozenset[str] = frozenset()

    def differences(self, got: Determination) -> list[str]:
        """Plain-words differences between this (expected) and ``got``."""
        lines = []
        if self.permitted != got.permitted:
            lines.append(
                f"permitted: expected {_yes_no(self.permitted)}, "
                f"the protocol gave {_yes_no(got.permitted)}"
            )
        for duty in sorted(self.duties - got.duties):
            lines.append(f"expected duty not given: {duty}")
        for duty in sorted(got.duties - self.duties):
            lines.append(f"duty given but not expected: {duty}")
        if self.decides != got.decides:
            lines.append(
                f"decides: expected {self.decides or 'nobody named'}, "
                f"the protocol gave {got.decides or 'nobody named'}"
            )
        if missing := sorted(self.clauses - got.clauses):
            lines.append(f"clauses expected but not applied: {', '.join(missing)}")
        if extra := sorted(got.clauses - self.clauses):
            lines.append(f"clauses applied but not expected: {', '.join(extra)}")
        return lines


def _as_yaml(value: object) -> object:
    """A fact's value as an example writes it (true, not Python's True)."""
    return str(value).lower() if isinstance(value, bool) else value


def _yes_no(value: bool | None) -> str:
    return {True: "permitted", False: "not permitted", None: "no answer"}[value]


# ---------------------------------------------------------------- rules


@dataclass(frozen=True)
class Effect:
    """What a rule contributes: forbid, allow, a duty, or who decides."""

    kind: str
    who: str = ""
    what: str = ""
    due: Callable[[Facts], dt.date | None] | None = None


@dataclass(frozen=True)
class Rule:
    clause: str
    act: str
    effect: Effect
    when: Callable[[Facts], bool]
    name: str
    line: int = 0  # where the rules file gives it, for problems about the rule itself
    # Its condition as the rules file writes it, with the named conditions it uses: what
    # a writer whose example it does not fit is shown ("" where it always applies).
    condition: str = ""

    def __str__(self) -> str:
        return self.name


class Unexplored(Exception):
    """An act whose rules are to be explored (RuleBook.reads) where exploring is left to
    another process: explored in both, the acts that many examples share (the model's
    raise-concern, 0.3 s) would cost twice."""


@dataclass
class RuleBook:
    """The rules model of one protocol: its facts vocabulary, its rules, and which act is
    a kind of which (``broader``: a rule for an act applies to every narrower act)."""

    facts: dict[str, FactType]
    rules: list[Rule] = field(default_factory=list)
    broader: dict[str, str] = field(default_factory=dict)
    # Other words people use for a fact or an act, each with how the vocabulary says it.
    other_words: dict[str, str] = field(default_factory=dict)
    # A digest of the files it was read from (read_rules), so that what was checked against
    # it can be kept (check_cache.py); empty for one made in code.
    source: str = field(default="", compare=False)

    _by_act: dict[str, list[Rule]] = field(default_factory=dict, init=False, repr=False)
    _reads: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False)
    # What each act (or acts at once) is given, worked out once: every worked example
    # asks for its act's rules, effects and facts read, five times or more, and the
    # model's 246 examples share a few dozen acts. Emptied when a rule is added.
    _for_act: dict[tuple[str, Acts], object] = field(default_factory=dict, init=False, repr=False)
    # False while the gate shares the worked examples with a second process (read_examples):
    # an act's rules are then explored in one process only (Unexplored).
    exploring: bool = field(default=True, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for rule in self.rules:
            self._by_act.setdefault(rule.act, []).append(rule)

    def _once(self, what: str, act: Acts, make: Callable[[], T]) -> T:
        key = (what, act)
        if key not in self._for_act:
            self._for_act[key] = make()
        return self._for_act[key]  # type: ignore[return-value]

    def lineage(self, act: Acts) -> tuple[str, ...]:
        """The act and each broader act it is a kind of, narrowest first; for a situation
        that is several acts at once, each act's line in turn, each act once."""
        return self._once("lineage", act, partial(self._lineage, act))

    def _lineage(self, act: Acts) -> tuple[str, ...]:
        line: list[str] = []
        for one in acts_of(act):
            line.append(one)
            while (up := self.broader.get(line[-1])) and up not in line:
                line.append(up)
        return tuple(dict.fromkeys(line))

    def rules_for(self, act: Acts) -> tuple[Rule, ...]:
        """The rules that apply to ``act``: its own and its broader acts'."""
        return self._once(
            "rules",
            act,
            lambda: tuple(r for a in self.lineage(act) for r in self._by_act.get(a, [])),
        )

    def add(self, rule: Rule) -> None:
        self.rules.append(rule)
        self._by_act.setdefault(rule.act, []).append(rule)
        self._reads.clear()
        self._for_act.clear()

    def effects(self, act: Acts, kind: str) -> tuple[Effect, ...]:
        """The effects of ``kind`` that the rules for ``act`` can contribute."""
        return self._once(
            f"effects {kind}",
            act,
            lambda: tuple(r.effect for r in self.rules_for(act) if r.effect.kind == kind),
        )

    def reads(self, act: Acts) -> frozenset[str]:
        """Every fact the rules for ``act`` can read: each rule's condition and, should it
        fire, its duty's bearer and due date, explored by ``facts_read``."""
        return self._once("reads", act, partial(self._explore, act))

    def _explore(self, act: Acts) -> frozenset[str]:
        # Kept for each act's own rules: a broader act's are explored once, not again for
        # every act that is a kind of it.
        for own in self.lineage(act):
            if own not in self._reads:
                if not self.exploring:
                    raise Unexplored(own)
                rules = self._by_act.get(own, [])
                self._reads[own] = frozenset().union(
                    *(facts_read(partial(_fire, r), {}, self.sample) for r in rules)
                )
        return frozenset().union(*(self._reads[own] for own in self.lineage(act)))

    def why_not(
        self, facts: Facts, clauses: Iterable[str], informative: Set[str] = frozenset()
    ) -> list[str]:
        """For each paragraph expected but not applied, what its rules ask of a situation:
        the act each is for, or the facts it reads, as the situation gives them; of one
        without a rule that is informative (``informative``), that it decides nothing."""
        acts = set(self.lineage(facts.get("act", "")))
        lines = []
        for cid in sorted(clauses):
            rules = [r for r in self.rules if r.clause == cid]
            for rule in rules:
                where = f"its rule at rules.yaml line {rule.line}"
                if rule.act not in acts:
                    lines.append(
                        f"{cid}: {where} is for the act '{rule.act}', which this situation's "
                        "act is not, nor a kind of it"
                    )
                    continue
                lines.append(f"{cid}: {where} reads {self._unmet(rule, facts)}")
            if not rules and cid in informative:
                # a newcomer cites the paragraph that describes a situation, not the one
                # that decides it: no rule will ever apply it
                lines.append(
                    f"{cid}: is informative (it describes, it does not require or permit), so "
                    "no rule applies it; cite the paragraph that decides this instead"
                )
            elif not rules:
                lines.append(
                    f"{cid}: no rule in rules.yaml applies it; add one if its words decide this"
                )
        return lines

    def why_not_permitted(self, facts: Facts, permitted: bool) -> list[str]:
        """For an answer expected to be ``permitted`` (or not) that the rules did not give,
        each rule for the act that would permit (or forbid) it, with what it reads."""
        kind, verb = ("allow", "permits") if permitted else ("forbid", "forbids")
        return [
            f"{rule.clause}: its rule at rules.yaml line {rule.line} {verb} it; it reads "
            + self._unmet(rule, facts)
            for rule in self.rules_for(facts.get("act", ""))
            if rule.effect.kind == kind and not rule.when(facts)
        ]

    def _unmet(self, rule: Rule, facts: Facts) -> str:
        """What ``rule`` reads, as the situation gives it, its condition, and the single
        facts that would meet it."""
        read = sorted(facts_read(partial(_fire, rule), {}, self.sample) - {"act"})
        said = ", ".join(
            f"{k}: {_as_yaml(facts[k])}" if k in facts else f"{k} (not stated)" for k in read
        )
        return (
            f"{said or 'no fact'}; its conditions are not met"
            + (f": it applies when {rule.condition}" if rule.condition else "")
            + self._one_fact_away(rule, facts, read)
        )

    def _one_fact_away(self, rule: Rule, facts: Facts, read: list[str]) -> str:
        """The single facts, stated or changed, that would make ``rule`` apply (a value
        stated as false, where a fact left out is not read as false): each of a few."""
        near = [
            f"{key}: {_as_yaml(value)}"
            for key in read
            if key != "actor" and self.facts.get(key, BOOL).kind in ("bool", "choice")
            for value in self.sample(key)
            if value != facts.get(key) and rule.when({**facts, key: value})
        ]
        if not near:
            return ""
        shown = ", or ".join(near[:NEAR_SHOWN]) + (", or another" if near[NEAR_SHOWN:] else "")
        return f" (it would with {shown})"

    def read_by(self, facts: Facts) -> frozenset[str]:
        """The facts the rules for the facts' act read on them: a check on ``reads``,
        whose dates and numbers are only samples."""
        rules = self.rules_for(facts.get("act", ""))
        return frozenset().union(
            *(facts_read(partial(_fire, r), dict(facts), lambda key: ()) for r in rules)
        )

    def sample(self, key: str) -> tuple[object, ...]:
        ftype = self.facts.get(key)
        return ftype.samples if ftype else ()

    def determine(self, facts: Facts, disabled: Rule | None = None) -> Determination:
        fired = [
            r for r in self.rules_for(facts.get("act", "")) if r is not disabled and r.when(facts)
        ]
        kinds = {r.effect.kind for r in fired}
        permitted = False if "forbid" in kinds else True if "allow" in kinds else None
        duties = frozenset(_duty(r.effect, facts) for r in fired if r.effect.kind == "duty")
        deciders = sorted({r.effect.who for r in fired if r.effect.kind == "decides"})
        return Determination(
            permitted, duties, deciders[0] if deciders else None, frozenset(r.clause for r in fired)
        )

    def cited(self) -> set[str]:
        return {r.clause for r in self.rules}


# How many of the single facts that would make a rule apply a failure shows.
NEAR_SHOWN = 3


def _who(who: str, facts: Facts) -> str:
    """'actor' and 'towards' name whoever the facts say acted or was acted towards."""
    return str(facts.get(who, who)) if who in PARTIES else who


def _duty(effect: Effect, facts: Facts) -> Duty:
    return Duty(_who(effect.who, facts), effect.what, effect.due(facts) if effect.due else None)


def _fire(rule: Rule, facts: Facts) -> None:
    """What ``determine`` does with one rule: test it and, if it fires, work out its duty."""
    if rule.when(facts) and rule.effect.kind == "duty":
        _duty(rule.effect, facts)


# ---------------------------------------------------------------- what a rule reads

_ABSENT = object()
# A bound on the runs exploring one rule (the model's largest needs under 700).
EXPLORE_LIMIT = 20_000


class _Probe(Mapping[str, Any]):
    """Facts that record each key looked up, answering from ``chosen``; a key not yet
    chosen is answered as absent, and each of its other sample values queued as a run."""

    def __init__(
        self,
        chosen: dict[str, object],
        queue: list[dict[str, object]],
        read: set[str],
        sample: Callable[[str], tuple[object, ...]],
    ) -> None:
        self.chosen, self.queue, self.read, self.sample = chosen, queue, read, sample

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        if key not in self.chosen:
            self.queue.extend({**self.chosen, key: value} for value in self.sample(key))
            self.chosen[key] = _ABSENT
        if (value := self.chosen[key]) is _ABSENT:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:  # rules look facts up; none lists them
        return iter(())

    def __len__(self) -> int:
        return 0


def facts_read(
    run: Callable[[Facts], object],
    chosen: dict[str, object],
    sample: Callable[[str], tuple[object, ...]],
) -> frozenset[str]:
    """Every key ``run`` looks up in its facts, learnt by running it.

    Rules are Python (``when=lambda f: ...``), so what they read cannot be listed by
    reading them. One run is not enough: ``and``, ``or``, ``all`` and ``any`` stop early,
    so a key may be read only when an earlier one has a certain value. So each lookup of
    a key not yet answered branches: this run sees it absent, and a run for each of its
    ``sample`` values (every choice and truth value; dates and numbers only sampled) is
    queued, with the answers before it kept. Every path through the rule's tests is so
    taken once, and on facts of true/false and choice values nothing is missed; a key
    read only behind one particular date or number could be, hence ``read_by``. A run
    that fails (say, on a sampled date it cannot use) still counts what it read. Runs
    stop at EXPLORE_LIMIT, far beyond any rule of the model.
    """
    read: set[str] = set()
    queue = [chosen]
    for _ in range(EXPLORE_LIMIT):
        if not queue:
            break
        with contextlib.suppress(Exception):
            run(_Probe(queue.pop(), queue, read, sample))
    return frozenset(read)


# ---------------------------------------------------------------- scenarios


@dataclass(frozen=True)
class Part:
    """One person's act in a situation, and the answer expected for it: ``facts`` are
    what its rules read (the situation's shared facts with the act's own)."""

    facts: dict[str, Any]
    expect: Determination
    line: int
    name: str = ""  # the person's name as the example writes it, if it gives one

    @property
    def act(self) -> str:
        return act_words(self.facts.get("act", ""))

    @property
    def label(self) -> str:
        """Who acts, as the example tells them apart: their name as written, else their
        role ('the ward-member')."""
        return self.name or f"the {self.facts.get('actor', 'person')}"

    @property
    def person(self) -> str:
        """Who acts, as a failure names them: 'the officer (notice-misuse)'."""
        return f"{self.label} ({self.act})"


@dataclass(frozen=True)
class Scenario:
    """A worked example: one person's act (the short form: one part), or several
    people's, each with its own answer (``people``), sharing the facts in ``shared``."""

    id: str
    title: str
    parts: tuple[Part, ...]
    path: str
    line: int
    shared: dict[str, Any] = field(default_factory=dict)

    @cached_property  # asked for several times an example on every save of the editor's loop
    def clauses(self) -> frozenset[str]:
        """Every paragraph the example cites, for any person."""
        return frozenset().union(*(part.expect.clauses for part in self.parts))

    def differences(
        self, book: RuleBook, disabled: Rule | None = None, informative: Set[str] = frozenset()
    ) -> list[str]:
        """Where the protocol's answers differ from the expected ones, each person's
        named where there are several; ``informative``: the IDs of the paragraphs that
        decide nothing, said so where one is expected."""
        several = len(self.parts) > 1
        lines = []
        for part in self.parts:
            got = book.determine(part.facts, disabled)
            diffs = part.expect.differences(got)
            if disabled is None:  # not for each mutant: only a person reads these
                wanted = part.expect.permitted
                if wanted is not None and got.permitted != wanted:
                    diffs += book.why_not_permitted(part.facts, wanted)
                missed = part.expect.clauses - got.clauses
                diffs += book.why_not(part.facts, missed, informative)
            lines += [f"{part.person}, line {part.line}: {d}" if several else d for d in diffs]
        return lines


@dataclass(frozen=True)
class Malformed:
    """An example that cannot be checked (or a file that cannot be read: no ``id``), with
    everything wrong with it: it fails alone, and the file's other examples still run."""

    id: str
    path: str
    line: int
    problems: tuple[Problem, ...]


Example = Scenario | Malformed


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader where PyYAML was built with it (the pure-Python one is ten
    times slower), each plain value's type (YAML 1.1's: true, 12, null) worked out once:
    PyYAML's resolver, in Python, was a quarter of composing 3,556 worked examples, whose
    keys and values repeat. It reads no state of the loader's (a safe loader has no path
    resolvers), so one cache serves every file."""

    resolve = staticmethod(lru_cache(maxsize=1 << 16)(yaml.resolver.Resolver().resolve))
    # libyaml's composer calls these two around every node, for path resolvers, which a
    # safe loader has none of: PyYAML's, in Python, were an eighth of composing the
    # synthetic protocol's worked examples; these are C functions that change nothing.
    descend_resolver = staticmethod(operator.is_)  # (parent, index)
    ascend_resolver = staticmethod(tuple)  # ()


LOADER = _Loader  # for every YAML file of checks/
SCENARIO_ID = re.compile(r"SC-[A-Z]+-\d{3}")
REQUIRED_KEYS = {"id", "title", "facts", "expect"}
# Where a situation was taken from (a real protocol's paragraph, the model's answer there,
# what the vocabulary lacked when it was written): for its readers, not for the runner.
PROVENANCE_KEYS = {"source", "needs", "reference-answer"}
TOP_KEYS = REQUIRED_KEYS | PROVENANCE_KEYS | {"people"}
PERSON_KEYS = {"facts", "expect"}  # each person's, besides the optional 'name'
EXPECT_KEYS = {"permitted", "duties", "decides", "clauses"}
DUTY_KEYS = {"who", "must", "by"}
# Words that state an answer rather than a fact: a scenario's facts may not use them.
ANSWER_WORDS = re.compile(
    r"\b(permitted|not permitted|allowed|forbidden|prohibited|breach(es)?|compliant|"
    r"verdict|outcome|clauses?|paragraphs?|para|lawful|unlawful)\b",
    re.I,
)


@lru_cache(maxsize=1 << 14)
def names_answer(id_pattern: re.Pattern[str], key: str, value: str) -> bool:
    """Whether a fact names a clause or states an answer; worked out once for each fact
    (the synthetic protocol's 3,556 worked examples state 7,112 facts, half of them the
    same actor)."""
    return bool(id_pattern.search(value) or ANSWER_WORDS.search(f"{key} {value}"))


# An anchor or alias: '&' or '*' starting the text or after a space or one of [{,:-, and
# then a name. Found from the '&' or '*' itself, checked behind: a pattern beginning with
# the choice of what stands before it was tried at every character of every file, a
# tenth of the YAML's reading (and started at that character, a line break for an anchor
# at a line's start, so that its line was reported as the line before).
ANCHOR = re.compile(r"[&*](?<![^\s\[{,:-].)[\w-]+", re.S)
# A scenario nests five deep (list, scenario, expect, duties, duty). libyaml slows with
# depth (50 KB of '[' took 15 s) and its composer recurses in C (that file crashed the
# gate), so the depth is counted from its tokens, stopping at the limit, before composing.
MAX_DEPTH = 20
MAX_SCENARIO_BYTES = 1_000_000  # the largest model file has 5 KB
OPENS = (
    yaml.BlockSequenceStartToken,
    yaml.BlockMappingStartToken,
    yaml.FlowSequenceStartToken,
    yaml.FlowMappingStartToken,
)
CLOSES = (yaml.BlockEndToken, yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


# A line's leading spaces, '-', '?' and ':' (its indentation and indicators): each level of
# block nesting adds at least one of them. A leading ',' is an indicator too (no plain
# word starts with one): the scanner reads ",: :" as two mappings deep. One pattern, no
# Python a line: a bound, not a count.
BLOCK_LEVELS = re.compile(r"^[ ?:,-]*", re.M)
# What opens or closes a flow level, and what begins text a bracket may hide in.
FLOW_MARKS = re.compile(r"[\[\]{}'\"#!]")


def nesting_bound(text: str, limit: int = MAX_DEPTH) -> int:
    """An upper bound on how deep the YAML nests, found in one quick pass: every block
    level adds a space of indentation or an indicator, every flow level a bracket. Where
    the bound is within ``limit``, ``limit`` itself: a line deep enough to pass it is
    searched for, not every line's depth counted (a string for each line of every file
    of worked examples, most of the pass's time).

    A closing bracket lowers the count, never below zero: outside a flow collection one
    is plain text. Within one, a bracket that closes nothing can only sit in a quoted
    scalar, a comment or a tag, each begun by a quote, '#' or '!'; such a character met
    while the count is above zero (which it always is within a real flow collection)
    makes the bound the text's length, so that the exact scan is made."""
    flow = depth = 0
    for mark in FLOW_MARKS.findall(text):
        if mark in "[{":
            depth += 1
            flow = max(flow, depth)
        elif mark in "]}":
            depth = max(depth - 1, 0)
        elif depth:
            return len(text) + 1
    # within the limit if no line has the block levels left to it: block + flow + 1 <= limit
    room = limit - flow
    if room > 0 and not _deeper_line(room).search("\n" + text):
        return limit
    return max(map(len, BLOCK_LEVELS.findall(text)), default=0) + flow + 1


@lru_cache
def _deeper_line(levels: int) -> re.Pattern[str]:
    """A line starting with ``levels`` block levels or more, found from its line break."""
    return re.compile(f"\n[ ?:,-]{{{levels}}}")


def too_deep(text: str) -> int:
    """The line where the YAML nests deeper than MAX_DEPTH, or 0. Scanning every token
    doubles the cost of reading a file, so it is done only when the quick bound allows
    the depth to be too great."""
    if nesting_bound(text) <= MAX_DEPTH:
        return 0
    depth = 0
    for token in yaml.scan(text, Loader=LOADER):
        if isinstance(token, OPENS):
            depth += 1
            if depth > MAX_DEPTH:
                return int(token.start_mark.line) + 1
        elif isinstance(token, CLOSES):
            depth -= 1
    return 0


def shared_line(text: str, root: yaml.Node) -> int:
    """The line of a node reached twice in ``root``, composed from ``text``, or 0: an alias
    ANCHOR missed (as after a flow key's '?'), which expanded could nest into a bomb. An
    alias is a '*' in the text: without one, no node is reached twice."""
    shared = _shared_node(root) if "*" in text else None
    return _line(shared) if shared is not None else 0


def _shared_node(root: yaml.Node) -> yaml.Node | None:
    """A node reached twice (an alias), found without expanding anything."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in node.value for v in pair)
    return None


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


@dataclass
class _Stated:
    """Facts as an example states them, with each one's line, and those not known."""

    facts: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    line: int = 0
    acted: bool = False  # 'act' was given (a list of acts may yet be refused)


class _ScenarioReader:
    def __init__(
        self,
        path: Path,
        shown: str,
        book: RuleBook,
        clause_ids: Set[str] | None,
        id_pattern: re.Pattern[str],
        retired: Mapping[str, dt.date],
    ) -> None:
        """``clause_ids`` None: the paragraphs are not known yet (a second process reads
        the file while the gate reads the draft), so what the examples cite is only noted
        (``cited``), to be checked by the gate (``_taken``)."""
        self.path, self.shown, self.book = path, shown, book
        self.clause_ids, self.id_pattern, self.retired = clause_ids, id_pattern, retired
        self.problems: list[Problem] = []
        self.text: str | None = None  # the file's text, if read already
        self.cited: set[str] = set()  # every paragraph the examples cite

    def problem(self, line: int, code: str, clause: str = "", **fields: object) -> None:
        self.problems.append(Problem.of(self.shown, line, code, clause, **fields))

    def bounded_text(self) -> str | None:
        """The file's text, or None after recording that it is too large or deep to parse."""
        if (size := self.path.stat().st_size) > MAX_SCENARIO_BYTES:
            self.problem(0, "scenario-file-too-large", size=size, limit=MAX_SCENARIO_BYTES)
            return None
        text = self.path.read_text(encoding="utf-8") if self.text is None else self.text
        if line := too_deep(text):
            self.problem(line, "scenario-yaml-depth", limit=MAX_DEPTH)
            return None
        return text

    def read(self) -> list[Example]:
        root = self.root()
        if root is None:  # not a list of examples at all
            return [Malformed("", self.shown, self.problems[0].line, tuple(self.problems))]
        return [self.scenario(node) for node in root.value]

    def root(self) -> yaml.SequenceNode | None:
        try:
            text = self.bounded_text()
            if text is None:
                return None
            # No anchors or aliases: they hide what a scenario says, and nest into bombs.
            anchor = ANCHOR.search(text)
            line = text.count("\n", 0, anchor.start()) + 1 if anchor else 0
            root = None if anchor else yaml.compose(text, Loader=LOADER)
            shared = shared_line(text, root) if root is not None else 0
            if anchor or shared:
                self.problem(shared or line, "scenario-yaml-anchor")
                return None
        except UnicodeDecodeError as exc:
            self.problem(0, "not-utf8", offset=exc.start)
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            self.problem(int(mark.line) + 1 if mark else 0, "scenario-yaml", error=exc.problem)
            return None
        if root is None:
            self.problem(1, "scenario-empty")
            return None
        if not isinstance(root, yaml.SequenceNode):
            self.problem(_line(root), "scenario-not-list")
            return None
        return root

    def mapping(self, node: yaml.Node, what: str, keys: set[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(_line(node), "scenario-shape", what=what)
            return {}
        out: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = str(key_node.value)
            if keys and key not in keys:
                self.problem(
                    _line(key_node),
                    "scenario-field",
                    key=key,
                    what=what,
                    hint=did_you_mean(key, keys),
                    keys=", ".join(sorted(keys)),
                )
            elif key in out:
                self.problem(_line(key_node), "scenario-field-twice", key=key, what=what)
            else:
                out[key] = value
        return out

    @staticmethod
    def scalar(node: yaml.Node) -> object:
        """A plain value as YAML 1.1 types it; dates stay text, checked where used."""
        if not isinstance(node, yaml.ScalarNode):
            return node
        if node.tag.endswith(":bool"):
            return node.value.lower() in {"true", "yes", "on"}
        if node.tag.endswith(":int"):
            return int(node.value.replace("_", ""), 0)
        if node.tag.endswith(":null"):
            return None
        return node.value

    def scenario(self, node: yaml.Node) -> Example:
        before = len(self.problems)
        top = self.mapping(node, "a scenario", TOP_KEYS)
        # A situation of several people states each one's facts and answer under 'people'.
        needed = REQUIRED_KEYS if "people" not in top else {"id", "title", "people"}
        for key in sorted(needed - top.keys()):
            if isinstance(node, yaml.MappingNode):
                self.problem(_line(node), "scenario-field-missing", key=key, what="the scenario")
        sid = str(self.scalar(top["id"])) if "id" in top else ""
        if "id" in top and not SCENARIO_ID.fullmatch(sid):
            self.problem(_line(top["id"]), "scenario-id", scenario=sid)
        if "people" in top:
            shared, parts = self.people(top)
        else:
            facts = self.facts(top["facts"]) if "facts" in top else {}
            expect = self.expect(top["expect"], facts) if "expect" in top else Determination()
            shared, parts = {}, (Part(facts, expect, _line(node)),)
        if problems := self.problems[before:]:
            sid = sid if SCENARIO_ID.fullmatch(sid) else ""
            return Malformed(sid, self.shown, _line(node), tuple(sorted(problems)))
        title = str(self.scalar(top["title"]))
        return Scenario(sid, title, parts, self.shown, _line(node), shared)

    def people(self, top: dict[str, yaml.Node]) -> tuple[dict[str, Any], tuple[Part, ...]]:
        """Several people's acts: the facts they share, and each person's part."""
        if "expect" in top:
            self.problem(_line(top["expect"]), "scenario-people-expect")
        shared = self.stated(top["facts"]) if "facts" in top else _Stated()
        for key in sorted(shared.facts.keys() & SITUATION):
            self.problem(shared.lines[key], "scenario-shared-fact-person", key=key)
            del shared.facts[key]
        node = top["people"]
        listed = node.value if isinstance(node, yaml.SequenceNode) else []
        if len(listed) < 2:
            self.problem(_line(node), "scenario-people")
        parts = []
        for person in listed:
            fields = self.mapping(person, "a person", PERSON_KEYS | {"name"})
            for key in sorted(PERSON_KEYS - fields.keys()):
                if isinstance(person, yaml.MappingNode):
                    self.problem(
                        _line(person), "scenario-field-missing", key=key, what="the person"
                    )
            own = self.stated(fields["facts"]) if "facts" in fields else _Stated()
            if "facts" in fields:
                self.require_act(own)
                if "actor" not in own.lines:  # each person's answer is named by who they are
                    self.problem(own.line, "scenario-person-actor")
            for key in sorted(own.facts.keys() & shared.facts.keys()):
                self.problem(own.lines[key], "scenario-fact-twice", key=key, at=shared.lines[key])
            facts = {**shared.facts, **own.facts}
            self.strict(own, [facts])
            expect = self.expect(fields["expect"], facts) if "expect" in fields else Determination()
            name = self.person_name(fields["name"]) if "name" in fields else ""
            parts.append(Part(facts, expect, _line(person), name))
        self.strict(shared, [part.facts for part in parts])
        self.distinct(parts)
        return shared.facts, tuple(parts)

    def person_name(self, node: yaml.Node) -> str:
        """A person's name, as messages and the site label them: one line of words."""
        name = self.scalar(node)
        if not isinstance(name, str) or not name.strip() or "\n" in name:
            shown = "empty" if name is None else f"'{_shown(name)}'"
            self.problem(_line(node), "scenario-person-name", value=shown)
            return ""
        return name.strip()

    def distinct(self, parts: list[Part]) -> None:
        """Each person is labelled apart from the others: two of one role (two members)
        would both be 'the member' in every message and on the site."""
        first: dict[str, Part] = {}
        for part in parts:
            if "actor" not in part.facts:
                continue  # already refused: the person does not say who acts
            if (seen := first.setdefault(part.label, part)) is not part:
                self.problem(part.line, "scenario-person-label", label=part.label, at=seen.line)

    def facts(self, node: yaml.Node) -> dict[str, Any]:
        """The facts of a situation of one person's act."""
        stated = self.stated(node)
        self.require_act(stated)
        self.strict(stated, [stated.facts])
        return stated.facts

    def stated(self, node: yaml.Node) -> _Stated:
        """Facts as written, each value checked against its kind; an unknown fact is kept
        aside, to be reported with the facts the rules read."""
        stated = _Stated()
        given = self.mapping(node, "facts", set())
        for key, value_node in given.items():
            line = stated.lines[key] = _line(value_node)
            ftype = self.book.facts.get(key)
            if ftype is None:
                stated.unknown[key] = line
                continue
            if key == "act" and isinstance(value_node, yaml.SequenceNode):
                self.acts(value_node, ftype, stated.facts)
                continue
            value = self.scalar(value_node)
            if isinstance(value, yaml.Node):
                self.problem(line, "scenario-fact-list", key=key)
                continue
            if names_answer(self.id_pattern, key, str(value)):
                self.problem(line, "scenario-names-answer", key=key, value=value)
                continue
            try:
                stated.facts[key] = ftype.parse(value)
            except ValueError as exc:
                self.problem(line, "scenario-fact-value", key=key, error=exc)
        stated.line = _line(node)
        stated.acted = "act" in given
        return stated

    def strict(self, stated: _Stated, situations: list[Facts]) -> None:
        """Every fact stated must be known and read by the rules of the act of one of
        ``situations`` (the person's own, or, for shared facts, any person's)."""
        if not stated.unknown and stated.facts.keys() <= SITUATION:
            return  # nothing to find: what the rules read is then not worked out at all
        reads: dict[str, frozenset[str]] = {}  # each act's, as the problems name them
        for facts in situations:
            act: Acts = facts.get("act", "")
            if not act:
                continue
            read = self.book.reads(act)
            if stated.facts.keys() - read - SITUATION:  # seemingly ignored: run it too
                read |= self.book.read_by(facts)
            reads[act_words(act)] = reads.get(act_words(act), frozenset()) | read
        read = frozenset().union(*reads.values())
        ignored = sorted(stated.facts.keys() - read - SITUATION) if reads else []
        if not (stated.unknown or ignored):
            return
        said = "; ".join(
            f"the rules for '{act}' read: {', '.join(sorted(r - SITUATION)) or 'no facts'}"
            for act, r in reads.items()
        )
        words = f"Besides act, actor and towards (which any situation may state), {said}. "
        words = words if reads else ""
        for key, line in stated.unknown.items():
            # what the act's rules read, or any fact; act, actor and towards always
            hint = said_otherwise(key, self.book.other_words) or did_you_mean(
                key, sorted(read | SITUATION) if read - SITUATION else self.book.facts
            )
            self.problem(line, "scenario-fact", key=key, hint=hint, reads=words)
        for key in ignored:
            line = stated.lines[key]
            if len(situations) == 1:
                self.problem(
                    line, "scenario-fact-ignored", act=next(iter(reads)), key=key, reads=words
                )
            else:
                acts = ", ".join(reads)
                self.problem(line, "scenario-shared-fact-ignored", acts=acts, key=key, reads=words)

    def require_act(self, stated: _Stated) -> None:
        """A situation (or a person in one) says what was done."""
        if not stated.acted and not stated.unknown:
            self.problem(stated.line, "scenario-fact-act")

    def acts(self, node: yaml.SequenceNode, ftype: FactType, facts: dict[str, Any]) -> None:
        """A situation that is several acts at once: each a value of 'act', none twice."""
        acts: list[str] = []
        for item in node.value:
            value = self.scalar(item)
            try:
                if isinstance(value, yaml.Node):
                    raise ValueError("must be a list of acts, each one name.")
                acts.append(str(ftype.parse(value)))
            except ValueError as exc:
                self.problem(_line(item), "scenario-fact-value", key="act", error=exc)
                return
        if len(set(acts)) != len(acts) or not acts:
            self.problem(_line(node), "scenario-acts", acts=", ".join(acts) or "none")
            return
        facts["act"] = acts[0] if len(acts) == 1 else tuple(acts)

    def expect(self, node: yaml.Node, facts: Facts) -> Determination:
        fields = self.mapping(node, "expect", EXPECT_KEYS)
        act: Acts = facts.get("act", "")  # empty when the facts are wrong: no names checked
        permitted = None
        if "permitted" in fields:
            value = self.scalar(fields["permitted"])
            if not isinstance(value, bool):
                self.problem(
                    _line(fields["permitted"]), "scenario-expect-permitted", value=_shown(value)
                )
            else:
                permitted = value
                verb, kind = ("permits", "allow") if value else ("forbids", "forbid")
                if act and not self.book.effects(act, kind):
                    self.problem(
                        _line(fields["permitted"]),
                        "scenario-expect-outcome",
                        value=str(value).lower(),
                        act=act_words(act),
                        verb=verb,
                    )
        duties = set()
        duties_node = fields.get("duties")
        if duties_node is not None and not isinstance(duties_node, yaml.SequenceNode):
            self.problem(_line(duties_node), "scenario-expect-duties")
        duty_effects = self.book.effects(act, "duty")
        bearers = {_who(e.who, facts) for e in duty_effects}
        # A duty on 'actor' or 'towards' falls on whoever the situation says they are.
        parties = {
            _who(e.who, facts): PARTY_WORDS[e.who]
            for e in duty_effects
            if e.who in PARTIES and e.who in facts
        }
        musts = {e.what for e in duty_effects}
        for item in duties_node.value if isinstance(duties_node, yaml.SequenceNode) else []:
            d = self.mapping(item, "a duty", DUTY_KEYS)
            by: dt.date | None = None
            if "by" in d:
                try:
                    by = dt.date.fromisoformat(str(self.scalar(d["by"])))
                except ValueError:
                    self.problem(_line(d["by"]), "scenario-expect-date")
            if "who" in d and "must" in d:
                who = self.name(d["who"], "a duty on", bearers, act, parties)
                duties.add(Duty(who, self.name(d["must"], "the duty", musts, act), by))
            else:
                self.problem(_line(item), "scenario-expect-duty")
        clauses = set()
        clauses_node = fields.get("clauses")
        if isinstance(clauses_node, yaml.ScalarNode) and clauses_node.value:
            self.problem(_line(clauses_node), "scenario-expect-clauses", value=clauses_node.value)
        elif not isinstance(clauses_node, yaml.SequenceNode):
            self.problem(_line(node), "scenario-expect-none")
        else:
            for item in clauses_node.value:
                cid = str(item.value)
                clauses.add(cid)
                self.cited.add(cid)
                if self.clause_ids is None or cid in self.clause_ids:
                    continue
                if cid in self.retired:
                    revoked = self.retired[cid]
                    self.problem(_line(item), "scenario-cites-revoked", cid, revoked=revoked)
                else:
                    self.problem(_line(item), "scenario-unknown-clause", cid)
        deciders = {e.who for e in self.book.effects(act, "decides")}
        decides = self.name(fields["decides"], "", deciders, act) if "decides" in fields else None
        # 'clauses: []' says the protocol does not answer: then nothing else is expected.
        answered = permitted is not None or duties or decides
        if isinstance(clauses_node, yaml.SequenceNode) and not clauses and answered:
            self.problem(_line(node), "scenario-expect-none")
        return Determination(permitted, frozenset(duties), decides, frozenset(clauses))

    def name(
        self,
        node: yaml.Node,
        what: str,
        known: set[str],
        act: Acts,
        parties: Mapping[str, str] | None = None,
    ) -> str:
        """A duty's bearer or action, or a decider (``what`` empty), as the rules for
        ``act`` can give it: a name they cannot give could only fail to match. A bearer
        that is a party (``parties``) is said to be so: the rule names the party, not
        the role."""
        parties = parties or {}
        name = _shown(self.scalar(node))
        if not isinstance(node, yaml.ScalarNode):
            self.problem(_line(node), "scenario-expect-not-name", name=name)
        elif act and name not in known:
            wrong = f"gives {what} '{name}'" if what else f"makes '{name}' the one who decides"
            self.problem(
                _line(node),
                "scenario-expect-name",
                act=act_words(act),
                wrong=wrong,
                hint=did_you_mean(name, known),
                known=", ".join(f"{k} ({parties[k]})" if k in parties else k for k in sorted(known))
                or "none",
            )
        return name


def _shown(value: object) -> str:
    """A value as written: a list or a mapping is never a name or a truth value."""
    if isinstance(value, yaml.Node):
        return "a list" if isinstance(value, yaml.SequenceNode) else "a mapping"
    return str(value)


def said_otherwise(word: str, other_words: Mapping[str, str]) -> str:
    """Where ``word`` is another word for what the vocabulary names, how it says it."""
    said = other_words.get(word)
    return f" The vocabulary says this with {said}." if said else ""


def did_you_mean(word: str, names: Iterable[str]) -> str:
    import difflib  # here: only a problem's hint needs it, not every command's start

    # the small words a title writes small carry no meaning of their own in a name either
    from constitution.capitals import SMALL_WORDS

    names = list(names)
    # A shorter name of one's own for a longer one ('ward-members-told' for
    # 'ward-members-told-beforehand'): the names holding every word written, if few.
    words = set(word.split("-")) - SMALL_WORDS
    holding = sorted((n for n in names if words <= set(n.split("-"))), key=len)
    if len(words) > 1 and 0 < len(holding) <= 3:
        return " Did you mean " + ", or ".join(f"'{n}'" for n in holding) + "?"
    # Close enough to be a slip of the keys (declard, actr), not another word that shares
    # letters ('members-briefing' is not 'member-business'): that would mislead.
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.8)
    return f" Did you mean '{close[0]}'?" if close else ""


@dataclass(frozen=True)
class ReadAside:
    """A file of worked examples read by a second process while the gate reads the draft
    (records_aside.py), before the paragraphs are known: the text read, what it was read
    against (the rules' digest and the ID pattern), its examples, and every paragraph they
    cite, which the gate checks before it takes them (``_taken``)."""

    text: str
    shown: str
    against: tuple[str, str]
    examples: list[Example]
    cited: frozenset[str]


class Aside(Protocol):
    """The second process reading files of worked examples from the first on, while the
    gate reads them from the last back, so that the two meet wherever the work divides."""

    def claim(self, path: Path) -> bool:
        """Whether the gate is to read ``path`` itself: yes, unless the second process has
        taken it (it then takes it no more)."""

    def give_back(self, path: Path) -> None:
        """Leave a file claimed to the second process after all (if it has not stopped)."""

    def sent(self) -> Mapping[str, ReadAside]:
        """What the second process read without a problem, by path, once it is done."""


def read_aside(
    path: Path, root: Path, book: RuleBook, id_pattern: re.Pattern[str]
) -> ReadAside | None:
    """A file's examples read before the paragraphs they cite are known; None where the
    file has a problem (the gate reads it again, and says it) or the rules' files changed
    while they were read (``book.source`` empty: nothing to compare)."""
    reader = _ScenarioReader(path, path.relative_to(root).as_posix(), book, None, id_pattern, {})
    reader.text = _bounded_read(path)
    if not book.source or reader.text is None:
        return None
    examples = reader.read()
    if reader.problems:
        return None
    cited = frozenset(reader.cited)
    return ReadAside(reader.text, reader.shown, (book.source, id_pattern.pattern), examples, cited)


def _taken(
    sent: ReadAside | None, reader: _ScenarioReader, clause_ids: Set[str], against: str
) -> list[Example] | None:
    """The second process's reading of a file, where it is the gate's own: read against
    the same rules and ID pattern, and every paragraph it cites one of ``clause_ids``. The
    reading differs from the gate's only in what it did not check (the paragraphs
    cited), so the gate's would then find no problem and make the same examples."""
    if sent is None or sent.shown != reader.shown or not sent.cited <= clause_ids:
        return None
    if sent.against != (reader.book.source, reader.id_pattern.pattern):
        return None
    if against:  # kept as the gate's own reading is (_read_file)
        READ_EXAMPLES[str(reader.path)] = ((sent.text, reader.shown, against), sent.examples)
    return sent.examples


def read_examples(
    paths: Iterable[Path],
    root: Path,
    book: RuleBook,
    clause_ids: set[str],
    id_pattern: re.Pattern[str],
    retired: Mapping[str, dt.date] | None = None,
    aside: Aside | None = None,
) -> list[Example]:
    """Read scenario files: each example either a Scenario or Malformed, so that one bad
    example never hides the others (the pytest plugin fails it alone). With ``aside``,
    the files a second process reads are taken from it where they can be (``_taken``),
    each as this process would have read it."""
    examples: list[Example] = []
    retired = retired or {}
    # What a file's examples are checked against besides its own text (its reading, kept
    # between commands by check_cache.py, is served again only when all of it is the same).
    given = [book.source, id_pattern.pattern, *sorted(clause_ids), str(sorted(retired.items()))]
    against = hashlib.sha256("\0".join(given).encode()).hexdigest() if book.source else ""

    def reader_of(path: Path) -> _ScenarioReader:
        shown = path.relative_to(root).as_posix()
        return _ScenarioReader(path, shown, book, clause_ids, id_pattern, retired)

    readers = [reader_of(path) for path in sorted(paths)]
    read: dict[int, list[Example]] = {}
    if aside is not None:
        book.exploring = False
        try:
            for i in reversed(range(len(readers))):  # the second process reads from the first
                if not aside.claim(readers[i].path):
                    continue
                try:
                    read[i] = _read_file(readers[i], against)
                except Unexplored:  # a file needing an act explored: left to the other
                    aside.give_back(readers[i].path)
                    readers[i] = reader_of(readers[i].path)  # its problems so far forgotten
                    break
        finally:
            book.exploring = True
        sent = aside.sent()
        for i, reader in enumerate(readers):
            if i in read:  # read here (both may read the file where they meet): kept
                continue
            taken = _taken(sent.get(str(reader.path)), reader, clause_ids, against)
            if taken is not None:
                read[i] = taken
    for i, reader in enumerate(readers):
        examples.extend(read[i] if i in read else _read_file(reader, against))
    seen: dict[str, Example] = {}
    for i, example in enumerate(examples):
        first = seen.setdefault(example.id, example) if example.id else example
        if first is not example:
            first_at = f"{first.path}:{first.line}"
            problem = Problem.of(
                example.path,
                example.line,
                "scenario-duplicate-id",
                scenario=example.id,
                first=first_at,
            )
            old = example.problems if isinstance(example, Malformed) else ()
            examples[i] = Malformed("", example.path, example.line, (*old, problem))
    return examples


# Files of worked examples as last read, by path: (text, file as named, what they were
# checked against) -> examples. Only a file read without a problem is kept.
READ_EXAMPLES: dict[str, tuple[tuple[str, str, str], list[Example]]] = {}


def _read_file(reader: _ScenarioReader, against: str) -> list[Example]:
    """A file's examples, as last read if neither it nor what it is checked against
    (``against``: a digest, empty for a rule book read from no file) has changed."""
    if not against or (text := _bounded_read(reader.path)) is None:
        return reader.read()  # which says what is wrong, if anything
    key = (text, reader.shown, against)
    kept = READ_EXAMPLES.get(str(reader.path))
    if kept and kept[0] == key:
        return kept[1]
    reader.text = text  # the words the key holds are the words read
    examples = reader.read()
    if not reader.problems:
        READ_EXAMPLES[str(reader.path)] = (key, examples)
    return examples


def _bounded_read(path: Path) -> str | None:
    """A file's text, or None where it is too large or cannot be read as UTF-8 (the reader
    then says so)."""
    try:
        if path.stat().st_size > MAX_SCENARIO_BYTES:
            return None
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def only_scenarios(examples: list[Example]) -> list[Scenario]:
    """The scenarios, if every example is one; else ProtocolError with every problem."""
    if problems := [p for e in examples if isinstance(e, Malformed) for p in e.problems]:
        raise ProtocolError(problems)
    return [e for e in examples if isinstance(e, Scenario)]


def surviving_rules(book: RuleBook, scenarios: list[Scenario]) -> list[Rule]:
    """Rules whose removal no scenario notices: each one is untested weight."""
    return [
        rule
        for rule in book.rules
        if not any(s.differences(book, disabled=rule) for s in scenarios)
    ]
