"""A council's repository moving to a newer release: `refresh` rewrites the files the
tool wrote (dev.py, the workflows, the site's pages) where the council has not changed
them since, keeps those it changed, and never touches its documents, settings or checks.
And the council's own pages give its own paragraphs as examples, not the model's."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from test_init import PROTOCOL, constitution, council_dev

OWN = ("conf/council.toml", "requirements.txt", "checks/rules.yaml", "checks/uncovered.toml")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "ours.txt").write_text(PROTOCOL, encoding="utf-8")
    made = constitution(
        "init", "repo", "--from", "ours.txt", "--council", "Fenmarsh District Council",
        "--prefix", "FDC", cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return tmp_path / "repo"


def as_an_older_release_wrote(repo: Path, files: dict[str, str]) -> None:
    """The repository as an older release's init left it: ``files`` as it wrote them
    (older words), recorded as written by it."""
    record = json.loads((repo / "tool-files.json").read_text(encoding="utf-8"))
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
        record["files"][name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    record["release"] = "0.0.9"
    (repo / "tool-files.json").write_text(json.dumps(record), encoding="utf-8")


def test_a_newer_release_refreshes_what_the_tool_wrote_and_keeps_the_councils(
    repo: Path,
) -> None:
    """Raising the pin brought a newer tool but left an older release's dev.py and pages
    as they were (council8): refresh, run as the council's README says, rewrites each the
    council has not changed, keeps each it has (its contact details), and says which."""
    new = {n: (repo / n).read_bytes() for n in ("dev.py", "docs/amend.md", "docs/accessibility.md")}
    older = {n: data.decode("utf-8").replace("\n", "\n# as an older release wrote it\n", 1)
             for n, data in new.items()}  # fmt: skip
    as_an_older_release_wrote(repo, older)
    # the council's own work since: its contact details, a paragraph, its settings, checks
    (repo / "docs" / "accessibility.md").write_text("# Accessibility\n\nPhone 01234 567890.\n")
    section = repo / "protocol" / "introduction.md"
    section.write_text(section.read_text(encoding="utf-8").replace("respect", "courtesy"))
    with (repo / "conf" / "council.toml").open("a", encoding="utf-8") as settings:
        settings.write("\n# our note\n")
    own = {n: (repo / n).read_bytes() for n in (*OWN, "protocol/introduction.md")}
    contact = (repo / "docs" / "accessibility.md").read_bytes()

    done = council_dev(repo, "refresh")
    assert done.returncode == 0, done.stderr
    assert "written by release 0.0.9" in done.stdout
    assert re.search(r"updated\s+dev\.py", done.stdout)
    assert re.search(r"updated\s+docs/amend\.md", done.stdout)
    assert re.search(r"kept\s+docs/accessibility\.md: changed here", done.stdout)
    assert (repo / "dev.py").read_bytes() == new["dev.py"]
    assert (repo / "docs" / "amend.md").read_bytes() == new["docs/amend.md"]
    assert (repo / "docs" / "accessibility.md").read_bytes() == contact
    beside = repo / "_build" / "refresh" / "docs" / "accessibility.md"
    assert beside.read_bytes() == new["docs/accessibility.md"]
    assert {n: (repo / n).read_bytes() for n in own} == own
    # run again: nothing more to do, and the council's page still kept
    again = council_dev(repo, "refresh")
    assert "updated" not in again.stdout and "kept     docs/accessibility.md" in again.stdout
    # the council takes this release's page whole, as refresh says how
    taken = council_dev(repo, "refresh", "--replace", "docs/accessibility.md")
    assert taken.returncode == 0 and "updated  docs/accessibility.md" in taken.stdout
    assert (repo / "docs" / "accessibility.md").read_bytes() == new["docs/accessibility.md"]
    assert council_dev(repo, "check").returncode == 0


def test_a_repository_made_before_the_record_is_refreshed_only_where_it_is_the_tools(
    repo: Path,
) -> None:
    """A repository an earlier release made has no tool-files.json: a file as this release
    writes it is recorded; any other may hold the council's words, and is kept."""
    (repo / "tool-files.json").unlink()
    (repo / "docs" / "open-data.md").write_text("# Open data, our own\n", encoding="utf-8")
    (repo / ".github" / "workflows" / "publish.yml").unlink()
    done = council_dev(repo, "refresh")
    assert done.returncode == 0, done.stderr
    assert "written by a release before tool-files.json" in done.stdout
    unknown = r"kept\s+docs/open-data\.md: not known to be as the tool wrote it"
    assert re.search(unknown, done.stdout)
    assert re.search(r"added\s+\.github/workflows/publish\.yml", done.stdout)
    assert (repo / "docs" / "open-data.md").read_text() == "# Open data, our own\n"
    recorded = json.loads((repo / "tool-files.json").read_text(encoding="utf-8"))["files"]
    assert "dev.py" in recorded and "docs/open-data.md" not in recorded


def test_a_page_the_council_deleted_stays_deleted(repo: Path) -> None:
    (repo / "docs" / "traceability-graph.md").unlink()
    done = council_dev(repo, "refresh")
    assert "kept     docs/traceability-graph.md: deleted here" in done.stdout
    assert not (repo / "docs" / "traceability-graph.md").exists()


def test_only_a_file_the_tool_writes_is_replaced(repo: Path) -> None:
    before = (repo / "conf" / "council.toml").read_bytes()
    refused = council_dev(repo, "refresh", "--replace", "conf/council.toml")
    assert refused.returncode == 2
    assert "refresh-not-tool-file" in refused.stderr and "docs/amend.md" in refused.stderr
    assert (repo / "conf" / "council.toml").read_bytes() == before


def test_the_councils_pages_give_its_own_paragraphs_and_examples(repo: Path) -> None:
    """Every paragraph ID the council's pages and README give as an example is one its
    protocol has, and no worked example is the model's (How to amend showed SC-ENQ-002,
    an officer's enquiry reply as FDC-0148, and 'paragraph 7.12')."""
    have = set(re.findall(r"```\{clause\} (FDC-\d{4})", "".join(
        p.read_text(encoding="utf-8") for p in (repo / "protocol").glob("*.md")
    )))  # fmt: skip
    for page in [repo / "README.md", *sorted((repo / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        assert set(re.findall(r"FDC-\d{4}", text)) <= have, page.name
        assert "SC-ENQ" not in text and "enquiries.yaml" not in text, page.name
        assert "member enquiry within ten" not in text and '"paragraph 7.12"' not in text
    amend = (repo / "docs" / "amend.md").read_text(encoding="utf-8")
    assert "This protocol guides the relationship between councillors and officers." in amend
    assert "python3 dev.py confirm SC-INT-001" in amend  # named for its first section
