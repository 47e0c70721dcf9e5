"""`constitution check`, black-box: each problem kind from a broken copy of the protocol."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from constitution.check import Report, as_text
from constitution.project import Project


def check(project: Project, fmt: str = "json") -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "check", "--format", fmt],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


RETIRE = "[MOP-0300]\nrevoked = 2026-05-14\n"


def retire(project: Project) -> None:
    (project.protocol / "retired.toml").write_text(RETIRE, encoding="utf-8")


# (case, setup, code, file, line, clause, words of the fix)
CASES = [
    (
        "duplicate id",
        lambda p: replace(p.protocol / "principles.md", "MOP-0029", "MOP-0028"),
        "clause-duplicate-id",
        "protocol/principles.md",
        12,
        "MOP-0028",
        "next unused ID",
    ),
    (
        "malformed id",
        lambda p: replace(p.protocol / "principles.md", "MOP-0029", "MOP-29"),
        "clause-id-malformed",
        "protocol/principles.md",
        12,
        "MOP-29",
        "four digits",
    ),
    (
        "reused id",
        lambda p: (retire(p), replace(p.protocol / "review.md", "MOP-0207", "MOP-0300")),
        "id-reused",
        "protocol/review.md",
        29,
        "MOP-0300",
        "next unused ID",
    ),
    (
        "unknown reference",
        lambda p: replace(
            p.protocol / "principles.md", "courtesy and respect,", "courtesy ({para}`MOP-0999`),"
        ),
        "unknown-clause-ref",
        "protocol/principles.md",
        17,
        "MOP-0029",
        "Correct the ID",
    ),
    (
        "revoked reference",
        lambda p: (
            retire(p),
            replace(
                p.protocol / "principles.md",
                "courtesy and respect,",
                "courtesy ({para}`MOP-0300`),",
            ),
        ),
        "cites-revoked",
        "protocol/principles.md",
        17,
        "MOP-0029",
        "now covers",
    ),
    (
        "unknown role",
        lambda p: replace(
            p.protocol / "review.md", ":applies-to: member, officer", ":applies-to: alderman"
        ),
        "unknown-role",
        "protocol/review.md",
        31,
        "MOP-0207",
        "[roles]",
    ),
    (
        "unknown statute",
        lambda p: replace(
            p.protocol / "review.md", ":statutes: localism2011-s27", ":statutes: magna-carta"
        ),
        "unknown-statute",
        "protocol/review.md",
        6,
        "MOP-0204",
        "[statutes]",
    ),
    (
        "unknown scenario field",
        lambda p: replace(
            p.root / "checks" / "scenarios" / "concerns.yaml",
            "- id: SC-REV-003",
            "- id: SC-REV-003\n  x: 1",
        ),
        "scenario-field",
        "checks/scenarios/concerns.yaml",
        116,
        "",
        "Use only",
    ),
    (
        "scenario cites unknown clause",
        lambda p: replace(
            p.root / "checks" / "scenarios" / "concerns.yaml", "[MOP-0207]", "[MOP-0999]"
        ),
        "scenario-unknown-clause",
        "checks/scenarios/concerns.yaml",
        120,
        "MOP-0999",
        "Cite the ID",
    ),
    (
        "scenario cites revoked clause",
        lambda p: (
            retire(p),
            replace(p.root / "checks" / "scenarios" / "concerns.yaml", "[MOP-0207]", "[MOP-0300]"),
        ),
        "scenario-cites-revoked",
        "checks/scenarios/concerns.yaml",
        120,
        "MOP-0300",
        "retire",
    ),
    (
        "suspect link",
        lambda p: replace(
            p.protocol / "review.md", "propose an amendment", "put forward an amendment"
        ),
        "suspect",
        "checks/scenarios/concerns.yaml",
        115,
        "MOP-0207",
        "constitution confirm SC-REV-003",
    ),
]


@pytest.mark.parametrize(
    ("case", "setup", "code", "file", "line", "clause", "fix"), CASES, ids=[c[0] for c in CASES]
)
def test_each_problem_kind(
    scratch: Project,
    case: str,
    setup: object,
    code: str,
    file: str,
    line: int,
    clause: str,
    fix: str,
) -> None:
    setup(scratch)  # type: ignore[operator]
    status, out = check(scratch)
    report = json.loads(out)
    assert status == 1 and report["ok"] is False
    found = [p for p in report["problems"] if p["code"] == code]
    assert found, report["problems"]
    assert (found[0]["file"], found[0]["line"], found[0]["clause"]) == (file, line, clause)
    assert fix in found[0]["fix"]


def test_uncovered_normative_clause(scratch: Project) -> None:
    # The three examples citing 25.4 (MOP-0207) are taken out: SC-REV-003, the last of its
    # file, and SC-TEN-010 and SC-RLF-005, each cut from its file up to the next example.
    path = scratch.root / "checks" / "scenarios" / "concerns.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("- id: SC-REV-003")], encoding="utf-8")
    path = scratch.root / "checks" / "scenarios" / "trial10.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("- id: SC-TEN-010"), text.index("- id: SC-TEN-011")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    path = scratch.root / "checks" / "scenarios" / "trial17.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("- id: SC-RLF-005"), text.index("- id: SC-RLF-006")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    status, out = check(scratch)
    (problem,) = json.loads(out)["problems"]
    assert status == 1
    # checks/confirmed.json recorded all three for it: the deletion is named, not a new paragraph
    assert problem["code"] == "uncovered-example-removed" and problem["clause"] == "MOP-0207"
    assert "SC-REV-003, SC-RLF-005, SC-TEN-010" in problem["message"]
    assert (problem["file"], problem["line"]) == ("protocol/review.md", 29)
    assert "informative" in problem["fix"]


def test_suspect_then_confirmed(scratch: Project) -> None:
    replace(scratch.protocol / "review.md", "propose an amendment", "put forward an amendment")
    assert json.loads(check(scratch)[1])["suspect"] == ["SC-REV-003", "SC-RLF-005", "SC-TEN-010"]
    confirm = subprocess.run(
        [sys.executable, "-m", "constitution", "confirm", "SC-REV-003", "SC-RLF-005", "SC-TEN-010"],
        cwd=scratch.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert confirm.returncode == 0
    assert check(scratch) == (0, check(scratch)[1])
    assert json.loads(check(scratch)[1])["ok"] is True


def test_whole_protocol_passes_with_exact_json(project: Project) -> None:
    status, out = check(project)
    assert status == 0
    assert json.loads(out) == {
        "ok": True,
        "clauses": 208,
        "normative": 158,
        "covered": 158,
        "baselined": 0,
        "scenarios": 519,
        "suspect": [],
        "suspect_references": [],
        "documents": [],
        "stopped": None,
        "problems": [],
    }


def test_a_new_councils_summary_counts_one_as_one() -> None:
    first = Report(clauses=1, normative=1, covered=1, scenarios=1, others=[("Articles", 1)])
    assert as_text(first).splitlines()[0] == (
        "1 clause (1 normative); 1 covered by 1 scenario; 0 suspect. "
        "Also checked: Articles, 1 paragraph."
    )


def test_github_annotations(scratch: Project) -> None:
    replace(scratch.protocol / "principles.md", "MOP-0029", "MOP-0028")
    status, out = check(scratch, "github")
    assert status == 1
    assert out.splitlines()[0] == (
        "::error file=protocol/principles.md,line=12,title=clause-duplicate-id MOP-0028::"
        "MOP-0028 is already used at protocol/principles.md:3. How to fix: Give this clause "
        "the next unused ID (constitution next-id prints it); never reuse an ID."
    )


def test_unreadable_input_exits_2(scratch: Project) -> None:
    (scratch.protocol / "review.md").write_bytes(b"# Review\n\xff\n")
    status, out = check(scratch)
    assert status == 2
    assert json.loads(out)["problems"][0]["code"] == "not-utf8"


CONFLICT = "<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> origin/main\n"


def conflict_found(project: Project) -> tuple[str, int, str]:
    """The gate's one problem (it stops there, exit 2): where, and how to fix it."""
    status, out = check(project)
    [problem] = json.loads(out)["problems"]
    assert (status, problem["code"]) == (2, "merge-conflict")
    return problem["file"], problem["line"], problem["fix"]


def test_a_merge_conflict_left_in_a_section_is_said_so(scratch: Project) -> None:
    """Two pull requests rewording one paragraph, the second merged over the first with
    git's markers left in: the gate says so at the first marker, with how to join them,
    not that the clause holds a heading (its '=======' line) as it did."""
    section = scratch.protocol / "purpose-and-status.md"
    lines = section.read_text(encoding="utf-8").splitlines(keepends=True)
    words = lines[6].rstrip("\n")
    both = CONFLICT.format(ours=words.replace("Good", "Sound"), theirs=words + " Always.")
    section.write_text("".join([*lines[:6], both, *lines[7:]]), encoding="utf-8")
    shown, line, fix = conflict_found(scratch)
    assert (shown, line) == ("protocol/purpose-and-status.md", 7)
    assert "delete the three marker lines" in fix


def test_a_merge_conflict_left_in_the_confirmed_digests_is_said_so(scratch: Project) -> None:
    """checks/confirmed.json merged with both sides' digests: not 'not valid JSON' and
    'confirm' with no example named (which confirm refuses), but the conflict, and how
    to go on: keep either side, and the gate names the examples to confirm again."""
    lock = scratch.root / "checks" / "confirmed.json"
    text = lock.read_text(encoding="utf-8")
    first = text.splitlines()[2]
    lock.write_text(
        text.replace(first + "\n", CONFLICT.format(ours=first, theirs=first), 1), encoding="utf-8"
    )
    shown, line, fix = conflict_found(scratch)
    assert (shown, line) == ("checks/confirmed.json", 3)
    assert "names each worked example or reference to confirm again" in fix


def test_confirm_refuses_unknown_scenarios(scratch: Project) -> None:
    before = (scratch.root / "checks" / "confirmed.json").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "confirm", "SC-NOPE-001"],
        cwd=scratch.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "no scenario SC-NOPE-001" in result.stderr
    assert (scratch.root / "checks" / "confirmed.json").read_bytes() == before


def test_confirm_names_an_example_the_council_has(scratch: Project) -> None:
    """The fix names a worked example of this project's own: a council's repository was
    told 'such as SC-ENQ-001', the model's, which it did not have."""
    scenarios = scratch.root / "checks" / "scenarios"
    for path in scenarios.glob("*.yaml"):
        if path.name != "conduct.yaml":
            path.unlink()
    first = yaml.safe_load((scenarios / "conduct.yaml").read_text(encoding="utf-8"))[0]["id"]
    asked = [sys.executable, "-m", "constitution", "confirm", "SC-ENQ-001"]
    result = subprocess.run(asked, cwd=scratch.root, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert f"Use IDs from checks/scenarios/ (such as {first}), or --all." in result.stderr
    (scenarios / "conduct.yaml").unlink()
    result = subprocess.run(asked, cwd=scratch.root, capture_output=True, text=True, check=False)
    assert "Use IDs from checks/scenarios/ (it holds none yet), or --all." in result.stderr


def test_removed_clause_must_be_retired(scratch: Project) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=scratch.root,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "base")
    path = scratch.protocol / "review.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("```{clause} MOP-0205"), text.index("```{clause} MOP-0206")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    run = [sys.executable, "-m", "constitution", "check", "--format", "json", "--base", "HEAD"]
    out = subprocess.run(run, cwd=scratch.root, capture_output=True, text=True)
    problems = json.loads(out.stdout)["problems"]
    assert out.returncode == 1
    assert [(p["code"], p["clause"]) for p in problems] == [("revoked-unrecorded", "MOP-0205")]
    retire(scratch)
    (scratch.protocol / "retired.toml").write_text("[MOP-0205]\nrevoked = 2026-05-14\n")
    out = subprocess.run(run, cwd=scratch.root, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


def test_a_printed_number_revoked_before_the_first_adoption_must_be_kept(tmp_path: Path) -> None:
    """A council revokes an imported paragraph before adopting any version: no adoption
    record holds its number, so the pull request is told to keep it in its section's front
    matter, lest the printed number old minutes cite be read as no paragraph's, or be
    given to another (an imported revision printing it for other words) (trial cite19).
    Kept there, the draft shows the number revoked in its place, and a paragraph inserted
    after it is 3.2A (without it, 3.1A)."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "3. SUPPORT\n\n3.1 The Council may provide support services to councillors.\n\n"
        "3.2 A councillor may use Council offices for ward surgeries.\n",
        encoding="utf-8",
    )
    root = tmp_path / "council"
    said = [sys.executable, "-m", "constitution"]
    made = [
        *said,
        "init",
        str(root),
        "--council",
        "Testham",
        "--prefix",
        "TST",
        "--from",
        str(source),
    ]
    subprocess.run(made, check=True, capture_output=True)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *command], cwd=root, check=True
        )
    section = root / "protocol" / "support.md"
    text = section.read_text(encoding="utf-8")
    start = text.index("```{clause} TST-0002")
    new = (
        "```{clause} TST-0003\n:modality: informative\n\nWard surgeries are held elsewhere.\n```\n"
    )
    section.write_text(text[:start] + new, encoding="utf-8")
    (root / "protocol" / "retired.toml").write_text(
        "[TST-0002]\nrevoked = 2025-01-22\n", encoding="utf-8"
    )
    subprocess.run([*said, "baseline"], cwd=root, check=True, capture_output=True)
    check = [*said, "check", "--format", "json", "--base", "HEAD"]
    out = subprocess.run(check, cwd=root, capture_output=True, text=True)
    problems = json.loads(out.stdout)["problems"]
    assert out.returncode == 1
    assert [(p["code"], p["clause"], p["file"]) for p in problems] == [
        ("revoked-number-unkept", "TST-0002", "protocol/support.md")
    ]
    assert "revoked 3.2:" in problems[0]["fix"]
    section.write_text(
        '---\nrevoked 3.2: "Revoked by Council: minute 8"\n---\n'
        + section.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    out = subprocess.run(check, cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    found = subprocess.run(
        [*said, "paragraph", "3.2", "--version", "draft"], cwd=root, capture_output=True, text=True
    )
    assert "revoked" in found.stdout
    found = subprocess.run(
        [*said, "paragraph", "TST-0003", "--version", "draft"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert "paragraph 3.2A" in found.stdout, found.stdout


def test_an_adopted_record_edited_in_a_pull_request_is_one_problem(versioned: Project) -> None:
    """An editor changes an adopted record's words by mistake: said once (rewritten since
    the base, or without a base its digest wrong), not again as a break in the chain after
    it; and the summary does not count the draft it could not read as empty."""
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(["git", *command], cwd=versioned.root, check=True, capture_output=True)
    replace(versioned.versions_dir / "2025-05-15.json", "within ten", "within twenty")
    said = [sys.executable, "-m", "constitution", "check", "--format", "json"]
    for extra, code in (["--base", "HEAD"], "version-rewritten"), ([], "version-tampered"):
        out = subprocess.run([*said, *extra], cwd=versioned.root, capture_output=True, text=True)
        report = json.loads(out.stdout)
        assert [(p["code"], p["file"]) for p in report["problems"]] == [
            (code, "versions/2025-05-15.json")
        ]
        assert (out.returncode, report["stopped"]) == (1, "the draft")
    status, text = check(versioned, "text")
    assert status == 1
    assert "Checked no further: the draft could not be read past these problems." in text
    assert "0 clauses" not in text


def test_a_settings_problem_is_annotated_on_its_file(scratch: Project) -> None:
    """GitHub annotates a file by its path in the repository: conf/council.toml."""
    replace(scratch.conf / "council.toml", 'id_prefix = "MOP"\n', "")
    status, out = check(scratch, "github")
    assert status == 1
    assert out.startswith("::error file=conf/council.toml,title=council-setting")


def test_unreadable_settings_are_reported_once(scratch: Project) -> None:
    replace(scratch.conf / "council.toml", "[council]\n", "[council\n")
    status, out = check(scratch)
    assert status == 2
    assert [p["code"] for p in json.loads(out)["problems"]] == ["council-syntax"]


# Modules the gate never needs on a protocol whose clauses have plain options and plain
# words: the Markdown parser and MyST (for a clause with other mark-up), docutils (for
# MyST's own option parser, a clause's fallback, and the site) and the web, e-mail and
# highlighting modules they pull in, and the site's own machinery; and what only a
# problem's hint (difflib) or a git command (subprocess: --base, adopt) needs.
NOT_FOR_THE_GATE = (
    "markdown_it",
    "mdit_py_plugins",
    "myst_parser",
    "docutils",
    "constitution.clause_syntax",
    "urllib.request",
    "http.client",
    "email",
    "pygments",
    "sphinx",
    "constitution.sphinxext",
    "difflib",
    "subprocess",
)


def gate_imports(root: Path) -> tuple[set[str], set[str]]:
    """What one run of the gate as a command imports, read from Python's own import log
    (-X importtime), and of that what the holidays package imports for itself."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "constitution", "check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [
        line.rsplit("|", 1)[1]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ][1:]  # after the log's own heading
    imported = {row.strip() for row in rows}
    # A module's own imports are logged before it, indented deeper.
    by_holidays: set[str] = set()
    for i, row in enumerate(rows):
        if row.strip() == "holidays":
            depth = len(row) - len(row.lstrip())
            j = i - 1
            while j >= 0 and len(rows[j]) - len(rows[j].lstrip()) > depth:
                by_holidays.add(rows[j].strip())
                j -= 1
    return imported, by_holidays


def test_the_gate_command_imports_only_what_it_needs(versioned: Project) -> None:
    """Every run of the gate as a command pays for its imports: it imports none of the
    modules above, nor the Markdown parser, which the model's clauses, all words, roles and
    strong words, do not need (text_direct.py). Run first in a clone (no store yet), it
    works out the worked examples' dates, so it imports the bank holidays' package, and
    that package imports e-mail's modules to read its own version (holidays/version.py):
    those alone are allowed. Once its store is written (by the second run in a clone:
    test_check_cache.py), it imports not even that."""

    def unneeded(modules: set[str]) -> list[str]:
        return sorted(
            m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_FOR_THE_GATE)
        )

    first, by_holidays = gate_imports(versioned.root)
    assert {"yaml", "constitution.source", "constitution.check", "holidays"} <= first
    assert unneeded(first - by_holidays) == []
    gate_imports(versioned.root)
    again, _ = gate_imports(versioned.root)
    assert "holidays" not in again
    assert unneeded(again) == []
