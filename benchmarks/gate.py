"""Benchmark: the traceability gate on the model protocol and on a synthetic 5,000-clause one.

    python benchmarks/gate.py          (or: nox -s bench_gate)

Prints medians of five runs, in-process and as a command (with interpreter start-up).
Goal: under 1 s for 5,000 clauses.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import MODEL, generate

from constitution.check import run_check
from constitution.project import Project

RUNS = 5


def median_seconds(action: object) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(label: str, project: Project) -> str:
    report = run_check(project)
    assert report.ok, f"{label}: the gate found problems"
    inproc = median_seconds(lambda: run_check(project))
    command = median_seconds(
        lambda: subprocess.run(
            [sys.executable, "-m", "constitution", "check"],
            cwd=project.root,
            check=True,
            capture_output=True,
        )
    )
    return f"{label:<28}{report.clauses:>8}{report.scenarios:>11}{inproc:>12.3f}{command:>12.3f}"


def main() -> None:
    print(f"constitution check, median of {RUNS} runs (seconds)")
    print(f"{'protocol':<28}{'clauses':>8}{'scenarios':>11}{'in-process':>12}{'command':>12}")
    print(measure("model protocol", Project(MODEL)))
    with tempfile.TemporaryDirectory() as tmp:
        print(measure("synthetic", Project(generate(5000, Path(tmp) / "p"))))


if __name__ == "__main__":
    main()
