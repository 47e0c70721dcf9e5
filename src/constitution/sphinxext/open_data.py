"""Open data on the site: every version (and the draft) in each export format.

data/<version>/protocol.json, protocol.akn.xml, clauses.csv, needs.json and
protocol.pdf (to print, see print_file.py), where
<version> is 'draft' or an adoption date; each other document's likewise in
data/KEY/<version>/, its draft's PDF too, its files named for it (KEY.json, KEY.pdf...)
and, under the names they were first published with (protocol.json...), again;
schemas/protocol.schema.json; and a page, data/index.html, listing them all.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from constitution import files
from constitution.council import Council
from constitution.documents import PROTOCOL, citing, own_council, settings_of
from constitution.export import FORMATS, Edition, render
from constitution.graph import Example
from constitution.model import Document
from constitution.model_cache import digest, read_record, write_record
from constitution.sphinxext import page_templates, print_file
from constitution.sphinxext.addresses import DRAFT, PLAIN, layout_of, version_label
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_keys import document_key, key_of
from constitution.sphinxext.state import BuildState
from constitution.versions import in_force_on, today
from constitution.worker import Job

if TYPE_CHECKING:
    from sphinx.application import Sphinx


FILES = {f.key: f.file for f in FORMATS.values()}


def files_of(folder: str) -> dict[str, str]:
    """Each format's file in a version's folder under data/: the protocol's (<version>)
    FILES, another document's (KEY/<version>) named for it."""
    document, slash, _ = folder.partition("/")
    return {f.key: f.named(document) for f in FORMATS.values()} if slash else FILES


CACHE = ".constitution-data.json"  # beside the output; never published
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "protocol.schema.json"


Editions = list[tuple[Edition, Document, tuple[Example, ...]]]


def editions(store: BuildState) -> Editions:
    """Each version with what its files say of it; worked examples belong to the draft."""
    out: Editions = [
        (Edition(v.key, v.key, v.in_force.isoformat(), v.resolution, v.digest), v.document, ())
        for v in store.versions
    ]
    out.append((Edition(DRAFT), store.model, store.examples))
    return out


# Another document's versions and draft: its folder under data/ (KEY/<version>), what
# its files say of it, its text, the settings it is described with, and the folder of
# its pages (where its PDF's links to the site lead).
Others = list[tuple[str, Edition, Document, Council, str]]


def others(store: BuildState) -> Others:
    """Each other document's versions, then its draft, described as the protocol is with
    its own settings (title, ID prefix, numbering) and Part."""
    out: Others = []
    for entry in store.constitution:
        if entry.key == PROTOCOL:
            continue
        council = store.council
        settings = own_council(council, settings_of(council, entry.key))
        own = dataclasses.replace(settings, part=entry.part, citation=entry.title)
        layout = layout_of(entry.key)
        for v in entry.versions:
            edition = Edition(v.key, v.key, v.in_force.isoformat(), v.resolution, v.digest)
            # citing the other documents as its pages do (documents.cited_clause)
            document = citing(store.constitution, entry.key, v.document, v.in_force)
            pages = layout.folder(v.key) + "/"
            out.append((f"{entry.key}/{v.key}", edition, document, own, pages))
        # the draft's pages: at KEY/ while no version is adopted, else draft/KEY/
        pages = layout.folder(DRAFT if entry.versions else PLAIN) + "/"
        out.append((f"{entry.key}/{DRAFT}", Edition(DRAFT), entry.document, own, pages))
    return out


def pending(
    outdir: Path, editions: Editions, council: Council, elsewhere: Others
) -> tuple[dict[str, str], list[Job]]:
    """The record of every version's files this build leaves, and jobs for each version
    whose files are missing or changed (see offload.py): its PDF's, first (the version's
    contents page waits for it, to give its size: the draft's, written first, first of
    all), then its other files'."""
    cached = read_record(outdir / CACHE)
    fresh: dict[str, str] = {}
    prints: list[Job] = []
    jobs: list[Job] = []
    for edition, document, examples in reversed(editions):
        # A version's files change only with its text, the council's settings, the numbers
        # of the other documents' paragraphs it cites, or this code; an adopted version's
        # text is known by its record's digest.
        if edition.digest:
            text = edition.digest + key_of(document.elsewhere)
        else:
            text = document_key(document) + key_of(examples)
        fresh[edition.key] = key = digest([], extra=f"{text}|{key_of(council)}")
        pdf = print_file.path(outdir, edition.key)
        if cached.get(edition.key) != key or not pdf.exists():
            pages = layout_of(PROTOCOL).folder(edition.key) + "/"
            prints.append((write_print, (pdf, edition, document, council, pages)))
            jobs.append((write_edition, (outdir, edition, document, examples, council)))
    for folder, edition, document, own, pages in elsewhere:
        if edition.digest:
            text = edition.digest + key_of(document.elsewhere)
        else:
            text = document_key(document)
        fresh[folder] = key = digest([], extra=f"{text}|{key_of(own)}|{pages}")
        written = outdir / "data" / folder / files_of(folder)["json"]
        pdf = print_file.path(outdir, folder)
        if cached.get(folder) != key or not written.exists() or not pdf.exists():
            prints.append((write_print, (pdf, edition, document, own, pages)))
            jobs.append((write_edition, (outdir, edition, document, (), own, folder)))
    return fresh, prints + jobs


def write_edition(
    outdir: Path,
    edition: Edition,
    document: Document,
    examples: tuple[Example, ...],
    council: Council,
    under: str | None = None,
) -> None:
    """A version's files, in data/<version> (or, another document's, data/``under``)."""
    folder = outdir / "data" / (under or edition.key)
    folder.mkdir(parents=True, exist_ok=True)
    for fmt, name in files_of(under or edition.key).items():
        drawn = render(fmt, document, edition, council, examples)
        files.replace(folder / name, drawn)
        if name != FILES[fmt]:  # the name it was first published with answers still
            files.replace(folder / FILES[fmt], drawn)


def write_print(
    path: Path, edition: Edition, document: Document, council: Council, pages: str
) -> None:
    """The version's PDF; what its first page says of the version is what its pages say;
    ``pages`` is the folder of the version's pages, where its links to the site lead."""
    status = edition.status()
    from constitution.pdf import write_pdf  # Typst: only where a PDF is laid out

    path.parent.mkdir(parents=True, exist_ok=True)
    write_pdf(path, document, council, status, pages)
    if path.name != print_file.NAME:  # the name it was first published with, as above
        files.replace(path.with_name(print_file.NAME), path.read_bytes())


IN_FORCE = "in-force"  # data/in-force/, data/KEY/in-force/: whichever version is in force


def in_force_folders(store: BuildState) -> dict[str, str | None]:
    """Each document's fixed address for the open data of its version in force (as its
    plain pages are for its text), and the version's folder that fills it (None while
    none is in force)."""
    out: dict[str, str | None] = {}
    for entry in store.constitution:
        now = in_force_on(list(entry.versions), today())
        under = "" if entry.key == PROTOCOL else f"{entry.key}/"
        out[f"{under}{IN_FORCE}"] = f"{under}{now.key}" if now else None
    return out


def finish(outdir: Path, fresh: dict[str, str], in_force: dict[str, str | None]) -> None:
    """Once every version's files are written: the schema, the record of them, and the
    version in force's files copied to their fixed address (a developer's program need
    not learn the date of the version in force; a static site cannot redirect a file)."""
    (outdir / "schemas").mkdir(exist_ok=True)
    (outdir / "schemas" / SCHEMA.name).write_bytes(SCHEMA.read_bytes())
    write_record(outdir / CACHE, fresh)
    data = outdir / "data"
    for fixed, version in in_force.items():
        shutil.rmtree(data / fixed, ignore_errors=True)
        if version is not None:
            shutil.copytree(data / version, data / fixed)


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    store = state(app.env)
    # each document's version in force, named so in the list (the draft while none is)
    now = {
        entry.key: v.key if (v := in_force_on(list(entry.versions), today())) else DRAFT
        for entry in store.constitution
    }
    listed: list[dict[str, Any]] = [
        {
            "label": version_label(edition.key, now[PROTOCOL]),
            "key": edition.key,
            "pdf": print_file.link(
                app, edition.key, f"{edition.key}/{print_file.NAME}", print_file.NAME
            ),
        }
        for edition, _, _ in reversed(editions(store))
    ]
    elsewhere = others(store)
    if elsewhere:  # among other documents, the protocol's rows name it as theirs do
        listed = [{**row, "label": f"{store.council.document}: {row['label']}"} for row in listed]
    # each document's newest first, its draft at the top, as the protocol's
    for key, rows in groupby(elsewhere, key=lambda other: other[0].partition("/")[0]):
        listed += [
            {
                "label": f"{council.document}: {version_label(edition.key, now[key])}",
                "key": folder,
                "pdf": print_file.link(
                    app, folder, f"{folder}/{print_file.name(folder)}", print_file.name(folder)
                ),
                "files": files_of(folder).values(),
            }
            for folder, edition, _, council, _ in reversed(list(rows))
        ]
    body = page_templates.render(
        "open-data.html",
        editions=listed,
        files=FILES.values(),
        several=bool(elsewhere),
        in_force=now[PROTOCOL] != DRAFT,
        licence=store.council.licence,
        licence_url=store.council.licence_url,
    )
    yield "data/index", {"title": "Open data files", "body": body}, "page.html"
