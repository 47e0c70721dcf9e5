"""The size and weight each line of a PDF page's text is drawn in, read beside pypdf's own
text: its visitor is handed each piece of the text as the text is put together, with the
piece's font, font size and matrices, so the lines' words stay exactly what extract_text
gives and only the drawing is added to them (and the line breaks pypdf puts between
pieces drawn on one baseline taken out)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pypdf.generic import DictionaryObject

from constitution.pdf_struck import Repeats, struck_once

try:
    # Where a line's words end needs its glyphs' widths, a standard font's among them, which
    # pypdf reads for its own extraction and publishes no reader of: its private module,
    # allowed by name in tests/test_navigation.py. Should a later pypdf move it, the widths
    # are left unknown (a hint only: where a margin note may stand), the words read as ever.
    from pypdf.generic._font import Font as Widths
except ImportError:  # pragma: no cover - a pypdf without it
    Widths = None  # type: ignore[assignment,misc]

# A bold face's name ("Helvetica-Bold", "ABCDEF+Arial-BoldMT", "Calibri-Semibold")
BOLD_NAME = re.compile(r"(?i)bold|black|heavy|demi")
FORCE_BOLD = 1 << 18  # a font descriptor's flag: draw the glyphs bold


@dataclass(frozen=True)
class Drawn:
    size: float  # as rendered, in points (the font size scaled by the text and page matrices)
    bold: bool
    y: float  # the line's baseline, up from the page's foot
    even: bool = True  # every character of the line drawn so (no bold word among plain)
    # each piece that pypdf began a line with but is drawn on this one's baseline: where
    # it is drawn across the page, where its words begin in the line's text, and its size
    joins: tuple[tuple[float, int, float], ...] = ()
    x: float | None = None  # where the line's first piece is drawn across the page
    lead: float | None = None  # the size of that first piece
    # where the line's words end across the page: those before its first join, then
    # those of each join (their glyphs' widths; a justified line's stretched spaces not)
    ends: tuple[float | None, ...] = ()
    # where each piece after the line's first that begins a word is drawn across the
    # page, and where its words begin in the line's text (a table's cells are such
    # pieces, each drawn at its column; pdf_tables)
    starts: tuple[tuple[float, int], ...] = ()


def bold(font: Any) -> bool:
    font = font.get_object() if hasattr(font, "get_object") else font
    if not hasattr(font, "get"):
        return False
    descriptor = font.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else {}
    return (
        bool(BOLD_NAME.search(str(font.get("/BaseFont", ""))))
        or int(descriptor.get("/Flags", 0)) & FORCE_BOLD != 0
        or float(descriptor.get("/FontWeight", 0)) >= 600
    )


def scale(tm: list[float], cm: list[float]) -> float:
    """How far the text matrix times the current matrix stretches a glyph upward."""
    c = tm[2] * cm[0] + tm[3] * cm[2]
    d = tm[2] * cm[1] + tm[3] * cm[3]
    return math.hypot(c, d)


def upright(tm: list[float], cm: list[float], width: float, height: float) -> tuple[float, float]:
    """Where a piece of text starts, across and up the page as its words read: on a page
    turned into the document (a landscape page drawn sideways on a portrait sheet, shown
    upright by its /Rotate), the page seen the way its lines run, so that their baselines
    go down it and their words across it as on any other page. Text at another slant (a
    stamp drawn diagonally) is measured on the sheet."""
    a = tm[0] * cm[0] + tm[1] * cm[2]
    b = tm[0] * cm[1] + tm[1] * cm[3]
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    turned = round(math.degrees(math.atan2(b, a))) % 360
    return {90: (y, width - x), 180: (width - x, height - y), 270: (height - y, x)}.get(
        turned, (x, y)
    )


def page_text(
    page: Any, placed: list[tuple[str, float]] | None = None
) -> tuple[str, list[Drawn | None]]:
    """The page's text as extract_text gives it, pieces on one baseline one line, and how
    each of its lines (split at "\\n") is drawn: the size and weight most of its
    characters have, None for a blank line. No drawings ([]) where the pieces do not add
    up to the text. With ``placed``, each object the page draws (a picture, by its name)
    is added to it with the area it covers, read in the same pass (pdf_scans)."""
    pieces: list[tuple[str, Any, Any, Any, Any]] = []
    repeats = Repeats()  # whether the page may strike words twice to make them bold

    def before(operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        repeats(operator, operands, cm, tm)
        if operator == b"Do" and operands and placed is not None:
            placed.append((str(operands[0]), abs(cm[0] * cm[3] - cm[1] * cm[2])))

    raw = (
        page.extract_text(
            visitor_text=lambda *piece: pieces.append(piece), visitor_operand_before=before
        )
        or ""
    )
    if repeats.found and struck_once(page):  # read again, each word once
        pieces.clear()
        raw = page.extract_text(visitor_text=lambda *piece: pieces.append(piece)) or ""
    if "".join(piece[0] for piece in pieces) != raw:
        return raw, []
    faces: dict[int, tuple[bool, Any]] = {}
    counts: list[Counter[tuple[float, bool]]] = [Counter()]
    baselines: list[float | None] = [None]
    lefts: list[float | None] = [None]
    rights: list[float | None] = [None]
    starts: list[list[tuple[float, int]]] = [[]]
    texts = [""]  # each line's text so far
    box = page.mediabox
    for text, cm, tm, font, size in pieces:
        for n, part in enumerate(text.split("\n")):
            if n:
                counts.append(Counter())
                baselines.append(None)
                lefts.append(None)
                rights.append(None)
                starts.append([])
                texts.append("")
            prior, texts[-1] = texts[-1], texts[-1] + part
            if not isinstance(size, (int, float)):
                continue
            stretch = scale(tm, cm)
            x, y = upright(tm, cm, float(box.width), float(box.height))
            if not part.strip():  # a space drawn alone on the line before's baseline
                if part and baselines[-1] is None and on_line(baselines[:-1], y):
                    baselines[-1] = y  # goes on that line, no words of its own
                continue
            if id(font) not in faces:
                faces[id(font)] = bold(font), metrics(font)
            heavy, widths = faces[id(font)]
            counts[-1][round(size * stretch * 2) / 2, heavy] += len(part.strip())
            if baselines[-1] is None:
                baselines[-1], lefts[-1] = y, x
            elif prior[-1:].isspace() or part[:1].isspace():  # a word's start, not its middle
                starts[-1].append((x, len(prior) + len(part) - len(part.lstrip())))
            if widths is not None:
                end = x + widths.get_text_width(part.rstrip()) * size * stretch / 1000
                rights[-1] = max(rights[-1] or end, end)
    return on_baselines(raw.split("\n"), counts, baselines, lefts, rights, starts)


def on_line(baselines: list[float | None], y: float) -> bool:
    """Whether the last line so far is drawn on this baseline."""
    return bool(baselines) and baselines[-1] is not None and abs(baselines[-1] - y) < 0.5


def metrics(font: Any) -> Any:
    """The font's glyphs' widths (pypdf's reading of its /Widths, or a standard font's
    metrics); None where the page names no font dictionary."""
    font = font.get_object() if hasattr(font, "get_object") else font
    if Widths is None or not isinstance(font, DictionaryObject):
        return None
    try:
        return Widths.from_font_resource(font)
    except Exception:  # pypdf's reading of a malformed font: any of its errors
        # leaves only where the words end unknown (a hint); the words are read without it
        return None


# A footnote's mark as a PDF draws it: a figure or two (or "*", "†") smaller than its
# line's words and raised above their baseline by less than their height.
MARK = re.compile(r"\s*(?:\d{1,2}|[*†‡§])\s*")


def size_of(count: Counter[tuple[float, bool]]) -> float:
    return count.most_common(1)[0][0][0]


def raised(
    text: str,
    count: Counter[tuple[float, bool]],
    y: float | None,
    line: Counter[tuple[float, bool]],
    base: float,
) -> bool:
    """Whether a piece is a mark raised over the line before it."""
    if y is None or not count or not line or not MARK.fullmatch(text):
        return False
    size = size_of(line)
    return size_of(count) <= 0.8 * size and 0 < y - base < 0.8 * size


def lowered(line: str, count: Counter[tuple[float, bool]], y: float, base: float) -> bool:
    """Whether a piece's words follow a mark drawn raised over them alone on its line (a
    footnote's number at the page's foot)."""
    if not count or not MARK.fullmatch(line):
        return False
    size = size_of(count)
    return 0 < base - y < 0.8 * size


# Pieces drawn closer than this share of their size go on one word: no space between them
# (a word in small capitals, its capital and its smaller letters two runs of two sizes)
ABUTTING = 0.1


def abutting(end: float | None, x: float | None, count: Counter[tuple[float, bool]]) -> bool:
    """Whether a piece starts where the words before it on its baseline end, with no gap
    a reader would see as a space."""
    if end is None or x is None or not count:
        return False
    return abs(x - end) < ABUTTING * size_of(count)


def on_baselines(
    texts: list[str],
    counts: list[Counter[tuple[float, bool]]],
    baselines: list[float | None],
    lefts: list[float | None],
    rights: list[float | None],
    starts: list[list[tuple[float, int]]] | None = None,
) -> tuple[str, list[Drawn | None]]:
    """The page's lines, each piece drawn on the baseline of the line before joined to
    it: pypdf starts a line at each piece drawn apart (a number and its words, a bold
    word among plain ones, as Word draws each run), though the eye reads one line."""
    starts = starts or [[] for _ in texts]  # each line's pieces after its first
    lines: list[str] = []
    drawings: list[tuple[Counter[tuple[float, bool]], float | None]] = []
    firsts: list[tuple[float | None, float | None]] = []  # each line's first piece: x, size
    marked = False  # the line ends in a raised mark, set against the word before it
    joins: list[list[tuple[float, int, float]]] = []
    ends: list[list[float | None]] = []  # each line's: before its first join, then each join's
    words: list[list[tuple[float, int]]] = []  # each line's pieces' starts (Drawn.starts)
    for n, (text, count, y) in enumerate(zip(texts, counts, baselines, strict=True)):
        last = drawings[-1][1] if drawings else None
        if lines and y is not None and last is not None and abs(y - last) < 0.5:
            if marked:  # after a mark, its line's words go on: "officers¹, and"
                text = re.sub(r"^\s{2,}", " ", re.sub(r"^\s+(?=[,.;:)])", "", text))
            stop = marked and text[:1] in ",.;:)"
            space = (
                ""
                if stop
                or lines[-1][-1:].isspace()
                or text[:1].isspace()
                or abutting(ends[-1][-1], lefts[n], count)
                else " "
            )
            shift = len(lines[-1]) + len(space) - len(texts[n]) + len(text)
            lines[-1] += space + text
            drawings[-1][0].update(count)
            marked = False
            if (x := lefts[n]) is not None:
                at = len(lines[-1]) - len(text)
                if space or text[:1].isspace():
                    words[-1].append((x, at + len(text) - len(text.lstrip())))
                joins[-1].append((x, at, size_of(count)))
                ends[-1].append(rights[n])
            words[-1] += [(x, max(0, at + shift)) for x, at in starts[n]]
        elif lines and last is not None and raised(text, count, y, drawings[-1][0], last):
            lines[-1] += text.strip()  # a footnote's mark: "officers¹"
            marked = True
        elif lines and y is not None and last is not None and lowered(lines[-1], count, y, last):
            lines[-1] += text  # a footnote's words after its raised number: "¹ Section 2"
            drawings[-1] = (drawings[-1][0] + count, y)
            marked = False
        else:
            lines.append(text)
            drawings.append((count, y))
            firsts.append((lefts[n], size_of(count) if count else None))
            joins.append([])
            ends.append([rights[n]])
            words.append(list(starts[n]))
            marked = False
    return "\n".join(lines), [
        Drawn(
            *count.most_common(1)[0][0],
            y,
            len(count) == 1,
            tuple(joined),
            *start,
            tuple(end),
            tuple(begun),
        )
        if count and y is not None
        else None
        for (count, y), joined, start, end, begun in zip(
            drawings, joins, firsts, ends, words, strict=True
        )
    ]
