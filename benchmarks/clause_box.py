"""Benchmark: drawing a clause's box (sphinxext/clause_box.py), the site's work once a
clause on every page of the draft, every version and every other document.

    python benchmarks/clause_box.py                  (or: nox -s bench_clause_box)
    python benchmarks/clause_box.py --before OLD/src the same with the tool in OLD/src too,
                                                     taken in turn, and the ratio
    python benchmarks/clause_box.py --paragraphs 200 a smaller synthetic protocol

Prints the median time a clause (µs) of drawing its box opened and its "About" panel
(with its worked examples), over the model protocol's clauses and over a synthetic
5,000-paragraph protocol (benchmarks/generate.py): first drawn, the box's caches empty,
and drawn again, as each later version draws a paragraph it left alone. Each tool is
measured in processes of its own, in turn, so that both meet the same load, by the CPU
time its process spends, which a machine busy with other work inflates far less than
the time it takes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import MODEL, generate

TURNS = 5  # processes a tool, in turn with the other
ROUNDS = 5  # times each process draws every clause's box


def rounds(project_root: Path) -> dict[str, list[float]]:
    """µs a clause, for each round of drawing every clause's box of the project's draft:
    first drawn (the box's caches emptied), then drawn again as a later version draws a
    paragraph it left alone (its own citation, the rest as before)."""
    from markupsafe import Markup

    from constitution.project import Project
    from constitution.sphinxext import clause_box
    from constitution.sphinxext.examples import scenario_outcome

    project = Project(project_root)
    document, council = project.document(), project.council()
    checking: dict[str, list[clause_box.Example]] = {}
    for s in project.scenarios(document):
        example = clause_box.Example(
            f"../checks/{s.id}.html", s.title, scenario_outcome(s), Markup()
        )
        for clause_id in sorted(s.clauses):
            checking.setdefault(clause_id, []).append(example)
    clauses = list(document.clauses())
    caches = [getattr(clause_box, name, None) for name in ("clause_open", "about_facts")]

    def draw(version: str) -> float:
        start = time.process_time()
        for c in clauses:
            cited = clause_box.citation(council.citation, c.number, version)
            about = clause_box.about_of(
                c,
                council,
                cited,
                history=f"../versions/clauses/{c.id}.html",
                examples=checking.get(c.id, []),
            )
            clause_box.clause_open(c.id, c.number, c.modality) + clause_box.about_html(about)
        return (time.process_time() - start) / len(clauses) * 1e6

    times: dict[str, list[float]] = {"first": [], "again": []}
    for _ in range(ROUNDS):
        for cache in caches:
            if hasattr(cache, "cache_clear"):
                cache.cache_clear()
        times["first"].append(draw("draft, not adopted"))
        times["again"].append(draw("version adopted on 14 May 2026"))
    return times


def measured(tool: Path, project_root: Path) -> dict[str, list[float]]:
    """The rounds of one process with the tool imported from ``tool``."""
    env = {**os.environ, "PYTHONPATH": str(tool)}
    run = [sys.executable, __file__, "--rounds", str(project_root)]
    out = subprocess.run(run, env=env, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out))


def row(label: str, project_root: Path, tools: dict[str, Path]) -> str:
    from constitution.project import Project

    count = sum(1 for _ in Project(project_root).document().clauses())
    times: dict[str, dict[str, list[float]]] = {n: {"first": [], "again": []} for n in tools}
    for _ in range(TURNS):
        for name, tool in tools.items():
            for drawn, rounds_ in measured(tool, project_root).items():
                times[name][drawn] += rounds_
    line = f"{label:<22}{count:>8}"
    for drawn in ("first", "again"):
        medians = {name: statistics.median(t[drawn]) for name, t in times.items()}
        line += "".join(f"{m:>10.1f}" for m in medians.values())
        if "before" in medians:
            line += f"{medians['now'] / medians['before']:>9.2f}x"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the src folder of the tool to compare")
    parser.add_argument("--paragraphs", type=int, default=5000, help="the synthetic protocol's")
    parser.add_argument("--rounds", type=Path, help=argparse.SUPPRESS)  # one process's part
    args = parser.parse_args()
    if args.rounds:
        print(json.dumps(rounds(args.rounds)))
        return
    import constitution

    tools = {"now": Path(constitution.__file__).parents[1]}
    if args.before:
        tools["before"] = args.before.resolve()
    print(f"a clause's box, median of {TURNS * ROUNDS} rounds (µs a clause)")
    heads = [*tools, *(["ratio"] if args.before else [])]
    widths = [10] * len(tools) + ([10] if args.before else [])
    drawn = "".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
    print(
        f"{'':<30}"
        + "".join(f"{'first drawn' if i == 0 else 'drawn again':>{len(drawn)}}" for i in range(2))
    )
    print(f"{'protocol':<22}{'clauses':>8}{drawn}{drawn}")
    print(row("model protocol", MODEL, tools))
    with tempfile.TemporaryDirectory() as tmp:
        print(row("synthetic", generate(args.paragraphs, Path(tmp) / "p"), tools))


if __name__ == "__main__":
    main()
