"""Generated pages (versions, redlines, clause histories, worked examples) are written
again only when what they show has changed.

Sphinx writes every page an extension yields, every build; there are thousands of these.
Each page has a key (page_keys.py): a digest of what it shows besides its body
(``site_key``), and of its body, or, for a page drawn only from adopted versions, of
nothing more, since the site key covers every version's digest. Such a page is not even
drawn when unchanged.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Container, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from constitution.model_cache import read_record, write_record
from constitution.sphinxext import shells
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_keys import site_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CACHE = ".constitution-pages.json"  # beside the output; never published

# (pagename, title, what the page shows if known without drawing it, how to draw it)
Page = tuple[str, str, str | None, Callable[[], str]]


# Pages are written from their folder's shell (see shells.py); False draws every page
# through the theme, which is what the shells are tested against.
SHELLS = True


def changed(
    app: Sphinx, pages: Iterable[Page], themed: Container[str] = ()
) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Writes the pages whose key changed, and remembers every page's key; yields those in
    ``themed`` (a page some html-page-context handler treats on its own) for Sphinx to
    write, as html-collect-pages wants them."""
    store = state(app.env)
    if store.generated is None:
        store.generated = {}
    cached = read_record(Path(app.outdir) / CACHE)
    base = site_key(app)
    for pagename, title, shows, draw in pages:
        body = draw() if shows is None else None
        key = hashlib.sha256(f"{base}|{title}|{body if shows is None else shows}".encode())
        store.generated[pagename] = digest = key.hexdigest()
        if cached.get(pagename) == digest and os.path.exists(f"{app.outdir}/{pagename}.html"):
            continue
        body = draw() if body is None else body
        if SHELLS and pagename not in themed:
            shells.write(app, pagename, title, body)
        else:
            yield pagename, {"title": title, "body": body}, "page.html"


def save(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return  # a build that failed (one that never began has no state)
    fresh = state(app.env).generated
    if fresh is not None:
        write_record(Path(app.outdir) / CACHE, fresh)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", save)
