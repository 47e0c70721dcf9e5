"""The traceability graph in sphinx-needs: worked examples as needs of their own type,
linked to the clauses they verify, with their latest result (the fields are
constitution.graph's; clauses and their citations are clauses.py's), and the pages of
sphinx-needs' views over it kept current and within the pages' policy.

An example's page is generated (examples.py), not read from a document, so its need is
added from code, as a need whose page is that generated page (``external_url``): the
ecosystem's tables link to it, and no document has to declare it. Each build, before
any document is read, those that changed with this build's scenarios and results are
made again. Pages holding sphinx-needs' tables (the editors' graph page) are written
again whenever the graph changed: sphinx-needs alone would leave them stale (sphinx-needs
#354). A table showing a clause's words (``title``, ``content``) would not follow a
reword: the graph page shows none. sphinx-needs gives its tables' columns widths in
style attributes, which the pages' Content-Security-Policy refuses: they are left to the
browser.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx_needs.api import add_need
from sphinx_needs.data import SphinxNeedsData

from constitution.clause_fields import FIELDS
from constitution.graph import EXAMPLE_TYPE, cited, example_page
from constitution.sphinxext.domain import domain, state

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def forget_pages_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """The needs of every page about to be read, forgotten before any is read. Sphinx
    forgets a page's needs only as it reads that page again, so a paragraph an amendment
    moved to a page read earlier was met twice, and the build stopped (duplicate_id)."""
    data = SphinxNeedsData(env)
    for docname in docnames:
        data.remove_doc(docname)


def add_examples(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Each build's worked examples as needs: only those that changed are made again
    (sphinx-needs takes a millisecond or more a need, thousands at scale)."""
    # sphinx-needs keeps its read-only view of the needs (and the indexes its filters use)
    # on the environment, made once and never dropped: in a Sphinx kept between builds
    # (serve.py) its tables would filter the first build's needs. Each build makes its own.
    vars(env).pop("_needs_view", None)
    data, store = SphinxNeedsData(env), domain(env)
    made = store.data.get("example_needs", {})  # need ID -> the example it was made from
    fresh = {e.id: e for e in state(env).examples}
    for need_id, need in list(data.get_needs_mutable().items()):
        if need["type"] == EXAMPLE_TYPE and made.get(need_id) != fresh.get(need_id):
            data.remove_need(need_id)
    for example in fresh.values():
        if not data.has_need(example.id):
            add_need(
                app,
                need_type=EXAMPLE_TYPE,
                title=example.title,
                id=example.id,
                is_external=True,
                external_url=example_page(example.id),
                **example.fields,
            )
    store.data["example_needs"] = fresh


def views_outdated(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """The pages showing sphinx-needs' views (tables, counts), when the graph changed:
    any field of any need but a clause's words (and the title made from them), so that
    rewording a paragraph, the editor's commonest save, does not write them again."""
    store, build = domain(env), state(env)
    clauses = [
        (c.id, c.number, c.section, *(f.of(c) for f in FIELDS), cited(c))
        for c in build.model.clauses()
    ]
    graph = (clauses, build.examples)  # compared, not printed: this runs on every save
    if store.data.get("graph") == graph:
        return []
    store.data["graph"] = graph
    return list(SphinxNeedsData(env).get_or_create_docs()["all"])


def auto_widths(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for table in doctree.findall(nodes.table):
        if "NEEDS_TABLE" in table["classes"]:
            table["classes"] = [c for c in table["classes"] if c != "colwidths-given"]


def setup(app: Sphinx) -> None:
    app.connect("env-before-read-docs", forget_pages_read)
    app.connect("env-before-read-docs", add_examples, priority=900)  # after sphinx-needs'
    app.connect("env-get-updated", views_outdated)
    app.connect("doctree-resolved", auto_widths, priority=900)  # after sphinx-needs' tables
