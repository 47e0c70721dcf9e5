"""The constitution's other documents on the site, and its own contents page.

Each document conf/council.toml lists ([[documents]]) is published as the protocol is,
by the same page writers (versions_site.Site), at its own addresses (versions_site.Layout):
KEY/ the version in force, draft/KEY/ its draft, versions/KEY/DATE/ each adopted version,
versions/KEY/ its redlines, clause histories and list of versions. A document with no
version adopted has its plain pages alone, as drafted. A paragraph reads alike in every
document. A reference to another document's paragraph reads as
that document cites it ("Article 2.1") and leads there. The constitution's contents page
(CONTENTS) lists every document in the constitution's order with its Part, then each
one's sections; the home page
lists them too (``{constitution-contents}``), and every page's menu links it. A project
of one document has none of these pages, and its pages are as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from markupsafe import Markup
from sphinx.util.docutils import SphinxDirective

from constitution.documents import PROTOCOL, Constitution, Entry
from constitution.in_force import InForce, in_force
from constitution.model import DRAFT_PAGES
from constitution.sphinxext import shells
from constitution.sphinxext.addresses import PLAIN, PLAIN_PAGES, layout_of
from constitution.sphinxext.domain import state
from constitution.sphinxext.examples import worked_examples
from constitution.sphinxext.page_cache import Page
from constitution.sphinxext.page_templates import Cell, Link, render
from constitution.sphinxext.state import BuildState
from constitution.sphinxext.versions_site import (
    AMENDMENTS,
    WHOLE,
    WHOLE_TITLE,
    Site,
    cited_example,
    title_html,
)
from constitution.typography import long_date
from constitution.versions import Version, today

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

CONTENTS, CONTENTS_TITLE = WHOLE, WHOLE_TITLE  # linked from every page's menu
AMENDMENTS_TITLE = "Amendments of the constitution"
Uri = Callable[[str, str], str]  # (from page, to page) -> relative address


def pages(app: Sphinx, build: BuildState) -> Iterator[Page]:
    """The contents page and each other document's pages, drawn as the protocol's
    versions are (versions_site.Site); none for a one-document project."""
    others = [e for e in build.constitution if e.key != PROTOCOL]
    if not others:
        return
    uri: Uri = app.builder.get_relative_uri
    title = f"The constitution of {build.council.name}"
    yield CONTENTS, title, None, partial(contents_page, build, uri)
    yield AMENDMENTS, AMENDMENTS_TITLE, None, partial(amendments_page, build, uri)
    for entry in others:
        yield from Site(app, build, entry.key, partial(worked_examples, build)).pages()


def listed(build: BuildState, here: str, uri: Uri) -> list[dict[str, str]]:
    """Every document in the constitution's order, with its Part and its address from
    ``here``: its plain addresses (the version in force, or the draft while none is)."""
    return [
        {
            "part": entry.part,
            "title": entry.title,
            "href": uri(here, layout_of(entry.key).page(PLAIN, "index")),
        }
        for entry in build.constitution
    ]


def contents_page(build: BuildState, uri: Uri) -> str:
    """Every document, which of its versions is in force (or that it is a draft), linked."""
    rows: list[list[Cell]] = []
    contents = []
    cited = []  # each document's first paragraph as another cites it: the page's example
    for now in in_force(build.constitution, today()):
        layout = layout_of(now.entry.key)
        href = uri(CONTENTS, layout.page(PLAIN, "index"))
        rows.append([now.entry.part, Link(href, now.entry.title), status(now, today())])
        # its sections as its plain addresses show them: the version in force, or the draft
        shown = now.version.document if now.version else now.entry.document
        sections = [
            (uri(CONTENTS, layout.page(PLAIN, s.slug)), s.number, Markup(title_html(s.title)))
            for s in shown.sections
        ]
        contents.append((f"{now.entry.part}: {now.entry.title}", href, sections))
        if first := next(iter(shown.clauses()), None):
            cited.append(now.entry.cited(first.number))
    return render(
        "constitution-contents.html",
        council=build.council.name,
        headers=["Part", "Document", "Version in force"],
        rows=rows,
        contents=contents,
        amendments=uri(CONTENTS, AMENDMENTS),
        example=cited[0] if cited else None,
    )


def status(shown: InForce, day: dt.date) -> str:
    """A document's version in force on ``day``, in words: or that only its draft was,
    none being adopted by then, or the one adopted not yet in force."""
    version = shown.version
    if version is None:
        waiting = [v for v in shown.entry.versions if v.date <= day]
        if not waiting:
            return "A draft: no version adopted yet"
        return f"A draft: the version adopted {long_date(waiting[-1].date)} not yet in force"
    adopted = long_date(version.date)
    return f"Adopted {adopted} ({version.resolution}), in force from {long_date(version.in_force)}"


class Amendment(NamedTuple):
    """One resolution of Council, and the versions it adopted (of one document or more)."""

    date: dt.date
    resolution: str
    in_force: dt.date
    adopted: list[tuple[Entry, Version]]


def amendments(constitution: Constitution) -> list[Amendment]:
    """Every resolution that adopted a version of any document, newest first; versions
    adopted the same day by the same resolution are one amendment."""
    found: dict[tuple[dt.date, str], list[tuple[Entry, Version]]] = {}
    for entry in constitution:
        for v in entry.versions:
            found.setdefault((v.date, v.resolution), []).append((entry, v))
    return [
        Amendment(date, resolution, min(v.in_force for _, v in adopted), adopted)
        for (date, resolution), adopted in sorted(found.items(), reverse=True)
    ]


def amendments_page(build: BuildState, uri: Uri) -> str:
    """Every amendment, newest first, with the documents it changed; and for each, the
    constitution in force on the day it came into force: every document's version."""

    def version_link(shown: InForce, day: dt.date) -> dict[str, str]:
        entry, version = shown.entry, shown.version
        key = version.key if version else PLAIN
        href = uri(AMENDMENTS, layout_of(entry.key).page(key, "index"))
        words = status(shown, day)
        return {"href": href, "part": entry.part, "title": entry.title, "status": words}

    def changed(entry: Entry, version: Version, day: dt.date) -> dict[str, str]:
        """The version an amendment adopted, and the comparison with the version before
        (none for a document's first): what the resolution changed, word by word."""
        link = version_link(InForce(entry, version, day), day)
        before = entry.versions[: entry.versions.index(version)]
        redline = layout_of(entry.key).redline(before[-1].key, version.key) if before else ""
        return {**link, "changes": uri(AMENDMENTS, redline) if redline else ""}

    listed = amendments(build.constitution)
    return render(
        "constitution-amendments.html",
        amendments=[
            {
                "date": long_date(a.date),
                "in_force": long_date(a.in_force),
                "resolution": a.resolution,
                "changed": [changed(e, v, a.in_force) for e, v in a.adopted],
                "then": [
                    version_link(d, a.in_force) for d in in_force(build.constitution, a.in_force)
                ],
            }
            for a in listed
        ],
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
        render("constitution-list.html", documents=documents, whole=(whole, CONTENTS_TITLE))
    )
    raise nodes.SkipNode


def read(key: str, version: str | None) -> str:
    """What a page of another document tells the jump box of the version it shows, so that
    a number alone typed there ("14.2", "section 14") opens that document's paragraph in
    that version, as on the protocol's pages: KEY (its plain addresses, and its pages of
    no one version) or KEY/VERSION (its draft's, or an adopted version's own)."""
    return key if version in (None, PLAIN) else f"{key}/{version}"


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """A page of another document says which of its versions it shows, and has that
    version's menu (versions_site's handler speaks of the protocol's); every page names,
    above its navigation, the document it belongs to."""
    build = state(app.env)
    if len(build.constitution.entries) > 1:  # else Sphinx's html_title, the protocol's
        # escaped: furo draws the sidebar's title as given, and a setting is not markup
        context["docstitle"] = Markup.escape(title_of(build, pagename))
        # The search page searches, and jumps to, every document: the constitution's
        # banner, not the protocol's version in force.
        if pagename == "search":
            context["constitution_searched"] = searched(build.constitution)
        if whole(pagename) or pagename == "search":
            context["constitution_banner"] = render("banner.html", kind="whole")
            return
    entry = owner(build, pagename)
    if entry is None:
        return
    site = Site(app, build, entry.key)
    context["constitution_banner"] = site.banner(pagename)
    context["constitution_document"] = read(entry.key, site.layout.holds(pagename))
    if site.drafted:
        return
    key = site.holds(pagename)
    context["constitution_menu"] = site.menu(pagename, key) if key else site.own_menu(pagename)


def searched(constitution: Constitution) -> tuple[str, str]:
    """What the search page says it reaches besides the protocol's versions: a citation of
    another document's first paragraph ("Article 1.1"), and the protocol's title (its
    versions are the ones to choose; the others are searched as in force)."""
    return cited_example(constitution) or "", constitution.entry(PROTOCOL).title


def whole(pagename: str) -> bool:
    """A page of the constitution as a whole (its contents, its amendments): the site's
    root holds no other generated page, and constitution/ none but these."""
    folder, _, name = pagename.rpartition("/")
    return folder == WHOLE or (not folder and name in (CONTENTS, shells.NAME))


def title_of(build: BuildState, pagename: str) -> str:
    """Whose page this is, as the sidebar's title (and the page's <title>) names it:
    another document's, the protocol's (its draft, the version in force, its versions),
    else the constitution's."""
    entry = owner(build, pagename)
    folder = pagename.partition("/")[0] if "/" in pagename else ""
    protocols = folder in (PLAIN_PAGES, DRAFT_PAGES, "versions") and pagename != AMENDMENTS
    if entry is None and protocols:
        entry = build.constitution.entry(PROTOCOL)
    return entry.title if entry else f"{build.council.name} Constitution"


def owner(build: BuildState, pagename: str) -> Entry | None:
    """The other document a page is one of: at KEY/, draft/KEY/ or versions/KEY/."""
    parts = pagename.split("/")
    key = parts[1] if parts[0] in (DRAFT_PAGES, "versions") and len(parts) > 2 else parts[0]
    entry = build.constitution.published_at(key) if len(parts) > 1 else None
    return entry if entry is not None and entry.key != PROTOCOL else None


def setup(app: Sphinx) -> None:
    app.add_node(contents_node, html=(visit_contents, None))
    app.add_directive("constitution-contents", ContentsDirective)
    app.connect("html-page-context", page_context, priority=150)  # after versions_site's
