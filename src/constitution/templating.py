"""The one way the tool draws HTML from Jinja templates: autoescaped, strict.

Every value a template prints is escaped unless it is ``Markup``: HTML the tool drew
itself. A value a template names and is not given is an error, not an empty string.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined


def environment(folder: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # The templates are the package's own, read once a process (model_cache.code()
        # keys pages by them): not checked on disk again at each of thousands of renders.
        auto_reload=False,
    )
