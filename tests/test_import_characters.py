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
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from constitution.import_model import Imported
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


def imported_as(doc: Imported) -> Gold:
    """The import in its gold's shape: title, introduction, and each section's number,
    title and clauses (number as printed, headings, paragraphs)."""
    return {
        "title": doc.title,
        "intro": doc.intro.paragraphs,
        "sections": [
            (s.number, s.title, [(c.number, c.headings, flat(c.paragraphs)) for c in s.clauses])
            for s in doc.sections
        ],
    }


def printed_as(data: Gold) -> Gold:
    return {
        "title": data["title"],
        "intro": data["intro"],
        "sections": [
            (
                *heading(s),
                [(c["printed"], c["headings"], flat(c["paragraphs"])) for c in s["clauses"]],
            )
            for s in data["sections"]
        ],
    }


@pytest.mark.parametrize("handed", DOCUMENTS_HANDED, ids=label)
def test_structure_as_printed(tmp_path: Path, handed: Handed) -> None:
    source, data = handed_over(handed, tmp_path)
    doc = import_protocol(source)
    assert imported_as(doc) == printed_as(data)
    assert sorted(line.text.strip() for line, _ in doc.left_out) == sorted(data["left_out"])
    assert [d.kind for d in doc.defects] == []  # references are resolved as files are written


# What each document's report rightly says: "section 151 of the Local Government Act
# 1972" cites another document, kept as text.
REPORTED = {"windows-1252": ["external-reference"]}


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
    # the style found, the faults reported, and each paragraph published as printed
    numbers = [c["number"] for s in data["sections"] for c in s["clauses"]]
    assert (report["number_style"], [d["kind"] for d in report["defects"]], published) == (
        data["number_style"],
        REPORTED.get(handed.name, []),
        dict(zip(numbers, numbers, strict=True)),
    )
    for page in sorted((tmp_path / "out").glob("*.md")):
        assert unreadable(page.read_text(encoding="utf-8")) == [], page.name
    assert unreadable(json.dumps(report, ensure_ascii=False)) == []


PROTOCOL = (
    "Protocol on Member and Officer Relations\n\n1. Purpose\n\n"
    "1.1 It applies to every member and officer of the Council.\n\n"
    "1.2 Officers advise members{sign} on the Council's business.\n\n"
    "1.3 Members decide the Council's policies.\n"
)


def refused(tmp_path: Path, data: bytes) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "protocol.txt"
    source.write_bytes(data)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "constitution", "import", str(source), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert not out.exists()  # nothing written
    return result


@pytest.mark.parametrize(
    ("sign", "said"),
    [
        # Wingdings' tick, typed inside a sentence: no word, and no character outside the font
        (
            "\uf0fc",
            "protocol.txt:7: import-symbol-character: line 7 holds U+F0FC, a sign of a symbol "
            "font (Symbol, Wingdings) that stands for nothing outside that font: '1.2 Officers "
            "advise members[U+F0FC] on the Council's business.'.",
        ),
        # a character the file's tool could not name
        ("\ufffd", "protocol.txt:7: import-unknown-character: line 7 holds U+FFFD, which"),
        # "’" as UTF-8 read as Windows-1252 and saved again
        ("\u00e2\u20ac\u2122", "protocol.txt:7: import-mojibake: line 7 holds 'â€™', which is '’'"),
    ],
    ids=["symbol", "unknown", "mojibake"],
)
def test_a_character_that_is_no_word_stops_the_import(tmp_path: Path, sign: str, said: str) -> None:
    result = refused(tmp_path, PROTOCOL.format(sign=sign).encode("utf-8"))
    assert result.returncode == 1
    assert said in result.stderr
    assert "How to fix: " in result.stderr


def test_bytes_neither_utf8_nor_windows_1252_stop_the_import(tmp_path: Path) -> None:
    """0x81 is no character in Windows-1252 (nor is it UTF-8 here): the file's encoding
    is not known, and its characters are not guessed."""
    data = PROTOCOL.format(sign=" \u00a3").encode("cp1252").replace(b"\xa3", b"\x81")
    result = refused(tmp_path, data)
    assert result.returncode == 2
    assert (
        "protocol.txt:7: import-encoding: byte 142 (0x81) cannot be UTF-8 or Windows-1252 text"
        in (result.stderr)
    )
    assert "Encoding UTF-8" in result.stderr


def test_a_file_in_another_8_bit_encoding_stops_the_import(tmp_path: Path) -> None:
    """Mac OS Roman's "’" is "Õ" in Windows-1252: "councilÕs" is no word, so the file is
    not read as Windows-1252, nor guessed at."""
    result = refused(tmp_path, PROTOCOL.format(sign=" – the council’s").encode("mac_roman"))
    assert result.returncode == 2
    assert (
        "protocol.txt:7: import-wrong-encoding: the file is not UTF-8, and read as "
        "Windows-1252 it holds 'councilÕs', which is no word"
    ) in result.stderr
    assert "Unicode (UTF-8)" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-32-le"])
def test_text_after_its_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    """Big-endian UTF-16 and UTF-32 are read by their marks as Word's "Unicode Text" is."""
    source = tmp_path / "protocol.txt"
    text = PROTOCOL.format(sign=" – £25")
    source.write_bytes(("\ufeff" + text).encode(encoding))
    doc = import_protocol(source)
    assert [c.paragraphs for c in doc.clauses()][1] == [
        "Officers advise members – £25 on the Council's business."
    ]
    assert "UTF-" in doc.extracted.notes[0]


def test_a_word_broken_at_its_own_hyphen_is_written_as_the_document_writes_it(
    tmp_path: Path,
) -> None:
    """ "re-" / "elected" keeps its hyphen where the document writes "re-elected"; "sub-" /
    "committee" loses it where the document writes "subcommittee"; with no such word
    elsewhere, English decides: "well-" / "being" keeps it, "Mem-" / "bers" loses it."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol on Member and Officer Relations\n\n1. Purpose\n\n"
        "1.1 A member who is re-elected, and a member of a subcommittee, are bound by it. A\n"
        "member who is re-\nelected is bound again.\n\n"
        "1.2 A sub-\ncommittee is bound as its committee is.\n\n"
        "1.3 The well-\nbeing of officers matters to all Mem-\nbers.\n",
        encoding="utf-8",
    )
    assert [c.paragraphs for c in import_protocol(source).clauses()] == [
        [
            "A member who is re-elected, and a member of a subcommittee, are bound by it. A "
            "member who is re-elected is bound again."
        ],
        ["A subcommittee is bound as its committee is."],
        ["The well-being of officers matters to all Members."],
    ]
