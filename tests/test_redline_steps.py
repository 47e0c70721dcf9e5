"""A comparison of two versions links to the comparisons either side, one adoption each,
and lists the sections it changes: a reader at 200% zoom steps through the changes in
turn, not by way of the list of versions and a long scroll."""

from __future__ import annotations

from conftest import Site


def steps(site: Site, old: str, new: str) -> list[tuple[str, str]]:
    page = site.page(f"versions/redline/{old}--{new}.html")
    return [(a["rel"][0], a["href"]) for a in page.select('nav[aria-label^="Comparisons"] a')]


def test_each_comparison_steps_to_the_adoption_before_and_after(site: Site) -> None:
    assert steps(site, "2024-05-16", "2025-05-15") == [("next", "2025-05-15--2026-05-14.html")]
    assert steps(site, "2025-05-15", "2026-05-14") == [
        ("prev", "2024-05-16--2025-05-15.html"),
        ("next", "2026-05-14--draft.html"),
    ]
    assert steps(site, "2026-05-14", "draft") == [("prev", "2025-05-15--2026-05-14.html")]
    assert steps(site, "2024-05-16", "draft") == []  # the first version to the draft: all
    wide = steps(site, "2025-05-15", "draft")
    assert wide == [("prev", "2024-05-16--2025-05-15.html")]


def test_a_comparison_lists_the_sections_it_changes_each_a_link_to_its_heading(
    site: Site,
) -> None:
    page = site.page("versions/redline/2024-05-16--draft.html")
    links = page.select('nav[aria-label="Sections changed"] a')
    headings = page.select("h2[id^=section-]")
    assert len(links) == len(headings) > 1
    assert [a["href"] for a in links] == [f"#{h['id']}" for h in headings]
    assert [a.get_text() for a in links] == [h.get_text() for h in headings]
