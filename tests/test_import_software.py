"""The importer on five protocols as the software councils publish with writes them
(import_software.py makes them from tests/import_software): numbers a browser draws
(<ol start>, <ol type="a">, a CSS counter), Word's legal multilevel list linked to its
heading styles, Google Docs' bold text and own lists, a PDF in two columns, and a Rich Text
file. Every word in is a word out, the structure is as a reader sees it, the site
publishes the numbers seen; a file the importer cannot read faithfully is refused,
saying how to bring it in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from constitution.extract import Numberer
from constitution.importer import import_protocol
from constitution.problems import ProtocolError
from import_software import NAMES, handed_over
from test_import_layouts import flat, heading
from test_import_unseen import imported, words, words_out
from test_import_word_internals import gold_text


def numbers(clauses: list[Any]) -> list[str]:
    """Paragraph numbers as seen, a closing full stop ("1.", as a browser draws it)
    being punctuation, not the number."""
    return [(c.number if hasattr(c, "number") else c["printed"]).rstrip(".") for c in clauses]


def refused(source: Path, data: dict[str, Any]) -> bool:
    """A format the importer may refuse: if it does, `constitution import` exits non-zero,
    naming the file and the way through; if not, the file is read as the gold."""
    if "refusal" not in data:
        return False
    try:
        import_protocol(source)
    except ProtocolError:
        pass
    else:
        return False
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", "out"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert source.name in result.stderr
    for said in data["refusal"]["says"]:
        assert said in result.stderr, result.stderr
    return True


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    assert words_out(import_protocol(source)) == words(gold_text(data))


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_seen(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    doc = import_protocol(source)
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, seen in zip(doc.sections, data["sections"], strict=True):
        assert numbers(section.clauses) == numbers(seen["clauses"])
        for clause, gold in zip(section.clauses, seen["clauses"], strict=True):
            assert clause.headings == gold["headings"], clause.number
            assert flat(clause.paragraphs) == flat(gold["paragraphs"]), clause.number
    assert sorted(" ".join(line.text.split()) for line, _ in doc.left_out) == sorted(
        data["left_out"]
    )
    assert [d.kind for d in doc.defects] == []


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_seen(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    report, published = imported(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == []
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering_xml(levels: str, nums: str) -> Any:
    from lxml import etree

    return etree.fromstring(
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">{levels}'
        f"</w:abstractNum>{nums}</w:numbering>"
    )


def level(ilvl: int, fmt: str, text: str, more: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{more}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def paragraph(num: int, ilvl: int) -> Any:
    from lxml import etree

    return etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/>'
        f'<w:numId w:val="{num}"/></w:numPr></w:pPr></w:p>'
    )


def test_legal_numbering_draws_every_level_in_figures() -> None:
    """Under a heading numbered "II." a level with w:isLgl draws "2.1", not "II.1"; a
    level without it keeps the higher level's own format."""
    levels = level(0, "upperRoman", "%1.") + level(1, "decimal", "%1.%2", "<w:isLgl/>")
    levels += level(2, "decimal", "%1.%2.%3")
    numberer = Numberer(
        numbering_xml(levels, '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    )
    drawn = [numberer.label(paragraph(5, ilvl)) for ilvl in (0, 1, 0, 1, 1, 2)]
    assert drawn == ["I.", "1.1", "II.", "2.1", "2.2", "II.2.1"]


def test_a_restart_by_another_num_of_the_same_list() -> None:
    """Two w:num of one list count on together; one with a startOverride starts its
    level again where it is first used ("(a)" again, not "(c)"), and a lvlOverride's own
    w:lvl redefines the level for that w:num."""
    levels = level(0, "decimal", "%1.") + level(1, "lowerLetter", "(%2)")
    nums = '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    nums += '<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1">'
    nums += '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    nums += '<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
    nums += (
        '<w:startOverride w:val="7"/>' + level(0, "decimal", "Part %1") + "</w:lvlOverride></w:num>"
    )
    numberer = Numberer(numbering_xml(levels, nums))
    uses = [(5, 0), (5, 1), (5, 1), (6, 1), (6, 1), (5, 0), (7, 0), (7, 1)]
    drawn = [numberer.label(paragraph(num, ilvl)) for num, ilvl in uses]
    assert drawn == ["1.", "(a)", "(b)", "(a)", "(b)", "2.", "Part 7", "(a)"]
