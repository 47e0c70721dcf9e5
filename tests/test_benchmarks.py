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
