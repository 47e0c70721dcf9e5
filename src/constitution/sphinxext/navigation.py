"""The site navigation in the sidebar, drawn by the template sidebar/navigation.html.

Furo draws each page's navigation from Sphinx's toctree resolved for that page, then
rewrites it with BeautifulSoup (a switch on each branch, the current page marked): 40 ms
a page at 5,000 paragraphs, most of a build's time for pages. Yet the tree is the same on
every page but for which entries are current and where the links start from. So it is
resolved once a build, through Sphinx's public ``global_toctree_for_doc``, into plain
entries; each page marks its own and the template draws them as furo does, in the same
markup, so furo's styles and script open and close the branches as before.

tests/test_navigation.py holds the drawing to furo's own on every page.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markupsafe import Markup
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.util.osutil import relative_uri

from constitution.sphinxext.domain import state
from constitution.sphinxext.html_builder import html_builder

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@dataclass(frozen=True, eq=False)  # compared and hashed as itself: see Shown.once
class Entry:
    """A page (or web address) in the navigation, with the entries of its own toctree."""

    title: Markup  # as Sphinx draws the page's title
    label: Markup  # the title as text, naming the branch's switch (an attribute's value)
    uri: str  # from the site's root; a web address as written if external
    anchor: str  # '#...' for an entry that is a part of its page
    external: bool
    level: int  # 1 at the top
    children: tuple[Entry, ...]
    switch: int  # furo's number for the switch of a branch (toctree-checkbox-N); 0: none
    below: frozenset[str]  # the uris of every page under it
    links: frozenset[str]  # every uri it and the entries under it link to

    @property
    def plain(self) -> bool:
        """A page of the site, not a part of one nor a web address."""
        return not self.external and not self.anchor


@dataclass(frozen=True)
class Block:
    """One toctree of the home page: its caption, if any, and its entries."""

    caption: Markup | None
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Tree:
    blocks: tuple[Block, ...]
    order: tuple[Entry, ...]  # every entry, in the order of the page
    drawn: dict[tuple[str, Entry], str] = field(default_factory=dict)  # see Shown.once


class Shown:
    """The tree as one page shows it: links from this page, its own entry and the
    branches holding it current (Sphinx's marks), the last of those furo's current page."""

    def __init__(self, tree: Tree, here: str) -> None:
        self.blocks, self.order, self.here = tree.blocks, tree.order, here
        self.folder, self.drawn = posixpath.dirname(here), tree.drawn

    def once(self, entry: Entry, caller: Callable[[], str]) -> str:
        """The entry as the template draws it (``caller``). One that neither is this page
        nor links to it is drawn alike on every page of the folder (its links start from
        there), so it is drawn once a folder: most of a page's navigation, as the
        template's work for each entry is slow (Sphinx's templates are sandboxed)."""
        if self.here in entry.links:
            return caller()
        key = (self.folder, entry)
        if key not in self.drawn:
            self.drawn[key] = caller()
        return self.drawn[key]

    def is_here(self, entry: Entry) -> bool:
        return entry.plain and entry.uri == self.here

    def current(self, entry: Entry) -> bool:
        return self.is_here(entry) or self.here in entry.below

    def holds_current(self, block: Block) -> bool:
        return any(map(self.current, block.entries))

    @functools.cached_property
    def current_page(self) -> Entry | None:
        marked = [e for e in self.order if self.current(e)]
        return marked[-1] if marked else None

    def href(self, entry: Entry) -> str:
        if entry.external:
            return entry.uri
        return relative_uri(self.here, entry.uri) + entry.anchor or "#"


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """html-page-context, before furo's: this page's navigation, for the template."""
    if "toctree" not in context:
        return
    # Furo resolves and rewrites the toctree from this function for its own template,
    # which sidebar/navigation.html replaces; without the function it draws nothing.
    del context["toctree"]
    builder = html_builder(app)
    here = builder.get_target_uri(pagename)
    context["constitution_navigation"] = Shown(tree(app, builder), here)


def tree(app: Sphinx, builder: StandaloneHTMLBuilder) -> Tree:
    """The navigation of every page, resolved once a build (as furo asks for it)."""
    store = state(app.env)
    if store.navigation is None:
        root = app.config.root_doc
        resolved = global_toctree_for_doc(
            app.env,
            root,
            builder,
            tags=builder.tags,
            collapse=False,
            includehidden=True,
            maxdepth=-1,
            titles_only=True,
        )
        blocks = Reader(builder).blocks(resolved) if resolved is not None else []
        # With no toctree, still a list for the version links (versions_site.menu_top).
        blocks = blocks or [Block(None, ())]
        everything = in_order(e for block in blocks for e in block.entries)
        store.navigation = Tree(tuple(blocks), tuple(everything))
    tree: Tree = store.navigation
    return tree


def in_order(entries: Iterable[Entry]) -> Iterator[Entry]:
    for entry in entries:
        yield entry
        yield from in_order(entry.children)


class Reader:
    """Sphinx's resolved toctree (docutils nodes, links relative to the home page) read
    into entries, the branches' switches numbered in order as furo numbers them."""

    def __init__(self, builder: StandaloneHTMLBuilder) -> None:
        self.builder = builder
        self.home = builder.get_target_uri(builder.config.root_doc)
        self.switches = 0

    def blocks(self, resolved: nodes.Element) -> list[Block]:
        found: list[Block] = []
        caption: Markup | None = None
        for node in resolved.children:
            if isinstance(node, nodes.title):
                caption = Markup(escape(node.astext(), quote=False))
            elif isinstance(node, nodes.bullet_list):
                found.append(Block(caption, self.entries(node, 1)))
                caption = None
        return found

    def entries(self, listed: nodes.bullet_list, level: int) -> tuple[Entry, ...]:
        return tuple(
            self.entry(item, level) for item in listed.children if isinstance(item, nodes.list_item)
        )

    def entry(self, item: nodes.list_item, level: int) -> Entry:
        reference = next(item.findall(nodes.reference))
        sub = [n for n in item.children if isinstance(n, nodes.bullet_list) and n.children]
        switch = 0
        if sub:
            self.switches += 1
            switch = self.switches
        children = self.entries(sub[0], level + 1) if sub else ()
        external = not reference.get("internal")
        link, _, anchor = reference["refuri"].partition("#")
        uri = link if external else self.from_root(link)
        # A numbered toctree's number, as Sphinx's writer puts it before the title.
        counted = reference.get("secnumber")
        suffix = self.builder.config.html_secnumber_suffix
        number = f"{'.'.join(map(str, counted))}{suffix}" if counted else ""
        return Entry(
            title=Markup(escape(number, quote=False) + "".join(map(self.html, reference))),
            # as BeautifulSoup writes an attribute (furo's switch): an apostrophe as it is
            label=Markup(escape(number + reference.astext(), quote=False).replace('"', "&quot;")),
            uri=uri,
            anchor=f"#{anchor}" if anchor else "",
            external=external,
            level=level,
            children=children,
            switch=switch,
            # Sphinx marks a branch current for its pages, not for parts of a page.
            below=frozenset(u for c in children for u in (c.uri, *c.below) if c.plain),
            links=frozenset(u for c in children for u in c.links) | {uri},
        )

    def from_root(self, link: str) -> str:
        """A link from the home page as one from the site's root."""
        if not link:  # the home page itself
            return self.home
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.home), link))

    def html(self, node: nodes.Node) -> str:
        """A title's part as furo gives it: text escaped as BeautifulSoup does."""
        if isinstance(node, nodes.Text):
            return escape(node.astext(), quote=False)
        return self.builder.render_partial(node)["fragment"]
