"""The one way the tool draws HTML from Jinja templates: autoescaped, strict.

Every value a template prints is escaped unless it is ``Markup``: HTML the tool drew
itself. A value a template names and is not given is an error, not an empty string.

Escaped as by one function, ``escape``: Python's ``html.escape``, as the pages were drawn
before they were templates (``&#x27;``, ``&quot;``), not markupsafe's (``&#39;``,
``&#34;``), so that the same words give the same bytes.
"""

from __future__ import annotations

import html
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup


def escape(value: object) -> Markup:
    """A value as HTML: ``Markup`` as it is, anything else escaped by ``html.escape``."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(html.escape(str(value)))


def _finalized(value: object) -> object:
    """What a template prints, before Jinja's own escaping (markupsafe's, which writes
    &, < and > as ``escape`` does and differs only on quotation marks): words holding
    one escaped by ``escape``, and so let through; all else left to Jinja. Called for
    each value of thousands of clauses, so words without a quotation mark, most of them,
    and HTML the tool drew pass with one look."""
    if type(value) is str and "'" not in value and '"' not in value:
        return value
    if type(value) is Markup:  # HTML the tool drew: as it is, not copied by escape()
        return value
    return escape(value)


def environment(folder: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        finalize=_finalized,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # The templates are the package's own, read once a process (model_cache.code()
        # keys pages by them): not checked on disk again at each of thousands of renders.
        auto_reload=False,
    )
