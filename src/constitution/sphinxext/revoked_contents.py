"""A section's number kept revoked in the draft (one the document imported printed as
revoked: the index's front matter) shown in its place on the draft's contents page, as
an adopted version's contents page shows a revoked section. The contents Sphinx draws
from the index's toctree list only the sections with pages, and Sphinx resolves a page's
toctree only after the last event its doctree passes: so, as the doctree is resolved,
the toctree is resolved here (through Sphinx's own `resolve_toctree`, as Sphinx would)
and the revoked section's item put into the list it gives, a node like its entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from constitution.model import DRAFT_PAGES, Document
from constitution.numbering import number_key
from constitution.sphinxext.domain import state
from constitution.sphinxext.versions_site import REVOKED_SECTION

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def place_revoked(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    document = state(app.env).model
    if docname != f"{DRAFT_PAGES}/index" or not document.revoked_sections:
        return
    for toctree in list(doctree.findall(addnodes.toctree)):
        # as Sphinx's get_and_resolve_doctree resolves it, for the page's body
        drawn = app.env.resolve_toctree(docname, app.builder, toctree)
        if drawn is None:
            toctree.parent.remove(toctree)
            continue
        top = next(iter(drawn.findall(nodes.bullet_list)), None)
        if top is not None:
            place_in(top, document)
        toctree.replace_self(drawn)


def place_in(entries: nodes.bullet_list, document: Document) -> None:
    """Each revoked section's item before the entry of the first section numbered after
    it, or after the last section's entry, in number order."""
    slugs = {f"{s.slug}.html": number_key(s.number) for s in document.sections}
    for gone in document.revoked_sections:  # in number order
        said = f"{gone.title}: revoked by {gone.resolution}" if gone.title else gone.said
        item = nodes.list_item(
            "", nodes.Text(f"{gone.number}. {said}."), classes=["toctree-l1", "revoked"]
        )
        item["ids"] = [f"{REVOKED_SECTION}{gone.number}"]
        key, at = number_key(gone.number), len(entries.children)
        for n, entry in enumerate(entries.children):
            link = next(iter(entry.findall(nodes.reference)), None)
            number = slugs.get(link.get("refuri", "")) if link is not None else None
            if number is not None and number > key:
                at = n
                break
        entries.insert(at, item)


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", place_revoked)
