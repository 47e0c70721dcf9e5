"""Search with Pagefind, and the jump straight to a clause by number or ID.

Each version (and the draft) has its own Pagefind bundle, in which every section is a
record at its page's address and every clause a heading anchored by its ID, so that a
result opens the clause itself. A small clause index maps numbers and IDs to clause URLs
for each version, so that typing "7.12", "para 7.12" or "MOP-0042" opens that clause of
the version being read; and, for the constitution's other documents, how each is cited,
so that "Article 12.3", "CPR 4.2" or "paragraph 14.4 of the Member/Officer Protocol"
opens it too.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from constitution import files
from constitution.council import Council
from constitution.documents import PROTOCOL, Entry
from constitution.model import Clause, Document, Revoked, Section
from constitution.model_cache import digest, read_record, write_record
from constitution.plain_words import PLAIN_WORDS, WHOLE
from constitution.sphinxext.addresses import (
    DRAFT,
    PLAIN,
    PROTOCOL_LAYOUT,
    layout_of,
    section_page,
    version_label,
)
from constitution.sphinxext.clause_box import capitalised
from constitution.sphinxext.domain import state
from constitution.sphinxext.page_keys import document_key
from constitution.sphinxext.page_templates import render
from constitution.sphinxext.state import BuildState
from constitution.sphinxext.versions_site import REVOKED_SECTION, Site, plain_text
from constitution.text_plain import Marks, plain
from constitution.typography import long_date
from constitution.versions import in_force_on, today
from constitution.worker import Job

if TYPE_CHECKING:
    from sphinx.application import Sphinx


# Each version's key, the key of the pages its results open, its digest if adopted (its
# text can then never change), and its text. The version in force opens the plain
# addresses' pages, so that a result or a jump leads to where a reader would link.
Documents = list[tuple[str, str, str | None, Document]]


def documents(store: BuildState) -> Documents:
    force = in_force_on(store.versions, today())
    return [
        (v.key, PLAIN if v is force else v.key, v.digest, v.document) for v in store.versions
    ] + [(DRAFT, DRAFT, None, store.model)]


def version_name(adopted: dt.date | None, in_force: bool, of: str = "") -> str:
    """A version as a sentence names it: "the draft (not adopted)", "the version in force
    (adopted 14 May 2026)", "the version of the Articles adopted 15 May 2025"."""
    if adopted is None:
        return f"the draft{of} (not adopted)"
    when = f"adopted {long_date(adopted)}"
    return f"the version{of} in force ({when})" if in_force else f"the version{of} {when}"


def addresses(document: Document, page_of: Callable[[str], str]) -> dict[str, Any]:
    """A version's paragraphs by number and by ID, its sections by number ("section 14":
    the whole section) and its revoked paragraphs by ID, at the pages ``page_of(slug)``
    names. A revoked number opens its place, marked revoked."""
    numbers, ids, sections, revoked = {}, {}, {}, {}

    def kept(r: Revoked, place: str) -> None:
        numbers[r.number] = place
        if r.id:  # one printed as revoked in the document imported had none here
            revoked[r.id] = place

    for section in document.sections:
        page = page_of(section.slug) + ".html"
        sections[section.number] = page
        for c in section.clauses:
            numbers[c.number] = ids[c.id] = f"{page}#{c.id}"
        for r in section.revoked:
            kept(r, f"{page}#{r.id or f'para-{r.number}'}")
    for gone in document.revoked_sections:  # a revoked section's, its place
        place = f"{page_of('index')}.html#{REVOKED_SECTION}{gone.number}"
        sections.setdefault(gone.number, place)
        for r in gone.revoked:
            kept(r, place)
    return {"numbers": numbers, "ids": ids, "sections": sections, "revoked": revoked}


def clause_index(site: Site) -> dict[str, Any]:
    """Per version: number -> URL and ID -> URL (from the site root), and how a sentence
    names it, to say which versions hold a number or ID the one read lacks; and the day
    an adopted version came into force, to open another document as it stood then."""
    out: dict[str, Any] = {}
    for key, at, _, document in documents(site.store):
        version = None if key == DRAFT else site.by_key(key)
        out[key] = {
            "label": version_label(key, site.plain),
            "name": version_name(version.date if version else None, key == site.plain),
            **addresses(document, partial(section_page, at)),
            "contents": section_page(at, "index") + ".html",
            "history": PROTOCOL_LAYOUT.history("{id}") + ".html",
            **({"from": version.in_force.isoformat()} if version else {}),
        }
    return out


OTHERS = "documents"  # clause-index.json's key for the other documents' jumps
CITING = "citing"  # and for the protocol's citations, whose numbers are the version read's


def around(form: str) -> tuple[str, str]:
    """The words before and after the number of a citation form ("Article", "")."""
    before, _, after = form.partition("{number}")
    return before.strip(), after.strip()


def citations(entry: Entry, within: str, called: Iterable[str] = ()) -> dict[str, Any]:
    """How a reader cites a document's paragraph, for the jump box: the words before its
    number ("Article" of "Article {number}", "Rule" of its own "Rule {number}" when no
    other document is cited so, its ID prefix, its title, the readers' names for it:
    "Standing Order" of the Procedure Rules, "protocol") and after it ("of the
    Member/Officer Protocol", "of the protocol"), and its Part ("Part 4.1"), which opens
    its contents."""
    lead, tail = around(entry.cite)
    names = list(dict.fromkeys([entry.title, *([tail.removeprefix("of the ")] if tail else [])]))
    leads = [lead, within, entry.id_prefix, *names, *called, *part_numbered(entry.part)]
    tails = [tail, *(f"of the {n}" for n in [*names, *called])]
    return {
        "leads": [w for w in dict.fromkeys(leads) if w],
        "tails": [w for w in dict.fromkeys(tails) if w],
        "part": entry.part,
    }


# A Part's number: "5.3" of "Part 5.3".
PART_NUMBER = re.compile(r"Part\s+(\S+)", re.I)
DASHES = ("–", "—", "-")


def part_numbered(part: str) -> list[str]:
    """How a council prints a paragraph's number after its Part's ("5.3 – 3.2", "5.3-3.2"):
    the Part's number and a dash, spaced or not, as words before the paragraph's number."""
    found = PART_NUMBER.fullmatch(part.strip())
    if found is None:
        return []
    return [f"{found[1]}{space}{dash}" for dash in DASHES for space in ("", " ")]


def own_leads(constitution: Iterable[Entry]) -> dict[str, str]:
    """Each document's own way of citing its paragraphs ("Rule" of "Rule {number}"), where
    no other document is cited, or cites its own, with the same words: the jump box then
    reads it as that document's."""
    entries = tuple(constitution)
    forms = [(e.key, around(form)[0]) for e in entries for form in (e.cite, e.document.cites)]
    own = {e.key: around(e.document.cites)[0] for e in entries}
    return {
        key: lead
        for key, lead in own.items()
        if not any(k != key and w.lower() == lead.lower() for k, w in forms)
    }


def readers_names(
    constitution: Iterable[Entry], words: dict[str, tuple[str, ...]]
) -> dict[str, list[str]]:
    """Each document's names in the readers' words (plain words and the council's
    synonyms): a reader's phrase whose words for it end its title ("standing order":
    "procedure rules", of the "Council Procedure Rules"), singular and plural, each only
    where it names one document."""
    entries = tuple(constitution)
    named: dict[str, list[str]] = {}
    for phrase, meant in words.items():
        titled = [
            e.key
            for e in entries
            if any(" " in m and f" {e.title.lower()}".endswith(f" {m}") for m in meant)
        ]
        if len(titled) == 1:
            one = phrase.removesuffix("s")
            named.setdefault(titled[0], []).extend(dict.fromkeys([one, one + "s"]))
    return named


HEAD = re.compile(r"\s+(?:of|on|for)\s+", re.IGNORECASE)


def short_names(constitution: Iterable[Entry]) -> dict[str, list[str]]:
    """Each document's name in one word, as readers shorten it ("the protocol", "the
    articles", "the rules"): the last word of its title, or of the name it is cited by,
    before any "of", "on" or "for" ("Articles of the Constitution": "Articles";
    "Protocol on Member/Officer Relations": "Protocol"), each only where it names one
    document."""
    entries = tuple(constitution)
    words = {
        e.key: {
            HEAD.split(name)[0].split()[-1].lower()
            for name in (e.title, around(e.cite)[1].removeprefix("of the "))
            if name.strip()
        }
        for e in entries
    }
    return {
        key: sorted(w for w in mine if not any(w in words[k] for k in words if k != key))
        for key, mine in words.items()
    }


def jump_index(entry: Entry, within: str, called: Iterable[str] = ()) -> dict[str, Any]:
    """How the jump box reaches another document's paragraph: by its citations (above),
    and each number, section number and ID's address at its plain addresses (the version
    in force); and every other version's, to say where a number or ID is that the version
    in force lacks."""
    layout = layout_of(entry.key)
    force = in_force_on(list(entry.versions), today())
    of = f" of the {entry.title}"
    shown = plain_text(entry)
    return {
        "key": entry.key,  # as a page of it names it to the jump (documents_site.read)
        "title": entry.title,
        "prefix": entry.id_prefix,
        **citations(entry, within, called),
        "cited": capitalised(entry.cite),
        "name": version_name(force.date if force else None, True, of),
        "contents": f"{entry.pages}/index.html",
        "history": layout.history("{id}") + ".html",
        **addresses(shown, lambda slug: f"{entry.pages}/{slug}"),
        # each adopted version's at its own pages, for "In force on a date" and the above
        "versions": [
            {
                "from": v.in_force.isoformat(),
                "key": v.key,
                "name": version_name(v.date, v is force, of),
                "label": version_label(v.key, force.key if force else DRAFT),
                **addresses(v.document, partial(layout.page, v.key)),
                "contents": layout.page(v.key, "index") + ".html",
            }
            for v in entry.versions
        ],
        # and its draft's, while a version is in force (else the plain addresses show it)
        "draft": None
        if entry.document is shown
        else {
            "name": version_name(None, False, of),
            "label": version_label(DRAFT, DRAFT),
            "history": layout.history("{id}") + ".html",
            "contents": layout.page(DRAFT, "index") + ".html",
            **addresses(entry.document, partial(layout.page, DRAFT)),
        },
    }


SEARCH_CACHE = ".constitution-search.json"  # beside the output; never published


def others(store: BuildState) -> tuple[Entry, ...]:
    """The constitution's other documents: searched in every version's bundle, each as
    its plain addresses show it, and jumped to by their own numbers."""
    return tuple(e for e in store.constitution if e.key != PROTOCOL)


def pending(
    outdir: Path, documents: Documents, elsewhere: tuple[Entry, ...] = ()
) -> tuple[dict[str, str], list[Job]]:
    """The record of every version's search bundle this build leaves, and a job indexing
    each version whose bundle is missing or changed (see offload.py), and one writing the
    English words spelt right if they are missing.

    A bundle a version, rather than one bundle filtered by version, because Pagefind writes
    filters in a different order on every run and the site must be reproducible; it also
    means an adopted version, whose text never changes, is indexed once, not every build.
    """
    root = outdir / "pagefind"
    cached = read_record(outdir / SEARCH_CACHE)
    fresh: dict[str, str] = {}
    jobs: list[Job] = []
    # The other documents, searched in every bundle: their text hashed once, not a bundle.
    also = "".join(e.pages + document_key(plain_text(e)) for e in elsewhere)
    for key, at, adopted, document in documents:
        # An adopted version is known by its record's digest and where its results open;
        # the draft by its text.
        fresh[key] = digest([], extra=at + (adopted or document_key(document)) + also)
        # The words are written last: with them, the bundle is whole.
        if cached.get(key) != fresh[key] or not (root / key / WORDS).exists():
            jobs.append((index_version, (root / key, at, document, elsewhere)))
    for key, entry, at, adopted, document in other_versions(elsewhere):
        fresh[key] = digest([], extra=key + (adopted or document_key(document)))
        if cached.get(key) != fresh[key] or not (root / key / WORDS).exists():
            jobs.append((index_other_version, (root / key, entry, at, document)))
    if read_marker(outdir / KNOWN) != dictionary():
        jobs.append((write_known_words, (outdir / KNOWN,)))
    return fresh, jobs


def index_version(
    bundle: Path, at: str, document: Document, elsewhere: tuple[Entry, ...] = ()
) -> None:
    """Index one version's clauses with the Pagefind binary: one record page a section,
    one heading a clause. Each record page has its section page's address and each clause
    heading the clause's ID, so Pagefind's sub-results open the clause itself. The record
    pages are plain text (no navigation to index), written to a temporary folder and
    never published."""
    pages = record_pages(at, document)
    for entry in elsewhere:
        pages.update(other_record_pages(entry))
    write_bundle(bundle, pages, [document, *map(plain_text, elsewhere)])


# Another document's versions that its plain addresses do not show (those no longer in
# force, and its draft while one is): each a bundle of its own, pagefind/KEY/VERSION/,
# searched from its pages, so that a reader of the Articles as adopted in March finds
# words in that text, not in the Articles as reworded since.
Others = list[tuple[str, Entry, str, str | None, Document]]


def other_versions(elsewhere: tuple[Entry, ...]) -> Others:
    """Each such version: its bundle's key, its document, the key of its pages, its
    digest if adopted, and its text."""
    out: Others = []
    for entry in elsewhere:
        shown = plain_text(entry)
        out += [
            (f"{entry.key}/{v.key}", entry, v.key, v.digest, v.document)
            for v in entry.versions
            if v.document is not shown
        ]
        if entry.document is not shown:
            out.append((f"{entry.key}/{DRAFT}", entry, DRAFT, None, entry.document))
    return out


def index_other_version(bundle: Path, entry: Entry, at: str, document: Document) -> None:
    """Index a version of another document at its own pages (key ``at``)."""
    write_bundle(bundle, other_record_pages(entry, at, document), [document])


def write_bundle(bundle: Path, pages: dict[str, str], documents: list[Document]) -> None:
    """Pagefind's bundle of the record pages given (address: HTML), and the words of the
    documents they are drawn from, written last: with them, the bundle is whole."""
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="constitution-search-") as tmp:
        for name, page in pages.items():
            path = Path(tmp, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")
        pagefind = [sys.executable, "-m", "pagefind", "--silent"]
        subprocess.run([*pagefind, "--site", tmp, "--output-path", str(bundle)], check=True)
    for unused in [*bundle.glob("pagefind-*ui.*"), bundle / "pagefind-highlight.js"]:
        unused.unlink(missing_ok=True)  # Pagefind's own interfaces: the site has its own
    (bundle / WORDS).write_text(json.dumps(vocabulary(documents)), encoding="utf-8")


# Beside each version's bundle: the words its text holds, from which the search page
# suggests a correction for a word the index does not have ("inquery": "enquiry").
WORDS = "words.json"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def vocabulary(documents: list[Document]) -> list[str]:
    """Every word of a version's clauses (and the other documents'), in lower case, once,
    sorted."""
    words: set[str] = set()
    for document in documents:
        for c in document.clauses():
            words.update(w.lower() for w in WORD.findall(plain(c.tree, document)))
    return sorted(w for w in words if len(w) > 2)


# English words, spelt right, in files by their first two letters ("co.json"): before the
# search page suggests a correction for a word the text lacks, it looks the word up here,
# so that a word spelt right ("counsel", "talking") is never "corrected" to a word of the
# text ("council", "taking"). One small file a lookup, and only when a suggestion is near.
KNOWN = "search-known"
KNOWN_DONE = "dictionary.txt"  # written last: which dictionary the files hold
SHARD = re.compile(r"[a-z]{2}[a-z]*")


def dictionary() -> str:
    return f"pyspellchecker {importlib.metadata.version('pyspellchecker')} en"


def read_marker(folder: Path) -> str | None:
    try:
        return (folder / KNOWN_DONE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def write_known_words(folder: Path) -> None:
    from spellchecker import SpellChecker  # only where a word list is written: rarely

    shards: dict[str, list[str]] = {}
    for word in sorted(SpellChecker(language="en", distance=1).word_frequency.keys()):
        if SHARD.fullmatch(word):
            shards.setdefault(word[:2], []).append(word)
    folder.mkdir(exist_ok=True)
    for stale in set(p.stem for p in folder.glob("*.json")) - set(shards):
        (folder / f"{stale}.json").unlink()
    for first, words in shards.items():
        files.replace(folder / f"{first}.json", json.dumps(words, separators=(",", ":")))
    files.replace(folder / KNOWN_DONE, dictionary())


def finish(outdir: Path, fresh: dict[str, str]) -> None:
    """Once every bundle is written: no bundle of a version gone, and the record."""
    for stale in set(read_record(outdir / SEARCH_CACHE)) - set(fresh):
        shutil.rmtree(outdir / "pagefind" / stale, ignore_errors=True)
    write_record(outdir / SEARCH_CACHE, fresh)


# How a search result names a paragraph: the protocol's by its number, another document's
# as it is cited ("Council Procedure Rule 8.4"), its section's title beside it.
PARAGRAPH = "Paragraph {number}"


def record_pages(at: str, document: Document) -> dict[str, str]:
    """A version's section pages' addresses (those of key ``at``) and what Pagefind should
    read there."""
    return {
        section_page(at, section.slug) + ".html": record_page(
            section, section.title, document, PARAGRAPH
        )
        for section in document.sections
    }


def other_record_pages(
    entry: Entry, at: str = PLAIN, document: Document | None = None
) -> dict[str, str]:
    """Another document's section pages, titled with the document's name: at its plain
    addresses (KEY/) what they show, or the pages of key ``at`` and their text."""
    document = document or plain_text(entry)
    return {
        layout_of(entry.key).page(at, section.slug) + ".html": record_page(
            section, f"{entry.title}: {section.title}", document, capitalised(entry.cite)
        )
        for section in document.sections
    }


def record_page(section: Section, title: str, document: Document, cited: str) -> str:
    clauses = [
        {"id": c.id, "number": c.number, "text": Markup(clause_text(c, document))}
        for c in section.clauses
    ]
    return render("search-record.html", title=title, cited=cited, clauses=clauses)


# A term in bold in a clause that defines terms is the term defined: weighted as
# Pagefind weights a heading, so that searching a defined term finds its definition.
DEFINED_WEIGHT = 2
DEFINED = Marks(
    escape, lambda words: f'<strong data-pagefind-weight="{DEFINED_WEIGHT}">{words}</strong>'
)
ESCAPED = Marks(escape)


def clause_text(c: Clause, document: Document) -> str:
    return plain(c.tree, document, DEFINED if c.defines else ESCAPED)


SEARCH_TERMS = "search-terms.json"


def search_terms(council: Council) -> dict[str, Any]:
    """What the search page needs beside the index: the council's synonyms, as groups of
    interchangeable words (conf/council.toml, [search.synonyms]), and the plain words
    every council's readers use, each a reader's word then the protocol's words for it;
    and the words never searched without their ending (plain_words.WHOLE)."""
    return {
        "synonyms": [[key, *words] for key, words in sorted(council.synonyms.items())],
        "plain": [[key, *words] for key, words in sorted(PLAIN_WORDS.items())],
        "whole": list(WHOLE),
    }


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    store = state(app.env)
    site = Site(app, store)
    path = Path(app.outdir) / "clause-index.json"
    index = clause_index(site)
    index["in_force"] = site.in_force.key if site.in_force else DRAFT
    # an ID of this prefix (or of another document's) that no version has is said to be
    # missing, not searched as words as "COVID-19" is
    index["prefix"] = store.council.id_prefix
    protocol = next(e for e in store.constitution if e.key == PROTOCOL)
    if elsewhere := others(store):
        within = own_leads(store.constitution)
        readers = readers_names(store.constitution, {**PLAIN_WORDS, **store.council.synonyms})
        short = short_names(store.constitution)
        called = {e.key: [*readers.get(e.key, ()), *short[e.key]] for e in store.constitution}
        index[OTHERS] = [
            jump_index(e, within.get(e.key, ""), called.get(e.key, ())) for e in elsewhere
        ]
        index[CITING] = citations(protocol, within.get(PROTOCOL, ""), called.get(PROTOCOL, ()))
    else:  # the protocol alone: cited by its Part's number ("5.3 – 3.2"), its name or prefix
        index[CITING] = citations(protocol, "")
    if index != store.kept.clause_index or not path.exists():  # the editor's loop: seldom changes
        path.write_text(json.dumps(index, sort_keys=True), encoding="utf-8")
        store.kept.clause_index = index
    terms = Path(app.outdir) / SEARCH_TERMS
    text = json.dumps(search_terms(store.council), sort_keys=True)
    if not terms.exists() or terms.read_text(encoding="utf-8") != text:
        terms.write_text(text, encoding="utf-8")


def collect_pages(app: Sphinx) -> Any:
    store = state(app.env)
    number, clause_id = example(store)
    site = Site(app, store)
    # The versions to choose from are drawn in the page, the one in force chosen, as
    # clause-index.json lists them: the index itself (some 200 KB for three versions) is
    # fetched with the first search, not by a phone that only opens the page.
    # Each with the day it came into force, which a citation of another document made
    # from it reads that document as of (its menu's note says so).
    versions = [
        (
            key,
            version_label(key, site.plain),
            "" if key == DRAFT else site.by_key(key).in_force.isoformat(),
        )
        for key, *_ in sorted(documents(store))
    ]
    context = {
        "title": "Search",
        "number_example": number,
        "id_example": clause_id,
        "search_versions": versions,
        "search_in_force": site.in_force.key if site.in_force else DRAFT,
    }
    yield "search", context, "search.html"


def example(build: BuildState) -> tuple[str, str]:
    """A paragraph of this council's protocol, its number and its ID, to show a reader
    what each looks like: one from the middle, numbered as the council numbers ("12.4",
    "2(3)" or "12"), not a form of the tool's own its numbering or prefix may not have."""
    clauses = list(build.constitution.entry(PROTOCOL).document.clauses())
    if not clauses:  # a protocol not yet written: the form its first paragraph will have
        return "1.1", f"{build.council.id_prefix}-0001"
    middle = clauses[len(clauses) // 2]
    return middle.number, middle.id


def setup(app: Sphinx) -> None:
    app.add_config_value("constitution_search", True, "html", types=(bool,))
    app.connect("builder-inited", _no_sphinx_search)
    app.connect("html-collect-pages", collect_pages)
    app.connect("build-finished", build_finished)


def _no_sphinx_search(app: Sphinx) -> None:
    # Pagefind searches; Sphinx's own index would cost build time and go unused.
    if hasattr(app.builder, "search"):
        app.builder.search = False
