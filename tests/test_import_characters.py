"""The importer on protocols whose characters and encodings are as councils' tools leave
them (tests/import_documents/characters, each with its gold, written before the importer
was run on them): a .txt saved by Windows as Windows-1252 with CRLF line ends and a
no-break space after each number; Word's "Unicode Text" (UTF-16 with a byte-order mark,
a tab after each number, bullets as Word's private-use Symbol characters); UTF-8 with a
byte-order mark, soft hyphens and zero-width spaces inside words, and bullets typed as
"•" and "-"; and a typeset PDF whose text layer holds ligatures (ﬁ, ﬂ), words hyphenated
at a line's end and over a page, smart quotes, a running head and "Page 3 of 12".

Each is read faithfully (the words as the council wrote them, no mojibake, no
private-use or invisible character published), or refused with a clear error.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from import_layouts import Gold, gold_text
from test_import_layouts import flat, heading
from test_import_unseen import DOCUMENTS, imported, words, words_out

CHARACTERS = DOCUMENTS / "characters"

# The committed sources name the characters no one can see: the maker writes them.
MARKS = {
    "{NBSP}": "\u00a0",  # no-break space
    "{SHY}": "\u00ad",  # soft hyphen
    "{ZWSP}": "\u200b",  # zero-width space
    "{F0B7}": "\uf0b7",  # Word's Symbol-font bullet, as its text exports write it
    "{F0A7}": "\uf0a7",  # Word's Wingdings square bullet, its list's second level
}


def marked(source: Path) -> str:
    text = source.read_text(encoding="utf-8")
    for mark, character in MARKS.items():
        text = text.replace(mark, character)
    return text


def windows_1252(source: Path, path: Path) -> None:
    """Notepad's "ANSI" on a UK Windows, or Word's "Plain Text" with its default
    encoding: one byte a character, CRLF line ends."""
    path.write_bytes(marked(source).replace("\n", "\r\n").encode("cp1252"))


def unicode_text(source: Path, path: Path) -> None:
    """Word's "Unicode Text": UTF-16 little-endian after a byte-order mark, CRLF."""
    path.write_bytes(b"\xff\xfe" + marked(source).replace("\n", "\r\n").encode("utf-16-le"))


def utf8_bom(source: Path, path: Path) -> None:
    """UTF-8 as Windows' Notepad wrote it until 2019: a byte-order mark first."""
    path.write_bytes(marked(source).encode("utf-8-sig"))


HEADER = "Holmbury Forest District Council – Constitution Part 5"
FONT = "Vera"  # ReportLab's own TrueType font: it has the ligatures' glyphs
LIGATURES = {"fi": "\ufb01", "fl": "\ufb02"}


def typeset_pdf(source: Path, path: Path) -> None:
    """The text's pages (split at form feeds) as a typesetter's PDF: every "fi" and "fl"
    drawn as its ligature, so the text layer holds ﬁ and ﬂ; the council's name and Part
    at each page's head, "Page N of M" at its foot."""
    pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
    pages = source.read_text(encoding="utf-8").split("\f")
    canvas = Canvas(str(path), pagesize=A4)
    for number, page in enumerate(pages, start=1):
        canvas.setFont(FONT, 9)
        canvas.drawString(72, 800, HEADER)
        canvas.drawString(72, 40, f"Page {number} of {len(pages)}")
        canvas.setFont(FONT, 11)
        for row, line in enumerate(page.strip("\n").splitlines()):
            for letters, ligature in LIGATURES.items():
                line = line.replace(letters, ligature)
            canvas.drawString(72, 760 - 16 * row, line)
        canvas.showPage()
    canvas.save()


@dataclass(frozen=True)
class Handed:
    name: str  # its source's and its gold's name
    form: str  # the file's suffix as handed over
    make: Callable[[Path, Path], None]  # how the council's tool wrote it


DOCUMENTS_HANDED = [
    Handed("windows-1252", ".txt", windows_1252),
    Handed("unicode-text", ".txt", unicode_text),
    Handed("utf8-bom", ".txt", utf8_bom),
    Handed("ligatures-pdf", ".pdf", typeset_pdf),
]


def gold(name: str) -> Gold:
    data: Gold = json.loads((CHARACTERS / "golds" / f"{name}.json").read_text(encoding="utf-8"))
    return data


def handed_over(handed: Handed, folder: Path) -> tuple[Path, Gold]:
    path = folder / f"{handed.name}{handed.form}"
    handed.make(CHARACTERS / f"{handed.name}.txt", path)
    return path, gold(handed.name)


def label(handed: Handed) -> str:
    return handed.name


# A bullet is no word: the glyph a list item is drawn with, at a line's start.
BULLET = re.compile(r"^(?:[\uf0b7\uf0a7•\-]|o(?=\t))\s+", re.MULTILINE)
INVISIBLE = "\u00ad\u200b"


# The PDF's words broken at a line's end (or a page's) by a hyphen the typesetter added;
# "co-" / "opted" is a hyphenated word, broken at its own hyphen.
BROKEN = {"Mem-\nbers": "Members", "respon-\n\fsible": "responsible"}


@pytest.mark.parametrize("handed", DOCUMENTS_HANDED, ids=label)
def test_the_gold_holds_the_sources_words(handed: Handed) -> None:
    """The gold is the source's words as written: its bullets and invisible characters
    are no words, a no-break space is a space; a PDF's running heads and page numbers
    are left out, and a word it broke with a hyphen is one word."""
    text = BULLET.sub("", marked(CHARACTERS / f"{handed.name}.txt"))
    if handed.form == ".pdf":
        for broken, word in BROKEN.items():
            assert broken in text
            text = text.replace(broken, word)
        text += "\n".join(gold(handed.name)["left_out"])
    assert words(gold_text(gold(handed.name))) == words(
        text.translate({ord(c): None for c in INVISIBLE})
    )


@pytest.mark.parametrize("handed", DOCUMENTS_HANDED, ids=label)
def test_every_word_in_is_a_word_out(tmp_path: Path, handed: Handed) -> None:
    source, data = handed_over(handed, tmp_path)
    assert words_out(import_protocol(source)) == words(gold_text(data))


@pytest.mark.parametrize("handed", DOCUMENTS_HANDED, ids=label)
def test_structure_as_printed(tmp_path: Path, handed: Handed) -> None:
    source, data = handed_over(handed, tmp_path)
    doc = import_protocol(source)
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, printed in zip(doc.sections, data["sections"], strict=True):
        assert [c.number for c in section.clauses] == [c["printed"] for c in printed["clauses"]]
        for clause, expected in zip(section.clauses, printed["clauses"], strict=True):
            assert clause.headings == expected["headings"], clause.number
            assert flat(clause.paragraphs) == flat(expected["paragraphs"]), clause.number
    assert sorted(line.text.strip() for line, _ in doc.left_out) == sorted(data["left_out"])
    assert [d.kind for d in doc.defects] == []


def unreadable(text: str) -> list[str]:
    """Characters no reader should be shown: private-use, invisible or control
    characters, ligatures, the replacement character, and UTF-8 read as Windows-1252
    ("â€™" for "’", "Â£" for "£")."""
    found = [
        f"U+{ord(c):04X}"
        for c in text
        if unicodedata.category(c) in ("Co", "Cf", "Cs")
        or (unicodedata.category(c) == "Cc" and c not in "\n\t")
        or c in "\ufffd\ufb00\ufb01\ufb02\ufb03\ufb04"
    ]
    return found + re.findall(r"â€.|Â[£ \u00a0]|Ã.", text)


@pytest.mark.parametrize("handed", DOCUMENTS_HANDED, ids=label)
def test_published_with_the_numbers_printed_and_no_unreadable_character(
    tmp_path: Path, handed: Handed
) -> None:
    source, data = handed_over(handed, tmp_path)
    report, published = imported(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == []
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected
    for page in sorted((tmp_path / "out").glob("*.md")):
        assert unreadable(page.read_text(encoding="utf-8")) == [], page.name
    assert unreadable(json.dumps(report, ensure_ascii=False)) == []
