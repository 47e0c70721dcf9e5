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

The same version gives the same bytes (word_file.py). The body is written as Word's XML
elements directly (lxml, as python-docx holds them): python-docx's paragraph and run
objects look each style up by its name in the whole style sheet, and took 3.6 s for the
model's 208 paragraphs (0.4 s so), for every version of every document in a build.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lxml import etree

from constitution import text_nodes as nodes
from constitution import word_file
from constitution.council import Council
from constitution.model import Clause, Document, RevokedSection, Section
from constitution.numbering import in_number_order, number_key
from constitution.text_html import PAGE
from constitution.text_plain import cited
from constitution.text_tree import Inline, Tree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
INDENT = 709  # twentieths of a point (1.25 cm): a paragraph's hanging indent
DEFINED, LINKED = "Defined Term", "Hyperlink"  # character styles the file defines
CODE_FONT = "Courier New"
Form = tuple[tuple[str, str], ...]  # a run's properties, in the order Word's schema sets


def bookmark(clause_id: str) -> str:
    """A paragraph's bookmark, which a reference to it links: its ID, as Word's bookmark
    names take letters, digits and underscores only."""
    return re.sub(r"\W", "_", clause_id)


def _set(form: Form, name: str, value: str = "") -> Form:
    """``form`` with one more property, kept in the schema's order (rStyle, rFonts, b, i)."""
    order = ("rStyle", "rFonts", "b", "i")
    return tuple(sorted({**dict(form), name: value}.items(), key=lambda p: order.index(p[0])))


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
        self.part = self.word.part
        self.body = self.word.element.body
        self.bookmarks = 0
        # Marks made by style, not on the run: the importer reads a run's own underline
        # as emphasis, and would write it into the paragraph were it reworded.
        styles = self.word.styles
        defined = styles.add_style(DEFINED, WD_STYLE_TYPE.CHARACTER)
        defined.font.underline = WD_UNDERLINE.DOTTED
        linked = styles.add_style(LINKED, WD_STYLE_TYPE.CHARACTER)
        linked.font.underline = True
        linked.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        self.style = {
            name: styles[name].style_id
            for name in (DEFINED, LINKED, "Title", "Heading 1", "List", "List 2", "List 3",
                         "List Bullet", "List Bullet 2", "List Bullet 3")
        }  # fmt: skip
        header = self.word.sections[0].header.paragraphs[0]
        header.text = " · ".join([council.name, *([council.part] if council.part else []),
                                  *status])  # fmt: skip

    def file(self) -> bytes:
        doc = self.document
        self.words(self.paragraph("Title"), doc.title)
        self.blocks(doc.intro_tree)
        shown: list[Section | RevokedSection] = [*doc.sections, *doc.revoked_sections]
        for section in sorted(shown, key=lambda s: number_key(s.number)):
            self.words(self.paragraph("Heading 1"), f"{section.number}. {section.title}")
            if isinstance(section, RevokedSection):
                self.revoked(self.paragraph(), section.resolution)
                continue
            self.blocks(section.intro_tree)
            for p in in_number_order(section):
                if isinstance(p, Clause):
                    self.blocks(p.tree, number=p.number, mark=p.id)
                else:
                    self.revoked(self.numbered(p.number), p.resolution)
        self.body.append(self.body.sectPr)  # the page's settings close the body
        return word_file.saved(self.word, self.when)

    def paragraph(self, style: str = "", indent: int = 0, hanging: bool = False) -> Any:
        """A new paragraph at the body's end, in ``style``, indented by ``indent``
        (twentieths of a point), its first line out to the margin if ``hanging``."""
        p = etree.SubElement(self.body, f"{W}p")
        if style or indent:
            props = etree.SubElement(p, f"{W}pPr")
            if style:
                etree.SubElement(props, f"{W}pStyle").set(f"{W}val", self.style[style])
            if hanging:
                tab = etree.SubElement(etree.SubElement(props, f"{W}tabs"), f"{W}tab")
                tab.set(f"{W}val", "left")
                tab.set(f"{W}pos", str(indent))
            if indent:
                ind = etree.SubElement(props, f"{W}ind")
                ind.set(f"{W}left", str(indent))
                if hanging:
                    ind.set(f"{W}hanging", str(indent))
        return p

    def numbered(self, number: str, mark: str = "") -> Any:
        """A paragraph opening with its number typed, then a tab, under a hanging indent;
        the number marked as the bookmark of the clause ``mark``, which references link."""
        p = self.paragraph(indent=INDENT, hanging=True)
        if mark:
            self.bookmarks += 1
            start = etree.SubElement(p, f"{W}bookmarkStart")
            start.set(f"{W}id", str(self.bookmarks))
            start.set(f"{W}name", bookmark(mark))
        self.words(p, f"{number}\t")
        if mark:
            etree.SubElement(p, f"{W}bookmarkEnd").set(f"{W}id", str(self.bookmarks))
        return p

    def revoked(self, paragraph: Any, resolution: str) -> None:
        """A revoked paragraph after its number, or under a revoked section's heading: the
        resolution that revoked it, as the version's pages show them."""
        self.words(paragraph, f"Revoked by {resolution}.", (("i", ""),))

    def blocks(self, tree: Tree, number: str = "", mark: str = "") -> None:
        """A clause's (``mark``, its ID) or an introduction's blocks: a clause's first
        paragraph after its number (alone on its line, before a list), its others
        indented under it."""
        for block in tree:
            if number:
                paragraph = self.numbered(number, mark)
                number = ""
            elif isinstance(block, nodes.Paragraph):
                paragraph = self.paragraph(indent=INDENT if mark else 0)
            if isinstance(block, nodes.Paragraph):
                self.inlines(paragraph, block.children, ())
            else:
                self.items(block, mark, 0)

    def items(self, block: nodes.BulletList | nodes.OrderedList, mark: str, depth: int) -> None:
        """A list: bullets as Word's bulleted list, to three levels; an ordered list's
        numbers typed, as a paragraph's are, so that Word keeps them as written."""
        level = "" if depth == 0 else f" {min(depth, 2) + 1}"
        indent = INDENT * (depth + (2 if mark else 1))
        first = block.start if isinstance(block, nodes.OrderedList) else 1
        for n, item in enumerate(block.items, start=first):
            for k, part in enumerate(item):
                if not isinstance(part, nodes.Paragraph):
                    self.items(part, mark, depth + 1)
                elif isinstance(block, nodes.BulletList) and k == 0:
                    paragraph = self.paragraph(f"List Bullet{level}", indent)
                    self.inlines(paragraph, part.children, ())
                else:
                    paragraph = self.paragraph(f"List{level}", indent)
                    if k == 0:
                        self.words(paragraph, f"{n}.\t")
                    self.inlines(paragraph, part.children, ())

    def inlines(self, host: Any, children: tuple[Inline, ...], form: Form) -> None:
        """Runs of words in a paragraph or a hyperlink; ``form`` is what the runs around
        them carry (a style, a font, bold, italic)."""
        for node in children:
            if isinstance(node, nodes.Text):
                self.words(host, node.text.replace("\n", " "), form)
            elif isinstance(node, nodes.Code):
                self.words(host, node.text, _set(form, "rFonts", CODE_FONT))
            elif isinstance(node, nodes.SoftBreak):
                self.words(host, " ", form)
            elif isinstance(node, nodes.HardBreak):
                self.words(host, "\n", form)
            elif isinstance(node, nodes.Emphasis):
                self.inlines(host, node.children, _set(form, "i"))
            elif isinstance(node, nodes.Strong):
                self.inlines(host, node.children, _set(form, "b"))
            elif isinstance(node, nodes.Link):
                self.link(host, node, form)
            elif isinstance(node, nodes.Ref):
                words, target = cited(node, self.document), self.document.clause(node.target)
                if target is None:  # another document's: as it is cited, not in this file
                    self.words(host, words, form)
                else:
                    link = self.hyperlink(host, anchor=bookmark(target.id))
                    self.words(link, words, _set(form, "rStyle", self.style[LINKED]))
            elif isinstance(node, nodes.Term):
                self.words(host, node.shown, _set(form, "rStyle", self.style[DEFINED]))
            elif isinstance(node, nodes.Statute):
                self.statute(host, node, form)

    def statute(self, host: Any, node: nodes.Statute, form: Form) -> None:
        """A statute by its title (or the words given), linked to legislation.gov.uk."""
        entry = self.statutes.get(node.target)
        if entry is None:
            self.words(host, node.shown, form)
            return
        words = entry.title if node.shown == node.target else node.shown
        link = self.hyperlink(host, url=entry.url)
        self.words(link, words, _set(form, "rStyle", self.style[LINKED]))

    def link(self, host: Any, node: nodes.Link, form: Form) -> None:
        """A web or e-mail address as a hyperlink; a link to one of the site's pages as
        its words alone, as the page is the site's, not the file's."""
        if PAGE.match(node.href):
            self.inlines(host, node.children, form)
            return
        link = self.hyperlink(host, url=node.href)
        linked = _set(form, "rStyle", self.style[LINKED])
        if node.children:
            self.inlines(link, node.children, linked)
        else:
            self.words(link, node.href, linked)

    def hyperlink(self, host: Any, url: str = "", anchor: str = "") -> Any:
        """A hyperlink, to an address or to a bookmark of the file, at the end of
        ``host``; its runs are added to it as to a paragraph."""
        link = etree.SubElement(host, f"{W}hyperlink")
        if url:
            link.set(f"{R}id", self.part.relate_to(url, LINK, is_external=True))
        else:
            link.set(f"{W}anchor", anchor)
        return link

    def words(self, host: Any, text: str, form: Form = ()) -> None:
        """A run of words at the end of ``host`` (a paragraph or a hyperlink), with the
        properties ``form`` gives."""
        run = etree.SubElement(host, f"{W}r")
        if form:
            props = etree.SubElement(run, f"{W}rPr")
            for name, value in form:
                prop = etree.SubElement(props, f"{W}{name}")
                if name == "rFonts":
                    for side in ("ascii", "hAnsi", "cs"):
                        prop.set(f"{W}{side}", value)
                elif value:
                    prop.set(f"{W}val", value)
        for piece in re.split(r"([\n\t])", text):  # a line end, a tab: Word's own
            if piece in ("\n", "\t"):
                etree.SubElement(run, f"{W}br" if piece == "\n" else f"{W}tab")
            elif piece:
                words = etree.SubElement(run, f"{W}t")
                words.text = piece
                words.set(XML_SPACE, "preserve")


def to_docx(document: Document, council: Council, status: list[str], when: dt.date | None) -> bytes:
    """The version's Word file; ``status`` is what it is (as the PDF's first page says),
    ``when`` the day it was adopted (None for the draft: the file then carries no date)."""
    return Writer(document, council, status, when).file()
