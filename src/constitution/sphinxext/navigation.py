"""The site navigation furo draws on every page, drawn once where pages share it.

Furo draws each page's sidebar from Sphinx's toctree, resolved for that page, then
rewritten with BeautifulSoup: 40 ms a page at 5,000 paragraphs, most of a build's time
for pages. Two kinds of page share their navigation:

- a generated page is in no toctree, so every such page in a folder has the same;
- a page at the end of the toctree (a section of the protocol) has its siblings', but for
  which entry is marked as the current page.

tests/test_site.py checks that every page comes out as furo alone would draw it.
"""

from __future__ import annotations

import functools
import posixpath
import re
from typing import TYPE_CHECKING, Any

import furo

from constitution.sphinxext.domain import state
from constitution.sphinxext.page_keys import site_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Furo's own, for pages that share nothing (and for the tests' reference build).
FURO = furo._compute_navigation_tree
FIRST_LIST = re.compile(r"<ul( class=\"current\")?>")
CURRENT = re.compile(
    r'<li class="(toctree-l\d+) current current-page">'
    r'<a class="current reference internal" href="#">(.*?)</a></li>'
)


def share(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """html-page-context, before furo's: how this page's navigation may be shared."""
    if "toctree" not in context:
        return
    kept = state(app.env).kept
    key = site_key(app)  # covers every page's title and every toctree
    if kept.navigation_key != key:
        kept.navigation, kept.navigation_key = {}, key
    memo = kept.navigation
    folder = posixpath.dirname(pagename)
    if doctree is None:
        draw = context["toctree"]

        def toctree(**options: Any) -> Any:
            key = (folder, tuple(sorted(options.items())))
            if key not in memo:
                memo[key] = draw(**options)
            return memo[key]

        context["toctree"] = toctree
    elif parent := only_parent(app, memo, pagename):
        context["constitution_navigation"] = functools.partial(
            sibling, app, memo, (parent, folder), pagename
        )


def only_parent(app: Sphinx, memo: dict[Any, Any], pagename: str) -> str | None:
    """The page that lists this one in its toctree, if this lists none and has one."""
    if "parents" not in memo:
        parents: dict[str, list[str]] = {}
        for doc, included in app.env.toctree_includes.items():
            for child in included:
                parents.setdefault(child, []).append(doc)
        memo["parents"] = parents
    found = memo["parents"].get(pagename, [])
    leaf = not app.env.toctree_includes.get(pagename)
    return found[0] if leaf and len(found) == 1 else None


def sibling(
    app: Sphinx, memo: dict[Any, Any], key: tuple[str, str], pagename: str, context: Any
) -> str:
    """The navigation of a sibling in the same folder, the current mark moved here."""
    if key in memo:
        other, drawn = memo[key]
        moved = move_current(drawn, app.builder.get_relative_uri, other, pagename)
        if moved is not None:
            return moved
    html: str = FURO(context)
    memo[key] = pagename, html
    return html


def move_current(html: str, uri: Any, other: str, pagename: str) -> str | None:
    """``other``'s navigation with ``pagename`` current instead; None if it is not plainly
    two sibling entries."""
    current = list(CURRENT.finditer(html))
    if len(current) != 1:
        return None
    level, title = current[0].groups()
    mine = re.compile(
        rf'<li class="{level}"><a class="reference internal" '
        rf'href="{re.escape(uri(other, pagename))}">(.*?)</a></li>'
    )
    entry = list(mine.finditer(html))
    if len(entry) != 1:
        return None
    back = f'<li class="{level}"><a class="reference internal" href="{uri(pagename, other)}">'
    here = f'<li class="{level} current current-page"><a class="current reference internal" '
    return html.replace(current[0].group(0), f"{back}{title}</a></li>").replace(
        entry[0].group(0), f'{here}href="#">{entry[0].group(1)}</a></li>'
    )


def furo_navigation(context: dict[str, Any]) -> str:
    """An adopted version's own menu (versions_site.menu); on any other page, furo's,
    which begins with the version in force and the list of versions."""
    if "constitution_menu" in context:
        return str(context["constitution_menu"])
    shared = context.get("constitution_navigation")
    html: str = shared(context) if shared else FURO(context)
    top = context.get("constitution_menu_top", "")
    return FIRST_LIST.sub(lambda m: m.group(0) + top, html, count=1)


def mark_current(html: str, pagename: str) -> str:
    """A version's menu with this page's entry marked: done again on each page written
    from its folder's shell (shells.py), whose menu marks none."""
    link = f"<a class='reference internal version-nav' href='{posixpath.basename(pagename)}.html'>"
    current = link.replace("'reference internal", "'current reference internal").replace(
        " href=", " aria-current='page' href=", 1
    )
    return html.replace(link, current, 1)


furo._compute_navigation_tree = furo_navigation
