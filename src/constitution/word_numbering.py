"""Word's numbering: the labels its lists print ("1.2", "(a)", "iv"), as a reader
sees them, and the marks of footnotes and endnotes with the notes each paragraph cites.

Apart from the reader (word_read) because numbering.xml and the notes' parts are read
with state of their own (Numberer counts as it goes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from constitution.word_paragraphs import NOTES, W, drawn, floating, paragraph_text


def note_format(settings: Any, kind: str) -> str:
    """The format Word numbers a kind of note in: the document's settings' (w:footnotePr,
    w:endnotePr), else Word's own for that kind."""
    fmt = settings.find(f"{W}{kind}Pr/{W}numFmt") if settings is not None else None
    return (fmt.get(f"{W}val") if fmt is not None else None) or NOTES[kind]


def number_notes(body: Any, kind: str, fmt: str) -> dict[str, str]:
    """Each footnote's (or endnote's) number as Word prints it: its mark's place among the
    marks, in the order they stand (a note's w:id is only a name: years of editing leave
    them in any order), in the format Word numbers that kind in ("iii" for the third
    endnote). A mark with a symbol of its own ("*", customMarkFollows) takes no number: it
    is shown by that symbol, the text Word puts after it, taken out of the words there."""
    shown: dict[str, str] = {}
    numbered = 0
    draw = Numberer.FORMATS.get(fmt, str)
    for mark in body.iter(f"{W}{kind}Reference"):
        deleted = any(a.tag in (f"{W}del", f"{W}moveFrom") for a in mark.iterancestors())
        if deleted or floating(mark) or (mark.get(f"{W}id") or "") in shown:
            continue
        if mark.get(f"{W}customMarkFollows") in ("1", "true", "on"):
            if symbol := own_mark(mark):
                shown[mark.get(f"{W}id") or ""] = symbol
        else:
            numbered += 1
            shown[mark.get(f"{W}id") or ""] = draw(numbered)
    for mark in body.iter(f"{W}{kind}Reference"):
        mark.set("shown", shown.get(mark.get(f"{W}id") or "", ""))
    return shown


def own_mark(mark: Any) -> str:
    """A footnote's own mark ("*", "†"): the text Word writes next after its reference,
    in its run or the next, taken from there (it is printed as the mark)."""
    after = mark.itersiblings(f"{W}t", f"{W}sym")
    run = mark.getparent()
    following = run.itersiblings(f"{W}r") if run is not None else iter(())
    for node in [*after, *(n for r in following for n in r.iter(f"{W}t", f"{W}sym"))][:1]:
        symbol = (node.text or "").strip() if node.tag == f"{W}t" else drawn(node)
        if 0 < len(symbol) <= 3 and not symbol.isalnum():
            if node.tag == f"{W}t":
                node.text = ""
            else:
                node.getparent().remove(node)
            return symbol
    return ""


def notes_cited(part: object, kind: str, cited: str, shown: dict[str, str]) -> list[str]:
    """The footnotes (or endnotes) the body cites, each as "[1] its words", numbered as
    Word prints them (``shown``), in that order (the importer puts each with the paragraph
    that cites its mark): Word keeps them apart from the body, endnotes at its end."""
    order = list(shown.values())
    found = []
    for note in part.iter(f"{W}{kind}") if part is not None else ():  # type: ignore[attr-defined]
        number = shown.get(note.get(f"{W}id") or "", "")
        words = " ".join(filter(None, map(paragraph_text, note.iter(f"{W}p"))))
        if not number.isalnum():  # a mark of its own is printed in the note as text
            words = words.removeprefix(number).lstrip()
        if number and f"[{number}]" in cited and words:
            found.append((order.index(number), f"[{number}] {words}"))
    return [text for _, text in sorted(found)]


class Numberer:
    """Renders Word's automatic numbering ("1.", "1.1", "(a)") as the reader saw it.

    Every w:num of one list (w:abstractNum) counts on the same counters, as Word counts;
    a w:num's lvlOverride starts a level again at its startOverride where that w:num is
    first used (Word's "Restart numbering", "Set numbering value"), or redefines the
    level; a level with w:isLgl (legal numbering) draws every level's number in its text
    in figures ("1.1" under a heading numbered "I.")."""

    FORMATS: ClassVar[dict[str, Callable[[int], str]]] = {
        "decimal": str,
        "decimalZero": lambda n: f"{n:02d}",  # "01" to "09", then "10": "1.01" in legal drafting
        "lowerLetter": lambda n: chr(96 + (n - 1) % 26 + 1),
        "upperLetter": lambda n: chr(64 + (n - 1) % 26 + 1),
        "lowerRoman": lambda n: roman(n).lower(),
        "upperRoman": lambda n: roman(n),
        "cardinalText": lambda n: in_words(n, ONES),  # "Section One:", "Part Twenty-one"
        "ordinalText": lambda n: in_words(n, FIRSTS),  # "First", "Twenty-second"
        "ordinal": lambda n: f"{n}{ordinal_suffix(n)}",  # "1st", "22nd"
    }

    def __init__(self, numbering: object, styles: object = None) -> None:
        self.levels: dict[str, dict[int, Level]] = {}  # an abstractNum's levels
        self.abstract_of: dict[str, str] = {}
        self.overrides: dict[str, dict[int, Level]] = {}  # a w:num's own levels
        self.restarts: dict[str, dict[int, int]] = {}  # a w:num's startOverride, unused
        self.counters: dict[str, list[int]] = {}  # an abstractNum's numbers drawn last
        # Paragraph styles that carry numbering (List Number, numbered headings).
        self.style_num: dict[str, object] = {}
        for style in styles.iter(f"{W}style") if styles is not None else ():  # type: ignore[attr-defined]
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.style_num[style.get(f"{W}styleId")] = num_pr
        if numbering is None:
            return
        for abstract in numbering.iter(f"{W}abstractNum"):  # type: ignore[attr-defined]
            self.levels[abstract.get(f"{W}abstractNumId")] = {
                int(lvl.get(f"{W}ilvl")): level_of(lvl) for lvl in abstract.iter(f"{W}lvl")
            }
        for num in numbering.iter(f"{W}num"):  # type: ignore[attr-defined]
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            num_id = num.get(f"{W}numId")
            self.abstract_of[num_id] = ref.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl") or 0)
                if (lvl := override.find(f"{W}lvl")) is not None:
                    self.overrides.setdefault(num_id, {})[ilvl] = level_of(lvl)
                if (start := override.find(f"{W}startOverride")) is not None:
                    value = int(start.get(f"{W}val") or 0)
                    self.restarts.setdefault(num_id, {})[ilvl] = value

    def listed(self, para: object) -> tuple[str, str, dict[int, Level], int] | None:
        """Where the paragraph stands in a list: its w:num, the list (w:abstractNum), the
        list's levels and the paragraph's level; None for a paragraph in none."""
        num_pr = para.find(f"{W}pPr/{W}numPr")  # type: ignore[attr-defined]
        if num_pr is None:
            style = para.find(f"{W}pPr/{W}pStyle")  # type: ignore[attr-defined]
            num_pr = self.style_num.get(style.get(f"{W}val")) if style is not None else None
        if num_pr is None:
            return None
        num_id_of = num_pr.find(f"{W}numId")
        ilvl = num_pr.find(f"{W}ilvl")
        num_id = num_id_of.get(f"{W}val") if num_id_of is not None else ""
        abstract = self.abstract_of.get(num_id) or ""
        levels = {**self.levels.get(abstract, {}), **self.overrides.get(num_id, {})}
        if not levels:
            return None
        return num_id, abstract, levels, int(ilvl.get(f"{W}val")) if ilvl is not None else 0

    def unmarked(self, para: object) -> bool:
        """Whether the paragraph is in a list whose level draws a blank mark (a bullet
        that is a space): set at the list's indent with no mark, as pandoc writes a list
        item's further paragraph."""
        place = self.listed(para)
        if place is None:
            return False
        _, _, levels, level = place
        fmt, text, _, _ = levels.get(level, ("decimal", "", 1, False))
        return fmt == "bullet" and not text.strip()

    def label(self, para: object) -> str:
        place = self.listed(para)
        if place is None:
            return ""
        num_id, abstract, levels, level = place
        fmt, text, start, legal = levels.get(level, ("decimal", "", 1, False))
        counters = self.counters.setdefault(abstract, [0] * 9)
        restart = self.restarts.get(num_id, {}).pop(level, None)
        if restart is not None:
            counters[level] = restart
        else:
            counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        if fmt in ("bullet", "none"):
            return "-" if fmt == "bullet" and text.strip() else ""

        def render(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            kfmt, _, kstart, _ = levels.get(k, ("decimal", "", 1, False))
            value = counters[k] or kstart
            return str(value) if legal else Numberer.FORMATS.get(kfmt, str)(value)

        return re.sub(r"%(\d)", render, text)


# A list level as Word draws it: its number's format, its text ("%1.%2"), its first
# number, and whether it is legal numbering (every number in figures)
Level = tuple[str, str, int, bool]


def level_of(lvl: Any) -> Level:
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    start = lvl.find(f"{W}start")
    legal = lvl.find(f"{W}isLgl")
    written = text.get(f"{W}val") if text is not None else ""
    if not written.strip() and lvl.find(f"{W}lvlPicBulletId") is not None:
        written = "•"  # a picture bullet draws its picture, whatever its text
    return (
        fmt.get(f"{W}val") if fmt is not None else "decimal",
        written,
        int(start.get(f"{W}val")) if start is not None else 1,
        legal is not None and legal.get(f"{W}val") not in ("0", "false"),
    )


# Word's numbers in words, as it draws them: a capital first, the rest small
ONES: list[str] = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
]
FIRSTS: list[str] = [
    "Zeroth",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
]
TENS = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]


def in_words(n: int, units: list[str]) -> str:
    """A number below a hundred in words ("Twenty-one" with ONES, "Twenty-first" with
    FIRSTS); a larger one in figures."""
    if n < 20:
        return units[n]
    if n >= 100:
        return str(n)
    tens, unit = divmod(n, 10)
    if not unit:
        return TENS[tens - 2] if units is ONES else TENS[tens - 2][:-1] + "ieth"
    return f"{TENS[tens - 2]}-{units[unit].lower()}"


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out
