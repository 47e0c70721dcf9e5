"""Faults of `constitution import` an earlier session found and left, each shown by a
document written for it in a council protocol's register (tests/import_known_faults,
a PDF drawn from its committed source), each test failing before its fix."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from constitution.capitals import out_of_capitals
from constitution.import_myst import acronyms, render
from constitution.import_report import report_text, shortened
from constitution.importer import import_protocol
from constitution.init import own_title
from constitution.problems import ProtocolError
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
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))  # words after too
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
        "# Councillors' Enquiries and Co-opted Members",
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


def plain_numbers(text: str) -> str:
    """The Part-numbered document as a protocol of its own prints it: "1. Scope" over 1.1."""
    text = text.replace("Part 5.3 – ", "", 1)
    return re.sub(r"^5\.3\.(\d+)(\.\d+)?\s", lambda m: f"{m[1]}{m[2] or '.'} ", text, flags=re.M)


@pytest.mark.parametrize("numbering", ["part-numbered", "plain-numbered"])
def test_an_unnumbered_heading_with_words_under_it(tmp_path: Path, numbering: str) -> None:
    """ "Working with the press" and a paragraph of words under it, between numbered
    sections (after 5.3.1.2, before "5.3.2 Respect and Courtesy"), is a heading over its
    words, kept where printed after the last paragraph of the section before, not words of
    that paragraph; so is one over two paragraphs of words."""
    text = (SOURCES / "headed-words.txt").read_text(encoding="utf-8")
    source = tmp_path / "protocol.txt"
    source.write_text(text if numbering == "part-numbered" else plain_numbers(text), "utf-8")
    doc = import_protocol(source)
    assert [len(s.clauses) for s in doc.sections] == [2, 2, 2]
    paragraphs = {c.number.rstrip("."): c.paragraphs for c in doc.clauses() if c.paragraphs[1:]}
    assert paragraphs == {}
    ends = [(s.clauses[-1].after.paragraphs, s.clauses[-1].after.titles) for s in doc.sections]
    assert ends == [
        (["Working with the press", text.split("\n\n")[5]], {0}),
        (["Concerns and Complaints", *text.split("\n\n")[10:12]], {0}),
        ([], set()),
    ]
    assert doc.defects == []
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))  # words after too
    report, published = imported(tmp_path, source)
    assert published == {c: c for c in numbers(doc.clauses())}
    assert report["defects"] == []
    written = render(doc, "MOP")[f"{doc.sections[0].slug}.md"]
    assert "\n\n## Working with the press\n\nPress releases" in written


HEADS = {  # how section 3's heading is printed: its number on a line of its own
    "number-then-title": "{n}\n\nMember Enquiries",
    "title-then-number": "Member Enquiries\n\n{n}",
    "number-alone": "{n}",
}


@pytest.mark.parametrize("number", ["3", "3."])
@pytest.mark.parametrize("head", HEADS)
def test_a_section_number_on_a_line_of_its_own(tmp_path: Path, number: str, head: str) -> None:
    """A section's number printed alone ("3" or "3.") is the section's: over or under its
    title, the two are its heading; straight over its first paragraph ("3.1 ..."), with
    no title, it opens section 3 titled by its number, said in the report, never words
    joined to 3.1 nor a line of the paragraph before."""
    text = (SOURCES / "section-number-alone.txt").read_text(encoding="utf-8")
    source = tmp_path / "protocol.txt"
    source.write_text(text.replace("SECTION THREE", HEADS[head].format(n=number)), "utf-8")
    doc = import_protocol(source)
    title = "Section 3" if head == "number-alone" else "Member Enquiries"
    assert [(s.number, s.title, numbers(s.clauses)) for s in doc.sections] == [
        ("1", "Scope", ["1.1", "1.2"]),
        ("2", "Respect and Courtesy", ["2.1", "2.2"]),
        ("3", title, ["3.1", "3.2"]),
        ("4", "Raising a Concern", ["4.1"]),
    ]
    assert all(len(c.paragraphs) == 1 and not c.after.paragraphs for c in doc.clauses())
    assert doc.defects == []
    said = [n for n in doc.extracted.notes if "printed as its number alone" in n]
    assert len(said) == (head == "number-alone")
    invented = Counter({"Section": 1}) if head == "number-alone" else Counter()
    assert words_out(doc) == words(source.read_text(encoding="utf-8")) + invented


HEAD = "Ashcombe District Council – Protocol on Member and Officer Relations"


def scan_pdf(path: Path, second_page: str = "scan", source: str = "scan-header") -> Path:
    """tests/import_known_faults/scan-header.pdf.txt as a PDF, under a running head and
    "Page N of M" drawn as text on every page. A page marked "picture" is drawn as
    ``second_page`` says: "scan", an image of its print over the whole page with no text
    of its words; "letterhead", such an image with the words as text over it (a
    letterhead's picture, or a scan whose words were recognised); "logo", a small image
    over its words."""
    pages = (SOURCES / f"{source}.pdf.txt").read_text(encoding="utf-8").split("page: ")[1:]
    canvas = Canvas(str(path), pagesize=A4)
    picture = ImageReader(Image.new("L", (200, 280), 200))
    for n, page in enumerate(pages, start=1):
        kind, *lines = page.rstrip("\n").split("\n")
        drawn = second_page if kind == "picture" else kind
        canvas.setFont("Helvetica", 9)
        if drawn in ("scan", "letterhead"):
            canvas.drawImage(picture, 0, 0, *A4)
        elif drawn == "logo":
            canvas.drawImage(picture, 460, 740, 60, 80)
        canvas.drawString(64, 800, HEAD)
        canvas.drawString(270, 30, f"Page {n} of {len(pages)}")
        canvas.setFont("Helvetica", 10)
        for at, line in enumerate(lines if drawn != "scan" else []):
            canvas.drawString(64, 760 - 16 * at, line)
        canvas.showPage()
    canvas.save()
    return path


def test_a_scanned_page_under_a_running_head_of_text(tmp_path: Path) -> None:
    """A page that is a picture of its print, with only the running head (over 40
    characters) and "Page 2 of 3" as text laid over it, has far less text than the
    document's other pages: refused, naming the page, never imported without its
    words."""
    with pytest.raises(ProtocolError, match=r"page 2: scanned") as raised:
        import_protocol(scan_pdf(tmp_path / "protocol.pdf"))
    assert raised.value.problems[0].code == "import-scanned-pages"
    assert "OCR" in str(raised.value)


@pytest.mark.parametrize("picture", ["letterhead", "logo"])
def test_a_picture_under_a_full_page_of_text_is_no_scan(tmp_path: Path, picture: str) -> None:
    """A page drawn over a picture as large as the page (a letterhead's, or a scan with
    its words recognised), or with a logo, whose words are all there as text: imported,
    every paragraph."""
    doc = import_protocol(scan_pdf(tmp_path / "protocol.pdf", second_page=picture))
    assert [numbers(s.clauses)[-1] for s in doc.sections] == ["1.3", "2.2", "3.3", "4.3", "5.3"]
    assert len(doc.clauses()) == 14
    assert [s.title for s in doc.sections][2:4] == ["Impartial Advice", "Member Enquiries"]


def test_a_short_page_over_the_picture_every_page_is_drawn_on_is_no_scan(
    tmp_path: Path,
) -> None:
    """Every page drawn over one picture (a letterhead's, a watermark's), the last holding
    one short paragraph, far less than the pages before: a picture the document draws
    under its pages of text is their background, not a scan, however little text a page
    holds over it. Imported whole."""
    source = "letterhead-short-page"
    doc = import_protocol(scan_pdf(tmp_path / "protocol.pdf", source=source))
    assert [numbers(s.clauses)[-1] for s in doc.sections] == ["1.3", "2.3", "3.3", "4.3"]
    assert len(doc.clauses()) == 12


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("CO-OPTED MEMBERS", "Co-opted Members"),
        (
            "NON-EXECUTIVE DIRECTORS AND THE PRE-ELECTION PERIOD",
            "Non-executive Directors and the Pre-election Period",
        ),
        ("RE-ELECTION OF THE CHAIR AT BY-ELECTIONS", "Re-election of the Chair at By-elections"),
        ("DECISION-MAKING AND FACE-TO-FACE MEETINGS", "Decision-Making and Face-to-Face Meetings"),
        ("CO-OPTED MEMBERS OF THE CCTV PANEL", "Co-opted Members of the CCTV Panel"),
    ],
)
def test_hyphened_words_written_out_of_capitals(printed: str, written: str) -> None:
    """A word hyphened to a prefix that is no word alone ("CO-", "NON-", "PRE-", "RE-",
    "BY-") stays in small letters when a heading in capitals is written as a title, as
    British usage writes it ("Co-opted Members", not "Co-Opted"); words each a word of
    their own are each capitalised ("Decision-Making"), a small word between not."""
    assert out_of_capitals(printed) == written
    assert out_of_capitals(written) == written  # a title not in capitals is as printed


def test_the_report_lists_a_running_head_whole(tmp_path: Path) -> None:
    """The running head a PDF prints on every page, listed in the report as left out,
    is listed whole ("... Member and Officer Relations"), not cut inside a word; a line
    longer than a line of print is cut after a whole word."""
    source = scan_pdf(tmp_path / "protocol.pdf", second_page="text")
    doc = import_protocol(source)
    listed = report_text(doc, source).splitlines()
    heads = [line for line in listed if "Ashcombe District Council" in line]
    assert len(heads) == 3
    assert all(f": {HEAD} (" in line for line in heads), heads
    long = " ".join(["Members and officers treat one another with courtesy"] * 3)
    assert shortened(long) == (
        "Members and officers treat one another with courtesy Members and officers treat ..."
    )


def moved_first(repo: Path, clause_id: str, section: str) -> None:
    """An editor's move: the paragraph's block cut from its section's file and put first
    in ``section``'s."""
    block = re.compile(rf"```{{clause}} {clause_id}\n.*?```\n\n?", re.S)
    path = next(p for p in (repo / "protocol").glob("*.md") if block.search(p.read_text("utf-8")))
    text = path.read_text(encoding="utf-8")
    found = block.search(text)
    assert found
    path.write_text(text.replace(found[0], "").rstrip() + "\n", encoding="utf-8")
    there = (repo / "protocol" / section).read_text(encoding="utf-8")
    at = there.index("```{clause}")
    moved = there[:at] + found[0].rstrip() + "\n\n" + there[at:]
    (repo / "protocol" / section).write_text(moved, encoding="utf-8")


def test_a_revision_after_a_renumbering_council_adopted(tmp_path: Path) -> None:
    """After Council adopts a renumbered text (`adopt --renumber`: 2.3 moved to section 3
    and printed 3.1, 3.1 printed 3.2...), the draft brought back from Word unedited
    (`import --revision`) changes nothing the redline shows; each moved paragraph's
    :source-number: is written as printed in the revised document (3.1, not the 2.3 of the
    document first imported: a number printed as revoked there must name the paragraph
    printed with it), and the report says which and why, not leaving the file's change
    unexplained."""
    source = tmp_path / "protocol.txt"
    source.write_text((SOURCES / "renumbered.txt").read_text(encoding="utf-8"), "utf-8")
    repo = tmp_path / "repo"

    def run(*args: str) -> str:
        done = constitution(*args, cwd=repo if repo.exists() else tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    run("init", "repo", "--from", source.name, "--council", "Ashcombe District Council")
    run("adopt", "--date", "2026-01-14", "--resolution", "Minute 7")
    moved_first(repo, "MOP-0005", "raising-a-concern.md")
    run("adopt", "--date", "2026-03-11", "--resolution", "Minute 12", "--renumber")
    run("export", "--format", "docx", "--version", "draft", "--out", str(tmp_path / "d.docx"))
    before = {p.name: p.read_text(encoding="utf-8") for p in (repo / "protocol").glob("*.md")}
    said = run("import", str(tmp_path / "d.docx"), "--out", "protocol", "--force", "--revision")
    after = {p.name: p.read_text(encoding="utf-8") for p in (repo / "protocol").glob("*.md")}
    printed = re.findall(
        r"```\{clause\} (\S+)\n(?:.*\n)*?:source-number: (\S+)", after["raising-a-concern.md"]
    )
    assert printed == [("MOP-0005", "3.1"), ("MOP-0006", "3.2"), ("MOP-0007", "3.3")]
    assert {n for n in after if after[n] != before[n]} == {"raising-a-concern.md"}
    assert "No clause is inserted, reworded, revoked or renumbered." in run(
        "redline", "2026-03-11", "draft"
    )
    assert "0 renumbered" in said
    assert "(2.3 as 3.1, 3.1 as 3.2, 3.2 as 3.3)" in said
