"""Run the jobs pickled in a file: ``python -m constitution.worker JOBS`` (see
sphinxext/offload.py, which writes the file)."""

import pickle
import sys

if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        for job, args in pickle.load(f):
            job(*args)
