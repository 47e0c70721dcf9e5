"""The constitution's other documents on the site, and its own contents page.

Each document conf/council.toml lists ([[documents]]) is published at KEY/: a contents
page and one page a section, drawn with the templates, the clause box and the words'
renderer (text_html.py) that the protocol's adopted versions use, so that a paragraph
reads alike in every document. A reference to another document's paragraph reads as
that document cites it ("Article 2.1") and leads there. The constitution's contents page
(CONTENTS) lists every document in the constitution's order with its Part; the home page
lists them too (``{constitution-contents}``), and every page's menu links it. A project
of one document has none of these pages, and its pages are as they were.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup
from sphinx.util.docutils import SphinxDirective

from constitution.documents import PROTOCOL, Entry
from constitution.model import Clause, Section
from constitution.sphinxext.clause_box import about_html, about_of, clause_open
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_cache import Page
from constitution.sphinxext.page_templates import render
from constitution.sphinxext.state import BuildState
from constitution.sphinxext.versions_site import (
    PLAIN,
    PLAIN_PAGES,
    REVOKED_SECTION,
    WHOLE,
    WHOLE_TITLE,
    pager,
    section_page,
    title_html,
)
from constitution.text_html import Elsewhere, Links, clause_text, html, intro_box
from constitution.typography import curled

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

CONTENTS, CONTENTS_TITLE = WHOLE, WHOLE_TITLE  # linked from every page's menu
Uri = Callable[[str, str], str]  # (from page, to page) -> relative address


def pages(app: Sphinx, build: BuildState) -> Iterator[Page]:
    """The contents page and each other document's pages; none for a one-document project.
    Every page is drawn and compared (a handful of small pages)."""
    others = [e for e in build.constitution if e.key != PROTOCOL]
    if not others:
        return
    uri: Uri = app.builder.get_relative_uri
    title = f"The constitution of {build.council.name}"
    yield CONTENTS, title, None, partial(contents_page, build, uri)
    for entry in others:
        yield f"{entry.pages}/index", entry.title, None, partial(document_page, build, entry, uri)
        for section in entry.document.sections:
            page = f"{entry.pages}/{section.slug}"
            name = f"{section.number}. {curled(section.title)} — {entry.title}"
            draw = partial(section_body, build, entry, section, page, uri)
            yield page, name, None, draw


def listed(build: BuildState, here: str, uri: Uri) -> list[dict[str, str]]:
    """Every document in the constitution's order, with its Part and its address from
    ``here``: the protocol's plain addresses (the version in force), the others' KEY/."""
    return [
        {
            "part": entry.part,
            "title": entry.title,
            "href": uri(
                here,
                section_page(PLAIN, "index") if entry.key == PROTOCOL else f"{entry.pages}/index",
            ),
        }
        for entry in build.constitution
    ]


def contents_page(build: BuildState, uri: Uri) -> str:
    return render(
        "constitution-contents.html",
        council=build.council.name,
        documents=listed(build, CONTENTS, uri),
    )


def document_page(build: BuildState, entry: Entry, uri: Uri) -> str:
    """A document's contents, as an unadopted version's contents page is drawn."""
    here = f"{entry.pages}/index"
    document = entry.document
    return render(
        "version-contents.html",
        heading=f"{entry.part}: {entry.title}",
        title=entry.title,
        adopted=None,
        download="",
        intro=Markup(intro_box(html(document.intro_tree, links(build, entry, here, uri))))
        if document.intro
        else "",
        revoked_id=REVOKED_SECTION,
        sections=[
            {
                "number": s.number,
                "title": Markup(title_html(s.title)),
                "href": uri(here, f"{entry.pages}/{s.slug}"),
                "revoked_by": None,
            }
            for s in document.sections
        ],
        renumbered=[],
    )


def links(build: BuildState, entry: Entry, here: str, uri: Uri) -> Links:
    """How a page of ``entry`` resolves references: its own paragraphs by number, another
    document's as that document cites them."""

    def href(clause: Clause) -> str:
        there = entry.page(clause)
        return f"#{clause.id}" if there == here else f"{uri(here, there)}#{clause.id}"

    return Links(
        entry.document,
        build.council.statutes,
        href,
        itertools.count(1),
        Elsewhere(build.constitution, entry.key, partial(uri, here)),
    )


def section_body(build: BuildState, entry: Entry, section: Section, here: str, uri: Uri) -> str:
    page_links = links(build, entry, here, uri)
    return render(
        "version-section.html",
        number=section.number,
        title=Markup(title_html(section.title)),
        intro=Markup(intro_box(html(section.intro_tree, page_links))) if section.intro else "",
        paragraphs=[
            # no version of it is adopted yet, so no paragraph of it is revoked
            {"html": Markup(clause_html(build, entry, p, page_links)), "revoked_by": None}
            for p in section.clauses
        ],
        pager=pager(entry.document.sections, section),
    )


def clause_html(build: BuildState, entry: Entry, clause: Clause, page_links: Links) -> str:
    """A paragraph in the box every version's paragraphs are drawn in."""
    cited = f"{entry.cited(clause.number)} ({entry.part}, {entry.title}, as drafted)"
    about = about_html(about_of(clause, build.council, cited))
    return (
        clause_open(clause.id, clause.number, clause.modality)
        + clause_text(clause.tree, page_links)
        + about
        + "</div>"
    )


class contents_node(nodes.General, nodes.Element):
    """Where the home page lists the constitution's documents."""


class ContentsDirective(SphinxDirective):
    """```{constitution-contents}```: every document of the constitution, in order, with
    its Part; nothing in a project of one document."""

    def run(self) -> list[nodes.Node]:
        build = state(self.env)
        self.env.note_dependency(str(build.project.conf / "council.toml"))
        return [contents_node()] if len(build.constitution.entries) > 1 else []


def visit_contents(self: HTML5Translator, node: contents_node) -> None:
    build, here = state(self.builder.env), self.builder.current_docname
    documents = listed(build, here, self.builder.get_relative_uri)
    whole = self.builder.get_relative_uri(here, CONTENTS)
    self.body.append(
        render("constitution-list.html", documents=documents)
        + f"<p><a href='{whole}'>{CONTENTS_TITLE}</a></p>"
    )
    raise nodes.SkipNode


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """A page of another document says what it is: as drafted, its adoption not recorded
    (the protocol's banners speak of the protocol's versions); every page names, above
    its navigation, the document it belongs to."""
    build = state(app.env)
    entry = build.constitution.published_at(pagename.split("/")[0])
    if entry is not None and entry.key != PROTOCOL and "/" in pagename:
        context["constitution_banner"] = render("banner.html", kind="drafted", title=entry.title)
    if len(build.constitution.entries) > 1:  # else Sphinx's html_title, the protocol's
        # escaped: furo draws the sidebar's title as given, and a setting is not markup
        context["docstitle"] = Markup.escape(owner(build, pagename))


def owner(build: BuildState, pagename: str) -> str:
    """Whose page this is, as the sidebar's title (and the page's <title>) names it: the
    document's whose folder holds it (the protocol's: its draft, the version in force, its
    versions), else the constitution's."""
    folder = pagename.partition("/")[0] if "/" in pagename else ""
    entry = build.constitution.published_at(folder)
    if entry is None and folder in (PLAIN_PAGES, "versions"):
        entry = build.constitution.entry(PROTOCOL)
    return entry.title if entry else f"{build.council.name} Constitution"


def setup(app: Sphinx) -> None:
    app.add_node(contents_node, html=(visit_contents, None))
    app.add_directive("constitution-contents", ContentsDirective)
    app.connect("html-page-context", page_context, priority=150)  # after versions_site's
