"""A table of contents read as sections, dropped once the structure is built: sections
with no numbered paragraph whose numbers come again later, and headings with nothing
under them, each listed as left out; a heading printed on two lines joined, and a
protocol's own title under a council's name joined to the document's title.

Apart from the structurer because it runs once on the sections built and needs only
them, the document's title and introduction.
"""

from __future__ import annotations

import re
from collections import Counter

from constitution.extract_lines import Line
from constitution.import_model import Defect, ImportedSection, Text
from constitution.import_shapes import CONTENTS_HEADER, COUNCIL_NAME, NAMES_A_DOCUMENT
from constitution.pdf_text import title_case
from constitution.word_read import joined


def drop_contents(
    sections: list[ImportedSection],
    title: str,
    intro: Text,
    left_out: list[tuple[Line, str]],
    defects: list[Defect],
) -> tuple[list[ImportedSection], str]:
    """The sections and the document's title, once a table of contents, read as sections
    without numbered paragraphs repeated later and headings with nothing under them, is
    dropped."""
    later: Counter[str] = Counter(s.number for s in sections if s.number)
    kept: list[ImportedSection] = []
    for index, s in enumerate(sections):
        repeated = bool(s.number) and later[s.number] > 1
        # "PART C" over "CONDUCT TOWARDS OFFICERS", a council's name over the
        # protocol's: one heading printed on two lines
        if joins_next(sections, index):
            following = sections[index + 1]
            following.title, following.where = joined(s.title, following.title), s.where
            continue
        if (
            index == 0
            and title
            and not intro.paragraphs
            and (lone(sections, 0) or names_the_protocol(s, title))
        ):
            title = joined(title, s.title)
            intro.extend(s.intro)  # the words under it introduce the document
            continue
        if not s.clauses and (repeated or not (s.number or s.intro.paragraphs)):
            later[s.number] -= 1
            # Words after the contents' last entry come before the first section: the
            # document's introduction (or, later on, the words of the section before).
            words = kept[-1].clauses[-1] if kept and kept[-1].clauses else None
            holder = words or (kept[-1].intro if kept else intro)
            rows = rows_naming(s.intro, sections[index + 1 :]) if repeated else []
            if repeated:
                drop_contents_header(holder, left_out)
            holder.extend(s.intro)
            heading = f"{s.number} {s.title}".strip()
            why = "a contents entry" if repeated else "a heading with nothing under it"
            left_out.append((s.where, f"'{heading}': {why}"))
            left_out += rows
            if s.number:
                defects.append(contents_defect(s.number, heading, s.where))
            continue
        kept.append(s)
    return kept, title


def drop_contents_header(words: Text, left_out: list[tuple[Line, str]]) -> None:
    """A contents table's header row ("Paragraph | Subject"), the words just before
    its first entry: left out with the entries, not kept as the words they follow."""
    if words.paragraphs and CONTENTS_HEADER.fullmatch(words.paragraphs[-1]):
        left_out.append((words.lines.pop(), "a contents table's header row"))
        words.paragraphs.pop()


def rows_naming(words: Text, later: list[ImportedSection]) -> list[tuple[Line, str]]:
    """A contents table's rows after a numbered entry that name a later heading with no
    number ("Appendix<tab>Useful Contacts" for "Appendix – Useful Contacts"), taken out
    of the words under the entry: left out with the entries, not kept as the words they
    follow."""
    headings = {tuple(word_list(f"{s.number} {s.title}")) for s in later}
    rows = []
    while words.paragraphs and tuple(word_list(words.paragraphs[0])) in headings:
        rows.append((words.lines.pop(0), "a contents entry"))
        words.paragraphs.pop(0)
        words.titles = {n - 1 for n in words.titles if n}
    return rows


def word_list(text: str) -> list[str]:
    """A heading's words, in small letters, as a contents row and the heading may print
    them apart (a tab, a dash between)."""
    return re.findall(r"[^\W_]+", text.lower())


def names_the_protocol(section: ImportedSection, title: str) -> bool:
    """Whether an unnumbered first heading, under a title that is a council's name
    ("Thornbury Vale District Council"), is the protocol's own title, with the
    document's introduction under it: it names a protocol, code or rules."""
    return (
        not (section.number or section.clauses)
        and bool(COUNCIL_NAME.search(title))
        and title_case(section.title)
        and bool(NAMES_A_DOCUMENT.search(section.title))
    )


def lone(sections: list[ImportedSection], index: int) -> bool:
    """Whether the section at ``index`` is a short unnumbered heading with nothing
    under it, alone before a section that has words (a run of such headings is a
    contents table instead)."""

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


def joins_next(sections: list[ImportedSection], index: int) -> bool:
    """Whether the section at ``index`` is the first line of the next, unnumbered,
    heading."""
    return 0 < index < len(sections) - 1 and (
        lone(sections, index) and not sections[index + 1].number
    )


def contents_defect(number: str, entry: str, where: Line) -> Defect:
    """A contents entry ("1 Introduction") left out, said as a fault of the source."""
    return Defect(
        "contents", number, where, f"'{entry}' looks like a contents entry and was left out."
    )
