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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MIN_PAIRS = 3  # numbers printed twice running, fewer being a slip of numbering
BOTH = -1  # a line before the first number kept in either language (a council's name)


@dataclass(frozen=True)
class Alternating:
    """Each block's language (0 the first printed, 1 the second, BOTH), the blocks of the
    first number printed twice (`pair`), and any number printed once."""

    languages: list[int]
    pair: tuple[int, int]
    once: list[int]


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
    preamble = numbered[0]  # a title and introduction, each in turn; an odd first in both
    for i in range(preamble % 2, preamble):
        languages[i] = (i - preamble % 2) % 2
    return Alternating(languages, pairs[0], once)
