"""Sphinx configuration: the machinery. The council's own settings are in council.toml."""

from __future__ import annotations

import os
import time
from pathlib import Path

from constitution.council import load_council

council = load_council(Path(__file__).with_name("council.toml"))

project = f"{council.name}: {council.document}"
author = council.name
# Reproducible output: the date comes from the commit, never the clock.
copyright = time.strftime("%Y", time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", 0))))
copyright = f"{copyright}, {council.name}"
language = "en-GB"
root_doc = "index"

extensions = ["myst_parser", "constitution.sphinxext"]
constitution_project = ".."

# --- MyST: no raw HTML, no file insertion (see docutils.conf) -----------------------
myst_enable_extensions = ["deflist", "smartquotes"]
myst_disable_syntax = ["html_block", "html_inline"]
myst_url_schemes = ("http", "https", "mailto")  # as the parser's own rule for clauses
myst_heading_anchors = 0
suppress_warnings: list[str] = []

# --- sphinx-needs: the data and link layer -----------------------------------------
needs_types = [
    {
        "directive": "clause",
        "title": "Clause",
        "prefix": f"{council.id_prefix}-",
        "color": "#FFFFFF",
        "style": "node",
    },
]
needs_id_regex = rf"^{council.id_prefix}-\d{{4}}$"
needs_id_required = True
needs_title_optional = True
needs_fields = {
    "number": {
        "description": "Display number, computed from position",
        "schema": {"type": "string"},
    },
    "modality": {
        "description": "must, must-not, should, may or informative",
        "schema": {"type": "string"},
    },
    "applies_to": {
        "description": "Keys of the council's role register",
        "schema": {"type": "array", "items": {"type": "string"}},
    },
    "statutes": {
        "description": "Keys of the council's statute register",
        "schema": {"type": "array", "items": {"type": "string"}},
    },
    "section": {
        "description": "The section file the clause sits in",
        "schema": {"type": "string"},
    },
    "source_number": {
        "description": "The clause's number in the document it was imported from",
        "schema": {"type": "string"},
    },
}
needs_build_json = True
needs_reproducible_json = True
# The protocol's own reader has validated every field before Sphinx starts (with file,
# line and fix); sphinx-needs' second pass over every need would find nothing more.
needs_schema_validation_enabled = False

# --- HTML ----------------------------------------------------------------------------
html_theme = "furo"
html_title = council.document
html_static_path: list[str] = []
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "top_of_page_buttons": [],
    "navigation_with_keys": False,
}
