"""A Word file that is a plain text's lines: a text file opened in a word processor and
saved as Word (LibreOffice's `soffice --convert-to docx protocol.txt`, Word opening a
.txt) sets each line of the text in a paragraph of its own, in the style for plain text
("Preformatted Text", "Plain Text", "HTML Preformatted"), the blank lines empty
paragraphs. Its paragraphs are the text's lines, not the protocol's paragraphs: a
careful reader reads it as the text it was, its wrapped lines one paragraph."""

from __future__ import annotations

import zipfile
from pathlib import Path

from constitution.word_paragraphs import W
from constitution.word_read import read_part
from constitution.word_styles import named_styles

# the names Word and LibreOffice give the styles a text's lines are set in
TYPED = ("preformatted text", "plain text", "html preformatted")


def typed_lines(path: Path) -> list[str] | None:
    """The text's lines, where every paragraph of the Word file is set in a style for
    plain text and the file draws no list or table (so nothing but the lines is lost);
    None for any other Word file, or one that cannot be read (from_docx says why)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as docx:
            # the styles first: a Word file with no style for plain text (most) is read
            # once, by from_docx, its body not parsed here as well
            styles = read_part(path, docx, "word/styles.xml")
            typed = set().union(*(named_styles(styles, name) for name in TYPED))
            body = read_part(path, docx, "word/document.xml") if typed else None
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return None
    if body is None:
        return None
    paragraphs = list(body.iter(f"{W}p"))
    drawn = body.find(f".//{W}tbl") is not None or body.find(f".//{W}numPr") is not None
    if not paragraphs or drawn:
        return None
    for para in paragraphs:
        style = para.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(f"{W}val") not in typed:
            return None
    return [line(para) for para in paragraphs]


def line(para: object) -> str:
    """A paragraph's words as the text's line: its spaces kept where it starts (a hanging
    paragraph's lines are indented), a tab as a tab."""
    nodes = para.iter(f"{W}t", f"{W}tab")  # type: ignore[attr-defined]
    return "".join(node.text or "" if node.tag == f"{W}t" else "\t" for node in nodes)
