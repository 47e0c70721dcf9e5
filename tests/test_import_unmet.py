"""The importer on five protocols laid out as councils publish them and it had not met
(import_unmet.py makes them from tests/import_unmet): Welsh and English paragraphs
alternating, a PDF's words hyphenated at its lines' ends beside words with hyphens of their
own, a Word table with items in a table nested in a cell, a protocol forwarded in an e-mail,
and paragraphs numbered "Paragraph 1" and "Para 8A". Every word in is a word out, the
structure is as a careful reader reads it, the site publishes the numbers printed; what
the importer cannot bring in faithfully it refuses, saying how to bring it in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from constitution.importer import Imported, import_protocol
from import_unmet import NAMES, handed_over
from test_import_layouts import flat, heading
from test_import_unseen import imported, printed_number, words, words_out


def gold_text(data: dict[str, Any]) -> str:
    """Every word the gold holds, a paragraph's number as the site keeps it ("1", not
    "Paragraph 1" or "1)"), its label's words and brackets being no words of the text."""
    texts = [data["title"], *data["intro"], *data["left_out"]]
    for section in data["sections"]:
        number = section.get("printed") or section["number"] or ""
        texts += [printed_number(number, section["title"]), section["title"]]
        for clause in section["clauses"]:
            texts += [*clause["headings"], clause["number"], *clause["paragraphs"]]
    return "\n".join(texts)


def number(clause: Any) -> str:
    """A paragraph's number, a closing full stop or bracket ("1.", "1)") being
    punctuation."""
    return (clause.number if hasattr(clause, "number") else clause["number"]).rstrip(".)")


def import_as_told(source: Path, data: dict[str, Any]) -> Imported:
    """The import, of the document the gold takes (`--take N`) where the file holds more
    than one; without it such a file is refused, saying how to choose."""
    if "take" not in data:
        return import_protocol(source)
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", "never"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert source.name in result.stderr
    for said in data["refusal"]["says"]:
        assert said in result.stderr, result.stderr
    return import_protocol(source, data["take"])


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    assert words_out(import_as_told(source, data)) == words(gold_text(data))


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_read(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    doc = import_as_told(source, data)
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, seen in zip(doc.sections, data["sections"], strict=True):
        assert [number(c) for c in section.clauses] == [number(c) for c in seen["clauses"]]
        for clause, gold in zip(section.clauses, seen["clauses"], strict=True):
            assert clause.headings == gold["headings"], clause.number
            assert flat(clause.paragraphs) == flat(gold["paragraphs"]), clause.number
    assert words(" ".join(line.text for line, _ in doc.left_out)) == words(
        " ".join(data["left_out"])
    )
    assert [d.kind for d in doc.defects] == []


@pytest.mark.parametrize("name", [n for n in NAMES if not n.startswith("bilingual")])
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    report, published = imported(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == []
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert {key.rstrip(".)"): value for key, value in published.items()} == expected
