"""The importer at the edges earlier blind trials found and left: a link in a Word file's
footnote, running head or comment; a text box in a text box, or one only its VML copy
holds; a footnote with a mark of its own ("*"); a table's header row Word was not told of;
a hyphen at a line's end that English keeps; a text whose 8-bit encoding no byte
settles."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from constitution.characters import decode
from constitution.extract_lines import Line
from constitution.extract_pages import mend_hyphenation
from constitution.import_myst import render
from constitution.importer import import_protocol
from import_word_internals import LISTS, appended
from test_import_word_internals import protocol_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
SHAPES = (
    f'xmlns:mc="{MC}" xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def with_parts(path: Path, parts: dict[str, tuple[str, str]]) -> Path:
    """The Word file with parts python-docx does not write (footnotes, comments) added,
    each as ``name: (its XML, its relationships' XML)``, listed in the package."""
    plain = path.with_suffix(".plain.docx")
    path.rename(plain)
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename in LISTS:
                closing, entry, _ = LISTS[item.filename]
                data = appended(data, closing, entry, {name: name for name in parts})
            new.writestr(item, data)
        for name, (xml, rels) in parts.items():
            new.writestr(f"word/{name}.xml", xml)
            new.writestr(
                f"word/_rels/{name}.xml.rels",
                f'<Relationships xmlns="{RELS}">{rels}</Relationships>',
            )
    plain.unlink()
    return path


def external(rid: str, address: str) -> str:
    return (
        f'<Relationship Id="{rid}" Type="{RT.HYPERLINK}" Target="{address}" TargetMode="External"/>'
    )


def linked_run(rid: str, words: str) -> str:
    return f'<w:hyperlink r:id="{rid}"><w:r><w:t>{words}</w:t></w:r></w:hyperlink>'


R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run_xml(xml: str) -> Any:
    return parse_xml(f'<w:r xmlns:w="{W}">{xml}</w:r>')


def test_a_link_in_a_footnote_a_running_head_or_a_comment_keeps_its_address(
    tmp_path: Path,
) -> None:
    """Each part of a Word file has its own relationships: a link's address in a footnote,
    a running head or a comment is found in that part's, as a link in the text is in the
    document's."""

    def cited(document: Any) -> None:
        paragraph = document.add_paragraph("1.4\tMembers follow the guidance.")
        paragraph._p.append(run_xml('<w:footnoteReference w:id="1"/>'))
        start = parse_xml(f'<w:commentRangeStart xmlns:w="{W}" w:id="0"/>')
        paragraph._p.insert(1, start)
        paragraph._p.append(run_xml('<w:commentReference w:id="0"/>'))
        head = document.sections[0].header
        rid = head.part.relate_to("https://example.org/constitution", RT.HYPERLINK, True)
        head.paragraphs[0]._p.append(
            parse_xml(f'<w:p xmlns:w="{W}" {R}>{linked_run(rid, "the constitution")}</w:p>')[0]
        )

    source = protocol_docx(tmp_path / "linked.docx", cited)
    note = (
        f'<w:footnotes xmlns:w="{W}" {R}><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> See </w:t></w:r>{linked_run("rIdN1", "the guidance")}'
        "<w:r><w:t>.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    said = (
        f'<w:comments xmlns:w="{W}" {R}><w:comment w:id="0" w:author="Reviewer"><w:p>'
        f'<w:r><w:t xml:space="preserve">Check </w:t></w:r>{linked_run("rIdC1", "the rules")}'
        "</w:p></w:comment></w:comments>"
    )
    with_parts(
        source,
        {
            "footnotes": (note, external("rIdN1", "https://example.org/guidance")),
            "comments": (said, external("rIdC1", "https://example.org/rules")),
        },
    )
    doc = import_protocol(source)
    (clause,) = [c for c in doc.clauses() if c.number == "1.4"]
    assert clause.paragraphs == [
        "Members follow the guidance.[1]",
        "[1] See [the guidance](https://example.org/guidance).",
    ]
    left_out = {line.text for line, _ in doc.left_out}
    assert "Check [the rules](https://example.org/rules)" in left_out
    assert "[the constitution](https://example.org/constitution)" in left_out


def box(words_xml: str) -> str:
    """A text box as Word 2010 on writes it: its drawing, and its VML copy for older
    readers, each holding ``words_xml`` (its paragraphs)."""
    return (
        f'<mc:AlternateContent {SHAPES}><mc:Choice Requires="wps"><w:drawing><wps:wsp>'
        f"<wps:txbx><w:txbxContent>{words_xml}</w:txbxContent></wps:txbx></wps:wsp>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{words_xml}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent>"
    )


def vml_box(words_xml: str) -> str:
    """A text box as older Word writes it: VML only."""
    return (
        f"<w:pict {SHAPES}><v:shape><v:textbox><w:txbxContent>{words_xml}"
        "</w:txbxContent></v:textbox></v:shape></w:pict>"
    )


def para(words: str, *runs: str) -> str:
    return f"<w:p><w:r><w:t>{words}</w:t></w:r>{''.join(f'<w:r>{r}</w:r>' for r in runs)}</w:p>"


def boxed(tmp_path: Path, name: str, drawn: str) -> list[str]:
    def anchored(document: Any) -> None:
        document.add_paragraph("1.4\tMembers read the notice.")._p.append(run_xml(drawn))

    doc = import_protocol(protocol_docx(tmp_path / f"{name}.docx", anchored))
    assert [c.paragraphs for c in doc.clauses() if c.number == "1.4"] == [
        ["Members read the notice."]
    ]
    return [line.text for line, _ in doc.left_out]


def test_a_text_box_in_a_text_box_is_read_once(tmp_path: Path) -> None:
    """A text box inside another (in both the drawing and its VML copy) is listed as left
    out once, on its own, not run into the outer box's words twice."""
    inner = para("Ask the Monitoring Officer.")
    drawn = box(para("Contact details", box(inner)))
    assert boxed(tmp_path, "nested", drawn) == ["Contact details", "Ask the Monitoring Officer."]


def test_a_text_box_only_the_vml_copy_holds_is_read(tmp_path: Path) -> None:
    """Word writes a text box inside a text box in VML only, so the drawing's copy of the
    outer box lacks it: its words are read from the VML copy, and listed as left out."""
    choice = para("Contact details")
    fallback = para("Contact details", vml_box(para("Ask the Monitoring Officer.")))
    drawn = (
        f'<mc:AlternateContent {SHAPES}><mc:Choice Requires="wps"><w:drawing><wps:wsp>'
        f"<wps:txbx><w:txbxContent>{choice}</w:txbxContent></wps:txbx></wps:wsp></w:drawing>"
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{fallback}"
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
    )
    assert boxed(tmp_path, "fallback", drawn) == [
        "Contact details",
        "Ask the Monitoring Officer.",
    ]


def test_a_footnote_with_a_mark_of_its_own_goes_with_its_paragraph(tmp_path: Path) -> None:
    """A footnote marked "*" or "†" (w:customMarkFollows, the mark in the run after it)
    takes no number: its note is kept, marked so, with the paragraph citing it, and the
    numbered notes are numbered as if it were not there."""

    def cited(document: Any) -> None:
        paragraph = document.add_paragraph("1.4\tMembers declare interests.")
        paragraph._p.append(run_xml('<w:footnoteReference w:customMarkFollows="1" w:id="3"/>'))
        paragraph._p.append(run_xml("<w:t>*</w:t>"))
        paragraph = document.add_paragraph("1.5\tOfficers keep the register.")
        paragraph._p.append(run_xml('<w:footnoteReference w:id="4"/>'))
        paragraph = document.add_paragraph("1.6\tThe register is public.")
        paragraph._p.append(
            run_xml('<w:footnoteReference w:customMarkFollows="1" w:id="5"/><w:t>†</w:t>')
        )

    source = protocol_docx(tmp_path / "marked.docx", cited)
    notes = "".join(  # Word prints a mark of its own in its note as a run of text
        f'<w:footnote w:id="{n}"><w:p>{mark}<w:r><w:t xml:space="preserve"> {words}</w:t></w:r>'
        "</w:p></w:footnote>"
        for n, mark, words in (
            (3, "<w:r><w:t>*</w:t></w:r>", "Under the Localism Act 2011."),
            (4, "<w:r><w:footnoteRef/></w:r>", "Kept by Democratic Services."),
            (5, "", "Online."),
        )
    )
    with_parts(source, {"footnotes": (f'<w:footnotes xmlns:w="{W}">{notes}</w:footnotes>', "")})
    clauses = {c.number: c.paragraphs for c in import_protocol(source).clauses()}
    assert clauses["1.4"] == ["Members declare interests.[*]", "[*] Under the Localism Act 2011."]
    assert clauses["1.5"] == ["Officers keep the register.[1]", "[1] Kept by Democratic Services."]
    assert clauses["1.6"] == ["The register is public.[†]", "[†] Online."]


@pytest.mark.parametrize(
    ("first", "rest", "mended"),
    [
        # a prefix English hyphenates: where the join doubles a vowel, where the joined
        # word is none (or one English barely uses), whether or not the prefix is a word
        ("re-", "elected", "re-elected"),
        ("pre-", "empt", "pre-empt"),
        ("co-", "operation", "co-operation"),
        ("pre-", "meeting", "pre-meeting"),
        ("non-", "voting", "non-voting"),
        ("co-", "author", "co-author"),
        ("self-", "employed", "self-employed"),
        ("ex-", "councillor", "ex-councillor"),
        # a word a hyphen broke: joined
        ("re-", "port", "report"),
        ("pre-", "sent", "present"),
        ("non-", "sense", "nonsense"),
        ("ex-", "pected", "expected"),
        ("de-", "bate", "debate"),
        ("Mem-", "bers", "Members"),
    ],
)
def test_a_prefixs_hyphen_at_a_lines_end_is_kept_where_english_keeps_it(
    first: str, rest: str, mended: str
) -> None:
    lines = [Line(f"1.1 The word here is {first}", 1), Line(f"{rest} as printed.", 2)]
    (line,) = mend_hyphenation(lines)
    assert line.text == f"1.1 The word here is {mended} as printed."


def test_an_eight_bit_text_says_which_encoding_was_assumed() -> None:
    """Windows-1252 and Latin-1 read every byte alike but 0x80 to 0x9F (Windows-1252's
    quotes and dashes, no text's in Latin-1), and ISO-8859-15 differs from both at eight
    (0xA4 is its "€", their "¤"): where no byte tells them apart, the note says the file
    was assumed Windows-1252, and which bytes another of them would read otherwise."""
    notes: list[str] = []
    euro = "1.1 Fees\n1.2 Each copy costs 5 \u20ac.\n".encode("iso-8859-15")
    assert decode("fees.txt", euro, notes) == "1.1 Fees\n1.2 Each copy costs 5 \u00a4.\n"
    assert notes == [
        "The file is not UTF-8, and no byte in it tells Windows-1252 from Latin-1"
        " (ISO-8859-1), which read it alike: it was assumed to be Windows-1252."
        " ISO-8859-15 reads 1 byte otherwise: line 2's 0xA4 as '€', not '¤'."
        " If the file is in ISO-8859-15, save it as UTF-8 and import it again."
    ]
    notes.clear()
    decode("fees.txt", "1.1 Café hours\n".encode("latin-1"), notes)
    assert notes == [
        "The file is not UTF-8, and no byte in it tells Windows-1252 from Latin-1"
        " (ISO-8859-1), which read it alike: it was assumed to be Windows-1252."
    ]
    notes.clear()
    decode("fees.txt", "1.1 The council\u2019s café\n".encode("cp1252"), notes)
    assert notes == [
        "The file is not UTF-8; it was read as Windows-1252, as line 1's byte 0x92 ('’') shows."
    ]


def tabled(
    tmp_path: Path, rows: list[tuple[str, str]], mark: Callable[[Any, int], None]
) -> list[str]:
    """The items a Word table becomes under paragraph 1.4, ``mark`` formatting each row."""

    def table(document: Any) -> None:
        document.add_paragraph("1.4\tMembers ask these officers:")
        made = document.add_table(rows=len(rows), cols=2)
        for at, (row, cells) in enumerate(zip(made.rows, rows, strict=True)):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
            mark(row, at)

    doc = import_protocol(protocol_docx(tmp_path / "table.docx", table))
    (clause,) = [c for c in doc.clauses() if c.number == "1.4"]
    return [p.replace("\ue000", " | ") for p in clause.paragraphs[1:]]


def bold(row: Any) -> None:
    for cell in row.cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def shaded(row: Any) -> None:
    for cell in row.cells:
        cell._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd xmlns:w="{W}" w:val="clear" w:color="auto" w:fill="D9E2F3"/>')
        )


OFFICERS = [("Subject", "Officer"), ("Planning", "Head of Planning"), ("Parks", "Parks Officer")]
AS_ROWS = ["- Subject | Officer", "- Planning | Head of Planning", "- Parks | Parks Officer"]


def styled(style: str, header_row: str) -> Callable[[Any, int], None]:
    """A table style of Word's gallery, its "Header Row" option on ("1") or off."""

    def mark(row: Any, at: int) -> None:
        table = row._tr.getparent()
        table.tblPr.style = style
        table.tblPr.find(qn("w:tblLook")).set(qn("w:firstRow"), header_row)

    return mark


def repeated(row: Any, at: int) -> None:
    """Word's "repeat as header row" on the first row."""
    if at == 0:
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W}"/>'))


@pytest.mark.parametrize(
    "mark",
    [
        lambda row, at: None,
        lambda row, at: at == 0 and bold(row),
        lambda row, at: at == 0 and shaded(row),
        repeated,
        styled("LightGrid-Accent1", "1"),
        styled("TableGrid", "1"),
    ],
    ids=["plain", "bold", "shaded", "repeated", "gallery-style", "grid"],
)
def test_a_tables_header_row_is_its_first_item_its_words_once(
    tmp_path: Path, mark: Callable[[Any, int], None]
) -> None:
    """However a first row is set apart (bold, shaded, Word's "repeat as header row", a
    gallery style's header row), or not at all, the table is its rows as printed: the
    header the first item, its words not repeated in the rows under it (every word of
    the source lands once, as a PDF's or a web page's table is read)."""
    assert tabled(tmp_path, OFFICERS, mark) == AS_ROWS


NESTED = """Protocol on Member/Officer Relations

1. Purpose

1.1 An officer must tell the Monitoring Officer where:
(a) a member asks the officer to act unlawfully;
(b) a member behaves towards the officer in a way that:
(i) bullies or harasses the officer; or
(ii) undermines the officer's neutrality; or
(c) a member tells the officer what advice to give.

1.2 Committees are listed by letter:
(g) Audit;
(h) Appeals;
(i) Investigation; and
(j) Licensing.

1.3 Members must treat officers with respect.
"""


def test_items_an_item_leads_in_to_are_a_list_within_it(tmp_path: Path) -> None:
    """Printed as (a) then (i) under an item ending with a colon, the (i)s are that item's
    own list, and (c) is back in the outer one; "(i)" after "(h)" is a letter, not a
    numeral, and stays in its list."""
    source = tmp_path / "p.txt"
    source.write_text(NESTED, encoding="utf-8")
    [section] = [s for s in render(import_protocol(source), "MOP").items() if s[0] != "index.md"]
    text = section[1]
    assert (
        "- (a) a member asks the officer to act unlawfully;\n"
        "- (b) a member behaves towards the officer in a way that:\n\n"
        "  - (i) bullies or harasses the officer; or\n"
        "  - (ii) undermines the officer's neutrality; or\n"
        "- (c) a member tells the officer what advice to give.\n"
    ) in text
    assert "- (h) Appeals;\n- (i) Investigation; and\n- (j) Licensing.\n" in text
