"""A protocol printed in two languages in turn, as a Welsh council prints one: each
heading and paragraph in one language and then in the other under the same number ("1.1
Mae'r protocol ..." then "1.1 This protocol ..."), the title and introduction in turn
above them. Imported whole, the two would be interleaved, every number twice; so the
import stops, saying so, and imports the language chosen with ``--take N`` (1 the
language printed first), listing the other's words as left out.

Told by the shape alone, in any pair of languages: most numbers printed twice running
(not three times or more: a count that never moves on is no pair of languages).
The words after a number (its items, its further paragraphs) are in that number's
language; a number printed once among them cannot be placed, and stops the import.

Two more layouts print each number once (`following`, `columns`): its words in one
language after it and then, unnumbered, in the other ("1.1 Mae'r protocol ...", then
"This protocol ..."); or the two side by side, in two cells of a table's row. Their shape
alone could be a paragraph's further paragraph, or a table's columns, so each is taken
for two languages only where the two halves' words are told apart too: few words of one
half are words the other uses (`apart`), where one language's further paragraph shares
most of its words (its "the", "of", "and") with the paragraph before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

MIN_PAIRS = 3  # numbers printed twice running, fewer being a slip of numbering
BOTH = -1  # a line before the first number kept in either language (a council's name)
WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 40  # words each half must hold for their words to tell two languages apart
SHARED = 0.3  # at most this share of either half's words used by the other: two languages


@dataclass(frozen=True)
class Alternating:
    """Each block's language (0 the first printed, 1 the second, BOTH), the blocks of the
    first number printed twice (`pair`), and any number printed once."""

    languages: list[int]
    pair: tuple[int, int]
    once: list[int]
    # where each number is printed once (`following`): the first block of the second
    # language's words, and the block that prints their number
    numbered_by: dict[int, int] = field(default_factory=dict)


def apart(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether two bodies of words read as two languages: few of the words of either,
    counted as often as used, are words the other uses."""
    one, other = Counter(words(first)), Counter(words(second))
    if min(one.total(), other.total()) < MIN_WORDS:
        return False

    def shared(a: Counter[str], b: Counter[str]) -> float:
        return sum(n for w, n in a.items() if w in b) / a.total()

    return max(shared(one, other), shared(other, one)) < SHARED


def preamble_in_turn(languages: list[int], first: int) -> None:
    """The blocks before the first number (a title, an introduction), each in turn; an
    odd first in both (a council's name)."""
    for i in range(first % 2, first):
        languages[i] = (i - first % 2) % 2


def following(numbers: Sequence[str | None], texts: Sequence[str]) -> Alternating | None:
    """The blocks' languages where each number is printed once, its words in one language
    after it and then in the other, unnumbered; None where most numbers are not followed
    by an even count of blocks whose words are two languages'. A number followed by more
    than two blocks (further paragraphs, items) has each block's language told by its
    words, against those of the numbers followed by two (`language_of`)."""
    numbered = [i for i, n in enumerate(numbers) if n]
    if len(numbered) < MIN_PAIRS:
        return None
    groups = list(zip(numbered, [*numbered[1:], len(numbers)], strict=True))
    twos = [start for start, end in groups if end - start == 2]
    even = sum(1 for start, end in groups if (end - start) % 2 == 0)
    if len(twos) < MIN_PAIRS or even * 4 < len(groups) * 3:  # three in four
        return None
    first, second = [texts[i] for i in twos], [texts[i + 1] for i in twos]
    if not apart(first, second):
        return None
    known = (Counter(words(first)), Counter(words(second)))
    languages = [BOTH] * len(numbers)
    numbered_by: dict[int, int] = {}
    unpaired: list[int] = []
    for start, end in groups:
        told = [0] + [language_of(texts[i], known) for i in range(start + 1, end)]
        if told.count(0) != told.count(1):
            unpaired.append(start)
            continue
        languages[start:end] = told
        numbered_by[start + told.index(1)] = start
    preamble_in_turn(languages, numbered[0])
    return Alternating(languages, (twos[0], twos[0] + 1), unpaired, numbered_by)


def words(texts: Sequence[str]) -> list[str]:
    return [w.lower() for t in texts for w in WORD.findall(t)]


def language_of(text: str, known: tuple[Counter[str], Counter[str]]) -> int:
    """0 or 1: the language whose known words more of the text's words are."""
    said = words([text])
    return int(sum(w in known[1] for w in said) > sum(w in known[0] for w in said))


def alternating(numbers: Sequence[str | None]) -> Alternating | None:
    """The blocks' languages, given each block's number (None for one without), or None
    where the numbers are not printed twice in turn."""
    numbered = [i for i, n in enumerate(numbers) if n]
    pairs: list[tuple[int, int]] = []  # each number's two printings
    once: list[int] = []
    k = 0
    while k < len(numbered):
        end = k + 1
        while end < len(numbered) and numbers[numbered[end]] == numbers[numbered[k]]:
            end += 1
        # twice running, a language each; three times or more, numbering that does not
        # count on ("1." before every paragraph), no language's
        if end - k == 2:
            pairs.append((numbered[k], numbered[k + 1]))
        else:
            once += numbered[k:end]
        k = end
    if len(pairs) < MIN_PAIRS or len(pairs) * 4 < len(numbered):  # half of them in pairs
        return None
    languages = [BOTH] * len(numbers)
    language, seconds = BOTH, {b for _, b in pairs}
    for i, number in enumerate(numbers):
        if number:
            language = 1 if i in seconds else 0
        languages[i] = language
    preamble_in_turn(languages, numbered[0])
    return Alternating(languages, pairs[0], once)


@dataclass(frozen=True)
class Columns:
    """A table printing the protocol in two languages side by side: each row's words in
    either language (None for a row of another shape, kept whole), a number printed in a
    cell of its own before them put before each (`label`)."""

    cells: list[tuple[str, str, str] | None]  # (label, first language's, second's)
    first: int  # the first row in two languages


def columns(texts: Sequence[str], cell_break: str) -> Columns | None:
    """The rows of a table whose two columns of words (a cell holding only a number
    before them aside) are two languages, where such rows are most of the document's
    blocks; None where they are not."""
    cells: list[tuple[str, str, str] | None] = []
    for text in texts:
        parts = [p.strip() for p in text.split(cell_break)]
        label = parts.pop(0) if len(parts) == 3 and not WORD.search(parts[0]) else ""
        cells.append((label, parts[0], parts[1]) if len(parts) == 2 else None)
    rows = [c for c in cells if c]
    if len(rows) < MIN_PAIRS or len(rows) * 2 < len(texts):
        return None
    if not apart([r[1] for r in rows], [r[2] for r in rows]):
        return None
    return Columns(cells, next(i for i, c in enumerate(cells) if c))
