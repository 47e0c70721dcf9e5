"""The committee report of a change: HTML, and Word with real tracked changes.

Instead of a tracked-changes print full of formatting noise, the committee gets a table
(clause, old number, new number, kind of change) and then each changed paragraph with
its words deleted and inserted as Word revisions (w:del, w:ins), by a named author on a
date, so it opens in Word with Track Changes showing and can be accepted or rejected.
"""

from __future__ import annotations

import datetime as dt
import itertools
from html import escape
from pathlib import Path

from constitution.model import Document
from constitution.redline import Change, Runs, readable_diff, substantive
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


def _mark(op: str, text: str) -> str:
    if op == "=":
        return escape(text)
    tag = "del" if op == "-" else "ins"
    return f"<{tag}>{escape(text)}</{tag}>"


def _table(changes: list[Change]) -> str:
    head = "".join(f"<th scope='col'>{h}</th>" for h in HEAD)
    body = "".join(
        f"<tr>{''.join(f'<td>{escape(v)}</td>' for v in row)}</tr>" for row in rows(changes)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_report(title: str, changes: list[Change], old: Document, new: Document) -> str:
    """The changes to the words in a table and in full; the paragraphs only renumbered
    apart, folded."""
    worded, moved = substantive(changes)
    folded = (
        f"<details><summary>{len(moved)} paragraph(s) renumbered only, their words "
        f"unchanged</summary>{_table(moved)}</details>"
        if moved
        else ""
    )
    parts = []
    for c in worded:
        text = "".join(
            escape(t)
            if op == "="
            else f"<{'del' if op == '-' else 'ins'}>{escape(t)}</{'del' if op == '-' else 'ins'}>"
            for op, t in runs(c, old, new)
        )
        parts.append(
            f"<h2>{escape(c.id)}: paragraph {c.old_number or '-'} → "
            f"{c.new_number or '-'} ({c.kind})</h2><p>{text}</p>"
        )
    return (
        "<!doctype html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>del{{text-decoration:line-through}}"
        "ins{text-decoration:underline}table{border-collapse:collapse}"
        "td,th{border:1px solid #888;padding:.2rem .5rem;text-align:left}</style></head>"
        f"<body><h1>{escape(title)}</h1>{_table(worded)}{folded}{''.join(parts)}</body></html>\n"
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
