"""Generated pages are drawn from Jinja templates with autoescaping (page_templates.py):
whatever a title or a fact holds prints as text; only HTML the tool drew is let through."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from constitution.redline import HEADINGS_HEAD
from constitution.sphinxext import page_templates
from constitution.sphinxext.page_templates import TEMPLATES, render

SCRIPT = "<script>alert(1)</script>"


def worked_example(**values: object) -> str:
    page = {
        "title": f"A title {SCRIPT}",
        # The facts said once, then a person's own under their heading (several people).
        "facts": [("", [("Who", f"the {SCRIPT}")]), (f"The {SCRIPT}", [("Towards", "member")])],
        "outcome": "This is allowed.",
        "paragraphs": [
            {"href": "../protocol/a.html#MOP-0001", "number": "1.1", "section": "S", "note": None}
        ],
        "in_force": True,
        "id": "SC-ABC-001",
        "says": "What the protocol says",
        "result": Markup('<span class="check-result check-passed">Passed</span>'),
    }
    return render("worked-example.html", **{**page, **values})


def test_a_title_or_fact_holding_script_prints_as_text() -> None:
    page = worked_example()
    assert "<script" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3
    assert '<span class="check-result check-passed">Passed</span>' in page  # drawn here


def test_a_section_title_holding_script_prints_as_text() -> None:
    page = render(
        "traceability.html",
        ran=None,
        baseline_file="checks/uncovered.toml",
        baseline=0,
        sections=[("1", f"1. Scope {SCRIPT}")],
        modalities=[("must", "must")],
        statuses=[("passing", "passing")],
        rows=[],
    )
    assert "<script" not in page and "1. Scope &lt;script&gt;" in page
    words = " ".join(page.split())
    assert "The checks have not been run for this build. A <em>suspect</em>" in words


def test_a_value_no_page_gives_is_an_error() -> None:
    with pytest.raises(jinja2.UndefinedError, match="outcome"):
        render(
            "worked-example.html", title="t", facts=[], paragraphs=[], id="x", result="", says=""
        )


def test_every_template_is_drawn_by_some_page() -> None:
    code = "".join(
        p.read_text(encoding="utf-8") for p in Path(page_templates.__file__).parent.glob("*.py")
    )
    code += "".join(p.read_text(encoding="utf-8") for p in TEMPLATES.glob("*.html"))  # imports
    names = sorted(p.name for p in TEMPLATES.iterdir())  # the Atom feed's too
    assert names and [n for n in names if not re.search(rf'"{re.escape(n)}"', code)] == []


def test_a_resolution_holding_script_prints_as_text_in_the_versions_pages() -> None:
    rows = [[Markup("<a href='a/index.html'>1 May 2025</a>"), "-", "-", "In force", SCRIPT]]
    values = {"headers": ["Adopted", "In force from", "Until", "Status", "Resolution"]}
    index = render("versions-index.html", **values, rows=rows, in_force="x", pairs=[])
    in_force = render(
        "in-force.html", **values, rows=rows, versions=SCRIPT, root="../", cited=SCRIPT
    )
    for page in (index, in_force):
        assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<a href='a/index.html'>1 May 2025</a>" in page  # drawn here
        assert '<td data-label="Resolution">' in page


def test_a_title_or_resolution_holding_script_prints_as_text_on_a_contents_page() -> None:
    page = render(
        "version-contents.html",
        heading="The protocol in force",
        title=f"Protocol {SCRIPT}",
        adopted={"date": "1 May 2025", "resolution": SCRIPT, "in_force": "1 June 2025"},
        download="",
        intro="",
        revoked_id="revoked-section-",
        sections=[
            {"number": "1", "title": f"Scope {SCRIPT}", "href": "scope.html", "revoked_by": None},
            {"number": "2", "title": "Gone", "revoked_by": f"minute {SCRIPT}"},
        ],
        renumbered=[["7.1", SCRIPT]],
    )
    assert "<script" not in page and page.count("&lt;script&gt;") == 5
    assert '<li id="revoked-section-2" class="revoked">2. Gone: revoked by minute' in page
    assert "1 paragraph has a new number in this version" in " ".join(page.split())


def redline(**values: object) -> str:
    change = {
        "id": "MOP-0001",
        "number": "2.1",
        "was": "1.1",
        "kind": "reworded",
        "runs": [("", "Members "), ("del", SCRIPT), ("ins", "may"), ("", " ask.")],
        "history": "../clauses/MOP-0001.html",
    }
    page = {
        "old": "the version adopted on 1 May 2025",
        "new": "the current draft",
        "made_by": [f"Council, minute 7 {SCRIPT}", "The draft's proposed amendments"],
        "changed": True,
        "counts": "1 reworded",
        "moved": 1,
        "moves": 0,  # paragraphs moved to another section
        "sections": [
            {"slug": "scope", "number": "2", "title": f"Scope {SCRIPT}", "changes": [change]}
        ],
        "renumbered": [[f"Scope {SCRIPT}", "1.2", Markup("<a href='x.html#MOP-0002'>2.2</a>")]],
        "named": "Paragraph {number}",
        # a section's words between paragraphs, a line each: a sub-heading added
        "words": [{"number": "2", "lines": [[("", "before 2.1: "), ("ins", f"## {SCRIPT}")]]}],
        # a section's heading renamed
        "headings": [("2", f"Scope {SCRIPT}", "2", "Scope", "retitled")],
        "heads": HEADINGS_HEAD,
        "steps": [],  # the comparisons either side
    }
    return render("redline.html", **{**page, **values})


def test_a_section_title_or_deleted_words_holding_script_print_as_text_on_a_comparison() -> None:
    page = redline()
    words = " ".join(page.split())
    assert "<script" not in page and page.count("&lt;script&gt;") == 6
    assert "<h2>Words between the paragraphs of section 2</h2>" in words
    assert '<h2>Headings changed</h2> <table class="redline-headings reflow">' in words
    assert '<p class="redline-between">before 2.1: <ins>' in words
    assert 'Members <del><span class="visually-hidden">Deleted: </span>&lt;script&gt;' in words
    assert '<ins><span class="visually-hidden">Inserted: </span>may</ins> ask.</p>' in words
    assert "<h3>Paragraph 2.1 (was 1.1): reworded</h3>" in words
    assert "<a href='x.html#MOP-0002'>2.2</a>" in page  # drawn here
    assert "No paragraph changed" not in page
    assert "1 paragraph has a new number, its words unchanged" in words
    assert "2 paragraphs have new numbers, their words unchanged" in " ".join(
        redline(moved=2).split()
    )
    assert "moved to another section" not in words  # said only where one moved
    assert "Paragraphs moved to another section: 3." in " ".join(redline(moves=3).split())
    unchanged = redline(changed=False)
    assert "<p>No paragraph changed.</p>" in unchanged and "redline-summary" not in unchanged
    stepped = redline(steps=[("prev", "Previous", "a--b.html", "1", f"1 May {SCRIPT}")])
    assert '<a class="pager-prev" rel="prev" href="a--b.html">' in stepped
    assert "1 May &lt;script&gt;" in stepped and stepped.count("<script") == 0


def test_a_revoked_section_and_the_one_now_numbered_as_it_was_each_have_their_own_link() -> None:
    """Section 2 revoked and the old 3, now 2, amended in one adoption: both are listed
    under number 2, and each link must still open its own heading."""
    change = {"id": "MOP-0009", "number": "2.1", "kind": "revoked", "runs": [], "history": ""}
    change["was"] = ""
    sections = [
        {"slug": "gifts", "number": "2", "title": "Gifts", "changes": [change]},
        {"slug": "hospitality", "number": "2", "title": "Hospitality", "changes": [change]},
    ]
    page = BeautifulSoup(redline(sections=sections), "html.parser")
    ids = [h["id"] for h in page.select("h2[id]")]
    assert len(set(ids)) == len(ids) == 2
    links = page.select('nav[aria-label="Sections changed"] a')
    assert [a["href"] for a in links] == [f"#{i}" for i in ids]


def test_a_resolution_holding_script_prints_as_text_on_a_clause_history() -> None:
    text = Markup("<p>Members may ask.</p>")  # drawn by the clause text renderer
    page = render(
        "clause-history.html",
        number="2.1",
        named="Paragraph 2.1",
        id="MOP-0001",
        numbers_had="1.1 (1 May 2025); 2.1 (the draft)",
        rows=[
            ["1 May 2025", Markup("<a href='a.html#MOP-0001'>1.1</a>"), "original", text, SCRIPT]
        ],
    )
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page
    assert '<th scope="row">1 May 2025</th>' in page
    assert '<td data-label="Text"><p>Members may ask.</p></td>' in page


def test_a_label_holding_script_prints_as_text_on_the_open_data_index() -> None:
    pdf = Markup("<a href='draft/protocol.pdf' type='application/pdf'>protocol.pdf (PDF, 1 kB)</a>")
    page = render(
        "open-data.html",
        editions=[{"label": f"Draft {SCRIPT}", "key": "draft", "pdf": pdf}],
        files=["protocol.json", "clauses.csv"],
        licence=f"Licence {SCRIPT}",
        licence_url="https://example.org/licence/",
        in_force=True,
        several=False,
    )
    assert "<script" not in page and '<th scope="row">Draft &lt;script&gt;' in page
    assert '<a href="https://example.org/licence/">Licence &lt;script&gt;' in page
    assert (
        '<li><a href="draft/protocol.json">protocol.json</a></li>'
        '<li><a href="draft/clauses.csv">' in page
    )
    assert '<a href="in-force/protocol.json">in-force/protocol.json</a>' in page
    assert f"<li>{pdf}</li></ul></td>" in page  # drawn by print_file


def test_a_section_title_or_resolution_holding_script_prints_as_text_on_a_version_section() -> None:
    page = render(
        "version-section.html",
        number="2",
        title=f"Scope {SCRIPT}",
        intro="",
        paragraphs=[
            {
                "box": (Markup('<div class="clause" id="MOP-0001">'), Markup("…"), "", ""),
                "revoked": None,
            },
            {"revoked": ("MOP-0002", "2.2", f"Revoked by {SCRIPT}", "h.html")},
            {"between": Markup('<h3 class="between">Members</h3>')},
        ],
        pager=[("prev", "Previous", "index.html", "", "Contents")],
    )
    words = " ".join(page.split())
    assert "<script" not in page and page.count("&lt;script&gt;") == 2
    assert '<div class="clause" id="MOP-0001">…</div>' in page  # drawn by the clause renderer
    assert '<span class="clause-number">2.2</span> <div class="clause-text"><p>Revoked by' in words
    assert '<a href="h.html">Its words in every version</a>' in page
    assert '<h3 class="between">Members</h3>' in page  # drawn by between_html
    assert '<a class="pager-prev" rel="prev" href="index.html">' in page
