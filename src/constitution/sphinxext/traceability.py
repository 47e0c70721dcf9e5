"""The traceability page: every clause, its scenarios, their latest result, suspect or not.

Built straight from the model as one static table (no needtable: its filters are slow at
scale), with a small script to filter it; without the script the whole table shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING, Any

from constitution import baseline
from constitution.model import MODALITIES
from constitution.sphinxext.domain import state
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


def rows(app: Sphinx, store: BuildState) -> Iterator[str]:
    for section in store.model.sections:
        href = app.builder.get_relative_uri(PAGE, section.docname)
        for c in section.clauses:
            scenarios = store.checking.get(c.id, [])
            examples = ", ".join(
                f'<a href="{app.builder.get_relative_uri(PAGE, f"checks/{s.id}")}">{s.id}</a>'
                + (" (suspect)" if s.id in store.suspect else "")
                for s in scenarios
            )
            state = status(store, scenarios, c)
            yield (
                f'<tr data-section="{section.number}" data-modality="{c.modality}" '
                f'data-status="{state}"><td><a href="{href}#{c.id}">{c.number}</a></td>'
                f"<td>{c.id}</td><td>{c.modality}</td><td>{examples or '-'}</td>"
                f"<td>{state.replace('-', ' ')}</td></tr>"
            )


def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
    return (
        f'<label for="filter-{name}">{label}</label>'
        f'<select id="filter-{name}" data-filter="{name}"><option value="">All</option>'
        f"{opts}</select>"
    )


def page(app: Sphinx, store: BuildState) -> str:
    sections = [(str(s.number), f"{s.number}. {s.title}") for s in store.model.sections]
    statuses = [
        (s, s.replace("-", " "))
        for s in (
            "passing",
            "failing",
            "suspect",
            "not-run",
            "not-yet-covered",
            "uncovered",
            "informative",
        )
    ]
    run = (
        f"Results are from the checks run on {store.results_run}."
        if store.results_run
        else "The checks have not been run for this build."
    )
    return (
        "<h1>Traceability</h1>"
        "<p>Every paragraph, the worked examples that check it, and how those checks "
        f"stand. {run} A <em>suspect</em> example was confirmed against words of a paragraph "
        "that have since changed. A paragraph <em>not yet covered</em> states a rule that no "
        f"worked example checks yet, and is on the list in {baseline.SHOWN}, which may "
        f"only shrink ({len(store.baseline)} now).</p>"
        '<form class="trace-filters" role="search" aria-label="Filter the table">'
        + select("section", "Section", sections)
        + select("modality", "Kind", [(m, m) for m in MODALITIES])
        + select("status", "Status", statuses)
        + '</form><p id="trace-count" aria-live="polite"></p>'
        '<table class="trace" id="trace"><thead><tr><th scope="col">Paragraph</th>'
        '<th scope="col">ID</th><th scope="col">Kind</th><th scope="col">Worked examples</th>'
        f'<th scope="col">Status</th></tr></thead><tbody>{"".join(rows(app, store))}</tbody>'
        "</table>"
    )


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    body = page(app, state(app.env))
    yield PAGE, {"title": "Traceability", "body": body, "constitution_filter": True}, "page.html"
