"""The situations benchmark runs on the model project, and its counts add up.

Not whether they are good: the new situations were written before the rules were
changed for them, so many fail by design. The benchmark must still account for each.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from conftest import MODEL, ROOT
from constitution.project import Project

SCRIPT = ROOT / "benchmarks" / "situations.py"
# The determinations table's columns, as the benchmark's JSON names them.
COLUMNS = ("determinations", "same", "partly", "silent", "different", "time-limits")


def bench(root: Path, *args: str) -> str:
    """What the benchmark prints for the project at ``root``."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--project", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@functools.cache
def run(*args: str) -> str:
    return bench(MODEL, *args)


def entries(folder: Path) -> list[dict[str, Any]]:
    return [e for path in sorted(folder.glob("*.yaml")) for e in yaml.safe_load(path.read_text())]


def test_every_situation_is_counted_once_and_the_counts_add_up() -> None:
    figures = json.loads(run("--json"))
    s = figures["situations"]
    written = sorted(
        (
            e
            for folder in ("new-situations", "scenarios")
            for e in entries(MODEL / "checks" / folder)
            if "source" in e and ("expect" in e or "people" in e)
        ),
        key=lambda e: str(e["id"]),
    )
    assert s["examples"] == len(s["rows"]) == len(written) >= 60
    assert [r["id"] for r in s["rows"]] == [e["id"] for e in written]
    assert s["expressible"] + s["not-expressible"] == s["examples"]
    assert s["ran"] + s["facts-refused"] == s["expressible"]
    assert s["full"] <= s["outcome"] <= s["ran"]
    assert s["errors"] == s["refused"] + s["exceptions"]
    assert sum(s["refused-by-code"].values()) >= s["refused"]
    assert s["not-from-the-list"] == []
    assert s["declared-needs"] == sum(bool(e.get("needs")) for e in written)
    for key in ("examples", "expressible", "outcome", "full"):
        assert sum(row[key] for row in s["by-model-answer"].values()) == s[key], key
        assert sum(row[key] for row in s["by-set"].values()) == s[key], key
    # A situation written blind names no reference paragraph; each set is counted apart.
    blind = [e["id"] for e in written if "at" not in e["source"]]
    assert s["by-set"]["blind"]["examples"] == len(blind) >= 25
    assert {r["id"] for r in s["rows"] if r["set"] == "blind"} == set(blind)
    v = figures["vocabulary"]
    assert v["examples"] == len(entries(MODEL / "checks" / "scenarios"))
    assert set(v["facts-used-once"]).isdisjoint(v["facts-used-by-none"])
    for stem, row in figures["determinations"].items():
        answers = row["same"] + row["partly"] + row["silent"] + row["different"]
        assert answers == row["determinations"] > 0, stem
        assert row["unknown-clauses"] == [], f"{stem} cites paragraphs the protocol lacks"


def test_the_report_prints_each_figure() -> None:
    text = run()
    figures = json.loads(run("--json"))["situations"]
    assert f"New situations: {figures['examples']}" in text
    assert f"expected outcome: {figures['outcome']}" in text
    assert "facts used by only one example" in text
    assert "001_f65b78a89e8b4a6d" in text


def test_the_determinations_readme_table_is_the_benchmarks() -> None:
    table = json.loads(run("--json"))["determinations"]
    readme = (MODEL / "checks" / "determinations" / "README.md").read_text(encoding="utf-8")
    rows = {
        cells[0]: [int(c) for c in cells[1:]]
        for line in readme.splitlines()
        if line.startswith(("| 0", "| all three"))
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    expected = {stem: [row[k] for k in COLUMNS] for stem, row in table.items()}
    total = [sum(row[k] for row in table.values()) for k in COLUMNS]
    assert rows == {**expected, "all three": total}


def test_the_project_readme_quotes_the_determinations_totals() -> None:
    table = json.loads(run("--json"))["determinations"]
    total = {k: sum(row[k] for row in table.values()) for k in COLUMNS}
    # The README wraps its sentence; compare it with its line breaks taken out.
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert (
        f"{total['determinations']} determinations of the three protocols, of which the"
        f" model answers {total['same']} the same way, {total['partly']} in part,"
        f" {total['different']} differently and {total['silent']} not at all."
    ) in readme


def test_each_situation_gives_the_model_answer_its_determination_records() -> None:
    """A situation's 'source: {at, model}' names a determination of its reference: one at
    that paragraph with that answer. Where the model answers (same, partly, different),
    that determination cites a paragraph the example's answer rests on; where it is
    silent, the example cannot yet pass (a passing one is answered by the model's words).
    An amendment that answers a situation so moves its source and its determination
    together."""
    stale = []
    for listing in sorted((MODEL / "checks" / "determinations").glob("*.yaml")):
        listed = yaml.safe_load(listing.read_text(encoding="utf-8"))
        rows = listed["determinations"] + listed["time-limits"]
        for folder in ("new-situations", "scenarios"):
            path = MODEL / "checks" / folder / listing.name  # named for its reference
            for e in entries_of(path):
                at, answer = str(e["source"]["at"]), e["source"]["model"]
                same = [r for r in rows if str(r["at"]) == at and r["model"] == answer]
                # Every person's paragraphs, where several people act.
                cited = {c for x in e.get("people", [e]) for c in x["expect"]["clauses"]}
                fits = (
                    folder == "new-situations"
                    if answer == "silent"
                    else any(cited & set(r["clauses"]) for r in same)
                )
                if not (same and fits):
                    answers = sorted({r["model"] for r in rows if str(r["at"]) == at})
                    stale.append(f"{e['id']} ({folder}): {at} {answer}; recorded: {answers}")
    assert len(stale) == 0, "\n".join(stale)


def entries_of(path: Path) -> list[dict[str, Any]]:
    """The examples of one file, none where it does not exist or holds none."""
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []


def test_a_value_the_vocabulary_lacks_cannot_be_said(scratch: Project) -> None:
    """A role (or any value) the vocabulary lacks is as unsayable as an unknown fact; a
    fact no rule reads is sayable, only refused."""
    examples = [
        ("SC-TST-001", "{act: behave-towards, actor: member, towards: plumber}"),
        ("SC-TST-002", "{act: behave-towards, actor: member, weather: rain}"),
        ("SC-TST-003", "{act: behave-towards, actor: member, blind-copy: true}"),
    ]
    text = "".join(
        f"- id: {sid}\n  title: A test\n  source: {{model: silent}}\n  facts: {facts}\n"
        "  expect: {clauses: [MOP-0029]}\n"
        for sid, facts in examples
    )
    (scratch.root / "checks" / "new-situations" / "test.yaml").write_text(text, encoding="utf-8")
    rows = {r["id"]: r for r in json.loads(bench(scratch.root, "--json"))["situations"]["rows"]}
    assert rows["SC-TST-001"]["refused"] == ["scenario-fact-value"]
    said = {sid: rows[sid]["expressible"] for sid, _ in examples}
    assert said == {"SC-TST-001": False, "SC-TST-002": False, "SC-TST-003": True}


def test_a_situation_with_only_its_source_is_listed_and_a_silent_one_can_be_right(
    scratch: Project,
) -> None:
    """A situation committed with only its source, before its facts (as a blind trial
    commits it first), is listed as not yet written, not a crash; an expectation of no
    answer (clauses: []) is the expected outcome when the model gives none, and not when
    it gives one."""
    text = (
        "- id: SC-TST-001\n  title: A test\n  source: {model: silent}\n"
        "- id: SC-TST-002\n  title: A test\n  source: {model: silent}\n"
        "  facts: {act: hold-meeting, actor: member, towards: officer, setting: elsewhere}\n"
        "  expect: {clauses: []}\n"
        "- id: SC-TST-003\n  title: A test\n  source: {model: silent}\n"
        "  facts: {act: hold-meeting, actor: member, towards: officer, setting: member-home}\n"
        "  expect: {clauses: []}\n"
    )
    (scratch.root / "checks" / "new-situations" / "test.yaml").write_text(text, encoding="utf-8")
    s = json.loads(bench(scratch.root, "--json"))["situations"]
    assert s["sources-only"] == ["SC-TST-001"]
    rows = {r["id"]: r for r in s["rows"]}
    assert "SC-TST-001" not in rows
    assert (rows["SC-TST-002"]["outcome"], rows["SC-TST-002"]["full"]) == (True, True)
    assert (rows["SC-TST-003"]["outcome"], rows["SC-TST-003"]["full"]) == (False, False)
    shown = bench(scratch.root)
    assert "not yet written (a source only, not run): SC-TST-001" in shown


def test_a_quoted_duty_date_is_a_date_and_a_missing_model_is_said(scratch: Project) -> None:
    """A duty's date written quoted (as yaml.safe_dump writes a string) is compared as
    the date it is, as the reader takes it; a source without the model's answer is
    refused with the file, the ID and what to write, not a traceback."""
    enquiry = (
        "  facts: {act: member-enquiry, actor: member, towards: officer, received: '2025-03-03'}\n"
        "  expect:\n    duties: [{who: officer, must: give-full-reply, by: '2025-03-17'}]\n"
        "    clauses: [MOP-0144]\n"
    )
    path = scratch.root / "checks" / "new-situations" / "test.yaml"
    path.write_text(
        "- id: SC-TST-001\n  title: A test\n  source: {model: same}\n" + enquiry, encoding="utf-8"
    )
    rows = {r["id"]: r for r in json.loads(bench(scratch.root, "--json"))["situations"]["rows"]}
    assert (rows["SC-TST-001"]["outcome"], rows["SC-TST-001"]["full"]) == (True, True)
    path.write_text("- id: SC-TST-001\n  title: A test\n  source: {}\n" + enquiry, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--project", str(scratch.root)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "test.yaml: SC-TST-001: source needs 'model', one of same, partly" in result.stderr
    assert "Traceback" not in result.stderr
