"""The importer on five Word protocols whose words sit in Word's less obvious places
(import_word_internals.py makes them from tests/word_internals): every word in is a word
out, the structure is as printed, the site publishes the numbers printed, and what is not
protocol text (a reviewer's comment, a header, a contents table, a text box) is said to be
left out, never dropped unsaid, nor let into a clause."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from constitution.import_model import Imported
from constitution.importer import import_protocol
from constitution.modality import guess_modality
from constitution.problems import ProtocolError
from constitution.references import Targets, link
from import_layouts import element
from import_word_internals import NAMES, SOURCES, handed_over
from test_import_layouts import flat, heading
from test_import_unseen import imported, printed_number, words, words_out

# What each document's report rightly says: an unnumbered paragraph after a numbered one
# is kept with it, and said (it may be an aside or a heading instead); "section 28 of the
# Localism Act 2011" cites another document, and "sections 1 and 2 of this Part" sections
# this document does not hold (the Part's others): kept as text, and said.
REPORTED = {
    "numbering-characters": [*["missing-reference"] * 4, "unnumbered-paragraph"],  # by line
    "footnotes-box-table": ["external-reference"],
}


def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SOURCES / "golds" / f"{name}.json").read_text(encoding="utf-8")
    )
    return data


def gold_text(data: dict[str, Any], number: str = "printed") -> str:
    """Every word the gold holds, each paragraph's number as ``number`` gives it (as
    printed, or as the site keeps it: "1" for "Paragraph 1"), a section's unnumbered
    words before its paragraphs and after one (a glossary's rows, a box) included."""
    texts = [data["title"], *data["intro"], *data["left_out"]]
    for section in data["sections"]:
        heading = section.get("printed") or section["number"] or ""
        texts += [printed_number(heading, section["title"]), section["title"]]
        texts += section.get("intro", [])
        for clause in section["clauses"]:
            texts += [*clause["headings"], clause[number], *clause["paragraphs"]]
            texts += clause.get("after", [])
    return "\n".join(texts).replace("\ue000", " ")


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    doc = import_protocol(handed_over(name, tmp_path))
    assert words_out(doc) == words(gold_text(gold(name)))  # a link's address too


def as_printed(doc: Imported, data: dict[str, Any]) -> None:
    """The import's title, introduction, sections and paragraphs are the gold's."""
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, printed in zip(doc.sections, data["sections"], strict=True):
        assert [c.number for c in section.clauses] == [c["printed"] for c in printed["clauses"]]
        for clause, expected in zip(section.clauses, printed["clauses"], strict=True):
            assert clause.headings == expected["headings"], clause.number
            assert flat(clause.paragraphs) == flat(expected["paragraphs"]), clause.number


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_printed(tmp_path: Path, name: str) -> None:
    data = gold(name)
    doc = import_protocol(handed_over(name, tmp_path))
    as_printed(doc, data)
    left_out = sorted(one_line(line.text) for line, _ in doc.left_out)
    assert left_out == sorted(data["left_out"])
    # references are found as the files are written (the next test)
    reported = [kind for kind in REPORTED.get(name, []) if not kind.endswith("-reference")]
    assert [d.kind for d in doc.defects] == reported


def published_as_printed(
    tmp_path: Path, source: Path, data: dict[str, Any], reported: list[str]
) -> None:
    """`constitution import` reports what it should, in the gold's number style, and
    the site publishes each paragraph with the number printed."""
    report, published = imported(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == reported
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    published_as_printed(tmp_path, handed_over(name, tmp_path), gold(name), REPORTED.get(name, []))
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.md"))
    # a field's instruction is never its words
    for instruction in ("REF ", "_Ref", "TOC ", "PAGEREF", "MERGEFORMAT", "\\h"):
        assert instruction not in written


@pytest.mark.parametrize(
    "text",
    [
        "It was adopted by the Council on 14 May 2025.",
        "Adopted on the 3rd of May 2024, reviewed in May 2026.",
        "The register closes on 1 May.",
    ],
)
def test_the_month_of_may_is_no_modal_verb(text: str) -> None:
    """ "14 May 2025" is a date: an introduction saying when the protocol was adopted
    states no rule (it is not reported as one)."""
    assert guess_modality(text).phrases == ()


def test_may_as_a_verb_is_still_found() -> None:
    assert guess_modality("Members may ask an officer for information.").phrases == ("may",)
    assert guess_modality("May a member attend? A member may.").phrases == ("may",)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Ask the Section 151 Officer, or the section 151 officer's deputy.", []),
        ("A section 106 agreement, and a section 114 notice, are not ours.", []),
        ("Section 151 of the Local Government Act 1972 applies.", ["external-reference"]),
        ("As section 9 says.", ["missing-reference"]),
    ],
)
def test_a_post_or_paper_named_for_a_statutes_section_is_no_reference(
    text: str, kinds: list[str]
) -> None:
    """ "the Section 151 Officer" names a post (and "a section 106 agreement" a paper)
    by the section of an Act that makes it: no reference to this document's sections."""
    targets = Targets({"1.1": "MOP-0001"}, {}, set(), {"1": (1, "Purpose")})
    found, unresolved = link(text, targets, lambda _: None, lambda _: False)
    assert found == text
    assert [u.kind for u in unresolved] == kinds


def protocol_docx(path: Path, between: Callable[[Any], None]) -> Path:
    """A short protocol in Word, ``between`` adding to it after its first paragraph."""
    document = docx.Document()
    document.add_paragraph("Protocol on Member and Officer Relations", style="Title")
    document.add_paragraph("1.\tPurpose", style="Heading 1")
    document.add_paragraph("1.1\tThis protocol guides members and officers.")
    between(document)
    document.add_paragraph("1.2\tOfficers advise members.")
    document.add_paragraph("1.3\tMembers decide policy.")
    document.save(str(path))
    return path


def test_words_word_keeps_in_other_files_stop_the_import(tmp_path: Path) -> None:
    """A part brought in from another file (w:altChunk: a web page, another document, as
    some systems build a Word file) holds words Word shows but the document does not: the
    import stops, naming the line, rather than lose them."""

    def chunk(document: Any) -> None:
        rid = document.part.relate_to(
            "afchunk.mht",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk",
            is_external=True,
        )
        alt = element("w:altChunk")
        alt.set(qn("r:id"), rid)
        document.element.body.insert(len(document.element.body) - 1, alt)

    source = protocol_docx(tmp_path / "chunked.docx", chunk)
    with pytest.raises(ProtocolError) as raised:
        import_protocol(source)
    (problem,) = raised.value.problems
    assert (problem.code, problem.line) == ("import-docx-chunks", 4)
    assert "save it again" in problem.fix
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "import-docx-chunks" in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_pictures_words_are_said_to_be_unread(tmp_path: Path) -> None:
    """A picture or an embedded object may hold words (a chart, a scanned table) that the
    import cannot read: its line is noted for a person to check."""

    def picture(document: Any) -> None:
        paragraph = document.add_paragraph()
        paragraph._p.append(element("w:r"))
        paragraph._p[-1].append(element("w:drawing"))

    doc = import_protocol(protocol_docx(tmp_path / "pictured.docx", picture))
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "1.3"]
    assert any(
        note.startswith("1 picture or embedded object (line 4)") for note in doc.extracted.notes
    ), doc.extracted.notes


def test_comments_and_running_heads_are_said_where_and_why(tmp_path: Path) -> None:
    """A comment is listed with the line it is made on and who made it; a running head
    or foot once, however many of the file's heads (first page, odd, even) repeat it."""
    source = handed_over("controls-comments", tmp_path)
    plain = tmp_path / "plain.docx"
    source.rename(plain)
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(source, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item.filename))
            if item.filename == "word/header1.xml":  # the first page's head, the same
                new.writestr("word/header2.xml", old.read(item.filename))
    said = {line.text: (line.where, why) for line, why in import_protocol(source).left_out}
    assert said["Legal to confirm wording before Council. – HS"] == (
        "line 11",
        "a comment by Reviewer in the Word file, not the protocol's words",
    )
    assert said["Stowmere Borough Council"] == (
        "beside the text",
        "page furniture: the Word file's running head or foot",
    )
    left_out = [line.text for line, _ in import_protocol(source).left_out]
    assert left_out.count("Stowmere Borough Council") == 1


def test_hidden_words_and_a_headings_link(tmp_path: Path) -> None:
    """Words formatted hidden (w:vanish: a drafting note Word neither shows nor prints)
    are not the protocol's as printed: listed as left out, with their line, not run into
    its words. A heading keeps a link's words only (a title holds no link)."""

    def hidden(document: Any) -> None:
        paragraph = document.add_paragraph("1.4\tOfficers reply within ten days.")
        run = paragraph.add_run(" Check this against the 2019 version.")
        run.font.hidden = True

    source = protocol_docx(tmp_path / "hidden.docx", hidden)
    doc = import_protocol(source)
    assert [c.paragraphs for c in doc.clauses() if c.number == "1.4"] == [
        ["Officers reply within ten days."]
    ]
    assert [(line.text, line.line, why) for line, why in doc.left_out] == [
        (
            "Check this against the 2019 version.",
            4,
            "hidden text in the Word file, which Word neither shows nor prints",
        )
    ]


def test_a_headings_link_is_its_words(tmp_path: Path) -> None:
    """A section's title holds no link: a hyperlink in a heading is kept as its words."""

    def linked_heading(document: Any) -> None:
        heading = document.add_paragraph("2.\t", style="Heading 1")
        link = element("w:hyperlink", history="1")
        rid = document.part.relate_to("https://example.org/roles", RT.HYPERLINK, is_external=True)
        link.set(qn("r:id"), rid)
        run = element("w:r")
        text = element("w:t")
        text.text = "Roles"
        run.append(text)
        link.append(run)
        heading._p.append(link)
        document.add_paragraph("2.1\tMembers decide policy.")

    doc = import_protocol(protocol_docx(tmp_path / "heading.docx", linked_heading))
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Purpose"), ("2", "Roles")]


def test_a_content_controls_placeholder_is_no_protocol_text(tmp_path: Path) -> None:
    """A content control still showing its placeholder ("Click or tap here to enter
    text.", w:showingPlcHdr) holds Word's prompt, not the council's words: listed as left
    out with its line, the paragraph's own words kept."""

    def prompt(document: Any) -> None:
        paragraph = document.add_paragraph("1.4\tThe protocol was last reviewed on ")
        sdt, properties, content = element("w:sdt"), element("w:sdtPr"), element("w:sdtContent")
        properties.append(element("w:showingPlcHdr"))
        run, text = element("w:r"), element("w:t")
        text.text = "Click or tap to enter a date."
        run.append(text)
        content.append(run)
        sdt.extend([properties, content])
        paragraph._p.append(sdt)

    doc = import_protocol(protocol_docx(tmp_path / "prompt.docx", prompt))
    assert [c.paragraphs for c in doc.clauses() if c.number == "1.4"] == [
        ["The protocol was last reviewed on"]
    ]
    assert [(line.text, line.line, why) for line, why in doc.left_out] == [
        (
            "Click or tap to enter a date.",
            4,
            "a content control's placeholder: Word's prompt to fill it in, "
            "not the protocol's words",
        )
    ]
