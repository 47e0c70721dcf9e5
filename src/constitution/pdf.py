"""A printable, accessible PDF of a version of the protocol, from the model, with no network.

Typst lays it out (its Python binding: one self-contained wheel, no system libraries)
from the template beside this file, as a tagged PDF/UA-1 document: headings, paragraphs
and lists in its structure tree, its language (en-GB), its title shown by readers, a
bookmark for each section, and its fonts (Libertinus and DejaVu, from the wheel, never
the machine's) embedded. The version reaches the template as JSON data, never as Typst
mark-up, so a clause's '#', '$', '*' or ']' prints as written. The same version gives the
same bytes: the document carries no date.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from constitution import files
from constitution.council import Council
from constitution.model import Between, Clause, Document, Section
from constitution.numbering import in_place, number_key
from constitution.pdf_layout import CANNOT
from constitution.text_html import PAGE, runs
from constitution.text_plain import cited
from constitution.text_tree import (
    BulletList,
    Code,
    Emphasis,
    HardBreak,
    Inline,
    Link,
    Paragraph,
    Ref,
    SoftBreak,
    Statute,
    Strong,
    Term,
    Text,
    Tree,
    item_label,
    unlabelled,
)
from constitution.typography import curled, educate

TEMPLATE = Path(__file__).with_name("pdf.typ")


class LayoutError(Exception):
    """Typst could not lay the PDF out; its message says why."""


# Typst's layout on one worker thread (its binding's thread pool reads this): on two,
# the same PDF's layout peaked anywhere from 318 to 371 MB at 5,000 paragraphs, as the
# threads happened to interleave their allocations; on one, within a megabyte of 318.
LAYOUT_ENVIRONMENT = {"RAYON_NUM_THREADS": "1"}
UNSHOWN = re.compile(r'the text `"(.+?)"` could not be displayed')
Json = Any  # what json.dumps takes


def write_pdf(
    path: Path, document: Document, council: Council, status: list[str], pages: str
) -> None:
    """``status`` is the lines under the title (which version this is, its resolution,
    when it came into force), the first of them also at the foot of every page;
    ``pages`` is the site's folder of this version's pages (``draft/``), where a link
    to one of the site's pages leads."""
    data = template_data(document, council, status, pages)
    try:
        pdf = compile_pdf(data, ua=True)
    except LayoutError as exc:
        # PDF/UA-1 forbids a character no font can show; the wheel's fonts have Latin,
        # Greek and Cyrillic, not (say) Chinese or emoji. Rather than no PDF at all, one
        # that does not claim the standard (still tagged), and a warning saying where.
        unshown = UNSHOWN.search(str(exc))
        if unshown is None:
            raise
        character = unshown.group(1)
        where = next((c for c in document.clauses() if character in c.text), None)
        at = f"{where.path}:{where.line}: [{where.id}] " if where else ""
        print(
            f"{at}warning: the PDF of '{status[0]}' cannot show {character!r} in any of its "
            "fonts, so it is written without the PDF/UA-1 claim. How to fix: write the "
            "character another way, or leave it out.",
            file=sys.stderr,
        )
        pdf = compile_pdf(data, ua=False)
    files.replace(path, pdf)


def template_data(document: Document, council: Council, status: list[str], pages: str) -> Json:
    """What the template is given (its sys.inputs.data, as JSON)."""
    return {
        "title": curled(document.title),
        "council": council.name,
        "part": council.part,
        "status": status,
        "licence": council.licence,
        "licence_url": council.licence_url,
        "running": f"{curled(document.title)}: {status[0]}",
        "intro": Words(document, council, pages).blocks(document.intro_tree),
        "sections": sections_data(document, council, pages),
    }


def compile_pdf(data: Json, ua: bool) -> bytes:
    """The PDF, laid out in processes of their own (pdf_layout.py), so that a build holds
    at most one layout at a time: Typst frees nothing until its process ends.

    Two processes of one pass each: the first finds where each cited paragraph lands and
    how many pages there are, the second is given them. One process would lay every page
    out twice (its first pass cannot know them) and keep both, half as much memory again.
    Should the second's pages not be the first's, one process lays it out as before."""
    standard = "ua" if ua else "plain"
    given = json.dumps(data, ensure_ascii=False)
    targets = json.dumps(sorted(set(cited_ids(data))))
    try:
        found = layout({"data": given, "targets": targets}, "find")
    except (LayoutError, RuntimeError):
        found = b""  # the one process below says what is wrong
    if found:
        pdf = layout({"data": given, "found": found.decode("utf-8")}, standard)
        if len(PdfReader(io.BytesIO(pdf)).pages) == json.loads(found)["pages"]:
            return pdf
    return layout({"data": given}, standard)


def layout(inputs: dict[str, str], standard: str) -> bytes:
    """What pdf_layout.py gives for the template's ``inputs``."""
    done = subprocess.run(
        [sys.executable, "-m", "constitution.pdf_layout", str(TEMPLATE), standard],
        input=json.dumps(inputs).encode("utf-8"),
        capture_output=True,
        env=os.environ | LAYOUT_ENVIRONMENT,
    )
    if done.returncode == CANNOT:
        raise LayoutError(done.stderr.decode("utf-8", "replace"))
    if done.returncode:
        raise RuntimeError(f"the PDF's layout failed: {done.stderr.decode('utf-8', 'replace')}")
    return done.stdout


def cited_ids(data: Json) -> Iterator[str]:
    """The paragraphs the template's data refers to (its runs' "to")."""
    if isinstance(data, dict):
        if "to" in data:
            yield data["to"]
        for value in data.values():
            yield from cited_ids(value)
    elif isinstance(data, list):
        for value in data:
            yield from cited_ids(value)


def sections_data(document: Document, council: Council, pages: str) -> list[Json]:
    """Each section in number order, a revoked section's number kept in its place
    (insert numbering) with what its place says."""
    shown = [section_data(s, document, council, pages) for s in document.sections]
    if not document.revoked_sections:
        return shown
    shown += [
        {"number": s.number, "title": curled(s.title), "revoked": s.said}
        for s in document.revoked_sections
    ]
    return sorted(shown, key=lambda s: number_key(s["number"]))


def section_data(section: Section, document: Document, council: Council, pages: str) -> Json:
    """A section: its heading, introduction, and paragraphs in number order, a revoked
    paragraph's number kept in its place (insert numbering), and its unnumbered words
    (a sub-heading, or words) where they stand."""
    words = Words(document, council, pages)
    return {
        "number": section.number,
        "title": curled(section.title),
        "intro": words.blocks(section.intro_tree),
        "items": [
            {"number": p.number, "id": p.id, "blocks": words.blocks(p.tree)}
            if isinstance(p, Clause)
            else {"words": words.blocks(p.tree), "level": p.level}
            if isinstance(p, Between)
            else {"number": p.number, "revoked": p.said}
            for p in in_place(section)
        ],
    }


class Words:
    """A clause's tree as the template's data: blocks of runs of words, the words as the
    site shows them (curled quotes, references as the version numbers them)."""

    def __init__(self, document: Document, council: Council, pages: str) -> None:
        self.document, self.statutes = document, council.statutes
        self.site = council.base_url + pages if council.base_url else ""

    def blocks(self, tree: Tree) -> list[Json]:
        out: list[Json] = []
        for block in tree:
            if isinstance(block, Paragraph):
                shown = iter(educate(runs(block.children, self.statutes)))
                out.append({"p": self.inlines(block.children, shown)})
            elif isinstance(block, BulletList) and block.labelled:
                # its items' own labels ("(a)") as their markers, hanging as numbers do
                labels = [item_label(item).rstrip() for item in block.items]
                items = [self.blocks(unlabelled(item)) for item in block.items]
                out.append({"labelled": items, "labels": labels})
            elif isinstance(block, BulletList):
                out.append({"ul": [self.blocks(item) for item in block.items]})
            else:
                items = [self.blocks(item) for item in block.items]
                out.append({"ol": items, "start": block.start})
        return out

    def inlines(self, children: tuple[Inline, ...], shown: Iterator[str]) -> list[Json]:
        out: list[Json] = []
        for node in children:
            if isinstance(node, Text | SoftBreak):
                out.append(next(shown).replace("\n", " "))
            elif isinstance(node, HardBreak):
                out.append({"br": True})
            elif isinstance(node, Code):
                out.append({"code": next(shown).replace("\n", " ")})
            elif isinstance(node, Emphasis):
                out.append({"i": self.inlines(node.children, shown)})
            elif isinstance(node, Strong):
                out.append({"b": self.inlines(node.children, shown)})
            elif isinstance(node, Link):
                out += self.link(node, shown)
            elif isinstance(node, Ref):
                next(shown)
                # as the site reads it: "paragraph 3.1" linked, or "Article 2.1" (another
                # document's, which this file does not hold)
                label, own = cited(node, self.document), self.document.clause(node.target)
                out.append({"to": node.target, "c": [label]} if own else label)
            elif isinstance(node, Term):
                defined = self.document.definition(node.target)
                label = next(shown)
                out.append({"to": defined.id, "c": [label]} if defined else label)
            elif isinstance(node, Statute):
                entry, label = self.statutes.get(node.target), next(shown)
                out.append({"url": entry.url, "c": [label]} if entry else label)
        return out

    def link(self, node: Link, shown: Iterator[str]) -> list[Json]:
        """A web or e-mail address; a page of the site, at the site's address (its words
        alone where the council's settings give no address)."""
        words = self.inlines(node.children, shown)
        href = node.href
        if page := PAGE.match(href):
            if not self.site:
                return words
            href = f"{self.site}{page.group(1)}.html{page.group(2) or ''}"
        return [{"url": href, "c": words or [href]}]
