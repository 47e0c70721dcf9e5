"""Where a line printing numbers as revoked ("5.3 [Deleted]", "6 [Revoked]") is kept:
in its section, with the words printed, where they are its paragraphs' numbers; as a
whole section revoked, once the structure is built and it is known that no section has
the number; else listed as left out. The shapes read are import_history's.

Apart from the structurer because it needs only the section the line is printed in
and, at the end, the sections built.
"""

from __future__ import annotations

from constitution.extract_lines import Line
from constitution.import_history import printed_in_place
from constitution.import_model import ImportedSection
from constitution.import_shapes import revoked_why
from constitution.numbering import split
from constitution.source import revoked_line

# a line printing numbers of no paragraph's depth ("6 [Revoked]"), its numbers and words
Whole = tuple[Line, list[str], str]


def printed_revoked(
    line: Line,
    numbers: list[str],
    section: ImportedSection | None,
    whole: list[Whole],
    left_out: list[tuple[Line, str]],
) -> None:
    """A line printing numbers as revoked: kept in its section, with the words printed,
    where they are its paragraphs' numbers and the reader can read the words back;
    else listed as left out (a whole section's "6 [Revoked]", a sub-paragraph's), or
    held in ``whole`` where it may be a whole section's (keep_revoked decides)."""
    said = printed_in_place(line.text)
    if all(n.isalnum() for n in numbers):  # "6 [Revoked]": perhaps a whole section
        whole.append((line, numbers, said))
        return
    own = section is not None and section.number != ""
    for number in numbers if own else ():
        head = split(number, "section.paragraph")
        own = own and head is not None and head[0] == section.number  # type: ignore[union-attr]
        own = own and revoked_line(number, said) is not None
    if own and section is not None:
        section.revoked.append((line, numbers, said))
    else:
        left_out.append((line, revoked_why(numbers)))


def keep_revoked(
    sections: list[ImportedSection], whole: list[Whole], left_out: list[tuple[Line, str]]
) -> list[tuple[Line, str, str]]:
    """The whole sections revoked. A number printed as revoked and on a paragraph of its
    section too, or twice, is not kept as revoked (the numbering report says so): its
    line is listed as left out, as before."""
    for section in sections:
        given = {c.number for c in section.clauses}
        kept = []
        for line, numbers, said in section.revoked:
            if given.intersection(numbers):
                left_out.append((line, revoked_why(numbers)))
                continue
            given.update(numbers)
            kept.append((line, numbers, said))
        section.revoked = kept
    # a number of no paragraph's depth is a section's where paragraphs' numbers name
    # their section (3.1, 3.2), or where sections are numbered and no paragraph prints
    # a bare number ("(1)", "a." under "6. Scope"), and no section has it; else left
    # out, as before
    clauses = [c for s in sections for c in s.clauses]
    dotted = any("." in c.number for c in clauses)
    sectioned = any(s.number.isdigit() for s in sections)
    bare = any(c.style == "int" for c in clauses)
    taken = {s.number for s in sections}
    revoked_sections: list[tuple[Line, str, str]] = []
    for line, numbers, said in whole:
        is_whole = (dotted or (sectioned and not bare)) and not taken.intersection(numbers)
        if is_whole and all(revoked_line(n, said, whole=True) for n in numbers):
            taken.update(numbers)
            revoked_sections += [(line, n, said) for n in numbers]
        else:
            left_out.append((line, revoked_why(numbers)))
    return revoked_sections
