"""A clause's words (and an introduction's) on the draft's pages, drawn from the tree.

The words are drawn when the page is written, as Sphinx resolves references, by the
renderer that draws adopted versions (text_html.py): the same words give the same HTML in
both, and a reference shows the number its clause has in this build. The node's child is
the plain text, for anything that reads a page's text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from docutils import nodes

from constitution.documents import PROTOCOL
from constitution.model import DRAFT_PAGES, Clause, Document, Section
from constitution.sphinxext.domain import domain, state
from constitution.text_html import Elsewhere, Links, between_html, clause_text, html, intro_box
from constitution.text_plain import plain
from constitution.text_tree import Ref, Term, Tree, inlines

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator


INTRO = f"{DRAFT_PAGES}/index"  # the page the protocol's own introduction opens


class tree_text(nodes.General, nodes.Element):
    """Words drawn from a tree: a clause's (``clause_id``) or an introduction's
    (``intro``: its page)."""


def text_node(tree: Tree, document: Document, **attributes: str) -> tree_text:
    words = plain(tree, document)
    return tree_text(words, nodes.Text(words), **attributes)


def cited(tree: Tree, document: Document) -> list[str]:
    """The clauses the words cite or whose definitions they use: a page showing them is
    rewritten when those move."""
    found = []
    for node in inlines(tree):
        if isinstance(node, Ref):
            found.append(node.target)
        elif isinstance(node, Term) and (defining := document.definition(node.target)):
            found.append(defining.id)
    return found


def intro_tree(document: Document, docname: str) -> Tree:
    if docname == INTRO:
        return document.intro_tree
    section = section_of(document, docname)
    return section.intro_tree if section else ()


def replace_intro(env: BuildEnvironment, doctree: nodes.document, docname: str) -> None:
    """The introduction MyST read (its paragraphs and lists before the first clause, or
    the index's toctree) gives way to the tree's, drawn as an adopted version draws it."""
    model = state(env).model
    tree = intro_tree(model, docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    if not tree or section is None:
        return
    first = 1 if isinstance(section[0], nodes.title) else 0
    last = first
    while last < len(section) and isinstance(section[last], nodes.paragraph | nodes.bullet_list):
        last += 1
    for node in section[first:last]:
        section.remove(node)
    section.insert(first, text_node(tree, model, intro=docname))
    for clause_id in cited(tree, model):
        domain(env).note("cites", docname, clause_id)


def section_of(document: Document, docname: str) -> Section | None:
    return next((s for s in document.sections if s.docname == docname), None)


def replace_between(env: BuildEnvironment, doctree: nodes.document, docname: str) -> None:
    """The words MyST read between a section's clauses (paragraphs and lists after its
    introduction; a sub-heading, which MyST makes a section nested in the page's, its
    clauses then inside it) give way, in order, to the model's (model.Between), drawn
    as an adopted version draws them: the page stays one section of clauses, as a
    version's is. Run before Sphinx collects the page's headings, so that a sub-heading
    is not a page of the contents, as it is not in a version."""
    model = state(env).model
    section = section_of(model, docname)
    top = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not section.between or top is None:
        return
    found = itertools.count()
    first = 1 if isinstance(top[0], nodes.title) else 0
    while first < len(top) and isinstance(top[first], nodes.paragraph | nodes.bullet_list):
        first += 1  # the introduction, which replace_intro draws

    def flat(children: list[nodes.Node]) -> Iterator[nodes.Node]:
        for child in children:
            if isinstance(child, nodes.section):
                yield between_node(next(found))
                yield from flat(child.children[1:])  # after its title
            elif isinstance(child, nodes.paragraph | nodes.bullet_list):
                yield between_node(next(found))
            else:
                yield child

    def between_node(at: int) -> tree_text:
        tree = section.between[at].tree
        for clause_id in cited(tree, model):
            domain(env).note("cites", docname, clause_id)
        return text_node(tree, model, between=str(at))

    rest = list(flat(top.children[first:]))
    for child in top.children[first:]:
        top.remove(child)
    top.extend(rest)


def visit_text(self: HTML5Translator, node: tree_text) -> None:
    store, here = state(self.builder.env), self.builder.current_docname

    def href(clause: Clause) -> str:
        docname = store.model.section_of(clause).docname
        if docname == here:
            return f"#{clause.id}"
        return f"{self.builder.get_relative_uri(here, docname)}#{clause.id}"

    terms = store.term_counts.setdefault(here, itertools.count(1))
    page = partial(self.builder.get_relative_uri, here)
    links = Links(
        store.model,
        store.council.statutes,
        href,
        terms,
        Elsewhere(store.constitution, PROTOCOL, page),
    )
    if "clause_id" in node:
        clause = store.model.clause(node["clause_id"])
        if clause is None:  # the directive made the node from this build's model
            raise nodes.SkipNode
        self.body.append(clause_text(clause.tree, links))
    elif "between" in node:
        section = section_of(store.model, here)
        if section is None:  # made from this build's model
            raise nodes.SkipNode
        self.body.append(between_html(section.between[int(node["between"])], links))
    else:
        self.body.append(intro_box(html(intro_tree(store.model, node["intro"]), links)))
    raise nodes.SkipNode


def doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    replace_intro(app.env, doctree, app.env.docname)


def between_read(app: Sphinx, doctree: nodes.document) -> None:
    replace_between(app.env, doctree, app.env.docname)


def setup(app: Sphinx) -> None:
    app.add_node(tree_text, html=(visit_text, None))
    app.connect("doctree-read", doctree_read)
    # Before Sphinx's own collector of the page's headings (priority 500, set up first).
    app.connect("doctree-read", between_read, priority=499)
