"""Each version's PDF (data/<version>/protocol.pdf, another document's
data/KEY/<version>/KEY.pdf): where the build writes it, and the
link to it, which says how large it is ("PDF, 120 KB"), as GOV.UK asks of a link to a
file. The PDF is written by a job of the second process (offload.py, open_data.py); a page
that links it waits for it, or writes it itself if no process has begun it.

Each page giving a size is written whenever its PDF is: an adopted version's contents
page is keyed by what its PDF is made from (the version's digest, the council's settings,
this code: page_cache.py); the draft's PDF changes only when some page of the draft is
read again, and Sphinx then writes the draft's contents page, whose toctree lists it;
another document's draft's contents page is drawn on every build (page_cache.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup
from sphinx.errors import ExtensionError

from constitution.export import named
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_templates import render
from constitution.worker import FAILED, wait_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx

NAME = "protocol.pdf"  # the protocol's; another document's is named for it


def name(folder: str) -> str:
    """The PDF's name in a version's folder under data/: the protocol's (<version>)
    protocol.pdf, another document's (KEY/<version>) named for it, KEY.pdf."""
    document, slash, _ = folder.partition("/")
    return named(NAME, document) if slash else NAME


def path(outdir: Path, folder: str) -> Path:
    return outdir / "data" / folder / name(folder)


def size(app: Sphinx, key: str) -> int | None:
    """The size of a version's PDF as this build leaves it; None where the build writes
    no open data (the editor's loop)."""
    if not app.config.constitution_open_data:
        return None
    pdf = path(Path(app.outdir), key)
    offloaded = state(app.env).offloaded
    if offloaded is not None:
        worker, folder, jobs, _, starter = offloaded
        try:  # a child of Sphinx's parallel build did not start the worker, so cannot poll it
            wait_for(pdf, jobs, folder, worker if os.getpid() == starter else None)
        except Exception as exc:  # as offload.py reports the second process's failures
            raise ExtensionError(FAILED.format(why=f"{type(exc).__name__}: {exc}")) from exc
    return pdf.stat().st_size if pdf.exists() else None


def shown_size(size: int) -> str:
    """As GOV.UK gives a file's size: "120 KB", "1.2 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def link(app: Sphinx, key: str, href: str, words: str) -> Markup:
    """A link to the version's PDF, or nothing where the build writes none."""
    bytes_ = size(app, key)
    if bytes_ is None:
        return Markup()
    return Markup(render("pdf-link.html", href=href, words=words, size=shown_size(bytes_)))
