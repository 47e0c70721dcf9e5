"""The importer on five PDFs whose headings carry no number and are told from the
paragraphs only by their type (import_pdf_headings.py draws them): a section heading set
larger or bolder than the body, a sub-heading in bold, a heading in capitals of the body's
size and weight; bold words that are not headings (a lead-in, a sentence, a one-line
warning), a heading wrapping onto two lines or standing at a page's foot, a running head
in bold. Every word in is a word out, the structure is as a careful reader reads it, and
the site publishes the numbers printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from import_pdf_headings import NAMES_LIST, SOURCES, draw, handed_over
from import_trial import every_word_out, structure_as_read
from test_import_layouts import heading
from test_import_unseen import imported


@pytest.mark.parametrize("name", NAMES_LIST)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    every_word_out(import_protocol(source), data)


@pytest.mark.parametrize("name", NAMES_LIST)
def test_structure_as_read(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    doc = import_protocol(source)
    structure_as_read(doc, data)
    # these golds write each number and each line left out as printed: the numbers
    # close with a full stop alone, and each line is left out whole
    assert [c.number.rstrip(".") for c in doc.clauses()] == [
        c["printed"].rstrip(".") for s in data["sections"] for c in s["clauses"]
    ]
    assert sorted(" ".join(line.text.split()) for line, _ in doc.left_out) == sorted(
        data["left_out"]
    )


@pytest.mark.parametrize("name", NAMES_LIST)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    report, published = imported(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == data["reported"]  # type: ignore[index]
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected


@pytest.mark.parametrize("scale", [0.75, 1.4])
def test_headings_are_told_by_the_documents_own_sizes(tmp_path: Path, scale: float) -> None:
    """The same document with every size scaled (its body at 8 or 15 point, a heading
    smaller than another document's body): the same sections and sub-headings, since a
    heading is told by its size beside the document's body, never by a size in points."""
    source = tmp_path / "word-save.pdf.txt"
    lines = (SOURCES / source.name).read_text(encoding="utf-8").splitlines()
    source.write_text(
        "\n".join(
            f"{kind}: {face} {float(size) * scale:g}" if kind.startswith("font ") else line
            for line in lines
            for kind, _, rest in [line.partition(": ")]
            for face, _, size in [rest.rpartition(" ")]
        ),
        encoding="utf-8",
    )
    _, data = handed_over("word-save.pdf", tmp_path)
    draw(source, tmp_path / "scaled.pdf")
    doc = import_protocol(tmp_path / "scaled.pdf")
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    assert [c.headings for c in doc.clauses()] == [
        c["headings"] for s in data["sections"] for c in s["clauses"]
    ]


def test_a_line_at_the_paragraphs_spacing_goes_on_it_past_a_full_stop(tmp_path: Path) -> None:
    """In a PDF that sets its paragraphs apart, a line straight under the one before at
    the body's spacing is the same paragraph's, though the line before ends a sentence;
    a lead-in's lines ("It applies to:" / "every member of the Council;") stay a list's."""
    rows = [
        ("1. Members and officers must treat each other with respect.", 0),
        ("Neither may bully the other.", 14),
        ("2. It applies to:", 22),
        ("every member of the Council;", 14),
        ("every officer of the Council.", 14),
        ("3. The Monitoring Officer keeps this protocol.", 22),
        ("4. The Standards Committee reviews it each year.", 22),
    ]
    path = tmp_path / "protocol.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(72, 760, "Protocol on Member and Officer Relations")
    canvas.setFont("Helvetica", 11)
    y = 730.0
    for text, down in rows:
        y -= down
        canvas.drawString(72, y, text)
    canvas.showPage()
    canvas.save()
    doc = import_protocol(path)
    assert [c.paragraphs for c in doc.clauses()] == [
        ["Members and officers must treat each other with respect. Neither may bully the other."],
        ["It applies to:", "every member of the Council;", "every officer of the Council."],
        ["The Monitoring Officer keeps this protocol."],
        ["The Standards Committee reviews it each year."],
    ]


def test_a_statement_in_bold_is_no_heading(tmp_path: Path) -> None:
    """A bold paragraph of the body's size standing apart with no closing punctuation is
    told from a heading by what a heading is in that document: a sentence much longer
    than its headings, one its next lines go on, or one that wraps to end a sentence,
    is words between paragraphs, never a heading; the real headings stay headings."""
    rows = [
        ("Protocol on Member and Officer Relations", "Helvetica-Bold", 16, 0),
        ("Working Together", "Helvetica-Bold", 13, 30),
        ("1. Members and officers each have a part in the Council's work.", "Helvetica", 11, 22),
        ("2. Each respects the other's part.", "Helvetica", 11, 22),
        ("Members and officers serve the whole community of the borough alike", "", 11, 22),
        ("3. Neither favours one part of the borough over another.", "Helvetica", 11, 22),
        ("Officer Advice", "Helvetica-Bold", 13, 30),
        ("4. Officers give advice that is frank and impartial.", "Helvetica", 11, 22),
        ("An officer who is asked to act against the law tells the Monitoring", "", 11, 22),
        ("Officer the same day", "", 11, 14),
        ("5. Members do not press officers to change their advice.", "Helvetica", 11, 22),
        ("Officers never take sides in", "", 11, 22),
        ("politics, in or out of work.", "Helvetica", 11, 14),
        ("6. The Monitoring Officer keeps this protocol.", "Helvetica", 11, 22),
        ("Review", "Helvetica-Bold", 11, 22),
        ("7. The Standards Committee reviews it each year.", "Helvetica", 11, 22),
    ]
    path = tmp_path / "protocol.pdf"
    canvas = Canvas(str(path))
    y = 760.0
    for text, face, size, down in rows:
        y -= down
        canvas.setFont(face or "Helvetica-Bold", size)
        canvas.drawString(72, y, text)
    canvas.showPage()
    canvas.save()
    doc = import_protocol(path)
    assert [s.title for s in doc.sections] == ["Working Together", "Officer Advice"]
    assert [c.headings for c in doc.clauses()] == [[]] * 6 + [["Review"]]
    assert [c.paragraphs[1:] for c in doc.clauses()] == [
        [],
        ["Members and officers serve the whole community of the borough alike"],
        [],
        [
            "An officer who is asked to act against the law tells the Monitoring Officer "
            "the same day"
        ],
        ["Officers never take sides in politics, in or out of work."],
        [],
        [],
    ]
