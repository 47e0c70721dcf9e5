"""How the draft numbers its paragraphs: the council's scheme (conf/council.toml).

``renumber``: numbers follow position (section 3's fifth clause is 3.5), as the reader
gives them; they take effect when Council adopts.

``insert``, legislation's way: a paragraph keeps the number Council last adopted for it
(or, never adopted, the number printed in the document it was imported from); only a
paragraph without one gets a new number, made from its neighbours as legislation.gov.uk
numbers inserted provisions: after 7.12 comes 7.12A, then 7.12B; between 7.12A and 7.12B,
7.12AA; between 7.12 and 7.12A, 7.12ZA; before 7.1, 7.A1. A number once adopted is never
given to another paragraph, nor a section's to another section: a revoked one keeps it,
even a number printed in an imported revision. A paragraph moved out of order, or into
another section, is numbered as inserted where it now stands.

Numbers are written in the council's number style (conf/council.toml, ``number-style``),
as its documents print and cite them: ``section.paragraph`` (3.1, 3.1A), ``paragraph-in-
section`` (paragraphs printed "(1)" afresh in each section, cited as legislation cites a
subsection: 3(1), 3(1A)), ``continuous`` (paragraphs numbered on through the document,
whatever their section: 12, 12A) or ``lettered`` (parts lettered A, B, C in order, their
paragraphs numbered afresh after the part's letter: B1, B2, B2A). Within a section the
schemes work on the paragraph's own part of the number ("1", "1A", "12") the same way in
every style.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import cast

from constitution.model import Between, Clause, Document, Revoked, RevokedSection, Section

SCHEMES = ("insert", "renumber")
STYLES = ("section.paragraph", "paragraph-in-section", "continuous", "lettered")
# One part of a number: letters before (A1, inserted before 1), digits, letters after.
PART = r"[A-Z]{0,4}[0-9]{1,4}[A-Z]{0,8}"
# A paragraph's number in any style: 3.1, 3(1), 12 (the style decides which is meant).
PRINTED = re.compile(rf"(?:{PART}(?:\.{PART})+|{PART}\({PART}\)|{PART})")
_STYLED = {
    # 3.1, and 3.1.1, a sub-paragraph printed with a number of its own (its part "1.1")
    "section.paragraph": re.compile(rf"({PART})\.({PART}(?:\.{PART})*)"),
    # "(3)" alone: printed under a heading with no number (the section's is its place)
    "paragraph-in-section": re.compile(rf"({PART})?\(({PART})\)"),
    # 12, or 5.3.12 where every paragraph's number begins with the protocol's own (5.3)
    "continuous": re.compile(rf"()({PART}(?:\.{PART})*)"),
    # B2: section 2's paragraph 2, its section's letter before it (a section past Z, or
    # inserted, as 3A, is written as section.paragraph writes it: 3A.1)
    "lettered": re.compile(rf"([A-Z])({PART})|({PART})\.({PART})"),
}
_PART = re.compile(r"([A-Z]*)([0-9]+)([A-Z]*)")
# The Part of the constitution printed before each paragraph's number, and a dash:
# "5.5 – 3.4" is paragraph 3.4 of Part 5.5 (the importer keeps it so in :source-number:,
# and a council's minutes cite it so). A Part without a point ("5 – 3.4") only before a
# number with one: "3-1" is no Part 3's paragraph 1.
_PART_BEFORE = re.compile(
    r"(?:\d{1,2}\.\d{1,2}\s*[\u2013\u2014-]\s*(?=\S)"
    r"|\d{1,2}\s*[\u2013\u2014-]\s*(?=[0-9A-Z]+[.(]))",
    re.IGNORECASE,
)


def without_part(number: str) -> str:
    """A paragraph's number without the Part's printed before it: "5.5 – 3.4" is 3.4."""
    return part_before(number)[1]


def part_before(number: str) -> tuple[str, str]:
    """The Part's number printed before a paragraph's, and the paragraph's: ("5.5", "3.4")
    of "5.5 – 3.4"; ("", number) where none is."""
    number = number.strip()
    m = _PART_BEFORE.match(number)
    return (
        (re.split(r"\s*[\u2013\u2014-]", m.group(0))[0], number[m.end() :]) if m else ("", number)
    )


# (digits, 1 unless letters before, letters before, letters after), once for each level
Key = tuple[int | tuple[int, ...], ...]


def _letters(letters: str) -> tuple[int, ...]:
    """Letters in legislation's order: A to Z, but a Z with a letter after it comes before
    A (so 7.12ZA sits between 7.12 and 7.12A)."""
    return tuple(
        0 if ch == "Z" and i + 1 < len(letters) else ord(ch) - 64 for i, ch in enumerate(letters)
    )


# The same few thousand numbers are ordered on every read of the draft.
@functools.lru_cache(maxsize=65536)
def part_key(part: str) -> Key:
    if "." in part:  # 1.1 (of 3.1.1): after 1, before 1A and 2
        return sum((part_key(level) for level in part.split(".")), ())
    m = _PART.fullmatch(part)
    assert m, part
    before, digits, after = m.groups()
    # A1 and B1 come before 1; then 1, 1ZA, 1A, 1AA, 1B.
    return (int(digits), 1 if not before else 0, _letters(before), _letters(after))


def number_key(number: str) -> tuple[Key, ...]:
    """A paragraph number's place in reading order: 7.A1 < 7.1 < 7.1A < 7.2 < 7A.1 < 8.1
    (and so 7(1) < 7(1A), 12 < 12A < 13)."""
    return tuple(part_key(p) for p in re.split(r"[.()]", number) if p)


def in_number_order(section: Section) -> list[Clause | Revoked]:
    """A section's paragraphs as a version prints them: a revoked paragraph's number kept
    in its place among the others (insert numbering)."""
    return sorted([*section.clauses, *section.revoked], key=lambda p: number_key(p.number))


def in_place(
    section: Section, paragraphs: Sequence[Clause | Revoked] | None = None
) -> list[Clause | Revoked | Between]:
    """A section's paragraphs in number order (in_number_order), or ``paragraphs`` in
    theirs (the source's order, as the writer keeps it), with its unnumbered words where
    they stand: each before the paragraph it is tied to, after any revoked number kept
    before that paragraph; closing words after the last."""
    shown = in_number_order(section) if paragraphs is None else paragraphs
    if not section.between:
        return list(shown)
    before: dict[str, list[Between]] = {}
    for words in section.between:
        before.setdefault(words.before, []).append(words)
    out: list[Clause | Revoked | Between] = []
    for p in shown:
        if isinstance(p, Clause):
            out += before.pop(p.id, [])
        out.append(p)
    return out + [words for rest in before.values() for words in rest]


def cite(section: str, part: str, style: str) -> str:
    """A paragraph's number as the style prints it: 3.1, 3(1), 12 or B1."""
    if style == "paragraph-in-section":
        return f"{section}({part})"
    if style == "lettered" and section.isdigit() and 1 <= int(section) <= 26:
        return f"{chr(64 + int(section))}{part}"
    return part if style == "continuous" else f"{section}.{part}"


def reference(number: str, shown: str | None = None, form: str = "paragraph {number}") -> str:
    """How {para} reads. {para}`ID` reads "paragraph 3.1". With words of its own
    ({para}`3.1 <ID>`, as the importer keeps a reference whose document's own words say
    "paragraphs 3.1 and 3.2" or "3.1 above") it reads the number alone, as now numbered;
    written "(2)" (a paragraph of the same section, in a paragraph-in-section document),
    the number's own part, "(2)", as a section's paragraphs cite each other (written "3",
    after the Part it is in, "3"). A document
    whose paragraphs cite one another otherwise ("Article 3.1") gives its ``form``."""
    if shown is None:
        return form.format(number=number)
    own = re.fullmatch(r"[^(]+(\(.+\))", number)
    if own and shown.isdigit():  # "Part II paragraph 3": its own part, as printed
        return own.group(1).strip("()")
    return own.group(1) if own and shown.startswith("(") else number


def split(number: str, style: str) -> tuple[str, str] | None:
    """(section, paragraph's own part) of a number printed in the style ("" for the
    section of a continuous number, which names none), after any Part's number printed
    before it; None if not of its shape."""
    m = _STYLED[style].fullmatch(without_part(number).upper())
    if m and style == "lettered":
        letter, part, section, dotted = m.groups()
        return (str(ord(letter) - 64), part) if letter else (section, dotted)
    return (m.group(1) or "", m.group(2)) if m else None


def between(lo: str | None, hi: str | None, taken: set[str], fresh: bool) -> str:
    """The number for a part inserted after ``lo`` and before ``hi`` (either may be absent),
    never one in ``taken``. In a part that Council has never adopted (``fresh``), numbers
    simply count on: 1, 2, 3."""
    low = part_key(lo) if lo else None
    high = part_key(hi) if hi else None
    for c in _candidates(lo, hi, fresh):
        key = part_key(c)
        if (low is None or low < key) and (high is None or key < high) and c not in taken:
            return c
    raise ValueError(f"no number between {lo} and {hi}")  # nine Zs deep: never in practice


def _candidates(lo: str | None, hi: str | None, fresh: bool) -> Iterator[str]:
    """Numbers for an insertion, most wanted first: legislation's, then deeper ones."""
    if lo is not None and "." in lo:  # after a sub-paragraph 1.3: 1.4 or 1.3A
        head, _, last = lo.rpartition(".")
        yield from (f"{head}.{c}" for c in _candidates(last, None, fresh))
        return
    if lo is None:
        top = _PART.fullmatch((hi or "1").split(".")[0])
        assert top
        before, digits, _ = top.groups()
        if hi is None:
            yield "1"
        for k in range(0 if not before else 1, 9):  # before 1: A1, then ZA1
            yield f"{'Z' * k}{before or 'A'}{digits}"
        return
    m = _PART.fullmatch(lo)
    assert m
    before, digits, after = m.groups()
    if fresh and not before and not after:
        yield str(int(digits) + 1)
    if after and after[-1] < "Z":  # after 12A: 12B
        yield f"{before}{digits}{after[:-1]}{chr(ord(after[-1]) + 1)}"
    if before and not after and before[-1] < "Z":  # after A1: B1
        yield f"{before[:-1]}{chr(ord(before[-1]) + 1)}{digits}"
    for k in range(9):  # after 12: 12A; between 12A and 12B: 12AA; then 12ZA, 12AZA
        yield f"{lo}{'Z' * k}A"


def _kept(anchors: Sequence[str | None]) -> set[int]:
    """The positions whose anchors can all keep their numbers: the longest run in strictly
    increasing order (a number moved out of order is not in it, nor the second of a
    number printed twice)."""
    keyed = [(i, part_key(a)) for i, a in enumerate(anchors) if a is not None]
    if all(a < b for (_, a), (_, b) in itertools.pairwise(keyed)):
        return {i for i, _ in keyed}  # as nearly always: every number in order
    tails: list[Key] = []  # the smallest last key of a run of each length
    ends: list[int] = []
    parent: dict[int, int | None] = {}
    seen: set[Key] = set()
    for i, key in keyed:
        if key in seen:  # a number printed twice: the first keeps it
            continue
        seen.add(key)
        at = bisect_left(tails, key)
        parent[i] = ends[at - 1] if at else None
        if at == len(tails):
            tails.append(key)
            ends.append(i)
        else:
            tails[at], ends[at] = key, i
    kept: set[int] = set()
    walk = ends[-1] if ends else None
    while walk is not None:
        kept.add(walk)
        walk = parent[walk]
    return kept


def _assign(
    anchors: Sequence[str | None],
    taken: set[str],
    fresh: bool,
    after: str | None = None,
    avoid: frozenset[str] = frozenset(),
) -> list[str]:
    """Each position's part of a number: its anchor where that is in order, else made
    between its neighbours. Numbered on through the document, a section's numbers come
    ``after`` the last of the section before, and ``avoid`` those printed elsewhere."""
    kept = _kept(anchors)
    parts = [a if i in kept else None for i, a in enumerate(anchors)]
    if all(parts):
        return cast(list[str], parts)
    if fresh and not taken and not any(parts) and after is None and not avoid:
        return [str(i) for i in range(1, len(parts) + 1)]  # what counting on gives
    held = sorted(taken - {p for p in parts if p}, key=part_key)  # revoked, or moved away
    taken = taken | {p for p in parts if p} | avoid
    following: list[str | None] = [None] * len(parts)  # the next kept number after each
    upcoming = None
    for i in range(len(parts) - 1, -1, -1):
        following[i] = upcoming
        upcoming = parts[i] or upcoming
    out: list[str] = []
    for i, p in enumerate(parts):
        if p is None:
            hi = following[i]
            # counting on follows only numbers counted, never one adopted or printed
            counting = fresh and (i == 0 or parts[i - 1] is None)
            lo = out[-1] if out else after
            p = between(_after(lo, hi, held) if held else lo, hi, taken, counting)
            taken.add(p)
        out.append(p)
    return out


def _after(lo: str | None, hi: str | None, held: list[str]) -> str | None:
    """What an insertion follows: the paragraph before it, or a revoked number kept in
    place after that paragraph (inserted after 7.12, with 7.12A revoked, it is 7.12B)."""
    low, high = part_key(lo) if lo else None, part_key(hi) if hi else None
    inside = [
        h
        for h in held
        if (low is None or low < part_key(h)) and (high is None or part_key(h) < high)
    ]
    return inside[-1] if inside else lo


def renumber(document: Document, style: str = "section.paragraph") -> Document:
    """Numbers by position: sections 1, 2, 3; clauses 3.1, 3.2 (or 3(1), 3(2); or counted
    on through the document)."""
    sections = []
    count = itertools.count(1)
    for s, section in enumerate(document.sections, start=1):
        clauses = tuple(
            dataclasses.replace(
                c, number=cite(str(s), str(next(count) if style == "continuous" else i), style)
            )
            for i, c in enumerate(section.clauses, 1)
        )
        sections.append(dataclasses.replace(section, number=str(s), clauses=clauses))
    return dataclasses.replace(document, sections=tuple(sections))


def insert(
    document: Document, latest: Document | None, style: str = "section.paragraph"
) -> Document:
    """Numbers as legislation inserts them, kept from ``latest`` (the last adopted version)."""
    adopted_sections = {s.slug: s.number for s in latest.sections} if latest else {}
    adopted = {c.id: c.number for c in latest.clauses()} if latest else {}
    # Every number the latest version gives, a revoked paragraph's or section's included:
    # never given to another.
    used = set(adopted.values())
    reserved = set(adopted_sections.values())
    if latest:
        used |= {r.number for s in latest.sections for r in s.revoked}
        reserved |= {s.number for s in latest.revoked_sections}
    # and every number the document imported printed as revoked (a section's front matter,
    # and the index's for a whole section)
    used |= {r.number for s in document.sections for r in s.revoked}
    reserved |= {s.number for s in document.revoked_sections}
    section_numbers = _assign(
        [
            adopted_sections.get(s.slug) or _printed_section(s, style, reserved)
            for s in document.sections
        ],
        reserved,
        not latest,
    )
    by_section: dict[str, set[str]] = {}
    for n in used:
        head, tail = split(n, style) or ("", n)
        by_section.setdefault(head, set()).add(tail)
    sections = []
    continuous = style == "continuous"
    # a continuous number names no section: one printed or taken anywhere is taken
    # everywhere, and a section's new paragraphs follow the section before
    printed = frozenset(
        a for c in document.clauses() if continuous and (a := _anchor(c, adopted, used, "", style))
    )
    last: str | None = None
    adopted_numbers = set(adopted_sections.values())
    for section, number in zip(document.sections, section_numbers, strict=True):
        taken = by_section.get(number, set()) | by_section.get("", set())
        anchors = [_anchor(c, adopted, used, number, style) for c in section.clauses]
        # a number Council never gave a section (a new one's, or one moved out of order):
        # its paragraphs count on from 1 there
        fresh = number not in adopted_numbers
        parts = _assign(anchors, taken, fresh, last, printed - set(anchors))
        if continuous and parts:
            last = parts[-1]
        moved = [
            (i, cite(number, p, style))
            for i, (c, p) in enumerate(zip(section.clauses, parts, strict=True))
            if c.number != cite(number, p, style)
        ]
        if not moved and number == section.number:
            sections.append(section)  # as read: position and number agree
            continue
        clauses = list(section.clauses)
        for i, n in moved:
            clauses[i] = dataclasses.replace(clauses[i], number=n)
        sections.append(dataclasses.replace(section, number=number, clauses=tuple(clauses)))
    if all(a is b for a, b in zip(sections, document.sections, strict=True)):
        return document
    return dataclasses.replace(document, sections=tuple(sections))


def _anchor(
    clause: Clause, adopted: dict[str, str], used: set[str], section: str, style: str
) -> str | None:
    """The part of its number a clause has a claim to in its section: as last adopted
    (none if it was adopted in another section: it moved here), else as printed in the
    document it was imported from (if printed in the style), unless another paragraph had
    that number."""
    number = adopted.get(clause.id)
    if number is None:
        number = clause.source_number
        if number in used:
            return None
    parts = split(number, style)
    if parts is None:
        return None
    head, part = parts
    return part if head in ("", section) else None


def _printed_section(section: Section, style: str, reserved: set[str]) -> str | None:
    """A section's printed number: printed on the section itself, or where its paragraphs'
    printed numbers agree on one; either only if no other section had it."""
    if section.printed:
        return section.printed if section.printed not in reserved else None
    printed = section_heads([c.source_number for c in section.clauses], style)
    return printed.pop() if len(printed) == 1 and not printed & reserved else None


def section_heads(numbers: list[str], style: str) -> set[str]:
    """The section numbers that paragraphs' printed numbers name ("4" of "4.2")."""
    return {p[0] for number in numbers if (p := split(number, style)) and p[0]}


def apply(
    document: Document, scheme: str, latest: Document | None, style: str = "section.paragraph"
) -> Document:
    """The draft numbered by the council's scheme (the reader numbers it by position, as
    3.1, 3.2) and printed in its number style."""
    if scheme == "insert":
        return insert(document, latest, style)
    if document.revoked_sections or any(s.revoked for s in document.sections):
        # numbers follow position: none is kept
        document = dataclasses.replace(
            document,
            sections=tuple(dataclasses.replace(s, revoked=()) for s in document.sections),
            revoked_sections=(),
        )
    return renumber(document, style) if style != "section.paragraph" else document


def with_revoked(draft: Document, latest: Document | None, resolution: str) -> Document:
    """The draft as Council adopts it under insert numbering: each section keeps, in
    place, the numbers of its revoked paragraphs, each with the resolution revoking it;
    a section the draft no longer has keeps its number, revoked, with its paragraphs'."""
    if latest is None:
        return draft
    before = {s.slug: s for s in latest.sections}
    sections = []
    for section in draft.sections:
        old = before.pop(section.slug, None)
        if old is None:
            sections.append(section)
            continue
        # a number printed as revoked in the draft's source since: kept too, once
        kept = {r.number for r in old.revoked}
        printed = [r for r in section.revoked if r.number not in kept]
        revoked = (*old.revoked, *printed, *_gone(old, draft, resolution))
        sections.append(dataclasses.replace(section, revoked=_ordered(revoked)))
    removed = [
        RevokedSection(
            old.number,
            old.slug,
            old.title,
            resolution,
            _ordered((*old.revoked, *_gone(old, draft, resolution))),
        )
        for old in before.values()
    ]
    # a section number printed as revoked in the draft's source since: kept too, once
    held = {s.number for s in latest.revoked_sections}
    since = [s for s in draft.revoked_sections if s.number not in held]
    return dataclasses.replace(
        draft,
        sections=tuple(sections),
        revoked_sections=tuple(
            sorted((*latest.revoked_sections, *since, *removed), key=lambda s: number_key(s.number))
        ),
    )


def _gone(old: Section, draft: Document, resolution: str) -> list[Revoked]:
    """A section's paragraphs revoked now: those the draft has not (one moved to another
    section is not revoked)."""
    return [Revoked(c.number, c.id, resolution) for c in old.clauses if not draft.clause(c.id)]


def _ordered(revoked: Sequence[Revoked]) -> tuple[Revoked, ...]:
    return tuple(sorted(revoked, key=lambda r: number_key(r.number)))


def renumbered(latest: Document | None, remade: Document) -> dict[str, str]:
    """Each paragraph's number in the latest adopted version -> its number as remade."""
    if latest is None:
        return {}
    return {c.number: new.number for c in latest.clauses() if (new := remade.clause(c.id))}


def find(document: Document, number: str) -> Clause | Revoked | None:
    """What has ``number`` in ``document``: a paragraph, a revoked paragraph's place, or
    nothing."""
    number = number.strip().upper()  # 7.12a is 7.12A
    found = next((c for c in document.clauses() if c.number == number), None)
    return found or next((r for r in revoked_places(document) if r.number == number), None)


def revoked_places(document: Document) -> Iterator[Revoked]:
    """Each revoked paragraph's number kept in its place, in its section or in a revoked
    section's."""
    held: list[Section | RevokedSection] = [*document.sections, *document.revoked_sections]
    for section in held:
        yield from section.revoked


def find_section(document: Document, number: str) -> Section | RevokedSection | None:
    """The section that has ``number`` in ``document``, or a revoked section's place."""
    number = number.strip().upper()
    held: list[Section | RevokedSection] = [*document.sections, *document.revoked_sections]
    return next((s for s in held if s.number == number), None)
