"""The constitution domain: what Sphinx keeps per document (which clauses a page defines
and cites, the last build's numbers) and how a citation resolves, plus the way every
other module reaches this build's state (``state``)."""

from __future__ import annotations

import itertools
from collections.abc import Set
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain
from sphinx.util.nodes import make_refnode

from constitution import numbering
from constitution.documents import PROTOCOL
from constitution.problems import Problem
from constitution.sphinxext import problem_log
from constitution.sphinxext.state import BuildState, Kept
from constitution.text_html import definition, term_html

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator


class defined_term(nodes.reference):
    """A defined term, linked to its definition and carrying it as its description."""


def visit_term(self: HTML5Translator, node: defined_term) -> None:
    self.body.append(term_html(node["label"], node["uri"], node["definition"], node["ident"]))
    raise nodes.SkipNode


class ConstitutionDomain(Domain):
    """Per-document facts about clauses, kept in the environment."""

    name = "constitution"
    label = "Constitution"
    initial_data: ClassVar[dict[str, Any]] = {
        "clauses": {},  # docname -> clause IDs defined there
        "cites": {},  # docname -> clause IDs it cites (para and defined roles)
        "numbers": {},  # clause ID -> number at the end of the last build
    }
    # This build's; set as each build starts (__init__.load_model), never pickled.
    build: BuildState

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.kept = Kept()

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
        model, owner = self.build.model, self.build.constitution.entry(PROTOCOL)
        if typ == "term":
            clause = model.definition(target)
            label = contnode.astext()
            shared = self.build.constitution.defined_elsewhere
            if clause is None and (found := shared(target, PROTOCOL)):
                owner, clause = found  # the constitution's definitions are shared
        else:
            clause = model.clause(target)
            own = contnode.astext() if node.get("refexplicit") else None
            label = numbering.reference(clause.number, own) if clause else target
            across = clause is None and self.build.constitution.reference(target, PROTOCOL, own)
            if across:  # a paragraph of another document
                page, title, label = across
                inline = nodes.inline(label, label, classes=[f"constitution-{typ}"])
                return make_refnode(builder, fromdocname, page, target, inline, title)
        if clause is None:
            code = "unknown-term" if typ == "term" else "unknown-clause-ref"
            problem_log.log(Problem.of("", 0, code, term=target, target=target), node)
            return None
        if typ == "term":
            # The definition travels with the term: read as its description by screen
            # readers, shown on keyboard focus and on hover; the link leads to it.
            counts = self.build.term_counts
            count = next(counts.setdefault(fromdocname, itertools.count(1)))
            page = owner.page(clause)
            uri = builder.get_relative_uri(fromdocname, page) + "#" + clause.id
            if page == fromdocname:
                uri = "#" + clause.id
            return defined_term(
                label,
                label=label,
                uri=uri,
                definition=definition(clause, owner.document),
                ident=f"def-{clause.id}-{count}",
            )
        inline = nodes.inline(label, label, classes=[f"constitution-{typ}"])
        title = f"Paragraph {clause.number} ({clause.id})"
        return make_refnode(builder, fromdocname, owner.page(clause), clause.id, inline, title)

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[tuple[str, nodes.reference]]:
        return []


def domain(env: BuildEnvironment) -> ConstitutionDomain:
    return cast(ConstitutionDomain, env.get_domain("constitution"))


def state(env: BuildEnvironment) -> BuildState:
    """This build's state: its sources and what its pages share."""
    return domain(env).build
