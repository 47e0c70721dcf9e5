"""The importer on five protocols as UK councils publish them in PDF, each drawn as
software the earlier trials had not met draws a page (import_pdf18.py makes them from
tests/import_pdf18): every glyph drawn alone and bold made by overprinting, each line one
kerned TJ array with ligatures and soft hyphens, a skewed scan with an invisible OCR text
layer, a protocol set in a bordered table with its header row repeated, and headings in
coloured bands over footnotes numbered like paragraphs. Every word in is a word out, the
structure is as a careful reader reads it, the site publishes the numbers printed."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from constitution.pdf_struck import once, struck_once
from import_pdf18 import NAMES, SOURCES, handed_over
from import_trial import trial_tests

test_read_as_the_gold, test_published_with_the_numbers_printed, test_gold_reads_every_source = (
    trial_tests(NAMES, SOURCES, handed_over)
)


def protocol_page(canvas: Canvas, lines: list[tuple[str, str]], y: float = 760.0) -> float:
    """Lines of a page drawn as ``draw`` (each a kind and its words: "title", "h" a
    heading, else a paragraph's line), one under the other; where the next would go."""
    for kind, text in lines:
        size = {"title": 16.0, "h": 12.0}.get(kind, 10.0)
        canvas.setFont("Helvetica-Bold" if kind in ("title", "h") else "Helvetica", size)
        canvas.drawString(64, y, text)
        y -= 24 if kind in ("title", "h") else 14
    return y


def struck_twice(canvas: Canvas, x: float, y: float, text: str, size: float, each: bool) -> None:
    """Words made bold by drawing them twice, the second 0.35 points to the right: glyph
    by glyph (``each``) or the whole run again."""
    runs = list(text) if each else [text]
    for run in runs:
        for dx in (0.0, 0.35):
            canvas.setFont("Helvetica", size)
            canvas.drawString(x + dx, y, run)
        x += stringWidth(run, "Helvetica", size)


@pytest.mark.parametrize("each", [True, False], ids=["glyph by glyph", "the whole run"])
def test_words_struck_twice_to_look_bold_are_read_once(tmp_path: Path, each: bool) -> None:
    """A title and heading emboldened by drawing them twice, a fraction of a point apart,
    read once ("Scope", not "SSccooppee"); a word the text prints twice, a space apart,
    stays twice."""
    path = tmp_path / "struck.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    struck_twice(canvas, 64, 760, "Protocol", 16, each)
    struck_twice(canvas, 64, 730, "1. Scope", 12, each)
    protocol_page(
        canvas, [("p", "1.1 Members decide that that is so."), ("p", "1.2 Officers advise.")], 706
    )
    canvas.save()
    doc = import_protocol(path)
    assert doc.title == "Protocol"
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Scope")]
    assert [c.paragraphs for c in doc.clauses()] == [
        ["Members decide that that is so."],
        ["Officers advise."],
    ]


def test_a_word_broken_at_a_soft_hyphen_is_whole(tmp_path: Path) -> None:
    """A word a typesetter broke at a soft hyphen (U+00AD in the text layer) at a line's
    end is one word, whatever its halves are ("under" "standing" is "understanding");
    a hyphen the text types at a line's end is read as before ("co-" "opted")."""
    path = tmp_path / "soft.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    protocol_page(
        canvas,
        [
            ("title", "Protocol"),
            ("h", "1. Scope"),
            ("p", "1.1 Members and officers have distinct respon\u00ad"),
            ("p", "sibilities and a clear under\u00ad"),
            ("p", "standing of them, co-"),
            ("p", "opted members too."),
            ("p", "1.2 Officers advise."),
        ],
    )
    canvas.save()
    doc = import_protocol(path)
    assert [c.paragraphs for c in doc.clauses()] == [
        [
            "Members and officers have distinct responsibilities and a clear understanding "
            "of them, co-opted members too."
        ],
        ["Officers advise."],
    ]


OCR_READ = [
    ("title", "Protocol"),
    ("h", "1. Scope"),
    ("p", "1.1 Members decide."),
    ("p", "l.2 Officers advise."),
    ("h", "2. Roles"),
    ("p", "2.l Officers serve the whole Council."),
    ("p", "2.2 Members set policy, as (k) and (l) of the Code say."),
]


@pytest.mark.parametrize("scanned", [True, False], ids=["a scan's OCR layer", "typed"])
def test_a_number_the_ocr_misread_is_the_number_printed(tmp_path: Path, scanned: bool) -> None:
    """On a scanned page (a picture of the print covering it, the OCR's words laid over
    it invisibly), a paragraph's number in which the OCR read a figure as a letter ("l.2",
    "2.l") is the number the picture prints: "1.2", "2.1". A letter is a letter where
    there is no figure beside it ("(l)"); and a page of typed text prints what it types."""
    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    if scanned:
        picture = Image.new("L", (595, 842), 255)
        ImageDraw.Draw(picture).text((64, 82), "Protocol", fill=0)
        canvas.drawImage(ImageReader(picture), 0, 0, *A4)
    text = canvas.beginText()
    text.setTextRenderMode(3 if scanned else 0)
    canvas.drawText(text)
    protocol_page(canvas, OCR_READ)
    canvas.save()
    doc = import_protocol(path)
    numbers = [c.number for c in doc.clauses()]
    if scanned:
        assert numbers == ["1.1", "1.2", "2.1", "2.2"]
        assert doc.clauses()[3].paragraphs == [
            "Members set policy, as (k) and (l) of the Code say."
        ]
    else:
        assert "1.2" not in numbers and "2.1" not in numbers
        assert "l.2 Officers advise." in " ".join(p for c in doc.clauses() for p in c.paragraphs)


@pytest.mark.parametrize(
    "again",
    [("No.", "Provision"), ("1. Scope", "")],
    ids=["a table's header row", "a section's heading"],
)
def test_a_line_printed_again_at_the_head_of_a_page_is_left_out(
    tmp_path: Path, again: tuple[str, str]
) -> None:
    """A bold line printed again, word for word and drawn alike, as the first words of
    the next page (a table's header row repeated on each page it runs onto; a heading
    printed again where its section runs on, with no "(continued)") is left out and
    listed, not read into the paragraph running over the page."""
    path = tmp_path / "again.pdf"
    canvas = Canvas(str(path), pagesize=A4)

    def repeated(y: float) -> None:
        canvas.setFont("Helvetica-Bold", 12 if again[0][0].isdigit() else 10)
        canvas.drawString(64, y, again[0])
        canvas.drawString(110, y, again[1])

    y = protocol_page(canvas, [("title", "Protocol"), ("p", "Adopted in 2024.")])
    if not again[0][0].isdigit():
        repeated(y)
        y -= 20
    y = protocol_page(canvas, [("h", "1. Scope"), ("p", "1.1 Members decide.")], y)
    protocol_page(canvas, [("p", "1.2 Members ask."), ("p", "1.3 Officers advise members and")], 74)
    canvas.showPage()
    repeated(780)
    page = [("p", "committees alike."), ("p", "1.4 Members listen."), ("p", "1.5 All agree.")]
    protocol_page(canvas, page, 756)
    canvas.save()
    doc = import_protocol(path)
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Scope")]
    assert [(c.number, c.paragraphs, c.after.paragraphs) for c in doc.clauses()] == [
        ("1.1", ["Members decide."], []),
        ("1.2", ["Members ask."], []),
        ("1.3", ["Officers advise members and committees alike."], []),
        ("1.4", ["Members listen."], []),
        ("1.5", ["All agree."], []),
    ]
    printed_again = " ".join(again).strip()
    assert printed_again in [" ".join(line.text.split()) for line, _ in doc.left_out]


def test_only_an_impression_near_the_one_before_with_nothing_drawn_between_is_struck_again() -> (
    None
):
    """Of a page's operators, a show of the same text in the same font 0.35 points on is
    the print struck again (taken out, with the move to it); the same text a word's
    width on, or with a path drawn between, is printed again (kept)."""
    shown = [b"Protocol"]
    operators = [
        ([], b"BT"),
        (["/F1", 10], b"Tf"),
        ([1, 0, 0, 1, 64, 700], b"Tm"),
        (shown, b"Tj"),
        ([1, 0, 0, 1, 64.35, 700], b"Tm"),
        (shown, b"Tj"),
        ([1, 0, 0, 1, 110, 700], b"Tm"),
        (shown, b"Tj"),
        ([], b"ET"),
        ([110, 690, 40, 2], b"re"),
        ([], b"f"),
        ([], b"BT"),
        (["/F1", 10], b"Tf"),
        ([1, 0, 0, 1, 110.2, 700], b"Tm"),
        (shown, b"Tj"),
        ([], b"ET"),
    ]
    assert once(operators) == operators[:4] + operators[6:]


def test_a_drawing_too_malformed_to_follow_is_read_as_it_stands() -> None:
    """A page whose operators cannot be followed (a move with no place) is left as pypdf
    reads it, not refused."""

    class Page(dict[str, object]):
        def get_contents(self) -> object:
            return SimpleNamespace(operations=[(["/F1", 10], b"Tf"), ([], b"Td"), ([b"A"], b"Tj")])

    assert not struck_once(Page())


def test_a_sub_heading_of_a_new_section_at_a_page_s_head_is_kept(tmp_path: Path) -> None:
    """The same sub-heading ("Guidance") under two sections, the second the first words
    of a page, is a heading of each: a section's heading stands between them, so the
    second is no heading printed again where its section runs on."""
    path = tmp_path / "guidance.pdf"
    canvas = Canvas(str(path), pagesize=A4)

    def guidance(y: float) -> None:
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(64, y, "Guidance")

    y = protocol_page(canvas, [("title", "Protocol"), ("p", "Adopted in 2024."), ("h", "1. Roles")])
    guidance(y)
    y = protocol_page(canvas, [("p", "1.1 Members decide."), ("p", "1.2 Members ask.")], y - 20)
    protocol_page(canvas, [("p", "1.3 Officers advise."), ("h", "2. Duties")], 98)
    canvas.showPage()
    guidance(780)
    protocol_page(canvas, [("p", "2.1 Officers serve."), ("p", "2.2 Members listen.")], 760)
    canvas.save()
    doc = import_protocol(path)
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Roles"), ("2", "Duties")]
    assert [(c.number, c.headings) for c in doc.clauses()] == [
        ("1.1", ["Guidance"]),
        ("1.2", []),
        ("1.3", []),
        ("2.1", ["Guidance"]),
        ("2.2", []),
    ]
    assert not doc.left_out
