"""Generated pages written from a shell: each folder's page drawn once through the theme,
as a template of its pages.

A generated page (a clause's history, a section of an adopted version, a redline, a
worked example) is in no toctree and has no source, so everything around its body is the
same for every page in its folder: the navigation, the banner, the scripts, the policy.
Sphinx would draw each through furo's templates (most of a build's time at 5,000
clauses, with a page for every clause of every version). Here one page a folder is drawn
with Jinja expressions, in delimiters of their own, for what each page has of its own
(its title, its body, its entry in a version's menu, marked current); the page drawn is
a template of the folder's pages, and each page is that template rendered.
tests/test_site.py checks that this gives the very bytes the theme gives.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, StrictUndefined, Template, nodes
from markupsafe import Markup
from sphinx.errors import SphinxError

from constitution import files
from constitution.sphinxext.domain import state
from constitution.sphinxext.html_builder import html_builder

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Delimiters that no theme's template changes (no character it escapes, no whitespace it
# folds) and no page contains: the drawn page is a template in these, and its own text.
OPEN, CLOSE = "zqShell{{", "}}zq"
SHELLS = Environment(
    variable_start_string=OPEN,
    variable_end_string=CLOSE,
    block_start_string="zqShell{%",
    block_end_string="%}zq",
    comment_start_string="zqShell{#",
    comment_end_string="#}zq",
    # Words escaped as Sphinx escapes a page's <title> (markupsafe's), where alone a
    # page's words go: its body and its menu's marks are Markup.
    autoescape=True,
    keep_trailing_newline=True,
    undefined=StrictUndefined,
)
NAME = "zqShellPagezq"  # the page the shell is drawn as
OWN = {"title", "body", "here"}  # what each page gives its shell


@dataclass(frozen=True)
class Here:
    """The page a version's menu is on, for the menu to mark its entry
    (version-menu.html)."""

    page: str  # its file's name, as the menu links it

    def current(self, href: str, marks: str) -> Markup:
        """The template's ``marks`` on this page's own entry; nothing on the others."""
        return Markup(marks) if href == self.page else Markup()

    def pick(self, choices: dict[str, str], default: str) -> Markup:
        """This page's own HTML of ``choices`` (by its file's name), else ``default``."""
        return Markup(choices.get(self.page, default))


class Later:
    """A shell's page, which is each page of the folder: each mark is left to the shell,
    an expression for ``Here`` to answer as each page is written."""

    def current(self, href: str, marks: str) -> Markup:
        return Markup(f"{OPEN} here.current({href!r}, {marks!r}) {CLOSE}")

    def pick(self, choices: dict[str, str], default: str) -> Markup:
        return Markup(f"{OPEN} here.pick({choices!r}, {default!r}) {CLOSE}")


def here(pagename: str) -> Here | Later:
    name = posixpath.basename(pagename)
    return Later() if name == NAME else Here(f"{name}.html")


def write(app: Sphinx, pagename: str, title: str, body: str) -> None:
    """Write the page as Sphinx would, from its folder's shell."""
    html = shell(app, os.path.dirname(pagename)).render(
        title=Markup(title).striptags(), body=Markup(body), here=here(pagename)
    )
    path = os.path.join(app.outdir, f"{pagename}.html")
    files.replace(path, html, errors="xmlcharrefreplace")


def shell(app: Sphinx, folder: str) -> Template:
    """The folder's page as a template of its pages, drawn once a build."""
    store = state(app.env)
    shells, kept = store.shells, store.kept.shells
    if folder not in shells:
        drawn = Path(app.doctreedir) / f"{NAME}.html"
        page = f"{folder}/{NAME}" if folder else NAME
        context = {"title": Markup(f"{OPEN} title {CLOSE}"), "body": Markup(f"{OPEN} body {CLOSE}")}
        html_builder(app).handle_page(page, context, "page.html", outfilename=drawn)
        html = drawn.read_text(encoding="utf-8")
        drawn.unlink()
        if folder not in kept or kept[folder][0] != html:
            kept[folder] = (html, SHELLS.from_string(check(html, folder)))
        shells[folder] = kept[folder][1]
        os.makedirs(os.path.join(app.outdir, folder), exist_ok=True)
    return shells[folder]


def check(html: str, folder: str) -> nodes.Template:
    """The shell parsed, once it is found to be the page with its body put in once,
    naming no page of its own nor anything a page does not give: a template that shows
    the body twice, or the page's name, cannot be shared."""
    parsed = SHELLS.parse(html)
    names = [n.name for n in parsed.find_all(nodes.Name)]
    shown = names.count("body")
    wrong = [f"shows the page's body {shown} times, not once"] if shown != 1 else []
    wrong += ["shows the page's own name"] if NAME in html else []
    wrong += [f"shows {n!r}, which no page gives" for n in sorted(set(names) - OWN)]
    if wrong:
        raise SphinxError(
            f"the page template cannot draw the generated pages in {folder or 'the root'}/ "
            f"from one shell: it {' and '.join(wrong)}. How to fix: a page.html of your "
            "own must show {{ body }} once and not the page's name (pagename)."
        )
    return parsed
