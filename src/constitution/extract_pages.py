"""A paged text's lines mended: lines grouped by page, running headers, footers
and page numbers dropped as furniture, footnotes at a page's foot marked as footnotes,
and words split by hyphenation at a line's end joined.

Apart because both a PDF (pdf_text) and a text export of one (extract.py) are paged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from itertools import groupby, pairwise

from constitution.extract_lines import Extracted, Line
from constitution.page_asides import NUMBERED_LINE, body_size, set_aside
from constitution.page_site import site_printed

PAGE_NUMBER = re.compile(r"(?i)^(page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s+of\s+\d+)?$")
# A front page's number in small Roman numerals ("ii", "Page iv", "- iii -"), as Word
# numbers the contents and foreword before the body's "1"; lower case only ("II" may be
# a section's number)
ROMAN_FOLIO = re.compile(r"^(?:page\s+)?[-–—]?\s*(?=[ivxl])l?x{0,3}(?:ix|iv|v?i{0,3})\s*[-–—]?$")


def paged(lines: list[Line], pages: int, notes: list[str], mend: bool = True) -> Extracted:
    """A paged document's lines, its page furniture dropped (and listed), what it prints
    beside its text set aside (page_asides: margin notes, a blank page's note, a heading
    repeated "(continued)"; listed with why), its footnotes
    marked as footnotes, words split by hyphenation mended (unless ``mend`` is False: a
    PDF's are mended once its lines' spacing is read, each line measured as drawn)."""
    kept = earlier_feet(drop_furniture(lines, pages))
    still = set(map(id, kept))
    dropped = [line for line in lines if id(line) not in still and line.text.strip()]
    kept, site = site_printed(kept)  # a web page printed: the site's banner and footer
    kept, asides = set_aside(kept)
    asides = site + asides
    kept = page_footnotes(kept)
    lines = mend_hyphenation(kept) if mend else kept
    return Extracted(lines, notes=notes, dropped=dropped, asides=asides)


# A page's number as a line of its own ("Page 3 of 9", "- 3 -", "3"), or at the end of a
# running foot ("Member/Officer Protocol      Page 3 of 9").
PAGE_AT_END = re.compile(r"(?i)(?:^|\s)page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?\s*$")


def page_value(text: str) -> int | None:
    text = text.strip()
    if m := PAGE_AT_END.search(text):
        return int(m[1])
    return int(re.sub(r"\D", " ", text).split()[0]) if PAGE_NUMBER.match(text) else None


def earlier_feet(lines: list[Line]) -> list[Line]:
    """A paged file's lines without the furniture of the pages its text was taken from
    (a PDF made of a text taken out of another PDF): where its lines still print a run
    of page numbers ("... Page 1 of 2", "... Page 2 of 2"), the pages they end are that
    text's, and their heads, feet and numbers are dropped as furniture, each line keeping
    this file's page."""
    earlier = pages_by_number(lines)
    if not earlier:
        return lines
    kept = set(map(id, drop_furniture(earlier, earlier[-1].page or 1)))
    return [line for line, was in zip(lines, earlier, strict=True) if id(was) in kept]


def unpaged(extracted: Extracted) -> Extracted:
    """A file with no pages of its own (a Word file) made of a PDF's text, that PDF's page
    furniture still in its lines: dropped, and listed as a PDF's is."""
    kept = earlier_feet(extracted.lines)
    still = set(map(id, kept))
    gone = [line for line in extracted.lines if id(line) not in still and line.text.strip()]
    return replace(extracted, lines=kept, dropped=extracted.dropped + gone) if gone else extracted


def pages_by_number(lines: list[Line]) -> list[Line]:
    """A text whose pages were joined with no form feed between them (a PDF's text read
    page after page): its lines, each with its page, where page numbers run on through it
    (1, 2, 3 ...: the longest such run, of two at least). A page ends after its number;
    [] where there is no such run. A number is a page number only as one of the run, so a
    paragraph ending in "1972" is not one, nor a bare "2", which may be a heading's."""
    found = [
        (i, v)
        for i, line in enumerate(lines)
        if not line.text.strip().isdigit() and (v := page_value(line.text)) is not None
    ]
    longest: dict[int, tuple[int, int]] = {}  # page -> (length, candidate) of its best run
    before: list[int | None] = []  # each candidate's page before it in its run
    for k, (_, value) in enumerate(found):
        previous = longest.get(value - 1)
        before.append(previous[1] if previous else None)
        length = previous[0] + 1 if previous else 1
        if length > longest.get(value, (0, 0))[0]:
            longest[value] = (length, k)
    length, walk = max(longest.values(), default=(0, 0))
    if length < 2:
        return []
    ends: set[int] = set()
    at: int | None = walk
    while at is not None:
        ends.add(found[at][0])
        at = before[at]
    out, page = [], 1
    for i, line in enumerate(lines):
        out.append(replace(line, page=page))
        page += i in ends
    return out


# A footnote's mark as a PDF's text gives a superscript: its digits against the word
# before ("officers3", "post,2"); and the footnote at the page's foot ("3 The register").
MARK = re.compile(r"(?<=[A-Za-z]{2})([.,;:)\"'’”]?)(\d{1,2})(?=[\s.,;:)]|$)")
# A mark set off by a space, as some PDFs give it ("officers 3 must", "meetings. 4"):
# a number after a word or a sentence's stop. One after a word that takes a number
# ("within 3", "group of 3", "Rule 3") is a quantity or a name, never a mark.
SPACED = re.compile(r"(?<=[A-Za-z.,;:)\"'’”])( )(\d{1,2})(?=[\s.,;:)]|$)")
TAKES_NUMBER = frozenset(
    {"a", "an", "the", "of", "to", "for", "by", "at", "on", "in", "within", "than", "and"}
    | {"or", "under", "over", "after", "before", "about", "least", "most", "every", "each"}
    | {"all", "any", "first", "last", "next", "between", "from", "up", "per", "only", "no"}
    | {"some", "page", "pages", "paragraph", "paragraphs", "para", "paras", "section"}
    | {"sections", "clause", "clauses", "rule", "rules", "article", "articles", "part"}
    | {"parts", "appendix", "schedule", "annex", "annexe", "item", "items", "number"}
    | {"regulation", "regulations", "chapter", "order", "orders", "table", "note", "step"}
)
NOTE = re.compile(r"^\s*(\d{1,2})\s+(\S.*)$")


def page_footnotes(lines: list[Line]) -> list[Line]:
    """Each page's footnotes, at its foot after its words, written as a text export
    writes them ("[3] The register ...", a note's wrapped lines joined), and their marks
    in the words as "[3]", so that each goes with the paragraph citing it. Only a foot
    whose every note is cited by a mark on the page above it: "2 The posts" is otherwise
    the protocol's own words."""
    out: list[Line] = []
    for _, page in groupby(lines, key=lambda line: line.page):
        out += foot_notes(list(page))
    return out


# A page's foot: footnotes are looked for among its last lines only.
FOOT = 60


def foot_notes(page: list[Line]) -> list[Line]:
    seen = marks(page[: -FOOT or None])
    for start in range(max(0, len(page) - FOOT), len(page)):
        note = NOTE.match(page[start].text)
        if note and note[1] in seen and (notes := split_notes(page[start:], seen)):
            return unmarked(page[:start], {m for m, _ in notes}) + [
                note_line for _, note_line in notes
            ]
        seen |= marks(page[start : start + 1])
    return page


def marks(lines: list[Line]) -> set[str]:
    return {m[2] for line in lines for m in (*MARK.finditer(line.text), *spaced(line.text))}


def spaced(text: str) -> list[re.Match[str]]:
    """The marks set off by a space in the text: after a word that takes no number."""
    return [
        m
        for m in SPACED.finditer(text)
        if text[: m.start()].split()[-1].strip(".,;:)\"'’”").lower() not in TAKES_NUMBER
    ]


def split_notes(foot: list[Line], cited: set[str]) -> list[tuple[str, Line]] | None:
    """The foot's notes, each one line ("[3] its words"), in the order of their numbers;
    None if the foot is not all footnotes (a numbered paragraph in it, a note no mark
    cites)."""
    notes: list[tuple[str, Line]] = []
    for line in foot:
        note = NOTE.match(line.text)
        if note and note[1] in cited and (not notes or int(note[1]) > int(notes[-1][0])):
            notes.append((note[1], replace(line, text=f"[{note[1]}] {note[2].strip()}")))
        elif NUMBERED_LINE.match(line.text.strip()) or not notes:
            return None
        else:  # the note's words wrapped onto the next line
            number, first = notes[-1]
            notes[-1] = (number, replace(first, text=f"{first.text} {line.text.strip()}"))
    return notes


def unmarked(lines: list[Line], cited: set[str]) -> list[Line]:
    """The page's lines with each mark of a cited footnote written "[3]": every mark
    against its word, and a mark set off by a space only for a note no mark has yet
    cited (its first such place), so that "every 3" further on stays a number."""
    done = marks_against(lines) & cited
    out = []
    for line in lines:
        text = MARK.sub(lambda m: f"{m[1]}[{m[2]}]" if m[2] in cited else m[0], line.text)
        first = []
        for m in spaced(text):
            if m[2] in cited and m[2] not in done:
                first.append(m)
                done.add(m[2])
        for m in reversed(first):
            text = f"{text[: m.start()]}[{m[2]}]{text[m.end() :]}"
        out.append(replace(line, text=text))
    return out


def marks_against(lines: list[Line]) -> set[str]:
    return {m[2] for line in lines for m in MARK.finditer(line.text)}


# A footnote's mark typed as superscript digits ("officer¹", as a text export or a web
# page keeps Word's), and its note beginning with the same digits ("¹ Section 270(3)").
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}]{{1,2}}")
SUPERSCRIPT_NOTE = re.compile(rf"^\s*([{SUPERSCRIPT_DIGITS}]{{1,2}})\s+(\S.*)$")
FIGURES = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def superscript_notes(lines: list[Line]) -> list[Line]:
    """Notes printed after superscript digits, written as a text export writes a
    footnote ("[1] Section 270(3) ..."), and each mark citing one written "[1]" (a mark
    against the word before it): a superscript no note begins with ("40m²") is the words'
    own."""
    noted = {m[1] for line in lines if (m := SUPERSCRIPT_NOTE.match(line.text))}
    if not noted:
        return lines
    out = []
    for line in lines:
        if note := SUPERSCRIPT_NOTE.match(line.text):
            text = f"[{note[1].translate(FIGURES)}] {note[2]}"
        else:
            text = SUPERSCRIPT.sub(lambda m: cited(m, noted), line.text)
        out.append(replace(line, text=text))
    return out


def cited(mark: re.Match[str], noted: set[str]) -> str:
    """A superscript against a word ("officer¹", "law³.") that a note begins with, as
    "[1]"; against a quantity ("40m²") or standing alone, as printed."""
    word = mark.string[: mark.start()].split(" ")[-1].lstrip("(\"'\u2018\u201c")
    if mark[0] not in noted or not word or not word[0].isalpha():
        return mark[0]
    return f"[{mark[0].translate(FIGURES)}]"


# Running heads and feet, and page numbers, are among the first or last lines of a page
# as its text is read out (where a PDF draws them first, they come first).
EDGE = 3


def furniture_key(text: str) -> str:
    """Running heads and feet differ from page to page in their digits only ("Page 3 of
    9"); a numbered paragraph is furniture only if it repeats word for word."""
    text = text.strip().lower()
    return text if NUMBERED_LINE.match(text) else re.sub(r"\d+", "#", text)


def edges(page: list[Line]) -> Iterator[tuple[tuple[int, str], Line]]:
    """Each line near the top or foot of a page, keyed by its place there and its words."""
    for place, line in enumerate(page[:EDGE]):
        yield (place, furniture_key(line.text)), line
    for place, line in enumerate(page[::-1][:EDGE]):
        yield (-1 - place, furniture_key(line.text)), line


LETTERS = re.compile(r"[^\W\d_]{2}")  # a word's letters, not a number's


def drop_furniture(lines: list[Line], pages: int) -> list[Line]:
    """Remove page numbers, and running heads and feet: lines at the same place at the
    top or foot of most pages. Only there: a line elsewhere is the protocol's text."""
    by_page: dict[int | None, list[Line]] = {}
    for line in lines:
        if line.text.strip():
            by_page.setdefault(line.page, []).append(line)
    on_pages = Counter(key for page in by_page.values() for key in dict(edges(page)))
    # on most pages; of two, on both (a protocol of two pages is common)
    least = 2 if pages == 2 else max(3, pages // 2)
    # of three, words on two alike: the head of every page but the first, which has its
    # own (Word's "different first page"); not a number ("2" over each section's first)
    alike = Counter(
        (place, line.text.strip()) for page in by_page.values() for (place, _), line in edges(page)
    )
    furniture = {
        id(line)
        for page in by_page.values()
        for key, line in edges(page)
        if (PAGE_NUMBER.match(line.text.strip()) and not heads_section(page, line))
        or ROMAN_FOLIO.match(line.text.strip())
        or (pages >= 2 and on_pages[key] >= least)
        or (pages == 3 and alike[key[0], line.text.strip()] == 2 and LETTERS.search(line.text))
    }
    furniture |= {id(line) for page in by_page.values() for line in set_apart(page)}
    # what is left at each page's edges once the rest of its furniture is gone
    rest = [[line for line in page if id(line) not in furniture] for page in by_page.values()]
    furniture |= {id(line) for line in in_margins(rest)}
    return [line for line in lines if id(line) not in furniture]


def set_apart(page: list[Line]) -> list[Line]:
    """A PDF page's running head or foot on a page of its own (nothing repeats to show
    it): a line near the page's top or foot drawn smaller than the page's body text (the
    size most of its characters have), above or below all of it and apart from it by more
    than two of its lines' height. Not a footnote ("3 The register ...", smaller too)."""
    body = body_size(page)
    if body is None:
        return []
    heights = [line.drawn.y for line in page if line.drawn and line.drawn.size == body]
    top, foot, gap = max(heights), min(heights), 2 * body
    return [
        line
        for _, line in edges(page)
        if (drawn := line.drawn)
        and drawn.size < 0.9 * body
        and (drawn.y > top + gap or (drawn.y < foot - gap and not NOTE.match(line.text)))
    ]


# A page-number field's words closing a running head's or foot's line ("Issue 2, June
# 2025   Page 2 of 2", "Page 2"), or the line alone ("2 of 5", "- 2 -"); a sentence's "on
# page 2 of the agreement" or "minute 14 of 2024." is no field
PAGE_FIELD = re.compile(
    r"(?i)\bpage\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$|^\s*\d{1,4}\s+of\s+\d{1,4}\s*$"
    r"|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$"
)


def in_margins(pages: list[list[Line]]) -> list[Line]:
    """A PDF page's running head or foot drawn at the body's size on that page alone
    (Word's "different first page": a cover page without them, and in a document of two
    pages one page with them, so nothing repeats to show it): its highest or lowest line,
    apart from the rest of its page by more than two of the body's lines, where no other
    page draws anything but its own head or foot (the margin, above or below every other
    page's text), and that prints a page-number field's words ("Page 2 of 2") or, for a
    head, is plain (not a heading's bold), stands further apart from the body than the
    page's lines from one another (heads_apart), and over a body that begins where
    another page's text begins (the text block's top, which every page shares: not a
    cover's title set low)."""
    # each page's drawn lines top down (a PDF may draw its head after its body, or its
    # foot first)
    drawn = [
        sorted((line for line in page if line.drawn), key=height, reverse=True) for page in pages
    ]
    # each page's first line standing above its next as a head does (the heads of pages
    # after the first may each differ: the part the page holds)
    tops = {id(page[0]) for page in drawn if len(page) > 1 and standing(page[0], page[1])}
    found = []
    for at, page in enumerate(drawn):
        body = body_size(page)
        if body is None or len(page) < 2 or len(page) < len(pages[at]):
            continue  # one line, or lines whose drawing is unknown: no margin to see
        rest = [other for other in drawn[:at] + drawn[at + 1 :] if other]
        if not rest:
            continue  # the margin is known only beside another page's text
        others = [line for other in rest for line in other]
        head, foot = page[0], page[-1]
        under, over = height(page[1]), height(page[-2])
        if margin(head, under, True, body, others, tops) and (
            PAGE_FIELD.search(head.text)
            or (heads_apart(page) and any(abs(height(other[0]) - under) <= body for other in rest))
        ):
            found.append(head)
        if margin(foot, over, False, body, others, set()) and PAGE_FIELD.search(foot.text):
            found.append(foot)
    return found


def heads_apart(page: list[Line]) -> bool:
    """Whether a page's first line (its lines drawn top down) is set apart as a running
    head, not as a heading over the page's text: plain, and further above the next line
    than a quarter more than the page's lines are apart from one another (their lower
    median, as a foot's gap may be one of few: a heading's space under it is a
    paragraph's, or little more; a head stands in the margin)."""
    head = page[0]
    gaps = sorted(height(a) - height(b) for a, b in pairwise(page[1:]))
    median = gaps[(len(gaps) - 1) // 2] if gaps else 0.0
    return bool(head.drawn and not head.drawn.bold) and height(head) - height(page[1]) > (
        1.25 * median
    )


def height(line: Line) -> float:
    """Where a PDF's line is drawn up the page (its baseline)."""
    return line.drawn.y if line.drawn else 0.0


def standing(line: Line, next_line: Line) -> bool:
    """Whether a line stands apart from the next one by more than two of its lines."""
    return height(line) - height(next_line) > 2 * (line.drawn.size if line.drawn else 0.0)


def margin(
    line: Line, edge: float, above: bool, body: float, others: list[Line], level: set[int]
) -> bool:
    """Whether a page's first line (``above`` the body) or last stands in the page's
    margin: drawn no larger than the body (a heading is drawn larger), beyond the page's
    next line (``edge``) by more than two of the body's lines, and every other page's
    lines on the body's side of it by as much, but the same head or foot level with it
    (its words but their digits: "Page 3 of 3"), or a line standing as it does
    (``level``: another page's own head). Not a footnote ("3 The register ...")."""
    if not line.drawn or line.drawn.size > body or NOTE.match(line.text):
        return False
    gap, way, key, y = 2 * body, 1 if above else -1, furniture_key(line.text), height(line)
    return (y - edge) * way > gap and all(
        (y - height(other)) * way > gap
        or (
            abs(height(other) - y) <= body
            and (furniture_key(other.text) == key or id(other) in level)
        )
        for other in others
    )


def heads_section(page: list[Line], line: Line) -> bool:
    """Whether a bare number near a page's edge is a section's, not the page's: within
    the page's words (not its first or last line) with the section's first paragraph
    after it ("REVIEW", "3", "3.1 The Monitoring Officer...")."""
    at = next(i for i, other in enumerate(page) if other is line)
    number = line.text.strip()
    return (
        number.isdigit()
        and 0 < at < len(page) - 1
        and page[at + 1].text.strip().startswith(f"{number}.")
    )


def mend_hyphenation(lines: list[Line]) -> list[Line]:
    """Join a word split across lines by a hyphen ('consti-' + 'tution'), keeping the
    hyphen of a hyphenated word broken there ('co-' + 'opted'); a word a soft hyphen
    broke is joined whole."""
    seen: set[str] | None = None  # the document's words, read once a hyphen needs them
    out: list[Line] = []
    for ln in lines:
        prev = out[-1].text.rstrip() if out else ""
        head = ln.text.lstrip()
        if out and out[-1].broken and head:  # at a soft hyphen: one word, no hyphen
            out[-1] = replace(out[-1], text=prev + head, broken=ln.broken)
            continue
        first = re.search(r"([^\W\d_]*[a-z]{2})-$", prev)  # the word's part: "Mem-"
        rest = re.match(r"[a-z]{2,}", head)
        if first and rest and not prev.lstrip().startswith("- "):
            if seen is None:
                seen = {w.lower() for line in lines for w in WORDS.findall(line.text)}
            hyphen = "-" if hyphenated(first[1], rest[0], seen) else ""
            out[-1] = replace(out[-1], text=prev[:-1] + hyphen + head)  # as its first line
        else:
            out.append(ln)
    return out


WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


# Prefixes English writes with a hyphen before a word ("re-elected", "non-voting"), some
# of them no word of their own ("pre", "multi")
PREFIXES = frozenset(
    {"re", "co", "pre", "non", "ex", "self", "anti", "de", "post", "semi", "multi", "pro"}
)


def hyphenated(first: str, rest: str, seen: set[str]) -> bool:
    """Whether "first-" at a line's end and "rest" on the next are one hyphenated word
    ("co-opted") rather than a word a hyphen broke ("Mem-" "bers"): as the document
    writes the word elsewhere, else as English does (both parts words, the two joined
    none; after a prefix, also where the join doubles a vowel, "re-elected", or English
    barely writes the two joined, "nonvoting", beside the word alone, or less than the
    word alone in a document hyphenating as British English does, "non-partisan")."""
    whole, first, rest = (first + rest).lower(), first.lower(), rest.lower()
    if f"{first}-{rest}" in seen or whole in seen:
        return whole not in seen
    if first in PREFIXES and first[-1] == rest[0] and rest[0] in "aeiou":
        return True
    english = english_words()
    if first in PREFIXES and rest in english:  # joined, under 1 use in 100 of the word
        rare = english.get(whole, 0) * 100 < english[rest]
        # or less used than the word, where the document hyphenates as British English
        return rare or (english.get(whole, 0) < english[rest] and hyphenates_prefixes(seen))
    return first in english and rest in english and whole not in english


def hyphenates_prefixes(seen: set[str]) -> bool:
    """Whether the document writes a prefix's word with a hyphen within a line where the
    (American) word list closes it up ("co-operation", "cooperation" there), as British
    English does: its other words after a prefix are likely hyphenated too."""
    english = english_words()
    return any(
        (parts := word.split("-"))[0] in PREFIXES and len(parts) == 2 and "".join(parts) in english
        for word in seen
        if "-" in word
    )


@cache
def english_words() -> dict[str, int]:
    """English words spelt right, each with how often it is used (pyspellchecker's
    list): about a second to load, so only for a word the document does not settle."""
    from spellchecker import SpellChecker  # only for a hyphen at a line's end

    return dict(SpellChecker(language="en").word_frequency.dictionary)
