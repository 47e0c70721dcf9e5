"""The structurer: extracted lines in order, read into a document's title,
introduction, sections and numbered paragraphs, with the lines left out and why.

Apart because it is one pass with state of its own, the largest step of the import;
what it reads a line's shape with is import_shapes, what it builds import_model.
The passes with no state of their own are modules apart: the language taken of a file
in two (import_taken_language) before the lines are placed; a revoked number's line
kept (import_revoked) as it is placed and once all are; a table of contents dropped
(import_contents) and sections with no number placed (import_appendices) after.
"""

from __future__ import annotations

import re
from dataclasses import replace

from constitution import revision
from constitution.extract_lines import CONTENTS, Extracted, Line
from constitution.import_appendices import place_unnumbered_sections
from constitution.import_contents import contents_defect, drop_contents
from constitution.import_contents_run import contents_runs
from constitution.import_history import (
    HISTORY_HEADING,
    history_note,
    revoked_numbers,
)
from constitution.import_markup import tables
from constitution.import_model import (
    Defect,
    Imported,
    ImportedClause,
    ImportedSection,
    Text,
    ends_sentence,
)
from constitution.import_revoked import Whole, keep_revoked, printed_revoked
from constitution.import_shapes import (
    ARROWS,
    BACK_MATTER,
    BULLET,
    COMMA_FOR_DOT,
    CONTENTS_ENTRY,
    DEFINES,
    FOOTNOTE,
    HISTORY,
    LABEL_ONLY,
    LABELLED,
    LETTER,
    LETTERED,
    NOTED,
    NOTES_HEADING,
    NUMBERED,
    PAREN,
    SIGNATURES,
    SIGNED,
    SITE_HEADING,
    WHOLE_SENTENCES,
    WRAPPED,
    Kept,
    a_sentence,
    annex_heading,
    boxed,
    broken_off,
    clauses_of,
    clean,
    continues_list,
    goes_on,
    headed,
    heading_level,
    heading_like,
    inserted_whole,
    lead_in,
    lettered_parts,
    next_number,
    numbered_lead_in,
    numbered_runs,
    paragraph_numbered,
    quotes_under,
    run_in_title,
    section_alone,
    section_numbers_alone,
    set_in,
    tab_leaders,
    undashed,
    unmarked_quote,
    whole_part,
    worded_numbers,
)
from constitution.import_taken_language import no_words, one_language
from constitution.pdf_text import title_case
from constitution.problems import ProtocolError
from constitution.text_tree import ITEM_LABEL
from constitution.word_read import UNFINISHED


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
        self.signed = False  # in a signature block after the paragraphs: left out
        self.alone = False  # the line placed stands between blank lines
        self.before = ""  # the words of the line (or lines joined) placed before this one
        self.appendices: list[ImportedSection] = []
        self.revoked: list[str] = []  # numbers printed only as revoked ("5.3 [Deleted]")
        # lines printing numbers of no paragraph's depth ("6 [Revoked]"): whole sections
        # revoked where the paragraphs' numbers name their section (keep_revoked decides)
        self.whole: list[Whole] = []
        self.revoked_sections: list[tuple[Line, str, str]] = []
        # the quotation last placed under a lead-in: the words holding it, where its last
        # paragraph stands among them, and the lead-in's line (whose margin it is set in from)
        self.quotation: tuple[Text, int, tuple[str, Line]] | None = None
        # a paragraph's line after its first (by the first's id): where its words stand at
        # the margin, as the first line's number may stand out to the left of them
        self.margins: dict[int, Line] = {}
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
        lines = [unmarked_quote(line) for line in lines]  # a quotation's "> " no word
        cleaned = [(clean(line.text), line) for line in lines]
        contents = self.contents_run_together(cleaned)
        kept: list[Kept] = []
        blank = True
        leaders = tab_leaders(self.extracted.lines)
        annex = False  # after the numbered paragraphs, under "Annex", "Appendix"...
        last = ""  # the line before, as printed
        listed = numbered_runs([c[0] for c, _ in cleaned])  # each its own line, an item
        naming = False  # in the appendices a numbered paragraph's lead-in lists
        for at, (c, line) in enumerate(cleaned):
            printed = c[0]
            heads = annex_heading(printed, kept)
            # "1.2 The forms are attached:" / "Appendix A Register form", no blank line
            # between: the paragraph's list of what is attached, no appendix begun yet
            naming = heads and not blank and (naming or numbered_lead_in(kept[-1][0][0]))
            annex = annex or (heads and not naming)
            c = (c[0], True, c[2]) if naming else c  # an item of that list
            if not re.search(r"[A-Za-z0-9]", c[0]) and not (annex and ARROWS.fullmatch(c[0])):
                blank = blank or not c[0]
                continue
            if id(line) in contents:
                continue
            if CONTENTS_ENTRY.search(c[0]) or id(line) in leaders:
                if kept and CONTENTS.match(kept[-1][0][0]):  # the table's own heading
                    self.left_out.append((kept.pop()[1], "the heading of a contents table"))
                how = "a tab" if id(line) in leaders else "dot leaders"
                self.left_out.append((line, f"a contents entry: {how} to a page number"))
                continue
            whole = self.extracted.whole_paragraphs and not line.after_break
            fresh = blank or whole or line.opens
            fresh, blank = fresh or bool(DEFINES.match(c[0])), False  # a definition's line
            if kept and self.over_page(kept[-1], c, line):
                fresh = False
            alone = bool(kept and LABEL_ONLY.match(kept[-1][0][0]))  # "1.2" on its own line
            alone = alone and not section_alone(kept[-1][0][0], c[0])
            if alone and (after := next_number(kept[-1][0][0], c[0])):
                raise ProtocolError([no_words(self.source, kept[-1], after, c[0])])
            if alone and not paragraph_numbered(c[0]):  # never the next paragraph's number
                (label, _, _), where, fresh = kept.pop()
                self.margins.setdefault(id(where), line)
                c, line = (f"{label} {c[0]}", c[1], c[2]), where
            elif (
                kept
                and at not in listed
                and goes_on(kept[-1], c, line, fresh)
                and not (annex and boxed(line, last))
            ):
                below = line
                (before, bullet, marked), line, fresh = kept.pop()
                self.margins.setdefault(id(line), below)
                c = (f"{before} {c[0]}", bullet, marked)
            kept.append((c, line, fresh))
            last = printed
        kept = worded_numbers(section_numbers_alone(kept), self.extracted.notes)
        kept = undashed(kept, self.extracted.notes)
        if (taken := one_language(kept, self.source, self.take)) is not None:
            kept, self.took_language = taken.kept, True
            self.left_out += taken.left_out
            self.extracted.notes.append(taken.note)
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
            self.alone = fresh and (i + 1 == len(kept) or kept[i + 1][2])  # blank after too
            self.place(text, bullet, marked, line, following, fresh)
        self.flush_headings()
        for clause in self.clauses_so_far():
            clause.extend(clause.notes)
        self.sections, self.title = drop_contents(
            self.sections, self.title, self.intro, self.left_out, self.defects
        )
        self.sections, self.appendices = place_unnumbered_sections(
            self.sections, self.intro, self.left_out, self.extracted.notes
        )
        # In a document with paragraph numbers, a section with none (an introduction, an
        # appendix) keeps its words unnumbered: no number is made up for them.
        for section in self.sections if self.unnumbered else ():
            if not section.clauses:
                section.clauses = clauses_of(section.intro)
                section.intro = Text()
        self.revoked_sections = keep_revoked(self.sections, self.whole, self.left_out)
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
            self.note_joined("a page break", text, line, last)
        return True

    def note_joined(self, across: str, text: str, line: Line, last: str) -> None:
        """A join of two paragraphs' words as one sentence, said for review."""
        self.extracted.notes.append(
            f"joined across {across}: '{text[:40]}' ({line.where}) goes on the paragraph "
            f"before it, which ended '{last[-40:]}' with no closing punctuation; check it "
            "is one sentence."
        )

    def contents_run_together(self, cleaned: list[tuple[tuple[str, bool, bool], Line]]) -> set[int]:
        """The lines of a contents list run together (import_contents_run), each left
        out and listed, each of its entries said: the lines' ids."""
        lines = [line for _, line in cleaned]
        out: set[int] = set()
        for indices, entries in contents_runs([c[0] for c, _ in cleaned], lines):
            first, final = entries[0].title, entries[-1].title
            why = f"a contents list, its entries run together ('{first}' to '{final}')"
            self.left_out += [(lines[i], why) for i in indices]
            self.defects += [
                contents_defect(e.number, e.title, e.line) for e in entries if e.number
            ]
            out |= {id(lines[i]) for i in indices}
        return out

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
        if titled := run_in_title(text):  # "4. Confidentiality – A councillor ...": headed
            self.section.clauses[-1].headings.append(titled[0])
            self.section.clauses[-1].heading_lines.append(line)
            text = titled[1]
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
            printed_revoked(
                replace(line, text=text.replace("*", "")),
                numbers,
                self.section,
                self.whole,
                self.left_out,
            )
            return
        back = BACK_MATTER.match(text) or HISTORY_HEADING.match(text)
        # the signing ends at a numbered line or a heading: a form's signature line within
        # the protocol leaves the sections after it the protocol's
        signing = self.signed and not (marked or NUMBERED.match(text) or PAREN.match(text))
        self.signed = not back and self.clause is not None and (signing or bool(SIGNED.match(text)))
        if self.signed:
            self.left_out.append((replace(line, text=text), SIGNATURES))
            return
        if back and not bullet and self.sections and heading_like(text):
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
            if not m["sec"] and self.quotes(int(m["num"])):
                self.add_item(text, line)  # "(1) A member must ..." quoted after "says:"
                return
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
        # a list is never marked (pdf_text.leads_in)
        like = heading_like(text.removesuffix(":") if marked else text)
        shaped = like and (marked or not (self.in_body_type(line, text) or a_sentence(text)))
        if (
            shaped
            and not self.numbered_sections
            and (marked or (not self.clause and self.finished) or self.heads(following, fresh))
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
            and (
                marked
                or (title_case(text) and self.heads(following, fresh))
                or (self.alone and self.heads(following) and self.own_paragraph(following))
            )
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

    def quotes(self, number: int) -> bool:
        """Whether "(N)" is a numbered line of what a dotted paragraph leads in to (a code
        or statute it quotes, "(1) A member must ..."), not a paragraph of the protocol's:
        the first after a lead-in ending in a colon, or the next of such a list."""
        clause = self.clause
        if clause is None or clause.style != "dotted" or not lead_in(clause.paragraphs):
            return False
        last = clause.paragraphs[-1]
        return number == 1 if not last.startswith("- ") else last.startswith(f"- ({number - 1})")

    def in_body_type(self, line: Line, words: str) -> bool:
        """Whether a PDF whose headings are told by their type draws this line as its
        body text: in the body's size, plain or a sentence in bold (pdf_text.statement),
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

    def heads(self, following: str, fresh: bool = False) -> bool:
        """A short line after a finished paragraph and before a numbered one is a heading
        (paragraphs numbered on through the document, under unnumbered headings); not
        the line after a lead-in ("... who holds each post:"), which begins what it
        leads in to (a table's rows, in a PDF's text). Where every heading is
        unnumbered, one that is a paragraph of its own (``fresh``) or follows a list
        heads a numbered paragraph after it, however the words before it end."""
        last = self.words_last.paragraphs
        finished = self.finished and not (last and last[-1].rstrip().endswith(":"))
        numbered = bool(NUMBERED.match(following) or PAREN.match(following))
        if self.unnumbered:  # and a sentence begins after it
            return finished and following[:1].isupper()
        if self.sections and not self.numbered_sections:
            # where every heading is unnumbered, one may stand before unnumbered words as
            # well as before a numbered paragraph; and after a list, before a numbered one
            listed = (fresh or (bool(last) and last[-1].startswith("- "))) and numbered
            return (finished and (numbered or following[:1].isupper())) or listed
        return finished and numbered

    def own_paragraph(self, following: str) -> bool:
        """Whether ``following`` is numbered as a paragraph of the section open ("3.3"
        in section 3): a short line alone between blank lines before it, in sentence case
        too ("Political group meetings"), heads that paragraph, as no section begins
        there (set on the paragraph's line, it may be the end of the one before)."""
        numbered = NUMBERED.match(following)
        section = self.section.number if self.section else ""
        return bool(numbered and section and numbered["num"].startswith(f"{section}."))

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
        quoting, lead = self.quoting(clause, words, text, line, lists) if fresh else ("", None)
        if quoting:
            words.add(text, line)  # a quotation's paragraph, or the paragraph going on after
            if quoting == "quoted" and lead:
                self.quotation = (words, len(words.paragraphs) - 1, lead)
            return
        if fresh and clause.number and lists and not ended:
            words.add("- " + text, line)  # a list the paragraph leads in to (definitions)
            return
        if ended or words.continues(text, wrapped) or not (fresh and clause.number):
            words.add(text, line, wrapped)
            return
        if broken_off(words, text):
            self.note_joined("a paragraph break", text, line, last)
            words.add(text, line, wrapped=True)
            return
        # "Note: ..." says whose it is: the paragraph before's, no aside to check
        noted = bool(NOTED.match(text))
        kept = Defect(
            "unnumbered-paragraph",
            clause.number,
            line,
            f"an unnumbered paragraph ('{text[:50]}') was kept as part of "
            f"{clause.number}, the paragraph before it; check it belongs there.",
        )
        if (line.within or line.cell) and words is clause:  # Word sets it in the paragraph
            clause.add(text, line)
            if not (line.cell or noted):  # indented: perhaps an aside; a row is certain
                self.defects.append(kept)
            return
        # An unnumbered paragraph after a numbered one: words after it, until it is known
        # whether another paragraph of the section follows them (rejoin).
        clause.after.add(text, line)
        if not noted:
            clause.held.append(kept)

    def quotation_lead(self, clause: ImportedClause, words: Text) -> tuple[str, Line]:
        """The lead-in a quotation in ``clause`` (its ``words`` last placed) stands under,
        and its line: the one of the quotation open, or the last paragraph that is no
        item (lead_in)."""
        if self.quotation and self.quotation[0] is words:
            return self.quotation[2]
        paragraphs = clause.paragraphs + clause.after.paragraphs
        lines = clause.lines + clause.after.lines
        return next(
            (
                (p, line)
                for p, line in zip(reversed(paragraphs), reversed(lines), strict=False)
                if not p.startswith("- ")
            ),
            ("", clause.where),
        )

    def quoting(
        self, clause: ImportedClause, words: Text, text: str, line: Line, lists: bool
    ) -> tuple[str, tuple[str, Line] | None]:
        """How a paragraph of its own, with no list mark, stands under a numbered
        paragraph's lead-in ending in a colon, and that lead-in and its line
        (quotation_lead): "quoted" where it is a quotation's (marked so, or set in from
        the lead-in's margin and whole sentences, as a code or statute quoted is printed,
        where more shows it a quotation: import_shapes.quotes_under),
        straight after the lead-in or the quotation's paragraph before; "after" where it
        is back at the lead-in's margin after such a quotation, or after the lead-in's
        items set in from it: the paragraph going on, its own words, not an item; ""
        for anything else (a list's item or fragment, as before)."""
        if not clause.number or ITEM_LABEL.match(text):
            return "", None
        last = words.paragraphs[-1] if words.paragraphs else ""
        open_quote = bool(
            self.quotation
            and self.quotation[0] is words
            and self.quotation[1] == len(words.paragraphs) - 1
        )
        if not (open_quote or lists):
            return "", None
        lead = self.quotation_lead(clause, words)
        margin = self.margins.get(id(lead[1]), lead[1])  # its words' margin: its next line's
        under = open_quote or not last.startswith("- ")  # no item placed since the lead-in
        quoted = (
            set_in(line, margin)
            and WHOLE_SENTENCES.match(text)
            and (open_quote or quotes_under(lead[0], text))
        )
        if under and (line.quoted or quoted):
            return "quoted", lead
        # the items set in from where this paragraph stands, the number's margin or the
        # words'
        listed = last.startswith("- ") and set_in(words.lines[-1], line)
        return ("after" if (open_quote or listed) and not set_in(line, margin) else ""), lead

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
