"""Ways in (issue 21): the paragraphs in force by who the reader is and by topic, from the
council's registers and the clauses' applies-to and tags; worked examples by topic."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest

from conftest import Site
from constitution.council import Audience, load_council
from constitution.model import Document
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.sphinxext.page_templates import render
from constitution.sphinxext.ways_in import audiences

PLAIN = "protocol"


def listed(site: Site, name: str) -> dict[str, list[str]]:
    """A way in's paragraphs: each section's heading -> the paragraphs' link targets."""
    page = site.page(name)
    return {
        h2.get_text(): [a["href"] for a in h2.find_next("ul").select("a")]
        for h2 in page.select("article h2")
    }


def in_force(project: Project) -> Document:
    return next(v for v in project.versions() if v.key == "2026-05-14").document


def test_each_reader_finds_the_paragraphs_for_them_in_force(site: Site, project: Project) -> None:
    council, document = project.council(), in_force(project)
    for audience in council.audiences:
        expected = [
            c.id
            for c in document.clauses()
            if set(audience.roles) & set(c.applies_to) or set(audience.tags) & set(c.tags)
        ]
        found = listed(site, f"ways-in/{audience.key}.html")
        hrefs = [h for links in found.values() for h in links]
        assert [h.split("#")[1] for h in hrefs] == expected, audience.key
        assert all(h.startswith(f"../{PLAIN}/") for h in hrefs), "links open the version in force"
        first = site.page(f"ways-in/{audience.key}.html").select_one("article h1")
        assert first is not None and first.get_text() == audience.title
    # The resident's question: what may my councillor ask an officer to do?
    resident = listed(site, "ways-in/resident.html")
    numbers = {a.get_text() for a in site.page("ways-in/resident.html").select("article li a")}
    assert {"Paragraph 4.4", "Paragraph 4.5", "Paragraph 5.4", "Paragraph 7.1"} <= numbers
    assert "17. Members’ enquiries" in resident


def test_topics_are_the_tags_under_the_councils_titles(site: Site, project: Project) -> None:
    council, document = project.council(), in_force(project)
    tags = {t for c in document.clauses() for t in c.tags}
    index = site.page("ways-in/index.html")
    topics = index.select("article h2 + ul")[1]
    links = {a["href"]: a.get_text() for a in topics.select("a")}
    assert set(links) == {f"topic-{t}.html" for t in tags}
    assert links["topic-pre-election.html"] == council.topics["pre-election"]
    assert links["topic-political-groups.html"] == "Political groups"  # from the tag itself
    media = [
        h.split("#")[1] for hs in listed(site, "ways-in/topic-media.html").values() for h in hs
    ]
    assert media == [c.id for c in document.clauses() if "media" in c.tags]


def test_the_home_page_and_every_menu_lead_to_the_ways_in(site: Site, project: Project) -> None:
    home = site.page("index.html")
    ways = [(a.get_text(), a["href"]) for a in home.select("ul.ways-in a")]
    assert ways == [(a.title, f"ways-in/{a.key}.html") for a in project.council().audiences]
    for name in ("index.html", f"{PLAIN}/member-enquiries.html", "versions/index.html"):
        menu = [a.get_text() for a in site.page(name).select(".sidebar-tree a")]
        assert "Find what applies to you" in menu, name


def test_without_audiences_each_role_is_a_way_in(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    path = scratch.conf / "council.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\n\[audiences\.[\s\S]*?(?=\n# Plain titles)", "", text), "utf-8")
    council = scratch.council()
    assert council.audiences == ()
    site = build(scratch)
    who = site.page("ways-in/index.html").select("article h2 + ul")[0]
    used = {r for c in scratch.document().clauses() for r in c.applies_to}
    assert {a.get_text() for a in who.select("a")} == {council.roles[r] for r in used}


@pytest.mark.parametrize(
    ("entry", "code", "says"),
    [
        (
            '[audiences.x]\ntitle = "X"\nroles = ["alderman"]\n',
            "council-audience-roles",
            "alderman",
        ),
        ('[audiences.x]\ntitle = "X"\n', "council-audience-empty", "no roles and no tags"),
        ('[audiences.x]\nroles = ["member"]\n', "council-audience-title", "needs a title"),
        (
            '[audiences.x]\ntitle = "X"\ntags = "media"\n',
            "council-audience-lists",
            "lists of words",
        ),
        ("[topics]\nmedia = 3\n", "council-topics", "[topics]"),
    ],
)
def test_a_bad_way_in_setting_is_refused_with_a_fix(
    scratch: Project, entry: str, code: str, says: str
) -> None:
    path = scratch.conf / "council.toml"
    text = path.read_text(encoding="utf-8").split("\n# Ways in")[0]
    path.write_text(text + "\n" + entry, encoding="utf-8")
    with pytest.raises(ProtocolError) as raised:
        load_council(path)
    (problem,) = raised.value.problems
    assert problem.code == code and says in problem.message and problem.fix


def test_worked_examples_are_grouped_under_section_titles(site: Site, project: Project) -> None:
    page = site.page("checks/index.html")
    titles = [h.get_text().replace("’", "'") for h in page.select("article h2")]
    sections = [s.title.replace("’", "'") for s in project.document().sections]
    # last, those deciding no paragraph of the protocol (it does not answer them)
    unanswered = [s for s in project.scenarios(project.document()) if not s.clauses]
    rest = ["Other situations"] if unanswered else []
    assert titles == [t for t in sections if t in titles] + rest, "in the protocol's order"
    assert len(titles) > 10
    rows = page.select("article table tbody tr")
    assert len(rows) == len(project.scenarios(project.document()))
    enquiries = page.find("h2", string="Members’ enquiries")
    assert enquiries is not None
    linked = [a.get_text() for a in enquiries.find_next("table").select("tbody a")]
    assert any("enquiry" in t.lower() for t in linked)


def test_a_way_in_that_takes_no_paragraph_is_not_offered(project: Project) -> None:
    """A new council's audiences lead to nothing until its paragraphs name their roles:
    the home page offered "Councillors (0 paragraphs)", a link to an empty page."""
    council = project.council()
    nobody = Audience("nobody", "Nobody", "", ("no-such-role",), ("no-such-tag",))
    council = dataclasses.replace(council, audiences=(*council.audiences, nobody))
    ways = audiences(council, [project.document()])
    assert [w.title for w in ways] == [a.title for a in council.audiences[:-1]]
    # and where none takes one, the page says so rather than a heading over nothing
    page = render("ways-in.html", title="Ways in", ways=[], topics=[])
    assert "<ul" not in page and page.count("None yet") == 2
