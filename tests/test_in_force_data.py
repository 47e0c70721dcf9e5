"""The open data of the version in force has a fixed address, data/in-force/, as its
pages have (protocol/): a developer's program need not learn which date is in force."""

from __future__ import annotations

from conftest import Site


def test_the_version_in_force_s_files_are_at_a_fixed_address(site: Site) -> None:
    data = site.out / "data"
    dated = sorted(p.name for p in (data / "2026-05-14").iterdir())  # in force on the day
    assert dated and sorted(p.name for p in (data / "in-force").iterdir()) == dated
    for name in dated:
        assert (data / "in-force" / name).read_bytes() == (data / "2026-05-14" / name).read_bytes()
    said = site.page("data/index.html").select_one('a[href="in-force/protocol.json"]')
    assert said is not None and said.get_text() == "in-force/protocol.json"
