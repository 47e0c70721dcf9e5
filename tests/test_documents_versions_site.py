"""The constitution's other documents with adopted versions on the site
(conftest.adopted_constitution): each published as the protocol is, the constitution's
contents and amendments, references in the version read, search's jump and open data."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ARTICLES_1, BOTH_2, RULES_1, Site, broken_links, run
from constitution.adoption import adopt
from constitution.build import build_site
from constitution.documents import Constitution, citing
from constitution.in_force import in_force
from constitution.project import Project
from constitution.serve import WarmBuild
from constitution.sphinxext.documents_site import status
from constitution.sphinxext.print_file import shown_size


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory, adopted_constitution: Project) -> Site:
    out = tmp_path_factory.mktemp("adopted-site") / "out"
    assert build_site(adopted_constitution, out) == 0
    return Site(out)


def reference(site: Site, page: str, clause: str) -> tuple[str, str]:
    """The words and address of the first reference in ``clause`` on ``page``."""
    found = site.page(page).select_one(f"#{clause} a.reference")
    assert found is not None, (page, clause)
    return found.get_text(), str(found["href"])


def numbers(site: Site, page: str) -> list[tuple[str, str]]:
    return [(c["id"], c["data-number"]) for c in site.page(page).select("div.clause")]


def banner(site: Site, page: str) -> str:
    found = site.page(page).select_one(".version-banner")
    assert found is not None, page
    return " ".join(found.get_text().split())


def test_a_documents_plain_addresses_show_its_version_in_force(adopted: Site) -> None:
    rules = "procedure-rules/meetings.html"
    assert numbers(adopted, rules) == [("CPR-0003", "1"), ("CPR-0001", "2"), ("CPR-0002", "3")]
    words = banner(adopted, rules)
    assert words.startswith("The version in force, adopted on 10 June 2026, in force since 1 July")
    links = {a.get_text(): a["href"] for a in adopted.page(rules).select(".version-banner a")}
    assert links == {
        "This version's permanent pages": f"../versions/procedure-rules/{BOTH_2[0]}/index.html",
        "Read the draft of proposed amendments": "../draft/procedure-rules/index.html",
    }
    contents = adopted.page("procedure-rules/index.html")
    assert contents.h1 is not None
    assert contents.h1.get_text() == "The Council Procedure Rules in force"
    # its own menu: its sections, its versions, as the protocol's version in force has
    menu = [(a.get_text(), a["href"]) for a in adopted.page(rules).select(".sidebar-tree a")]
    assert ("The Council Procedure Rules in force", "index.html") in menu
    assert ("1. Meetings of the Council", "meetings.html") in menu
    assert ("Versions and changes", "../versions/procedure-rules/index.html") in menu
    # the other documents a click away; its own contents are the menu's
    assert ("Articles of the Constitution", "../articles/index.html") in menu
    assert "Council Procedure Rules" not in [text for text, _ in menu]
    # how to read the site, as its page is named: not "this protocol" on the Rules' menu
    assert ("How to read the constitution", "../how-to-read.html") in menu
    assert not [text for text, _ in menu if "protocol" in text]
    title = adopted.page(rules).title
    assert title is not None
    # the document named once, after the section and the version
    assert title.get_text() == "1. Meetings of the Council — in force - Council Procedure Rules"


def test_each_version_and_the_draft_have_their_own_pages(adopted: Site) -> None:
    first = f"versions/procedure-rules/{RULES_1[0]}/meetings.html"
    assert numbers(adopted, first) == [("CPR-0001", "1"), ("CPR-0002", "2")]
    assert banner(adopted, first).startswith(
        f"Version adopted on 10 January 2026 ({RULES_1[2]}), in force from 1 February 2026. "
        "A later version exists"
    )
    draft = "draft/procedure-rules/meetings.html"
    assert [n for _, n in numbers(adopted, draft)] == ["1", "2", "3", "4"]
    assert banner(adopted, draft).startswith(
        "Draft, not adopted. This text includes amendments proposed since the version "
        "adopted on 10 June 2026."
    )
    contents = adopted.page("draft/procedure-rules/index.html").select_one("h1 + p")
    assert contents is not None
    assert " ".join(contents.get_text().split()) == (
        "The Council Procedure Rules as drafted: amendments proposed since the version "
        "adopted on 10 June 2026, not yet adopted by Council."
    )
    # what each paragraph cites itself as, in the version read
    cite = adopted.page(first).select_one("#CPR-0001 .citation")
    assert cite is not None and cite.get_text() == (
        "Council Procedure Rule 1 (Part 4.1, Council Procedure Rules, version adopted "
        "10 January 2026)"
    )


def test_redlines_histories_and_the_list_of_versions(adopted: Site) -> None:
    listed = adopted.page("versions/articles/index.html")
    assert listed.h1 is not None
    assert listed.h1.get_text() == "Versions and changes: Articles of the Constitution"
    # one verb whatever the title's number: a council's "Members' Code of Conduct change"
    opening = listed.h1.find_next("p")
    assert opening is not None and " ".join(opening.get_text().split()).startswith(
        "The words of the Articles of the Constitution (Part 2) change only when Council adopts"
    )
    redline = f"versions/articles/redline/{ARTICLES_1[0]}--{BOTH_2[0]}.html"
    comparisons = [a["href"] for a in listed.select("ul.redlines a")]
    assert f"redline/{ARTICLES_1[0]}--{BOTH_2[0]}.html" in comparisons
    inserted = adopted.page(redline).select("ins")
    assert [" ".join(i.get_text().split()) for i in inserted] == ["Inserted: in writing"]
    changed = adopted.page(redline).select_one("#ART-0004")
    assert changed is not None and changed.h3 is not None
    assert changed.h3.get_text() == "Article 2.2: reworded"
    assert " ".join(changed.select("a")[-1].get_text().split()) == "Article 2.2 in every version"
    history = adopted.page("versions/articles/clauses/ART-0004.html")
    rows = [[td.get_text().strip() for td in tr.select("td")] for tr in history.select("tbody tr")]
    assert [r[1] for r in rows] == ["original", "reworded", "unchanged"]  # then the draft
    # named as the Articles cite their own paragraphs, in its heading and title
    assert history.h1 is not None and history.h1.get_text() == "Article 2.2 in every version"
    assert history.title is not None
    assert history.title.get_text().startswith("Article 2.2 in every version")
    # a paragraph reworded in the version in force says so, linked to the comparison
    note = adopted.page("articles/members.html").select_one("#ART-0004 .clause-change a")
    assert note is not None and note["href"] == (
        f"../versions/articles/redline/{ARTICLES_1[0]}--{BOTH_2[0]}.html#ART-0004"
    )


def test_references_cite_the_version_in_force_on_the_versions_day(
    adopted: Site, adopted_constitution: Project
) -> None:
    """An Article cites a Rule as numbered in the Rules in force when the Articles' version
    came into force, and the protocol's paragraph likewise; the draft cites the drafts."""
    v1 = f"versions/articles/{ARTICLES_1[0]}/members.html"
    assert reference(adopted, v1, "ART-0004") == (
        "Council Procedure Rule 1",
        f"../../procedure-rules/{RULES_1[0]}/meetings.html#CPR-0001",
    )
    assert reference(adopted, "articles/members.html", "ART-0004") == (
        "Council Procedure Rule 2",
        "../procedure-rules/meetings.html#CPR-0001",
    )
    assert reference(adopted, "draft/articles/members.html", "ART-0004") == (
        "Council Procedure Rule 3",
        "../procedure-rules/meetings.html#CPR-0001",
    )
    # the protocol: on 1 April 2026 its version of 15 May 2025 was in force
    record = json.loads(
        (adopted_constitution.root / "versions" / "2025-05-15.json").read_text(encoding="utf-8")
    )
    then = next(c for s in record["sections"] for c in s["clauses"] if c["id"] == "MOP-0029")
    assert reference(adopted, v1, "ART-0003") == (
        f"paragraph {then['number']} of the Member/Officer Protocol",
        "../../2025-05-15/principles.html#MOP-0029",
    )
    assert reference(adopted, "articles/members.html", "ART-0003")[1] == (
        "../protocol/principles.html#MOP-0029"
    )
    # the protocol's draft, drawn by Sphinx, cites the Articles' draft
    assert reference(adopted, "draft/principles.html", "MOP-0030") == (
        "Article 2.1",
        "articles/members.html#ART-0003",
    )


def test_the_contents_say_which_version_of_each_document_is_in_force(adopted: Site) -> None:
    page = adopted.page("constitution.html")
    rows = [
        [" ".join(td.get_text().split()) for td in tr.select("td")]
        for tr in page.select("table.constitution-contents tbody tr")
    ]
    protocol = rows.pop()
    assert protocol[:2] == ["Part 5.3", "Protocol on Member/Officer Relations"]
    assert protocol[2].startswith("Adopted 14 May 2026 (Council, 14 May 2026, minute 11(a)")
    assert protocol[2].endswith("), in force from 1 June 2026")
    assert rows == [
        [
            "Part 2",
            "Articles of the Constitution",
            f"Adopted 10 June 2026 ({BOTH_2[2]}), in force from 1 July 2026",
        ],
        [
            "Part 4.1",
            "Council Procedure Rules",
            f"Adopted 10 June 2026 ({BOTH_2[2]}), in force from 1 July 2026",
        ],
    ]
    hrefs = [a["href"] for a in page.select("table.constitution-contents a")]
    assert hrefs == ["articles/index.html", "procedure-rules/index.html", "protocol/index.html"]


def test_the_amendments_list_every_resolution_and_the_constitution_then(adopted: Site) -> None:
    page = adopted.page("constitution/amendments.html")
    # a page of the whole constitution, not of the protocol: its banner and its title
    for whole in (page, adopted.page("constitution.html")):
        banner, brand = whole.select_one(".version-banner"), whole.select_one(".sidebar-brand-text")
        assert banner is not None and banner.get_text().startswith("The whole constitution.")
        assert brand is not None and brand.get_text().strip().endswith("Council Constitution")
    amendments = page.select("section.amendment")
    headings = [" ".join(a.h2.get_text().split()) for a in amendments if a.h2]
    assert [h.removeprefix("Adopted ") for h in headings] == [
        "10 June 2026",
        "14 May 2026",
        "5 March 2026",
        "10 January 2026",
        "15 May 2025",
        "16 May 2024",
    ]
    assert amendments[0].p is not None
    assert amendments[0].p.get_text().startswith("Council, 10 June 2026, minute 12. In force")
    changed = [a.get_text() for a in amendments[0].select(".amendment-changed li > a:first-child")]
    assert changed == ["Part 2: Articles of the Constitution", "Part 4.1: Council Procedure Rules"]
    # each document's changes, word by word, from its version before; none for a first
    compared = {
        a.get_text(" ", strip=True): a["href"]
        for a in amendments[0].select(".amendment-changed a.amendment-changes")
    }
    assert compared == {
        "What it changed in Part 2": f"../versions/articles/redline/{ARTICLES_1[0]}--"
        f"{BOTH_2[0]}.html",
        "What it changed in Part 4.1": f"../versions/procedure-rules/redline/{RULES_1[0]}--"
        f"{BOTH_2[0]}.html",
    }
    assert not amendments[-1].select("a.amendment-changes")
    # the constitution in force from 1 April 2026, when the Articles' first version took effect
    march = amendments[2]
    assert (
        march.h3 is not None and march.h3.get_text() == "The constitution in force on 1 April 2026"
    )
    then = {a.get_text(): a["href"] for a in march.select(".constitution-then a")}
    assert then == {
        "Part 2: Articles of the Constitution": f"../versions/articles/{ARTICLES_1[0]}/index.html",
        "Part 4.1: Council Procedure Rules": f"../versions/procedure-rules/{RULES_1[0]}/index.html",
        "Part 5.3: Protocol on Member/Officer Relations": "../versions/2025-05-15/index.html",
    }
    # the oldest, before any other document was adopted: theirs were drafts
    oldest = [
        " ".join(li.get_text().split()) for li in amendments[-1].select(".constitution-then li")
    ]
    assert oldest[0] == "Part 2: Articles of the Constitution: A draft: no version adopted yet"


def test_a_document_between_adoption_and_force_is_said_to_be_waiting(
    adopted_constitution: Project,
) -> None:
    """Between the Articles' first adoption (5 March) and its day in force (1 April)."""
    articles = adopted_constitution.constitution().entry("articles")
    words = [
        status(d, day)
        for day in (dt.date(2026, 3, 1), dt.date(2026, 3, 20))
        for d in in_force(Constitution((articles,)), day)
    ]
    assert words == [
        "A draft: no version adopted yet",
        "A draft: the version adopted 5 March 2026 not yet in force",
    ]


def test_the_jump_box_and_search_reach_the_version_in_force(adopted: Site) -> None:
    index = json.loads((adopted.out / "clause-index.json").read_text(encoding="utf-8"))
    rules = next(d for d in index["documents"] if d["title"] == "Council Procedure Rules")
    assert rules["numbers"]["2"] == "procedure-rules/meetings.html#CPR-0001"
    assert rules["ids"]["CPR-0003"] == "procedure-rules/meetings.html#CPR-0003"
    assert "CPR-0004" not in rules["ids"]  # in the draft alone
    # every other version's, named, for the search page to say where such a paragraph is
    assert rules["draft"]["ids"]["CPR-0004"] == "draft/procedure-rules/meetings.html#CPR-0004"
    assert rules["draft"]["history"] == "versions/procedure-rules/clauses/{id}.html"
    of = "of the Council Procedure Rules"
    assert rules["name"] == f"the version {of} in force (adopted 10 June 2026)"
    assert [(v["name"], v["numbers"]) for v in rules["versions"]] == [
        (
            f"the version {of} adopted 10 January 2026",
            {
                "1": "versions/procedure-rules/2026-01-10/meetings.html#CPR-0001",
                "2": "versions/procedure-rules/2026-01-10/meetings.html#CPR-0002",
            },
        ),
        (
            f"the version {of} in force (adopted 10 June 2026)",
            {
                "1": "versions/procedure-rules/2026-06-10/meetings.html#CPR-0003",
                "2": "versions/procedure-rules/2026-06-10/meetings.html#CPR-0001",
                "3": "versions/procedure-rules/2026-06-10/meetings.html#CPR-0002",
            },
        ),
    ]
    assert index["draft"]["name"] == "the draft (not adopted)"


def test_each_version_of_a_document_has_its_own_search_and_contents(adopted: Site) -> None:
    """Another document's versions that its plain addresses do not show are searched by
    words in a bundle of their own, holding their text; the jump box knows each one's
    contents (its Part typed there) and the day each of the protocol's came into force
    (another document then opened as it stood that day)."""
    bundles = adopted.out / "pagefind"
    own = {p.parent.relative_to(bundles).as_posix() for p in bundles.glob("*/*/words.json")}
    assert own == {
        f"articles/{ARTICLES_1[0]}",
        "articles/draft",
        f"procedure-rules/{RULES_1[0]}",
        "procedure-rules/draft",
    }
    words = json.loads((bundles / "articles" / ARTICLES_1[0] / "words.json").read_text("utf-8"))
    assert "question" in words and "writing" not in words  # reworded "in writing" since
    index = json.loads((adopted.out / "clause-index.json").read_text(encoding="utf-8"))
    rules = next(d for d in index["documents"] if d["key"] == "procedure-rules")
    assert [v["contents"] for v in rules["versions"]] == [
        f"versions/procedure-rules/{RULES_1[0]}/index.html",
        f"versions/procedure-rules/{BOTH_2[0]}/index.html",
    ]
    assert rules["draft"]["contents"] == "draft/procedure-rules/index.html"
    assert [index[k].get("from") for k in ("2025-05-15", "2026-05-14", "draft")] == [
        "2025-05-15",
        "2026-06-01",
        None,
    ]


def test_each_version_of_a_document_is_open_data(adopted: Site) -> None:
    for folder, key in [(f"articles/{ARTICLES_1[0]}", ARTICLES_1[0]), ("articles/draft", "draft")]:
        data = json.loads((adopted.out / "data" / folder / "articles.json").read_text("utf-8"))
        assert data["version"]["key"] == key
        assert data["document"]["title"] == "Articles of the Constitution"
        assert data["document"]["part"] == "Part 2"
    first = adopted.out / "data" / "procedure-rules" / RULES_1[0] / "procedure-rules.json"
    clauses = [
        c["id"] for s in json.loads(first.read_text("utf-8"))["sections"] for c in s["clauses"]
    ]
    assert clauses == ["CPR-0001", "CPR-0002"]
    listed = [a["href"] for a in adopted.page("data/index.html").select("a")]
    assert f"articles/{ARTICLES_1[0]}/articles.json" in listed
    # each document's rows named by it, its draft then its versions newest first, as the
    # protocol's: a council's Code of Conduct was listed oldest first, under unnamed rows
    rows = [th.get_text() for th in adopted.page("data/index.html").select("tbody th")]
    for title in ("Protocol on Member/Officer Relations", "Articles of the Constitution"):
        own = [row.removeprefix(f"{title}: ") for row in rows if row.startswith(f"{title}: ")]
        # the version in force named so, as in the search's list of versions
        days = [re.sub(r"^In force \(adopted (.*)\)$", r"Adopted \1", row) for row in own[1:]]
        dates = [dt.datetime.strptime(day, "Adopted %d %B %Y") for day in days]
        assert own[0] == "Draft (not adopted)" and dates == sorted(dates, reverse=True), own
        assert len(dates) >= 2, own
    assert all(row.startswith(("Protocol on", "Articles of", "Council Procedure")) for row in rows)
    intro = adopted.page("data/index.html").select_one("h1 + p")
    assert intro is not None and intro.get_text().startswith(
        "Every version of each document of the constitution, in each format."
    )


def test_the_open_data_files_say_which_version_is_in_force(adopted: Site) -> None:
    """A developer after the version in force finds it named so among the files, for each
    document as in the search's list of versions."""
    rows = [th.get_text() for th in adopted.page("data/index.html").select("tbody th")]
    protocol = "Protocol on Member/Officer Relations"
    assert rows == [
        f"{protocol}: Draft (not adopted)",
        f"{protocol}: In force (adopted 14 May 2026)",
        f"{protocol}: Adopted 15 May 2025",
        f"{protocol}: Adopted 16 May 2024",
        "Articles of the Constitution: Draft (not adopted)",
        "Articles of the Constitution: In force (adopted 10 June 2026)",
        "Articles of the Constitution: Adopted 5 March 2026",
        "Council Procedure Rules: Draft (not adopted)",
        "Council Procedure Rules: In force (adopted 10 June 2026)",
        "Council Procedure Rules: Adopted 10 January 2026",
    ]


def test_a_documents_data_files_are_named_for_it(adopted: Site) -> None:
    """A developer who saves the Articles' files beside the protocol's finds each named for
    its document (articles.json, not a second protocol.json); the names published before
    (protocol.json in data/articles/...) still answer, holding the same bytes, but are not
    listed."""
    renamed = {
        "protocol.json": "{key}.json",
        "protocol.akn.xml": "{key}.akn.xml",
        "protocol.docx": "{key}.docx",
        "protocol.pdf": "{key}.pdf",
    }
    listed = [a["href"] for a in adopted.page("data/index.html").select("td a")]
    for key, version in [
        ("articles", ARTICLES_1[0]),
        ("articles", "draft"),
        ("articles", "in-force"),
        ("procedure-rules", RULES_1[0]),
    ]:
        folder = adopted.out / "data" / key / version
        for old, new in renamed.items():
            named = folder / new.format(key=key)
            assert named.read_bytes() == (folder / old).read_bytes(), (folder, new)
            if version != "in-force":
                assert f"{key}/{version}/{named.name}" in listed
                assert f"{key}/{version}/{old}" not in listed
        assert (folder / "clauses.csv").exists() and (folder / "needs.json").exists()
    # the protocol's are named for it, as they were, and have no second name
    assert not (adopted.out / "data" / "draft" / "protocol-protocol.json").exists()
    assert "draft/protocol.json" in listed and "draft/protocol.pdf" in listed
    pdf = adopted.page("draft/articles/index.html")
    link = pdf.select_one("p.download a[type='application/pdf']")
    assert link is not None and str(link["href"]).endswith("data/articles/draft/articles.pdf")


def test_every_link_leads_to_a_page(adopted: Site) -> None:
    assert broken_links(adopted.out) == []


def test_the_editors_loop_follows_a_documents_first_adoption(
    tmp_path: Path, whole_constitution: Project, request: pytest.FixtureRequest
) -> None:
    """Once the Articles are adopted, the protocol's draft cites the Articles' draft at its
    new address (draft/articles/), and articles/ shows the version in force."""
    project = Project(tmp_path / "project")
    shutil.copytree(whole_constitution.root, project.root, symlinks=True)
    warm = WarmBuild(project, tmp_path / "warm")
    request.addfinalizer(warm.stop)
    assert warm() == 0
    out = Site(tmp_path / "warm" / "html")
    assert reference(out, "draft/principles.html", "MOP-0030")[1] == (
        "../articles/members.html#ART-0003"
    )
    start = dt.date.fromisoformat(ARTICLES_1[1])
    written = adopt(project, ["articles"], dt.date.fromisoformat(ARTICLES_1[0]), start, "Minute 9")
    assert warm([a.record.path for a in written]) == 0
    assert reference(out, "draft/principles.html", "MOP-0030")[1] == (
        "articles/members.html#ART-0003"
    )
    assert banner(out, "articles/members.html").startswith("The version in force, adopted on 5")


def test_the_commands_cite_another_document_as_the_site_does(
    adopted: Site, adopted_constitution: Project, tmp_path: Path
) -> None:
    """ART-0004 cites CPR-0001, Rule 1 in the Rules in force when the Articles' first
    version did, Rule 2 when their second did, Rule 3 in the drafts: each command prints,
    for each version, the number the site's page of that version prints."""
    project = adopted_constitution
    pages = {
        ARTICLES_1[0]: f"versions/articles/{ARTICLES_1[0]}/members.html",
        BOTH_2[0]: "articles/members.html",
        "draft": "draft/articles/members.html",
    }
    cited = {version: reference(adopted, page, "ART-0004")[0] for version, page in pages.items()}
    assert sorted(cited.values()) == [f"Council Procedure Rule {n}" for n in (1, 2, 3)]
    for version, words in cited.items():
        shown = run(project, "paragraph", "ART-0004", "--version", version)
        assert shown.returncode == 0 and f"as {words} provides" in shown.stdout, shown.stderr
        exported = run(
            project, "export", "--document", "articles", "--version", version, "--format", "csv"
        )
        [row] = [r for r in exported.stdout.splitlines() if r.startswith("ART-0004")]
        assert f"as {words} provides" in row, row
        # and the site's open data of that version, row for row
        published = adopted.out / "data" / "articles" / version / "clauses.csv"
        assert row in published.read_text(encoding="utf-8").splitlines()
    # in force on a day: the version then, citing as it does
    on = run(project, "paragraph", "ART-0004", "--on", ARTICLES_1[1])
    assert f"as {cited[ARTICLES_1[0]]} provides" in on.stdout, on.stderr
    # a redline and the committee report: each side in its own version's numbers
    old, new = ARTICLES_1[0], BOTH_2[0]
    redline = run(project, "redline", "--document", "articles", old, new)
    assert "as Council Procedure Rule [-1-]{+2+} provides" in redline.stdout, redline.stderr
    out = tmp_path / "report"
    report = run(project, "report", "--document", "articles", old, new, "--out", str(out))
    assert report.returncode == 0, report.stderr
    html = (out / "changes.html").read_text(encoding="utf-8")
    assert "as Council Procedure Rule <del>1</del><ins>2</ins> provides" in html


def test_each_adopted_version_of_a_document_has_its_pdf(
    adopted: Site, adopted_constitution: Project
) -> None:
    """The protocol's PDF, tagged to PDF/UA-1, for each adopted version of another
    document, its references as its pages print them; linked, with its size, from the
    version's contents (and the plain addresses', in force) and from the open data page."""
    from test_pdf import check_whole, text_of

    council = adopted_constitution.council()
    whole = adopted_constitution.constitution()
    articles = whole.entry("articles")
    for v in articles.versions:
        pdf = adopted.out / "data" / "articles" / v.key / "articles.pdf"
        document = citing(whole, "articles", v.document, v.in_force)
        text = check_whole(pdf, document, council.name)
        assert text.startswith(f"{council.name} Part 2 Articles of the Constitution")
        assert v.resolution in text and "In force from" in text
    first = adopted.out / "data" / "articles" / ARTICLES_1[0] / "articles.pdf"
    assert "as Council Procedure Rule 1 provides" in text_of(PdfReader(first))
    for page, version in [
        (f"versions/articles/{ARTICLES_1[0]}/index.html", ARTICLES_1[0]),
        ("articles/index.html", BOTH_2[0]),
    ]:
        link = adopted.page(page).select_one("p.download a[type='application/pdf']")
        assert link is not None, page
        target = ((adopted.out / page).parent / str(link["href"])).resolve()
        assert target == (adopted.out / "data" / "articles" / version / "articles.pdf").resolve()
        assert link.get_text().startswith("Articles of the Constitution, version adopted ")
        assert link.get_text().endswith(f"(PDF, {shown_size(target.stat().st_size)})")
    listed = [a["href"] for a in adopted.page("data/index.html").select("a")]
    assert f"articles/{ARTICLES_1[0]}/articles.pdf" in listed
    assert f"procedure-rules/{RULES_1[0]}/procedure-rules.pdf" in listed


def test_each_documents_draft_has_its_pdf(adopted: Site, adopted_constitution: Project) -> None:
    """The draft of another document has its PDF as the protocol's draft has: tagged to
    PDF/UA-1, marked a draft, its links leading to the draft's pages, its references
    citing the other drafts; linked, with its size, from the draft's contents page, where
    the protocol's draft links its own, and from the open data page."""
    from test_pdf import check_whole, text_of

    council = adopted_constitution.council()
    rules = adopted_constitution.constitution().entry("procedure-rules")
    pdf = adopted.out / "data" / "procedure-rules" / "draft" / "procedure-rules.pdf"
    text = check_whole(pdf, rules.document, council.name)
    assert text.startswith(f"{council.name} Part 4.1 Council Procedure Rules Draft, not adopted")
    # (check_whole found each paragraph under its draft's number: CPR-0001 is Rule 3 in the
    # draft alone, a Rule inserted since the last adoption)
    assert rules.document.clause("CPR-0001").number == "3"  # type: ignore[union-attr]
    articles = adopted.out / "data" / "articles" / "draft" / "articles.pdf"
    # the Articles' draft cites the Rules' draft: ART-0004 cites CPR-0001, Rule 3 there
    assert "as Council Procedure Rule 3 provides" in text_of(PdfReader(articles))
    for key, title in [
        ("procedure-rules", "Council Procedure Rules"),
        ("articles", "Articles of the Constitution"),
    ]:
        page = f"draft/{key}/index.html"
        link = adopted.page(page).select_one("p.download a[type='application/pdf']")
        assert link is not None, page
        target = ((adopted.out / page).parent / str(link["href"])).resolve()
        assert target == (adopted.out / "data" / key / "draft" / f"{key}.pdf").resolve()
        assert link.get_text() == (
            f"{title}, draft, not adopted (PDF, {shown_size(target.stat().st_size)})"
        )
    protocol = adopted.page("draft/index.html").select_one("p.download a")
    assert protocol is not None and protocol.get_text().startswith(
        "Protocol on Member/Officer Relations, draft, not adopted (PDF, "
    )
    listed = [a["href"] for a in adopted.page("data/index.html").select("a")]
    assert "articles/draft/articles.pdf" in listed
    assert "procedure-rules/draft/procedure-rules.pdf" in listed


def test_the_ways_in_list_the_other_documents_in_force(adopted: Site) -> None:
    """A way in is the public's: another document's paragraphs are listed as its version in
    force has them and lead to its plain addresses, as the protocol's do, not its draft."""
    councillors = adopted.page("ways-in/councillor.html")
    links = {a.get_text(): a["href"] for a in councillors.select("ul.way-in-paragraphs a")}
    # CPR-0001 is Rule 2 in force, Rule 3 in the draft
    assert links["Council Procedure Rule 2"] == "../procedure-rules/meetings.html#CPR-0001"
    assert links["Article 2.2"] == "../articles/members.html#ART-0004"
    assert [h for h in links.values() if "draft/" in h] == []
    assert "of the protocol in force and of the other documents in force" in " ".join(
        councillors.get_text().split()
    )


def test_a_documents_versions_pages_lead_to_its_own_draft_and_versions(adopted: Site) -> None:
    """Its list of versions, a redline and a paragraph's history: the menu is the
    document's (its version in force, its draft, its versions), not the protocol's."""
    pages = [
        "versions/procedure-rules/index.html",
        "versions/procedure-rules/clauses/CPR-0001.html",
    ]
    # its list of versions linked from its own folder (itself, as its shell's link is)
    for page, versions in zip(pages, ["index.html", "../index.html"], strict=True):
        up = "../" * page.count("/")
        menu = [(a.get_text(), a["href"]) for a in adopted.page(page).select(".sidebar-tree a")]
        assert menu == [
            ("Home", f"{up}index.html"),
            ("The whole constitution", f"{up}constitution.html"),
            ("Articles of the Constitution", f"{up}articles/index.html"),
            ("Find what applies to you", f"{up}ways-in/index.html"),
            ("The Council Procedure Rules in force", f"{up}procedure-rules/index.html"),
            (
                "Part 4.1: Council Procedure Rules, the draft of proposed amendments",
                f"{up}draft/procedure-rules/index.html",
            ),
            ("Versions and changes", versions),
            ("How to read the constitution", f"{up}how-to-read.html"),
        ], page
