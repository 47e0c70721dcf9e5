"""Faults of `constitution import` the trial of PDFs (tests/import_unmet14) saw and left,
each shown by a PDF drawn here with reportlab, each test failing before its fix: a
designed cover (a picture over the whole page, the title as text over it) refused as a
scan; a margin note of three lines listed as three; a table set small beside the body's
words cut out as margin notes; a line in the body's type read as a sub-heading."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from constitution.import_markup import CELL_BREAK
from constitution.importer import import_protocol
from constitution.page_asides import MARGIN_NOTE
from constitution.problems import ProtocolError
from test_import_unmet14 import drawn_pdf, paragraphs

HEAD = "Brackenford Borough Council: Protocol on Member/Officer Relations"
TITLE = "Protocol on Relations between Members and Officers"
BODY = [
    ("1. Scope", ""),
    ("1.1", "This protocol applies to every elected and co-opted member of the Council"),
    ("", "and to every officer the Council employs, and to agency staff working for it."),
    ("1.2", "Members and officers work together with courtesy and respect, each doing"),
    ("", "their own job well and with confidence in the other."),
    ("2. Advice", ""),
    ("2.1", "Officers give impartial advice to every member, whatever their party, and"),
    ("", "keep a note of advice given on a matter that comes before a committee."),
    ("2.2", "A member who asks for advice is told within ten working days when it will"),
    ("", "be given, and by whom."),
]


def written(canvas: Canvas, y: float, lines: list[tuple[str, str]]) -> float:
    """The lines drawn from ``y`` down, each a heading (its words alone, in bold), a
    paragraph's first line (its number, then its words) or its next (no number); where
    the next line goes."""
    for number, words in lines:
        if not words:
            canvas.setFont("Helvetica-Bold", 11)
            canvas.drawString(64, y - 8, number)
            y -= 28
            continue
        canvas.setFont("Helvetica", 10)
        if number:
            y -= 6
            canvas.drawString(64, y, number)
        canvas.drawString(98, y, words)
        y -= 14
    return y


def body_page(canvas: Canvas, page: int, lines: list[tuple[str, str]]) -> None:
    """A page of the protocol's text: its running head, its lines, "Page N"."""
    canvas.setFont("Helvetica", 8)
    canvas.drawString(64, 800, HEAD)
    canvas.drawCentredString(A4[0] / 2, 40, f"Page {page}")
    written(canvas, 760.0, lines)
    canvas.showPage()


def covered(path: Path, cover: str) -> Path:
    """A PDF whose first page is a picture over the whole page: "designed", its title and
    adoption drawn as text over it; "scan", only the running head and page number. Two
    pages of text after it."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(ImageReader(Image.new("RGB", (210, 297), (20, 60, 120))), 0, 0, *A4)
    if cover == "designed":
        canvas.setFont("Helvetica-Bold", 24)
        first, _, second = TITLE.partition(" Members")
        canvas.drawString(64, 520, first)
        canvas.drawString(64, 490, f"Members{second}")
        canvas.setFont("Helvetica", 12)
        canvas.drawString(64, 440, "Adopted by Council, 12 March 2019")
        canvas.showPage()
    else:
        body_page(canvas, 1, [])
    body_page(canvas, 2, BODY[:5])
    body_page(canvas, 3, BODY[5:])
    canvas.save()
    return path


def test_a_designed_cover_is_no_scan(tmp_path: Path) -> None:
    """A cover that is a picture over the whole page, its title and adoption drawn over it
    as text (the document's own words, printed on no other page), is no scan: imported,
    its title the document's. A picture page whose only text is the running head and page
    number every page prints is a scan, refused naming it."""
    doc = import_protocol(covered(tmp_path / "designed.pdf", "designed"))
    assert doc.title == TITLE
    assert [(s.number, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("1", ["1.1", "1.2"]),
        ("2", ["2.1", "2.2"]),
    ]
    with pytest.raises(ProtocolError, match=r"page 1: scanned") as raised:
        import_protocol(covered(tmp_path / "scan.pdf", "scan"))
    assert raised.value.problems[0].code == "import-scanned-pages"


@pytest.mark.parametrize("left", [False, True], ids=["right", "left"])
def test_a_margin_note_of_three_lines_is_listed_once(tmp_path: Path, left: bool) -> None:
    """A note of three lines in the margin beside paragraph 1.2 ("Amended by Council / 12
    March 2019, / minute 45") is one note, as a person reads it: listed once, its lines
    joined, at its page, with the paragraph it stands beside."""
    note = ("Amended by Council", "12 March 2019,", "minute 45")
    title = (64, 780, "Protocol on Member/Officer Relations", 15.0)
    page = [title, *paragraphs(1, 750, (), left), *paragraphs(2, 630, note, left)]
    doc = import_protocol(drawn_pdf(tmp_path / "noted.pdf", [page]))
    assert [(line.text, line.page, why) for line, why in doc.left_out] == [
        ("Amended by Council 12 March 2019, minute 45", 1, f"{MARGIN_NOTE} paragraph 2.2")
    ]
    assert len(doc.clauses()) == 6


ROLES = [
    ("Role", "Responsibility"),
    ("Monitoring Officer", "Conduct, the Constitution and the register of interests"),
    ("Chief Finance Officer", "The budget, spending and the annual audit"),
]
CONTACT = ["Monitoring Officer", "Town Hall, Market Street", "Brackenford BR1 2AB"]


def set_small(path: Path) -> Path:
    """A page whose body is set in 10 point, with text in 8 point the paragraphs refer
    to: a table of roles (two columns, its first set in from the words' column, with
    rules between its rows) after 1.2, and a box of contact details beside 2.1's short
    lines, inside the width the page's longer lines take."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 15)
    canvas.drawString(64, 780, "Protocol on Member/Officer Relations")
    y = written(
        canvas,
        740.0,
        [
            ("1. Advice", ""),
            ("1.1", "Officers give impartial advice to every member, whatever their party, and"),
            ("", "keep a note of advice given on a matter that comes before a committee."),
            ("1.2", "The officers named below advise members on the matters set against them."),
        ],
    )
    for role, duty in ROLES:
        y -= 4
        canvas.setFont("Helvetica", 8)
        canvas.drawString(130, y, role)
        canvas.drawString(250, y, duty)
        canvas.line(126, y - 4, 500, y - 4)
        y -= 10
    y = written(
        canvas,
        y,
        [
            ("1.3", "Advice given in confidence is kept in confidence unless the law requires"),
            ("", "otherwise, or the member agrees that it may be shared."),
            ("2. Contact", ""),
        ],
    )
    top = y
    y = written(
        canvas,
        y,
        [
            ("2.1", "A member writes to the Monitoring"),
            ("", "Officer at the address in the box"),
            ("", "about any concern under this protocol."),
        ],
    )
    canvas.rect(336, top - 34, 150, 44)
    for at, words in enumerate(CONTACT):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(342, top - 7 - 11 * at, words)
    written(
        canvas,
        y,
        [
            ("2.2", "The Monitoring Officer replies within ten working days and keeps a record"),
            ("", "of each concern raised and how it was resolved."),
        ],
    )
    canvas.showPage()
    canvas.save()
    return path


def test_text_set_small_beside_the_words_is_kept_in_place(tmp_path: Path) -> None:
    """A table in smaller type set in from the words' column, and a box of contact
    details beside a paragraph's short lines, stand within the width the body's lines
    take: text of the paragraphs, kept in them, never cut out as margin notes; the
    table's rows read as rows (pdf_tables), each an item of its cells."""
    doc = import_protocol(set_small(tmp_path / "small.pdf"))
    assert doc.left_out == []
    paragraphs = {c.number: " ".join(c.paragraphs) for c in doc.clauses()}
    assert list(paragraphs) == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    rows = next(c for c in doc.clauses() if c.number == "1.2").paragraphs[1:]
    assert rows == [f"- {CELL_BREAK.join(row)}" for row in ROLES]
    assert " ".join(CONTACT) in paragraphs["2.1"]


def test_a_line_set_as_the_body_is_no_sub_heading(tmp_path: Path) -> None:
    """In a Word file, a short line without a full stop between two numbered paragraphs
    of a section, set as the body is ("Gifts and hospitality" in the Normal style, no
    word bold), is a paragraph of the text, not a sub-heading; a line in bold there, or in
    a style that sets its words in bold, is one."""
    document = docx.Document()
    document.add_paragraph("Protocol on Member/Officer Relations", style="Title")
    for heading, texts in (
        ("1. Scope", ["1.1 This protocol applies to every member.", "1.2 And to officers."]),
        (
            "2. Gifts",
            [
                "2.1 Members register every gift worth more than fifty pounds.",
                "Gifts and hospitality",
                "Members declare each one within twenty-eight days.",
                "2.2 The Monitoring Officer keeps the register.",
                "**Contracts",
                "Members refuse gifts from a company bidding for a contract.",
                "2.3 Officers follow the same rules.",
                "_Working with suppliers",
                "Officers declare any offer from a supplier.",
                "2.4 The register is published every quarter.",
            ],
        ),
    ):
        document.add_paragraph(heading, style="Heading 1")
        for text in texts:
            if text.startswith("**"):
                document.add_paragraph().add_run(text[2:]).bold = True
            elif text.startswith("_"):
                document.add_paragraph(text[1:], style="Intense Quote")
            else:
                document.add_paragraph(text)
    path = tmp_path / "protocol.docx"
    document.save(str(path))
    doc = import_protocol(path)
    after = {c.number: (c.after.paragraphs, c.after.titles) for c in doc.clauses()}
    assert after["2.2"] == (
        ["Contracts", "Members refuse gifts from a company bidding for a contract."],
        {0},
    )
    assert after["2.3"][1] == {0}
    assert not after["2.1"][1]
    assert "Gifts and hospitality" in " ".join(
        next(c for c in doc.clauses() if c.number == "2.1").paragraphs + after["2.1"][0]
    )
