"""Benchmark: a revision drafted outside the project, imported against the protocol it
revises (`constitution import FILE --revision`), scored on how its paragraphs are
matched to their permanent IDs.

    python benchmarks/revision.py [--keep DIR]   (or: nox -s bench_revision)

For each reference protocol, laid out as published (text, numbered as printed): `init`
brings it in; then a revision made from it, as a council's officers would redraft it in
Word (paragraphs reworded, two removed, two inserted, one moved to another section, and
every section's paragraphs renumbered), is imported into that repository with
`--revision`. The generator knows which paragraph each revised one was; the benchmark
prints, for each reference, the precision and recall of the matches, the new paragraphs
given new IDs, and the removed ones proposed for revocation.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from corpus import Document, Para, Part, make
from corpus_files import write_text

REFERENCES = ("001_f65b78a89e8b4a6d.txt", "002_9b001c75f7495e69.txt", "003_9285d659a8278580.txt")
# Written for this benchmark: paragraphs a revision inserts.
INSERTED = (
    "Officers must record each enquiry from a member in the enquiry log on the day it is received.",
    "A member who is unsure whether a request to an officer is proper should ask the "
    "Monitoring Officer before making it.",
)


def revise(document: Document) -> tuple[Document, dict[int, str], set[str]]:
    """The revised document; for each of its clauses (by id()), the number it had (""
    if new); and the numbers of the clauses removed."""
    revised = copy.deepcopy(document)
    parts = revised.parts
    clauses = [p for p in parts if p.kind == "clause"]
    was = {id(p): p.number for p in clauses}
    for part in clauses[2::5]:  # reworded: a word changed, a qualification added
        para = part.paras[0]
        para.text = para.text.replace(" the ", " this ", 1).rstrip(".") + ", where practicable."
    removed = {clauses[7].number, clauses[-3].number}
    parts[:] = [p for p in parts if p.kind != "clause" or p.number not in removed]
    moving = clauses[4]
    parts.remove(moving)
    parts.append(moving)  # to the end of the last section
    for text, after in zip(INSERTED, (clauses[10], clauses[-6]), strict=True):
        new = Part("clause", paras=[Para(text)])
        was[id(new)] = ""
        parts.insert(parts.index(after) + 1, new)
    section, count = "", 0
    for part in parts:  # renumbered, as printed
        if part.kind == "section":
            section, count = part.number, 0
        elif part.kind == "clause":
            count += 1
            part.number = part.label = f"{section}.{count}"
    return revised, was, removed


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "constitution", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def clauses(report: Path) -> list[dict[str, str]]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return [c for s in data["sections"] for c in s["clauses"]]


def score(name: str, folder: Path) -> dict[str, object]:
    original = make(name, {"source": name, "form": "text"})
    revised, was, removed = revise(original)
    write_text(original, folder / "original.txt")
    write_text(revised, folder / "revised.txt")
    made = run("init", "repo", "--council", "Testshire", "--from", "original.txt", cwd=folder)
    assert made.returncode == 0, made.stderr
    repo = folder / "repo"
    first = {c["id"]: c["source_number"] for c in clauses(repo / "import-report.json")}
    result = run(
        "import", str(folder / "revised.txt"), "--out", "protocol", "--force", "--revision",
        "--report-json", "revised.json", cwd=repo,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    gold = {
        p.number: was[id(p)] for p in revised.parts if p.kind == "clause"
    }  # revised number -> the number it had
    matched = correct = new_right = 0
    for c in clauses(repo / "revised.json"):
        if c["source_number"] not in gold:  # a paragraph the gold has as unnumbered text
            continue
        before = first.get(c["id"])
        expected = gold[c["source_number"]]
        if before is None:
            new_right += expected == ""
            continue
        matched += 1
        correct += before == expected
    register = repo / "protocol" / "retired.toml"
    retired = tomllib.loads(register.read_text(encoding="utf-8")) if register.exists() else {}
    proposed = {first[i] for i in retired}
    should = sum(1 for number in gold.values() if number)
    return {
        "reference": name,
        "paragraphs": len(gold),
        "precision": 100 * correct / matched if matched else 0.0,
        "recall": 100 * correct / should if should else 0.0,
        "new": f"{new_right}/{sum(1 for n in gold.values() if not n)}",
        "revoked": f"{len(proposed & removed)}/{len(removed)}"
        + (f" (+{len(proposed - removed)} wrongly)" if proposed - removed else ""),
    }


def main(argv: list[str]) -> int:
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for name in REFERENCES:
            folder = Path(keep or temporary) / name.split("_")[0]
            folder.mkdir(parents=True, exist_ok=True)
            rows.append(score(name, folder))
    print(f"{'reference':28} {'paragraphs':>10} {'precision':>9} {'recall':>7} {'new':>5}  revoked")
    for r in rows:
        print(
            f"{r['reference']:28} {r['paragraphs']:>10} {r['precision']:>9.1f} "
            f"{r['recall']:>7.1f} {r['new']:>5}  {r['revoked']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
