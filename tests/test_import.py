"""`constitution import`: the three reference protocols, Word revisions, PDFs, bad files."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import zlib
from collections import Counter
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from constitution.build import build_site
from constitution.import_cited import citations
from constitution.import_markup import CELL_BREAK
from constitution.model import Document
from constitution.project import Project
from constitution.tool_files import TEMPLATE

# The real protocols studied for this project sit beside the repository (as in CI), not
# in it: their text is not ours to copy. CONSTITUTION_REFERENCES names another folder.
REFERENCE = Path(
    os.environ.get("CONSTITUTION_REFERENCES")
    or Path(__file__).resolve().parents[2] / "shared" / "reference"
)


@pytest.fixture(autouse=True)
def _references_present() -> None:
    assert REFERENCE.is_dir(), (
        f"the reference protocols are expected in {REFERENCE}: clone this repository "
        "beside the shared/ folder that holds them, or set CONSTITUTION_REFERENCES"
    )


# Written by hand from each document: sections, clauses, and a sample of clauses as
# (number in the source as cited: "(3)" of section 4 is 4(3); first words).
EXPECTED = {
    "001_f65b78a89e8b4a6d.txt": (
        # 21 numbered sections: the unnumbered "Introduction" before section 1, with its
        # items (a) to (c), opens the protocol's introduction (as a section it would be
        # published with a number never printed, A1)
        21,
        # section 16's three unnumbered paragraphs are its introduction, not a clause;
        # section 17's words, with no numbered paragraph, are unnumbered words: no number
        # is made up for them
        66,
        [
            ("1(2)", "Officers are employed by and serve the whole Council"),
            ("4(3)", "A Member must declare to the Chief Executive"),
            ("5(1)", "Members must not take any part in the appointment"),
            ("6(2)", "Similarly, an Officer must not seek to influence"),
            ("10(5)", "If a Member believes that they have not been treated"),
            ("21(1)", "This Protocol will be reviewed annually"),
        ],
    ),
    "002_9b001c75f7495e69.txt": (
        16,
        58,
        [
            ("1.1", "The purpose of this code is to guide members"),
            ("3.1", "Members should not raise matters relating to the conduct"),
            ("8.2", "It is common practice for political groups"),
            ("11.1", "Members' Rights of Access to Information"),
            ("13.2", "An officer should not normally copy correspondence"),
            ("16.8", "Sometimes Councillors may ask for information"),
        ],
    ),
    "003_9285d659a8278580.txt": (
        14,
        78,
        [
            ("5.5 – 1.1", "Mutual trust and respect between Members and Officers"),
            ("5.5 – 3.19", "Members are not authorised to instruct officers"),
            ("5.5 – 8.1", "Officers are required to be politically neutral"),
            ("5.5 – 12.1", "This is dealt with in Part 4.2"),
            ("5.5 – 14.2", "A Member who is unhappy about the actions"),
            ("5.5 – 14.6", "Unless the matter relates to an alleged breach"),
        ],
    ),
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constitution", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def import_into(project: Project, source: Path) -> dict[str, object]:
    shutil.rmtree(project.protocol)
    uncited(project)  # the import gives IDs afresh, which the model's checks/ cite
    report = project.root / "report.json"
    result = run(
        "import", str(source), "--out", "protocol", "--report-json", str(report), cwd=project.root
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return data


def first_words(project: Project, clause_id: str) -> str:
    clause = project.document().clause(clause_id)
    assert clause is not None
    return clause.text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reference_protocols_import_build_and_check(scratch: Project, name: str) -> None:
    sections_expected, clauses_expected, sample = EXPECTED[name]
    report = import_into(scratch, REFERENCE / name)
    sections = report["sections"]
    assert isinstance(sections, list)
    clauses = [c for s in sections for c in s["clauses"]]
    by_number: dict[str, list[str]] = {}
    for c in clauses:
        by_number.setdefault(c["source_number"], []).append(c["id"])
    hits = 0
    for number, words in sample:
        texts = [first_words(scratch, cid) for cid in by_number.get(number, [])]
        hits += any(t.startswith(words) for t in texts)
    print(
        f"\n{name}: sections {len(sections)}/{sections_expected}, clauses "
        f"{len(clauses)}/{clauses_expected}, sample {hits}/{len(sample)}"
    )
    assert (len(sections), len(clauses), hits) == (sections_expected, clauses_expected, len(sample))
    check = run("check", "--format", "json", cwd=scratch.root)
    problems = json.loads(check.stdout)["problems"]
    assert {p["code"] for p in problems} == {"uncovered"}, problems
    assert build_site(scratch, scratch.root / "_site") == 0
    numbered = next(c for c in clauses if c["source_number"])
    section = next(s for s in sections if numbered in s["clauses"])
    page = (scratch.root / "_site" / "protocol" / f"{section['slug']}.html").read_text()
    assert (
        f"<dt>Number in the imported document</dt><dd>{html.escape(numbered['source_number'])}"
        in page
    )


def test_reference_defects_are_reported(scratch: Project) -> None:
    report = import_into(scratch, REFERENCE / "003_9285d659a8278580.txt")
    kinds = {(d["kind"], d["number"]) for d in report["defects"]}  # type: ignore[union-attr]
    assert ("malformed-number", "5.5 – 12 – 1") in kinds
    assert ("external-reference", "6.135") in kinds  # of another report: kept as text
    assert ("contents", "1") in kinds  # the table of contents is not taken for sections


def test_reimport_is_identical_and_never_overwrites(tmp_path: Path) -> None:
    source = REFERENCE / "002_9b001c75f7495e69.txt"
    out = tmp_path / "protocol"
    assert run("import", str(source), "--out", str(out), cwd=tmp_path).returncode == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run("import", str(source), "--out", str(out), cwd=tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr  # used wrongly
    assert run("import", str(source), "--out", str(out), "--force", cwd=tmp_path).returncode == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def word_file(path: Path) -> Path:
    """A Word protocol with numbered paragraphs and two tracked changes."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    document.add_paragraph("Member/Officer Protocol")
    document.add_paragraph("1. Introduction")
    document.add_paragraph("1.1 Members and officers must treat one another with respect.")
    p = document.add_paragraph("1.2 Officers must reply to enquiries within ")
    for tag, text in (("w:del", "five"), ("w:ins", "ten")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "Editor")
        run_ = OxmlElement("w:r")
        t = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        t.text = text
        run_.append(t)
        change.append(run_)
        p._p.append(change)
    p.add_run(" working days of receiving them.")
    document.add_paragraph("2. Media")
    document.add_paragraph("2.1 Press releases are issued by the communications team.")
    document.save(path)
    return path


def test_word_revisions_read_as_accepted(tmp_path: Path) -> None:
    result = run(
        "import",
        str(word_file(tmp_path / "p.docx")),
        "--out",
        "out",
        "--report-json",
        "r.json",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "2 tracked change(s) were read as accepted" in result.stdout
    text = (tmp_path / "out" / "introduction.md").read_text(encoding="utf-8")
    assert "within ten working days" in text and "five" not in text
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["revisions"] == 2
    assert [c["source_number"] for s in report["sections"] for c in s["clauses"]] == [
        "1.1",
        "1.2",
        "2.1",
    ]


def pdf_file(path: Path, pages: list[list[str]]) -> Path:
    """A text PDF, one line of text a string, built by hand (no extra dependency)."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        ops = ["BT /F1 10 Tf 12 TL 50 800 Td"]
        ops += [f"({ln.replace('(', '[').replace(')', ']')}) Tj T*" for ln in lines]
        stream = zlib.compress(("\n".join([*ops, "ET"])).encode("latin-1"))
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n"
            + stream.decode("latin-1")
            + "\nendstream"
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(out)
    return path


def test_pdf_drops_page_furniture_and_mends_hyphens(tmp_path: Path) -> None:
    head = "Kestrelford Borough Council Constitution Part 5"
    pages = [
        [
            head,
            "Member/Officer Protocol",
            "1. Introduction",
            "1.1 This protocol guides members and officers in their consti-",
            "tutional relations with one another.",
            "Page 1 of 3",
        ],
        [
            head,
            "1.2 Members must not put pressure on officers.",
            "2. Enquiries",
            "2.1 Officers must reply within ten working days.",
            "Page 2 of 3",
        ],
        [
            head,
            "2.2 Members may ask for information they need, see paragraph 1.2.",
            "2.3 Officers should keep records.",
            "Page 3 of 3",
        ],
    ]
    result = run(
        "import",
        str(pdf_file(tmp_path / "p.pdf", pages)),
        "--out",
        "out",
        "--report-json",
        "r.json",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    written = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out").iterdir()))
    assert head not in written and "Page 2" not in written
    assert "constitutional relations" in written
    assert "paragraph {para}`1.2 <MOP-0002>`" in written  # a reference by ID, as printed
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [(c["source_number"], c["page"]) for s in report["sections"] for c in s["clauses"]] == [
        ("1.1", 1),
        ("1.2", 2),
        ("2.1", 2),
        ("2.2", 3),
        ("2.3", 3),
    ]
    # What was dropped is listed, page by page, with the reason.
    left_out = {(i["page"], i["text"]) for i in report["left_out"]}
    assert left_out == {(n, head) for n in (1, 2, 3)} | {(n, f"Page {n} of 3") for n in (1, 2, 3)}
    assert all(i["reason"].startswith("page furniture") for i in report["left_out"])


def test_pdf_keeps_paragraphs_that_differ_only_in_their_numbers(tmp_path: Path) -> None:
    """Lines alike but for their digits are furniture only where they repeat, at the top
    or foot of the page: a generated PDF lost 59,995 of its 60,000 numbered paragraphs."""
    from constitution.importer import import_protocol

    pages = [
        [
            f"Kestrelford Borough Council - Part 5.3 - page {page}",
            *(f"{page}.{n} The member must reply to the officer." for n in range(1, 41)),
            f"Page {page} of 6",
        ]
        for page in range(1, 7)
    ]
    doc = import_protocol(pdf_file(tmp_path / "p.pdf", pages))
    numbers = [f"{page}.{n}" for page in range(1, 7) for n in range(1, 41)]
    assert [c.number for c in doc.clauses()] == numbers
    assert {c.text for c in doc.clauses()} == {"The member must reply to the officer."}


def blank_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(path)
    return path


def locked_pdf(path: Path) -> Path:
    writer = PdfWriter(clone_from=pdf_file(path, [["1. Intro", "1.1 Some text here."]]))
    writer.encrypt("secret")
    writer.write(path)
    return path


BAD_FILES = [
    (
        "empty file",
        lambda d: ((d / "e.txt").write_text("") and d / "e.txt") or d / "e.txt",
        "the file is empty",
        2,
    ),
    ("scanned pdf", lambda d: blank_pdf(d / "s.pdf"), "no readable text", 2),
    ("password pdf", lambda d: locked_pdf(d / "l.pdf"), "protected by a password", 2),
    (
        "corrupt pdf",
        lambda d: (d / "c.pdf").write_bytes(b"%PDF-1.4 rubbish" * 9) and d / "c.pdf",
        "cannot be read",
        2,
    ),
    (
        "corrupt docx",
        lambda d: (d / "c.docx").write_bytes(b"not a zip") and d / "c.docx",
        "cannot be read",
        2,
    ),
    (
        "not a protocol",
        lambda d: (
            (d / "r.txt").write_text(
                "Victoria sponge\n\nTwo eggs, butter, sugar and flour. Bake for twenty minutes.\n"
            )
            and d / "r.txt"
        ),
        "does not look like a protocol",
        1,  # it was read: it holds no numbered paragraphs
    ),
    (
        "unknown format",
        lambda d: (d / "p.wpd").write_text("WordPerfect text") and d / "p.wpd",
        "cannot be imported",
        2,
    ),
]


@pytest.mark.parametrize(
    ("case", "make", "message", "status"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
)
def test_bad_files_are_refused_and_nothing_is_written(
    tmp_path: Path, case: str, make: object, message: str, status: int
) -> None:
    """A file that cannot be read as a document at all exits 2; one read, 1."""
    source = make(tmp_path)  # type: ignore[operator]
    result = run("import", str(source), "--out", "out", cwd=tmp_path)
    assert result.returncode == status
    assert message in result.stderr and "How to fix" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_document_of_two_paragraphs_is_imported(tmp_path: Path) -> None:
    """A short document of the constitution (a protocol on filming meetings, two
    paragraphs) is a document: imported whole, not refused as holding no numbered
    paragraphs, which it does (it was, while three were asked for)."""
    source = tmp_path / "filming.txt"
    source.write_text(
        "Protocol on Filming Meetings\n\n1. Filming\n\n"
        "1.1 Anyone may film a public meeting of the Council without disrupting it.\n\n"
        "1.2 The chair may ask that filming stop when the meeting goes into private.\n",
        encoding="utf-8",
    )
    result = run("import", str(source), "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    section = (tmp_path / "out" / "filming.md").read_text(encoding="utf-8")
    assert section.count("```{clause}") == 2
    assert ":source-number: 1.1\n\nAnyone may film" in section
    assert ":source-number: 1.2\n\nThe chair may ask that filming stop" in section


# Layouts seen in councils' protocols, each written here in a few lines of our own.
CONTINUOUS = """MEMBER/OFFICER PROTOCOL

SECTION 1 - INTRODUCTION

1. This protocol sets out how members and officers should work together.

2. It applies to all members, including co-opted members.

SECTION 2 - ROLES OF MEMBERS

3. Members are responsible to the electorate.

4. Members must not ask officers to act outside their duties.
"""
RESTARTING = """MEMBER OFFICER PROTOCOL

Introduction

(1) This protocol guides members and officers in their dealings with one another.

(2) It forms part of the Council's constitution.

The Role of Members

(1) Members set the Council's policy and represent their wards.

(2) Members must respect the impartiality of officers, and must not:
(a) ask an officer to act unlawfully;
(b) ask an officer to act in a party political way.
"""
PARTS = """Protocol on Member/Officer Relations

Part 1 – Introduction
1.1 This protocol guides members and officers in their dealings with one another.
1.2 It forms part of the Council's constitution.

Part 2 – Roles of Members
2.1 Members set the Council's policy and represent their
wards, and speak for them.
"""

POINT_NOUGHT = """Member/Officer Protocol

1.0 INTRODUCTION
1.1 This protocol guides members and officers in their dealings with one another.
1.2 It forms part of the Council's constitution.

2.0 ROLES OF MEMBERS
2.1 Members set the Council's policy and represent their wards.
"""
LETTERED = """MEMBER/OFFICER PROTOCOL

A. INTRODUCTION
1. This protocol guides members and officers in their dealings with one another.
2. It forms part of the Council's constitution.

B. ROLES OF MEMBERS
3. Members set the Council's policy and represent their wards.
"""

NUMBERS_ALONE = """Member/Officer Protocol

1. Introduction
1.1
This protocol guides members and officers in their dealings with one another.
1.2
It forms part of the Council's constitution, and:
(a)
binds members;
(b)
binds officers.
1.3
It is reviewed each year.
"""

NUMBERED_LIST = """Member/Officer Protocol

1. Principles
1.1 Members and officers follow the seven principles of public life:
1. Selflessness
2. Integrity
3. Objectivity
1.2 Officers must be politically neutral.

2. Roles
2.1 Members set policy.
"""

UNNUMBERED = """Protocol on Member and Officer Relations

Introduction

This protocol guides members and officers in their relations with one another.

It should be read with the codes of conduct of members and of
officers, and with the Council's procedure rules.

Members' enquiries

Officers should reply to a member's enquiry within ten working days.

A reply that will take longer should say so, and say when.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            CONTINUOUS,
            [
                ("SECTION 1 - INTRODUCTION", ["1.", "2."]),
                ("SECTION 2 - ROLES OF MEMBERS", ["3.", "4."]),
            ],
        ),
        (
            RESTARTING,
            [("Introduction", ["(1)", "(2)"]), ("The Role of Members", ["(1)", "(2)"])],
        ),
        (
            PARTS,
            [("Part 1 – Introduction", ["1.1", "1.2"]), ("Part 2 – Roles of Members", ["2.1"])],
        ),
        (
            POINT_NOUGHT,
            [("INTRODUCTION", ["1.1", "1.2"]), ("ROLES OF MEMBERS", ["2.1"])],
        ),
        (
            LETTERED,
            [("A. INTRODUCTION", ["1.", "2."]), ("B. ROLES OF MEMBERS", ["3."])],
        ),
        (NUMBERS_ALONE, [("Introduction", ["1.1", "1.2", "1.3"])]),
        (NUMBERED_LIST, [("Principles", ["1.1", "1.2"]), ("Roles", ["2.1"])]),
        (UNNUMBERED, [("Introduction", ["", ""]), ("Members' enquiries", ["", ""])]),
    ],
    ids=[
        "numbered-on-under-unnumbered-headings",
        "numbered-afresh-each-section",
        "parts",
        "sections-numbered-point-nought",
        "lettered-sections",
        "numbers-on-lines-of-their-own",
        "a-numbered-list-in-a-paragraph",
        "no-numbers-at-all",
    ],
)
def test_common_layouts_are_structured(
    tmp_path: Path, text: str, expected: list[tuple[str, list[str]]]
) -> None:
    from constitution.importer import import_protocol

    source = tmp_path / "protocol.txt"
    source.write_text(text, encoding="utf-8")
    doc = import_protocol(source)
    assert [(s.title, [c.number for c in s.clauses]) for s in doc.sections] == expected
    assert doc.defects == []
    kept = [doc.title, *(s.title for s in doc.sections), *doc.intro.paragraphs]
    kept += [p for s in doc.sections for p in s.intro.paragraphs]
    kept += [p for c in doc.clauses() for p in c.paragraphs]
    words = re.compile(r"[A-Za-z']{3,}")
    assert set(words.findall(text)) <= set(words.findall(" ".join(kept)))  # nothing lost


def test_word_headings_start_sections(tmp_path: Path) -> None:
    """Word's heading styles (and a council's own, based on one) mark sections, even
    where a heading follows a paragraph and precedes unnumbered words."""
    from docx.enum.style import WD_STYLE_TYPE

    from constitution.importer import import_protocol

    document = docx.Document()
    own = document.styles.add_style("Council Heading", WD_STYLE_TYPE.PARAGRAPH)
    own.base_style = document.styles["Heading 1"]
    document.add_heading("Member/Officer Protocol", level=0)
    document.add_heading("Introduction", level=1)
    document.add_paragraph("1. This protocol guides members and officers.")
    document.add_paragraph("2. It is part of the constitution.")
    document.add_paragraph("Working together", style="Council Heading")
    document.add_paragraph("Members and officers each have their part.")
    document.add_paragraph("3. Members must respect the impartiality of officers.")
    document.add_heading("Members' enquiries", level=1)
    document.add_paragraph("This part covers requests for information.")
    document.add_paragraph("4. Officers should reply within ten working days.")
    document.save(tmp_path / "p.docx")
    doc = import_protocol(tmp_path / "p.docx")
    assert doc.title == "Member/Officer Protocol"
    # Unnumbered words before a section's first numbered paragraph are its introduction,
    # with no number of its own.
    assert [(s.title, s.intro.paragraphs, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("Introduction", [], ["1.", "2."]),
        ("Working together", ["Members and officers each have their part."], ["3."]),
        ("Members' enquiries", ["This part covers requests for information."], ["4."]),
    ]


def test_an_unnumbered_word_file_gives_a_clause_a_paragraph(tmp_path: Path) -> None:
    from constitution.importer import import_protocol

    document = docx.Document()
    for text in [
        "Member/Officer Protocol",
        "Introduction",
        "This protocol guides members and officers.",
        "It is part of the constitution.",
        "Members' enquiries",
        "Officers should reply within ten working days.",
    ]:
        document.add_paragraph(text)
    document.save(tmp_path / "p.docx")
    doc = import_protocol(tmp_path / "p.docx")
    assert [(s.title, [c.paragraphs for c in s.clauses]) for s in doc.sections] == [
        (
            "Introduction",
            [["This protocol guides members and officers."], ["It is part of the constitution."]],
        ),
        ("Members' enquiries", [["Officers should reply within ten working days."]]),
    ]
    assert any("No paragraph numbers were found" in note for note in doc.extracted.notes)


def test_a_word_table_becomes_a_list_a_row_an_item(tmp_path: Path) -> None:
    from constitution.importer import import_protocol

    document = docx.Document()
    document.add_heading("Members' enquiries", level=1)
    document.add_paragraph("1.1 Officers should reply to enquiries within these times:")
    table = document.add_table(rows=3, cols=2)
    rows = [("Enquiry", "Reply within"), ("Urgent", "2 working days"), ("Other", "10 days")]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.add_paragraph("1.2 A longer reply should say when it will come.")
    document.add_paragraph("1.3 Officers must keep a record of every enquiry.")
    document.save(tmp_path / "p.docx")
    first, *rest = import_protocol(tmp_path / "p.docx").clauses()
    assert first.paragraphs == [
        "Officers should reply to enquiries within these times:",
        # each cell on a line of its own: no separator the table never printed
        f"- Enquiry{CELL_BREAK}Reply within",
        f"- Urgent{CELL_BREAK}2 working days",
        f"- Other{CELL_BREAK}10 days",
    ]
    assert [c.number for c in rest] == ["1.2", "1.3"]


def test_the_protocols_own_pdf_imports_back_word_for_word(
    tmp_path: Path, document: Document, project: Project
) -> None:
    """A PDF as councils publish them (running footer, page numbers, numbers hanging in
    the margin): the site's own PDF of the model protocol reads back to the same
    sections, numbers and words."""
    from constitution.importer import import_protocol
    from constitution.pdf import write_pdf
    from constitution.text_plain import plain

    write_pdf(tmp_path / "protocol.pdf", document, project.council(), ["Draft"], "draft/")
    doc = import_protocol(tmp_path / "protocol.pdf")
    assert doc.defects == []
    # The PDF curls apostrophes as the site does; the words are the same.
    assert [s.title.replace("’", "'") for s in doc.sections] == [s.title for s in document.sections]
    words = re.compile(r"[A-Za-z']+")
    clauses = list(document.clauses())
    assert [c.number for c in doc.clauses()] == [c.number for c in clauses]
    for ours, imported in zip(clauses, doc.clauses(), strict=True):
        shown = words.findall(" ".join(imported.paragraphs).replace("’", "'"))
        assert shown == words.findall(plain(ours.tree, document)), ours.id


def test_more_than_9999_clauses_import_with_ids_the_gate_accepts(scratch: Project) -> None:
    """Past MOP-9999 the importer writes MOP-10000, and the gate accepts it: IDs are four
    digits, more only when four are not enough (the gate refused every one of them)."""
    from constitution.check import run_check

    sections = [
        f"{s}. Part {s}\n\n" + "".join(f"{s}.{n} The member is told.\n\n" for n in range(1, 911))
        for s in range(1, 12)
    ]
    source = scratch.root / "large.txt"
    source.write_text("Large protocol\n\n" + "".join(sections), encoding="utf-8")
    import_into(scratch, source)
    ids = [c.id for c in scratch.document().clauses()]
    assert (len(ids), ids[9_998:10_001], ids[-1]) == (
        10_010,
        ["MOP-9999", "MOP-10000", "MOP-10001"],
        "MOP-10010",
    )
    report = run_check(scratch)
    assert report.problems == [] and report.clauses == 10_010


# ------------------------------------------------- every word of the source, once

WORD = re.compile(r"[^\W\d_]+")
# Not words: mark-up tags in the reference texts, and list labels ("(a)", "b)", "iv."),
# which the importer keeps as clauses' source numbers.
NOT_WORDS = re.compile(r"(?m)<[^>]*>|\([a-z]{1,4}\)|^[\s*#>•-]*[a-z]{1,4}[.)]\s")
# A reference is written as {para}, which reads "paragraph 3.1" for each number it names.
CUE = re.compile(r"(?i)\b(?:sub-?paragraphs?|paragraphs|paras?\b\.?|clauses?)")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)  # a section's printed number
MYST = re.compile(r"(?ms)^```\{toctree\}.*?^```$|^```.*?$|^:[a-z-]+:.*?$|\\")


def words(text: str) -> Counter[str]:
    text = CUE.sub("paragraph", NOT_WORDS.sub(" ", text))
    return Counter(w.lower() for w in WORD.findall(text))


def words_out(out: Path, report: dict[str, object]) -> Counter[str]:
    """The words a reader finds: on the site (the written MyST, without its syntax) and
    in the report's list of what was left out."""
    pages = (FRONT_MATTER.sub("", p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.md")))
    site = "\n".join(pages)
    site = MYST.sub(" ", re.sub(r"\{para\}`[^`]*`", "paragraph", site))
    left_out = report["left_out"]
    assert isinstance(left_out, list)
    return words(site) + words(" ".join(item["text"] for item in left_out))


def assert_every_word_lands_once(source_text: str, out: Path, report: dict[str, object]) -> None:
    into, landed = words(source_text), words_out(out, report)
    lost, invented = into - landed, landed - into
    print(f"words in {into.total()}, out {landed.total()}: lost {dict(lost)}")
    assert not lost, f"words lost: {dict(lost)}"
    assert set(invented) <= {"paragraph"}, f"words added or doubled: {dict(invented)}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_word_of_a_reference_protocol_lands_once(tmp_path: Path, name: str) -> None:
    source = REFERENCE / name
    result = run("import", str(source), "--out", "out", "--report-json", "r.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert_every_word_lands_once(source.read_text(encoding="utf-8"), tmp_path / "out", report)


# Written for this test: an introduction before the first section (with a list), a
# section's introduction, an unnumbered paragraph after a section's last numbered one
# and one between two, a contents table, an unnumbered sub-heading, closing words, and
# references of several kinds.
INTRODUCED = """Protocol on Member and Officer Relations

Contents
1 Roles
2 Enquiries

This protocol forms part of the Council's constitution and was adopted in 2024.

The purpose of the protocol:
- to set out the roles of members and officers;
- to help them work together.

1 Roles

Members and officers have different but complementary roles.

1.1 Members set policy and represent their wards.

1.2 Officers must give impartial advice; see paragraph 1.1 and para. 2.3.

An officer who is unsure should ask their manager.

2 Enquiries

2.1 Officers should reply within ten working days.

Replies may be sent by e-mail.

Access to Council Papers

2.2 Members may see papers under sections 100A to 100D of the Local Government Act 1972.

2.3 A date (10.4.2024) or a sum (£10.50) is not a reference; 2.1 above is, and
paragraph 9.9 is one to a paragraph the protocol does not have.

Any breach of this protocol will be reported to the Standards Committee.
"""


def test_an_import_into_the_projects_protocol_is_titled_as_init_titles_it(
    scratch: Project,
) -> None:
    """The council's name over the title, as its web page prints it: init leaves it off
    the title, and so does an import into the council's own protocol/ (--force, after
    correcting the source), or the site's title would change with the import."""
    source = scratch.root / "protocol.txt"
    source.write_text(
        "KESTRELFORD BOROUGH COUNCIL\n\nPROTOCOL ON MEMBER AND OFFICER RELATIONS\n\n"
        "1. Roles\n\n1.1 Members and officers must treat one another with respect.\n\n"
        "1.2 Officers serve the Council as a whole.\n\n2. Enquiries\n\n"
        "2.1 Officers must reply to a member within ten working days.\n",
        encoding="utf-8",
    )
    import_into(scratch, source)
    index = (scratch.protocol / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# Protocol on Member and Officer Relations\n"), index[:80]
    # elsewhere than the project's own folder, the title stays as printed
    result = run("import", str(source), "--out", str(scratch.root / "elsewhere"), cwd=scratch.root)
    assert result.returncode == 0, result.stderr
    printed = (scratch.root / "elsewhere" / "index.md").read_text(encoding="utf-8")
    assert printed.startswith("# KESTRELFORD BOROUGH COUNCIL – PROTOCOL"), printed[:80]


def test_unnumbered_words_land_in_their_place_and_nothing_is_lost(scratch: Project) -> None:
    source = scratch.root / "protocol.txt"
    source.write_text(INTRODUCED, encoding="utf-8")
    report = import_into(scratch, source)
    out = scratch.protocol
    index = (out / "index.md").read_text(encoding="utf-8")
    assert index.startswith(
        "# Protocol on Member and Officer Relations\n\n"
        "This protocol forms part of the Council's constitution and was adopted in 2024.\n\n"
        "The purpose of the protocol:\n\n"
        "- to set out the roles of members and officers;\n"
        "- to help them work together.\n\n```{toctree}"
    )
    roles = (out / "roles.md").read_text(encoding="utf-8")
    assert roles.startswith(
        "# Roles\n\nMembers and officers have different but complementary roles.\n\n"
        "```{clause} MOP-0001\n"
    )
    # An unnumbered paragraph after a numbered one, and closing words, stand where they
    # are, between paragraphs: not part of the paragraph before.
    assert roles.endswith(
        "see paragraph {para}`1.1 <MOP-0001>` and para. {para}`2.3 <MOP-0005>`.\n```\n\n"
        "An officer who is unsure should ask their manager.\n"
    )
    enquiries = (out / "enquiries.md").read_text(encoding="utf-8")
    assert "sections 100A to 100D of the Local Government Act 1972" in enquiries
    assert "```\n\n## Access to Council Papers\n\n```{clause} MOP-0004\n" in enquiries
    assert (
        "(10.4.2024) or a sum (£10.50) is not a reference; {para}`2.1 <MOP-0003>` above"
        in enquiries
    )
    assert enquiries.endswith(
        "```\n\nAny breach of this protocol will be reported to the Standards Committee.\n"
    )
    # The reader takes the introductions, unnumbered; the gate and the site accept them.
    document = scratch.document()
    assert document.intro.startswith("This protocol forms part")
    assert [(s.intro[:30], [c.number for c in s.clauses]) for s in document.sections] == [
        ("Members and officers have diff", ["1.1", "1.2"]),
        ("", ["2.1", "2.2", "2.3"]),
    ]
    assert [[(b.before, b.level, b.text[:25]) for b in s.between] for s in document.sections] == [
        [("", 0, "An officer who is unsure ")],
        [("MOP-0004", 2, "Access to Council Papers"), ("", 0, "Any breach of this protoc")],
    ]
    check = run("check", "--format", "json", cwd=scratch.root)
    assert {p["code"] for p in json.loads(check.stdout)["problems"]} == {"uncovered"}
    assert build_site(scratch, scratch.root / "_site") == 0
    # The draft's pages, and those of the plain addresses (which show the draft until a
    # version is adopted), show the words between paragraphs where they stand.
    for at in ("draft", "protocol"):
        page = (scratch.root / "_site" / at / "roles.html").read_text(encoding="utf-8")
        assert page.index("different but complementary roles") < page.index('id="MOP-0001"')
        assert page.index('id="MOP-0002"') < page.index("An officer who is unsure")
        page = (scratch.root / "_site" / at / "enquiries.html").read_text(encoding="utf-8")
        assert (
            page.index('id="MOP-0003"')
            < page.index("Access to Council Papers")
            < page.index('id="MOP-0004"')
            < page.index('id="MOP-0005"')
            < page.index("reported to the Standards Committee")
        )
    # Adopted, the introductions are on the version's pages too. The model's empty list of
    # paragraphs not yet covered only shrinks: an imported protocol starts its own.
    (scratch.checks / "uncovered.toml").unlink()
    assert run("baseline", cwd=scratch.root).returncode == 0
    adopt = run("adopt", "--date", "2027-05-13", "--resolution", "Minute 7", cwd=scratch.root)
    assert adopt.returncode == 0, adopt.stderr
    assert build_site(scratch, scratch.root / "_site") == 0
    version = scratch.root / "_site" / "versions" / "2027-05-13"
    page = (version / "roles.html").read_text(encoding="utf-8")
    assert page.index("different but complementary roles") < page.index('id="MOP-0001"')
    assert "The purpose of the protocol:" in (version / "index.html").read_text(encoding="utf-8")
    page = (version / "enquiries.html").read_text(encoding="utf-8")
    assert page.index("Access to Council Papers") < page.index('id="MOP-0004"')
    assert page.index('id="MOP-0005"') < page.index("reported to the Standards Committee")
    # The report says where each unnumbered paragraph went, and what was left out.
    assert [p["line"] for p in report["intro"]] == [7, 9, 10, 11]  # type: ignore[index]
    kinds = {(d["kind"], d["line"]) for d in report["defects"]}  # type: ignore[union-attr]
    # Closing words are no fault; an unnumbered paragraph between two numbered ones of
    # a section, with no sub-heading over it, is kept with the one before it, and said.
    assert [line for kind, line in kinds if kind == "unnumbered-paragraph"] == [27]
    assert "within ten working days.\n\nReplies may be sent by e-mail.\n```" in enquiries
    sections = report["sections"]
    assert isinstance(sections, list)
    assert [c["after"] for c in sections[0]["clauses"] if "after" in c] == [
        [{"line": 21, "page": None, "text": "An officer who is unsure should ask their manager."}]
    ]
    assert ("missing-reference", 33) in kinds  # paragraph 9.9, in the paragraph of line 31
    left_out = [(i["line"], i["text"]) for i in report["left_out"]]  # type: ignore[union-attr]
    assert left_out == [(3, "Contents"), (4, "1 Roles"), (5, "2 Enquiries")]
    assert_every_word_lands_once(INTRODUCED, out, report)


SUBHEADINGS = """Member/Officer Protocol

1. Working Together

1.1 Members and officers must respect one another.

Meetings and Visits

1.2 Officers may attend ward surgeries when asked.

1.3 Members should give notice of a visit, and
Officers should say if they cannot come.

CONFIDENTIAL INFORMATION
1.4 Officers must keep exempt papers confidential.

Members and officers each have their part
1.5 Members set policy.

2. Media

2.1 Press releases are issued by the communications team.
"""


def test_unnumbered_headings_among_numbered_sections_are_sub_headings(tmp_path: Path) -> None:
    """A short Title Case (or capitals) line, with no full stop, between a finished
    paragraph and a numbered one heads what follows; it is not the end of the paragraph
    before it. A sentence's words broken across lines are not a heading."""
    from constitution.importer import import_protocol

    source = tmp_path / "protocol.txt"
    source.write_text(SUBHEADINGS, encoding="utf-8")
    doc = import_protocol(source)
    assert [(c.number, c.headings) for c in doc.clauses()] == [
        ("1.1", []),
        ("1.2", ["Meetings and Visits"]),
        ("1.3", []),
        ("1.4", ["CONFIDENTIAL INFORMATION"]),
        ("1.5", []),
        ("2.1", []),
    ]
    assert doc.clauses()[4 - 1].paragraphs == [
        "Officers must keep exempt papers confidential.",
        "Members and officers each have their part",
    ]


def test_a_word_heading_among_numbered_sections_is_a_sub_heading(tmp_path: Path) -> None:
    from constitution.importer import import_protocol

    document = docx.Document()
    document.add_heading("Member/Officer Protocol", level=0)
    document.add_heading("1. Enquiries", level=1)
    document.add_paragraph("1.1 Officers should reply within ten working days.")
    document.add_heading("Urgent enquiries", level=2)  # a sentence's case, but a heading
    document.add_paragraph("1.2 An urgent enquiry should be answered within two days.")
    document.add_heading("2. Media", level=1)
    document.add_paragraph("2.1 Press releases are issued by the communications team.")
    document.save(tmp_path / "p.docx")
    doc = import_protocol(tmp_path / "p.docx")
    assert [(s.title, [(c.number, c.headings) for c in s.clauses]) for s in doc.sections] == [
        ("Enquiries", [("1.1", []), ("1.2", ["Urgent enquiries"])]),
        ("Media", [("2.1", [])]),
    ]


# Written for these tests: a committee report whose appendix is the protocol, each
# numbered from 1; and a protocol whose section numbers go back once, by mistake.
REPORT = """Report to the Standards Committee

1. Purpose of the report

1.1 This report asks the committee to recommend a revised protocol to Council.

1.2 The protocol was last reviewed four years ago.

2. Recommendation

2.1 That the committee recommends the revised protocol to full Council.

3. Background

3.1 Officers consulted the group leaders and the trade unions.

Appendix A

1. Introduction

1.1 This protocol guides how members and officers work together.

1.2 It forms part of the Council's constitution.

2. Roles

2.1 Members set policy and represent their wards.

2.2 Officers must give impartial advice.

3. Enquiries

3.1 Officers should reply to a member's enquiry within ten working days.
"""
GOES_BACK = """1. Roles

1.1 Members set policy.

1.2 Officers advise.

2. Advice

2.1 Officers must give impartial advice.

1. Enquiries

3.1 Officers should reply within ten working days.

4. Review

4.1 The protocol is reviewed every year.
"""


def test_a_file_of_several_documents_is_refused_with_the_list(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    result = run("import", "report.txt", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "import-many-documents" in result.stderr
    assert "holds 2 documents" in result.stderr
    first = "1: from the start up to line 19, 3 sections and 4 paragraphs, beginning '1 Purpose"
    assert first in result.stderr
    second = "2: from line 19 to the end, 3 sections and 5 paragraphs, beginning '1 Introduction"
    assert second in result.stderr
    assert "--take N" in result.stderr
    assert not (tmp_path / "out").exists()

    result = run("import", "report.txt", "--out", "out", "--take", "3", cwd=tmp_path)
    assert result.returncode == 2  # the command used wrongly
    assert "import-no-such-document" in result.stderr and "from 1 to 2" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_document_taken_is_imported_and_the_rest_listed_as_left_out(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    result = run(
        "import", "report.txt", "--out", "out", "--take", "2", "--report-json", "r.json",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "document 2 was imported" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["title"] == "Appendix A"  # the heading before it, not the report's
    assert [s["title"] for s in report["sections"]] == ["Introduction", "Roles", "Enquiries"]
    assert [c["source_number"] for s in report["sections"] for c in s["clauses"]] == [
        "1.1", "1.2", "2.1", "2.2", "3.1",
    ]  # fmt: skip
    words = " ".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.md"))
    assert "impartial advice" in words and "trade unions" not in words
    left = {entry["text"]: entry["reason"] for entry in report["left_out"]}
    assert left["3.1 Officers consulted the group leaders and the trade unions."].startswith(
        "document 1 of the file"
    )
    assert "Report to the Standards Committee" in left
    assert_every_word_lands_once(REPORT, tmp_path / "out", report)


def test_a_number_that_goes_back_once_is_a_fault_not_a_second_document(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(GOES_BACK, encoding="utf-8")
    result = run("import", "p.txt", "--out", "out", "--report-json", "r.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(report["sections"]) == 4
    assert any(d["kind"] == "numbering-jump" for d in report["defects"])


def test_init_takes_one_document_of_a_file_holding_several(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    args = ("init", "ours", "--council", "Testshire County Council", "--from", "report.txt")
    refused = run(*args, cwd=tmp_path)
    assert refused.returncode == 1 and "import-many-documents" in refused.stderr
    assert not (tmp_path / "ours").exists()
    made = run(*args, "--take", "2", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    words = (tmp_path / "ours" / "protocol" / "roles.md").read_text(encoding="utf-8")
    assert "Officers must give impartial advice." in words


# Written for this test: paragraphs numbered afresh under unnumbered headings, a
# paragraph leading in a list with ":-", a heading before unnumbered words, a table's
# row (cells split by a tab), and one real duplicate.
AFRESH = """Protocol on Member and Officer Relations

Introduction

1. Members and officers work together for the public.

2. This protocol is designed to:-

    1. promote trust between them;

    2. set out their roles;

    3. say how concerns are raised.

3. It forms part of the constitution.

Roles of Members

1. Members set policy and represent their wards.

2. Members may ask officers for information.

2. Members must not direct officers' day-to-day work.

Member enquiries

Enquiries may be made through the enquiry system.

1. Officers should reply within the usual timescale:

Normal\tWithin ten working days

Urgent\tWithin five working days

2. Officers will keep members informed.
"""


def test_paragraphs_numbered_afresh_under_plain_headings(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(AFRESH, encoding="utf-8")
    result = run("import", "p.txt", "--out", "out", "--report-json", "r.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    sections = {s["title"]: s for s in report["sections"]}
    assert list(sections) == ["Introduction", "Roles of Members", "Member enquiries"]
    numbers = {t: [c["source_number"] for c in s["clauses"]] for t, s in sections.items()}
    # as cited: numbered afresh under headings with no number, "1." is paragraph (1) of
    # its section
    assert report["number_style"] == "paragraph-in-section"
    assert numbers == {
        "Introduction": ["(1)", "(2)", "(3)"],  # "2. ... designed to:-" is a paragraph
        "Roles of Members": ["(1)", "(2)", "(2)"],
        "Member enquiries": ["(1)", "(2)"],
    }
    assert [p["text"] for p in sections["Member enquiries"]["intro"]] == [
        "Enquiries may be made through the enquiry system."
    ]
    # numbered afresh by design: only the real duplicate is reported
    duplicates = [d for d in report["defects"] if d["kind"] == "duplicate-number"]
    assert [(d["number"], d["line"]) for d in duplicates] == [("2.", 23)]
    words = (tmp_path / "out" / "member-enquiries.md").read_text(encoding="utf-8")
    assert "- Normal\\\n  Within ten working days" in words  # a row, in its paragraph
    intro = (tmp_path / "out" / "introduction.md").read_text(encoding="utf-8")
    assert "to:-\n\n- 1\\. promote trust between them;" in intro  # items of paragraph 2
    assert_every_word_lands_once(AFRESH, tmp_path / "out", report)


# Written for this test: 2.2 typed as 3.2 (a slip, so the real 3.2 repeats it), a
# paragraph inserted with the number of the one before it, which cites that number.
SLIPS = """1. Roles

1.1 Members set policy.

1.2 Officers advise.

2. Advice

2.1 Officers must give impartial advice.

3.2 Officers must not be asked to act against their advice.

2.3 Advice is recorded.

3. Enquiries

3.1 Officers should reply within ten working days.

3.1 A reply late under paragraph 3.1 is explained to the member.

3.2 Members may escalate an enquiry.
"""


def test_each_numbering_fault_is_reported_once_with_what_follows(scratch: Project) -> None:
    source = scratch.root / "p.txt"
    source.write_text(SLIPS, encoding="utf-8")
    report = import_into(scratch, source)
    faults = [(d["kind"], d["number"], d["line"]) for d in report["defects"]]
    assert faults == [
        ("numbering-jump", "3.2", 11),  # the slip, once
        ("duplicate-number", "3.1", 19),  # not also "goes back from 1 to 1"
        ("self-reference", "3.1", 19),  # its "paragraph 3.1" means the other 3.1
    ], faults
    assert report["defects"][0]["consequences"] == ["so 3.2 at line 21 is numbered the same as it"]
    # the reference stays as written, and the tool reads what the import wrote
    words = (scratch.protocol / "enquiries.md").read_text(encoding="utf-8")
    assert "A reply late under paragraph 3.1 is explained" in words
    assert len(list(scratch.document().clauses())) == 8

    said = run("import", "p.txt", "--out", "again", cwd=scratch.root).stdout
    assert said.startswith(
        "Imported p.txt: 3 sections, 8 clauses; 1 duplicate-number; 1 numbering-jump; "
        "1 self-reference; 0 line(s) left out."
    )
    assert "3.2 sits in section 2.\n      so 3.2 at line 21 is numbered the same as it" in said


# Written for this test: a protocol, and its revision drafted in Word: 1.2 reworded,
# 1.3 moved into section 2, 2.1 removed, a paragraph inserted, all renumbered.
ORIGINAL = """1. Roles

1.1 Members set the Council's policy and represent their wards.

1.2 Officers give impartial advice to every member of the Council.

1.3 Members and officers treat one another with courtesy and respect.

2. Enquiries

2.1 Members send enquiries through the enquiry system.

2.2 Officers reply to an enquiry within ten working days of receiving it.
"""
REVISED = """1. Roles

1.1 Members set the Council's policy and represent their wards.

1.2 Officers must give impartial advice to every member and committee of the Council.

2. Enquiries

2.1 Officers reply to an enquiry within ten working days of receiving it.

2.2 Officers record each enquiry in the enquiry log on the day it arrives.

2.3 Members and officers treat one another with courtesy and respect.
"""


def test_a_revision_keeps_each_paragraphs_id(scratch: Project) -> None:
    source = scratch.root / "original.txt"
    source.write_text(ORIGINAL, encoding="utf-8")
    first = {c["source_number"]: c["id"] for s in import_into(scratch, source)["sections"]
             for c in s["clauses"]}  # fmt: skip
    # what the editors said of 1.1 since it came in stays with it
    roles = scratch.protocol / "roles.md"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(
        text.replace(
            f"{first['1.1']}\n:modality: informative", f"{first['1.1']}\n:modality: must", 1
        ),
        encoding="utf-8",
    )
    # a register the council keeps, with its comments and notes
    register = '# Revoked IDs.\n\n[MOP-0900]\nrevoked = 2025-01-01\nnote = "Kept."\n'
    (scratch.protocol / "retired.toml").write_text(register, encoding="utf-8")
    (scratch.root / "revised.txt").write_text(REVISED, encoding="utf-8")
    result = run(
        "import", "revised.txt", "--out", "protocol", "--force", "--revision",
        "--report-json", "revised.json", cwd=scratch.root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Revision: 3 unchanged, 1 reworded, 1 moved, 2 renumbered, 1 new" in result.stdout
    report = json.loads((scratch.root / "revised.json").read_text(encoding="utf-8"))
    got = {c["source_number"]: (c["id"], c["change"]) for s in report["sections"]
           for c in s["clauses"]}  # fmt: skip
    assert got["1.1"] == (first["1.1"], "unchanged")
    assert got["1.2"] == (first["1.2"], "reworded")
    assert got["2.1"] == (first["2.2"], "unchanged, renumbered from 2.2")
    assert got["2.3"] == (first["1.3"], "unchanged, moved, renumbered from 1.3")
    assert got["2.2"] == ("MOP-0901", "new")  # after every ID used or revoked
    document = scratch.document()  # reads back: the removed 2.1 is in the register
    assert document.clause(first["2.1"]) is None
    assert first["2.1"] in scratch.retired()
    kept = (scratch.protocol / "retired.toml").read_text(encoding="utf-8")
    assert kept.startswith(register) and f"[{first['2.1']}]" in kept
    assert f"{first['2.1']} (2.1) has no match in the revision" in result.stdout
    kept = document.clause(first["1.1"])
    assert kept is not None and kept.modality == "must"


def test_a_fresh_import_over_the_draft_gives_no_id_to_other_words(scratch: Project) -> None:
    """A corrected Word file imported again over the draft without --revision would number
    the IDs afresh: a paragraph inserted near the start moves every later ID onto other
    words, while checks/uncovered.toml and the worked examples still name them for the old.
    It is refused, nothing written, naming the IDs and --revision, which keeps them."""
    source = scratch.root / "original.txt"
    source.write_text(ORIGINAL, encoding="utf-8")
    first = {c["source_number"]: c["id"] for s in import_into(scratch, source)["sections"]
             for c in s["clauses"]}  # fmt: skip
    before = {p.name: p.read_text(encoding="utf-8") for p in scratch.protocol.iterdir()}
    corrected = ORIGINAL.replace(
        "1.2 Officers give", "1.2 Officers record every member's enquiry.\n\n1.3 Officers give"
    ).replace("1.3 Members and", "1.4 Members and")
    (scratch.root / "corrected.txt").write_text(corrected, encoding="utf-8")
    result = run("import", "corrected.txt", "--out", "protocol", "--force", cwd=scratch.root)
    assert result.returncode == 2, result.stdout
    # reported where an editor acts: the first reused ID's paragraph in the draft
    page, line = next(
        (f"protocol/{p.name}", n)
        for p in sorted(scratch.protocol.glob("*.md"))
        for n, text in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if text == f"```{{clause}} {first['1.2']}"
    )
    assert result.stderr.startswith(
        f"{page}:{line}: import-ids-reused: imported afresh, 4 of the draft's paragraphs' IDs "
        f"would be given to other words: {first['1.2']} (1.2, 'Officers give impartial advice "
        f"to every ...') to 1.2 'Officers record every member's enquiry.'; {first['1.3']} (1.3, "
        "'Members and officers treat one another ...') to 1.3 'Officers give impartial advice "
        f"to every ...'; {first['2.1']} (2.1, 'Members send enquiries through the enquiry "
        "...') to 1.4 'Members and officers treat one another ...'; and 1 more.\n"
        "    How to fix: Add --revision: each paragraph keeps its ID, matched by its words, and "
        "only a new one gets a new ID.\n"
    )
    assert {p.name: p.read_text(encoding="utf-8") for p in scratch.protocol.iterdir()} == before
    # or where checks/ cite one of them (a worked example's, say), at that file and line
    example = scratch.checks / "new-situations" / "enquiries.yaml"
    example.parent.mkdir(exist_ok=True)
    example.write_text(f"situation: a late reply\nparagraphs: [{first['2.1']}]\n", "utf-8")
    cited = run("import", "corrected.txt", "--out", "protocol", "--force", cwd=scratch.root)
    assert cited.stderr.startswith("checks/new-situations/enquiries.yaml:2: import-ids-reused:")
    example.unlink()
    # the same file again gives every ID its own words: nothing to refuse
    again = run("import", "original.txt", "--out", "protocol", "--force", cwd=scratch.root)
    assert again.returncode == 0, again.stderr
    revised = run(
        "import", "corrected.txt", "--out", "protocol", "--force", "--revision", cwd=scratch.root
    )
    assert revised.returncode == 0, revised.stderr
    kept = scratch.document()
    for number in ("1.1", "1.2", "1.3", "2.1", "2.2"):
        clause = kept.clause(first[number])
        assert clause is not None
        assert ORIGINAL.split(number + " ", 1)[1].startswith(clause.text[:30])


def test_import_into_a_project_sets_its_number_style(scratch: Project, tmp_path: Path) -> None:
    """As init does: the project publishes the imported numbers in the style printed."""
    conf = scratch.conf / "council.toml"
    settings = conf.read_text(encoding="utf-8")
    assert "number-style" not in settings  # the model council says nothing: the default
    (tmp_path / "afresh.txt").write_text(AFRESH, encoding="utf-8")
    result = run("import", str(tmp_path / "afresh.txt"), "--out", "elsewhere", cwd=scratch.root)
    assert result.returncode == 0, result.stderr
    assert conf.read_text(encoding="utf-8") == settings  # not the project's protocol: untouched
    shutil.rmtree(scratch.protocol)
    uncited(scratch)  # the model's checks/ cite IDs an import afresh would give other words
    result = run("import", str(tmp_path / "afresh.txt"), "--out", "protocol", cwd=scratch.root)
    assert result.returncode == 0, result.stderr
    assert 'Set number-style = "paragraph-in-section" in conf/council.toml.' in result.stdout
    assert Project(scratch.root).council().number_style == "paragraph-in-section"
    # the rest of the file as it was, the setting in the [council] table
    written = conf.read_text(encoding="utf-8")
    assert written.replace('number-style = "paragraph-in-section"\n', "") == settings
    assert written.index("number-style") < written.index("[roles]")
    # a later import of a document numbered 3.1 replaces the setting, not adds another
    shutil.rmtree(scratch.protocol)  # another document: nothing of the first's is kept
    (tmp_path / "dotted.txt").write_text(PARTS, encoding="utf-8")
    result = run(
        "import", str(tmp_path / "dotted.txt"), "--out", "protocol", "--force", cwd=scratch.root
    )
    assert result.returncode == 0, result.stderr
    assert Project(scratch.root).council().number_style == "section.paragraph"
    assert conf.read_text(encoding="utf-8").count("number-style") == 1


def test_a_line_ending_in_a_possessive_goes_on_before_a_capital(tmp_path: Path) -> None:
    """A plural's apostrophe at a line's end ("...the Members'" / "Code of Conduct.") is no
    closing quotation mark: the sentence goes on, in the introduction and in a paragraph.
    A quotation mark after a full stop still ends it."""
    from constitution.importer import import_protocol

    pages = [
        [
            "Protocol on Member/Officer Relations",
            "This protocol forms Part 5.4. It should be read alongside the Members'",
            "Code of Conduct (Part 5.1).",
            "1. Purpose",
            "1.1 An officer may refer a councillor's conduct as a possible breach of the Members'",
            "Code of Conduct to the Monitoring Officer.",
            "1.2 Officers must not call any councillor 'the opposition.'",
            "Members should not call officers 'staff'",
            "or 'servants'.",
            "1.3 Officers must reply to enquiries.",
        ]
    ]
    doc = import_protocol(pdf_file(tmp_path / "p.pdf", pages))
    assert doc.intro.paragraphs == [
        "This protocol forms Part 5.4. It should be read alongside the Members' Code of "
        "Conduct [Part 5.1]."
    ]
    assert [c.paragraphs for c in doc.clauses()] == [
        [
            "An officer may refer a councillor's conduct as a possible breach of the Members' "
            "Code of Conduct to the Monitoring Officer."
        ],
        [
            "Officers must not call any councillor 'the opposition.'",
            "Members should not call officers 'staff' or 'servants'.",
        ],
        ["Officers must reply to enquiries."],
    ]


def test_a_heading_broken_mid_phrase_over_two_lines_is_one_heading(tmp_path: Path) -> None:
    """A title or section heading a PDF wraps after a word that leads on ("...between
    Councillors and" / "Officers") is one heading, not a heading and a second one (the
    title was cut short, and "Officers" set in bold over the introduction)."""
    from constitution.importer import import_protocol

    pages = [
        [
            "SEDGECOMBE DISTRICT COUNCIL",
            "Protocol on Relations between Councillors and",
            "Officers",
            "This protocol forms Part 5.4 of the Constitution.",
            "1. Purpose",
            "1.1 Councillors and officers must work together.",
            "2. Political Groups, Publicity and the",
            "Pre-election Period",
            "2.1 Officers must not support a party.",
            "2.2 Officers should take care in the pre-election period.",
        ]
    ]
    doc = import_protocol(pdf_file(tmp_path / "p.pdf", pages))
    assert doc.title.endswith("Protocol on Relations between Councillors and Officers")
    assert doc.intro.paragraphs == ["This protocol forms Part 5.4 of the Constitution."]
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "Purpose"),
        ("2", "Political Groups, Publicity and the Pre-election Period"),
    ]


# Written for this test: a rule in the introduction (found as the words are written),
# a paragraph repeated word for word (found after the numbering) before a skipped number.
OUT_OF_ORDER = """Members must always be courteous to officers in every meeting.

1. Roles

1.1 Members set the council's policy and officers put it into effect for them.

1.2 Members set the council's policy and officers put it into effect for them.

1.4 Officers advise members on policy.

2. Advice

2.1 Officers give impartial advice.

2.3 Advice is recorded.
"""


def test_the_reports_list_faults_in_source_order(scratch: Project) -> None:
    """Whichever pass found it, each fault is listed at its line, in the text report and
    the JSON report alike."""
    source = scratch.root / "p.txt"
    source.write_text(OUT_OF_ORDER, encoding="utf-8")
    report = import_into(scratch, source)
    faults = [(d["kind"], d["line"]) for d in report["defects"]]  # type: ignore[union-attr]
    assert faults == [
        ("rule-in-introduction", 1),
        ("repeated-paragraph", 7),
        ("skipped-number", 9),
        ("skipped-number", 15),
    ], faults
    said = run("import", "p.txt", "--out", "again", cwd=scratch.root).stdout
    listed = [line.split(":")[0].strip() for line in said.splitlines() if line.startswith("  line")]
    assert listed == ["line 1", "line 7", "line 9", "line 15"], said


def test_a_number_typed_again_for_the_next_is_one_fault(tmp_path: Path) -> None:
    """3.2 printed twice, then 3.4: the second 3.2 was meant for 3.3, one slip, said so
    once; 3.4 follows 3.3 as meant, so no skip from 3.2 to 3.4 is said at all. A skip with no number
    typed twice before it is still a fault of its own."""
    from constitution.importer import import_protocol

    source = tmp_path / "p.txt"
    source.write_text(
        "3. Courtesy\n\n3.1 Members must be courteous.\n\n3.2 Members should not criticise "
        "officers.\n\n3.2 Friendships should be declared.\n\n3.4 Officers may complain.\n\n"
        "4. Enquiries\n\n4.1 Officers must reply.\n\n4.3 Officers must keep records.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    said = [(d.kind, d.number, d.consequences) for d in doc.defects]
    assert said == [
        ("duplicate-number", "3.2", []),
        ("skipped-number", "4.3", []),
    ], said
    assert "where 3.3 was meant: the next paragraph is 3.4." in doc.defects[0].message
    # the skip named by the numbers as printed, not their last parts ("from 1 to 3")
    assert doc.defects[1].message == "numbering skips from 4.1 to 4.3."


def test_a_comma_typed_for_the_dot_is_read_as_the_next_number_once(tmp_path: Path) -> None:
    """ "4,3 Briefings" after 4.2 is 4.3 with a comma typed for its dot: one fault said at
    its line, the paragraph its own. A number with a comma that is not the next one
    ("4,000 residents") stays words."""
    from constitution.importer import import_protocol

    source = tmp_path / "p.txt"
    source.write_text(
        "4. Briefings\n\n4.1 Officers brief members.\n\n4.2 Briefings are confidential and\n"
        "4,000 residents may not attend them.\n\n4,3 Briefings for groups are given on "
        "request.\n\n4.4 Notes are kept.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    [section] = doc.sections
    assert [c.number for c in section.clauses] == ["4.1", "4.2", "4.3", "4.4"]
    assert "4,000 residents" in section.clauses[1].text
    assert section.clauses[2].text.startswith("Briefings for groups")
    said = [(d.kind, d.number, d.message) for d in doc.defects]
    assert said == [("malformed-number", "4,3", "read as 4.3: a comma stands for the dot.")]


def test_an_import_into_a_deleted_folder_names_the_ids_checks_still_cite(scratch: Project) -> None:
    """The protocol's folder deleted, an import into it numbers the IDs afresh with no
    draft to compare their words with, while checks/ (worked examples, determinations)
    still cite them for the old words: refused, naming which IDs and where, and how to
    keep them; nothing written. A checks/ citing none of them lets it through."""
    shutil.rmtree(scratch.protocol)
    (scratch.root / "original.txt").write_text(ORIGINAL, encoding="utf-8")
    result = run("import", "original.txt", "--out", "protocol", cwd=scratch.root)
    assert result.returncode == 2
    said = result.stderr
    assert re.match(r"checks/\S+:\d+: import-ids-cited: protocol/ holds no draft", said)
    assert "MOP-0001 (checks/" in said
    assert "git checkout HEAD -- protocol/, which drops edits not committed" in said
    assert not scratch.protocol.exists()
    uncited(scratch)
    again = run("import", "original.txt", "--out", "protocol", cwd=scratch.root)
    assert again.returncode == 0, again.stderr


def uncited(project: Project) -> None:
    """A new council's checks/: no worked example, determination or rule naming an ID."""
    for folder in ("scenarios", "determinations", "new-situations"):
        shutil.rmtree(project.checks / folder)
    (project.checks / "confirmed.json").unlink()
    (project.checks / "uncovered.toml").write_text("", encoding="utf-8")
    shutil.copyfile(TEMPLATE / "checks" / "rules.yaml", project.checks / "rules.yaml")


def test_an_id_is_cited_only_where_it_stands_alone(tmp_path: Path) -> None:
    """A longer ID, or one with more letters before it, does not cite the ID it holds."""
    checks = tmp_path / "checks"
    checks.mkdir()
    (checks / "a.yaml").write_text(
        "clauses: [MOP-0012, XMOP-0013, MOP-00140]\nnote: (MOP-0017)\n", encoding="utf-8"
    )
    ids = ["MOP-0012", "MOP-0013", "MOP-0014", "MOP-0017"]
    assert citations(tmp_path, checks, ids) == {
        "MOP-0012": [("checks/a.yaml", 1)],
        "MOP-0017": [("checks/a.yaml", 2)],
    }
