"""What a generated page shows, as a key: when the key is unchanged, the page is too.

The keys page_cache.py compares, and the navigation's and the versions', which decide
when every page is written again (clauses.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sphinx import addnodes

from constitution import model_cache
from constitution.documents import PROTOCOL
from constitution.model import Clause, Document
from constitution.sphinxext.domain import state
from constitution.text_plain import plain
from constitution.text_tree import Ref, Term, Tree, inlines
from constitution.versions import in_force_on, today

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from constitution.sphinxext.state import BuildState


def site_key(app: Sphinx) -> str:
    """What every generated page shows besides its own body: the navigation, the versions
    and which is in force, the council's settings, the styles and this code."""
    env = app.env
    store = state(env)
    if store.site_key is not None:  # once a build, after every page is read
        return store.site_key
    key = key_of(
        [
            navigation_key(env),
            versions_key(store),
            # the other documents: the protocol's pages cite their paragraphs by number, in
            # their drafts and in their versions; their pages are drawn from both
            [document_key(e.document) for e in store.constitution if e.key != PROTOCOL],
            store.council,
            model_cache.code().hex(),  # how pages are drawn: the code, templates and styles
        ]
    )
    store.site_key = hashlib.sha256(key.encode()).hexdigest()
    return store.site_key


def versions_key(store: BuildState) -> str:
    """Every document's adopted versions and the one in force today: what each page's
    banner, menu and the home page's summary say, whatever page it is."""
    day = today()
    every = [store.versions, *(list(e.versions) for e in store.constitution if e.key != PROTOCOL)]
    return key_of([[[v.digest for v in vs], (f := in_force_on(vs, day)) and f.key] for vs in every])


@functools.lru_cache(maxsize=65536)
def clause_key(clause: Clause) -> str:
    """What a page shows of a clause. Remembered: the editor's loop asks again on every
    save, and a clause from an unchanged file is the same object as last time."""
    return key_of(clause)


def document_key(document: Document) -> str:
    sections = [
        [s.slug, s.number, s.title, s.path, s.intro, *([s.between] if s.between else [])]
        for s in document.sections
    ]
    # elsewhere: how it cites other documents' paragraphs, by their numbers now
    return key_of([document.title, document.intro, sections, document.elsewhere]) + "".join(
        map(clause_key, document.clauses())
    )


def references_key(trees: Iterable[Tree], document: Document) -> str:
    """What words show of the rest of ``document``: where each paragraph they cite is and
    its number, and each term's definition (its place and its words, as its tooltip)."""
    found: list[object] = []
    for tree in trees:
        for node in inlines(tree):
            if isinstance(node, Ref):
                c = document.clause(node.target)
                found.append([node.target, c and [c.id, c.number, c.section]])
            elif isinstance(node, Term):
                c = document.definition(node.target)
                found.append([node.target, c and [c.id, c.section, plain(c.tree, document)]])
    return key_of(found)


def navigation_key(env: BuildEnvironment) -> str:
    """What the site navigation on every page is drawn from: titles and toctrees, with
    any title a toctree gives its entry ("The draft, not adopted <protocol/index>")."""
    titles = sorted((doc, title.astext()) for doc, title in env.titles.items())
    # In the pages' order and each page's own: two toctrees of one page cannot be sorted
    # by their entries, whose titles may be None.
    entries = [
        (doc, node["entries"])
        for doc in sorted(env.tocs)
        for node in env.tocs[doc].findall(addnodes.toctree)
    ]
    return key_of([titles, sorted(env.toctree_includes.items()), entries])


def key_of(value: object) -> str:
    """A value as a key: JSON of its plain data, each object's keys sorted, so that a key
    moves only with what a page shows, never with how a class prints itself."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain
    )


def _plain(value: object) -> object:
    """What JSON cannot write by itself, as plain data: a dataclass as its declared fields
    by name (a cached property such as a clause's tree is not one), a date as ISO text, a
    set in a fixed order. Anything else stops the build, naming its type."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=key_of)
    raise TypeError(f"a page key cannot hold a {type(value).__name__}: give _plain its data")
