"""The importer on five protocols as councils publish them inside the whole constitution
(import_constitution_parts.py makes them from tests/import_constitution_parts): numbers
carrying the Part's ("5.3.2.1"), lettered sections over paragraphs numbered on through the
Part, a glossary table before roman-numbered sections, superscript footnote marks with
endnotes and annexes, and a modern.gov page of Word's HTML. Every word in is a word out,
the structure is as printed, the site publishes the numbers printed, and a reference
links the paragraph of this Part it cites, never a paragraph of the same number in
another Part."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from constitution.importer import import_protocol, render
from import_constitution_parts import NAMES, SOURCES, handed_over
from test_import_layouts import flat, heading
from test_import_software import numbers
from test_import_unseen import imported, words, words_out
from test_import_word_internals import gold_text

# What each document's report rightly says: a statute's section cited by number
# ("section 28 of the Localism Act 2011") is another document's, kept as text.
REPORTED = {"annex-endnotes.txt": ["external-reference", "external-reference"]}
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def source_words(path: Path) -> Any:
    """The words a text file prints, a superscript mark a word of its own ("officer¹"
    is "officer" and "1")."""
    text = path.read_text(encoding="utf-8")
    return words(re.sub("([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", r" \1", text).translate(SUPERSCRIPTS))


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if name.endswith(".txt"):  # the gold holds the document's words, no others
        assert source_words(source) == words(gold_text(data))
    assert words_out(import_protocol(source)) == words(gold_text(data))


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    doc = import_protocol(source)
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == flat(data["intro"])
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, printed in zip(doc.sections, data["sections"], strict=True):
        assert numbers(section.clauses) == numbers(printed["clauses"])
        for clause, gold in zip(section.clauses, printed["clauses"], strict=True):
            assert clause.headings == gold["headings"], clause.number
            assert flat(clause.paragraphs) == flat(gold["paragraphs"]), clause.number
    assert sorted(" ".join(line.text.split()) for line, _ in doc.left_out) == sorted(
        data["left_out"]
    )
    assert [d.kind for d in doc.defects] == []


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    report, published = imported(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == REPORTED.get(name, [])
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected


CITED = re.compile(r"\{para\}`([^`<]+?) <")


@pytest.mark.parametrize("name", [n for n in NAMES if "references" in handed_over(n, SOURCES)[1]])
def test_references_link_this_parts_paragraphs(tmp_path: Path, name: str) -> None:
    """Each paragraph links the paragraphs of this Part it cites, and no paragraph of
    this Part for a reference to another Part's ("Part 4.2 para 12")."""
    source, data = handed_over(name, tmp_path)
    doc = import_protocol(source)
    written = "\n".join(render(doc, "MOP").values())
    for number, cited in data["references"].items():
        clause = next(c for c in doc.clauses() if c.number.rstrip(".") == number)
        block = written.split(clause.paragraphs[0][:40])[1].split("{clause}")[0]
        assert [c.rstrip(".") for c in CITED.findall(block)] == cited, number


def test_superscript_marks_and_their_notes(tmp_path: Path) -> None:
    """A mark printed as a superscript digit ("officer¹") cites the note printed with it
    ("¹ Section 270(3) ..."): the mark is written "[1]", the note goes with the paragraph
    citing it, and the heading over the notes is left out; a superscript no note begins
    with ("10m²") is the words' own."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1. Scope\n\n1.1 The Clerk is the proper officer¹ of the Council.\n\n"
        "1.2 Meetings are held in a room of 40m² or more.\n\n1.3 Papers are published².\n\n"
        "Notes\n\n¹ Section 270(3) of the Local Government Act 1972.\n"
        "² Section 100B of that Act, as\namended.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert [c.paragraphs for c in doc.clauses()] == [
        [
            "The Clerk is the proper officer[1] of the Council.",
            "[1] Section 270(3) of the Local Government Act 1972.",
        ],
        ["Meetings are held in a room of 40m² or more."],
        ["Papers are published[2].", "[2] Section 100B of that Act, as amended."],
    ]
    assert [line.text for line, _ in doc.left_out] == ["Notes"]
    assert doc.defects == []
