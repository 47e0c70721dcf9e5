"""The bad inputs: each gives a clear message, the exit status its problems' codes
give, and changes nothing. docs/bad-inputs.md lists every case with the message it gives
(tested on the model's copy, tests/roots/model/docs/bad-inputs.md): a case whose row
there is out of date fails, and prints the row to write."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter

from conftest import MODEL
from constitution.codes import CATALOGUE, code_cell
from constitution.project import Project
from constitution.versions import canonical

DOCS = MODEL / "docs" / "bad-inputs.md"
Setup = Callable[[Path], object]


@dataclass(frozen=True)
class Case:
    name: str
    setup: Setup
    command: tuple[str, ...]
    status: int
    says: str  # the problem's code, or words of the message
    where: str = ""  # "file:line" (or file) the message points at


def edit(name: str, old: str, new: str) -> Setup:
    def run(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"setup: {old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return run


def put(name: str, data: str | bytes) -> Setup:
    def run(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())

    return run


def word(name: str, unzipped: int = 0, parts: int = 0) -> Setup:
    """A Word file whose document.xml unzips to ``unzipped`` bytes of spaces (a zip bomb:
    25 MB pack into 25 KB), beside ``parts`` empty parts."""

    def run(root: Path) -> None:
        with zipfile.ZipFile(root / name, "w", zipfile.ZIP_DEFLATED) as docx:
            with docx.open("word/document.xml", "w") as xml:
                xml.write(f'<w:document xmlns:w="{WORD}">'.encode())
                for _ in range(unzipped // 1_000_000):
                    xml.write(b" " * 1_000_000)
                xml.write(b"</w:document>")
            for n in range(parts):
                docx.writestr(f"customXml/item{n}.xml", "")

    return run


def chunked(name: str) -> Setup:
    """A Word file with a part brought in from another file (w:altChunk) after its first
    paragraph: words Word shows, which the document itself does not hold."""

    def run(root: Path) -> None:
        with zipfile.ZipFile(root / name, "w", zipfile.ZIP_DEFLATED) as docx:
            docx.writestr(
                "word/document.xml",
                f'<w:document xmlns:w="{WORD}" xmlns:r="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships"><w:body><w:p><w:r><w:t>1.1 Members and '
                'officers work together.</w:t></w:r></w:p><w:altChunk r:id="rId9"/></w:body>'
                "</w:document>",
            )

    return run


def pdf(name: str, pages: int) -> Setup:
    def run(root: Path) -> None:
        writer = PdfWriter()
        for _ in range(pages):
            writer.add_blank_page(width=595, height=842)
        writer.write(root / name)

    return run


def both(*steps: Setup) -> Setup:
    return lambda root: [step(root) for step in steps]


def committed(*steps: Setup) -> Setup:
    """The project as the base branch holds it (a git commit), then changed by ``steps``."""

    def run(root: Path) -> None:
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
            git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args]
            subprocess.run(git, cwd=root, check=True, capture_output=True)
        both(*steps)(root)

    return run


def forge(name: str, change: Callable[[dict[str, Any]], object]) -> Setup:
    """Change an adopted record as a forger would: its digest, and every later record's
    link to it, recomputed so that the chain still holds."""

    def run(root: Path) -> None:
        previous = None
        for path in sorted((root / "versions").glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            if f"versions/{path.name}" == name:
                change(record)
            elif previous is None:
                continue
            if previous is not None:
                record["previous_digest"] = previous
            record["digest"] = previous = hashlib.sha256(canonical(record)).hexdigest()
            path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")

    return run


def first_section(**fields: object) -> Callable[[dict[str, Any]], object]:
    return lambda record: record["sections"][0].update(fields)


P = "protocol/principles.md"
R = "protocol/review.md"
S = "checks/scenarios/zz.yaml"
RULES = "checks/rules.yaml"


# Mapping keys, each written after '?', holding two aliases of the key before: expanded
# (as printing a key does), 2**25 copies of the first.
KEY_BOMB = (
    "{?&a0 x : 1"
    + "".join(f", ?&a{i} {{?*a{i - 1} : 1, ?{{?*a{i - 1} : 1}} : 2}} : {i}" for i in range(1, 26))
    + "}"
)


def line_of(name: str, text: str) -> str:
    """Where ``text`` first stands in the model's file: "file:line", so that a case
    pointing into a file others edit (the rules) follows the edits."""
    before, found, _ = (MODEL / name).read_text(encoding="utf-8").partition(text)
    assert found, f"{text!r} not in {name}"
    return f"{name}:{before.count(chr(10)) + 1}"


V = "versions/2026-05-14.json"
BASE_CHECK = ("check", "--base", "HEAD")
REFRESH = '1<meta http-equiv="refresh" content="0;url=https://evil.example/">'
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GOOD = (
    "- id: SC-ZZZ-001\n  title: A test\n  facts: {act: suggest-change, actor: officer}\n"
    "  expect:\n    permitted: true\n    clauses: [MOP-0207]\n"
)
# An example whose act gives a duty and names who decides.
ASK = (
    "- id: SC-ZZZ-001\n  title: A test\n  facts: {act: ask-meaning, actor: officer}\n  expect:\n"
    "    duties: [{who: officer, must: seek-advice-before-acting}]\n"
    "    decides: monitoring-officer\n    clauses: [MOP-0008, MOP-0033]\n"
)
RETIRE = put("protocol/retired.toml", "[MOP-0300]\nrevoked = 2026-05-14\n")
CHECK = ("check",)

# fmt: off
CASES = [
    # --- protocol sources
    Case("duplicate ID", edit(P, "MOP-0029", "MOP-0028"), CHECK, 1, "clause-duplicate-id", f"{P}:12"),
    Case("clause without ID", edit(P, "{clause} MOP-0029", "{clause}"), CHECK, 1, "clause-syntax", f"{P}:12"),
    Case("malformed ID", edit(P, "MOP-0029", "MOP-29"), CHECK, 1, "clause-id-malformed", f"{P}:12"),
    Case("reused ID of a revoked clause", both(RETIRE, edit(R, "MOP-0207", "MOP-0300")), CHECK, 1, "id-reused", f"{R}:29"),
    Case("reference to an unknown clause", edit(P, "courtesy and respect,", "courtesy ({para}`MOP-0999`),"), CHECK, 1, "unknown-clause-ref", f"{P}:17"),
    Case("reference to a revoked clause", both(RETIRE, edit(P, "courtesy and respect,", "courtesy ({para}`MOP-0300`),")), CHECK, 1, "cites-revoked", f"{P}:17"),
    Case("another section's paragraph cited as this section's", edit(P, "courtesy and respect,", "courtesy (see {para}`(3) <MOP-0150>`),"), CHECK, 1, "para-local-elsewhere", f"{P}:17"),
    Case("clause citing itself", edit(P, "courtesy and respect,", "courtesy ({para}`MOP-0029`),"), CHECK, 1, "cites-itself", f"{P}:17"),
    Case("unknown role", edit(R, ":applies-to: member, officer\n:tags: review\n\nAny", ":applies-to: alderman\n:tags: review\n\nAny"), CHECK, 1, "unknown-role", f"{R}:31"),
    Case("unknown statute", edit(R, ":statutes: localism2011-s27", ":statutes: magna-carta"), CHECK, 1, "unknown-statute", f"{R}:6"),
    Case("unknown defined term", edit(P, "courtesy and respect,", "courtesy and {defined}`gravitas`,"), CHECK, 1, "unknown-term", f"{P}:17"),
    Case("modality not in the list", edit(P, "MOP-0029\n:modality: must", "MOP-0029\n:modality: shall"), CHECK, 1, "clause-modality", f"{P}:13"),
    Case("unknown clause option", edit(P, "MOP-0029\n:modality: must", "MOP-0029\n:colour: red\n:modality: must"), CHECK, 1, "clause-option", f"{P}:13"),
    Case("text outside any clause", edit(P, "online.\n```\n", "online.\n```\n\n1. Stray words.\n"), CHECK, 1, "text-outside-clause", f"{P}:20"),
    Case("raw role in a section's introduction", edit(P, "# Principles\n", "# Principles\n\nSome {raw}`<b>` words.\n"), CHECK, 1, "clause-role", f"{P}:3"),
    Case("clause block never closed", edit(R, "at any time.\n```", "at any time.\n"), CHECK, 1, "clause-unclosed", f"{R}:29"),
    Case("clause with no words", edit(R, "Any member or officer may propose an amendment to this protocol to the Monitoring Officer at any time.", ""), CHECK, 1, "clause-empty", f"{R}:29"),
    Case("directive inside a clause", edit(P, "courtesy and respect, whether", "courtesy and respect,\n\n~~~{eval-rst}\n.. raw:: html\n\n   <script>x()</script>\n~~~\n\nwhether"), CHECK, 1, "clause-directive", f"{P}:19"),
    Case("raw role inside a clause", edit(P, "courtesy and respect,", "courtesy and {raw}`<b>`,"), CHECK, 1, "clause-role", f"{P}:17"),
    Case("heading inside a clause", edit(P, "courtesy and respect, whether", "courtesy and respect,\n\n## Heading\n\nwhether"), CHECK, 1, "clause-markup", f"{P}:19"),
    Case("table inside a clause", edit(P, "courtesy and respect, whether", "courtesy and respect,\n\n| a | b |\n|---|---|\n| c | d |\n\nwhether"), CHECK, 1, "clause-markup", f"{P}:19"),
    Case("link with an unsafe scheme", edit(P, "courtesy and respect,", "courtesy and [respect](ftp://example.org/x),"), CHECK, 1, "unsafe-link", f"{P}:17"),
    Case("bytes that are not UTF-8", put(R, b"# Review\n\n\xff\xfe\n"), CHECK, 2, "not-utf8", f"{R}:3"),
    Case("byte-order mark", put(R, "\ufeff# Review\n".encode()), CHECK, 1, "byte-order-mark", f"{R}:1"),
    Case("CRLF line ends", put(R, b"# Review\r\n"), CHECK, 1, "crlf", f"{R}:1"),
    Case("tab character", edit(P, "courtesy and respect,", "courtesy and\trespect,"), CHECK, 1, "tab", f"{P}:17"),
    Case("merge conflict left in a section", edit(P, "courtesy and respect,", "courtesy\n<<<<<<< HEAD\nand respect,\n=======\nand regard,\n>>>>>>> origin/main\n"), CHECK, 2, "merge-conflict", f"{P}:18"),
    Case("empty section file", put(R, b""), CHECK, 1, "file-empty", f"{R}:1"),
    Case("huge file (50 MB)", put(R, b"# Review\n" + b"x" * 50_000_000), CHECK, 1, "file-too-large", R),
    Case("binary file in protocol/", put("protocol/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00"), CHECK, 1, "stray-file", "protocol/logo.png"),
    Case("section listed but missing", edit("protocol/index.md", "review\n", "review\nghost\n"), CHECK, 1, "section-missing", "protocol/index.md:32"),
    Case("section file not listed", put("protocol/orphan.md", "# Orphan\n"), CHECK, 1, "section-unlisted", "protocol/orphan.md:1"),
    Case("section listed twice", edit("protocol/index.md", "review\n", "review\nreview\n"), CHECK, 1, "section-duplicate", "protocol/index.md:32"),
    Case("index lists no sections", put("protocol/index.md", "# Protocol\n"), CHECK, 2, "no-sections", "protocol/index.md:1"),
    # --- security: content publishes no files, output folders are the tool's own
    Case("image in a clause", edit(P, "courtesy and respect,", "courtesy and ![crest](../.git/config) respect,"), CHECK, 1, "clause-image", f"{P}:17"),
    Case("reference-style image in a clause", edit(P, "online.\n```", "online. ![crest][c]\n\n[c]: ../.git/config\n```"), CHECK, 1, "clause-image", f"{P}:17"),
    Case("link to a file that is not a page", edit(P, "courtesy and respect,", "courtesy and [respect](../checks/guidance.html),"), CHECK, 1, "unsafe-link", f"{P}:17"),
    Case("build --out the project folder", lambda root: None, ("build", "--out", "."), 2, "unsafe-output-project"),
    Case("build --out a folder above the project", lambda root: None, ("build", "--out", ".."), 2, "unsafe-output-project"),
    Case("build --out a folder of other files", lambda root: None, ("build", "--out", "checks"), 2, "unsafe-output-foreign"),
    Case("build --out a symbolic link", lambda root: (root / "site").symlink_to(root / "docs"), ("build", "--out", "site"), 2, "unsafe-output-link"),
    Case("import --force into the project folder", put("old.txt", "1. Purpose\n\n1.1 Members and officers must be courteous to one another.\n\n1.2 Officers must give members timely advice.\n\n2. Review\n\n2.1 The Monitoring Officer will review this protocol every year.\n"), ("import", "old.txt", "--out", ".", "--force"), 2, "unsafe-output-project"),
    # --- scenario files
    Case("scenario citing an unknown clause", put(S, GOOD.replace("MOP-0207", "MOP-0999")), CHECK, 1, "scenario-unknown-clause", f"{S}:6"),
    Case("scenario citing a revoked clause", both(RETIRE, put(S, GOOD.replace("MOP-0207", "MOP-0300"))), CHECK, 1, "scenario-cites-revoked", f"{S}:6"),
    Case("scenario field the schema does not know", put(S, GOOD.replace("  title:", "  colour: red\n  title:")), CHECK, 1, "scenario-field", f"{S}:2"),
    Case("fact not in the vocabulary", put(S, GOOD.replace("actor: officer}", "actor: officer, weather: rain}")), CHECK, 1, "scenario-fact", f"{S}:3"),
    Case("impossible date 2025-02-30", put(S, GOOD.replace("actor: officer}", "actor: officer, date: 2025-02-30}")), CHECK, 1, "scenario-fact-value", f"{S}:3"),
    Case("facts that name the answer", put(S, GOOD.replace("act: suggest-change", "act: permitted")), CHECK, 1, "scenario-names-answer", f"{S}:3"),
    Case("YAML anchors and aliases (a bomb)", put(S, 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n'), CHECK, 2, "scenario-yaml-anchor", f"{S}:1"),
    Case("YAML that does not parse", put(S, GOOD.replace("  expect:\n", "  expect: [\n")), CHECK, 2, "scenario-yaml", f"{S}:6"),
    Case("two scenarios with one ID", put(S, GOOD + GOOD), CHECK, 1, "scenario-duplicate-id", f"{S}:7"),
    Case("scenario naming no clauses", put(S, GOOD.replace("    clauses: [MOP-0207]\n", "")), CHECK, 1, "scenario-expect-none", f"{S}:5"),
    Case("fact that no rule for the act reads", put(S, GOOD.replace("actor: officer}", "actor: officer, blind-copy: true}")), CHECK, 1, "scenario-fact-ignored", f"{S}:3"),
    Case("misspelt fact", put(S, ASK.replace("actor: officer}", "actr: officer}")), CHECK, 1, "Did you mean 'actor'?", f"{S}:3"),
    Case("another word for a value", put(S, GOOD.replace("actor: officer}", "actor: officer, resource: internal-post}")), CHECK, 1, "The vocabulary says this with 'resource: post'.", f"{S}:3"),
    Case("misspelt duty in expect", put(S, ASK.replace("seek-advice", "seek-advise")), CHECK, 1, "scenario-expect-name", f"{S}:5"),
    Case("misspelt decider in expect", put(S, ASK.replace("decides: monitoring-officer", "decides: monitoring-oficer")), CHECK, 1, "scenario-expect-name", f"{S}:6"),
    Case("expected answer no rule can give", put(S, GOOD.replace("permitted: true", "permitted: false")), CHECK, 1, "scenario-expect-outcome", f"{S}:5"),
    Case("expected answer not true or false", put(S, GOOD.replace("permitted: true", "permitted: allowed")), CHECK, 1, "scenario-expect-permitted", f"{S}:5"),
    Case("one clause without brackets", put(S, GOOD.replace("[MOP-0207]", "MOP-0207")), CHECK, 1, "scenario-expect-clauses", f"{S}:6"),
    # --- the rules file
    Case("rules: an act that does not exist", edit(RULES, "    act: suggest-change\n", "    act: sugest-change\n"), CHECK, 1, "rules-unknown-act", line_of(RULES, "    act: suggest-change\n")),
    Case("rules: a clause that does not exist", edit(RULES, "  - clause: MOP-0207\n", "  - clause: MOP-0299\n"), CHECK, 1, "rules-unknown-clause", line_of(RULES, "  - clause: MOP-0207\n")),
    Case("rules: a revoked clause", both(RETIRE, edit(RULES, "  - clause: MOP-0207\n", "  - clause: MOP-0300\n")), CHECK, 1, "rules-cites-revoked", line_of(RULES, "  - clause: MOP-0207\n")),
    Case("rules: a misspelt fact in a condition", edit(RULES, "when: {behaviour: [curt", "when: {behavior: [curt"), CHECK, 1, "'behavior' is not a fact. Did you mean 'behaviour'?", line_of(RULES, "when: {behaviour: [curt")),
    Case("rules: YAML that does not parse", edit(RULES, "\nrules:\n", "\nrules: [\n"), CHECK, 1, "rules-yaml", RULES),
    Case("coverage baseline not valid TOML", put("checks/uncovered.toml", 'clauses = ["MOP-0029"\n'), CHECK, 2, "baseline-syntax", "checks/uncovered.toml"),
    Case("coverage baseline listing a covered paragraph", put("checks/uncovered.toml", 'clauses = ["MOP-0029"]\n'), CHECK, 1, "baseline-stale", "checks/uncovered.toml:1"),
    # --- security: inputs made to exhaust time or memory are refused quickly
    Case("option line of 3,200 spaces and '<'", edit(P, "MOP-0029\n:modality: must", "MOP-0029\n:modality: must\n:tags:" + " " * 3200 + "<"), CHECK, 1, "clause-option-too-long", f"{P}:14"),
    Case("section file of 200,000 '['", put(R, "# Review\n\n" + "[" * 200_000 + "\n"), CHECK, 1, "file-markup-too-dense", R),
    Case("clause of 1.28 MB", edit(P, "courtesy and respect,", "courtesy and respect, " + "and so on " * 128_000), ("build", "--out", "_build/site"), 1, "clause-too-long", f"{P}:12"),
    Case("rules: aliases after a flow key's '?' (a bomb the quick scan does not see)", put(RULES, "conditions:\n  ? " + KEY_BOMB + "\n  : {actor: member}\n"), CHECK, 1, "rules-yaml", f"{RULES}:2"),
    Case("scenario nested 50,000 deep", put(S, "[" * 50_000), CHECK, 2, "scenario-yaml-depth", f"{S}:1"),
    Case("scenario nested 50,000 deep, in the build", put(S, "[" * 50_000), ("build", "--out", "_build/site"), 2, "scenario-yaml-depth", f"{S}:1"),
    Case("scenario nested deep after closing brackets that close nothing", put(S, "t: a" + "}" * 100 + "\nx: " + "[" * 40 + "]" * 40), CHECK, 2, "scenario-yaml-depth", f"{S}:2"),
    Case("scenario nested deep behind closing brackets in quotes", put(S, 'x: [ "' + "]" * 60 + '", ' + "[" * 40 + "]" * 41), CHECK, 2, "scenario-yaml-depth", f"{S}:1"),
    Case("scenario file of 2 MB", put(S, GOOD + "#\n" * 1_000_000), CHECK, 1, "scenario-file-too-large", S),
    Case("Word file that unzips to 25 MB (a zip bomb)", word("bomb.docx", unzipped=25_000_000), ("import", "bomb.docx", "--out", "new"), 1, "word/document.xml unzips to", "bomb.docx"),
    Case("Word file of 1,001 parts", word("parts.docx", parts=1_000), ("import", "parts.docx", "--out", "new"), 1, "holds 1,001 parts", "parts.docx"),
    Case("Word file with a part from another file (w:altChunk)", chunked("chunk.docx"), ("import", "chunk.docx", "--out", "new"), 1, "brought in from other files", "chunk.docx"),
    Case("PDF of 2,001 pages", pdf("long.pdf", 2_001), ("import", "long.pdf", "--out", "new"), 1, "2,001 pages", "long.pdf"),
    Case("text file of 21 MB", put("big.txt", b"1.1 Words.\n" * 1_910_000), ("import", "big.txt", "--out", "new"), 1, "bytes; the importer reads", "big.txt"),
    Case("text file of 100,001 lines", put("long.txt", b"1.1 A.\n" * 100_001), ("import", "long.txt", "--out", "new"), 1, "100,001 lines", "long.txt"),
    Case("paragraph of 30,000 characters to import", put("long.txt", "1. Part\n\n1.1 " + "So it goes. " * 2_500 + "\n\n1.2 A.\n\n1.3 B.\n"), ("import", "long.txt", "--out", "new"), 1, "a clause may have 20,000", "long.txt"),
    # --- configuration
    Case("council.toml not valid TOML", edit("conf/council.toml", '[council]\n', '[council\n'), CHECK, 2, "council-syntax", "conf/council.toml:4"),
    Case("ID prefix missing", edit("conf/council.toml", 'id_prefix = "MOP"\n', ""), CHECK, 1, "council-setting", "conf/council.toml"),
    Case("statute not on legislation.gov.uk", edit("conf/council.toml", "https://www.legislation.gov.uk/ukpga/1972/70/section/151", "https://example.org/s151"), CHECK, 1, "council-statute-url", "conf/council.toml"),
    Case("unknown council setting on a page", edit("docs/index.md", "{council}`name` constitution", "{council}`nme` constitution"), ("build", "--out", "_build/site"), 1, "has no setting 'nme'", "docs/index.md:1"),
    Case("retired register not valid TOML", put("protocol/retired.toml", "[MOP-0300\n"), CHECK, 2, "retired-syntax", "protocol/retired.toml:1"),
    # --- version records
    Case("tampered version record", edit("versions/2025-05-15.json", "within ten", "within twenty"), ("redline", "2025-05-15", "draft"), 1, "version-tampered", "versions/2025-05-15.json"),
    Case("tampered version record, in a committee report", edit("versions/2025-05-15.json", "within ten", "within twenty"), ("report", "2025-05-15", "draft", "--out", "report"), 1, "version-tampered", "versions/2025-05-15.json"),
    Case("tampered version record, exported", edit("versions/2025-05-15.json", "within ten", "within twenty"), ("export", "--version", "2025-05-15", "--format", "json"), 1, "version-tampered", "versions/2025-05-15.json"),
    Case("truncated version record", lambda root: (root / "versions/2025-05-15.json").write_text((root / "versions/2025-05-15.json").read_text()[:500]), ("redline", "2025-05-15", "draft"), 2, "version-unreadable", "versions/2025-05-15.json"),
    Case("two adoptions on one day", lambda root: None, ("adopt", "--date", "2026-05-14", "--resolution", "x"), 2, "adopt-date", "versions/2026-05-14.json"),
    Case("adoption dated before the last", lambda root: None, ("adopt", "--date", "2025-12-01", "--resolution", "x"), 2, "adopt-date", "versions/2025-12-01.json"),
    # --- security: adopted records are append-only, and every field has its shape
    Case("adopted word changed, digest kept", edit("versions/2025-05-15.json", "within ten", "within twenty"), CHECK, 1, "version-tampered", "versions/2025-05-15.json"),
    Case("adopted word changed, digests recomputed", committed(forge(V, lambda r: r["sections"][0]["clauses"][0].update(text="Forged."))), BASE_CHECK, 1, "version-rewritten", V),
    Case("newest adopted record deleted", committed(lambda root: (root / V).unlink()), BASE_CHECK, 1, "version-removed", V),
    Case("in-force date moved, digests recomputed", committed(forge(V, lambda r: r.update(in_force="2030-01-01"))), BASE_CHECK, 1, "version-rewritten", V),
    Case("record added before the newest adopted", committed(put("versions/2025-12-01.json", "{}")), BASE_CHECK, 1, "version-inserted", "versions/2025-12-01.json"),
    Case("in-force date before adoption", forge(V, lambda r: r.update(in_force="2020-01-01")), CHECK, 1, "'in_force' is before the date the version was adopted", V),
    Case("in-force date not a real date", forge(V, lambda r: r.update(in_force="2026-02-30")), CHECK, 1, "'in_force' must be a real date", V),
    Case("markup in a version's field (a redirect)", forge(V, first_section(number=REFRESH)), CHECK, 1, "'sections[0].number' must be a whole number", V),
    Case("path in a section's file name", forge(V, first_section(slug="../../../outside")), CHECK, 1, "'sections[0].slug' must be letters", V),
    Case("clause ID not the council's pattern", forge(V, lambda r: r["sections"][0]["clauses"][0].update(id="x/../y")), CHECK, 1, "'sections[0].clauses[0].id' must be a clause ID", V),
    Case("resolution not one line of text", forge(V, lambda r: r.update(resolution="x\n" * 600)), CHECK, 1, "'resolution' must be the minuted resolution", V),
    Case("version field not in the format", forge(V, lambda r: r.update(colour="red")), CHECK, 1, "'colour' is not a field of a record", V),
    Case("base_url not an https address", edit("conf/council.toml", 'base_url = "https://constitution.kestrelford.example/"', "base_url = \"x' onmouseover='alert(1)\""), CHECK, 1, "council-base-url", "conf/council.toml"),
    Case("licence_url not an https address", edit("conf/council.toml", 'licence_url = "https://www.nationalarchives.gov.uk/', 'licence_url = "javascript:alert(1)//'), CHECK, 1, "council-licence", line_of("conf/council.toml", "licence_url = ")),
    Case("adoption date 2025-02-30", lambda root: None, ("adopt", "--date", "2025-02-30", "--resolution", "x"), 2, "'2025-02-30' is not a real date"),
    # --- command-line arguments
    Case("redline of an unknown version", lambda root: None, ("redline", "2023-01-01", "draft"), 2, "unknown-version"),
    Case("redline from an unknown git ref", lambda root: None, ("redline", "no-such-ref", "draft"), 2, "unknown-ref"),
    Case("export of an unknown version", lambda root: None, ("export", "--version", "1999-01-01", "--format", "json"), 2, "unknown-version"),
    Case("confirm an unknown scenario", lambda root: None, ("confirm", "SC-NOPE-001"), 2, "unknown-scenario"),
    Case("import a file that does not exist", lambda root: None, ("import", "nowhere.docx", "--out", "new"), 2, "import-missing", "nowhere.docx"),
    Case("unknown output format", lambda root: None, ("check", "--format", "xml"), 2, "invalid choice: 'xml'"),
]
# fmt: on


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "_build" not in p.parts
    }


@pytest.fixture
def project(scratch: Project) -> Project:
    shutil.copytree(MODEL / "versions", scratch.versions_dir)
    return scratch


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(project: Project, case: Case) -> None:
    case.setup(project.root)
    before = snapshot(project.root)
    result = subprocess.run(
        [sys.executable, "-m", "constitution", *case.command],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
        # As on GitHub Actions, where CI=true once made Sphinx colour the problem lines.
        env={**os.environ, "CI": "true", "FORCE_COLOR": "1"},
    )
    said = result.stdout + result.stderr
    assert "\x1b[" not in said, "colour codes in what is read as annotations"
    assert result.returncode == case.status, said[-1500:]
    assert case.says in said, said[-1500:]
    if case.where:
        assert case.where in said, said[-1500:]
    assert "How to fix" in said or (result.returncode == 2 and "usage:" in said), said[-800:]
    assert snapshot(project.root) == before, "the command changed files"
    # Every command exits as the catalogue classes the problems it reports.
    codes = set(PROBLEM_LINE.findall(said)) & CATALOGUE.keys()
    if codes:
        assert result.returncode == max(CATALOGUE[c].exit for c in codes), codes
    row = document_row(case, result.returncode, said, project.root)
    assert row in DOCS.read_text(encoding="utf-8"), f"docs/bad-inputs.md needs the row:\n{row}"


# "file:line: code [clause]: message" or "file: code: message", as every command prints
PROBLEM_LINE = re.compile(r"^\S+: ([a-z0-9-]+)(?: \[[^\]]*\])?: ", re.MULTILINE)


def document_row(case: Case, status: int, said: str, root: Path) -> str:
    """The case's row in docs/bad-inputs.md: its exit status, and the first line that
    says what the case looks for with the fix that follows it (the scratch project's
    folder, which Sphinx names, shown as …)."""
    lines = [ln.strip() for ln in said.replace(str(root), "…").splitlines() if ln.strip()]
    at = next((i for i, ln in enumerate(lines) if case.says in ln), 0)
    fix = next((ln for ln in lines[at + 1 :] if ln.startswith("How to fix")), "")
    fixed = f"{lines[at]} {fix}" if fix and lines[at + 1] == fix else lines[at]
    return f"| {case.name} | {status} | {code_cell(fixed)} |"


def test_the_catalogue_is_large_and_documented() -> None:
    assert len(CASES) >= 40
    page = DOCS.read_text(encoding="utf-8")
    missing = [c.name for c in CASES if f"| {c.name} |" not in page]
    assert missing == [], f"docs/bad-inputs.md does not list: {missing}"
