"""Benchmark: a constitution of many documents against the same paragraphs as one.

    python benchmarks/documents.py [--paragraphs 5000] [--documents 20] [--versions 5]
                                   (or: nox -s bench_documents)

Generates (benchmarks/generate.py) the paragraphs twice: as one document, the protocol,
and as a constitution of DOCUMENTS documents sharing them (the protocol, with its worked
examples and VERSIONS adopted versions, and the others as drafted, citing one another and
the protocol). For each it gives the gate (`constitution check`) in-process and as a
command as a fresh clone runs it (no store), medians of five runs (the command's CPU
time beside it), one full build (`constitution build`) and its peak memory; then the
constitution's figures over the one document's.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench import PY, run
from gate import RUNS, TOOL, command, cpu_seconds, forget, seconds
from generate import generate

from constitution.check import run_check
from constitution.project import Project

MEASURES = (
    "check, in-process",
    "check, command",
    "check, its CPU",
    "full build",
    "peak memory (MB)",
)


def measure(project: Project, where: Path) -> dict[str, float]:
    report = run_check(project)
    assert report.ok, f"{project.root}: the gate found problems"
    figures = {
        "check, in-process": statistics.median(
            seconds(lambda: run_check(project)) for _ in range(RUNS)
        )
    }
    check = command(project, TOOL)
    check()  # writes the compiled modules
    times = []
    for _ in range(RUNS):
        forget(project)  # each a fresh clone's gate, as CI runs it
        times.append(cpu_seconds(check))
    figures["check, command"] = statistics.median(t[0] for t in times)
    figures["check, its CPU"] = statistics.median(t[1] for t in times)
    cli = (PY, "-m", "constitution", "--project", str(project.root))
    figures["full build"], figures["peak memory (MB)"] = run(*cli, "build", "--out", str(where))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--versions", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = {}
        for count in (1, args.documents):
            project = Project(
                generate(args.paragraphs, Path(tmp, f"p{count}"), args.versions, documents=count)
            )
            entries = project.constitution().entries
            clauses = sum(1 for e in entries for _ in e.document.clauses())
            print(f"{len(entries)} documents, {clauses} paragraphs", flush=True)
            figures[count] = measure(project, Path(tmp, f"site{count}"))
    one, many = figures[1], figures[args.documents]
    print(f"seconds; the gate median of {RUNS} runs, the build one run; {args.versions} versions")
    print(f"{'measure':<22}{'one document':>14}{f'{args.documents} documents':>14}{'ratio':>8}")
    for key in MEASURES:
        print(f"{key:<22}{one[key]:>14.3f}{many[key]:>14.3f}{many[key] / one[key]:>7.2f}x")


if __name__ == "__main__":
    main()
