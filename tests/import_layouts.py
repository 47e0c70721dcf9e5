"""Eleven protocols in layouts councils use (tests/import_documents, each with its gold in
golds/, written in our own words before the importer was run on them): the documents as
a council would hand them over (text, Markdown, Word, PDF, a saved web page), and what
each should import as, compared word for word.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from constitution.import_markup import CELL_BREAK
from test_import_unseen import DOCUMENTS, paged_pdf

Gold = dict[str, Any]


def gold(name: str) -> Gold:
    data: Gold = json.loads((DOCUMENTS / "golds" / f"{name}.json").read_text(encoding="utf-8"))
    return data


def gold_text(data: Gold) -> str:
    """Every word the gold holds: what the document prints, furniture included."""
    texts = [data["title"], *data["intro"], *data["left_out"]]
    for section in data["sections"]:
        texts += [section["number"] or "", section["title"]]
        for clause in section["clauses"]:
            texts += [*clause["headings"], clause["printed"], *clause["paragraphs"]]
    return "\n".join(texts).replace(CELL_BREAK, " ")


# Word files, made from their golds as a council's officer would type them


def typed(paragraph: Any, label: str, text: str, *, bold: bool = False) -> None:
    paragraph.add_run(label).bold = bold
    paragraph.add_run("\t")
    paragraph.add_run(text)


def bold_stops_docx(data: Gold, path: Path) -> None:
    """Numbers typed, in bold, each ending in a full stop ("1.2."); section headings typed
    in bold capitals in the Normal style ("1.<tab>INTRODUCTION"), not a heading style;
    definitions in a two-column table after the paragraph leading in to them."""
    document = docx.Document()
    document.add_paragraph(data["title"], style="Title")
    for section in data["sections"]:
        heading = document.add_paragraph()
        typed(heading, f"{section['number']}.", "", bold=True)
        heading.add_run(section["title"]).bold = True
        for clause in section["clauses"]:
            first, *rest = clause["paragraphs"]
            typed(document.add_paragraph(), clause["printed"], first, bold=True)
            rows = [p[2:].split(CELL_BREAK) for p in rest if CELL_BREAK in p]
            if rows:
                table = document.add_table(rows=0, cols=2)
                for term, meaning in rows:
                    cells = table.add_row().cells
                    cells[0].text, cells[1].text = term, meaning
            for item in (p[2:] for p in rest if CELL_BREAK not in p):
                label, _, text = item.partition(" ")
                item_paragraph = document.add_paragraph()
                item_paragraph.paragraph_format.left_indent = Cm(1.5)
                typed(item_paragraph, label, text)
    document.save(str(path))


LEVELS = (  # Word's multilevel list linked to styles: (style, format, text)
    ("Heading 1", "decimal", "%1."),
    ("Numbered Paragraph", "decimal", "%1.%2"),
    ("Numbered (a)", "lowerLetter", "(%3)"),
    ("Numbered (i)", "lowerRoman", "(%4)"),
)


def element(tag: str, **values: str) -> Any:
    made = OxmlElement(tag)
    for key, value in values.items():
        made.set(qn(f"w:{key}"), value)
    return made


def link_numbering(document: Any) -> None:
    """One multilevel list whose levels belong to styles (the list is in numbering.xml,
    each style's w:numPr names it): the paragraphs themselves carry no number."""
    numbering = document.part.numbering_part.element
    abstract = element("w:abstractNum", abstractNumId="70")
    for level, (style, kind, text) in enumerate(LEVELS):
        lvl = element("w:lvl", ilvl=str(level))
        for tag, value in (("start", "1"), ("numFmt", kind)):
            lvl.append(element(f"w:{tag}", val=value))
        lvl.append(element("w:pStyle", val=document.styles[style].style_id))
        lvl.append(element("w:lvlText", val=text))
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = element("w:num", numId="70")
    num.append(element("w:abstractNumId", val="70"))
    numbering.append(num)
    for level, (style, _, _) in enumerate(LEVELS):
        properties = document.styles[style].element.get_or_add_pPr()
        numbered = element("w:numPr")
        numbered.append(element("w:ilvl", val=str(level)))
        numbered.append(element("w:numId", val="70"))
        properties.insert(0, numbered)


def style_numbering_docx(data: Gold, path: Path) -> None:
    """Word's automatic numbering linked to the styles: Heading 1 draws "1.", the
    paragraphs' style "1.1", the items' styles "(a)" and "(i)"; sub-headings in Heading 2
    with no number; unnumbered paragraphs in Normal."""
    document = docx.Document()
    for style, _, _ in LEVELS[1:]:
        document.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH).base_style = document.styles[
            "Normal"
        ]
    link_numbering(document)
    document.add_paragraph(data["title"], style="Title")
    for text in data["intro"]:
        document.add_paragraph(text)
    for section in data["sections"]:
        document.add_paragraph(section["title"], style="Heading 1")
        for clause in section["clauses"]:
            for heading in clause["headings"]:
                document.add_paragraph(heading, style="Heading 2")
            first, *rest = clause["paragraphs"]
            document.add_paragraph(first, style="Numbered Paragraph")
            for text in rest:
                if not text.startswith("- "):
                    document.add_paragraph(text)
                    continue
                label, _, words_ = text[2:].partition(" ")
                roman = label.strip("()") in ("i", "ii", "iii", "iv", "v")
                document.add_paragraph(words_, style=LEVELS[3 if roman else 2][0])
    document.save(str(path))


def headed_typed_docx(data: Gold, path: Path) -> None:
    """Headings in Word's Heading 1 style, as printed ("PART B – ROLE OF COUNCILLORS", or
    "1)<tab>Rôl Swyddogion / Role of Officers"); each paragraph's number typed before a
    tab ("B1", "2.1)"), its items typed, indented, in the Normal style."""
    document = docx.Document()
    document.add_paragraph(data["title"], style="Title")
    for text in data["intro"]:
        document.add_paragraph(text)
    for section in data["sections"]:
        heading = document.add_paragraph(style="Heading 1")
        if section["number"]:
            heading.add_run(f"{section['number']})\t")
        heading.add_run(section["title"])
        for clause in section["clauses"]:
            first, *rest = clause["paragraphs"]
            typed(document.add_paragraph(), clause["printed"], first)
            for item in rest:
                label, _, text = item[2:].partition(" ")
                item_paragraph = document.add_paragraph()
                item_paragraph.paragraph_format.left_indent = Cm(1.5)
                typed(item_paragraph, label, text)
    document.save(str(path))


@dataclass(frozen=True)
class Layout:
    name: str  # its gold's name
    form: str  # how it is handed over: .txt, .md, .pdf or .docx


LAYOUTS = [
    Layout("part-prefix", ".txt"),
    Layout("lettered-continuous", ".txt"),
    Layout("lettered-continuous", ".pdf"),
    Layout("bold-stops", ".docx"),
    Layout("style-numbering", ".docx"),
    Layout("pandoc-export", ".md"),
    Layout("margin-numbers", ".txt"),
    Layout("part-letters", ".txt"),
    Layout("part-letters", ".docx"),
    Layout("statute-style", ".txt"),
    Layout("statute-style", ".pdf"),
    Layout("flat-list", ".txt"),
    Layout("flat-list", ".pdf"),
    Layout("bilingual-brackets", ".txt"),
    Layout("bilingual-brackets", ".docx"),
    Layout("website-page", ".html"),
]
MAKERS = {
    "bold-stops": bold_stops_docx,
    "style-numbering": style_numbering_docx,
    "part-letters": headed_typed_docx,
    "bilingual-brackets": headed_typed_docx,
}


def handed_over(layout: Layout, folder: Path) -> tuple[Path, Gold]:
    """The file as a council hands it over, and its gold (a PDF's running heads and page
    numbers added to what is left out)."""
    data = gold(layout.name)
    if layout.form == ".docx":
        path = folder / f"{layout.name}.docx"
        MAKERS[layout.name](data, path)
        return path, data
    text = DOCUMENTS / f"{layout.name}{layout.form if layout.form != '.pdf' else '.txt'}"
    if layout.form == ".pdf":
        path = folder / f"{layout.name}.pdf"
        data = {**data, "left_out": data["left_out"] + paged_pdf(text, path)}
        return path, data
    return text, data
