"""The importer's defect report, references and modality on four protocols written for a
blind trial (tests/import_faults16, made by import_faults16.py), each against the gold
written before the importer ran: every planted fault reported once, as its root cause,
nothing else reported of the numbering; every reference linked to the paragraph it
means, or listed with its line, never linked elsewhere or left silently; every
paragraph's modality the careful reader's.

`python tests/test_import_faults16.py` prints the figures the README records."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from constitution.import_model import Imported as ImportedDocument
from constitution.import_myst import render
from constitution.importer import import_protocol
from import_faults16 import NAMES, SOURCES, handed_over

Gold = dict[str, Any]
IMPORT = (sys.executable, "-m", "constitution", "import")
ROLE = re.compile(r"\{para\}`([^`<]*?)\s*<([^>`]+)>`")


@dataclass
class Imported:
    report: dict[str, Any]
    text: str  # every clause's words, each role shown as its label, as a reader reads it
    links: list[tuple[int, int, str]]  # (start, end, ID) of each role's label in ``text``


def gold(name: str) -> Gold:
    path = SOURCES / "golds" / f"{name.split('.')[0]}.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def imported(name: str, folder: Path) -> Imported:
    return imported_file(handed_over(name, folder), folder)


def imported_file(source: Path, folder: Path) -> Imported:
    """`constitution import` run as a person runs it: its JSON report and the words it
    wrote, with where each reference it linked stands."""
    out, report = folder / "out", folder / "report.json"
    result = subprocess.run(
        [*IMPORT, str(source), "--out", str(out), "--report-json", str(report)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md")))
    text, links, at = "", [], 0
    for match in ROLE.finditer(written):
        text += written[at : match.start()]
        links.append((len(text), len(text) + len(match[1]), match[2]))
        text += match[1]
        at = match.end()
    text += written[at:]
    return Imported(json.loads(report.read_text(encoding="utf-8")), text, links)


def clause_ids(doc: Imported) -> dict[int, str]:
    """Each paragraph's ID by the line its number is printed on."""
    return {c["line"]: c["id"] for s in doc.report["sections"] for c in s["clauses"]}


# The defect report


def reference_kind(kind: str) -> bool:
    return kind.endswith("-reference")


def found_by(fault: Gold, defect: dict[str, Any]) -> bool:
    """Whether a defect reports the planted fault: a reference to nothing by a
    missing-reference naming its number at its line; a numbering fault by a report of
    the numbering at its line (or, for a paragraph moved, the moved paragraph's)."""
    if fault["kind"] == "reference-to-nothing":
        return (defect["kind"], defect["line"], defect["number"]) == (
            "missing-reference",
            fault["line"],
            fault["number"],
        )
    lines = {fault["line"], fault.get("also", {}).get("line")}
    return not reference_kind(defect["kind"]) and defect["line"] in lines


def lists(reference: Gold, defect: dict[str, Any]) -> bool:
    """Whether a defect lists the reference: at its line, naming its number."""
    return (
        reference_kind(defect["kind"])
        and defect["line"] == reference["line"]
        and bool(re.search(rf"(?<![\w.]){re.escape(defect['number'])}", reference["words"]))
    )


def defect_scores(doc: Imported, data: Gold) -> Counter[str]:
    """Planted faults found (each by one report) and missed; reports that are no planted
    fault and list none of the gold's references are spurious, as is a second report of
    a fault already reported (a consequence not folded under its cause)."""
    scores: Counter[str] = Counter()
    reported: set[int] = set()
    for fault in data["faults"]:
        matched = [i for i, d in enumerate(doc.report["defects"]) if found_by(fault, d)]
        scores["found" if matched else "missed"] += 1
        reported.update(matched[:1])
    for i, defect in enumerate(doc.report["defects"]):
        if i in reported:
            continue
        if not any(lists(r, defect) for r in data["references"]):
            scores["spurious"] += 1
    return scores


# References


def reference_outcome(doc: Imported, data: Gold, reference: Gold) -> str:
    """right (linked to the paragraphs meant; another document's, a paragraph's own item,
    kept as text), listed (kept as text and listed with its line), wrong (linked to a
    paragraph not meant), silent (kept as text, not listed)."""
    words = r"\s+".join(re.escape(w) for w in reference["words"].split())
    spans = [m.span() for m in re.finditer(words, doc.text)]
    assert len(spans) == 1, (reference["words"], spans)
    start, end = spans[0]
    linked = [ident for a, b, ident in doc.links if a < end and b > start]
    ids = clause_ids(doc)
    meant = reference["means"]
    if isinstance(meant, list):
        if linked:
            return "right" if linked == [ids.get(p["line"]) for p in meant] else "wrong"
    elif linked:
        return "wrong"
    elif meant in ("outside", "own-item"):
        return "right"
    listed = any(lists(reference, d) for d in doc.report["defects"])
    return "listed" if listed else "silent"


def item_only(reference: Gold) -> bool:
    """A reference to another paragraph's item by its letter alone ("(b) above"): a link
    would print that paragraph's number for "(b)", so listing it is right."""
    return isinstance(reference["means"], list) and not re.search(r"\d", reference["words"])


def ambiguous(data: Gold, reference: Gold) -> bool:
    """A reference to a number the document prints twice: only its words tell which is
    meant, so listing it is right."""
    twice = {f["number"] for f in data["faults"] if f["kind"] == "duplicate-number"}
    return any(re.search(rf"(?<![\w.]){re.escape(n)}(?![\w.])", reference["words"]) for n in twice)


# Modality


def modality_outcomes(doc: Imported, data: Gold) -> list[tuple[str, str, str]]:
    """(number and line, the gold's modality, the import's) for each paragraph."""
    guessed = {c["line"]: c["modality"] for s in doc.report["sections"] for c in s["clauses"]}
    return [
        (f"{p['number']} at line {p['line']}", p["modality"], guessed.get(p["line"], "-"))
        for p in data["paragraphs"]
    ]


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    return {name: imported(name, tmp_path_factory.mktemp(name)) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_each_planted_fault_is_reported_once_and_nothing_else(
    trial: dict[str, Imported], name: str
) -> None:
    scores = defect_scores(trial[name], gold(name))
    assert (scores["missed"], scores["spurious"]) == (0, 0), trial[name].report["defects"]


@pytest.mark.parametrize("name", NAMES)
def test_each_reference_is_linked_right_or_listed(trial: dict[str, Imported], name: str) -> None:
    data = gold(name)
    outcomes = [(r["words"], reference_outcome(trial[name], data, r)) for r in data["references"]]
    expected = [
        (
            r["words"],
            "listed"
            if r["means"] == "unresolvable"
            or str(r["means"]).startswith("section")
            or ambiguous(data, r)
            or item_only(r)
            else "right",
        )
        for r in data["references"]
    ]
    assert outcomes == expected


@pytest.mark.parametrize("name", NAMES)
def test_each_paragraphs_modality_is_read_from_its_verbs(
    trial: dict[str, Imported], name: str
) -> None:
    outcomes = modality_outcomes(trial[name], gold(name))
    assert [o for o in outcomes if o[1] != o[2]] == []


def test_the_gold_names_every_paragraph_and_reference_the_source_prints() -> None:
    """The golds are the documents': each paragraph's number begins its line, each
    reference's words stand on theirs."""
    for name in NAMES:
        source = SOURCES / (f"{name}.txt" if name.endswith(".docx") else name)
        lines = source.read_text(encoding="utf-8").splitlines()
        if name.endswith(".docx"):  # "p: 1.1 ...", a Word paragraph's words after its kind
            lines = [line.partition(": ")[2] for line in lines]
        data = gold(name)
        for paragraph in data["paragraphs"]:
            assert lines[paragraph["line"] - 1].startswith(paragraph["number"]), (name, paragraph)
        for reference in data["references"]:
            assert reference["words"] in lines[reference["line"] - 1], (name, reference)


# Beside the trial, each rule in a few lines of its own.


def read(tmp_path: Path, text: str) -> ImportedDocument:
    """The import of a protocol of these words, as a text file."""
    source = tmp_path / "p.txt"
    source.write_text(text, encoding="utf-8")
    return import_protocol(source)


def defects_of(tmp_path: Path, text: str) -> list[tuple[str, str, int, list[str]]]:
    return [
        (d.kind, d.number, d.where.line if d.where else 0, d.consequences)
        for d in read(tmp_path, text).defects
    ]


BACK = "numbering goes back"
SECTION_2 = "2. Gifts\n\n2.1 Gifts are declared.\n\n2.2 Hospitality is declared.\n\n"


@pytest.mark.parametrize(
    ("numbers", "said"),
    [
        # 2.4 moved up before 2.2 and not renumbered: the numbers go back once, one fault
        (
            ["2.1", "2.4", "2.2", "2.3", "2.5"],
            [("numbering-jump", "2.4", 9, ["so numbering goes back from 2.4 to 2.2 at line 11"])],
        ),
        # two paragraphs swapped
        (
            ["2.1", "2.3", "2.2", "2.4"],
            [("numbering-jump", "2.3", 9, ["so numbering goes back from 2.3 to 2.2 at line 11"])],
        ),
        # a number printed again further on: one fault, not also a going back
        (["2.1", "2.2", "2.3", "2.1"], [("duplicate-number", "2.1", 13, [])]),
        # a going back with no skip just before it into which it goes: a fault of its own
        (["2.1", "2.2", "2.3", "1.9"], [("numbering-jump", "1.9", 13, [])]),
        # the moved paragraph, and 2.4 left out: two faults
        (
            ["2.1", "2.2", "2.5", "2.3", "2.6"],
            [
                ("numbering-jump", "2.5", 11, [f"so {BACK} from 2.5 to 2.3 at line 13"]),
                ("skipped-number", "2.6", 15, []),
            ],
        ),
    ],
)
def test_a_paragraph_moved_and_not_renumbered_is_one_fault(
    tmp_path: Path, numbers: list[str], said: list[tuple[str, str, int, list[str]]]
) -> None:
    paragraphs = "".join(f"{n} Members and officers act with care.\n\n" for n in numbers)
    text = f"1. Scope\n\n1.1 It applies.\n\n2. Conduct\n\n{paragraphs}"
    assert defects_of(tmp_path, text) == said


def test_a_section_printed_with_anothers_numbers_is_one_fault(tmp_path: Path) -> None:
    """Section 3's paragraphs printed 2.1 to 2.3, after section 2's 2.1 and 2.2: one
    fault at the first, the rest (in section 3 too, numbered as section 2's) under it."""
    text = (
        f"1. Scope\n\n1.1 It applies.\n\n{SECTION_2}3. Contact\n\n2.1 Members ask.\n\n"
        "2.2 Officers answer.\n\n2.3 Answers are kept.\n\n4. Review\n\n4.1 It is reviewed.\n"
    )
    [(kind, number, line, consequences)] = defects_of(tmp_path, text)
    assert (kind, number, line) == ("numbering-jump", "2.1", 13)
    assert consequences == [
        "so 2.1 at line 13 is numbered the same as the paragraph at line 7",
        "so 2.2 at line 15 also sits in section 3",
        "so 2.2 at line 15 is numbered the same as the paragraph at line 9",
        "so 2.3 at line 17 also sits in section 3",
    ]


def test_a_paragraph_cited_by_its_sections_number_and_an_item_above(tmp_path: Path) -> None:
    """Where sections number their paragraphs "(1)", "paragraph 1(2)" is section 1's (2),
    linked; "(b) above" with no (b) of its own names the item (b) of the paragraph
    above, listed naming it, the words kept."""
    doc = read(
        tmp_path,
        "1. Requests\n\n(1) Members ask officers.\n\n(2) Officers will:\n\n(a) reply;\n\n"
        "(b) reply in ten days.\n\n(3) The time in (b) above is in working days.\n\n"
        "2. Review\n\n(1) It is reviewed under paragraph 1(2).\n\n(2) It is published.\n",
    )
    written = "".join(render(doc, "MOP").values())
    assert "under paragraph {para}`1(2) <MOP-0002>`." in written
    assert "The time in (b) above is in working days." in written
    [said] = [d for d in doc.defects if d.kind.endswith("reference")]
    assert (said.kind, said.number, said.where and said.where.line) == ("item-reference", "(b)", 11)
    assert "item (b) of paragraph (2) at line 5" in said.message


def figures(folder: Path) -> None:
    """The trial's figures, a row a document, as the README records them."""
    print(
        "| document | faults found | missed | spurious | references right | listed | wrong "
        "| silent | modality right |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in NAMES:
        data = gold(name)
        doc = imported(name, folder / name)
        faults = defect_scores(doc, data)
        refs = Counter(reference_outcome(doc, data, r) for r in data["references"])
        modal = modality_outcomes(doc, data)
        right = sum(o[1] == o[2] for o in modal)
        print(
            f"| {name} | {faults['found']}/{len(data['faults'])} | {faults['missed']} "
            f"| {faults['spurious']} | {refs['right']} | {refs['listed']} | {refs['wrong']} "
            f"| {refs['silent']} | {right}/{len(modal)} |"
        )
        for reference in data["references"]:
            outcome = reference_outcome(doc, data, reference)
            if outcome not in ("right",):
                print(f"    reference line {reference['line']} {reference['words']!r}: {outcome}")
        misses(modal, doc.report["defects"])


def misses(modal: list[tuple[str, str, str]], defects: list[dict[str, Any]]) -> None:
    """Print each paragraph whose modality is not the gold's, and every report."""
    for number, meant, guessed in modal:
        if meant != guessed:
            print(f"    modality of {number}: {guessed}, the gold's {meant}")
    for defect in defects:
        print(f"    defect line {defect['line']} {defect['kind']} {defect['number']}")


def print_figures(names: list[str], figures: Callable[[Path], None]) -> None:
    """A trial's figures, each document imported in a folder of its own."""
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            (Path(folder) / name).mkdir()
        figures(Path(folder))


if __name__ == "__main__":
    print_figures(NAMES, figures)
