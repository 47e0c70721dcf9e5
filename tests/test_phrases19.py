"""A blind benchmark of modality and references as councils write them (tests/phrases19,
written before the importer's code was read): each paragraph's modality as a careful
Monitoring Officer tags it, guessed by `guess_modality` and by an import; each reference
of a protocol linked to the paragraphs it names, or kept as text and listed with its
line, never linked elsewhere or left silently; no time, sum, room or measurement linked.

`python tests/test_phrases19.py` prints the figures tests/phrases19/README.md records."""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from constitution.modality import guess_modality
from test_import_faults16 import ROLE, imported_file, reference_kind

HERE = Path(__file__).parent / "phrases19"
MODALITIES = ("must", "must-not", "should", "may", "informative")
Gold = dict[str, Any]

# The floors: the figures measured after the fixes (tests/phrases19/README.md), and again
# after tests/phrases20's (its README); the test fails if any falls.
EASY_RIGHT = 154  # of the 155 paragraphs not marked hard
ALL_RIGHT = 170  # of all 184
REFERENCES_RIGHT = 62  # of 62: none listed, wrong or silent


def paragraphs(here: Path = HERE) -> list[Gold]:
    return list(json.loads((here / "modality.json").read_text(encoding="utf-8")))


def references(here: Path = HERE) -> Gold:
    return dict(json.loads((here / "references.json").read_text(encoding="utf-8")))


# Modality


def modality_misses(rows: list[Gold]) -> list[tuple[str, str, str]]:
    """(id, the gold's modality, the guess) of each paragraph guessed otherwise."""
    guessed = ((r, guess_modality(r["text"]).modality) for r in rows)
    return [(r["id"], r["gold"], g) for r, g in guessed if g != r["gold"]]


def covers_every_modality(rows: list[Gold], least: int) -> None:
    """At least ``least`` paragraphs, of every modality, a tenth to a fifth marked hard."""
    assert len(rows) >= least
    assert {r["gold"] for r in rows} == set(MODALITIES)
    assert 0.1 <= sum(r["hard"] for r in rows) / len(rows) <= 0.2


def right_at_least(rows: list[Gold], floor: int) -> None:
    assert len(rows) - len(modality_misses(rows)) >= floor, modality_misses(rows)


def test_the_benchmark_covers_every_modality_and_marks_its_hard_cases() -> None:
    covers_every_modality(paragraphs(), 160)


def test_modality_is_the_careful_readers_on_the_paragraphs_not_marked_hard() -> None:
    right_at_least([r for r in paragraphs() if not r["hard"]], EASY_RIGHT)


def test_modality_is_the_careful_readers_on_every_paragraph() -> None:
    right_at_least(paragraphs(), ALL_RIGHT)


def sample_protocol(rows: list[Gold]) -> str:
    """A protocol of one section whose numbered paragraphs are ``rows``' texts."""
    body = "".join(f"1.{i} {r['text']}\n\n" for i, r in enumerate(rows, 1))
    return f"PROTOCOL\n\n1. Sample\n\n{body}"


def test_an_import_guesses_each_paragraph_as_guess_modality_does(tmp_path: Path) -> None:
    """The import's modality of a paragraph is the guess of its words: one rule, not
    two (a sample of the benchmark: one-line paragraphs that are sentences, a heading's
    words being a heading)."""
    import_guesses_as_guess_modality(sentences(paragraphs())[::4], tmp_path)


def sentences(rows: list[Gold]) -> list[Gold]:
    """The paragraphs of one line that are sentences."""
    return [r for r in rows if "\n" not in r["text"] and r["text"].endswith(".")]


def import_guesses_as_guess_modality(rows: list[Gold], tmp_path: Path) -> None:
    source = tmp_path / "sample.txt"
    source.write_text(sample_protocol(rows), encoding="utf-8")
    doc = imported_file(source, tmp_path)
    (section,) = doc.report["sections"]
    assert [c["modality"] for c in section["clauses"]] == [
        guess_modality(r["text"]).modality for r in rows
    ]


def confusion(rows: list[Gold]) -> dict[tuple[str, str], int]:
    """(gold, guess) -> how many paragraphs."""
    return Counter((r["gold"], guess_modality(r["text"]).modality) for r in rows)


# References


def clause_texts(folder: Path) -> dict[str, tuple[str, list[tuple[int, int, str]]]]:
    """Each clause's words as a reader reads them, by ID, with where each {para} role's
    label stands in them and the ID it links to."""
    found = {}
    for page in sorted((folder / "out").glob("*.md")):
        written = page.read_text(encoding="utf-8")
        for m in re.finditer(r"```\{clause\} (\S+)\n(?::[^\n]*\n)*\n(.*?)\n```", written, re.S):
            text, links, at = "", [], 0
            for role in ROLE.finditer(m[2]):
                text += m[2][at : role.start()]
                links.append((len(text), len(text) + len(role[1]), role[2]))
                text += role[1]
                at = role.end()
            found[m[1]] = (text + m[2][at:], links)
    return found


def outcomes(
    folder: Path, here: Path = HERE
) -> tuple[list[tuple[Gold, str]], list[tuple[Gold, str]]]:
    """Each gold reference's outcome (right, listed, wrong, silent) and each look-alike's
    (plain, linked, listed), from an import of ``here``'s references.txt into ``folder``."""
    doc = imported_file(here / "references.txt", folder)
    data = references(here)
    clauses = [c for s in doc.report["sections"] for c in s["clauses"]]
    ids = {c["source_number"]: c["id"] for c in clauses}
    texts = clause_texts(folder)

    def clause_at(line: int) -> Gold:
        """The paragraph a line stands in: the last to begin at or before it."""
        return max((c for c in clauses if c["line"] <= line), key=lambda c: c["line"])

    cursor: dict[str, int] = {}
    items = sorted(
        [(r, "reference") for r in data["references"]]
        + [(r, "look-alike") for r in data["look_alikes"]],
        key=lambda rk: (rk[0]["line"], source_column(rk[0], here)),
    )
    refs, looks = [], []
    for item, kind in items:
        ident = clause_at(item["line"])["id"]
        text, links = texts[ident]
        words = r"\s+".join(re.escape(w) for w in item["text"].split())
        m = re.compile(rf"(?<![\w.]){words}(?![\w])").search(text, cursor.get(ident, 0))
        assert m, (item, text[cursor.get(ident, 0) :])
        cursor[ident] = m.end()
        linked = [i for a, b, i in links if a < m.end() and b > m.start()]
        listed = any(
            reference_kind(d["kind"])
            and d["line"] == item["line"]
            and re.search(rf"(?<![\w.]){re.escape(d['number'])}(?![\w])", item["text"])
            for d in doc.report["defects"]
        )
        if kind == "look-alike":
            looks.append((item, "linked" if linked else "listed" if listed else "plain"))
        else:
            refs.append(
                (
                    item,
                    reference_outcome(
                        item, linked, listed, ids, clause_at(item["line"])["source_number"]
                    ),
                )
            )
    return refs, looks


def source_column(item: Gold, here: Path) -> int:
    """Where the words first stand on their line of references.txt (the gold lists a
    line's references in their order)."""
    line = (here / "references.txt").read_text(encoding="utf-8").splitlines()[item["line"] - 1]
    return line.find(item["text"])


def reference_outcome(
    reference: Gold, linked: list[str], listed: bool, ids: dict[str, str], own: str
) -> str:
    """right: linked to the paragraphs named, each as its words print it (an item to its
    paragraph; a paragraph's own item by its letter, another document's, kept as text; a
    section, a paragraph the document lacks, kept as text and listed); listed: kept as
    text and listed where a link was meant; wrong: linked elsewhere; silent: kept as text
    and listed nowhere."""
    names = reference["names"]
    if names == "paragraphs":
        if linked:
            return "right" if linked == [ids.get(n) for n in written(reference)] else "wrong"
        if own_item(reference, own):
            return "right"
        return "listed" if listed else "silent"
    if linked:
        return "wrong"
    if names == "external" or listed:
        return "right"
    return "silent"


def written(reference: Gold) -> list[str]:
    """The paragraphs a reference names that its words print, each linked (a range's
    ends: "paragraphs 6.1 to 6.3" links 6.1 and 6.3, its words kept as printed); an
    item's, its paragraph's number."""
    bases = (n.split("(")[0] for n in reference["numbers"])
    return [n for n in bases if re.search(rf"(?<![\w.]){re.escape(n)}(?![\d])", reference["text"])]


def own_item(reference: Gold, own: str) -> bool:
    """A paragraph's item cited by its letter alone within that paragraph (numbered
    ``own``): the words stay as printed (a link would print the paragraph's number)."""
    named = reference["numbers"]
    return all(n.startswith(f"{own}(") for n in named) and not re.search(r"\d", reference["text"])


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], list[Any]]:
    return outcomes(tmp_path_factory.mktemp("phrases19"))


def holds_every_kind_of_reference(data: Gold, least: int) -> None:
    assert len(data["references"]) >= least
    assert {r["names"] for r in data["references"]} == {
        "paragraphs",
        "sections",
        "external",
        "missing",
    }


def test_the_protocol_holds_the_references_and_look_alikes_the_brief_asks_for() -> None:
    holds_every_kind_of_reference(references(), 60)


def test_every_reference_is_linked_right_or_listed_never_wrong_or_silent(
    scored: tuple[list[Any], list[Any]],
) -> None:
    none_wrong_or_silent(scored[0], REFERENCES_RIGHT)


def none_wrong_or_silent(refs: list[Any], floor: int) -> None:
    """No reference linked elsewhere or left unreported; at least ``floor`` right."""
    counts = Counter(o for _, o in refs)
    assert counts["wrong"] == 0 and counts["silent"] == 0, [
        (r["line"], r["text"], o) for r, o in refs if o in ("wrong", "silent")
    ]
    assert counts["right"] >= floor, [(r["text"], o) for r, o in refs if o != "right"]


def test_no_look_alike_is_linked_or_listed(scored: tuple[list[Any], list[Any]]) -> None:
    all_plain(scored[1])


def all_plain(looks: list[Any]) -> None:
    assert [(r["text"], o) for r, o in looks] == [(r["text"], "plain") for r, _ in looks]


def figures(here: Path = HERE) -> None:
    """The figures ``here``'s README records."""
    rows = paragraphs(here)
    easy = [r for r in rows if not r["hard"]]
    print(f"modality right, not hard: {len(easy) - len(modality_misses(easy))}/{len(easy)}")
    print(f"modality right, all: {len(rows) - len(modality_misses(rows))}/{len(rows)}")
    table = confusion(rows)
    print("| gold \\ guess | " + " | ".join(MODALITIES) + " |")
    print("| --- |" + " ---: |" * len(MODALITIES))
    for gold in MODALITIES:
        print(f"| {gold} | " + " | ".join(str(table[gold, g]) for g in MODALITIES) + " |")
    for r in rows:
        guess = guess_modality(r["text"])
        if guess.modality != r["gold"]:
            hard = " (hard)" if r["hard"] else ""
            said = f"{guess.modality} {guess.phrases}"
            print(f"    {r['id']}{hard} {r['gold']} -> {said}: {r['text']!r}")
    with tempfile.TemporaryDirectory() as folder:
        refs, looks = outcomes(Path(folder), here)
    counts = Counter(o for _, o in refs)
    kinds = ("right", "listed", "wrong", "silent")
    print("references: " + ", ".join(f"{counts[k]} {k}" for k in kinds) + f", of {len(refs)}")
    print(*(f"    line {r['line']} {r['text']!r}: {o}" for r, o in refs if o != "right"), sep="\n")
    print(f"look-alikes: {Counter(o for _, o in looks)}")


if __name__ == "__main__":
    figures()
