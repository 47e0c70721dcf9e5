"""Page kinds: each kind of generated page, the inputs it is drawn from, and the one hook
that writes them all (through page_cache.py, which writes a page only when its key moved).

A kind declares which of this build's inputs (the fields of ``BuildState``) its pages
read, and its pages see a view of the state that holds only those: reading any other is
an error naming the kind and the input, so a page cannot come to depend on an input
without the kind saying so. A new kind of page is one entry in ``KINDS``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sphinx.errors import SphinxError

from constitution.sphinxext import documents_site, examples, ways_in
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_cache import Page, changed
from constitution.sphinxext.state import BuildState
from constitution.sphinxext.versions_site import IN_FORCE, Site

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# What a page may be drawn from: the build's sources (not its bookkeeping).
INPUTS = frozenset(
    f.name
    for f in dataclasses.fields(BuildState)
    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
) - {"kept"}


class UndeclaredInput(SphinxError):
    category = "A page kind reads an input it does not declare"


@dataclass(frozen=True)
class PageKind:
    name: str
    depends: frozenset[str]  # the inputs its pages are drawn from (see INPUTS)
    pages: Callable[[Sphinx, BuildState], Iterable[Page]]
    themed: frozenset[str] = frozenset()  # pages Sphinx draws (see page_cache.changed)

    def __post_init__(self) -> None:
        if unknown := sorted(self.depends - INPUTS):
            raise ValueError(
                f"page kind {self.name!r} depends on {', '.join(unknown)}, which are not "
                f"inputs of a build: choose from {', '.join(sorted(INPUTS))}"
            )


class Inputs:
    """This build's state as a page kind sees it: only the inputs the kind declares."""

    def __init__(self, build: BuildState, kind: PageKind) -> None:
        self._build, self._kind = build, kind

    def __getattr__(self, name: str) -> Any:
        if name not in self._kind.depends:
            raise UndeclaredInput(
                f"pages of the kind {self._kind.name!r} read {name!r}, which the kind does "
                f"not declare: add it to the kind's depends in page_kinds.KINDS"
            )
        value = getattr(self._build, name)
        setattr(self, name, value)  # read tens of thousands of times a build: once here
        return value


def seen_by(build: BuildState, kind: PageKind) -> BuildState:
    """The view of ``build`` that pages of ``kind`` are drawn from."""
    return cast(BuildState, Inputs(build, kind))


KINDS = (
    PageKind(
        "worked examples",
        frozenset({"model", "constitution", "scenarios", "results", "results_run", "versions"}),
        examples.pages,
    ),
    PageKind(
        "versions, redlines and clause histories",
        frozenset({"model", "constitution", "versions", "council"}),
        lambda app, build: Site(app, build).pages(),
        themed=frozenset({IN_FORCE}),
    ),
    PageKind(
        "ways in",
        frozenset({"model", "constitution", "versions", "council"}),
        lambda app, build: ways_in.pages(Site(app, build)),
    ),
    PageKind(
        "the constitution's other documents",
        # the worked examples their drafts' paragraphs decide, under each (Site.examples)
        frozenset({"constitution", "council", "checking", "results", "results_run"}),
        documents_site.pages,
    ),
)


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    build = state(app.env)
    for kind in KINDS:
        yield from changed(app, kind.pages(app, seen_by(build, kind)), kind.themed)


def setup(app: Sphinx) -> None:
    app.connect("html-collect-pages", collect_pages)
