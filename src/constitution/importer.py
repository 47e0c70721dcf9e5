"""Bring a council's own protocol in: find its sections and clauses, report its defects,
and write it as MyST with fresh permanent IDs.

Numbering styles seen in real protocols are recognised: "7.12", "7.12.", "5.5 – 7.12"
(a Part prefix), "(12)", and sections as "7. Title", "7 Title", "5.5 – 7 Title" or an
unnumbered heading. Lettered and roman items ("a.", "(a)", "i)") and bullets stay inside
their clause unless a section has no other clauses. The source's own numbers are kept
on each clause (``:source-number:``) so the first redline can show old against new.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from constitution import (
    capitals,
    import_cited,
    import_languages,
    import_parts,
    output_folder,
    revision,
)
from constitution.capitals import out_of_capitals
from constitution.clause_fields import REVIEW_TAG, clause_options
from constitution.extract import (
    CONTENTS,
    TAB_LEADER,
    UNFINISHED,
    Extracted,
    Line,
    extract,
    joined,
    title_case,
)
from constitution.import_history import (
    HISTORY_HEADING,
    history_note,
    printed_in_place,
    revoked_numbers,
)
from constitution.import_markup import CELL_BREAK, emphasis, inlines, tables
from constitution.modality import LEVELS, Guess, guess_lead_in, guess_modality
from constitution.model import MAX_CLAUSE, Between, Clause, Document
from constitution.numbering import section_heads, split
from constitution.problems import Problem, ProtocolError
from constitution.references import Forms, Targets, Unresolved, forms_elsewhere, link
from constitution.retired import NAME as RETIRED
from constitution.retired import appended, last_used
from constitution.source import revoked_line
from constitution.text_myst import escape
from constitution.text_myst import write as write_myst
from constitution.text_plain import plain
from constitution.text_tree import (
    ITEM_LABEL,
    Block,
    BulletList,
    Inline,
    Paragraph,
    Ref,
    Strong,
    Tree,
    parse,
    role_target,
)

PART = r"(?:(?P<part>\d+(?:\.\d+)*)\s*[–—-]\s*)"
# 7.12A: a number inserted after 7.12, as legislation (and insert numbering) gives it;
# 3A.1 a paragraph of section 3A, inserted after section 3 ("3A." its heading).
INSERTED_SECTION = r"\d{1,3}[A-Z]{1,4}(?=\.\d|[.)]\s)"
NUMBERED = re.compile(
    rf"^{PART}?(?P<num>(?:{INSERTED_SECTION}|\d{{1,3}})(?:\.\d{{1,3}}[A-Z]{{0,4}})*)"
    r"(?P<dot>[.)]?)\s+(?P<rest>\S.*)$"
)
# A paragraph numbered afresh after its part's letter: "B2" (PART B's second paragraph)
LETTERED = re.compile(r"^(?P<letter>[A-Z])(?P<num>\d{1,3})[.)]?\s+(?P<rest>\S.*)$")
# "(4)", or with its section's number as legislation prints a subsection: "3(4)"
PAREN = re.compile(r"^(?P<sec>\d{1,3})?\((?P<num>\d{1,3})\)\s+(?P<rest>\S.*)$")
LETTER = re.compile(r"^\(?(?P<num>[a-z]|[ivx]{1,5})[.)]\s+(?P<rest>\S.*)$")
# "4,3 Briefings": a comma typed for the dot (read so only where it is the number next)
COMMA_FOR_DOT = re.compile(r"^(?P<over>\d{1,3}(?:\.\d{1,3})*),(?P<num>\d{1,3})(?=\s+[A-Z(])")
# A paragraph's number alone on its line, its words on the next (as PDFs often give it).
# A bare "12" is left alone: it is as likely a page number.
LABEL_ONLY = re.compile(
    r"^(?:\d{1,3}[A-Z]{0,4}(?:\.\d{1,3}[A-Z]{0,4})+\.?|\d{1,3}[.)]|\d{0,3}\(\d{1,3}\)|\([a-z]\))$"
)
SENTENCE = re.compile(r"[.!?]\s+[A-Z]")  # a sentence begins after one ends
BULLET = re.compile(r"^[-•◦▪‣*]\s+")
# Word's plain-text export writes a tab between a paragraph's number (or bullet) and its
# words: a space, not the cells of a table's row.
LABEL_TAB = re.compile(
    rf"^({PART}?\d{{1,3}}(?:[A-Z]{{0,4}}\.\d{{1,3}}[A-Z]{{0,4}})*[.)]?|\d{{0,3}}\(\d{{1,3}}\)|[A-Z]\d{{1,3}}[.)]?"
    r"|\(?(?:[a-z]|[ivx]{1,5})[.)]|[-•◦▪‣*])\t+"
)
# A contents table's entry: its title, then dot leaders to its page ("Purpose ..... 2").
CONTENTS_ENTRY = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|…+\s*\d{1,4}\s*$")
TAGS = re.compile(r"</?(?:b|i|u|em|strong|span|sup|sub|br)\s*/?>", re.I)
# A paragraph's number in bold or italics, its words after it
BOLD_LABEL = re.compile(r"^\*{1,2}(\(?[\dA-Za-z]{1,3}[\d.()A-Z –—-]{0,16}?)\*{1,2}(?=\s)")
TERMINAL = tuple(".:;?!)")
QUOTES = "\"'’”"
# A footnote as a text export prints it: "[1] The period runs from..." at the page's or
# the document's end, its marker "[1]" in the paragraph that cites it ("[*]" for a note
# with a mark of its own, "[iv]" for Word's endnotes, numbered in Roman, or a letter).
FOOTNOTE = re.compile(
    r"^\[(?P<mark>\d{1,3}|[ivxlc]{1,7}|[IVXLC]{1,7}|[A-Za-z]|[*†‡§¶]{1,3})\]\s+\S"
)
# Back matter after the protocol: a heading that starts a part of its own, its words (its
# own "1.", "2." too) unnumbered, until a numbered section begins another document.
# A council's name, printed over the protocol's own title
COUNCIL_NAME = re.compile(r"\b(?:Council|Authority)$", re.I)  # "SEDGECOMBE DISTRICT COUNCIL" too
NAMES_A_DOCUMENT = re.compile(
    r"\b(?:protocol|code|relations|rules|guidance|charter|constitution)s?\b", re.I
)
# A heading that names its number with a word: "Paragraph 4A – Social Media", "Section 2"
LABELLED = re.compile(
    r"^(?:section|paragraph|part|clause|rule)\s+(?P<num>\d{1,3}[A-Z]{0,4})\s*(?:[–—:-]|$)", re.I
)
SITE_HEADING = "a site's heading of the page, over the document's own title"
NOTES_HEADING = "the heading over footnotes, each kept with the paragraph citing it"
# a heading printing the Part's number before its own: "5.3.1 Scope"
PART_HEADING = re.compile(r"(\d{1,3}(?:\.\d{1,3})+)\s+(\S.*)")
# A contents table's header row, read as a list's item, its cells apart: labels only
_LABEL = (
    r"(?:para(?:graph)?|section|part|rule|no\.?|number|subject|title|heading|topic|contents"
    r"|page(?:\s+no\.?)?)"
)
CONTENTS_HEADER = re.compile(
    rf"(?:- )?{_LABEL}(?:\s*[{CELL_BREAK}\t|]\s*{_LABEL})+\s*", re.IGNORECASE
)
BACK_MATTER = re.compile(r"^(?:Appendix|Appendices|Schedule|Annex|Annexe)\b", re.I)


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
        for p in self.paragraphs:
            item = ITEM_LABEL.sub("", p[2:]) if p.startswith("- ") else ""
            sentence = not item or item[:1].isupper() or SENTENCE.search(item)
            (own if sentence else items).append(p.removeprefix("- "))
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


def clean(text: str) -> tuple[str, bool, bool]:
    """(text, is a bullet, was marked as a heading) with mark-up and bullets removed;
    emphasis kept, as *words* or **words** (import_markup)."""
    # No backtick: the words must not hold code or a role (a crafted Word file).
    t = TAGS.sub("", emphasis(text)).replace("`", "'").strip()
    lead = BULLET.match(t)  # a table's row, as a Word table's is read: "- 5.1<tab>Title"
    t = (f"{t[0]} " if lead else "") + LABEL_TAB.sub(r"\1 ", t[lead.end() if lead else 0 :])
    row = "\t" in t  # cells of a table's row: an item, as a Word table's rows are
    t = t.replace("\t", CELL_BREAK)
    heading = bool(re.match(r"^#{1,6}\s", t))
    t = re.sub(r"^#{1,6}\s+", "", t)
    bullet = row or (bool(BULLET.match(t)) and not t.startswith("**"))
    if bullet:
        t = BULLET.sub("", t, count=1)
    if t.startswith("**") and t.count("**") == 2 and t.endswith("**"):
        heading, t = True, t[2:-2]  # a line all bold: a heading
    t = BOLD_LABEL.sub(r"\1", t)  # "**1.2** Members ...": the number is not words
    return re.sub(r"\s+", " ", t).strip(), bullet, heading


def heading_level(text: str) -> int:
    """A Markdown heading's level: how many "#" mark it (0 for none)."""
    marks = text.lstrip()
    return len(marks) - len(marks.lstrip("#"))


# A sentence's end inside a line, another sentence after it ("... Borough Council. Full"):
# sentences, a heading's words never (a heading is one phrase)
SENTENCES = re.compile(r"[a-z]{2,}[.?!]\s+[A-Z]")


def heading_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 14
        and text[0].isupper()
        and not text.endswith((".", ";", ",", ":", "-", "–", "—"))  # ":-" leads in a list
        and not re.search(r"\b(must|shall|should|will|may)\b", text)
        and not SENTENCES.search(text)
    )


def lead_in(paragraphs: list[str]) -> bool:
    """Whether the next unnumbered paragraph is an item of a list these lead in to: the
    last ends in a colon ("In this protocol:"), or is an item of such a list."""
    for paragraph in reversed(paragraphs):
        if not paragraph.startswith("- "):
            return paragraph.rstrip().endswith((":", ":-", ":–", ":—"))
    return False


def inserted_whole(key: str) -> bool:
    """Whether a paragraph's number is one inserted in a count on through the document
    ("2A", after 2; not "3.2A")."""
    return re.fullmatch(r"\d{1,3}[A-Z]{1,4}", key) is not None


def whole_part(key: str) -> int:
    """The count a paragraph's number stands at: 2 for "2" and for "2A"; -1 for "3.2"."""
    found = re.fullmatch(r"(\d{1,3})[A-Z]{0,4}", key)
    return int(found[1]) if found else -1


def continues_list(clause: ImportedClause, number: int) -> bool:
    """Whether "N. ..." goes on a numbered list this clause has begun: N is 1 after a
    paragraph ending in a colon, or one more than the list's last item."""
    last = clause.paragraphs[-1].rstrip()
    if number == 1:
        return last.endswith((":", ":-", ":–", ":—"))
    item = re.match(r"- (\d+)[.)]?\s", last)
    return item is not None and int(item[1]) + 1 == number


Kept = tuple[tuple[str, bool, bool], Line, bool]  # (cleaned line, bullet, heading), line, fresh


class Structurer:
    def __init__(self, extracted: Extracted, source: str = "", take: int | None = None) -> None:
        self.extracted = extracted
        self.source = source  # the file's name, for a problem that stops the import
        self.take = take  # the document or language of the file chosen (--take)
        self.took_language = False  # the file is in two languages in turn; one was taken
        self.title = ""
        self.sections: list[ImportedSection] = []
        self.title_at: Line | None = None
        self.defects: list[Defect] = []
        self.intro = Text()
        self.pending: list[tuple[str, Line]] = []  # sub-headings awaiting their clause
        self.left_out: list[tuple[Line, str]] = [
            (line, "page furniture: a running head or foot, or a page number")
            for line in extracted.dropped
        ] + [(line, "a contents entry: Word's table of contents") for line in extracted.contents]
        self.left_out += [
            (line, "the web site's, not the protocol's: its navigation, a banner, a form or footer")
            for line in extracted.site
        ]
        self.left_out += extracted.asides
        self.numbered_sections = False
        self.unnumbered = False  # no paragraph numbers anywhere: a clause a paragraph
        self.letters: set[str] = set()  # parts whose paragraphs are numbered B1, B2
        self.section_depth = 0  # the Markdown level of the heading that opened the section
        self.back_matter = False  # in an appendix, schedule or annex: words, unnumbered
        self.before = ""  # the words of the line (or lines joined) placed before this one
        self.appendices: list[ImportedSection] = []
        self.revoked: list[str] = []  # numbers printed only as revoked ("5.3 [Deleted]")
        # lines printing numbers of no paragraph's depth ("6 [Revoked]"): whole sections
        # revoked where the paragraphs' numbers name their section (keep_revoked decides)
        self.whole: list[tuple[Line, list[str], str]] = []
        self.revoked_sections: list[tuple[Line, str, str]] = []
        # a Word file that sets its headings apart from its body (a heading's style, or a
        # short line in bold, italics, underlined or in capitals): a line in its plain
        # body type is then no heading for its shape alone (in_body_type)
        self.headed_by_look = any(
            line.level or (not line.plain and heading_like(line.text)) for line in extracted.lines
        )

    @property
    def section(self) -> ImportedSection | None:
        return self.sections[-1] if self.sections else None

    @property
    def clause(self) -> ImportedClause | None:
        return self.section.clauses[-1] if self.section and self.section.clauses else None

    def run(self) -> Imported:
        lines = tables(self.extracted.lines, self.extracted.notes)
        cleaned = [(clean(line.text), line) for line in lines]
        kept: list[Kept] = []
        blank = True
        leaders = tab_leaders(self.extracted.lines)
        annex = False  # after the numbered paragraphs, under "Annex", "Appendix"...
        last = ""  # the line before, as printed
        for c, line in cleaned:
            printed = c[0]
            annex = annex or annex_heading(printed, kept)
            if not re.search(r"[A-Za-z0-9]", c[0]) and not (annex and ARROWS.fullmatch(c[0])):
                blank = blank or not c[0]
                continue
            if CONTENTS_ENTRY.search(c[0]) or id(line) in leaders:
                if kept and CONTENTS.match(kept[-1][0][0]):  # the table's own heading
                    self.left_out.append((kept.pop()[1], "the heading of a contents table"))
                how = "a tab" if id(line) in leaders else "dot leaders"
                self.left_out.append((line, f"a contents entry: {how} to a page number"))
                continue
            fresh, blank = blank or self.extracted.whole_paragraphs, False
            if kept and self.over_page(kept[-1], c, line):
                fresh = False
            alone = kept and LABEL_ONLY.match(kept[-1][0][0])  # "1.2" on a line of its own
            if alone and not section_alone(kept[-1][0][0], c[0]):
                if after := next_number(kept[-1][0][0], c[0]):
                    raise ProtocolError([self.no_words(kept[-1], after, c[0])])
                (label, _, _), where, fresh = kept.pop()
                c, line = (f"{label} {c[0]}", c[1], c[2]), where
            elif kept and goes_on(kept[-1], c, line, fresh) and not (annex and boxed(line, last)):
                (before, bullet, marked), line, fresh = kept.pop()
                c = (f"{before} {c[0]}", bullet, marked)
            kept.append((c, line, fresh))
            last = printed
        kept = worded_numbers(section_numbers_alone(kept), self.extracted.notes)
        kept = self.one_language(kept)
        self.letters = lettered_parts([c[0] for c, _, fresh in kept if fresh])
        self.unnumbered = not any(
            NUMBERED.match(c[0]) or PAREN.match(c[0]) or self.lettered(c[0]) for c, _, _ in kept
        )
        if self.unnumbered:
            self.extracted.notes.append(
                "No paragraph numbers were found: each paragraph became a clause, "
                "and each short line between paragraphs a section's title."
            )
        for i, ((text, bullet, marked), line, fresh) in enumerate(kept):
            following = kept[i + 1][0][0] if i + 1 < len(kept) else ""
            self.before = kept[i - 1][0][0] if i else ""
            self.place(text, bullet, marked, line, following, fresh)
        self.flush_headings()
        for clause in self.clauses_so_far():
            clause.extend(clause.notes)
        self.drop_contents()
        self.place_unnumbered_sections()
        # In a document with paragraph numbers, a section with none (an introduction, an
        # appendix) keeps its words unnumbered: no number is made up for them.
        for section in self.sections if self.unnumbered else ():
            if not section.clauses:
                section.clauses = clauses_of(section.intro)
                section.intro = Text()
        self.keep_revoked()
        return Imported(
            self.title,
            self.sections,
            self.defects,
            self.extracted,
            self.intro,
            self.left_out,
            self.title_at,
            self.appendices,
            self.revoked,
            self.revoked_sections,
        )

    def one_language(self, kept: list[Kept]) -> list[Kept]:
        """The blocks of the language chosen (--take) of a file printing each heading and
        paragraph in two languages in turn (import_languages); a ProtocolError saying how
        to choose where none was, or where a number printed once cannot be placed."""
        beside = import_languages.columns([c[0] for c, _, _ in kept], CELL_BREAK)
        if beside is not None:
            return self.one_column(kept, beside)
        numbers = [block_number(c[0]) for c, _, _ in kept]
        found = import_languages.alternating(numbers)
        after = found is None  # each number printed once, the other language after it
        if found is None:
            found = import_languages.following(numbers, [c[0] for c, _, _ in kept])
        if found is None:
            return kept
        (first, _, _), (second, _, _) = (kept[i][0] for i in found.pair)
        again = kept[found.pair[1]][1]
        shown = {"where": again.where, "first": first[:40], "second": second[:40]}
        if found.once:
            (text, _, _), line, _ = kept[found.once[0]]
            number = numbers[found.once[0]]
            raise ProtocolError(
                [
                    Problem.of(
                        self.source,
                        line.line,
                        "import-language-unpaired" if after else "import-language-once",
                        number=number,
                        **shown,
                    )
                ]
            )
        if self.take is None:
            problem = Problem.of(
                self.source,
                again.line,
                "import-two-languages-after" if after else "import-two-languages",
                **shown,
            )
            raise ProtocolError([problem])
        if self.take not in (1, 2):
            problem = Problem.of(self.source, 0, "import-no-such-language", take=self.take, **shown)
            raise ProtocolError([problem])
        chosen = self.take - 1
        why = f"language {2 - chosen} of the file, not imported (--take {self.take})"
        out: list[Kept] = []
        for i, (entry, language) in enumerate(zip(kept, found.languages, strict=True)):
            if chosen and i in found.numbered_by:  # the number printed over the other's words
                (text, bullet, marked), line, fresh = entry
                entry = ((f"{numbers[found.numbered_by[i]]} {text}", bullet, marked), line, fresh)
            if language in (chosen, import_languages.BOTH):
                out.append(entry)
            else:
                (text, _, _), line, _ = entry
                self.left_out.append((Line(text, line.line, line.page), why))
        self.took_language = True
        self.extracted.notes.append(
            f"Every heading and paragraph is printed twice in turn, as in two languages: "
            f"language {self.take} of the two was imported (beginning '{out[0][0][0][:40]}'), "
            f"the other listed as left out."
        )
        return out

    def no_words(self, alone: Kept, after: str, text: str) -> Problem:
        """A number printed alone with the next paragraph's number after it: its words
        are not there to be read (moved or deleted, the number left behind)."""
        (number, _, _), line, _ = alone
        shown = {"where": line.where, "number": number, "after": after, "text": text[:40]}
        return Problem.of(self.source, line.line, "import-number-without-words", **shown)

    def one_column(self, kept: list[Kept], beside: import_languages.Columns) -> list[Kept]:
        """The language chosen (--take) of a table printing the protocol in two languages
        side by side: each row its column's words, a paragraph of its own (not a table's
        row), the number printed in a cell of its own before them."""
        label, first, second = beside.cells[beside.first] or ("", "", "")
        where = kept[beside.first][1]
        shown = {"where": where.where, "first": first[:40], "second": second[:40]}
        if self.take is None:
            raise ProtocolError(
                [Problem.of(self.source, where.line, "import-two-columns", **shown)]
            )
        if self.take not in (1, 2):
            problem = Problem.of(self.source, 0, "import-no-such-language", take=self.take, **shown)
            raise ProtocolError([problem])
        why = f"language {3 - self.take} of the file, not imported (--take {self.take})"
        out: list[Kept] = []
        for ((text, bullet, marked), line, fresh), cells in zip(kept, beside.cells, strict=True):
            if cells is None:
                out.append(((text, bullet, marked), line, fresh))
                continue
            label, *words = cells
            taken = words[self.take - 1]
            self.left_out.append((Line(words[2 - self.take], line.line, line.page), why))
            out.append(((f"{label} {taken}".strip(), False, marked), line, True))
        self.took_language = True
        self.extracted.notes.append(
            f"The protocol is printed in two languages side by side, in a table's two "
            f"columns: column {self.take} was imported, the other listed as left out."
        )
        return out

    def printed_revoked(self, line: Line, numbers: list[str]) -> None:
        """A line printing numbers as revoked: kept in its section, with the words printed,
        where they are its paragraphs' numbers and the reader can read the words back;
        else listed as left out (a whole section's "6 [Revoked]", a sub-paragraph's)."""
        section, said = self.section, printed_in_place(line.text)
        if all(n.isalnum() for n in numbers):  # "6 [Revoked]": perhaps a whole section
            self.whole.append((line, numbers, said))
            return
        own = section is not None and section.number != ""
        for number in numbers if own else ():
            head = split(number, "section.paragraph")
            own = own and head is not None and head[0] == section.number  # type: ignore[union-attr]
            own = own and revoked_line(number, said) is not None
        if own and section is not None:
            section.revoked.append((line, numbers, said))
        else:
            self.left_out.append((line, revoked_why(numbers)))

    def keep_revoked(self) -> None:
        """A number printed as revoked and on a paragraph of its section too, or twice, is
        not kept as revoked (the numbering report says so): its line is listed as left
        out, as before."""
        for section in self.sections:
            given = {c.number for c in section.clauses}
            kept = []
            for line, numbers, said in section.revoked:
                if given.intersection(numbers):
                    self.left_out.append((line, revoked_why(numbers)))
                    continue
                given.update(numbers)
                kept.append((line, numbers, said))
            section.revoked = kept
        # a number of no paragraph's depth is a section's where paragraphs' numbers name
        # their section (3.1, 3.2), or where sections are numbered and no paragraph prints
        # a bare number ("(1)", "a." under "6. Scope"), and no section has it; else left
        # out, as before
        clauses = self.clauses_so_far()
        dotted = any("." in c.number for c in clauses)
        sectioned = any(s.number.isdigit() for s in self.sections)
        bare = any(c.style == "int" for c in clauses)
        taken = {s.number for s in self.sections}
        for line, numbers, said in self.whole:
            whole = (dotted or (sectioned and not bare)) and not taken.intersection(numbers)
            if whole and all(revoked_line(n, said, whole=True) for n in numbers):
                taken.update(numbers)
                self.revoked_sections += [(line, n, said) for n in numbers]
            else:
                self.left_out.append((line, revoked_why(numbers)))

    def over_page(self, before: Kept, c: tuple[str, bool, bool], line: Line) -> bool:
        """Whether a line beginning a page goes on the sentence the page before left
        unfinished ("...any Council, Cabinet," / "Panel or Committee agenda."): it is no
        number, heading or list item. A join before a capital is said, for review."""
        (last, _, last_marked), at, _ = before
        text, bullet, marked = c
        if not (at.page and line.page and at.page != line.page):
            return False
        if ends_sentence(last) or last_marked or heading_like(last):
            return False
        if bullet or marked or heading_like(text):
            return False
        if any(p.match(text) for p in (NUMBERED, PAREN, LETTER, FOOTNOTE, LETTERED)):
            return False
        if text[:1].isupper():
            self.extracted.notes.append(
                f"joined across a page break: '{text[:40]}' ({line.where}) goes on the "
                f"paragraph before it, which ended '{last[-40:]}' with no closing "
                "punctuation on the page before; check it is one sentence."
            )
        return True

    def open_heading(self) -> ImportedSection | None:
        """The last section, where nothing is under its heading yet and the heading
        leaves off mid-phrase ("2. Political Groups, Publicity and the"): the next
        heading-like line is the rest of it ("Pre-election Period")."""
        last = self.sections[-1] if self.sections else None
        if last is None or last.clauses or last.intro.paragraphs or self.pending:
            return None
        return last if UNFINISHED.search(last.title) else None

    def new_section(self, number: str, title: str, line: Line) -> None:
        if self.clause is not None:
            headed(self.clause)
        self.flush_headings()
        self.sections.append(ImportedSection(number, title.rstrip(" .:"), line))
        self.numbered_sections = self.numbered_sections or bool(number)

    def new_clause(self, number: str, key: str, style: str, text: str, line: Line) -> None:
        if self.section is None:
            major = key.split(".")[0] if style == "dotted" else ""
            self.new_section(major, f"Section {major}" if major else self.untitled(), line)
            self.sections[-1].titled = not major
        assert self.section is not None
        self.rejoin()
        self.section.clauses.append(ImportedClause(number, key, style, line))
        self.section.clauses[-1].headings = [heading for heading, _ in self.pending]
        self.section.clauses[-1].heading_lines = [line for _, line in self.pending]
        self.pending = []
        self.section.clauses[-1].add(text, line)

    def untitled(self) -> str:
        """The title of paragraphs with no heading over them (a protocol that is one
        numbered list): the document's, so that no word is made up for it; said."""
        if self.title:
            self.extracted.notes.append(
                "No heading stands over the first paragraphs: they were imported as a "
                f"section under the document's title, '{self.title}', which their page "
                "shows as well as the contents page."
            )
            return self.title
        self.extracted.notes.append(
            "No heading stands over the first paragraphs, and the document has no title: "
            "they were imported as a section titled 'General', a word the document does "
            "not print; give the section its own title in its file."
        )
        return "General"

    def flush_headings(self) -> None:
        """Sub-headings with no numbered paragraph after them are kept as words, where
        they stood (at the end of the section, or before unnumbered words)."""
        pending, self.pending = self.pending, []
        for heading, line in pending:
            if self.clause is not None and self.clause.number:
                self.clause.after.titles.add(len(self.clause.after.paragraphs))
                self.clause.after.paragraphs.append(heading)
                self.clause.after.lines.append(line)
            else:
                self.add_text(heading, line)
                if self.section is not None and not self.unnumbered and self.clause is None:
                    self.section.heads.add(len(self.section.intro.paragraphs) - 1)

    def place(
        self, text: str, bullet: bool, marked: bool, line: Line, following: str, fresh: bool
    ) -> None:
        """Put one line where it belongs; ``fresh`` when it begins a paragraph."""
        if (
            not self.sections
            and not self.title
            and (marked or heading_like(text))
            and not PAREN.match(text)
            and not LETTER.match(text)
        ):
            self.title, self.title_at = text, line
            return
        if self.own_title(text, marked):
            assert self.title_at is not None
            self.left_out.append((replace(self.title_at, text=self.title), SITE_HEADING))
            self.title, self.title_at = text, line
            return
        alone = section_alone(text, following)
        if alone is not None and (self.section is None or self.section.number != alone):
            # a section's number over its first paragraph, with no title printed: the
            # section is titled by its number, a word the document does not print; said
            self.new_section(alone, f"Section {alone}", line)
            self.extracted.notes.append(
                f"Section {alone} is printed as its number alone ({line.where}), with no "
                f"title: it was titled 'Section {alone}'; give it its own title in its file."
            )
            return
        if heading_like(text) and not (bullet or NUMBERED.match(text) or PAREN.match(text)):
            if not self.sections and self.title and UNFINISHED.search(self.title):
                self.title = f"{self.title} {text}"  # a title the page wrapped mid-phrase
                return
            if (open_heading := self.open_heading()) is not None:
                open_heading.title = f"{open_heading.title} {text}".rstrip(" .:")
                return
        if self.clause is not None and heading_like(text) and FOOTNOTE.match(following):
            self.pending.append((text, line))  # over notes: what it heads is decided there
            return
        if (m := FOOTNOTE.match(text)) and self.footnote(f"[{m['mark']}]", text, line):
            # a heading straight over the notes ("Notes") heads them, not a paragraph
            self.left_out += [(where, NOTES_HEADING) for _, where in self.pending]
            self.pending = []
            return
        if self.clause is not None and (note := history_note(text)):
            self.left_out.append((replace(line, text=note), HISTORY))
            return
        if self.sections and (numbers := revoked_numbers(text)):
            self.revoked += numbers
            self.printed_revoked(replace(line, text=text.replace("*", "")), numbers)
            return
        back = BACK_MATTER.match(text) or HISTORY_HEADING.match(text)
        if back and self.sections and heading_like(text):
            self.new_section("", text, line)  # its words are its own, not the last clause's
            self.back_matter = True
            return
        if self.back_matter:
            numbered = NUMBERED.match(text) or PAREN.match(text)
            if numbered and not bullet and (marked or heading_like(numbered["rest"])):
                # a numbered section: the appendix holds a document of its own, which
                # import_parts finds; its heading ("Appendix A") is that document's title
                self.back_matter = False
                over = self.sections[-1]
                if not (over.clauses or over.intro.paragraphs):
                    self.sections.pop()
                    self.add_text(over.title, over.where)
            elif numbered or LETTER.match(text) or bullet:
                self.add_item(text, line)  # its numbers are its own, kept in its words
                return
            else:
                # a line under a short one is a line of its own (a form's field, a
                # flowchart's box); under a line of the full measure, its next line
                wrapped = not fresh and len(self.before) >= WRAPPED
                self.add_text(text, line, fresh, wrapped=wrapped)
                return
        if m := self.lettered(text, fresh):
            number = f"{m['letter']}{m['num']}"
            self.new_clause(number, number, "lettered", m["rest"], line)
            return
        text = self.comma_for_dot(text, line)
        if m := NUMBERED.match(text):
            num, part = m.group("num"), m.group("part")
            rest = m.group("rest").lstrip("–—-: ") or m.group("rest")
            if part and (typo := re.match(r"[–—-]\s*(\d{1,3})\s+(\S.*)", m.group("rest"))):
                self.defects.append(
                    Defect(
                        "malformed-number",
                        f"{part} – {num} – {typo[1]}",
                        line,
                        f"read as {num}.{typo[1]}: a dash stands for the dot.",
                    )
                )
                num, rest = f"{num}.{typo[1]}", typo[2]
            shown = f"{part} – {num}" if part else num
            if re.fullmatch(r"\d+\.0", num) and (heading_like(rest) or marked):
                self.new_section(num[:-2], rest, line)  # "2.0 ROLES OF MEMBERS"
                return
            if "." not in num and not num.isdigit():  # "3A. Enquiries": inserted section
                if marked or heading_like(rest):
                    self.new_section(num, rest, line)
                    return
            elif "." not in num:
                if self.clause and not part and continues_list(self.clause, int(num)):
                    self.add_item(text, line)  # "1. Selflessness", after "...principles:"
                    return
                # the next number of the paragraphs before it is a paragraph, unless it
                # reads as a heading ("4. It is designed to:" is not; "4. Enquiries" is)
                goes_on = bool(
                    self.clause
                    and (self.clause.style == "int" or inserted_whole(self.clause.key))
                    and int(num) == whole_part(self.clause.key) + 1
                )
                heading = marked or (
                    heading_like(rest)
                    and (title_case(rest) or not goes_on)
                    and not self.in_body_type(line, rest)
                )
                if heading and not (bullet and self.clause):
                    self.new_section(num, rest, line)
                    return
                if (
                    self.clause
                    and not part
                    and self.clause.style not in ("int", "none")
                    and not (inserted_whole(self.clause.key) and goes_on)  # "3." after "2A."
                ):
                    self.add_item(text, line)  # "1. promote trust" listed inside "3.2"
                    return
                self.new_clause(shown + m.group("dot"), num, "int", rest, line)
                return
            if num.count(".") >= 2 and self.clause and num.startswith(self.clause.key + "."):
                # "2.1 General Principles" over 2.1.1 is its heading; "1.2 It covers:"
                # over 1.2.1 stays a paragraph. Either way 1.2.1 is a paragraph of its
                # own, cited by the number printed.
                self.titles_sub_paragraphs()
            self.new_clause(shown, num, "dotted", rest, line)
            return
        if m := PAREN.match(text):
            number = f"{m['sec'] or ''}({m['num']})"
            self.new_clause(number, m.group("num"), "paren", m.group("rest"), line)
            return
        m = LETTER.match(text)
        # Lettered paragraphs are clauses only in a document with no other numbers: among
        # numbered paragraphs, "(a)" before a section's first one is an introduction's item.
        if (
            m
            and self.section is not None
            and (self.unnumbered if self.clause is None else self.clause.style == "letter")
        ):
            self.new_clause(f"({m.group('num')})", m.group("num"), "letter", m.group("rest"), line)
            return
        if LETTER.match(text) or bullet:
            self.flush_headings()  # a heading over a list stands before it
            self.add_item(text, line)
            return
        if (
            heading_like(text)
            and (labelled := LABELLED.match(text))
            and (under := NUMBERED.match(following))
            and under["num"].startswith(f"{labelled['num']}.")
        ):
            # its paragraphs are numbered under the number it names: the section's, as
            # printed (4A, inserted after 4), the heading kept as its title; a heading
            # with no number among such ("PART C") still heads a section of its own
            numbered_before = self.numbered_sections
            self.new_section(labelled["num"], text, line)
            self.numbered_sections = numbered_before
            return
        depth = heading_level(line.text) if marked else 0
        # a line a PDF draws as its body text is a heading for its shape only in capitals,
        # where the PDF's headings are told by their type
        # a heading marked as one may end in a colon ("Attending meetings:"): a lead-in to
        # a list is never marked (extract.leads_in)
        like = heading_like(text.removesuffix(":") if marked else text)
        shaped = like and (marked or not self.in_body_type(line, text))
        if (
            shaped
            and not self.numbered_sections
            and (marked or (not self.clause and self.finished) or self.heads(following))
        ):
            if self.under_section(depth, line) and not self.unnumbered:
                # a heading a level below the one that opened the section (a page's
                # <h3> under its <h2>): a sub-heading over the paragraph after it
                self.pending.append((text, line))
                return
            self.new_section("", text, line)
            self.section_depth = depth
            return
        if (
            self.section is not None
            and shaped
            and (marked or (title_case(text) and self.heads(following)))
        ):
            # An unnumbered heading among numbered sections: a sub-heading before the
            # next paragraph, not the end of the one before it.
            self.pending.append((text, line))
            return
        self.flush_headings()
        # a paragraph leading in to items after the clause's list has ended ("...; and
        # (b) ... ." then "If the chair decides so:" over "(a)" again) is the clause's own
        leads = text.endswith(":") and bool(LETTER.match(following) or BULLET.match(following))
        self.add_text(text, line, fresh, wrapped=not fresh, leads=leads)

    def in_body_type(self, line: Line, words: str) -> bool:
        """Whether a PDF whose headings are told by their type draws this line as its
        body text: in the body's size, plain or a sentence in bold (extract.statement),
        and not in capitals; or a Word file that sets its headings apart sets it as its
        body (Line.plain)."""
        if line.plain and self.headed_by_look:
            return True
        drawn, body = line.drawn, self.extracted.body
        plain = drawn is not None and (not drawn.bold or line.sentence)
        return bool(drawn and body and drawn.size == body and plain) and not words.isupper()

    def under_section(self, depth: int, line: Line) -> bool:
        """Whether a heading is a sub-heading over the paragraph after it: a level below
        the heading that opened the section (a page's <h3> under its <h2>, a PDF's bold
        line under its larger headings), once the section has a paragraph, or straight
        under its title where a PDF's type tells it; or, under a heading a PDF sets in
        capitals of its body's type, a heading by type no larger than the body, once
        the section has a paragraph."""
        section = self.section
        if section is None:
            return False
        if 0 < self.section_depth < depth:
            return bool(self.clause) or line.drawn is not None
        body = self.extracted.body
        return bool(
            self.section_depth == 0
            and section.clauses
            and line.drawn is not None
            and body is not None
            and line.drawn.size <= body
            and depth > 1
        )

    def own_title(self, text: str, marked: bool) -> bool:
        """Whether a heading straight under the title is the document's own title, the
        one above it a site's heading of its page that ends with the same words
        ("Constitution - Part 5.4 Protocol for ..." over "PROTOCOL FOR ...")."""
        if self.sections or self.intro.paragraphs or not (marked or heading_like(text)):
            return False
        said, over = revision.words(text), revision.words(self.title)
        return len(said) >= 2 and len(over) > len(said) and over[-len(said) :] == said

    def comma_for_dot(self, text: str, line: Line) -> str:
        """The line with a comma typed for its number's dot mended ("4,3" after 4.2), and
        the slip said; any other line as it is ("4,000 residents" is a number of words)."""
        m, clause = COMMA_FOR_DOT.match(text), self.clause
        if not (m and clause and clause.style == "dotted" and "." in clause.key):
            return text
        over, last = clause.key.rsplit(".", 1)
        if m["over"] != over or not last.isdigit() or int(m["num"]) != int(last) + 1:
            return text
        number = f"{over}.{m['num']}"
        self.defects.append(
            Defect(
                "malformed-number",
                m.group(0),
                line,
                f"read as {number}: a comma stands for the dot.",
            )
        )
        return number + text[m.end() :]

    def lettered(self, text: str, fresh: bool = True) -> re.Match[str] | None:
        """ "B2 ..." where the document's parts number their paragraphs so; a paragraph
        typed with the next or last part's letter ("C2" among B1, B3) too, to be reported."""
        m = LETTERED.match(text)
        if not m or not self.letters:
            return None
        last = self.clause.key[0] if self.clause and self.clause.style == "lettered" else ""
        slip = fresh and last and abs(ord(m["letter"]) - ord(last)) == 1
        return m if m["letter"] in self.letters or slip else None

    def titles_sub_paragraphs(self) -> None:
        """Where the paragraph before a three-level number ("2.1 General Principles"
        before 2.1.1) is a numbered heading over it, not a paragraph leading in to it
        ("1.2 It covers:"), it becomes a sub-heading."""
        assert self.section is not None and self.clause is not None
        clause = self.clause
        if len(clause.paragraphs) != 1 or not heading_like(clause.text):
            return
        self.section.clauses.pop()
        self.pending = [(heading, clause.where) for heading in clause.headings]
        self.pending.append((f"{clause.number} {clause.text}", clause.where))

    def footnote(self, mark: str, text: str, line: Line) -> bool:
        """Put a footnote with the paragraph whose words cite its mark (the last to, if
        several do), as a paragraph of its own; whether one does."""
        for clause in reversed(self.clauses_so_far()):
            if any(mark in p for p in clause.paragraphs):
                clause.notes.paragraphs.append(text)
                clause.notes.lines.append(line)
                self.extracted.notes.append(
                    f"The footnote {mark} at {line.where} was kept with paragraph "
                    f"{clause.number or 'unnumbered'}, whose words cite it."
                )
                return True
        return False

    def clauses_so_far(self) -> list[ImportedClause]:
        return [c for s in self.sections for c in s.clauses]

    def heads(self, following: str) -> bool:
        """A short line after a finished paragraph and before a numbered one is a heading
        (paragraphs numbered on through the document, under unnumbered headings)."""
        finished = self.finished
        numbered = bool(NUMBERED.match(following) or PAREN.match(following))
        if self.unnumbered:  # and a sentence begins after it
            return finished and following[:1].isupper()
        if self.sections and not self.numbered_sections:
            # where every heading is unnumbered, one may stand before unnumbered words as
            # well as before a numbered paragraph
            return finished and (numbered or following[:1].isupper())
        return finished and numbered

    @property
    def finished(self) -> bool:
        """Whether the words placed last end a sentence (a line after them may be a
        heading; after "...between Members and" it is the sentence going on)."""
        last = self.words_last.paragraphs
        return not last or ends_sentence(last[-1])

    @property
    def words_last(self) -> Text:
        """Where the words placed last went: the last paragraph's words after it, the
        paragraph, or the unnumbered text before any."""
        clause = self.clause
        if clause is None:
            return self.unnumbered_text
        return clause.after if clause.after.paragraphs else clause

    @property
    def unnumbered_text(self) -> Text:
        """Where words with no number of their own go before any clause: the section's
        introduction, or the document's before its first section."""
        return self.section.intro if self.section else self.intro

    def add_item(self, text: str, line: Line) -> None:
        self.words_last.add("- " + text, line)

    def add_text(
        self, text: str, line: Line, fresh: bool = False, wrapped: bool = False, leads: bool = False
    ) -> None:
        """Unnumbered words: ``fresh`` if they begin a paragraph in the source, ``wrapped``
        if they are its next line, ``leads`` if they lead in to the items after them."""
        clause = self.clause
        if line.apart and clause is not None and clause.number:
            clause.after.add(text, line)  # the section's own words, set so in Word
            return
        goes_on = clause is not None and clause.continues(text, wrapped)
        if self.unnumbered and self.section and not goes_on and (fresh or clause is None):
            clause = ImportedClause("", "", "none", line)  # a clause a paragraph
            self.section.clauses.append(clause)
        if clause is None:
            self.unnumbered_text.add(text, line, wrapped)
            return
        words = clause.after if clause.after.paragraphs else clause  # the words last placed
        last = words.paragraphs[-1] if words.paragraphs else ""
        # A lead-in after its list has ended with a full stop, or a sentence after the
        # full stop of a list of labelled items ("(c) ... time." / "A request that ..."):
        # the paragraph's own words, as its closing words are.
        closes = fresh and text[:1].isupper() and bool(ITEM_LABEL.match(last[2:]))
        ended = (leads or closes) and last.startswith("- ") and last.endswith(".")
        lists = lead_in(clause.paragraphs + clause.after.paragraphs)
        if fresh and clause.number and lists and not ended:
            words.add("- " + text, line)  # a list the paragraph leads in to (definitions)
            return
        if ended or words.continues(text, wrapped) or not (fresh and clause.number):
            words.add(text, line, wrapped)
            return
        kept = Defect(
            "unnumbered-paragraph",
            clause.number,
            line,
            f"an unnumbered paragraph ('{text[:50]}') was kept as part of "
            f"{clause.number}, the paragraph before it; check it belongs there.",
        )
        if (line.within or line.cell) and words is clause:  # Word sets it in the paragraph
            clause.add(text, line)
            if not line.cell:  # indented, say: perhaps an aside; a table's row is certain
                self.defects.append(kept)
            return
        # An unnumbered paragraph after a numbered one: words after it, until it is known
        # whether another paragraph of the section follows them (rejoin).
        clause.after.add(text, line)
        clause.held.append(kept)

    def rejoin(self) -> None:
        """Unnumbered words between two numbered paragraphs of a section, with no
        sub-heading over them, are the paragraph before's (its second paragraph, the close
        of its list: in the reference protocols, always), kept with it and said, since they
        may be an aside. Only words under a sub-heading, words a Word file sets in the
        style of words between paragraphs (the tool's own export), and a section's closing
        words after its last paragraph, stand between paragraphs on their own."""
        clause = self.clause
        if clause is None:
            return
        headed(clause)
        apart = any(line.apart for line in clause.after.lines)
        if clause.after.paragraphs and not clause.after.titles and not apart:
            clause.paragraphs += clause.after.paragraphs
            clause.lines += clause.after.lines
            clause.after = Text()
            self.defects += clause.held
        clause.held = []

    def drop_contents(self) -> None:
        """A table of contents reads as sections without numbered paragraphs repeated
        later, and headings with nothing under them: drop those."""
        later: Counter[str] = Counter(s.number for s in self.sections if s.number)
        kept: list[ImportedSection] = []
        for index, s in enumerate(self.sections):
            repeated = bool(s.number) and later[s.number] > 1
            # "PART C" over "CONDUCT TOWARDS OFFICERS", a council's name over the
            # protocol's: one heading printed on two lines
            if self.joins_next(index):
                following = self.sections[index + 1]
                following.title, following.where = joined(s.title, following.title), s.where
                continue
            if (
                index == 0
                and self.title
                and not self.intro.paragraphs
                and (self.lone(0) or self.names_the_protocol(s))
            ):
                self.title = joined(self.title, s.title)
                self.intro.extend(s.intro)  # the words under it introduce the document
                continue
            if not s.clauses and (repeated or not (s.number or s.intro.paragraphs)):
                later[s.number] -= 1
                # Words after the contents' last entry come before the first section: the
                # document's introduction (or, later on, the words of the section before).
                words = kept[-1].clauses[-1] if kept and kept[-1].clauses else None
                holder = words or (kept[-1].intro if kept else self.intro)
                if repeated:
                    self.drop_contents_header(holder)
                holder.extend(s.intro)
                title = f"{s.number} {s.title}".strip()
                why = "a contents entry" if repeated else "a heading with nothing under it"
                self.left_out.append((s.where, f"'{title}': {why}"))
                if s.number:
                    self.defects.append(
                        Defect(
                            "contents",
                            s.number,
                            s.where,
                            f"'{s.number} {s.title}' looks like a contents entry and was left out.",
                        )
                    )
                continue
            kept.append(s)
        self.sections = kept

    def drop_contents_header(self, words: Text) -> None:
        """A contents table's header row ("Paragraph | Subject"), the words just before
        its first entry: left out with the entries, not kept as the words they follow."""
        if words.paragraphs and CONTENTS_HEADER.fullmatch(words.paragraphs[-1]):
            self.left_out.append((words.lines.pop(), "a contents table's header row"))
            words.paragraphs.pop()

    def place_unnumbered_sections(self) -> None:
        """Where sections are numbered, a heading with no number and no numbered paragraph
        under it would be published with a number the document never printed (3A after
        section 3): before the first numbered section it and its words are the
        document's introduction; after it (an appendix, a schedule) they are left out,
        and listed. Where no section is numbered ("Part A: Introduction" over A1, A2), a
        heading of back matter ("Schedule 1", "Appendix A") after the last paragraphs,
        with none of its own, is left out so."""
        numbered = [i for i, s in enumerate(self.sections) if s.number]
        with_clauses = [i for i, s in enumerate(self.sections) if s.clauses]
        if not numbered and not with_clauses:
            return
        kept: list[ImportedSection] = []
        taken: set[str] = set()
        for index, s in enumerate(self.sections):
            if not numbered:
                back = BACK_MATTER.match(s.title) or HISTORY_HEADING.match(s.title)
                if s.clauses or not back or index < with_clauses[-1]:
                    kept.append(s)
                else:
                    self.leave_out_appendix(s, taken)
            elif s.number or s.clauses:
                kept.append(s)
            elif index < numbered[0]:  # "Introduction": a heading over its words
                self.intro.titles.add(len(self.intro.paragraphs))
                self.intro.paragraphs.append(s.title)
                self.intro.lines.append(s.where)
                self.intro.extend(s.intro)
            else:
                self.leave_out_appendix(s, taken)
        self.sections = kept

    def leave_out_appendix(self, s: ImportedSection, taken: set[str]) -> None:
        """An appendix, schedule or annex after the protocol (or its history): its heading
        and words listed as left out, and kept to be written as a page of its own."""
        why = f"'{s.title}': after the protocol's numbered sections, with no number"
        if HISTORY_HEADING.match(s.title):
            why = f"'{s.title}': the protocol's history of amendment, not its words"
        words = zip([s.title, *s.intro.paragraphs], [s.where, *s.intro.lines], strict=True)
        self.left_out += [(replace(line, text=text), why) for text, line in words]
        s.slug = slugify(s.title, taken)
        self.appendices.append(s)
        self.extracted.notes.append(
            f"'{s.title}' ({s.where.where}) and its words were left out: they follow "
            "the protocol's numbered sections and have no number of their own. To "
            f"keep them on the site, add --appendices FOLDER, which writes them as "
            f"FOLDER/{s.slug}.md; move that page into docs/ and list it in the "
            "toctree of docs/index.md (constitution init --from does both itself)."
        )

    def names_the_protocol(self, section: ImportedSection) -> bool:
        """Whether an unnumbered first heading, under a title that is a council's name
        ("Thornbury Vale District Council"), is the protocol's own title, with the
        document's introduction under it: it names a protocol, code or rules."""
        return (
            not (section.number or section.clauses)
            and bool(COUNCIL_NAME.search(self.title))
            and title_case(section.title)
            and bool(NAMES_A_DOCUMENT.search(section.title))
        )

    def lone(self, index: int) -> bool:
        """Whether the section at ``index`` is a short unnumbered heading with nothing
        under it, alone before a section that has words (a run of such headings is a
        contents table instead)."""
        sections = self.sections

        def empty(i: int) -> bool:
            return not (sections[i].clauses or sections[i].intro.paragraphs)

        return (
            empty(index)
            and not sections[index].number
            and len(sections[index].title.split()) <= 8
            and index + 1 < len(sections)
            and not empty(index + 1)
            and (index == 0 or not empty(index - 1))
        )

    def joins_next(self, index: int) -> bool:
        """Whether the section at ``index`` is the first line of the next, unnumbered,
        heading."""
        return 0 < index < len(self.sections) - 1 and (
            self.lone(index) and not self.sections[index + 1].number
        )


HISTORY = (
    "history: a note of amendment, not a paragraph's words (once adopted here, each "
    "version records its changes)"
)


def headed(clause: ImportedClause) -> None:
    """Unnumbered words after a paragraph whose first is a line that reads as a heading
    ("Working with the press"), over words of its own that begin a sentence, after the
    paragraph's last sentence has ended: a heading over them, so that they stand between
    paragraphs where printed, not as the paragraph's own words (rejoin). Not where the
    source gives the line's type and it is the body's (Line.plain: a Word paragraph in no
    heading's style, no word of it bold): a reader sees a line of the text."""
    words = clause.after
    if words.titles or len(words.paragraphs) < 2 or not clause.paragraphs:
        return
    if words.lines[0].plain:
        return
    first, under = words.paragraphs[0], words.paragraphs[1]
    if (
        heading_like(first)
        and not first.startswith("- ")
        and under[:1].isupper()
        and ends_sentence(clause.paragraphs[-1])
    ):
        words.titles.add(0)
        clause.held = []


def ends_sentence(words: str) -> bool:
    """Whether words end a sentence (or a lead-in, or an item): at a stop, a colon, a
    semicolon or a closing bracket, a quotation mark after one included ("...'the
    opposition.'"). A quotation mark after a word ends nothing: it is as often a plural's
    apostrophe ("...a breach of the Members'" / "Code of Conduct.") or a quoted word the
    sentence goes on after ("...call officers 'staff'" / "or 'servants'.")."""
    return words.rstrip().rstrip(QUOTES).endswith(TERMINAL)


def revoked_why(numbers: list[str]) -> str:
    said = " and ".join([", ".join(numbers[:-1]), numbers[-1]] if len(numbers) > 1 else numbers)
    return (
        f"revoked: {said} printed as revoked, with no words of a paragraph; not imported "
        "as a paragraph, its number counted so that the gap it leaves is no fault. Nothing "
        "in the project records it yet: give it to no new paragraph"
    )


def lettered_parts(paragraphs: list[str]) -> set[str]:
    """The letters of parts whose paragraphs are numbered afresh after them ("A1", "A2",
    then "B1"): each letter whose paragraphs begin at 1, where two or more do, so that a
    paragraph beginning "M6 motorway" is not one."""
    firsts = {m["letter"] for p in paragraphs if (m := LETTERED.match(p)) and m["num"] == "1"}
    return firsts if len(firsts) >= 2 else set()


def tab_leaders(lines: list[Line]) -> set[int]:
    """The lines (by id) that are contents entries with a tab before the page number
    ("Introduction<tab>3"): two or more one after another, or one under the heading
    "Contents"; a lone line ending so is more likely a table's row."""
    texts = [line for line in lines if line.text.strip()]
    entry = [bool(TAB_LEADER.search(line.text)) for line in texts]
    return {
        id(line)
        for i, line in enumerate(texts)
        if entry[i]
        and (
            (i > 0 and (entry[i - 1] or CONTENTS.match(texts[i - 1].text.strip("# \t"))))
            or (i + 1 < len(texts) and entry[i + 1])
        )
    }


# Where a paragraph's words begin after its number or label: its next lines, set in to
# there, go on it (a hanging indent, as a typed or a PDF's text sets them).
HANGING = re.compile(
    r"^\s*(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]{1,5})[.)]|\d{1,3}(?:\.\d{1,3})+|\d{1,3}\(\d{1,3}\)"
    r"|[A-Z]\d{1,3}[.)]?|[-•◦▪‣*])\s+(?=\S)"
)


# A line of a sentence this long, unfinished, was wrapped: no heading is printed so
WRAPPED = 60
# A line of a flowchart's arrows between its boxes ("↓", "▼", "→"): no words, but kept
# where an annex prints it, as the chart reads by them
ARROW = r"[\u2190-\u21ff\u2794-\u27bf\u2b00-\u2b2f\u25b2-\u25c5]"
ARROWS = re.compile(rf"\s*{ARROW}(?:\s*{ARROW})*\s*")


def annex_heading(text: str, kept: list[Kept]) -> bool:
    """Whether the line heads an annex, appendix or schedule after numbered paragraphs
    (Structurer.place sets its words apart as back matter)."""
    headed = bool(BACK_MATTER.match(text)) and heading_like(text)
    return headed and any(NUMBERED.match(k[0][0]) for k in kept)


def boxed(line: Line, last: str) -> bool:
    """Whether a PDF's line at the body's spacing stands on its own in an annex: under a
    short line (a form's field, a flowchart's box, its arrows), not the next line of one
    wrapped at the measure, as a text file's lines are read (Structurer.place)."""
    return line.wraps and len(last) < WRAPPED


# A line whose first words end a sentence ("Council. Paragraph numbers ..."): the end of
# the one before, as no paragraph begins so
ENDS_EARLY = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}[.;,]\s+[A-Z]")


def goes_on(before: Kept, c: tuple[str, bool, bool], line: Line, fresh: bool) -> bool:
    """Whether a line is the next line of the paragraph before it, not a paragraph,
    heading or number of its own: set in under the words of a paragraph with a hanging
    indent (over a page break too), or, with no blank line between, going on its
    sentence in small letters ("...adopted by Council" / "on 12 March ..."), a number
    included ("...in paragraphs 5.3.22 and" / "5.3.23 have been taken.")."""
    (last, _, last_marked), first, _ = before
    text, bullet, marked = c
    if bullet or marked or last_marked or FOOTNOTE.match(text):
        return False
    if FOOTNOTE.match(last):  # a note's words wrapped onto the next line, no blank between
        return not (fresh or ends_sentence(last) or NUMBERED.match(text) or PAREN.match(text))
    if LETTER.match(text):
        return False
    numbered = NUMBERED.match(text) or PAREN.match(text)
    indent = len(line.text) - len(line.text.lstrip())
    label = HANGING.match(first.text)
    over_page = bool(first.page and line.page and first.page != line.page)
    if line.wraps and not numbered and not last.rstrip().endswith((":", ";", ":-")):
        return True  # a PDF's next line at its paragraph's spacing; a list's line stays its own
    if not numbered and indent and label and label.end() == indent and (over_page or not fresh):
        return True
    if fresh:
        return False
    if ends_sentence(last):  # "It applies to:" / "every member;": a list's lines
        return False
    if not numbered:  # a capital goes on a long line of a sentence, never a heading's
        sentence = not title_case(last) or bool(ENDS_EARLY.match(text) or SENTENCES.search(last))
        return text[:1].islower() or (text[:1].isupper() and len(last) >= WRAPPED and sentence)
    # "5.3.23 have been taken." or "72(1) of the Act": a number cited at the end of the
    # line before; but "3. avoid conflict" after "2. define roles" is the next item of a list
    cited_number = "." in numbered["num"] or bool(numbered.groupdict().get("sec"))
    return cited_number and numbered["rest"][:1].islower() and not heading_like(last)


# A paragraph's number after a word naming it, its words after: "Paragraph 12  Members
# ...", "Para 8A A member ...", "§ 3 Officers ..." (not a heading, "Paragraph 4 – Meetings")
WORDED = re.compile(
    r"^(?:Paragraph|Para\.?|§{1,2})\s*(?P<num>\d{1,3}[A-Z]{0,4}(?:\.\d{1,3}[A-Z]{0,4})*)"
    r"[.)]?\s+(?P<rest>[A-Z(\"'\u2018\u201c].*)$"
)
MIN_WORDED = 3  # numbered so throughout, not a sentence beginning "Paragraph 5 ..."


def worded_numbers(kept: list[Kept], notes: list[str]) -> list[Kept]:
    """Paragraphs numbered with a word before each number ("Paragraph 1", "Para 8A") read
    as numbered ("1.", "8A."), where at least MIN_WORDED are; the word is the number's
    label, as a full stop after it is, not the paragraph's words."""
    found = [WORDED.match(c[0]) for c, _, _ in kept]
    found = [f if f and not heading_like(f["rest"]) else None for f in found]
    if sum(1 for f in found if f) < MIN_WORDED:
        return kept
    notes.append(
        "Paragraphs are numbered with a word before the number ('Paragraph 1', 'Para 1' or "
        "'§ 1'): each was read as the number alone."
    )
    return [
        ((f"{f['num']}. {f['rest']}" if f else text, bullet, marked), line, fresh)
        for ((text, bullet, marked), line, fresh), f in zip(kept, found, strict=True)
    ]


def block_number(text: str) -> str | None:
    """The number a block is printed with ("1.2", "3(4)"), None for one without."""
    found = NUMBERED.match(text) or PAREN.match(text)
    return text[: found.start("rest")].strip() if found else None


# A section's number printed on a line of its own: "3", "3." or "3)"
SECTION_NUMBER_ALONE = re.compile(r"(\d{1,3})[.)]?")


def section_numbers_alone(kept: list[Kept]) -> list[Kept]:
    """A section's number on a line of its own, its title on the next ("2", "Roles of
    Members": a PDF's numbered heading read out as two lines) or the one before
    ("ROLES OF MEMBERS", "2": a number set under its heading), is one heading "2 Roles of
    Members" where the line after the two begins the section's paragraphs ("2.1 ...").
    A bare number is otherwise left alone: it is as likely a page number."""
    out: list[Kept] = []
    skip = False
    for i, ((text, bullet, marked), line, fresh) in enumerate(kept):
        if skip:
            skip = False
            continue
        other, after = (kept[i + 1], kept[i + 2][0][0]) if i + 2 < len(kept) else (None, "")
        lone = SECTION_NUMBER_ALONE.fullmatch(text) is not None
        if other is None or not heading_like(other[0][0] if lone else text):
            out.append(((text, bullet, marked), line, fresh))
            continue
        number, title = (text, other[0][0]) if lone else (other[0][0], text)
        number = number.rstrip(".)")  # "3." as "3"
        titled = not block_number(title)  # not the section's first paragraph ("3.1 ...")
        if titled and re.fullmatch(r"\d{1,3}", number) and after.startswith(f"{number}."):
            out.append(((f"{number} {title}", bullet, marked or other[0][2]), line, fresh))
            skip = True
            continue
        out.append(((text, bullet, marked), line, fresh))
    return out


def section_alone(label: str, following: str) -> str | None:
    """The section's number printed alone ("3", "3."), where the line after it is the
    section's first paragraph ("3.1 ..."), not its title: the number, else None."""
    number = SECTION_NUMBER_ALONE.fullmatch(label)
    under = block_number(following)
    return number[1] if number and under and under.startswith(f"{number[1]}.") else None


def clauses_of(words: Text) -> list[ImportedClause]:
    """A section's unnumbered words, where it has no numbered paragraph: they are its
    body, not an introduction, so each paragraph becomes a clause (a list's items stay
    with the paragraph before them), as in a document with no numbers at all."""
    clauses: list[ImportedClause] = []
    for paragraph, line in zip(words.paragraphs, words.lines, strict=True):
        if not clauses or not paragraph.startswith("- "):
            clauses.append(ImportedClause("", "", "none", line))
        clauses[-1].add(paragraph, line)
    return clauses


# How insert numbering (numbering.py) resolves a number printed twice: it keeps the
# printed numbers that stand in order, and numbers any other as inserted.
DUPLICATE_RULE = (
    " Under insert numbering the first keeps the number and this one is numbered as if "
    "inserted after the paragraph before it (with an A added, if that number is free)."
)


def numbered_afresh(doc: Imported) -> bool:
    """Paragraphs numbered 1, 2, 3 afresh in each section (more than one section starts
    at 1) repeat their numbers by design; numbered on through the document, they do not."""
    return sum(any(c.style == "int" and c.key == "1" for c in s.clauses) for s in doc.sections) > 1


def number_style(doc: Imported) -> str:
    """How the document prints its paragraphs' numbers, as conf/council.toml's
    number-style names it (numbering.py): "(1)" afresh in each section, or 1, 2, 3 afresh
    under each heading, is paragraph-in-section; 1 to 66 on through the document is
    continuous; 3.1 (or no number at all) is section.paragraph. The style most of its
    numbered paragraphs have decides."""
    numbered = ("dotted", "paren", "int", "lettered")
    styles = Counter(c.style for c in doc.clauses() if c.style in numbered)
    if not styles:
        return "section.paragraph"
    # 5.3.1 to 5.3.26 on through the document's headings, or 5.3.2.1 under "5.3.2 Roles"
    if part_number(doc) or any(s.printed for s in doc.sections):
        return "continuous"
    most = styles.most_common(1)[0][0]
    if most == "lettered":
        return "lettered"
    if most == "paren" or (most == "int" and numbered_afresh(doc)):
        return "paragraph-in-section"
    return "continuous" if most == "int" else "section.paragraph"


STYLE_EXAMPLES = {
    "section.paragraph": "3.1, cited 3.1",
    "paragraph-in-section": "(1) afresh in each section, cited 3(1)",
    "continuous": "1, 2, 3 on through the document, cited 12",
    "lettered": "A1, A2 afresh after each part's letter, cited B2",
}


def cited(clause: ImportedClause, section: ImportedSection, style: str) -> str:
    """The clause's printed number as the document's style cites it (its source number):
    "(1)" in section 3 is 3(1) ("(1)" under a heading with no number); "12." is 12."""
    if style == "paragraph-in-section" and clause.style in ("paren", "int"):
        return f"{section.number}({clause.key})" if section.number else f"({clause.key})"
    if style == "continuous" and clause.style == "int":
        return clause.key
    # A section printed in another style than the document's (mixed_styles reports it):
    # its number in the document's style, with its section, rather than one the
    # numbering cannot place and would publish as inserted elsewhere
    if style == "section.paragraph" and clause.style in ("paren", "int") and section.number:
        return f"{section.number}.{clause.key}"
    major, _, minor = clause.key.partition(".")
    if style == "paragraph-in-section" and clause.style == "dotted" and major == section.number:
        return f"{major}({minor})"
    return clause.number


def says_number(section: ImportedSection, style: str) -> bool:
    """Whether its paragraphs' printed numbers say the section's, as numbering reads them:
    they name it and no other (a "6.4" printed in section 4 would leave section 4
    without a number)."""
    numbers = [cited(c, section, style) for c in section.clauses if c.number]
    return section_heads(numbers, style) == {section.number}


# The paragraph numbers foreign to each number style (cited() maps them into it).
FOREIGN = {"section.paragraph": ("paren", "int"), "paragraph-in-section": ("dotted",)}


def mixed_styles(doc: Imported) -> None:
    """Each section whose paragraphs are printed in another style than the document's
    ("(1)" under section 4 where the rest is 3.1): once, with how it is published."""
    style = number_style(doc)
    for section in doc.sections:
        foreign = [c for c in section.clauses if c.style in FOREIGN.get(style, ())]
        if not foreign or not section.number:
            continue
        shown = ", ".join(c.number for c in foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        published = ", ".join(cited(c, section, style) for c in foreign[:3])
        doc.defects.append(
            Defect(
                "mixed-number-style",
                section.number,
                section.where,
                f"section {section.number} prints its paragraphs {shown} where the document "
                f"prints them {STYLE_EXAMPLES[style].split(',')[0]}; they are published as "
                f"{published}. Number them alike in the source, or check that citations of "
                "them still find them.",
            )
        )


def counted_on(doc: Imported, index: int) -> bool:
    """Whether the section's heading takes its number from the count its paragraphs keep
    ("3. It applies...", then "4. Enquiries", then "5. An officer..."): one count
    through the document for headings and paragraphs alike, so the section numbers'
    steps are no fault."""
    before = [c for c in doc.sections[index - 1].clauses if c.style == "int"]
    return bool(before) and int(before[-1].key) + 1 == int(doc.sections[index].number)


def other_section(clause: ImportedClause, section: ImportedSection) -> str:
    """Where a paragraph is printed with another section's number or letter ("4(2)" in
    section 3, "C2" among part B's paragraphs): what the report says of it; "" if not."""
    if clause.style == "lettered":
        part = next(c.key[0] for c in section.clauses if c.style == "lettered")
        return (
            f"{clause.number} sits among part {part}'s paragraphs." if clause.key[0] != part else ""
        )
    printed = clause.number.partition("(")[0] if clause.style == "paren" else ""  # 3 of 3(1)
    if printed and section.number.isdigit() and printed != section.number:
        return f"{clause.number} sits in section {section.number}."
    return ""


def level(number: str) -> tuple[str, str]:
    """(what a dotted number counts under, its own last part): 3.2.1 counts under 3.2;
    3.2 in its section (""), where a slip into another section's number still counts."""
    parent, _, minor = number.rpartition(".")
    return (parent if "." in parent else ""), minor


def revoked_gap(doc: Imported, key: str, before: int, value: int) -> bool:
    """Whether every number between ``before`` and ``value`` was printed as revoked."""
    head = key.rpartition(".")[0]
    gap = (f"{head}.{n}" if head else str(n) for n in range(before + 1, value))
    return all(number in doc.revoked for number in gap)


def misnumbered(
    doc: Imported,
    clause: ImportedClause,
    section: ImportedSection,
    run: tuple[str, Defect] | None,
    same: ImportedClause | None,
) -> tuple[str, Defect]:
    """A paragraph printed with another section's number ("6.1" in section 7): one
    fault, or, after the paragraph before it printed with the same section's number, a
    consequence of that one (the section's paragraphs numbered as another's); ``same``,
    the paragraph it is then numbered the same as, is said under it too. The fault and
    the number of the section its paragraphs carry."""
    carried = level(clause.key)[0] or clause.key.rpartition(".")[0]
    also = (
        [
            f"so {clause.number} at {clause.where.where} is numbered the same as the paragraph "
            f"at {same.where.where}"
        ]
        if same
        else []
    )
    if run and run[0] == carried:
        first = run[1]
        first.consequences.append(
            f"so {clause.number} at {clause.where.where} also sits in section {section.number}"
        )
        first.consequences.extend(also)
        said = replace(
            first,
            message=f"{first.number} sits in section {section.number}: the section's "
            f"paragraphs from {first.number} on are numbered as section {carried}'s.",
        )
        doc.defects[next(n for n, d in enumerate(doc.defects) if d is first)] = said
        return carried, said
    slip = Defect(
        "numbering-jump",
        clause.number,
        clause.where,
        f"{clause.number} sits in section {section.number}.",
        also,
    )
    doc.defects.append(slip)
    return carried, slip


def moved_back(
    doc: Imported,
    clause: ImportedClause,
    before: str,
    value: int,
    skip: tuple[int, int] | None,
) -> None:
    """A number lower than the one before it (4.3 after 4.5). Where the numbers last
    skipped (``skip``: the report's place among the defects, the number skipped from) to
    a higher one and this is the first of those skipped (4.2, 4.5, 4.3), a paragraph was
    moved and not renumbered: one fault, the skip's report said again as that, the going
    back under it; otherwise a fault of its own."""
    back = f"numbering goes back from {before} to {clause.number}"
    if skip and skip[1] + 1 == value and clause.where:
        moved = doc.defects[skip[0]]
        doc.defects[skip[0]] = replace(
            moved,
            kind="numbering-jump",
            message=f"{moved.number} is printed out of order, before {clause.number}: a "
            "paragraph moved and not renumbered.",
            consequences=[*moved.consequences, f"so {back} at {clause.where.where}"],
        )
        return
    doc.defects.append(Defect("numbering-jump", clause.number, clause.where, f"{back}."))


def meant_next(doc: Imported, twice: Defect, after: str, what: str) -> None:
    """A number printed twice, then the one after the next (3.2, 3.2, 3.4; sections 2, 2,
    4): the second was meant for the number between, one fault. Its report, said again so
    (naming both lines), replaces it; the numbers go on as printed from there."""
    meant = re.sub(r"\d+(?=\D*$)", lambda m: str(int(m[0]) + 1), twice.number)
    rule = DUPLICATE_RULE if twice.message.endswith(DUPLICATE_RULE) else ""
    said = twice.message.removesuffix(rule).partition(" is numbered the same as ")[2][:-1]
    at = twice.where.where if twice.where else ""
    doc.defects[next(n for n, d in enumerate(doc.defects) if d is twice)] = replace(
        twice,
        message=f"{what} {twice.number} at {at} is numbered the same as {said}, where "
        f"{meant} was meant: the next {what} is {after}.{rule}",
    )


def find_defects(doc: Imported) -> None:
    """Numbering faults and repeated paragraphs, with where they are in the source."""
    mixed_styles(doc)
    seen: dict[str, ImportedClause] = {}
    misplaced: dict[str, Defect] = {}  # paragraphs numbered for another section
    previous_section = 0
    headed_at: dict[int, Line] = {}  # where each section's number was first printed
    # a section numbered as the one before it: its report, until the next section's number
    twice_section: Defect | None = None
    gone = {int(g) for _, g, _ in doc.revoked_sections if g.isdigit()}
    afresh = numbered_afresh(doc)
    # the last number counted in a section ("") and under each three-level parent; on
    # through the document where its paragraphs are numbered so (5.3.1 to 5.3.26)
    last: dict[str, int] = {}
    printed: dict[str, str] = {}  # each of those numbers as printed, for the report
    on_through = bool(part_number(doc))
    for index, section in enumerate(doc.sections):
        if section.number.isdigit():
            n = int(section.number)
            between = set(range(previous_section + 1, n))
            if (
                previous_section
                and n != previous_section + 1
                and not counted_on(doc, index)
                and not (between and between <= gone)  # each number between printed revoked
            ):
                if twice_section and n == previous_section + 2:
                    meant_next(doc, twice_section, str(n), "section")
                else:
                    kind = "duplicate-number" if n == previous_section else "numbering-jump"
                    said = f"section {n} follows section {previous_section}."
                    if n == previous_section:
                        said = f"section {n} is numbered the same as the section at " + (
                            f"{headed_at[n].where}." if n in headed_at else "the one before."
                        )
                    doc.defects.append(Defect(kind, section.number, section.where, said))
            twice_section = (
                doc.defects[-1]
                if n == previous_section and doc.defects and doc.defects[-1].where is section.where
                else None
            )
            headed_at.setdefault(n, section.where)
            previous_section = n
        if not on_through:
            last, printed = {}, {}
        slips: dict[int, Defect] = {}  # a number typed with another section's ("C2" for B2)
        # a number typed again where the next was meant (3.2, 3.2, 3.4): under its parent
        again: dict[str, tuple[int, Defect]] = {}
        # the paragraphs just before this one printed with another section's number, one
        # after another ("6.1", "6.2" in section 7): that section's and its one fault
        run: tuple[str, Defect] | None = None
        counted: dict[str, set[int]] = {}  # each number printed so far, under its parent
        # under each parent, the last skip reported: its place among the defects, and the
        # number it skipped from, until a number goes back into the gap or on past it
        skips: dict[str, tuple[int, int]] = {}
        for clause in section.clauses:
            for heading in clause.headings:  # "3.2 Gifts" over 3.2.1 counts as 3.2
                if (sub := NUMBERED.match(heading)) and "." in sub["num"]:
                    parent, minor = level(sub["num"])
                    if minor.isdigit():
                        last[parent], printed[parent] = int(minor), sub["num"]
            # (1), (a): numbered afresh in each section, numbered or not
            scope = section.number or f"#{index}"
            local = clause.style in ("paren", "letter") or (afresh and clause.style == "int")
            full = f"{scope}:{clause.number}" if local else clause.key
            twice = bool(clause.number) and full in seen
            duplicate = None
            own = f"{section.printed or section.number}."
            # "6.1" in section 7: its being numbered as another paragraph is part of that
            # fault, said under it (below), not a fault of its own
            elsewhere = (
                clause.style == "dotted"
                and section.number.isdigit()
                and not clause.key.startswith(own)
                and level(clause.key)[1].isdigit()
            )
            if twice and elsewhere:
                pass
            elif twice and full in misplaced:
                # the first was a typing slip ("6.4" in section 4): this one is the real
                # 6.4, and the fault is said once, at the slip
                misplaced[full].consequences.append(
                    f"so {clause.number} at {clause.where.where} is numbered the same as it"
                )
            elif (
                twice
                and twice_section
                and twice_section.number == section.number
                and clause.key.startswith(f"{section.number}.")
            ):  # the section's number printed twice: its paragraphs' follow from it
                twice_section.consequences.append(
                    f"so {clause.number} at {clause.where.where} is numbered the same as the "
                    f"paragraph at {seen[full].where.where}"
                )
            elif twice:
                duplicate = Defect(
                    "duplicate-number",
                    clause.number,
                    clause.where,
                    f"{clause.number} is numbered the same as the paragraph "
                    f"at {seen[full].where.where}."
                    + (DUPLICATE_RULE if clause.style == "dotted" else ""),
                )
                doc.defects.append(duplicate)
            seen.setdefault(full, clause)
            if clause.number in doc.revoked:  # printed as revoked, and given again
                doc.defects.append(
                    Defect(
                        "duplicate-number",
                        clause.number,
                        clause.where,
                        f"{clause.number} is also printed as revoked: a revoked number is "
                        "not given to another paragraph.",
                    )
                )
            parent = ""
            if clause.style == "dotted":
                parent, minor = level(clause.key)
                if not minor.isdigit():
                    continue  # 7.12A: inserted after 7.12, not a step in the count
                # 3.2 in section 3; 5.3.2.1 in the section printed "5.3.2 Roles"
                if elsewhere:
                    run = misnumbered(doc, clause, section, run, seen[full] if twice else None)
                    misplaced.setdefault(full, run[1])
                else:
                    run = None
                value = int(minor)
            elif clause.style in ("paren", "int", "lettered"):
                value = int(clause.key.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                if where := other_section(clause, section):
                    slip = Defect("numbering-jump", clause.number, clause.where, where)
                    doc.defects.append(slip)
                    slips[value] = slip  # the number this one was typed for
                    continue  # another section's number: no step in this one's count
            else:
                continue
            before = last.get(parent)
            if elsewhere:  # its report says it: a step in the count only where it is one
                if before is None or value == before + 1:
                    last[parent], printed[parent] = value, clause.number
                continue
            if duplicate is not None and value == before:
                again[parent] = (value, duplicate)
            skipped = f"numbering skips from {printed.get(parent)} to {clause.number}"
            numbers = counted.setdefault(parent, set())
            if before is not None and value == before + 2 and (gap := slips.get(before + 1)):
                gap.consequences.append(f"so {skipped} at {clause.number}")
            elif (
                before is not None and value == before + 2 and again.get(parent, (0,))[0] == before
            ):
                meant_next(doc, again[parent][1], clause.number, "paragraph")
            elif (
                before is not None
                and value > before + 1
                and not revoked_gap(doc, clause.key, before, value)
                # each number between printed already: one moved up, not a gap
                and not set(range(before + 1, value)) <= numbers
            ):
                doc.defects.append(
                    Defect("skipped-number", clause.number, clause.where, f"{skipped}.")
                )
                skips[parent] = (len(doc.defects) - 1, before)
                numbers.add(value)
                last[parent], printed[parent] = value, clause.number
                continue
            elif before is not None and value <= before and not twice:  # twice: said above
                moved_back(doc, clause, printed.get(parent, ""), value, skips.get(parent))
            skips.pop(parent, None)
            numbers.add(value)
            last[parent], printed[parent] = value, clause.number
    texts: dict[str, ImportedClause] = {}
    for clause in doc.clauses():
        for paragraph in clause.paragraphs:
            key = re.sub(r"\W+", " ", paragraph.lower()).strip()
            if len(key) > 40 and key in texts and texts[key] is not clause:
                doc.defects.append(
                    Defect(
                        "repeated-paragraph",
                        clause.number,
                        clause.where,
                        f"this paragraph repeats, word for word, one at {texts[key].where.where}.",
                    )
                )
            texts.setdefault(key, clause)


# ---------------------------------------------------------------- writing MyST


# A reference link() found: {para}`3.1 <ID>`. No other backtick is left in the words (clean()).
FOUND = re.compile(r"\{para\}`([^`]+)`")


def words_tree(text: str) -> tuple[Inline, ...]:
    """The words, with the references link() found as references by ID."""
    parts = FOUND.split(text)
    return tuple(
        node
        for odd, part in ((i % 2 == 1, part) for i, part in enumerate(parts))
        if part
        for node in ((Ref(*role_target(part)),) if odd else inlines(part))
    )


def body(
    words: Text,
    targets: Targets,
    local: dict[str, str],
    itself: str = "",
    items: dict[str, ImportedClause] | None = None,
) -> tuple[str, list[Defect]]:
    """A clause's (or an introduction's) words as MyST, written from their tree by the one
    writer, and the references in them left as text; ``local`` maps its section's "(4)"
    and "(b)" to IDs; ``itself`` is the clause's own ID; ``items``, the paragraphs above
    it holding each lettered item it does not (ItemsAbove)."""

    def within(letter: str) -> bool:  # "(b)" names an item of these very words
        return any(re.match(rf"- \(?{re.escape(letter)}[.)]", p) for p in words.paragraphs)

    defects: list[Defect] = []

    def linked(text: str, line: Line) -> str:
        found, unresolved = link(text, targets, local.get, within, itself)
        defects.extend(item_reference(u, items or {}, line) for u in unresolved)
        return found

    return as_myst(words, linked), defects


ITEM_LETTER = re.compile(r"- \(?([a-z]{1,4})[.)]")


class ItemsAbove:
    """The lettered items of a section's paragraphs so far, each letter the latest
    paragraph's that holds it: "(b) above" in a paragraph holding no item (b), in a
    section whose paragraphs are not lettered, is that paragraph's item (b). An item has
    no ID, and linking its paragraph would print that paragraph's number for "(b)", so
    the reference is kept as text and listed, naming the paragraph."""

    def __init__(self, paragraphs: dict[str, str]) -> None:
        self.paragraphs = paragraphs  # the section's own "(4)", "(b)": those first
        self.held: dict[str, ImportedClause] = {}

    def add(self, clause: ImportedClause) -> None:
        self.held.update(dict.fromkeys(letters(clause), clause))

    def above(self, clause: ImportedClause) -> dict[str, ImportedClause]:
        own = letters(clause)
        return {k: v for k, v in self.held.items() if k not in own and k not in self.paragraphs}


def item_reference(found: Unresolved, items: dict[str, ImportedClause], line: Line) -> Defect:
    """The report of a reference left as text: one naming no paragraph but a lettered
    item of one above ("(b) above") names that paragraph."""
    held = items.get(found.number.strip("()")) if found.kind == "missing-reference" else None
    if held is None:
        return Defect(found.kind, found.number, line, found.message)
    return Defect(
        "item-reference",
        found.number,
        line,
        f"'{found.text}' names the item {found.number} of paragraph {held.number} at "
        f"{held.where.where}, which has no ID of its own; kept as text (linked, it would "
        f"print {held.number}): write {{para}}`{held.id}` beside it if it should follow "
        "that paragraph.",
    )


def letters(clause: ImportedClause) -> set[str]:
    return {m[1] for p in clause.paragraphs if (m := ITEM_LETTER.match(p))}


def as_myst(words: Text, linked: Callable[[str, Line], str]) -> str:
    """Paragraphs as MyST, a run of "- " items one list, each paragraph's words as
    ``linked`` gives them (with the references it found)."""
    blocks: list[Block] = []
    levels: list[str] = []  # the label kind of each list the last item is in, outermost first
    for n, (paragraph, line) in enumerate(zip(words.paragraphs, words.lines, strict=True)):
        if n in words.titles:
            # A heading over the words: in bold, since an introduction holds paragraphs
            # and lists only, and every output (site, PDF, data) shows bold.
            blocks.append(Paragraph((Strong(inlines(paragraph)),)))
            continue
        item = paragraph.startswith("- ")
        block = Paragraph(words_tree(linked(paragraph[2:] if item else paragraph, line)))
        if not item:
            blocks.append(block)
            levels = []
        elif blocks and isinstance(blocks[-1], BulletList):
            before = words.paragraphs[n - 1][2:]  # the item before, at whatever depth
            kind = label_kind(paragraph[2:], before)
            if kind != levels[-1] and kind in levels:  # back out to the list of its kind
                del levels[levels.index(kind) + 1 :]
            elif kind != levels[-1] and before.rstrip().endswith(":"):
                levels.append(kind)  # items the item before leads in to: its own list
            blocks[-1] = nested(blocks[-1], block, len(levels) - 1)
        else:
            blocks.append(BulletList(((block,),)))
            levels = [label_kind(paragraph[2:])]
    return write_myst(tuple(blocks))


def label_kind(item: str, before: str = "") -> str:
    """What labels an item: "letter" ("(a)", "b."), "roman" ("(ii)"), "number" ("(3)"), or
    "" (a bullet, or none); in capitals ("(A)", "(II)"), a kind of its own ("capital
    letter"), as a list lettered in capitals holds one lettered in small ones. "(i)" is a
    letter after "(h)", as "(v)" after "(u)" and "(x)" after "(w)" (``before``: the words
    of the item before it)."""
    label = ITEM_LABEL.match(item)
    if not label:
        return ""
    text = label.group(1)
    if text.isdigit():
        return "number"
    previous = ITEM_LABEL.match(before)
    follows = previous and len(text) == 1 and ord(text) == ord(previous.group(1)[-1]) + 1
    kind = "roman" if re.fullmatch("[ivx]+", text.lower()) and not follows else "letter"
    return f"capital {kind}" if text.isupper() else kind


def nested(lists: BulletList, block: Paragraph, depth: int) -> BulletList:
    """The list with ``block`` added as an item ``depth`` lists down its last items."""
    if depth == 0:
        return BulletList((*lists.items, (block,)))
    *before, last = lists.items
    inner = last[-1]
    if isinstance(inner, BulletList):
        return BulletList((*before, (*last[:-1], nested(inner, block, depth - 1))))
    return BulletList((*before, (*last, BulletList(((block,),)))))


def acronyms(doc: Imported) -> frozenset[str]:
    """The words the document prints in capitals among words that are not ("ICT")."""
    texts = [*doc.intro.paragraphs, *(p for s in doc.sections for p in s.intro.paragraphs)]
    return capitals.acronyms(texts + [p for c in doc.clauses() for p in c.paragraphs])


def appendix_pages(doc: Imported, *, titled: bool = False) -> dict[str, str]:
    """Each appendix left out of the protocol as a page of its own (name -> MyST): its
    heading (with ``titled``, out of capitals, as render writes a section's) and its
    words as printed, for the site's other pages (docs/)."""
    shouted = acronyms(doc)
    return {
        f"{s.slug}.md": "# "
        + escape(out_of_capitals(s.title, shouted) if titled else s.title, False)
        + "\n\n"
        + as_myst(s.intro, lambda text, _: text)
        + "\n"
        for s in doc.appendices
    }


def targets(doc: Imported, forms: Forms) -> Targets:
    """What the document's references can resolve to; ``forms``, the words it and the
    constitution's other documents are cited by."""
    clauses = doc.clauses()
    whole = Counter(c.key for c in clauses if c.style == "int")
    # "3(4)": a paragraph printed so, or printed "(4)" under the section numbered 3
    subsections = [
        (c.number if c.number[0] != "(" else f"{s.number}({c.key})", c.id)
        for s in doc.sections
        for c in s.clauses
        if c.style == "paren" and (c.number[0] != "(" or s.number.isdigit())
    ]
    printed: dict[str, tuple[str, ...]] = {}
    for number, ident in [
        *((c.key, c.id) for c in clauses if c.style in ("dotted", "lettered")),
        *subsections,
    ]:
        printed[number] = (*printed.get(number, ()), ident)
    return Targets(
        dotted={c.key: c.id for c in clauses if c.style == "dotted"},
        # numbered on through the document only: "(4)" restarts in each section
        whole={c.key: c.id for c in clauses if c.style == "int" and whole[c.key] == 1}
        | {c.key: c.id for c in clauses if c.style == "lettered"},
        parts={
            c.number.split("–")[0].strip() for c in clauses if c.number != c.key and "–" in c.number
        },
        sections={
            s.number: (position, s.title)
            for position, s in enumerate(doc.sections, start=1)
            if s.number
        },
        headings={
            sub["num"]: sub["rest"]
            for c in clauses
            for heading in c.headings
            if (sub := NUMBERED.match(heading))
        },
        subsections=dict(subsections),
        twice={number: ids for number, ids in printed.items() if len(ids) > 1},
        part=own_part(doc),
        elsewhere=forms_elsewhere(
            [p for c in clauses for p in (*c.paragraphs, *c.after.paragraphs)],
            own_part(doc),
            forms,
        ),
        afresh={
            section_name(s, n): {c.key: c.id for c in s.clauses if c.style == "int"}
            for n, s in enumerate(doc.sections, start=1)
            if any(c.style == "int" and whole[c.key] > 1 for c in s.clauses)
        },
        forms=forms,
    )


def section_name(section: ImportedSection, position: int) -> str:
    """How a reference names a section: the Part its title names ("PART II – ..." is
    "II"), else its number, else its place."""
    part = re.match(r"(?i)part\s+([IVXLC]{1,6}|[A-Z]|\d{1,2})\b", section.title)
    return part[1].upper() if part else section.number or str(position)


def own_part(doc: Imported) -> str:
    """The Part of the constitution the document is: its title's ("Part 5.3 – Member and
    Officer Relations Protocol"), or the number all its paragraphs' begin with."""
    return titled_part(doc.title) or part_number(doc)


def titled_part(title: str) -> str:
    """The Part of the constitution a title names ("Part 5.3 – ..." is 5.3); "" if none."""
    named = re.match(r"Part\s+(\d{1,2}(?:\.\d{1,2})?[A-Z]?)\b", title, re.I)
    return named[1] if named else ""


def slugify(title: str, taken: set[str]) -> str:
    # a letter's accent dropped, not the letter: "Rôl Swyddogion" is rol-swyddogion
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:50].strip("-") or "section"
    if base == "index":
        base = "section-index"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def too_long(number: str, where: Line, size: int) -> Problem:
    return Problem.of(
        "",
        where.line,
        "import-clause-too-long",
        number=number or "unnumbered",
        where=where.where,
        size=size,
        limit=MAX_CLAUSE,
    )


class SubHeadings:
    """A section's sub-headings as MyST, in order: each a level under the section's title
    ('##') for each level its heading stands under the section's in the source (Word's
    Heading 3 under a section's Heading 1: '###'), never more than one below the one
    before it."""

    def __init__(
        self,
        section: ImportedSection,
        standing: tuple[Between, ...] = (),
        current: Revised | None = None,
    ) -> None:
        self.top = depth(section.where)
        self.last = 1
        # in a revision, the draft's sub-headings in its order, and the document they cite
        self.drafted = [b.text for b in standing if b.level]
        self.current = current

    def write(self, text: str, line: Line) -> str:
        here = depth(line)
        below = here - self.top if here and self.top else 1
        self.last = max(2, min(self.last + 1, 1 + below, 6))
        return f"{'#' * self.last} {self.kept(escape(text, False))}\n"

    def kept(self, words: str) -> str:
        """A sub-heading's words as the draft wrote them (its roles and references: Word
        shows them as words), where the next of the draft's sub-headings a reader sees
        the same words in is one; else as Word has them. Those passed over are not
        matched again, so that one written twice keeps each in its order."""
        if self.current is None:
            return words
        document = self.current.document
        for at, was in enumerate(self.drafted):
            if same_words(parse(words), parse(was), document):
                del self.drafted[: at + 1]
                return was
        return words


def depth(line: Line) -> int:
    """A heading's level in the source: Word's outline level, or Markdown's "#"s."""
    return line.level or heading_level(line.text)


def opened(section: ImportedSection) -> tuple[Text, Text]:
    """A section's introduction, and its words from its first sub-heading on, which stand
    before its first paragraph as words between paragraphs (none, if it has no paragraph)."""
    intro = section.intro
    if not (section.clauses and section.heads):
        return intro, Text()
    cut = min(section.heads)
    return (
        Text(paragraphs=intro.paragraphs[:cut], lines=intro.lines[:cut]),
        Text(
            paragraphs=intro.paragraphs[cut:],
            lines=intro.lines[cut:],
            titles={n - cut for n in section.heads},
        ),
    )


def runs_before(standing: tuple[Between, ...], before: str) -> list[str]:
    """The words a draft has between paragraphs before the paragraph ``before`` ("" for
    the section's end), as written, each run of them between two sub-headings one."""
    runs: list[list[str]] = [[]]
    for words in standing:
        if words.before == before:
            if words.level:
                runs.append([])
            else:
                runs[-1].append(words.text)
    return ["\n\n".join(run) for run in runs if run]


def between(
    words: Text,
    targets: Targets,
    local: dict[str, str],
    doc: Imported,
    titles: SubHeadings,
    stood: tuple[list[str], Revised | None] = ([], None),
) -> list[str]:
    """Unnumbered words after a paragraph as MyST, where they stand: each sub-heading as
    one ('## ...'), the words between as an introduction's; in a revision, each run of
    words as the draft wrote the one in its place (``stood``), if their words are the same."""
    parts: list[str] = []
    was, current = stood
    runs = iter(was)
    run = Text()
    for n, (paragraph, line) in enumerate(zip(words.paragraphs, words.lines, strict=True)):
        if n not in words.titles:
            run.paragraphs.append(paragraph)
            run.lines.append(line)
            continue
        if run.paragraphs:
            written = unnumbered(run, targets, local, doc, "words between paragraphs")
            parts.append(kept_words(written, next(runs, ""), current))
            run = Text()
        parts.append(titles.write(paragraph, line))
    if run.paragraphs:
        written = unnumbered(run, targets, local, doc, "words between paragraphs")
        parts.append(kept_words(written, next(runs, ""), current))
    return parts


def unnumbered(
    words: Text,
    targets: Targets,
    local: dict[str, str],
    doc: Imported,
    kept: str = "the introduction",
) -> str:
    """An introduction (or other unnumbered words, ``kept`` as) as MyST, each paragraph
    within the reader's limit."""
    text, unresolved = body(words, targets, local)
    doc.defects += unresolved
    for paragraph, line in zip(words.paragraphs, words.lines, strict=True):
        guess = guess_modality(paragraph)
        if guess.modality != "informative" and guess.confidence != "low":
            doc.defects.append(
                Defect(
                    "rule-in-introduction",
                    "",
                    line,
                    f"the unnumbered paragraph '{paragraph[:50]}' says '{guess.phrases[0]}' "
                    f"but has no number, so it was kept as {kept}; if it states "
                    "a rule, number it in the source, or make it a clause after import.",
                )
            )
    long = [
        too_long("", line, len(p))
        for p, line in zip(words.paragraphs, words.lines, strict=True)
        if len(p) > MAX_CLAUSE
    ]
    if long:
        raise ProtocolError(long)
    return f"{text}\n" if text else ""


def render(
    doc: Imported,
    prefix: str,
    current: Revised | None = None,
    *,
    titled: bool = False,
    forms: Forms | None = None,
) -> dict[str, str]:
    """The MyST files (name -> text) of the imported protocol; with ``current``, a
    revision of the current draft, whose paragraphs keep their IDs (revision.py). With
    ``titled``, a heading printed in capitals is written as a title, as the document's
    own title is written into a council's repository (init, or an import into the
    project's own folder); elsewhere every heading stays as printed. ``forms``: the words
    the document, and the constitution's others, are cited by (references.Forms)."""
    clauses = doc.clauses()
    if current is None:
        for n, clause in enumerate(clauses, start=1):
            clause.id = f"{prefix}-{n:04d}"
    else:
        match_revision(clauses, current, prefix)
    found = targets(doc, forms or Forms())
    shouted = acronyms(doc)
    style = number_style(doc)
    kept = kept_slugs(doc.sections) if current else {}
    before = {s.slug: s for s in current.document.sections} if current else {}
    taken = set(kept.values())
    files = {}
    long: list[Problem] = []
    for n, section in enumerate(doc.sections):
        section.slug = kept.get(n) or slugify(section.title, taken)
        heading = out_of_capitals(section.title, shouted) if titled else section.title
        if n in kept and before[section.slug].title.casefold() == heading.casefold():
            heading = before[section.slug].title  # the draft's, as its council cased it
        parts = [f"# {escape(heading, False)}\n"]
        settings = [
            # nothing else would say the number printed on it: numbering would invent one
            *(
                [f"section-number: {section.number}"]
                if section.number and not says_number(section, style)
                else []
            ),
            *revoked_lines(section, style),
        ]
        if settings:  # directly over the title, as docs/editors.md writes it
            parts[0] = "---\n" + "\n".join(settings) + "\n---\n" + parts[0]
        # Once a section, not once a clause: 1,000 clauses in a section cost a million.
        paren = {c.key: c.id for c in section.clauses if c.style in ("paren", "letter")}
        held = ItemsAbove(paren)
        here = replace(found, current=section_name(section, n + 1))  # a bare number's Part
        former = before[section.slug].intro if n in kept else ""
        standing = before[section.slug].between if n in kept else ()
        titles = SubHeadings(section, standing, current)
        opening, heads = opened(section)
        if intro := kept_words(unnumbered(opening, here, paren, doc), former, current):
            parts.append(intro)  # between the title and the first clause, unnumbered
        if heads.paragraphs:
            stood = (runs_before(standing, section.clauses[0].id), current)
            parts += between(heads, here, paren, doc, titles, stood)
        for k, clause in enumerate(section.clauses):
            clause.guess = guess_lead_in(*clause.own_and_items())
            number = cited(clause, section, style) if clause.number else ""
            was = clause.revises
            if was:  # what the council said of the paragraph stays
                # its number as printed, if the draft numbers it so (never adopted)
                printed = number if was.source_number else ""
                options = clause_options(replace(was, source_number=printed))
            else:
                options = [f":modality: {clause.guess.modality}", f":tags: {REVIEW_TAG}"]
                if number:
                    options.append(f":source-number: {number}")
            words, unresolved = body(clause, here, paren, clause.id, held.above(clause))
            held.add(clause)
            doc.defects += unresolved
            if was and current:
                words = revised_words(clause, words, was, current.document)
            content = "\n".join(options) + f"\n\n{words}\n"
            if len(content) > MAX_CLAUSE:  # the gate would refuse it: write nothing
                long.append(too_long(clause.number, clause.where, len(content)))
            lines = clause.heading_lines or [clause.where] * len(clause.headings)
            parts += map(titles.write, clause.headings, lines)
            parts.append(f"```{{clause}} {clause.id}\n{content}```\n")
            after = section.clauses[k + 1].id if k + 1 < len(section.clauses) else ""
            stood = (runs_before(standing, after), current)
            parts += between(clause.after, here, paren, doc, titles, stood)
        files[f"{section.slug}.md"] = "\n".join(parts)
    if long:
        raise ProtocolError(long)
    toc = "\n".join(s.slug for s in doc.sections)
    title = escape(doc.title or "Protocol on Member/Officer Relations", False)
    intro = unnumbered(doc.intro, found, {}, doc)
    intro = kept_words(intro, current.document.intro, current) if current and intro else intro
    # whole sections printed as revoked, each kept in its place with the words printed
    gone = [revoked_line(n, said, whole=True) or "" for _, n, said in doc.revoked_sections]
    files["index.md"] = (
        ("---\n" + "\n".join(gone) + "\n---\n" if gone else "")
        + f"# {title}\n\n{intro and intro + chr(10)}"
        f"```{{toctree}}\n:numbered: 1\n:maxdepth: 1\n\n{toc}\n```\n"
    )
    return files


def revoked_lines(section: ImportedSection, style: str) -> list[str]:
    """The section's front matter's lines for its numbers printed as revoked, each with
    the words printed in its place, cited in the document's style ("3.3", or 3(3))."""
    lines = []
    for _, numbers, said in section.revoked:
        for number in numbers:
            head, part = split(number, "section.paragraph") or ("", number)
            shown = f"{head}({part})" if style == "paragraph-in-section" else number
            lines.append(revoked_line(shown, said) or "")
    return lines


def kept_slugs(sections: list[ImportedSection]) -> dict[int, str]:
    """With --revision, each section keeps the file, and so the address and the place in
    the numbering, of the current section most of its paragraphs come from (the first
    section to claim it, if several do); the others are named from their titles."""
    kept: dict[int, str] = {}
    for n, section in enumerate(sections):
        came = Counter(c.revises.section for c in section.clauses if c.revises)
        free = [slug for slug, _ in came.most_common() if slug not in kept.values()]
        if free:
            kept[n] = free[0]
    return kept


def revised_words(clause: ImportedClause, words: str, was: Clause, document: Document) -> str:
    """A revised paragraph's MyST: the current paragraph's own, its roles, references and
    emphasis as the editors wrote them, where a reader sees the same words in both (Word
    shows a reference as its words only); else the words as revised, with the current
    paragraph's marks kept over the words left as they were. Its change is
    "unchanged" only then: the matcher compares words, not punctuation."""
    tree = parse(words)
    same = same_words(tree, was.tree, document)
    clause.change = ", ".join(["unchanged" if same else "reworded", *clause.change.split(", ")[1:]])
    return was.text if same else write_myst(revision.kept_marks(was.tree, tree, document))


def same_words(tree: Tree, was: Tree, document: Document) -> bool:
    """Whether a reader sees the same words in both, spacing apart."""
    return " ".join(plain(tree, document).split()) == " ".join(plain(was, document).split())


def kept_words(intro: str, was: str, current: Revised | None) -> str:
    """An introduction, or words between paragraphs, brought back in a revision: as the
    editors wrote them (their roles and references; Word shows a reference as its words)
    where their words are the same."""
    if (
        current is None
        or not was.strip()
        or not same_words(parse(intro), parse(was), current.document)
    ):
        return intro
    return was.strip("\n") + "\n"


@dataclass(frozen=True)
class Revised:
    """The draft a revision revises, and the IDs revoked from it (never given again)."""

    document: Document
    revoked: dict[str, dt.date]
    register: str  # the retired register's text, kept as written
    today: dt.date


def match_revision(clauses: list[ImportedClause], current: Revised, prefix: str) -> None:
    """Give each revised paragraph the ID of the current one it revises, and each new one
    an ID after every ID used or revoked."""
    old = list(current.document.clauses())
    found = revision.match(
        [revision.Paragraph(c.number, plain(c.tree, current.document)) for c in old],
        [revision.Paragraph(c.key, c.text) for c in clauses],
    )
    moved = revision.moved(found)
    for m in found:
        clause, was = clauses[m.new], old[m.old]
        clause.id, clause.revises = was.id, was
        changes = [m.kind] + ["moved"] * (m.new in moved)
        changes += [f"renumbered from {was.number}"] * bool(clause.key and clause.key != was.number)
        clause.change = ", ".join(changes)
    last = last_used([*(c.id for c in old), *current.revoked])
    for clause in clauses:
        if not clause.id:
            last += 1
            clause.id, clause.change = f"{prefix}-{last:04d}", "new"


def reused(
    clauses: list[ImportedClause], draft: Document, root: Path, checks: Path
) -> list[Problem]:
    """Imported afresh over the draft (no --revision), the IDs its paragraphs are given that
    the draft holds for other words: refused, since whatever names one (checks/uncovered.toml,
    a worked example, another document's reference) would silently mean another paragraph.
    Reported where an editor reads the first such ID: in checks/ where it is cited there,
    else at its paragraph in the draft."""
    was = {c.id: c for c in draft.clauses()}
    given = [
        (old, new, words)
        for new in clauses
        if (old := was.get(new.id))
        and revision.words(words := plain(old.tree, draft)) != revision.words(new.text)
    ]
    if not given:
        return []
    named = "; ".join(
        f"{old.id} ({old.number}, '{was}') to {new.key} '{now}'"
        for old, new, words in given[:3]
        for was, now in [apart(words, new.text)]
    ) + (f"; and {len(given) - 3} more" if len(given) > 3 else "")
    cited = import_cited.citations(root, checks, [old.id for old, _, _ in given])
    first = given[0][0]
    path, line = min(w for ws in cited.values() for w in ws) if cited else (first.path, first.line)
    return [Problem.of(path, line, "import-ids-reused", count=len(given), named=named)]


def apart(old: str, new: str, size: int = 6) -> tuple[str, str]:
    """Two paragraphs' words from a word before the first that differs, enough to tell
    them apart: a paragraph reworded in place shows its change, not its same opening."""
    a, b = old.split(), new.split()
    same = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, same - 1)

    def shown(said: list[str]) -> str:
        cut = said[start : start + size]
        return " ".join(["..."] * bool(start) + cut + ["..."] * (start + size < len(said)))

    return shown(a), shown(b)


def no_project(source: Path) -> Problem:
    return Problem.of(source.name, 0, "import-revision-no-project")


def revoked(doc: Imported, current: Revised) -> dict[str, str]:
    """The retired register with the paragraphs the revision has no match for added,
    proposed as revoked today (the date to correct to the day Council adopts)."""
    kept = {c.id for c in doc.clauses()}
    gone = [c for c in current.document.clauses() if c.id not in kept]
    doc.extracted.notes += [
        f"{c.id} ({c.number}) has no match in the revision: proposed for revocation in "
        f"{RETIRED}, dated today; correct the date to the day Council adopts."
        for c in gone
    ]
    if not gone and not current.register:
        return {}
    return {RETIRED: appended(current.register, {c.id: current.today for c in gone})}


def import_protocol(source: Path, take: int | None = None) -> Imported:
    """The protocol in ``source``; ``take`` chooses one document of a file holding more
    than one (import_parts)."""
    structurer = Structurer(extract(source), source.name, take)
    doc = structurer.run()
    if structurer.took_language:  # --take chose the language, not a document
        take = None
    parts = titled_parts(doc, import_parts.split(doc.sections))
    chosen = import_parts.choose(parts, take, source)
    if take is not None and len(parts) > 1:
        take_part(doc, parts, chosen, take)
    if not doc.clauses():
        raise ProtocolError([Problem.of(str(source), 0, "import-not-protocol")])
    one_numbered_part(doc)
    part_sections(doc)
    find_defects(doc)
    return doc


def part_number(doc: Imported) -> str:
    """The number every paragraph's begins with, where paragraphs are numbered on through
    the document under headings with no number ("5.3.1" to "5.3.26", the constitution's
    Part 5.3): the protocol's own number, the headings dividing it without numbering
    anything; "" for any other document."""
    sections, clauses = doc.sections, doc.clauses()
    parents = {c.key.rpartition(".")[0] for c in clauses}
    if (
        len(sections) < 2
        or any(s.number or not s.clauses for s in sections)
        or any(c.style != "dotted" or c.number != c.key for c in clauses)  # not "5.5 – 7.1"
        or len(parents) != 1
        or "." not in (parent := parents.pop())
    ):
        return ""
    return parent


def one_numbered_part(doc: Imported) -> None:
    """A document numbered on through one part (part_number) keeps its headings as its
    sections and its paragraphs' numbers as printed, numbered on through the document
    (number-style continuous): as sections numbered 5, 6, 7, its paragraphs would be
    published with numbers made up from those. Said, once."""
    if parent := part_number(doc):
        clauses = doc.clauses()
        doc.extracted.notes.append(
            f"Every paragraph is numbered {parent}.N, on through the document, under headings "
            f"with no number: {parent} is the protocol's own number. Its paragraphs are "
            f"published with the numbers printed ({clauses[0].number} to "
            f"{clauses[-1].number}), numbered on through its {len(doc.sections)} headings "
            "(number-style continuous), which keep their places as its sections."
        )


def part_sections(doc: Imported) -> None:
    """Headings that carry the Part's number before their own ("5.3.2 Roles" over 5.3.2.1
    in Part 5.3), read as sub-headings of one section the importer titled from the
    number ("Section 5"), or of a heading printed with no number, are each a section:
    titled as printed, its paragraphs under it with their printed numbers. The site
    numbers a section with one number, so each is numbered its heading's last ("5.3.2" as
    2), and the paragraphs are numbered on through the document (number-style
    continuous). Said, once. Anything else printed over the paragraphs leaves the
    document as read.

    A heading printed with no number among them ("Working Relationships" over "5.3.2
    Respect" and "5.3.3 Advice") groups sections, a level the site does not have within
    a document (a Part is a document of its own): it and any words under it are kept
    where they are printed, as words after the last paragraph of the section before (the
    document's introduction, above the first), as an unnumbered heading between two
    numbered sections is kept; never the title of a section it does not number."""
    part = titled_part(doc.title) or headed_part(doc)
    heading = re.compile(rf"({re.escape(part)}\.(\d{{1,3}}))\s+(\S.*)")
    made: list[ImportedSection] = []
    above: list[tuple[Text, Text]] = []  # words printed over a heading: (where, which)
    for section in doc.sections:
        # a section the importer titled, or one under a heading with no number
        groups = bool(part) and (
            not section.number if section.titled else not section.intro.paragraphs
        )
        split = part_groups(section, heading) if groups else None
        if split is None:
            made.append(section)
            continue
        sections, headings = split
        over = Text()
        if section.titled:  # its heading and words stand over its first Part heading
            over = Text(paragraphs=[section.title], lines=[section.where], titles={0})
            over.extend(opened_words(section))
        over.extend(headings)
        above.append((words_after(made[-1]) if made else doc.intro, over))
        made += sections
    printed = [s for s in made if s.printed]
    if not printed:
        return
    revoked_headings(doc, made, part)
    for holder, words in above:
        holder.extend(words)
    doc.sections = made
    doc.extracted.notes.append(
        f"The section headings print the Part's number, {part}, before their own "
        f"({printed[0].printed} {printed[0].title} to {printed[-1].printed} "
        f"{printed[-1].title}): the site numbers a section with one number, so each is "
        f"published as its last ({printed[0].printed} as {printed[0].number}), its "
        "paragraphs with the numbers printed (number-style continuous). Where another part "
        f'of the constitution cites a section by its whole number ("{printed[-1].printed}"), '
        "cite its first paragraph or its title instead."
    )


def opened_words(section: ImportedSection) -> Text:
    """A section's words before its first paragraph, its sub-headings marked."""
    words = Text(paragraphs=list(section.intro.paragraphs), lines=list(section.intro.lines))
    words.titles = section.intro.titles | section.heads
    return words


def words_after(section: ImportedSection) -> Text:
    """Where words printed after a section's last paragraph are kept (its introduction,
    if it has none)."""
    return section.clauses[-1].after if section.clauses else section.intro


def revoked_headings(doc: Imported, sections: list[ImportedSection], part: str) -> None:
    """A number of a heading's depth printed as revoked ("5.3.6 [Revoked]" where "5.3.5
    Roles" stands over 5.3.5.1) is a whole section revoked, published as its last number
    as the sections are (6), not a paragraph of the section before it."""
    whole = re.compile(rf"{re.escape(part)}\.(\d{{1,3}})")
    taken = {s.number for s in sections}
    for section in sections:
        for entry in list(section.revoked):
            line, numbers, said = entry
            ends = [m[1] for n in numbers if (m := whole.fullmatch(n))]
            if len(ends) != len(numbers) or taken.intersection(ends):
                continue
            section.revoked.remove(entry)
            taken.update(ends)
            doc.revoked_sections += [(line, n, said) for n in ends]
    doc.revoked_sections.sort(key=lambda gone: (gone[0].page or 0, gone[0].line))


def headed_part(doc: Imported) -> str:
    """The Part's number printed before the first paragraph's heading's own ("5.3" of
    "5.3.1 Scope" over 5.3.1.1) where the title names no Part; "" if there is none."""
    first = next(iter(doc.clauses()), None)
    tops = [m for h in first.headings if (m := PART_HEADING.fullmatch(h))] if first else []
    top = tops[0] if tops else None  # under any unnumbered heading printed over it
    if first is None or top is None or not first.key.startswith(f"{top[1]}."):
        return ""
    return top[1].rpartition(".")[0]


def part_groups(
    section: ImportedSection, heading: re.Pattern[str]
) -> tuple[list[ImportedSection], Text] | None:
    """The section's paragraphs as sections, one under each heading printed with the
    Part's number over the paragraphs numbered under it, and the unnumbered headings
    printed over the first (part_sections says where they go); None (the section
    untouched) unless every paragraph is so numbered, under its own heading, the first
    words over it. An unnumbered heading just over a later one is kept after the last
    paragraph of the section before, where it is printed."""
    tops: list[tuple[int, re.Match[str]] | None] = []
    under = ""  # the number printed on the heading over the paragraphs so far
    for clause in section.clauses:
        found = [(n, m) for n, h in enumerate(clause.headings) if (m := heading.fullmatch(h))]
        top = found[0] if found and clause.key.startswith(f"{found[0][1][1]}.") else None
        if top is None:
            if not under or not clause.key.startswith(f"{under}."):
                return None
        elif any(t and t[1][1] == top[1][1] for t in tops):
            return None  # a heading's number printed again: not sections in order
        else:
            under = top[1][1]
        tops.append(top)
    made: list[ImportedSection] = []
    first = Text()
    for clause, top in zip(section.clauses, tops, strict=True):
        if top is not None:
            at, match = top
            lines = [*clause.heading_lines, *[clause.where] * len(clause.headings)]
            over = words_after(made[-1]) if made else first
            for text, line in zip(clause.headings[:at], lines, strict=False):
                over.titles.add(len(over.paragraphs))
                over.paragraphs.append(text)
                over.lines.append(line)
            made.append(ImportedSection(match[2], match[3].rstrip(" .:"), lines[at]))
            made[-1].printed = match[1]
            del clause.headings[: at + 1], clause.heading_lines[: at + 1]
        made[-1].clauses.append(clause)
    for revoked in section.revoked:  # in the section it is printed in
        at_line = (revoked[0].page or 0, revoked[0].line)
        before = [s for s in made if (s.where.page or 0, s.where.line) <= at_line]
        (before or made)[-1].revoked.append(revoked)
    return made, first


def next_front(part: import_parts.Part[ImportedSection]) -> tuple[Text, int]:
    """Where the next document's title and introduction stand at the end of ``part``: the
    words closing its last paragraph (or section), and the place among them of the last
    heading there (a report's "Appendix A: Protocol on ...", a code's title over its
    introduction), -1 where there is none. A paragraph's own first words are never it."""
    last_section = part.sections[-1]
    last = last_section.clauses[-1] if last_section.clauses else None
    holder = last_section.intro if last is None else last.after if last.after.paragraphs else last
    own = 1 if holder is last else 0
    at = next(
        (
            i
            for i in range(len(holder.paragraphs) - 1, own - 1, -1)
            if heading_like(holder.paragraphs[i])
        ),
        -1,
    )
    return holder, at


def titled_parts(
    doc: Imported, parts: list[import_parts.Part[ImportedSection]]
) -> list[import_parts.Part[ImportedSection]]:
    """The documents of the file, each with the title printed over it (for the first, the
    last heading of the file's introduction, or the file's title), so that a refusal
    names them as their readers do."""
    if len(parts) < 2:
        return parts
    intro = doc.intro.paragraphs
    titles = [next((p for p in reversed(intro) if heading_like(p)), doc.title)]
    for before in parts[:-1]:
        holder, at = next_front(before)
        titles.append(holder.paragraphs[at] if at >= 0 else "")
    return [replace(part, title=title) for part, title in zip(parts, titles, strict=True)]


def take_part(
    doc: Imported,
    parts: list[import_parts.Part[ImportedSection]],
    chosen: import_parts.Part[ImportedSection],
    take: int,
) -> None:
    """Keep only the document ``take`` of the file; every word of the others is listed as
    left out. A later document's title is the last heading before its first section (a
    report's "Appendix A: Protocol on ..."), found at the end of the one before, and the
    words between it and the first section are its introduction: so the document taken
    begins at its own title, and ends before the next's."""
    why = f"document 1 of the file, not imported (--take {take})"
    if chosen is not parts[0]:
        holder, at = next_front(parts[take - 2])
        if at >= 0 and doc.title_at:  # the whole title, which may be two lines joined
            doc.left_out.append((replace(doc.title_at, text=doc.title), why))
        doc.left_out += [
            (Line(p, line.line, line.page), why)
            for p, line in zip(doc.intro.paragraphs, doc.intro.lines, strict=True)
        ]
        doc.intro = Text()
        if at >= 0:
            doc.title, doc.title_at = holder.paragraphs[at], holder.lines[at]
            doc.intro = Text(paragraphs=holder.paragraphs[at + 1 :], lines=holder.lines[at + 1 :])
            del holder.paragraphs[at:], holder.lines[at:]
    if chosen is not parts[-1]:
        holder, at = next_front(chosen)
        if at >= 0:
            after = f"document {take + 1} of the file, not imported (--take {take})"
            doc.left_out += [
                (Line(p, line.line, line.page), after)
                for p, line in zip(holder.paragraphs[at:], holder.lines[at:], strict=True)
            ]
            del holder.paragraphs[at:], holder.lines[at:]
    doc.left_out += import_parts.left_out(parts, chosen, take)
    doc.sections = chosen.sections
    doc.extracted.notes.append(
        f"The file holds {len(parts)} documents; document {take} was imported "
        f"({chosen.describe(take).partition(': ')[2]})."
    )


def claimed(out: Path, force: bool) -> Path:
    """``out`` resolved, if the import may write it: new or empty, or (with ``force``) a
    folder of pages it wrote before, never one holding anything else."""
    if out.exists() and any(out.iterdir()) and not force:
        raise ProtocolError([Problem.of(str(out), 0, "import-would-overwrite")])
    return output_folder.claim(out, Path.cwd(), may_hold=("*.md", RETIRED))


def write(files: dict[str, str], out: Path, force: bool) -> None:
    """Write the files into ``out`` as one step: all of them, or none. With ``force`` an
    existing protocol folder is replaced, but never a folder holding anything else."""
    out = claimed(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    for name, text in files.items():
        (staged / name).write_text(text, encoding="utf-8")
    output_folder.replace(staged, out, mark=False)


def placed(words: Text) -> list[dict[str, object]]:
    return [
        {
            "text": p,
            "line": line.line,
            "page": line.page,
            **({"heading": True} if n in words.titles else {}),
        }
        for n, (p, line) in enumerate(zip(words.paragraphs, words.lines, strict=True))
    ]


def report(doc: Imported, source: Path) -> dict[str, object]:
    style = number_style(doc)
    return {
        "source": source.name,
        "title": doc.title,
        "number_style": style,  # conf/council.toml's number-style for these numbers
        "revisions": doc.extracted.revisions,
        "notes": doc.extracted.notes,
        # unnumbered words, kept in their place: before the first section (in index.md),
        # and each section's before its first clause
        "intro": placed(doc.intro),
        # whole sections printed as revoked, kept in their place (the index's front matter)
        "revoked_sections": [
            {"number": n, "said": said, "line": line.line, "page": line.page, "text": line.text}
            for line, n, said in doc.revoked_sections
        ],
        "sections": [
            {
                "number": s.number,
                # the number printed on its heading, where the site numbers it otherwise
                **({"printed": s.printed} if s.printed else {}),
                "title": s.title,
                "slug": s.slug,
                "intro": placed(s.intro),
                # each line printing numbers as revoked, kept in their place, revoked, with
                # the words printed there (the section's front matter)
                "revoked": [
                    {
                        "numbers": numbers,
                        "said": said,
                        "line": line.line,
                        "page": line.page,
                        "text": line.text.strip(),
                    }
                    for line, numbers, said in s.revoked
                ],
                "clauses": [
                    {
                        "id": c.id,
                        "source_number": cited(c, s, style),
                        # with --revision: what it was, and how it changed
                        **({"revises": c.revises.number} if c.revises else {}),
                        **({"change": c.change} if c.change else {}),
                        "line": c.where.line,
                        "page": c.where.page,
                        "headings": c.headings,
                        # unnumbered words after it, kept there (sub-headings among them)
                        **({"after": placed(c.after)} if c.after.paragraphs else {}),
                        # for review: the guessed modality, how sure, and from which words
                        **(c.guess.as_dict() if c.guess else {}),
                    }
                    for c in s.clauses
                ],
            }
            for s in doc.sections
        ],
        "defects": [d.as_dict() for d in doc.in_order()],
        # left out, and written as pages of their own with --appendices
        "appendices": [
            {"title": s.title, "line": s.where.line, "page": s.where.page, "file": f"{s.slug}.md"}
            for s in doc.appendices
        ],
        "left_out": [
            {"line": line.line, "page": line.page, "text": line.text.strip(), "reason": why}
            for line, why in doc.left_out
        ],
    }


def report_text(doc: Imported, source: Path, numbers: Mapping[str, str] | None = None) -> str:
    """What the import says of the document; ``numbers``, each clause's number as the
    project now publishes it (init's), cite the guesses to review as the site does (a
    number printed twice is published as inserted), else as printed."""
    clauses = doc.clauses()
    kinds = Counter(d.kind for d in doc.defects)
    found = "; ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "no defects"
    lines = [
        f"Imported {source.name}: {len(doc.sections)} sections, {len(clauses)} clauses; "
        f"{found}; {len(doc.left_out)} line(s) left out."
    ]
    if changes := Counter(c.change.split(",")[0] for c in clauses if c.change):
        moved = sum("moved" in c.change for c in clauses)
        renumbered = sum("renumbered" in c.change for c in clauses)
        lines.append(
            f"Revision: {changes['unchanged']} unchanged, {changes['reworded']} reworded, "
            f"{moved} moved, {renumbered} renumbered, {changes['new']} new "
            "(each paragraph's change is in the JSON report)."
        )
    style = number_style(doc)
    if reprinted := printed_afresh(doc, style):
        lines.append(
            f"{len(reprinted)} paragraph(s) are printed here with another number than the "
            f"one recorded as printed when they were imported ({', '.join(reprinted[:8])}"
            f"{', ...' if len(reprinted) > 8 else ''}): each :source-number: is written as "
            "printed in this document. A number Council adopted stays the one published, "
            "so the redline shows no change for them."
        )
    lines += [f"Note: {note}" for note in doc.extracted.notes]
    lines.append(
        f"Paragraph numbers are printed in the style {style!r} ({STYLE_EXAMPLES[style]}): "
        f'number-style = "{style}" in conf/council.toml publishes them so.'
    )
    intros = len(doc.intro.paragraphs) + sum(len(s.intro.paragraphs) for s in doc.sections)
    if intros:
        lines.append(
            f"{intros} unnumbered paragraph(s) before a section's first clause (or before the "
            "first section) were kept there, as an introduction with no number."
        )
    between = sum(len(c.after.paragraphs) for c in doc.clauses())
    if between:
        lines.append(
            f"{between} unnumbered paragraph(s) or sub-heading(s) after a numbered paragraph "
            "were kept where they stand, between paragraphs, with no number."
        )
    if gone := [n for _, n, _ in doc.revoked_sections]:
        lines.append(
            f"{len(gone)} section number(s) printed as revoked were kept as revoked, each in "
            f"its place with the words printed there (the index's front matter): "
            f"{', '.join(gone)}. No new section is given one."
        )
    if kept := [n for s in doc.sections for _, numbers, _ in s.revoked for n in numbers]:
        lines.append(
            f"{len(kept)} number(s) printed as revoked were kept as revoked, each in its place "
            f"with the words printed there (the section's front matter): {', '.join(kept)}. "
            "No new paragraph is given one."
        )
    if doc.left_out:
        lines.append(f"{len(doc.left_out)} line(s) left out:")
        lines += [f"  {line.where}: {shortened(line.text)} ({why})" for line, why in doc.left_out]
    if doc.defects:
        lines.append(f"{len(doc.defects)} defect(s) in the source:")
        for d in doc.in_order():
            lines.append(f"  {d.where.where if d.where else '-'}: {d.kind} {d.number}: {d.message}")
            lines += [f"      {consequence}" for consequence in d.consequences]
    else:
        lines.append("No defects found in the source's numbering.")
    # a revised paragraph keeps the modality the editors gave it: only a new one is guessed
    guessed = [
        (c.guess, c, s) for s in doc.sections for c in s.clauses if c.guess and not c.revises
    ]
    revision = any(c.revises for c in doc.clauses())
    if guessed:
        lines.append(
            f"{'Each new' if revision else 'Every'} clause's modality is a first guess, tagged "
            "'imported': review them, the least certain first, then run 'constitution check' "
            "for the clauses that need worked examples."
        )
    # the least certain first, in the document's order within each confidence
    for guess, c, s in sorted(guessed, key=lambda found: LEVELS.index(found[0].confidence)):
        said = ", ".join(f"'{p}'" for p in guess.phrases) or "no modal verb"
        shown = (numbers or {}).get(c.id) or (cited(c, s, style) if c.number else "unnumbered")
        lines.append(
            f"  {c.id} ({shown}): {guess.modality}, {guess.confidence} confidence, from {said}"
        )
    return "\n".join(lines)


def printed_afresh(doc: Imported, style: str) -> list[str]:
    """The revised paragraphs whose number printed in the revision is not the one their
    :source-number: recorded ("2.3 as 3.1", after a renumbering Council adopted)."""
    return [
        f"{was} as {now}"
        for s in doc.sections
        for c in s.clauses
        if c.revises
        and (was := c.revises.source_number)
        and c.number
        and (now := cited(c, s, style)) != was
    ]


def shortened(text: str, size: int = 80) -> str:
    """A line as the report lists it: whole (a running head, a footer), or where longer
    than ``size`` (a paragraph of a document not imported), its whole words up to it and
    "...", never a word cut in two."""
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    return text[: size + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + " ..."


def dump_report(doc: Imported, source: Path, path: Path) -> None:
    path.write_text(
        json.dumps(report(doc, source), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def next_number(label: str, text: str) -> str | None:
    """The number a line after a number printed alone ("1.2") begins with, where it is
    one of the same depth ("1.3 Members ...", "1.3"): the next paragraph's, not the
    words of the one alone. None for words ("12 members ...", after "3.1")."""
    after = block_number(text) or (text if LABEL_ONLY.match(text) else None)
    if after is None or "." not in label.rstrip("."):
        return None
    depth = len(label.rstrip(".)").split("."))
    return after if len(after.rstrip(".)").split(".")) == depth else None
