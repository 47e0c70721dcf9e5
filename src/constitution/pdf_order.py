"""A PDF page's lines as a reader reads them, where the file draws its text in another
order or in pieces: desktop-publishing software may draw a frame of paragraph numbers
after the body's words, each number on the baseline of its paragraph's first line, and
a drop cap (a paragraph's first letter lines deep) apart from the rest of its word. The
order of the text in the file is otherwise kept (it is a multi-column page's reading
order)."""

from __future__ import annotations

import re
from dataclasses import replace

from constitution.pdf_fonts import Drawn

# A paragraph's number or an item's label, drawn apart from the words it stands before
LABEL = re.compile(
    r"\s*(?:\(?\d{1,3}(?:\.\d{1,3}){0,3}[A-Z]?[.)]?|\(?[a-z]{1,4}\)|[A-Z]\d{1,3}|[•·▪◦‣-])\s*"
)
SAME_BASELINE = 0.5  # points


def labels_joined(
    lines: list[str], drawn: list[Drawn | None]
) -> tuple[list[str], list[Drawn | None]]:
    """A label ("2.01", "(a)") alone on its line, drawn after a line of words on the same
    baseline that starts to its right, is that line's start, as a reader reads it."""
    texts, drawings = list(lines), list(drawn)
    gone: set[int] = set()
    for n, (text, label) in enumerate(zip(lines, drawn, strict=True)):
        if label is None or label.x is None or not LABEL.fullmatch(text) or not text.strip():
            continue
        for m in range(n - 1, -1, -1):
            words = drawings[m]
            if m in gone or words is None or words.x is None:
                continue
            if abs(words.y - label.y) < SAME_BASELINE and words.x > label.x:
                if LABEL.fullmatch((texts[m].split() or [""])[0]):
                    break  # the line has its label already
                start = len(text.strip()) + 1
                joins = (
                    (words.x, start, words.lead or words.size),
                    *((x, at + start, size) for x, at, size in words.joins),
                )
                texts[m] = f"{text.strip()} {texts[m].lstrip()}"
                drawings[m] = replace(words, x=label.x, lead=label.lead, joins=joins)
                gone.add(n)
                break
    keep = [n for n in range(len(lines)) if n not in gone]
    return [texts[n] for n in keep], [drawings[n] for n in keep]


# A drop cap is drawn at least this many times the size of the words beside it
DROP_CAP = 2


def drop_caps_joined(
    lines: list[str], drawn: list[Drawn | None]
) -> tuple[list[str], list[Drawn | None]]:
    """A letter alone on its line, drawn lines deep (a drop cap), is the first letter of
    the line that follows it, set in beside it with its baseline within the capital's
    height: "T" and "he councillors ..." read "The councillors ...". A letter that is a
    word of its own ("A", "I") stands before a capital, not a small letter."""
    texts, drawings = list(lines), list(drawn)
    gone: set[int] = set()
    for n, (text, cap) in enumerate(zip(lines, drawn, strict=True)):
        letter = text.strip()
        if cap is None or cap.x is None or len(letter) != 1 or not letter.isalpha():
            continue
        after = next((m for m in range(n + 1, len(lines)) if drawings[m] is not None), None)
        words = drawings[after] if after is not None else None
        if (
            after is None
            or words is None
            or words.x is None
            or cap.size < DROP_CAP * words.size
            or words.x <= cap.x
            or not cap.y <= words.y <= cap.y + cap.size
        ):
            continue
        rest = texts[after].lstrip()
        space = "" if rest[:1].islower() else " "
        texts[after] = f"{letter}{space}{rest}"
        joins = tuple((x, at + len(letter) + len(space), size) for x, at, size in words.joins)
        drawings[after] = replace(
            words, x=cap.x, joins=((words.x, 1 + len(space), words.lead or words.size), *joins)
        )
        gone.add(n)
    keep = [n for n in range(len(lines)) if n not in gone]
    return [texts[n] for n in keep], [drawings[n] for n in keep]
