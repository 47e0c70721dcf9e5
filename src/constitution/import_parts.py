"""A file that holds more than one document, one after another: a committee report with
the protocol after it, the existing protocol and the revised one side by side, a
protocol and an appendix numbered afresh. Imported as one, they would be merged, so the
import stops, lists them, and imports the one chosen (``--take N``), never a merge.

A new document begins where section numbers start again: a section numbered at most
RESTART, lower than the one before it, and continued by the next number. A number that
only goes back once (5, 6, 2, 7) is a fault in one document's numbering, reported as
such; so is a "part" too small to be a document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from constitution.extract_lines import Line
from constitution.problems import Problem, ProtocolError

RESTART = 3  # "sections starting at 3" are as common as at 1 after a report's cover
MIN_SECTIONS = 2
MIN_CLAUSES = 3


class Words(Protocol):
    @property
    def paragraphs(self) -> list[str]: ...
    @property
    def lines(self) -> list[Line]: ...


class Clause(Words, Protocol):
    @property
    def number(self) -> str: ...
    @property
    def after(self) -> Words: ...  # its unnumbered words after it, before the next


class Section(Protocol):
    """What is read of the importer's sections (the importer imports this module)."""

    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def where(self) -> Line: ...
    @property
    def intro(self) -> Words: ...
    @property
    def clauses(self) -> Sequence[Clause]: ...


S = TypeVar("S", bound=Section)


@dataclass(frozen=True)
class Part(Generic[S]):
    """One document in the file: its sections, and its lines."""

    sections: list[S]
    first: Line  # its first section's heading (the first part also has what precedes it)
    after: Line | None  # where the next one begins; None for the file's last
    title: str = ""  # its title, where one is printed over its first section

    def describe(self, index: int) -> str:
        clauses = sum(len(s.clauses) for s in self.sections)
        heads = "; ".join(f"{s.number} {s.title}".strip() for s in self.sections[:2])
        begins = f"from {self.first.where}" if index > 1 else "from the start"
        ends = f" up to {self.after.where}" if self.after else " to the end"
        titled = f", titled '{self.title}'" if self.title else ""
        return (
            f"{index}: {begins}{ends}, {len(self.sections)} sections and {clauses} "
            f"paragraphs, beginning '{heads}'{titled}"
        )


def split(sections: list[S]) -> list[Part[S]]:
    """The documents the sections make; one Part when the numbering never starts again."""
    starts = [0]
    numbers = [int(s.number) if s.number.isdigit() else None for s in sections]
    before = None  # the last section number before: an unnumbered heading between is no break
    for i in range(1, len(sections) - 1):
        n, after = numbers[i], numbers[i + 1]
        before = numbers[i - 1] if numbers[i - 1] is not None else before
        if n is not None and before is not None and n < before and n <= RESTART and after == n + 1:
            starts.append(i)
    runs = [sections[a:b] for a, b in zip(starts, [*starts[1:], len(sections)], strict=True)]
    if len(runs) > 1 and all(
        len(run) >= MIN_SECTIONS and sum(len(s.clauses) for s in run) >= MIN_CLAUSES for run in runs
    ):
        firsts = [run[0].where for run in runs]
        return [
            Part(run, f, a) for run, f, a in zip(runs, firsts, [*firsts[1:], None], strict=True)
        ]
    return [Part(list(sections), sections[0].where if sections else Line("", 0), None)]


def choose(parts: list[Part[S]], take: int | None, source: Path) -> Part[S]:
    """The part to import; a ProtocolError listing them when the choice is not made."""
    listed = "\n      ".join(p.describe(i) for i, p in enumerate(parts, 1))
    if take is None and len(parts) == 1:
        return parts[0]
    if take is None:
        again = parts[1].first
        line = 0 if again.page else again.line  # a PDF's lines are counted a page at a time
        raise ProtocolError(
            [
                Problem.of(
                    source.name,
                    line,
                    "import-many-documents",
                    count=len(parts),
                    again=again.where,
                    listed=listed,
                )
            ]
        )
    if not 1 <= take <= len(parts):
        raise ProtocolError(
            [
                Problem.of(
                    source.name,
                    0,
                    "import-no-such-document",
                    take=take,
                    count=len(parts),
                    listed=listed,
                )
            ]
        )
    return parts[take - 1]


def left_out(parts: list[Part[S]], chosen: Part[S], take: int) -> list[tuple[Line, str]]:
    """Every paragraph of the documents not taken, with its line, for the report."""
    out: list[tuple[Line, str]] = []
    for index, part in enumerate(parts, 1):
        if part is chosen:
            continue
        why = f"document {index} of the file, not imported (--take {take})"
        for s in part.sections:
            out.append((s.where, why))  # its heading, as printed
            said = [("", s.intro)] + [w for c in s.clauses for w in ((c.number, c), ("", c.after))]
            for number, words in said:
                for paragraph, line in zip(words.paragraphs, words.lines, strict=True):
                    text = f"{number} {paragraph}" if number else paragraph
                    out.append((Line(text, line.line, line.page), why))
                    number = ""  # the number is the first paragraph's
    return out
