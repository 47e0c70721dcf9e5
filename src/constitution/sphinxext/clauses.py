"""Clauses in Sphinx: the ``clause`` directive, the ``para``/``defined``/``statute`` roles.

sphinx-needs keeps each clause as a need (the data and link layer, and needs.json);
the reader sees a numbered legal paragraph rendered here, not a requirements table.
Numbers come from the model (parsed once per build, before any page is read), so they
follow position; the domain remembers the last build's numbers and who cites what,
so an insertion re-reads and rewrites exactly the pages whose numbers moved.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Set
from html import escape
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.nodes import make_refnode
from sphinx_needs.api import add_need

from constitution import graph, numbering
from constitution.clause_syntax import ClauseSyntax
from constitution.council import Council
from constitution.graph import Example
from constitution.html import about_html, citation, cite_row, clause_open
from constitution.model import Document
from constitution.problems import Problem
from constitution.project import Project
from constitution.scenarios import Scenario
from constitution.sphinxext import problem_log, text_nodes
from constitution.sphinxext.examples import examples_changed, examples_html
from constitution.sphinxext.page_cache import navigation_key
from constitution.sphinxext.text_nodes import cited, text_node
from constitution.text_html import definition, term_html
from constitution.text_plain import plain
from constitution.text_tree import role_target
from constitution.versions import Version

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator


class clause_node(nodes.General, nodes.Element):
    """A numbered paragraph: number link, text, and its quiet 'about' panel."""


class defined_term(nodes.reference):
    """A defined term, linked to its definition and carrying it as its description."""


def visit_term(self: HTML5Translator, node: defined_term) -> None:
    self.body.append(term_html(node["label"], node["uri"], node["definition"], node["ident"]))
    raise nodes.SkipNode


class clause_about(nodes.General, nodes.Element):
    """The clause's metadata, one click away (rendered as <details>)."""


class ConstitutionDomain(Domain):
    """Per-document facts about clauses, kept in the environment."""

    name = "constitution"
    label = "Constitution"
    initial_data: ClassVar[dict[str, Any]] = {
        "clauses": {},  # docname -> clause IDs defined there
        "cites": {},  # docname -> clause IDs it cites (para and defined roles)
        "numbers": {},  # clause ID -> number at the end of the last build
    }
    # This build's parsed sources; set as each build starts, never pickled.
    project: Project
    model: Document
    council: Council
    scenarios: list[Scenario]
    results: dict[str, str]
    results_run: str | None
    examples: tuple[Example, ...]  # the worked examples as needs (see graph.py)
    suspect: set[str]
    checking: dict[str, list[Scenario]]  # clause ID -> the scenarios that check it
    baseline: set[str]  # normative clause IDs listed as not yet covered
    versions: list[Version]
    moved: frozenset[str] = frozenset()
    term_counts: dict[str, Iterator[int]]  # page -> its defined terms, for unique element IDs
    generated: dict[str, str] | None = None  # generated page -> what it shows (a digest)
    site_key: str | None = None  # this build's, once known (see page_cache.py)
    # Navigation drawn to be shared, and the site key it was drawn under (navigation.py).
    navigation: dict[Any, Any]
    navigation_key: str | None = None
    offloaded: Any = None  # see offload.py
    started = 0.0  # when this build began (see csp.py)
    drawn: set[str]  # pages this build drew through the theme (see csp.py)
    clause_index: dict[str, Any] | None = None  # as last written (see search.py)
    shells: dict[str, str]  # this build's shells, by folder (see shells.py)

    def clear_doc(self, docname: str) -> None:
        self.data["clauses"].pop(docname, None)
        self.data["cites"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("clauses", "cites"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def note(self, key: str, docname: str, clause_id: str) -> None:
        ids = self.data[key].setdefault(docname, [])
        if clause_id not in ids:
            ids.append(clause_id)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "term":
            clause = self.model.definition(target)
            label = contnode.astext()
        else:
            clause = self.model.clause(target)
            own = contnode.astext() if node.get("refexplicit") else None
            label = numbering.reference(clause.number, own) if clause else target
        if clause is None:
            code = "unknown-term" if typ == "term" else "unknown-clause-ref"
            problem_log.log(Problem.of("", 0, code, term=target, target=target), node)
            return None
        section = self.model.section_of(clause)
        if typ == "term":
            # The definition travels with the term: read as its description by screen
            # readers, shown on keyboard focus and on hover; the link leads to it.
            count = next(self.term_counts.setdefault(fromdocname, itertools.count(1)))
            uri = builder.get_relative_uri(fromdocname, section.docname) + "#" + clause.id
            if section.docname == fromdocname:
                uri = "#" + clause.id
            return defined_term(
                label,
                label=label,
                uri=uri,
                definition=definition(clause, self.model),
                ident=f"def-{clause.id}-{count}",
            )
        inline = nodes.inline(label, label, classes=[f"constitution-{typ}"])
        title = f"Paragraph {clause.number} ({clause.id})"
        return make_refnode(builder, fromdocname, section.docname, clause.id, inline, title)

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[tuple[str, nodes.reference]]:
        return []


def domain(env: BuildEnvironment) -> ConstitutionDomain:
    return cast(ConstitutionDomain, env.get_domain("constitution"))


class ClauseDirective(ClauseSyntax, SphinxDirective):
    """```{clause} MOP-0042 ...```: one numbered paragraph of the protocol."""

    def run(self) -> list[nodes.Node]:
        store = domain(self.env)
        clause_id = self.arguments[0]
        clause = store.model.clause(clause_id)
        if clause is None:  # the model parser reports why; this guards a stale model
            raise self.error(f"{clause_id} is not in the protocol model")
        self.env.note_dependency(str(store.project.conf / "council.toml"))
        store.note("clauses", self.env.docname, clause_id)
        for cited_id in cited(clause.tree, store.model):
            # The page is rewritten when a clause it cites is renumbered (env_get_updated).
            store.note("cites", self.env.docname, cited_id)
        text = "\n".join(self.content)
        need_nodes = add_need(
            self.env.app,
            self.state,
            self.env.docname,
            self.lineno,
            need_type="clause",
            title=_summary(plain(clause.tree, store.model)),
            id=clause_id,
            content=text,
            tags=list(clause.tags),
            hide=True,
            number=clause.number,
            modality=clause.modality,
            applies_to=list(clause.applies_to),
            statutes=list(clause.statutes),
            section=clause.section,
            source_number=clause.source_number,
            cites=graph.cited(clause),
        )
        node = clause_node(ids=[clause_id], number=clause.number, modality=clause.modality)
        self.set_source_info(node)
        node += text_node(clause.tree, store.model, clause_id=clause_id)
        about = clause_about(clause_id=clause_id, number=clause.number, modality=clause.modality)
        about["applies_to"] = [store.council.roles[r] for r in clause.applies_to]
        about["statutes"] = [
            (s.title, s.url) for s in (store.council.statutes[k] for k in clause.statutes)
        ]
        about["tags"] = list(clause.tags)
        about["source_number"] = clause.source_number
        node += about
        return [*need_nodes, node]


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
            clause = store.model.definition(target)
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
        statute = domain(self.env).council.statutes.get(key)
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
        key, store = self.text.strip(), domain(self.env)
        if key not in self.KEYS:
            problem = Problem.of("", 0, "council-role", key=key, keys=", ".join(self.KEYS))
            msg = self.inliner.reporter.error(problem.said(" "), line=self.lineno)
            return [nodes.problematic(self.rawtext, self.rawtext)], [msg]
        self.env.note_dependency(str(store.project.conf / "council.toml"))
        return [nodes.Text(getattr(store.council, key))], []


def visit_clause(self: HTML5Translator, node: clause_node) -> None:
    self.body.append(clause_open(node["ids"][0], node["number"], node["modality"]))


def depart_clause(self: HTML5Translator, node: clause_node) -> None:
    self.body.append("</div>\n")


def visit_about(self: HTML5Translator, node: clause_about) -> None:
    store = domain(self.builder.env)

    def uri(target: str) -> str:
        return self.builder.get_relative_uri(self.builder.current_docname, target)

    history = uri(f"versions/clauses/{node['clause_id']}")
    extra = [
        cite_row(citation(store.council.citation, node["number"], "draft, not adopted")),
        ("History", f'<a href="{history}">This paragraph in every version</a>'),
    ]
    if node.get("source_number"):
        extra.append(("Number in the imported document", escape(node["source_number"])))
    if worked := examples_html(store, node["clause_id"], uri):
        extra.append(("Worked examples", worked))
    self.body.append(
        about_html(
            node["clause_id"],
            node["number"],
            node["modality"],
            node["applies_to"],
            node["statutes"],
            node["tags"],
            extra,
        )
    )
    raise nodes.SkipNode


def env_get_outdated(
    app: Sphinx,
    env: BuildEnvironment,
    added: Set[str],
    changed: Set[str],
    removed: Set[str],
) -> Iterable[str]:
    """Re-read pages whose clauses were renumbered by edits elsewhere."""
    store = domain(env)
    fresh = {c.id: c.number for c in store.model.clauses()}
    old = store.data["numbers"]
    store.moved = frozenset(k for k in fresh.keys() | old.keys() if fresh.get(k) != old.get(k))
    return [doc for doc, ids in store.data["clauses"].items() if store.moved.intersection(ids)]


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """Rewrite every page when a title or toctree changed (each shows the navigation;
    Sphinx would rewrite only the pages read again), pages that show changed examples,
    and pages that cite a clause whose number moved."""
    store = domain(env)
    navigation = navigation_key(env)
    moved_navigation = store.data.get("navigation") != navigation
    store.data["navigation"] = navigation
    examples = examples_changed(env)
    if moved_navigation:
        return sorted(env.found_docs)
    if examples:
        return list(store.data["clauses"])
    return [doc for doc, ids in store.data["cites"].items() if store.moved.intersection(ids)]


def env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    store = domain(env)
    store.data["numbers"] = {c.id: c.number for c in store.model.clauses()}


def section_numbers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Each section's number as the model gives it (3A, or 3 for an imported document
    whose first section is 3), in place of the position Sphinx's numbered toctree has
    just counted (so after it): in its title, the contents and the navigation. Sphinx
    rewrites a page whose numbers it finds changed, so these pages are drawn again."""
    for section in domain(env).model.sections:
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
