"""Adopted versions: the adopt command's refusals, the digest chain, and the site's pages."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest

from conftest import Site, run
from constitution.build import source_date_epoch
from constitution.project import Project
from constitution.versions import in_force_on, today


def test_the_model_history_verifies(project: Project) -> None:
    versions = project.versions()
    assert [v.key for v in versions] == ["2024-05-16", "2025-05-15", "2026-05-14"]
    assert versions[1].previous == versions[0].digest and versions[0].previous is None


def test_adopt_records_the_draft(versioned: Project) -> None:
    result = run(
        versioned,
        "adopt",
        "--date",
        "2027-05-13",
        "--resolution",
        "Minute 7",
        "--in-force",
        "2027-06-01",
    )
    assert result.returncode == 0, result.stderr
    record = json.loads((versioned.versions_dir / "2027-05-13.json").read_text())
    assert record["resolution"] == "Minute 7" and record["in_force"] == "2027-06-01"
    assert record["previous_digest"] == versioned.versions()[-2].digest
    clauses = [c for s in record["sections"] for c in s["clauses"]]
    assert len(clauses) == 208 and clauses[0]["id"] == "MOP-0001"


def test_adopt_keeps_the_introductions_and_older_records_still_verify(
    versioned: Project,
) -> None:
    """A section's (and the protocol's) unnumbered introduction is adopted with it and
    read back; records without one, written before introductions existed, are unchanged."""
    section = versioned.protocol / "principles.md"
    text = section.read_text(encoding="utf-8")
    section.write_text(text.replace("# Principles\n", "# Principles\n\nWhy they matter.\n", 1))
    index = versioned.protocol / "index.md"
    title, rest = index.read_text(encoding="utf-8").split("\n", 1)
    index.write_text(f"{title}\n\nHow to read it.\n{rest}", encoding="utf-8")
    result = run(versioned, "adopt", "--date", "2027-05-13", "--resolution", "Minute 7")
    assert result.returncode == 0, result.stderr
    record = json.loads((versioned.versions_dir / "2027-05-13.json").read_text())
    assert record["intro"] == "How to read it."
    assert [s["intro"] for s in record["sections"] if "intro" in s] == ["Why they matter."]
    *older, adopted = versioned.versions()  # every record's digest and the chain verify
    assert adopted.document.intro == "How to read it."
    principles = next(s for s in adopted.document.sections if s.slug == "principles")
    assert principles.intro == "Why they matter."
    assert all(not s.intro for v in older for s in v.document.sections)


def test_adopt_keeps_words_between_paragraphs_in_place_and_older_records_still_verify(
    versioned: Project,
) -> None:
    """A sub-heading and closing words are adopted where they stand, tied to the paragraph
    they stand before, and read back; records written before them verify unchanged, and
    one holding words tied to no paragraph is refused."""
    section = versioned.protocol / "principles.md"
    text = section.read_text(encoding="utf-8")
    text = text.replace("online.\n```\n", "online.\n```\n\n## Working together\n", 1)
    section.write_text(text + "\nAny breach will be reported.\n", encoding="utf-8")
    result = run(versioned, "adopt", "--date", "2027-05-13", "--resolution", "Minute 7")
    assert result.returncode == 0, result.stderr
    path = versioned.versions_dir / "2027-05-13.json"
    record = json.loads(path.read_text())
    assert [s["between"] for s in record["sections"] if "between" in s] == [
        [
            {"before": "MOP-0030", "text": "Working together", "level": 2},
            {"before": "", "text": "Any breach will be reported.", "level": 0},
        ]
    ]
    *older, adopted = versioned.versions()  # every record's digest and the chain verify
    principles = next(s for s in adopted.document.sections if s.slug == "principles")
    assert (
        principles.between
        == next(s for s in versioned.document().sections if s.slug == "principles").between
    )
    assert all(not s.between for v in older for s in v.document.sections)
    record["sections"][2]["between"] = [{"before": "nowhere", "text": "x", "level": 9}]
    path.write_text(json.dumps(record), encoding="utf-8")
    checked = run(versioned, "check")
    assert checked.returncode != 0
    assert "between[0].before" in checked.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-05-14", "--resolution", "x"], "not after the last adopted version"),
        (["--date", "2025-01-01", "--resolution", "x"], "not after the last adopted version"),
        (["--date", "2027-05-13", "--resolution", " "], "the resolution is empty"),
        (
            ["--date", "2027-05-13", "--resolution", "x", "--in-force", "2027-01-01"],
            "cannot come into force before it is adopted",
        ),
    ],
)
def test_adopt_refuses(versioned: Project, args: list[str], message: str) -> None:
    before = sorted(p.name for p in versioned.versions_dir.iterdir())
    result = run(versioned, "adopt", *args)
    # a date or resolution that cannot be recorded is a usage error (exit 2)
    assert result.returncode == 2 and message in result.stderr and "How to fix" in result.stderr
    assert sorted(p.name for p in versioned.versions_dir.iterdir()) == before


def test_adopt_refuses_an_impossible_date(versioned: Project) -> None:
    result = run(versioned, "adopt", "--date", "2025-02-30", "--resolution", "x")
    assert result.returncode == 2 and "'2025-02-30' is not a real date" in result.stderr


def test_adopt_refuses_when_the_gate_fails(versioned: Project) -> None:
    path = versioned.protocol / "review.md"
    path.write_text(path.read_text().replace("propose an amendment", "put forward a change"))
    result = run(versioned, "adopt", "--date", "2027-05-13", "--resolution", "x")
    assert result.returncode == 1 and "suspect [MOP-0207]" in result.stderr
    assert "nothing was adopted" in result.stderr
    assert not (versioned.versions_dir / "2027-05-13.json").exists()


def test_a_tampered_record_stops_check_and_build(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    path = versioned.versions_dir / "2025-05-15.json"
    path.write_text(path.read_text().replace("within ten", "within twenty"))
    result = run(versioned, "redline", "2024-05-16", "2025-05-15")
    assert result.returncode == 1  # for the editor to fix: restore the record
    assert "versions/2025-05-15.json: version-tampered" in result.stderr
    assert "Restore the file from git history" in result.stderr
    build_ = run(versioned, "build", "--out", "_site")
    assert build_.returncode != 0 and "version-tampered" in build_.stderr
    assert not (versioned.root / "_site").exists()


def test_redlines_between_versions(project: Project) -> None:
    same = run(project, "redline", "2025-05-15", "2025-05-15")
    assert (same.returncode, same.stdout.strip()) == (
        0,
        "No clause is inserted, reworded, revoked or renumbered.",
    )
    out = json.loads(run(project, "redline", "2024-05-16", "draft", "--format", "json").stdout)
    kinds = {(c["id"], c["kind"]) for c in out["changes"]}
    assert ("MOP-0209", "inserted") in kinds and ("MOP-0144", "reworded") in kinds
    assert ("MOP-0050", "reworded") in kinds
    unknown = run(project, "redline", "2023-01-01", "draft")
    assert unknown.returncode == 2 and "no version was adopted on 2023-01-01" in unknown.stderr


def test_version_pages_banners_and_history(site: Site, project: Project) -> None:
    versions = project.versions()
    for v in versions:
        contents = site.page(f"versions/{v.key}/index.html")
        sections = contents.select("ol.version-contents a")
        assert len(sections) == len(v.document.sections)
        page = site.page(f"versions/{v.key}/{v.document.sections[16].slug}.html")
        assert [d["id"] for d in page.select("div.clause")] == [
            c.id for c in v.document.sections[16].clauses
        ]
    old = site.page(f"versions/2024-05-16/{versions[0].document.sections[16].slug}.html")
    banner = old.select_one(".version-banner").get_text()
    assert "Version adopted on 16 May 2024" in banner and "A later version exists" in banner
    draft = site.page("draft/member-enquiries.html").select_one(".version-banner").get_text()
    assert draft.startswith("Draft, not adopted.")
    history = site.page("versions/clauses/MOP-0208.html").select("table.history tbody tr")
    assert [(r.th.get_text(), r.select("td")[1].get_text()) for r in history] == [
        ("15 May 2025", "inserted"),
        ("14 May 2026", "revoked"),
    ]
    words = history[-1].select_one('td[data-label="Text"] p')  # as any paragraph's are drawn
    assert words is not None and words.get_text() == "(revoked)"
    rows = site.page("versions/clauses/MOP-0001.html").select("table.history tbody tr")
    adopted_by = [r.select_one('td[data-label="Adopted by"]').get_text() for r in rows]
    assert adopted_by[-1] == "not yet adopted" and rows[-1].th.get_text() == "Draft"
    assert adopted_by[0].startswith("Council"), adopted_by


def test_every_pair_has_a_redline_and_the_feed_lists_versions(site: Site) -> None:
    keys = ["2024-05-16", "2025-05-15", "2026-05-14", "draft"]
    for i, old in enumerate(keys):
        for new in keys[i + 1 :]:
            assert (site.out / "versions" / "redline" / f"{old}--{new}.html").exists()
    page = site.page("versions/redline/2024-05-16--2025-05-15.html")
    change = page.select_one("#MOP-0145")
    assert change is not None
    assert change.select_one("del").get_text() == "Deleted: seven"
    assert change.select_one("ins").get_text() == "Inserted: five"
    feed = ET.fromstring((site.out / "versions.atom").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:updated", namespaces=ns) for e in feed.findall("a:entry", ns)] == [
        "2026-05-14T00:00:00Z",
        "2025-05-15T00:00:00Z",
        "2024-05-16T00:00:00Z",
    ]


def test_in_force_page_knows_every_version(site: Site) -> None:
    form = site.page("versions/in-force.html").select_one("#in-force-form")
    assert form is not None
    assert form["data-versions"].count("=") == 6
    assert "2026-06-01=2026-05-14=2026-05-14/index.html" in form["data-versions"]


def as_at(site: Site, number: str, day: dt.date) -> tuple[str | None, str | None]:
    """What the in-force page's script finds for a paragraph number and a date: the
    version whose in-force date is the latest on or before it (the form's data), and
    that version's page of the number (the clause index), if it has the number."""
    form = site.page("versions/in-force.html").select_one("#in-force-form")
    assert form is not None
    entries = [e.split("=") for e in form["data-versions"].split(";")]
    keys = [key for start, key, _ in entries if start <= day.isoformat()]
    if not keys:
        return None, None
    index = json.loads((site.out / "clause-index.json").read_text(encoding="utf-8"))
    page = index[keys[-1]]["numbers"].get(number)
    return keys[-1], page and str(form["data-root"]) + page


def test_a_number_as_at_a_date_opens_the_paragraph_that_had_it_then(
    site: Site, project: Project
) -> None:
    versions = project.versions()
    plain = in_force_on(versions, today())
    assert plain is not None
    days = [v.in_force for v in versions] + [v.in_force - dt.timedelta(days=1) for v in versions]
    checked = set()
    for day in days:
        v = in_force_on(versions, day)
        if v is None:
            assert as_at(site, "1.1", day) == (None, None)  # before the first version
            continue
        folder = "protocol" if v is plain else f"versions/{v.key}"
        for section in v.document.sections:
            held = [(c.number, c.id) for c in section.clauses]
            for number, clause_id in held + [(r.number, r.id) for r in section.revoked]:
                wanted = f"../{folder}/{section.slug}.html#{clause_id}"
                assert as_at(site, number, day) == (v.key, wanted), (number, day)
                checked.add((number, clause_id))
    # the numbers whose paragraph differs from version to version are among those checked
    assert ("15.6", "MOP-0208") in checked and ("15.6", "MOP-0132") in checked
    assert as_at(site, "15.11", dt.date(2024, 6, 1)) == ("2024-05-16", None)  # made in 2025


def test_committee_report_has_real_word_revisions(project: Project, tmp_path: Path) -> None:
    import zipfile

    from constitution.text_plain import plain

    result = run(
        project, "report", "2024-05-16", "2025-05-15", "--out", str(tmp_path), "--author", "Clerk"
    )
    assert result.returncode == 0, result.stderr
    xml = zipfile.ZipFile(tmp_path / "changes.docx").read("word/document.xml")
    body = ET.fromstring(xml)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    revisions = body.findall(f".//{w}ins") + body.findall(f".//{w}del")
    assert revisions and all(
        r.get(f"{w}author") == "Clerk" and r.get(f"{w}date") == "2025-05-15T00:00:00Z"
        for r in revisions
    )
    first_table_rows = body.find(f".//{w}tbl").findall(f"{w}tr")
    assert [c.findtext(f".//{w}t") for c in first_table_rows[0].findall(f"{w}tc")] == [
        "Paragraph",
        "Old number",
        "New number",
        "Change",
    ]
    v1, v2 = (v.document for v in project.versions()[:2])
    for para in body.iter(f"{w}p"):
        if para.find(f"{w}ins") is None:
            continue
        accepted = "".join(t.text or "" for t in para.iter(f"{w}t"))
        rejected = "".join(
            t.text or ""
            for t in para.iter()
            if t.tag in (f"{w}t", f"{w}delText")
            and not any(a.tag == f"{w}ins" for a in _ancestors(para, t))
        )
        if "fifteen" in rejected:
            assert accepted == plain(v2.clause("MOP-0144").tree, v2)  # type: ignore[union-attr]
            assert rejected == plain(v1.clause("MOP-0144").tree, v1)  # type: ignore[union-attr]
            break
    else:
        raise AssertionError("no revision of MOP-0144 in the report")
    html = (tmp_path / "changes.html").read_text()
    assert "<del>fifteen</del><ins>ten</ins>" in html


def _ancestors(root: object, node: object) -> list[object]:
    parents = {c: p for p in root.iter() for c in p}  # type: ignore[attr-defined]
    out = []
    while node in parents:
        node = parents[node]
        out.append(node)
    return out


def test_home_presents_the_version_in_force(site: Site, project: Project) -> None:
    in_force = project.versions()[-1]
    home = site.page("index.html")
    links = [a["href"] for a in home.select("ol.version-contents a")]
    assert links == [f"protocol/{s.slug}.html" for s in in_force.document.sections]
    assert "In force since 1 June 2026" in home.select_one(".in-force-summary").get_text()


def test_a_build_outside_git_is_dated_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project unpacked from an archive has no commit to date its build by: dated 1970,
    no adopted version would be in force and the site would publish the draft as the
    protocol; it is dated now."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    day = dt.datetime.fromtimestamp(int(source_date_epoch(tmp_path)), dt.UTC).date()
    assert day == dt.datetime.now(dt.UTC).date()


def test_the_search_pages_versions_are_named_with_their_dates_as_written(
    site: Site, project: Project
) -> None:
    """The search page's choice of version names each by its date as every page writes it:
    'Adopted 26 November 2026', not 'Adopted 26 november 2026' (a council's first version,
    superseded, read so once its second was in force)."""
    from constitution.typography import long_date

    index = json.loads((site.out / "clause-index.json").read_text(encoding="utf-8"))
    for version in project.versions():
        assert f"dopted {long_date(version.date)}" in index[version.key]["label"], version.key
