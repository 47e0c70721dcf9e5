"""Five protocols as UK councils keep or publish them, each made by software no earlier
trial met (tests/import_unmet18, each with its gold in golds/, written before the
importer was run on them or its code read): the text `pdftotext -layout` writes from a
council's PDF (numbers in a margin, justified lines padded with spaces, running heads,
a form feed at each page's end); a Google Docs "Download as web page" (no heading tags,
every style a CSS class, the numbers drawn by CSS counters on lists of one item each,
a footnote and a reviewer's comment at the end); a Word "Web Page, Filtered" file
(windows-1252, Word's automatic contents with its page numbers hidden, list numbers as
text before runs of no-break spaces, a footnote); a Word file built from content
controls (a cover page and the automatic contents each a building block in a w:sdt,
the council's name and the date controls within paragraphs, a section's paragraphs in
a rich-text control); and the Markdown pandoc writes from a Word file (the title in a
YAML block, Word's bookmarks as empty spans, escaped item labels, a grid table, a
footnote, lines wrapped at 72 columns).

The Word file's source is one line a paragraph: "title: " (Title style), "intro: " and
"p: " paragraphs in Normal (a typed number before a tab), "# " a heading (Heading 1, a
bookmark named for the contents round it), "break:" a page break; "[[Alias: words]]"
within a line is a control within the paragraph holding the words; "cover: GALLERY" or
"contents: GALLERY" opens a building block of Word's gallery GALLERY, "control: ALIAS"
a rich-text control, each holding the paragraphs up to "end:"; in the contents,
"heading: " is the TOC Heading and "entry: " an entry ("number<tab>title<tab>page")
linking its heading, the whole a TOC field whose page numbers are PAGEREF fields.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE

from import_layouts import element
from import_trial import Gold
from import_trial import handed_over as trial_handed_over

SOURCES = Path(__file__).parent / "import_unmet18"
HANDED = (
    "layout-text.txt google-docs.html word-filtered.htm contents-controls.docx pandoc-export.md"
)
NAMES = HANDED.split()  # each document as the council keeps or publishes it
CONTROL = re.compile(r"\[\[([^:\]]+): ([^\]]+)\]\]")


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as the council hands it over (the Word file made from its source here),
    and its gold."""
    return trial_handed_over(name, folder, SOURCES, word, lambda source, path: [])


def word(source: Path, path: Path) -> Path:
    document = docx.Document()
    for style in ("TOC Heading", "TOC 1"):
        if style not in [s.name for s in document.styles]:
            document.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
    body = document.element.body
    opened: Any = None  # the control open, if any
    held: list[Any] = []  # the paragraphs it holds
    entries = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind in ("cover", "contents", "control"):
            opened, held = block(kind, text), []
            continue
        if line == "end:":
            if entries:
                held.append(field_end(document))
                entries = 0
            body.insert(body.index(held[0]), opened)
            content = opened.find(element("w:sdtContent").tag)
            for paragraph in held:
                content.append(paragraph)
            opened = None
            continue
        if line == "break:":
            made = document.add_paragraph()
            made.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
        elif kind == "title":
            made = document.add_paragraph(style="Title")
            runs(made, text)
        elif kind in ("intro", "p"):
            made = document.add_paragraph()
            runs(made, text)
        elif line.startswith("# "):
            made = document.add_paragraph(style="Heading 1")
            bookmark(made, line[2:], f"_Toc{line[2:].split('.')[0]}")
        elif kind == "heading":
            made = document.add_paragraph(text, style="TOC Heading")
        elif kind == "entry":
            made = document.add_paragraph(style="TOC 1")
            entry(made, text, first=entries == 0)
            entries += 1
        else:
            raise ValueError(f"{source.name}: unknown line {line!r}")
        if opened is not None:
            held.append(made._p)
    document.save(str(path))
    return path


def block(kind: str, name: str) -> Any:
    """A content control holding whole paragraphs: a building block of Word's gallery
    (a cover page, the automatic contents) or a rich-text control a template names."""
    sdt = element("w:sdt")
    properties = element("w:sdtPr")
    if kind == "control":
        properties.append(element("w:alias", val=name))
        properties.append(element("w:tag", val=name.replace(" ", "")))
    properties.append(element("w:id", val=str(zlib.crc32(name.encode()) % 2_000_000_000)))
    if kind != "control":
        part = element("w:docPartObj")
        part.append(element("w:docPartGallery", val=name))
        part.append(element("w:docPartUnique"))
        properties.append(part)
    sdt.append(properties)
    sdt.append(element("w:sdtContent"))
    return sdt


def runs(paragraph: Any, text: str) -> None:
    """The line's words as runs, each "[[Alias: words]]" a plain-text control holding
    its words within the paragraph (a date picker where the alias names a date)."""
    at = 0
    for match in CONTROL.finditer(text):
        paragraph.add_run(text[at : match.start()])
        alias, words = match.groups()
        sdt = element("w:sdt")
        properties = element("w:sdtPr")
        properties.append(element("w:alias", val=alias))
        properties.append(element("w:tag", val=alias.replace(" ", "")))
        if "Date" in alias:
            date = element("w:date", fullDate="2025-01-22T00:00:00Z")
            date.append(element("w:dateFormat", val="d MMMM yyyy"))
            date.append(element("w:lid", val="en-GB"))
            properties.append(date)
        else:
            properties.append(element("w:text"))
        sdt.append(properties)
        content = element("w:sdtContent")
        content.append(run(words))
        sdt.append(content)
        paragraph._p.append(sdt)
        at = match.end()
    paragraph.add_run(text[at:])


def run(text: str, *children: Any) -> Any:
    made = element("w:r")
    for child in children:
        made.append(child)
    if text:
        words = element("w:t")
        words.text = text
        words.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        made.append(words)
    return made


def tabbed(text: str) -> list[Any]:
    """Runs of the words, a tab where the text has one."""
    made = []
    for place, part in enumerate(text.split("\t")):
        if place:
            made.append(run("", element("w:tab")))
        made.append(run(part))
    return made


def bookmark(paragraph: Any, text: str, name: str) -> None:
    ident = str(zlib.crc32(name.encode()) % 100_000)
    paragraph._p.append(element("w:bookmarkStart", id=ident, name=name))
    for made in tabbed(text):
        paragraph._p.append(made)
    paragraph._p.append(element("w:bookmarkEnd", id=ident))


def field(instruction: str, result: str) -> list[Any]:
    """A field as Word writes it: begin, its instruction, separate, its result, end."""
    instr = element("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        run("", element("w:fldChar", fldCharType="begin")),
        run("", instr),
        run("", element("w:fldChar", fldCharType="separate")),
        run(result),
        run("", element("w:fldChar", fldCharType="end")),
    ]


def entry(paragraph: Any, text: str, first: bool) -> None:
    """An entry of Word's automatic contents: a link to its heading's bookmark holding
    the heading's words and a PAGEREF field's page number; the first entry opens the
    TOC field, whose result all the entries are."""
    if first:
        toc = field('TOC \\o "1-1" \\h \\z \\u', "")
        for made in toc[:3]:  # begin, instruction, separate: the entries are its result
            paragraph._p.append(made)
    words, _, page = text.rpartition("\t")
    target = f"_Toc{words.split('.')[0]}"
    link = element("w:hyperlink", anchor=target, history="1")
    for made in [*tabbed(words), run("", element("w:tab")), *field(f"PAGEREF {target} \\h", page)]:
        link.append(made)
    paragraph._p.append(link)


def field_end(document: Any) -> Any:
    """The paragraph after the contents' last entry, holding the end of its TOC field."""
    made = document.add_paragraph()
    made._p.append(run("", element("w:fldChar", fldCharType="end")))
    return made._p
