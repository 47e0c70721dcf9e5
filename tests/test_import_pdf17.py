"""The importer on five protocols as UK councils publish them in PDF, each drawn as the
software that made it draws a page, of layouts it had not met (import_pdf17.py makes
them from tests/import_pdf17): a print driver's PDF with every word its own text object
and no space drawn, a designer's PDF with a side bar, drop cap and pull quote, a
landscape page turned into a portrait document, a document management system's PDF
stamped "UNCONTROLLED WHEN PRINTED" with items "(i)" to "(x)", and Word's small capitals
with the paragraphs' numbers hanging in a margin column. Every word in is a word out,
the structure is as a careful reader reads it, the site publishes the numbers printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from constitution.page_asides import PULL_QUOTE
from import_pdf17 import NAMES, SOURCES, handed_over
from import_trial import trial_tests
from test_import_unmet14 import drawn_pdf

test_read_as_the_gold, test_published_with_the_numbers_printed, test_gold_reads_every_source = (
    trial_tests(NAMES, SOURCES, handed_over)
)


def drawn_in_runs(path: Path, lines: list[list[tuple[str, float, str]]], turn: int = 0) -> Path:
    """A PDF of one page, each line drawn at its own baseline as runs (words, size,
    font), each run where the one before ends; on a page turned ``turn`` degrees into
    the document (its /Rotate), drawn so that it reads upright as the viewer shows it."""
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    if turn:
        canvas.setPageRotation(turn)
        canvas.translate(*{90: (width, 0), 180: (width, height), 270: (0, height)}[turn])
        canvas.rotate(turn)
    y = 500.0
    for runs in lines:
        x = 64.0
        for text, size, font in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
            x += stringWidth(text, font, size)
        y -= 24
    canvas.save()
    return path


PROTOCOL = [
    [("Protocol", 16, "Helvetica-Bold")],
    [("1. Scope", 12, "Helvetica-Bold")],
    [("1.1 Members decide.", 10, "Helvetica")],
    [("1.2 Officers advise.", 10, "Helvetica")],
]


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_a_page_turned_into_the_document_reads_as_the_viewer_shows_it(
    tmp_path: Path, turn: int
) -> None:
    """A page drawn sideways or upside down on its sheet and turned upright by its
    /Rotate reads top to bottom as shown, as an upright page does."""
    doc = import_protocol(drawn_in_runs(tmp_path / "turned.pdf", PROTOCOL, turn))
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Scope")]
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        ("1.1", ["Members decide."]),
        ("1.2", ["Officers advise."]),
    ]


def test_runs_drawn_with_no_gap_are_one_word(tmp_path: Path) -> None:
    """Small capitals as Word draws them, a capital and the smaller capitals after it in
    runs of two sizes with no gap, and a space drawn alone between words, read as the
    words printed; runs a space apart stay two words."""
    caps = [("S", 12, "Times-Bold"), ("COPE", 9.6, "Times-Bold"), (" ", 12, "Times-Bold")]
    caps += [("A", 12, "Times-Bold"), ("ND ", 9.6, "Times-Bold"), ("R", 12, "Times-Bold")]
    caps += [("OLES", 9.6, "Times-Bold")]
    apart = [("1.1 Members", 10, "Helvetica"), (" ", 10, "Helvetica-Bold")]
    apart += [("decide.", 10, "Helvetica")]
    lines = [PROTOCOL[0], [("1. ", 12, "Times-Bold"), *caps], apart, PROTOCOL[3]]
    doc = import_protocol(drawn_in_runs(tmp_path / "caps.pdf", lines))
    assert [(s.number, s.title) for s in doc.sections] == [("1", "SCOPE AND ROLES")]
    assert [c.paragraphs for c in doc.clauses()] == [["Members decide."], ["Officers advise."]]


@pytest.mark.parametrize(
    ("letter", "rest", "read"),
    [("T", "he Council", "The Council"), ("A", "Member may", "A Member may")],
)
def test_a_drop_cap_begins_the_line_beside_it(
    tmp_path: Path, letter: str, rest: str, read: str
) -> None:
    """A paragraph's first letter drawn three lines deep, apart from the rest of its word
    set in beside it, is that word's first letter; a letter that is a word of its own
    stands before the next."""
    path = tmp_path / "drop.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(64, 760, "Protocol")
    canvas.setFont("Helvetica-Bold", 44)
    canvas.drawString(64, 700, letter)
    canvas.setFont("Helvetica", 10)
    for n, text in enumerate([f"{rest} and its officers work", "together, each in", "their role."]):
        canvas.drawString(98, 728 - 14 * n, text)
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(64, 640, "1. Scope")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(64, 616, "1.1 Members decide.")
    canvas.save()
    doc = import_protocol(path)
    assert doc.intro.paragraphs == [f"{read} and its officers work together, each in their role."]


def test_a_pull_quote_is_left_out_and_a_large_heading_kept(tmp_path: Path) -> None:
    """A sentence printed again in large type beside the paragraph it comes from is a
    pull quote, left out and listed; a heading in large type whose words the text also
    prints, no sentence, is a heading."""
    pieces = [
        (64.0, 780.0, "Protocol", 16.0),
        (64.0, 750.0, "1. Working Together", 14.0),
        (64.0, 730.0, "1.1 Working Together is the Council's aim. Officers serve the", 10.0),
        (64.0, 716.0, "whole Council and not any one party.", 10.0),
        (104.0, 690.0, "\u201cOfficers serve the whole Council", 15.0),
        (104.0, 672.0, "and not any one party.\u201d", 15.0),
        (64.0, 650.0, "1.2 Members decide.", 10.0),
    ]
    doc = import_protocol(drawn_pdf(tmp_path / "quote.pdf", [pieces]))
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Working Together")]
    assert [c.paragraphs for c in doc.clauses()] == [
        [
            "Working Together is the Council's aim. Officers serve the whole Council and not "
            "any one party."
        ],
        ["Members decide."],
    ]
    assert [(line.text, why) for line, why in doc.left_out] == [
        ("\u201cOfficers serve the whole Council", PULL_QUOTE),
        ("and not any one party.\u201d", PULL_QUOTE),
    ]
