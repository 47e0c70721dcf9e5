"""Run the jobs pickled in FOLDER/jobs.pickle that no other process has claimed:
``python -m constitution.worker FOLDER`` (see sphinxext/offload.py, which writes it)."""

import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from constitution import collect_less

JOBS = "jobs.pickle"
Job = tuple[Callable[..., None], tuple[Any, ...]]  # a function and its arguments


def run_claimed(jobs: Sequence[Job], folder: Path) -> None:
    """Each job in turn that this process is first to claim (a file only one can create)."""
    for i, (job, args) in enumerate(jobs):
        try:
            os.close(os.open(folder / f"{i}.claimed", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        job(*args)


if __name__ == "__main__":
    collect_less()
    folder = Path(sys.argv[1])
    with (folder / JOBS).open("rb") as f:
        run_claimed(pickle.load(f), folder)
