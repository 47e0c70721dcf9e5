"""Benchmark: our build against a plain Sphinx build of the same clauses, in one run.

    python benchmarks/bench.py [SIZE:RUNS ...]     (or: nox -s bench)

Default sizes are 500:3 2000:3 5000:1 (clauses:runs). Each size gets a synthetic project
with 5 adopted versions (benchmarks/generate.py) and, built the same way, a plain Sphinx
+ myst-parser + sphinx-needs + furo project of its draft: one need a clause, no
versions, no extras. Every figure is a median over the runs, each command a fresh
process (the editor's loop: three saves to one `constitution serve`), started once the
files written before it are on disk; the table gives ours, the plain build's and the ratio.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from generate import baseline, generate

from constitution.project import Project
from constitution.sphinxext import search

PY = sys.executable
VERSIONS = 5
Figures = dict[str, float]


def run(*args: str) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one command, its child processes included."""
    with tempfile.TemporaryFile() as err:
        os.sync()  # the last command's files on disk, so that their writing is not timed here
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if status:
            err.seek(0)
            raise SystemExit(f"{' '.join(args)} failed:\n{err.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def size_of(folder: Path) -> tuple[float, float]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20, float(len(files))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def amend_one(folder: Path, first_words: str) -> None:
    edit(folder / "section-002.md", first_words, "Amended. " + first_words)


def insert_one(folder: Path, block: str) -> None:
    last = sorted(folder.glob("section-*.md"))[-1]  # renumbers that section
    edit(last, "```{clause}", block + "```{clause}")


def editor_loop(cli: tuple[str, ...], project: Project, words: str, saves: int = 3) -> float:
    """Seconds from saving one clause's edit to `constitution serve` telling the page to
    reload (the whole rebuild done), as a browser showing the page is told; the median
    of ``saves`` saves, each amending the clause again."""
    from websockets.sync.client import connect

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/draft/section-002.html"
    times = []
    with tempfile.TemporaryFile() as err:
        server = subprocess.Popen(
            [*cli, "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=err
        )
        try:
            before = fetch(url, server).count("Amended.")  # after the first build
            for _ in range(saves):
                os.sync()
                with connect(f"ws://127.0.0.1:{port}/websocket-reload") as page:
                    start = time.perf_counter()
                    amend_one(project.protocol, words)
                    page.recv(timeout=600)
                    times.append(time.perf_counter() - start)
                words = "Amended. " + words
            assert fetch(url, server).count("Amended.") == before + saves, "page not updated"
            return statistics.median(times)
        except OSError as exc:
            err.seek(0)
            raise SystemExit(f"constitution serve: {exc}\n{err.read().decode()[-3000:]}") from None
        finally:
            server.terminate()
            server.wait()


def fetch(url: str, server: subprocess.Popen[bytes]) -> str:
    """The page, once the server answers."""
    while True:
        try:
            with urllib.request.urlopen(url) as response:
                return str(response.read().decode())
        except urllib.error.URLError:
            if server.poll() is not None:
                raise OSError(f"stopped with exit {server.returncode}") from None
            time.sleep(0.1)


def ours(project: Project, words: str, where: Path) -> Figures:
    out = where / "site"
    cli = (PY, "-m", "constitution", "--project", str(project.root))
    figures: Figures = {}
    figures["full build"], figures["peak memory (MB)"] = run(*cli, "build", "--out", str(out))
    figures["output (MB)"], figures["output files"] = size_of(out)
    figures["constitution check"] = run(*cli, "check")[0]
    figures["editor's loop, one edit"] = editor_loop(cli, project, words)
    figures["rebuild, one clause edited"] = run(*cli, "build", "--out", str(out))[0]
    insert_one(project.protocol, "```{clause} MOP-9999\n:modality: informative\n\nNew.\n```\n\n")
    figures["rebuild, one clause inserted"] = run(*cli, "build", "--out", str(out))[0]
    # Every version's index (and, once, the English words spelt right), from nothing.
    documents = [(v.key, v.key, v.digest, v.document) for v in project.versions()]
    documents.append(("draft", "draft", None, project.document()))
    os.sync()
    start = time.perf_counter()
    record, jobs = search.pending(where / "search", documents)
    for job, args in jobs:
        job(*args)
    search.finish(where / "search", record)
    figures["search indexing"] = time.perf_counter() - start
    return figures


def plain(source: Path, words: str, where: Path) -> Figures:
    out = where / "plain-site"
    sphinx = (PY, "-m", "sphinx", "-q", "-b", "html", str(source), str(out))
    figures: Figures = {}
    figures["full build"], figures["peak memory (MB)"] = run(*sphinx)
    figures["output (MB)"], figures["output files"] = size_of(out)
    amend_one(source, words)
    figures["rebuild, one clause edited"] = run(*sphinx)[0]
    figures["editor's loop, one edit"] = figures["rebuild, one clause edited"]
    insert_one(source, "```{clause} 3.0\n:id: MOP-9999\n\nNew.\n```\n\n")
    figures["rebuild, one clause inserted"] = run(*sphinx)[0]
    figures["search indexing"] = run(PY, "-m", "pagefind", "--silent", "--site", str(out))[0]
    return figures


def one_run(n: int) -> tuple[Figures, Figures]:
    """Both builds of one freshly generated project: the plain one first, as ours edits it."""
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        project = Project(generate(n, where / "ours", VERSIONS))
        words = project.document().sections[1].clauses[1].text[:40]
        source = baseline(project, where / "plain")
        return ours(project, words, where), plain(source, words, where)


def median(results: list[Figures]) -> Figures:
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main(argv: list[str]) -> None:
    sizes = [tuple(int(x) for x in a.split(":")) for a in argv] or [(500, 3), (2000, 3), (5000, 1)]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; {VERSIONS} adopted versions")
    print(f"{'clauses':>7}  {'measure':<30}{'ours':>10}{'plain':>10}{'ratio':>8}")
    full = {}
    for n, runs in sizes:
        pairs = [one_run(n) for _ in range(runs)]
        a, b = median([p[0] for p in pairs]), median([p[1] for p in pairs])
        full[n] = a["full build"]
        for key, value in a.items():
            base = b.get(key)
            ratio = f"{value / base:.2f}x" if base else "-"
            shown = f"{base:.2f}" if base is not None else "-"
            print(f"{n:>7}  {key:<30}{value:>10.2f}{shown:>10}{ratio:>8}", flush=True)
        print(f"{'':>7}  (median of {runs})")
    if len(full) > 1:
        low, high = min(full), max(full)
        print(f"growth: full build at {high} clauses is {full[high] / full[low]:.1f}x {low}")


if __name__ == "__main__":
    main(sys.argv[1:])
