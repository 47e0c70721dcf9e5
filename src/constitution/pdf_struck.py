"""Print struck twice: software with no bold face to hand (a print driver, a report
writer) makes words look bold by drawing them twice, the second impression a fraction of
a point beside the first, glyph by glyph or a whole run at a time; a shadow is drawn the
same way. The eye sees the word once, but the text layer holds it twice
("PPrroottooccooll", "Protocol Protocol"). A page that shows some text twice running in
one font is read again with each such second impression taken out of its drawing, where
it lies nearer the first than a fraction of the type's size: the word is read once, its
spacing as the first impression's. Words drawn again further off (the text's own "that
that", a space apart) are printed twice and read twice."""

from __future__ import annotations

import math
from typing import Any

from pypdf.generic import NameObject

# Nearer than this share of the type's size, a show of the same text is the same print
# struck again (an impression for bold lies about a thirtieth of the size beside)
NEAR = 0.15
# The operators that show text, and which of their operands is the text shown
SHOWS = {b"Tj": 0, b"TJ": 0, b"'": 0, b'"': 2}
# What may stand between two impressions: the text object closed and opened again, the
# font set again, the place moved, the colour or spacing changed. Nothing else is struck
# again (a picture, a path, a change of the page's matrix between are another drawing).
BETWEEN = frozenset(
    b"BT ET Tf Tm Td TD T* TL Tc Tw Tz Ts Tr g G rg RG k K cs CS sc scn SC SCN gs".split()
)


class Repeats:
    """pypdf's visitor before each operator of a page as its text is read: whether any
    show repeats the text of the show before it in the same font (then the page may be
    struck twice, and is read again by ``struck_once``)."""

    def __init__(self) -> None:
        self.font: Any = None
        self.last: Any = None
        self.found = False

    def __call__(self, operator: bytes, operands: list[Any], cm: Any, tm: Any) -> None:
        if operator == b"Tf":
            self.font = list(operands)
        elif (at := SHOWS.get(operator)) is not None and len(operands) > at:
            shown = (self.font, operands[at])
            self.found = self.found or shown == self.last
            self.last = shown


def struck_once(page: Any) -> bool:
    """Take out of the page's drawing each impression of text that strikes again the
    one just before it (with what moved to it); whether any was. A drawing this cannot
    follow (an operator's operands malformed) is left as it is, read as pypdf reads it."""
    content = page.get_contents()
    if content is None:
        return False
    try:
        kept = once(content.operations)
    except (TypeError, ValueError, IndexError):
        return False
    if len(kept) == len(content.operations):
        return False
    content.operations = kept
    page[NameObject("/Contents")] = content
    return True


def once(operations: list[tuple[Any, bytes]]) -> list[tuple[Any, bytes]]:
    """The operators, each impression that strikes again the one before taken out."""
    kept: list[tuple[Any, bytes]] = []
    font: list[Any] = []
    line = tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    leading = 0.0
    last: tuple[list[Any], Any, list[float], int] | None = None  # font, text, where, its index
    for operands, operator in operations:
        if operator == b"BT":
            line = tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        elif operator == b"Tf":
            font = list(operands)
        elif operator == b"TL":
            leading = float(operands[0])
        elif operator == b"Tm":
            line = tm = [float(value) for value in operands[:6]]
        elif operator in (b"Td", b"TD", b"T*", b"'", b'"'):
            moving = operator in (b"Td", b"TD")
            x, y = (float(operands[0]), float(operands[1])) if moving else (0.0, -leading)
            leading = -y if operator == b"TD" else leading
            line = tm = moved(line, x, y)
        if (at := SHOWS.get(operator)) is not None and len(operands) > at:
            shown = (font, operands[at], tm, len(kept))
            if last is not None and again(last, shown, kept[last[3] + 1 :]):
                del kept[last[3] + 1 :]  # what moved to it, and the impression itself
                continue
            last = shown
        kept.append((operands, operator))
    return kept


def moved(line: list[float], x: float, y: float) -> list[float]:
    """The text line's matrix moved by (x, y) in its own units (Td)."""
    a, b, c, d, e, f = line
    return [a, b, c, d, e + x * a + y * c, f + x * b + y * d]


def again(first: tuple[Any, ...], then: tuple[Any, ...], between: list[tuple[Any, bytes]]) -> bool:
    """Whether a show draws the text of the one before in its font and size, turned
    alike, nearer to it than NEAR of the type's size, with nothing drawn between."""
    font, text, tm, _ = first
    if not font or (font, text, tm[:4]) != (then[0], then[1], then[2][:4]):
        return False
    operators = [operator for _, operator in between]
    if any(o not in BETWEEN for o in operators) or operators.count(b"BT") != operators.count(b"ET"):
        return False
    size = float(font[-1]) * math.hypot(tm[2], tm[3])
    return math.hypot(then[2][4] - tm[4], then[2][5] - tm[5]) <= NEAR * abs(size)
