"""Pages publish no files of their own: no images, no downloads.

The gate refuses images and links to files in clauses; this is the build's own guard
(defence in depth) for every page, docs/ included. Sphinx copies whatever file an image
or a download names (``../.git/config`` too) into the site, so such a node is reported
and removed before Sphinx's collectors can register the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from constitution.problems import Problem
from constitution.sphinxext import problem_log

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def refuse_files(app: Sphinx, doctree: nodes.document) -> None:
    found: list[nodes.Element] = [*doctree.findall(nodes.image)]
    found += doctree.findall(addnodes.download_reference)
    for node in found:
        target = node.get("uri") or node.get("reftarget") or ""
        problem_log.log(Problem.of("", 0, "published-file", target=str(target)[:80]), node)
        node.replace_self(nodes.Text(node.astext()))


def setup(app: Sphinx) -> None:
    # Before Sphinx's image and download collectors (priority 500) register the files.
    app.connect("doctree-read", refuse_files, priority=100)
