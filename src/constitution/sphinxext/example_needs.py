"""Worked examples as sphinx-needs needs of their own type, linked to the clauses they
verify, with their latest result (the fields are constitution.graph's).

An example's page is generated (examples.py), not read from a document, so its need is
added from code, as a need whose page is that generated page (``external_url``): the
ecosystem's tables link to it, and no document has to declare it. They are added again
every build, before any document is read, from this build's scenarios and results. Pages
holding sphinx-needs' tables (the editors' graph page) are written again whenever the
graph changed: sphinx-needs alone would leave them stale (sphinx-needs #354).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sphinx_needs.api import add_need
from sphinx_needs.data import SphinxNeedsData

from constitution.graph import EXAMPLE_TYPE, example_page
from constitution.sphinxext.clauses import domain
from constitution.sphinxext.page_cache import document_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def add_examples(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    # sphinx-needs keeps its read-only view of the needs (and the indexes its filters use)
    # on the environment, made once and never dropped: in a Sphinx kept between builds
    # (serve.py) its tables would filter the first build's needs. Each build makes its own.
    vars(env).pop("_needs_view", None)
    data = SphinxNeedsData(env)
    needs = data.get_needs_mutable()
    for need_id in [k for k, need in needs.items() if need["type"] == EXAMPLE_TYPE]:
        data.remove_need(need_id)  # the last build's, kept in the environment
    for example in domain(env).examples:
        add_need(
            app,
            need_type=EXAMPLE_TYPE,
            title=example.title,
            id=example.id,
            is_external=True,
            external_url=example_page(example.id),
            **example.fields,
        )


def views_outdated(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """The pages showing sphinx-needs' views (tables, counts), when the graph changed."""
    store = domain(env)
    graph = document_key(store.model) + repr(store.examples)
    if store.data.get("graph") == graph:
        return []
    store.data["graph"] = graph
    return list(SphinxNeedsData(env).get_or_create_docs()["all"])


def setup(app: Sphinx) -> None:
    app.connect("env-before-read-docs", add_examples, priority=900)  # after sphinx-needs'
    app.connect("env-get-updated", views_outdated)
