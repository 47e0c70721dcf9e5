"""Pages a build no longer makes are taken out of its output.

Sphinx writes into the output it keeps between builds (build.py's work area) only the
pages that changed, and removes none: a section taken out of the draft, or a paragraph's
history, would stay published. After each build, a page that is none of Sphinx's
documents, nor written by this build, nor a generated page (page_cache.py) is removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from constitution.sphinxext.domain import state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Folders of files copied or written whole, which hold no page of the site's.
NOT_PAGES = ("_static", "_sources", "pagefind")


def note(app: Sphinx, pagename: str, templatename: str, context: Any, doctree: Any) -> None:
    state(app.env).written.add(pagename)


def remove_unbuilt(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    store = state(app.env)
    built = set(app.env.found_docs) | store.written | set(store.generated or ())
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        name = page.relative_to(out).with_suffix("").as_posix()
        if name.split("/")[0] not in NOT_PAGES and name not in built:
            page.unlink()


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", note)
    app.connect("build-finished", remove_unbuilt)
