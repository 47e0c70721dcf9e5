"""The public's site (issue 21): the version in force first, each version's pages whole,
and the council's words rather than the tool's."""

from __future__ import annotations

import re
from collections.abc import Callable

from conftest import Site
from constitution.model import Document
from constitution.project import Project

IN_FORCE = "versions/2026-05-14"


def menu(site: Site, name: str) -> list[tuple[str, str]]:
    page = site.page(name)
    return [(a.get_text(" ", strip=True), a["href"]) for a in page.select(".sidebar-tree a")]


def test_the_home_page_leads_to_the_version_in_force(site: Site) -> None:
    home = site.page("index.html")
    listed = [a["href"] for a in home.select("ol.version-contents a")]
    assert listed and all(h.startswith(f"{IN_FORCE}/") for h in listed)
    assert menu(site, "index.html")[:3] == [
        ("The protocol in force", f"{IN_FORCE}/index.html"),
        ("Versions and changes", "versions/index.html"),
        ("The draft, not adopted", "protocol/index.html"),
    ]
    following = home.select_one(".related-pages a.next-page")
    assert following is not None and following["href"] == f"{IN_FORCE}/index.html"
    banner = home.select_one(".version-banner a")
    assert banner is not None and banner.get_text() == "Read the version in force"


def test_an_adopted_versions_pages_have_a_menu_of_their_own(site: Site) -> None:
    links = menu(site, f"{IN_FORCE}/member-enquiries.html")
    hrefs = [h for _, h in links]
    assert not [h for h in hrefs if "protocol/" in h], "the menu leads back to the draft"
    sections = [t for t, h in links if re.fullmatch(r"[a-z-]+\.html", h) and h != "index.html"]
    assert sections[0] == "1. Purpose and status" and len(sections) == 25
    assert ("The protocol in force", "index.html") in links
    assert ("Versions and changes", "../index.html") in links
    page = site.page(f"{IN_FORCE}/member-enquiries.html")
    current = page.select(".sidebar-tree [aria-current='page']")
    assert [a["href"] for a in current] == ["member-enquiries.html"]
    older = menu(site, "versions/2024-05-16/index.html")
    assert ("Version adopted 16 May 2024", "index.html") in older


def test_an_adopted_versions_sections_lead_to_the_next_and_previous(site: Site) -> None:
    def pager(name: str) -> list[tuple[str, str]]:
        nav = site.page(f"{IN_FORCE}/{name}").select_one("nav.pager")
        assert nav is not None
        return [(a["rel"][0], a["href"]) for a in nav.select("a")]

    assert pager("member-enquiries.html") == [
        ("prev", "correspondence.html"),
        ("next", "access-to-information.html"),
    ]
    assert pager("purpose-and-status.html") == [
        ("prev", "index.html"),
        ("next", "definitions.html"),
    ]
    assert pager("review.html") == [("prev", "concerns.html")]


def test_titles_say_which_version(site: Site) -> None:
    def title(name: str) -> str:
        tag = site.page(name).title
        assert tag is not None
        return tag.get_text()

    assert title(f"{IN_FORCE}/member-enquiries.html").startswith(
        "17. Members' enquiries — in force"
    )
    assert title("versions/2025-05-15/member-enquiries.html").startswith(
        "17. Members' enquiries — adopted 15 May 2025"
    )
    assert title("protocol/member-enquiries.html").startswith(
        "17. Members’ enquiries — draft, not adopted"
    )
    assert title(f"{IN_FORCE}/index.html").startswith("The protocol in force — adopted 14 May 2026")


def test_the_editors_pages_are_not_in_the_public_menu(site: Site) -> None:
    for name in ("index.html", "protocol/member-enquiries.html", "versions/index.html"):
        shown = " ".join(t for t, _ in menu(site, name))
        for word in ("Traceability", "What the tools say", "Performance"):
            assert word not in shown, (name, word)
        footer = site.page(name).select_one("footer")
        assert footer is not None
        assert not re.search(r"Sphinx|Furo|Made with", footer.get_text()), name
        assert "For editors" in [a.get_text() for a in footer.select("a")]
    editors = [a["href"] for a in site.page("editors.html").select("article a")]
    assert {"traceability.html", "bad-inputs.html", "performance.html"} <= set(editors)


def test_ids_are_citations_not_headings(site: Site) -> None:
    ids = re.compile(r"\b(MOP|SC-[A-Z]+)-\d{3,4}\b")
    pages = [
        "checks/SC-ENQ-002.html",
        "checks/index.html",
        "versions/clauses/MOP-0144.html",
        "versions/redline/2024-05-16--draft.html",
        f"{IN_FORCE}/index.html",
    ]
    for name in pages:
        page = site.page(name)
        for tag in page.select("article h1, article h2, article h3, title"):
            assert not ids.search(tag.get_text()), (name, tag.get_text())
        assert "Record digest" not in page.get_text()
    index = site.page("checks/index.html")
    assert not [a for a in index.select("table a") if ids.search(a.get_text())]
    history = site.page("versions/clauses/MOP-0144.html").h1
    assert history is not None and history.get_text() == "Paragraph 17.2 in every version"


def test_a_worked_example_reads_as_words(site: Site, document: Document) -> None:
    page = site.page("checks/SC-ENQ-002.html")
    assert "Not run" not in page.get_text()
    facts = dict(
        zip(
            [dt.get_text() for dt in page.select("dl.scenario-facts dt")],
            [dd.get_text() for dd in page.select("dl.scenario-facts dd")],
            strict=True,
        )
    )
    assert facts["Who"] == "the member"
    assert "-" not in "".join(facts.values())
    links = [li.get_text() for li in page.select("article ul li")]
    decides = document.clause("MOP-0145")
    assert decides is not None
    assert f"Paragraph {decides.number} (Members’ enquiries)" in links


def test_a_comparison_shows_changed_words_first_by_section(site: Site) -> None:
    page = site.page("versions/redline/2024-05-16--draft.html")
    article = page.select_one("article")
    assert article is not None
    sections = [h.get_text() for h in article.select("h2")]
    assert sections[-1] == "Paragraphs renumbered only"
    numbers = [int(s.split(".")[0]) for s in sections[:-1]]
    assert numbers == sorted(numbers) and len(numbers) >= 2
    changes = article.select("section.redline-clause")
    assert changes and not [c for c in changes if "renumbered" in c.h3.get_text()]
    folded = article.select("details.renumbered tbody tr")
    assert folded and len(changes) + len(folded) == len(
        article.select("section.redline-clause, details tbody tr")
    )
    # Each change sits after its section's heading, before the next section's.
    first = article.select_one("section.redline-clause")
    assert first is not None and first.find_previous("h2") is not None


def test_versions_and_changes_is_in_every_menu(site: Site) -> None:
    for name in ("index.html", "protocol/member-enquiries.html", "checks/SC-ENQ-002.html"):
        assert "Versions and changes" in [t for t, _ in menu(site, name)], name


def test_tables_name_each_cell_for_a_phone(site: Site) -> None:
    for name in ("versions/index.html", "versions/clauses/MOP-0144.html", "checks/index.html"):
        table = site.page(name).select_one("article table")
        assert table is not None and "reflow" in table["class"], name
        assert all(td.get("data-label") for td in table.select("td")), name


def test_the_search_page_has_one_main_landmark(site: Site) -> None:
    page = site.page("search.html")
    assert len(page.select("main, [role='main']")) == 1


def test_the_accessibility_statement_follows_the_model_statement(site: Site) -> None:
    page = site.page("accessibility.html")
    headings = {h.get_text().rstrip("¶#").strip() for h in page.select("article h2, article h3")}
    assert {
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
    } <= headings
    text = page.get_text()
    assert "Kestrelford Borough Council" in text and "@" in text
    assert "move between paragraphs by their headings" not in text


def test_a_menu_entrys_own_title_reaches_every_generated_page(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    """Generated pages are kept while their menu is unchanged (page_cache): a title given
    in the home page's toctree is part of that menu."""
    build(scratch)
    home = scratch.root / "docs" / "index.md"
    text = home.read_text(encoding="utf-8")
    home.write_text(text.replace("The draft, not adopted <", "Draft amendments <"), "utf-8")
    site = build(scratch)
    assert "Draft amendments" in [t for t, _ in menu(site, "checks/SC-ENQ-002.html")]
