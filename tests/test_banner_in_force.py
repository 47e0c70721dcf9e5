"""The banner of a draft's or an earlier version's page opens the same section in the
version in force, not its contents: found by its file, or, renamed, by where its first
paragraph now stands."""

from __future__ import annotations

from collections.abc import Callable

from conftest import Site
from constitution.project import Project


def in_force_link(site: Site, page: str) -> tuple[str, list[str]]:
    link = site.page(page).select_one(".version-banner a")
    assert link is not None, page
    return str(link["href"]), list(link.get("class") or [])


def test_an_earlier_version_s_section_opens_the_same_section_in_force(site: Site) -> None:
    for page in ("versions/2024-05-16/confidentiality.html", "versions/2025-05-15/review.html"):
        name = page.rsplit("/", 1)[1]
        assert in_force_link(site, page) == (f"../../protocol/{name}", ["same-section"])
    assert in_force_link(site, "draft/member-enquiries.html") == (
        "../protocol/member-enquiries.html",
        ["same-section"],
    )
    # a page that is no section's still opens the contents
    contents = in_force_link(site, "versions/2024-05-16/index.html")
    assert contents == ("../../protocol/index.html", [])


def test_a_section_renamed_in_the_draft_opens_where_its_paragraphs_are_in_force(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    protocol = versioned.root / "protocol"
    (protocol / "review.md").rename(protocol / "keeping-under-review.md")
    index = protocol / "index.md"
    index.write_text(index.read_text().replace("\nreview\n", "\nkeeping-under-review\n"))
    site = build(versioned)
    assert in_force_link(site, "draft/keeping-under-review.html") == (
        "../protocol/review.html",
        ["same-section"],
    )
