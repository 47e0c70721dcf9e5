"""Two faults of issue 18 a blind trial (tests/import_made22) found: a Word link whose
runs are underlined directly read as emphasis, and a PDF table whose cells wrap read as
words. Each input is a whole file, in words of its own."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from constitution.importer import import_protocol
from test_import_fix20a import read


def run(words: str, *marks: str) -> OxmlElement:
    """A run of ``words`` drawn blue with its ``marks`` ("u" underlined, "b" bold)
    written on it directly, as an editor writes a link's look."""
    element = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for mark in marks:
        on = OxmlElement(f"w:{mark}")
        if mark == "u":
            on.set(qn("w:val"), "single")
        props.append(on)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1155CC")
    props.append(colour)
    element.append(props)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = words
    element.append(text)
    return element


def field(instruction: str, *result: OxmlElement) -> list[OxmlElement]:
    """A field drawn by its begin, instruction, separator and end, ``result`` its words."""
    runs = []
    for kind in ("begin", "instr", "separate", *(() if not result else ("result",)), "end"):
        if kind == "result":
            runs.extend(result)
            continue
        element = OxmlElement("w:r")
        if kind == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = instruction
        else:
            code = OxmlElement("w:fldChar")
            code.set(qn("w:fldCharType"), kind)
        element.append(code)
        runs.append(element)
    return runs


def linked_protocol(path: Path) -> Path:
    """A protocol on allotments whose paragraphs link to the web: a w:hyperlink whose run
    is underlined and coloured directly, one with a bold word among its underlined ones,
    a HYPERLINK field's underlined result, and an underlined word outside any link."""
    document = docx.Document()
    document.add_paragraph().add_run("Allotments Protocol").bold = True
    document.add_paragraph().add_run("Plots").bold = True
    paragraphs = [document.add_paragraph(f"{n}. ") for n in (1, 2, 3, 4)]
    document.save(str(path))
    for paragraph, (words, address) in zip(
        paragraphs[:2],
        (
            ("Tenants find the waiting list on the ", "https://plots.example.org/wait"),
            ("Rents are set out in the ", "https://plots.example.org/rent"),
        ),
        strict=True,
    ):
        paragraph.add_run(words)
        rel = paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        paragraph._p.append(link)
        paragraph.add_run(".")  # after the link
    first, second = (p._p.find(qn("w:hyperlink")) for p in paragraphs[:2])
    first.append(run("allotment society's pages", "u"))
    second.extend([run("yearly ", "u"), run("tariff", "u", "b"), run(" schedule", "u")])
    paragraphs[2].add_run("Keys are issued by the ")
    for element in field(
        'HYPERLINK "https://plots.example.org/keys"', run("site warden's form", "u")
    ):
        paragraphs[2]._p.append(element)
    paragraphs[2].add_run(".")
    paragraphs[3].add_run("Bonfires are ")
    paragraphs[3].add_run("never").underline = True
    paragraphs[3].add_run(" lit on a plot.")
    document.save(str(path))
    return path


def test_a_links_underline_is_no_emphasis_but_bold_in_it_is(tmp_path: Path) -> None:
    """A link's runs underlined and coloured directly (as Google Docs writes a link) are
    the link's words alone: "[words](address)", not "[*words*](address)"; the same in a
    HYPERLINK field's result. A bold word within a link is still bold, and an underlined
    word outside any link is still the author's emphasis."""
    written = read(import_protocol(linked_protocol(tmp_path / "plots.docx")))
    assert written["1."] == [
        "Tenants find the waiting list on the "
        "[allotment society's pages](https://plots.example.org/wait)."
    ]
    assert written["2."] == [
        "Rents are set out in the [yearly **tariff** schedule](https://plots.example.org/rent)."
    ]
    assert written["3."] == ["Keys are issued by the site warden's form."]
    assert written["4."] == ["Bonfires are *never* lit on a plot."]
