"""The open data files page lists each version's files one to an item, so that on a
phone's narrow column they do not run together as one line of links."""

from __future__ import annotations

from conftest import Site


def test_each_file_is_an_item_of_its_version_s_list(site: Site) -> None:
    rows = site.page("data/index.html").select("tbody tr")
    assert rows
    for row in rows:
        items = row.select("td > ul.files > li")
        links = row.select("td a")
        assert len(items) == len(links) >= 6, row.th.get_text()
        assert all(len(item.select("a")) == 1 for item in items)
