"""The importer's corpus and scoreboard (benchmarks/corpus*.py, benchmarks/importer.py).

The corpus is made from the reference protocols, which are not ours to publish: like the
importer's other tests, these fail, not skip, without them (../shared/reference, or the
folder CONSTITUTION_REFERENCES names).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import docx
import pypdf
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus
import corpus_files
import importer

GOLD = corpus.load()
FORMS = {spec["form"] for spec in GOLD.values()}


@pytest.fixture(autouse=True)
def _references_present() -> None:
    assert corpus.REFERENCE.is_dir(), (
        f"the reference protocols are expected in {corpus.REFERENCE}: clone this repository "
        "beside the shared/ folder that holds them, or set CONSTITUTION_REFERENCES"
    )


def made(name: str) -> corpus.Document:
    return corpus.make(name, GOLD[name])


@pytest.mark.parametrize("name", sorted(GOLD))
def test_each_document_prints_the_numbers_and_faults_of_its_gold(name: str) -> None:
    """The generator's record of what it printed against the gold written by hand."""
    spec, facts = GOLD[name], corpus.record(made(name))
    sections = [s["number"] for s in facts["sections"]]
    if spec["sections"] == "unnumbered":
        assert set(sections) == {""}
    else:
        assert sections == corpus.expand(spec["sections"])[0]
    gold = corpus.expand(spec["clauses"])
    printed: dict[str, list[str]] = {}
    for clause in facts["clauses"]:
        printed.setdefault(clause["section"], []).append(clause["number"])
    if len(gold) == 1:  # one run of numbers through the document
        assert [c["number"] for c in facts["clauses"]] == gold[0]
    else:  # numbered afresh under each heading
        assert list(printed.values()) == gold
    assert sorted(facts["faults"]) == sorted(spec.get("faults", []))
    assert facts["refused"] == spec.get("refused", False)
    assert all(clause["words"] for clause in facts["clauses"])


def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_file_shows_the_printed_numbers_in_order(form: str, tmp_path: Path) -> None:
    name = next(name for name, spec in GOLD.items() if spec["form"] == form)
    document = made(name)
    path, facts = corpus_files.write(document, tmp_path)
    text = text_of(path)
    if form == "docx-numbering":  # Word draws the numbers: one level a kind of part
        levels = Counter(
            p._p.pPr.numPr.ilvl.val
            for p in docx.Document(str(path)).paragraphs
            if p._p.pPr is not None and p._p.pPr.numPr is not None
        )
        assert (levels[0], levels[1]) == (len(facts["sections"]), len(facts["clauses"]))
        assert not re.search(r"(?m)^\d+\.\d+ ", text)
        return
    at = 0
    for part in document.parts:
        if part.kind in ("section", "clause") and part.label:
            found = re.compile(rf"(?m)^\s*{re.escape(part.label)}\s").search(text, at)
            assert found, f"{name}: {part.label} is not printed after offset {at}"
            at = found.end()


def test_word_keeps_revisions_tracked(tmp_path: Path) -> None:
    document = made("c03-word-tracked")
    path, facts = corpus_files.write(document, tmp_path)
    xml = docx.Document(str(path)).element.xml
    for _, old, new in document.revisions:
        assert f">{old}</w:delText>" in xml
        assert not new or f">{new}</w:t>" in xml
    accepted = next(c for c in facts["clauses"] if c["number"] == "3.17")["words"]
    assert "their" in accepted and "his" not in accepted


def test_the_draft_shows_its_residue_and_the_report_its_appendix(tmp_path: Path) -> None:
    path, facts = corpus_files.write(made("c04-text-draft-residue"), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert facts["residue"] and all(residue in text for residue in facts["residue"])
    assert "Officers serve Officers and employees serve the Council" in text
    path, facts = corpus_files.write(made("c06-pdf-committee-report"), tmp_path)
    pages = pypdf.PdfReader(path).pages
    appendix = pages[facts["protocol_page"] - 1].extract_text()
    assert "Appendix A: the Protocol as revised" in appendix
    assert "Report to the Standards Committee" in pages[0].extract_text()
    assert len(facts["furniture"]) == 2 * len(pages)  # a head and a foot on every page


def test_a_word_is_a_run_of_letters_or_digits_and_a_list_label_is_not() -> None:
    assert corpus.words("- (a) The Council’s 10.4 rule;\n  b. £10.50\n• item") == [
        "The",
        "Council's",
        "10",
        "4",
        "rule",
        "10",
        "50",
        "item",
    ]
    assert [importer.dotted(n) for n in ("(1)", "5.5 – 3.8.", "5.5 – 12 – 1", "3.")] == [
        "1",
        "3.8",
        "12.1",
        "3",
    ]


def perfect(facts: dict[str, object]) -> importer.Imported:
    """What an importer that gets everything right would make of a document."""
    clauses = [
        importer.Clause(c["number"], c["number"], list(c["words"])) for c in facts["clauses"]
    ]
    faults = [tuple(f.split("@")) for f in facts["faults"]]
    kinds = {"skip": "skipped-number", "jump": "numbering-jump"}
    reports = [(kinds.get(k, f"{k}-number"), n) for k, n in faults]
    return importer.Imported(
        0,
        "",
        [(s["number"], importer.title_key(s["title"])) for s in facts["sections"]],
        clauses,
        Counter(facts["words"]) + Counter(corpus.words("\n".join(facts["furniture"]))),
        reports,
    )


def test_the_scores_of_a_perfect_import_and_of_a_damaged_one(tmp_path: Path) -> None:
    path, facts = corpus_files.write(made("c09-text-from-section-3"), tmp_path)
    best = importer.score(path, facts, perfect(facts))
    assert best.figures == {
        "faults": "0/0",
        "spurious": "0/0",
        "sections R": "100.0",
        "sections P": "100.0",
        "numbers R": "100.0",
        "numbers P": "100.0",
        "word-exact": "100.0",
        "words in": str(len(facts["words"])),
        "lost": "0",
        "invented": "0",
        "published": "100.0",
    }
    damaged = perfect(facts)
    lost = damaged.clauses.pop(3)  # a paragraph merged into the one before, unnumbered
    damaged.clauses[2].words += lost.words
    damaged.clauses[0].published = "1.1"  # published from 1, printed 3.1
    replaced, damaged.clauses[1].words[0] = damaged.clauses[1].words[0], "Councillors"
    damaged.words.update({"Councillors": 1, replaced: -1})  # a word changed
    damaged.reports.append(("duplicate-number", "4.1"))  # a fault that is not there
    worse = importer.score(path, facts, damaged)
    clauses = len(facts["clauses"])
    assert worse.figures["numbers R"] == f"{100 * (clauses - 1) / clauses:.1f}"
    assert worse.figures["numbers P"] == "100.0"
    assert worse.figures["word-exact"] == f"{100 * (clauses - 3) / clauses:.1f}"
    assert worse.figures["published"] == f"{100 * (clauses - 2) / clauses:.1f}"
    assert (worse.figures["lost"], worse.figures["invented"]) == ("1", "1")
    assert worse.figures["spurious"] == "1/1"
    assert worse.inexact == ["3.2", "4.1"]
    assert (worse.lost, worse.invented) == ([replaced], ["Councillors"])


def test_planted_faults_are_matched_by_kind_and_number(tmp_path: Path) -> None:
    path, facts = corpus_files.write(made("c10-text-numbering-faults"), tmp_path)
    imported = perfect(facts)
    imported.reports = [
        ("numbering-jump", "6.4"),
        ("duplicate-number", "5.3"),
        ("numbering-jump", "5.3"),  # the same cause again
        ("skipped-number", "8.5"),
        ("missing-reference", "9.9"),  # not a numbering fault: neither found nor spurious
    ]
    scored = importer.score(path, facts, imported)
    assert scored.found == ["jump@6.4", "duplicate@5.3", "skip@8.5"]
    assert scored.missed == ["skip@11"] and scored.spurious == ["numbering-jump@5.3"]
    assert (scored.figures["faults"], scored.figures["spurious"]) == ("3/4", "1/4")


ROW = re.compile(r"^(c\d\d-\S+)\s+(\d+)((?:\s+\S+){11})$", re.M)


def test_the_benchmark_imports_a_document_and_prints_its_figures() -> None:
    """Computed, not good: each figure is there, and a percentage is one."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "importer.py"), "c09", "c04"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = {m.group(1): (m.group(2), m.group(3).split()) for m in ROW.finditer(result.stdout)}
    assert rows.keys() == {"c09-text-from-section-3", "c04-text-draft-residue"}, result.stdout
    code, figures = rows["c09-text-from-section-3"]
    assert code == "0"
    assert all(0 <= float(f) <= 100 for f in figures[:5] + figures[8:9]), figures
    assert int(figures[5]) > 4000 and int(figures[6]) >= 0 and int(figures[7]) >= 0
    assert re.fullmatch(r"\d+/0", figures[9]) and re.fullmatch(r"\d+/\d+", figures[10])
    code, figures = rows["c04-text-draft-residue"]  # refused: only its faults count
    assert code != "0" and figures[:9] == ["-"] * 9 and re.fullmatch(r"[0-5]/5", figures[9])
    assert "Goals on every document" in result.stdout
