"""Sphinx's settings for a council's site: the machinery, the same for every council.

A project's conf/conf.py takes them all from here, so that a council's repository holds
only its own settings (council.toml) and takes the tool's improvements with its version.
"""

from __future__ import annotations

import copy
import os
import time
from pathlib import Path
from typing import Any

from constitution import clause_fields
from constitution.council import load_council
from constitution.graph import EXAMPLE_FIELDS, EXAMPLE_TITLE, EXAMPLE_TYPE, LINK_TYPES

STATIC = Path(__file__).parent / "sphinxext" / "static"


def settings(conf_dir: Path) -> dict[str, Any]:
    """Every Sphinx setting, for the project whose conf/ folder is ``conf_dir``."""
    council = load_council(conf_dir / "council.toml")
    # Reproducible output: the date comes from the commit, never the clock.
    year = time.strftime("%Y", time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", 0))))
    return {
        "project": f"{council.name}: {council.document}",
        "author": council.name,
        "copyright": f"{year}, {council.name}",
        "language": "en-GB",
        "root_doc": "index",
        "extensions": ["myst_parser", "constitution.sphinxext"],
        "constitution_project": "..",
        # MyST: no raw HTML, no file insertion (see docutils.conf).
        "myst_enable_extensions": ["deflist", "smartquotes"],
        "myst_disable_syntax": ["html_block", "html_inline"],
        "myst_url_schemes": ("http", "https", "mailto"),  # as the parser's own rule for clauses
        "myst_heading_anchors": 0,
        "suppress_warnings": [],
        # sphinx-needs: the data and link layer.
        "needs_types": [
            {
                "directive": "clause",
                "title": "Clause",
                "prefix": f"{council.id_prefix}-",
                "color": "#FFFFFF",
                "style": "node",
            },
            {
                "directive": EXAMPLE_TYPE,
                "title": EXAMPLE_TITLE,
                "prefix": "SC-",
                "color": "#FFFFFF",
                "style": "node",
                "fields": {
                    name: field(text, "integer" if name == "line" else "string")
                    for name, text in EXAMPLE_FIELDS.items()
                },
            },
        ],
        # Citations and worked examples as sphinx-needs links (see constitution.graph): a
        # copy, as sphinx-needs adds its own types to the dict it is given, and the open
        # data of any later build in this process would list them.
        "needs_links": copy.deepcopy(LINK_TYPES),
        "needs_id_regex": rf"^{council.id_pattern.pattern}$",
        "needs_id_required": True,
        "needs_title_optional": True,
        "needs_fields": NEEDS_FIELDS,
        "needs_build_json": True,
        # Worked examples are needs of this project whose pages are generated, so they are
        # added as needs with a page of their own (external_url; see needs_graph.py),
        # which the default filter ("is_external==False") would leave out of needs.json.
        "needs_builder_filter": "",
        "needs_reproducible_json": True,
        # The protocol's own reader has validated every field before Sphinx starts (with
        # file, line and fix); sphinx-needs' second pass over every need finds nothing more.
        "needs_schema_validation_enabled": False,
        # HTML.
        "html_theme": "furo",
        "html_title": council.document,
        "html_static_path": [],
        "html_favicon": str(favicon(conf_dir)),
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "html_last_updated_fmt": None,
        "html_theme_options": {"top_of_page_buttons": [], "navigation_with_keys": False},
    }


# A council's own icon, beside council.toml, in the first of these forms it finds
FAVICONS = ("favicon.svg", "favicon.png", "favicon.ico")


def favicon(conf_dir: Path) -> Path:
    """The icon a browser shows in its tab and bookmarks: the council's own, else the
    tool's (without one, every visit asks the server for /favicon.ico in vain)."""
    own = (conf_dir / name for name in FAVICONS)
    return next((path for path in own if path.is_file()), STATIC / "favicon.svg")


def field(description: str, kind: str = "string") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": kind}
    if kind == "array":
        schema["items"] = {"type": "string"}
    return {"description": description, "schema": schema}


NEEDS_FIELDS = {
    "number": field("Display number, computed from position"),
    "section": field("The section file the clause sits in"),
    **{f.name: field(f.about, "array" if f.many else "string") for f in clause_fields.NEEDS},
}
