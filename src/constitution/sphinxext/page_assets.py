"""The scripts and styles a page carries: a script for one page only, and none of the
assets other extensions put on every page that these pages never use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from constitution.sphinxext.html_builder import html_builder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Assets other extensions put on every page that these pages never use: sphinx-needs'
# tables and need boxes (clauses are rendered here), jQuery, and Sphinx's search scripts
# (Pagefind searches). Dropping them halves what a phone downloads.
UNUSED_ASSETS = (
    "sphinx-needs/",
    "sphinx-data-viewer/",
    "jquery.js",
    "graphviz.css",
    "_sphinx_javascript_frameworks_compat.js",
    "doctools.js",
    "sphinx_highlight.js",
    "documentation_options.js",
)


def drop_unused(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    for key in ("css_files", "script_files"):
        context[key] = [
            f
            for f in context.get(key, [])
            if not any(u in getattr(f, "filename", str(f)) for u in UNUSED_ASSETS)
        ]


def page_script(app: Sphinx, name: str) -> None:
    """A script on the page being written only. (app.add_js_file would also register it
    for every page of the next build in this process: see serve.py.)"""
    html_builder(app).add_js_file(name)


def filter_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if context.get("constitution_filter"):
        page_script(app, "constitution-filter.js")
