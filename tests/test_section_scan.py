"""The scan of a section file's blocks (section_scan.py) gives markdown-it's own tokens,
or gives way to markdown-it: on every MyST file of the fixtures and on generated ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from conftest import CONSTITUTION, MODEL, ROOT
from constitution import source
from constitution.project import Project
from constitution.section_scan import section_tokens
from constitution.source import markdown_tokens

# What the reader reads of a top-level token (source.parse_section, _first_heading).
READ = ("type", "tag", "nesting", "map", "level", "content", "markup", "info", "block")


def shown(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [tuple(getattr(t, name) for name in READ) for t in tokens]


def agrees(text: str) -> bool:
    """Whether the scan gave way, or gave exactly markdown-it's tokens; False if the
    scan gave anything else."""
    scanned = section_tokens(text)
    return scanned is None or shown(scanned) == shown(markdown_tokens(text))


MYST_FILES = sorted(
    {*MODEL.rglob("*.md"), *CONSTITUTION.rglob("*.md"), *(ROOT / "tests").glob("*/*.md")}
)
SECTIONS = sorted(
    p
    for root in (MODEL / "protocol", CONSTITUTION / "documents")
    for p in root.rglob("*.md")
    if p.name != source.INDEX
)


def test_every_fixture_file_scans_as_markdown_it_reads_it() -> None:
    assert len(MYST_FILES) > 40
    for path in MYST_FILES:
        assert agrees(path.read_text(encoding="utf-8")), path


def test_every_fixture_section_takes_the_scan() -> None:
    # The cut itself: the sections as the importer, init and editors write them are read
    # without markdown-it (a section file given way would be read slower, not wrongly).
    assert len(SECTIONS) > 25
    for path in SECTIONS:
        assert section_tokens(path.read_text(encoding="utf-8")) is not None, path


def test_the_protocol_read_with_the_scan_equals_it_read_by_markdown_it(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "READ_SECTIONS", {})
    scanned = project.document()
    monkeypatch.setattr(source, "READ_SECTIONS", {})
    monkeypatch.setattr(source, "section_tokens", lambda text: None)
    assert project.document() == scanned


# Lines that begin each kind of block, or continue one, or look as if they might.
LINES = [
    "",
    "  ",
    "# Title",
    "# Title #",
    "#  Spaced title  ",
    "# ",
    "#Title",
    "## Sub",
    "Words of a paragraph.",
    "words {para}`MOP-0001` and `code`",
    "Words ending in two spaces  ",
    "Term",
    ": a definition",
    ":modality: must",
    "```{clause} MOP-0001",
    "```{clause} MOP-0002 ",
    "```{note}",
    "```python",
    "```",
    "```  ",
    "   ```",
    "    ```",
    "````",
    "````{clause} MOP-0003",
    "```a`b",
    "~~~",
    "- item",
    "* item",
    "1. item",
    "2) item",
    "> quoted",
    "    indented code",
    " one space",
    "% a comment",
    "(target)=",
    "+++",
    "---",
    "===",
    "***",
    "| a | b |",
    "a | b",
    "--- | ---",
    "<div>",
    "[x]: https://example.org",
    "[^1]: a note",
    "\\begin{equation}",
    "$$",
    ":::{note}",
    "Words\0with a NUL",
    "É accented",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14), st.booleans())
def test_generated_files_scan_as_markdown_it_reads_them(lines: list[str], end: bool) -> None:
    assert agrees("\n".join(lines) + ("\n" if end else ""))


def test_generated_files_take_the_scan_where_they_have_the_usual_shape() -> None:
    text = Path(SECTIONS[0]).read_text(encoding="utf-8")
    assert section_tokens(text) is not None
    assert section_tokens("Introduction, plain words.\n" + text) is None  # heading not first
    assert section_tokens(text + "\n- a list item\n") is None
    assert section_tokens(text + "\n```{clause} MOP-9999\nNever closed.\n") is None
