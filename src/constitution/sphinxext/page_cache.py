"""Generated pages (versions, redlines, clause histories, worked examples) are written
again only when what they show has changed.

Sphinx writes every page an extension yields, every build; there are thousands of these.
Each page has a key: a digest of what it shows besides its body (``site_key``), and of
its body, or, for a page drawn only from adopted versions, of nothing more, since the
site key covers every version's digest. Such a page is not even drawn when unchanged.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Container, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from constitution.model import Clause, Document
from constitution.model_cache import read_record, write_record

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

CACHE = ".constitution-pages.json"  # beside the output; never published

# (pagename, title, what the page shows if known without drawing it, how to draw it)
Page = tuple[str, str, str | None, Callable[[], str]]


def site_key(app: Sphinx) -> str:
    """What every generated page shows besides its own body: the navigation, the versions
    and which is in force, the council's settings, the styles and this code."""
    from constitution.model_cache import code
    from constitution.sphinxext.clauses import domain
    from constitution.sphinxext.versions_site import Site

    env = app.env
    store = domain(env)
    if store.site_key is not None:  # once a build, after every page is read
        return store.site_key
    site = Site(app, store)
    key = repr(
        (
            navigation_key(env),
            site.in_force and site.in_force.key,
            [v.digest for v in site.versions],
            store.council,
            code(),  # how pages are drawn: the code, templates and styles
        )
    )
    store.site_key = hashlib.sha256(key.encode()).hexdigest()
    return store.site_key


@functools.lru_cache(maxsize=65536)
def clause_key(clause: Clause) -> str:
    """What a page shows of a clause. Remembered: the editor's loop asks again on every
    save, and a clause from an unchanged file is the same object as last time."""
    return repr(clause)


def document_key(document: Document) -> str:
    sections = [(s.slug, s.number, s.title, s.path, s.intro) for s in document.sections]
    return repr((document.title, document.intro, sections)) + "".join(
        map(clause_key, document.clauses())
    )


def navigation_key(env: BuildEnvironment) -> str:
    """What the site navigation on every page is drawn from: titles and toctrees, with
    any title a toctree gives its entry ("The draft, not adopted <protocol/index>")."""
    from sphinx import addnodes

    titles = sorted((doc, title.astext()) for doc, title in env.titles.items())
    entries = sorted(
        (doc, repr(node["entries"]))
        for doc, toc in env.tocs.items()
        for node in toc.findall(addnodes.toctree)
    )
    return repr((titles, sorted(env.toctree_includes.items()), entries))


# Pages are written from their folder's shell (see shells.py); False draws every page
# through the theme, which is what the shells are tested against.
SHELLS = True


def changed(
    app: Sphinx, pages: Iterable[Page], themed: Container[str] = ()
) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Writes the pages whose key changed, and remembers every page's key; yields those in
    ``themed`` (a page some html-page-context handler treats on its own) for Sphinx to
    write, as html-collect-pages wants them."""
    from constitution.sphinxext import shells
    from constitution.sphinxext.clauses import domain

    store = domain(app.env)
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


def reset(app: Sphinx) -> None:
    from constitution.sphinxext.clauses import domain

    store = domain(app.env)
    store.generated = store.site_key = None


def save(app: Sphinx, exception: BaseException | None) -> None:
    from constitution.sphinxext.clauses import domain

    fresh = domain(app.env).generated
    if exception is None and fresh is not None and app.builder.format == "html":
        write_record(Path(app.outdir) / CACHE, fresh)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", save)
