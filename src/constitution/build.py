"""Build the site with Sphinx, and publish it only when the whole build succeeded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sphinx.cmd.build import build_main

from constitution import files, output_folder
from constitution.project import Project

# Build bookkeeping, and files sphinx-needs always writes that the public site does not
# need: a report with timings in it (never reproducible) and a JavaScript redirector.
NOT_PUBLISHED = (
    ".buildinfo",
    ".doctrees",
    "_sources",
    "schema_violations.json",
    "permalink.html",
    ".constitution-pages.json",
    ".constitution-data.json",
    ".constitution-search.json",
)

# Files the build only ever replaces with a new file, never rewrites in place (see
# files.py, and sphinxext's _new_file for the pages Sphinx draws).
REPLACED = re.compile(r"\.html$|^(data|pagefind)/")


def source_date_epoch(root: Path) -> str:
    """The commit time of HEAD, so that a build's dates come from its sources; outside
    git (a folder unpacked from an archive), now: the epoch's 1970 would put no adopted
    version in force, and the site would publish the draft as the protocol."""
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return epoch
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        out = ""
    return out or str(int(time.time()))


def colour() -> bool:
    """Colour codes only on a terminal. Sphinx also colours whenever CI=true, as on
    GitHub Actions, where our problem lines are read as annotations, not by a person."""
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def sphinx_args(project: Project, outdir: Path, doctrees: Path) -> list[str]:
    return [
        "--color" if colour() else "--no-color",
        "-W",
        "--keep-going",
        "-q",
        "-b",
        "html",
        "-c",
        str(project.conf),
        "-d",
        str(doctrees),
        str(project.docs),
        str(outdir),
    ]


def build_site(project: Project, out: Path) -> int:
    """Build into a work area beside ``out`` and swap it in on success.

    ``out`` must be a folder the tool may replace (output_folder.claim), else ProtocolError.

    The work area is kept between builds so that Sphinx rebuilds incrementally; the
    published directory is replaced only by a complete build, never left half-written.
    """
    project.check_layout()
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(project.root)
    out = output_folder.claim(out, project.root)
    # Sphinx's cache and ours are pickles, run as they are read: kept where only we write.
    work = files.private_folder(out.parent / f".{out.name}.work")
    status = build_main(sphinx_args(project, work / "html", work / "doctrees"))
    if status != 0:
        return status
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    built = work / "html"

    def copy(src: str, dst: str) -> None:
        # A file the build only ever replaces is linked to, not copied; so is a file
        # unchanged since the last publish (the published one is never written to).
        name = Path(src).relative_to(built)
        published = out / name
        try:
            if REPLACED.search(name.as_posix()):
                os.link(src, dst)
                return
            old, new = published.stat(), os.stat(src)
            if (old.st_size, old.st_mtime_ns) == (new.st_size, new.st_mtime_ns):
                os.link(published, dst)
                return
        except OSError:
            pass
        shutil.copy2(src, dst)

    shutil.copytree(
        built,
        staged,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns(*NOT_PUBLISHED, files.WRITING),
        copy_function=copy,
    )
    output_folder.replace(staged, out)
    return 0
