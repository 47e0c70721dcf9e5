"""The traceability graph in sphinx-needs' terms: needs.json (the site's and the open
data's) carries the citations and the worked examples with their links and latest results,
and the editors' graph page shows sphinx-needs' own tables over it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from conftest import Site, copy_project, run
from constitution.model import Document
from constitution.project import Project
from constitution.serve import WarmBuild

RUN = "2026-03-02T10:00:00+00:00"
# The graph page's sections
FAILED = "worked-examples-that-failed-their-latest-check"
UNVERIFIED = "rule-bearing-paragraphs-no-worked-example-verifies"


def draft_needs(site: Site) -> dict[str, dict[str, Any]]:
    data = json.loads((site.out / "data" / "draft" / "needs.json").read_text(encoding="utf-8"))
    needs: dict[str, dict[str, Any]] = data["versions"]["draft"]["needs"]
    return needs


def test_needs_json_links_clauses_and_worked_examples(
    site: Site, project: Project, document: Document
) -> None:
    needs = site.needs()
    clauses = {k: v for k, v in needs.items() if v["type"] == "clause"}
    assert set(clauses) == {c.id for c in document.clauses()}
    # Clause -> the clauses it cites, and back: cited by.
    citing: dict[str, list[str]] = {}
    for clause in document.clauses():
        assert clauses[clause.id]["cites"] == list(dict.fromkeys(clause.cites))
        for target in clause.cites:
            if clause.id not in citing.setdefault(target, []):
                citing[target].append(clause.id)
    assert citing, "the model protocol cites no paragraph"
    assert {k: v["cites_back"] for k, v in clauses.items() if v["cites_back"]} == {
        k: sorted(v) for k, v in citing.items()
    }
    # Example -> the clauses it verifies, and back: verified by.
    scenarios = project.scenarios(document)
    examples = {k: v for k, v in needs.items() if v["type"] == "example"}
    assert sorted(examples) == sorted(s.id for s in scenarios)
    verifying: dict[str, list[str]] = {}
    for s in scenarios:
        need = examples[s.id]
        assert (need["title"], need["verifies"]) == (s.title, sorted(s.clauses))
        assert (need["file"], need["line"]) == (s.path, s.line)
        assert need["type_name"] == "Worked example"
        # Its page is the worked example's own, which the site has.
        assert need["external_url"] == f"checks/{s.id}.html"
        assert (site.out / need["external_url"]).is_file()
        # The checks were not run for this build: no result is given.
        assert (need["result"], need["result_run"]) == ("", "")
        for cid in s.clauses:
            verifying.setdefault(cid, []).append(s.id)
    assert {k: v["verifies_back"] for k, v in clauses.items() if v["verifies_back"]} == {
        k: sorted(v) for k, v in verifying.items()
    }


GRAPH_FIELDS = (
    "type",
    "type_name",
    "cites",
    "cites_back",
    "verifies",
    "verifies_back",
    "result",
    "result_run",
    "file",
    "line",
    "is_external",
    "external_url",
    "docname",
    "number",
)


def test_the_open_data_carries_the_same_graph(site: Site) -> None:
    ours, theirs = draft_needs(site), site.needs()
    assert ours.keys() == theirs.keys()
    for need_id, need in ours.items():
        # A field of the other type is null in sphinx-needs' file, absent from ours.
        mine = {f: need.get(f) for f in GRAPH_FIELDS}
        assert mine == {f: theirs[need_id].get(f) for f in GRAPH_FIELDS}
    # An adopted version's needs.json carries the citations of its own words.
    adopted = json.loads((site.out / "data" / "2026-05-14" / "needs.json").read_text())
    needs = adopted["versions"]["2026-05-14"]["needs"]
    assert needs["MOP-0050"]["cites"] == ["MOP-0193"]
    assert "MOP-0050" in needs["MOP-0193"]["cites_back"]
    assert not [n for n in needs.values() if n["type"] != "clause"]


def test_the_graph_page_uses_sphinx_needs_tables(site: Site, document: Document) -> None:
    editors = [a["href"] for a in site.page("editors.html").select("article a")]
    assert "traceability-graph.html" in editors
    page = site.page("traceability-graph.html")
    text = " ".join(page.select_one("article").get_text().split())
    examples = len([n for n in site.needs().values() if n["type"] == "example"])
    assert f"Of {examples} worked examples, 0 passed their latest check, 0 failed, " in text
    assert f"and {examples} were not run for this build." in text
    # Every rule-bearing paragraph is verified, and no example failed: two tables are
    # empty, and say so; the third lists the paragraphs cited by others.
    assert text.count("No needs passed the filters") == 2
    tables = page.select("article table.NEEDS_TABLE")
    assert len(tables) == 1 and page.select_one(f"section#{FAILED} table") is None
    cited = {target for c in document.clauses() for target in c.cites}
    rows = tables[0].select("tbody tr")
    assert sorted(r["data-need-id"] for r in rows) == sorted(cited)
    first = document.clause(rows[0]["data-need-id"])
    assert first is not None
    link = rows[0].select_one("td.needs_id a")
    assert link is not None and link["href"] == f"draft/{first.section}.html#{first.id}"
    # Verified by: links to the worked examples' own pages.
    examples_linked = [a["href"] for a in rows[0].select("td.needs_verifies_back a")]
    assert examples_linked and all(h.startswith("checks/SC-") for h in examples_linked)
    # The pages' policy refuses style attributes: sphinx-needs' column widths are dropped.
    assert not page.select("article [style]")
    # Nor does it load sphinx-needs' scripts or styles: the tables are plain HTML.
    assets = [t.get("src") or t.get("href") for t in page.select("script[src], link[href]")]
    assert not [a for a in assets if "sphinx-needs" in a], assets


def test_results_reach_needs_json_and_the_graph_page(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    results = scratch.root / "_build" / "scenario-results.json"
    results.parent.mkdir()

    def run(outcomes: dict[str, str]) -> Site:
        results.write_text(json.dumps({"run": RUN, "results": outcomes}), encoding="utf-8")
        return build(scratch)

    site = run({"SC-ENQ-002": "failed", "SC-ENQ-001": "passed"})
    for needs in (site.needs(), draft_needs(site)):
        assert (needs["SC-ENQ-002"]["result"], needs["SC-ENQ-002"]["result_run"]) == (
            "failed",
            RUN,
        )
        assert needs["SC-ENQ-001"]["result"] == "passed"
        assert (needs["SC-ENQ-003"]["result"], needs["SC-ENQ-003"]["result_run"]) == ("", "")
    page = site.page("traceability-graph.html")
    failed = page.select_one(f"section#{FAILED} table.NEEDS_TABLE")
    assert failed is not None
    assert [r["data-need-id"] for r in failed.select("tbody tr")] == ["SC-ENQ-002"]
    link = failed.select_one("td.needs_id a")
    assert link is not None and link["href"] == "checks/SC-ENQ-002.html"
    text = " ".join(page.select_one("article").get_text().split())
    assert "1 passed their latest check, 1 failed," in text
    # Run again, now passing: the page and needs.json follow (an incremental build).
    site = run({"SC-ENQ-002": "passed", "SC-ENQ-001": "passed"})
    assert site.needs()["SC-ENQ-002"]["result"] == "passed"
    page = site.page("traceability-graph.html")
    assert page.select_one(f"section#{FAILED} table") is None
    assert "2 passed their latest check, 0 failed," in " ".join(page.get_text().split())


def test_the_editors_loop_keeps_the_graph_page_current(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """One Sphinx kept between saves (constitution serve) writes the graph page again when
    the graph changes, though the page itself did not: sphinx-needs alone would not."""
    project = copy_project(tmp_path / "project")
    warm = WarmBuild(project, tmp_path / "warm")
    request.addfinalizer(warm.stop)
    assert warm() == 0

    def rows(section: str) -> list[str]:
        page = tmp_path / "warm" / "html" / "traceability-graph.html"
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        return [r["data-need-id"] for r in html.select(f"section#{section} tbody tr")]

    assert rows(FAILED) == [] and rows(UNVERIFIED) == []
    results = project.root / "_build" / "scenario-results.json"
    results.parent.mkdir()
    results.write_text(json.dumps({"run": RUN, "results": {"SC-ENQ-002": "failed"}}))
    assert warm([results]) == 0
    assert rows(FAILED) == ["SC-ENQ-002"]
    # A rule-bearing paragraph inserted, which no worked example verifies yet.
    section = project.protocol / "review.md"
    text = section.read_text(encoding="utf-8")
    new = "```{clause} MOP-0990\n:modality: may\n\nNew words.\n```\n\n```{clause}"
    section.write_text(text.replace("```{clause}", new, 1), encoding="utf-8")
    assert warm([section]) == 0
    assert rows(UNVERIFIED) == ["MOP-0990"] and rows(FAILED) == ["SC-ENQ-002"]
    # Rewording it changes nothing the page shows: the page is left as it was.
    page = tmp_path / "warm" / "html" / "traceability-graph.html"
    written = page.stat().st_mtime_ns
    text = section.read_text(encoding="utf-8")
    section.write_text(text.replace("New words.", "Other words.", 1), encoding="utf-8")
    assert warm([section]) == 0
    assert "Other words." in (tmp_path / "warm" / "html" / "protocol" / "review.html").read_text()
    assert page.stat().st_mtime_ns == written


def test_an_unreadable_results_file_is_refused(scratch: Project) -> None:
    """No result is shown that was not produced: the build and the export both stop,
    naming the file and how to put it right."""
    results = scratch.root / "_build" / "scenario-results.json"
    results.parent.mkdir()
    results.write_text('{"run": "last Tuesday", "results": {}}', encoding="utf-8")
    for args in (("export", "--version", "draft", "--format", "needs"), ("build", "--out", "s")):
        done = run(scratch, *args)
        assert done.returncode != 0, args
        said = " ".join(done.stderr.split())
        assert "_build/scenario-results.json: results-unreadable" in said, said
        assert "How to fix: Delete it, or run the worked examples again" in said
    assert not (scratch.root / "s").exists()
