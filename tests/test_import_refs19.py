"""Faults seen when protocols published as plain text are made into Word and PDF by the
programs a council uses (LibreOffice, pandoc), each read back as the text is read (issue
18): a bracket closed on the next line, a number alone before the next paragraph, a
contents list run into one paragraph or broken across lines, a paragraph a PDF sets
apart, a sentence broken by a blank line, a table typed with tabs in Word. Every input is
written here, in the shapes those files take."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.import_model import Imported
from constitution.importer import import_protocol

LEFT, TOP, BODY = 56, 790, 10  # points
PITCH = 12  # the body's spacing of lines


def pdf(path: Path, paragraphs: Sequence[Sequence[str]], *, apart: bool = True) -> Path:
    """A PDF of paragraphs, each its lines, drawn as LibreOffice draws a text file: one
    font and size throughout; each paragraph a blank line under the one before where
    ``apart`` (a text's blank lines), else straight under it."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", BODY)
    y = float(TOP)
    for paragraph in paragraphs:
        for line in paragraph:
            canvas.drawString(LEFT, y, line)
            y -= PITCH
        if apart:
            y -= PITCH
    canvas.save()
    return path


def text(path: Path, paragraphs: Sequence[Sequence[str]]) -> Path:
    path.write_text("\n\n".join("\n".join(p) for p in paragraphs) + "\n", encoding="utf-8")
    return path


def numbered(doc: Imported) -> list[str]:
    return [c.number for c in doc.clauses()]


def kinds(doc: Imported) -> list[tuple[str, str]]:
    return sorted((d.kind, d.number) for d in doc.defects)


def words(doc: Imported) -> list[str]:
    return [" ".join(c.paragraphs) for c in doc.clauses()]


def test_a_line_closing_a_bracket_the_line_before_opened_goes_on_it(tmp_path: Path) -> None:
    """ "(para." at a line's end, "2)" alone on the next: the citation closing, not an
    item "2)" of the paragraph, and never one swallowing the next paragraph's number."""
    lines = [
        ["Protocol on Councillors and Staff"],
        ["1. Roles"],
        [
            "1.1 Councillors set the policies and officers carry them out, as the",
            "national guidance on local government puts it (para.",
            "2)",
        ],
        ["1.2 Officers serve the whole Council, not a party."],
        ["1.3 Each respects the other's part in the work of the Council."],
    ]
    doc = import_protocol(pdf(tmp_path / "roles.pdf", lines, apart=False))
    assert numbered(doc) == ["1.1", "1.2", "1.3"]
    assert words(doc)[0].endswith("puts it (para. 2)")
    assert not [d for d in doc.defects if d.kind == "skipped-number"]


def test_a_number_alone_never_takes_the_next_paragraph_s_number(tmp_path: Path) -> None:
    """An item's label printed with no words ("(a)") and the next numbered paragraph
    after it: the paragraph keeps its number; the label stays where it stands."""
    source = text(
        tmp_path / "roles.txt",
        [
            ["1. Roles"],
            ["1.1 Councillors may ask officers for:"],
            ["(a)"],
            ["1.2 Officers answer within ten working days."],
            ["1.3 Each respects the other's part in the work of the Council."],
        ],
    )
    doc = import_protocol(source)
    assert numbered(doc) == ["1.1", "1.2", "1.3"]
    assert words(doc)[1] == "Officers answer within ten working days."
    assert "(a)" in words(doc)[0]


SECTIONS = [
    ("1", "Scope", ["1.1 The protocol applies to every councillor and officer."]),
    ("2", "Roles of Councillors", ["2.1 Councillors decide the Council's policies."]),
    ("3", "Roles of Officers", ["3.1 Officers advise and carry out decisions."]),
    ("4", "Working Together", ["4.1 Each treats the other with courtesy."]),
    ("5", "Complaints", ["5.1 A complaint goes to the Monitoring Officer."]),
]
RUN_TOGETHER = " ".join(f"{n} {title}" for n, title, _ in SECTIONS)


def contents_read(doc: Imported) -> None:
    """The document read as its sections and paragraphs, the contents left out, each
    entry listed as one, as a contents table a line to an entry is."""
    assert [(s.number, s.title) for s in doc.sections] == [(n, t) for n, t, _ in SECTIONS]
    assert numbered(doc) == [f"{n}.1" for n, _, _ in SECTIONS]
    assert not doc.intro.paragraphs
    assert [n for kind, n in kinds(doc) if kind == "contents"] == sorted(n for n, _, _ in SECTIONS)
    assert not [d for d in doc.defects if d.kind != "contents"]
    out = " ".join(line.text for line, _ in doc.left_out)
    assert " ".join(out.split()).endswith(RUN_TOGETHER)


def with_contents(folder: Path, contents: list[str]) -> Path:
    """A Word file: the title set as a heading, the contents' paragraphs, then SECTIONS,
    each under its heading."""
    document = docx.Document()
    document.add_heading("Protocol on Councillors and Staff", 1)
    for paragraph in contents:
        document.add_paragraph(paragraph)
    for n, title, paragraphs in SECTIONS:
        document.add_heading(f"{n} {title}", 2)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.save(str(folder / "protocol.docx"))
    return folder / "protocol.docx"


def test_a_contents_list_run_into_one_word_paragraph_is_left_out(tmp_path: Path) -> None:
    """pandoc writes a text's contents table, a line to an entry, as one paragraph: the
    numbers and titles of the document's own sections, in order, are its contents."""
    contents_read(import_protocol(with_contents(tmp_path, ["Paragraph Subject", RUN_TOGETHER])))


def test_a_contents_list_an_entry_a_paragraph_is_left_out(tmp_path: Path) -> None:
    """A script's Word file of a text (a line a paragraph, the title set as a heading): its
    contents an entry a paragraph, "1<tab>Scope", under a header row, a blank paragraph
    between, are the contents with their header, not paragraphs of the title's section."""
    entries = [f"{n}\t{title}" for n, title, _ in SECTIONS]
    contents_read(import_protocol(with_contents(tmp_path, ["Paragraph\tSubject", "", *entries])))


def test_a_contents_list_broken_across_a_pdf_s_lines_is_left_out(tmp_path: Path) -> None:
    """The same paragraph printed to PDF, broken where the line is full: a line starting
    "4 Working Together" is an entry of the contents, not paragraph 4."""
    lines = [
        ["Protocol on Councillors and Staff"],
        ["Paragraph Subject"],
        ["1 Scope 2 Roles of Councillors 3 Roles of Officers", "4 Working Together 5 Complaints"],
    ]
    for n, title, paragraphs in SECTIONS:
        lines += [[f"{n} {title}"], *[[p] for p in paragraphs]]
    contents_read(import_protocol(pdf(tmp_path / "protocol.pdf", lines)))


PARAGRAPHS = [
    ["Protocol on Councillors and Staff"],
    ["1. Roles"],
    [
        "1.1 Councillors set the Council's policies and officers carry them out on the",
        "Council's behalf, each within the part the law and the constitution give them.",
    ],
    [
        "1.2 Officers advise every councillor, whatever the party, with equal care and",
        "with the same frankness, in committee and outside it.",
    ],
    ["Officers give that advice in writing when a councillor asks for it."],
    [
        "1.3 Each respects the other's part in the work of the Council and says so when",
        "the other's part is questioned in public.",
    ],
    ["1.4 A councillor with a concern speaks to the officer's manager first."],
    ["2. Review"],
    [
        "2.1 The Standards Committee reviews the protocol every year and reports to the",
        "Council on how it has worked and what should change.",
    ],
    ["Questions about this protocol go to the Monitoring Officer."],
]


def test_a_pdf_reports_a_paragraph_it_sets_apart_as_the_text_does(tmp_path: Path) -> None:
    """A PDF that sets its paragraphs apart: a paragraph with no number set apart after a
    numbered one is said, as in the text; one closing the document stays after the last
    paragraph, not in it; the text and the PDF read alike."""
    read = import_protocol(text(tmp_path / "roles.txt", PARAGRAPHS))
    printed = import_protocol(pdf(tmp_path / "roles.pdf", PARAGRAPHS))
    assert ("unnumbered-paragraph", "1.2") in kinds(read)
    assert kinds(printed) == kinds(read)
    assert [c.paragraphs for c in printed.clauses()] == [c.paragraphs for c in read.clauses()]
    assert [c.after.paragraphs for c in printed.clauses()] == [
        c.after.paragraphs for c in read.clauses()
    ]
    assert read.clauses()[-1].after.paragraphs == [PARAGRAPHS[-1][0]]


BROKEN = [
    ["Protocol on Councillors and Staff"],
    ["1. Papers"],
    [
        "1.1 Each councillor may inspect the papers, the minutes and the background",
        "papers for the public part of any meeting of the Council, Cabinet,",
    ],
    [
        "Panel or Committee. Papers marked confidential are open only to those who",
        "need them to do their duties as councillors.",
    ],
    [
        "1.2 Officers keep the papers of every meeting for six years after it and then",
        "destroy them.",
    ],
    [
        "1.3 A request for older papers goes to the Monitoring Officer, who answers it",
        "in writing.",
    ],
]


def test_a_sentence_broken_by_a_blank_line_is_one_paragraph(tmp_path: Path) -> None:
    """A paragraph left mid-sentence (no closing punctuation) and the words that finish
    the sentence after a blank line, as a text exported from a page break prints them:
    one paragraph, no unnumbered paragraph said; the join noted for review."""
    for source in (text(tmp_path / "papers.txt", BROKEN), pdf(tmp_path / "papers.pdf", BROKEN)):
        doc = import_protocol(source)
        assert doc.clauses()[0].paragraphs == [" ".join(BROKEN[2] + BROKEN[3])[4:]], source
        assert not [d for d in doc.defects if d.kind == "unnumbered-paragraph"], source
        assert any("Panel or Committee" in note for note in doc.extracted.notes), source


ROWS = ["Kind of request\tTime to answer", "Routine\tTen working days", "Urgent\tFive working days"]


def test_a_table_typed_with_tabs_in_word_is_read_as_its_rows(tmp_path: Path) -> None:
    """Paragraphs one after another whose words a tab splits into cells, as LibreOffice
    writes a text's tab-separated lines to Word: a table's rows, as the text's are, not
    unnumbered paragraphs."""
    lines = [
        ["1. Enquiries"],
        ["1.1 Officers answer a councillor's enquiry in the time its kind allows:"],
        ROWS,
        ["1.2 An officer away from work sets an automatic reply."],
        ["1.3 Officers and councillors agree longer times where needed."],
    ]
    read = import_protocol(text(tmp_path / "enquiries.txt", lines))
    document = docx.Document()
    for paragraph in lines:
        for line in paragraph:
            document.add_paragraph(line)
    document.save(str(tmp_path / "enquiries.docx"))
    written = import_protocol(tmp_path / "enquiries.docx")
    assert not [d for d in read.defects if d.kind == "unnumbered-paragraph"]
    assert kinds(written) == kinds(read)
    assert [c.paragraphs for c in written.clauses()] == [c.paragraphs for c in read.clauses()]


def test_paragraphs_a_typed_label_and_a_tab_open_are_no_table(tmp_path: Path) -> None:
    """ "1.1a<tab>..." and "Stage 2<tab>..." are labels typed before a paragraph's words,
    as "1.2<tab>" is: two such paragraphs running are paragraphs, never a table's rows."""
    document = docx.Document()
    for line in (
        "1. Complaints",
        "1.1 A complaint is dealt with in stages.",
        "1.1a\tA complaint may be made by e-mail.",
        "1.1b\tA complaint may be made by letter.",
        "Stage 1\tThe Monitoring Officer assesses the complaint.",
        "Stage 2\tThe Standards Panel hears it.",
        "1.2 The Panel's decision is final.",
    ):
        document.add_paragraph(line)
    document.save(str(tmp_path / "stages.docx"))
    doc = import_protocol(tmp_path / "stages.docx")
    assert not [p for c in doc.clauses() for p in c.paragraphs if "\ue000" in p]
