"""The language chosen (``--take``) of a file printing its protocol in two languages,
in turn or side by side (found by import_languages), the other's words listed as left
out; the import stopped, saying how to choose, where none was chosen or a number printed
once cannot be placed. And the problem of a number printed alone with the next number
after it, found while the lines are joined before this pass.

Apart from the structurer because each runs once on the lines joined, before any is
placed, and needs nothing of its state.
"""

from __future__ import annotations

from dataclasses import dataclass

from constitution import import_languages
from constitution.extract_lines import Line
from constitution.import_markup import CELL_BREAK
from constitution.import_shapes import Kept, block_number
from constitution.problems import Problem, ProtocolError


@dataclass
class Taken:
    """The lines of the language taken, the other's listed as left out, and the note
    saying which was imported."""

    kept: list[Kept]
    left_out: list[tuple[Line, str]]
    note: str


def one_language(kept: list[Kept], source: str, take: int | None) -> Taken | None:
    """The blocks of the language chosen (--take) of a file printing each heading and
    paragraph in two languages in turn (import_languages), or None where the file is in
    one; a ProtocolError saying how to choose where none was, or where a number printed
    once cannot be placed."""
    beside = import_languages.columns([c[0] for c, _, _ in kept], CELL_BREAK)
    if beside is not None:
        return one_column(kept, beside, source, take)
    numbers = [block_number(c[0]) for c, _, _ in kept]
    found = import_languages.alternating(numbers)
    after = found is None  # each number printed once, the other language after it
    if found is None:
        found = import_languages.following(numbers, [c[0] for c, _, _ in kept])
    if found is None:
        return None
    (first, _, _), (second, _, _) = (kept[i][0] for i in found.pair)
    again = kept[found.pair[1]][1]
    shown = {"where": again.where, "first": first[:40], "second": second[:40]}
    if found.once:
        (text, _, _), line, _ = kept[found.once[0]]
        number = numbers[found.once[0]]
        raise ProtocolError(
            [
                Problem.of(
                    source,
                    line.line,
                    "import-language-unpaired" if after else "import-language-once",
                    number=number,
                    **shown,
                )
            ]
        )
    if take is None:
        problem = Problem.of(
            source,
            again.line,
            "import-two-languages-after" if after else "import-two-languages",
            **shown,
        )
        raise ProtocolError([problem])
    if take not in (1, 2):
        problem = Problem.of(source, 0, "import-no-such-language", take=take, **shown)
        raise ProtocolError([problem])
    chosen = take - 1
    why = f"language {2 - chosen} of the file, not imported (--take {take})"
    out: list[Kept] = []
    left_out: list[tuple[Line, str]] = []
    for i, (entry, language) in enumerate(zip(kept, found.languages, strict=True)):
        if chosen and i in found.numbered_by:  # the number printed over the other's words
            (text, bullet, marked), line, fresh = entry
            entry = ((f"{numbers[found.numbered_by[i]]} {text}", bullet, marked), line, fresh)
        if language in (chosen, import_languages.BOTH):
            out.append(entry)
        else:
            (text, _, _), line, _ = entry
            left_out.append((Line(text, line.line, line.page), why))
    note = (
        f"Every heading and paragraph is printed twice in turn, as in two languages: "
        f"language {take} of the two was imported (beginning '{out[0][0][0][:40]}'), "
        f"the other listed as left out."
    )
    return Taken(out, left_out, note)


def one_column(
    kept: list[Kept], beside: import_languages.Columns, source: str, take: int | None
) -> Taken:
    """The language chosen (--take) of a table printing the protocol in two languages
    side by side: each row its column's words, a paragraph of its own (not a table's
    row), the number printed in a cell of its own before them."""
    label, first, second = beside.cells[beside.first] or ("", "", "")
    where = kept[beside.first][1]
    shown = {"where": where.where, "first": first[:40], "second": second[:40]}
    if take is None:
        raise ProtocolError([Problem.of(source, where.line, "import-two-columns", **shown)])
    if take not in (1, 2):
        problem = Problem.of(source, 0, "import-no-such-language", take=take, **shown)
        raise ProtocolError([problem])
    why = f"language {3 - take} of the file, not imported (--take {take})"
    out: list[Kept] = []
    left_out: list[tuple[Line, str]] = []
    for ((text, bullet, marked), line, fresh), cells in zip(kept, beside.cells, strict=True):
        if cells is None:
            out.append(((text, bullet, marked), line, fresh))
            continue
        label, *words = cells
        taken = words[take - 1]
        left_out.append((Line(words[2 - take], line.line, line.page), why))
        out.append(((f"{label} {taken}".strip(), False, marked), line, True))
    note = (
        f"The protocol is printed in two languages side by side, in a table's two "
        f"columns: column {take} was imported, the other listed as left out."
    )
    return Taken(out, left_out, note)


def no_words(source: str, alone: Kept, after: str, text: str) -> Problem:
    """A number printed alone with the next paragraph's number after it: its words
    are not there to be read (moved or deleted, the number left behind)."""
    (number, _, _), line, _ = alone
    shown = {"where": line.where, "number": number, "after": after, "text": text[:40]}
    return Problem.of(source, line.line, "import-number-without-words", **shown)
