"""A PDF's lines read with the size and weight they are drawn in (issue 18), and a running
head told from the text by its size on a PDF of one page, where nothing repeats to show
it is the page's furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution import pdf_fonts
from constitution.extract import extract

HEAD = "Constitution of Fenwick Vale Council | Part 5: Codes and Protocols"
TITLE = "Protocol on Gifts and Hospitality"
BODY = [
    "1.1 Members must register any gift or hospitality worth more than fifty pounds",
    "within twenty-eight days of receiving it, with the Monitoring Officer.",
    "1.2 A member should decline any offer that could be seen as an attempt to",
    "influence a decision the Council is to take.",
]
ROW = "Room hire | Fifty pounds | Declined"


def one_page(path: Path, *, table: bool = False, note: bool = False) -> Path:
    """A page with a running head in 8 point, a bold 14 point title, body text in 10
    point, the last body line drawn at 5 point under a matrix that doubles it (so the
    size read must be the product of the matrices); with table, an 8 point table row
    a line's height above the body text; with note, an 8 point
    footnote at the foot, cited by a mark in the text."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(56, 810, HEAD)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(56, 770, TITLE)
    if table:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(56, 753, ROW)
    canvas.setFont("Helvetica", 10)
    y = 740
    for text in BODY[:-1]:
        canvas.drawString(56, y, text + ("3" if note and text.endswith("pounds") else ""))
        y -= 13
    canvas.saveState()
    canvas.scale(2, 2)
    canvas.setFont("Helvetica", 5)
    canvas.drawString(28, y / 2, BODY[-1])
    canvas.restoreState()
    if note:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(56, 60, "3 The amount is set by the Council each year.")
    canvas.showPage()
    canvas.save()
    return path


def test_each_line_has_its_rendered_size_and_weight(tmp_path: Path) -> None:
    got = extract(one_page(tmp_path / "protocol.pdf"))
    drawn = {line.text.lstrip("# "): line.drawn for line in [*got.lines, *got.dropped]}
    assert [(d.size, d.bold) for d in map(drawn.__getitem__, [HEAD, TITLE]) if d] == [
        (8.0, False),
        (14.0, True),
    ]
    assert {(d.size, d.bold) for text in BODY if (d := drawn[text])} == {(10.0, False)}


def test_a_smaller_running_head_on_one_page_is_furniture(tmp_path: Path) -> None:
    got = extract(one_page(tmp_path / "protocol.pdf"))
    assert [line.text for line in got.dropped] == [HEAD]
    # the title, drawn larger and bold, is marked as a heading ("# "), as a Word heading is
    assert [line.text for line in got.lines] == [f"# {TITLE}", *BODY]


def test_smaller_words_close_to_the_text_or_a_footnote_are_kept(tmp_path: Path) -> None:
    got = extract(one_page(tmp_path / "protocol.pdf", table=True, note=True))
    assert [line.text for line in got.dropped] == [HEAD]
    assert got.lines[1].text == ROW
    assert got.lines[-1].text == "[3] The amount is set by the Council each year."


def test_a_font_pypdf_cannot_measure_leaves_the_words_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The widths of a font's glyphs only tell where a line's words end (a hint for
    margin notes): a font whose widths pypdf fails to read is no corrupt PDF."""

    class Unreadable:
        @staticmethod
        def from_font_resource(_: object) -> None:
            raise IndexError("a /Widths array shorter than its /FirstChar to /LastChar")

    monkeypatch.setattr(pdf_fonts, "Widths", Unreadable)  # as our reading sees it, not pypdf's
    got = extract(one_page(tmp_path / "protocol.pdf"))
    assert BODY[0] in [line.text for line in got.lines]


def test_a_pypdf_without_its_width_reader_leaves_the_words_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pypdf's reader of glyph widths is a private module (tests/test_navigation.py allows
    it by name): a release that moves it leaves only where words end unknown."""
    monkeypatch.setattr(pdf_fonts, "Widths", None)
    got = extract(one_page(tmp_path / "protocol.pdf"))
    assert BODY[0] in [line.text for line in got.lines]
