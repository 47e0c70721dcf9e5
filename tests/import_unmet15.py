"""Five protocols as UK councils publish them, of kinds and layouts the importer had not
met (tests/import_unmet15, each with its gold in golds/, written before the importer was
run on them or its code read): a Word file whose paragraphs Word numbers "1.01" (the
level's format decimalZero), a council site's page whose sections are an accordion
(buttons with aria attributes over panels hidden until opened), a Word file with
endnotes (Word's endnote references and endnotes part, marked "i", "ii" as Word marks
them by default), a Word file whose list draws "Part A:" on its headings and "A1" on its
paragraphs, with a schedule numbered by a list of its own after the protocol, and a PDF
drawn as desktop-publishing software draws a page: the page's furniture first, then the
words of the body, then the paragraphs' numbers ("2.01" to "2.10"), set in a frame of
their own beside it.

A Word source: "numbering: " how the paragraphs are numbered (decimal-zero, lettered or
typed), "title: ", "intro: ", "# Title" a section's heading (Heading 1), "p: " a
paragraph (numbered by the list, or its number typed before a tab), "schedule: " the
schedule's heading (Heading 1, no number), "s: " a paragraph of the schedule (its own
list, "1."), "note-formats: " the formats the settings number notes in ("footnote=lowerRoman
endnote=upperLetter"; none: Word's own). In a paragraph's words "[[en|WORDS]]" is an
endnote, "[[fn|WORDS]]" a footnote.

A PDF source is its lines as printed: "head: " the running head, "foot: " the footer
("{folio}" the page's number), "title: ", "i: " a line of the introduction, "h: " a
heading, "N<tab>words" a paragraph's first line and "<tab>words" its next; "break:" ends
the page.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import import_trial as trial
from import_layouts import element
from import_trial import Gold
from import_unmet14 import abstract, num, number_properties
from test_import_edges import with_parts

SOURCES = Path(__file__).parent / "import_unmet15"
HANDED = "decimal-zero.docx accordion.html endnotes.docx lettered-parts.docx frames.pdf"
NAMES = HANDED.split()  # each document as the council hands it over


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as the council hands it over, and its gold (a PDF's running heads and
    page numbers added to what is left out)."""
    return trial.handed_over(name, folder, SOURCES, word, drawn)


# Word

LIST, SCHEDULE = "60", "61"
# Each way of numbering: its list's levels (format, text), the heading's then the
# paragraph's; the first level's number followed by a space, not Word's default tab
LEVELS = {
    "decimal-zero": ((("decimal", "%1."), ("decimalZero", "%1.%2")), "tab"),
    "lettered": ((("upperLetter", "Part %1:"), ("decimal", "%1%2")), "space"),
}
NOTE = re.compile(r"\[\[(en|fn)\|(.+?)\]\]")
KINDS = {"en": "endnote", "fn": "footnote"}


def word(source: Path, path: Path) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines()
    numbering_kind = lines[0].partition(": ")[2]
    document = docx.Document()
    numbered = numbering_kind in LEVELS
    if numbered:
        levels, suffix = LEVELS[numbering_kind]
        numbering = document.part.numbering_part.element
        made = abstract(LIST, levels)
        first = made.find(element("w:lvl").tag)
        first.find(element("w:lvlText").tag).addprevious(element("w:suff", val=suffix))
        numbering.insert(0, made)
        numbering.insert(1, abstract(SCHEDULE, (("decimal", "%1."),)))
        numbering.append(num(LIST, LIST))
        numbering.append(num(SCHEDULE, SCHEDULE))
    notes: dict[str, list[str]] = {"endnote": [], "footnote": []}
    formats: dict[str, str] = {}
    for line in lines[1:]:
        kind, _, text = line.partition(": ")
        if kind == "note-formats":
            formats = dict(pair.split("=") for pair in text.split())
        elif kind in ("title", "intro"):
            document.add_paragraph(text, style="Title" if kind == "title" else None)
        elif line.startswith("# "):
            heading = document.add_paragraph(line[2:], style="Heading 1")
            if numbered:
                heading._p.get_or_add_pPr().append(number_properties(0, LIST))
        elif kind == "schedule":
            document.add_paragraph(text, style="Heading 1")
        elif kind in ("p", "s"):
            paragraph = document.add_paragraph()
            pieces = NOTE.split(text)  # words, then each note's kind and words, and words
            paragraph.add_run(pieces[0])
            for at in range(1, len(pieces), 3):
                note, words, after = KINDS[pieces[at]], pieces[at + 1], pieces[at + 2]
                notes[note].append(words)
                mark = paragraph.add_run()
                mark.font.superscript = True
                mark._r.append(element(f"w:{note}Reference", id=str(len(notes[note]))))
                paragraph.add_run(after)
            if numbered:
                listed = (1, LIST) if kind == "p" else (0, SCHEDULE)
                paragraph._p.get_or_add_pPr().append(number_properties(*listed))
    written = {kind: said for kind, said in notes.items() if said}
    for kind in written:  # as Word writes them: the notes' separators named in the settings
        properties = element(f"w:{kind}Pr")
        if kind in formats:
            properties.append(element("w:numFmt", val=formats[kind]))
        for ident in ("-1", "0"):
            properties.append(element(f"w:{kind}", id=ident))
        document.settings.element.append(properties)
    document.save(str(path))
    if written:
        with_notes(path, written)
    return path


def with_notes(path: Path, notes: dict[str, list[str]]) -> None:
    """Each kind's notes part (python-docx writes none), added with its relationship and
    content type: each note's paragraph begins with its mark (w:endnoteRef)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts = {}
    for kind, said in notes.items():
        written = "".join(
            f'<w:{kind} w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f'</w:rPr><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {words}</w:t>'
            f"</w:r></w:p></w:{kind}>"
            for n, words in enumerate(said, start=1)
        )
        parts[f"{kind}s"] = (
            f'<w:{kind}s xmlns:w="{w}"><w:{kind} w:type="separator" w:id="-1"><w:p><w:r>'
            f'<w:separator/></w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator"'
            f' w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
            f"{written}</w:{kind}s>"
        )
    with_parts(path, {name: (xml, "") for name, xml in parts.items()})


# PDF: each page drawn in three passes, as a desktop-publishing program draws one

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN, TOP, LEADING, INDENT = 64, 760, 14, 40
SETTINGS = ("head", "foot")
Piece = tuple[float, float, str, int, bool]  # x, y, words, size, bold


def drawn(source: Path, path: Path) -> list[str]:
    """The source's lines drawn on A4 pages: on each, the running head and footer
    first (the master page's), then the body's words top to bottom, then the
    paragraphs' numbers (their frame's). The furniture's lines."""
    lines = source.read_text(encoding="utf-8").splitlines()
    settings = {k: v for k, _, v in (line.partition(": ") for line in lines) if k in SETTINGS}
    canvas = Canvas(str(path), pagesize=A4)
    furniture: list[str] = []
    page, y = 1, float(TOP)
    words: list[Piece] = []
    numbers: list[Piece] = []
    for line in [*lines, "break:"]:
        kind, _, text = line.partition(": ")
        if kind in SETTINGS:
            continue
        if line == "break:":
            head, foot = settings["head"], settings["foot"].format(folio=page)
            furniture += [head, foot]
            master = [(MARGIN, 800.0, head, 8, False), (PAGE_WIDTH / 2 - 12, 40.0, foot, 8, False)]
            for piece in [*master, *words, *numbers]:
                draw(canvas, *piece)
            canvas.showPage()
            page, y, words, numbers = page + 1, float(TOP), [], []
        elif kind == "title":
            words.append((MARGIN, y, text, 15, True))
            y -= LEADING + 10
        elif kind == "i":
            words.append((MARGIN, y, text, 10, False))
            y -= LEADING
        elif kind == "h":
            y -= 8
            words.append((MARGIN, y, text, 11, True))
            y -= LEADING + 3
        elif line.startswith("\t"):
            words.append((MARGIN + INDENT, y, line[1:], 10, False))
            y -= LEADING
        else:
            number, text = line.split("\t")
            y -= 4
            numbers.append((MARGIN, y, number, 10, False))
            words.append((MARGIN + INDENT, y, text, 10, False))
            y -= LEADING
    canvas.save()
    return furniture


def draw(canvas: Canvas, x: float, y: float, text: str, size: int, bold: bool) -> None:
    canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
    canvas.drawString(x, y, text)
