"""Faults of `constitution import` the earlier trials left (issues 18 and 19), each shown
by a document made here from a source in tests/import_left16 (its words our own, its
facts real councils'), each test failing before its fix."""

from __future__ import annotations

import re
from math import ceil
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from constitution import revision
from constitution.importer import import_protocol

SOURCES = Path(__file__).parent / "import_left16"

# Two columns on A4: where each starts, and how wide each is
LEFT, RIGHT, COLUMN = 64.0, 310.0, 222.0
BODY, LEADING, APART = 10, 13.0, 6.0


def sourced(name: str) -> list[tuple[str, str]]:
    """The source's lines, each its kind ("title", "p"...; "line" for a paragraph's line,
    "NUMBER<tab>words" or "<tab>words") and its words."""
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    return [("line", line) if "\t" in line else tuple(line.split(": ", 1)) for line in lines]


def in_columns(source: str, path: Path, right_first: bool = True) -> Path:
    """The source set on one page: its title, then each heading across the page with its
    paragraphs under it in two columns (the left filled first, by lines), each band's
    right column drawn before its left (as some layout software writes a page) or
    after it."""
    canvas = Canvas(str(path), pagesize=A4)
    y = 780.0
    bands: list[tuple[str, list[str]]] = []
    for kind, text in sourced(source):
        if kind == "title":
            canvas.setFont("Helvetica-Bold", 15)
            canvas.drawString(LEFT, y, text)
        elif kind == "wide":
            bands.append((text, []))
        else:
            bands[-1][1].append(text)
    for heading, paragraphs in bands:
        y -= 30
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(LEFT, y, heading)
        y -= 20
        lines = [
            (n > 0, line)
            for paragraph in paragraphs
            for n, line in enumerate(simpleSplit(paragraph, "Helvetica", BODY, COLUMN))
        ]
        half = ceil(len(lines) / 2)
        canvas.setFont("Helvetica", BODY)
        bottom = y
        columns = [(LEFT, lines[:half]), (RIGHT, lines[half:])]
        for x, column in columns[::-1] if right_first else columns:
            at = y
            for n, (goes_on, line) in enumerate(column):
                at -= 0 if n == 0 else LEADING + (0 if goes_on else APART)
                canvas.drawString(x, at, line)
            bottom = min(bottom, at)
        y = bottom
    canvas.showPage()
    canvas.save()
    return path


@pytest.mark.parametrize("right_first", [True, False], ids=["right-first", "left-first"])
def test_two_columns_are_read_left_then_right(tmp_path: Path, right_first: bool) -> None:
    """A page in two columns is read as a reader reads it, whichever column its file
    draws first: the heading across the page, the left column, then the right; every
    paragraph whole, in its order, none run into another (a heading over the columns
    set short, within the left column's width)."""
    pdf = in_columns("columns.pdf.txt", tmp_path / "columns.pdf", right_first)
    doc = import_protocol(pdf)
    printed = [text for kind, text in sourced("columns.pdf.txt") if kind == "p"]
    titles = ["Purpose and scope", "Advice and political neutrality"]
    assert [s.title for s in doc.sections] == titles
    assert [f"{c.number} {' '.join(c.paragraphs)}" for c in doc.clauses()] == printed


def spaced(source: str, path: Path) -> Path:
    """The source drawn on one page: the title and sections' headings in bold, the rest
    in the body's type, a paragraph apart from the one before by a little more than the
    body's spacing of lines, and a sub-heading by a line's height above and half of one
    below."""
    canvas = Canvas(str(path), pagesize=A4)
    y = 780.0
    for kind, text in sourced(source):
        bold, size, x = kind in ("title", "h"), 15 if kind == "title" else BODY, LEFT
        if kind in ("title", "h"):
            y -= 10
        elif kind == "sub":
            y -= LEADING
        elif kind == "line":  # its number (if any) before the tab
            number, _, text = text.partition("\t")
            if number:
                y -= APART
                canvas.setFont("Helvetica", BODY)
                canvas.drawString(LEFT, y, number)
            x = LEFT + 34
        canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        canvas.drawString(x, y, text)
        y -= LEADING + (APART if kind == "sub" else 0)
    canvas.showPage()
    canvas.save()
    return path


def test_a_heading_set_apart_only_by_space_is_a_heading(tmp_path: Path) -> None:
    """A sub-heading in the body's type, marked only by the space above and below it, a
    short line of its own with no full stop, is a heading between the paragraphs, never
    words of the paragraph before it or after it (numbered or not). A paragraph's last
    line, short and with no full stop, stays its paragraph's."""
    doc = import_protocol(spaced("spaced-heading.pdf.txt", tmp_path / "spaced.pdf"))
    said = {c.number: c for c in doc.clauses()}
    assert said["1.2"].paragraphs[-1].endswith("who is the Head of Paid Service")
    assert said["1.3"].headings == ["Advice to political groups"]
    assert said["1.3"].paragraphs[0].startswith("Officers may brief")
    after = said["1.4"].after
    assert [(n in after.titles, words[:22]) for n, words in enumerate(after.paragraphs)] == [
        (True, "Working with the media"),
        (False, "The Council's press of"),
    ]


def typed_in_normal(source: str, path: Path, mark: str) -> Path:
    """A Word file of the source, every paragraph in the Normal style: "bold: " a line
    whose one run is set apart (``mark``: in bold, or larger than the body), "plain: "
    and "p: " plain lines; "title: " in Word's Title."""
    document = docx.Document()
    for kind, text in sourced(source):
        if kind == "title":
            document.add_paragraph(text, style="Title")
            continue
        run = document.add_paragraph().add_run(text)
        if kind == "bold" and mark == "bold":
            run.bold = True
        elif kind == "bold":
            run.font.size = Pt(14)
    document.save(str(path))
    return path


@pytest.mark.parametrize("mark", ["bold", "larger"])
def test_a_plain_line_in_the_normal_style_is_no_section(tmp_path: Path, mark: str) -> None:
    """In a Word file typed in Normal whose sections' headings are unnumbered, a line is a
    section's heading when a reader sees one: bold or larger, short, no full stop, with
    numbered paragraphs after it. A short plain line among the paragraphs is the words of
    the section it stands in, never a section."""
    made = typed_in_normal("unnumbered-headings.docx.txt", tmp_path / "n.docx", mark)
    doc = import_protocol(made)
    assert [(s.title, [c.key for c in s.clauses]) for s in doc.sections] == [
        ("The roles of councillors and officers", ["1", "2", "3"]),
        ("Advice to councillors", ["4", "5"]),
    ]


def test_a_number_printed_twice_where_the_next_was_meant_is_one_fault() -> None:
    """ "2." printed over two sections, then "4.": one fault, a number printed twice where
    3 was meant, reported once naming both lines: no skip from 2 to 4 (4 follows 3, as
    meant), and the second section's paragraphs numbered as the first's ("2.1" again)
    said under it. "(2)" printed twice, then "(4)", likewise."""
    sections = import_protocol(SOURCES / "printed-twice.txt").defects
    items = import_protocol(SOURCES / "printed-twice-items.txt").defects
    faults = [(d.kind, d.number, d.where.line if d.where else 0) for d in sections + items]
    assert faults == [("duplicate-number", "2", 13), ("duplicate-number", "(2)", 9)]
    assert sections[0].message.startswith(
        "section 2 at line 13 is numbered the same as the section at line 9, where 3 was meant"
    )
    assert items[0].message.startswith(
        "paragraph (2) at line 9 is numbered the same as the paragraph at line 7, where (3) "
        "was meant"
    )
    assert sections[0].consequences == [
        "so 2.1 at line 15 is numbered the same as the paragraph at line 11"
    ]
    assert items[0].consequences == []


def test_a_measure_a_sum_or_a_version_is_no_reference(tmp_path: Path) -> None:
    """A number followed by a unit ("see 3.5 metres", "within 2.5 hours"), after a
    currency's sign ("£1.50") or naming a version ("version 2.1") is no reference, in a
    document that has paragraphs of those numbers: never linked, never listed. "see
    3.5", "paragraph 3.5 above" and "3.5(b)" still link to 3.5."""
    from constitution.import_myst import render

    doc = import_protocol(SOURCES / "measures.txt")
    written = "\n".join(render(doc, "MOP").values())
    linked = re.findall(r"(\S+ \S+ )\{para\}`([^`]+)`(\S*)", written)
    assert linked == [
        ("steps in ", "3.5 <MOP-0014>", "(b)."),
        ("reply; see ", "3.5 <MOP-0014>", "."),
        ("under paragraph ", "3.5 <MOP-0014>", ""),
    ]
    for measure in ("see 3.5 metres", "within 2.5 hours", "£1.50 a head", "version 2.1,"):
        assert measure in written
    assert not [d for d in doc.defects if d.kind.endswith("reference")]


def test_a_paragraph_grown_or_split_keeps_its_id() -> None:
    """A revision's paragraph that keeps every word of a current one, in order, with more
    than as many again added (a sentence added after each of its own), revises it; of a
    paragraph split into three, each part's words all the current one's, the part
    holding most of them revises it and the others are new. A new paragraph that only
    shares a sentence with a dropped one does not revise it."""
    old, new = (
        [revision.Paragraph(c.key, c.text) for c in import_protocol(SOURCES / name).clauses()]
        for name in ("revised-old.txt", "revised-new.txt")
    )
    found = {new[m.new].number: old[m.old].number for m in revision.match(old, new)}
    assert found == {"1.1": "1.1", "1.2": "1.2", "1.6": "1.4"}
