"""The traceability page: every clause, its scenarios, their latest result, suspect or not.

Built straight from the model as one static table (no needtable: its filters are slow at
scale), with a small script to filter it; without the script the whole table shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from constitution import baseline
from constitution.model import MODALITIES
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_cache import changed
from constitution.sphinxext.page_keys import key_of
from constitution.sphinxext.page_templates import render
from constitution.sphinxext.state import BuildState

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from constitution.model import Clause
    from constitution.scenarios import Scenario

PAGE = "traceability"


def status(store: BuildState, scenarios: list[Scenario], clause: Clause) -> str:
    if not scenarios:
        if not clause.normative:
            return "informative"
        return "not-yet-covered" if clause.id in store.baseline else "uncovered"
    results = {store.results.get(s.id) for s in scenarios}
    if "failed" in results:
        return "failing"
    if any(s.id in store.suspect for s in scenarios):
        return "suspect"
    return "passing" if results == {"passed"} else "not-run"


def rows(app: Sphinx, store: BuildState) -> Iterator[dict[str, Any]]:
    for section in store.model.sections:
        href = app.builder.get_relative_uri(PAGE, section.docname)
        for c in section.clauses:
            scenarios = store.checking.get(c.id, [])
            examples = [
                {
                    "href": app.builder.get_relative_uri(PAGE, f"checks/{s.id}"),
                    "id": s.id,
                    "suspect": s.id in store.suspect,
                }
                for s in scenarios
            ]
            yield {
                "section": section.number,
                "modality": c.modality,
                "status": status(store, scenarios, c),
                "href": f"{href}#{c.id}",
                "number": c.number,
                "id": c.id,
                "examples": examples,
            }


STATUSES = (
    "passing",
    "failing",
    "suspect",
    "not-run",
    "not-yet-covered",
    "uncovered",
    "informative",
)


def page(store: BuildState, rows: list[dict[str, Any]]) -> str:
    return render("traceability.html", **shown(store, rows))


def shown(store: BuildState, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What the page shows: its key, and what its template is given."""
    return {
        "ran": store.results_run,
        "baseline_file": baseline.SHOWN,
        "baseline": len(store.baseline),
        "sections": [(str(s.number), f"{s.number}. {s.title}") for s in store.model.sections],
        "modalities": [(m, m) for m in MODALITIES],
        "statuses": [(s, s.replace("-", " ")) for s in STATUSES],
        "rows": rows,
    }


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The page, drawn (a table of every paragraph) only when what it shows has changed:
    an edit to a paragraph's words seldom changes its row."""
    store = state(app.env)
    table = list(rows(app, store))
    drawn = [(PAGE, "Traceability", key_of(shown(store, table)), lambda: page(store, table))]
    for pagename, context, template in changed(app, drawn, themed={PAGE}):
        yield pagename, {**context, "constitution_filter": True}, template
