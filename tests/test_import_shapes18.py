"""The importer on six protocols laid out as UK councils lay theirs out, in shapes no
earlier trial met (import_shapes18.py makes the Word files from tests/import_shapes18):
questions as headings, run-in titles in bold or before a dash, numbers closed by a full
stop at every level, a code quoted with its own numbers, dates and sums at the start of
wrapped lines, boxes between paragraphs, sections numbered in words by Word's list, an
appendix numbered "A1". Every word in is a word out, the structure is as a careful
reader reads it, the site publishes the numbers printed, each reference is linked to the
paragraph it cites or listed, and each paragraph's modality is read from its verbs.

`python tests/test_import_shapes18.py` prints the figures the README records."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from constitution.importer import import_protocol
from constitution.modality import guess_modality
from import_shapes18 import NAMES, SOURCES, handed_over
from import_trial import Gold, bare, trial_tests
from test_import_faults16 import Imported, imported_file, reference_kind

test_read_as_gold, test_published_as_gold, test_gold_reads_every_source = trial_tests(
    NAMES, SOURCES, handed_over
)


@pytest.mark.parametrize("name", NAMES)
def test_unnumbered_words_stand_where_printed(tmp_path: Path, name: str) -> None:
    """A box at a section's head is the section's unnumbered words; one between two
    paragraphs the section's words after the first, in place."""
    source, data = handed_over(name, tmp_path)
    doc = import_protocol(source)
    for section, gold in zip(doc.sections, data["sections"], strict=True):
        assert section.intro.paragraphs == gold.get("intro", []), section.title
        for clause, expected in zip(section.clauses, gold["clauses"], strict=True):
            assert clause.after.paragraphs == expected.get("after", []), clause.number


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Imported, Gold]]:
    made = {}
    for name in NAMES:
        folder = tmp_path_factory.mktemp(name)
        source, data = handed_over(name, folder)
        made[name] = (imported_file(source, folder), data)
    return made


def ids_by_number(doc: Imported) -> dict[str, str]:
    """Each paragraph's ID by its number as printed, its closing full stop apart (every
    number is printed once in these documents)."""
    return {
        bare(c["source_number"]): c["id"] for s in doc.report["sections"] for c in s["clauses"]
    }


def listed(doc: Imported, reference: Gold) -> bool:
    """Whether a defect lists the reference: at its line (a Word file's lines are its
    paragraphs, which the gold does not count), naming a number it holds."""
    return any(
        reference_kind(d["kind"])
        and (d["line"] == reference["line"] or not isinstance(reference["line"], int))
        and re.search(rf"(?<![\w.]){re.escape(bare(d['number']))}", reference["words"])
        for d in doc.report["defects"]
    )


def reference_outcome(doc: Imported, reference: Gold) -> str:
    """right (linked to the paragraphs meant; another document's kept as text), listed,
    wrong (linked elsewhere), silent (kept as text, listed nowhere). A paragraph citing
    its own number ("itself") is kept as text: the site links no paragraph to itself."""
    words = r"\s+".join(re.escape(w) for w in reference["words"].split())
    spans = [m.span() for m in re.finditer(words, doc.text)]
    if len(spans) != 1:
        return "wrong"  # its words changed or lost
    start, end = spans[0]
    linked = [ident for a, b, ident in doc.links if a < end and b > start]
    meant = reference["means"]
    if linked:
        ids = ids_by_number(doc)
        right = isinstance(meant, list) and linked == [ids.get(p["number"]) for p in meant]
        return "right" if right else "wrong"
    if meant in ("outside", "itself"):  # a paragraph citing its own number: no link
        return "right"
    return "listed" if listed(doc, reference) else "silent"


def modality_outcomes(doc: Imported, data: Gold) -> list[tuple[str, str, str]]:
    """(number, the gold's modality, the import's) for each paragraph."""
    guessed = {
        bare(c["source_number"]): c["modality"]
        for s in doc.report["sections"]
        for c in s["clauses"]
    }
    return [
        (c["number"], c["modality"], guessed.get(bare(c["printed"]), "-"))
        for s in data["sections"]
        for c in s["clauses"]
    ]


def word_lines(name: str, data: Gold) -> Gold:
    """The gold, a Word file's reference lines not counted (its source's lines are not
    its paragraphs)."""
    if not name.endswith(".docx"):
        return data
    references = [{**r, "line": None} for r in data["references"]]
    return {**data, "references": references}


@pytest.mark.parametrize("name", NAMES)
def test_each_reference_is_linked_right_or_kept(
    trial: dict[str, tuple[Imported, Gold]], name: str
) -> None:
    doc, data = trial[name]
    references = word_lines(name, data)["references"]
    assert [(r["words"], reference_outcome(doc, r)) for r in references] == [
        (r["words"], "right") for r in references
    ]


@pytest.mark.parametrize("name", NAMES)
def test_each_paragraphs_modality_is_read_from_its_verbs(
    trial: dict[str, tuple[Imported, Gold]], name: str
) -> None:
    doc, data = trial[name]
    assert [o for o in modality_outcomes(doc, data) if o[1] != o[2]] == []


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # "will" telling what a person does is a duty, stronger than "should" or "may"
        ("A member should write first. The Chief Executive will reply in 15 days.", "must"),
        ("Staff will not join a group's meeting, except that a Director may brief it.", "must-not"),
        ("The officer should reply in ten days, or the officer is to tell them when.", "must"),
        # a "will" of what no person does, or a decision left open, is no duty
        ("Members should ask. If a reply will take longer, it is sent later.", "should"),
        ("Officers may attend. The Chief Executive will decide whether they go.", "may"),
        # what a sentence says may be expected, or a purpose, grants nothing
        ("It sets out what members can expect of officers.", "informative"),
        ("Officers brief members so that they can decide in time.", "informative"),
        ("A serious breach of it may also be a breach of the Code.", "informative"),
        ("It sets the standards each may expect of the other.", "informative"),
        ("Members may ask officers for advice.", "may"),
    ],
)
def test_modality_is_the_strongest_duty_a_person_is_given(text: str, modality: str) -> None:
    assert guess_modality(text).modality == modality


def figures(folder: Path) -> None:
    """The references' and modality's figures, a row a document, as the README records
    them, with what each miss is."""
    print("| document | references right | listed | wrong | silent | modality right |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name in NAMES:
        source, data = handed_over(name, folder / name)
        doc = imported_file(source, folder / name)
        data = word_lines(name, data)
        outcomes: list[tuple[Any, str]] = [
            (r, reference_outcome(doc, r)) for r in data["references"]
        ]
        refs = Counter(outcome for _, outcome in outcomes)
        modal = modality_outcomes(doc, data)
        right = sum(o[1] == o[2] for o in modal)
        print(
            f"| {name} | {refs['right']} | {refs['listed']} | {refs['wrong']} "
            f"| {refs['silent']} | {right}/{len(modal)} |"
        )
        for reference, outcome in outcomes:
            if outcome != "right":
                print(f"    reference {reference['words']!r}: {outcome}")
        for number, meant, guessed in modal:
            if meant != guessed:
                print(f"    modality of {number}: {guessed}, the gold's {meant}")
        for defect in doc.report["defects"]:
            print(f"    defect line {defect['line']} {defect['kind']} {defect['number']}")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name in NAMES:
            (Path(folder) / name).mkdir()
        figures(Path(folder))
