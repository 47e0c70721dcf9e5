"""A PDF's running head and foot on the pages after the first only (Word's "different
first page", issue 18): drawn on one page alone where a document has two, so nothing
repeats to show them, they are left out and listed as page furniture; a page's own
first or last words there are kept. Each input a whole small PDF, in words of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from test_import_fix20a import read

TOP, FOOT = 770.0, 72.0  # where the text block begins and ends on every page
HEAD_AT, FOOT_AT = 806.0, 40.0  # where a running head and foot are drawn
LINE, PARAGRAPH = 14.0, 24.0  # the spacing of a paragraph's lines, and of paragraphs

# A page: its blocks, each a heading (bold, larger) or a paragraph's lines
Page = list[tuple[str, list[str]]]

FIRST: Page = [
    ("title", ["Protocol on Allotment Inspections"]),
    ("heading", ["1. Visits"]),
    ("lines", ["1.1 An inspector calls on each plot twice a year and leaves"]),
    ("lines", ["1.2 A tenant may ask for a visit at a time that suits them."]),
]
SECOND: Page = [
    ("heading", ["2. Findings"]),
    ("lines", ["2.1 The inspector writes to the tenant within ten days."]),
    ("lines", ["2.2 A tenant who disagrees may ask the committee to look again."]),
]
THIRD: Page = [
    ("heading", ["3. Appeals"]),
    ("lines", ["3.1 The committee hears an appeal at its next meeting."]),
]
HEAD = "Brockhurst Allotment Society \u2013 Rules and Protocols"


def draw(path: Path, pages: list[Page], heads: dict[int, str], feet: dict[int, str]) -> Path:
    """A PDF of ``pages``, each page's blocks from the text block's top down, and the
    running heads and feet of the pages numbered in ``heads`` and ``feet``."""
    canvas = Canvas(str(path), pagesize=A4)
    for number, page in enumerate(pages, start=1):
        y = TOP + PARAGRAPH
        for kind, lines in page:
            y -= PARAGRAPH
            for at, text in enumerate(lines):
                y -= LINE if at else 0
                size = {"title": 14, "heading": 12}.get(kind, 11)
                canvas.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
                canvas.drawString(72, y, text)
        canvas.setFont("Helvetica", 11)
        if number in heads:
            canvas.drawString(72, HEAD_AT, heads[number])
        if number in feet:
            canvas.drawString(72, FOOT_AT, feet[number])
        canvas.showPage()
    canvas.save()
    return path


def left_out(path: Path) -> list[str]:
    return [line.text for line, _ in import_protocol(path).left_out]


def test_a_head_and_foot_on_page_two_of_two_alone_are_furniture(tmp_path: Path) -> None:
    """A two-page document whose first page has no head or foot: page 2's head and its
    foot with the page's number are listed as furniture, not kept as words of 1.2 and
    2.2; every paragraph's words are its own."""
    foot = "Version 3, adopted 12 May 2025   Page 2 of 2"
    path = draw(tmp_path / "two.pdf", [FIRST, SECOND], {2: HEAD}, {2: foot})
    doc = import_protocol(path)
    assert [line.text for line, _ in doc.left_out] == [HEAD, foot]
    assert all("furniture" in why for _, why in doc.left_out)
    written = read(doc)
    assert written["1.2"] == ["A tenant may ask for a visit at a time that suits them."]
    assert written["2.2"] == ["A tenant who disagrees may ask the committee to look again."]


def test_heads_and_feet_on_every_page_but_the_first_are_furniture(tmp_path: Path) -> None:
    """Three pages, the first without head or foot, the others each with its own head
    (the part it holds) and a foot numbering it ("Page 2 of 3", "Page 3 of 3"): all left
    out, nothing of the body with them."""
    heads = {2: "Allotment Inspections: findings", 3: "Allotment Inspections: appeals"}
    feet = {2: "Page 2 of 3", 3: "Page 3 of 3"}
    feet = {n: f"Issued by the Secretary   {page}" for n, page in feet.items()}
    path = draw(tmp_path / "three.pdf", [FIRST, SECOND, THIRD], heads, feet)
    doc = import_protocol(path)
    assert [line.text for line, _ in doc.left_out] == [heads[2], feet[2], heads[3], feet[3]]
    assert read(doc)["3.1"] == ["The committee hears an appeal at its next meeting."]


def test_a_head_alone_without_a_page_number_over_the_text_block(tmp_path: Path) -> None:
    """A head on page 2 of 2 with no foot and no number: above where the text begins on
    page 1 and on page 2, in the margin, it is furniture."""
    assert left_out(draw(tmp_path / "head.pdf", [FIRST, SECOND], {2: HEAD}, {})) == [HEAD]


def test_a_page_beginning_mid_sentence_keeps_its_first_line(tmp_path: Path) -> None:
    """Page 2 beginning with the words of a paragraph going on from page 1, at the text
    block's top: the paragraph's, not a head, though page 2 prints its foot alone."""
    first = [*FIRST[:-2], ("lines", ["1.1 An inspector calls on each plot twice a year"])]
    second: Page = [("lines", ["and leaves a note of the visit."]), *SECOND]
    path = draw(tmp_path / "on.pdf", [first, second], {}, {2: "Page 2 of 2"})
    doc = import_protocol(path)
    assert [line.text for line, _ in doc.left_out] == ["Page 2 of 2"]
    assert read(doc)["1.1"] == [
        "An inspector calls on each plot twice a year and leaves a note of the visit."
    ]


def test_a_numbered_paragraph_or_short_heading_at_page_two_is_kept(tmp_path: Path) -> None:
    """A numbered paragraph beginning page 2, or a short heading drawn at the body's size
    with space under it, is at the text block's top as page 1's title is: kept, nothing
    left out."""
    numbered: Page = [("lines", ["1.3 Plots are measured once a year."]), *SECOND]
    path = draw(tmp_path / "numbered.pdf", [FIRST, numbered], {}, {})
    assert left_out(path) == []
    assert read(import_protocol(path))["1.3"] == ["Plots are measured once a year."]
    short: Page = [("lines", ["Findings"]), ("lines", [""]), *SECOND[1:]]
    path = draw(tmp_path / "short.pdf", [FIRST, short], {}, {})
    assert left_out(path) == []
    assert "Findings" in str(read(import_protocol(path)))


def test_a_last_line_naming_a_page_is_kept(tmp_path: Path) -> None:
    """A one-line paragraph ending page 2 that names a page ("... on page 2"), apart
    from the paragraph before it, at the foot of a text block page 1 fills as far: the
    body's, kept."""

    def filler(section: int) -> Page:  # paragraphs filling the page to the text block's foot
        return [("lines", [f"{section}.{n} A plot is kept tidy all year."]) for n in range(3, 29)]

    last = ("lines", ["2.29 The fees are listed on page 2 of the form."])
    path = draw(tmp_path / "page.pdf", [FIRST + filler(1), SECOND + filler(2) + [last]], {}, {})
    assert left_out(path) == []


@pytest.mark.parametrize("bold", [True, False])
def test_a_heading_opening_page_two_under_a_letterhead_page_is_kept(
    tmp_path: Path, bold: bool
) -> None:
    """Page 1's text set lower (a letterhead over it), page 2 opening with a heading
    drawn at the body's size, bold or plain, as far above its paragraph as the page's
    paragraphs are apart: a heading over the page's text, not a running head. It heads
    section 2, nothing left out."""
    canvas = Canvas(str(tmp_path / "letterhead.pdf"), pagesize=A4)
    pages = (
        (TOP - PARAGRAPH, ["Protocol on Allotment Inspections", "1. Visits", *FIRST[3][1]]),
        (
            TOP,
            [
                "Appeals",
                "2.1 The committee hears an appeal at its next meeting.",
                "2.2 Its decision is final.",
            ],
        ),
    )
    for top, lines in pages:
        for at, text in enumerate(lines):
            heading = at == 0 or text == "1. Visits"
            canvas.setFont("Helvetica-Bold" if heading and bold else "Helvetica", 11)
            canvas.drawString(72, top - at * PARAGRAPH, text)
        canvas.showPage()
    canvas.save()
    doc = import_protocol(tmp_path / "letterhead.pdf")
    assert doc.left_out == []
    assert read(doc)["2.1"][0] == "# Appeals"
