"""A table a PDF draws read as its rows (issue 18): words drawn in pieces at places
across the page that line up over two lines or more are a table's cells, each row one
item of cells; a paragraph's number in its margin, words drawn one by one, and a
running head drawn apart from its folio are never cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.extract import extract
from constitution.import_markup import CELL_BREAK
from constitution.importer import import_protocol

LEFT, NUMBER, CELL, OTHER = 56, 84, 90, 250  # points across the page
ROWS = [
    ("Head of Paid Service", "the Chief Executive"),
    ("Monitoring Officer", "the Head of Legal and Democratic"),
    ("Chief Finance Officer", "the Director of Finance"),
]
WRAPPED = "Services"  # the second row's second cell goes on under it


def draw(canvas: Canvas, pieces: list[tuple[float, str]], y: float, *, one: bool) -> None:
    """A line's pieces, each at its place: each a text object of its own (as LibreOffice
    draws a table's cells), or one text object moved to each piece, its font set anew
    for each (pypdf hands over the words drawn between two settings as one piece)."""
    if one:
        text = canvas.beginText(pieces[0][0], y)
        at = pieces[0][0]
        for n, (x, words) in enumerate(pieces):
            if n:
                text.moveCursor(x - at, 0)
                at = x
            text.setFont(canvas._fontname, canvas._fontsize)
            text.textOut(words)
        canvas.drawText(text)
        return
    for x, words in pieces:
        canvas.drawString(x, y, words)


def protocol_with_table(path: Path, *, one: bool, header: bool = False) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(LEFT, 780, "Protocol on Member and Officer Relations")
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(LEFT, 750, "1. Roles")
    canvas.setFont("Helvetica", 10)
    y = 730.0
    draw(canvas, [(LEFT, "1.1"), (NUMBER, "Members set the Council's policies.")], y, one=one)
    y -= 20
    draw(canvas, [(LEFT, "1.2"), (NUMBER, "Three officers hold statutory posts:")], y, one=one)
    y -= 20
    if header:  # centred over each column, in bold
        canvas.setFont("Helvetica-Bold", 10)
        draw(canvas, [(CELL + 30, "Post"), (OTHER + 40, "Held by")], y, one=one)
        canvas.setFont("Helvetica", 10)
        y -= 16
    for first, second in ROWS:
        draw(canvas, [(CELL, first), (OTHER, second)], y, one=one)
        if first == "Monitoring Officer":
            y -= 12
            canvas.drawString(OTHER, y, WRAPPED)
        y -= 16
    y -= 6
    draw(canvas, [(LEFT, "1.3"), (NUMBER, "Officers serve every member impartially.")], y, one=one)
    canvas.showPage()
    canvas.save()
    return path


@pytest.mark.parametrize("one", [True, False], ids=["one text object", "a piece each"])
def test_a_tables_rows_are_read_as_rows_of_cells(tmp_path: Path, one: bool) -> None:
    path = protocol_with_table(tmp_path / "protocol.pdf", one=one)
    rows = [line.text for line in extract(path).lines if "\t" in line.text]
    assert rows == [
        "Head of Paid Service\tthe Chief Executive",
        f"Monitoring Officer\tthe Head of Legal and Democratic {WRAPPED}",
        "Chief Finance Officer\tthe Director of Finance",
    ]
    clause = next(c for c in import_protocol(path).clauses() if c.number.endswith("2"))
    assert clause.paragraphs == [
        "Three officers hold statutory posts:",
        f"- {ROWS[0][0]}{CELL_BREAK}{ROWS[0][1]}",
        f"- {ROWS[1][0]}{CELL_BREAK}{ROWS[1][1]} {WRAPPED}",
        f"- {ROWS[2][0]}{CELL_BREAK}{ROWS[2][1]}",
    ]


def test_a_bold_header_centred_over_the_columns_is_a_row(tmp_path: Path) -> None:
    path = protocol_with_table(tmp_path / "protocol.pdf", one=True, header=True)
    rows = [line.text for line in extract(path).lines if "\t" in line.text]
    assert rows[:2] == ["Post\tHeld by", "Head of Paid Service\tthe Chief Executive"]


def test_numbers_in_the_margin_words_drawn_apart_and_a_running_head_are_no_cells(
    tmp_path: Path,
) -> None:
    """Numbered paragraphs whose numbers hang in a margin, one under the other; a
    justified paragraph drawn word by word (as some printers draw it); a running head's
    two parts apart on each page: none of them a table's row."""
    path = tmp_path / "protocol.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    words = [
        "Members",
        "and",
        "officers",
        "work",
        "together",
        "for",
        "the",
        "good",
        "of",
        "the",
        "whole",
        "area",
    ]
    for page in (1, 2):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(LEFT, 810, "Fenwick Vale Council")
        canvas.drawString(400, 810, "Member and Officer Protocol")
        canvas.setFont("Helvetica", 10)
        y = 760.0
        for n in range(1, 4):
            canvas.drawString(LEFT, y, f"{page}.{n}")
            canvas.drawString(NUMBER, y, "Officers give members the advice they need")
            y -= 14
        for shift in (0.0, 7.0):  # each word drawn apart, a justified line's spaces
            x = LEFT + shift
            for word in words:
                canvas.drawString(x, y, word)
                x += canvas.stringWidth(word, "Helvetica", 10) + 4.5
            y -= 14
        canvas.showPage()
    canvas.save()
    assert not [line.text for line in extract(path).lines if "\t" in line.text]


@pytest.mark.parametrize("bullet", ["o", "\u2022", "\u2013", "\u25aa"])
def test_a_bullet_drawn_apart_from_its_item_is_no_cell(tmp_path: Path, bullet: str) -> None:
    """A list's bullet drawn apart from its words, each item a line (Word's second-level
    "o", a "•", a dash, a square): the item's label, never a row's first cell."""
    path = tmp_path / "protocol.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(LEFT, 780, "Meetings may be attended by:")
    y = 760.0
    for words in ("Members of the public", "The press", "Officers of the Council"):
        draw(canvas, [(NUMBER, bullet), (NUMBER + 18, words)], y, one=True)
        y -= 16
    canvas.showPage()
    canvas.save()
    assert not [line.text for line in extract(path).lines if "\t" in line.text]
