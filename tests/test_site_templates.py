"""The pieces of the site once built as strings of HTML, now drawn from templates: the
clause box and its About panel, the version banners and menus, the home page's pieces,
the PDF links, the Atom feed, Pagefind's record pages; and the page keys, written as
JSON of plain data rather than repr(). Each piece: what it draws, and that words put in
it print as words, never as markup."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup, Tag
from markupsafe import Markup

from conftest import Site
from constitution.model import Clause, Document, Section
from constitution.redline import compare
from constitution.report import Part, html_report
from constitution.sphinxext.clause_box import About, Example, about_html, clause_open
from constitution.sphinxext.page_keys import clause_key, document_key, key_of, references_key
from constitution.sphinxext.page_templates import Link, render
from constitution.sphinxext.search import record_pages
from constitution.sphinxext.shells import SHELLS, Here, Later
from constitution.sphinxext.ways_in import opening

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def one(html: str, selector: str) -> Tag:
    found = soup(html).select_one(selector)
    assert found is not None, f"{selector} not in {html}"
    return found


# ------------------------------------------------------------------ the clause box


def test_a_clause_box_opens_with_its_number_as_a_permalink_and_an_anchor_by_number() -> None:
    html = clause_open("MOP-0042", "7.12", "must-not") + "</div>"
    box = one(html, "div.clause")
    assert box["class"] == ["clause", "clause-must-not"]
    assert (box["id"], box["data-number"]) == ("MOP-0042", "7.12")
    assert one(html, "span")["id"] == "para-7.12"
    link = one(html, "a.clause-number")
    assert (link["href"], link.get_text()) == ("#MOP-0042", "7.12")
    assert link["aria-label"] == "Paragraph 7.12, link to this paragraph"
    assert "\n" not in html  # it opens inline, as the page flows round it


def test_a_clause_box_prints_a_number_holding_markup_as_text() -> None:
    html = clause_open("MOP-0042", SCRIPT, "must")
    assert "<script" not in html and html.count(ESCAPED) == 4  # two attributes, label, text
    assert f'data-number="{ESCAPED}"' in html


def about(**values: object) -> About:
    fields: dict[str, object] = {
        "id": "MOP-0042",
        "number": "7.12",
        "modality": "must",
        "citation": "Member/Officer Protocol, para 7.12 (draft, not adopted)",
        "history": "../versions/clauses/MOP-0042.html",
    }
    return About(**{**fields, **values})  # type: ignore[arg-type]


def rows(html: str) -> dict[str, Tag]:
    dl = one(html, "details.clause-about dl")
    terms = [d.get_text() for d in dl.select("dt")]
    return dict(zip(terms, dl.select("dd"), strict=True))


def test_the_about_panel_gives_every_row_in_order_when_every_field_is_there() -> None:
    result = Markup('<span class="check-result check-passed">Passed</span>')
    html = about_html(
        about(
            applies_to=("officer", "member"),
            statutes=(("LGA 1972 s.100A", "https://www.legislation.gov.uk/x"),),
            tags=("enquiries", "information"),
            changes="Words last changed on 15 May 2025 (minute 9).",
            changed="../versions/redline/2024-05-16--2025-05-15.html#MOP-0042",
            changes_after=" Renumbered from 7.11 on 14 May 2026 (minute 11).",
            source_number="4.2",
            examples=(Example("../checks/SC-1.html", "A member asks", "Allowed.", result),),
        )
    )
    assert one(html, "summary").get_text() == "About paragraph 7.12"
    found = rows(html)
    assert list(found) == [
        "ID",
        "Kind",
        "Applies to",
        "Legal basis",
        "Topics",
        "Cite",
        "Changes",
        "History",
        "Number in the imported document",
        "Worked examples",
    ]
    assert found["ID"].select_one("code").get_text() == "MOP-0042"
    assert found["Kind"].get_text() == "A duty (must)"
    assert found["Applies to"].get_text() == "officer, member"
    statute = found["Legal basis"].select_one("a")
    assert statute["href"] == "https://www.legislation.gov.uk/x"
    assert statute.get_text() == "LGA 1972 s.100A"
    assert found["Topics"].get_text() == "enquiries, information"
    assert found["Cite"].select_one("span.citation").get_text().endswith("(draft, not adopted)")
    assert found["Changes"].get_text() == (
        "Words last changed on 15 May 2025 (minute 9). See what changed. "
        "Renumbered from 7.11 on 14 May 2026 (minute 11)."
    )
    change = found["Changes"].select_one("a")
    assert change.get_text() == "See what changed"
    assert change["href"] == "../versions/redline/2024-05-16--2025-05-15.html#MOP-0042"
    assert found["History"].select_one("a")["href"] == "../versions/clauses/MOP-0042.html"
    example = found["Worked examples"].select_one("ul.worked-examples li")
    assert example.select_one("a")["href"] == "../checks/SC-1.html"
    assert example.get_text() == "A member asks: Allowed. Passed"
    assert str(result) in html  # drawn by the tool: let through
    assert "\n" not in html


def test_the_about_panel_leaves_out_the_rows_a_paragraph_has_nothing_for() -> None:
    html = about_html(about(modality="informative"))
    assert list(rows(html)) == ["ID", "Kind", "Cite", "History"]
    assert rows(html)["Kind"].get_text() == "Explanation (not a rule)"


def test_the_about_panel_prints_every_word_given_it_as_text() -> None:
    html = about_html(
        about(
            citation=SCRIPT,
            applies_to=(SCRIPT,),
            statutes=((SCRIPT, "https://x"),),
            tags=(SCRIPT,),
            changes=f"on 1 May 2025 ({SCRIPT})",
            changed=SCRIPT,
            source_number=SCRIPT,
            examples=(Example("x.html", SCRIPT, SCRIPT, Markup()),),
        )
    )
    assert "<script" not in html and html.count(ESCAPED) == 9


# ------------------------------------------------------------------ banners and menus


def banner(**values: object) -> str:
    page: dict[str, object] = {
        "kind": "other",
        "force": {"date": "14 May 2026", "in_force": "1 June 2026"},
        "in_force_href": "protocol/index.html",
        "waiting": None,
        "same_section": False,
        "section_gone": False,
        "address": "",
    }
    return render("banner.html", **{**page, **values})


def test_each_kind_of_page_has_its_banner() -> None:
    plain = banner(kind="plain", draft="../draft/index.html", permanent="../v/index.html")
    assert soup(plain).get_text() == (
        "The version in force, adopted on 14 May 2026, in force since 1 June 2026. This "
        "version's permanent pages. Read the draft of proposed amendments."
    )
    assert [a["href"] for a in soup(plain).select("a")] == [
        "../v/index.html",
        "../draft/index.html",
    ]
    draft = banner(kind="draft", since="14 May 2026")
    assert soup(draft).get_text() == (
        "Draft, not adopted. This text includes amendments proposed since the version "
        "adopted on 14 May 2026. Read the version in force"
    )
    assert one(draft, "a")["href"] == "protocol/index.html"
    other = banner()
    assert soup(other).get_text() == (
        "The version in force was adopted on 14 May 2026 and has been in force since "
        "1 June 2026. Read the version in force"
    )


def test_an_adopted_version_s_banner_says_whether_it_is_in_force() -> None:
    version = {"date": "16 May 2024", "resolution": "minute 14", "in_force": "1 June 2024"}
    said = {
        (True, False): "This is the version in force.",
        (False, True): "A later version exists: read the version in force.",
        (False, False): "It is not yet in force.",
    }
    for (now, later), words in said.items():
        html = banner(kind="adopted", version={**version, "is_in_force": now, "later": later})
        assert soup(html).get_text() == (
            f"Version adopted on 16 May 2024 (minute 14), in force from 1 June 2024. {words}"
        )
        assert one(html, "strong").get_text() == "Version adopted on 16 May 2024"


def test_a_version_s_banner_spells_out_its_permanent_address_for_paper() -> None:
    """On paper a link's words lead nowhere: the plain and an adopted version's pages
    give the full address of their words in that version; without one, nothing."""
    address = "https://example.org/versions/2024-05-16/a.html"
    version = {"date": "16 May 2024", "resolution": "minute 14", "in_force": "1 June 2024"}
    pages = [
        banner(kind="plain", draft="../draft/index.html", permanent="../v/index.html"),
        banner(kind="adopted", version={**version, "is_in_force": True, "later": False}),
    ]
    for html in pages:
        assert not soup(html).select(".print-address")
    printed = [
        banner(kind="plain", draft="d.html", permanent="p.html", address=address),
        banner(
            kind="adopted",
            version={**version, "is_in_force": False, "later": True},
            address=address,
        ),
    ]
    for html in printed:
        assert one(html, "span.print-address").get_text() == f" Permanent address: {address}"


def test_a_section_the_version_in_force_lacks_says_so_and_opens_its_contents() -> None:
    version = {"date": "16 May 2024", "resolution": "minute 14", "in_force": "1 June 2024"}
    old = banner(
        kind="adopted", section_gone=True, version={**version, "is_in_force": False, "later": True}
    )
    assert (
        soup(old)
        .get_text()
        .endswith(
            "A later version exists, without this section: read the contents of the version in "
            "force."
        )
    )
    draft = banner(kind="draft", since="14 May 2026", section_gone=True)
    assert (
        soup(draft)
        .get_text()
        .endswith("This section is not in the version in force: read its contents.")
    )
    assert one(draft, "a")["href"] == "protocol/index.html" and not one(draft, "a").get("class")
    same = banner(kind="draft", since="14 May 2026", same_section=True)
    assert one(same, "a")["class"] == ["same-section"]


def test_before_any_adoption_the_banners_say_the_text_is_a_draft() -> None:
    none = {"force": None, "in_force_href": None}
    plain = banner(kind="plain", draft="../draft/index.html", permanent=None, **none)
    assert soup(plain).get_text() == (
        "Draft, not adopted. Council has not adopted a version yet: this is the draft, "
        "not yet the rule."
    )
    draft = banner(kind="draft", since="", **none)
    assert soup(draft).get_text() == "Draft, not adopted. This text includes amendments proposed. "
    assert soup(draft).select("a") == []
    assert soup(banner(**none)).get_text() == (
        "No version has been adopted yet: the protocol shown is a draft."
    )


def test_a_version_adopted_but_not_yet_in_force_is_not_called_unadopted() -> None:
    """Council has adopted a first version that comes into force later: until then the
    pages show the draft, and say when the adopted version takes over."""
    none = {"force": None, "in_force_href": None}
    waiting = {"date": "14 May 2026", "in_force": "1 January 2027"}
    plain = banner(kind="plain", draft="../draft/index.html", waiting=waiting, **none)
    assert soup(plain).get_text() == (
        "Not yet in force. Council adopted a version on 14 May 2026, in force from 1 January "
        "2027; until then this is the draft, not yet the rule. Read the draft."
    )
    other = banner(waiting=waiting, document="Council Procedure Rules", **none)
    assert soup(other).get_text() == (
        "No version is in force yet: the version adopted on 14 May 2026 comes into force on "
        "1 January 2027, and the Council Procedure Rules shown is a draft."
    )


def test_a_resolution_holding_markup_prints_as_text_in_a_banner() -> None:
    version = {"date": "d", "resolution": SCRIPT, "in_force": "d", "is_in_force": True}
    html = banner(kind="adopted", version={**version, "later": False})
    assert "<script" not in html and ESCAPED in html


def test_a_version_menu_lists_its_sections_between_its_links() -> None:
    html = render(
        "version-menu.html",
        before=[("../../index.html", "Home")],
        version=f"Version adopted on 16 May 2024 {SCRIPT}",
        here=Here("index.html"),
        sections=[{"slug": "scope", "number": "1", "title": Markup("Scope &amp; <em>aims</em>")}],
        after=[("../index.html", "Versions and changes")],
    )
    top = one(html, "ul")
    items = top.find_all("li", recursive=False)
    assert [li.a.get_text() for li in items] == [
        "Home",
        f"Version adopted on 16 May 2024 {SCRIPT}",
        "Versions and changes",
    ]
    assert items[1]["class"] == ["toctree-l1", "current"]
    section = items[1].select_one("li.toctree-l2 a.version-nav")
    assert section["href"] == "scope.html" and section.get_text() == "1. Scope & aims"
    assert "<script" not in html and "<em>aims</em>" in html  # the title: drawn by the tool


def test_a_version_menu_marks_the_page_it_is_on_even_drawn_once_for_its_folder() -> None:
    """On a page, its own entry is current; on its folder's shell (shells.Later) each mark
    is left to the pages written from it, which come out as if drawn alone."""
    values = {
        "before": [("../index.html", "Home")],
        "version": "Version adopted on 16 May 2024",
        "sections": [{"slug": s, "number": n, "title": s} for n, s in (("1", "a"), ("2", "b"))],
        "after": [],
    }
    alone = {
        page: render("version-menu.html", here=Here(page), **values)
        for page in ("b.html", "c.html")
    }
    shell = SHELLS.from_string(render("version-menu.html", here=Later(), **values))
    assert {page: shell.render(here=Here(page)) for page in alone} == alone
    marked = [(a["href"], a["class"]) for a in soup(alone["b.html"]).select("[aria-current=page]")]
    assert marked == [("b.html", ["current", "reference", "internal", "version-nav"])]
    assert "current reference" not in alone["c.html"]  # a page not in the menu: none marked


def test_the_menu_of_other_pages_is_its_links_alone() -> None:
    html = render(
        "version-menu.html",
        before=[("protocol/index.html", "The protocol in force"), ("a.html", SCRIPT)],
        version=None,
    )
    assert html.startswith("<li class='toctree-l1'>") and "<ul>" not in html
    links = soup(html).select("li.toctree-l1 > a.reference.internal")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("protocol/index.html", "The protocol in force"),
        ("a.html", SCRIPT),
    ]


# ------------------------------------------------------------------ other pieces


def test_the_home_page_lists_the_sections_in_force_or_points_to_the_draft() -> None:
    html = render(
        "in-force-summary.html",
        sections=[{"href": "protocol/scope.html", "number": "1", "title": Markup("Scope")}],
        in_force="1 June 2026",
        date="14 May 2026",
        resolution=SCRIPT,
    )
    assert one(html, "p.in-force-summary").get_text() == (
        f"In force since 1 June 2026: the version adopted by Council on 14 May 2026 ({SCRIPT})."
    )
    link = one(html, "ol.version-contents li a")
    assert (link["href"], link.get_text()) == ("protocol/scope.html", "1. Scope")
    assert "<script" not in html
    none = render("in-force-summary.html", sections=[], draft="protocol/index.html")
    assert soup(none).get_text() == "No version has been adopted yet. Read the draft."
    assert one(none, "a")["href"] == "protocol/index.html"


def test_the_home_page_ways_in_end_with_every_topic() -> None:
    ways = [{"href": "ways-in/officers.html", "title": SCRIPT, "count": 3}]
    html = render("ways-in-home.html", ways=ways, index="ways-in/index.html")
    assert one(html, "ul.ways-in li").get_text() == f"{SCRIPT} (3)"
    last = soup(html).find_all("p")[-1]
    assert last.a["href"] == "ways-in/index.html"
    assert last.get_text() == "Every topic, and every way in"


def test_a_pdf_link_gives_its_size_and_sits_under_the_contents_title() -> None:
    link = Markup(render("pdf-link.html", href="../data/x.pdf", words=SCRIPT, size="12 KB"))
    anchor = one(link, "a")
    assert (anchor["href"], anchor["type"]) == ("../data/x.pdf", "application/pdf")
    assert anchor.get_text() == f"{SCRIPT} (PDF, 12 KB)" and "<script" not in link
    assert one(render("download.html", link=link), "p.download").a is not None
    assert render("download.html", link=Markup()) == ""  # no PDF written: no paragraph


def test_a_changed_paragraph_notes_it_and_links_the_comparison() -> None:
    html = render(
        "clause-change.html", href="../redline/a--b.html#MOP-1", text="New in this version"
    )
    note = one(html, "p.clause-change a")
    assert (note["href"], note.get_text()) == ("../redline/a--b.html#MOP-1", "New in this version")
    assert one(html, "p").get_text() == "New in this version."


def test_a_check_result_is_dated_when_the_run_is() -> None:
    html = render("check-result.html", word="Passed", when="28 November 2026")
    assert one(html, "span")["class"] == ["check-result", "check-passed"]
    assert soup(html).get_text() == "Passed on 28 November 2026"
    assert soup(render("check-result.html", word="Failed", when=None)).get_text() == "Failed"


def test_a_link_in_a_reflowing_table_is_drawn_by_the_table() -> None:
    html = render(
        "versions-index.html",
        headers=["Adopted", "Resolution"],
        rows=[[Link("a/index.html", SCRIPT), SCRIPT]],
        in_force="x",
        pairs=[],
    )
    cell = one(html, 'td[data-label="Adopted"] a')
    assert (cell["href"], cell.get_text()) == ("a/index.html", SCRIPT)
    assert "<script" not in html and html.count(ESCAPED) == 2


def test_pagefind_reads_a_record_page_a_section_with_a_heading_a_clause() -> None:
    clause = Clause("MOP-0001", "1.1", "Members & officers <b>", "must", "scope", "p.md", 1)
    document = Document(f"Protocol {SCRIPT}", (Section("scope", "1", SCRIPT, "p.md", (clause,)),))
    pages = record_pages("draft", document)
    assert list(pages) == ["draft/scope.html"]
    html = pages["draft/scope.html"]
    assert html.startswith("<!doctype html>")
    assert one(html, 'meta[data-pagefind-meta^="title"]')["content"] == SCRIPT
    assert one(html, 'meta[data-pagefind-meta^="cited"]')["content"] == "Paragraph {number}"
    assert "<script" not in html
    body = one(html, "body[data-pagefind-body]")
    assert [(h["id"], h.get_text()) for h in body.select("h2")] == [("MOP-0001", "1.1")]
    assert body.select_one("p").get_text() == "Members & officers <b>"


def test_the_committee_report_tables_the_changes_and_gives_each_word_by_word() -> None:
    def clause(cid: str, number: str, text: str) -> Clause:
        return Clause(cid, number, text, "must", "scope", "p.md", 1)

    def doc(*clauses: Clause) -> Document:
        return Document("Protocol", (Section("scope", "1", "Scope", "p.md", clauses),))

    old = doc(clause("MOP-0001", "1.1", "Members ask."), clause("MOP-0002", "1.2", "Kept."))
    new = doc(
        clause("MOP-0003", "1.1", f"Officers {SCRIPT} reply."),
        clause("MOP-0001", "1.2", "Members ask & wait."),
        clause("MOP-0002", "1.3", "Kept."),
    )
    html = html_report(f"Changes {SCRIPT}", [Part(compare(old, new), old, new)])
    assert html.startswith("<!doctype html>") and html.endswith("</body></html>\n")
    page = soup(html)
    assert page.title.get_text() == page.h1.get_text() == f"Changes {SCRIPT}"
    assert "<script" not in html
    table = [[td.get_text() for td in tr.select("td")] for tr in page.select("body > table tr")]
    assert table[1:] == [
        ["MOP-0003", "-", "1.1", "inserted"],
        ["MOP-0001", "1.1", "1.2", "reworded"],
    ]
    folded = page.select_one("details")
    assert folded.summary.get_text() == "1 paragraph(s) renumbered only, their words unchanged"
    assert [td.get_text() for td in folded.select("td")] == ["MOP-0002", "1.2", "1.3", "renumbered"]
    headings = [h.get_text() for h in page.select("h2")]
    assert headings == [
        "MOP-0003: - → paragraph 1.1 (inserted)",
        "MOP-0001: paragraph 1.1 → paragraph 1.2 (reworded)",
    ]
    inserted, reworded = page.select("h2 + p")
    assert inserted.select_one("ins").get_text() == f"Officers {SCRIPT} reply."
    assert str(reworded) == "<p>Members <del>ask.</del><ins>ask &amp; wait.</ins></p>"


# ------------------------------------------------------------------ the Atom feed


def feed(**values: object) -> ET.Element:
    data: dict[str, object] = {
        "base": "https://example.org/",
        "council": "Kestrelford Borough Council",
        "document": "Protocol",
        "updated": "2026-05-14",
        "versions": [],
    }
    return ET.fromstring(render("versions.atom", **{**data, **values}).encode())


def test_the_feed_is_atom_with_one_entry_a_version_newest_first(site: Site) -> None:
    root = ET.fromstring((site.out / "versions.atom").read_bytes())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    base = "https://constitution.kestrelford.example/"
    assert root.findtext("a:id", namespaces=ATOM) == f"{base}versions.atom"
    assert root.findtext("a:title", namespaces=ATOM) == (
        "Kestrelford Borough Council: Protocol on Member/Officer Relations, adopted versions"
    )
    assert root.findtext("a:updated", namespaces=ATOM) == "2026-05-14T00:00:00Z"
    assert root.findtext("a:author/a:name", namespaces=ATOM) == "Kestrelford Borough Council"
    assert root.find("a:link", ATOM).attrib == {"rel": "self", "href": f"{base}versions.atom"}
    entries = root.findall("a:entry", ATOM)
    assert [e.findtext("a:id", namespaces=ATOM) for e in entries] == [
        f"{base}versions/{key}/" for key in ("2026-05-14", "2025-05-15", "2024-05-16")
    ]
    newest = entries[0]
    assert newest.findtext("a:title", namespaces=ATOM) == "Version adopted on 14 May 2026"
    assert newest.find("a:link", ATOM).attrib == {"href": f"{base}versions/2026-05-14/index.html"}
    summary = newest.findtext("a:summary", namespaces=ATOM)
    assert summary is not None and summary.endswith("; in force from 1 June 2026.")
    for entry in entries:  # every element RFC 4287 asks of an entry
        for part in ("id", "title", "updated"):
            assert entry.findtext(f"a:{part}", namespaces=ATOM), part
    page = (site.out / "versions" / "2026-05-14" / "index.html").read_text(encoding="utf-8")
    assert summary.split(";")[0] in soup(page).get_text()  # the resolution, as the page says


def test_the_feed_stays_well_formed_whatever_the_council_s_words() -> None:
    words = "Smith & Jones <Council> \"quoted\" 'too'"
    version = {"key": "2026-05-14", "date": "14 May 2026", "updated": "2026-05-14"}
    root = feed(council=words, versions=[{**version, "resolution": words, "in_force": "x"}])
    assert root.findtext("a:author/a:name", namespaces=ATOM) == words
    assert root.findtext("a:entry/a:summary", namespaces=ATOM) == f"{words}; in force from x."


def test_a_feed_with_no_version_has_no_entry() -> None:
    root = feed(updated="1970-01-01")
    assert root.findall("a:entry", ATOM) == []
    assert root.findtext("a:updated", namespaces=ATOM) == "1970-01-01T00:00:00Z"


# ------------------------------------------------------------------ page keys


@dataclasses.dataclass(frozen=True)
class Pair:
    left: object
    right: object


def test_a_key_is_json_of_declared_fields_whatever_their_order() -> None:
    assert key_of(Pair(1, "a")) == '{"left":1,"right":"a"}'
    assert key_of({"b": 1, "a": dt.date(2026, 5, 14)}) == '{"a":"2026-05-14","b":1}'
    assert key_of(frozenset({Pair(2, None), Pair(1, None)})) == key_of(
        frozenset({Pair(1, None), Pair(2, None)})
    )


def test_a_set_s_key_is_the_same_in_every_process() -> None:
    code = (
        "from constitution.sphinxext.page_keys import key_of;"
        "print(key_of(frozenset({'officer', 'member', 'chief executive', 'leader'})))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": ":".join(sys.path)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert keys == {'["chief executive","leader","member","officer"]\n'}


def test_a_key_refuses_what_it_cannot_write_naming_it() -> None:
    with pytest.raises(TypeError, match="cannot hold a object"):
        key_of([object()])


def test_a_clause_key_moves_with_its_fields_and_not_with_its_parsed_tree() -> None:
    clause = Clause("MOP-0001", "1.1", "Members may ask.", "may", "scope", "p.md", 3)
    same = dataclasses.replace(clause)
    assert clause.tree is not None  # parsed: a cached property, not a declared field
    assert clause_key(clause) == clause_key(same)
    assert '"text":"Members may ask."' in clause_key(clause)
    for change in ({"number": "1.2"}, {"text": "Members must ask."}, {"tags": ("a",)}):
        assert clause_key(dataclasses.replace(clause, **change)) != clause_key(clause), change


def test_a_document_key_moves_with_a_section_title(document: Document) -> None:
    first = document.sections[0]
    retitled = dataclasses.replace(first, title=first.title + " (amended)")
    changed = dataclasses.replace(document, sections=(retitled, *document.sections[1:]))
    assert document_key(changed) != document_key(document)
    assert document_key(dataclasses.replace(document)) == document_key(document)


def two_sections(cited_number: str, definition: str) -> Document:
    """A paragraph citing one in another section and using a term defined in a third."""
    words = "See {para}`MOP-0002` on a {defined}`member`."
    citing = Clause("MOP-0001", "1.1", words, "may", "a", "a.md", 3, cites=("MOP-0002",))
    cited = Clause("MOP-0002", cited_number, "Officers may reply.", "may", "b", "b.md", 3)
    defines = Clause("MOP-0003", "3.1", definition, "informative", "c", "c.md", 3)
    defines = dataclasses.replace(defines, defines=("member",))
    return Document(
        "Protocol",
        tuple(
            Section(s, s, s, f"{s}.md", (c,))
            for s, c in zip("abc", (citing, cited, defines), strict=True)
        ),
    )


def test_a_references_key_moves_with_what_the_words_show_of_other_sections() -> None:
    # A page drawn from the draft is redrawn only when its key moves: its words show the
    # number of each paragraph they cite and each definition's words (the term's tooltip).
    document = two_sections("2.1", "A member is an elected councillor.")
    citing = document.clause("MOP-0001")
    assert citing is not None
    key = references_key([citing.tree], document)
    definition = "A member is an elected councillor."
    assert references_key([citing.tree], two_sections("2.1", definition)) == key
    assert references_key([citing.tree], two_sections("2.2", definition)) != key
    reworded = two_sections("2.1", "A member is a councillor.")
    assert references_key([citing.tree], reworded) != key


def test_a_way_in_opens_a_paragraph_with_the_numbers_of_its_document() -> None:
    # Openings of paragraphs citing none are remembered; one citing another is not.
    before, after = two_sections("2.1", "Defined."), two_sections("2.7", "Defined.")
    citing, cited = before.clause("MOP-0001"), before.clause("MOP-0002")
    assert citing is not None and cited is not None
    assert opening(citing, before) == "See paragraph 2.1 on a member."
    assert opening(citing, after) == "See paragraph 2.7 on a member."
    assert opening(cited, after) == opening(cited, before) == "Officers may reply."
