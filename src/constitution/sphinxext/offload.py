"""The files that need only the model, written in a second process while Sphinx writes
the pages: every version's open data and PDF, and its search bundle.

They are most of a build's work besides the pages (a PDF is laid out word by word), and
Sphinx writes pages on one core; on a machine with two they cost no time. The worker is
spawned, not forked, so it shares nothing with Sphinx but its arguments.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from constitution.sphinxext import open_data, search
from constitution.sphinxext.clauses import domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def start(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    store = domain(app.env)
    outdir = Path(app.outdir)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    jobs = [pool.submit(open_data.write, outdir, open_data.editions(store), store.council)]
    if app.config.constitution_search:
        jobs.append(pool.submit(search.write_index, outdir, search.documents(store)))
    store.offloaded = pool, jobs


def finish(app: Sphinx, exception: BaseException | None) -> None:
    """Wait for the worker; its errors fail the build like any other."""
    store = domain(app.env)
    if store.offloaded is None:
        return
    pool, jobs = store.offloaded
    store.offloaded = None
    try:
        if exception is None:
            for job in jobs:
                job.result()
    finally:
        pool.shutdown(cancel_futures=True)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", start, priority=600)  # once the model is loaded
    app.connect("build-finished", finish, priority=100)  # before anything reads the files
