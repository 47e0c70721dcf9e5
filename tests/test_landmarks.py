"""Landmarks a screen reader lists on every page of the site: none empty, none unnamed
of our drawing, and the version banner inside the main content."""

from __future__ import annotations

from conftest import Site


def test_no_page_has_an_empty_landmark_or_an_unnamed_banner(site: Site) -> None:
    pages = sorted(site.out.rglob("*.html"))
    assert len(pages) > 500
    empty, banners = [], []
    for path in pages:
        page = site.page(path.relative_to(site.out).as_posix())
        for nav in page.select("nav"):
            if not nav.select("a, input, button"):
                empty.append((path.name, nav.get("aria-label")))
        banner = page.select_one(".version-banner")
        if banner is not None and banner.find_parent(id="furo-main-content") is None:
            banners.append(path.name)
    assert empty == [] and banners == []
