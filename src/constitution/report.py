"""The committee report of a change: HTML, and Word with real tracked changes.

Instead of a tracked-changes print full of formatting noise, the committee gets a table
(clause, old number, new number, kind of change) and then each changed paragraph with
its words deleted and inserted as Word revisions (w:del, w:ins), by a named author on a
date, so it opens in Word with Track Changes showing and can be accepted or rejected.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from constitution.model import Document
from constitution.redline import Change, Runs, readable_diff, substantive
from constitution.templating import environment
from constitution.text_plain import plain

HEAD = ("Paragraph", "Old number", "New number", "Change")


def rows(changes: list[Change]) -> list[tuple[str, str, str, str]]:
    return [(c.id, c.old_number or "-", c.new_number or "-", c.kind) for c in changes]


def runs(change: Change, old: Document, new: Document) -> Runs:
    """The changed paragraph as (op, text) runs: '=' kept, '-' deleted, '+' inserted."""
    if change.old and change.new:
        return readable_diff(change, old, new)
    if change.new:
        return (("+", plain(change.new.tree, new)),)
    assert change.old is not None
    return (("-", plain(change.old.tree, old)),)


def html_report(title: str, changes: list[Change], old: Document, new: Document) -> str:
    """The changes to the words in a table and in full; the paragraphs only renumbered
    apart, folded (templates/report.html)."""
    worded, moved = substantive(changes)
    page = environment(Path(__file__).parent / "templates").get_template("report.html")
    return (
        page.render(
            title=title,
            head=HEAD,
            worded=rows(worded),
            moved=rows(moved),
            changes=[
                {
                    "id": c.id,
                    "old": c.old_number or "-",
                    "new": c.new_number or "-",
                    "kind": c.kind,
                    "runs": runs(c, old, new),
                }
                for c in worded
            ],
        )
        + "\n"
    )


def docx_report(
    path: Path,
    title: str,
    changes: list[Change],
    old: Document,
    new: Document,
    author: str,
    when: dt.date,
) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.author = author
    stamp = dt.datetime(when.year, when.month, when.day)
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    document.add_heading(title, level=1)
    worded, moved = substantive(changes)

    def add_table(listed: list[Change]) -> None:
        table = document.add_table(rows=1, cols=len(HEAD))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, HEAD, strict=True):
            cell.text = text
        for row in rows(listed):
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text

    add_table(worded)
    ids = itertools.count(1)
    date = f"{when.isoformat()}T00:00:00Z"
    for c in worded:
        document.add_heading(
            f"{c.id}: paragraph {c.old_number or '-'} → {c.new_number or '-'} ({c.kind})", level=2
        )
        paragraph = document.add_paragraph()
        for op, text in runs(c, old, new):
            if op == "=":
                paragraph.add_run(text)
                continue
            revision = OxmlElement("w:del" if op == "-" else "w:ins")
            revision.set(qn("w:id"), str(next(ids)))
            revision.set(qn("w:author"), author)
            revision.set(qn("w:date"), date)
            run = OxmlElement("w:r")
            words = OxmlElement("w:delText" if op == "-" else "w:t")
            words.set(qn("xml:space"), "preserve")
            words.text = text
            run.append(words)
            revision.append(run)
            paragraph._p.append(revision)
    if moved:  # apart, at the end: Word cannot fold a table
        document.add_heading("Paragraphs renumbered only, their words unchanged", level=2)
        add_table(moved)
    document.save(str(path))


def write_report(
    out: Path,
    title: str,
    changes: list[Change],
    old: Document,
    new: Document,
    author: str,
    when: dt.date,
) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    html, word = out / "changes.html", out / "changes.docx"
    html.write_text(html_report(title, changes, old, new), encoding="utf-8")
    docx_report(word, title, changes, old, new, author, when)
    return [html, word]
