"""What the importer makes of a protocol: its words (Text), numbered paragraphs
(ImportedClause), sections, the faults found (Defect) and the document (Imported), with
where a sentence ends, which decides whether a broken line goes on a paragraph.

Apart so that every step of the import (structuring, fault-finding, writing MyST, the
report) reads one model and none of them imports another to reach it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from constitution.extract_lines import Extracted, Line
from constitution.modality import Guess
from constitution.model import Clause
from constitution.text_tree import ITEM_LABEL

SENTENCE = re.compile(r"[.!?]\s+[A-Z]")  # a sentence begins after one ends
TERMINAL = tuple(".:;?!)")
QUOTES = "\"'’”"
# a lead-in to words quoted from another document: "The Code of Conduct, at paragraph 3,
# says:", "section 4 provides:"; its items' duties are that document's
QUOTING = re.compile(r"\b(?:says?|provides?|states?|reads?)\s*:\s*$")


@dataclass
class Text:
    """Paragraphs ("- " for a list's item), each with the line where it begins."""

    paragraphs: list[str] = field(default_factory=list, kw_only=True)
    lines: list[Line] = field(default_factory=list, kw_only=True)
    # the paragraphs that are unnumbered headings ("Introduction" before section 1),
    # written in bold over the words under them
    titles: set[int] = field(default_factory=set, kw_only=True)

    def continues(self, text: str, wrapped: bool = False) -> bool:
        """Whether the text goes on the last paragraph's sentence, broken across lines;
        ``wrapped`` where no blank line stands between them, so that a capital after the
        break ("...must not criticise" / "Officers in public.") goes on it too."""
        last = self.paragraphs[-1].rstrip() if self.paragraphs else ""
        if len(self.paragraphs) - 1 in self.titles:  # a sub-heading: the words under it
            return False
        return bool(last) and not ends_sentence(last) and (text[:1].islower() or wrapped)

    def add(self, text: str, line: Line, wrapped: bool = False) -> None:
        if self.continues(text, wrapped):
            self.paragraphs[-1] = f"{self.paragraphs[-1]} {text}"
        else:
            self.paragraphs.append(text)
            self.lines.append(line)

    def extend(self, other: Text) -> None:
        self.titles |= {len(self.paragraphs) + n for n in other.titles}
        self.paragraphs += other.paragraphs
        self.lines += other.lines

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)

    def own_and_items(self) -> tuple[str, str]:
        """Its own words (its sentences, and items that are or hold sentences: "a.
        Officers must ...", "(a) such support must ... . Officers must not ..."), and the
        words of items that only finish its lead-in ("- advice that may be needed")."""
        own: list[str] = []
        items: list[str] = []
        quoted = False  # items of a code or statute the paragraph quotes ("... says:")
        for p in self.paragraphs:
            item = ITEM_LABEL.sub("", p[2:]) if p.startswith("- ") else ""
            quoted = bool(item) and (quoted or bool(QUOTING.search(own[-1] if own else "")))
            sentence = not item or item[:1].isupper() or SENTENCE.search(item)
            (own if sentence and not quoted else items).append(p.removeprefix("- "))
        return " ".join(own), " ".join(items)


@dataclass
class ImportedClause(Text):
    number: str  # as numbered in the source ("3.2", "(4)", "(a)"), "" if unnumbered
    key: str  # the number without a Part prefix, for references ("3.2")
    style: str  # dotted, paren, int, letter or none
    where: Line
    id: str = ""
    guess: Guess | None = None  # its modality as guessed from its words, once rendered
    revises: Clause | None = None  # with --revision: the current paragraph it revises
    change: str = ""  # with --revision: unchanged, reworded, moved and/or renumbered, or new
    headings: list[str] = field(default_factory=list)  # unnumbered sub-headings before it
    heading_lines: list[Line] = field(default_factory=list)  # where each stands
    # unnumbered words after it, before the next paragraph: sub-headings (its titles) and
    # paragraphs, written where they stand (a section's words between its paragraphs)
    after: Text = field(default_factory=Text)
    # what is said of its words after it, if they prove to be its own (Reader.rejoin)
    held: list[Defect] = field(default_factory=list)
    # footnotes its words cite, put after its words once they are all read (a page's foot
    # may fall inside a sentence that goes on over the page)
    notes: Text = field(default_factory=Text)


@dataclass
class ImportedSection:
    number: str
    title: str
    where: Line
    clauses: list[ImportedClause] = field(default_factory=list)
    slug: str = ""
    # unnumbered words before its first clause: its introduction, not a clause
    intro: Text = field(default_factory=Text)
    # the intro's paragraphs that are sub-headings: in a section with paragraphs, the words
    # from the first on stand before its first paragraph (words between), not in its intro
    heads: set[int] = field(default_factory=set)
    # lines printing its paragraphs' numbers as revoked ("3.3 [Deleted]"): each line, the
    # numbers it stands for and the words printed in their place, kept there as revoked
    revoked: list[tuple[Line, list[str], str]] = field(default_factory=list)
    # False where the importer titled it ("Section 5", over paragraphs no heading stood
    # over): words the document does not print
    titled: bool = True
    # the number printed on its heading where the site cannot number a section so
    # ("5.3.2", the Part's number before its own): the section is numbered its last part
    printed: str = ""


@dataclass(frozen=True)
class Defect:
    kind: str
    number: str
    where: Line | None
    message: str
    # what follows from this fault, said once here rather than as faults of their own
    consequences: list[str] = field(default_factory=list, compare=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "number": self.number,
            "line": self.where.line if self.where else None,
            "page": self.where.page if self.where else None,
            "message": self.message,
            "consequences": self.consequences,
        }


@dataclass
class Imported:
    title: str
    sections: list[ImportedSection]
    defects: list[Defect]
    extracted: Extracted
    intro: Text  # the document's unnumbered words before its first section
    left_out: list[tuple[Line, str]]  # (line, why) for each line not imported
    title_at: Line | None = None  # where the title was found
    # appendices, schedules, annexes after the protocol, with no number: left out of it,
    # each written as a page of its own on request (--appendices)
    appendices: list[ImportedSection] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)  # numbers printed as revoked, in place
    # whole sections printed as revoked ("6 [Revoked]"): the line, the section's number and
    # the words printed in its place, kept there (the index's front matter)
    revoked_sections: list[tuple[Line, str, str]] = field(default_factory=list)

    def clauses(self) -> list[ImportedClause]:
        return [c for s in self.sections for c in s.clauses]

    def in_order(self) -> list[Defect]:
        """The faults by where they are in the source (page, then line), whichever pass
        found them: at one line, a root cause (what follows from it said under it) first,
        the rest in the order found; one with no place first of all."""
        return sorted(self.defects, key=_source_order)


def _source_order(defect: Defect) -> tuple[int, int, bool]:
    where = defect.where
    return (where.page or 0, where.line, not defect.consequences) if where else (0, 0, False)


def ends_sentence(words: str) -> bool:
    """Whether words end a sentence (or a lead-in, or an item): at a stop, a colon, a
    semicolon or a closing bracket, a quotation mark after one included ("...'the
    opposition.'"). A quotation mark after a word ends nothing: it is as often a plural's
    apostrophe ("...a breach of the Members'" / "Code of Conduct.") or a quoted word the
    sentence goes on after ("...call officers 'staff'" / "or 'servants'.")."""
    return words.rstrip().rstrip(QUOTES).endswith(TERMINAL)
