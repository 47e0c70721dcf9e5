"""Problems found in a Sphinx build, as Sphinx logs them: located by Sphinx, with the
catalogue's code as the warning's subtype (so that they can be filtered) and its words."""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

from constitution.problems import Problem

logger = logging.getLogger(__name__)


def log(problem: Problem, location: Any = None) -> None:
    """An error at ``location`` (a node, or "file:line"; by default the problem's own)."""
    # Sphinx takes a location without a line for a page's name: a file that is not a page
    # is named in the message instead.
    where = f"{problem.file}:{problem.line}" if problem.line else None
    named = "" if location or where or not problem.file else f"{problem.file}: "
    logger.error(
        "%s%s",
        named,
        problem.said(" "),
        location=location or where,
        type="constitution",
        subtype=problem.code,
    )
