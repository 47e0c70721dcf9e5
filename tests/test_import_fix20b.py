"""What a careful reader sees that the importer missed in the blind trial of issue 18
(tests/import_made19): a list item's further paragraph in a Word file; a sub-heading
at a PDF's page top, set in the body's type; a paragraph another document's words are
said to hold; a contents row naming an appendix."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from constitution.references import Targets, link
from import_software import abstract_list, element, instance, numbered


def test_a_list_item_s_further_paragraph_in_word_is_the_item_s(tmp_path: Path) -> None:
    """Pandoc writes a list item's further paragraph in a list whose mark is blank (a
    bullet drawn as a space): set at the item's indent with no mark of its own, it is the
    numbered paragraph's own, a paragraph of it, or its sentence going on after a page
    break; never an item."""
    document = docx.Document()
    numbering = abstract_list(document, 80, [("decimal", "%1.", "", False)])
    abstract_list(document, 81, [("bullet", " ", "", False)])
    instance(numbering, 80, 80, {})
    instance(numbering, 81, 81, {})
    document.add_paragraph("Protocol", style="Title")
    document.add_heading("Staff", level=1)
    for text, num in (
        ("Staff act impartially.", 80),
        ("They give every councillor the same advice.", 81),
        ("Staff give advice to any councillor", 80),
        ("who asks for it.", 81),
        ("Staff keep records.", 80),
    ):
        numbered(document.add_paragraph(text)._p.get_or_add_pPr(), num, 0)
    document.save(str(tmp_path / "protocol.docx"))
    doc = import_protocol(tmp_path / "protocol.docx")
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        ("1.", ["Staff act impartially.", "They give every councillor the same advice."]),
        ("2.", ["Staff give advice to any councillor who asks for it."]),
        ("3.", ["Staff keep records."]),
    ]
    assert not doc.defects


def test_a_picture_bullet_with_a_blank_text_marks_an_item(tmp_path: Path) -> None:
    """A bullet drawn as a picture (w:lvlPicBulletId) has no text of its own: it draws a
    mark, so its paragraphs are items, not a paragraph going on the one before."""
    document = docx.Document()
    numbering = abstract_list(document, 80, [("decimal", "%1.", "", False)])
    abstract_list(document, 81, [("bullet", "", "", False)])
    abstract = numbering.find(qn("w:abstractNum"))  # the last made stands first
    abstract.find(qn("w:lvl")).append(element("w:lvlPicBulletId", val="0"))
    instance(numbering, 80, 80, {})
    instance(numbering, 81, 81, {})
    document.add_paragraph("Protocol", style="Title")
    document.add_heading("Staff", level=1)
    for text, num in (("Staff serve every councillor.", 80), ("Staff keep records.", 81)):
        numbered(document.add_paragraph(text)._p.get_or_add_pPr(), num, 0)
    document.save(str(tmp_path / "protocol.docx"))
    doc = import_protocol(tmp_path / "protocol.docx")
    assert doc.clauses()[0].paragraphs == ["Staff serve every councillor.", "- Staff keep records."]


MARGIN, HANG, TOP = 72, 96, 760  # points: the page's margin, a paragraph's hanging indent
PITCH, APART = 14, 22  # a paragraph's lines one under another; paragraphs set apart


def typeset(path: Path, pages: list[list[list[str]]]) -> Path:
    """A PDF in one type (a text's as LibreOffice draws it, pandoc's lists in a hanging
    indent): each page its paragraphs set apart, a paragraph's first line at the margin
    and its wrapped lines under its words; a paragraph whose first line is "" goes on
    from the page before, every line of it under the words."""
    canvas = Canvas(str(path), pagesize=A4)
    for page in pages:
        canvas.setFont("Helvetica", 11)
        y = float(TOP)
        for paragraph in page:
            for at, line in enumerate(paragraph):
                if line:
                    canvas.drawString(HANG if at else MARGIN, y, line)
                    y -= PITCH
            y -= APART - PITCH
        canvas.showPage()
    canvas.save()
    return path


def test_a_short_line_at_a_page_s_top_set_out_from_the_paragraph_heads_the_next(
    tmp_path: Path,
) -> None:
    """A short line in sentence case at a page's top, set at the margin left of the
    wrapped lines of the paragraph ending the page before, cannot be that paragraph going
    on: a line of its own, over a paragraph of its section, it is that paragraph's
    heading, though the page hides the space above it. A line at the top set under the
    wrapped lines goes on the paragraph."""
    page_one = [
        ["Protocol"],
        ["1 PURPOSE"],
        ["1.1 Councillors and officers work together for the", "residents of the district."],
        ["1.2 This protocol applies to every councillor."],
        ["2 MEETINGS"],
        ["2.1 Officers attend meetings to give advice and to take", "the minutes."],
        ["2.2 A close friendship between a councillor and an officer", "is told to the Clerk."],
    ]
    page_two = [
        ["Political group meetings"],
        ["2.3 An officer may brief a political group on a matter", "of Council business."],
        ["2.4 These rules apply to meetings held online and to", "meetings held in"],
    ]
    page_three = [["", "private."], ["2.5 Officers keep a note of each briefing."]]
    pages = [page_one, page_two, page_three]
    doc = import_protocol(typeset(tmp_path / "protocol.pdf", pages))
    briefed = "An officer may brief a political group on a matter of Council business."
    online = "These rules apply to meetings held online and to meetings held in private."
    told = "A close friendship between a councillor and an officer is told to the Clerk."
    assert [(c.number, c.headings, c.paragraphs) for c in doc.clauses()][3:6] == [
        ("2.2", [], [told]),
        ("2.3", ["Political group meetings"], [briefed]),
        ("2.4", [], [online]),
    ]
    assert not doc.defects


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("The Members' Code of Conduct says, at paragraph 3:", ["external-reference"]),
        ("The Code of Conduct provides, in paragraph 3.1, that", ["external-reference"]),
        ("The Code says, at paragraph 3 above, that", ["heading-reference"]),
    ],
)
def test_a_paragraph_a_named_document_is_said_to_hold_is_that_document_s(
    text: str, reported: list[str]
) -> None:
    """ "The Members' Code of Conduct says, at paragraph 3:" quotes the Code's paragraph:
    kept as text, reported as another document's, not linked to this document's nor
    taken for a heading's number; a position word ("above") makes it this document's."""
    targets = Targets(dotted={"3.1": "T-1"}, whole={}, parts=set(), sections={"3": (3, "Roles")})
    out, unresolved = link(text, targets, lambda _: None, lambda _: False)
    assert [u.kind for u in unresolved] == reported
    assert out == text


@pytest.mark.parametrize(
    "text",
    [
        "This Code provides, in paragraph 3.1, that",
        "This Protocol states at paragraph 3.1 that",
        "These Rules require, under paragraph 3.1, that",
        "The present Code says, at paragraph 3.1:",
    ],
)
def test_the_document_naming_itself_holds_its_own_paragraph(text: str) -> None:
    """ "This Code provides, in paragraph 3.1" in the Code itself: "this", "these" or
    "the present" before the document's name makes it the document's own paragraph,
    linked as "paragraph 3.1" alone is, no other document's."""
    targets = Targets(dotted={"3.1": "T-1"}, whole={}, parts=set(), sections={})
    out, unresolved = link(text, targets, lambda _: None, lambda _: False)
    assert not unresolved
    assert "{para}`3.1 <T-1>`" in out


@pytest.mark.parametrize("between", ["\t", " "])
def test_a_contents_row_naming_a_later_heading_is_the_contents(
    tmp_path: Path, between: str
) -> None:
    """A contents table's last row names an appendix ("Appendix<tab>Useful Contacts",
    its tab lost in a PDF): a row of the contents, left out with its numbered rows, not
    the introduction's words."""
    source = tmp_path / "protocol.txt"
    rows = [f"Section{between}Subject", f"1{between}Purpose", f"2{between}Roles"]
    rows += [f"3{between}Meetings", f"Appendix{between}Useful Contacts"]
    source.write_text(
        "Protocol\n\nThis protocol was agreed in 2024.\n\n" + "\n".join(rows) + "\n\n"
        "1. Purpose\n\n1.1 Members decide.\n\n2. Roles\n\n2.1 Officers advise.\n\n"
        "3. Meetings\n\n3.1 Officers attend.\n\nAppendix – Useful Contacts\n\n"
        "Monitoring Officer: extension 4410\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert doc.intro.paragraphs == ["This protocol was agreed in 2024."]
    left = [" ".join(line.text.split()) for line, _ in doc.left_out]
    assert left[:5] == [" ".join(row.split()) for row in rows]


def test_a_contents_run_into_a_paragraph_with_its_header_and_an_appendix_is_left_out(
    tmp_path: Path,
) -> None:
    """Pandoc makes a text's contents table one paragraph: its header row's labels first
    ("Section Subject"), an appendix's entry last ("Appendix Useful Contacts" for the
    heading "Appendix – Useful Contacts"). The whole paragraph is the contents, left out
    and listed, none of it the introduction's."""
    run = "Section Subject 1 Purpose 2 Roles 3 Meetings Appendix Useful Contacts"
    document = docx.Document()
    document.add_heading("Protocol", level=0)
    document.add_paragraph("This protocol was agreed in 2024.")
    document.add_paragraph(run)
    for number, title, words in (
        ("1", "Purpose", "Members decide."),
        ("2", "Roles", "Officers advise."),
        ("3", "Meetings", "Officers attend."),
    ):
        document.add_heading(f"{number}. {title}", level=1)
        document.add_paragraph(f"{number}.1 {words}")
    document.add_heading("Appendix – Useful Contacts", level=1)
    document.add_paragraph("Monitoring Officer: extension 4410")
    document.save(str(tmp_path / "protocol.docx"))
    doc = import_protocol(tmp_path / "protocol.docx")
    assert doc.intro.paragraphs == ["This protocol was agreed in 2024."]
    assert doc.left_out[0][0].text == run
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "Purpose"),
        ("2", "Roles"),
        ("3", "Meetings"),
    ]
