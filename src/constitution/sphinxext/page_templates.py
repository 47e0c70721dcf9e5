"""The bodies of generated pages, drawn from Jinja templates (templates/pages/).

Every value a template prints is escaped unless it is ``Markup``: HTML this package drew
itself (a title through markdown-it with raw HTML off, a dated result). So a title or a
fact holding ``<script>`` prints as those characters, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from constitution.templating import environment

TEMPLATES = Path(__file__).parent / "templates" / "pages"
ENV = environment(TEMPLATES)


def render(name: str, **values: Any) -> str:
    return ENV.get_template(name).render(**values)


class Link(NamedTuple):
    """A table cell that links (tables.html draws the anchor): its address, its words."""

    href: str
    text: str


Cell = str | Link  # a table's cell: words (escaped unless Markup), or a link
