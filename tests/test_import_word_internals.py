"""The importer on five Word protocols whose words sit in Word's less obvious places
(import_word_internals.py makes them from tests/word_internals): every word in is a word
out, the structure is as printed, the site publishes the numbers printed, and what is not
protocol text (a reviewer's comment, a header, a contents table, a text box) is said to be
left out, never dropped unsaid, nor let into a clause."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from constitution.importer import import_protocol
from import_word_internals import NAMES, SOURCES, handed_over
from test_import_layouts import flat, heading
from test_import_unseen import imported, words, words_out

# What each document's report rightly says: an unnumbered paragraph after a numbered one
# is kept with it, and said (it may be an aside or a heading instead).
REPORTED = {"numbering-characters": ["unnumbered-paragraph"]}


def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SOURCES / "golds" / f"{name}.json").read_text(encoding="utf-8")
    )
    return data


def gold_text(data: dict[str, Any]) -> str:
    texts = [data["title"], *data["intro"], *data["left_out"]]
    for section in data["sections"]:
        texts += [section["number"] or "", section["title"]]
        for clause in section["clauses"]:
            texts += [*clause["headings"], clause["printed"], *clause["paragraphs"]]
    return "\n".join(texts).replace("\ue000", " ")


def linked(text: str) -> str:
    """A link's words, without the address the gold writes in Markdown after them."""
    out, at = "", 0
    while (start := text.find("](", at)) >= 0:
        end = text.index(")", start)
        out += text[at:start]
        at = end + 1
    return (out + text[at:]).replace("[", "")


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    doc = import_protocol(handed_over(name, tmp_path))
    assert words_out(doc) == words(linked(gold_text(gold(name))))


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
            assert flat(clause.paragraphs) == flat(expected["paragraphs"]), clause.number
    left_out = sorted(one_line(line.text) for line, _ in doc.left_out)
    assert left_out == sorted(data["left_out"])
    assert [d.kind for d in doc.defects] == REPORTED.get(name, [])


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    data = gold(name)
    report, published = imported(tmp_path, handed_over(name, tmp_path))
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == REPORTED.get(name, [])
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.md"))
    # a field's instruction is never its words
    for instruction in ("REF ", "_Ref", "TOC ", "PAGEREF", "MERGEFORMAT", "\\h"):
        assert instruction not in written
