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

from constitution.extract_html import read_page
from constitution.import_myst import render
from constitution.importer import import_protocol
from import_constitution_parts import NAMES, gold, handed_over
from test_import_layouts import flat, heading
from test_import_software import numbers
from test_import_unseen import imported, words, words_out
from test_import_word_internals import gold_text

# What each document's report rightly says: a statute's section cited by number
# ("section 28 of the Localism Act 2011"), or another Part's paragraph ("Part 4.2 para
# 12"), is another document's, kept as text.
REPORTED = {
    # sections 270(3), 100F, 100A of the Local Government Act 1972 and 28 of the Localism
    # Act 2011 (an inserted section's letter reported since made20)
    "annex-endnotes.txt": ["external-reference"] * 4,
    "part-para.txt": ["external-reference"],
}
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
    # a heading's number the site cannot give a section ("5.3.2"), kept to be reported
    assert [s.printed for s in doc.sections] == [p.get("printed", "") for p in data["sections"]]
    for section, printed in zip(doc.sections, data["sections"], strict=True):
        assert section.intro.paragraphs == printed.get("intro", [])
        assert numbers(section.clauses) == numbers(printed["clauses"])
        for clause, want in zip(section.clauses, printed["clauses"], strict=True):
            assert clause.headings == want["headings"], clause.number
            assert flat(clause.paragraphs) == flat(want["paragraphs"]), clause.number
    left = sorted(" ".join(line.text.split()) for line, _ in doc.left_out)
    # every line as printed, an annex's arrows ("↓") too
    assert left == sorted(data["left_out"])
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


@pytest.mark.parametrize("name", [n for n in NAMES if "references" in gold(n)])
def test_references_link_this_parts_paragraphs(tmp_path: Path, name: str) -> None:
    """Each paragraph links the paragraphs of this Part it cites, and no paragraph of
    this Part for a reference to another Part's ("Part 4.2 para 12")."""
    source, data = handed_over(name, tmp_path)
    doc = import_protocol(source)
    blocks = "\n".join(render(doc, "MOP").values()).split("{clause}")
    for number, cited in data["references"].items():
        (block,) = [b for b in blocks if re.search(rf":source-number: {number}\.?\n", b)]
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


def test_a_word_html_pages_site_parts_and_split_bold() -> None:
    """A modern.gov-style page with no <main>: the blocks its ids or classes name as the
    site's header or footer, and a block that is all one link ("Print friendly version"),
    are the site's; a heading Word wrote as bold spans one after another ("<b>2.</b><b>
    &nbsp;</b><b>ROLES</b>") is one bold heading, not marks run together."""
    lines = read_page(
        "<body><div id='mgHeader'><p>Brackenmoor Council</p></div>"
        "<div class='mgLinks'><a href='mgConvert2PDF.aspx?ID=1'>Print friendly version</a></div>"
        "<p class='MsoNormal'><b><span>2.</span></b><b><span>&nbsp;&nbsp;</span></b>"
        "<b><span>ROLES</span></b></p><p>2.1 Members <a href='x.pdf'>decide</a>.</p>"
        "<div id='mgFooter'><p>Powered by Modern.Gov</p></div></body>"
    ).lines
    assert [(text, site) for text, _, site in lines] == [
        ("Brackenmoor Council", True),
        ("Print friendly version", True),
        ("<b>2. ROLES</b>", False),
        ("2.1 Members decide.", False),
        ("Powered by Modern.Gov", True),
    ]


def test_a_pages_heading_over_the_documents_own_title(tmp_path: Path) -> None:
    """A site's heading naming the page ("Constitution - Part 5.4 Protocol for ...") over
    the document's own title printed in it ("PROTOCOL FOR ..."): the document's title is
    its own, the site's heading left out; a first line that is not the title again stays
    the introduction's."""
    page = tmp_path / "protocol.html"
    page.write_text(
        "<body><h1>Constitution - Part 5.4 Protocol for Member/Officer Relations</h1>"
        "<p><b>PROTOCOL FOR MEMBER/OFFICER RELATIONS</b></p><p>Approved in 2024.</p>"
        "<p><b>1. PURPOSE</b></p><p>1.1 Members decide.</p><p>1.2 Officers advise.</p>"
        "<p>1.3 Both serve.</p></body>",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    assert (doc.title, doc.intro.paragraphs) == (
        "PROTOCOL FOR MEMBER/OFFICER RELATIONS",
        ["Approved in 2024."],
    )
    assert [line.text for line, _ in doc.left_out] == [
        "Constitution - Part 5.4 Protocol for Member/Officer Relations"
    ]


def test_a_sentence_wrapped_before_a_capital_goes_on(tmp_path: Path) -> None:
    """A long line of a sentence, unfinished, goes on to the next line with no blank
    between even where that begins with a capital ("... Wendlebury Borough" / "Council.
    Its ..."): it is no heading; the heading after it stays a heading."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Part 5.3 – Protocol\n\nThis protocol forms Part 5.3 of the Constitution of "
        "Wendlebury Borough\nCouncil. Its paragraphs run on.\n\nSection A – Introduction\n\n"
        "1. Members decide.\n\n2. Officers advise.\n\n"
        "3. Both serve.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert doc.intro.paragraphs == [
        "This protocol forms Part 5.3 of the Constitution of Wendlebury Borough Council. "
        "Its paragraphs run on."
    ]
    assert [s.title for s in doc.sections] == ["Section A – Introduction"]


def test_a_reference_naming_a_part(tmp_path: Path) -> None:
    """ "Part 5.3 para 4(b) or (c)" in Part 5.3 is its own paragraph 4 (items (b) and (c)
    of it); "Part 4.2 para 2" is another Part's paragraph, kept as text and reported,
    never linked to this Part's paragraph 2."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Part 5.3 – Protocol\n\nA  Roles\n\n1. Members decide.\n\n2. Officers advise:\n\n"
        "(a) members;\n\n(b) committees; and\n\n(c) the Council.\n\n"
        "3. A breach of Part 5.3 para 2(b) or (c) is referred under Part 4.2 para 2.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    (written,) = [t for name, t in render(doc, "MOP").items() if name != "index.md"]
    assert (
        "A breach of Part 5.3 para {para}`2 <MOP-0002>`(b) or {para}`2 <MOP-0002>`(c)"
        not in written
    )
    assert "Part 5.3 para {para}`2 <MOP-0002>`(b) or (c) is referred under Part 4.2 para 2." in (
        written
    )


@pytest.mark.parametrize(
    ("part", "depth"), [("4", 1), ("12.1", 1), ("12.1", 2)], ids=["part-4", "part-12.1", "deeper"]
)
def test_sections_numbered_with_the_parts_number(tmp_path: Path, part: str, depth: int) -> None:
    """Headings that carry the Part's number before their own ("12.1.2 Roles" in Part
    12.1) are sections, titled as printed, each over the paragraphs numbered under it
    (to any depth), with no section titled in words the page does not print; each is
    published as its last number, said once in the report, its paragraphs with the
    numbers printed."""
    body = "".join(
        f"{part}.{n} {title}\n\n"
        + "".join(
            f"{part}.{n}.{k}{'.1' * (depth - 1)} Members {title.lower()} {k}.\n\n" for k in (1, 2)
        )
        for n, title in enumerate(["Scope", "Roles", "Conduct"], start=1)
    )
    source = tmp_path / "protocol.txt"
    source.write_text(f"Part {part} – Protocol\n\nAdopted in 2024.\n\n{body}", encoding="utf-8")
    doc = import_protocol(source)
    sub = ".1" * (depth - 1)
    assert [(s.number, s.printed, s.title, numbers(s.clauses)) for s in doc.sections] == [
        (str(n), f"{part}.{n}", t, [f"{part}.{n}.1{sub}", f"{part}.{n}.2{sub}"])
        for n, t in enumerate(["Scope", "Roles", "Conduct"], start=1)
    ]
    assert all(c.headings == [] for c in doc.clauses())
    assert doc.defects == []
    report, published = imported(tmp_path, source)
    (said,) = [n for n in report["notes"] if "before their own" in n]
    assert f"({part}.1 as 1)" in said
    assert [s.get("printed") for s in report["sections"]] == [f"{part}.{n}" for n in (1, 2, 3)]
    assert published == {c: c for c in numbers(doc.clauses())}
    roles = (tmp_path / "out" / "roles.md").read_text(encoding="utf-8")
    assert roles.startswith("---\nsection-number: 2\n---\n# Roles\n")


def test_a_number_printed_revoked_in_its_sections_place(tmp_path: Path) -> None:
    """ "5.3.2.2 [Deleted]" under "5.3.2 Roles" is kept revoked in that section, not the
    first one, and the paragraphs after it keep the numbers printed."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Part 5.3 – Protocol\n\n5.3.1 Scope\n\n5.3.1.1 Members decide.\n\n"
        "5.3.1.2 Officers advise.\n\n5.3.2 Roles\n\n5.3.2.1 Members lead.\n\n"
        "5.3.2.2 [Deleted]\n\n5.3.2.3 Officers serve.\n",
        encoding="utf-8",
    )
    report, published = imported(tmp_path, source)
    assert [[r["numbers"] for r in s["revoked"]] for s in report["sections"]] == [[], [["5.3.2.2"]]]
    assert published == {n: n for n in ("5.3.1.1", "5.3.1.2", "5.3.2.1", "5.3.2.3")}
    assert report["defects"] == []


OPENINGS = {
    "heading-and-words": "Purpose of this Part\n\nThis Part sets how members and officers of the "
    "Council work together.\n\n",
    "heading-alone": "Purpose of this Part\n\n",
    "words-no-part-in-title": "This protocol sets how members and officers of the Council work "
    "together.\n\n",
}


@pytest.mark.parametrize("opening", OPENINGS)
def test_words_above_the_parts_first_heading(tmp_path: Path, opening: str) -> None:
    """Words, or an unnumbered heading, above the first heading that prints the Part's
    number ("Purpose of this Part" over "5.3.1 Scope"), or a title naming no Part: each
    Part-numbered heading is still a section titled as printed, and what stands above is
    the document's introduction, its heading a heading there; no section is titled in
    words the page does not print ("Section 5")."""
    title = "Protocol on Working Together" if "no-part" in opening else "Part 5.3 – Protocol"
    body = "".join(
        f"5.3.{n} {head}\n\n5.3.{n}.1 Members {head.lower()} first.\n\n"
        f"5.3.{n}.2 Officers {head.lower()} next.\n\n"
        for n, head in enumerate(["Scope", "Roles", "Conduct"], start=1)
    )
    source = tmp_path / "protocol.txt"
    source.write_text(f"{title}\n\n{OPENINGS[opening]}{body}", encoding="utf-8")
    doc = import_protocol(source)
    assert [(s.number, s.printed, s.title) for s in doc.sections] == [
        ("1", "5.3.1", "Scope"),
        ("2", "5.3.2", "Roles"),
        ("3", "5.3.3", "Conduct"),
    ]
    assert all(c.headings == [] for c in doc.clauses())
    above = [p for p in OPENINGS[opening].split("\n\n") if p]
    assert doc.intro.paragraphs == above
    assert doc.intro.titles == ({0} if "heading" in opening else set())
    assert words_out(import_protocol(source)) == words(f"{title}\n{OPENINGS[opening]}{body}")
    report, published = imported(tmp_path, source)
    assert published == {c: c for c in numbers(doc.clauses())}
    assert report["defects"] == []


REVOKED_SECTIONS = {
    "part-numbered": (
        "Part 7.2 – Protocol\n\n7.2.1 Scope\n\n7.2.1.1 Members read it.\n\n"
        "7.2.1.2 Officers read it.\n\n7.2.2 [Revoked]\n\n7.2.3 Roles\n\n"
        "7.2.3.1 Members lead.\n\n7.2.3.2 Officers serve.\n",
        "Revoked",
    ),
    "bracketed-paragraphs": (
        "Protocol on Working Together\n\n4. Scope\n\n(1) Members read it.\n\n"
        "(2) Officers read it.\n\n5. [Deleted by Council, March 2022]\n\n6. Roles\n\n"
        "(1) Members lead.\n\n(2) Officers serve.\n",
        "Deleted by Council, March 2022",
    ),
}


@pytest.mark.parametrize("shape", REVOKED_SECTIONS)
def test_a_section_printed_revoked(tmp_path: Path, shape: str) -> None:
    """A number of a section heading's depth printed as revoked where a heading would
    stand ("7.2.2 [Revoked]" between "7.2.1 Scope" and "7.2.3 Roles"; "5. [Deleted ...]"
    between sections whose paragraphs print "(1)") is a revoked section, in the index's
    front matter, not a revoked paragraph of the section before nor a gap reported."""
    text, said = REVOKED_SECTIONS[shape]
    source = tmp_path / "protocol.txt"
    source.write_text(text, encoding="utf-8")
    report, _ = imported(tmp_path, source)
    sections = report["sections"]
    assert [s["revoked"] for s in sections] == [[], []]
    assert report["defects"] == []
    (gone,) = report["revoked_sections"]
    number = str(int(sections[0]["number"]) + 1)
    assert gone["number"] == number
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert index.startswith(f"---\nrevoked section {number}: {said}\n---\n")


def test_an_annexs_lines_as_printed(tmp_path: Path) -> None:
    """An annex's short lines with no blank between (a form's fields, a list of steps)
    are each a line of their own; its prose, wrapped at the page's measure, one
    paragraph."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1. Scope\n\n1.1 Members read it.\n\n1.2 Officers read it.\n\n"
        "1.3 Both keep it.\n\nAppendix B – Request for Advice\n\n"
        "This form is sent to the Monitoring Officer, who answers within ten working\n"
        "days of receiving it and keeps a copy on the register.\n\n"
        "Councillor: __________\nWard: __________\nQuestion asked: __________\n"
        "Answer needed by: __________\n",
        encoding="utf-8",
    )
    (annex,) = import_protocol(source).appendices
    assert annex.intro.paragraphs == [
        "This form is sent to the Monitoring Officer, who answers within ten working days "
        "of receiving it and keeps a copy on the register.",
        "Councillor: __________",
        "Ward: __________",
        "Question asked: __________",
        "Answer needed by: __________",
    ]
