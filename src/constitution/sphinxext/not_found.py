"""404.html: the page a static host (and `constitution serve`) sends for any address it
does not have, however deep. Sphinx writes its links relative to the site's root, where
the file lies, so at ``versions/2025-05-15/gone.html`` they would lead nowhere and the
page would come unstyled. Every one of its addresses starts from the site's root: the
path of the council's ``base_url``, so that it works on the host and in the preview."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from constitution.sphinxext import search
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_templates import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PAGE = "404"

# An address the page gives relative to where it lies: not a scheme's ("https:",
# "mailto:"), a fragment of this page, or one from the host's root already.
RELATIVE = re.compile(
    r"""\b(href|src|action|data-content_root|data-root)=(["'])(?![a-zA-Z][a-zA-Z0-9+.-]*:|[#/])"""
    r"(.*?)\2"
)


def root(base_url: str) -> str:
    """The site's root on its host: the path of its address ("/" if it has none)."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def collect_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    build = state(app.env)
    body = render(
        "not-found.html",
        base=root(build.council.base_url),
        id_example=search.example(build)[1],
        # the constitution has documents besides the protocol, whose home it is too
        whole=len(build.constitution.entries) > 1,
    )
    yield PAGE, {"title": "Page not found", "body": body}, "page.html"


def write_from_root(app: Sphinx, exception: Exception | None) -> None:
    """The written page's relative addresses made the root's, in a new file: the one
    before may be the published site's too (build.py links them)."""
    page = Path(app.outdir) / f"{PAGE}.html"
    if exception is not None or not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    rooted = from_the_root(text, root(state(app.env).council.base_url))
    if rooted != text:
        written = page.with_name(f".{page.name}.new")
        written.write_text(rooted, encoding="utf-8")
        os.replace(written, page)


def from_the_root(html: str, base: str) -> str:
    """The page's addresses relative to the root made ``base``'s (a root's path)."""
    return RELATIVE.sub(lambda m: f"{m[1]}={m[2]}{base}{m[3].removeprefix('./')}{m[2]}", html)


def setup(app: Sphinx) -> None:
    app.connect("html-collect-pages", collect_page)
    app.connect("build-finished", write_from_root)
