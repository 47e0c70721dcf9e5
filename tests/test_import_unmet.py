"""The importer on five protocols laid out as councils publish them and it had not met
(import_unmet.py makes them from tests/import_unmet): Welsh and English paragraphs
alternating, a PDF's words hyphenated at its lines' ends beside words with hyphens of their
own, a Word table with items in a table nested in a cell, a protocol forwarded in an e-mail,
and paragraphs numbered "Paragraph 1" and "Para 8A". Every word in is a word out, the
structure is as a careful reader reads it, the site publishes the numbers printed; what
the importer cannot bring in faithfully it refuses, saying how to bring it in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from constitution.extract_lines import Line
from constitution.extract_pages import mend_hyphenation
from constitution.import_model import Imported
from constitution.importer import import_protocol
from import_trial import every_word_out, structure_as_read
from import_unmet import NAMES, handed_over
from test_import_unseen import imported


def import_as_told(source: Path, data: dict[str, Any]) -> Imported:
    """The import, of the document the gold takes (`--take N`) where the file holds more
    than one; without it such a file is refused, saying how to choose."""
    if "take" not in data:
        return import_protocol(source)
    out = source.parent / "never"
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0, result.stderr
    assert not out.exists()  # refused: nothing written
    assert source.name in result.stderr
    for said in data["refusal"]["says"]:
        assert said in result.stderr, result.stderr
    return import_protocol(source, data["take"])


# each paragraph's number compared as the site keeps it ("1" for "Paragraph 1")
@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    every_word_out(import_as_told(source, data), data, "number")


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_read(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    structure_as_read(import_as_told(source, data), data, "number")


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    taken = ("--take", str(data["take"])) if "take" in data else ()
    report, published = imported(tmp_path, source, *taken)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == []
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert {key.rstrip(".)"): value for key, value in published.items()} == expected


def run_import(tmp_path: Path, text: str, *given: str) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "protocol.txt"
    source.write_text(text, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "constitution",
            "import",
            str(source),
            "--out",
            str(tmp_path / "o"),
            *given,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


TWO_LANGUAGES = (
    "Protocol\n\nProtocol\n\n1. Cyflwyniad\n\n1. Introduction\n\n1.1 Mae aelodau yn penderfynu.\n\n"
    "1.1 Members decide.\n\n1.2 Mae swyddogion yn cynghori.\n\n1.2 Officers advise.\n\n"
    "2. Rolau\n\n2. Roles\n\n2.1 Mae pawb yn gwrtais.\n\n2.1 Everyone is courteous.\n"
)


def test_two_languages_in_turn_are_refused_saying_how_to_take_one(tmp_path: Path) -> None:
    """Every number printed twice running, a language each time: imported as one the
    languages would be interleaved, so the import stops, naming the line and --take."""
    result = run_import(tmp_path, TWO_LANGUAGES)
    assert result.returncode == 1
    assert "protocol.txt:7: import-two-languages:" in result.stderr
    assert "--take 1 for the one printed first ('1. Cyflwyniad' ...)" in result.stderr
    assert not (tmp_path / "o").exists()


def test_the_language_taken_and_the_other_left_out(tmp_path: Path) -> None:
    source = tmp_path / "protocol.txt"
    source.write_text(TWO_LANGUAGES, encoding="utf-8")
    welsh, english = import_protocol(source, 1), import_protocol(source, 2)
    assert [c.paragraphs for c in welsh.clauses()] == [
        ["Mae aelodau yn penderfynu."],
        ["Mae swyddogion yn cynghori."],
        ["Mae pawb yn gwrtais."],
    ]
    assert [(s.title, [c.number for c in s.clauses]) for s in english.sections] == [
        ("Introduction", ["1.1", "1.2"]),
        ("Roles", ["2.1"]),
    ]
    assert [line.text for line, _ in english.left_out][:3] == [
        "Protocol",  # the title printed first, the second taken as the English one's
        "1. Cyflwyniad",
        "1.1 Mae aelodau yn penderfynu.",
    ]
    assert "language 1 of the file, not imported (--take 2)" in {why for _, why in english.left_out}
    result = run_import(tmp_path, TWO_LANGUAGES, "--take", "3")
    assert result.returncode == 2
    assert "import-no-such-language" in result.stderr


def test_a_number_printed_once_among_two_languages_stops(tmp_path: Path) -> None:
    """Which language a paragraph printed once is in cannot be told from the layout."""
    text = TWO_LANGUAGES.replace("1.2 Officers advise.\n\n", "")
    result = run_import(tmp_path, text, "--take", "2")
    assert result.returncode == 1
    assert "protocol.txt:13: import-language-once:" in result.stderr
    assert "but 1.2 is printed once" in result.stderr


def test_a_number_typed_twice_is_no_second_language(tmp_path: Path) -> None:
    """One number printed twice running is a slip of numbering, not a second language."""
    text = "Protocol\n\n1. Roles\n\n" + "".join(f"1.{n} Words {n}.\n\n" for n in (1, 2, 2, 3, 4))
    doc = import_protocol(write(tmp_path, text))
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "1.2", "1.3", "1.4"]


def test_one_number_printed_throughout_is_no_second_language(tmp_path: Path) -> None:
    """A number printed again and again ("1." before every paragraph, the list's count
    lost) counts on nowhere: no two languages, and the paragraphs imported as printed."""
    text = "Protocol\n\n1. Roles\n\n" + "".join(f"1.1 Words {n}.\n\n" for n in range(8))
    doc = import_protocol(write(tmp_path, text))
    assert [c.number for c in doc.clauses()] == ["1.1"] * 8


def write(tmp_path: Path, text: str) -> Path:
    source = tmp_path / "protocol.txt"
    source.write_text(text, encoding="utf-8")
    return source


QUOTED = "> Protocol\n>\n> 1. Roles\n>\n" + "".join(
    f"> 1.{n} Members decide {n}.\n>\n" for n in range(1, 6)
)


def test_a_protocol_quoted_in_an_e_mail_is_read_unquoted(tmp_path: Path) -> None:
    """Its "> " marks taken off (">> " too, quoted twice), the e-mail's lines around it
    left out; nothing of a text quoting a few lines changes."""
    text = "From: Clerk\nSubject: FW: protocol\n\n" + QUOTED.replace("> ", ">> ") + "\n--\nClerk\n"
    doc = import_protocol(write(tmp_path, text))
    assert doc.clauses()[0].paragraphs == ["Members decide 1."]
    assert [line.text for line, _ in doc.left_out] == [
        "From: Clerk",
        "Subject: FW: protocol",
        "--",
        "Clerk",
    ]
    few = "Protocol\n\n1. Roles\n\n1.1 Members say:\n\n> we decide\n\n1.2 Officers advise.\n\n"
    few += "1.3 All help.\n"
    # its "> " mark says the line is quoted under the lead-in: a further paragraph of
    # 1.1, the mark no word, though the words are no sentence (only an unmarked line set
    # in must be one to be told from a list's item)
    assert import_protocol(write(tmp_path, few)).clauses()[0].paragraphs == [
        "Members say:",
        "we decide",
    ]


def test_a_reply_among_the_quoted_lines_stops(tmp_path: Path) -> None:
    text = QUOTED.replace(
        "> 1.3 Members decide 3.", "I think 1.3 is wrong.\n> 1.3 Members decide 3."
    )
    result = run_import(tmp_path, text)
    assert result.returncode == 1
    assert "protocol.txt:9: import-quoted-reply:" in result.stderr
    assert "'I think 1.3 is wrong.'" in result.stderr


def test_numbers_named_paragraph_para_or_section_sign(tmp_path: Path) -> None:
    """ "Paragraph 1", "Para 2A", "§ 3": numbers, their words after; a heading naming
    its number ("Paragraph 4 – Meetings") and a sentence beginning so stay as they were."""
    text = (
        "Protocol\n\nPURPOSE\n\nParagraph 1  Members decide.\n\nPara 2A  Officers advise.\n\n"
        "§ 3  All are courteous. Paragraph 1 applies.\n\nParagraph 4 – Meetings\n\n"
        "Paragraph 5 Members attend.\n"
    )
    doc = import_protocol(write(tmp_path, text))
    assert [(c.number.rstrip("."), c.paragraphs[0]) for c in doc.clauses()][:3] == [
        ("1", "Members decide."),
        ("2A", "Officers advise."),
        ("3", "All are courteous. Paragraph 1 applies."),  # "3." after "2A.": no item of it
    ]
    assert "Paragraph 4 – Meetings" not in [c.paragraphs[0] for c in doc.clauses()]
    few = "Protocol\n\n1. Roles\n\n1.1 One.\n\nParagraph 1.1 Applies to all.\n\n1.2 Two.\n\n"
    few += "1.3 Three.\n"
    assert (
        "Paragraph 1.1 Applies to all."
        in import_protocol(write(tmp_path, few)).clauses()[0].paragraphs
    )


@pytest.mark.parametrize(
    ("elsewhere", "mended"),
    [("", "nonpartisan"), ("Members value co-operation.", "non-partisan")],
)
def test_a_prefix_hyphen_at_a_lines_end_as_the_document_hyphenates(
    elsewhere: str, mended: str
) -> None:
    """ "non-" / "partisan": joined as the (American) word list writes it, but hyphenated
    where the document writes a prefix's word with a hyphen the list closes up."""
    lines = [Line(f"1.1 {elsewhere} Advice is non-", 1), Line("partisan as printed.", 2)]
    (line,) = mend_hyphenation(lines)
    assert line.text == f"1.1 {elsewhere} Advice is {mended} as printed."
