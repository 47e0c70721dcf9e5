"""Ways in: the paragraphs of the text at the plain addresses (the version in force, or
the draft while none is) by who the reader is and by topic.

Who the reader is comes from the council's [audiences] (roles and tags); without any,
each role of its register that some paragraph applies to is a way in. Topics are the
tags the paragraphs carry, titled from [topics] or from the tag itself. Each page lists
its paragraphs by section, each linked at its plain address with its opening words.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from constitution.council import Audience, Council
from constitution.model import Clause, Document
from constitution.model_cache import files_in
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_cache import Page
from constitution.sphinxext.versions_site import (
    ADOPTED,
    PLAIN,
    WAYS_IN_INDEX,
    WAYS_IN_TITLE,
    Site,
    title_html,
)
from constitution.text_plain import plain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

INDEX, TITLE = WAYS_IN_INDEX, WAYS_IN_TITLE  # linked from every page's menu
FOLDER = posixpath.dirname(INDEX)
OPENING_WORDS = 24  # of each paragraph listed: enough to recognise it


@dataclass(frozen=True)
class Way:
    page: str
    title: str
    about: str
    takes: Callable[[Clause], bool]


def audiences(council: Council, document: Document) -> list[Way]:
    """Ways in by who the reader is."""
    found = council.audiences or tuple(
        Audience(role, label, "", (role,), ())
        for role, label in council.roles.items()
        if any(role in c.applies_to for c in document.clauses())
    )
    return [
        Way(
            f"{FOLDER}/{a.key}",
            a.title,
            a.about,
            partial(_takes, frozenset(a.roles), frozenset(a.tags)),
        )
        for a in found
    ]


def _takes(roles: frozenset[str], tags: frozenset[str], clause: Clause) -> bool:
    return bool(roles.intersection(clause.applies_to) or tags.intersection(clause.tags))


def topic_title(council: Council, tag: str) -> str:
    return council.topics.get(tag) or tag.replace("-", " ").capitalize()


def topics(council: Council, document: Document) -> list[Way]:
    """Ways in by topic: every tag a paragraph carries, in order of title."""
    tags = {t for c in document.clauses() for t in c.tags}
    ways = [
        Way(f"{FOLDER}/topic-{tag}", topic_title(council, tag), "", partial(_tagged, tag))
        for tag in tags
    ]
    return sorted(ways, key=lambda w: w.title.lower())


def _tagged(tag: str, clause: Clause) -> bool:
    return tag in clause.tags


def opening(clause: Clause, document: Document) -> str:
    words = plain(clause.tree, document).split()
    more = "…" if len(words) > OPENING_WORDS else ""
    return escape(" ".join(words[:OPENING_WORDS])) + more


def way_page(site: Site, way: Way) -> str:
    document = site.document(PLAIN)
    parts = []
    total = 0
    for section in document.sections:
        found = [c for c in section.clauses if way.takes(c)]
        if not found:
            continue
        total += len(found)
        items = "".join(
            f"<li><a href='{site.clause_href(PLAIN, c, way.page)}'>Paragraph {c.number}</a>: "
            f"{opening(c, document)}</li>"
            for c in found
        )
        parts.append(
            f"<h2>{section.number}. {title_html(section.title)}</h2>"
            f"<ul class='way-in-paragraphs'>{items}</ul>"
        )
    shown = "the protocol in force" if site.in_force else "the draft (no version is adopted)"
    about = f"<p>{escape(way.about)}</p>" if way.about else ""
    return (
        f"<h1>{escape(way.title)}</h1>{about}"
        f"<p>{paragraphs(total)} of {shown}, section by section. "
        f"<a href='index.html'>Other ways in</a>.</p>" + "".join(parts)
    )


def paragraphs(n: int) -> str:
    return f"{n} paragraph{'' if n == 1 else 's'}"


def way_list(site: Site, ways: list[Way], here: str) -> str:
    document = site.document(PLAIN)
    items = "".join(
        f"<li><a href='{site.uri(here, w.page)}'>{escape(w.title)}</a> "
        f"({paragraphs(sum(map(w.takes, document.clauses())))})</li>"
        for w in ways
    )
    return f"<ul class='ways-in'>{items}</ul>"


def index_page(site: Site) -> str:
    council, document = site.store.council, site.document(PLAIN)
    return (
        f"<h1>{TITLE}</h1><p>The paragraphs that matter to you, or on one topic, each "
        "linked to where it is in the protocol in force.</p>"
        f"<h2>Who you are</h2>{way_list(site, audiences(council, document), INDEX)}"
        f"<h2>Topics</h2>{way_list(site, topics(council, document), INDEX)}"
    )


def pages(site: Site) -> Iterator[Page]:
    # What they show is the plain addresses' text and the settings, both in the site key,
    # when a version is in force; the draft's are drawn to be compared.
    shows = ADOPTED if site.in_force else None
    council, document = site.store.council, site.document(PLAIN)
    yield INDEX, TITLE, shows, partial(index_page, site)
    for way in audiences(council, document) + topics(council, document):
        yield way.page, way.title, shows, partial(way_page, site, way)


class ways_in_node(nodes.General, nodes.Element):
    """Where the home page lists the ways in."""


class WaysInDirective(SphinxDirective):
    """```{ways-in}```: links to the paragraphs by who the reader is, and to the topics."""

    def run(self) -> list[nodes.Node]:
        # Drawn from the settings, the versions and (without [audiences]) the protocol.
        project = state(self.env).project
        for path in [project.conf / "council.toml", *files_in(project.protocol)]:
            self.env.note_dependency(str(path))
        for path in files_in(project.versions_dir):
            self.env.note_dependency(str(path))
        return [ways_in_node()]


def visit_ways_in(self: HTML5Translator, node: ways_in_node) -> None:
    site = Site(self.builder.app, state(self.builder.env))
    here = self.builder.current_docname
    ways = audiences(site.store.council, site.document(PLAIN))
    self.body.append(
        way_list(site, ways, here)
        + f"<p><a href='{site.uri(here, INDEX)}'>Every topic, and every way in</a></p>"
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(ways_in_node, html=(visit_ways_in, None))
    app.add_directive("ways-in", WaysInDirective)
