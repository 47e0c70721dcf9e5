"""The importer on five protocols amended over years and laid out by different hands
(import_amended.py makes them from tests/import_amended): every word in is a word out,
the structure is as printed (numbers inserted as adopted, "3.4A", "3A.1", "2.2.2A"), the
site publishes the numbers printed, and what is not a clause's words (a revoked number's
line, a note of amendment, an amendment history, an annex) is listed as left out, never
dropped unsaid nor let into a clause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from constitution.import_markup import CELL_BREAK
from constitution.importer import import_protocol
from import_amended import NAMES, gold, handed_over
from test_import_layouts import flat, heading
from test_import_unseen import imported, words, words_out


# What a document's report rightly says: "Part 5, Section 3 of the Constitution" cites
# another document, and is kept as text.
REPORTED = {"paragraph-headings.html": ["external-reference"]}


def gold_text(data: dict[str, Any]) -> str:
    texts = [data["title"], *data["intro"], *data["left_out"]]
    for section in data["sections"]:
        texts += [section["number"] or "", section["title"]]
        for clause in section["clauses"]:
            texts += [*clause["headings"], clause["printed"], *clause["paragraphs"]]
    return "\n".join(texts)


def one_line(text: str) -> str:
    """A line left out as the gold writes it: a table's row as its cells' words."""
    return " ".join(text.replace(CELL_BREAK, " ").split()).removeprefix("- ")


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    doc = import_protocol(handed_over(name, tmp_path))
    assert words_out(doc) == words(gold_text(gold(name)))


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_printed(tmp_path: Path, name: str) -> None:
    data = gold(name)
    doc = import_protocol(handed_over(name, tmp_path))
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, printed in zip(doc.sections, data["sections"], strict=True):
        assert [c.number for c in section.clauses] == [c["printed"] for c in printed["clauses"]]
        for clause, expected in zip(section.clauses, printed["clauses"], strict=True):
            assert clause.headings == expected["headings"], clause.number
            assert flat(clause.paragraphs) == flat(expected["paragraphs"]), clause.number
    assert [d.kind for d in doc.defects] == []


@pytest.mark.parametrize("name", NAMES)
def test_history_revoked_numbers_and_annexes_are_listed_as_left_out(
    tmp_path: Path, name: str
) -> None:
    data = gold(name)
    doc = import_protocol(handed_over(name, tmp_path))
    left_out = {one_line(line.text): why for line, why in doc.left_out}
    # every word of them (a PDF's flowchart gives its boxes' labels as run-on lines)
    assert words("\n".join(left_out)) == words("\n".join(set(data["left_out"])))
    for line in data["history"]:
        assert "history" in left_out[line].lower(), line
    for number, line in data["revoked"].items():
        assert "revoked" in left_out[line] and number in left_out[line], line
    for title in data["appendices"]:
        assert "after the protocol's numbered sections" in left_out[title], title


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    data = gold(name)
    report, published = imported(tmp_path, handed_over(name, tmp_path))
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == REPORTED.get(name, [])
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected
