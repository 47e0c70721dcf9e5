"""Paragraph numbers as the council's document prints them, end to end: a document in
each number style, imported with `constitution init`, built, and read back: the page
shows the printed number, a citation and a reference read it, the jump and the
`paragraph` lookup find it, and a paragraph inserted into the draft is numbered in the
same style."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

# Each: the document, a paragraph as cited, words of it, the number a paragraph inserted
# after it gets, how the second paragraph's reference to it reads (as printed), and the
# reference's link.
DOCUMENTS = {
    "section.paragraph": (
        """\
Protocol on Member and Officer Relations

3. Introduction

3.1 This protocol guides the relationship between councillors and officers.

3.2 Members and officers must treat one another with respect, as paragraph 3.1 says.

4. Member enquiries

4.1 An officer should answer a member's enquiry within ten working days.
""",
        "3.1",
        "guides the relationship",
        "3.1A",
        "as paragraph 3.1 says",
        "3.1",
    ),
    "paragraph-in-section": (
        """\
Protocol on Member and Officer Relations

1. Introduction

(1) This protocol guides the relationship between councillors and officers.

(2) Members and officers must treat one another with respect, as (1) above says.

2. Member enquiries

(1) An officer should answer a member's enquiry within ten working days.
""",
        "1(1)",
        "guides the relationship",
        "1(1A)",
        "as (1) above says",
        "(1)",  # in its own section, as the section's paragraphs cite each other
    ),
    "continuous": (
        """\
Protocol on Member and Officer Relations

Introduction

1. This protocol guides the relationship between councillors and officers.

2. Members and officers must treat one another with respect, as paragraph 1 says.

Member enquiries

3. An officer should answer a member's enquiry within ten working days.
""",
        "1",
        "guides the relationship",
        "1A",
        "as paragraph 1 says",
        "1",
    ),
    "lettered": (
        """\
Protocol on Member and Officer Relations

Introduction

A1 This protocol guides the relationship between councillors and officers.

A2 Members and officers must treat one another with respect, as paragraph A1 says.

Member enquiries

B1 An officer should answer a member's enquiry within ten working days.
""",
        "A1",
        "guides the relationship",
        "A1A",
        "as paragraph A1 says",
        "A1",
    ),
}


def constitution(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constitution", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    style = request.param
    text, number, words, inserted, *_ = DOCUMENTS[style]
    where = tmp_path_factory.mktemp("styles")
    (where / "ours.txt").write_text(text, encoding="utf-8")
    made = constitution("init", "repo", "--from", "ours.txt", "--council", "T", cwd=where)
    assert made.returncode == 0, made.stderr
    repo = where / "repo"
    # a paragraph inserted into the draft after the one cited
    section = repo / "protocol" / "introduction.md"
    source = section.read_text(encoding="utf-8")
    first_end = source.index("```\n", source.index("```{clause}") + 3) + 4
    new = "```{clause} MOP-0009\n:modality: informative\n\nA paragraph added later.\n```\n"
    section.write_text(source[:first_end] + "\n" + new + source[first_end:], encoding="utf-8")
    site = constitution("build", "--out", "_site", cwd=repo)
    assert site.returncode == 0, site.stderr
    return style, repo, number, words, inserted, *DOCUMENTS[style][4:]


def test_init_records_the_documents_number_style(built: tuple) -> None:
    style, repo, *_ = built
    settings = tomllib.loads((repo / "conf" / "council.toml").read_text(encoding="utf-8"))
    assert settings["council"]["number-style"] == style


def test_the_page_shows_the_printed_number_and_its_reference(built: tuple) -> None:
    _, repo, number, _, inserted, reads, link = built
    page = (repo / "_site" / "protocol" / "introduction.html").read_text(encoding="utf-8")
    assert f'aria-label="Paragraph {number}, link to this paragraph">{number}</a>' in page
    assert f">{inserted}</a>" in page  # the inserted paragraph, numbered in the style
    assert f"para {number} (" in page  # the citation to copy
    # the second paragraph's reference to the first: a link, its words as printed
    shown = re.sub(r"<[^>]+>", "", page)
    assert reads in shown
    assert f'<span class="constitution-para">{link}</span>' in page


def test_the_jump_and_the_lookup_find_the_printed_number(built: tuple) -> None:
    _, repo, number, words, inserted, *_ = built
    index = json.loads((repo / "_site" / "clause-index.json").read_text(encoding="utf-8"))
    assert index["draft"]["numbers"][number].startswith("draft/introduction.html#MOP-")
    assert index["draft"]["numbers"][inserted] == "draft/introduction.html#MOP-0009"
    found = constitution("paragraph", number, cwd=repo)
    assert found.returncode == 0, found.stderr
    assert words in found.stdout
    assert (
        f"{inserted} in the draft: MOP-0009" in constitution("paragraph", inserted, cwd=repo).stdout
    )
