"""constitution init: a council's own repository, whose checks pass from the first commit,
and that says nothing of the model council."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
import types
from pathlib import Path

import docx
import pytest
import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from conftest import ROOT, broken_links
from constitution.codes import CATALOGUE
from constitution.tool_requirement import of_running_tool, requirement
from test_workflows_run import run_job

PROTOCOL = """\
Protocol on Member and Officer Relations

1. Introduction

1.1 This protocol guides the relationship between councillors and officers.

1.2 Members and officers must treat one another with respect at all times.

2. Member enquiries

2.1 An officer should answer a member's enquiry within ten working days of receiving it.

2.2 A member may ask the Monitoring Officer for advice about this protocol.

Appendix A - Contacts

The Monitoring Officer is the Head of Legal Services.
"""


def constitution(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constitution", *args], cwd=cwd, capture_output=True, text=True
    )


def council_dev(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The council's own `python3 dev.py ...`, with this Python (which has the tool) in
    place of the .venv it would otherwise make (CONSTITUTION_PYTHON, as a CI image may)."""
    env = {**os.environ, "CONSTITUTION_PYTHON": sys.executable}
    return subprocess.run(
        ["python3", "dev.py", *args], cwd=repo, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("init")
    (where / "ours.txt").write_text(PROTOCOL, encoding="utf-8")
    made = constitution(
        "init", "repo", "--from", "ours.txt", "--council", "Testshire County Council",
        "--prefix", "TCC", "--part", "Part 5.2", "--base-url", "https://testshire.example/c/",
        cwd=where,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "4 paragraph(s), 3 of them rule-bearing" in made.stdout
    return where / "repo"


def test_the_council_repository_passes_its_own_test_command(repo: Path) -> None:
    result = council_dev(repo, "test")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "3 not yet covered, as listed in checks/uncovered.toml" in result.stdout
    assert "no worked examples yet" in result.stderr
    home = (repo / "_build" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Testshire County Council" in home and "Part 5.2" in home
    # the appendix, left out of the protocol, is a page of the site's own
    appendix = (repo / "_build" / "site" / "appendix-a-contacts.html").read_text(encoding="utf-8")
    assert "The Monitoring Officer is the Head of Legal Services." in appendix


def test_every_link_of_the_councils_site_leads_to_a_page(repo: Path) -> None:
    """The site's own links (menus, footer, generated pages) need pages the council's
    repository has: none may lead to a page only the model's site holds."""
    site = repo / "_build" / "site"
    if not site.is_dir():  # built by the test command's test, when run alone
        assert council_dev(repo, "build").returncode == 0
    assert broken_links(site, root="/c/") == []  # its address: https://testshire.example/c/


def test_the_councils_site_gives_its_own_ids_as_examples(repo: Path) -> None:
    """The search page and the page for a missing address tell a reader to find a
    paragraph by its ID: such as one of this council's, never the model's prefix."""
    site = repo / "_build" / "site"
    if not site.is_dir():  # built by the test command's test, when run alone
        assert council_dev(repo, "build").returncode == 0
    model = [p.name for p in site.rglob("*.html") if "MOP-" in p.read_text(encoding="utf-8")]
    assert model == []
    # nor the model's title of its document, in any file a reader or a program reads
    readable = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".xml", ".csv")]
    assert [p.name for p in readable if "Member/Officer" in p.read_text("utf-8")] == []
    held = (site / "clause-index.json").read_text(encoding="utf-8")
    for page in ("search.html", "404.html"):
        example = re.search(r"\(such as (TCC-\d{4})\)", (site / page).read_text("utf-8"))
        assert example and f"#{example.group(1)}" in held, page


def test_the_imports_mark_for_review_is_no_topic_of_the_site(repo: Path) -> None:
    """Each imported paragraph is tagged `imported` until an editor has reviewed its
    guessed modality: the site neither shows that tag as a topic nor has a way in by it."""
    site = repo / "_build" / "site"
    if not site.is_dir():  # built by the test command's test, when run alone
        assert council_dev(repo, "build").returncode == 0
    assert ":tags: imported" in (repo / "protocol" / "member-enquiries.md").read_text("utf-8")
    assert not (site / "ways-in" / "topic-imported.html").exists()
    page = (site / "protocol" / "member-enquiries.html").read_text(encoding="utf-8")
    assert "<dt>Topics</dt>" not in page and "About paragraph" in page
    ways = (site / "ways-in" / "index.html").read_text(encoding="utf-8")
    assert "topic-imported" not in ways


def test_the_councils_pages_give_its_own_sections_as_examples(repo: Path) -> None:
    """How to read and how to amend name a section's file and page as examples: the
    council's own first section, not one of the model's."""
    named = set()
    for page in ("amend.md", "how-to-read.md"):
        text = (repo / "docs" / page).read_text(encoding="utf-8")
        named |= set(re.findall(r"protocol/([a-z0-9-]+)\.(?:md|html)", text))
    assert named == {"introduction"}
    assert (repo / "protocol" / "introduction.md").is_file()


def test_how_to_amend_cites_a_paragraph_the_council_has(repo: Path) -> None:
    """How to amend's example of a citation is a paragraph of the council's own protocol,
    and its command reads it as written: the model's 'python3 dev.py paragraph 14.4' was
    refused by a council of six sections (council8), and '--version 2025-05-15' names a
    version no new council has."""
    text = " ".join((repo / "docs" / "amend.md").read_text(encoding="utf-8").split())
    asked = re.findall(r"`(python3 dev\.py paragraph [^`]+)`", text)
    assert asked and "--version 2025-05-15" not in text
    for command in asked:
        read = council_dev(repo, *command.split()[2:])
        assert read.returncode == 0, (command, read.stderr)


def test_how_to_amend_says_where_a_revocation_is_recorded(repo: Path) -> None:
    """Revoking by deleting the block alone fails the gate (revoked-unrecorded): the
    council's How to amend, and the tool's, say what its fix says, where and how."""
    fix = CATALOGUE["revoked-unrecorded"].fix
    for page in (repo / "docs" / "amend.md", ROOT / "docs" / "amend.md"):
        text = " ".join(page.read_text(encoding="utf-8").split())
        assert "`protocol/retired.toml`" in text and "protocol/retired.toml" in fix, page
        assert "`revoked = 2027-05-13`" in text and "revoked = " in fix, page


def test_the_councils_pages_give_its_own_commands_on_one_line(repo: Path) -> None:
    """The council's pages give each command as its README says to run it, through its
    dev.py (the tool is installed in .venv, so a shell has no `constitution`), each on
    one line, to be copied whole."""
    for page in sorted((repo / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        tokens = MarkdownIt().parse(text)
        commands = [t.content for t in tokens if t.type == "fence" and t.info == "sh"]
        commands += [c.content for t in tokens for c in t.children or () if c.type == "code_inline"]
        assert not [c for c in commands if c.lstrip().startswith("constitution ")], page.name
        # and each names what its dev.py runs: one of the tool's commands, or its own
        # (`python3 dev.py constitution import` ran `constitution constitution import`)
        ran = {"examples", "test", "serve", *cli_commands()}
        named = [w for c in commands for w in re.findall(r"python3 dev\.py (\S+)", c)]
        assert [w for w in named if w not in ran] == [], page.name
        # markdown-it reads a code span's line break as a space: a split one is not in the text
        assert [c for c in commands if c not in text] == [], page.name


def cli_commands() -> set[str]:
    """The tool's commands, as its parser takes them."""
    from constitution.cli import parser

    actions = parser()._subparsers._group_actions  # type: ignore[union-attr]
    return {name for action in actions for name in action.choices}


def test_it_holds_content_and_settings_not_the_tool(repo: Path) -> None:
    names = {p.relative_to(repo).as_posix() for p in repo.rglob("*") if "_build" not in p.parts}
    assert {"conf/council.toml", "conf/conf.py", "protocol/index.md", "checks/rules.yaml"} <= names
    assert {".github/workflows/amendment.yml", ".github/workflows/publish.yml"} <= names
    assert not [n for n in names if n.startswith(("src/", "tests/")) or n == "noxfile.py"]
    pinned = (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert pinned == of_running_tool()[0]  # the tool as it was installed here
    # Nothing of the model council: not its name, its prefix or its site.
    for name in names:
        path = repo / name
        if path.is_file() and not path.is_symlink():
            text = path.read_text(encoding="utf-8")
            assert "Kestrelford" not in text and "kestrelford" not in text, name
            assert "MOP-" not in text, name


def test_any_command_runs_through_the_councils_dev_py(repo: Path) -> None:
    assert council_dev(repo, "next-id").stdout.strip() == "TCC-0005"
    listed = council_dev(repo, "check", "--format", "json")
    assert listed.returncode == 0 and '"baselined": 3' in listed.stdout


RULES = """\
roles:
  member:
  officer:
acts:
  member-enquiry:
facts:
  received: date
conditions:
rules:
  - clause: TCC-0003
    act: member-enquiry
    duty: {who: officer, must: give-full-reply, by: {working-days: 10, after: received}}
    when: {received: {stated: true}}
"""
EXAMPLE = """\
- id: SC-ENQ-001
  title: An enquiry received on the Thursday before Easter
  facts: {act: member-enquiry, actor: member, received: 2026-04-02}
  expect:
    duties: [{who: officer, must: give-full-reply, by: 2026-04-20}]
    clauses: [TCC-0003]
"""


def made_by_init(where: Path) -> Path:
    """A council's repository made by init from PROTOCOL, in ``where``/repo."""
    (where / "ours.txt").write_text(PROTOCOL, encoding="utf-8")
    made = constitution(
        "init", "repo", "--from", "ours.txt", "--council", "Testshire", "--prefix", "TCC",
        cwd=where,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return where / "repo"


def test_a_worked_example_runs_before_it_is_confirmed_then_the_test_passes(
    tmp_path: Path,
) -> None:
    """The README's first steps for a new worked example: run it (`dev.py examples`,
    as the gate in `dev.py test` stops at an example not yet confirmed), confirm it, take
    its paragraph off the list, and the council's test passes."""
    repo = made_by_init(tmp_path)
    (repo / "checks" / "rules.yaml").write_text(RULES, encoding="utf-8")
    (repo / "checks" / "scenarios").mkdir()
    (repo / "checks" / "scenarios" / "enquiries.yaml").write_text(EXAMPLE, encoding="utf-8")
    gate = council_dev(repo, "test")
    assert gate.returncode == 1  # the gate: not yet confirmed
    # and it says how to confirm as the council types it, which is what is run below
    assert "then run: python3 dev.py confirm SC-ENQ-001" in gate.stdout + gate.stderr
    ran = council_dev(repo, "examples", "checks/scenarios/enquiries.yaml")
    assert ran.returncode == 0 and "1 passed" in ran.stdout, ran.stdout + ran.stderr
    wrong = EXAMPLE.replace("2026-04-20", "2026-04-17")
    (repo / "checks" / "scenarios" / "enquiries.yaml").write_text(wrong, encoding="utf-8")
    failed = council_dev(repo, "examples")
    assert failed.returncode == 1 and "expected duty not given" in failed.stdout
    (repo / "checks" / "scenarios" / "enquiries.yaml").write_text(EXAMPLE, encoding="utf-8")
    assert council_dev(repo, "confirm", "SC-ENQ-001").returncode == 0
    assert council_dev(repo, "baseline").returncode == 0
    passed = council_dev(repo, "test")
    assert passed.returncode == 0, passed.stdout[-2000:] + passed.stderr[-2000:]
    assert "1 passed" in passed.stdout


def init_titled(source: Path) -> str:
    """init from ``source``, beside it, into repo/: the title it reports taking from the
    document, and its contents page's, are the protocol's own. Returns that title."""
    made = constitution(
        "init", "repo", "--from", source.name, "--council", "Testshire County Council",
        cwd=source.parent,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    title = "Protocol on Relations between Councillors and Staff"
    assert f"The document's title, as printed in it: '{title}'" in made.stdout
    index = (source.parent / "repo" / "protocol" / "index.md").read_text(encoding="utf-8")
    assert index.startswith(f"# {title}\n")
    return title


def test_the_imported_documents_own_title_names_it(tmp_path: Path) -> None:
    """The title printed on the council's document, not the model's, names the document
    in its settings, its citations, its README and its contents page; without the
    council's name over it, and out of capitals. Given, --document wins."""
    printed = PROTOCOL.replace(
        "Protocol on Member and Officer Relations",
        "TESTSHIRE COUNTY COUNCIL\n\nPROTOCOL ON RELATIONS BETWEEN COUNCILLORS AND STAFF",
    )
    (tmp_path / "ours.txt").write_text(printed, encoding="utf-8")
    title = init_titled(tmp_path / "ours.txt")
    settings = (tmp_path / "repo" / "conf" / "council.toml").read_text(encoding="utf-8")
    assert f'document = "{title}"' in settings and f'citation = "{title}"' in settings
    readme = (tmp_path / "repo" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# Testshire County Council: {title}\n")
    report = (tmp_path / "repo" / "import-report.json").read_text(encoding="utf-8")
    assert "TESTSHIRE COUNTY COUNCIL – PROTOCOL ON RELATIONS" in report  # as printed
    given = constitution(
        "init", "given", "--from", "ours.txt", "--council", "Testshire County Council",
        "--document", "Member/Officer Protocol", "--citation", "the Protocol", cwd=tmp_path,
    )  # fmt: skip
    assert given.returncode == 0 and "as printed in it" not in given.stdout
    settings = (tmp_path / "given" / "conf" / "council.toml").read_text(encoding="utf-8")
    assert 'document = "Member/Officer Protocol"' in settings
    assert 'citation = "the Protocol"' in settings


@pytest.mark.parametrize(
    ("over", "given"),
    [("", []), ("", ["--part", "Part 5.5"]), ("TESTSHIRE COUNTY COUNCIL\n\n", [])],
)
def test_a_title_printed_with_its_part_names_the_document_without_it(
    tmp_path: Path, over: str, given: list[str]
) -> None:
    """A protocol printed as its Part of the constitution heads it ("Part 5.5 — Protocol
    on ..."): its title is the protocol's own, the Part kept apart (from the title, not
    given), so that the README, the site and the summary do not say "Part 5.5: Part 5.5 —
    Protocol ...", nor "(Part 5 of its constitution)" from no Part at all."""
    printed = PROTOCOL.replace(
        "Protocol on Member and Officer Relations",
        f"{over}Part 5.5 \u2014 Protocol on Relations between Councillors and Staff",
    )
    (tmp_path / "ours.txt").write_text(printed, encoding="utf-8")
    made = constitution(
        "init", "repo", "--from", "ours.txt", "--council", "Testshire County Council", *given,
        cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    title = "Protocol on Relations between Councillors and Staff"
    settings = (tmp_path / "repo" / "conf" / "council.toml").read_text(encoding="utf-8")
    assert f'document = "{title}"' in settings and 'part = "Part 5.5"' in settings
    readme = (tmp_path / "repo" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# Testshire County Council: {title}\n")


def test_a_word_files_subtitle_under_the_councils_name_names_the_document(
    tmp_path: Path,
) -> None:
    """A Word file with the council's name in Word's Title style and the protocol's own
    in its Subtitle style, as council templates set them: the subtitle names the
    document, not the model's title, and is not left as the introduction's words, which
    follow it."""
    word = docx.Document()
    word.add_paragraph("Testshire County Council", style="Title")
    word.add_paragraph("Protocol on Relations between Councillors and Staff", style="Subtitle")
    word.add_paragraph("This protocol is Part 5.2 of the Constitution.")
    for line in PROTOCOL.splitlines()[1:]:
        if line:
            word.add_paragraph(line)
    word.save(str(tmp_path / "ours.docx"))
    title = init_titled(tmp_path / "ours.docx")
    index = (tmp_path / "repo" / "protocol" / "index.md").read_text(encoding="utf-8")
    assert index.count(title) == 1


def test_the_guesses_to_review_cite_each_paragraph_as_the_site_numbers_it(
    tmp_path: Path,
) -> None:
    """A number printed twice: the second paragraph is published as inserted after the
    first (2.1A), and the list of guessed modalities to review cites it so, as the site
    and the gate do, not by the number it shares."""
    printed = PROTOCOL.replace("2.2 A member may ask", "2.1 A member may ask")
    (tmp_path / "ours.txt").write_text(printed, encoding="utf-8")
    made = constitution(
        "init", "repo", "--from", "ours.txt", "--council", "T", "--prefix", "TCC", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    guesses = re.findall(r"^  TCC-\d{4} \(([^)]*)\): ", made.stdout, re.M)
    assert sorted(guesses) == ["1.1", "1.2", "2.1", "2.1A"]


def test_a_pull_request_runs_the_councils_amendment_workflow_as_github_does(
    tmp_path: Path,
) -> None:
    """The council's own pull-request workflow, each `run:` step as GitHub runs it, on an
    amendment made as How to amend says: a paragraph reworded, one inserted between two,
    one revoked (its ID in protocol/retired.toml, taken off checks/uncovered.toml, and, no
    version being adopted yet, its printed number kept in its section's front matter). The
    gate passes, and the summary lists the three changes with the numbers the council
    prints, the inserted paragraph lettered (1.1A), none renumbered."""
    repo = made_by_init(tmp_path)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    git += ["-c", "commit.gpgsign=false"]
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "Ours"]):
        subprocess.run([*git, *command], cwd=repo, check=True, capture_output=True)
    subprocess.run([*git, "clone", "-q", "--bare", "repo", "origin.git"], cwd=tmp_path, check=True)
    for command in (["remote", "add", "origin", "../origin.git"], ["fetch", "-q", "origin"],
                    ["checkout", "-q", "-b", "amendment"]):  # fmt: skip
        subprocess.run([*git, *command], cwd=repo, check=True, capture_output=True)
    intro = repo / "protocol" / "introduction.md"
    words = intro.read_text(encoding="utf-8")
    inserted = "```{clause} TCC-0005\n:modality: informative\n\nA paragraph inserted.\n```\n\n"
    words = words.replace("with respect at all times", "with courtesy at all times")
    intro.write_text(words.replace("```{clause} TCC-0002", inserted + "```{clause} TCC-0002"))
    enquiries = repo / "protocol" / "member-enquiries.md"
    words = enquiries.read_text(encoding="utf-8")
    start = words.index("```{clause} TCC-0004")
    # revoked before any version is adopted: its printed number kept in its place, as the
    # gate says (revoked-number-unkept)
    kept = '---\nrevoked 2.2: "Revoked by Council: minute 7, 13 May 2027"\n---\n'
    enquiries.write_text(kept + words[:start] + words[words.index("```", start + 3) + 4 :])
    (repo / "protocol" / "retired.toml").write_text("[TCC-0004]\nrevoked = 2027-05-13\n")
    assert council_dev(repo, "baseline").returncode == 0
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "An amendment"], cwd=repo, check=True)
    own_dev = f"export CONSTITUTION_PYTHON={shlex.quote(sys.executable)}\n"
    job = run_job(repo, "amendment.yml", "checks", own_dev)
    for step, result in job.steps.items():
        assert result.status == 0, f"{step}:\n{result.output[-3000:]}"
    assert len(job.steps) == 3  # the gate, the summary and the council's test
    assert "| TCC-0002 | 1.2 | 1.2 | reworded |" in job.summary
    assert "| TCC-0005 | - | 1.1A | inserted |" in job.summary
    assert "| TCC-0004 | 2.2 | - | revoked |" in job.summary
    assert "renumbered" not in job.summary


def test_the_publish_workflow_puts_a_version_in_force_on_its_day(tmp_path: Path) -> None:
    """Council adopts a version to come into force on a later day, and the adoption is
    the last commit: the publish workflow's build (run daily) shows that version at the
    plain addresses from its day, though nothing was committed since."""
    made = constitution("init", "repo", "--council", "Testshire", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    repo = tmp_path / "repo"
    today = dt.datetime.now(dt.UTC).date()
    adopted, in_force = today - dt.timedelta(days=9), today - dt.timedelta(days=2)
    adopt = council_dev(
        repo, "adopt", "--date", adopted.isoformat(), "--in-force", in_force.isoformat(),
        "--resolution", "Council, minute 3",
    )  # fmt: skip
    assert adopt.returncode == 0, adopt.stderr
    when = f"{adopted}T12:00:00Z"
    committed = {"GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
    settings = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    settings += ["-c", "commit.gpgsign=false"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "Adopted"]):
        subprocess.run(["git", *settings, *args], cwd=repo, check=True, env=os.environ | committed)
    spec = yaml.safe_load((repo / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    (step,) = (s for s in spec["jobs"]["build"]["steps"] if s.get("name") == "Build the site")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}  # the tests' date
    env["CONSTITUTION_PYTHON"] = sys.executable
    built = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]], cwd=repo, env=env, capture_output=True
    )
    assert built.returncode == 0, built.stderr[-2000:]
    page = (repo / "_build/site/protocol/purpose.html").read_text(encoding="utf-8")
    assert "<strong>The version in force</strong>, adopted on" in page
    assert "Draft, not adopted" not in page
    assert "schedule" in spec[True]  # daily (YAML 1.1 reads the key 'on' as true)


def test_without_a_protocol_it_starts_one(tmp_path: Path) -> None:
    made = constitution("init", "repo", "--council", "Testshire County Council", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert council_dev(tmp_path / "repo", "check").returncode == 0


def test_it_writes_nothing_into_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "notes.txt").write_text("mine", encoding="utf-8")
    refused = constitution("init", "repo", "--council", "Testshire", cwd=tmp_path)
    assert refused.returncode == 2 and "init-not-empty" in refused.stderr  # used wrongly
    assert [p.name for p in (tmp_path / "repo").iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_readme_s_council_route_runs_as_written(tmp_path: Path) -> None:
    """The README's block for a council's own repository, as a newcomer runs it from a
    folder holding a Word protocol: the tool cloned (from this checkout's commit: there is
    no network), `init`, then the council's `dev.py test`, which makes .venv and installs
    the tool as `init` pinned it (the clone's folder here). Only `serve` is left out."""
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### A council's own repository.*?```sh\n(.*?)```", readme, re.S)
    assert block is not None
    script = block[1].replace("https://github.com/OWNER/council-constitution", str(root))
    script = "\n".join(line for line in script.splitlines() if "dev.py serve" not in line)
    word = docx.Document()
    for line in PROTOCOL.splitlines():
        if line:
            word.add_paragraph(line)
    word.save(str(tmp_path / "protocol.docx"))
    env = {**os.environ, "PIP_CONSTRAINT": str(root / "constraints.txt")}  # pinned as ours
    env.pop("CONSTITUTION_PYTHON", None)
    result = subprocess.run(
        ["bash", "-euc", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert (
        "requirements.txt installs the tool as: council-constitution[serve] @ file://"
        in result.stdout
    )
    assert "which the council's CI cannot reach" in result.stdout  # a clone of a local folder
    assert "installing the constitution tool into .venv" in result.stderr
    ours = tmp_path / "ours"
    assert (ours / ".venv" / "installed-requirements.txt").is_file()
    assert "Testshire County Council" in (ours / "_build" / "site" / "index.html").read_text()


@pytest.mark.parametrize(
    ("direct_url", "origin", "pinned"),
    [
        (None, None, "council-constitution[serve]==1.2.0"),  # from a package index
        (
            {"url": "https://github.com/o/cc", "vcs_info": {"vcs": "git", "commit_id": "abc"}},
            None,
            "council-constitution[serve] @ git+https://github.com/o/cc@abc",
        ),
        (  # a clone of the tool's repository, installed from its folder
            {"url": "file:///src/tool", "dir_info": {"editable": True}},
            "https://github.com/o/cc.git",
            "council-constitution[serve] @ git+https://github.com/o/cc.git@def",
        ),
        (
            {"url": "file:///src/tool", "dir_info": {}},
            "git@github.com:o/cc.git",
            "council-constitution[serve] @ git+ssh://git@github.com/o/cc.git@def",
        ),
    ],
)
def test_init_pins_the_tool_where_it_was_installed_from(
    direct_url: dict[str, object] | None, origin: str | None, pinned: str
) -> None:
    assert requirement("1.2.0", direct_url, origin, "def") == (pinned, None)


@pytest.mark.parametrize("origin", [None, "/home/me/tool", "file:///home/me/tool"])
def test_a_pin_to_a_folder_on_this_machine_is_said_to_be_one(origin: str | None) -> None:
    pinned, warning = requirement("1.2.0", {"url": "file:///src/my%20tool"}, origin, "def")
    assert pinned == "council-constitution[serve] @ file:///src/my%20tool"
    assert warning is not None and "/src/my tool" in warning and "--tool" in warning


def test_init_from_a_file_says_what_import_says_of_it(tmp_path: Path) -> None:
    (tmp_path / "ours.txt").write_text(PROTOCOL.replace("2.2 A", "2.4 A"), encoding="utf-8")
    made = constitution("init", "repo", "--from", "ours.txt", "--council", "T", cwd=tmp_path)
    imported = constitution("import", "ours.txt", "--out", "alone", cwd=tmp_path)
    assert made.returncode == 0 == imported.returncode, made.stderr + imported.stderr
    report = imported.stdout.strip()
    assert "2.4" in report and report in made.stdout  # the skipped number, as import says it
    assert "requirements.txt installs the tool as: council-constitution" in made.stdout


def test_a_tool_that_will_not_install_is_explained_not_a_traceback(tmp_path: Path) -> None:
    made = constitution(
        "init", "repo", "--council", "T", "--tool", "council-constitution==999.0", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(tmp_path)}
    env.pop("CONSTITUTION_PYTHON", None)
    result = subprocess.run(
        ["python3", "dev.py", "test"],
        cwd=tmp_path / "repo",
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "pip could not install the tool as requirements.txt pins it" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "repo" / ".venv" / "installed-requirements.txt").exists()


CODE = """\
Members' Code of Conduct

General obligations

1. You must treat other councillors, officers and the public with respect.

2. You must not bully or harass any person.

3. You must have regard to the Protocol on Member and Officer Relations.
"""


def with_code_of_conduct(repo: Path, tmp_path: Path) -> Path:
    """A copy of the council's repository with a Code of Conduct brought in as its README
    says: its entry in conf/council.toml and its import, through the council's dev.py."""
    ours = tmp_path / "repo"
    shutil.copytree(repo, ours)
    readme = MarkdownIt().parse((ours / "README.md").read_text(encoding="utf-8"))
    blocks = {t.info: t.content for t in readme if t.type == "fence" and t.info in ("toml", "sh")}
    with (ours / "conf" / "council.toml").open("a", encoding="utf-8") as settings:
        settings.write("\n" + blocks["toml"])
    (tmp_path / "code.txt").write_text(CODE, encoding="utf-8")
    command = shlex.split(blocks["sh"].replace("code-of-conduct.docx", str(tmp_path / "code.txt")))
    assert command[:2] == ["python3", "dev.py"]
    made = council_dev(ours, *command[2:])
    assert made.returncode == 0, made.stderr
    return ours


def test_the_readme_brings_in_another_document_as_it_says(repo: Path, tmp_path: Path) -> None:
    """Done as the council's README says, bringing in another document of its
    constitution passes the gate with the document in. It said nothing of it."""
    ours = with_code_of_conduct(repo, tmp_path)
    assert (ours / "documents" / "code-of-conduct" / "index.md").is_file()
    checked = council_dev(ours, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert council_dev(ours, "next-id", "--document", "code-of-conduct").stdout.strip() == (
        "COC-0004"
    )


def test_another_documents_pages_never_call_it_the_protocol(repo: Path, tmp_path: Path) -> None:
    """A reader of the Code of Conduct's pages is told how to read the constitution, not
    "this protocol"; and the pages the whole constitution shares (the missing page, the
    ways in) speak of the constitution in force, not of the protocol's alone."""
    ours = with_code_of_conduct(repo, tmp_path)
    assert council_dev(ours, "build").returncode == 0
    site = ours / "_build" / "site"

    def words(page: Path, part: str = "body") -> str:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one(part)
        return " ".join(soup.get_text().split()) if soup else ""

    for page in [*sorted((site / "code-of-conduct").rglob("*.html")), site / "constitution.html"]:
        assert "this protocol" not in words(page).lower(), page.relative_to(site)
    for shared in ("404.html", "ways-in/index.html"):
        assert "protocol in force" not in words(site / shared, "article").lower(), shared


def loaded_dev(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ran: list[list[str]]
) -> types.ModuleType:
    """The council template's dev.py, run in ``tmp_path`` with pip's runs recorded in
    ``ran`` (and git's run as they are)."""
    import importlib.util

    template = ROOT / "src" / "constitution" / "council_template" / "dev.py"
    spec = importlib.util.spec_from_file_location("council_dev", template)
    assert spec and spec.loader
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    monkeypatch.setattr(dev, "ROOT", tmp_path)
    monkeypatch.setattr(dev, "VENV", tmp_path / ".venv")
    monkeypatch.delenv("CONSTITUTION_PYTHON", raising=False)
    monkeypatch.setattr(dev.venv, "create", lambda path, **kwargs: path.mkdir(exist_ok=True))
    real = subprocess.run

    def run(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
        if args[0] == "git":
            return real(args, **kw)  # type: ignore[call-overload, no-any-return]
        ran.append(args)
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(dev.subprocess, "run", run)
    return dev


def test_a_raised_pin_installs_the_tool_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A council moving to a newer commit of the tool raises its pin, and its dev.py
    installs what the pin names: pip alone keeps an installed tool of the same version
    (every commit is 0.1.0), so a council's raised pin ran the old tool, unsaid
    (council8). The tool itself is installed afresh, then whatever it now needs."""
    ran: list[list[str]] = []
    dev = loaded_dev(tmp_path, monkeypatch, ran)
    old = "council-constitution @ git+https://example.org/tool@1111111\n"
    (tmp_path / "requirements.txt").write_text(old, encoding="utf-8")
    dev.python()
    (tmp_path / "requirements.txt").write_text(old.replace("1111111", "2222222"), encoding="utf-8")
    ran.clear()
    dev.python()
    installs = [args[args.index("install") :] for args in ran]
    assert [a for a in installs if "--force-reinstall" in a and "--no-deps" in a], installs
    assert "--force-reinstall" not in installs[-1], "then what the new tool needs"
    ran.clear()
    dev.python()
    assert ran == [], "installed once: the next run installs nothing"


def test_a_pin_to_a_folder_installs_it_again_once_it_moves_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tool pinned to a folder on this machine (as init pins a clone with no remote)
    is installed again when that folder's checkout moves to another commit: the pin's
    words stay the same, and dev.py went on running the tool as first installed
    (council9). A git repository pinned at a commit on this machine (git+file://) is
    installed with a pip that reads it: Python 3.11's own refused it as an invalid URL."""
    tool = tmp_path / "tool"
    tool.mkdir()
    git = ["git", "-C", str(tool), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "one"], check=True)
    repo = tmp_path / "repo"
    repo.mkdir()
    ran: list[list[str]] = []
    dev = loaded_dev(repo, monkeypatch, ran)
    pin = f"council-constitution[serve] @ {tool.as_uri()}\n"
    (repo / "requirements.txt").write_text(f"# pinned\n{pin}", encoding="utf-8")
    dev.python()
    assert ran and ran[0][ran[0].index("install") :][-1] == "pip>=24.1", ran
    ran.clear()
    dev.python()
    assert ran == [], "the folder as installed: nothing to do"
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "two"], check=True)
    dev.python()
    assert [a for a in ran if "--force-reinstall" in a], "the folder moved on: installed again"


def test_the_pinned_tool_brings_what_serve_needs(repo: Path) -> None:
    """The council's README's first command is `python3 dev.py serve`: the tool pinned
    without its serve extra left .venv without uvicorn, and serve stopped on a traceback
    (council8). Every line init writes names the extra."""
    from packaging.requirements import Requirement

    lines = (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = [Requirement(line) for line in lines if line and not line.startswith("#")]
    assert [r.extras for r in pinned] == [{"serve"}]
    assert requirement("1.2.0", None, None, None)[0] == "council-constitution[serve]==1.2.0"
