"""A PDF page's lines as a reader reads them, where the file draws its text in another
order: desktop-publishing software may draw a frame of paragraph numbers after the
body's words, each number on the baseline of its paragraph's first line. The order of
the text in the file is otherwise kept (it is a multi-column page's reading order)."""

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
