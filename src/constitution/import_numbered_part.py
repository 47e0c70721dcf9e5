"""A protocol that is one Part of a constitution, numbered through it ("5.3.1"
to "5.3.26" under headings with no number, or "5.3.2 Roles" over "5.3.2.1"): the Part's
number found, and its headings made the document's sections.

Apart because it reshapes an already structured document, after the structurer and
before the faults are found; the writing of MyST names a page after the Part.
"""

from __future__ import annotations

import re

from constitution.import_model import Imported, ImportedSection, Text
from constitution.import_shapes import PART_HEADING


def titled_part(title: str) -> str:
    """The Part of the constitution a title names ("Part 5.3 – ..." is 5.3); "" if none."""
    named = re.match(r"Part\s+(\d{1,2}(?:\.\d{1,2})?[A-Z]?)\b", title, re.I)
    return named[1] if named else ""


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
