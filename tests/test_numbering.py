"""Paragraph numbers as Council adopted them: the insert scheme (legislation's way), the
renumber scheme, adopting a renumbered text, and citations by number across versions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Site, broken_links, run
from constitution import numbering
from constitution.cli import main
from constitution.model import Between, Clause, Document, Revoked, RevokedSection, Section
from constitution.project import Project
from constitution.redline import Change, compare, plain, substantive
from constitution.versions import document_of, record_check, record_of


def clause(cid: str, number: str = "", source: str = "") -> Clause:
    return Clause(cid, number, f"The words of {cid}.", "must", "", "", 0, source_number=source)


def document(*sections: tuple[str, str, list[Clause]]) -> Document:
    """Sections as (slug, number, clauses), each clause placed in its section."""
    return Document(
        "Protocol",
        tuple(
            Section(
                slug,
                number,
                slug,
                "",
                tuple(dataclasses.replace(c, section=slug) for c in clauses),
            )
            for slug, number, clauses in sections
        ),
    )


def adopted(numbers: dict[str, list[str]]) -> Document:
    """An adopted version: per section number, its paragraphs' numbers; IDs from numbers."""
    return document(
        *((f"s{n}", n, [clause(f"P{num}", num) for num in nums]) for n, nums in numbers.items())
    )


def draft_of(latest: Document, order: dict[str, list[str]]) -> Document:
    """A draft: per section slug, its clause IDs in order (new IDs are new clauses)."""
    return numbering.renumber(
        document(*((slug, "", [clause(cid) for cid in ids]) for slug, ids in order.items()))
    )


def numbers(document: Document) -> dict[str, str]:
    return {c.id: c.number for c in document.clauses()}


SEVEN = adopted({"7": [f"7.{i}" for i in range(1, 13)]})
IDS = [f"P7.{i}" for i in range(1, 13)]


def test_legislation_order() -> None:
    """A1 before 1; Z before a letter sorts before A (1ZA between 1 and 1A)."""
    order = ["A1", "B1", "1", "1ZA", "1A", "1AZA", "1AA", "1AB", "1B", "2", "10"]
    assert sorted(reversed(order), key=numbering.part_key) == order
    assert sorted(["7A.1", "8.1", "7.2", "7.1A", "7.A1", "7.1"], key=numbering.number_key) == [
        "7.A1",
        "7.1",
        "7.1A",
        "7.2",
        "7A.1",
        "8.1",
    ]


def test_insertions_before_the_first_between_two_and_after_the_last() -> None:
    draft = draft_of(SEVEN, {"s7": ["NEW1", *IDS[:3], "NEW2", *IDS[3:], "NEW3"]})
    got = numbers(numbering.insert(draft, SEVEN))
    assert {k: got[k] for k in ("NEW1", "NEW2", "NEW3")} == {
        "NEW1": "7.A1",
        "NEW2": "7.3A",
        "NEW3": "7.12A",
    }
    assert all(got[i] == i.removeprefix("P") for i in IDS)  # no adopted number changes


def test_two_insertions_in_one_place_and_between_inserted_ones() -> None:
    draft = draft_of(SEVEN, {"s7": [*IDS[:5], "N1", "N2", *IDS[5:]]})
    once = numbering.insert(draft, SEVEN)
    assert [numbers(once)[k] for k in ("N1", "N2")] == ["7.5A", "7.5B"]
    # adopted so, then one inserted between 7.5A and 7.5B, and one between 7.5 and 7.5A
    again = draft_of(once, {"s7": [*IDS[:5], "N0", "N1", "N15", "N2", *IDS[5:]]})
    got = numbers(numbering.insert(again, once))
    assert [got[k] for k in ("N0", "N1", "N15", "N2")] == ["7.5ZA", "7.5A", "7.5AA", "7.5B"]


def test_a_revoked_number_is_kept_and_never_given_again() -> None:
    draft = draft_of(SEVEN, {"s7": [*IDS[:3], "NEW", *IDS[4:]]})  # 7.4 revoked
    numbered = numbering.insert(draft, SEVEN)
    assert numbers(numbered)["NEW"] == "7.4A"  # after the revoked 7.4, kept in its place
    record_form = numbering.with_revoked(numbered, SEVEN, "Minute 9")
    (revoked,) = record_form.sections[0].revoked
    assert (revoked.number, revoked.id, revoked.resolution) == ("7.4", "P7.4", "Minute 9")
    # the next draft, against a version with 7.4 revoked, still does not reuse it
    later = draft_of(record_form, {"s7": [*IDS[:3], "NEW", "NEWER", *IDS[4:]]})
    assert numbers(numbering.insert(later, record_form))["NEWER"] == "7.4B"
    assert numbering.find(record_form, "7.4") == revoked


def test_words_between_paragraphs_keep_their_place_by_a_revoked_number() -> None:
    """Words tied to the paragraph they stand before stay there under insert numbering:
    after the revoked paragraph's number kept before it, and after a paragraph inserted
    before it; closing words stay last."""
    draft = draft_of(SEVEN, {"s7": [*IDS[:3], "NEW", *IDS[4:]]})  # 7.4 revoked, 7.4A new
    section = draft.sections[0]
    words = (Between("P7.5", "Members"), Between("", "Closing words."))
    draft = dataclasses.replace(draft, sections=(dataclasses.replace(section, between=words),))
    shown = numbering.in_place(
        numbering.with_revoked(numbering.insert(draft, SEVEN), SEVEN, "Minute 9").sections[0]
    )
    order = [p.text if isinstance(p, Between) else p.number for p in shown]
    assert order[2:7] == ["7.3", "7.4", "7.4A", "Members", "7.5"]
    assert order[-1] == "Closing words." and order.count("Members") == 1


def test_a_number_printed_as_revoked_is_never_given_again() -> None:
    """An imported section printing 3.3 and 3.4 as revoked (its front matter): a paragraph
    inserted after 3.2 follows them, as after a revoked number adopted (7.4A above); a
    revised document printing 3.3 on a new paragraph does not give it the number; and
    adopting keeps them in place, with the words printed."""
    gone = (Revoked("3.3", "", "Deleted"), Revoked("3.4", "", "Not used"))

    def imported(new: str = "") -> Document:
        clauses = [clause("a", source="3.1"), clause("b", source="3.2")]
        clauses += [clause("NEW", source=new), clause("e", source="3.5")]
        draft = numbering.renumber(document(("s3", "", clauses)))
        return dataclasses.replace(
            draft, sections=(dataclasses.replace(draft.sections[0], revoked=gone),)
        )

    assert numbers(numbering.insert(imported(), None))["NEW"] == "3.4A"
    assert numbers(numbering.insert(imported("3.3"), None))["NEW"] == "3.4A"
    first = numbering.with_revoked(numbering.insert(imported(), None), None, "Minute 1")
    assert first.sections[0].revoked == gone
    assert numbering.find(first, "3.3") == gone[0]
    # a later adoption keeps them, and the next draft still does not reuse them
    later = numbering.with_revoked(numbering.insert(imported(), first), first, "Minute 2")
    assert later.sections[0].revoked == gone
    next_draft = draft_of(later, {"s3": ["a", "b", "NEW", "NEWER", "e"]})
    assert numbers(numbering.insert(next_draft, later))["NEWER"] == "3.4B"
    # numbered by position (renumber), no number is kept for a revoked paragraph
    assert numbering.apply(imported(), "renumber", None).sections[0].revoked == ()


def test_a_section_printed_as_revoked_is_never_given_again() -> None:
    """An imported document printing sections 5, "6 [Revoked]" and 7 (the index's front
    matter): its number is reserved, so a section printed 6 in a revision is not given it
    and one inserted after 5 follows it (6A, as after a section revoked by adoption);
    adopting keeps it in place with the words printed, and so does the next adoption."""
    gone = RevokedSection("6", "", "", "Revoked")

    def imported(*extra: tuple[str, str, list[Clause]]) -> Document:
        draft = document(
            ("s5", "", [clause("a", source="5.1")]),
            *extra,
            ("s7", "", [clause("b", source="7.1")]),
        )
        return dataclasses.replace(draft, revoked_sections=(gone,))

    assert [s.number for s in numbering.insert(imported(), None).sections] == ["5", "7"]
    inserted = imported(("new", "", [clause("n")]))
    assert [s.number for s in numbering.insert(inserted, None).sections] == ["5", "6A", "7"]
    printed_six = imported(("new", "", [clause("n", source="6.1")]))
    assert numbering.insert(printed_six, None).sections[1].number == "6A"
    first = numbering.with_revoked(numbering.insert(imported(), None), None, "Minute 1")
    assert first.revoked_sections == (gone,)
    later = numbering.with_revoked(numbering.insert(imported(), first), first, "Minute 2")
    assert later.revoked_sections == (gone,)
    # the record reads back as adopted, with no slug or title
    record = record_of(
        later, dt.date(2027, 5, 13), dt.date(2027, 5, 13), "Minute 2", "not in git", None
    )
    assert record_check(re.compile(r"[a-z]"))(record, "") == []
    assert record["revoked_sections"] == [
        {"slug": "", "number": 6, "title": "", "resolution": "Revoked", "revoked": []}
    ]
    assert document_of(record, "v.json").revoked_sections == (gone,)
    # numbered by position (renumber), no section's number is kept
    assert numbering.apply(imported(), "renumber", None).revoked_sections == ()


def test_a_moved_clause_is_numbered_where_it_now_stands() -> None:
    order = [IDS[0], *IDS[2:6], IDS[1], *IDS[6:]]  # 7.2 moved after 7.6
    got = numbers(numbering.insert(draft_of(SEVEN, {"s7": order}), SEVEN))
    assert got["P7.2"] == "7.6A"
    assert all(got[i] == i.removeprefix("P") for i in IDS if i != "P7.2")
    # into another section: numbered as inserted there
    two = adopted({"1": ["1.1", "1.2"], "2": ["2.1", "2.2"]})
    moved = draft_of(two, {"s1": ["P1.1", "P2.2", "P1.2"], "s2": ["P2.1"]})
    assert numbers(numbering.insert(moved, two))["P2.2"] == "1.1A"


def test_a_section_inserted() -> None:
    three = adopted({"1": ["1.1"], "2": ["2.1"], "3": ["3.1"], "4": ["4.1"]})
    draft = draft_of(
        three,
        {
            "first": ["F1"],
            "s1": ["P1.1"],
            "s2": ["P2.1"],
            "s3": ["P3.1"],
            "new": ["N1", "N2"],
            "s4": ["P4.1"],
        },
    )
    numbered = numbering.insert(draft, three)
    assert [s.number for s in numbered.sections] == ["A1", "1", "2", "3", "3A", "4"]
    assert [c.number for c in numbered.sections[4].clauses] == ["3A.1", "3A.2"]
    assert numbers(numbered)["F1"] == "A1.1"


def test_a_section_moved_whole_numbers_its_paragraphs_as_a_new_sections() -> None:
    """A section moved out of order is numbered as inserted where it now stands (3A), and
    its paragraphs, whose numbers under 3A Council never adopted, count on from 1 there
    as a new section's do: 3A.1, 3A.2, 3A.3, never 3A.1, 3A.1A, 3A.1B."""
    five = adopted({"1": ["1.1"], "2": ["2.1"], "3": ["3.1"], "4": ["4.1"],
                    "5": ["5.1", "5.2", "5.3"]})  # fmt: skip
    draft = draft_of(
        five,
        {"s1": ["P1.1"], "s2": ["P2.1"], "s3": ["P3.1"], "s5": ["P5.1", "P5.2", "P5.3"],
         "s4": ["P4.1"]},
    )  # fmt: skip
    numbered = numbering.insert(draft, five)
    assert [s.number for s in numbered.sections] == ["1", "2", "3", "3A", "4"]
    assert [c.number for c in numbered.sections[3].clauses] == ["3A.1", "3A.2", "3A.3"]


def test_a_removed_sections_number_is_kept_and_never_given_again() -> None:
    """Section 2 removed: adopted, it is kept revoked with its paragraphs' numbers; a
    later new section in its place is 2A, even one printed as 2 in an imported revision,
    and a new paragraph printed with a revoked paragraph's number does not take it."""
    four = adopted({"1": ["1.1", "1.2"], "2": ["2.1", "2.2"], "3": ["3.1"], "4": ["4.1"]})
    draft = draft_of(four, {"s1": ["P1.1"], "s3": ["P3.1", "P2.2"], "s4": ["P4.1"]})
    record_form = numbering.with_revoked(numbering.insert(draft, four), four, "Minute 9")
    (gone,) = record_form.revoked_sections
    assert (gone.number, gone.slug, gone.resolution) == ("2", "s2", "Minute 9")
    # 2.2 moved to section 3, so only 2.1 was revoked with the section
    assert [(r.number, r.id, r.resolution) for r in gone.revoked] == [("2.1", "P2.1", "Minute 9")]
    assert numbering.find(record_form, "2.1") == gone.revoked[0]
    assert [r.number for r in record_form.sections[0].revoked] == ["1.2"]
    # the record reads back as adopted
    record = record_of(
        record_form, dt.date(2027, 5, 13), dt.date(2027, 5, 13), "Minute 9", "not in git", None
    )
    assert record_check(re.compile(r"P[0-9.]+"))(record, "") == []
    assert document_of(record, "v.json").revoked_sections == record_form.revoked_sections
    # later: two new sections, one where section 2 was and printed "2", one at the end;
    # and a new paragraph printed 1.2, the number of the paragraph revoked from section 1
    printed = [dataclasses.replace(clause("N1"), source_number="2.1"), clause("N2")]
    new_one = dataclasses.replace(clause("N3"), source_number="1.2")
    later = document(
        ("s1", "1", [clause("P1.1", "1.1"), new_one]),
        ("new", "", printed),
        ("s3", "3", [clause("P3.1", "3.1"), clause("P2.2", "3.1A")]),
        ("s4", "4", [clause("P4.1", "4.1")]),
        ("last", "", [clause("N4")]),
    )
    numbered = numbering.insert(later, record_form)
    assert [s.number for s in numbered.sections] == ["1", "2A", "3", "4", "4A"]
    assert numbers(numbered)["N1"] == "2A.1" and numbers(numbered)["N3"] == "1.2A"
    # without a record of the revoked section, the printed 2 would have been given again
    forgotten = dataclasses.replace(record_form, revoked_sections=())
    assert numbering.insert(later, forgotten).sections[1].number == "2"


def test_import_with_gaps_a_duplicate_and_sections_starting_at_3() -> None:
    printed = [("3.1", "a"), ("3.2", "b"), ("3.4", "c"), ("3.4", "d"), ("3.5", "e")]
    draft = numbering.renumber(
        document(
            ("one", "", [clause(cid, source=n) for n, cid in printed]),
            ("two", "", [clause("f", source="4.1"), clause("g", source="4.3")]),
        )
    )
    numbered = numbering.insert(draft, None)
    assert [s.number for s in numbered.sections] == ["3", "4"]
    # gaps kept; the second paragraph printed 3.4 is numbered as inserted after the first
    assert [c.number for c in numbered.clauses()] == [
        "3.1",
        "3.2",
        "3.4",
        "3.4A",
        "3.5",
        "4.1",
        "4.3",
    ]


def test_numbers_printed_after_the_part_are_kept_and_an_insertion_lettered() -> None:
    """A protocol printing each paragraph after its Part's number ("5.5 – 3.3", as the
    importer keeps it in :source-number:) keeps the numbers printed, a gap included; one
    inserted between 3.3 and 3.4 is 3.3A, not 3.4 with the rest moved on."""
    printed = [("5.5 – 3.1", "a"), ("5.5 – 3.3", "b"), ("5.5 – 3.4", "c")]
    clauses = [clause(cid, source=n) for n, cid in printed]
    draft = numbering.renumber(document(("roles", "", [*clauses[:2], clause("new"), clauses[2]])))
    numbered = numbering.insert(draft, None)
    assert [s.number for s in numbered.sections] == ["3"]
    assert [c.number for c in numbered.clauses()] == ["3.1", "3.3", "3.3A", "3.4"]


def test_three_level_numbers_as_printed_and_insertions_after_them() -> None:
    """A paragraph printed 3.2.1 (under a heading "3.2") keeps its number: after 3.2 and
    before 3.2A; one inserted after it is 3.2.1A, and a new one at its end counts on."""
    assert sorted(["3.2A", "3.3", "3.2.2", "3.2", "3.2.1", "3.10"], key=numbering.number_key) == [
        "3.2",
        "3.2.1",
        "3.2.2",
        "3.2A",
        "3.3",
        "3.10",
    ]
    printed = [("3.1", "a"), ("3.2.1", "b"), ("3.2.2", "c"), ("3.3", "d")]
    imported = document(("s3", "3", [clause(cid, number=n, source=n) for n, cid in printed]))
    assert [c.number for c in numbering.insert(imported, None).clauses()] == [n for n, _ in printed]
    draft = draft_of(imported, {"s3": ["a", "b", "NEW", "c", "d"]})
    assert numbers(numbering.insert(draft, imported))["NEW"] == "3.2.1A"


def test_a_new_council_counts_on() -> None:
    draft = numbering.renumber(document(("a", "", [clause("x"), clause("y")])))
    assert [c.number for c in numbering.insert(draft, None).clauses()] == ["1.1", "1.2"]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_numbers_are_unique_in_order_and_adopted_ones_kept(data: st.DataObject) -> None:
    """Any edit of any adopted section (insertions, revocations, moves), twice over."""
    latest = SEVEN
    for round_ in range(2):
        ids = [c.id for c in latest.clauses()]
        kept = data.draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
        new = [f"N{round_}-{i}" for i in range(data.draw(st.integers(0, 6)))]
        order = data.draw(st.permutations(kept + new))
        numbered = numbering.insert(draft_of(latest, {"s7": order}), latest)
        got = [c.number for c in numbered.clauses()]
        assert len(set(got)) == len(got)
        assert sorted(got, key=numbering.number_key) == got
        before = numbers(latest)
        ever = set(before.values()) | {r.number for s in latest.sections for r in s.revoked}
        for c in numbered.clauses():
            assert c.number == before.get(c.id, c.number) or c.number not in ever
        latest = numbering.with_revoked(numbered, latest, f"Minute {round_}")


def test_an_adopted_record_with_letters_and_revocations_reads_back() -> None:
    numbered = numbering.insert(draft_of(SEVEN, {"s7": [*IDS[:3], "P0001", *IDS[4:]]}), SEVEN)
    form = numbering.with_revoked(numbered, SEVEN, "Minute 9")
    renamed = dataclasses.replace(
        form,
        sections=tuple(
            dataclasses.replace(
                s,
                clauses=tuple(
                    dataclasses.replace(c, id=f"MOP-{i:04d}") for i, c in enumerate(s.clauses)
                ),
                revoked=tuple(dataclasses.replace(r, id="MOP-0999") for r in s.revoked),
            )
            for s in form.sections
        ),
    )
    day = dt.date(2027, 1, 1)
    record = record_of(renamed, day, day, "Minute 9", "not in git", None, {"7.4": "7.3"})
    assert record_check(re.compile(r"MOP-\d{4}"))(record, "") == []
    back = document_of(json.loads(json.dumps(record)), "x")
    assert back.sections[0].revoked == renamed.sections[0].revoked
    assert [c.number for c in back.clauses()] == [c.number for c in renamed.clauses()]


# ------------------------------------------------------------------ the command line


def test_an_unknown_scheme_is_a_gate_problem(scratch: Project) -> None:
    settings_file = scratch.conf / "council.toml"
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace('numbering = "insert"', 'numbering = "legal"'))
    result = run(scratch, "check")
    assert result.returncode == 1
    assert "conf/council.toml: council-numbering" in result.stdout + result.stderr
    assert "'legal'" in result.stdout + result.stderr


def test_an_unknown_number_style_is_a_gate_problem(scratch: Project) -> None:
    settings_file = scratch.conf / "council.toml"
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(
        text.replace('numbering = "insert"', 'numbering = "insert"\nnumber-style = "roman"')
    )
    result = run(scratch, "check")
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "conf/council.toml: council-number-style" in said and "'roman'" in said
    assert "paragraph-in-section" in said  # the styles it may be


def test_renumber_scheme_numbers_by_position(versioned: Project) -> None:
    settings_file = versioned.conf / "council.toml"
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace('numbering = "insert"', 'numbering = "renumber"'))
    for section in Project(versioned.root).document().sections:
        assert [c.number for c in section.clauses] == [
            f"{section.number}.{i}" for i in range(1, len(section.clauses) + 1)
        ]


def test_the_draft_keeps_the_numbers_of_the_version_before(versioned: Project) -> None:
    latest = versioned.versions()[-1].document
    draft = versioned.document()
    for c in draft.clauses():
        before = latest.clause(c.id)
        if before and before.section == c.section:
            assert c.number == before.number
        else:
            assert c.number not in {x.number for x in latest.clauses()}


def cited(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--project", str(project.root), "paragraph", *args]) == 0
    return capsys.readouterr().out


def test_citations_by_number_across_three_versions(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each number whose paragraph differs between versions finds, in each version (by
    name and by a date it was in force), the paragraph that had it then."""
    versions = project.versions()
    assert len(versions) >= 3
    meaning = [numbers(v.document) for v in versions]
    shifted = sorted(
        {n for a, b in itertools.pairwise(meaning) for n, cid in a.items() if b.get(n) != cid}
    )
    assert shifted
    for number in shifted[:4]:
        for v, by_number in zip(
            versions, [{n: c for c, n in m.items()} for m in meaning], strict=True
        ):
            if number not in by_number:
                continue
            named = cited(project, capsys, number, "--version", v.key)
            on_date = cited(project, capsys, number, "--on", v.in_force.isoformat())
            assert named.splitlines()[0].endswith(by_number[number])
            assert on_date.splitlines()[0] == named.splitlines()[0]


def test_a_missing_number_is_a_clear_error(project: Project) -> None:
    result = run(project, "paragraph", "99.99", "--version", "draft")
    assert result.returncode == 1
    assert "has no paragraph or section 99.99" in result.stderr and "How to fix" in result.stderr
    assert result.stderr.startswith("unknown-paragraph:"), "no empty place before the code"


def test_a_number_another_version_gave_says_which(versioned: Project) -> None:
    """A minute cites a lettered number that a later, renumbered version no longer has:
    the command says so, then names each version that gave the number, the paragraph it
    was, and the command that reads it there."""
    lettered = next(c for c in versioned.document().clauses() if c.number[-1].isalpha())
    assert adopt(versioned).returncode == 0
    again = ["--date", "2028-05-11", "--resolution", "Minute 3", "--renumber"]
    assert run(versioned, "adopt", *again).returncode == 0
    result = run(versioned, "paragraph", lettered.number, "--version", "2028-05-11")
    assert result.returncode == 1 and "has no paragraph" in result.stderr
    said = f"In the version adopted on 2027-05-13, {lettered.number} is {lettered.id}"
    assert said in result.stderr
    assert f"paragraph {lettered.number} --version 2027-05-13" in result.stderr


def test_a_number_the_version_read_gave_another_says_its_number_there(versioned: Project) -> None:
    """A minute cites, against a renumbered version, the number its paragraph had before:
    the refusal names the number that version gives the paragraph (trial cite19: 6.5 cited
    against the version that had moved it to 9.2A was named only by its draft number)."""
    lettered = next(c for c in versioned.document().clauses() if c.number[-1].isalpha())
    assert adopt(versioned).returncode == 0
    again = [
        "--date",
        "2028-05-11",
        "--resolution",
        "Minute 3",
        "--renumber",
        "--in-force",
        "2028-05-11",
    ]
    assert run(versioned, "adopt", *again).returncode == 0
    remade = versioned.versions()[-1].document.clause(lettered.id)
    assert remade is not None and remade.number != lettered.number
    result = run(versioned, "paragraph", lettered.number, "--version", "2028-05-11")
    assert result.returncode == 1
    said = (
        f"The version adopted on 2028-05-11 numbers {lettered.id} {remade.number}: "
        f"constitution paragraph {remade.number} --version 2028-05-11 reads it."
    )
    assert said in result.stderr.splitlines(), result.stderr


def test_the_command_reading_another_versions_number_is_as_typed_there(
    versioned: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a council's repository the command reading a number in another version is
    given as its dev.py runs it, whole, to copy: 'paragraph 3.2 --version ...' alone ran
    nothing in its shell (found by a council after a renumbered adoption)."""
    lettered = next(c for c in versioned.document().clauses() if c.number[-1].isalpha())
    assert adopt(versioned).returncode == 0
    again = ["--date", "2028-05-11", "--resolution", "Minute 3", "--renumber"]
    assert run(versioned, "adopt", *again).returncode == 0
    monkeypatch.setenv("CONSTITUTION_COMMAND", "python3 dev.py")
    result = run(versioned, "paragraph", lettered.number, "--version", "2028-05-11")
    assert f": python3 dev.py paragraph {lettered.number} --version 2027-05-13 reads it." in (
        result.stderr
    )


def test_a_number_another_version_gave_another_paragraph_says_so(versioned: Project) -> None:
    """A minute of before a renumbering cites a number the version in force now gives to
    another paragraph: the command reads the one it has, then names the paragraph the
    number was in each version that gave it to another, and the command reading it."""
    assert adopt(versioned).returncode == 0
    again = ["--date", "2028-05-11", "--resolution", "Minute 3", "--renumber"]
    assert run(versioned, "adopt", *again).returncode == 0
    *_, before, remade = versioned.versions()
    number, was = next(
        (c.number, c)
        for c in before.document.clauses()
        if (now := numbering.find(remade.document, c.number)) is not None and now.id != c.id
    )
    result = run(versioned, "paragraph", number, "--version", "2028-05-11")
    assert result.returncode == 0, result.stderr
    assert not result.stdout.splitlines()[0].endswith(was.id)
    moved_to = remade.document.clause(was.id)
    now = f" (now {moved_to.number})" if moved_to else ""
    said = (
        f"In the version adopted on 2027-05-13, {number} is {was.id}{now}: "
        f"constitution paragraph {number} --version 2027-05-13 reads it."
    )
    assert said in result.stdout.splitlines(), result.stdout
    # a number no version gives to another paragraph says nothing more
    documents = [v.document for v in versioned.versions()] + [versioned.document()]
    same = next(
        c.number
        for c in remade.document.clauses()
        if all(getattr(numbering.find(d, c.number), "id", c.id) == c.id for d in documents)
    )
    plain = run(versioned, "paragraph", same, "--version", "2028-05-11")
    assert not [line for line in plain.stdout.splitlines() if line.startswith("In ")]


def test_a_revoked_paragraph_is_not_said_to_be_now_its_old_number(project: Project) -> None:
    """Named beside a number another version gave, a paragraph since revoked is said so:
    not "now" the number it had in the last version that held it."""
    from constitution.cli import numbers_now

    every = [(v.key, v.document) for v in project.versions()] + [("draft", project.document())]
    gone = next(
        c.id for _, d in every[:-1] for c in d.clauses() if every[-1][1].clause(c.id) is None
    )
    assert numbers_now(every, gone) == " (since revoked)"
    kept = next(iter(every[-1][1].clauses()))
    assert numbers_now(every, kept.id) == f" (now {kept.number})"


def test_an_id_finds_its_paragraph_in_each_version(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the site's jump does: an ID, in any case, gives the paragraph's number there."""
    for v in project.versions():
        clause = next(iter(v.document.clauses()))
        said = cited(project, capsys, clause.id.lower(), "--version", v.key)
        assert said.splitlines()[0].endswith(f": paragraph {clause.number}")


def adopt(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    return run(project, "adopt", "--date", "2027-05-13", "--resolution", "Minute 7", *args)


def test_adopt_keeps_revoked_numbers_with_their_resolution(versioned: Project) -> None:
    """An informative paragraph inserted, adopted, then revoked: its number stays in its
    place, with the resolution that revoked it, and is never given again."""
    section = versioned.versions()[-1].document.sections[2]
    path = versioned.protocol / f"{section.slug}.md"
    text = path.read_text(encoding="utf-8")
    new_id = run(versioned, "next-id").stdout.strip()
    clause_text = f"\n```{{clause}} {new_id}\n:modality: informative\n\nA note.\n```\n"
    path.write_text(text + clause_text, encoding="utf-8")
    assert adopt(versioned).returncode == 0
    inserted = versioned.versions()[-1].document.clause(new_id)
    assert inserted is not None and inserted.number == f"{section.clauses[-1].number}A"
    path.write_text(text, encoding="utf-8")
    with (versioned.protocol / "retired.toml").open("a", encoding="utf-8") as out:
        out.write(f"\n[{new_id}]\nrevoked = 2028-05-11\n")
    result = run(versioned, "adopt", "--date", "2028-05-11", "--resolution", "Minute 3")
    assert result.returncode == 0, result.stderr
    record = json.loads((versioned.versions_dir / "2028-05-11.json").read_text())
    held = next(s for s in record["sections"] if s["slug"] == section.slug)
    assert held["revoked"] == [{"number": inserted.number, "id": new_id, "resolution": "Minute 3"}]
    cite = run(versioned, "paragraph", inserted.number, "--version", "2028-05-11")
    assert cite.returncode == 0 and f"{new_id}, revoked by Minute 3" in cite.stdout
    # a paragraph inserted in the same place later takes the next letter, not the number
    path.write_text(text + clause_text.replace(new_id, run(versioned, "next-id").stdout.strip()))
    again = Project(versioned.root).document().sections[2].clauses[-1]
    assert again.number == f"{section.clauses[-1].number}B"


def test_adopt_renumber_records_the_map_and_older_records_verify(versioned: Project) -> None:
    before = versioned.versions()
    draft = versioned.document()
    assert any(not re.fullmatch(r"\d+\.\d+", c.number) for c in draft.clauses())
    result = adopt(versioned, "--renumber")
    assert result.returncode == 0, result.stderr
    assert "Renumbered" in result.stdout
    *older, remade = versioned.versions()  # the chain and every digest still verify
    assert [v.digest for v in older] == [v.digest for v in before]
    for section in remade.document.sections:
        assert [c.number for c in section.clauses] == [
            f"{section.number}.{i}" for i in range(1, len(section.clauses) + 1)
        ]
    latest = before[-1].document
    expected = {
        c.number: remade.document.clause(c.id).number
        for c in latest.clauses()
        if remade.document.clause(c.id)
    }
    assert remade.renumbered == expected
    assert any(old != new for old, new in expected.items())
    # the draft after it keeps the remade numbers
    assert numbers(Project(versioned.root).document()) == numbers(remade.document)


def test_old_records_are_byte_for_byte_those_adopted(versioned: Project) -> None:
    """Extending the record format changed no record already adopted."""
    for v in versioned.versions():
        data = json.loads(Path(versioned.root, v.path).read_text(encoding="utf-8"))
        assert "renumbered" not in data
        assert all("revoked" not in s for s in data["sections"])
        assert isinstance(data["sections"][0]["number"], int)


def test_import_keeps_printed_numbers(tmp_path: Path) -> None:
    source = tmp_path / "ours.txt"
    source.write_text(
        "Protocol\n\n3. Enquiries\n\n3.1 An officer must reply to a member within ten days.\n\n"
        "3.2 A member may ask for advice.\n\n3.2A A member may ask in writing.\n\n"
        "3.4 An officer must keep a record of each reply.\n\n"
        "3.4 A member must not press an officer for a particular reply.\n\n"
        "4. Meetings\n\n4.1 An officer should attend a meeting when invited.\n",
        encoding="utf-8",
    )
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "constitution",
            "init",
            "repo",
            "--from",
            "ours.txt",
            "--council",
            "Testshire County Council",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    repo = Project(tmp_path / "repo")
    assert repo.council().numbering == "insert"
    got = [(c.source_number, c.number) for c in repo.document().clauses()]
    assert got == [
        ("3.1", "3.1"),
        ("3.2", "3.2"),
        ("3.2A", "3.2A"),  # printed lettered, as inserted: read as its own paragraph
        ("3.4", "3.4"),
        ("3.4", "3.4A"),
        ("4.1", "4.1"),
    ]
    report = json.loads((tmp_path / "repo" / "import-report.json").read_text(encoding="utf-8"))
    duplicate = next(d for d in report["defects"] if d["kind"] == "duplicate-number")
    assert "numbered as if inserted after the paragraph before it" in duplicate["message"]


def test_the_documented_lookups_run(project: Project) -> None:
    """The forms How to propose an amendment gives: in force, as at a date, in a version."""
    for extra in ([], ["--on", "2025-06-01"], ["--version", "2025-05-15"]):
        result = run(project, "paragraph", "14.4", *extra)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("14.4 in the version adopted on ")
        assert "Its numbers: " in result.stdout


def folded_comparison(project: Project) -> tuple[str, str, list[Change]]:
    """Two adopted versions between which some paragraphs were only renumbered."""
    versions = project.versions()
    for old, new in itertools.pairwise(versions):
        changes = compare(old.document, new.document)
        if any(c.kind == "renumbered" for c in changes):
            return old.key, new.key, changes
    raise AssertionError("no two versions renumber a paragraph")


def test_comparisons_fold_renumbering_apart(project: Project, tmp_path: Path) -> None:
    old, new, changes = folded_comparison(project)
    worded, moved = substantive(changes)
    assert worded and moved
    text = run(project, "redline", old, new).stdout
    lines = text.splitlines()
    assert len(lines) >= len(worded) and lines[-1].startswith(
        f"Renumbered only, words unchanged ({len(moved)}): "
    )
    assert all(f"{c.id}  " not in text for c in moved)
    markdown = run(project, "redline", old, new, "--format", "markdown").stdout
    table, folded = markdown.split("<details>")
    assert all(c.id in folded and c.id not in table for c in moved)
    assert all(c.id in table for c in worded)
    assert run(project, "report", old, new, "--out", str(tmp_path)).returncode == 0
    html = (tmp_path / "changes.html").read_text(encoding="utf-8")
    table, folded = html.split("<details>")
    assert all(c.id in folded and c.id not in table for c in moved)


def add_clause(project: Project, slug: str, clause_id: str) -> None:
    path = project.protocol / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    block = f"\n```{{clause}} {clause_id}\n:modality: informative\n\nA note of {clause_id}.\n```\n"
    path.write_text(text + block, encoding="utf-8")


def test_the_site_shows_numbers_as_adopted(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    """A section inserted after the third, a paragraph inserted then revoked: the draft's
    titles and contents carry the section's number, the adopted page keeps the revoked
    number in its place, and the jump by number and the history know every number."""
    third = versioned.versions()[-1].document.sections[2]
    index = versioned.protocol / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace(f"{third.slug}\n", f"{third.slug}\ninserted\n")
    )
    new_ids = [f"MOP-{9000 + i}" for i in range(2)]
    (versioned.protocol / "inserted.md").write_text("# An inserted section\n", encoding="utf-8")
    add_clause(versioned, "inserted", new_ids[0])
    add_clause(versioned, third.slug, new_ids[1])
    assert adopt(versioned).returncode == 0
    lettered = versioned.versions()[-1].document.clause(new_ids[1])
    assert lettered is not None
    path = versioned.protocol / f"{third.slug}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index(f"\n```{{clause}} {new_ids[1]}")] + "\n", encoding="utf-8")
    with (versioned.protocol / "retired.toml").open("a", encoding="utf-8") as out:
        out.write(f"\n[{new_ids[1]}]\nrevoked = 2028-05-11\n")
    made = run(versioned, "adopt", "--date", "2028-05-11", "--resolution", "Minute 3")
    assert made.returncode == 0, made.stderr
    site = build(versioned)
    section = f"{third.number}A"
    draft = site.page("draft/inserted.html")
    assert draft.select_one("h1").get_text().startswith(f"{section}. An inserted section")
    assert draft.select_one("div.clause")["data-number"] == f"{section}.1"
    adopted = site.page(f"versions/2028-05-11/{third.slug}.html")
    place = adopted.select_one(f"div.clause.revoked#{new_ids[1]}")
    assert place["data-number"] == lettered.number and "Revoked by Minute 3" in place.get_text()
    numbers = [d["data-number"] for d in adopted.select("div.clause")]
    assert numbers == sorted(numbers, key=numbering.number_key) and lettered.number in numbers
    index_data = json.loads((site.out / "clause-index.json").read_text(encoding="utf-8"))
    assert index_data["2028-05-11"]["numbers"][lettered.number].endswith(f"#{new_ids[1]}")
    assert index_data["2027-05-13"]["numbers"][f"{section}.1"].endswith(f"#{new_ids[0]}")
    history = site.page(f"versions/clauses/{new_ids[0]}.html").select_one(".numbers-had")
    assert history.get_text() == (
        f"Numbers it has had: {section}.1 (13 May 2027, 11 May 2028, the draft)."
    )
    contents = [a.get_text() for a in site.page("draft/index.html").select("article li a")]
    assert f"{section}. An inserted section" in contents


def test_numbers_printed_as_revoked_show_in_their_places_in_the_draft_and_once_adopted(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    """Numbers a section's source prints as revoked (its front matter), one between its
    first two paragraphs and one after its last: the draft's page and, once adopted, the
    version's show each in its place with the words printed and no link to a history;
    a paragraph added at the end is not given the number; the jump and `constitution
    paragraph` open it."""
    section = versioned.versions()[-1].document.sections[2]
    first, last = section.clauses[0].number, section.clauses[-1].number
    path = versioned.protocol / f"{section.slug}.md"
    path.write_text(
        f'---\nrevoked {first}A: Deleted\nrevoked {last}A: "Revoked by Council: minute 4"\n'
        f"---\n{path.read_text(encoding='utf-8')}",
        encoding="utf-8",
    )
    add_clause(versioned, section.slug, "MOP-9000")
    assert numbers(versioned.document())["MOP-9000"] == f"{last}B"
    said = run(versioned, "paragraph", f"{first}a", "--version", "draft")
    assert said.returncode == 0, said.stderr
    assert said.stdout == f"{first}a in the draft: revoked; printed in its place: Deleted.\n"
    assert adopt(versioned).returncode == 0
    record = json.loads((versioned.versions_dir / "2027-05-13.json").read_text())
    kept = next(s for s in record["sections"] if s["slug"] == section.slug)["revoked"]
    assert kept == [
        {"number": f"{first}A", "id": "", "resolution": "Deleted"},
        {"number": f"{last}A", "id": "", "resolution": "Revoked by Council: minute 4"},
    ]
    site = build(versioned)
    for page in (f"draft/{section.slug}.html", f"versions/2027-05-13/{section.slug}.html"):
        shown = site.page(page).select("div.clause")
        assert [d["data-number"] for d in shown] == [c.number for c in section.clauses[:1]] + [
            f"{first}A",
            *(c.number for c in section.clauses[1:]),
        ] + [f"{last}A", f"{last}B"]
        places = [d for d in shown if "revoked" in d["class"]]
        assert [p.select_one(".clause-text").get_text() for p in places] == [
            "Deleted.",
            "Revoked by Council: minute 4.",
        ], page
        assert all(p.get("id") is None and p.select_one("a") is None for p in places), page
        assert places[0].find("span", id=f"para-{first}A") is not None
    index_data = json.loads((site.out / "clause-index.json").read_text(encoding="utf-8"))
    for key in ("draft", "2027-05-13"):
        assert index_data[key]["numbers"][f"{first}A"].endswith(
            f"{section.slug}.html#para-{first}A"
        )
        assert "" not in index_data[key]["revoked"]
    assert broken_links(site.out) == []


def test_a_removed_section_is_shown_revoked_and_its_number_kept(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    """A section inserted after the third and adopted, then removed and adopted: the
    record keeps it revoked, the version's contents show it revoked in its place, its
    paragraph's number opens that place, and a section inserted there later is not
    given its number."""
    third = versioned.versions()[-1].document.sections[2]
    index = versioned.protocol / "index.md"
    listed = index.read_text(encoding="utf-8")
    index.write_text(listed.replace(f"{third.slug}\n", f"{third.slug}\ninserted\n"))
    (versioned.protocol / "inserted.md").write_text("# An inserted section\n", encoding="utf-8")
    add_clause(versioned, "inserted", "MOP-9000")
    assert adopt(versioned).returncode == 0
    index.write_text(listed)
    (versioned.protocol / "inserted.md").unlink()
    with (versioned.protocol / "retired.toml").open("a", encoding="utf-8") as out:
        out.write("\n[MOP-9000]\nrevoked = 2028-05-11\n")
    made = run(versioned, "adopt", "--date", "2028-05-11", "--resolution", "Minute 3")
    assert made.returncode == 0, made.stderr
    number = f"{third.number}A"
    record = json.loads((versioned.versions_dir / "2028-05-11.json").read_text())
    assert record["revoked_sections"] == [
        {
            "slug": "inserted",
            "number": number,
            "title": "An inserted section",
            "resolution": "Minute 3",
            "revoked": [{"number": f"{number}.1", "id": "MOP-9000", "resolution": "Minute 3"}],
        }
    ]
    cite = run(versioned, "paragraph", f"{number}.1", "--version", "2028-05-11")
    assert cite.returncode == 0 and "MOP-9000, revoked by Minute 3" in cite.stdout
    site = build(versioned)
    place = site.page("versions/2028-05-11/index.html").select_one(f"li#revoked-section-{number}")
    assert place is not None
    assert place.get_text() == f"{number}. An inserted section: revoked by Minute 3."
    items = [li.get_text() for li in place.parent.select("li")]
    assert items.index(place.get_text()) == 3  # in its place, after the third section
    index_data = json.loads((site.out / "clause-index.json").read_text(encoding="utf-8"))
    opens = index_data["2028-05-11"]["numbers"][f"{number}.1"]
    assert opens.endswith(f"index.html#revoked-section-{number}")
    # a section inserted in the same place later is the next after it, not the number
    index.write_text(listed.replace(f"{third.slug}\n", f"{third.slug}\nanother\n"))
    (versioned.protocol / "another.md").write_text("# Another section\n", encoding="utf-8")
    add_clause(versioned, "another", "MOP-9001")
    again = Project(versioned.root).document().sections[3]
    assert (again.slug, again.number) == ("another", f"{third.number}B")


def test_a_section_printed_as_revoked_is_shown_in_its_place_in_the_draft_and_once_adopted(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    """A section number the index's front matter prints as revoked, after the third: the
    draft's contents and, once adopted, the version's show it in its place with the words
    printed, the record keeps it, the jump opens it, and a section inserted there is not
    given its number."""
    third = versioned.versions()[-1].document.sections[2]
    number = f"{third.number}A"
    index = versioned.protocol / "index.md"
    listed = index.read_text(encoding="utf-8")
    end = str(int(versioned.versions()[-1].document.sections[-1].number) + 1)
    index.write_text(
        f"---\nrevoked section {end}: Revoked by Council, 12 May 2021\n"
        f"revoked section {number}: Not used\n---\n{listed}",
        encoding="utf-8",
    )
    assert adopt(versioned).returncode == 0
    record = json.loads((versioned.versions_dir / "2027-05-13.json").read_text())
    assert record["revoked_sections"] == [
        {"slug": "", "number": number, "title": "", "resolution": "Not used", "revoked": []},
        {
            "slug": "",
            "number": int(end),
            "title": "",
            "resolution": "Revoked by Council, 12 May 2021",
            "revoked": [],
        },
    ]
    site = build(versioned)
    index_data = json.loads((site.out / "clause-index.json").read_text(encoding="utf-8"))
    for key, page in (
        ("draft", "draft/index.html"),
        ("2027-05-13", "versions/2027-05-13/index.html"),
    ):
        place = site.page(page).select_one(f"li#revoked-section-{number}")
        assert place is not None, page
        assert place.get_text() == f"{number}. Not used."
        items = [li.get_text() for li in place.parent.select("li")]
        assert items.index(place.get_text()) == 3, page  # in its place, after the third
        assert items[-1] == f"{end}. Revoked by Council, 12 May 2021.", page  # after the last
        assert index_data[key]["sections"][number].endswith(f"index.html#revoked-section-{number}")
    # a section inserted in the same place is the next after it, not the number
    new_index = index.read_text(encoding="utf-8").replace(
        f"{third.slug}\n", f"{third.slug}\nanother\n"
    )
    index.write_text(new_index, encoding="utf-8")
    (versioned.protocol / "another.md").write_text("# Another section\n", encoding="utf-8")
    add_clause(versioned, "another", "MOP-9001")
    again = Project(versioned.root).document().sections[3]
    assert (again.slug, again.number) == ("another", f"{third.number}B")


def test_references_give_the_number_of_the_version_read() -> None:
    """{para} reads as the cited paragraph's number in the version being read: here the
    one before and the one after Council adopted a renumbered text."""
    citing = dataclasses.replace(clause("X", "7.13"), text="As {para}`P7.3` says.")
    seven = list(SEVEN.sections[0].clauses)
    old = document(("s7", "7", [*seven, citing]))
    remade = numbering.renumber(
        document(("s7", "", [*seven[:2], clause("NEW"), *seven[2:], citing]))
    )
    assert plain(citing.tree, old) == "As paragraph 7.3 says."
    assert plain(citing.tree, remade) == "As paragraph 1.4 says."  # its only section: 1


def test_a_version_adopted_renumbered_shows_each_number_before(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    assert adopt(versioned, "--renumber").returncode == 0
    remade = versioned.versions()[-1]
    site = build(versioned)
    rows = site.page("versions/2027-05-13/index.html").select("table.renumbering tbody tr")
    shown = {r.select("td")[0].get_text(): r.select("td")[1].get_text() for r in rows}
    assert shown and shown == {old: new for old, new in remade.renumbered.items() if old != new}


def test_a_tampered_record_is_reported_once(versioned: Project) -> None:
    """The gate reads the records, and the draft's numbers read them again: one problem."""
    path = versioned.versions_dir / "2025-05-15.json"
    path.write_text(path.read_text(encoding="utf-8").replace("within ten", "within twenty"))
    result = run(versioned, "check")
    assert result.returncode == 1
    assert result.stdout.count("version-tampered") + result.stderr.count("version-tampered") == 1


def numbers_of(doc: Document) -> list[list[str]]:
    return [[c.number for c in s.clauses] for s in doc.sections]


def test_number_styles_print_and_cite_each_paragraph_as_the_document_does() -> None:
    """Paragraphs printed (1) afresh in each section are 3(1); numbered on through the
    document, 12; an insertion takes legislation's letter in either style."""
    afresh = document(
        ("a", "1", [clause("A", source="3(1)"), clause("N"), clause("B", source="3(2)")]),
        ("b", "2", [clause("C", source="4(1)")]),
    )
    assert numbers_of(numbering.insert(afresh, None, "paragraph-in-section")) == [
        ["3(1)", "3(1A)", "3(2)"],
        ["4(1)"],
    ]
    assert numbers_of(numbering.renumber(afresh, "paragraph-in-section")) == [
        ["1(1)", "1(2)", "1(3)"],
        ["2(1)"],
    ]
    assert numbering.find(numbering.insert(afresh, None, "paragraph-in-section"), "3(1a)")
    assert numbering.number_key("3(1)") < numbering.number_key("3(1A)")
    assert numbering.number_key("3(1A)") < numbering.number_key("3(2)")


def test_continuous_numbers_are_never_given_twice_across_sections() -> None:
    """An unnumbered introduction before paragraph 1 is numbered before it (A1, B1), an
    unnumbered paragraph after 5 is 5A, not a second 1; with no printed number at all the
    count runs on through the document."""
    printed = document(
        ("intro", "", [clause("I1"), clause("I2")]),
        ("s1", "", [clause(f"P{n}", source=str(n)) for n in (1, 2, 3, 4, 5)]),
        ("s2", "", [clause("U")]),
        ("s3", "", [clause("P6", source="6")]),
    )
    assert numbers_of(numbering.insert(printed, None, "continuous")) == [
        ["A1", "B1"],
        ["1", "2", "3", "4", "5"],
        ["5A"],
        ["6"],
    ]
    plain_doc = document(("x", "", [clause("X1"), clause("X2")]), ("y", "", [clause("Y1")]))
    assert numbers_of(numbering.insert(plain_doc, None, "continuous")) == [["1", "2"], ["3"]]
    assert numbers_of(numbering.renumber(plain_doc, "continuous")) == [["1", "2"], ["3"]]


def test_a_reference_with_words_of_its_own_reads_as_its_number() -> None:
    """{para}`ID` reads "paragraph 3.1"; {para}`3.1 <ID>` (the importer's, after the
    document's own "paras ... and") the number alone, as now numbered; "(2)" written in
    a paragraph-in-section document, the number's own part."""
    assert numbering.reference("3.1A") == "paragraph 3.1A"
    assert numbering.reference("3.1A", "3.1") == "3.1A"
    assert numbering.reference("16(2A)", "(2)") == "(2A)"
    assert numbering.reference("16(2)", "16(2)") == "16(2)"
    assert numbering.reference("12", "(12)") == "12"  # no own part to show alone


def test_continuous_numbers_under_the_protocols_own_part_number() -> None:
    """Paragraphs printed 5.3.1 to 5.3.4 on through headings with no number keep those
    numbers, each heading its own section; one inserted after 5.3.1 is 5.3.1A, and so one
    added after the last, 5.3.4, is 5.3.4A."""
    printed = document(
        ("purpose", "", [clause("P1", source="5.3.1"), clause("N1"), clause("P2", source="5.3.2")]),
        ("roles", "", [clause("P3", source="5.3.3"), clause("P4", source="5.3.4"), clause("N2")]),
    )
    assert numbers_of(numbering.insert(printed, None, "continuous")) == [
        ["5.3.1", "5.3.1A", "5.3.2"],
        ["5.3.3", "5.3.4", "5.3.4A"],
    ]


def test_a_section_printed_as_revoked_is_in_the_drafts_contents_as_sphinx_draws_them(
    versioned: Project, tmp_path: Path
) -> None:
    """The revoked section's place in the draft's contents is part of the contents Sphinx
    draws from the index's toctree (issue 22: templates and nodes, not edits of HTML):
    no page's body is changed once drawn, and the place is there, after the third."""
    from constitution.serve import WarmBuild

    third = versioned.document().sections[2]
    index = versioned.protocol / "index.md"
    index.write_text(
        f"---\nrevoked section {third.number}A: Not used\n---\n"
        + index.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    drawn: dict[str, str] = {}
    changed: list[str] = []

    def before(
        app: object, pagename: str, template: str, context: dict[str, str], _: object
    ) -> None:
        drawn[pagename] = context.get("body", "")

    def after(
        app: object, pagename: str, template: str, context: dict[str, str], _: object
    ) -> None:
        if context.get("body", "") != drawn[pagename]:
            changed.append(pagename)

    with WarmBuild(versioned, tmp_path / "work") as warm:
        app = warm.start()
        app.connect("html-page-context", before, priority=1)  # before every other
        app.connect("html-page-context", after, priority=999)  # after every other
        assert warm() == 0
    assert "draft/index" in drawn
    assert changed == []
    place = f'<li class="toctree-l1 revoked" id="revoked-section-{third.number}A">'
    assert place + f"{third.number}A. Not used.</li>" in drawn["draft/index"]
    entries = re.findall(r'<li class="toctree-l1[^"]*"', drawn["draft/index"])
    assert entries.index(place[: -len(f' id="revoked-section-{third.number}A">')]) == 3


def test_a_protocol_printing_its_part_before_each_number_keeps_and_finds_them(
    tmp_path: Path,
) -> None:
    """A council's protocol printed as its Part prints it ("5.5 – 3.3"): init keeps each
    number, a paragraph inserted between 3.3 and 3.4 is 3.3A (it was 3.4, and 3.4 moved
    on to 3.5), and `paragraph` takes a number as the council cites it."""
    (tmp_path / "ours.txt").write_text(
        "Protocol on Member/Officer Relations\n\n5.5 – 3 Members\n\n"
        "5.5 – 3.1 A member must respect an officer's impartiality.\n\n"
        "5.5 – 3.3 A member must not press an officer to change advice.\n\n"
        "5.5 – 3.4 A member may not instruct an officer.\n",
        encoding="utf-8",
    )
    made = subprocess.run(
        [sys.executable, "-m", "constitution", "init", "repo", "--from", "ours.txt",
         "--council", "Testshire County Council", "--prefix", "TCC", "--part", "Part 5.5"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    repo = Project(tmp_path / "repo")
    (section,) = (repo.root / "protocol").glob("members.md")
    text = section.read_text(encoding="utf-8")
    new = "```{clause} TCC-0004\n:modality: informative\n\nA new paragraph.\n```\n\n"
    section.write_text(text.replace("```{clause} TCC-0003", new + "```{clause} TCC-0003"))
    got = [(c.id, c.number) for c in repo.document().clauses()]
    assert got == [
        ("TCC-0001", "3.1"),
        ("TCC-0002", "3.3"),
        ("TCC-0004", "3.3A"),
        ("TCC-0003", "3.4"),
    ]
    for cited in ("5.5 – 3.4", "5.5-3.4", "3.4"):
        result = run(repo, "paragraph", cited)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"{cited} in the draft: TCC-0003"), result.stdout
    assert run(repo, "paragraph", "5.4 – 3.4").returncode == 1  # another Part's
