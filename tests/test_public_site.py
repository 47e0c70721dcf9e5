"""The public's site (issue 21): the version in force first, each version's pages whole,
and the council's words rather than the tool's."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import Tag

import constitution
from conftest import Site, edit, run
from constitution.adoption import adopt
from constitution.build import build_site
from constitution.documents import PROTOCOL
from constitution.model import Document
from constitution.project import Project
from constitution.sphinxconf import favicon
from constitution.sphinxext.not_found import root
from constitution.versions import in_force_on, today

IN_FORCE = "versions/2026-05-14"
PLAIN = "protocol"  # the plain addresses: the version in force


def menu(site: Site, name: str) -> list[tuple[str, str]]:
    page = site.page(name)
    return [(a.get_text(" ", strip=True), a["href"]) for a in page.select(".sidebar-tree a")]


def test_the_home_page_leads_to_the_version_in_force(site: Site) -> None:
    home = site.page("index.html")
    listed = [a["href"] for a in home.select("ol.version-contents a")]
    assert listed and all(h.startswith(f"{PLAIN}/") for h in listed)
    assert menu(site, "index.html")[:4] == [
        ("The protocol in force", f"{PLAIN}/index.html"),
        ("Find what applies to you", "ways-in/index.html"),
        ("Versions and changes", "versions/index.html"),
        ("The protocol's draft, not adopted", "draft/index.html"),
    ]
    following = home.select_one(".related-pages a.next-page")
    assert following is not None and following["href"] == f"{PLAIN}/index.html"
    banner = home.select_one(".version-banner a")
    assert banner is not None and banner.get_text() == "Read the version in force"


def test_an_adopted_versions_pages_have_a_menu_of_their_own(site: Site) -> None:
    links = menu(site, f"{IN_FORCE}/member-enquiries.html")
    hrefs = [h for _, h in links]
    assert not [h for h in hrefs if "draft/" in h], "the menu leads back to the draft"
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

    # Every version's titles curl their quotes as the draft's do (Sphinx's smart quotes).
    assert title(f"{IN_FORCE}/member-enquiries.html").startswith(
        "17. Members’ enquiries — in force"
    )
    assert title("versions/2025-05-15/member-enquiries.html").startswith(
        "17. Members’ enquiries — adopted 15 May 2025"
    )
    assert title("draft/member-enquiries.html").startswith(
        "17. Members’ enquiries — draft, not adopted"
    )
    assert title(f"{PLAIN}/member-enquiries.html").startswith("17. Members’ enquiries — in force")
    assert title(f"{PLAIN}/index.html").startswith("The protocol in force — adopted 14 May 2026")
    assert title(f"{IN_FORCE}/index.html").startswith("The protocol in force — adopted 14 May 2026")


def test_the_editors_pages_are_not_in_the_public_menu(site: Site) -> None:
    for name in ("index.html", "draft/member-enquiries.html", "versions/index.html"):
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
    assert any(li.startswith(f"Paragraph {decides.number} (Members’ enquiries)") for li in links)


def test_a_worked_example_leads_to_the_paragraphs_in_force(
    site: Site, project: Project, document: Document
) -> None:
    """Its answer is the draft's; each deciding paragraph opens in the version in force,
    and one the draft has reworded or added is marked and linked in the draft too."""
    in_force = in_force_on(project.versions(), today())
    assert in_force is not None
    seen = set()
    for scenario in project.scenarios(document):
        page = site.page(f"checks/{scenario.id}.html")
        items = page.select("article ul li")
        cited = [document.clause(cid) for cid in sorted(scenario.clauses)]
        assert len(items) == len(cited)
        for item, clause in zip(items, cited, strict=True):
            assert clause is not None
            forced = in_force.document.clause(clause.id)
            links = [a["href"] for a in item.select("a")]
            words = item.get_text(" ", strip=True)
            if forced is None:
                kind = "added by the draft"
            elif forced.text != clause.text:
                kind = "reworded by the draft"
            else:
                kind = "same"
            seen.add(kind)
            if kind == "same":
                assert links == [f"../{PLAIN}/{forced.section}.html#{clause.id}"], words
                assert "draft" not in words
                continue
            assert f"{kind}, not yet in force" in words
            assert links[-1] == f"../draft/{clause.section}.html#{clause.id}"
            if forced is not None:
                assert links[0] == f"../{PLAIN}/{forced.section}.html#{clause.id}"
    # the model's draft has paragraphs of each kind: a test that could tell them apart
    assert seen >= {"same", "reworded by the draft"}, seen


def test_a_comparison_shows_changed_words_first_by_section(site: Site) -> None:
    page = site.page("versions/redline/2024-05-16--draft.html")
    article = page.select_one("article")
    assert article is not None
    sections = [h.get_text() for h in article.select("h2")]
    assert sections[-1] == "Paragraphs renumbered only"
    numbered = [s for s in sections if s[0].isdigit()]
    numbers = [int(s.split(".")[0]) for s in numbered]
    assert numbers == sorted(numbers) and len(numbers) >= 2
    # the sections' changed words first; then the headings changed, the words between
    # paragraphs, and the paragraphs renumbered only
    assert sections[: len(numbered)] == numbered
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
    for name in (
        "index.html",
        "draft/member-enquiries.html",
        f"{PLAIN}/member-enquiries.html",
        "checks/SC-ENQ-002.html",
    ):
        assert "Versions and changes" in [t for t, _ in menu(site, name)], name


def test_tables_name_each_cell_for_a_phone(site: Site) -> None:
    for name in ("versions/index.html", "versions/clauses/MOP-0144.html", "checks/index.html"):
        table = site.page(name).select_one("article table")
        assert table is not None and "reflow" in table["class"], name
        assert all(td.get("data-label") for td in table.select("td")), name


def test_the_search_page_has_one_main_landmark(site: Site) -> None:
    page = site.page("search.html")
    assert len(page.select("main, [role='main']")) == 1


def test_the_search_page_gives_one_of_the_councils_own_paragraphs_as_examples(
    site: Site, document: Document
) -> None:
    """Its hint's number and ID are a paragraph the council has, not forms of the tool's
    own ("7.12" is no paragraph of a section of seven); the missing page's ID too."""
    words = " ".join(site.page("search.html").select_one("#search-form").get_text().split())
    found = re.search(r"paragraph number \(such as ([^)]+)\).* an ID \(such as ([^)]+)\)", words)
    assert found, words
    number, clause_id = found.groups()
    clause = document.clause(clause_id)
    assert clause is not None and clause.number == number
    assert f"(such as {clause_id})" in " ".join(site.page("404.html").get_text().split())


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
    home.write_text(
        text.replace("The protocol's draft, not adopted <", "Draft amendments <"), "utf-8"
    )
    site = build(scratch)
    assert "Draft amendments" in [t for t, _ in menu(site, "checks/SC-ENQ-002.html")]


def clause_texts(site: Site, name: str) -> dict[str, str]:
    return {
        div["id"]: str(div.select_one(".clause-text"))
        for div in site.page(name).select("article div.clause")
    }


def test_the_plain_addresses_show_the_version_in_force_whole(site: Site) -> None:
    """protocol/ is the version in force: its words, a menu, a pager and a banner of its
    own; the draft is at draft/ and the version's permanent pages stay where they were."""
    for slug in ("member-enquiries", "principles"):
        shown = clause_texts(site, f"{PLAIN}/{slug}.html")
        permanent = clause_texts(site, f"{IN_FORCE}/{slug}.html")
        assert shown and list(shown) == list(permanent)
    page = site.page(f"{PLAIN}/member-enquiries.html")
    assert "MOP-0209" not in page.get_text(), "a paragraph only the draft has"
    links = menu(site, f"{PLAIN}/member-enquiries.html")
    sections = [t for t, h in links if re.fullmatch(r"[a-z-]+\.html", h) and h != "index.html"]
    assert sections[0] == "1. Purpose and status" and len(sections) == 25
    assert ("The protocol in force", "index.html") in links
    assert not [h for _, h in links if "draft/" in h]
    nav = page.select_one("nav.pager")
    assert nav is not None
    assert [a["href"] for a in nav.select("a")] == [
        "correspondence.html",
        "access-to-information.html",
    ]
    banner = page.select_one(".version-banner")
    assert banner is not None and banner.get_text().startswith("The version in force, adopted on")
    assert {a["href"] for a in banner.select("a")} == {
        f"../{IN_FORCE}/index.html",
        "../draft/index.html",
    }
    contents = [a["href"] for a in site.page(f"{PLAIN}/index.html").select("ol a")]
    assert contents[0] == "purpose-and-status.html" and len(contents) == 25
    # Cross-references stay at the plain addresses.
    refs = [a["href"] for a in page.select("article .clause-text a")]
    assert "definitions.html#MOP-0024" in refs


def test_a_council_with_no_version_adopted_says_its_plain_pages_are_a_draft(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    assert not list(scratch.versions_dir.glob("*.json"))
    site = build(scratch)
    page = site.page(f"{PLAIN}/member-enquiries.html")
    banner = page.select_one(".version-banner")
    assert banner is not None and banner.get_text().startswith("Draft, not adopted.")
    title = page.title
    assert title is not None and "— draft, not adopted" in title.get_text()
    assert "MOP-0209" in clause_texts(site, f"{PLAIN}/member-enquiries.html")
    home = site.page("index.html")
    assert "No version has been adopted yet" in home.get_text()
    assert menu(site, "index.html")[0] == (
        "The protocol (a draft: none adopted yet)",
        f"{PLAIN}/index.html",
    )
    index = json.loads((site.out / "clause-index.json").read_text(encoding="utf-8"))
    assert index["in_force"] == "draft"
    assert index["draft"]["numbers"]["17.2"].startswith("draft/member-enquiries.html#")


def about(clause: Tag) -> dict[str, Tag]:
    dl = clause.select_one(".clause-about dl")
    assert dl is not None
    return dict(zip([dt.get_text() for dt in dl.select("dt")], dl.select("dd"), strict=True))


def test_each_paragraph_in_force_says_when_it_last_changed_and_by_what(site: Site) -> None:
    """Checked against each paragraph's history page, drawn by other code from the same
    records: the last version, up to the one in force, that gave it its words, and the
    comparison that shows that change."""
    folders = (site.out / "versions").iterdir()
    keys = sorted(f.name for f in folders if re.fullmatch(r"\d{4}-\d\d-\d\d", f.name))
    checked = noted = linked = 0
    for name in ("member-enquiries", "working-relationship", "confidentiality"):
        page = site.page(f"{PLAIN}/{name}.html")
        for clause in page.select("article div.clause"):
            rows = site.page(f"versions/clauses/{clause['id']}.html").select("tbody tr")
            history = [
                [cell.get_text() for cell in row.select("th, td")]
                for row in rows
                if row.th is not None and row.th.get_text() != "Draft"
            ]
            changed = [r for r in history if r[2] in ("original", "inserted", "reworded")][-1]
            words = {
                "original": "Unchanged since first adopted",
                "inserted": "Added",
                "reworded": "Words last changed",
            }[changed[2]]
            said = about(clause)["Changes"].get_text()
            assert said.startswith(f"{words} on {changed[0]} ({changed[4]}).")
            link = about(clause)["Changes"].select_one("a")
            assert (link is not None) == (changed[2] != "original"), clause["id"]
            if link is not None:
                day = dt.datetime.strptime(changed[0], "%d %B %Y").date()
                made = keys.index(day.isoformat())
                redline = f"{keys[made - 1]}--{keys[made]}.html#{clause['id']}"
                assert link["href"] == f"../versions/redline/{redline}"
                linked += 1
            moved = [r for r in history[history.index(changed) + 1 :] if r[2] == "renumbered"]
            if moved:
                was = history[history.index(moved[-1]) - 1][1]
                assert f"Renumbered from {was} on {moved[-1][0]}" in said
            note = clause.select_one(".clause-change a")
            made_here = history[-1][2] in ("inserted", "reworded")
            assert (note is not None) == made_here, clause["id"]
            if note is not None:
                noted += 1
                assert note["href"] == (
                    f"../versions/redline/2025-05-15--2026-05-14.html#{clause['id']}"
                )
                redline = site.page(note["href"].removeprefix("../").split("#")[0])
                assert redline.select_one(f"section#{clause['id']}") is not None
            checked += 1
    assert checked > 20 and noted >= 1 and linked > noted


def test_a_project_still_linking_docs_protocol_is_told_to_rename_it(scratch: Project) -> None:
    """protocol/ is the plain addresses' now: the draft's pages would collide with them."""
    (scratch.root / "docs" / "draft").rename(scratch.root / "docs" / "protocol")
    done = run(scratch, "build", "--out", "_build/site")
    assert done.returncode == 1
    assert "docs/protocol: draft-pages-folder" in done.stderr
    assert "git mv docs/protocol docs/draft" in done.stderr
    (scratch.root / "docs" / "protocol").rename(scratch.root / "docs" / "draft")  # the fix
    assert run(scratch, "build", "--out", "_build/site").returncode == 0


def council_of_one_section(where: Path) -> Project:
    """A council's repository as `constitution init` starts it: one section."""
    made = subprocess.run(
        [sys.executable, "-m", "constitution", "init", "ours", "--council", "Testshire"],
        cwd=where, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return Project(where / "ours")


def differing(site: Path, fresh: Path) -> list[str]:
    """The files of two built sites that are not the same, or not in both."""
    names = {p.relative_to(root).as_posix() for root in (site, fresh) for p in root.rglob("*")}
    return sorted(
        n for n in names
        if not ((site / n).is_dir() and (fresh / n).is_dir())
        and not ((site / n).is_file() and (fresh / n).is_file()
                 and (site / n).read_bytes() == (fresh / n).read_bytes())
    )  # fmt: skip


def test_a_build_after_an_adoption_redraws_every_page_that_shows_it(tmp_path: Path) -> None:
    """The site built again into the same folder once Council adopts (the work area kept
    from the build before, as `dev.py test` then `build` leave it) is the site a first
    build gives: no page still says that nothing is adopted, nor names the last version."""
    council = council_of_one_section(tmp_path)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    for meeting in ("2026-11-02", "2026-11-20"):
        assert build_site(council, out) == 0
        day = dt.date.fromisoformat(meeting)
        edit(council, "protocol/index.md", "\n", f"\n\nAs amended on {meeting}.\n")
        adopt(council, [PROTOCOL], day, day, f"Council, {meeting}, minute 1")
        assert build_site(council, out) == 0
        shutil.rmtree(fresh, ignore_errors=True)
        assert build_site(council, fresh) == 0
        assert differing(out, fresh) == [], f"after the adoption of {meeting}"
    home = Site(out).page("index.html").get_text(" ", strip=True)
    assert "No version has been adopted yet" not in home
    assert "In force since 20 November 2026" in home


def test_a_page_no_longer_built_is_no_longer_published(tmp_path: Path) -> None:
    """A section added, built, then taken out again before adoption: the next build into
    the same folder publishes neither its page nor its paragraph's history, as a first
    build would not."""
    council = council_of_one_section(tmp_path)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    section = council.protocol / "gifts.md"
    clause = "```{clause} MOP-0002\n:modality: informative\n\nGifts are recorded.\n```\n"
    section.write_text(f"# Gifts\n\n{clause}", encoding="utf-8")
    edit(council, "protocol/index.md", "purpose\n", "purpose\ngifts\n")
    assert build_site(council, out) == 0
    assert (out / "draft" / "gifts.html").is_file()
    assert (out / "versions" / "clauses" / "MOP-0002.html").is_file()
    section.unlink()
    edit(council, "protocol/index.md", "purpose\ngifts\n", "purpose\n")
    assert build_site(council, out) == 0
    assert not (out / "draft" / "gifts.html").exists()
    assert not (out / "versions" / "clauses" / "MOP-0002.html").exists()
    assert build_site(council, fresh) == 0
    assert differing(out, fresh) == []


def test_a_list_drawn_without_markers_stays_a_list_to_a_screen_reader(site: Site) -> None:
    """Safari drops a list's semantics, for VoiceOver, under `list-style: none`: every list
    our style sheet draws without markers says it is one (role="list"), on every page."""
    css = (Path(constitution.__file__).parent / "sphinxext/static/constitution.css").read_text()
    plain = [
        selector.strip()
        for selectors, rule in re.findall(
            r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        )
        if re.search(r"list-style:\s*none", rule)
        for selector in selectors.split(",")
    ]
    assert "ul.labelled" in plain
    found = set()
    for path in sorted(site.out.rglob("*.html")):
        page = site.page(str(path.relative_to(site.out)))
        for selector in plain:
            for drawn in page.select(selector):
                assert drawn.name in ("ul", "ol"), (path, selector)
                assert drawn.get("role") == "list", (path, selector)
                found.add(selector)
    assert found == set(plain) - {"ul.labelled"}  # the model draws no labelled list


def test_the_search_names_each_version_with_its_month_capitalised(site: Site) -> None:
    """The search page's list of versions: a month's name keeps its capital."""
    index = json.loads((site.out / "clause-index.json").read_text(encoding="utf-8"))
    labels = [index[key]["label"] for key in ("2024-05-16", "2025-05-15", "2026-05-14")]
    assert labels == [
        "Adopted 16 May 2024",
        "Adopted 15 May 2025",
        "In force (adopted 14 May 2026)",
    ]


def test_a_comparison_names_the_resolutions_that_made_its_changes(site: Site) -> None:
    """A reader quoting a change needs the resolution that made it: each comparison names
    every resolution between its two versions, oldest first, and the draft as unadopted."""

    def made_by(old: str, new: str) -> list[str]:
        page = site.page(f"versions/redline/{old}--{new}.html")
        return [li.get_text(" ", strip=True) for li in page.select(".redline-made-by li")]

    assert made_by("2025-05-15", "2026-05-14") == [
        "Council, 14 May 2026, minute 11(a): annual review; sections on resources and "
        "confidentiality reordered; courtesy paragraph extended; paragraph on media "
        "interviews revoked (adopted 14 May 2026, in force from 1 June 2026)"
    ]
    assert [m.split(":")[0] for m in made_by("2024-05-16", "2026-05-14")] == [
        "Council, 15 May 2025, minute 9(c)",
        "Council, 14 May 2026, minute 11(a)",
    ]
    assert made_by("2026-05-14", "draft") == ["The draft's proposed amendments, not adopted"]


def test_a_superseded_versions_paragraph_says_a_later_version_changed_it(site: Site) -> None:
    """A reader of the rule in force on a past day asks whether it has changed since: the
    paragraph's About panel names the first later version that reworded or revoked it."""

    def changes(page: str, clause_id: str) -> str:
        clause = site.page(page).select_one(f"article div.clause#{clause_id}")
        assert clause is not None
        return about(clause)["Changes"].get_text(" ", strip=True)

    reworded = changes("versions/2024-05-16/member-enquiries.html", "MOP-0144")
    assert reworded.startswith("Unchanged since first adopted on 16 May 2024")
    assert reworded.endswith(
        " Reworded by a later version, adopted on 15 May 2025 (Council, 15 May 2025, "
        "minute 9(c): annual review; reply times for members' enquiries shortened; "
        "paragraph on media interviews added)."
    )
    revoked = changes("versions/2025-05-15/media-and-publicity.html", "MOP-0208")
    assert revoked.endswith(
        " Revoked by a later version, adopted on 14 May 2026 (Council, "
        "14 May 2026, minute 11(a): annual review; sections on resources and confidentiality "
        "reordered; courtesy paragraph extended; paragraph on media interviews revoked)."
    )
    # the latest version, and a paragraph no later version changed, say nothing of it
    assert "later version" not in changes("versions/2026-05-14/member-enquiries.html", "MOP-0144")
    assert "later version" not in changes("versions/2024-05-16/undue-pressure.html", "MOP-0060")


def test_a_revoked_paragraphs_history_gives_the_number_its_place_keeps(tmp_path: Path) -> None:
    """Under insert numbering a revoked paragraph's number stays in its place in the
    version that revoked it: its history's row for that version gives the number, as the
    version's page does, not a dash."""
    council = council_of_one_section(tmp_path)
    second = "```{clause} MOP-0002\n:modality: informative\n\nOfficers are named.\n```\n"
    edit(council, "protocol/purpose.md", "Testshire.\n```\n", f"Testshire.\n```\n\n{second}")
    first, later = dt.date(2026, 11, 2), dt.date(2026, 11, 20)
    adopt(council, [PROTOCOL], first, first, "Council, 2 November 2026, minute 1")
    edit(council, "protocol/purpose.md", f"\n{second}", "")
    (council.protocol / "retired.toml").write_text("[MOP-0002]\nrevoked = 2026-11-20\n")
    adopt(council, [PROTOCOL], later, later, "Council, 20 November 2026, minute 4")
    out = tmp_path / "site"
    assert build_site(council, out) == 0
    rows = Site(out).page("versions/clauses/MOP-0002.html").select("table.history tbody tr")
    cells = [[c.get_text(" ", strip=True) for c in row.select("th, td")][:3] for row in rows]
    assert cells == [
        ["2 November 2026", "1.2", "original"],
        ["20 November 2026", "1.2", "revoked"],
    ]


def test_the_missing_page_leads_from_the_sites_root_at_any_depth(site: Site) -> None:
    """404.html is sent for any address the host does not have, however deep: every
    address it gives starts from the site's root, and is a file the site has."""
    page = site.page("404.html")
    given = [
        t[a]
        for t in page.select("[href], [src], [action]")
        for a in ("href", "src", "action")
        if t.has_attr(a)
    ]
    local = [a for a in given if not a.startswith("#") and not urlsplit(a).scheme]
    assert local and [a for a in local if not a.startswith("/")] == []
    assert [a for a in local if not (site.out / urlsplit(a).path.lstrip("/")).is_file()] == []
    assert page.html is not None and page.html["data-content_root"] == "/"


def test_the_sites_root_is_the_path_of_its_address() -> None:
    assert root("https://www.example.gov.uk/constitution") == "/constitution/"
    assert root("https://constitution.example.gov.uk/") == "/"
    assert root("") == "/"


def test_every_page_names_an_icon_the_site_has(site: Site) -> None:
    """Without one a browser asks every visit for /favicon.ico, which is not there."""
    for name in ("index.html", "draft/principles.html", "versions/2025-05-15/index.html"):
        icon = site.page(name).select_one('link[rel~="icon"]')
        assert icon is not None, name
        assert ((site.out / name).parent / icon["href"]).resolve().is_file(), name


def test_a_councils_own_icon_beside_its_settings_is_the_sites(tmp_path: Path) -> None:
    tool = favicon(tmp_path)
    assert tool.name == "favicon.svg" and tool.is_file() and tool.parent != tmp_path
    (tmp_path / "favicon.png").write_bytes(b"\x89PNG")
    assert favicon(tmp_path) == tmp_path / "favicon.png"
    (tmp_path / "favicon.svg").write_text("<svg/>", encoding="utf-8")
    assert favicon(tmp_path) == tmp_path / "favicon.svg"
