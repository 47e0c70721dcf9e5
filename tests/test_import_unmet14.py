"""The importer on five protocols as UK councils publish them, of kinds and layouts it
had not met (import_unmet14.py makes them from tests/import_unmet14): a PDF whose
amendment notes stand in the margin beside the paragraphs they changed, a PDF exported
from Word with a contents page and a blank page numbered in Roman before the body, a PDF
whose sections repeat their heading "(continued)" over a page break, a web page whose
paragraphs are a definition list, and a Word file whose numbers come from its styles,
restarted by list overrides. Every word in is a word out, the structure is as a careful
reader reads it, the site publishes the numbers printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from constitution.page_asides import REPEATED
from import_trial import trial_tests
from import_unmet14 import NAMES, SOURCES, handed_over

test_read_as_the_gold, test_published_with_the_numbers_printed, test_gold_reads_every_source = (
    trial_tests(NAMES, SOURCES, handed_over)
)


def drawn_pdf(path: Path, pages: list[list[tuple[float, float, str, float]]]) -> Path:
    """A PDF of pages, each its pieces of text (x, y, words, size), drawn in order."""
    canvas = Canvas(str(path), pagesize=A4)
    for page in pages:
        for x, y, text, size in page:
            canvas.setFont("Helvetica", size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return path


def paragraphs(
    number: int, at: float, note: tuple[str, ...] = (), left: bool = False
) -> list[tuple[float, float, str, float]]:
    """A section's heading and three paragraphs of two lines, a note in the margin in
    small type beside the second, on its first line's baseline, drawn just after that
    line's words (in the right margin) or before them (in the left, the text set in);
    the note's next lines between the paragraph's lines."""
    x = 124 if left else 64
    pieces = [(x, at, f"{number}. Working together", 11.0)]
    y = at - 20
    for n in range(1, 4):
        noted = [(20 if left else 440, y - 9 * k, words, 7.0) for k, words in enumerate(note)]
        line = [(x, y, f"{number}.{n}", 10.0), (x + 34, y, f"Members and officers work {n}", 10.0)]
        if n == 2:
            line = noted[:1] + line + noted[1:] if left else line + noted
        pieces += [*line, (x + 34, y - 14, "together with courtesy.", 10.0)]
        y -= 32
    return pieces


@pytest.mark.parametrize("left", [False, True], ids=["right", "left"])
def test_a_margin_note_is_listed_never_run_into_the_words(tmp_path: Path, left: bool) -> None:
    """A note printed in the margin beside a paragraph, in smaller type, is listed as
    left out: its first line is not read as the end (or the start) of the paragraph's
    line it shares a baseline with, nor its next lines as paragraphs or sections ("12
    March 2019," is no section 12)."""
    note = ("Amended by Council", "12 March 2019,", "minute 45")
    title = (64, 780, "Protocol on Member/Officer Relations", 15.0)
    pdf = drawn_pdf(tmp_path / "noted.pdf", [[title, *paragraphs(1, 750, note, left)]])
    doc = import_protocol(pdf)
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        (f"1.{n}", [f"Members and officers work {n} together with courtesy."]) for n in (1, 2, 3)
    ]
    assert [(line.text, why) for line, why in doc.left_out] == [
        (" ".join(note), "a note printed in the margin beside paragraph 1.2")
    ]
    assert not doc.defects


def test_a_heading_continued_over_a_page_is_left_out_once_printed(tmp_path: Path) -> None:
    """A heading printed again "(continued)" first on the next page is listed, its
    section going on; a heading ending "(continued)" that no heading before it prints is
    the protocol's own."""
    text = (
        "Member/Officer Protocol\n\nProtocol\n\n1. Scope\n\n"
        "1.1 Members and officers work together.\n\n"
        "1.2 Officers advise members.\n\fMember/Officer Protocol\n\n1. Scope (continued)\n\n"
        "1.3 Members decide.\n\n2. Training (continued)\n\n2.1 Members attend training.\n"
        "\fMember/Officer Protocol\n\n2.2 Officers attend training too.\n"
    )
    source = tmp_path / "protocol.txt"
    source.write_text(text, encoding="utf-8")
    doc = import_protocol(source)
    assert [(s.number, s.title, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("1", "Scope", ["1.1", "1.2", "1.3"]),
        ("2", "Training (continued)", ["2.1", "2.2"]),
    ]
    assert ("1. Scope (continued)", REPEATED) in [(line.text, why) for line, why in doc.left_out]


def test_a_blank_page_and_roman_page_numbers_are_left_out(tmp_path: Path) -> None:
    """A page that says it is left blank, and front pages numbered "i", "ii" at their
    foot, print nothing of the protocol."""
    pdf = drawn_pdf(
        tmp_path / "front.pdf",
        [
            [(64, 780, "Protocol on Member/Officer Relations", 15.0), (290, 40, "i", 8.0)],
            [(200, 760, "This page is intentionally left blank", 11.0), (290, 40, "ii", 8.0)],
            [*paragraphs(1, 760), (290, 40, "1", 8.0)],
            [*paragraphs(2, 760), (290, 40, "2", 8.0)],
        ],
    )
    doc = import_protocol(pdf)
    assert doc.intro.paragraphs == []
    assert [(s.number, len(s.clauses)) for s in doc.sections] == [("1", 3), ("2", 3)]
    left = [line.text for line, _ in doc.left_out]
    assert "ii" in left and "This page is intentionally left blank" in left


def test_a_further_block_in_an_item_or_a_term_is_its_own(tmp_path: Path) -> None:
    """A second <p> in a <dd> or an <li> is the paragraph's by the markup: kept with it
    and not reported as an unnumbered paragraph ("check it belongs there")."""
    page = tmp_path / "protocol.html"
    opened, closed = "<html><body><main><h1>Protocol</h1><h2>1. Scope</h2>", "</main></body></html>"
    page.write_text(
        f"{opened}<dl><dt>1.1</dt><dd><p>Members decide.</p><p>Officers advise.</p></dd>"
        f"<dt>1.2</dt><dd>Officers serve the Council.</dd></dl><h2>2. Review</h2><dl>"
        f"<dt>2.1</dt><dd>The Monitoring Officer reviews it.</dd></dl>{closed}",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        ("1.1", ["Members decide.", "Officers advise."]),
        ("1.2", ["Officers serve the Council."]),
        ("2.1", ["The Monitoring Officer reviews it."]),
    ]
    assert not doc.defects
    page.write_text(
        f"{opened}<ol><li><p>Members lead.</p><p>They answer to residents.</p></li>"
        f"<li>Officers advise.</li><li>Officers serve.</li></ol>"
        f"<h2>2. Review</h2><ol start='4'><li>The Monitoring Officer reviews it.</li></ol>{closed}",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    assert next(c.paragraphs for c in doc.clauses()) == [
        "Members lead.",
        "They answer to residents.",
    ]
    assert not doc.defects
