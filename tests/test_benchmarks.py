"""The benchmark against plain Sphinx runs end to end (small, so that it cannot rot)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

MEASURES = (
    "full build",
    "peak memory (MB)",
    "output files",
    "constitution check",
    "rebuild, one clause edited",
    "editor's loop, one edit",
    "rebuild, one clause inserted",
    "search indexing",
)
DOCUMENT_MEASURES = (
    "check, in-process",
    "check, command",
    "check, its CPU",
    "full build",
    "peak memory (MB)",
)


def test_bench_prints_our_figures_against_plain_sphinx() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "100:1"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = {
        line[9:39].strip(): line[39:].split()
        for line in result.stdout.splitlines()
        if line.strip().startswith("100 ")
    }
    assert set(MEASURES) <= rows.keys(), result.stdout
    for measure in MEASURES:
        ours, plain, ratio = rows[measure]
        assert float(ours) > 0, measure
        if measure != "constitution check":  # the plain project has no gate
            assert float(plain) > 0 and ratio.endswith("x"), measure


def test_bench_documents_prints_a_constitution_against_one_document() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "documents.py"),
            *("--paragraphs", "120", "--documents", "3", "--versions", "1"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    # Both projects hold the same paragraphs (and the one amendment in the draft).
    assert "1 documents, 121 paragraphs" in lines and "3 documents, 121 paragraphs" in lines
    rows = {line[:22].strip(): line[22:].split() for line in lines}
    for measure in DOCUMENT_MEASURES:
        one, many, ratio = rows[measure]
        assert float(one) > 0 and float(many) > 0, measure
        # The ratio of the figures before they were rounded to three places (and itself to two).
        low, high = (
            (float(many) - 5e-4) / (float(one) + 5e-4),
            (float(many) + 5e-4) / (float(one) - 5e-4),
        )
        assert low - 0.005 <= float(ratio.removesuffix("x")) <= high + 0.005, measure


def test_bench_clause_box_prints_the_time_a_clause_against_another_tool() -> None:
    """Run small: the tool against itself as "before", so that the ratio's column shows."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "clause_box.py"),
            *("--paragraphs", "60", "--before", str(ROOT / "src")),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = {line[:22].strip(): line[22:].split() for line in result.stdout.splitlines()[3:]}
    assert rows.keys() == {"model protocol", "synthetic"}, result.stdout
    assert rows["synthetic"][0] == "60"
    for clauses, *drawn in rows.values():
        assert int(clauses) > 0 and len(drawn) == 6  # first drawn, drawn again
        for now, before, ratio in (drawn[:3], drawn[3:]):
            assert float(now) > 0 and float(before) > 0
            assert ratio.endswith("x") and float(ratio[:-1]) > 0


def test_bench_import_speed_prints_each_form_s_time_and_growth() -> None:
    """Run small: two sizes, each form's median seconds, and its growth from the first."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "import_speed.py"), "20", "40"],
        capture_output=True,
        text=True,
        check=True,
    )
    header, *rows = result.stdout.splitlines()[1:]
    assert header.split() == ["paragraphs", "text", "word", "pdf"]
    first, second = (row.split() for row in rows)
    assert first[0] == "20" and len(first) == 4 and all(float(cell) > 0 for cell in first[1:])
    assert second[0] == "40" and len(second) == 7
    for took, grew in zip(second[1::2], second[2::2], strict=True):
        assert float(took) > 0 and grew.startswith("x") and float(grew[1:]) > 0
