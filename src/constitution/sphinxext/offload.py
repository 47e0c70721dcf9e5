"""The files that need only the model, written in a second process while Sphinx writes
the pages: every version's open data and PDF, and its search bundles.

They are most of a build's work besides the pages (a PDF is laid out word by word), and
Sphinx writes pages on one core. The worker is a fresh interpreter (not multiprocessing,
which would re-run the caller's main script), given its jobs as a pickle in a temporary
folder. Once the pages are written, this process takes the jobs the worker has not begun
(each job is claimed by one process: see worker.py), so both cores finish them.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ExtensionError

from constitution.sphinxext import open_data, search
from constitution.sphinxext.domain import domain, state
from constitution.worker import FAILED, JOBS, Job, run_claimed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

JOBS_FOLDER = "constitution-jobs-"


def start(app: Sphinx) -> None:
    config = app.config
    if app.builder.format != "html" or not (
        config.constitution_open_data or config.constitution_search
    ):
        return
    store = state(app.env)
    outdir = Path(app.outdir)
    jobs: list[Job] = []
    records: list[Job] = []  # once every job is done: what records them
    if config.constitution_open_data:
        editions, others = open_data.editions(store), open_data.others(store)
        record, todo = open_data.pending(outdir, editions, store.council, others)
        jobs += todo
        records.append((open_data.finish, (outdir, record, open_data.in_force_folders(store))))
    if config.constitution_search:
        record, todo = search.pending(outdir, search.documents(store), search.others(store))
        jobs += todo
        records.append((search.finish, (outdir, record)))
    # Beside Sphinx's own cache, not in the system's temporary folder: a build killed
    # before it could remove its folder leaves it there, for the next build to remove.
    for left in Path(app.doctreedir).glob(f"{JOBS_FOLDER}*"):
        shutil.rmtree(left, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=JOBS_FOLDER, dir=app.doctreedir))
    with (folder / JOBS).open("wb") as f:
        pickle.dump(jobs, f)
    worker = (
        subprocess.Popen([sys.executable, "-m", "constitution.worker", str(folder)])
        if jobs
        else None
    )
    store.offloaded = worker, folder, jobs, records, os.getpid()


def finish(app: Sphinx, exception: BaseException | None) -> None:
    """Share the jobs left, then wait for the worker; its failure fails the build."""
    # no state at all where the sources' problems stopped a first build before it began
    store = getattr(domain(app.env), "build", None)
    if store is None or store.offloaded is None:
        return
    worker, folder, jobs, records, _ = store.offloaded
    store.offloaded = None
    failed: Exception | None = None
    try:
        if exception is None:
            run_claimed(jobs, folder)
    except Exception as exc:  # reported as the worker's failures are
        failed = exc
    finally:
        status = worker.wait() if worker else 0
        shutil.rmtree(folder, ignore_errors=True)
    if (failed or status) and exception is None:
        why = f"{type(failed).__name__}: {failed}" if failed else f"exit {status}"
        raise ExtensionError(FAILED.format(why=why)) from failed
    if exception is None:
        for job, args in records:
            job(*args)


def setup(app: Sphinx) -> None:
    app.add_config_value("constitution_open_data", True, "html", types=(bool,))
    app.connect("build-finished", finish, priority=100)  # before anything reads the files
