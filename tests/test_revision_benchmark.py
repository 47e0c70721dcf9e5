"""benchmarks/revision.py: a revision of each reference protocol, imported against it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^(\d{3})_\S+\s+(\d+)\s+(\S+)\s+(\S+)\s+(\d+)/(\d+)\s+(\d+)/(\d+)", re.M)


def test_the_benchmark_matches_every_revision_and_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "revision.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT / "benchmarks",
    )
    rows = {m.group(1): m.groups()[1:] for m in ROW.finditer(result.stdout)}
    assert rows.keys() == {"001", "002", "003"}, result.stdout
    for paragraphs, precision, recall, new, inserted, proposed, removed in rows.values():
        assert int(paragraphs) > 50
        assert float(precision) == 100.0  # no paragraph is given another's ID
        assert 95.0 <= float(recall) <= 100.0
        assert (new, inserted) == ("2", "2") and (proposed, removed) == ("2", "2")
