"""The builder that writes the site's pages, for the code that needs its HTML methods:
a clear error when another builder reaches it, where an assert would vanish under
``python -O`` and leave an AttributeError far from the cause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.errors import SphinxError

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def html_builder(app: Sphinx) -> StandaloneHTMLBuilder:
    if not isinstance(app.builder, StandaloneHTMLBuilder):
        raise SphinxError(
            f"the site's pages are written by Sphinx's HTML builder, not {app.builder.name!r}. "
            "How to fix: build with 'constitution build' (or sphinx-build -b html)."
        )
    return app.builder
