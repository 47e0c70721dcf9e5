"""Protocols in two languages laid out with each number printed once (tests/import_bilingual,
our own words in Welsh and English): the other language's words after a paragraph's,
unnumbered, or beside them in a Word table's other column. Imported as one they were
merged (each paragraph holding both languages, exit 0); the import now stops, saying
how to take one language (`--take`), and takes it, the number with it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from constitution.import_model import Imported
from constitution.importer import import_protocol
from constitution.problems import ProtocolError
from import_bilingual_files import FOLDER, columns_pdf, rows, table_docx

FOLLOWING = FOLDER / "following.txt"


def refusal(source: Path) -> str:
    with pytest.raises(ProtocolError) as refused:
        import_protocol(source)
    return str(refused.value.problems[0])


def clauses(doc: Imported) -> list[tuple[str, str]]:
    return [(c.number, c.text) for c in doc.clauses()]


def test_each_number_once_the_other_language_after_is_refused_saying_how(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(FOLLOWING), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "following.txt:7: import-two-languages-after:" in result.stderr
    assert "--take 1 for the one printed first ('1. Cyflwyniad' ...)" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("take", [1, 2])
def test_each_number_once_either_language_taken_with_its_numbers(take: int) -> None:
    doc = import_protocol(FOLLOWING, take)
    text = FOLLOWING.read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    numbered = [b.split(" ", 1) for b in blocks if b[:1].isdigit() and "." in b.split(" ")[0][:-1]]
    # every paragraph numbered as printed, its words the chosen language's
    assert [n for n, _ in clauses(doc)] == [n for n, _ in numbered]
    welsh = {words for _, words in numbered}
    english = {b for b in blocks[2:] if not b[:1].isdigit()}
    for _, words in clauses(doc):
        assert (words in welsh) if take == 1 else (words in english)
    assert [s.title for s in doc.sections] == (
        ["Cyflwyniad", "Cyngor gan swyddogion"]
        if take == 1
        else ["Introduction", "Advice from officers"]
    )
    # a paragraph's further paragraph goes with it, in its own language
    further = doc.clauses()[-1].after.paragraphs
    assert further == (
        ["Bydd y swyddog yn ateb o fewn deg diwrnod gwaith."]
        if take == 1
        else ["The officer will reply within ten working days."]
    )
    left = {line.text for line, _ in doc.left_out}
    assert ("This protocol describes" in " ".join(left)) == (take == 1)


def test_an_odd_count_of_paragraphs_after_a_number_stops(tmp_path: Path) -> None:
    """Which of three paragraphs after 2.3 are Welsh cannot be told: a clear refusal."""
    source = tmp_path / "protocol.txt"
    text = FOLLOWING.read_text(encoding="utf-8")
    source.write_text(
        text.replace("The officer will reply within ten working days.\n", ""), "utf-8"
    )
    assert "protocol.txt:29: import-language-unpaired:" in refusal(source)
    assert "but 2.3 is followed by an odd count" in refusal(source)


def test_one_language_with_a_further_paragraph_after_each_number_is_one_language(
    tmp_path: Path,
) -> None:
    """The same shape in one language (each paragraph followed by one more) is no pair of
    languages: its words are the same language's, so it imports as printed."""
    source = tmp_path / "protocol.txt"
    paragraphs = [
        "Members should treat officers with courtesy and respect at all meetings.",
        "This applies to the meetings of the Council and of its committees alike.",
        "Officers should give members advice that is impartial and timely.",
        "The advice should be given in writing where the member asks for it.",
        "Members may ask officers for the information they need for their role.",
        "The officer should reply to the member within ten working days of the request.",
        "Officers should not be asked to act against their professional duties.",
        "A member who is unsure of an officer's duties should ask the Monitoring Officer.",
    ]
    body = "".join(
        f"1.{n // 2 + 1} {p}\n\n" if n % 2 == 0 else f"{p}\n\n" for n, p in enumerate(paragraphs)
    )
    source.write_text(f"Protocol\n\n1. Working together\n\n{body}", encoding="utf-8")
    doc = import_protocol(source)
    assert [c.number for c in doc.clauses()] == ["1.1", "1.2", "1.3", "1.4"]
    assert not any("language" in why for _, why in doc.left_out)


def test_a_word_table_in_two_languages_is_refused_then_taken(tmp_path: Path) -> None:
    source = tmp_path / "protocol.docx"
    table_docx(source)
    said = refusal(source)
    assert "protocol.docx:2: import-two-columns:" in said
    assert "--take 1 for the left-hand column ('1. Cyflwyniad' ...)" in said
    (_, _), *printed = rows()
    for take in (1, 2):
        doc = import_protocol(source, take)
        wanted = [cells[take - 1] for cells in printed if "." in cells[0].split(" ")[0][:-1]]
        assert [f"{n} {words}" for n, words in clauses(doc)] == wanted
        left = [line.text for line, _ in doc.left_out]
        assert left == [cells[2 - take] for cells in printed]


def test_a_pdf_in_two_columns_of_two_languages_is_refused(tmp_path: Path) -> None:
    """Its text runs each line of the Welsh column into the English one beside it: no
    language can be read whole, so the import stops, naming where and what to import."""
    source = tmp_path / "protocol.pdf"
    columns_pdf(source)
    said = refusal(source)
    assert "import-two-columns-pdf:" in said
    assert "('Protocol ar Gysylltiadau rhwng Aelodau' ..., beside it 'Protocol on" in said
    assert "at page 1, line 1" in said and "Import the Word file" in said
