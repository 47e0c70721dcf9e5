"""Pages a build no longer makes are taken out of its output.

Sphinx writes into the output it keeps between builds (build.py's work area) only the
pages that changed, and removes none: a section taken out of the draft, or a paragraph's
history, would stay published. After each build, a page that is none of Sphinx's
documents, nor written by this build, nor a generated page (page_cache.py) is removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from constitution.sphinxext.domain import domain, state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Folders of files copied or written whole, which hold no page of the site's.
NOT_PAGES = ("_static", "_sources", "pagefind")


def note(app: Sphinx, pagename: str, templatename: str, context: Any, doctree: Any) -> None:
    state(app.env).written.add(pagename)


def remove_unbuilt(app: Sphinx, exception: BaseException | None) -> None:
    if app.builder.format != "html":
        return
    kept = domain(app.env).kept
    if exception is not None:  # what it wrote is not known: the next build walks
        kept.pages = None
        return
    store = state(app.env)
    built = set(app.env.found_docs) | store.written | set(store.generated or ())
    out = Path(app.outdir)
    # The output holds the last build's pages: once a process knows them, only those
    # this build did not make are looked for (a walk of 10,000 pages is a tenth of a
    # save in the editor's loop); a first build walks what earlier processes left.
    last = kept.pages
    for name in sorted(last - built) if last is not None else unlisted(out, built):
        (out / f"{name}.html").unlink(missing_ok=True)
    kept.pages = built


def unlisted(out: Path, built: set[str]) -> list[str]:
    """The pages in ``out`` that are not in ``built``."""
    names = (page.relative_to(out).with_suffix("").as_posix() for page in out.rglob("*.html"))
    return [n for n in names if n.split("/")[0] not in NOT_PAGES and n not in built]


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", note)
    app.connect("build-finished", remove_unbuilt)
