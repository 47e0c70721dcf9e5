"""The Sphinx extension: reads the model once a build and renders clauses from it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import SphinxError
from sphinx.util import logging

from constitution import __version__
from constitution.council import load_council
from constitution.problems import ProtocolError
from constitution.source import read_protocol
from constitution.sphinxext import clauses

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


class ProtocolInvalid(SphinxError):
    category = "The protocol has problems"


def load_model(app: Sphinx) -> None:
    """Parse council settings and protocol once, before any page is read."""
    confdir = Path(app.confdir)
    store = clauses.domain(app.env)
    try:
        store.council = load_council(confdir / app.config.constitution_council)
        store.model = read_protocol(confdir / app.config.constitution_protocol, store.council)
    except ProtocolError as exc:
        for problem in exc.problems:
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            logger.error(
                "%s [%s] %s How to fix: %s",
                problem.code,
                problem.clause or "-",
                problem.message,
                problem.fix,
                location=where,
                type="constitution",
                subtype=problem.code,
            )
        raise ProtocolInvalid(f"{len(exc.problems)} problem(s); see the messages above.") from None


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_needs")
    app.add_config_value("constitution_council", "council.toml", "env", types=(str,))
    app.add_config_value("constitution_protocol", "../protocol", "env", types=(str,))
    clauses.setup(app)
    app.connect("builder-inited", load_model)
    app.add_css_file("constitution.css")
    app.connect("builder-inited", _add_static)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _add_static(app: Sphinx) -> None:
    static = str(Path(__file__).parent / "static")
    if static not in app.config.html_static_path:
        app.config.html_static_path.append(static)
