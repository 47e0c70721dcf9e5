"""Five protocols whose words sit in Word's less obvious places (tests/word_internals/*.txt,
each with its gold in golds/, written before the importer was run on them): hyperlinks,
fields (a table of contents, cross-references, page numbers), content controls, comments,
footnotes, headers and footers, a text box, tabs, line breaks, Word's special hyphens and
symbols, automatic numbering that starts at 3, a table of who does what, and what years of
editing leave in a file (runs split inside a word, tracked changes, bookmarks).

A source is one line a paragraph:

    title: / header: / footer: / intro: / intro-sdt: (an introduction's paragraph in a
        content control) / numbering: typed | list:START | headings-list / toc: sdt | field
    # 3 | Title               a section's heading
    3.1 [sdt] [bookmark=NAME] | words      a numbered paragraph
    + | words                 an unnumbered paragraph of the one before (numbering off)
    (a) | words               an item
    header-row: cell | cell   the header row of a table after the paragraph before
    row: cell | cell          a row of that table

and in the words, Word's internals: [[link|URL|words]], [[anchor|BOOKMARK|words]],
[[ref|BOOKMARK|result]] and [[refnum|BOOKMARK|result]] (REF fields), [[fldsimple|INSTRUCTION|
result]], [[page|result]], [[fn:ID|words]] (a footnote, its w:id as years of editing left
it), [[comment|comment|words it is on]], [[sdt|words]], [[date|words]], [[textbox|words]],
[[tab]], [[br]], [[pagebreak]], [[nbh]] (non-breaking hyphen), [[shy]] (soft hyphen),
[[sym|FONT|HEX]], [[split]] (a run ends inside a word), [[ins|words]], [[del|words]].
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from import_layouts import element

SOURCES = Path(__file__).parent / "word_internals"
NAMES = (
    "fields-links",
    "controls-comments",
    "footnotes-box-table",
    "numbering-characters",
    "years-of-editing",
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# What Word's Symbol font draws at the private-use code points w:sym names
SYMBOL = {"F0B3": "\u2265", "F0A3": "\u2264", "F0B7": "\u2022"}


# The source's marks, parsed: a node is words or (mark, its arguments' nodes)

Node = str | tuple[str, list[list[Any]]]


def marks(text: str) -> list[Node]:
    nodes: list[Node] = []
    at = 0
    while (start := text.find("[[", at)) >= 0:
        nodes.append(text[at:start])
        depth, end = 0, start
        while True:
            if text.startswith("[[", end):
                depth, end = depth + 1, end + 2
            elif text.startswith("]]", end):
                depth, end = depth - 1, end + 2
                if depth == 0:
                    break
            else:
                end += 1
        name, *args = split_top(text[start + 2 : end - 2])
        nodes.append((name, [marks(arg) for arg in args]))
        at = end
    nodes.append(text[at:])
    return [n for n in nodes if n != ""]


def split_top(text: str) -> list[str]:
    """The arguments of a mark, split at each "|" outside a mark inside it."""
    parts, depth, start, at = [], 0, 0, 0
    while at < len(text):
        if text.startswith("[[", at) or text.startswith("]]", at):
            depth += 1 if text[at] == "[" else -1
            at += 2
            continue
        if text[at] == "|" and depth == 0:
            parts.append(text[start:at])
            start = at + 1
        at += 1
    return [*parts, text[start:]]


def raw(nodes: list[Node]) -> str:
    return "".join(n for n in nodes if isinstance(n, str))


@dataclass
class Clause:
    number: str
    options: dict[str, str]
    paragraphs: list[tuple[str, list[Node]]]  # (label: "" first, "+" or "(a)"), words
    header: list[str] = field(default_factory=list)  # a table's header row, Word repeating it
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
    number: str
    title: str
    clauses: list[Clause] = field(default_factory=list)


@dataclass
class Source:
    settings: dict[str, str]
    intro: list[tuple[bool, list[Node]]]  # (in a content control, words)
    sections: list[Section]


def read(name: str) -> Source:
    settings: dict[str, str] = {}
    intro: list[tuple[bool, list[Node]]] = []
    sections: list[Section] = []
    for line in (SOURCES / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(": ")
        if line.startswith("# "):
            number, _, title = line[2:].partition(" | ")
            sections.append(Section(number, title))
        elif key in ("intro", "intro-sdt"):
            intro.append((key == "intro-sdt", marks(value)))
        elif key == "header-row":
            sections[-1].clauses[-1].header = value.split(" | ")
        elif key == "row":
            sections[-1].clauses[-1].rows.append(value.split(" | "))
        elif key in ("title", "header", "footer", "numbering", "toc"):
            settings[key] = value
        else:
            head, _, words = line.partition(" | ")
            label, *flags = head.split(" ")
            if label in ("+",) or label.startswith("("):
                sections[-1].clauses[-1].paragraphs.append((label, marks(words)))
                continue
            options = dict(flag.partition("=")[::2] for flag in flags)
            sections[-1].clauses.append(Clause(label, options, [("", marks(words))]))
    return Source(settings, intro, sections)


# The gold: what the document prints, as the importer should give it


@dataclass
class Printed:
    footnotes: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def printed(nodes: list[Node], seen: Printed, notes: list[str]) -> str:
    """The words as Word shows them; a footnote's mark numbered in order of appearance
    (whatever its w:id), its words kept for the paragraph after; a comment's and a text
    box's words listed as left out."""
    out = ""
    for node in nodes:
        if isinstance(node, str):
            out += node
            continue
        name, args = node
        words = [printed(arg, seen, notes) for arg in args]
        if name == "link":
            out += f"[{words[1]}]({raw(args[0])})"
        elif name in ("anchor", "ref", "refnum", "fldsimple"):
            out += words[1]
        elif name in ("page", "sdt", "date", "ins"):
            out += words[0]
        elif name.startswith("fn:"):
            seen.footnotes.append(words[0])
            mark = f"[{len(seen.footnotes)}]"
            out += mark
            notes.append(f"{mark} {words[0]}")
        elif name == "comment":
            seen.left_out.append(words[0])
            out += words[1] if len(words) > 1 else ""
        elif name == "textbox":
            seen.left_out.append(words[0])
        elif name in ("tab", "br"):
            out += " "
        elif name == "nbh":
            out += "-"
        elif name == "sym":
            out += SYMBOL[raw(args[1])]
        elif name not in ("shy", "split", "del", "pagebreak"):
            raise ValueError(f"unknown mark {name}")
    return out


def gold_of(source: Source) -> dict[str, Any]:
    seen = Printed()
    intro = [printed(words, seen, []) for _, words in source.intro]
    sections = []
    for section in source.sections:
        clauses = []
        for clause in section.clauses:
            paragraphs: list[str] = []
            for label, words in clause.paragraphs:
                notes: list[str] = []
                text = printed(words, seen, notes)
                paragraphs.append(f"- {label} {text}" if label.startswith("(") else text)
                if not label and clause.rows:
                    header = clause.header
                    paragraphs += [
                        "- " + "\ue000".join(f"{h}: {c}" for h, c in zip(header, row, strict=True))
                        for row in clause.rows
                    ]
                paragraphs += notes
            clauses.append(
                {
                    "number": clause.number,
                    "printed": clause.number,
                    "headings": [],
                    "paragraphs": paragraphs,
                }
            )
        sections.append({"number": section.number, "title": section.title, "clauses": clauses})
    furniture = [printed(marks(source.settings[k]), seen, []) for k in ("header", "footer")]
    if "toc" in source.settings:
        furniture.append("Contents")
        furniture += [f"{s.number}. {s.title} {page}" for page, s in contents(source)]
    return {
        "title": source.settings["title"],
        "intro": intro,
        "number_style": "section.paragraph",
        "sections": sections,
        "left_out": furniture + seen.left_out,
    }


def contents(source: Source) -> list[tuple[int, Section]]:
    """Each section with the page its contents entry prints: the second page on."""
    return [(page, section) for page, section in enumerate(source.sections, start=2)]


# The Word file


class Writer:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.document = docx.Document()
        self.footnotes: list[tuple[str, list[Node]]] = []
        self.comments: list[list[Node]] = []
        self.ids = 100  # content controls', tracked changes' and bookmarks' own ids

    def next_id(self) -> str:
        self.ids += 1
        return str(self.ids)

    def run(self, parent: Any, *children: Any, text: str | None = None) -> Any:
        made = element("w:r")
        for child in children:
            made.append(child)
        if text is not None:
            t = element("w:t")
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            made.append(t)
        parent.append(made)
        return made

    def field(self, parent: Any, instruction: str, result: list[Node]) -> None:
        self.run(parent, element("w:fldChar", fldCharType="begin"))
        instr = element("w:instrText")
        instr.text = f" {instruction} "
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        self.run(parent, instr)
        self.run(parent, element("w:fldChar", fldCharType="separate"))
        self.emit(parent, result)
        self.run(parent, element("w:fldChar", fldCharType="end"))

    def control(self, parent: Any, alias: str, *properties: Any) -> Any:
        """A content control in parent, and the element its content goes in."""
        sdt = element("w:sdt")
        pr = element("w:sdtPr")
        pr.append(element("w:alias", val=alias))
        pr.append(element("w:id", val=self.next_id()))
        for made in properties:
            pr.append(made)
        sdt.append(pr)
        content = element("w:sdtContent")
        sdt.append(content)
        parent.append(sdt)
        return content

    def wrap(self, p: Any, alias: str) -> None:
        """A content control around a whole paragraph, where the paragraph stood."""
        body = p.getparent()
        at = body.index(p)
        content = self.control(body, alias)
        body.remove(content.getparent())
        content.append(p)
        body.insert(at, content.getparent())

    def emit(self, parent: Any, nodes: list[Node]) -> None:
        for node in nodes:
            if isinstance(node, str):
                self.run(parent, text=node)
                continue
            name, args = node
            if name == "link":
                rid = self.document.part.relate_to(raw(args[0]), RT.HYPERLINK, is_external=True)
                link = element("w:hyperlink")
                link.set(
                    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rid
                )
                link.set(f"{{{W}}}history", "1")
                self.emit(link, args[1])
                parent.append(link)
            elif name == "anchor":
                link = element("w:hyperlink", anchor=raw(args[0]), history="1")
                self.emit(link, args[1])
                parent.append(link)
            elif name in ("ref", "refnum"):
                switches = "\\r \\h" if name == "refnum" else "\\h"
                result = raw(args[1])
                halves = [result[: len(result) // 2], result[len(result) // 2 :]]
                self.field(parent, f"REF {raw(args[0])} {switches}", halves)
            elif name == "fldsimple":
                simple = element("w:fldSimple", instr=f" {raw(args[0])} ")
                self.emit(simple, args[1])
                parent.append(simple)
            elif name == "page":
                self.field(parent, "PAGE   \\* MERGEFORMAT", args[0])
            elif name.startswith("fn:"):
                note = name[3:]
                self.footnotes.append((note, args[0]))
                r_pr = element("w:rPr")
                r_pr.append(element("w:rStyle", val="FootnoteReference"))
                self.run(parent, r_pr, element("w:footnoteReference", id=note))
            elif name == "comment":
                number = str(len(self.comments))
                self.comments.append(args[0])
                parent.append(element("w:commentRangeStart", id=number))
                if len(args) > 1:
                    self.emit(parent, args[1])
                parent.append(element("w:commentRangeEnd", id=number))
                r_pr = element("w:rPr")
                r_pr.append(element("w:rStyle", val="CommentReference"))
                self.run(parent, r_pr, element("w:commentReference", id=number))
            elif name == "sdt":
                self.emit(self.control(parent, "Text"), args[0])
            elif name == "date":
                picked = element("w:date", fullDate="2025-05-14T00:00:00Z")
                picked.append(element("w:dateFormat", val="d MMMM yyyy"))
                self.emit(self.control(parent, "Date adopted", picked), args[0])
            elif name == "textbox":
                self.text_box(parent, raw(args[0]))
            elif name in ("tab", "br", "noBreakHyphen", "softHyphen"):
                self.run(parent, element(f"w:{name}"))
            elif name == "nbh":
                self.run(parent, element("w:noBreakHyphen"))
            elif name == "shy":
                self.run(parent, element("w:softHyphen"))
            elif name == "pagebreak":
                self.run(parent, element("w:br", type="page"))
            elif name == "sym":
                self.run(parent, element("w:sym", font=raw(args[0]), char=raw(args[1])))
            elif name == "split":
                parent.append(element("w:proofErr", type="spellStart"))
            elif name in ("ins", "del"):
                change = element(f"w:{name}", id=self.next_id(), author="R Lowe")
                change.set(f"{{{W}}}date", "2024-03-01T10:00:00Z")
                if name == "ins":
                    self.emit(change, args[0])
                else:
                    deleted = element("w:delText")
                    deleted.text = raw(args[0])
                    deleted.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    self.run(change, deleted)
                parent.append(change)
            else:
                raise ValueError(f"unknown mark {name}")

    def text_box(self, parent: Any, words: str) -> None:
        """A floating text box as Word 2010 on writes it: the drawing, and the same words
        again in its VML fallback for older readers."""
        content = (
            f'<w:txbxContent xmlns:w="{W}"><w:p><w:r><w:t>{words}</w:t></w:r></w:p></w:txbxContent>'
        )
        box = parse_xml(
            f'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
            f' xmlns:w="{W}"'
            ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
            ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
            ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
            ' xmlns:v="urn:schemas-microsoft-com:vml">'
            '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300"'
            ' distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0"'
            ' layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>3600000</wp:posOffset>'
            '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionV><wp:extent cx="2000000" cy="900000"/>'
            '<wp:wrapSquare wrapText="bothSides"/>'
            '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData'
            ' uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{content}</wps:txbx><wps:bodyPr/>'
            "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            '<mc:Fallback><w:pict><v:shape id="Text Box 1" style="position:absolute;width:157pt;'
            f'height:71pt"><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>'
            "</mc:AlternateContent>"
        )
        self.run(parent, box)

    def paragraph(self, style: str | None = None) -> Any:
        return self.document.add_paragraph(style=style)._p

    def numbered(self, p: Any, level: int, num: str = "90") -> None:
        p_pr = p.get_or_add_pPr()
        numbered = element("w:numPr")
        numbered.append(element("w:ilvl", val=str(level)))
        numbered.append(element("w:numId", val=num))
        p_pr.append(numbered)

    def typed(self, p: Any, label: str, words: list[Node]) -> None:
        self.run(p, text=label)
        self.run(p, element("w:tab"))
        self.emit(p, words)

    def write(self, path: Path) -> None:
        source, document = self.source, self.document
        numbering = source.settings["numbering"]
        if numbering != "typed":
            start = numbering.partition(":")[2] or "1"
            self.list_numbering(start)
        document.add_paragraph(source.settings["title"], style="Title")
        if "toc" in source.settings:
            self.contents(source.settings["toc"])
        for in_control, words in source.intro:
            p = self.paragraph()
            self.emit(p, words)
            if in_control:
                self.wrap(p, "Introduction")
        for number, section in enumerate(source.sections, start=1):
            heading = self.paragraph("Heading 1")
            heading.append(element("w:bookmarkStart", id=self.next_id(), name=f"_Toc{number}"))
            if numbering == "typed":
                self.typed(heading, f"{section.number}.", [section.title])
            else:
                self.numbered(heading, 0)
                self.run(heading, text=section.title)
            heading.append(element("w:bookmarkEnd", id=str(self.ids)))
            for clause in section.clauses:
                self.clause(clause, numbering)
        for part, key in (
            (document.sections[0].header, "header"),
            (document.sections[0].footer, "footer"),
        ):
            self.emit(part.paragraphs[0]._p, marks(source.settings[key]))
        document.save(str(path))
        self.add_parts(path)

    def clause(self, clause: Clause, numbering: str) -> None:
        for label, words in clause.paragraphs:
            listed = numbering.startswith("list")
            p = self.paragraph("List Paragraph" if listed else None)
            if not label:
                if "bookmark" in clause.options:
                    p.append(
                        element(
                            "w:bookmarkStart", id=self.next_id(), name=clause.options["bookmark"]
                        )
                    )
                if listed:
                    self.numbered(p, 1)
                    self.emit(p, words)
                else:
                    self.typed(p, clause.number, words)
                if "bookmark" in clause.options:
                    p.append(element("w:bookmarkEnd", id=str(self.ids)))
                if "sdt" in clause.options:
                    self.wrap(p, "Clause")
                if clause.rows:
                    self.table(clause)
            elif label == "+":
                if listed:
                    self.numbered(p, 1, num="0")  # numbering switched off
                else:
                    p.get_or_add_pPr().append(element("w:ind", left="720"))
                self.emit(p, words)
            elif listed:
                self.numbered(p, 2)
                self.emit(p, words)
            else:
                p.get_or_add_pPr().append(element("w:ind", left="850", hanging="425"))
                self.typed(p, label, words)

    def table(self, clause: Clause) -> None:
        header = clause.header
        table = self.document.add_table(rows=1 + len(clause.rows), cols=len(header))
        for row, cells in zip(table.rows, [header, *clause.rows], strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
        table.rows[0]._tr.get_or_add_trPr().append(element("w:tblHeader"))

    def contents(self, kind: str) -> None:
        """A table of contents as Word writes it: a TOC field whose result is a paragraph
        for each heading (a link to its bookmark, its page number a PAGEREF field), in a
        contents control with the "toc" styles, or (an older file) the field alone."""
        body = self.document.element.body
        styled = kind == "sdt"
        if styled:
            self.document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
            gallery = element("w:docPartObj")
            gallery.append(element("w:docPartGallery", val="Table of Contents"))
            gallery.append(element("w:docPartUnique"))
            holder = self.control(body, "Contents", gallery)
            sdt = holder.getparent()
            body.remove(sdt)
            body.insert(len(body) - 1, sdt)
        heading = self.paragraph("TOC Heading" if styled else None)
        self.run(heading, text="Contents")
        paragraphs = [heading]
        for number, (page, section) in enumerate(contents(self.source), start=1):
            p = self.paragraph("toc 1" if styled else None)
            if number == 1:
                self.run(p, element("w:fldChar", fldCharType="begin"))
                instr = element("w:instrText")
                instr.text = ' TOC \\o "1-3" \\h \\z \\u '
                self.run(p, instr)
                self.run(p, element("w:fldChar", fldCharType="separate"))
            link = element("w:hyperlink", anchor=f"_Toc{number}", history="1")
            self.typed(link, f"{section.number}.", [section.title])
            self.run(link, element("w:tab"))
            self.field(link, f"PAGEREF _Toc{number} \\h", [str(page)])
            p.append(link)
            paragraphs.append(p)
        end = self.paragraph()
        self.run(end, element("w:fldChar", fldCharType="end"))
        paragraphs.append(end)
        if styled:
            for p in paragraphs:
                body.remove(p)
                holder.append(p)

    def list_numbering(self, start: str) -> None:
        """One multilevel list in numbering.xml: "3." on the headings, "3.1" on the
        paragraphs, "(a)" on the items, set on each paragraph (not through its style)."""
        levels = (
            ("decimal", "%1.", start),
            ("decimal", "%1.%2", "1"),
            ("lowerLetter", "(%3)", "1"),
        )
        numbering = self.document.part.numbering_part.element
        abstract = element("w:abstractNum", abstractNumId="90")
        abstract.append(element("w:multiLevelType", val="multilevel"))
        for level, (kind, text, first) in enumerate(levels):
            lvl = element("w:lvl", ilvl=str(level))
            lvl.append(element("w:start", val=first))
            lvl.append(element("w:numFmt", val=kind))
            lvl.append(element("w:lvlText", val=text))
            lvl.append(element("w:lvlJc", val="left"))
            abstract.append(lvl)
        numbering.insert(0, abstract)
        num = element("w:num", numId="90")
        num.append(element("w:abstractNumId", val="90"))
        numbering.append(num)

    def add_parts(self, path: Path) -> None:
        """Footnotes and comments are parts of their own (python-docx writes neither):
        added to the file with their relationships and content types."""
        parts: dict[str, tuple[str, str, str]] = {}
        if self.footnotes:
            notes = "".join(
                f'<w:footnote w:id="{note}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {raw(words)}</w:t></w:r></w:p></w:footnote>'
                for note, words in sorted(self.footnotes, key=lambda n: int(n[0]))
            )
            parts["footnotes"] = (
                f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
                '<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator"'
                ' w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                f"{notes}</w:footnotes>",
                "footnotes",
                "footnotes",
            )
        if self.comments:
            said = "".join(
                f'<w:comment w:id="{i}" w:author="Reviewer" w:date="2025-04-02T09:30:00Z"'
                ' w:initials="RV"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r>'
                '<w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
                f"<w:r><w:t>{raw(words)}</w:t></w:r></w:p></w:comment>"
                for i, words in enumerate(self.comments)
            )
            parts["comments"] = (
                f'<w:comments xmlns:w="{W}">{said}</w:comments>',
                "comments",
                "comments",
            )
        if not parts:
            return
        plain = path.with_suffix(".plain.docx")
        path.rename(plain)
        with zipfile.ZipFile(plain) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
            for item in old.infolist():
                data = old.read(item.filename)
                if item.filename in LISTS:
                    closing, entry, at = LISTS[item.filename]
                    kinds = {name: str(spec[at]) for name, spec in parts.items()}
                    data = appended(data, closing, entry, kinds)
                new.writestr(item, data)
            for name, (xml, _, _) in parts.items():
                new.writestr(f"word/{name}.xml", xml)
        plain.unlink()


# A package's lists of its parts: the closing tag, an entry, and which of a part's kinds
# (its content type's, its relationship's) the entry names
LISTS = {
    "[Content_Types].xml": (
        "</Types>",
        '<Override PartName="/word/{name}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>',
        1,
    ),
    "word/_rels/document.xml.rels": (
        "</Relationships>",
        '<Relationship Id="rIdW{name}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/{kind}" Target="{name}.xml"/>',
        2,
    ),
}


def appended(data: bytes, closing: str, entry: str, kinds: dict[str, str]) -> bytes:
    """A package's list (its content types, its relationships) with an entry for each
    part added before its closing tag."""
    added = "".join(entry.format(name=name, kind=kind) for name, kind in kinds.items())
    return data.replace(closing.encode(), (added + closing).encode())


def handed_over(name: str, folder: Path) -> Path:
    path = folder / f"{name}.docx"
    Writer(read(name)).write(path)
    return path
