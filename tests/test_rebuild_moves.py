"""A build after a paragraph moved from one section's file to another's, as an amendment
moves it: Sphinx reads the changed pages one by one, forgetting each page's paragraphs
only as it reads it again, so a paragraph moved to a page read earlier was met twice."""

from __future__ import annotations

from collections.abc import Callable

from conftest import Site, edit
from constitution.project import Project

MOVED = (
    "```{clause} MOP-0207\n:modality: may\n:applies-to: member, officer\n:tags: review\n\n"
    "Any member or officer may propose an amendment to this protocol to the Monitoring "
    "Officer at any time.\n```\n"
)


def test_a_paragraph_moved_to_a_page_read_earlier(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    build(scratch)
    # From the last section's file to the end of one Sphinx reads before it.
    edit(scratch, "protocol/review.md", "\n" + MOVED, "")
    access = scratch.protocol / "access-to-information.md"
    access.write_text(access.read_text(encoding="utf-8") + "\n" + MOVED, encoding="utf-8")
    site = build(scratch)
    assert site.needs()["MOP-0207"]["docname"] == "draft/access-to-information"
    page = site.page("draft/access-to-information.html")
    assert page.select_one("#MOP-0207") is not None
    assert site.page("draft/review.html").select_one("#MOP-0207") is None
