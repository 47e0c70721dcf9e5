"""The one model every output reads: a Document of Sections of Clauses."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from constitution.text_tree import Tree, parse

MODALITIES = ("must", "must-not", "should", "may", "informative")
# A clause is one paragraph: the longest in the three real protocols the importer is tested
# with has 2,829 characters, the model's 368. 20,000 (about 3,000 words, six printed pages)
# is far beyond any, and bounds the work each clause costs: a PDF lays a paragraph out in
# time that grows faster than its length (one clause of 1.28 MB held the build 231 s).
# The gate refuses a longer clause; the importer writes none.
MAX_CLAUSE = 20_000
# Where the site publishes the draft (docs/draft links to protocol/): the plain addresses,
# protocol/, show the version in force.
DRAFT_PAGES = "draft"


@dataclass(frozen=True)
class Clause:
    """A numbered paragraph of the protocol.

    ``id`` is permanent; ``number`` is given by the council's numbering scheme
    (numbering.py): by position, or kept as adopted with insertions lettered.
    """

    id: str
    number: str
    text: str
    modality: str
    section: str
    path: str
    line: int
    applies_to: tuple[str, ...] = ()
    statutes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    defines: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()
    source_number: str = ""  # its number in an imported source document, if any

    @cached_property
    def tree(self) -> Tree:
        """The text parsed once: what every output renders (see text_tree.py)."""
        return parse(self.text)

    @property
    def normative(self) -> bool:
        return self.modality != "informative"

    @property
    def digest(self) -> str:
        """A hash of what the clause says (not where it sits), for review stamps."""
        fields = (self.id, self.text, self.modality, *self.applies_to, "|", *self.statutes)
        return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()[:16]


def _said(resolution: str, revoked_here: bool) -> str:
    """What a revoked place says: "Revoked by Minute 7" where it was revoked here; else
    what the document imported printed there ("Deleted", "Revoked by Council, 12 May
    2021", "Not used")."""
    return f"Revoked by {resolution}" if revoked_here else resolution


@dataclass(frozen=True)
class Revoked:
    """A revoked paragraph's number, kept in its place (the insert numbering scheme)."""

    number: str
    id: str  # "" for a number printed as revoked in the document imported: never a clause here
    resolution: str  # the resolution that revoked it; with no ID, the words printed in its place

    @property
    def said(self) -> str:
        return _said(self.resolution, bool(self.id))


@dataclass(frozen=True)
class RevokedSection:
    """A whole section revoked, its number kept (the insert numbering scheme): no later
    section is given it. Its paragraphs' numbers are kept with it."""

    number: str
    # "" for a section number printed as revoked in the document imported (the protocol
    # index's front matter): it never had a page or a title here
    slug: str
    title: str
    resolution: str  # the resolution that revoked it; with no slug, the words printed
    revoked: tuple[Revoked, ...] = ()

    @property
    def said(self) -> str:
        return _said(self.resolution, bool(self.slug))


# The Word file's paragraph style for words between paragraphs (not a sub-heading's), by
# which the importer tells them from a paragraph's own second paragraph; Word gives a
# paragraph typed after one the same style.
BETWEEN_STYLE = "Words Between Paragraphs"


@dataclass(frozen=True)
class Between:
    """Unnumbered words between a section's paragraphs, where they stand: a sub-heading
    (``level`` 2 for '##', 3 for '###'...) or a paragraph or list of words (``level`` 0),
    such as closing words after the last paragraph. Not a clause: no number, no ID, never
    cited, states no rule. Tied to the paragraph it stands before (``before``, its ID; ""
    after the last), so it keeps its place when a paragraph is inserted or moved before
    it, and stays after a revoked paragraph's number kept in its place."""

    before: str
    text: str  # MyST, as written (a sub-heading's words as a line of text)
    level: int = 0

    @cached_property
    def tree(self) -> Tree:
        return parse(self.text)


@dataclass(frozen=True)
class Section:
    slug: str
    number: str  # "3", or "3A" for a section inserted after 3
    title: str
    path: str
    clauses: tuple[Clause, ...]
    # Unnumbered words between the title and the first clause (MyST, as written): the
    # section's introduction. Not a clause: it has no number, cannot be cited and states
    # no rule.
    intro: str = ""
    # Kept under insert numbering: in an adopted version, and numbers a document imported
    # printed as revoked (the section's front matter, read by source.py).
    revoked: tuple[Revoked, ...] = ()
    # The number printed on the section (its front matter's section-number), for a section
    # whose paragraphs print none that would say it: numbering keeps it, invents none.
    printed: str = ""
    # Sub-headings and unnumbered paragraphs between its paragraphs, in order.
    between: tuple[Between, ...] = ()

    @cached_property
    def intro_tree(self) -> Tree:
        return parse(self.intro)

    @property
    def docname(self) -> str:
        return f"{DRAFT_PAGES}/{self.slug}"


@dataclass(frozen=True)
class Across:
    """A {para} reference to a clause of another document of the constitution, or a
    {defined} term no clause of its own document defines, where it is written: the
    constitution (documents.py) checks it once every document is read."""

    path: str
    line: int
    clause: str  # the citing clause's ID ("" in an introduction)
    target: str  # the clause's ID, or the term


@dataclass(frozen=True)
class Document:
    title: str
    sections: tuple[Section, ...]
    intro: str = ""  # the protocol's own unnumbered introduction, before its sections
    # Kept under insert numbering: revoked by an adoption, or printed as revoked in the
    # document imported (the index's front matter, read by source.py)
    revoked_sections: tuple[RevokedSection, ...] = ()
    # The draft's references to other documents' clauses (none in a one-document project),
    # and, once the constitution has read every document (documents.py), how its words cite
    # each: ID -> (its number, "Article 2.1"), for the outputs in plain words.
    across: tuple[Across, ...] = field(default=(), repr=False, compare=False)
    # The draft's {defined} terms that another document of the constitution defines.
    borrowed: tuple[Across, ...] = field(default=(), repr=False, compare=False)
    # How its paragraphs cite one another: "paragraph 3.1", or "Article 3.1" in a document
    # the constitution's settings cite so (documents.py).
    cites: str = field(default="paragraph {number}", repr=False, compare=False)
    elsewhere: Mapping[str, tuple[str, str]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _by_id: dict[str, Clause] = field(init=False, repr=False, compare=False)
    _by_term: dict[str, Clause] = field(init=False, repr=False, compare=False)
    _by_slug: dict[str, Section] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id = {c.id: c for c in self.clauses()}
        by_term = {term.casefold(): c for c in by_id.values() for term in c.defines}
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_term", by_term)
        # Each reference's page is its clause's section: found in one step, not a walk.
        object.__setattr__(self, "_by_slug", {s.slug: s for s in self.sections})

    @cached_property
    def intro_tree(self) -> Tree:
        return parse(self.intro)

    def clauses(self) -> Iterator[Clause]:
        for section in self.sections:
            yield from section.clauses

    def clause(self, clause_id: str) -> Clause | None:
        return self._by_id.get(clause_id)

    def definition(self, term: str) -> Clause | None:
        """The clause that defines ``term`` (case-insensitive), if any."""
        return self._by_term.get(term.casefold())

    def section_of(self, clause: Clause) -> Section:
        return self._by_slug[clause.section]
