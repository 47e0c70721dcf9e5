"""Sections with no number where the protocol numbers its sections, placed once the
structure is built: before the first numbered section, the document's introduction;
after it (an appendix, a schedule, an annex, the history of amendment), left out,
listed, and kept to be written as a page of its own (``--appendices``).

Apart from the structurer because it runs once on the sections built and needs only
them and the document's introduction.
"""

from __future__ import annotations

from dataclasses import replace

from constitution.extract_lines import Line
from constitution.import_history import HISTORY_HEADING
from constitution.import_model import ImportedSection, Text
from constitution.import_shapes import BACK_MATTER
from constitution.import_slugs import slugify


def place_unnumbered_sections(
    sections: list[ImportedSection],
    intro: Text,
    left_out: list[tuple[Line, str]],
    notes: list[str],
) -> tuple[list[ImportedSection], list[ImportedSection]]:
    """The sections kept, and the appendices left out. Where sections are numbered, a
    heading with no number and no numbered paragraph under it would be published with a
    number the document never printed (3A after section 3): before the first numbered
    section it and its words are the document's introduction; after it (an appendix, a
    schedule) they are left out, and listed. Where no section is numbered ("Part A:
    Introduction" over A1, A2), a heading of back matter ("Schedule 1", "Appendix A")
    after the last paragraphs, with none of its own, is left out so."""
    numbered = [i for i, s in enumerate(sections) if s.number]
    with_clauses = [i for i, s in enumerate(sections) if s.clauses]
    if not numbered and not with_clauses:
        return sections, []
    kept: list[ImportedSection] = []
    appendices: list[ImportedSection] = []
    taken: set[str] = set()
    for index, s in enumerate(sections):
        if not numbered:
            back = BACK_MATTER.match(s.title) or HISTORY_HEADING.match(s.title)
            if s.clauses or not back or index < with_clauses[-1]:
                kept.append(s)
            else:
                appendices.append(leave_out_appendix(s, taken, left_out, notes))
        elif s.number or s.clauses:
            kept.append(s)
        elif index < numbered[0]:  # "Introduction": a heading over its words
            intro.titles.add(len(intro.paragraphs))
            intro.paragraphs.append(s.title)
            intro.lines.append(s.where)
            intro.extend(s.intro)
        else:
            appendices.append(leave_out_appendix(s, taken, left_out, notes))
    return kept, appendices


def leave_out_appendix(
    s: ImportedSection, taken: set[str], left_out: list[tuple[Line, str]], notes: list[str]
) -> ImportedSection:
    """An appendix, schedule or annex after the protocol (or its history): its heading
    and words listed as left out, and given a page's name to be written as a page of
    its own."""
    why = f"'{s.title}': after the protocol's numbered sections, with no number"
    if HISTORY_HEADING.match(s.title):
        why = f"'{s.title}': the protocol's history of amendment, not its words"
    words = zip([s.title, *s.intro.paragraphs], [s.where, *s.intro.lines], strict=True)
    left_out += [(replace(line, text=text), why) for text, line in words]
    s.slug = slugify(s.title, taken)
    notes.append(
        f"'{s.title}' ({s.where.where}) and its words were left out: they follow "
        "the protocol's numbered sections and have no number of their own. To "
        f"keep them on the site, add --appendices FOLDER, which writes them as "
        f"FOLDER/{s.slug}.md; move that page into docs/ and list it in the "
        "toctree of docs/index.md (constitution init --from does both itself)."
    )
    return s
