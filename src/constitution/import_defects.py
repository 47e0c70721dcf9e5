"""Numbering faults in an imported protocol: the document's numbering style,
numbers repeated, skipped, out of order or meant for another section, each reported
with where it is printed and what follows from it.

Apart because finding faults reads the structured document and changes nothing in it;
the report and the writing of MyST read the numbering style it decides.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from constitution.extract_lines import Line
from constitution.import_model import Defect, Imported, ImportedClause, ImportedSection
from constitution.import_numbered_part import part_number
from constitution.import_shapes import NUMBERED
from constitution.numbering import section_heads

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
