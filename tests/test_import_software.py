"""The importer on five protocols as the software councils publish with writes them
(import_software.py makes them from tests/import_software): numbers a browser draws
(<ol start>, <ol type="a">, a CSS counter), Word's legal multilevel list linked to its
heading styles, Google Docs' bold text and own lists, a PDF in two columns, and a Rich Text
file. Every word in is a word out, the structure is as a reader sees it, the site
publishes the numbers seen; a file the importer cannot read faithfully is refused,
saying how to bring it in."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from constitution.extract_html import read_page
from constitution.importer import import_protocol
from constitution.problems import ProtocolError
from constitution.word_numbering import Numberer
from import_software import NAMES, handed_over
from test_import_layouts import flat, heading
from test_import_unseen import imported, words, words_out
from test_import_word_internals import gold_text


def numbers(clauses: list[Any]) -> list[str]:
    """Paragraph numbers as seen, a closing full stop ("1.", as a browser draws it)
    being punctuation, not the number."""
    return [(c.number if hasattr(c, "number") else c["printed"]).rstrip(".") for c in clauses]


def refused(source: Path, data: dict[str, Any]) -> bool:
    """A format the importer may refuse: if it does, `constitution import` exits non-zero,
    naming the file and the way through; if not, the file is read as the gold."""
    if "refusal" not in data:
        return False
    try:
        import_protocol(source)
    except ProtocolError:
        pass
    else:
        return False
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", "out"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert source.name in result.stderr
    for said in data["refusal"]["says"]:
        assert said in result.stderr, result.stderr
    return True


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    assert words_out(import_protocol(source)) == words(gold_text(data))


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_seen(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    doc = import_protocol(source)
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, seen in zip(doc.sections, data["sections"], strict=True):
        assert numbers(section.clauses) == numbers(seen["clauses"])
        for clause, gold in zip(section.clauses, seen["clauses"], strict=True):
            assert clause.headings == gold["headings"], clause.number
            assert flat(clause.paragraphs) == flat(gold["paragraphs"]), clause.number
    assert sorted(" ".join(line.text.split()) for line, _ in doc.left_out) == sorted(
        data["left_out"]
    )
    assert [d.kind for d in doc.defects] == []


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_seen(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    report, published = imported(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == []
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering_xml(levels: str, nums: str) -> Any:
    from lxml import etree

    return etree.fromstring(
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">{levels}'
        f"</w:abstractNum>{nums}</w:numbering>"
    )


def level(ilvl: int, fmt: str, text: str, more: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{more}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def paragraph(num: int, ilvl: int) -> Any:
    from lxml import etree

    return etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/>'
        f'<w:numId w:val="{num}"/></w:numPr></w:pPr></w:p>'
    )


def test_legal_numbering_draws_every_level_in_figures() -> None:
    """Under a heading numbered "II." a level with w:isLgl draws "2.1", not "II.1"; a
    level without it keeps the higher level's own format."""
    levels = level(0, "upperRoman", "%1.") + level(1, "decimal", "%1.%2", "<w:isLgl/>")
    levels += level(2, "decimal", "%1.%2.%3")
    numberer = Numberer(
        numbering_xml(levels, '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    )
    drawn = [numberer.label(paragraph(5, ilvl)) for ilvl in (0, 1, 0, 1, 1, 2)]
    assert drawn == ["I.", "1.1", "II.", "2.1", "2.2", "II.2.1"]


def test_a_restart_by_another_num_of_the_same_list() -> None:
    """Two w:num of one list count on together; one with a startOverride starts its
    level again where it is first used ("(a)" again, not "(c)"), and a lvlOverride's own
    w:lvl redefines the level for that w:num."""
    levels = level(0, "decimal", "%1.") + level(1, "lowerLetter", "(%2)")
    nums = '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    nums += '<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1">'
    nums += '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    nums += '<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
    nums += (
        '<w:startOverride w:val="7"/>' + level(0, "decimal", "Part %1") + "</w:lvlOverride></w:num>"
    )
    numberer = Numberer(numbering_xml(levels, nums))
    uses = [(5, 0), (5, 1), (5, 1), (6, 1), (6, 1), (5, 0), (7, 0), (7, 1)]
    drawn = [numberer.label(paragraph(num, ilvl)) for num, ilvl in uses]
    assert drawn == ["1.", "(a)", "(b)", "(a)", "(b)", "2.", "Part 7", "(a)"]


def test_numbers_a_style_sheet_draws_are_read_as_drawn(tmp_path: Path) -> None:
    """A site numbering its headings and paragraphs with CSS counters, the lists'
    own markers taken away: the numbers are the page's, as the browser draws them."""
    page = tmp_path / "protocol.html"
    page.write_text(
        "<html><head><style>body { counter-reset: s } h2 { counter-increment: s }\n"
        'main h2::before { content: counter(s) ". " }\n'
        "ol.p { counter-reset: p; list-style-type: none }\n"
        'ol.p > li::before { counter-increment: p; content: counter(s) "." counter(p) " " }'
        "</style></head><body><main><h1>Protocol</h1><h2>Purpose</h2><ol class='p'>"
        "<li>Officers advise.</li><li>Members decide.</li></ol><h2>Roles</h2>"
        "<ol class='p'><li>Officers serve.</li><li>Members lead.</li></ol></main></body></html>",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    assert [(s.number, s.title, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("1", "Purpose", ["1.1", "1.2"]),
        ("2", "Roles", ["2.1", "2.2"]),
    ]


def test_nested_counters_join_their_numbers() -> None:
    """counters(item, ".") draws every enclosing list's number: "1.2" in a list inside
    the first item; a new list resets its own, not the one around it."""
    lines = read_page(
        "<style>ol { counter-reset: item; list-style: none }"
        ' li::before { content: counters(item, ".") " "; counter-increment: item }</style>'
        "<ol><li>Purpose<ol><li>One.</li><li>Two.</li></ol></li>"
        "<li>Roles<ol><li>Three.</li></ol></li></ol>"
    ).lines
    assert [text for text, _, _ in lines] == [
        "1 Purpose",
        "1.1 One.",
        "1.2 Two.",
        "2 Roles",
        "2.1 Three.",
    ]


def test_a_link_to_a_place_on_the_page_alone_is_its_navigation() -> None:
    """ "Back to top" and a contents list of links to the page's headings are the
    site's; a paragraph with such a link among its words is the protocol's."""
    lines = read_page(
        "<main><ol><li><a href='#roles'>Roles</a></li></ol><h2 id='roles'>Roles</h2>"
        "<p>Members decide, as <a href='#roles'>Roles</a> says.</p>"
        "<p><a href='#top'>Back to top</a></p></main>"
    ).lines
    assert [(text, site) for text, _, site in lines] == [
        ("1. Roles", True),
        ("## Roles", False),
        ("Members decide, as Roles says.", False),
        ("Back to top", True),
    ]


def odt(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as packed:
        packed.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        packed.writestr("content.xml", "<office:document-content/>")


RTF = (Path(__file__).parent / "import_software" / "rich-text.rtf").read_bytes()
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # Word 97-2003's compound file


@pytest.mark.parametrize(
    ("name", "made", "what"),
    [
        ("protocol.rtf", RTF, "Rich Text Format (RTF)"),
        ("protocol.txt", RTF, "Rich Text Format (RTF)"),
        ("protocol.doc", OLE, "Word 97-2003 document"),
        ("protocol.docx", OLE, "Word 97-2003 document"),
        ("protocol.odt", odt, "OpenDocument text"),
    ],
)
def test_another_word_processors_file_is_named_with_the_way_through(
    tmp_path: Path, name: str, made: bytes | Callable[[Path], None], what: str
) -> None:
    """A file an older or other word processor saved, whatever its name ends in, is
    refused saying what it is and how to save it as .docx (not "not a protocol", nor
    "the Word file cannot be read")."""
    source = tmp_path / name
    if callable(made):
        made(source)
    else:
        source.write_bytes(made)
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert f"{name}: import-other-format: the file is" in result.stderr
    assert what in result.stderr
    assert "File, Save As, with the type Word Document (.docx)" in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_second_lead_in_after_a_finished_list_is_the_paragraphs_own(tmp_path: Path) -> None:
    """After a list ended ("(b) ... ."), an unnumbered paragraph leading in to items
    lettered again is the paragraph's own words, not an item of the list before; so is
    a sentence that does not lead in, closing the paragraph."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1. Meetings\n\n1.1 At a meeting:\n\n(a) members speak; and\n\n"
        "(b) officers advise.\n\nIf the chair decides either has not happened:\n\n"
        "(a) the chair intervenes; and\n\n(b) the matter is reported.\n\n"
        "1.2 Members decide:\n\n(a) policy; and\n\n(b) the budget.\n\nThis is said of both.\n\n"
        "1.3 Three.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert [c.paragraphs for c in doc.clauses()][:2] == [
        [
            "At a meeting:",
            "- (a) members speak; and",
            "- (b) officers advise.",
            "If the chair decides either has not happened:",
            "- (a) the chair intervenes; and",
            "- (b) the matter is reported.",
        ],
        ["Members decide:", "- (a) policy; and", "- (b) the budget.", "This is said of both."],
    ]
    assert doc.defects == []


def test_a_lower_heading_among_a_sections_paragraphs_is_a_sub_heading(tmp_path: Path) -> None:
    """An <h3> between a section's numbered paragraphs, under an <h2> with no number, is
    a sub-heading over the next paragraph, not a section of its own."""
    page = tmp_path / "protocol.html"
    page.write_text(
        "<main><h1>Protocol</h1><h2>Working together</h2><ol><li>Be courteous.</li>"
        "<li>Be fair.</li></ol><h3>Briefings</h3><ol start='3'><li>Officers brief groups.</li>"
        "</ol><h2>Concerns</h2><h3>Members</h3><ol start='4'><li>Raise them.</li></ol></main>",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    first, *_ = doc.sections
    assert (first.title, [(c.number, c.headings) for c in first.clauses]) == (
        "Working together",
        [("1.", []), ("2.", []), ("3.", ["Briefings"])],
    )
