"""Ways in: the paragraphs of the text at the plain addresses (the version in force, or
the draft while none is) by who the reader is and by topic.

Who the reader is comes from the council's [audiences] (roles and tags); without any,
each role of its register that some paragraph applies to is a way in. Topics are the
tags the paragraphs carry, titled from [topics] or from the tag itself. Each page lists
its paragraphs by section, each linked at its plain address with its opening words.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from docutils import nodes
from markupsafe import Markup
from sphinx.util.docutils import SphinxDirective

from constitution.council import Audience, Council
from constitution.model import Clause, Document
from constitution.model_cache import files_in
from constitution.sphinxext.addresses import PLAIN
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_cache import Page
from constitution.sphinxext.page_keys import clause_key, key_of, references_key
from constitution.sphinxext.page_templates import render
from constitution.sphinxext.versions_site import (
    ADOPTED,
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
    if clause.cites:  # its words name other paragraphs by their numbers in ``document``
        return _opening(plain(clause.tree, document))
    return _alone(clause)


@functools.lru_cache(maxsize=65536)
def _alone(clause: Clause) -> str:
    """The opening of a clause citing no other: the same in any document, and remembered,
    as the editor's loop lists thousands again on every save."""
    return _opening(plain(clause.tree, Document("", ())))


def _opening(text: str) -> str:
    words = text.split()
    more = "…" if len(words) > OPENING_WORDS else ""
    return " ".join(words[:OPENING_WORDS]) + more


def way_page(site: Site, way: Way) -> str:
    document = site.document(PLAIN)
    sections = []
    for section in document.sections:
        if found := [c for c in section.clauses if way.takes(c)]:
            paragraphs_found = [
                {
                    "href": site.clause_href(PLAIN, c, way.page),
                    "number": c.number,
                    "opening": opening(c, document),
                }
                for c in found
            ]
            sections.append(
                {
                    "number": section.number,
                    "title": Markup(title_html(section.title)),
                    "paragraphs": paragraphs_found,
                }
            )
    return render(
        "way-in.html",
        title=way.title,
        about=way.about,
        count=paragraphs(sum(len(s["paragraphs"]) for s in sections)),
        shown="the protocol in force" if site.in_force else "the draft (no version is adopted)",
        sections=sections,
    )


def paragraphs(n: int) -> str:
    return f"{n} paragraph{'' if n == 1 else 's'}"


def listed(site: Site, ways: list[Way], here: str) -> list[dict[str, str]]:
    """Each way in as the lists of them show it: linked, with how many paragraphs."""
    clauses = list(site.document(PLAIN).clauses())
    return [
        {
            "href": site.uri(here, w.page),
            "title": w.title,
            "count": paragraphs(sum(map(w.takes, clauses))),
        }
        for w in ways
    ]


def index_page(site: Site) -> str:
    council, document = site.store.council, site.document(PLAIN)
    return render(
        "ways-in.html",
        title=TITLE,
        ways=listed(site, audiences(council, document), INDEX),
        topics=listed(site, topics(council, document), INDEX),
    )


def draft_shows(site: Site, way: Way) -> str:
    """What a way in shows of the draft, without drawing it: its paragraphs, their
    sections, and the numbers of those they cite (their opening words give them; a
    term reads as its words alone)."""
    document = site.document(PLAIN)
    found = [c for c in document.clauses() if way.takes(c)]
    sections = {c.section for c in found}
    titles = [[s.slug, s.number, s.title] for s in document.sections if s.slug in sections]
    return (
        key_of([way.about, titles])
        + "".join(map(clause_key, found))
        + references_key([c.tree for c in found if c.cites], document)
    )


def pages(site: Site) -> Iterator[Page]:
    # What they show is the plain addresses' text and the settings, both in the site key,
    # when a version is in force; the draft's are keyed by what each shows of it.
    council, document = site.store.council, site.document(PLAIN)
    ways = audiences(council, document), topics(council, document)
    index = ADOPTED if site.in_force else key_of([listed(site, w, INDEX) for w in ways])
    yield INDEX, TITLE, index, partial(index_page, site)
    for way in ways[0] + ways[1]:
        shows = ADOPTED if site.in_force else draft_shows(site, way)
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
        render("ways-in-home.html", ways=listed(site, ways, here), index=site.uri(here, INDEX))
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(ways_in_node, html=(visit_ways_in, None))
    app.add_directive("ways-in", WaysInDirective)
