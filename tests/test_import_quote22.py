"""A quotation under a lead-in ending in a colon, and the words after it (issue 18): the
quoted paragraphs, set in from the margin, marked "> " or in Word's quotation style, are
further paragraphs of the paragraph quoting them, their mark no word; the words back at
the margin after them, or after a list set in, are the paragraph's own, not an item.
Each input is a whole protocol in words of its own."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.import_shapes import quotes_under
from constitution.importer import import_protocol
from test_import_fix20a import imported, read

LEAD = "The Standing Orders put the rule so:"
QUOTED = (
    "No member shall speak twice on one motion, except to reply.",
    "The chair decides any question of order.",
)
AFTER = "A member who breaks the rule may be asked to leave."
# what each form below must read as: the quotation, and the words after it, 1.2's own
READ = {
    "1.1": ["Members keep order in debate."],
    "1.2": [LEAD, *QUOTED, AFTER],
    "1.3": ["Officers advise on procedure."],
}


def protocol(quotation: str) -> str:
    return (
        "Debate Protocol\n\n1. Order\n\n1.1 Members keep order in debate.\n\n"
        f"1.2 {LEAD}\n\n{quotation}\n\n{AFTER}\n\n1.3 Officers advise on procedure.\n"
    )


def test_a_quotation_set_in_by_spaces_is_paragraphs_of_the_one_quoting_it(
    tmp_path: Path,
) -> None:
    """Set in eight spaces, its sentence wrapped over two lines: each quoted paragraph
    the paragraph's own, as is the sentence back at the margin; nothing reported."""
    wrapped = "        No member shall speak twice on one motion,\n        except to reply."
    doc = imported(tmp_path, protocol(f"{wrapped}\n\n        {QUOTED[1]}"))
    assert read(doc) == READ
    assert [d.kind for d in doc.defects] == []


def test_a_quotation_marked_in_a_text_loses_its_marks(tmp_path: Path) -> None:
    """Each line marked "> " (Markdown's block quote, a wrapped line too): the marks
    are no words."""
    marked = "> No member shall speak twice on one motion,\n> except to reply.\n>\n"
    doc = imported(tmp_path, protocol(f"{marked}> {QUOTED[1]}"))
    assert read(doc) == READ
    assert [d.kind for d in doc.defects] == []


def word_protocol(path: Path, quote: str | None) -> Path:
    """The protocol as a Word file, each quoted paragraph indented (``quote`` None) or in
    the quotation style named ``quote``."""
    document = docx.Document()
    document.add_paragraph("Debate Protocol", style="Title")
    document.add_paragraph("1. Order", style="Heading 1")
    document.add_paragraph("1.1 Members keep order in debate.")
    document.add_paragraph(f"1.2 {LEAD}")
    for words in QUOTED:
        paragraph = document.add_paragraph(words, style=quote)
        if quote is None:
            paragraph.paragraph_format.left_indent = Pt(36)
    document.add_paragraph(AFTER)
    document.add_paragraph("1.3 Officers advise on procedure.")
    document.save(str(path))
    return path


def test_a_quotation_indented_in_word_is_paragraphs_of_the_one_quoting_it(
    tmp_path: Path,
) -> None:
    doc = import_protocol(word_protocol(tmp_path / "indented.docx", None))
    assert read(doc) == READ
    assert [d.kind for d in doc.defects] == []


def test_a_quotation_in_word_s_quotation_style_is_paragraphs_of_the_one_quoting_it(
    tmp_path: Path,
) -> None:
    """Word's "Quote" style sets no indent of the paragraph's own: the style says it."""
    doc = import_protocol(word_protocol(tmp_path / "styled.docx", "Quote"))
    assert read(doc) == READ
    assert [d.kind for d in doc.defects] == []


def test_a_quotation_set_in_in_a_pdf_is_paragraphs_of_the_one_quoting_it(
    tmp_path: Path,
) -> None:
    """A PDF setting its paragraphs apart, the quotation drawn 30 points in from the
    lead-in's margin, its number drawn apart from its words."""
    canvas = Canvas(str(tmp_path / "debate.pdf"), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(72, 780, "Debate Protocol")
    canvas.drawString(72, 750, "1. Order")
    canvas.setFont("Helvetica", 11)
    y = 720.0
    for number, x, words in (
        ("1.1", 72, "Members keep order in debate."),
        ("1.2", 72, LEAD),
        ("", 102, QUOTED[0]),
        ("", 102, QUOTED[1]),
        ("", 72, AFTER),
        ("1.3", 72, "Officers advise on procedure."),
    ):
        if number:
            canvas.drawString(x, y, number)
        canvas.drawString(x + 30 if number else x, y, words)
        y -= 24
    canvas.save()
    doc = import_protocol(tmp_path / "debate.pdf")
    assert read(doc) == READ


def test_short_set_in_fragments_under_a_lead_in_stay_items(tmp_path: Path) -> None:
    """Fragments with no full stop, set in under a lead-in, are its list, as before."""
    doc = imported(
        tmp_path,
        "Debate Protocol\n\n1. Order\n\n1.1 Points of order go to:\n\n        the chair\n\n"
        "        the clerk\n\n1.2 Officers advise on procedure.\n",
    )
    assert read(doc)["1.1"] == ["Points of order go to:", "- the chair", "- the clerk"]


def test_words_back_at_the_margin_after_a_list_set_in_are_the_paragraph_s(
    tmp_path: Path,
) -> None:
    """After items set in under a lead-in, a paragraph at the lead-in's margin is the
    paragraph going on, not a further item; an item's line wrapped and set in under its
    words stays in the item."""
    doc = imported(
        tmp_path,
        "Debate Protocol\n\n1. Order\n\n1.1 Points of order go to:\n\n"
        "    (a) the chair, who rules on them at\n        once; or\n\n"
        "    (b) the clerk\n\n"
        "Either may ask the Monitoring Officer.\n\n1.2 Officers advise on procedure.\n",
    )
    assert read(doc)["1.1"] == [
        "Points of order go to:",
        "- (a) the chair, who rules on them at once; or",
        "- (b) the clerk",
        "Either may ask the Monitoring Officer.",
    ]
    assert [d.kind for d in doc.defects] == []


def test_a_numbered_paragraph_s_hanging_lines_are_no_quotation(tmp_path: Path) -> None:
    """A paragraph hanging under its number, its further paragraph set in to its words'
    margin: at the paragraph's margin, not set in from it, so no quotation."""
    doc = imported(
        tmp_path,
        "Debate Protocol\n\n1. Order\n\n1.1  Members keep order. The rules on it\n"
        "     are these:\n\n     Each member speaks once.\n\n"
        "1.2  Officers advise on procedure.\n",
    )
    assert read(doc)["1.1"] == [
        "Members keep order. The rules on it are these:",
        "- Each member speaks once.",
    ]


DUTIES = (
    "The Grants Officer will:",
    "Publish the scheme each April.",
    "Check every application within ten days.",
)
DEFINITIONS = (
    "In this protocol:",
    '"Applicant" means a group that applies for a grant.',
    '"Grant" means a sum the Council awards.',
)


def word_list(path: Path, lead: str, items: tuple[str, ...]) -> Path:
    """A protocol as a Word file, 1.1's ``items`` indented under its ``lead``."""
    document = docx.Document()
    document.add_paragraph("Grants Protocol", style="Title")
    document.add_paragraph("1. Grants", style="Heading 1")
    document.add_paragraph(f"1.1 {lead}")
    for words in items:
        document.add_paragraph(words).paragraph_format.left_indent = Pt(36)
    document.add_paragraph("1.2 The committee decides each grant.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("form", ["text", "word"])
@pytest.mark.parametrize("listed", [DUTIES, DEFINITIONS], ids=["duties", "definitions"])
def test_set_in_sentences_under_a_lead_in_that_quotes_nothing_stay_items(
    tmp_path: Path, form: str, listed: tuple[str, ...]
) -> None:
    """A list of duties or definitions, each a whole sentence set in under "... will:"
    or "In this protocol:", is the paragraph's list: being set in and whole sentences
    is not enough to make a quotation."""
    lead, *items = listed
    if form == "text":
        body = "".join(f"        {item}\n\n" for item in items)
        doc = imported(
            tmp_path,
            f"Grants Protocol\n\n1. Grants\n\n1.1 {lead}\n\n{body}"
            "1.2 The committee decides each grant.\n",
        )
    else:
        doc = import_protocol(word_list(tmp_path / "grants.docx", lead, tuple(items)))
    assert read(doc)["1.1"] == [lead, *(f"- {item}" for item in items)]


def test_a_paragraph_in_quotation_marks_whole_is_quoted_under_any_lead_in(
    tmp_path: Path,
) -> None:
    """Set in and in quotation marks from its first word to its last, a paragraph is a
    quotation's whatever the lead-in's words."""
    declaration = "\u201cI will serve the Council and its residents faithfully.\u201d"
    doc = imported(
        tmp_path,
        "Grants Protocol\n\n1. Grants\n\n1.1 Each member signs the declaration:\n\n"
        f"        {declaration}\n\n1.2 The committee decides each grant.\n",
    )
    assert read(doc)["1.1"] == ["Each member signs the declaration:", declaration]


@pytest.mark.parametrize(
    ("lead", "quotes"),
    [
        ("The Code says, at para. 3:", True),
        ("Paragraph 3 of the Code provides:", True),
        ("The Regulations state:", True),
        ("The Standing Orders put it in these words:", True),
        ("The Code says that members must:", False),
        ("The Code sets out the following:", False),
        ("Members must read the Code. The rules are:", False),
        ("Officers will:", False),
    ],
)
def test_a_lead_in_quotes_by_a_verb_of_saying(lead: str, quotes: bool) -> None:
    assert quotes_under(lead, "A sentence set in.") is quotes
