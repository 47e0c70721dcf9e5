"""The traceability graph in sphinx-needs' own terms, for needs.json and the tools that
read it (needtable, filters, other projects).

Clauses cite clauses (link type ``cites``; sphinx-needs adds ``cites_back``, "cited by");
each worked example is a need of type ``example`` that ``verifies`` the clauses deciding
it (``verifies_back``, "verified by") and carries its latest check's ``result`` and the
time of that run (``result_run``), as sphinx-test-reports' test cases carry theirs. The
site's needs.json (written by sphinx-needs) and the open data's (``needs``) are built
from these same definitions; a test holds them equal.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from constitution.model import Clause
from constitution.problems import Problem, ProtocolError
from constitution.scenarios import Scenario

# sphinx-needs' needs_links: each link type, and how its two directions read.
LINK_TYPES: dict[str, dict[str, Any]] = {
    "cites": {
        "description": "The paragraphs this paragraph refers to",
        "outgoing": "cites",
        "incoming": "cited by",
        "target_types": ["clause"],
    },
    "verifies": {
        "description": "The paragraphs that decide this worked example",
        "outgoing": "verifies",
        "incoming": "verified by",
        "target_types": ["clause"],
    },
}
EXAMPLE_TYPE = "example"
EXAMPLE_TITLE = "Worked example"
RESULTS = ("passed", "failed")  # what a run of the checks records; nothing else is shown

# The fields only an example has, declared on its need type (sphinx-needs' needs_types).
EXAMPLE_FIELDS = {
    "file": "The scenario file it is written in",
    "line": "Its line in that file",
    "result": "Its latest check: passed or failed; empty if the checks were not run",
    "result_run": "When that check ran (ISO 8601); empty if not run",
}


def cited(clause: Clause) -> list[str]:
    """The clauses of its own document ``clause`` cites, each once, in the order the text
    first cites them. (The graph holds one document's clauses: a reference to another
    document's paragraph, "Article 2.1", is not a link between needs.)"""
    prefix = clause.id.rpartition("-")[0]
    return list(dict.fromkeys(t for t in clause.cites if t.rpartition("-")[0] == prefix))


@dataclass(frozen=True)
class Results:
    """The latest run of the checks: when, and each worked example's result. ``run`` is
    None when the checks have not run for this build: then no result is shown."""

    run: dt.datetime | None = None
    outcomes: Mapping[str, str] = field(default_factory=dict)  # 'passed' or 'failed'

    def result(self, scenario_id: str) -> str:
        """'passed' or 'failed', or '' where this run produced no result for it."""
        return self.outcomes.get(scenario_id, "")


def read_results(path: Path, shown: str) -> Results:
    """The results file the scenario checks write (pytest_plugin); none if never run.
    A ProtocolError (results-unreadable, at ``shown``) if it is not such a file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        run = dt.datetime.fromisoformat(data["run"])
        outcomes = {str(k): str(v) for k, v in data["results"].items()}
    except FileNotFoundError:
        return Results()
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ProtocolError([Problem.of(shown, 0, "results-unreadable")]) from None
    return Results(run, {k: v for k, v in sorted(outcomes.items()) if v in RESULTS})


@dataclass(frozen=True)
class Example:
    """A worked example as a need: the clauses it verifies and its latest result."""

    id: str
    title: str
    verifies: tuple[str, ...]
    file: str
    line: int
    result: str  # 'passed', 'failed', or '' (not run for this build)
    result_run: str  # when that run was (ISO 8601), or ''

    @property
    def fields(self) -> dict[str, Any]:
        """The need's own fields, as sphinx-needs' add_need and needs.json take them."""
        return {
            "verifies": list(self.verifies),
            "file": self.file,
            "line": self.line,
            "result": self.result,
            "result_run": self.result_run,
        }


def examples(scenarios: Iterable[Scenario], results: Results, prefix: str) -> tuple[Example, ...]:
    """The worked examples as needs, each verifying the clauses it cites of the protocol
    (IDs ``prefix``-...): the graph holds one document's clauses, as cited() says."""
    return tuple(
        Example(
            id=s.id,
            title=s.title,
            verifies=tuple(sorted(c for c in s.clauses if c.startswith(f"{prefix}-"))),
            file=s.path,
            line=s.line,
            result=(result := results.result(s.id)),
            result_run=results.run.isoformat() if result and results.run else "",
        )
        for s in scenarios
    )


def example_page(example_id: str) -> str:
    """The worked example's page, from the site's root (its need's ``external_url``)."""
    return f"checks/{example_id}.html"


def verified_by(examples: Iterable[Example]) -> dict[str, list[str]]:
    """Clause ID -> the worked examples that verify it, in the examples' order."""
    out: dict[str, list[str]] = {}
    for e in examples:
        for cid in e.verifies:
            out.setdefault(cid, []).append(e.id)
    return out
