"""The bodies of generated pages, drawn from Jinja templates (templates/pages/).

Every value a template prints is escaped unless it is ``Markup``: HTML this package drew
itself (a title through markdown-it with raw HTML off, a dated result). So a title or a
fact holding ``<script>`` prints as those characters, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent / "templates" / "pages"
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,  # a value a template names and no page gives: an error
    trim_blocks=True,
    lstrip_blocks=True,
    # The templates are the package's own, read once a process (model_cache.code() keys
    # pages by them): not checked on disk again at each of a build's thousands of renders.
    auto_reload=False,
)


def render(name: str, **values: Any) -> str:
    return ENV.get_template(name).render(**values)


class Link(NamedTuple):
    """A table cell that links (tables.html draws the anchor): its address, its words."""

    href: str
    text: str


Cell = str | Link  # a table's cell: words (escaped unless Markup), or a link
