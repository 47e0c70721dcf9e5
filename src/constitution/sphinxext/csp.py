"""A strict Content-Security-Policy on every page, with no inline script.

Static hosts cannot set headers, so the policy is a <meta> element, first in <head>,
drawn by our base.html (its site_meta block) from ``policy``. Furo's one inline script
(the colour-theme bootstrap) is loaded from a file instead, at the same place (also
base.html); its inline <style> block and fixed style attributes are allowed by exact
hashes, never by 'unsafe-inline'. Pagefind's WebAssembly needs 'wasm-unsafe-eval'.

Only the theme's own styles are hashed, never one that came from content or settings: the
<style> blocks of the templates' ``styles`` block (where the theme's is, and nothing of a
page's text), and the style attributes written in the templates that draw the page.

Every page is rendered through ``Templates`` (Sphinx's template_bridge setting): Sphinx's
own loader, which refuses a page with an inline script or without its policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from jinja2 import meta
from sphinx.errors import SphinxError
from sphinx.jinja2glue import BuiltinTemplateLoader

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.S)
STYLE_ATTR = re.compile(r"\sstyle=\"([^\"]*)\"")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>")
META = '<meta http-equiv="Content-Security-Policy"'


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy(styles: str, attributes: Iterable[str]) -> str:
    """The policy of a page whose theme draws ``styles`` (its <style> blocks hashed) and
    whose templates write the style ``attributes``."""
    blocks = sorted({digest(s) for s in STYLE_BLOCK.findall(styles)})
    attrs = sorted({digest(s) for s in attributes})
    allowed = " ".join(["'self'", *blocks, *(["'unsafe-hashes'", *attrs] if attrs else [])])
    return (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
        f"style-src {allowed}; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def check(html: str, where: object) -> None:
    """Not an assert: the guard must hold under python -O too."""
    if INLINE_SCRIPT.search(html):
        raise SphinxError(f"inline script in {where}: the page's policy would block it")
    if "<head>" in html and META not in html:
        raise SphinxError(
            f"{where} has no Content-Security-Policy. How to fix: a base.html of your own "
            'must extend the tool\'s ("base.html" found after yours), not furo\'s ("!base.html").'
        )


class Templates(BuiltinTemplateLoader):
    """Sphinx's template loader, checking each page it renders."""

    def init(self, *args: Any, **kwargs: Any) -> None:
        super().init(*args, **kwargs)
        self.attributes: dict[tuple[str, ...], frozenset[str]] = {}

    def render(self, template: str, context: dict[str, Any]) -> str:  # type: ignore[override]
        html = super().render(template, context)
        check(html, context.get("pagename", template))
        return html

    def style_attributes(self, names: tuple[str, ...]) -> frozenset[str]:
        """The style attributes written in these templates and those they extend,
        include or import by name, read once a build."""
        if names not in self.attributes:
            found: set[str] = set()
            seen: set[str] = set()
            todo = list(names)
            while todo:
                name = todo.pop()
                if name in seen:
                    continue
                seen.add(name)
                source = self.get_source(self.environment, name)[0]
                found.update(STYLE_ATTR.findall(source))
                parsed = self.environment.parse(source)
                todo.extend(n for n in meta.find_referenced_templates(parsed) if n)
            self.attributes[names] = frozenset(found)
        return self.attributes[names]


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """The page's policy, for base.html to draw from its theme's styles: the attributes
    of its template and of its sidebars (included by a name furo reads from settings)."""
    templates = app.builder.templates
    if not isinstance(templates, Templates):
        raise SphinxError(
            f"the pages are rendered by {type(templates).__name__}, which does not check "
            "their security policy. How to fix: remove template_bridge from conf.py."
        )
    names = (templatename, *context.get("sidebars", ()))
    context["constitution_policy"] = partial(policy, attributes=templates.style_attributes(names))


def use_templates(app: Sphinx, config: Any) -> None:
    """Sphinx renders the pages through ``Templates``, unless conf.py names another."""
    config.template_bridge = config.template_bridge or f"{__name__}.{Templates.__name__}"


def setup(app: Sphinx) -> None:
    app.connect("config-inited", use_templates)
    app.connect("html-page-context", page_context)
