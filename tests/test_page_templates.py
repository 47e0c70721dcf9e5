"""Generated pages are drawn from Jinja templates with autoescaping (page_templates.py):
whatever a title or a fact holds prints as text; only HTML the tool drew is let through."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from constitution.sphinxext import page_templates
from constitution.sphinxext.page_templates import TEMPLATES, render

SCRIPT = "<script>alert(1)</script>"


def worked_example(**values: object) -> str:
    page = {
        "title": f"A title {SCRIPT}",
        "facts": [("Who", f"the {SCRIPT}")],
        "outcome": "This is allowed.",
        "paragraphs": [
            {"href": "../protocol/a.html#MOP-0001", "number": "1.1", "section": "S", "note": None}
        ],
        "in_force": True,
        "id": "SC-ABC-001",
        "result": Markup('<span class="check-result check-passed">Passed</span>'),
    }
    return render("worked-example.html", **{**page, **values})


def test_a_title_or_fact_holding_script_prints_as_text() -> None:
    page = worked_example()
    assert "<script" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2
    assert '<span class="check-result check-passed">Passed</span>' in page  # drawn here


def test_a_section_title_holding_script_prints_as_text() -> None:
    page = render(
        "traceability.html",
        ran=None,
        baseline_file="checks/uncovered.toml",
        baseline=0,
        sections=[("1", f"1. Scope {SCRIPT}")],
        modalities=[("must", "must")],
        statuses=[("passing", "passing")],
        rows=[],
    )
    assert "<script" not in page and "1. Scope &lt;script&gt;" in page
    words = " ".join(page.split())
    assert "The checks have not been run for this build. A <em>suspect</em>" in words


def test_a_value_no_page_gives_is_an_error() -> None:
    with pytest.raises(jinja2.UndefinedError, match="outcome"):
        render("worked-example.html", title="t", facts=[], paragraphs=[], id="x", result="")


def test_every_template_is_drawn_by_some_page() -> None:
    code = "".join(
        p.read_text(encoding="utf-8") for p in Path(page_templates.__file__).parent.glob("*.py")
    )
    names = sorted(p.name for p in TEMPLATES.glob("*.html"))
    assert names and [n for n in names if not re.search(rf'"{re.escape(n)}"', code)] == []
