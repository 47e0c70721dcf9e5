"""Faults of `constitution import` an earlier session found and left, each shown by a
document written for it in a council protocol's register (tests/import_known_faults,
a PDF drawn from its committed source), each test failing before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution.importer import acronyms, import_protocol, render
from constitution.init import own_title
from import_constitution_parts import part_pages
from import_pdf_headings import draw
from test_import_software import numbers
from test_import_unseen import imported, words, words_out
from test_init import constitution

SOURCES = Path(__file__).parent / "import_known_faults"

OPENINGS = {
    "no-opening": "",
    "opening-heading": "Introduction\n\nThis protocol sets out how members and officers of the "
    "Council work together.\n\n",
}


@pytest.mark.parametrize("opening", OPENINGS)
def test_part_numbered_headings_under_an_unnumbered_heading(tmp_path: Path, opening: str) -> None:
    """ "5.3.2 Respect and Courtesy" under "Working Together", a heading with no number
    after section 5.3.1, is a section titled as printed, as 5.3.1 is; the unnumbered
    heading is kept where printed, after the last paragraph of the
    section before, as an unnumbered heading between numbered sections is."""
    title, _, body = (SOURCES / "part-groups.txt").read_text(encoding="utf-8").partition("\n\n")
    source = tmp_path / "protocol.txt"
    source.write_text(f"{title}\n\n{OPENINGS[opening]}{body}", encoding="utf-8")
    doc = import_protocol(source)
    heads = ["Scope", "Respect and Courtesy", "Impartial Advice", "Raising a Concern"]
    assert [(s.number, s.printed, s.title, numbers(s.clauses)) for s in doc.sections] == [
        (str(n), f"5.3.{n}", head, [f"5.3.{n}.1", f"5.3.{n}.2"])
        for n, head in enumerate(heads, start=1)
    ]
    assert all(c.headings == [] for c in doc.clauses())
    ends = [(s.clauses[-1].after.paragraphs, s.clauses[-1].after.titles) for s in doc.sections]
    assert ends == [
        (["Working Together"], {0}),
        ([], set()),
        (["Concerns and Complaints"], {0}),
        ([], set()),
    ]
    assert doc.intro.paragraphs == [p for p in OPENINGS[opening].split("\n\n") if p]
    kept = "\n".join(p for c in doc.clauses() for p in c.after.paragraphs)
    assert words_out(doc) + words(kept) == words(source.read_text(encoding="utf-8"))
    report, published = imported(tmp_path, source)
    assert published == {c: c for c in numbers(doc.clauses())}
    assert report["defects"] == []
    scope = (tmp_path / "out" / "scope.md").read_text(encoding="utf-8")
    assert scope.endswith("```\n\n## Working Together\n")


def test_a_pdf_annexs_lines_and_arrows_as_printed(tmp_path: Path) -> None:
    """A PDF annex's short lines at the body's spacing (a flowchart's boxes, a form's
    fields) are each a line of their own, its arrows ("↓", "▼") kept between them; its
    prose, wrapped at the measure, one paragraph."""
    source = tmp_path / "protocol.pdf"
    part_pages(SOURCES / "annex-flowchart.pdf.txt", source)
    flowchart, form = import_protocol(source).appendices
    assert (flowchart.title, form.title) == (
        "Annex 1 – Raising a Concern about an Officer",
        "Annex 2 – Request for Advice",
    )
    assert flowchart.intro.paragraphs == [
        "The member first speaks to the officer's line manager, who replies within five "
        "working days and keeps a note of the concern and of the reply.",
        "Member raises the concern",
        "↓",
        "Line manager replies within five working days",
        "↓",
        "Director reviews the reply if the member asks",
        "▼",
        "Monitoring Officer decides → the decision is final",
    ]
    assert form.intro.paragraphs == [
        "Member's name: ____________",
        "Ward: ____________",
        "Question: ____________",
        "Date: ____________",
    ]


def test_a_pdfs_bold_line_ending_in_a_colon(tmp_path: Path) -> None:
    """A bold line of the body's size, set apart, ending in a colon: a heading over the
    paragraph under it ("Attending meetings:" over 2, "Contact with officers:" over 4),
    but the lead-in of the list under it ("Members should:" over "(a) ..."), kept with
    the paragraph it follows."""
    source = tmp_path / "protocol.pdf"
    draw(SOURCES / "colon-headings.pdf.txt", source)
    doc = import_protocol(source)
    assert [(s.title, [(c.number, c.headings) for c in s.clauses]) for s in doc.sections] == [
        (
            "Roles of Members and Officers",
            [("1.", []), ("2.", ["Attending meetings:"]), ("3.", [])],
        ),
        ("Communication", [("4.", ["Contact with officers:"]), ("5.", [])]),
    ]
    three = doc.clauses()[2]
    assert three.paragraphs[1:] == [
        "Members should:",
        "- (a) treat officers with courtesy and respect;",
        "- (b) give an officer notice of a question they mean to ask at a meeting; and",
        "- (c) never ask an officer to act for a political group.",
    ]
    assert all(s.intro.paragraphs == [] for s in doc.sections)
    assert doc.defects == []


ELSEWHERE = "\n\n3. Gifts are declared as paragraph 12 of the Members' Code of Conduct requires.\n"


@pytest.mark.parametrize("cites_another", [False, True], ids=["own-only", "cites-another"])
def test_a_bare_paragraph_number_in_parts_numbered_afresh(
    tmp_path: Path, cites_another: bool
) -> None:
    """ "paragraph 2" in Part B, where each Part numbers its paragraphs from 1, names no
    Part: it is Part B's own paragraph 2 where the document cites no other document's
    paragraphs in that form; where it does ("paragraph 12 of the Members' Code of
    Conduct"), it is kept as text and reported, saying how to link it."""
    source = tmp_path / "protocol.txt"
    text = (SOURCES / "parts-bare-reference.txt").read_text(encoding="utf-8")
    source.write_text(text.rstrip("\n") + (ELSEWHERE if cites_another else "\n"), "utf-8")
    doc = import_protocol(source)
    written = "\n".join(render(doc, "MOP").values())
    b2, c1 = doc.sections[1].clauses[1].id, doc.sections[2].clauses[0].id
    kinds = [(d.kind, d.number) for d in doc.defects]
    if cites_another:
        assert "act against paragraph 2 tells" in written
        assert "as paragraph 1 provides" in written
        assert kinds == [
            ("ambiguous-reference", "2"),
            ("ambiguous-reference", "1"),
            ("external-reference", "12"),
        ]
        assert f"{{para}}`2 <{b2}>`" in doc.defects[0].message
    else:
        assert f"act against paragraph {{para}}`2 <{b2}>` tells" in written
        assert f"as paragraph {{para}}`1 <{c1}>` provides" in written
        assert kinds == []


def test_headings_in_capitals_are_written_as_init_writes_a_title(tmp_path: Path) -> None:
    """Section headings printed in capitals are written into a council's repository as
    titles ("Respect and Courtesy"), by the one function that writes the document's
    title so there; an acronym keeps its capitals: one the document prints so in its
    paragraphs ("ICT equipment"), or a word with no vowel ("CCTV"). Imported elsewhere,
    every heading stays as printed, as the title does."""
    source = SOURCES / "capitals-headings.txt"
    doc = import_protocol(source)
    written = render(doc, "MOP")
    assert written["respect-and-courtesy.md"].startswith("# RESPECT AND COURTESY\n")
    written = render(doc, "MOP", titled=True)
    titles = [written[f"{s.slug}.md"].splitlines()[0] for s in doc.sections]
    assert titles == [
        "# Respect and Courtesy",
        "# Use of ICT and CCTV",
        "# Councillors' Enquiries and Co-Opted Members",
    ]
    assert doc.sections[0].title == "RESPECT AND COURTESY"  # as printed, in the report
    assert own_title("", doc.title, acronyms(doc)) == (
        "Protocol on Member/Officer Relations and the Use of ICT"
    )


def test_init_writes_headings_in_capitals_as_titles(tmp_path: Path) -> None:
    """`constitution init --from` a document with headings in capitals: its title and
    its sections' headings written out of capitals alike, the acronyms kept."""
    source = tmp_path / "protocol.txt"
    source.write_text((SOURCES / "capitals-headings.txt").read_text(encoding="utf-8"), "utf-8")
    made = constitution(
        "init", "repo", "--from", source.name, "--council", "Ashcombe District Council",
        cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    protocol = tmp_path / "repo" / "protocol"
    firsts = [
        (protocol / f"{name}.md").read_text(encoding="utf-8")
        for name in ("index", "use-of-ict-and-cctv")
    ]
    assert firsts[0].startswith("# Protocol on Member/Officer Relations and the Use of ICT\n")
    assert firsts[1].startswith("# Use of ICT and CCTV\n")
