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

import docx
import pytest

from constitution.importer import import_protocol
from constitution.modality import guess_modality
from constitution.references import Targets, link
from constitution.word_numbering import FIRSTS, ONES, in_words
from import_shapes18 import NAMES, SOURCES, handed_over
from import_trial import Gold, bare, trial_tests
from test_import_faults16 import Imported, imported_file, misses, print_figures, reference_kind

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
    return {bare(c["source_number"]): c["id"] for s in doc.report["sections"] for c in s["clauses"]}


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
        # a "will" in a condition or a person described, or said of what follows, is no duty
        ("Where a councillor will be absent from a meeting, they should tell the Clerk.", "should"),
        ("A councillor who will be absent should give apologies.", "should"),
        ("Members should note that officers will advise them.", "should"),
        # a purpose ends at its verb; reading "with" care is no way of reading a document
        ("So that officers can plan their work members must give five days notice.", "must"),
        ("Members are asked to read the guidance with care.", "should"),
    ],
)
def test_modality_is_the_strongest_duty_a_person_is_given(text: str, modality: str) -> None:
    assert guess_modality(text).modality == modality


def imported_text(tmp_path: Path, text: str) -> Any:
    source = tmp_path / "protocol.txt"
    source.write_text(text, encoding="utf-8")
    return import_protocol(source)


def test_a_run_in_title_is_its_paragraph_s_heading(tmp_path: Path) -> None:
    """A short phrase before a dash, or in bold, opening a paragraph is its title; words
    set off between dashes in its sentence, or a phrase that is a sentence, are not."""
    doc = imported_text(
        tmp_path,
        "Protocol\n\n1. Conduct\n\n1.1 Confidentiality – Members must keep secrets.\n\n"
        "1.2 Officers – and members who chair committees – should be told.\n\n"
        "1.3 **Gifts.** Members must declare gifts.\n\n"
        "1.4 Members must act lawfully – always.\n",
    )
    assert [(c.headings, c.paragraphs) for c in doc.clauses()] == [
        (["Confidentiality"], ["Members must keep secrets."]),
        ([], ["Officers – and members who chair committees – should be told."]),
        (["Gifts"], ["Members must declare gifts."]),
        ([], ["Members must act lawfully – always."]),
    ]


def test_a_sentence_s_first_words_are_no_run_in_title(tmp_path: Path) -> None:
    """A bold first word the sentence goes on from, and a sentence's subject before an
    aside set off by dashes, are the sentence's words, no title."""
    doc = imported_text(
        tmp_path,
        "Protocol\n\n1. Conduct\n\n1.1 **All** Councillors must complete the training.\n\n"
        "1.2 The Council – Members and officers alike – expects courtesy.\n",
    )
    assert [(c.headings, c.paragraphs) for c in doc.clauses()] == [
        ([], ["**All** Councillors must complete the training."]),
        ([], ["The Council – Members and officers alike – expects courtesy."]),
    ]


def test_a_question_heads_its_answer(tmp_path: Path) -> None:
    """A question alone on its line is a heading, whatever modal verb it asks about."""
    doc = imported_text(
        tmp_path,
        "Protocol\n\nWhat should a member do if unhappy?\n\n1. Members should write.\n\n"
        "How may officers help?\n\n2. Officers may advise.\n",
    )
    assert [(s.title, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("What should a member do if unhappy?", ["1."]),
        ("How may officers help?", ["2."]),
    ]
    assert doc.defects == []


def test_a_code_quoted_with_its_own_numbers_is_the_paragraph_s(tmp_path: Path) -> None:
    """ "(1)", "(2)" after a dotted paragraph's lead-in quoting another document are the
    quotation's items, its words after them the paragraph's; its duties the code's."""
    doc = imported_text(
        tmp_path,
        "Protocol\n\n1. Conduct\n\n1.1 The Code, at paragraph 3, says:\n\n"
        "    (1) A member must be fair.\n\n    (2) A member must not bully.\n\n"
        "A breach is a matter for the Monitoring Officer.\n\n1.2 Members should be kind.\n",
    )
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        (
            "1.1",
            [
                "The Code, at paragraph 3, says:",
                "- (1) A member must be fair.",
                "- (2) A member must not bully.",
                "A breach is a matter for the Monitoring Officer.",
            ],
        ),
        ("1.2", ["Members should be kind."]),
    ]
    assert doc.clauses()[0].own_and_items()[0] == (
        "The Code, at paragraph 3, says: A breach is a matter for the Monitoring Officer."
    )


def test_a_wrapped_line_goes_on_its_sentence(tmp_path: Path) -> None:
    """A number after "paragraph" at a line's end is the one it names; a long line left
    off mid-phrase goes on before a capital, and is no heading."""
    intro = "Wrexley Council, Constitution Part 5, Section 4. Approved by the\nStandards Committee."
    cited = "the Clerk refers it under paragraph\n12 of the Code of Conduct, as it requires."
    doc = imported_text(
        tmp_path, f"Protocol\n\n{intro}\n\n1. Scope\n\n1.1 {cited}\n\n1.2 It ends.\n"
    )
    assert doc.intro.paragraphs == [" ".join(intro.split())]
    assert [c.paragraphs for c in doc.clauses()] == [[" ".join(cited.split())], ["It ends."]]


def test_a_list_s_next_number_after_a_word_naming_one_is_its_next_item(
    tmp_path: Path,
) -> None:
    """An item ending in a word that names a number ("... the Contract Procedure Rules")
    and the next item's number after it: two items, not a number cited."""
    doc = imported_text(
        tmp_path,
        "Protocol\n\nMembers must:\n\n1. comply with the Contract Procedure Rules\n"
        "2. declare their interests\n",
    )
    assert [c.number for c in doc.clauses()] == ["1.", "2."]


def test_a_word_box_is_read_as_its_paragraphs_in_place(tmp_path: Path) -> None:
    """A table of one cell holding a title and bullets, between a heading and the first
    paragraph, is the section's words: a title and items, not one row run together."""
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_paragraph("1.\tGroups", style="Heading 1")
    box = document.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    cell = box.rows[0].cells[0]
    cell.paragraphs[0].add_run("Key principles").bold = True
    cell.add_paragraph("Officers serve the whole Council.", style="List Bullet")
    cell.add_paragraph("Every group is treated alike.", style="List Bullet")
    document.add_paragraph("1.1\tOfficers may brief a group.")
    document.save(str(tmp_path / "p.docx"))
    doc = import_protocol(tmp_path / "p.docx")
    assert doc.sections[0].intro.paragraphs == [
        "Key principles",
        "- Officers serve the whole Council.",
        "- Every group is treated alike.",
    ]


def test_word_s_numbers_in_words() -> None:
    assert [in_words(n, ONES) for n in (1, 12, 20, 21, 99, 100)] == [
        "One",
        "Twelve",
        "Twenty",
        "Twenty-one",
        "Ninety-nine",
        "100",
    ]
    assert [in_words(n, FIRSTS) for n in (1, 2, 20, 22)] == [
        "First",
        "Second",
        "Twentieth",
        "Twenty-second",
    ]


TARGETS = Targets(
    dotted={"2.3.1": "A", "2.3.3": "C", "3.2": "B", "5.30": "T"},
    whole={"9": "N"},
    parts=set(),
    sections={"3": (3, "Hours")},
)


@pytest.mark.parametrize(
    ("text", "written", "reported"),
    [
        (
            "paragraphs 2.3.1. to 2.3.3. apply",
            "paragraphs {para}`2.3.1 <A>`. to {para}`2.3.3 <C>`. apply",
            [],
        ),
        ("The time in 3.2 runs", "The time in {para}`3.2 <B>` runs", []),
        # a time of day, not the paragraph of that number
        ("Send it by 5.30 on the Friday", "Send it by 5.30 on the Friday", []),
        ("Send it by 5.30 pm", "Send it by 5.30 pm", []),
        ("notice required by 5.30 applies", "notice required by {para}`5.30 <T>` applies", []),
        ("ended in 3.5 hours, in 1.4.2019", "ended in 3.5 hours, in 1.4.2019", []),
        (
            "The Code of Conduct, at paragraph 3, says",
            "The Code of Conduct, at paragraph 3, says",
            ["external-reference"],
        ),
        ("the steps in paragraph 9 apply", "the steps in paragraph 9 apply", []),
    ],
)
def test_references_as_these_layouts_print_them(
    text: str, written: str, reported: list[str]
) -> None:
    """A number closed by a full stop in a list, a dotted number after "in", another
    document's paragraph after its name, a paragraph's own number in its words (N)."""
    out, unresolved = link(text, TARGETS, lambda _: None, lambda _: False, "N")
    assert (out, [u.kind for u in unresolved]) == (written, reported)


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
        misses(modal, doc.report["defects"])


if __name__ == "__main__":
    print_figures(NAMES, figures)


def test_a_protocol_laid_out_in_one_box_is_weighed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole protocol laid out in one table of one cell (as some councils' templates
    do): whether the table is a box is weighed once, not again for each of its
    paragraphs (each weighing reads the whole cell: 2,000 paragraphs took minutes)."""
    import constitution.word_read

    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run("Protocol")
    for n in range(1, 41):
        cell.add_paragraph(f"1.{n}\tOfficers advise members.")
    document.save(str(tmp_path / "p.docx"))
    weighed: list[object] = []
    real = constitution.word_read.boxed

    def counted(table: Any) -> bool:
        weighed.append(table)
        return real(table)

    monkeypatch.setattr(constitution.word_read, "boxed", counted)
    doc = import_protocol(tmp_path / "p.docx")
    assert len(doc.clauses()) == 40
    assert len(weighed) == 1
