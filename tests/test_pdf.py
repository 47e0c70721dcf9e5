"""The printable PDF of each version: tagged to PDF/UA-1 and read back as a reader's
software reads it (its structure, outline, language, title and fonts), with every
paragraph's number and words; clause words printed as written, never run as Typst."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from conftest import MODEL, REVOKED_AS, Site
from constitution import pdf as layouts
from constitution.model import Document, Revoked, RevokedSection
from constitution.numbering import number_key
from constitution.pdf import TEMPLATE, template_data, write_pdf
from constitution.project import Project
from constitution.sphinxext.print_file import shown_size
from constitution.text_plain import plain

BULLET = re.compile(r"^- ", re.MULTILINE)  # plain text's bullet; the PDF's is a dot
VERSIONS = ["2024-05-16", "2025-05-15", "2026-05-14", "draft"]
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def resolved(node: Any) -> Any:
    return node.get_object() if isinstance(node, IndirectObject) else node


def structure(node: Any, seen: Counter[str]) -> Counter[str]:
    """How many of each structure element the tree under ``node`` holds."""
    node = resolved(node)
    if isinstance(node, DictionaryObject):
        if "/S" in node:
            seen[str(node["/S"])] += 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            structure(kid, seen)
    return seen


def fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font on every page, and whether its program is embedded in the file."""
    out = {}
    for page in reader.pages:
        for font in resolved(page["/Resources"]).get("/Font", {}).values():
            font = resolved(font)
            descendants = [resolved(d) for d in font.get("/DescendantFonts", [])] or [font]
            for f in descendants:
                descriptor = resolved(f.get("/FontDescriptor", {}))
                embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                out[str(f["/BaseFont"])] = embedded
    return out


def text_of(reader: PdfReader) -> str:
    """The words of the whole document in reading order, white space made single, less
    the foot of each page (which pypdf reads as text, where a screen reader skips it)."""
    pages = [page.extract_text().splitlines() for page in reader.pages]
    for n, lines in enumerate(pages, start=1):
        assert re.search(rf"Page {n} of {len(pages)}$", lines.pop())
    return " ".join(" ".join(itertools.chain(*pages)).translate(QUOTES).split())


def check_whole(path: Path, document: Document, council: str) -> str:
    """What every version's PDF must be; returns its text."""
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata is not None and reader.metadata.title.translate(QUOTES) == document.title
    assert reader.metadata.author == council
    assert b"pdfuaid:part" in resolved(root["/Metadata"]).get_data()  # claims PDF/UA-1
    tags = structure(root["/StructTreeRoot"], Counter())
    # a revoked section keeps its heading in its place: "6." where it never had a title here
    shown = sorted(
        [*document.sections, *document.revoked_sections], key=lambda s: number_key(s.number)
    )
    assert tags["/H1"] == 1 and tags["/H2"] == len(shown)
    assert tags["/P"] >= sum(1 for _ in document.clauses())
    sections = [f"{s.number}. {s.title}" if s.title else f"{s.number}." for s in shown]
    assert [item.title.translate(QUOTES) for item in reader.outline] == sections
    used = fonts(reader)
    assert used and all(used.values()), used
    text = text_of(reader)
    for clause in document.clauses():
        words = " ".join(BULLET.sub("• ", plain(clause.tree, document)).split())
        assert f"{clause.number} {words}" in text, clause.id
    return text


@pytest.mark.parametrize("version", VERSIONS)
def test_each_versions_pdf_is_tagged_outlined_and_whole(
    site: Site, project: Project, version: str
) -> None:
    document = (
        project.document()
        if version == "draft"
        else next(v.document for v in project.versions() if v.key == version)
    )
    path = site.out / "data" / version / "protocol.pdf"
    text = check_whole(path, document, project.council().name)
    assert text.startswith(f"{project.council().name} {project.council().part}")
    for section in document.sections:
        for revoked in section.revoked:  # its number kept, and by what it was revoked
            assert f"{revoked.number} Revoked by {revoked.resolution}." in text
    if version == "draft":
        assert "Draft, not adopted" in text
    else:
        record = next(v for v in project.versions() if v.key == version)
        assert record.resolution in text and "In force from" in text


@pytest.mark.parametrize(("revoked_id", "resolution", "said"), REVOKED_AS)
def test_a_revoked_paragraphs_number_stays_in_its_place(
    project: Project, tmp_path: Path, revoked_id: str, resolution: str, said: str
) -> None:
    document = project.versions()[-1].document
    first = document.sections[0]
    last = first.clauses[-1].number
    gone = Revoked(f"{last}A", revoked_id, resolution)
    sections = (replace(first, revoked=(gone,)), *document.sections[1:])
    document = replace(document, sections=sections)
    out = tmp_path / "p.pdf"
    write_pdf(out, document, project.council(), ["Adopted"], "v/")
    text = check_whole(out, document, project.council().name)
    after = " ".join(plain(first.clauses[-1].tree, document).split())
    assert f"{after} {last}A {said}. 2. " in text


def test_a_revoked_sections_number_stays_in_its_place(project: Project, tmp_path: Path) -> None:
    """A section revoked by a resolution, and one the document imported printed as
    revoked (no title here): each its number in its place, saying what revoked it."""
    document = project.versions()[-1].document
    adopted = RevokedSection("1A", "extra", "Extra matters", "Minute 13")
    printed = RevokedSection("2A", "", "", "Not used")
    document = replace(document, revoked_sections=(adopted, printed))
    out = tmp_path / "p.pdf"
    write_pdf(out, document, project.council(), ["Adopted"], "v/")
    text = check_whole(out, document, project.council().name)
    assert " 1A. Extra matters Revoked by Minute 13. 2. " in text
    assert " 2A. Not used. 3. " in text


def test_clause_words_print_as_written_never_as_typst(scratch: Project, tmp_path: Path) -> None:
    """Typst's mark-up and code in a clause's words are words: nothing is run, nothing
    vanishes, the page stays A4."""
    path = scratch.protocol / "review.md"
    text = path.read_text(encoding="utf-8")
    old = "at any time"
    assert old in text
    hostile = (
        '#set page(width: 5cm) #panic("x") $x^2$ = ] [ {y} <z> @MOP-0001 // no comment '
        "/* none */ 2 * 3 _under_ ~ a \\# b"
    )
    path.write_text(text.replace(old, f"{old}; `#let q = 1` {hostile}", 1), encoding="utf-8")
    document = scratch.document()
    clause = next(c for c in document.clauses() if "#panic" in c.text)
    out = tmp_path / "p.pdf"
    write_pdf(out, document, scratch.council(), ["Draft, not adopted"], "draft/")
    reader = PdfReader(out)
    assert {round(float(p.mediabox.width)) for p in reader.pages} == {595}  # A4
    words = text_of(reader)
    shown = " ".join(plain(clause.tree, document).split())
    assert '#set page(width: 5cm) #panic("x") $x^2$ = ] [ {y} <z>' in shown and "2 * 3" in shown
    assert f"{clause.number} {shown}" in words
    check_whole(out, document, scratch.council().name)


def listed(scratch: Project, tmp_path: Path, lists: str) -> tuple[Counter[str], str]:
    """The PDF's structure tags and words, with ``lists`` after a clause's words."""
    path = scratch.protocol / "review.md"
    text = path.read_text(encoding="utf-8")
    old = "at any time"
    path.write_text(text.replace(old, f"{old}.\n\nIt may also:\n\n{lists}", 1), encoding="utf-8")
    document = scratch.document()
    out = tmp_path / "p.pdf"
    write_pdf(out, document, scratch.council(), ["Draft, not adopted"], "draft/")
    reader = PdfReader(out)
    check_whole(out, document, scratch.council().name)
    return structure(reader.trailer["/Root"]["/StructTreeRoot"], Counter()), text_of(reader)


def test_lists_are_tagged_and_each_item_follows_its_bullet(
    scratch: Project, tmp_path: Path
) -> None:
    tags, words = listed(
        scratch, tmp_path, "- ask the Leader;\n- ask the Chief Executive\n\n3. count on"
    )
    assert tags["/L"] == 2 and tags["/LI"] == 3
    shown = r"It may also: (\S) ask the Leader; \1 ask the Chief Executive 3\. count on\."
    assert re.search(shown, words)


def test_items_with_their_own_labels_print_the_labels_as_their_markers(
    scratch: Project, tmp_path: Path
) -> None:
    lists = "- (a) ask the Leader;\n- (b) ask the Chief Executive\n\n* (c) ask one\n* or another"
    tags, words = listed(scratch, tmp_path, lists)
    assert tags["/L"] == 2 and tags["/LI"] == 4  # still lists to a screen reader
    labelled = re.search(r"It may also: (.*?) ask the Leader; (.*?) ask the Chief", words)
    assert labelled and labelled.groups() == ("(a)", "(b)")
    mixed = re.search(r"Executive (\S+) \(c\) ask one \1 or another", words)
    assert mixed and mixed.group(1) != "(c)"  # one item unlabelled: bullets for both


def test_capital_and_bold_labels_print_as_their_items_markers(
    scratch: Project, tmp_path: Path
) -> None:
    lists = "- (A) ask the Leader;\n- (B) ask the Chief Executive\n\n"
    lists += "* **(c)** ask one\n* **(d)** or another"
    tags, words = listed(scratch, tmp_path, lists)
    assert tags["/L"] == 2 and tags["/LI"] == 4
    shown = (
        r"It may also: (.*?) ask the Leader; (.*?) ask the Chief Executive (.*?) ask one (.*?) or"
    )
    labelled = re.search(shown, words)
    assert labelled and labelled.groups() == ("(A)", "(B)", "(c)", "(d)")


def test_references_are_links_within_the_pdf(site: Site, document: Document) -> None:
    """A reference to a paragraph reads as its number and leads to it in the PDF."""
    reader = PdfReader(site.out / "data" / "draft" / "protocol.pdf")
    inside = [
        annot
        for page in reader.pages
        for annot in map(resolved, page.get("/Annots", []))
        if annot.get("/Subtype") == "/Link"
        and ("/Dest" in annot or annot.get("/A", {}).get("/S") == "/GoTo")
    ]
    cited = sum(len(re.findall(r"\{para\}", c.text)) for c in document.clauses())
    assert cited and len(inside) >= cited


def test_the_pdf_is_reproducible(project: Project, tmp_path: Path) -> None:
    version = project.versions()[-1]
    for name in ("a.pdf", "b.pdf"):
        write_pdf(tmp_path / name, version.document, project.council(), ["Adopted"], "v/")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.parametrize(
    ("page", "version"),
    [
        ("protocol/index.html", "2026-05-14"),  # the version in force, at the plain address
        ("versions/2024-05-16/index.html", "2024-05-16"),
        ("versions/2026-05-14/index.html", "2026-05-14"),
        ("draft/index.html", "draft"),
    ],
)
def test_each_versions_contents_page_links_its_pdf_with_its_size(
    site: Site, page: str, version: str
) -> None:
    link = site.page(page).select_one("p.download a[type='application/pdf']")
    assert link is not None
    pdf = (site.out / page).parent / str(link["href"])
    assert pdf.resolve() == (site.out / "data" / version / "protocol.pdf").resolve()
    assert link.get_text().endswith(f"(PDF, {shown_size(pdf.stat().st_size)})")
    assert link.get_text().startswith("Protocol on Member/Officer Relations, ")


def test_the_drafts_pdf_link_stands_straight_under_its_contents_title(site: Site) -> None:
    """The draft's contents page is the protocol's own index.md, drawn by Sphinx: the link
    is a node of its page, put after the title, as a version's contents page has it."""
    heading = site.page("draft/index.html").select_one("section h1")
    assert heading is not None
    after = heading.find_next_sibling()
    assert after is not None and after.name == "p" and after["class"] == ["download"]


def test_sizes_are_given_as_gov_uk_gives_them() -> None:
    assert [shown_size(n) for n in (10, 1536, 140_000, 1024 * 1024 * 3 // 2)] == [
        "1 KB",
        "2 KB",
        "137 KB",
        "1.5 MB",
    ]


def test_the_drafts_contents_page_follows_its_pdf_after_an_edit(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    """An edit to one section's words changes the draft's PDF; the draft's contents page,
    whose own source did not change, is written again with the new size."""
    first = build(scratch)
    pdf = first.out / "data" / "draft" / "protocol.pdf"
    before = pdf.stat().st_size
    path = scratch.protocol / "review.md"
    text = path.read_text(encoding="utf-8")
    old = "at any time"
    assert old in text
    path.write_text(text.replace(old, f"{old}, {'and at length ' * 400}", 1), encoding="utf-8")
    site = build(scratch)
    after = pdf.stat().st_size
    assert shown_size(after) != shown_size(before)
    link = site.page("draft/index.html").select_one("p.download a")
    assert link is not None and link.get_text().endswith(f"(PDF, {shown_size(after)})")


def test_a_character_no_font_has_gives_a_pdf_without_the_claim_and_a_warning(
    scratch: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PDF/UA-1 forbids a character the PDF cannot show: the PDF is written still tagged,
    without claiming the standard, and the warning says where the character is."""
    path = scratch.protocol / "review.md"
    text = path.read_text(encoding="utf-8")
    old = "at any time"
    assert old in text
    path.write_text(text.replace(old, f"{old} (漢)", 1), encoding="utf-8")
    document = scratch.document()
    clause = next(c for c in document.clauses() if "漢" in c.text)
    out = tmp_path / "p.pdf"
    write_pdf(out, document, scratch.council(), ["Draft, not adopted"], "draft/")
    root = PdfReader(out).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "en-GB"
    assert b"pdfuaid:part" not in resolved(root["/Metadata"]).get_data()
    err = capsys.readouterr().err
    assert err.startswith(f"{clause.path}:{clause.line}: [{clause.id}] warning: ")
    assert "cannot show '漢'" in err and "How to fix:" in err


def layout_data(paragraphs: int) -> tuple[str, int]:
    """The template's data for sections of 25 paragraphs of 48 words (the model
    protocol's, drawn at random) each, one in ten citing another (so that Typst lays the
    pages out twice, as for a real protocol), and the number of characters of their words."""
    rng = random.Random(1)
    vocabulary = re.findall(r"[a-z]+", (MODEL / "protocol" / "concerns.md").read_text())
    sections, characters = [], 0
    for s in range(paragraphs // 25):
        items = []
        for p in range(25):
            run: list[Any] = [" ".join(rng.choices(vocabulary, k=48))]
            if p % 10 == 9:
                run += [" as ", {"to": f"P{s}-{p - 5}", "c": [f"paragraph {s + 1}.{p - 4}"]}, "."]
            characters += sum(len(r) for r in run if isinstance(r, str))
            items.append({"number": f"{s + 1}.{p + 1}", "id": f"P{s}-{p}", "blocks": [{"p": run}]})
        title = f"Section {s + 1}"
        sections.append({"number": f"{s + 1}", "title": title, "intro": [], "items": items})
    data = {"title": "T", "council": "C", "part": "", "status": ["Draft"], "running": "T"}
    data |= {"licence": "Open Government Licence v3.0", "licence_url": "https://example.org/"}
    return json.dumps({**data, "intro": [], "sections": sections}), characters


# Lays the PDF out as pdf.compile_pdf does, then gives the process's own peak memory
# (VmHWM, in kB: ru_maxrss would count the test's process, from which it was forked).
LAYOUT = """import sys
from constitution.pdf_layout import main
main(sys.argv[1:])
sys.stderr.write(next(x for x in open("/proc/self/status") if x.startswith("VmHWM:")))
"""


def layout_peak(standard: str, inputs: dict[str, str]) -> tuple[bytes, int]:
    """What a layout process gives, and its peak memory in bytes (its environment as
    pdf.layout gives it)."""
    command = [sys.executable, "-c", LAYOUT, str(TEMPLATE), standard]
    given = json.dumps(inputs).encode("utf-8")
    environment = os.environ | layouts.LAYOUT_ENVIRONMENT
    done = subprocess.run(command, input=given, capture_output=True, check=True, env=environment)
    return done.stdout, int(done.stderr.split()[-2]) * 1024


def layouts_peak(data: str) -> int:
    """The peak memory, in bytes, of the larger of the two processes that lay the PDF
    out: the first finding where cited paragraphs land, the second given them."""
    targets = json.dumps(sorted(set(layouts.cited_ids(json.loads(data)))))
    found, first = layout_peak("find", {"data": data, "targets": targets})
    _, second = layout_peak("ua", {"data": data, "found": found.decode("utf-8")})
    return max(first, second)


def test_laying_out_does_not_copy_every_line_into_its_page() -> None:
    """Typst's memory grows with the words laid out: a line's glyphs (60 to 80 bytes a
    character) are kept by its paragraph's layout and copied into each pass's columns.
    A page with nothing before its body copied them again into itself on both passes,
    about 510 bytes a character in all; the template's empty background kept it near
    330; laying it out in two processes of one pass each, near 200 (performance.md)."""
    (small, a), (large, b) = layout_data(200), layout_data(800)
    grown = (layouts_peak(large) - layouts_peak(small)) / (b - a)
    assert grown < 260, f"{grown:.0f} bytes a character"


# Lays the PDF out as pdf.compile_pdf does, then gives the process's threads.
THREADS = LAYOUT.replace('"VmHWM:"', '"Threads:"')


def test_typst_lays_out_on_one_worker_thread(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a worker thread for each core (Typst's default), the same PDF's layout peaked
    anywhere from 318 to 371 MB at 5,000 paragraphs between runs, as the threads'
    allocations happened to interleave; on one it peaks the same each time
    (performance.md). Each process pdf.layout starts has Typst's one worker thread
    beside its own."""
    threads, run = [], subprocess.run

    def counted(command: list[str], **given: Any) -> subprocess.CompletedProcess[bytes]:
        assert command[1:3] == ["-m", "constitution.pdf_layout"]
        done = run([command[0], "-c", THREADS, *command[3:]], **given)
        threads.append(int(done.stderr.split()[-1]))
        return done

    monkeypatch.setattr(layouts.subprocess, "run", counted)
    data = template_data(project.document(), project.council(), ["Draft"], "draft/")
    layouts.compile_pdf(data, ua=True)
    assert threads == [2, 2]


def laid_out(monkeypatch: pytest.MonkeyPatch, pages_found: int) -> list[str]:
    """Records which layouts pdf.compile_pdf runs, the first's page count moved by
    ``pages_found``."""
    done, layout = [], layouts.layout

    def spy(inputs: dict[str, str], standard: str) -> bytes:
        done.append(standard)
        out = layout(inputs, standard)
        if standard != "find":
            return out
        found = json.loads(out)
        return json.dumps({**found, "pages": found["pages"] + pages_found}).encode("utf-8")

    monkeypatch.setattr(layouts, "layout", spy)
    return done


def test_two_layouts_of_one_pass_give_the_pdf_one_layout_of_two_passes_gives(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second of the two processes links each reference to where the first found its
    paragraph, and numbers the pages out of the count the first found: the same bytes
    as one process finding them itself (links to labels, the count at the end)."""
    data = template_data(project.document(), project.council(), ["Draft"], "draft/")
    one = layouts.layout({"data": json.dumps(data, ensure_ascii=False)}, "ua")
    done = laid_out(monkeypatch, 0)
    assert layouts.compile_pdf(data, ua=True) == one
    assert done == ["find", "ua"]
    assert list(layouts.cited_ids(data)), "the model cites no paragraph"


def test_a_second_layout_of_other_pages_than_the_first_falls_back_to_one(
    project: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Should the second process's pages not be as many as the first found, its "of M"
    and links could be wrong: one process lays the PDF out, finding them itself."""
    data = template_data(project.document(), project.council(), ["Draft"], "draft/")
    one = layouts.layout({"data": json.dumps(data, ensure_ascii=False)}, "ua")
    done = laid_out(monkeypatch, 1)
    out = layouts.compile_pdf(data, ua=True)
    assert done == ["find", "ua", "ua"]
    assert out == one
    (tmp_path / "p.pdf").write_bytes(out)
    text_of(PdfReader(tmp_path / "p.pdf"))  # "Page n of N", N the pages it has


def test_the_pdf_names_the_licence_of_the_open_data_and_links_it(
    project: Project, tmp_path: Path
) -> None:
    """The PDF is one of the open data's files: its first page names their licence, with
    its address, as the data page and the JSON do (a council's own licence likewise)."""
    council = replace(
        project.council(), licence="Licence of <Otterbury>", licence_url="https://example.org/l"
    )
    document = project.versions()[-1].document
    out = tmp_path / "p.pdf"
    write_pdf(out, document, council, ["Adopted"], "v/")
    first = PdfReader(out).pages[0]
    assert "Published under the Licence of <Otterbury>." in " ".join(first.extract_text().split())
    links = [resolved(a).get("/A", {}).get("/URI") for a in first.get("/Annots", [])]
    assert "https://example.org/l" in links
