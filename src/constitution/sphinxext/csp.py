"""A strict Content-Security-Policy on every page, with no inline script.

Static hosts cannot set headers, so the policy is a <meta> element, first in <head>.
Furo's one inline script (the colour-theme bootstrap) is loaded from a file instead, at
the same place (templates/base.html); its inline <style> block and fixed style
attributes are allowed by exact hashes, never by 'unsafe-inline'. Pagefind's WebAssembly
needs 'wasm-unsafe-eval'.

Only the theme's own styles are hashed, never one that came from content or settings: a
<style> block only in <head> (where the theme's is, and nothing of a page's own text is
but its escaped title), and a style attribute only if the theme's templates write it.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import furo
from sphinx.errors import SphinxError

from constitution import files
from constitution.build import NOT_PUBLISHED
from constitution.sphinxext.domain import state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.S)
STYLE_ATTR = re.compile(r"\sstyle=\"([^\"]*)\"")
META = '<meta http-equiv="Content-Security-Policy"'


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@cache
def theme_styles() -> frozenset[str]:
    """Every style attribute the theme's templates (and ours) write."""
    folders = (Path(furo.__file__).parent / "theme", Path(__file__).parent / "templates")
    return frozenset(
        style
        for folder in folders
        for template in folder.rglob("*.html")
        for style in STYLE_ATTR.findall(template.read_text(encoding="utf-8"))
    )


def policy(html: str) -> str:
    head = html.split("</head>", 1)[0]
    blocks = sorted({digest(s) for s in STYLE_BLOCK.findall(head)})
    attrs = sorted({digest(s) for s in STYLE_ATTR.findall(html) if s in theme_styles()})
    styles = " ".join(["'self'", *blocks, *(["'unsafe-hashes'", *attrs] if attrs else [])])
    return (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
        f"style-src {styles}; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def secure(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    if META in html or "<head>" not in html:
        return
    files.replace(path, secured(html, path))


def secured(html: str, where: object) -> str:
    """The page with its policy."""
    # Not an assert: the guard must hold under python -O too.
    if re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html):
        raise SphinxError(f"inline script in {where}: the page's policy would block it")
    meta = f'{META} content="{policy(html)}">'
    return html.replace("<head>", f"<head>\n  {meta}", 1)


def page_drawn(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    state(app.env).drawn.add(pagename)


def written_since(folder: str, started: float) -> Iterator[str]:
    """HTML files modified since ``started``, leaving out folders never published."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name == "pagefind" or entry.name in NOT_PUBLISHED:
                continue
            if entry.is_dir():
                yield from written_since(entry.path, started)
            elif entry.name.endswith(".html") and entry.stat().st_mtime >= started:
                yield entry.path


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None and app.builder.format == "html":
        root = Path(app.outdir)
        store = state(app.env)
        if app.parallel > 1:  # pages written by Sphinx's other processes: found by time
            paths = set(written_since(str(root), store.started))
        else:  # the pages drawn through the theme (a shell's pages carry their policy)
            paths = {os.path.join(root, f"{name}.html") for name in store.drawn}
        for path in sorted(paths):
            if os.path.exists(path):  # a shell itself is drawn elsewhere
                secure(Path(path))
