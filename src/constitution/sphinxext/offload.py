"""The files that need only the model, written in a second process while Sphinx writes
the pages: every version's open data and PDF, and its search bundle.

They are most of a build's work besides the pages (a PDF is laid out word by word), and
Sphinx writes pages on one core; on a machine with two they cost no time. The worker is
a fresh interpreter (not multiprocessing, which would re-run the caller's main script),
given its jobs as a pickle in a temporary file.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ExtensionError

from constitution.sphinxext import open_data, search
from constitution.sphinxext.clauses import domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def start(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    store = domain(app.env)
    outdir = Path(app.outdir)
    jobs: list[tuple[object, tuple[object, ...]]] = []
    if app.config.constitution_open_data:
        jobs.append((open_data.write, (outdir, open_data.editions(store), store.council)))
    if app.config.constitution_search:
        jobs.append((search.write_index, (outdir, search.documents(store))))
    if not jobs:
        return
    fd, path = tempfile.mkstemp(prefix="constitution-jobs-", suffix=".pickle")
    with os.fdopen(fd, "wb") as f:
        pickle.dump(jobs, f)
    worker = subprocess.Popen([sys.executable, "-m", "constitution.worker", path])
    store.offloaded = worker, path


def finish(app: Sphinx, exception: BaseException | None) -> None:
    """Wait for the worker; its failure fails the build like any other."""
    store = domain(app.env)
    if store.offloaded is None:
        return
    worker, path = store.offloaded
    store.offloaded = None
    try:
        status = worker.wait()
    finally:
        Path(path).unlink(missing_ok=True)
    if status and exception is None:
        raise ExtensionError(
            f"Writing the open data files and search index failed (exit {status}); "
            "the error is shown above."
        )


def setup(app: Sphinx) -> None:
    app.add_config_value("constitution_open_data", True, "html", types=(bool,))
    app.connect("build-finished", finish, priority=100)  # before anything reads the files
