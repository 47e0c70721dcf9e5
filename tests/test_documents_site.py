"""The constitution's other documents on the site (tests/roots/constitution): their pages
at KEY/, references across documents, the constitution's contents page."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import Site
from constitution.build import build_site
from constitution.project import Project
from constitution.serve import WarmBuild
from constitution.sphinxext.search import own_leads, readers_names, short_names


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory, whole_constitution: Project) -> Site:
    """The fixture constitution built, its protocol citing an Article."""
    out = tmp_path_factory.mktemp("constitution-site") / "out"
    assert build_site(whole_constitution, out) == 0
    return Site(out)


def test_each_document_has_a_contents_page_and_a_page_a_section(whole: Site) -> None:
    contents = whole.page("articles/index.html")
    assert contents.h1 is not None
    assert contents.h1.get_text() == "Part 2: Articles of the Constitution"
    links = [(a.get_text(), a["href"]) for a in contents.select("ol.version-contents a")]
    assert links == [
        ("1. The constitution", "the-constitution.html"),
        ("2. Members of the Council", "members.html"),
    ]
    page = whole.page("articles/members.html")
    numbers = [(c["id"], c["data-number"]) for c in page.select("div.clause")]
    assert numbers == [("ART-0003", "2.1"), ("ART-0004", "2.2")]
    # the permanent ID is the anchor, the number its permalink's words
    first = page.select_one("#ART-0003 a.clause-number")
    assert first is not None and (first["href"], first.get_text()) == ("#ART-0003", "2.1")
    # named as the Articles cite their own paragraphs (cite-within), not "paragraph 2.1"
    assert first["aria-label"] == "Article 2.1, link to this paragraph"
    about = page.select_one("#ART-0003 .clause-about summary")
    assert about is not None and about.get_text() == "About Article 2.1"
    # the Rules cite theirs as the protocol does (no cite-within): "paragraph"
    rule = whole.page("procedure-rules/meetings.html").select_one("#CPR-0001 summary")
    assert rule is not None and rule.get_text() == "About paragraph 1"
    cite = page.select_one("#ART-0003 .citation")
    assert cite is not None and cite.get_text().startswith("Article 2.1 (Part 2")
    # its <title> names the document once (the sidebar's title, after the page's)
    title = page.title
    assert title is not None
    assert title.get_text() == "2. Members of the Council - Articles of the Constitution"
    rules = whole.page("procedure-rules/meetings.html")
    assert [c["data-number"] for c in rules.select("div.clause")] == ["1", "2"]


def test_a_paragraph_reads_alike_in_every_document(whole: Site) -> None:
    """The same box and the same words' renderer as the protocol's versions."""
    article = whole.page("articles/members.html").select_one("#ART-0003")
    protocol = whole.page("protocol/principles.html").select_one("#MOP-0029")
    assert article is not None and protocol is not None
    assert article["class"] == protocol["class"] == ["clause", "clause-must"]
    shape = [[child.name, child.get("class")] for child in article.children if child.name]
    assert shape == [[child.name, child.get("class")] for child in protocol.children if child.name]


def test_references_across_documents_read_as_cited_and_lead_there(whole: Site) -> None:
    members = whole.page("articles/members.html")
    refs = {
        a.get_text(): a["href"]
        for a in members.select("#ART-0003 a.reference, #ART-0004 a.reference")
    }
    number = whole.page("draft/principles.html").select_one("#MOP-0029")
    assert number is not None
    assert refs == {
        f"paragraph {number['data-number']} of the Member/Officer Protocol": (
            "../draft/principles.html#MOP-0029"
        ),
        "Council Procedure Rule 1": "../procedure-rules/meetings.html#CPR-0001",
        "Article 1.1": "the-constitution.html#ART-0001",  # within its own: its cite-within
    }
    # the protocol's draft (drawn by Sphinx) cites an Article as the Articles cite it
    draft = whole.page("draft/principles.html").select_one("#MOP-0030 a.reference")
    assert draft is not None
    assert (draft.get_text(), draft["href"]) == ("Article 2.1", "../articles/members.html#ART-0003")
    rule = whole.page("procedure-rules/meetings.html").select_one("#CPR-0002 a.reference")
    assert rule is not None and rule.get_text() == "Article 2.1"


def test_the_constitution_lists_its_documents_in_order(whole: Site) -> None:
    listed = [
        ("Part 2: Articles of the Constitution", "articles/index.html"),
        ("Part 4.1: Council Procedure Rules", "procedure-rules/index.html"),
        ("Part 5.3: Protocol on Member/Officer Relations", "protocol/index.html"),
    ]
    home = whole.page("index.html").select("ol.constitution-contents a")
    assert [(a.get_text(), a["href"]) for a in home] == listed
    after = whole.page("index.html").select("ol.constitution-contents + p > a")
    assert [(a.get_text(), a["href"]) for a in after] == [
        ("The whole constitution", "constitution.html")
    ]
    # the contents page, in a table: each document's Part, title and version in force
    rows = whole.page("constitution.html").select("table.constitution-contents tbody tr")
    found = [
        (f"{tr.td.get_text()}: {tr.a.get_text()}", tr.a["href"]) for tr in rows if tr.td and tr.a
    ]
    assert found == listed
    drafts = [tr.select("td")[2].get_text() for tr in rows]
    assert drafts == ["A draft: no version adopted yet"] * 3
    # then each document's sections, each a step away: any Article from the one page
    page = whole.page("constitution.html")
    # its example of a citation is this constitution's first paragraph as cited, not words
    # fixed for the model's (a council with a Code of Conduct and no Articles read "Article 2.1")
    said = " ".join(page.h1.find_next("p").get_text().split())  # type: ignore[union-attr]
    assert said.endswith("reads as that document cites it (“Article 1.1”), and leads to it.")
    headings = [(h.get_text(), h.a["href"]) for h in page.select("h3") if h.a]
    assert headings == listed
    articles = page.select("h3 + ol.version-contents")[0].select("a")
    assert [(a.get_text(), a["href"]) for a in articles] == [
        ("1. The constitution", "articles/the-constitution.html"),
        ("2. Members of the Council", "articles/members.html"),
    ]
    protocol = page.select("h3 + ol.version-contents")[2].select("a")
    principles = [(a.get_text(), a["href"]) for a in protocol][2]
    assert principles == ("3. Principles", "protocol/principles.html")
    # every page's menu leads to it
    for name in ("articles/members.html", "versions/index.html", "protocol/principles.html"):
        menu = whole.page(name).select(".sidebar-tree a")
        assert "The whole constitution" in [a.get_text() for a in menu], name
    # and to each other document's contents, a click from any page
    home = [(a.get_text(), a["href"]) for a in whole.page("index.html").select(".sidebar-tree a")]
    assert ("Articles of the Constitution", "articles/index.html") in home
    assert ("Council Procedure Rules", "procedure-rules/index.html") in home
    # the protocol's own entries say whose they are, among every document's
    assert ("The protocol's draft, not adopted", "draft/index.html") in home
    assert ("The protocol's versions and changes", "versions/index.html") in home
    # and a page of another document says it is a draft, not the protocol's version
    banner = whole.page("articles/members.html").select_one(".version-banner")
    assert banner is not None and "Articles of the Constitution" in banner.get_text()


def test_a_project_of_one_document_has_no_constitution_pages(site: Site) -> None:
    assert not (site.out / "constitution.html").exists()
    assert site.page("index.html").select("ol.constitution-contents") == []
    menu = [a.get_text() for a in site.page("versions/index.html").select(".sidebar-tree a")]
    assert "The whole constitution" not in menu


def test_needs_hold_one_documents_clauses(whole: Site) -> None:
    needs = whole.needs()
    assert not any(key.startswith(("ART-", "CPR-")) for key in needs)
    assert needs["MOP-0030"]["cites"] == []


def test_the_editors_loop_follows_a_paragraph_renumbered_in_another_document(
    tmp_path: Path, whole_constitution: Project, request: pytest.FixtureRequest
) -> None:
    project = Project(tmp_path / "project")
    shutil.copytree(whole_constitution.root, project.root, symlinks=True)
    warm = WarmBuild(project, tmp_path / "warm")
    request.addfinalizer(warm.stop)
    assert warm() == 0
    out = Site(tmp_path / "warm" / "html")

    def cited(page: str, clause: str) -> str:
        found = out.page(page).select_one(f"#{clause} a.reference")
        assert found is not None
        return found.get_text()

    assert cited("draft/principles.html", "MOP-0030") == "Article 2.1"
    # a paragraph inserted before ART-0003 makes it Article 2.2 (numbered by position)
    members = project.root / "documents" / "articles" / "members.md"
    text = members.read_text(encoding="utf-8")
    inserted = "```{clause} ART-0005\n:modality: informative\n\nMembers are elected.\n```\n\n"
    members.write_text(text.replace("```{clause} ART-0003", inserted + "```{clause} ART-0003"))
    assert warm([members]) == 0
    assert cited("draft/principles.html", "MOP-0030") == "Article 2.2"
    assert cited("procedure-rules/meetings.html", "CPR-0002") == "Article 2.2"
    numbers = [c["data-number"] for c in out.page("articles/members.html").select("div.clause")]
    assert numbers == ["2.1", "2.2", "2.3"]


def test_the_drafts_files_print_another_documents_paragraph_as_cited(whole: Site) -> None:
    """The PDF, Akoma Ntoso and CSV of the protocol's draft print MOP-0030's reference as
    the site does, "Article 2.1", never the bare ID."""
    data = whole.out / "data" / "draft"
    for name in ("protocol.akn.xml", "clauses.csv"):
        text = (data / name).read_text(encoding="utf-8")
        assert "complementary (Article 2.1);" in text and "ART-0003" not in text, name
    pdf = " ".join(p.extract_text() for p in PdfReader(data / "protocol.pdf").pages)
    said = " ".join(pdf.split())
    assert "complementary (Article 2.1);" in said and "ART-0003" not in said


def test_a_document_with_no_version_adopted_has_its_drafts_pdf(
    whole: Site, whole_constitution: Project
) -> None:
    """Published as drafted (KEY/ only), a document's contents page links its draft's
    PDF, tagged as every version's is, marked a draft."""
    from test_pdf import check_whole

    entry = whole_constitution.constitution().entry("articles")
    link = whole.page("articles/index.html").select_one("p.download a[type='application/pdf']")
    assert link is not None and link["href"] == "../data/articles/draft/articles.pdf"
    assert link.get_text().startswith("Articles of the Constitution, draft, not adopted (PDF, ")
    pdf = whole.out / "data" / "articles" / "draft" / "articles.pdf"
    text = check_whole(pdf, entry.document, whole_constitution.council().name)
    assert "Part 2 Articles of the Constitution Draft, not adopted" in text


def test_the_sidebar_names_the_document_a_page_belongs_to(whole: Site, site: Site) -> None:
    protocol = "Protocol on Member/Officer Relations"
    owners = {
        "articles/members.html": "Articles of the Constitution",
        "procedure-rules/index.html": "Council Procedure Rules",
        "draft/principles.html": protocol,
        "protocol/principles.html": protocol,
        "versions/index.html": protocol,
        "index.html": "Kestrelford Borough Council Constitution",
        "constitution.html": "Kestrelford Borough Council Constitution",
        "ways-in/index.html": "Kestrelford Borough Council Constitution",
    }
    for name, owner in owners.items():
        brand = whole.page(name).select_one(".sidebar-brand-text")
        assert brand is not None and brand.get_text().strip() == owner, name
    # a protocol alone: its name on every page, as before
    for name in ("index.html", "versions/index.html", "draft/principles.html"):
        brand = site.page(name).select_one(".sidebar-brand-text")
        assert brand is not None and brand.get_text().strip() == protocol, name


def test_the_ways_in_list_the_other_documents_paragraphs(whole: Site) -> None:
    officers = whole.page("ways-in/officer.html")
    headings = [h.get_text() for h in officers.select("h2")]
    assert headings == ["Protocol on Member/Officer Relations", "Articles of the Constitution"]
    links = {a.get_text(): a["href"] for a in officers.select("ul.way-in-paragraphs a")}
    assert links["Article 1.2"] == "../articles/the-constitution.html#ART-0002"
    councillors = whole.page("ways-in/councillor.html")
    cited = [a.get_text() for a in councillors.select("ul.way-in-paragraphs a")]
    assert cited[-4:] == [
        "Article 2.1",
        "Article 2.2",
        "Council Procedure Rule 1",
        "Council Procedure Rule 2",
    ]
    # a tag only another document carries is a topic too, its count on the index
    topic = whole.page("ways-in/topic-constitution.html")
    assert [a.get_text() for a in topic.select("ul.way-in-paragraphs a")] == ["Article 1.1"]
    index = {
        a.get_text(): a.parent.get_text()
        for a in whole.page("ways-in/index.html").select("ul.ways-in a")
    }
    assert index["Constitution"].endswith("(1 paragraph)")


def test_a_term_another_document_defines_links_to_its_definition(whole: Site) -> None:
    term = whole.page("procedure-rules/meetings.html").select_one("#CPR-0001 .defined-term")
    assert term is not None
    link = term.select_one("a")
    assert link is not None and link["href"] == "../draft/definitions.html#MOP-0015"
    definition = term.select_one(".term-definition")
    assert definition is not None and "Monitoring Officer" in definition.get_text()


def part_numbered(number: str) -> list[str]:
    """A number printed after its Part's ("4.1 – 2", "4.1-2"): the Part's number and a
    dash, spaced or not, read before it."""
    return [f"{number}{space}{dash}" for dash in "–—-" for space in ("", " ")]


def test_the_jump_box_knows_how_each_document_is_cited(
    whole: Site, whole_constitution: Project
) -> None:
    """The words before and after a paragraph's number in each document's citations, its ID
    prefix, title and Part: the search page's jump reads "Article 2", "Part 4.1" and
    "paragraph 3.2 of the Member/Officer Protocol" with them (tests/browser)."""
    index = json.loads((whole.out / "clause-index.json").read_text(encoding="utf-8"))
    articles, rules = index["documents"]
    assert (articles["leads"], articles["tails"], articles["part"]) == (
        ["Article", "ART", "Articles of the Constitution", "articles", *part_numbered("2")],
        ["of the Articles of the Constitution", "of the articles"],
        "Part 2",
    )
    assert articles["sections"] == {
        "1": "articles/the-constitution.html",
        "2": "articles/members.html",
    }
    # the Rules cite their own paragraphs as "paragraph N", as the protocol does: not theirs
    # and by the names readers give them, from the plain words ("standing order") and in
    # a word ("the rules")
    assert rules["leads"] == [
        "Council Procedure Rule",
        "CPR",
        "Council Procedure Rules",
        "standing order",
        "standing orders",
        "rules",
        *part_numbered("4.1"),
    ]
    assert "of the rules" in rules["tails"] and "of the standing orders" in rules["tails"]
    assert index["citing"]["leads"] == [
        "paragraph",
        "MOP",
        "Protocol on Member/Officer Relations",
        "Member/Officer Protocol",
        "protocol",
        *part_numbered("5.3"),
    ]
    assert index["citing"]["tails"][0] == "of the Member/Officer Protocol"
    assert "of the protocol" in index["citing"]["tails"]
    assert index["draft"]["sections"]["3"] == "draft/principles.html"


def test_a_documents_own_citations_are_its_where_no_other_says_them(
    whole_constitution: Project,
) -> None:
    entries = tuple(whole_constitution.constitution())
    assert own_leads(entries) == {"articles": "Article"}  # "paragraph": the protocol's too
    rules = next(e for e in entries if e.key == "procedure-rules")
    ruled = replace(rules, document=replace(rules.document, cites="Rule {number}"))
    said = own_leads(tuple(ruled if e is rules else e for e in entries))
    assert said == {"articles": "Article", "procedure-rules": "Rule", "protocol": "paragraph"}
    # a document whose own words are another's citation ("Article") keeps none
    clash = replace(rules, document=replace(rules.document, cites="Article {number}"))
    said = own_leads(tuple(clash if e is rules else e for e in entries))
    assert said == {"protocol": "paragraph"}


def test_a_documents_readers_names_are_those_ending_its_title_alone(
    whole_constitution: Project,
) -> None:
    entries = tuple(whole_constitution.constitution())
    words = {
        "standing orders": ("procedure rules",),  # the Rules, singular and plural
        "the rulebook": ("constitution", "articles of the constitution"),
        "rules": ("code of conduct", "protocol"),  # one word names no document
        "house rules": ("rules",),
    }
    assert readers_names(entries, words) == {
        "procedure-rules": ["standing order", "standing orders"],
        "articles": ["the rulebook", "the rulebooks"],
    }
    # a phrase ending two documents' titles names neither
    both = {"our rules": ("procedure rules", "articles of the constitution")}
    assert readers_names(entries, both) == {}


def test_a_documents_short_name_is_its_titles_head_word_alone(
    whole_constitution: Project,
) -> None:
    """ "The protocol", "the articles", "the rules": the last word of a document's name
    before any "of" or "on", where no other document's name ends so."""
    entries = tuple(whole_constitution.constitution())
    assert short_names(entries) == {
        "protocol": ["protocol"],
        "articles": ["articles"],
        "procedure-rules": ["rules"],
    }
    # two documents of Rules: "the rules" names neither
    rules = next(e for e in entries if e.key == "procedure-rules")
    financial = replace(rules, key="financial-rules", title="Financial Procedure Rules")
    assert short_names((*entries, financial))["procedure-rules"] == []


def test_the_search_page_says_it_reaches_every_document(whole: Site, site: Site) -> None:
    """Its hint gives a citation of another document's paragraph, and its version menu says
    whose versions it lists; a project of one document's says neither."""
    words = " ".join(whole.page("search.html").select_one("#search-form").get_text().split())
    assert "a citation (such as Article 1.1)" in words
    label = whole.page("search.html").select_one('label[for="search-version"]')
    assert label is not None
    assert (
        " ".join(label.get_text().split()) == "Version of the Protocol on Member/Officer Relations"
    )
    # what else is searched, in a note the menu is described by
    note = whole.page("search.html").select_one("#search-version-note")
    assert note is not None and note.get_text() == "The other documents are searched as in force."
    menu = whole.page("search.html").select_one("#search-version")
    assert menu is not None and menu["aria-describedby"] == "search-version-note"
    alone = " ".join(site.page("search.html").select_one("#search-form").get_text().split())
    assert "citation" not in alone
    assert site.page("search.html").select_one("#search-version-note") is None
    # the version menu's label, alone, says no more than "Version" (the menu lists the
    # versions themselves, drawn in the page)
    label = site.page("search.html").select_one('label[for="search-version"]')
    assert label is not None and " ".join(label.get_text().split()) == "Version"
    # its banner is the constitution's, not the protocol's version in force; alone, the protocol's
    banner = whole.page("search.html").select_one(".version-banner").get_text()
    assert banner.startswith("The whole constitution.") and "in force" not in banner
    assert "in force" in site.page("search.html").select_one(".version-banner").get_text()


def test_worked_examples_give_the_constitutions_answer(whole: Site, site: Site) -> None:
    """In a constitution a paragraph deciding a worked example may be an Article: the
    example gives the constitution's answer; a project of one document's, the protocol's."""
    for built, whose in ((whole, "constitution"), (site, "protocol")):
        index = built.page("checks/index.html")
        headers = [th.get_text() for th in index.select("table.scenario-index th")]
        assert headers[2] == f"What the {whose} says"
        labels = {td["data-label"] for td in index.select("table.scenario-index td")}
        assert labels == {"Situation", "Paragraphs", f"What the {whose} says"}
        first = index.select_one("table.scenario-index a")
        assert first is not None
        page = built.page(f"checks/{first['href']}")
        assert page.find("h2", string=f"What the {whose} says") is not None
