"""Ways in: the paragraphs of the text at the plain addresses (the version in force, or
the draft while none is), and of the constitution's other documents (as drafted), by who
the reader is and by topic.

Who the reader is comes from the council's [audiences] (roles and tags); without any,
each role of its register that some paragraph applies to is a way in. Topics are the
tags the paragraphs carry, titled from [topics] or from the tag itself. Each page lists
its paragraphs by section, each linked at its plain address with its opening words; the
other documents' after the protocol's, each under its title, in the constitution's order.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup
from sphinx.util.docutils import SphinxDirective

from constitution.clause_fields import REVIEW_TAG
from constitution.council import Audience, Council
from constitution.documents import PROTOCOL, Entry
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
    plain_text,
    title_html,
)
from constitution.text_plain import plain
from constitution.versions import in_force_on, today

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

INDEX, TITLE = WAYS_IN_INDEX, WAYS_IN_TITLE  # linked from every page's menu
FOLDER = posixpath.dirname(INDEX)
OPENING_WORDS = 24  # of each paragraph listed: enough to recognise it
Listed = dict[str, Any]  # what the template way-in.html draws: a document, a section


@dataclass(frozen=True)
class Way:
    page: str
    title: str
    about: str
    takes: Callable[[Clause], bool]


def audiences(council: Council, documents: list[Document]) -> list[Way]:
    """Ways in by who the reader is: each that takes a paragraph (a new council's
    audiences, before its paragraphs name roles, lead to nothing and are not offered)."""
    found = council.audiences or tuple(
        Audience(role, label, "", (role,), ()) for role, label in council.roles.items()
    )
    ways = [
        Way(
            f"{FOLDER}/{a.key}",
            a.title,
            a.about,
            partial(_takes, frozenset(a.roles), frozenset(a.tags)),
        )
        for a in found
    ]
    clauses = [c for d in documents for c in d.clauses()]
    return [w for w in ways if any(map(w.takes, clauses))]


def _takes(roles: frozenset[str], tags: frozenset[str], clause: Clause) -> bool:
    return bool(roles.intersection(clause.applies_to) or tags.intersection(clause.tags))


def topic_title(council: Council, tag: str) -> str:
    return council.topics.get(tag) or tag.replace("-", " ").capitalize()


def topics(council: Council, documents: list[Document]) -> list[Way]:
    """Ways in by topic: every tag a paragraph carries (but the editors' mark of an
    import's guess), in order of title."""
    tags = {t for d in documents for c in d.clauses() for t in c.tags} - {REVIEW_TAG}
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


def documents(site: Site) -> list[Document]:
    """What the ways in list: the text at the plain addresses, then the other documents',
    each as its plain addresses show it (its version in force, or its draft while none is)."""
    return [site.document(PLAIN), *(plain_text(e) for e in others(site))]


def others(site: Site) -> list[Entry]:
    return [e for e in site.store.constitution if e.key != PROTOCOL]


def way_page(site: Site, way: Way) -> str:
    document = site.document(PLAIN)
    protocol = {
        "title": site.store.council.document,
        "sections": found_in(
            document,
            way,
            lambda c: f"Paragraph {c.number}",
            lambda c: site.clause_href(PLAIN, c, way.page),
        ),
    }
    elsewhere = [other_listing(site, way, e) for e in others(site)]
    count = sum(way.takes(c) for d in documents(site) for c in d.clauses())
    shown = "the protocol in force" if site.in_force else "the draft (no version is adopted)"
    return render(
        "way-in.html",
        title=way.title,
        about=way.about,
        count=paragraphs(count),
        shown=shown + (others_shown(site) if elsewhere else ""),
        documents=[d for d in [protocol, *elsewhere] if d["sections"]],
        several=bool(elsewhere),
    )


def others_shown(site: Site) -> str:
    """Which text of the other documents a way in lists, in words."""
    drafted = [e for e in others(site) if not in_force_on(list(e.versions), today())]
    if not drafted:
        return " and of the other documents in force"
    if len(drafted) == len(others(site)):
        return " and of the other documents as drafted"
    return " and of the other documents in force (as drafted, where none is adopted)"


def other_listing(site: Site, way: Way, entry: Entry) -> Listed:
    """Another document's paragraphs the way in takes, each as that document cites it, at
    its plain addresses (as the protocol's are at theirs)."""
    document = plain_text(entry)

    def href(clause: Clause) -> str:
        page = f"{entry.pages}/{document.section_of(clause).slug}"
        return f"{site.uri(way.page, page)}#{clause.id}"

    return {
        "title": entry.title,
        "sections": found_in(document, way, lambda c: entry.cited(c.number), href),
    }


def found_in(
    document: Document, way: Way, label: Callable[[Clause], str], href: Callable[[Clause], str]
) -> list[Listed]:
    """The sections of ``document`` with paragraphs the way in takes, and those paragraphs."""
    sections = []
    for section in document.sections:
        if found := [c for c in section.clauses if way.takes(c)]:
            paragraphs_found = [
                {"href": href(c), "label": label(c), "opening": opening(c, document)} for c in found
            ]
            sections.append(
                {
                    "number": section.number,
                    "title": Markup(title_html(section.title)),
                    "paragraphs": paragraphs_found,
                }
            )
    return sections


def paragraphs(n: int) -> str:
    return f"{n} paragraph{'' if n == 1 else 's'}"


def listed(site: Site, ways: list[Way], here: str) -> list[dict[str, str]]:
    """Each way in as the lists of them show it: linked, with how many paragraphs."""
    clauses = [c for d in documents(site) for c in d.clauses()]
    return [
        {
            "href": site.uri(here, w.page),
            "title": w.title,
            "count": paragraphs(sum(map(w.takes, clauses))),
        }
        for w in ways
    ]


def index_page(site: Site) -> str:
    council, read = site.store.council, documents(site)
    return render(
        "ways-in.html",
        title=TITLE,
        ways=listed(site, audiences(council, read), INDEX),
        topics=listed(site, topics(council, read), INDEX),
        whole=len(site.store.constitution.entries) > 1,
    )


def draft_shows(site: Site, way: Way) -> str:
    """What a way in shows, without drawing it: its paragraphs in every document listed,
    their sections, and the numbers of those they cite (their opening words give them; a
    term reads as its words alone)."""
    shown: list[object] = [way.about]
    for document in documents(site):
        found = [c for c in document.clauses() if way.takes(c)]
        sections = {c.section for c in found}
        titles = [[s.slug, s.number, s.title] for s in document.sections if s.slug in sections]
        shown += [
            titles,
            "".join(map(clause_key, found)),
            references_key([c.tree for c in found if c.cites], document),
        ]
    return key_of(shown)


def pages(site: Site) -> Iterator[Page]:
    # What they show is the plain addresses' text and the settings, both in the site key,
    # when a version is in force and the protocol stands alone; otherwise (the draft, or
    # other documents' paragraphs listed too) keyed by what each shows.
    council, read = site.store.council, documents(site)
    ways = audiences(council, read), topics(council, read)
    adopted = site.in_force and len(read) == 1
    index = ADOPTED if adopted else key_of([listed(site, w, INDEX) for w in ways])
    yield INDEX, TITLE, index, partial(index_page, site)
    for way in ways[0] + ways[1]:
        shows = ADOPTED if adopted else draft_shows(site, way)
        yield way.page, way.title, shows, partial(way_page, site, way)


class ways_in_node(nodes.General, nodes.Element):
    """Where the home page lists the ways in."""


class WaysInDirective(SphinxDirective):
    """```{ways-in}```: links to the paragraphs by who the reader is, and to the topics."""

    def run(self) -> list[nodes.Node]:
        # Drawn from the settings, the versions and (without [audiences]) the documents.
        build = state(self.env)
        project = build.project
        folders = [project.root / e.folder for e in build.constitution]
        for path in [project.conf / "council.toml", *(f for d in folders for f in files_in(d))]:
            self.env.note_dependency(str(path))
        for path in files_in(project.versions_dir):
            self.env.note_dependency(str(path))
        return [ways_in_node()]


def visit_ways_in(self: HTML5Translator, node: ways_in_node) -> None:
    site = Site(self.builder.app, state(self.builder.env))
    here = self.builder.current_docname
    ways = audiences(site.store.council, documents(site))
    self.body.append(
        render("ways-in-home.html", ways=listed(site, ways, here), index=site.uri(here, INDEX))
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(ways_in_node, html=(visit_ways_in, None))
    app.add_directive("ways-in", WaysInDirective)
