"""Benchmark: the traceability gate on the model protocol and on a synthetic 5,000-clause one.

    python benchmarks/gate.py                    (or: nox -s bench_gate)
    python benchmarks/gate.py --before OLD/src   the command timed with the tool in OLD/src
                                                 too, runs taken in turn, and the ratio

Prints medians of five runs, in-process and as a command (with interpreter start-up),
each as the time it takes and its CPU time (user and system: the process's own, and the
command's child process's), which a machine busy with other work inflates far less. The
in-process gate runs warm, in a process that has read the project once: it keeps each
unchanged section's parse and the rules file (as the editor's loop does). The command
runs three times a round: as a fresh clone's gate (CI's), its store (_build/.check, see
check_cache.py) removed first, which writes none; then as the clone's second gate, not
timed, which writes it; and then as an editor's later gate, with that store and nothing
changed ("stored"). It runs as an installed tool runs, its
compiled modules cached: a first run, not timed, writes them, even where
PYTHONDONTWRITEBYTECODE would have every run compile the tool's modules again. The
synthetic protocol of 5,000 clauses is measured without adopted versions and with five.
Goal: under 1 s for 5,000 clauses.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate import MODEL, generate

import constitution
from constitution.check import run_check
from constitution.check_cache import FOLDER
from constitution.project import Project

RUNS = 5
TOOL = Path(constitution.__file__).parents[1]  # the folder this tool is imported from


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def own_cpu_seconds(action: Callable[[], object]) -> tuple[float, float]:
    """The time an action in this process takes, and the CPU time it spends."""
    start = time.process_time()
    wall = seconds(action)
    return wall, time.process_time() - start


def cpu_seconds(action: Callable[[], object]) -> tuple[float, float]:
    """The time a command takes, and the CPU time its process spends."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = seconds(action)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def command(project: Project, tool: Path) -> Callable[[], object]:
    """`constitution check` in a fresh process, with the tool imported from ``tool``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tool)
    run = [sys.executable, "-m", "constitution", "check"]
    return lambda: subprocess.run(run, cwd=project.root, env=env, check=True, capture_output=True)


def forget(project: Project) -> None:
    """Remove the gate's store (check_cache.py), so that the next command is a fresh
    clone's gate, as CI runs it."""
    shutil.rmtree(project.root / FOLDER, ignore_errors=True)


def measure(label: str, project: Project, before: Path | None) -> str:
    report = run_check(project)
    assert report.ok, f"{label}: the gate found problems"
    runs = [own_cpu_seconds(lambda: run_check(project)) for _ in range(RUNS)]
    inproc = [statistics.median(t[i] for t in runs) for i in (0, 1)]
    tools = {"now": TOOL, **({"before": before} if before else {})}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in [*tools, "stored"]}
    for tool in tools.values():
        command(project, tool)()  # writes the compiled modules
    for _ in range(RUNS):  # in turn, so that all meet the same load
        for name, tool in tools.items():
            forget(project)
            times[name].append(cpu_seconds(command(project, tool)))
            if name == "now":  # a later gate, with the store the second writes
                command(project, tool)()
                times["stored"].append(cpu_seconds(command(project, tool)))
    row = f"{label:<28}{report.clauses:>8}{report.scenarios:>11}"
    row += "".join(f"{m:>12.3f}" for m in inproc)
    medians = {
        name: [statistics.median(t[i] for t in runs) for i in (0, 1)]
        for name, runs in times.items()
    }
    row += "".join(f"{m:>12.3f}" for m in [*medians["now"], *medians["stored"]])
    if before:
        row += "".join(f"{m:>12.3f}" for m in medians["before"])
        pairs = zip(medians["now"], medians["before"], strict=True)
        row += "".join(f"{n / b:>11.2f}x" for n, b in pairs)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the src folder of the tool to compare")
    before = parser.parse_args().before
    print(f"constitution check, median of {RUNS} runs (seconds)")
    heads = ["warm", "its CPU", "command", "its CPU", "stored", "its CPU"]
    if before:
        heads += ["before", "its CPU", "ratio", "CPU ratio"]
    print(f"{'protocol':<28}{'clauses':>8}{'scenarios':>11}" + "".join(f"{h:>12}" for h in heads))
    with tempfile.TemporaryDirectory() as tmp:
        # a copy: the gate keeps its store in the project (_build/.check)
        model = shutil.copytree(MODEL, Path(tmp) / "model", symlinks=True)
        print(measure("model protocol", Project(model), before))
        print(measure("synthetic", Project(generate(5000, Path(tmp) / "p")), before))
        five = Project(generate(5000, Path(tmp) / "five", versions=5))
        print(measure("synthetic, five versions", five, before))


if __name__ == "__main__":
    main()
