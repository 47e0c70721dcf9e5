"""New situations from real councils' protocols, run against the current rules model.

    python benchmarks/situations.py [--project DIR] [--json]

Reads the worked examples written from the reference protocols, or blind (from no
reference: checks/*/blind.yaml), before the rules were changed for them (each with a
'source'): those not yet passing in checks/new-situations,
which the tests do not collect, and those moved to checks/scenarios once they passed. It
runs each
with the project's own scenario runner: the reader (scenarios.read_examples, as the
pytest plugin reads checks/scenarios) and the rules (RuleBook.determine, compared by
Determination.differences). Prints how many are expressible in the vocabulary, how many
get the expected outcome and the full expectation, how many the strict reader refuses;
which facts and acts of checks/scenarios only one example uses; and the table of
checks/determinations/*.yaml, each reference's determinations by the model's answer.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from constitution.project import Project
from constitution.scenarios import (
    SITUATION,
    Determination,
    Duty,
    Malformed,
    RuleBook,
    Scenario,
    read_examples,
)

ROOT = Path(__file__).resolve().parents[1]
# The scenario format's own fields; the rest (source, needs, reference-answer) describe
# the situation for this benchmark and are left out when the runner reads it.
FORMAT = ("id", "title", "facts", "expect", "people")
# A fact the vocabulary does not know ('scenario-fact'), or a value it does not allow
# ('scenario-fact-value': a role, act or purpose it lacks). Anything else refuses an
# example the vocabulary can say.
UNSAYABLE = frozenset({"scenario-fact", "scenario-fact-value"})
ANSWERS = ("same", "partly", "silent", "different")
SETS = ("references", "blind")


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def when(by: Any) -> Any:
    """A duty's date as the reader takes it: a quoted date (as yaml.safe_dump writes a
    string) is the same date as an unquoted one."""
    return date.fromisoformat(by) if isinstance(by, str) else by


def expected(expect: dict[str, Any]) -> Determination:
    """The expectation as written, whether or not the rules can give its names."""
    duties = frozenset(
        Duty(str(d["who"]), str(d["must"]), when(d.get("by"))) for d in expect.get("duties") or []
    )
    return Determination(
        expect.get("permitted"), duties, expect.get("decides"), frozenset(expect["clauses"])
    )


def outcome_right(want: Determination, got: Determination) -> bool:
    """The answer asked for, with a paragraph that says so: the same permission, every
    expected duty and decider, and at least one of the expected clauses applied. Where
    the answer asked for is none (``clauses: []``: the model is silent), none at all."""
    if not want.clauses:
        return not (got.clauses or got.duties or got.decides) and got.permitted is None
    return (
        want.permitted == got.permitted
        and want.duties <= got.duties
        and (want.decides is None or want.decides == got.decides)
        and bool(want.clauses & got.clauses)
    )


class Runner:
    """The project's reader and rules, for one example at a time."""

    def __init__(self, project: Project, scratch: Path) -> None:
        self.document = project.document()
        self.book: RuleBook = project.rulebook()
        self.ids = {c.id for c in self.document.clauses()}
        self.pattern = project.council().id_pattern
        self.retired = project.retired()
        self.scratch = scratch

    def read(self, example: dict[str, Any]) -> Scenario | Malformed:
        path = self.scratch / "example.yaml"
        path.write_text(yaml.safe_dump([example], sort_keys=False), encoding="utf-8")
        examples = read_examples(
            [path], self.scratch, self.book, self.ids, self.pattern, self.retired
        )
        assert len(examples) == 1, examples
        return examples[0]

    def run(self, raw: dict[str, Any]) -> dict[str, Any]:
        example = {k: raw[k] for k in FORMAT if k in raw}
        # Read once as written (the strict reader's verdict) and once with only the
        # expectation's clauses, so that facts are judged apart from the answer's names.
        strict = self.read(example)
        facts_only = self.read(clauses_only(example))
        row: dict[str, Any] = {
            "id": raw["id"],
            "set": situation_set(raw),
            "model": raw["source"]["model"],
            "declared-needs": bool(raw.get("needs")),
            "refused": sorted({p.code for p in strict.problems})
            if isinstance(strict, Malformed)
            else [],
        }
        if isinstance(facts_only, Malformed):
            codes = {p.code for p in facts_only.problems}
            row["expressible"] = not codes & UNSAYABLE
            row["ran"] = False
            return row
        row["expressible"] = row["ran"] = True
        # One person's act, or several people's: each person's answer must hold.
        wants = [expected(e) for e in expectations(raw)]
        try:
            gots = [self.book.determine(part.facts) for part in facts_only.parts]
        except Exception as exc:  # a rule that cannot take these facts: an error, counted
            row["exception"] = f"{type(exc).__name__}: {exc}"
            row["outcome"] = row["full"] = False
            return row
        pairs = list(zip(wants, gots, strict=True))
        row["outcome"] = all(outcome_right(want, got) for want, got in pairs)
        row["full"] = not any(want.differences(got) for want, got in pairs)
        return row


def has_answer(example: dict[str, Any]) -> bool:
    """Whether the situation has been written: an expectation, or several people's."""
    return "expect" in example or "people" in example


def expectations(example: dict[str, Any]) -> list[dict[str, Any]]:
    """Each person's expectation, in order: one, or one for each of several people."""
    return [p["expect"] for p in example["people"]] if "people" in example else [example["expect"]]


def clauses_only(example: dict[str, Any]) -> dict[str, Any]:
    """The example with each expectation cut to its paragraphs."""
    if "people" not in example:
        return {**example, "expect": {"clauses": example["expect"]["clauses"]}}
    people = [{**p, "expect": {"clauses": p["expect"]["clauses"]}} for p in example["people"]]
    return {**example, "people": people}


def situation_set(raw: dict[str, Any]) -> str:
    """'references' for a situation drawn from a reference protocol's paragraph (its
    source says 'at'), 'blind' for one written from no reference (checks/*/blind.yaml)."""
    return "references" if "at" in raw["source"] else "blind"


def listed(path: Path, determinations: Path) -> set[str]:
    """The paragraphs of a reference that its determinations file lists."""
    data = load(determinations / path.name)
    return {str(r["at"]) for r in data["determinations"] + data["time-limits"]}


def written(checks: Path) -> list[tuple[Path, dict[str, Any]]]:
    """The situations from the references, each with its file (named for its reference),
    in the order of their IDs: wherever they are, the same 72."""
    found = [
        (path, raw)
        for folder in ("new-situations", "scenarios")
        for path in sorted((checks / folder).glob("*.yaml"))
        for raw in load(path) or []
        if "source" in raw
    ]
    return sorted(found, key=lambda pair: str(pair[1]["id"]))


def tally(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many of ``rows`` there are, can be said, ran to the right outcome, and in full."""
    return {
        "examples": len(rows),
        "expressible": sum(bool(r["expressible"]) for r in rows),
        "outcome": sum(bool(r["ran"] and r["outcome"]) for r in rows),
        "full": sum(bool(r["ran"] and r["full"]) for r in rows),
    }


def situations(project: Project, checks: Path, determinations: Path) -> dict[str, Any]:
    # A situation with only its source (committed before its facts are written) is
    # listed, not run.
    found = written(checks)
    examples = [(path, raw) for path, raw in found if has_answer(raw)]
    for path, raw in examples:
        if raw["source"].get("model") not in ANSWERS:
            raise SystemExit(
                f"{path}: {raw['id']}: source needs 'model', one of {', '.join(ANSWERS)}: the"
                " model protocol's answer (for a blind situation, 'same' where its words"
                " answer it, 'silent' where they do not)."
            )
    sources_only = [str(raw["id"]) for _, raw in found if not has_answer(raw)]
    with tempfile.TemporaryDirectory(prefix="situations-") as scratch:
        runner = Runner(project, Path(scratch))
        rows = [runner.run(raw) for _, raw in examples]
    # Each example drawn from a reference is drawn from its list: its paragraph is one the
    # list has.
    unlisted = [
        str(raw["id"])
        for path, raw in examples
        if "at" in raw["source"] and str(raw["source"]["at"]) not in listed(path, determinations)
    ]
    expressible = [r for r in rows if r["expressible"]]
    ran = [r for r in rows if r["ran"]]
    refused = [r for r in rows if r["refused"]]
    by_answer = {a: tally([r for r in rows if r["model"] == a]) for a in ANSWERS}
    by_set = {name: tally([r for r in rows if r["set"] == name]) for name in SETS}
    return {
        "examples": len(rows),
        "expressible": len(expressible),
        "not-expressible": len(rows) - len(expressible),
        "declared-needs": sum(r["declared-needs"] for r in rows),
        "needs-disagree": sum(r["declared-needs"] == r["expressible"] for r in rows),
        "ran": len(ran),
        "facts-refused": len(expressible) - len(ran),
        "outcome": sum(r["outcome"] for r in ran),
        "full": sum(r["full"] for r in ran),
        "errors": len(refused) + sum("exception" in r for r in ran),
        "refused": len(refused),
        "exceptions": sum("exception" in r for r in ran),
        "refused-by-code": dict(Counter(c for r in refused for c in r["refused"]).most_common()),
        "by-model-answer": by_answer,
        "by-set": by_set,
        "not-from-the-list": unlisted,
        "sources-only": sources_only,
        "rows": rows,
    }


def vocabulary(book: RuleBook, scenario_files: list[Path]) -> dict[str, Any]:
    """How many of checks/scenarios' examples state each fact and do each act (or an act
    that is a kind of it)."""
    facts: Counter[str] = Counter()
    acts: Counter[str] = Counter()
    for path in scenario_files:
        for example in load(path):
            # Several people's acts (people) are each a situation, sharing the example's facts.
            stated = [p.get("facts") or {} for p in example.get("people", [])]
            shared = example.get("facts") or {}
            facts.update(set(shared).union(*stated))
            # An example of an act exercises the rules of every broader act it is a kind of.
            given = (
                [shared.get("act", "")] if not stated else [own.get("act", "") for own in stated]
            )
            lines = (book.lineage(a if isinstance(a, str) else tuple(a)) for a in given)
            acts.update(set().union(*lines))
    vocabulary = sorted(set(book.facts) - SITUATION)
    all_acts = book.facts["act"].choices
    read = frozenset().union(*(book.reads(act) for act in all_acts))
    return {
        "examples": sum(1 for path in scenario_files for _ in load(path)),
        "facts": len(vocabulary),
        "acts": len(all_acts),
        "rules": len(book.rules),
        "facts-used-once": sorted(f for f in vocabulary if facts[f] == 1),
        "facts-used-by-none": sorted(f for f in vocabulary if facts[f] == 0),
        "facts-read-by-no-rule": sorted(set(vocabulary) - read),
        "acts-used-once": sorted(a for a in all_acts if acts[a] == 1),
        "acts-used-by-none": sorted(a for a in all_acts if acts[a] == 0),
    }


def determinations(project: Project, folder: Path) -> dict[str, Any]:
    """Per reference: its determinations by the model's answer, its time limits, and
    the model paragraphs cited (unknown IDs, and numbers the draft no longer gives)."""
    numbers = {c.id: c.number for c in project.document().clauses()}
    table: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = load(path)
        rows = data["determinations"]
        cited = [
            (cid, str(n)) for r in rows + data["time-limits"] for cid, n in r["clauses"].items()
        ]
        table[path.stem] = {
            "determinations": len(rows),
            **{answer: sum(r["model"] == answer for r in rows) for answer in ANSWERS},
            "time-limits": len(data["time-limits"]),
            "unknown-clauses": sorted({cid for cid, _ in cited if cid not in numbers}),
            "stale-numbers": sorted(
                {cid for cid, n in cited if cid in numbers and numbers[cid] != n}
            ),
        }
    return table


def report(figures: dict[str, Any]) -> str:
    s, v, d = figures["situations"], figures["vocabulary"], figures["determinations"]
    lines = [
        f"New situations: {s['examples']} (written from checks/determinations, or blind)",
        f"  expressible with the existing vocabulary: {s['expressible']}"
        f" (not: {s['not-expressible']}; declared as needing a new fact or act:"
        f" {s['declared-needs']}, disagreeing with the reader: {s['needs-disagree']})",
        f"  refused by the strict reader for a fact no rule reads: {s['facts-refused']}",
        f"  run: {s['ran']}; expected outcome: {s['outcome']}; full expectation"
        f" (outcome, duties, deciders, paragraphs): {s['full']}",
        f"  errors: {s['errors']} (examples the strict reader refuses: {s['refused']},"
        f" rules raising: {s['exceptions']})",
        "  refused, by problem: "
        + ", ".join(f"{code} {n}" for code, n in s["refused-by-code"].items()),
        "  from a paragraph the determinations do not list: "
        + (", ".join(s["not-from-the-list"]) or "none"),
        "  not yet written (a source only, not run): " + (", ".join(s["sources-only"]) or "none"),
        "  by the model's answer   examples  expressible  outcome  full",
    ]
    for answer, row in [*s["by-model-answer"].items(), ("by set", None), *s["by-set"].items()]:
        if row is None:
            lines.append(f"  {answer}")
            continue
        lines.append(
            f"    {answer:<22}{row['examples']:>8}{row['expressible']:>13}"
            f"{row['outcome']:>9}{row['full']:>6}"
        )
    lines += [
        f"Vocabulary of checks/scenarios ({v['examples']} examples): {v['facts']} facts,"
        f" {v['acts']} acts, {v['rules']} rules",
        f"  facts used by only one example ({len(v['facts-used-once'])}):"
        f" {', '.join(v['facts-used-once'])}",
        f"  facts used by none ({len(v['facts-used-by-none'])}):"
        f" {', '.join(v['facts-used-by-none'])}",
        f"  facts read by no rule ({len(v['facts-read-by-no-rule'])}):"
        f" {', '.join(v['facts-read-by-no-rule'])}",
        f"  acts used by only one example ({len(v['acts-used-once'])}):"
        f" {', '.join(v['acts-used-once'])}",
        f"  acts used by none ({len(v['acts-used-by-none'])}): {', '.join(v['acts-used-by-none'])}",
        "Determinations (checks/determinations)",
        "  reference              total  same  partly  silent  different  time limits",
    ]
    for stem, row in d.items():
        lines.append(
            f"  {stem:<23}{row['determinations']:>6}{row['same']:>6}{row['partly']:>8}"
            f"{row['silent']:>8}{row['different']:>11}{row['time-limits']:>13}"
        )
        for key in ("unknown-clauses", "stale-numbers"):
            if row[key]:
                lines.append(f"    {key}: {', '.join(row[key])}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="the project's folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    project = Project.find(args.project)
    checks = project.checks
    figures = {
        "situations": situations(project, checks, checks / "determinations"),
        "vocabulary": vocabulary(project.rulebook(), project.scenario_files()),
        "determinations": determinations(project, checks / "determinations"),
    }
    print(json.dumps(figures, indent=1) if args.json else report(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
