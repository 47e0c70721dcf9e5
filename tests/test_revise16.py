"""A revision drafted outside the project, blind (tests/revise16): a council's protocol
brought in with `constitution init --from` and adopted, then three revisions its officers
made outside the project (two Word files, one plain text), each imported against it with
`import --revision` and scored against its gold, written before the import was run: the
ID each revised paragraph keeps (or a new one), the adopted paragraphs proposed for
retirement, the changes the redline and the committee report show, and the words and
headings the draft holds."""

from __future__ import annotations

import json
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from conftest import run
from constitution.project import Project
from constitution.text_plain import plain
from import_revise16 import SOURCES, handed_over, revised_words
from test_revision_round_trip import git, report_rows, scores

NAMES = ("revision-a.docx", "revision-b.docx", "revision-c.txt")
ADOPTED = ("2025-05-15", "Council, 15 May 2025, minute 9")


@dataclass
class Imported:
    """A revision imported into a copy of the council's repository."""

    name: str
    repo: Project
    gold: dict[str, object]
    number_id: dict[str, str]  # each adopted paragraph's number -> its ID
    titles: dict[str, str]  # each adopted section's number -> its title
    got: list[str]  # each revised paragraph's ID, "new" if not an adopted one's
    want: list[str]  # the gold's, the same way


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The council's repository as the docs make it: init from the protocol, adopted,
    committed."""
    folder = tmp_path_factory.mktemp("council")
    shutil.copy(SOURCES / "protocol.txt", folder / "protocol.txt")
    made = run(
        Project(folder), "init", "repo", "--council", "Harrowmere Borough Council",
        "--from", "protocol.txt", "--prefix", "HBC",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    repo = Project(folder / "repo")
    git(repo, "init", "-q")
    adopted = run(repo, "adopt", "--date", ADOPTED[0], "--resolution", ADOPTED[1])
    assert adopted.returncode == 0, adopted.stderr
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "adopted")
    return repo.root


@pytest.fixture(scope="module", params=NAMES)
def imported(
    request: pytest.FixtureRequest, council: Path, tmp_path_factory: pytest.TempPathFactory
) -> Imported:
    name = request.param
    folder = tmp_path_factory.mktemp(name.replace(".", "-"))
    repo = Project(folder / "repo")
    shutil.copytree(council, repo.root, symlinks=True)
    adopted = json.loads((repo.root / "import-report.json").read_text(encoding="utf-8"))
    number_id = {c["source_number"]: c["id"] for s in adopted["sections"] for c in s["clauses"]}
    titles = {s["number"]: s["title"] for s in adopted["sections"]}
    path = handed_over(name, folder)
    result = run(
        repo, "import", str(path), "--out", "protocol", "--force", "--revision",
        "--report-json", str(folder / "revised.json"),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((folder / "revised.json").read_text(encoding="utf-8"))
    ids = set(number_id.values())
    got = [c["id"] if c["id"] in ids else "new" for s in report["sections"] for c in s["clauses"]]
    gold = json.loads((SOURCES / "golds" / f"{name.rpartition('.')[0]}.json").read_text())
    want = [number_id.get(p["was"], "new") for p in gold["paragraphs"]]
    return Imported(name, repo, gold, number_id, titles, got, want)


def retired(imported: Imported) -> set[str]:
    register = imported.repo.root / "protocol" / "retired.toml"
    return set(tomllib.loads(register.read_text(encoding="utf-8"))) if register.exists() else set()


def test_each_paragraph_keeps_the_id_it_continues_and_only_a_new_one_gets_a_new_id(
    imported: Imported,
) -> None:
    got, want = imported.got, imported.want
    precision, recall = scores(got, want) if len(got) == len(want) else (0.0, 0.0)
    new = sum(g == w == "new" for g, w in zip(got, want, strict=False))
    print(f"precision {precision:.1%}, recall {recall:.1%}, new {new}/{want.count('new')}")
    assert got == want


def test_the_paragraphs_removed_are_proposed_for_retirement(imported: Imported) -> None:
    gold = {imported.number_id[number] for number in imported.gold["retired"]}
    assert retired(imported) == gold


def expected_rows(imported: Imported) -> set[tuple[str, str, bool]]:
    """The redline's rows the gold asks for: kind, ID ("NEW" for a new paragraph), moved
    to another section; a paragraph whose change is "none" has none."""
    rows = {("revoked", imported.number_id[n], False) for n in imported.gold["retired"]}
    for para, key in zip(imported.gold["paragraphs"], imported.want, strict=True):
        change = para["change"]
        if change == "inserted":
            rows.add(("inserted", "NEW", False))
        elif change != "none":
            rows.add(("moved" if change == "moved" else "reworded", key, "moved" in change))
    return rows


def test_the_redline_and_the_committee_report_show_exactly_the_changes_made(
    imported: Imported,
) -> None:
    """Every change the gold names, and nothing else but a paragraph renumbered; each
    paragraph of a section moved whole shows its new number."""
    repo, base = imported.repo, set(imported.number_id.values())
    result = run(repo, "redline", "HEAD", "draft", "--format", "json")
    assert result.returncode == 0, result.stderr
    changes = json.loads(result.stdout)["changes"]
    shown = {
        (c["kind"], c["id"] if c["id"] in base else "NEW", "moved" in c)
        for c in changes
        if c["kind"] != "renumbered"
    }
    assert shown == expected_rows(imported)
    numbers = {c["id"]: (c["old_number"], c["new_number"]) for c in changes}
    for section in imported.gold.get("sections_moved", []):
        moved = [(n, key) for n, key in imported.number_id.items() if n.split(".")[0] == section]
        now = [numbers.get(key, (n, n))[1] for n, key in moved]
        assert all(new != old for new, (old, _) in zip(now, moved, strict=True)), now
        # (added after the first run, beyond the gold) numbered where the section now
        # stands as a new section's paragraphs are: 2A.1, 2A.2, never 2A.1, 2A.1A
        head = now[0].split(".")[0]
        assert now == [f"{head}.{i}" for i in range(1, len(now) + 1)]
    report = {(kind, key) for kind, key, _, _ in report_rows(repo, base) if kind != "renumbered"}
    said = {("reworded, moved" if moved and kind == "reworded" else kind, key)
            for kind, key, moved in expected_rows(imported)}  # fmt: skip
    assert report == said


def expected_headings(imported: Imported) -> set[tuple[str, str, str]]:
    """The changes to the sections' headings the gold implies (kind, old title, new
    title): a revised section continues the adopted one its paragraphs come from, those
    not moved into it; one holding none is inserted; an adopted one none continues is
    revoked; a whole section moved is moved."""
    gold = imported.gold
    continued: dict[str, str] = {}  # revised section's number -> the adopted one's
    for para in gold["paragraphs"]:
        section = para["number"].split(".")[0]
        if "moved" not in para["change"] and para["was"] != "new":
            continued.setdefault(section, para["was"].split(".")[0])
    found = set()
    for at, title in enumerate(gold["titles"], start=1):
        was = continued.get(str(at))
        if was is None:
            found.add(("inserted", "", title))
            continue
        kinds = ["retitled"] if imported.titles[was] != title else []
        kinds += ["moved"] if was in gold.get("sections_moved", []) else []
        if kinds:
            found.add((", ".join(kinds), imported.titles[was], title))
    found |= {("revoked", title, "") for n, title in imported.titles.items()
              if n not in continued.values()}  # fmt: skip
    return found


def test_the_redline_and_the_committee_report_show_the_headings_changed(
    imported: Imported,
) -> None:
    """A heading renamed, a section inserted or split off, a section moved whole: each is
    a change made in Word, shown in the redline (JSON, text, Markdown) and the report."""
    repo, expected = imported.repo, expected_headings(imported)
    result = run(repo, "redline", "HEAD", "draft", "--format", "json")
    assert result.returncode == 0, result.stderr
    sections = json.loads(result.stdout).get("headings", [])
    shown = {(s["kind"], s["old_title"] or "", s["new_title"] or "") for s in sections}
    assert shown == expected
    said = [run(repo, "redline", "HEAD", "draft", "--format", form).stdout
            for form in ("text", "markdown")]  # fmt: skip
    report = run(repo, "report", "HEAD", "draft", "--out", "report")
    assert report.returncode == 0, report.stderr
    word = docx.Document(str(repo.root / "report" / "changes.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    html = (repo.root / "report" / "changes.html").read_text(encoding="utf-8")
    for kind, old, new in expected:
        for output in (*said, "\n".join(cells), html):
            assert kind in output and old in output and new in output, (kind, old, new)


def test_the_draft_holds_the_revised_words_and_headings(imported: Imported) -> None:
    draft = Project(imported.repo.root).document()
    assert [plain(c.tree, draft) for c in draft.clauses()] == revised_words(imported.name)
    assert [s.title for s in draft.sections] == imported.gold["titles"]
