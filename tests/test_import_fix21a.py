"""The structure rules of issue 18 on ordinary protocols a review found them misread:
headings with a verb in a clause, Word line breaks, a sentence wrapped at a short
measure before a figure, and appendices listed in a numbered paragraph. Each input is a
whole file, in words of its own."""

from __future__ import annotations

from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from test_import_fix20a import imported, read

# Headings each with a verb in a clause, over one paragraph each
HEADED = (
    ("Visits - what is expected", "A member arranges a visit through the clerk."),
    ("The right to bring a colleague", "A member may bring a colleague to a meeting."),
    ("Papers you do not need to keep", "Draft agendas may be thrown away."),
    ("Subjects members cannot raise with staff", "Members leave staffing to managers."),
    ("If an officer is absent", "The officer's deputy answers instead."),
    ("Help when members are threatened", "The Council pays for security advice."),
)


def test_a_heading_with_a_verb_in_a_clause_is_still_a_heading(tmp_path: Path) -> None:
    """A heading whose verb is in a clause ("If an officer is absent"), after a
    determiner-less pair of words ("Papers you do not ...") or an infinitive ("to
    bring") heads its section in a text, in a Word file without heading styles and in
    a PDF whose headings are in bold type."""
    heads = [h for h, _ in HEADED]
    text = "Protocol on Visits\n\n" + "".join(f"{h}\n\n{p}\n\n" for h, p in HEADED)
    assert [s.title for s in imported(tmp_path, text).sections] == heads
    document = docx.Document()
    document.add_paragraph("Protocol on Visits")
    for heading, paragraph in HEADED:
        document.add_paragraph().add_run(heading).bold = True
        document.add_paragraph(paragraph)
    document.save(str(tmp_path / "visits.docx"))
    assert [s.title for s in import_protocol(tmp_path / "visits.docx").sections] == heads
    canvas = Canvas(str(tmp_path / "visits.pdf"), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(72, 780, "Protocol on Visits")
    y = 740.0
    for heading, paragraph in HEADED:
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(72, y, heading)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, y - 20, paragraph)
        y -= 56
    canvas.save()
    assert [s.title for s in import_protocol(tmp_path / "visits.pdf").sections] == heads


def test_a_word_line_break_within_a_heading_or_sentence_is_a_space(tmp_path: Path) -> None:
    """A line break in a Word paragraph is a space but before a list item's mark: a
    bold heading broken over two lines is one heading, a paragraph's sentences around
    two breaks stay its own, a date under a line is no item; "(a)" after a break still
    opens an item."""
    document = docx.Document()
    document.add_paragraph().add_run("Protocol on Site Visits").bold = True
    document.add_paragraph().add_run("Part 1\nArrangements").bold = True
    document.add_paragraph("Planning Office\nTown Hall\nHigh Street")
    document.add_paragraph().add_run("Part 2\nVisits").bold = True
    document.add_paragraph("2.1 Members travel together.\n\nTaxis are booked by the clerk.")
    document.add_paragraph(
        "2.2 A visit is attended by:\n(a) the ward members; and\n(b) an officer."
    )
    document.add_paragraph("2.3 Members wear safety boots on site.")
    document.add_paragraph("Agreed by the Committee\n4 June 2025")
    document.save(str(tmp_path / "visits.docx"))
    doc = import_protocol(tmp_path / "visits.docx")
    assert doc.title == "Protocol on Site Visits"
    assert [s.title for s in doc.sections] == ["Part 1 Arrangements", "Part 2 Visits"]
    written = read(doc)
    assert written["2.1"] == ["Members travel together. Taxis are booked by the clerk."]
    assert written["2.2"][1:] == ["- (a) the ward members; and", "- (b) an officer."]
    assert written["2.3"] == [
        "Members wear safety boots on site.",
        "Agreed by the Committee 4 June 2025",
    ]


HEARINGS = (
    "Protocol on Hearings",
    "1 Speaking",
    "1.1 A complainant may address the hearing panel for up to",
    "1 minute, and the member it concerns may then answer for",
    "2 minutes, before the panel withdraws to decide.",
    "1.2 The panel hears",
    "1 the investigator",
    "2 the member",
    "3 any witness",
    "2 Deciding",
    "2.1 The panel gives its decision and its reasons in writing to both of them.",
    "2.2 Its decision is final.",
)


def test_a_sentence_wrapped_short_before_figures_is_no_list(tmp_path: Path) -> None:
    """Lines that start 1, 2 in turn, each line before them full to the text's measure
    with no room for the next line's first word, are a sentence wrapped at a short
    measure; a lead-in with room to spare over lines 1, 2, 3 still has a list. So in a
    text, and in a PDF setting its paragraphs no further apart than its lines, a longer
    sentence alone under them."""
    text = "\n\n".join(HEARINGS[:2]) + "\n\n" + "\n".join(HEARINGS[2:5]) + "\n\n"
    text += "\n".join(HEARINGS[5:9]) + "\n\n" + "\n\n".join(HEARINGS[9:]) + "\n"
    canvas = Canvas(str(tmp_path / "hearings.pdf"), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    for n, line in enumerate(HEARINGS):
        canvas.drawString(72, 780 - 14 * n, line)
    canvas.save()
    for doc in (imported(tmp_path, text), import_protocol(tmp_path / "hearings.pdf")):
        assert {k: v for k, v in read(doc).items() if k.startswith("1.")} == {
            "1.1": [
                "A complainant may address the hearing panel for up to 1 minute, and the "
                "member it concerns may then answer for 2 minutes, before the panel "
                "withdraws to decide."
            ],
            "1.2": [
                "The panel hears",
                "- 1 the investigator",
                "- 2 the member",
                "- 3 any witness",
            ],
        }


ATTACHED = (
    "Protocol on Hospitality",
    "1 General",
    "1.1 This protocol applies to every councillor.",
    "1.2 The Council's forms for hospitality are these:",
    "Schedule 1 Offer of hospitality\nSchedule 2 Hospitality refused\nSchedule 3 Contacts",
    "2 Recording",
    "2.1 A councillor records an offer on the form at Schedule 1.",
    "Schedule 1 – Offer of hospitality",
    "Host:",
    "Schedule 2 – Hospitality refused",
    "Date:",
    "Schedule 3 – Contacts",
    "Clerk: 01632 960000",
)


def test_appendices_a_numbered_paragraph_lists_are_its_list(tmp_path: Path) -> None:
    """Lines naming the appendices right under a numbered paragraph's lead-in ending in
    a colon are that paragraph's list, not a contents left out, though the appendices
    follow the protocol under those names."""
    text = "\n\n".join(ATTACHED).replace(":\n\nSchedule 1", ":\nSchedule 1")
    document = docx.Document()
    for line in "\n".join(ATTACHED).split("\n"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "hospitality.docx"))
    for doc in (imported(tmp_path, text + "\n"), import_protocol(tmp_path / "hospitality.docx")):
        assert read(doc)["1.2"] == [
            "The Council's forms for hospitality are these:",
            "- Schedule 1 Offer of hospitality",
            "- Schedule 2 Hospitality refused",
            "- Schedule 3 Contacts",
        ]
        assert [a.title for a in doc.appendices] == [ATTACHED[i] for i in (7, 9, 11)]
        assert not [line for line, why in doc.left_out if "contents" in why]
