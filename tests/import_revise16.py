"""Three revisions of one council's protocol, redrafted as its officers would (tests/revise16:
the protocol as adopted, `protocol.txt`; the revisions; each one's gold in golds/, written
before the revision was imported or the matching code read).

A Word source is its paragraphs in order: "numbering: typed" (each heading's and
paragraph's number typed before a tab, as a council's own copy is laid out) or
"numbering: word" (numbered by Word's list, drawn from the Heading 1 and paragraph
styles, so that moving a section renumbers every later one); "title: " a line of the
title, "h: " a section's heading (Heading 1), "p: " a paragraph. "{-words-}" and
"{+words+}" are words deleted and inserted with Track Changes on, left tracked.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE

from constitution.report import tracked
from import_unmet14 import abstract, num, number_properties

SOURCES = Path(__file__).parent / "revise16"
AUTHOR, WHEN = "Democratic Services", "2026-11-02T09:30:00Z"
LIST, PARAGRAPH_STYLE = "40", "Protocol Paragraph"
TRACKED = re.compile(r"\{([-+])(.*?)\1\}")


def word(source: Path, path: Path) -> Path:
    """The Word file the source describes."""
    document = docx.Document()
    lines = source.read_text(encoding="utf-8").splitlines()
    settings = dict(line.split(": ", 1) for line in lines if line.startswith("numbering: "))
    if settings["numbering"] == "word":
        style = document.styles.add_style(PARAGRAPH_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        numbering = document.part.numbering_part.element
        styles = ("Heading 1", PARAGRAPH_STYLE)
        levels = (("decimal", "%1."), ("decimal", "%1.%2"))
        numbering.insert(0, abstract(LIST, levels, styles, document))
        numbering.append(num(LIST, LIST))
        for level, name in enumerate(styles):
            properties = number_properties(level, LIST)
            document.styles[name].element.get_or_add_pPr().insert(0, properties)
        body = PARAGRAPH_STYLE
    else:
        body = "Normal"
    revisions = iter(range(100, 10_000))
    for line in lines:
        kind, _, text = line.partition(": ")
        if kind == "numbering":
            continue
        style = {"title": "Title", "h": "Heading 1", "p": body}[kind]
        paragraph = document.add_paragraph(style=style)
        at = 0
        for change in TRACKED.finditer(text):
            paragraph.add_run(text[at : change.start()])
            op, words = change.groups()
            paragraph._p.append(tracked(op, words, next(revisions), AUTHOR, WHEN))
            at = change.end()
        paragraph.add_run(text[at:])
    document.save(str(path))
    return path


def revised_words(name: str) -> list[str]:
    """Each paragraph's words in the revision, as a reader sees them (changes accepted),
    without its number."""
    source = SOURCES / name
    if source.exists():
        lines = source.read_text(encoding="utf-8").splitlines()
        return [m.group(1) for m in map(NUMBERED.match, lines) if m]
    lines = (SOURCES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    shown = [TRACKED.sub(accepted, line[3:]) for line in lines if line.startswith("p: ")]
    return [words.rpartition("\t")[2] for words in shown]


NUMBERED = re.compile(r"\d+\.\d+ (.+)")  # a paragraph of the plain text: "5.2 Every Member..."


def accepted(change: re.Match[str]) -> str:
    return change.group(2) if change.group(1) == "+" else ""


def handed_over(name: str, folder: Path) -> Path:
    """The revision as the council hands it over: Word made from NAME.docx.txt, or the
    text file as it is."""
    source = SOURCES / name
    if source.exists():
        return source
    return word(SOURCES / f"{name}.txt", folder / name)
