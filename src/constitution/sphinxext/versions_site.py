"""Adopted versions on the site, rendered straight from their frozen records.

Adopted text never changes, so it does not go through Sphinx's read-and-resolve
pipeline: each version's pages, every redline, each clause's history and the Atom feed
are generated from the records and the draft's model. Clause text is rendered with
markdown-it (raw HTML off) after its roles are resolved against that version's own
numbering, so "paragraph 7.12" in the 2025 version means the 2025 paragraph 7.12.
"""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath
from collections.abc import Callable, Iterator, Sequence
from functools import cache, cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from markdown_it import MarkdownIt
from markupsafe import Markup
from sphinx.util.docutils import SphinxDirective

from constitution.documents import PROTOCOL, Constitution, Entry
from constitution.model import DRAFT_PAGES, Between, Clause, Document, Section
from constitution.model_cache import digest
from constitution.numbering import in_place, number_key, revoked_places
from constitution.redline import (
    HEADINGS_HEAD,
    Change,
    compare,
    heading_changes,
    heading_rows,
    moved_words,
    readable_diff,
    substantive,
    word_diff,
    words_changes,
)
from constitution.sphinxext import print_file, shells
from constitution.sphinxext.addresses import (
    DRAFT,
    PLAIN,
    PLAIN_PAGES,
    layout_of,
    section_page,
)
from constitution.sphinxext.citing import across_on
from constitution.sphinxext.clause_box import (
    Example,
    about_html,
    about_of,
    capitalised,
    citation,
    clause_open,
    revoked_place,
)
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_assets import page_script
from constitution.sphinxext.page_cache import Page
from constitution.sphinxext.page_keys import clause_key, document_key, key_of, references_key
from constitution.sphinxext.page_templates import Cell, Link, render
from constitution.sphinxext.state import BuildState
from constitution.text_html import Links, between_html, clause_text, html, intro_box
from constitution.text_plain import plain
from constitution.text_tree import parse
from constitution.typography import curled, long_date
from constitution.versions import Version, in_force_on, today

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


# Titles only: a clause's words are drawn from its tree (text_html.py).
MD = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
    ["replacements", "smartquotes"]
)


def version_of(pagename: str) -> str | None:
    """The adopted version whose own pages hold ``pagename`` (versions/KEY/...), if any."""
    parts = pagename.split("/")
    return (
        parts[1] if len(parts) == 3 and parts[0] == "versions" and parts[1][:1].isdigit() else None
    )


REVOKED = parse("(revoked)")  # a revoked paragraph's words in its history


def menu_key(pagename: str) -> str | None:
    """The version whose own menu a page has: an adopted version's, or the plain pages'."""
    parts = pagename.split("/")
    return PLAIN if len(parts) == 2 and parts[0] == PLAIN_PAGES else version_of(pagename)


def page_version(pagename: str, site: Site) -> str:
    """The version a page belongs to: what the search box's jump should open."""
    parts = pagename.split("/")
    if parts[0] == DRAFT_PAGES:
        return DRAFT
    if parts[0] == PLAIN_PAGES:
        return site.plain
    if len(parts) >= 3 and parts[0] == "versions" and parts[1][:1].isdigit():
        return parts[1]
    return site.in_force.key if site.in_force else DRAFT


ADOPTED = "adopted"  # what a page drawn only from adopted versions shows (see page_cache)
IN_FORCE = "versions/in-force"  # the one page with a script of its own
REVOKED_SECTION = "revoked-section-"  # a revoked section's place on its version's contents
VERSION_HEADERS = ["Adopted", "In force from", "Until", "Status", "Resolution"]
# The ways in (ways_in.py), which the menu of every page links to.
WAYS_IN_INDEX = "ways-in/index"
WAYS_IN_TITLE = "Find what applies to you"
READING, READING_TITLE = "how-to-read", "How to read the constitution"  # the docs' own page
# The constitution's contents page, when it has other documents (documents_site.py),
# and its amendments: every resolution, and the constitution in force on each date.
WHOLE, WHOLE_TITLE = "constitution", "The whole constitution"
AMENDMENTS = f"{WHOLE}/amendments"  # its own folder: its shell names no one document


# A paragraph's worked examples, by its ID, linked from a page (address -> relative one).
Listed = Callable[[str, Callable[[str], str]], list[Example]]


class Site:
    """The versions of one document of one build (the protocol's, unless another ``key``
    is given) and how to link between their pages."""

    def __init__(
        self, app: Sphinx, store: BuildState, key: str = PROTOCOL, examples: Listed | None = None
    ) -> None:
        self.app, self.store, self.key = app, store, key
        # Another document's draft lists under each paragraph the worked examples it decides,
        # as the protocol's draft does (its pages are Sphinx's: clauses.py).
        self.listed = examples
        self.layout = layout_of(key)
        if key == PROTOCOL:
            self.versions: list[Version] = store.versions
            self.draft = store.model
        else:
            self.entry = store.constitution.entry(key)
            self.versions, self.draft = list(self.entry.versions), self.entry.document
        # Another document with no version adopted is published as drafted, at KEY/ only.
        self.drafted = key != PROTOCOL and not self.versions
        self.keyed = {v.key: v for v in self.versions}
        self.uris: dict[tuple[str, str, bool], str] = {}
        self.in_force = in_force_on(self.versions, today())
        # What the plain addresses show.
        self.plain = self.in_force.key if self.in_force else DRAFT
        self.terms: dict[str, Iterator[int]] = {}  # page -> its defined terms so far

    def uri(self, here: str, there: str) -> str:
        # Tens of thousands a build, and the same for every page in a folder.
        key = (posixpath.dirname(here), there, here == there)
        if key not in self.uris:
            self.uris[key] = self.app.builder.get_relative_uri(here, there)
        return self.uris[key]

    def shown(self, key: str) -> str:
        """The version a key's pages show: the plain pages show another's text."""
        return self.plain if key == PLAIN else key

    def document(self, key: str) -> Document:
        key = self.shown(key)
        return self.draft if key == DRAFT else self.by_key(key).document

    def by_key(self, key: str) -> Version:
        return self.keyed[key]

    def version_words(self, key: str) -> str:
        key = self.shown(key)
        return (
            "draft, not adopted"
            if key == DRAFT
            else f"version adopted {long_date(self.by_key(key).date)}"
        )

    def status(self, key: str) -> str:
        """What a page's title says of its version: in force, adopted on a date, or draft."""
        key = self.shown(key)
        if key == DRAFT:
            return "draft, not adopted"
        v = self.by_key(key)
        return "in force" if v is self.in_force else f"adopted {long_date(v.date)}"

    def heading(self, key: str) -> str:
        """A version's name in its menu and on its contents page."""
        key = self.shown(key)
        if self.key != PROTOCOL and key == DRAFT:
            named = f"{self.entry.part}: {self.entry.title}"
            return named if self.drafted else f"{named}, the draft of proposed amendments"
        name = "protocol" if self.key == PROTOCOL else self.entry.title
        if key == DRAFT:
            return f"The {name} (a draft: none adopted yet)"
        if self.in_force and key == self.in_force.key:
            return f"The {name} in force"
        return f"Version adopted {long_date(self.by_key(key).date)}"

    def title(self, key: str, section: Section | None = None) -> str:
        """A page's title: a section's (its number and title), or the contents'."""
        status = self.status(key)
        if section is None:
            adopted = self.shown(key) != DRAFT and self.by_key(self.shown(key)) is self.in_force
            since = f" — adopted {long_date(self.by_key(self.shown(key)).date)}" if adopted else ""
            return self.entry.title if self.drafted else self.heading(key) + since
        named = f"{section.number}. {curled(section.title)}"
        # the document's own name follows in every <title> (documents_site.title_of)
        return named if self.drafted else f"{named} — {status}"

    def label(self, key: str) -> str:
        key = self.shown(key)
        return (
            "the current draft"
            if key == DRAFT
            else f"the version adopted on {long_date(self.by_key(key).date)}"
        )

    # ---------------------------------------------------------------- text

    def links(self, key: str, here: str) -> Links:
        """How a page of version ``key`` resolves references: in that version."""
        terms = self.terms.setdefault(here, itertools.count(1))
        return Links(
            self.document(key),
            self.store.council.statutes,
            partial(self.clause_href, key, here=here),
            terms,
            across_on(self.store.constitution, self.key, self.day(key), partial(self.uri, here)),
        )

    def day(self, key: str) -> dt.date | None:
        """The day version ``key`` came into force (None for the draft): references to
        other documents cite their versions in force that day (citing.py)."""
        shown = self.shown(key)
        return None if shown == DRAFT else self.by_key(shown).in_force

    def clause_href(self, key: str, clause: Clause, here: str) -> str:
        there = self.layout.page(key, clause.section)
        return f"#{clause.id}" if there == here else f"{self.uri(here, there)}#{clause.id}"

    def clause_box(self, key: str, clause: Clause, here: str) -> tuple[Markup, ...]:
        """A paragraph's box in its parts, which version-section.html puts together (a
        macro's call a paragraph would cost as much again as drawing them): the box
        opened, its words, the note of a change, its panel."""
        council = self.store.council
        about = about_of(
            clause,
            council,
            self.citation(key, clause),
            history="" if self.drafted else self.uri(here, self.layout.history(clause.id)),
            **self.change_words(key, clause.id),
            changed=self.words_changed_href(key, clause.id, here),
            examples=self.examples(key, clause, here),
            cites=self.draft.cites,
            # the imported document's number, only till Council adopts a version of it
            source_number="" if self.versions else clause.source_number,
        )
        return (
            Markup(clause_open(clause.id, clause.number, clause.modality, self.draft.cites)),
            Markup(clause_text(clause.tree, self.links(key, here))),
            Markup(self.change_note(key, clause.id, here)),
            Markup(about_html(about)),
        )

    def examples(self, key: str, clause: Clause, here: str) -> list[Example]:
        """The worked examples a paragraph decides, under its draft's words (the examples'
        answers are the drafts'), where the Site was given them."""
        if self.listed is None or self.shown(key) != DRAFT:
            return []
        return self.listed(clause.id, partial(self.uri, here))

    def citation(self, key: str, clause: Clause) -> str:
        """How to cite the paragraph, in the version read: the protocol's as the council
        cites it, another document's as the constitution does ("Article 2.1 (Part 2, ...)")."""
        if self.key == PROTOCOL:
            return citation(self.store.council.citation, clause.number, self.version_words(key))
        entry = self.entry
        words = "as drafted" if self.drafted else self.version_words(key)
        return f"{entry.cited(clause.number)} ({entry.part}, {entry.title}, {words})"

    # ---------------------------------------------------------------- changes

    @cached_property
    def changes(self) -> dict[str, dict[str, LastChange]]:
        """For each adopted version, each paragraph's last change up to it (from the
        records alone): the version that last gave it its words, and the one that last
        gave it its number, if a later one."""
        out: dict[str, dict[str, LastChange]] = {}
        last: dict[str, LastChange] = {}
        before: Document | None = None
        for v in self.versions:
            now = {}
            for c in v.document.clauses():
                was = before.clause(c.id) if before else None
                if was is None:
                    now[c.id] = LastChange(v.key, "inserted" if before else "original")
                elif was.text != c.text:
                    now[c.id] = LastChange(v.key, "reworded")
                elif was.number != c.number:
                    now[c.id] = last[c.id]._replace(renumbered=v.key, was=was.number)
                else:
                    now[c.id] = last[c.id]
                if was is not None and before is not None and was.section != c.section:
                    # moved to another section: its number then is in the move's words,
                    # and only a later renumbering is said apart
                    move = moved_words(before.section_of(was), v.document.section_of(c))
                    now[c.id] = now[c.id]._replace(
                        moved=v.key,
                        move=f"{move[:1].upper()}{move[1:]}, where it was {was.number}",
                        renumbered=None,
                        was="",
                    )
            out[v.key], last, before = now, now, v.document
        return out

    def change_words(self, key: str, clause_id: str) -> dict[str, str]:
        """When a paragraph of an adopted version last changed, and by which resolution,
        in plain words: when its words did (changes), then any move, renumbering or later
        version's change (changes_after), so that the link to the words' change follows
        their sentence; none for the draft's."""
        found = self.changes.get(self.shown(key), {}).get(clause_id)
        if found is None:
            return {}

        def on(k: str) -> str:
            v = self.by_key(k)
            return f"on {long_date(v.date)} ({v.resolution})"

        words = {
            "original": "Unchanged since first adopted",
            "inserted": "Added",
            "reworded": "Words last changed",
        }[found.kind]
        text = ""
        if found.moved:
            text += f" {found.move}, {on(found.moved)}."
        if found.renumbered:
            text += f" Renumbered from {found.was} {on(found.renumbered)}."
        later = self.changed_later(self.shown(key), clause_id)
        if later:
            kind, k = later
            text += f" {kind} by a later version, adopted {on(k)}."
        return {"changes": f"{words} {on(found.words)}.", "changes_after": text}

    def changed_later(self, key: str, clause_id: str) -> tuple[str, str] | None:
        """The first version after ``key`` that reworded, moved or revoked the paragraph
        (how, and its key), for the reader of a superseded version asking whether the
        rule has changed since; None if none has."""
        for v in self.versions[self.versions.index(self.by_key(key)) + 1 :]:
            found = self.changes[v.key].get(clause_id)
            if found is None:
                return "Revoked", v.key
            if found.words == v.key:
                return "Reworded", v.key
            if found.moved == v.key:
                return "Moved to another section", v.key
        return None

    def words_changed_href(self, key: str, clause_id: str, here: str) -> str:
        """The comparison that last gave a paragraph of an adopted version its words, at
        the paragraph, from page ``here``: for the reader told "that changed last year";
        empty for the draft's and for words unchanged since first adopted."""
        found = self.changes.get(self.shown(key), {}).get(clause_id)
        if found is None or found.kind == "original":
            return ""
        before = self.versions[self.versions.index(self.by_key(found.words)) - 1].key
        return f"{self.uri(here, self.layout.redline(before, found.words))}#{clause_id}"

    def change_note(self, key: str, clause_id: str, here: str) -> str:
        """A visible note on a paragraph whose words the version being read changed, as
        printed legislation notes an amendment; when any paragraph last changed, and a
        renumbering (as the comparison folds it), is under "About"."""
        key = self.shown(key)
        found = self.changes.get(key, {}).get(clause_id)
        if found is None or found.words != key or found.kind == "original":
            return ""
        text = "New in this version" if found.kind == "inserted" else "Reworded in this version"
        return render(
            "clause-change.html", href=self.words_changed_href(key, clause_id, here), text=text
        )

    # ---------------------------------------------------------------- pages

    def pages(self) -> Iterator[Page]:
        """Every generated page; one drawn only from adopted versions shows "adopted".
        Another document's draft has pages of its own (the protocol's are its sources);
        one with no version adopted has only its plain pages, as drafted."""
        if self.drafted:
            yield from self.version_pages(PLAIN, None)
            return
        layout = self.layout
        yield layout.index, "Versions and changes", None, self.index_page
        if self.key == PROTOCOL:
            yield IN_FORCE, "In force on a date", None, self.in_force_page
        yield from self.version_pages(PLAIN, self.adopted if self.in_force else None)
        if self.key != PROTOCOL:
            yield from self.version_pages(DRAFT, None)
        for v in self.versions:
            yield from self.version_pages(v.key, self.adopted)
        keys = [v.key for v in self.versions] + [DRAFT]
        draft = digest([], extra=document_key(self.draft))
        for old, new in itertools.combinations(keys, 2):
            page = layout.redline(old, new)
            shows = f"draft {draft}" if new == DRAFT else self.adopted
            draw = partial(self.redline_page, old, new, page)
            yield page, f"Changes from {self.label(old)} to {self.label(new)}", shows, draw
        for clause_id in sorted(self.all_ids()):
            page = layout.history(clause_id)
            shows = self.draft_shows(clause_id)
            draw = partial(self.history_page, clause_id, page)
            named = capitalised(self.draft.cites.format(number=self.latest_number(clause_id)))
            yield page, f"{named} in every version", shows, draw

    def version_pages(self, key: str, shows: str | None) -> Iterator[Page]:
        """A version's contents page and a page a section, with a version's own menu,
        pager and titles. The plain addresses' show the version in force (or, while none
        is, the draft, said so on every page); a draft's are drawn to be compared."""
        here = self.layout.page(key, "index")
        yield here, self.title(key), shows, partial(self.contents_page, key, here)
        for section in self.document(key).sections:
            page = self.layout.page(key, section.slug)
            draw = partial(self.section_body, key, section, page)
            yield page, self.title(key, section), shows, draw

    @cached_property
    def adopted(self) -> str:
        """What a page drawn from adopted versions shows besides them (the site key covers
        every version): another document's also cites the protocol's draft where no
        version of it was in force."""
        if self.key == PROTOCOL:
            return ADOPTED
        protocol = self.store.constitution.entry(PROTOCOL).document
        return f"{ADOPTED} {digest([], extra=document_key(protocol))}"

    def section_body(self, key: str, section: Section, here: str) -> str:
        shown = in_place(section)
        return render(
            "version-section.html",
            number=section.number,
            title=Markup(title_html(section.title)),
            intro=Markup(self.intro_html(key, section, here)),
            paragraphs=[
                {"box": self.clause_box(key, p, here), "revoked": None}
                if isinstance(p, Clause)
                else {"between": Markup(between_html(p, self.links(key, here)))}
                if isinstance(p, Between)
                else {"revoked": revoked_place(p, self.uri(here, self.layout.history(p.id)))}
                for p in shown
            ],
            pager=self.pager(key, section),
        )

    def pager(self, key: str, section: Section) -> list[Pager]:
        return pager(self.document(key).sections, section)

    def menu(self, pagename: str, key: str) -> str:
        """The menu of version ``key``'s pages: its sections, and no way into the draft
        but through the list of versions."""
        return render(
            "version-menu.html",
            before=[
                self.menu_link(pagename, "index", "Home"),
                *self.whole(pagename),
                self.menu_link(pagename, WAYS_IN_INDEX, WAYS_IN_TITLE),
            ],
            version=self.heading(key),
            here=shells.here(pagename),
            sections=[
                {"slug": s.slug, "number": s.number, "title": Markup(title_html(s.title))}
                for s in self.document(key).sections
            ],
            after=[
                self.menu_link(pagename, self.layout.index, "Versions and changes"),
                self.reading(pagename),
            ],
        )

    def own_menu(self, pagename: str) -> str:
        """The menu of another document's pages that no version holds (its list of
        versions, its redlines, its paragraphs' histories): its own version in force,
        draft and versions, not the protocol's."""
        links = [
            self.menu_link(pagename, "index", "Home"),
            *self.whole(pagename),
            self.menu_link(pagename, WAYS_IN_INDEX, WAYS_IN_TITLE),
            self.menu_link(pagename, self.layout.page(PLAIN, "index"), self.heading(PLAIN)),
            self.menu_link(pagename, self.layout.page(DRAFT, "index"), self.heading(DRAFT)),
            self.menu_link(pagename, self.layout.index, "Versions and changes"),
            self.reading(pagename),
        ]
        return f"<ul>{render('version-menu.html', before=links, version=None)}</ul>"

    def reading(self, pagename: str) -> tuple[str, str]:
        """The link to how to read the site, named as that page names itself (in a
        constitution, not "this protocol" on an Article's menu)."""
        title = self.app.env.titles.get(READING)
        return self.menu_link(pagename, READING, title.astext() if title else READING_TITLE)

    def menu_link(self, pagename: str, there: str, text: str) -> tuple[str, str]:
        # The same link on the page itself as on its folder's shell (shells.py).
        href = (
            f"{posixpath.basename(there)}.html" if there == pagename else self.uri(pagename, there)
        )
        return href, text

    def menu_top(self, pagename: str) -> str:
        """What every other page's menu starts with: the version in force (at the plain
        addresses), the ways in, then every version, before the draft."""
        items = [(section_page(PLAIN, "index"), self.heading(PLAIN))]
        items.append((WAYS_IN_INDEX, WAYS_IN_TITLE))
        # Beside every document's entries, the protocol's versions say whose they are.
        alone = len(self.store.constitution.entries) == 1
        versions = "Versions and changes" if alone else "The protocol's versions and changes"
        items.append(("versions/index", versions))
        links = [self.menu_link(pagename, there, text) for there, text in items]
        return render("version-menu.html", before=[*self.whole(pagename), *links], version=None)

    def whole(self, pagename: str) -> list[tuple[str, str]]:
        """The constitution's contents (documents_site.py), when it has other documents,
        and each other document's contents: any document a click from any page."""
        if len(self.store.constitution.entries) == 1:
            return []
        others = [
            self.menu_link(pagename, layout_of(e.key).page(PLAIN, "index"), e.title)
            for e in self.store.constitution
            if e.key not in (PROTOCOL, self.key)
        ]
        return [self.menu_link(pagename, WHOLE, WHOLE_TITLE), *others]

    def intro_html(self, key: str, section: Section | Document, here: str) -> str:
        """Unnumbered words before the first clause, shown as written, with no number."""
        if not section.intro:
            return ""
        return intro_box(html(section.intro_tree, self.links(key, here)))

    def draft_shows(self, clause_id: str) -> str:
        """What a clause's history shows of the draft, without drawing it: the clause,
        and where each paragraph or definition it refers to is now."""
        draft = self.draft
        clause = draft.clause(clause_id)
        if clause is None:
            return "not in the draft"
        return clause_key(clause) + references_key([clause.tree], draft)

    def draft_section_shows(self, section: Section) -> str:
        """What a draft's section page at the plain addresses shows, without drawing it:
        the section, its clauses, where what they refer to is, and its pager."""
        draft = self.store.model
        about = [section.slug, section.number, section.title, section.intro, section.revoked]
        about += [section.between] if section.between else []
        trees = [section.intro_tree, *(c.tree for c in section.clauses)]
        trees += [b.tree for b in section.between]
        return (
            key_of([about, self.pager(PLAIN, section)])
            + "".join(map(clause_key, section.clauses))
            + references_key(trees, draft)
        )

    def latest_number(self, clause_id: str) -> str:
        """A paragraph's number as a reader knows it: in the version in force, else in the
        draft, else in the last version that had it."""
        return self.latest_numbers[clause_id]

    @cached_property
    def latest_numbers(self) -> dict[str, str]:
        # Every paragraph's at once: looked up in turn, version by version, it cost a
        # tenth of the editor's loop at 2,000 paragraphs.
        keys = [self.in_force.key] if self.in_force else []
        keys += [DRAFT, *(v.key for v in reversed(self.versions))]
        numbers: dict[str, str] = {}
        for key in keys:
            for clause in self.document(key).clauses():
                numbers.setdefault(clause.id, clause.number)
        return numbers

    def all_ids(self) -> set[str]:
        ids = {c.id for c in self.draft.clauses()}
        for v in self.versions:
            ids |= {c.id for c in v.document.clauses()}
        return ids

    def version_rows(self, here: str) -> list[list[Cell]]:
        """Every version, newest first, as rows of VERSION_HEADERS."""
        rows: list[list[Cell]] = []
        for i, v in enumerate(self.versions):
            until = self.versions[i + 1].in_force if i + 1 < len(self.versions) else None
            state = (
                "In force"
                if v is self.in_force
                else "Superseded"
                if until and until <= today()
                else "Adopted, not yet in force"
            )
            href = self.uri(here, self.layout.page(v.key, "index"))
            rows.append(
                [
                    Link(href, long_date(v.date)),
                    long_date(v.in_force),
                    long_date(until) if until else "-",
                    state,
                    v.resolution,
                ]
            )
        draft = Link(self.uri(here, self.layout.page(DRAFT, "index")), "Draft")
        rows.append([draft, "-", "-", "Not adopted", "Proposed amendments"])
        return list(reversed(rows))

    def index_page(self) -> str:
        here = self.layout.index
        keys = [v.key for v in self.versions] + [DRAFT]
        protocol = self.key == PROTOCOL
        return render(
            "versions-index.html",
            document=None if protocol else self.entry,
            headers=VERSION_HEADERS,
            rows=self.version_rows(here),
            # another document's: the constitution's amendments, and what was in force when
            in_force=self.uri(here, IN_FORCE if protocol else AMENDMENTS),
            pairs=[
                (self.uri(here, self.layout.redline(a, b)), self.label(a), self.label(b))
                for a, b in itertools.combinations(keys, 2)
            ],
        )

    def in_force_page(self) -> str:
        """The protocol's versions, each from its first day in force; the form opens the
        one in force on a date, or a paragraph of it (or of another document's version
        then in force: constitution-in-force.js)."""
        here = IN_FORCE
        # Each version's first day in force, its key in clause-index.json (where the
        # script looks up a paragraph number) and its contents page.
        data = ";".join(
            f"{v.in_force.isoformat()}={v.key}={self.uri(here, f'versions/{v.key}/index')}"
            for v in self.versions
        )
        return render(
            "in-force.html",
            versions=data,
            cited=cited_example(self.store.constitution),
            root=posixpath.relpath(".", posixpath.dirname(here)) + "/",
            headers=VERSION_HEADERS,
            rows=self.version_rows(here),
        )

    def contents_page(self, key: str, here: str) -> str:
        document = self.document(key)
        sections: list[dict[str, Any]] = [
            {
                "number": s.number,
                "title": Markup(title_html(s.title)),
                "href": self.uri(here, self.layout.page(key, s.slug)),
                "revoked_by": None,
            }
            for s in document.sections
        ]
        sections += [
            {"number": s.number, "title": Markup(title_html(s.title)), "revoked_by": s.resolution}
            for s in document.revoked_sections
        ]
        sections.sort(key=lambda s: number_key(s["number"]))
        shown = self.shown(key)
        adopted = None if shown == DRAFT else self.by_key(shown)
        # another document's draft, where a version of it is adopted: amendments since
        since = long_date(self.versions[-1].date) if self.key != PROTOCOL and self.versions else ""
        return render(
            "version-contents.html",
            heading=self.heading(key),
            title=document.title,
            since=since,
            adopted=adopted
            and {
                "date": long_date(adopted.date),
                "resolution": adopted.resolution,
                "in_force": long_date(adopted.in_force),
            },
            download=Markup(self.download(key, here)),
            intro=Markup(self.intro_html(key, document, here)),
            revoked_id=REVOKED_SECTION,
            sections=sections,
            # For a text adopted renumbered: each paragraph's number before and now, so
            # that a citation of the old number can be followed.
            renumbered=[
                [old, new]
                for old, new in (adopted.renumbered if adopted else {}).items()
                if old != new
            ],
        )

    def download(self, key: str, here: str) -> str:
        """The version's PDF, linked with its size, where the build writes it: each
        version's and draft's of every document."""
        shown = self.shown(key)
        folder = shown if self.key == PROTOCOL else f"{self.key}/{shown}"
        pdf = posixpath.relpath(f"data/{folder}/{print_file.name(folder)}", posixpath.dirname(here))
        words = f"{self.document(key).title}, {self.version_words(key)}"
        return render("download.html", link=print_file.link(self.app, folder, pdf, words))

    def redline_page(self, old: str, new: str, here: str) -> str:
        """What changed, by section in reading order: the words first, then (folded) the
        paragraphs only renumbered."""
        changes = compare(self.document(old), self.document(new))
        worded, renumbered_only = substantive(changes)
        counts = ", ".join(
            f"{n} {kind}"
            for kind in ("inserted", "reworded", "revoked")
            if (n := sum(c.kind == kind for c in worded))
        )
        document = self.document(new)
        words = [
            {"number": w.number, "lines": diff_lines(word_diff(w.old, w.new))}
            for w in words_changes(self.document(old), document)
        ]
        headings = heading_rows(heading_changes(self.document(old), document))
        return render(
            "redline.html",
            steps=self.redline_steps(old, new),
            named=capitalised(self.draft.cites),  # "Article {number}"
            old=self.label(old),
            new=self.label(new),
            made_by=self.made_by(old, new),
            changed=bool(changes or words or headings),
            words=words,
            headings=headings,
            heads=HEADINGS_HEAD,
            counts=counts,
            moved=len(renumbered_only),
            # moved to another section (listed with the changes, not folded away)
            moves=sum(c.moved is not None for c in worded),
            sections=[
                {
                    # by its file: a section revoked and the one now numbered as it was
                    # can both be listed
                    "slug": section.slug,
                    "number": section.number,
                    "title": Markup(title_html(section.title)),
                    "changes": [self.redline_clause(old, new, c, here) for c in group],
                }
                for section, group in self.by_section(old, new, worded)
            ],
            renumbered=[
                [
                    Markup(title_html(document.section_of(c.new).title)),
                    c.old_number,
                    Link(self.clause_href(new, c.new, here), c.new_number),
                ]
                for c in renumbered_only
                if c.new
            ],
        )

    def redline_steps(self, old: str, new: str) -> list[Pager]:
        """The comparisons either side, one adoption each: the changes that made ``old``
        and those made after ``new``, for a reader to step through them in turn (at 200%
        zoom, not by way of the list of versions)."""
        keys = [v.key for v in self.versions] + [DRAFT]
        i, j = keys.index(old), keys.index(new)

        def step(rel: str, word: str, a: str, b: str) -> Pager:
            href = f"{posixpath.basename(self.layout.redline(a, b))}.html"
            return rel, word, href, "", f"Changes from {self.label(a)} to {self.label(b)}"

        before = [step("prev", "Previous", keys[i - 1], old)] if i else []
        return before + ([step("next", "Next", new, keys[j + 1])] if j + 1 < len(keys) else [])

    def made_by(self, old: str, new: str) -> list[str]:
        """The resolutions that made the changes from version ``old`` to ``new``, oldest
        first: those that adopted each version after the first, up to the second."""
        keys = [v.key for v in self.versions]
        start = keys.index(self.shown(old)) + 1
        end = len(keys) if new == DRAFT else keys.index(self.shown(new)) + 1
        made = [
            f"{v.resolution} (adopted {long_date(v.date)}, in force from {long_date(v.in_force)})"
            for v in self.versions[start:end]
        ]
        return [*made, "The draft's proposed amendments, not adopted"] if new == DRAFT else made

    def by_section(
        self, old: str, new: str, changes: list[Change]
    ) -> list[tuple[Section, list[Change]]]:
        """Changes under the section each is in (a revoked one, where it was), sections in
        the newer version's order, then any only the older one has."""
        groups: dict[str, tuple[Section, list[Change]]] = {}
        for c in changes:
            document, clause = (self.document(new), c.new) if c.new else (self.document(old), c.old)
            assert clause is not None
            section = document.section_of(clause)
            groups.setdefault(section.slug, (section, []))[1].append(c)
        order = [s.slug for s in self.document(new).sections]
        return sorted(
            groups.values(), key=lambda g: (g[0].slug not in order, _index(order, g[0].slug))
        )

    def redline_clause(self, old: str, new: str, c: Change, here: str) -> dict[str, Any]:
        diff: Sequence[tuple[str, str]]
        if c.old and c.new:
            diff = readable_diff(c, self.document(old), self.document(new))
        elif c.new:
            diff = [("+", plain(c.new.tree, self.document(new)))]
        else:
            assert c.old is not None
            diff = [("-", plain(c.old.tree, self.document(old)))]
        return {
            "id": c.id,
            "number": c.new_number or c.old_number,
            "was": c.old_number if c.old_number and c.new_number != c.old_number and c.new else "",
            "kind": c.described,
            "runs": [_diff_run(op, t) for op, t in diff if op != "-" or t.strip()],
            "history": self.uri(here, self.layout.history(c.id)),
        }

    def history_page(self, clause_id: str, here: str) -> str:
        rows: list[list[Cell]] = []
        previous, before = None, ""
        for key in [v.key for v in self.versions] + [DRAFT]:
            clause = self.document(key).clause(clause_id)
            if clause is None and previous is None:
                continue
            if clause is None:
                kind = "revoked"
            elif previous is None:
                kind = "original" if self.versions and key == self.versions[0].key else "inserted"
            else:
                kind = (
                    "reworded"
                    if clause.text != previous.text
                    else "renumbered"
                    if clause.number != previous.number
                    else "unchanged"
                )
                if clause.section != previous.section:  # a move is said, never a renumbering
                    was = self.document(before).section_of(previous)
                    move = moved_words(was, self.document(key).section_of(clause))
                    kind = f"reworded, {move}" if kind == "reworded" else move
            # the draft's row: no resolution has adopted it ("Adopted by: the draft" read so)
            where = "not yet adopted" if key == DRAFT else self.by_key(key).resolution
            text = html(clause.tree if clause else REVOKED, self.links(key, here))
            if clause:
                number: Cell = Link(self.clause_href(key, clause, here), clause.number)
            else:  # under insert numbering its place, and number, stay in the version revoking it
                kept = (r.number for r in revoked_places(self.document(key)) if r.id == clause_id)
                number = next(kept, "-")
            label = "Draft" if key == DRAFT else long_date(self.by_key(key).date)
            rows.append([label, number, kind, Markup(text), where])
            previous, before = clause, key
            if clause is None:
                break
        return render(
            "clause-history.html",
            named=capitalised(self.draft.cites.format(number=self.latest_number(clause_id))),
            id=clause_id,
            numbers_had=self.numbers_had(clause_id),
            rows=rows,
        )

    def numbers_had(self, clause_id: str) -> str:
        """Each number the paragraph has had, once, with the versions that gave it: a
        citation made with any of them leads here."""
        had: dict[str, list[str]] = {}
        for key in [v.key for v in self.versions] + [DRAFT]:
            if clause := self.document(key).clause(clause_id):
                label = "the draft" if key == DRAFT else long_date(self.by_key(key).date)
                had.setdefault(clause.number, []).append(label)
        return "; ".join(f"{n} ({', '.join(keys)})" for n, keys in had.items())

    # ---------------------------------------------------------------- banners and feed

    def banner(self, pagename: str) -> str:
        """The line above a page: which version it shows (banner.html). A section's page
        links to its section in the version in force, and gives its own permanent
        address: on a folder's shell (shells.py), each page of the folder picks its own."""
        folder, name = posixpath.split(pagename)
        held = None if self.drafted else self.holds(pagename)
        if name == shells.NAME and held is not None:
            own = {
                f"{s.slug}.html": self.banner(f"{folder}/{s.slug}")
                for s in self.document(held).sections
            }
            return shells.here(pagename).pick(own, self.banner(f"{folder}/index"))
        if self.drafted:
            return render("banner.html", kind="drafted", title=self.entry.title)
        force = self.in_force
        values: dict[str, Any] = {
            "force": force
            and {"date": long_date(force.date), "in_force": long_date(force.in_force)},
            "in_force_href": force and self.uri(pagename, self.layout.page(PLAIN, "index")),
            "same_section": False,
            "section_gone": False,
            "address": "",
            "document": None if self.key == PROTOCOL else self.entry.title,
            # adopted, but none of its versions in force yet: the draft is shown till then
            "waiting": not force
            and self.versions
            and {
                "date": long_date(self.versions[-1].date),
                "in_force": long_date(self.versions[-1].in_force),
            },
        }
        if held == PLAIN:
            values["kind"] = "plain"
            values["draft"] = self.uri(pagename, self.layout.page(DRAFT, "index"))
            values["permanent"] = force and self.uri(pagename, self.layout.page(force.key, "index"))
            values["address"] = force and self.address(self.layout.page(force.key, name))
        elif held == DRAFT:
            values["kind"] = "draft"
            values["since"] = long_date(self.versions[-1].date) if self.versions else ""
            values.update(self.same_in_force(pagename, DRAFT))
        elif held is not None:
            v = self.by_key(held)
            values["kind"] = "adopted"
            values["version"] = {
                "date": long_date(v.date),
                "resolution": v.resolution,
                "in_force": long_date(v.in_force),
                "is_in_force": v is force,
                "later": any(w.date > v.date for w in self.versions),
            }
            values.update(self.same_in_force(pagename, held))
            values["address"] = self.address(pagename)
        else:
            values["kind"] = "other"
        return render("banner.html", **values)

    def address(self, pagename: str) -> str:
        """A page's address in full, for paper, where a link's words alone lead nowhere;
        empty where the council gives no base_url."""
        base = self.store.council.base_url
        return base and base + self.app.builder.get_target_uri(pagename)

    def same_in_force(self, pagename: str, held: str) -> dict[str, Any]:
        """Where a page of version ``held`` is in the version in force: a section's page
        opens the same section there (by its file, else the section now holding its first
        paragraph, renamed or moved); one the version in force lacks says so and opens
        its contents, as does any other page."""
        force = self.in_force
        slug = posixpath.basename(pagename)
        section = next((s for s in self.document(held).sections if s.slug == slug), None)
        if force is None or section is None:
            return {}
        now = force.document
        there = next((s for s in now.sections if s.slug == slug), None)
        if there is None:
            first = next((c for c in map(now.clause, (c.id for c in section.clauses)) if c), None)
            there = now.section_of(first) if first else None
        if there is None:
            return {"section_gone": True}
        there_page = self.layout.page(PLAIN, there.slug)
        return {"in_force_href": self.uri(pagename, there_page), "same_section": True}

    def holds(self, pagename: str) -> str | None:
        """The version whose pages hold ``pagename`` (PLAIN, DRAFT or a date), if any; the
        protocol's draft is every page under draft/ (its sources)."""
        if self.key != PROTOCOL:
            return self.layout.holds(pagename)
        if pagename.startswith(f"{DRAFT_PAGES}/"):
            return DRAFT
        parts = pagename.split("/")
        mine = len(parts) >= 3 and parts[0] == "versions" and parts[1][:1].isdigit()
        return menu_key(pagename) if menu_key(pagename) == PLAIN else parts[1] if mine else None

    def atom(self, base: str) -> str:
        """The feed of adopted versions (versions.atom)."""
        return render(
            "versions.atom",
            base=base,
            council=self.store.council.name,
            document=self.store.council.document,
            updated=self.versions[-1].date.isoformat() if self.versions else "1970-01-01",
            versions=[
                {
                    "key": v.key,
                    "date": long_date(v.date),
                    "updated": v.date.isoformat(),
                    "resolution": v.resolution,
                    "in_force": long_date(v.in_force),
                }
                for v in reversed(self.versions)
            ],
        )


class LastChange(NamedTuple):
    words: str  # the version that last gave the paragraph its words
    kind: str  # original, inserted or reworded
    renumbered: str | None = None  # a later version that gave it its number
    was: str = ""  # its number before that
    moved: str | None = None  # the last version that moved it to another section
    move: str = ""  # that move in words: the sections from and to, and its number before


Pager = tuple[str, str, str, str, str]  # rel, word, href, number ("" for the contents), name


def pager(sections: Sequence[Section], section: Section) -> list[Pager]:
    """Previous (a section, or the contents) and next, if any."""
    i = sections.index(section)

    def link(rel: str, word: str, other: Section | None) -> Pager:
        if other is None:
            return rel, word, "index.html", "", "Contents"
        return rel, word, f"{other.slug}.html", other.number, Markup(title_html(other.title))

    before = link("prev", "Previous", sections[i - 1] if i else None)
    return [before, link("next", "Next", sections[i + 1])] if i + 1 < len(sections) else [before]


@cache  # a few hundred titles, drawn thousands of times a save (redlines, examples)
def title_html(text: str) -> str:
    """A title as the draft shows it: escaped, with typographic quotes."""
    return str(MD.renderInline(text))


def _index(order: list[str], item: str) -> int:
    return order.index(item) if item in order else 0


def diff_lines(runs: Sequence[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """A comparison of lines (a section's words between paragraphs, one a line) as the
    runs of each line, to be shown a line apiece."""
    lines: list[list[tuple[str, str]]] = [[]]
    for op, text in runs:
        for n, part in enumerate(text.split("\n")):
            if n:
                lines.append([])
            if part and (op != "-" or part.strip()):
                lines[-1].append(_diff_run(op, part))
    return lines


def _diff_run(op: str, text: str) -> tuple[str, str]:
    """A run of a comparison: its tag (del, ins, or none for words kept) and its words.
    A space alone inserted is shown as a space; one deleted, not at all (the caller)."""
    if op == "=" or not text.strip():
        return "", text
    return ("del" if op == "-" else "ins"), text


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    site = Site(app, state(app.env))
    context["constitution_banner"] = site.banner(pagename)
    if key := menu_key(pagename):
        context["constitution_menu"] = site.menu(pagename, key)
    else:
        context["constitution_menu_top"] = site.menu_top(pagename)
    if pagename.count("/") == 1 and pagename.startswith(f"{DRAFT_PAGES}/") and context.get("title"):
        context["title"] = f"{context['title']} — {site.status(DRAFT)}"
    if pagename == app.config.root_doc:
        there = section_page(PLAIN, "index")
        context["next"] = {"link": site.uri(pagename, there), "title": site.heading(PLAIN)}
    context["constitution_version"] = page_version(pagename, site)
    if pagename == IN_FORCE:
        page_script(app, "constitution-numbers.js")
        page_script(app, "constitution-in-force.js")


def write_feed(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None and app.builder.format == "html":
        site = Site(app, state(app.env))
        Path(app.outdir, "versions.atom").write_text(
            site.atom(site.store.council.base_url) + "\n", encoding="utf-8"
        )


class download_node(nodes.General, nodes.Element):
    """Where the draft's contents page (the protocol's own index.md) links its PDF."""


def place_download(app: Sphinx, doctree: nodes.document) -> None:
    """The draft's PDF under the title of its contents page, as a version's has it."""
    if app.env.docname != f"{DRAFT_PAGES}/index":
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section and section.children and isinstance(section[0], nodes.title):
        section.insert(1, download_node())


def draw_download(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The link drawn as the page is written, when the PDF's size is known."""
    for node in doctree.findall(download_node):
        node["html"] = Site(app, state(app.env)).download(DRAFT, docname)


def visit_download(self: HTML5Translator, node: download_node) -> None:
    if node["html"]:  # on a line of its own, as Sphinx draws a paragraph
        self.body.append(f"{node['html']}\n")
    raise nodes.SkipNode


class in_force_node(nodes.General, nodes.Element):
    """Where the home page lists the version in force."""


class InForceDirective(SphinxDirective):
    """```{in-force}```: the version in force, its adoption and its sections, linked."""

    def run(self) -> list[nodes.Node]:
        for record in sorted((Path(self.env.srcdir).parent / "versions").glob("*.json")):
            self.env.note_dependency(str(record))
        return [in_force_node()]


def visit_in_force(self: HTML5Translator, node: in_force_node) -> None:
    store = state(self.builder.env)
    force = in_force_on(store.versions, today())
    here = self.builder.current_docname

    def uri(slug: str) -> str:
        return self.builder.get_relative_uri(here, section_page(PLAIN, slug))

    if force is None:
        self.body.append(render("in-force-summary.html", sections=[], draft=uri("index")))
        raise nodes.SkipNode
    sections = [
        {"href": uri(s.slug), "number": s.number, "title": Markup(title_html(s.title))}
        for s in force.document.sections
    ]
    self.body.append(
        render(
            "in-force-summary.html",
            sections=sections,
            in_force=long_date(force.in_force),
            date=long_date(force.date),
            resolution=force.resolution,
        )
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(in_force_node, html=(visit_in_force, None))
    app.add_node(download_node, html=(visit_download, None))
    # After text_nodes' doctree-read, which puts the introduction straight after the title.
    app.connect("doctree-read", place_download, priority=600)
    app.connect("doctree-resolved", draw_download)
    app.add_directive("in-force", InForceDirective)
    app.connect("html-page-context", page_context, priority=100)  # before furo's menu
    app.connect("build-finished", write_feed)


def cited_example(constitution: Constitution) -> str | None:
    """A citation of another document's first paragraph ("Article 1.1"), as the pages
    that take one give an example; None in a constitution of one document."""
    other = next((e for e in constitution if e.key != PROTOCOL), None)
    if other is None:
        return None
    first = next(other.document.clauses(), None)
    return other.cited(first.number if first else "1")


def plain_text(entry: Entry) -> Document:
    """What another document's plain addresses (KEY/) show: its version in force, or its
    draft while none is."""
    force = in_force_on(list(entry.versions), today())
    return force.document if force else entry.document
