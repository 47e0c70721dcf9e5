"""The importer on five protocols as UK councils publish them, of kinds and layouts it
had not met (import_unmet11.py makes them from tests/import_unmet11): a Word file saved as
Strict Open XML, a PDF with footnotes at its pages' feet under a running head, Parts in
roman numerals whose paragraphs start again at 1, items three deep with words closing an
item after its sub-items, and a Word table of definitions under a numbered paragraph.
Every word in is a word out, the structure is as a careful reader reads it, the site
publishes the numbers printed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from constitution import numbering
from constitution.import_myst import render
from constitution.importer import import_protocol
from constitution.pdf_fonts import on_baselines
from import_software import gold
from import_trial import bare, every_word_out, structure_as_read
from import_unmet11 import NAMES, SOURCES, handed_over
from test_import_unseen import imported, published_document


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    every_word_out(import_protocol(source), data)


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_read(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    structure_as_read(import_protocol(source), data)


def published_numbers(
    tmp_path: Path, source: Path, *given: str
) -> tuple[dict[str, Any], list[str]]:
    """The JSON report, and the number the site publishes for each paragraph, in order
    (a number printed again in another Part kept apart), the import run with the options
    ``given``."""
    report, _ = imported(tmp_path, source, *given)
    document = published_document(tmp_path / "out", report)
    return report, [c.number for s in document.sections for c in s.clauses]


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    """Each paragraph published with its gold's number: as printed, or where the site
    cannot publish it so (Part II's "3." is section 2's paragraph (3), cited 2(3)) as
    the gold says the site cites it."""
    source, data = handed_over(name, tmp_path)
    published_as_gold(tmp_path, source, data)


def published_as_gold(folder: Path, source: Path, data: dict[str, Any]) -> None:
    """`constitution import` finds the gold's numbering style and reports only what the
    gold reports, and the site publishes each paragraph with the gold's number (of the
    document the gold takes, `--take N`, where the file holds more than one)."""
    taken = ("--take", str(data["take"])) if "take" in data else ()
    report, published = published_numbers(folder, source, *taken)
    assert (report["number_style"], [d["kind"] for d in report["defects"]]) == (
        data["number_style"],
        data.get("reported", []),
    )
    assert published == [c["number"] for s in data["sections"] for c in s["clauses"]]


CITED = re.compile(r"\{para\}`([^`<]+?) <([^>]+)>`")


@pytest.mark.parametrize("name", [n for n in NAMES if "references" in gold(n, SOURCES)])
def test_references_name_the_paragraph_of_the_part_cited(tmp_path: Path, name: str) -> None:
    """ "Part II paragraph 3" links the third paragraph of Part II, wherever it is cited."""
    references_as_gold(*handed_over(name, tmp_path))


def references_as_gold(source: Path, data: dict[str, Any]) -> None:
    """Each paragraph the gold's ``references`` names (its section's place and number,
    "2/3") links the paragraphs it lists, and no other."""
    doc = import_protocol(source)
    blocks = "\n".join(render(doc, "MOP").values()).split("{clause}")  # IDs given
    ids = {
        f"{place}/{bare(c.number)}": c.id
        for place, s in enumerate(doc.sections, 1)
        for c in s.clauses
    }
    for citing, cited in data["references"].items():
        (block,) = [b for b in blocks if b.startswith(f" {ids[citing]}\n")]
        assert [target for _, target in CITED.findall(block)] == [ids[c] for c in cited], citing


def test_a_part_named_without_the_paragraph_cited_links_no_other_part_s(tmp_path: Path) -> None:
    """ "Part I paragraph 4" where only Part II has a paragraph 4 is that Part's, which it
    lacks: left as printed and reported, not linked to Part II's 4 (the one paragraph 4
    of the document, as a number alone would be)."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\nPART I – GENERAL\n\n1. Members ask.\n\n2. Officers reply.\n\n"
        "PART II – MEETINGS\n\n1. Officers attend.\n\n2. Officers advise, as Part I "
        "paragraph 2 says.\n\n3. Members listen.\n\n4. The chair keeps order.\n\n"
        "5. Minutes are kept, as Part I paragraph 4 says.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    text = "\n".join(render(doc, "MOP").values())
    first = doc.sections[0].clauses[1].id
    assert f"as Part I paragraph {{para}}`2 <{first}>` says" in text
    assert "as Part I paragraph 4 says" in text  # no link: Part I has no paragraph 4
    assert [d.kind for d in doc.defects] == ["missing-reference"]


def test_a_raised_mark_is_set_against_its_word_and_a_notes_number_before_its_words() -> None:
    """pypdf starts a line at a piece drawn raised and smaller (a footnote's mark): the
    eye reads it against the word before, the line's words going on after it; at the
    page's foot the note's raised number begins the note's line."""
    texts = ["co-opted members", "1", " , and officers", "1", " Co-opted members are"]
    sizes = [10.0, 6.0, 10.0, 6.0, 8.0]
    counts = [
        Counter({(size, False): len(t.strip())}) for t, size in zip(texts, sizes, strict=True)
    ]
    lefts = [72.0, 150.0, 153.0, 72.0, 76.0]  # where each piece starts across the page
    baselines = [649.0, 652.5, 649.0, 101.0, 98.0]
    text, drawn = on_baselines(texts, counts, baselines, lefts, [None] * len(texts))
    assert text.split("\n") == ["co-opted members1, and officers", "1 Co-opted members are"]
    assert [(d.size, d.y) for d in drawn if d] == [(10.0, 649.0), (8.0, 98.0)]
    # a number on a line of its own, drawn in the words' size, is no mark
    text, _ = on_baselines(
        ["REVIEW", "3"], [counts[0], counts[0]], [649.0, 652.5], lefts[:2], [None, None]
    )
    assert text == "REVIEW\n3"


def test_a_sentence_after_a_finished_list_closes_the_paragraph(tmp_path: Path) -> None:
    """After a list of labelled items ended by a full stop, a sentence is the paragraph's
    closing words, not an item with no label; a definition's line after "In this
    protocol:" is still an item of the list it leads in to."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1. Requests\n\n1.1 A member may ask where:\n\n(a) it is needed; and\n\n"
        "(b) it is held.\n\nOther requests go to the Clerk.\n\n1.2 In this protocol:\n\n"
        '"Member" – a councillor.\n\n"Officer" – a member of staff.\n\n1.3 Officers reply.\n',
        encoding="utf-8",
    )
    first, second, _ = import_protocol(source).clauses()
    assert first.paragraphs[-1] == "Other requests go to the Clerk."
    assert second.paragraphs[1:] == [
        '- "Member" – a councillor.',
        '- "Officer" – a member of staff.',
    ]


def test_a_paragraph_of_a_part_cited_by_its_part_reads_as_printed() -> None:
    """ "Part II paragraph 3", linked to the paragraph the site publishes as 2(3), still
    reads "3" after the Part, as printed; "(3)" in its own section reads "(3)"."""
    assert numbering.reference("2(3)", "3") == "3"
    assert numbering.reference("2(3)", "(3)") == "(3)"
    assert numbering.reference("2(3)", "2(3)") == "2(3)"
