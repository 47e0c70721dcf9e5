"""Worked examples: each scenario as a page, and under each clause the scenarios deciding it.

The pages are generated from the scenario files (never through the doctree pipeline),
with the latest result of each check from the pytest run's results file, or a clear
"not run" where there is none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from constitution.documents import PROTOCOL, Entry
from constitution.graph import Results, read_results
from constitution.problems import ProtocolError
from constitution.scenarios import RESULTS, Determination, Part, Scenario
from constitution.sphinxext import problem_log
from constitution.sphinxext.addresses import DRAFT, PLAIN, section_page
from constitution.sphinxext.clause_box import Example
from constitution.sphinxext.domain import domain, state
from constitution.sphinxext.page_cache import Page
from constitution.sphinxext.page_keys import key_of
from constitution.sphinxext.page_templates import render
from constitution.sphinxext.state import BuildState
from constitution.sphinxext.versions_site import title_html
from constitution.typography import long_date
from constitution.versions import in_force_on, today

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from constitution.model import Clause, Document

RESULT_WORDS = {"passed": "Passed", "failed": "Failed"}
# The facts every situation has, named as a reader would ask about them.
FACT_NAMES = {"actor": "Who", "act": "What they do"}  # in this order
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# Each worked example's own data as a key, by ID, with the example it was made from: the
# model cache gives the same objects while their files are unchanged, so the editor's
# loop does not write thousands of examples as JSON again on every save.
_OWN: dict[str, tuple[Scenario, str]] = {}


def load_results(path: Path) -> Results:
    """The latest run of the checks; none if never run, or (with a warning) unreadable."""
    try:
        return read_results(path, RESULTS.as_posix())
    except ProtocolError as exc:
        for problem in exc.problems:
            problem_log.log(problem)
        return Results()


def digest(scenarios: Iterable[Scenario], results: dict[str, str], run: str | None) -> str:
    """What the rendered examples depend on; a change means clause pages are rewritten."""
    h = hashlib.sha256(key_of(run).encode())
    for s in scenarios:
        h.update(key_of([own_key(s), results.get(s.id)]).encode())
    return h.hexdigest()


def own_key(s: Scenario) -> str:
    """What a worked example says, as a key (see _OWN)."""
    kept = _OWN.get(s.id)
    if kept is None or kept[0] is not s:
        _OWN[s.id] = kept = s, key_of([s.id, s.title, s.shared, s.parts])
    return kept[1]


def person(key: str) -> str:
    return "the " + key.replace("-", " ")


def outcome(d: Determination) -> str:
    """The determination in plain sentences."""
    parts = []
    if d.permitted is not None:
        parts.append("This is allowed." if d.permitted else "This is not allowed.")
    for duty in sorted(d.duties):
        by = f" by {shown(duty.by.isoformat())}" if duty.by else ""
        parts.append(f"{person(duty.who).capitalize()} must {duty.what.replace('-', ' ')}{by}.")
    if d.decides:
        parts.append(f"{person(d.decides).capitalize()} decides.")
    return " ".join(parts) or "The protocol does not answer this."


def scenario_outcome(s: Scenario) -> str:
    """What the protocol says in a worked example: for each person, where several act."""
    if len(s.parts) == 1:
        return outcome(s.parts[0].expect)
    return " ".join(f"For {label(p)}: {outcome(p.expect)}" for p in s.parts)


def label(p: Part) -> str:
    """A person where several act, as the example tells them apart: their name as
    written, else their role ("the ward member")."""
    return p.name or person(str(p.facts.get("actor")))


def result_html(store: BuildState, scenario_id: str) -> Markup:
    """The latest check's result, dated; nothing where the checks were not run for this
    build (a reader has no use for "not run")."""
    word = RESULT_WORDS.get(store.results.get(scenario_id) or "")
    if word is None:
        return Markup()
    return Markup(render("check-result.html", word=word, when=store.results_run))


def worked_examples(store: BuildState, clause_id: str, uri: Any) -> list[Example]:
    """The worked examples of one clause, for its 'About' panel."""
    return [
        Example(uri(f"checks/{s.id}"), s.title, scenario_outcome(s), result_html(store, s.id))
        for s in store.checking.get(clause_id, [])
    ]


def says(store: BuildState) -> str:
    """Whose answer a worked example gives: the constitution's, when it has other
    documents (a paragraph deciding it may be an Article), else the protocol's."""
    whose = "constitution" if len(store.constitution.entries) > 1 else "protocol"
    return f"What the {whose} says"


def scenario_shows(store: BuildState, s: Scenario) -> str:
    """Everything scenario_page draws from, without drawing it (which version is in force,
    and its text, are in the site key)."""
    cited = [[cid, c and [c.number, c.section, c.text]] for cid, c in cited_clauses(store, s)]
    cited += [
        [cid, e.page(c), e.cited(c.number), e.document.section_of(c).title]
        for cid, e, c in cited_elsewhere(store, s)
    ]
    return key_of([own_key(s), result_html(store, s.id), cited, says(store)])


def cited_clauses(store: BuildState, s: Scenario) -> list[tuple[str, Clause | None]]:
    return [(cid, store.model.clause(cid)) for cid in sorted(s.clauses)]


def cited_elsewhere(store: BuildState, s: Scenario) -> list[tuple[str, Entry, Clause]]:
    """The paragraphs of the constitution's other documents deciding a worked example,
    each with its document."""
    found = (store.constitution.find(cid) for cid in sorted(s.clauses))
    return [(c.id, e, c) for e, c in filter(None, found) if e.key != PROTOCOL]


def elsewhere_link(app: Sphinx, pagename: str, entry: Entry, clause: Clause) -> dict[str, Any]:
    """Another document's paragraph deciding a worked example, as the protocol's draft
    cites it ("Article 2.1"), linked to the page of that document's draft that shows it:
    the answer is the drafts'."""
    href = app.builder.get_relative_uri(pagename, entry.page(clause))
    return {
        "href": f"{href}#{clause.id}",
        "cited": entry.cited(clause.number),
        "section": Markup(title_html(entry.document.section_of(clause).title)),
        "note": None,
    }


def shown(value: object) -> str:
    """A fact as a reader says it: yes or no, 17 April 2025 (a Thursday), not YAML's."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        # A key of the rules model ("enquiry-system") is read as words.
        return str(value).replace("-", " ") if SLUG.fullmatch(str(value)) else str(value)
    return f"{day:%A} {long_date(day)}"


def fact(key: str, value: object) -> tuple[str, str]:
    """One fact as a reader asks and answers it: ("Who", "the cabinet member")."""
    name = FACT_NAMES.get(key, key.replace("-", " ").capitalize())
    if isinstance(value, tuple):  # several acts at once
        return name, " and ".join(map(shown, value))
    return name, person(str(value)) if key == "actor" else shown(value)


def facts_said(facts: dict[str, Any], shared: dict[str, Any]) -> list[tuple[str, str]]:
    """Facts as a reader asks and answers them, who and what first, then the rest as the
    scenario gives them; leaving out those ``shared`` states (said once for everyone)."""
    ordered = sorted(facts.items(), key=lambda kv: kv[0] not in FACT_NAMES)
    return [fact(k, v) for k, v in ordered if k not in shared]


def paragraph_link(
    app: Sphinx, store: BuildState, in_force: Document | None, pagename: str, clause: Clause
) -> dict[str, Any]:
    """A paragraph deciding a worked example, as the public should follow it: the answer
    is the draft's, so where a version is in force the link opens that version's paragraph
    (at the plain addresses) and says when the draft has changed it or added it."""
    forced = in_force.clause(clause.id) if in_force else None
    if in_force and forced:
        at, shown, section = PLAIN, forced, in_force.section_of(forced)
    else:
        at, shown, section = DRAFT, clause, store.model.section_of(clause)
    href = app.builder.get_relative_uri(pagename, section_page(at, section.slug))
    link: dict[str, Any] = {
        "href": f"{href}#{clause.id}",
        "number": shown.number,
        "section": Markup(title_html(section.title)),
        "note": None,
    }
    if in_force is not None and (forced is None or forced.text != clause.text):
        draft = store.model.section_of(clause)
        there = app.builder.get_relative_uri(pagename, section_page(DRAFT, draft.slug))
        link["note"] = "added by the draft" if forced is None else "reworded by the draft"
        link["draft"] = f"{there}#{clause.id}"
        link["draft_number"] = clause.number
    return link


def scenario_page(app: Sphinx, store: BuildState, in_force: Document | None, s: Scenario) -> str:
    """``in_force``: the text of the version in force, if one is."""
    pagename = f"checks/{s.id}"
    # Where several people act, the facts they share, then each person's own.
    people = [(label(p)[:1].upper() + label(p)[1:], facts_said(p.facts, s.shared)) for p in s.parts]
    groups = [("", facts_said(s.shared, {}))] if s.shared else []
    return render(
        "worked-example.html",
        title=s.title,
        facts=groups + people if len(people) > 1 else [("", people[0][1])],
        says=says(store),
        outcome=scenario_outcome(s),
        paragraphs=[
            *(
                paragraph_link(app, store, in_force, pagename, clause)
                for _, clause in cited_clauses(store, s)
                if clause
            ),
            *(elsewhere_link(app, pagename, e, c) for _, e, c in cited_elsewhere(store, s)),
        ],
        in_force=in_force is not None,
        id=s.id,
        result=result_html(store, s.id),
    )


def index_page(store: BuildState, groups: list[dict[str, Any]]) -> str:
    headers = ["Situation", "Paragraphs", says(store)]
    headers += ["Latest check"] if store.results_run else []
    return render("worked-examples.html", ran=store.results_run, headers=headers, groups=groups)


def index_groups(store: BuildState) -> list[dict[str, Any]]:
    """What the index lists: the worked examples by topic (by_topic)."""
    return [
        {
            "title": Markup(title),
            "examples": [
                {
                    "id": s.id,
                    "title": s.title,
                    "numbers": numbers(store, s),
                    "outcome": scenario_outcome(s),
                    "result": result_html(store, s.id),
                }
                for s in scenarios
            ],
        }
        for title, scenarios in by_topic(store)
    ]


def by_topic(store: BuildState) -> list[tuple[str, list[Scenario]]]:
    """The worked examples under the title of the section that holds most of the rules
    deciding each (the council's own words for the topic; the earlier section on a tie,
    and a definition only if nothing else decides it), sections in the protocol's order."""
    sections = store.model.sections
    place = {section.slug: i for i, section in enumerate(sections)}  # not sections.index
    groups: dict[int, list[Scenario]] = {}
    for s in store.scenarios:
        found = [c for _, c in cited_clauses(store, s) if c]
        rules = [c for c in found if not c.defines] or found
        held = Counter(place[c.section] for c in rules)
        at = min(held, key=lambda i: (-held[i], i)) if held else len(sections)
        groups.setdefault(at, []).append(s)
    return [
        (title_html(sections[at].title) if at < len(sections) else "Other situations", found)
        for at, found in sorted(groups.items())
    ]


def numbers(store: BuildState, s: Scenario) -> list[str]:
    """The draft's numbers of the paragraphs deciding a worked example; another
    document's as the protocol cites it ("Article 2.1")."""
    own = [c.number for _, c in cited_clauses(store, s) if c]
    return own + [e.cited(c.number) for _, e, c in cited_elsewhere(store, s)]


def pages(app: Sphinx, store: BuildState) -> list[Page]:
    """The page of each worked example and their index (a page kind: see page_kinds.py)."""
    version = in_force_on(store.versions, today())
    in_force = version.document if version else None
    pages: list[Page] = [
        (
            f"checks/{s.id}",
            s.title,
            scenario_shows(store, s),
            partial(scenario_page, app, store, in_force, s),
        )
        for s in store.scenarios
    ]
    # Keyed by what it lists, worked out once: drawing it on every save cost more.
    groups = index_groups(store)
    shows = key_of([store.results_run, groups, says(store)])
    pages.append(("checks/index", "Worked examples", shows, partial(index_page, store, groups)))
    return pages


def examples_changed(env: BuildEnvironment) -> bool:
    """Whether the examples differ from the last build's (and remember these)."""
    build, data = state(env), domain(env).data
    fresh = digest(build.scenarios, build.results, build.results_run)
    changed = bool(data.get("examples") != fresh)
    data["examples"] = fresh
    return changed
