"""Run the jobs pickled in FOLDER/jobs.pickle that no other process has claimed:
``python -m constitution.worker FOLDER`` (see sphinxext/offload.py, which writes it)."""

import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from constitution import collect_less

JOBS = "jobs.pickle"
Job = tuple[Callable[..., None], tuple[Any, ...]]  # a function and its arguments
FAILED = "Writing the open data files and search index failed ({why}); see the messages above."


def claim(folder: Path, i: int) -> bool:
    """Whether this process is the first to claim job ``i`` (a file only one can create)."""
    try:
        os.close(os.open(folder / f"{i}.claimed", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def run(jobs: Sequence[Job], folder: Path, i: int) -> None:
    """Job ``i``, marked done, or failed for any process waiting for it (see wait_for)."""
    job, args = jobs[i]
    try:
        job(*args)
    except BaseException:
        (folder / f"{i}.failed").touch()
        raise
    (folder / f"{i}.done").touch()


def run_claimed(jobs: Sequence[Job], folder: Path) -> None:
    """Each job in turn that this process is first to claim, each marked done once run."""
    for i in range(len(jobs)):
        if claim(folder, i):
            run(jobs, folder, i)


def wait_for(
    path: Path, jobs: Sequence[Job], folder: Path, worker: subprocess.Popen[bytes] | None
) -> None:
    """Until the job that writes ``path`` (its first argument), if any, has written it:
    run here if no process has begun it, else wait for the process that has. ``worker``
    is the second process, if this process started it (only then can it tell whether
    it has stopped): a page written by a child of Sphinx's parallel build sees the job
    fail by its mark alone."""
    for i, (_, args) in enumerate(jobs):
        if not args or args[0] != path:
            continue
        if claim(folder, i):
            run(jobs, folder, i)
        done = folder / f"{i}.done"
        while not done.exists():
            failed = (folder / f"{i}.failed").exists()
            if failed or (worker is not None and worker.poll() is not None and not done.exists()):
                raise RuntimeError(f"the second process stopped before writing {path.name}")
            time.sleep(0.02)


if __name__ == "__main__":
    collect_less()
    folder = Path(sys.argv[1])
    with (folder / JOBS).open("rb") as f:
        run_claimed(pickle.load(f), folder)
