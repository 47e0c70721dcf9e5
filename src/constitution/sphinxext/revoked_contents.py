"""A section's number kept revoked in the draft (one the document imported printed as
revoked: the index's front matter) shown in its place on the draft's contents page, as
an adopted version's contents page shows a revoked section. The contents Sphinx draws
from the index's toctree list only the sections with pages, and Sphinx resolves the
toctree after the last event a doctree passes: so the item goes into the page's body."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from constitution.model import DRAFT_PAGES
from constitution.numbering import number_key
from constitution.sphinxext.domain import state
from constitution.sphinxext.versions_site import REVOKED_SECTION

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# a section's entry in the contents Sphinx draws from a toctree of depth one
ENTRY = '<li class="toctree-l1"><a class="reference internal" href="{slug}.html">'


def place_revoked(
    app: Sphinx, docname: str, template: str, context: dict[str, Any], doctree: object
) -> None:
    document = state(app.env).model
    if docname != f"{DRAFT_PAGES}/index" or not document.revoked_sections or "body" not in context:
        return
    body, last = context["body"], ""  # "": none yet after the last section's entry
    for gone in document.revoked_sections:  # in number order
        said = f"{gone.title}: revoked by {gone.resolution}" if gone.title else gone.said
        item = (
            f'<li class="toctree-l1 revoked" id="{REVOKED_SECTION}{gone.number}">'
            f"{escape(gone.number)}. {escape(said)}.</li>\n"
        )
        key = number_key(gone.number)
        after = [s for s in document.sections if number_key(s.number) > key]
        if after and (entry := ENTRY.format(slug=after[0].slug)) in body:
            body = body.replace(entry, item + entry, 1)
        elif document.sections and (entry := ENTRY.format(slug=document.sections[-1].slug)) in body:
            end = body.index("</li>", body.index(entry)) + len("</li>\n") + len(last)
            body, last = body[:end] + item + body[end:], last + item
    context["body"] = body


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", place_revoked)
