"""Benchmark: the site build with 1, 5 and 20 adopted versions.

    python benchmarks/versions.py        (or: nox -s bench_versions)

For each count, a copy of the model project gets that many adopted versions (each
rewording one paragraph), then the table prints the full build, and the rebuild after
editing one clause's words (the editor's loop), in seconds.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

from constitution.build import build_site
from constitution.project import Project
from constitution.source import read_protocol
from constitution.versions import adopt

MODEL = Path(__file__).resolve().parent.parent / "tests" / "roots" / "model"


def project_with_versions(count: int, where: Path) -> Project:
    for part in ("conf", "docs", "protocol", "checks"):
        shutil.copytree(MODEL / part, where / part, symlinks=True)
    project = Project(where)
    council = project.council()
    for i in range(count):
        text = where / "protocol" / "review.md"
        text.write_text(
            text.read_text().replace("at least once a year", f"at least once a year ({i})")
            if i == 0
            else text.read_text().replace(f"({i - 1})", f"({i})")
        )
        document = read_protocol(project.protocol, council, retired=project.retired())
        adopt(
            project.versions_dir,
            where,
            document,
            dt.date(2000 + i, 5, 1),
            dt.date(2000 + i, 6, 1),
            f"Minute {i + 1}",
            council.id_pattern,
        )
    return project


def seconds(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    print("Site build with adopted versions (seconds; search index included)")
    print(f"{'versions':>9}{'full build':>12}{'one edit':>10}{'pages':>8}")
    for count in (1, 5, 20):
        with tempfile.TemporaryDirectory() as tmp:
            project = project_with_versions(count, Path(tmp) / "p")
            out = Path(tmp) / "site"
            full = seconds(lambda p=project, o=out: build_site(p, o))
            section = project.protocol / "principles.md"
            section.write_text(section.read_text().replace("courtesy and respect", "courtesy"))
            edit = seconds(lambda p=project, o=out: build_site(p, o))
            pages = sum(1 for _ in out.rglob("*.html"))
            print(f"{count:>9}{full:>12.1f}{edit:>10.1f}{pages:>8}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
