"""A version of a document as a Word file, for an editor who redrafts in Word.

Laid out as a council's own Word copy is, and as `constitution import --revision` reads
one back: the title in Word's Title style, each section a Heading 1 ("7. Undue
pressure"), each paragraph its number typed before a tab (typed, so Word never
renumbers it), a hanging indent under it. A paragraph's words are walked from its parsed
tree (text_tree.py): emphasis and strong words as italic and bold, a list's items as
Word's bulleted list or their numbers typed, a web or e-mail link as a hyperlink, a
reference as the version reads it ("paragraph 7.12"), linked to the paragraph it cites,
a defined term in a character style of its own, a statute by its title, linked to
legislation.gov.uk. A revoked paragraph (insert numbering) keeps its number in its place,
"Revoked by" its resolution, as the version's pages show it. What the version is (draft
or adopted, and when) is in the page header, which the importer leaves out, so a file
brought back with no edit changes nothing.

The same version gives the same bytes (word_file.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from constitution import text_nodes as nodes
from constitution import word_file
from constitution.council import Council, Statute
from constitution.model import Clause, Document, RevokedSection, Section
from constitution.numbering import in_number_order, number_key
from constitution.text_html import PAGE
from constitution.text_plain import cited
from constitution.text_tree import Inline, Tree

INDENT = 1.25  # cm: a paragraph's hanging indent, its number before it
DEFINED, LINKED = "Defined Term", "Hyperlink"  # character styles the file defines
CODE_FONT = "Courier New"


def bookmark(clause_id: str) -> str:
    """A paragraph's bookmark, which a reference to it links: its ID, as Word's bookmark
    names take letters, digits and underscores only."""
    return re.sub(r"\W", "_", clause_id)


class Writer:
    """One version's Word file, block by block and run by run."""

    def __init__(
        self, document: Document, council: Council, status: list[str], when: dt.date | None
    ) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_UNDERLINE
        from docx.shared import RGBColor

        self.document, self.statutes, self.when = document, council.statutes, when
        self.word = word_file.new(document.title, council.name, when)
        self.bookmarks = 0
        # Marks made by style, not on the run: the importer reads a run's own underline
        # as emphasis, and would write it into the paragraph were it reworded.
        styles = self.word.styles
        defined = styles.add_style(DEFINED, WD_STYLE_TYPE.CHARACTER)
        defined.font.underline = WD_UNDERLINE.DOTTED
        linked = styles.add_style(LINKED, WD_STYLE_TYPE.CHARACTER)
        linked.font.underline = True
        linked.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        header = self.word.sections[0].header.paragraphs[0]
        header.text = " · ".join([council.name, *([council.part] if council.part else []),
                                  *status])  # fmt: skip

    def file(self) -> bytes:
        doc = self.document
        self.word.add_paragraph(doc.title, style="Title")
        self.blocks(doc.intro_tree)
        shown: list[Section | RevokedSection] = [*doc.sections, *doc.revoked_sections]
        for section in sorted(shown, key=lambda s: number_key(s.number)):
            self.word.add_heading(f"{section.number}. {section.title}", level=1)
            if isinstance(section, RevokedSection):
                self.revoked(self.word.add_paragraph(), section.resolution)
                continue
            self.blocks(section.intro_tree)
            for p in in_number_order(section):
                if isinstance(p, Clause):
                    self.blocks(p.tree, number=p.number, mark=p.id)
                else:
                    self.revoked(self.numbered(p.number), p.resolution)
        return word_file.saved(self.word, self.when)

    def revoked(self, paragraph: Any, resolution: str) -> None:
        """A revoked paragraph after its number, or under a revoked section's heading: the
        resolution that revoked it, as the version's pages show them."""
        paragraph.add_run(f"Revoked by {resolution}.").italic = True

    def numbered(self, number: str) -> Any:
        from docx.shared import Cm

        paragraph = self.word.add_paragraph()
        form = paragraph.paragraph_format
        form.left_indent, form.first_line_indent = Cm(INDENT), Cm(-INDENT)
        form.tab_stops.add_tab_stop(Cm(INDENT))
        paragraph.add_run(f"{number}\t")
        return paragraph

    def blocks(self, tree: Tree, number: str = "", mark: str = "") -> None:
        """A clause's (``mark``, its ID) or an introduction's blocks: a clause's first
        paragraph after its number (alone on its line, before a list), its others
        indented under it."""
        from docx.shared import Cm

        for block in tree:
            if number:
                paragraph = self.numbered(number)
                self.bookmark(paragraph, mark)
                number = ""
            elif isinstance(block, nodes.Paragraph):
                paragraph = self.word.add_paragraph()
                if mark:
                    paragraph.paragraph_format.left_indent = Cm(INDENT)
            if isinstance(block, nodes.Paragraph):
                self.inlines(paragraph, block.children, {})
            else:
                self.items(block, mark, 0)

    def items(self, block: nodes.BulletList | nodes.OrderedList, mark: str, depth: int) -> None:
        """A list: bullets as Word's bulleted list, to three levels; an ordered list's
        numbers typed, as a paragraph's are, so that Word keeps them as written."""
        from docx.shared import Cm

        level = "" if depth == 0 else f" {min(depth, 2) + 1}"
        first = block.start if isinstance(block, nodes.OrderedList) else 1
        for n, item in enumerate(block.items, start=first):
            for k, part in enumerate(item):
                if isinstance(part, nodes.Paragraph):
                    if isinstance(block, nodes.BulletList) and k == 0:
                        paragraph = self.word.add_paragraph(style=f"List Bullet{level}")
                    else:
                        paragraph = self.word.add_paragraph(style=f"List{level}")
                        if k == 0:
                            paragraph.add_run(f"{n}.\t")
                    indent = INDENT * (depth + (2 if mark else 1))
                    paragraph.paragraph_format.left_indent = Cm(indent)
                    self.inlines(paragraph, part.children, {})
                else:
                    self.items(part, mark, depth + 1)

    def inlines(self, paragraph: Any, children: tuple[Inline, ...], form: dict[str, Any]) -> None:
        """Runs of words; ``form`` is what the runs around them carry (italic, bold, a
        style), and ``paragraph`` may be a hyperlink, whose runs are its words."""
        for node in children:
            if isinstance(node, nodes.Text):
                self.run(paragraph, node.text.replace("\n", " "), form)
            elif isinstance(node, nodes.Code):
                self.run(paragraph, node.text, {**form, "font": CODE_FONT})
            elif isinstance(node, nodes.SoftBreak):
                self.run(paragraph, " ", form)
            elif isinstance(node, nodes.HardBreak):
                self.run(paragraph, "", form).add_break()
            elif isinstance(node, nodes.Emphasis):
                self.inlines(paragraph, node.children, {**form, "italic": True})
            elif isinstance(node, nodes.Strong):
                self.inlines(paragraph, node.children, {**form, "bold": True})
            elif isinstance(node, nodes.Link):
                self.link(paragraph, node, form)
            elif isinstance(node, nodes.Ref):
                words, target = cited(node, self.document), self.document.clause(node.target)
                if target is None:  # another document's: as it is cited, not in this file
                    self.run(paragraph, words, form)
                else:
                    link = self.hyperlink(paragraph, anchor=bookmark(target.id))
                    self.run(link, words, {**form, "style": LINKED})
            elif isinstance(node, nodes.Term):
                self.run(paragraph, node.shown, {**form, "style": DEFINED})
            elif isinstance(node, nodes.Statute):
                self.statute(paragraph, node, self.statutes.get(node.target), form)

    def statute(
        self, paragraph: Any, node: nodes.Statute, entry: Statute | None, form: dict[str, Any]
    ) -> None:
        if entry is None:
            self.run(paragraph, node.shown, form)
            return
        words = entry.title if node.shown == node.target else node.shown
        self.run(self.hyperlink(paragraph, url=entry.url), words, {**form, "style": LINKED})

    def link(self, paragraph: Any, node: nodes.Link, form: dict[str, Any]) -> None:
        """A web or e-mail address as a hyperlink; a link to one of the site's pages as
        its words alone, as the page is the site's, not the file's."""
        if PAGE.match(node.href):
            self.inlines(paragraph, node.children, form)
            return
        link = self.hyperlink(paragraph, url=node.href)
        if node.children:
            self.inlines(link, node.children, {**form, "style": LINKED})
        else:
            self.run(link, node.href, {**form, "style": LINKED})

    def hyperlink(self, paragraph: Any, url: str = "", anchor: str = "") -> Any:
        """A hyperlink in the paragraph, to an address or to a bookmark of the file: the
        python-docx Hyperlink, to which runs are added as to a paragraph."""
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import OxmlElement
        from docx.text.hyperlink import Hyperlink

        element = OxmlElement("w:hyperlink")
        if url:
            rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            element.set(_qn("r:id"), rid)
        else:
            element.set(_qn("w:anchor"), anchor)
        host = paragraph._p if hasattr(paragraph, "_p") else paragraph._hyperlink
        host.append(element)
        return Hyperlink(element, paragraph)

    def run(self, host: Any, text: str, form: dict[str, Any]) -> Any:
        """A run of words with the form given, in a paragraph or a hyperlink."""
        from docx.oxml import OxmlElement
        from docx.text.run import Run

        element = OxmlElement("w:r")
        if hasattr(host, "_p"):
            host._p.append(element)
        else:
            host._hyperlink.append(element)
        run = Run(element, host)
        run.text = text
        run.italic = form.get("italic")
        run.bold = form.get("bold")
        if form.get("font"):
            run.font.name = form["font"]
        if form.get("style"):
            run.style = self.word.styles[form["style"]]
        return run

    def bookmark(self, paragraph: Any, clause_id: str) -> None:
        """The paragraph marked with its clause's bookmark, which references link to."""
        from docx.oxml import OxmlElement

        self.bookmarks += 1
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(_qn("w:id"), str(self.bookmarks))
        start.set(_qn("w:name"), bookmark(clause_id))
        end.set(_qn("w:id"), str(self.bookmarks))
        paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
        paragraph._p.append(end)


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


def to_docx(document: Document, council: Council, status: list[str], when: dt.date | None) -> bytes:
    """The version's Word file; ``status`` is what it is (as the PDF's first page says),
    ``when`` the day it was adopted (None for the draft: the file then carries no date)."""
    return Writer(document, council, status, when).file()
