"""The importer on five protocols amended over years and laid out by different hands
(import_amended.py makes them from tests/import_amended): every word in is a word out,
the structure is as printed (numbers inserted as adopted, "3.4A", "3A.1", "2.2.2A"), the
site publishes the numbers printed, and what is not a clause's words (a revoked number's
line, a note of amendment, an amendment history, an annex) is listed as left out, never
dropped unsaid nor let into a clause."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from constitution.import_markup import CELL_BREAK
from constitution.importer import import_protocol
from constitution.problems import ProtocolError
from constitution.project import Project
from import_amended import NAMES, SOURCES, gold, handed_over
from test_import_unseen import words, words_out
from test_import_word_internals import as_printed, gold_text, published_as_printed

# What a document's report rightly says: "Part 5, Section 3 of the Constitution" cites
# another document, and is kept as text.
REPORTED = {"paragraph-headings.html": ["external-reference"]}


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
    as_printed(doc, data)
    assert [d.kind for d in doc.defects] == []


@pytest.mark.parametrize("name", NAMES)
def test_history_and_annexes_are_listed_as_left_out_and_revoked_numbers_kept(
    tmp_path: Path, name: str
) -> None:
    """Each revoked number's line is kept in its section, revoked, with the words printed
    there; every other line the gold leaves out is listed as left out."""
    data = gold(name)
    doc = import_protocol(handed_over(name, tmp_path))
    left_out = {one_line(line.text): why for line, why in doc.left_out}
    kept = {
        number: (one_line(line.text), section.number)
        for section in doc.sections
        for line, numbers, _ in section.revoked
        for number in numbers
    }
    assert {n: line for n, (line, _) in kept.items()} == data["revoked"]
    assert all(n.split(".")[0] == section for n, (_, section) in kept.items())
    revoked_lines = set(data["revoked"].values())
    # every word of them (a PDF's flowchart gives its boxes' labels as run-on lines)
    assert words("\n".join(left_out)) == words("\n".join(set(data["left_out"]) - revoked_lines))
    for line in data["history"]:
        assert "history" in left_out[line].lower(), line
    for title in data["appendices"]:
        assert "after the protocol's numbered sections" in left_out[title], title


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    published_as_printed(tmp_path, handed_over(name, tmp_path), gold(name), REPORTED.get(name, []))


def protocol(tmp_path: Path, text: str, name: str = "protocol.txt") -> Path:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return source


def test_a_revoked_number_is_kept_in_place_counted_and_said(tmp_path: Path) -> None:
    """ "3.2 [Deleted]", "3.3 Not used" and "4.2 to 4.4 [Revoked ...]" keep their place in
    the count (no gap is reported) and in their sections, revoked, with the words printed,
    but are no paragraphs; words beginning with the same verb ("Removed from office, ...")
    are a paragraph's."""
    doc = import_protocol(
        protocol(
            tmp_path,
            "Protocol\n\n3. Enquiries\n\n3.1 Officers reply.\n\n3.2 [Deleted]\n\n3.3 Not used\n\n"
            "3.4 Removed from office, a member returns the Council's papers.\n\n"
            "4. Groups\n\n4.1 Officers brief groups.\n\n"
            "4.2 to 4.4 Revoked by Council on 2 May 2021.\n\n4.5 Officers leave before debate.\n",
        )
    )
    assert [c.number for c in doc.clauses()] == ["3.1", "3.4", "4.1", "4.5"]
    assert doc.defects == []
    assert doc.revoked == ["3.2", "3.3", "4.2", "4.3", "4.4"]
    assert [[(n, said) for _, ns, said in s.revoked for n in ns] for s in doc.sections] == [
        [("3.2", "Deleted"), ("3.3", "Not used")],
        [(n, "Revoked by Council on 2 May 2021") for n in ("4.2", "4.3", "4.4")],
    ]
    assert doc.left_out == []


def test_a_council_made_from_a_protocol_printing_revoked_numbers_keeps_them(
    tmp_path: Path,
) -> None:
    """`constitution init --from` the amended protocol: the report says which numbers were
    kept as revoked; `constitution paragraph 3.3` says what was printed in its place; and a
    paragraph inserted after 3.2 is numbered after the revoked 3.3 and 3.4, never as one."""
    source = SOURCES / "inserted-revoked.txt"
    made = constitution(
        tmp_path, "init", "repo", "--council", "Thornbury Vale", "--from", str(source)
    )
    assert made.returncode == 0, made.stderr
    assert (
        "5 number(s) printed as revoked were kept as revoked, each in its place with the words "
        "printed there (the section's front matter): 3.3, 3.4, 4.2, 4.3, 4.4." in made.stdout
    )
    repo = tmp_path / "repo"
    section = (repo / "protocol" / "information-for-councillors.md").read_text(encoding="utf-8")
    assert section.startswith("---\nrevoked 3.3: Deleted\nrevoked 3.4: Not used\n---\n")
    said = [constitution(repo, "paragraph", n).stdout for n in ("3.3", "4.3")]
    assert said == [
        "3.3 in the draft: revoked; printed in its place: Deleted.\n",
        "4.3 in the draft: revoked; printed in its place: Revoked by Council, 12 May 2021.\n",
    ]
    before = section.index("\n```{clause}", section.index(":source-number: 3.2"))
    new = "\n```{clause} MOP-0900\n:modality: informative\n\nA note.\n```\n"
    (repo / "protocol" / "information-for-councillors.md").write_text(
        section[: before + 1] + new + section[before:], encoding="utf-8"
    )
    assert constitution(repo, "check").returncode == 0
    numbered = Project(repo).document()
    assert [c.number for c in numbered.sections[2].clauses] == ["3.1", "3.2", "3.4A", "3.5"]


def constitution(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "constitution", *args]
    return subprocess.run(command, cwd=where, capture_output=True, text=True, check=False)


def test_a_section_printed_as_revoked_is_kept_in_its_place(tmp_path: Path) -> None:
    """Sections 3, 5 and 6 printed as revoked, three ways ("3 [Revoked by ...]", "Section 5
    – Deleted", "6. Not used"): each kept in the index's front matter with the words
    printed, none listed as left out, and no numbering jump from 2 to 4 or 4 to 7; the
    council made from it shows them and gives a section inserted after 4 none of them."""
    source = SOURCES / "revoked-section.txt"
    doc = import_protocol(source)
    assert [s.number for s in doc.sections] == ["1", "2", "4", "7"]
    assert doc.defects == []
    assert doc.left_out == []
    assert [(n, said) for _, n, said in doc.revoked_sections] == [
        ("3", "Revoked by Council, 12 May 2021"),
        ("5", "Deleted"),
        ("6", "Not used"),
    ]
    made = constitution(tmp_path, "init", "repo", "--council", "Harrowfield", "--from", str(source))
    assert made.returncode == 0, made.stderr
    assert "3 section number(s) printed as revoked were kept as revoked" in made.stdout
    repo = tmp_path / "repo"
    index = (repo / "protocol" / "index.md").read_text(encoding="utf-8")
    assert index.startswith(
        "---\nrevoked section 3: Revoked by Council, 12 May 2021\n"
        "revoked section 5: Deleted\nrevoked section 6: Not used\n---\n"
    )
    information = next(s for s in Project(repo).document().sections if s.number == "4")
    listed = index.replace(f"{information.slug}\n", f"{information.slug}\nanother\n")
    (repo / "protocol" / "index.md").write_text(listed, encoding="utf-8")
    new = "# Another\n\n```{clause} MOP-0900\n:modality: informative\n\nA note.\n```\n"
    (repo / "protocol" / "another.md").write_text(new, encoding="utf-8")
    assert constitution(repo, "check").returncode == 0
    numbered = Project(repo).document()
    assert [s.number for s in numbered.sections] == ["1", "2", "4", "6A", "7"]


def test_a_revoked_number_given_again_is_a_fault(tmp_path: Path) -> None:
    """ "1.2 [Deleted]" then "1.2 Two.": the paragraph has the number, and the revoked
    line is listed as left out, not kept (the project would refuse both)."""
    doc = import_protocol(
        protocol(
            tmp_path,
            "Protocol\n\n1. Purpose\n\n1.1 One.\n\n1.2 [Deleted]\n\n1.2 Two.\n\n1.3 Three.\n",
        )
    )
    assert [(d.kind, d.number) for d in doc.defects] == [("duplicate-number", "1.2")]
    assert "also printed as revoked" in doc.defects[0].message
    assert doc.sections[0].revoked == []
    assert [line.text for line, _ in doc.left_out] == ["1.2 [Deleted]"]


def test_a_gap_no_revoked_number_explains_is_still_a_fault(tmp_path: Path) -> None:
    doc = import_protocol(
        protocol(
            tmp_path,
            "Protocol\n\n1. Purpose\n\n1.1 One.\n\n1.2 [Deleted]\n\n1.4 Four.\n\n1.5 Five.\n",
        )
    )
    assert [d.kind for d in doc.defects] == ["skipped-number"]


THEN = "\n\n1.2 Two.\n\n1.3 Three.\n"  # paragraphs after the one tried


@pytest.mark.parametrize(
    "note",
    [
        "[Amended by Council, 14 March 2019]",
        "(Inserted by the Parish Council on 3 October 2022)",
        "*Paragraph 3.2A inserted by the Council on 18 January 2023.*",
        "Paragraphs 5.2A and 5.2B inserted by Council, 12 May 2021",
    ],
)
def test_a_note_of_amendment_after_a_paragraph_is_history(tmp_path: Path, note: str) -> None:
    doc = import_protocol(
        protocol(tmp_path, f"Protocol\n\n1. Purpose\n\n1.1 Officers advise.\n\n{note}{THEN}")
    )
    assert [c.paragraphs for c in doc.clauses()] == [["Officers advise."], ["Two."], ["Three."]]
    assert [(line.text, why.split(":")[0]) for line, why in doc.left_out] == [
        (note.replace("*", ""), "history")
    ]
    assert doc.defects == []


def test_a_sentence_about_an_amendment_is_words(tmp_path: Path) -> None:
    """Only a note standing apart is history: a sentence of the paragraph saying when
    something was amended stays its words."""
    text = "The Council amended the code on 2 May 2021 to add this paragraph."
    doc = import_protocol(
        protocol(tmp_path, f"Protocol\n\n1. Purpose\n\n1.1 Officers advise.\n{text}{THEN}")
    )
    assert doc.clauses()[0].paragraphs == ["Officers advise.", text]
    assert doc.left_out == []


def test_an_inserted_section_keeps_its_number(tmp_path: Path) -> None:
    doc = import_protocol(
        protocol(
            tmp_path,
            "Protocol\n\n3. Enquiries\n\n3.1 Officers reply.\n\n3A. Social Media\n\n"
            "3A.1 Members post with care.\n\n3A.2 Officers do not reply online.\n\n"
            "4. Groups\n\n4.1 Officers brief groups.\n",
        )
    )
    assert [(s.number, s.title, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("3", "Enquiries", ["3.1"]),
        ("3A", "Social Media", ["3A.1", "3A.2"]),
        ("4", "Groups", ["4.1"]),
    ]
    assert doc.defects == []


def test_a_section_headed_with_a_word_and_its_number_keeps_the_number(tmp_path: Path) -> None:
    """ "Paragraph 4A – Social Media" over 4A.1 is section 4A, the heading its title;
    an amendment history and an appendix after such sections are left out."""
    doc = import_protocol(
        protocol(
            tmp_path,
            "Protocol\n\nParagraph 4 – Meetings\n\n4.1 Officers advise.\n\n"
            "Paragraph 4A – Social Media\n\n4A.1 Members post with care.\n\n"
            "4A.2 Officers reply.\n\n"
            "Amendment History\n\n- 12 May 2021: paragraph 4A inserted\n\n"
            "Appendix 1 – Form\n\nName:\n",
        )
    )
    assert [(s.number, s.title) for s in doc.sections] == [
        ("4", "Paragraph 4 – Meetings"),
        ("4A", "Paragraph 4A – Social Media"),
    ]
    assert [why.split(":")[1].strip() for _, why in doc.left_out] == [
        "the protocol's history of amendment, not its words",
        "the protocol's history of amendment, not its words",
        "after the protocol's numbered sections, with no number",
        "after the protocol's numbered sections, with no number",
    ]


def test_a_heading_over_a_list_stays_before_it(tmp_path: Path) -> None:
    """A heading in bold (as Word's heading styles are read) over a list of items after
    a paragraph: before them, not after (an amendment history's heading came after its
    table's rows), and with them the section's words between paragraphs, not part of
    the paragraph before."""
    doc = import_protocol(
        protocol(
            tmp_path,
            "Protocol\n\n1. Purpose\n\n1.1 Officers advise.\n\n**Who Is Covered**\n\n"
            "- members;\n- officers.\n\n1.2 Two.\n\n1.3 Three.\n",
        )
    )
    first = doc.clauses()[0]
    assert first.paragraphs == ["Officers advise."]
    assert first.after.paragraphs == ["Who Is Covered", "- members;", "- officers."]
    assert first.after.titles == {0}  # written as a sub-heading


def test_a_councils_name_over_the_protocols_title_and_its_introduction(tmp_path: Path) -> None:
    doc = import_protocol(
        protocol(
            tmp_path,
            "Harbury District Council\n\nMembers' Code of Practice\n\nIt was adopted in 2012.\n\n"
            "1. Purpose\n\n1.1 Officers advise.\n\n1.2 Two.\n\n1.3 Three.\n",
        )
    )
    assert doc.title == "Harbury District Council – Members' Code of Practice"
    assert doc.intro.paragraphs == ["It was adopted in 2012."]


def table_protocol(path: Path, rows: list[list[str]]) -> Path:
    """A Word protocol laid out in a table: a row of one cell is merged across it."""
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    table = document.add_table(rows=0, cols=max(len(row) for row in rows))
    for row in rows:
        cells = table.add_row().cells
        if len(row) == 1:
            cells[0].merge(cells[-1]).text = row[0]
            continue
        for cell, text in zip(cells, row, strict=True):
            first, *more = text.split("\n")  # a paragraph of the cell's a line
            cell.text = first
            for paragraph in more:
                cell.add_paragraph(paragraph)
    document.save(str(path))
    return path


def test_a_word_protocol_laid_out_in_a_table_is_read_as_its_paragraphs(tmp_path: Path) -> None:
    rows = [
        ["1. Purpose"],
        ["1.1", "Officers advise."],
        ["1.2", "Members decide:\n(a) policy; and\n(b) the budget."],
        ["", "This is said of both."],
        ["2. Roles"],
        ["2.1", "Officers serve the Council."],
        ["2.2", "Members serve their wards."],
    ]
    doc = import_protocol(table_protocol(tmp_path / "protocol.docx", rows))
    assert [(s.number, s.title, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("1", "Purpose", ["1.1", "1.2"]),
        ("2", "Roles", ["2.1", "2.2"]),
    ]
    assert doc.clauses()[1].paragraphs == [
        "Members decide:",
        "- (a) policy; and",
        "- (b) the budget.",
        "This is said of both.",  # after the list's last item and its full stop: closing words
    ]
    assert any("lays the protocol out" in note for note in doc.extracted.notes)


def test_a_table_of_terms_is_still_a_list(tmp_path: Path) -> None:
    """Only numbers in the first column lay paragraphs out: a table of terms after a
    paragraph stays a list, a row an item."""
    document = docx.Document()
    document.add_paragraph("Protocol", style="Title")
    document.add_paragraph("1. Purpose")
    document.add_paragraph("1.1 Officers advise.")
    document.add_paragraph("1.2 Members decide.")
    document.add_paragraph("1.3 In this protocol:")
    table = document.add_table(rows=0, cols=2)
    for term, meaning in (("Officer", "an employee"), ("Member", "a councillor")):
        table.add_row().cells[0].text, table.rows[-1].cells[1].text = term, meaning
    document.save(str(tmp_path / "protocol.docx"))
    doc = import_protocol(tmp_path / "protocol.docx")
    assert doc.clauses()[2].paragraphs == [
        "In this protocol:",
        f"- Officer{CELL_BREAK}an employee",
        f"- Member{CELL_BREAK}a councillor",
    ]


def test_a_table_of_paragraphs_with_a_column_more_is_refused(tmp_path: Path) -> None:
    """Number, words and a note of amendment in three columns: which words are the
    paragraph's is not known, so the import stops, naming the table's line."""
    rows = [
        ["1.1", "Officers advise.", "Amended 2019"],
        ["1.2", "Members decide.", ""],
        ["1.3", "Both serve.", "Inserted 2021"],
    ]
    source = table_protocol(tmp_path / "protocol.docx", rows)
    with pytest.raises(ProtocolError) as raised:
        import_protocol(source)
    (problem,) = raised.value.problems
    assert problem.code == "import-docx-table-layout"
    assert problem.line == 2
    assert "1 column(s) more" in problem.message


def test_revoked_words_holding_a_colon_are_kept_as_printed(tmp_path: Path) -> None:
    """ "3.2 Revoked by Council: minute 12" (as the Word export prints the front matter's
    `revoked 3.2: "Revoked by Council: minute 12"`) is a revoked number; a line leading in
    to items with a colon is still a paragraph's."""
    doc = import_protocol(
        protocol(
            tmp_path,
            "Protocol\n\n3. Enquiries\n\n3.1 Officers reply.\n\n"
            "3.2 *Revoked by Council: minute 12.*\n\n3.3 Removed by the chair:\n\n"
            "- a member who shouts.\n\n4. Groups\n\n4.1 Officers brief groups.\n\n"
            "4.2 Officers leave before debate.\n",
        )
    )
    assert [c.number for c in doc.clauses()] == ["3.1", "3.3", "4.1", "4.2"]
    assert [[(n, said) for _, ns, said in s.revoked for n in ns] for s in doc.sections] == [
        [("3.2", "Revoked by Council: minute 12")],
        [],
    ]
