"""A fresh blind benchmark of modality and references as councils write them
(tests/phrases20, written before the importer's code was read, in sentences and forms
tests/phrases19 does not hold), scored as test_phrases19 scores its own: each
paragraph's modality as a careful Monitoring Officer tags it, guessed by
`guess_modality` and by an import; each reference of a protocol linked to the paragraphs
it names, or kept as text and listed with its line, never linked elsewhere or left
silently; no time, sum, date, room or measurement linked.

`python tests/test_phrases20.py` prints the figures tests/phrases20/README.md records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from test_import_faults16 import imported_file
from test_phrases19 import (
    all_plain,
    clause_texts,
    covers_every_modality,
    figures,
    holds_every_kind_of_reference,
    import_guesses_as_guess_modality,
    none_wrong_or_silent,
    outcomes,
    paragraphs,
    references,
    right_at_least,
    sentences,
)

HERE = Path(__file__).parent / "phrases20"

# The floors: the figures measured after the fixes (tests/phrases20/README.md); the test
# fails if any falls.
EASY_RIGHT = 155  # of the 157 paragraphs not marked hard
ALL_RIGHT = 174  # of all 186
REFERENCES_RIGHT = 59  # of 59: none listed, wrong or silent


def test_the_benchmark_covers_every_modality_and_marks_its_hard_cases() -> None:
    covers_every_modality(paragraphs(HERE), 150)


def test_modality_is_the_careful_readers_on_the_paragraphs_not_marked_hard() -> None:
    right_at_least([r for r in paragraphs(HERE) if not r["hard"]], EASY_RIGHT)


def test_modality_is_the_careful_readers_on_every_paragraph() -> None:
    right_at_least(paragraphs(HERE), ALL_RIGHT)


def test_an_import_guesses_each_paragraph_as_guess_modality_does(tmp_path: Path) -> None:
    """The import's modality of a paragraph is the guess of its words (a third of the
    benchmark's one-line sentences)."""
    import_guesses_as_guess_modality(sentences(paragraphs(HERE))[1::3], tmp_path)


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], list[Any]]:
    return outcomes(tmp_path_factory.mktemp("phrases20"), HERE)


def test_the_protocol_holds_the_references_and_look_alikes_the_brief_asks_for() -> None:
    holds_every_kind_of_reference(references(HERE), 50)
    assert len(references(HERE)["look_alikes"]) >= 6


def test_every_reference_is_linked_right_or_listed_never_wrong_or_silent(
    scored: tuple[list[Any], list[Any]],
) -> None:
    none_wrong_or_silent(scored[0], REFERENCES_RIGHT)


def test_no_look_alike_is_linked_or_listed(scored: tuple[list[Any], list[Any]]) -> None:
    all_plain(scored[1])


if __name__ == "__main__":
    figures(HERE)


def test_a_section_cited_by_a_paragraph_s_dotted_number_is_that_paragraph(
    tmp_path: Path,
) -> None:
    """Where sections are numbered whole ("2. Enquiries"), "section 1.2" names the
    paragraph printed 1.2, as councils that call each paragraph a section write it: it
    is linked; "section 1" is still the section, kept as text; "section 3.4", which no
    paragraph is printed, is listed as missing."""
    source = tmp_path / "sections.txt"
    source.write_text(
        "PROTOCOL\n\n1. Roles\n\n1.1 Members set policy.\n\n1.2 Officers advise.\n\n"
        "2. Enquiries\n\n2.1 Officers reply as section 1.2 above provides, within the "
        "limits section 1 and section 3.4 set.\n",
        encoding="utf-8",
    )
    doc = imported_file(source, tmp_path)
    ids = {c["source_number"]: c["id"] for s in doc.report["sections"] for c in s["clauses"]}
    words, links = clause_texts(tmp_path)[ids["2.1"]]
    assert [(words[a:b], to) for a, b, to in links] == [("1.2", ids["1.2"])]
    assert "as section 1.2 above provides, within the limits section 1 and section 3.4" in words
    assert sorted((d["kind"], d["number"]) for d in doc.report["defects"]) == [
        ("missing-reference", "3.4"),
        ("section-reference", "1"),
    ]
