"""The corpus's files: each document laid out as text, Word or PDF, as councils publish.

    python benchmarks/corpus_files.py OUT   writes each document, and its record as JSON

Word files are written with python-docx (styles, tables) and its XML for what it has no
API for (automatic numbering, tracked revisions); PDFs with ReportLab, text in a text
layer that pypdf reads.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from corpus import Document, Para, Part, accepted, documents, record
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as WordParagraph
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

BULLET = "•"


# Plain text, as a council's web page or a Word draft saved as text.


def para_line(para: Para) -> str:
    if para.kind == "item":
        return f"    {para.label or BULLET} {para.text}"
    return para.text


def text_lines(document: Document) -> Iterator[str]:
    residue = dict(document.residue)
    for part in document.parts:
        if part.kind in ("title", "heading"):
            yield part.title
        elif part.kind == "section":
            yield f"{part.label} {part.title}".strip()
        paras = accepted(document, part) if part.kind == "clause" else part.paras
        old, arrow, new = residue.get(part.number, "").partition(" -> ")
        if arrow:  # old and new words run together, as a draft shows them
            para = next(para for para in paras if old in para.text)
            para.text = para.text.replace(old, f"{old} {new}", 1)
        for index, para in enumerate(paras):
            if para.kind != "row" or index == 0 or paras[index - 1].kind != "row":
                yield ""  # a table's rows are lines of one block
            first = index == 0 and part.kind == "clause"
            yield f"{part.label} {para.text}" if first else para_line(para)
        if old and not arrow:  # a balloon's words, as a draft shows them
            yield ""
            yield old
        yield ""


def write_text(document: Document, path: Path) -> None:
    text = "\n".join(text_lines(document))
    path.write_text(re.sub(r"\n{3,}", "\n\n", text).strip() + "\n", encoding="utf-8")


def grouped(paras: list[Para]) -> Iterator[tuple[int, Para | list[Para]]]:
    """Paragraphs with their places, a table's consecutive rows gathered in one list."""
    rows: list[Para] = []
    for index, para in enumerate(paras):
        if para.kind == "row":
            rows.append(para)
            continue
        if rows:
            yield index - len(rows), rows
            rows = []
        yield index, para
    if rows:
        yield len(paras) - len(rows), rows


# Word


def word_para(doc: docx.Document, text: str = "", style: str | None = None) -> WordParagraph:
    return doc.add_paragraph(text, style=style)


def word_rows(doc: docx.Document, rows: list[Para]) -> None:
    cells = [row.text.split("\t") for row in rows if row.text.strip("-\t ")]
    table = doc.add_table(rows=len(cells), cols=max(len(row) for row in cells))
    table.style = "Table Grid"
    for line, row in zip(table.rows, cells, strict=True):
        for cell, text in zip(line.cells, row, strict=False):
            cell.text = text


def numbered(paragraph: WordParagraph, level: int, num_id: int) -> None:
    """Word's automatic numbering: the number is drawn by Word, not in the text."""
    properties = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", level), ("w:numId", num_id)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(value))
        numbering.append(element)
    properties.append(numbering)


def add_numbering(doc: docx.Document) -> int:
    """A multi-level list: "1." for sections, "1.1" for paragraphs, "a." for items."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, (kind, text) in enumerate(
        (("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "%3."))
    ):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", kind), ("w:lvlText", text)):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return 90


def revision(tag: str, text: str, number: int) -> OxmlElement:
    """A tracked insertion (w:ins) or deletion (w:del) holding one run."""
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(number))
    element.set(qn("w:author"), "Monitoring Officer")
    element.set(qn("w:date"), "2027-02-01T09:00:00Z")
    run = OxmlElement("w:r")
    words = OxmlElement("w:delText" if tag == "w:del" else "w:t")
    words.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    words.text = text
    run.append(words)
    element.append(run)
    return element


def word_body(
    doc: docx.Document, document: Document, part: Part, num_id: int, ids: Iterator[int]
) -> None:
    """A clause's or a text's paragraphs in Word, revisions tracked where planted."""
    revisions = [(old, new) for n, old, new in document.revisions if n == part.number]
    for index, para in grouped(part.paras):
        if isinstance(para, list):
            word_rows(doc, para)
            continue
        first = index == 0 and part.kind == "clause"
        if para.kind == "item" and num_id and para.label[:1].isalpha():
            paragraph = word_para(doc, para.text)
            numbered(paragraph, 2, num_id)
            continue
        if para.kind == "item":
            style = "List Paragraph" if para.label else "List Bullet"
            paragraph = word_para(doc, style=style)
            if para.label:
                paragraph.add_run(f"{para.label}\t")
        else:
            paragraph = word_para(doc)
        if first and num_id:
            numbered(paragraph, 1, num_id)
        elif first:
            paragraph.add_run(f"{part.label}").bold = document.form == "docx-tracked"
            paragraph.add_run("\t" if document.form == "docx-headings" else " ")
        text = para.text
        for old, new in revisions:
            if old in text:
                before, _, after = text.partition(old)
                paragraph.add_run(before)
                paragraph._p.append(revision("w:del", old, next(ids)))
                if new:
                    paragraph._p.append(revision("w:ins", new, next(ids)))
                text = after
        paragraph.add_run(text)


def write_word(document: Document, path: Path) -> None:
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    num_id = add_numbering(doc) if document.form == "docx-numbering" else 0
    heading = "Heading 2" if document.form == "docx-tracked" else "Heading 1"
    ids = itertools.count(1)  # each revision's w:id, unique in the document
    for part in document.parts:
        if part.kind == "title":
            word_para(doc, part.title, "Title")
        elif part.kind == "heading":
            word_para(doc, part.title, heading)
        elif part.kind == "section":
            title = part.title if num_id else f"{part.label} {part.title}"
            paragraph = word_para(doc, title, heading)
            if num_id:
                numbered(paragraph, 0, num_id)
        elif part.kind == "contents":
            word_rows(doc, part.paras)
        else:
            word_body(doc, document, part, num_id, ids)
    doc.core_properties.author = "Democratic Services"
    doc.save(str(path))


# PDF


def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=6)
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", body, fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=12
        ),
        "heading": ParagraphStyle(
            "heading", body, fontName="Helvetica-Bold", fontSize=12.5, leading=16, spaceBefore=8
        ),
        "clause": ParagraphStyle("clause", body, leftIndent=12 * mm, bulletIndent=0),
        "item": ParagraphStyle("item", body, leftIndent=20 * mm, bulletIndent=13 * mm),
        "cell": ParagraphStyle("cell", body, fontSize=9.5, leading=12, spaceAfter=0),
    }


def pdf_rows(rows: list[Para], style: ParagraphStyle) -> Table:
    cells = [row.text.split("\t") for row in rows if row.text.strip("-\t ")]
    width = max(len(row) for row in cells)
    data = [
        [Paragraph(escape(text), style) for text in row + [""] * (width - len(row))]
        for row in cells
    ]
    return Table(data, colWidths=[45 * mm] + [115 * mm / max(width - 1, 1)] * (width - 1))


def pdf_flowables(document: Document) -> Iterator[Flowable]:
    style = styles()
    for part in document.parts:
        if part.kind == "title":
            yield Paragraph(escape(part.title), style["title"])
            continue
        if part.kind in ("heading", "section"):
            yield Paragraph(escape(f"{part.label} {part.title}".strip()), style["heading"])
            continue
        paras = accepted(document, part) if part.kind == "clause" else part.paras
        for index, para in grouped(paras):
            if isinstance(para, list):
                yield pdf_rows(para, style["cell"])
            elif para.kind == "item":
                yield Paragraph(escape(para.text), style["item"], bulletText=para.label or BULLET)
            elif index == 0 and part.kind == "clause":
                yield Paragraph(escape(para.text), style["clause"], bulletText=part.label)
            else:
                yield Paragraph(
                    escape(para.text), style["clause" if part.kind == "clause" else "body"]
                )


def furnished(header: str, footer: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    """A page's running header and footer, with its number."""

    def draw(canvas: Canvas, template: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.drawString(20 * mm, A4[1] - 12 * mm, header)
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"{footer} Page {canvas.getPageNumber()}")
        canvas.restoreState()

    return draw


def write_pdf(document: Document, path: Path, before: list[Flowable] | None = None) -> None:
    title = next(part.title for part in document.parts if part.kind == "title")
    header, footer = ("Constitution – Part 5 Codes and Protocols", title)
    if before:
        header, footer = REPORT_HEADER, "Standards Committee"
    template = SimpleDocTemplate(
        str(path), pagesize=A4, topMargin=22 * mm, bottomMargin=22 * mm, title=title
    )
    story = [*(before or []), *pdf_flowables(document)]
    draw = furnished(header, footer)
    template.build(story, onFirstPage=draw, onLaterPages=draw)
    pages = template.page
    document.furniture = [
        line for n in range(1, pages + 1) for line in (header, f"{footer} Page {n}")
    ]
    document.protocol_page = 4 if before else 1  # after the cover, contents and report


# A report to committee that holds the protocol as its appendix: our own words.
REPORT_HEADER = "Kestrel Vale District Council"
COVER = [
    ("title", "Kestrel Vale District Council"),
    ("heading", "Report to the Standards Committee"),
    ("p", "Date of meeting: 14 March 2027"),
    ("p", "Agenda item 7"),
    ("p", "Title: Review of the Protocol on Member/Officer Relations"),
    ("p", "Report of: the Monitoring Officer"),
    ("p", "Wards affected: none"),
    ("p", "Status: open"),
]
CONTENTS = [
    ("Section", "Page"),
    ("1. Purpose of the report", "3"),
    ("2. Recommendations", "3"),
    ("3. Background", "3"),
    ("4. Implications", "3"),
    ("Appendix A: the Protocol as revised", "4"),
]
REPORT = [
    ("heading", "1. Purpose of the report"),
    (
        "p",
        "1.1 This report asks the Committee to consider the revised Protocol on "
        "Member/Officer Relations at Appendix A and to recommend it to Council.",
    ),
    ("heading", "2. Recommendations"),
    (
        "p",
        "2.1 That the Committee recommends to Council that the revised Protocol at "
        "Appendix A is adopted with effect from the date of the next annual meeting.",
    ),
    ("heading", "3. Background"),
    (
        "p",
        "3.1 The Protocol was last reviewed three years ago. Since then the Committee "
        "has asked for clearer guidance on conflicts of interest and on correspondence.",
    ),
    (
        "p",
        "3.2 The Group Leaders and the Corporate Leadership Team were consulted on a "
        "draft during January, and their comments are reflected in the Appendix.",
    ),
    ("heading", "4. Implications"),
    (
        "p",
        "4.1 Legal: the Council must promote and maintain high standards of conduct "
        "by its members and co-opted members.",
    ),
    ("p", "4.2 Financial: there are no financial implications."),
    ("p", "4.3 Equality: an equality impact assessment is not required."),
]


def report_flowables(document: Document) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = []
    for kind, text in COVER:
        story.append(Paragraph(escape(text), style[kind if kind != "p" else "body"]))
    story += [PageBreak(), Paragraph("Contents", style["heading"]), Spacer(1, 4 * mm)]
    story.append(
        Table(
            [
                [Paragraph(escape(a), style["cell"]), Paragraph(b, style["cell"])]
                for a, b in CONTENTS
            ],
            colWidths=[120 * mm, 20 * mm],
        )
    )
    story.append(PageBreak())
    for kind, text in REPORT:
        story.append(Paragraph(escape(text), style[kind if kind != "p" else "body"]))
    story += [PageBreak(), Paragraph("Appendix A: the Protocol as revised", style["heading"])]
    document.extra = [
        Para(text) for _, text in [*COVER, *(("p", f"{a} {b}") for a, b in CONTENTS)]
    ] + [Para("Contents"), Para("Appendix A: the Protocol as revised")]
    for _, text in REPORT:  # the report's own paragraph numbers are labels, not words
        label = re.match(r"\d+\.\d+ ", text)
        document.extra.append(
            Para(text[label.end() :], label=label.group()) if label else Para(text)
        )
    return story


def write_report(document: Document, path: Path) -> None:
    write_pdf(document, path, report_flowables(document))


WRITERS: dict[str, tuple[str, Callable[[Document, Path], None]]] = {
    "docx-headings": (".docx", write_word),
    "docx-numbering": (".docx", write_word),
    "docx-tracked": (".docx", write_word),
    "text-residue": (".txt", write_text),
    "pdf": (".pdf", write_pdf),
    "pdf-report": (".pdf", write_report),
    "text-numbered-on": (".txt", write_text),
    "text-numbered-afresh": (".txt", write_text),
    "text": (".txt", write_text),
}


def write(document: Document, folder: Path) -> tuple[Path, dict[str, object]]:
    """The document's file in folder, and the record of what it printed."""
    suffix, writer = WRITERS[document.form]
    path = folder / f"{document.name}{suffix}"
    writer(document, path)
    return path, record(document)


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents():
        path, facts = write(document, folder)
        path.with_suffix(".json").write_text(json.dumps(facts, indent=1), encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
