"""Search with Pagefind, and the jump straight to a clause by number or ID.

Every clause of every version (and the draft) is one Pagefind record whose URL is the
clause's own anchor, titled with its number and section, filtered by version. A small
clause index maps numbers and IDs to clause URLs for each version, so that typing "7.12",
"para 7.12" or "MOP-0042" opens that clause of the version being read.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from constitution.model import Document
from constitution.redline import plain
from constitution.sphinxext.versions_site import DRAFT, Site, long_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def version_label(site: Site, key: str) -> str:
    if key == DRAFT:
        return "Draft (not adopted)"
    return f"Adopted {long_date(site.by_key(key).date)}"


def documents(site: Site) -> list[tuple[str, Document]]:
    return [(v.key, v.document) for v in site.versions] + [(DRAFT, site.store.model)]


def clause_index(site: Site) -> dict[str, Any]:
    """Per version: number -> URL and ID -> URL (from the site root)."""
    out: dict[str, Any] = {}
    for key, document in documents(site):
        numbers, ids = {}, {}
        for section in document.sections:
            page = site.section_page(key, section.slug) + ".html"
            for c in section.clauses:
                numbers[c.number] = ids[c.id] = f"{page}#{c.id}"
        out[key] = {"label": version_label(site, key), "numbers": numbers, "ids": ids}
    return out


def write_index(outdir: Path, site: Site) -> None:
    """Index every clause with the Pagefind binary, one small record page a clause.

    Each record carries the clause's real address as metadata, so results open the clause
    itself; the record pages are indexed from a temporary folder and never published.
    """
    with tempfile.TemporaryDirectory(prefix="constitution-search-") as tmp:
        for n, record in enumerate(records(site)):
            meta = "".join(
                f'<span data-pagefind-meta="{k}">{escape(v)}</span>'
                for k, v in record["meta"].items()
            )
            Path(tmp, f"{n:06d}.html").write_text(
                f'<!doctype html><html lang="en"><body data-pagefind-body>{meta}'
                f'<span data-pagefind-filter="version">{escape(record["version"])}</span>'
                f"<p>{escape(record['content'])}</p></body></html>",
                encoding="utf-8",
            )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                tmp,
                "--output-path",
                str(outdir / "pagefind"),
                "--silent",
            ],
            check=True,
        )


def records(site: Site) -> list[dict[str, Any]]:
    out = []
    for key, document in documents(site):
        label = version_label(site, key)
        for section in document.sections:
            page = site.section_page(key, section.slug) + ".html"
            for c in section.clauses:
                out.append(
                    {
                        "content": plain(c.text, document),
                        "version": label,
                        "meta": {
                            "title": f"{c.number} {section.title}",
                            "number": c.number,
                            "id": c.id,
                            "url": f"{page}#{c.id}",
                        },
                    }
                )
    return out


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    from constitution.sphinxext.clauses import domain

    if exception is not None or app.builder.format != "html":
        return
    site = Site(app, domain(app.env))
    outdir = Path(app.outdir)
    index = clause_index(site)
    index["in_force"] = site.in_force.key if site.in_force else DRAFT
    (outdir / "clause-index.json").write_text(json.dumps(index, sort_keys=True), encoding="utf-8")
    if app.config.constitution_search:
        write_index(outdir, site)


def page_version(pagename: str, site: Site) -> str:
    """The version a page belongs to: what the search box's jump should open."""
    parts = pagename.split("/")
    if parts[0] == "protocol":
        return DRAFT
    if len(parts) >= 3 and parts[0] == "versions" and parts[1][:1].isdigit():
        return parts[1]
    return site.in_force.key if site.in_force else DRAFT


def collect_pages(app: Sphinx) -> Any:
    yield "search", {"title": "Search"}, "search.html"


def setup(app: Sphinx) -> None:
    app.add_config_value("constitution_search", True, "html", types=(bool,))
    app.connect("builder-inited", _no_sphinx_search)
    app.connect("html-collect-pages", collect_pages)
    app.connect("build-finished", build_finished)


def _no_sphinx_search(app: Sphinx) -> None:
    # Pagefind searches; Sphinx's own index would cost build time and go unused.
    if hasattr(app.builder, "search"):
        app.builder.search = False
