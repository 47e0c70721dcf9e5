"""The built site: every clause once, numbered and anchored; references and data agree."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MODEL, Site, copy_project
from constitution.build import build_site
from constitution.cli import main
from constitution.model import Document
from constitution.project import Project


def test_every_clause_once_with_number_and_anchor(site: Site, document: Document) -> None:
    seen: Counter[str] = Counter()
    for section in document.sections:
        page = site.page(f"{section.docname}.html")
        heading = page.select_one("h1 .section-number")
        assert heading is not None and heading.get_text().strip() == f"{section.number}."
        for div in page.select("div.clause"):
            clause = document.clause(div["id"])
            assert clause is not None and clause.section == section.slug
            link = div.select_one("a.clause-number")
            assert link is not None
            assert (link["href"], link.get_text()) == (f"#{clause.id}", clause.number)
            seen[clause.id] += 1
    assert seen == Counter(c.id for c in document.clauses())


def test_cross_references_show_the_current_number(site: Site, document: Document) -> None:
    checked = 0
    for section in document.sections:
        for ref in site.page(f"{section.docname}.html").select("a:has(> .constitution-para)"):
            target = document.clause(ref["href"].rsplit("#", 1)[1])
            assert target is not None
            assert ref["href"] == (
                f"#{target.id}"
                if target.section == section.slug
                else f"{target.section}.html#{target.id}"
            )
            assert ref.get_text() == f"paragraph {target.number}"
            checked += 1
    assert checked == sum(len(c.cites) for c in document.clauses()) > 0


def test_defined_terms_and_statutes_link(site: Site, document: Document) -> None:
    page = site.page("draft/roles-of-officers.html")
    term = page.select_one("a:has(> .constitution-term)")
    assert term is not None and term["href"].startswith("definitions.html#")
    defining = document.clause(term["href"].rsplit("#", 1)[1])
    assert defining is not None and defining.defines
    statute = page.select_one(".clause-about a[href^='https://www.legislation.gov.uk/']")
    assert statute is not None


def test_model_and_needs_json_agree(site: Site, document: Document) -> None:
    needs = {k: v for k, v in site.needs().items() if v["type"] == "clause"}
    assert set(needs) == {c.id for c in document.clauses()}
    for clause in document.clauses():
        need = needs[clause.id]
        assert need["type"] == "clause"
        assert need["number"] == clause.number
        assert need["content"] == clause.text
        assert need["modality"] == clause.modality
        assert need["applies_to"] == list(clause.applies_to)
        assert need["statutes"] == list(clause.statutes)
        assert need["tags"] == list(clause.tags)
        assert need["section"] == clause.section
        assert need["docname"] == f"draft/{clause.section}"


def cited_clause(document: Document) -> tuple[str, str]:
    """A clause cited from another section, and the section citing it."""
    for clause in document.clauses():
        for target in clause.cites:
            cited = document.clause(target)
            if cited and cited.section != clause.section:
                return cited.id, clause.section
    raise AssertionError("the model protocol has no cross-section reference")


def insert_clause_before(project: Project, clause_id: str) -> None:
    clause = project.document().clause(clause_id)
    assert clause is not None
    path = project.root / clause.path
    text = path.read_text(encoding="utf-8")
    new = "```{clause} MOP-0999\n:modality: informative\n\nAn inserted paragraph.\n```\n\n"
    marker = f"```{{clause}} {clause_id}"
    path.write_text(text.replace(marker, new + marker, 1), encoding="utf-8")


def test_inserting_a_clause_renumbers_it_and_references(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    # Numbers that follow position (the renumber scheme): an insertion moves the next.
    settings = scratch.conf / "council.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('numbering = "insert"', 'numbering = "renumber"'))
    before = scratch.document()
    target_id, citing = cited_clause(before)
    target = before.clause(target_id)
    assert target is not None
    # First build, then insert and rebuild incrementally: the citing page is unchanged
    # on disk, yet must show the new number (stale cross-page data is the classic bug).
    citer = next(c.id for c in before.clauses() if target_id in c.cites)
    shutil.copytree(MODEL / "versions", scratch.root / "versions")
    first = build(scratch)
    frozen = {p: p.stat().st_mtime_ns for p in first.out.glob("versions/2*/*.html")}
    bundles = first.out / "pagefind"
    adopted = sorted(bundles.glob("2*/pagefind-entry.json"))
    indexed = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in adopted}
    draft = (bundles / "draft" / "pagefind-entry.json").read_bytes()
    pdf = first.out / "data" / "draft" / "protocol.pdf"
    printed = pdf.stat().st_mtime_ns
    build(scratch)  # nothing changed: the draft's PDF is not laid out again
    assert pdf.stat().st_mtime_ns == printed
    insert_clause_before(scratch, target_id)
    after = scratch.document()
    moved = after.clause(target_id)
    assert moved is not None
    section, index = target.number.split(".")
    assert moved.number == f"{section}.{int(index) + 1}"
    site = build(scratch)
    page = site.page(f"draft/{citing}.html")
    refs = [a.get_text() for a in page.select(f"a[href$='#{target_id}']")]
    assert refs and all(r == f"paragraph {moved.number}" for r in refs)
    own = site.page(f"draft/{target.section}.html").select_one(f"#{target_id} .clause-number")
    assert own is not None and own.get_text() == moved.number
    assert site.needs()[target_id]["number"] == moved.number
    # The citing clause's history shows the new number in the draft's row, though the
    # clause itself did not change; pages of adopted versions alone are not written again.
    history = site.page(f"versions/clauses/{citer}.html").select("table.history tbody tr")
    assert f"paragraph {moved.number}" in history[-1].get_text()
    assert frozen and {p: p.stat().st_mtime_ns for p in frozen} == frozen
    # Adopted versions are indexed for search once; the draft again, with its new clause.
    assert adopted and {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in adopted} == indexed
    assert (bundles / "draft" / "pagefind-entry.json").read_bytes() != draft
    assert pdf.stat().st_mtime_ns != printed


def test_build_stops_on_bad_input_and_keeps_the_last_site(
    scratch: Project, build: Callable[[Project], Site], capsys: object
) -> None:
    site = build(scratch)
    good = (site.out / "index.html").read_bytes()
    path = scratch.protocol / "principles.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("MOP-0029", "MOP-0028"), encoding="utf-8"
    )
    status = main(["--project", str(scratch.root), "build", "--out", str(site.out)])
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert status == 1
    assert "protocol/principles.md:12: clause-duplicate-id [MOP-0028]" in err
    assert "How to fix:" in err
    assert (site.out / "index.html").read_bytes() == good


def test_script_in_a_clause_or_scenario_is_shown_as_text(scratch: Project) -> None:
    path = scratch.protocol / "review.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "at any time.",
            'at any time. <script>alert(1)</script> <b onclick="x()">b</b> '
            "[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
        ),
        encoding="utf-8",
    )
    (scratch.root / "checks" / "scenarios" / "xss.yaml").write_text(
        "- id: SC-XSS-001\n  title: <script>alert(2)</script> <b onclick=x()>b</b>\n"
        "  facts: {act: suggest-change, actor: officer}\n"
        "  expect:\n    permitted: true\n    clauses: [MOP-0207]\n",
        encoding="utf-8",
    )
    out = scratch.root / "_site"
    assert build_site(scratch, out) == 0
    for name in ("checks/SC-XSS-001.html", "checks/index.html", "traceability.html"):
        scenario_page = Site(out).page(name)
        assert not [s for s in scenario_page.select("script") if "alert" in s.get_text()]
        assert not scenario_page.select("[onclick]")
    page = Site(out).page("draft/review.html")
    assert not [s for s in page.select("script") if "alert" in s.get_text()]
    assert not page.select("[onclick], [onerror], img")
    assert not page.select("a[href^='javascript']")
    assert "<script>alert(1)</script>" in page.select_one("#MOP-0207").get_text()


def test_scenario_pages_link_their_clauses(
    site: Site, project: Project, document: Document
) -> None:
    scenarios = project.scenarios(document)
    for scenario in scenarios:
        page = site.page(f"checks/{scenario.id}.html")
        # the version in force's paragraph, and the draft's where the draft changed it
        hrefs = [
            a["href"]
            for a in page.select("article a[href^='../draft/'], article a[href^='../protocol/']")
            if not a.find_parent(class_="version-note")  # which version: not the example's
        ]
        targets = {h.rsplit("#", 1)[1] for h in hrefs}
        assert targets == set(scenario.clauses)
        for href in hrefs:
            clause_page = site.page(href.removeprefix("../").split("#")[0])
            assert clause_page.select_one(f"div.clause#{href.rsplit('#', 1)[1]}") is not None
    index = site.page("checks/index.html")
    assert len(index.select("table.scenario-index tbody tr")) == len(scenarios)


def test_a_worked_examples_situation_reads_as_words(site: Site) -> None:
    """Facts as a reader says them: names without hyphens, yes or no, dates in full."""
    page = site.page("checks/SC-ENQ-002.html")
    names = [dt.get_text() for dt in page.select("dl.scenario-facts dt")]
    facts = dict(
        zip(names, [dd.get_text() for dd in page.select("dl.scenario-facts dd")], strict=True)
    )
    assert facts["Urgent"] == "yes"
    assert facts["Received"] == "Thursday 17 April 2025"
    assert facts["Who"] == "the member"
    assert facts["Route"] == "enquiry system"
    # A situation of several acts names each, as words.
    page = site.page("checks/SC-CON-017.html")
    said = dict(
        zip(
            [dt.get_text() for dt in page.select("dl.scenario-facts dt")],
            [dd.get_text() for dd in page.select("dl.scenario-facts dd")],
            strict=True,
        )
    )
    assert said["What they do"] == "post on social media and behave towards"


def test_a_worked_example_of_two_people_shows_each_person_and_answer(site: Site) -> None:
    """The facts they share first, then each person's own, and each person's answer."""
    page = site.page("checks/SC-TWO-001.html")
    groups = [
        [(dt.get_text(), dt.find_next_sibling("dd").get_text()) for dt in dl.select("dt")]
        for dl in page.select("dl.scenario-facts")
    ]
    assert groups == [
        [("Resource", "it"), ("Purpose", "party campaign")],
        [("What they do", "use council resources"), ("Who", "the member")],
        [("What they do", "notice misuse"), ("Who", "the officer"), ("Towards", "member")],
    ]
    assert [h.get_text() for h in page.select("h3")] == ["The member", "The officer"]
    said = page.find("h2", string="What the protocol says").find_next_sibling("p").get_text()
    assert said == (
        "For the member: This is not allowed. For the officer: The officer must report to "
        "chief officer or monitoring officer."
    )


def test_two_people_of_one_role_are_shown_by_their_names(site: Site) -> None:
    """Two members, each headed and answered by the name the example gives them."""
    page = site.page("checks/SC-TWO-007.html")
    assert [h.get_text() for h in page.select("h3")] == [
        "The member who says it",
        "The member who repeats it",
    ]
    said = page.find("h2", string="What the protocol says").find_next_sibling("p").get_text()
    assert said.startswith("For the member who says it: This is not allowed.")
    assert "For the member who repeats it: This is not allowed." in said


def test_a_situation_the_protocol_does_not_answer_says_so(site: Site) -> None:
    page = site.page("checks/SC-CON-018.html")
    said = page.find("h2", string="What the protocol says").find_next_sibling("p").get_text()
    assert said == "The protocol does not answer this."


def test_clauses_list_their_worked_examples(
    site: Site, project: Project, document: Document
) -> None:
    scenarios = project.scenarios(document)
    clause = document.clause("MOP-0145")
    assert clause is not None
    div = site.page(f"draft/{clause.section}.html").select_one("#MOP-0145")
    assert div is not None
    links = [a["href"] for a in div.select(".worked-examples a")]
    expected = [f"../checks/{s.id}.html" for s in scenarios if "MOP-0145" in s.clauses]
    assert links == expected and expected


def test_results_are_shown_dated_or_not_at_all(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    page = build(scratch).page("checks/SC-ENQ-002.html")
    assert page.select_one(".check-result") is None and "Not run" not in page.get_text()
    results = scratch.root / "_build" / "scenario-results.json"
    results.parent.mkdir()
    results.write_text(
        '{"run": "2026-03-02T10:00:00+00:00", "results": '
        '{"SC-ENQ-002": "failed", "SC-ENQ-001": "passed"}}',
        encoding="utf-8",
    )
    site = build(scratch)
    assert site.page("checks/SC-ENQ-002.html").select_one(".check-result").get_text() == (
        "Failed on 2 March 2026"
    )
    clause = site.page("draft/member-enquiries.html").select_one("#MOP-0145 .check-result")
    assert clause is not None and clause.get_text() == "Failed on 2 March 2026"


def test_traceability_page(site: Site, document: Document) -> None:
    rows = site.page("traceability.html").select("#trace tbody tr")
    assert [r.select_one("td:nth-of-type(2)").get_text() for r in rows] == [
        c.id for c in document.clauses()
    ]
    statuses = {r["data-status"] for r in rows}
    assert "uncovered" not in statuses and "informative" in statuses
    first = rows[0].select_one("a")
    assert first is not None and first["href"] == "draft/purpose-and-status.html#MOP-0001"


def test_traceability_marks_suspect_examples(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    path = scratch.protocol / "review.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "propose an amendment", "put forward an amendment"
        ),
        encoding="utf-8",
    )
    row = (
        build(scratch)
        .page("traceability.html")
        .select_one("#trace tr:has(a[href$='SC-REV-003.html'])")
    )
    assert row is not None and row["data-status"] == "suspect"
    assert "(suspect)" in row.get_text()


def test_builds_are_reproducible(tmp_path: Path, project: Project) -> None:
    """Two builds of one commit, in different folders at different times, give the same
    bytes, search bundles included."""
    import time

    other = tmp_path / "elsewhere"
    shutil.copytree(
        project.root,
        other,
        symlinks=True,
        ignore=shutil.ignore_patterns(".git", ".nox", ".venv", "_build", ".*cache"),
    )
    results = project.root / "_build" / "scenario-results.json"  # an input of the build
    if results.exists():
        (other / "_build").mkdir()
        shutil.copy(results, other / "_build")
    assert build_site(project, tmp_path / "one") == 0
    time.sleep(1.1)
    assert build_site(Project(other), tmp_path / "two") == 0

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert str(tmp_path) not in "".join(b.decode("utf-8", "replace") for b in one.values())


def test_pages_load_only_what_they_use(site: Site) -> None:
    """sphinx-needs' and Sphinx's search assets are unused here: no page should load them."""
    for name in ("draft/member-enquiries.html", "versions/2026-05-14/index.html", "index.html"):
        page = site.page(name)
        assets = [t.get("src") or t.get("href") for t in page.select("script[src], link[href]")]
        assert not [a for a in assets if "sphinx-needs" in a or "jquery" in a], assets


def test_a_build_killed_half_way_leaves_the_last_site(scratch: Project, tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    out = tmp_path / "site"
    assert build_site(scratch, out) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    path = scratch.protocol / "review.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("at any time", "at all times"), encoding="utf-8"
    )
    build = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "constitution",
            "--project",
            str(scratch.root),
            "build",
            "--out",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # killed with its worker, as a cancelled CI job would be
    )
    work = out.parent / f".{out.name}.work" / "html" / "draft" / "review.html"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and b"at all times" not in (
        work.read_bytes() if work.exists() else b""
    ):
        time.sleep(0.05)  # until the new page is being written: the build is half-way
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    assert b"at all times" in work.read_bytes(), "the build never got half-way"
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    # The next build completes, and removes what the killed one left behind.
    jobs = f".{out.name}.work/doctrees/constitution-jobs-*"
    assert list(out.parent.glob(jobs))
    assert build_site(scratch, out) == 0
    assert b"at all times" in (out / "draft" / "review.html").read_bytes()
    assert not list(out.parent.glob(jobs))


def test_the_next_build_never_writes_to_a_published_file(scratch: Project, tmp_path: Path) -> None:
    """Published pages are links to the build's own files, not copies (build.py): the next
    build must give every file it writes a new file, or it would change the published
    site before it is complete. Links to the published files made here would see it."""
    out = tmp_path / "site"
    assert build_site(scratch, out) == 0
    work = out.parent / f".{out.name}.work" / "html"
    page = "draft/review.html"
    assert (out / page).stat().st_ino == (work / page).stat().st_ino
    kept = tmp_path / "kept"
    shutil.copytree(out, kept, copy_function=os.link)
    before = {p.relative_to(kept): p.read_bytes() for p in kept.rglob("*") if p.is_file()}
    path = scratch.protocol / "review.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("at any time", "at all times"), encoding="utf-8"
    )
    settings = scratch.conf / "council.toml"  # the council's name is on every page and file
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("Borough", "Town"), encoding="utf-8"
    )
    stale = work / "draft" / ".review.html.1.writing"  # as a build killed mid-write leaves
    stale.write_text("half a page", encoding="utf-8")
    assert build_site(scratch, out) == 0
    assert not (out / "draft" / stale.name).exists()
    assert b"at all times" in (out / page).read_bytes()
    changed = {
        n for n, data in before.items() if not (out / n).is_file() or (out / n).read_bytes() != data
    }
    assert {n.parts[0] for n in changed} >= {"draft", "versions", "checks", "data", "pagefind"}
    after = {p.relative_to(kept): p.read_bytes() for p in kept.rglob("*") if p.is_file()}
    assert after == before


def test_check_and_build_need_no_network(scratch: Project, tmp_path: Path) -> None:
    """Run in a network namespace of their own, with no way out: they must still work."""
    import subprocess
    import sys

    unshare = shutil.which("unshare")
    assert unshare, "util-linux's unshare is needed to cut the network off"
    offline = [unshare, "--map-root-user", "--net", sys.executable]
    probe = subprocess.run(
        [
            *offline,
            "-c",
            "import socket; socket.create_connection(('93.184.215.14', 443), timeout=3)",
        ],
        capture_output=True,
    )
    assert probe.returncode != 0, "the namespace still reaches the network"
    for args in (["check"], ["build", "--out", str(tmp_path / "site")]):
        result = subprocess.run(
            [*offline, "-m", "constitution", "--project", str(scratch.root), *args],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "site" / "pagefind" / "draft" / "pagefind.js").exists()


def test_a_parallel_build_gives_the_same_site(site: Site, project: Project, tmp_path: Path) -> None:
    """The extension declares itself safe for Sphinx's parallel reading and writing."""
    from sphinx.cmd.build import build_main

    from constitution.build import NOT_PUBLISHED, sphinx_args
    from constitution.output_folder import MARK

    html = tmp_path / "html"
    assert build_main([*sphinx_args(project, html, tmp_path / "doctrees"), "-j", "2"]) == 0
    published = sorted(p for p in site.out.rglob("*") if p.is_file() and p.name != MARK)
    assert published
    for path in published:
        name = path.relative_to(site.out)
        assert not set(name.parts) & set(NOT_PUBLISHED)
        assert (html / name).read_bytes() == path.read_bytes(), name


def test_a_failed_worker_fails_the_build(
    scratch: Project, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Open data, PDFs and search are written by a second process: if it fails, so does
    the build, and nothing is published."""
    work = tmp_path / ".site.work"
    work.mkdir(mode=0o700)  # as the build makes it: one not private is emptied first
    blocker = work / "html" / "data" / "draft"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("a file where the draft's folder goes", encoding="utf-8")
    assert build_site(scratch, tmp_path / "site") != 0
    assert not (tmp_path / "site").exists()
    assert "Writing the open data files and search index failed" in capfd.readouterr().err


def test_a_page_waits_for_the_file_it_links_or_writes_it(tmp_path: Path) -> None:
    """A contents page gives its PDF's size: the job writing the PDF runs in the page's
    process if no process has begun it; else the page waits until it is done, and fails
    if the process running it stops first."""
    from constitution.worker import claim, wait_for

    ran: list[Path] = []
    pdf = tmp_path / "protocol.pdf"
    jobs = [(ran.append, (tmp_path / "other.json",)), (ran.append, (pdf,))]
    here = tmp_path / "here"
    here.mkdir()
    wait_for(pdf, jobs, here, None)
    assert ran == [pdf] and (here / "1.done").exists() and not (here / "0.claimed").exists()
    for folder, then in (("slow", "touch 1.done"), ("stopped", "true")):
        (tmp_path / folder).mkdir()
        assert claim(tmp_path / folder, 1)  # as the second process does
        worker = subprocess.Popen(["sh", "-c", f"sleep 0.3; {then}"], cwd=tmp_path / folder)
        if folder == "slow":
            wait_for(pdf, jobs, tmp_path / folder, worker)
            assert (tmp_path / folder / "1.done").exists()
        else:
            with pytest.raises(RuntimeError, match=r"stopped before writing protocol\.pdf"):
                wait_for(pdf, jobs, tmp_path / folder, worker)
        worker.wait()
    assert ran == [pdf]  # waited for, never run twice
    # A page drawn by a child of Sphinx's parallel build cannot poll the second process:
    # it learns of the job's failure from the job's mark.
    broken = tmp_path / "broken"
    broken.mkdir()
    failing = [(Path.mkdir, (pdf / "below" / "missing",))]  # its parent does not exist
    with pytest.raises(FileNotFoundError):
        wait_for(pdf / "below" / "missing", failing, broken, None)  # run here, and fails
    assert (broken / "0.failed").exists() and not (broken / "0.done").exists()
    with pytest.raises(RuntimeError, match="stopped before writing missing"):
        wait_for(pdf / "below" / "missing", failing, broken, None)  # claimed, failed: said


def test_what_is_drawn_once_and_shared_is_what_furo_draws_for_each_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generated pages are written from one shell a folder (shells.py): byte for byte what
    furo draws for each page alone, titles with markup and quotes included."""
    from constitution.serve import WarmBuild
    from constitution.sphinxext import page_cache

    # with the versions, one in force (2026-09-21): their folders' pages each pick their
    # own banner from the shell, linking to their section in the version in force
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    project = copy_project(tmp_path / "project", versions=True)
    scenarios = project.checks / "scenarios" / "cabinet.yaml"
    text = scenarios.read_text(encoding="utf-8")
    old = "title: The cabinet member for housing asks the director for a briefing on"
    new = "title: 'The cabinet member for housing & <b>homes</b> asks \"the director\"' #"
    assert old in text
    scenarios.write_text(text.replace(old, new, 1), encoding="utf-8")
    with WarmBuild(project, tmp_path / "shells") as build:
        assert build() == 0
    monkeypatch.setattr(page_cache, "SHELLS", False)
    with WarmBuild(project, tmp_path / "theme") as build:
        assert build() == 0

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.html")}

    shells, theme = files(tmp_path / "shells" / "html"), files(tmp_path / "theme" / "html")
    assert shells.keys() == theme.keys() and len(shells) > 300
    assert [name for name in shells if shells[name] != theme[name]] == []
    page = shells["checks/SC-CAB-001.html"].decode()
    assert "<title>The cabinet member for housing &amp; homes asks &#34;the director&#34;" in page


def test_the_site_pages_name_the_council_of_its_settings(
    scratch: Project, build: Callable[[Project], Site]
) -> None:
    """docs/ pages take the council's name and the Part's title from council.toml."""
    settings = scratch.conf / "council.toml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("Kestrelford Borough Council", "Otterbury District Council")
    settings.write_text(text.replace('part = "Part 5.3"', 'part = "Part 4B"'), encoding="utf-8")
    site = build(scratch)
    home = site.page("index.html")
    assert home.h1 is not None and home.h1.get_text().startswith("Otterbury District Council")
    assert "Part 4B of the constitution of Otterbury District Council" in home.get_text()
    statement = site.page("accessibility.html").get_text()
    assert "Otterbury District Council" in statement
    assert "Kestrelford Borough Council" not in statement + home.get_text()


def test_generated_pages_follow_a_change_of_the_tools_code(
    scratch: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A generated page is kept while what it shows is unchanged; how it is drawn is the
    tool's code, so a new version of the tool draws every one again."""
    from constitution import model_cache
    from constitution.sphinxext import examples

    out = tmp_path / "site"
    assert build_site(scratch, out) == 0
    monkeypatch.setattr(examples, "shown", lambda value: "drawn anew")
    monkeypatch.setattr(model_cache, "code", lambda: b"the next version")
    assert build_site(scratch, out) == 0
    assert "drawn anew" in (out / "checks" / "SC-ENQ-002.html").read_text(encoding="utf-8")


def test_an_inline_script_stops_the_build_even_under_python_O() -> None:
    """The guards that keep inline script off every page, and its policy on, are not
    asserts."""
    import subprocess
    import sys

    probe = (
        "from constitution.sphinxext import csp\n"
        "for page in ('<html><head>' + csp.META + '></head><body><script>x()</script></body>',\n"
        "             '<html><head></head><body></body></html>'):\n"
        "    try:\n"
        "        csp.check(page, 'p')\n"
        "    except Exception as exc:\n"
        "        print(type(exc).__name__, exc)\n"
    )
    ran = subprocess.run([sys.executable, "-O", "-c", probe], capture_output=True, text=True)
    inline, bare = ran.stdout.splitlines()
    assert inline == "SphinxError inline script in p: the page's policy would block it"
    assert bare.startswith("SphinxError p has no Content-Security-Policy. How to fix:"), bare


def test_the_shell_and_builder_checks_hold_under_python_O() -> None:
    """A page template that shows the body twice cannot give generated pages one shell,
    and only Sphinx's HTML builder writes pages: errors that say so, not asserts."""
    import subprocess
    import sys

    probe = (
        "from types import SimpleNamespace\n"
        "from constitution.sphinxext import shells\n"
        "from constitution.sphinxext.html_builder import html_builder\n"
        "text = SimpleNamespace(builder=SimpleNamespace(name='text'))\n"
        "body, other = (f'{shells.OPEN} {n} {shells.CLOSE}' for n in ('body', 'pagename'))\n"
        "for check in (lambda: shells.check(body * 2, 'checks'),\n"
        "              lambda: shells.check(body + other, 'checks'),\n"
        "              lambda: html_builder(text)):\n"
        "    try:\n"
        "        check()\n"
        "    except Exception as exc:\n"
        "        print(type(exc).__name__, exc)\n"
    )
    ran = subprocess.run([sys.executable, "-O", "-c", probe], capture_output=True, text=True)
    twice, unknown, builder = ran.stdout.splitlines()
    for shell in (twice, unknown):
        assert shell.startswith("SphinxError the page template cannot draw the generated pages")
        assert "checks/" in shell and "How to fix" in shell
    assert "shows the page's body 2 times" in twice
    assert "shows 'pagename', which no page gives" in unknown and "times" not in unknown
    assert builder.startswith("SphinxError the site's pages are written by Sphinx's HTML")
    assert "not 'text'" in builder and "How to fix" in builder


def test_every_page_loads_furo_s_colour_script_from_its_file_first(site: Site) -> None:
    """Our base.html stands in for furo's inline script: first in the body, from the file
    at the page's depth, on the pages Sphinx draws and the generated ones alike."""
    pages = [p for p in site.out.rglob("*.html") if "pagefind" not in p.parts]
    drawn = [p for p in pages if "<body>" in p.read_text(encoding="utf-8")]
    assert {"index.html", "checks/index.html", "versions/clauses/MOP-0001.html"} <= {
        str(p.relative_to(site.out)) for p in drawn
    }
    for path in drawn:
        text = path.read_text(encoding="utf-8")
        up = "../" * (len(path.relative_to(site.out).parts) - 1)
        up = "/" if path == site.out / "404.html" else up  # sent at any depth: from the root
        body = text.split("<body>", 1)[1].lstrip()
        assert body.startswith(f'<script src="{up}_static/constitution-theme.js"></script>'), path
        assert "document.body.dataset.theme" not in text, path
