"""The committee report of a change: HTML, and Word with real tracked changes.

Instead of a tracked-changes print full of formatting noise, the committee gets a table
(clause, old number, new number, kind of change) and then each changed paragraph with
its words deleted and inserted as Word revisions (w:del, w:ins), by a named author on a
date, so it opens in Word with Track Changes showing and can be accepted or rejected.
A report of the whole constitution gives each document's changes since its last
adoption, under its title, in the constitution's order.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from constitution import word_file
from constitution.model import Document
from constitution.redline import (
    HEADINGS_HEAD,
    Change,
    Runs,
    cited,
    heading_changes,
    heading_rows,
    readable_diff,
    substantive,
)
from constitution.templating import environment
from constitution.text_plain import plain

HEAD = ("Paragraph", "Old number", "New number", "Change")


def rows(changes: list[Change]) -> list[tuple[str, str, str, str]]:
    return [(c.id, c.old_number or "-", c.new_number or "-", c.described) for c in changes]


def runs(change: Change, old: Document, new: Document) -> Runs:
    """The changed paragraph as (op, text) runs: '=' kept, '-' deleted, '+' inserted."""
    if change.old and change.new:
        return readable_diff(change, old, new)
    if change.new:
        return (("+", plain(change.new.tree, new)),)
    assert change.old is not None
    return (("-", plain(change.old.tree, old)),)


@dataclass(frozen=True)
class Part:
    """One document's changes in a report. A report of one document has one, with no
    heading; a report of the whole constitution one for each document, under its title,
    with a note of what they are changes since (or why none are listed). Each changed
    paragraph is named as its document is cited (``named``: "Council Procedure Rule
    {number}"), the committee reading it apart from the document's pages."""

    changes: list[Change]
    old: Document | None  # None: nothing to compare with (not yet adopted)
    new: Document
    heading: str = ""
    note: str = ""
    named: str = "paragraph {number}"

    def title(self, change: Change) -> str:
        """A changed paragraph's heading: "CPR-0012: Council Procedure Rule 8.4 →
        Council Procedure Rule 8.5 (reworded)"; its number once where it keeps it."""
        was, now = cited(self.named, change.old_number), cited(self.named, change.new_number)
        return f"{change.id}: {now if was == now else f'{was} → {now}'} ({change.described})"


def html_report(title: str, parts: list[Part]) -> str:
    """The changes to the words in a table and in full; the paragraphs only renumbered
    apart, folded (templates/report.html)."""
    page = environment(Path(__file__).parent / "templates").get_template("report.html")
    shown = list(map(_shown, parts))
    return page.render(title=title, head=HEAD, heads=HEADINGS_HEAD, parts=shown) + "\n"


def _listed(part: Part) -> bool:
    """Whether the part has a table: a document under its heading with no change, or not
    yet adopted, has its note alone."""
    return part.old is not None and (bool(part.changes or headings(part)) or not part.heading)


def headings(part: Part) -> list[tuple[str, str, str, str, str]]:
    """The sections' headings the change renames, inserts, moves or revokes, as rows."""
    return heading_rows(heading_changes(part.old, part.new)) if part.old is not None else []


def _shown(part: Part) -> dict[str, object]:
    worded, renumbered = substantive(part.changes)
    return {
        "heading": part.heading,
        "note": part.note,
        "listed": _listed(part),
        "worded": rows(worded),
        "headings": headings(part),
        "moved": rows(renumbered),
        "changes": [
            {"title": part.title(c), "runs": runs(c, part.old, part.new)}
            for c in worded
            if part.old is not None
        ],
    }


def tracked(op: str, text: str, number: int, author: str, date: str) -> Any:
    """Words as Word's tracked change: deleted ("-") or inserted ("+") by ``author``."""
    from docx.oxml import OxmlElement  # python-docx is loaded only to write Word
    from docx.oxml.ns import qn

    revision = OxmlElement("w:del" if op == "-" else "w:ins")
    revision.set(qn("w:id"), str(number))
    revision.set(qn("w:author"), author)
    revision.set(qn("w:date"), date)
    run = OxmlElement("w:r")
    words = OxmlElement("w:delText" if op == "-" else "w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = text
    run.append(words)
    revision.append(run)
    return revision


def docx_report(path: Path, title: str, parts: list[Part], author: str, when: dt.date) -> None:
    document = word_file.new(title, author, when)
    document.add_heading(title, level=1)
    ids = itertools.count(1)
    date = f"{when.isoformat()}T00:00:00Z"

    def add_table(listed: Sequence[tuple[str, ...]], head: tuple[str, ...] = HEAD) -> None:
        table = document.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = text
        for row in listed:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text

    for part in parts:
        level = 3 if part.heading else 2
        if part.heading:
            document.add_heading(part.heading, level=2)
            document.add_paragraph(part.note)
        old = part.old
        if old is None or not _listed(part):
            continue
        worded, renumbered = substantive(part.changes)
        add_table(rows(worded))
        if listed := headings(part):
            add_table(listed, HEADINGS_HEAD)
        for c in worded:
            document.add_heading(part.title(c), level=level)
            paragraph = document.add_paragraph()
            for op, text in runs(c, old, part.new):
                if op == "=":
                    paragraph.add_run(text)
                    continue
                paragraph._p.append(tracked(op, text, next(ids), author, date))
        if renumbered:  # apart, at the end: Word cannot fold a table
            heading = "Paragraphs renumbered only, their words unchanged"
            document.add_heading(heading, level=level)
            add_table(rows(renumbered))
    path.write_bytes(word_file.saved(document, when))


def write_report(
    out: Path, title: str, parts: list[Part], author: str, when: dt.date
) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    html, word = out / "changes.html", out / "changes.docx"
    html.write_text(html_report(title, parts), encoding="utf-8")
    docx_report(word, title, parts, author, when)
    return [html, word]
