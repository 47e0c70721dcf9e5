"""Clauses in Sphinx: the ``clause`` directive, the ``para``/``defined``/``statute`` roles.

sphinx-needs keeps each clause as a need (the data and link layer, and needs.json);
the reader sees a numbered legal paragraph rendered here, not a requirements table.
Numbers come from the model (parsed once per build, before any page is read), so they
follow position; the domain remembers the last build's numbers and who cites what,
so an insertion re-reads and rewrites exactly the pages whose numbers moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx_needs.api import add_need

from constitution import graph
from constitution.clause_fields import needs_values
from constitution.clause_syntax import ClauseSyntax
from constitution.documents import PROTOCOL
from constitution.model import Clause, Revoked, Section
from constitution.numbering import in_number_order
from constitution.problems import Problem
from constitution.sphinxext import text_nodes
from constitution.sphinxext.clause_box import (
    About,
    about_html,
    citation,
    clause_open,
    revoked_html,
)
from constitution.sphinxext.domain import (
    ConstitutionDomain,
    defined_term,
    domain,
    state,
    visit_term,
)
from constitution.sphinxext.examples import examples_changed, worked_examples
from constitution.sphinxext.page_keys import navigation_key, versions_key
from constitution.sphinxext.state import BuildState
from constitution.sphinxext.text_nodes import cited, text_node
from constitution.text_plain import plain
from constitution.text_tree import role_target

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator


class clause_node(nodes.General, nodes.Element):
    """A numbered paragraph: number link, text, and its quiet 'about' panel."""


class clause_about(nodes.General, nodes.Element):
    """The clause's metadata, one click away (rendered as <details>)."""


class revoked_node(nodes.General, nodes.Element):
    """A revoked paragraph's number kept in its place among the draft's paragraphs: one
    its document printed as revoked (insert numbering)."""


class ClauseDirective(ClauseSyntax, SphinxDirective):
    """```{clause} MOP-0042 ...```: one numbered paragraph of the protocol."""

    def run(self) -> list[nodes.Node]:
        store, build = domain(self.env), state(self.env)
        clause_id = self.arguments[0]
        clause = build.model.clause(clause_id)
        if clause is None:  # the model parser reports why; this guards a stale model
            raise self.error(f"{clause_id} is not in the protocol model")
        self.env.note_dependency(str(build.project.conf / "council.toml"))
        store.note("clauses", self.env.docname, clause_id)
        for cited_id in cited(clause.tree, build.model):
            # The page is rewritten when a clause it cites is renumbered (env_get_updated).
            store.note("cites", self.env.docname, cited_id)
        text = "\n".join(self.content)
        need_nodes = add_need(
            self.env.app,
            self.state,
            self.env.docname,
            self.lineno,
            need_type="clause",
            title=_summary(plain(clause.tree, build.model)),
            id=clause_id,
            content=text,
            tags=list(clause.tags),
            hide=True,
            number=clause.number,
            section=clause.section,
            cites=graph.cited(clause),
            **needs_values(clause),
        )
        node = clause_node(ids=[clause_id], number=clause.number, modality=clause.modality)
        self.set_source_info(node)
        node += text_node(clause.tree, build.model, clause_id=clause_id)
        about = clause_about(clause_id=clause_id, number=clause.number, modality=clause.modality)
        about["applies_to"] = [build.council.roles[r] for r in clause.applies_to]
        about["statutes"] = [
            (s.title, s.url) for s in (build.council.statutes[k] for k in clause.statutes)
        ]
        about["tags"] = list(clause.tags)
        about["source_number"] = clause.source_number
        node += about
        before, after = revoked_around(build.model.section_of(clause), clause)
        return [*map(revoked_at, before), *need_nodes, node, *map(revoked_at, after)]


def revoked_around(section: Section, clause: Clause) -> tuple[list[Revoked], list[Revoked]]:
    """The revoked numbers a section keeps that the draft's page shows before a clause
    (those after the paragraph before it, in number order) and after it (if it is the
    section's last)."""
    if not section.revoked:
        return [], []
    shown = in_number_order(section)
    at = shown.index(clause)
    start = next((i + 1 for i in range(at - 1, -1, -1) if isinstance(shown[i], Clause)), 0)
    last = clause is section.clauses[-1]
    before = [r for r in shown[start:at] if isinstance(r, Revoked)]
    return before, [r for r in shown[at + 1 :] if isinstance(r, Revoked)] if last else []


def revoked_at(revoked: Revoked) -> revoked_node:
    return revoked_node(ids=[], revoked=revoked)


def _summary(text: str, words: int = 10) -> str:
    """A short plain-text title for the need: the clause's first words."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


class XrefRole(SphinxRole):
    """``{para}`MOP-0042``` and ``{defined}`words <term>```: resolved at write time."""

    def __init__(self, reftype: str) -> None:
        self.reftype = reftype

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        shown, target = role_target(self.text)
        store = domain(self.env)
        if self.reftype == "term":
            clause = state(self.env).model.definition(target)
            if clause:
                store.note("cites", self.env.docname, clause.id)
        else:
            store.note("cites", self.env.docname, target)
        node = pending_xref(
            self.rawtext,
            refdomain="constitution",
            reftype=self.reftype,
            reftarget=target,
            refexplicit=True,
        )
        self.set_source_info(node)
        node += nodes.inline(shown, shown)
        return [node], []


class StatuteRole(SphinxRole):
    """``{statute}`lgha1989-s5```: the statute's title, linked to legislation.gov.uk."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        shown, key = role_target(self.text)
        statute = state(self.env).council.statutes.get(key)
        if statute is None:
            problem = Problem.of("", 0, "unknown-statute", key=key)
            msg = self.inliner.reporter.error(problem.said(" "), line=self.lineno)
            return [nodes.problematic(self.rawtext, self.rawtext)], [msg]
        label = statute.title if shown == key else shown
        return [nodes.reference(self.rawtext, label, refuri=statute.url, classes=["statute"])], []


class SiteFileRole(SphinxRole):
    """``{site-file}`needs.json```: a link to a file the build writes beside the pages."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        shown, target = role_target(self.text)
        uri = "../" * self.env.docname.count("/") + target
        return [nodes.reference(self.rawtext, shown, refuri=uri, classes=["site-file"])], []


class CouncilRole(SphinxRole):
    """``{council}`name```: one of the council's settings (name, document, part,
    citation), so that the site's own pages follow council.toml."""

    KEYS = ("name", "document", "part", "citation")

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key, build = self.text.strip(), state(self.env)
        if key not in self.KEYS:
            problem = Problem.of("", 0, "council-role", key=key, keys=", ".join(self.KEYS))
            msg = self.inliner.reporter.error(problem.said(" "), line=self.lineno)
            return [nodes.problematic(self.rawtext, self.rawtext)], [msg]
        self.env.note_dependency(str(build.project.conf / "council.toml"))
        return [nodes.Text(getattr(build.council, key))], []


def visit_clause(self: HTML5Translator, node: clause_node) -> None:
    cites = state(self.builder.env).model.cites
    self.body.append(clause_open(node["ids"][0], node["number"], node["modality"], cites))


def depart_clause(self: HTML5Translator, node: clause_node) -> None:
    self.body.append("</div>\n")


def visit_about(self: HTML5Translator, node: clause_about) -> None:
    store = state(self.builder.env)

    def uri(target: str) -> str:
        return self.builder.get_relative_uri(self.builder.current_docname, target)

    about = About(
        id=node["clause_id"],
        number=node["number"],
        modality=node["modality"],
        citation=citation(store.council.citation, node["number"], "draft, not adopted"),
        history=uri(f"versions/clauses/{node['clause_id']}"),
        applies_to=node["applies_to"],
        statutes=node["statutes"],
        tags=node["tags"],
        # the imported document's number, till Council adopts a version: from then on
        # the adopted versions' numbers are the ones cited (decided as drawn: every page
        # is written again when a version is adopted)
        source_number="" if store.versions else node.get("source_number") or "",
        examples=worked_examples(store, node["clause_id"], uri),
        cites=store.model.cites,
    )
    self.body.append(about_html(about))
    raise nodes.SkipNode


def visit_revoked(self: HTML5Translator, node: revoked_node) -> None:
    history = f"versions/clauses/{node['revoked'].id}"
    uri = self.builder.get_relative_uri(self.builder.current_docname, history)
    self.body.append(revoked_html(node["revoked"], uri) + "\n")
    raise nodes.SkipNode


def env_get_outdated(
    app: Sphinx,
    env: BuildEnvironment,
    added: Set[str],
    changed: Set[str],
    removed: Set[str],
) -> Iterable[str]:
    """Re-read pages whose clauses were renumbered by edits elsewhere."""
    store, build = domain(env), state(env)
    fresh = numbers(build)
    old = store.data["numbers"]
    build.moved = frozenset(k for k in fresh.keys() | old.keys() if fresh.get(k) != old.get(k))
    return [doc for doc, ids in store.data["clauses"].items() if build.moved.intersection(ids)]


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """Rewrite every page when a title or toctree changed (each shows the navigation;
    Sphinx would rewrite only the pages read again) or a version was adopted or came into
    force (each page's banner and menu say which is in force), pages that show changed
    examples, and pages that cite a clause whose number moved."""
    store = domain(env)
    every_page = [navigation_key(env), versions_key(state(env))]
    moved_every_page = store.data.get("every-page") != every_page
    store.data["every-page"] = every_page
    examples = examples_changed(env)
    if moved_every_page:
        return sorted(env.found_docs)
    if examples:
        return list(store.data["clauses"])
    moved = state(env).moved
    return [doc for doc, ids in store.data["cites"].items() if moved.intersection(ids)]


def env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    domain(env).data["numbers"] = numbers(state(env))


def numbers(build: BuildState) -> dict[str, str]:
    """Each clause's number, of every document, and another document's page showing it in
    the draft (which moves to draft/KEY/ once a version of it is adopted): a page citing
    another document's paragraph is rewritten when that paragraph is renumbered or moves,
    as when one of the protocol's is."""
    return {
        c.id: c.number if entry.key == PROTOCOL else f"{c.number} {entry.page(c)}"
        for entry in build.constitution
        for c in entry.document.clauses()
    }


def section_numbers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Each section's number as the model gives it (3A, or 3 for an imported document
    whose first section is 3), in place of the position Sphinx's numbered toctree has
    just counted (so after it): in its title, the contents and the navigation. Sphinx
    rewrites a page whose numbers it finds changed, so these pages are drawn again."""
    for section in state(env).model.sections:
        number: list[int | str] = [
            int(section.number) if section.number.isdigit() else section.number
        ]
        numbers = env.toc_secnumbers.get(section.docname)
        if not numbers or numbers.get("", ())[:1] == tuple(number):
            continue
        for anchor, counted in numbers.items():
            # Sphinx joins the parts with dots, so a number with letters reads as one
            numbers[anchor] = cast(tuple[int, ...], (*number, *counted[1:]))
        if title := env.titles.get(section.docname):
            title["secnumber"] = number
        for reference in env.tocs[section.docname].findall(nodes.reference):
            if reference.get("secnumber"):
                reference["secnumber"] = [*number, *reference["secnumber"][1:]]
    return []


def _own_directive(app: Sphinx, config: object) -> None:
    app.add_directive("clause", ClauseDirective, override=True)


def setup(app: Sphinx) -> None:
    app.add_domain(ConstitutionDomain)
    app.add_node(clause_node, html=(visit_clause, depart_clause))
    app.add_node(clause_about, html=(visit_about, None))
    app.add_node(revoked_node, html=(visit_revoked, None))
    app.add_node(defined_term, html=(visit_term, None))
    text_nodes.setup(app)
    # sphinx-needs registers a directive per need type at config-inited; ours renders
    # the clause type, so it is registered after theirs.
    app.connect("config-inited", _own_directive, priority=900)
    app.add_role("para", XrefRole("para"))
    app.add_role("defined", XrefRole("term"))
    app.add_role("statute", StatuteRole())
    app.add_role("site-file", SiteFileRole())
    app.add_role("council", CouncilRole())
    app.connect("env-get-outdated", env_get_outdated)
    app.connect("env-get-updated", env_get_updated)
    app.connect("env-updated", env_updated)
    app.connect("env-get-updated", section_numbers, priority=900)  # after Sphinx's own
