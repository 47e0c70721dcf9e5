"""Generated pages written from a shell: each folder's page drawn once through the theme.

A generated page (a clause's history, a section of an adopted version, a redline, a
worked example) is in no toctree and has no source, so everything around its body is the
same for every page in its folder: the navigation, the banner, the scripts, the policy.
Sphinx would draw each through furo's templates (most of a build's time at 5,000
clauses, with a page for every clause of every version). Here one page a folder is drawn
with stand-ins for the title and body, and each page is that shell with its own put in.
tests/test_site.py checks that this gives the very bytes the theme gives.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from sphinx.errors import SphinxError

from constitution import files
from constitution.sphinxext import navigation
from constitution.sphinxext.domain import state
from constitution.sphinxext.html_builder import html_builder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Stand-ins that no template changes (letters only) and no page contains.
TITLE, BODY, NAME = "zqShellTitlezq", "zqShellBodyzq", "zqShellPagezq"


def write(app: Sphinx, pagename: str, title: str, body: str) -> None:
    """Write the page as Sphinx would, from its folder's shell."""
    html = shell(app, os.path.dirname(pagename)).replace(TITLE, escape(Markup(title).striptags()))
    html = navigation.mark_current(html, pagename)  # before the body, which links alike
    path = os.path.join(app.outdir, f"{pagename}.html")
    files.replace(path, html.replace(BODY, body), errors="xmlcharrefreplace")


def shell(app: Sphinx, folder: str) -> str:
    """The folder's page with stand-ins for title and body, drawn once a build."""
    shells = state(app.env).shells
    if folder not in shells:
        drawn = Path(app.doctreedir) / f"{NAME}.html"
        page = f"{folder}/{NAME}" if folder else NAME
        context = {"title": TITLE, "body": BODY}
        html_builder(app).handle_page(page, context, "page.html", outfilename=drawn)
        html = drawn.read_text(encoding="utf-8")
        drawn.unlink()
        check(html, folder)
        shells[folder] = html
        os.makedirs(os.path.join(app.outdir, folder), exist_ok=True)
    return shells[folder]


def check(html: str, folder: str) -> None:
    """A shell is the page with its body put in once, naming no page of its own: a
    template that shows the body twice, or the page's name, cannot be shared."""
    shown = html.count(BODY)
    wrong = [f"shows the page's body {shown} times, not once"] if shown != 1 else []
    wrong += ["shows the page's own name"] if NAME in html else []
    if wrong:
        raise SphinxError(
            f"the page template cannot draw the generated pages in {folder or 'the root'}/ "
            f"from one shell: it {' and '.join(wrong)}. How to fix: a page.html of your "
            "own must show {{ body }} once and not the page's name (pagename)."
        )
