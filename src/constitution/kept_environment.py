"""A warm server's Sphinx environment, written to disk when the server stops, not on
every save.

Sphinx pickles its whole environment after each build has read what changed, for the
next process to start from. A server that keeps its Sphinx has no next process until it
stops: at 5,000 paragraphs that pickle was a fifth of a save's CPU time. While the
server runs, Sphinx writes in its place a mark that cannot be read back, so a server
killed rather than stopped costs a full build at the next start, never a stale page;
stopped after a build that ended, the server writes the environment itself, and the next
start reads only what changed since.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import SupportsIndex

from sphinx.application import ENV_PICKLE_FILENAME
from sphinx.environment import BuildEnvironment

from constitution import files

STALE = "written while a server ran, which did not stop: the site is built afresh"


class Kept(BuildEnvironment):
    """An environment kept in memory: pickled, it is only the mark."""

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[object, tuple[()]]:
        return _stale, ()


def _stale() -> None:
    raise ValueError(STALE)  # Sphinx reads any exception as "start a fresh environment"


def keep(env: BuildEnvironment) -> None:
    """From now on, Sphinx's own pickle of ``env`` writes the mark."""
    env.__class__ = Kept


def write(env: BuildEnvironment, doctreedir: Path) -> None:
    """The environment as Sphinx would write it, written whole (files.replace)."""
    env.__class__ = BuildEnvironment
    try:
        data = pickle.dumps(env, pickle.HIGHEST_PROTOCOL)
    finally:
        env.__class__ = Kept
    files.replace(doctreedir / ENV_PICKLE_FILENAME, data)
