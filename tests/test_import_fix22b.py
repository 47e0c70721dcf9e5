"""Two faults of issue 18 a blind trial (tests/import_made22) found: a Word link whose
runs are underlined directly read as emphasis, and a PDF table whose cells wrap read as
words. Each input is a whole file, in words of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.import_markup import CELL_BREAK
from constitution.importer import import_protocol
from test_import_fix20a import read


def run(words: str, *marks: str) -> OxmlElement:
    """A run of ``words`` drawn blue with its ``marks`` ("u" underlined, "b" bold)
    written on it directly, as an editor writes a link's look."""
    element = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for mark in marks:
        on = OxmlElement(f"w:{mark}")
        if mark == "u":
            on.set(qn("w:val"), "single")
        props.append(on)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1155CC")
    props.append(colour)
    element.append(props)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = words
    element.append(text)
    return element


def field(instruction: str, *result: OxmlElement) -> list[OxmlElement]:
    """A field drawn by its begin, instruction, separator and end, ``result`` its words."""
    runs = []
    for kind in ("begin", "instr", "separate", *(() if not result else ("result",)), "end"):
        if kind == "result":
            runs.extend(result)
            continue
        element = OxmlElement("w:r")
        if kind == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = instruction
        else:
            code = OxmlElement("w:fldChar")
            code.set(qn("w:fldCharType"), kind)
        element.append(code)
        runs.append(element)
    return runs


def linked_protocol(path: Path) -> Path:
    """A protocol on allotments whose paragraphs link to the web: a w:hyperlink whose run
    is underlined and coloured directly, one with a bold word among its underlined ones,
    a HYPERLINK field's underlined result, and an underlined word outside any link."""
    document = docx.Document()
    document.add_paragraph().add_run("Allotments Protocol").bold = True
    document.add_paragraph().add_run("Plots").bold = True
    paragraphs = [document.add_paragraph(f"{n}. ") for n in (1, 2, 3, 4)]
    document.save(str(path))
    for paragraph, (words, address) in zip(
        paragraphs[:2],
        (
            ("Tenants find the waiting list on the ", "https://plots.example.org/wait"),
            ("Rents are set out in the ", "https://plots.example.org/rent"),
        ),
        strict=True,
    ):
        paragraph.add_run(words)
        rel = paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        paragraph._p.append(link)
        paragraph.add_run(".")  # after the link
    first, second = (p._p.find(qn("w:hyperlink")) for p in paragraphs[:2])
    first.append(run("allotment society's pages", "u"))
    second.extend([run("yearly ", "u"), run("tariff", "u", "b"), run(" schedule", "u")])
    paragraphs[2].add_run("Keys are issued by the ")
    for element in field(
        'HYPERLINK "https://plots.example.org/keys"', run("site warden's form", "u")
    ):
        paragraphs[2]._p.append(element)
    paragraphs[2].add_run(".")
    paragraphs[3].add_run("Bonfires are ")
    paragraphs[3].add_run("never").underline = True
    paragraphs[3].add_run(" lit on a plot.")
    document.save(str(path))
    return path


def test_a_links_underline_is_no_emphasis_but_bold_in_it_is(tmp_path: Path) -> None:
    """A link's runs underlined and coloured directly (as Google Docs writes a link) are
    the link's words alone: "[words](address)", not "[*words*](address)"; the same in a
    HYPERLINK field's result. A bold word within a link is still bold, and an underlined
    word outside any link is still the author's emphasis."""
    written = read(import_protocol(linked_protocol(tmp_path / "plots.docx")))
    assert written["1."] == [
        "Tenants find the waiting list on the "
        "[allotment society's pages](https://plots.example.org/wait)."
    ]
    assert written["2."] == [
        "Rents are set out in the [yearly **tariff** schedule](https://plots.example.org/rent)."
    ]
    assert written["3."] == ["Keys are issued by the site warden's form."]
    assert written["4."] == ["Bonfires are *never* lit on a plot."]


LEADING = 12.0  # points between a cell's lines
LEFT, SECOND, THIRD = 56.0, 220.0, 390.0  # where each column starts across the page


def block(canvas: Canvas, x: float, top: float, lines: tuple[str, ...]) -> float:
    """A cell's lines drawn top to bottom from ``top`` at ``x`` (as LibreOffice draws a
    table's cell, whole, before the next); where its last line stands."""
    for n, words in enumerate(lines):
        canvas.drawString(x, top - n * LEADING, words)
    return top - (len(lines) - 1) * LEADING


def protocol_pdf(path: Path, body: Callable[[Canvas, float], float]) -> Path:
    """A one-page protocol on park events: a title, a heading, paragraph 1.1 leading in
    to what ``body`` draws under it (from its top, down to where it returns), then 1.2."""
    canvas = Canvas(str(path), pagesize=A4)
    for font, size, y, words in (
        ("Helvetica-Bold", 16, 780, "Protocol on Park Events"),
        ("Helvetica-Bold", 12, 750, "1. Bookings"),
        ("Helvetica", 10, 730, "1.1 Each event has these people in charge of it:"),
    ):
        canvas.setFont(font, size)
        canvas.drawString(LEFT, y, words)
    y = body(canvas, 710.0)
    canvas.drawString(LEFT, y - 24, "1.2 Bookings close a month before the event.")
    canvas.save()
    return path


# A table's rows, each cell's lines as drawn: its header row, then rows whose cells wrap
# in the first column, the last, both, or neither
TABLE = (
    (("Person",), ("Duty",), ("Where",)),
    (("Events officer for the", "north parks"), ("agrees the date",), ("the depot",)),
    (("Steward",), ("keeps the paths clear", "and counts visitors"), ("gates",)),
    (("Ranger",), ("closes the park",), ("the lodge by", "the east lake", "after dark")),
    (("First aider on", "call"), ("treats injuries and", "writes them up"), ("the tent",)),
    (("Litter team",), ("clears up after",), ("everywhere",)),
)


@pytest.mark.parametrize("width", [2, 3])
def test_a_pdf_table_whose_cells_wrap_is_read_row_by_row(tmp_path: Path, width: int) -> None:
    """A table drawn cell by cell (each cell's lines, then the next cell's from the row's
    top), its cells wrapping onto further lines in any column, is one item of cells a
    row under the paragraph leading in to it, its header row first; in two columns or
    three."""
    places = (LEFT, SECOND, THIRD)[:width]

    def table(canvas: Canvas, top: float) -> float:
        for row in TABLE:
            drawn = zip(places, row[:width], strict=True)
            foot = min(block(canvas, x, top, cell) for x, cell in drawn)
            top = foot - LEADING - 4
        return top

    written = read(import_protocol(protocol_pdf(tmp_path / "events.pdf", table)))
    assert written["1.1"] == [
        "Each event has these people in charge of it:",
        *("- " + CELL_BREAK.join(" ".join(cell) for cell in row[:width]) for row in TABLE),
    ]
    assert written["1.2"] == ["Bookings close a month before the event."]


def test_wrapped_lines_drawn_in_blocks_are_no_table(tmp_path: Path) -> None:
    """What a page draws in blocks that is no table stays words: a paragraph's wrapped
    lines, items numbered in a hanging indent, their numbers drawn before their
    words, and a list whose bullets stand a tab apart from their words."""

    def lists(canvas: Canvas, top: float) -> float:
        for lines in (
            ("The organiser books the field, pays the deposit and tells the",),
            ("wardens the date; the park office confirms it in writing.",),
        ):
            top = block(canvas, LEFT, top, lines) - LEADING
        for label, lines in (
            ("(a)", ("an events officer, who agrees the date and", "checks the booking;")),
            ("(b)", ("a steward, who keeps the paths clear and", "counts the visitors;")),
        ):
            canvas.drawString(LEFT, top, label)
            top = block(canvas, SECOND, top, lines) - LEADING
        for lines in (
            ("a ranger, who closes the park and", "locks the gates at dusk; and"),
            ("a first aider, who treats injuries and", "writes them up afterwards."),
        ):
            canvas.drawString(LEFT, top, "-")
            top = block(canvas, LEFT + 18, top, lines) - LEADING
        return top

    written = read(import_protocol(protocol_pdf(tmp_path / "lists.pdf", lists)))
    assert not any(CELL_BREAK in paragraph for paragraph in written["1.1"])
    assert written["1.1"][1:] == [
        "The organiser books the field, pays the deposit and tells the wardens the date; "
        "the park office confirms it in writing.",
        "- (a) an events officer, who agrees the date and checks the booking;",
        "- (b) a steward, who keeps the paths clear and counts the visitors;",
        "- a ranger, who closes the park and locks the gates at dusk; and",
        "- a first aider, who treats injuries and writes them up afterwards.",
    ]


def test_bands_of_two_columns_under_headings_are_no_table(tmp_path: Path) -> None:
    """Prose set in two columns under a heading over each band, the band's left column
    drawn and then its right from the band's top (as a table's cells are drawn), is no
    table: the right column climbs to the band's top, not to the heading's, so heading
    and band are no row; its words stay the paragraph's, no row's cells."""
    bands = (
        ("Stalls", ("Stalls are let by the", "market clerk, who"), ("keeps a list of", "traders.")),
        (
            "Litter",
            ("A trader who leaves", "litter behind loses"),
            ("the pitch for the", "season."),
        ),
    )

    def prose(canvas: Canvas, top: float) -> float:
        for heading, left, right in bands:
            canvas.drawString(LEFT, top, heading)
            top -= LEADING + 6
            foot = block(canvas, LEFT, top, left)
            top = min(block(canvas, SECOND, top, right), foot) - LEADING - 8
        return top

    written = read(import_protocol(protocol_pdf(tmp_path / "market.pdf", prose)))
    assert not any(CELL_BREAK in paragraph for paragraph in written["1.1"])
    words = " ".join(" ".join((h, *left, *right)) for h, left, right in bands)
    assert sorted(" ".join(written["1.1"][1:]).split()) == sorted(words.split())


@pytest.mark.parametrize("closing", [("Signed by the Chair", "Signed by the Clerk"), None])
def test_two_columns_of_prose_closing_with_a_line_across_both_are_no_table(
    tmp_path: Path, closing: tuple[str, str] | None
) -> None:
    """Two columns of prose, the left drawn and then the right from the same top, and
    under them a line with words in both columns ("Email: ..." / "Telephone: ...", two
    signatures): one line at the columns after them is no header, so no table; every
    word stays the paragraph's, in reading order, no row's cells."""
    left = ("Stalls are let by the market", "clerk, who keeps a list of", "traders and pitches.")
    right = ("A trader who leaves litter", "behind loses the pitch for", "the rest of the season.")

    def prose(canvas: Canvas, top: float) -> float:
        foot = min(block(canvas, LEFT, top, left), block(canvas, SECOND, top, right))
        if closing is None:
            return foot
        top = foot - LEADING - 12
        canvas.drawString(LEFT, top, closing[0])
        canvas.drawString(SECOND, top, closing[1])
        return top

    written = read(import_protocol(protocol_pdf(tmp_path / "market.pdf", prose)))
    assert not any(CELL_BREAK in paragraph for paragraph in written["1.1"])
    assert written["1.1"][1:3] == [" ".join(left), " ".join(right)]
    if closing:
        assert written["1.1"][3:] == [" ".join(closing)]
