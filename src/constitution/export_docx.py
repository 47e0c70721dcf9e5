"""A version of a document as a Word file, for an editor who redrafts in Word.

Laid out as a council's own Word copy is, and as `constitution import --revision` reads
one back: the title in Word's Title style, each section a Heading 1 ("7. Undue
pressure"), each paragraph its number typed before a tab (typed, so Word never
renumbers it), a hanging indent under it. A paragraph's words are walked from its parsed
tree (text_tree.py): emphasis and strong words as italic and bold, a list's items as
Word's bulleted list or their numbers (or their own labels, "(a)") typed, a web or
e-mail link as a hyperlink, a reference as the version reads it ("paragraph 7.12"),
linked to the paragraph it cites, a defined term in a character style of its own, a
statute by its title, linked to legislation.gov.uk. A revoked paragraph (insert
numbering) keeps its number in its place, "Revoked by" its resolution, as the version's
pages show it. What the version is (draft or adopted, and when) is in the page header,
which the importer leaves out, so a file brought back with no edit changes nothing.

The same version gives the same bytes (word_file.py). The body is written as Word's XML
text, parsed once, as text_html.py writes a clause's HTML: for 4,992 paragraphs,
python-docx's paragraph and run objects (which look each style up by name in the whole
style sheet) took 9.5 s, lxml's elements made one by one 0.58 s, this text 0.45 s,
against 0.22 s for Akoma Ntoso (medians of three in one run, on a shared machine); and
every version of every document is written each build.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from constitution import text_nodes as nodes
from constitution import word_file
from constitution.council import Council
from constitution.model import BETWEEN_STYLE, Between, Clause, Document, RevokedSection, Section
from constitution.numbering import in_place, number_key
from constitution.text_html import PAGE
from constitution.text_plain import cited
from constitution.text_tree import Inline, Tree

LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
INDENT = 709  # twentieths of a point (1.25 cm): a paragraph's hanging indent
HEADINGS = tuple(f"Heading {n}" for n in range(1, 7))  # a section's, then sub-headings' ('##'...)
DEFINED, LINKED = "Defined Term", "Hyperlink"  # character styles the file defines
CODE_FONT = "Courier New"
Form = tuple[tuple[str, str], ...]  # a run's properties, in the order Word's schema sets
PIECES = re.compile(r"([\n\t])")  # a line end, a tab: Word's own elements, not text


def bookmark(clause_id: str) -> str:
    """A paragraph's bookmark, which a reference to it links: its ID, as Word's bookmark
    names take letters, digits and underscores only."""
    return re.sub(r"\W", "_", clause_id)


def _set(form: Form, name: str, value: str = "") -> Form:
    """``form`` with one more property, kept in the schema's order (rStyle, rFonts, b, i)."""
    order = ("rStyle", "rFonts", "b", "i")
    return tuple(sorted({**dict(form), name: value}.items(), key=lambda p: order.index(p[0])))


def _attr(value: str) -> str:
    return escape(value, quote=True)


def run(text: str, form: Form = ()) -> str:
    """A run of words, with the properties ``form`` gives."""
    props = []
    for name, value in form:
        if name == "rFonts":
            value = _attr(value)
            props.append(f'<w:rFonts w:ascii="{value}" w:hAnsi="{value}" w:cs="{value}"/>')
        else:
            props.append(f'<w:{name} w:val="{_attr(value)}"/>' if value else f"<w:{name}/>")
    pieces = [
        "<w:br/>" if piece == "\n" else "<w:tab/>" if piece == "\t"
        else f'<w:t xml:space="preserve">{escape(piece, quote=False)}</w:t>'
        for piece in PIECES.split(text)
        if piece
    ]  # fmt: skip
    shown = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f"<w:r>{shown}{''.join(pieces)}</w:r>"


class Writer:
    """One version's Word file, paragraph by paragraph, each a piece of Word's XML."""

    def __init__(
        self, document: Document, council: Council, status: list[str], when: dt.date | None
    ) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_UNDERLINE
        from docx.shared import RGBColor

        self.document, self.statutes, self.when = document, council.statutes, when
        self.word = word_file.new(document.title, council.name, when)
        # The licence, as the other open data files name it: the core properties have no
        # field for it, so their description (Word's "Comments").
        licence = f"Published under the {council.licence}: {council.licence_url}"
        self.word.core_properties.comments = licence
        self.xml: list[str] = []  # the body's paragraphs
        self.bookmarks = 0
        # Marks made by style, not on the run: the importer reads a run's own underline
        # as emphasis, and would write it into the paragraph were it reworded.
        styles = self.word.styles
        defined = styles.add_style(DEFINED, WD_STYLE_TYPE.CHARACTER)
        defined.font.underline = WD_UNDERLINE.DOTTED
        linked = styles.add_style(LINKED, WD_STYLE_TYPE.CHARACTER)
        linked.font.underline = True
        linked.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        styles.add_style(BETWEEN_STYLE, WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]
        self.style = {
            name: styles[name].style_id
            for name in (DEFINED, LINKED, BETWEEN_STYLE, "Title", *HEADINGS, "List", "List 2",
                         "List 3", "List Bullet", "List Bullet 2", "List Bullet 3")
        }  # fmt: skip
        header = self.word.sections[0].header.paragraphs[0]
        header.text = " · ".join([council.name, *([council.part] if council.part else []),
                                  *status])  # fmt: skip

    def file(self) -> bytes:
        from docx.oxml.ns import nsdecls
        from docx.oxml.parser import parse_xml

        doc = self.document
        self.paragraph(run(doc.title), "Title")
        self.blocks(doc.intro_tree)
        shown: list[Section | RevokedSection] = [*doc.sections, *doc.revoked_sections]
        for section in sorted(shown, key=lambda s: number_key(s.number)):
            # one printed as revoked in the document imported has no title here
            heading = (
                f"{section.number}. {section.title}" if section.title else f"{section.number}."
            )
            self.paragraph(run(heading), "Heading 1")
            if isinstance(section, RevokedSection):
                self.paragraph(revoked(section.said))
                continue
            self.blocks(section.intro_tree)
            for p in in_place(section):
                if isinstance(p, Clause):
                    self.blocks(p.tree, number=p.number, mark=p.id)
                elif isinstance(p, Between) and p.level:  # a sub-heading, under the section's
                    inline = (b.children for b in p.tree if isinstance(b, nodes.Paragraph))
                    level = HEADINGS[min(p.level, len(HEADINGS)) - 1]  # '###': Heading 3
                    self.paragraph("".join(map(self.inlines, inline)), level)
                elif isinstance(p, Between):
                    self.blocks(p.tree, style=BETWEEN_STYLE)
                else:
                    self.numbered(p.number, "", revoked(p.said))
        body = parse_xml(f"<w:body {nsdecls('w', 'r')}>{''.join(self.xml)}</w:body>")
        empty = self.word.element.body
        body.append(empty.sectPr)  # the page's settings close the body
        self.word.element.replace(empty, body)
        return word_file.saved(self.word, self.when)

    def paragraph(
        self, content: str, style: str = "", indent: int = 0, hanging: bool = False
    ) -> None:
        """A paragraph of the body, in ``style``, indented by ``indent`` (twentieths of a
        point), its first line out to the margin if ``hanging``."""
        props = []
        if style:
            props.append(f'<w:pStyle w:val="{_attr(self.style[style])}"/>')
        if hanging:
            props.append(f'<w:tabs><w:tab w:val="left" w:pos="{indent}"/></w:tabs>')
        if indent:
            out = f' w:hanging="{indent}"' if hanging else ""
            props.append(f'<w:ind w:left="{indent}"{out}/>')
        shown = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
        self.xml.append(f"<w:p>{shown}{content}</w:p>")

    def numbered(self, number: str, mark: str, content: str) -> None:
        """A paragraph opening with its number typed, then a tab, under a hanging indent;
        the number marked as the bookmark of the clause ``mark``, which references link."""
        lead = run(f"{number}\t")
        if mark:
            self.bookmarks += 1
            at = self.bookmarks
            lead = (f'<w:bookmarkStart w:id="{at}" w:name="{_attr(bookmark(mark))}"/>'
                    f'{lead}<w:bookmarkEnd w:id="{at}"/>')  # fmt: skip
        self.paragraph(lead + content, indent=INDENT, hanging=True)

    def blocks(self, tree: Tree, number: str = "", mark: str = "", style: str = "") -> None:
        """A clause's (``mark``, its ID) or an introduction's blocks: a clause's first
        paragraph after its number (alone on its line, before a list), its others
        indented under it; words without a number in ``style``."""
        for block in tree:
            content = self.inlines(block.children) if isinstance(block, nodes.Paragraph) else ""
            if number:
                self.numbered(number, mark, content)
                number = ""
            elif isinstance(block, nodes.Paragraph):
                self.paragraph(content, style, indent=INDENT if mark else 0)
            if not isinstance(block, nodes.Paragraph):
                self.items(block, mark, 0)

    def items(self, block: nodes.BulletList | nodes.OrderedList, mark: str, depth: int) -> None:
        """A list: bullets as Word's bulleted list, to three levels; an ordered list's
        numbers typed, as a paragraph's are, so that Word keeps them as written."""
        level = "" if depth == 0 else f" {min(depth, 2) + 1}"
        indent = INDENT * (depth + (2 if mark else 1))
        first = block.start if isinstance(block, nodes.OrderedList) else 1
        labelled = isinstance(block, nodes.BulletList) and block.labelled
        bullets = isinstance(block, nodes.BulletList) and not labelled
        for n, item in enumerate(block.items, start=first):
            # an item's own label ("(a)") typed as a number is, in place of a bullet; in
            # bold if written so ("**(a)**"), that the revision reads it back as written
            label = nodes.item_label(item).rstrip() if labelled else ""
            bold = bool(label) and nodes.bold_label(item)
            for k, part in enumerate(nodes.unlabelled(item) if label else item):
                if not isinstance(part, nodes.Paragraph):
                    self.items(part, mark, depth + 1)
                elif bullets and k == 0:
                    self.paragraph(self.inlines(part.children), f"List Bullet{level}", indent)
                else:
                    typed = run(label, _set((), "b")) + run("\t") if bold else ""
                    typed = typed or run(f"{label or f'{n}.'}\t")
                    lead = typed if k == 0 else ""
                    self.paragraph(lead + self.inlines(part.children), f"List{level}", indent)

    def inlines(self, children: tuple[Inline, ...], form: Form = ()) -> str:
        """Runs of words; ``form`` is what the runs around them carry (a style, a font,
        bold, italic)."""
        out = []
        for node in children:
            if isinstance(node, nodes.Text):
                out.append(run(node.text.replace("\n", " "), form))
            elif isinstance(node, nodes.Code):
                out.append(run(node.text, _set(form, "rFonts", CODE_FONT)))
            elif isinstance(node, nodes.SoftBreak):
                out.append(run(" ", form))
            elif isinstance(node, nodes.HardBreak):
                out.append(run("\n", form))
            elif isinstance(node, nodes.Emphasis):
                out.append(self.inlines(node.children, _set(form, "i")))
            elif isinstance(node, nodes.Strong):
                out.append(self.inlines(node.children, _set(form, "b")))
            elif isinstance(node, nodes.Link):
                out.append(self.link(node, form))
            elif isinstance(node, nodes.Ref):
                words, target = cited(node, self.document), self.document.clause(node.target)
                if target is None:  # another document's: as it is cited, not in this file
                    out.append(run(words, form))
                else:
                    linked = run(words, _set(form, "rStyle", self.style[LINKED]))
                    out.append(self.hyperlink(linked, anchor=bookmark(target.id)))
            elif isinstance(node, nodes.Term):
                out.append(run(node.shown, _set(form, "rStyle", self.style[DEFINED])))
            elif isinstance(node, nodes.Statute):
                out.append(self.statute(node, form))
        return "".join(out)

    def statute(self, node: nodes.Statute, form: Form) -> str:
        """A statute by its title (or the words given), linked to legislation.gov.uk."""
        entry = self.statutes.get(node.target)
        if entry is None:
            return run(node.shown, form)
        words = entry.title if node.shown == node.target else node.shown
        return self.hyperlink(run(words, _set(form, "rStyle", self.style[LINKED])), entry.url)

    def link(self, node: nodes.Link, form: Form) -> str:
        """A web or e-mail address as a hyperlink; a link to one of the site's pages as
        its words alone, as the page is the site's, not the file's."""
        if PAGE.match(node.href):
            return self.inlines(node.children, form)
        linked = _set(form, "rStyle", self.style[LINKED])
        words = self.inlines(node.children, linked) if node.children else run(node.href, linked)
        return self.hyperlink(words, node.href)

    def hyperlink(self, runs: str, url: str = "", anchor: str = "") -> str:
        """Runs as a hyperlink, to an address or to a bookmark of the file."""
        if url:
            rid = self.word.part.relate_to(url, LINK, is_external=True)
            return f'<w:hyperlink r:id="{_attr(rid)}">{runs}</w:hyperlink>'
        return f'<w:hyperlink w:anchor="{_attr(anchor)}">{runs}</w:hyperlink>'


def revoked(said: str) -> str:
    """What a revoked paragraph (after its number) or section (under its heading) says:
    the resolution that revoked it (or the words its document printed in its place), as
    the version's pages show them."""
    return run(f"{said}.", (("i", ""),))


def to_docx(document: Document, council: Council, status: list[str], when: dt.date | None) -> bytes:
    """The version's Word file; ``status`` is what it is (as the PDF's first page says),
    ``when`` the day it was adopted (None for the draft: the file then carries no date)."""
    return Writer(document, council, status, when).file()
