"""A Word file (.docx) read as lines: its parts read within limits (Strict Open
XML too), revisions read as accepted, each paragraph a line, with its comments,
running heads and feet, text boxes and table of contents kept aside and said why.

Apart from extract.py's dispatch; the paragraphs' words, styles, tables and numbering
are read in the word_* modules below it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from constitution.extract_lines import (
    CONTENTS,
    MAX_PART_BYTES,
    MAX_PARTS,
    Extracted,
    Line,
    fail,
    too_large,
)
from constitution.model import BETWEEN_STYLE
from constitution.problems import Problem, ProtocolError
from constitution.word_numbering import Numberer, note_format, notes_cited, number_notes
from constitution.word_paragraphs import (
    FALLBACK,
    LINKED,
    NOTES,
    TEXT_BOX,
    W,
    address_links,
    floating,
    opened,
    paragraph_text,
    prompting,
    typed_tables,
    vanished,
)
from constitution.word_styles import (
    body_half_points,
    emphatic_styles,
    heading_styles,
    named_styles,
    outline_level,
    outline_levels,
    outlined,
    set_as_body,
)
from constitution.word_tables import (
    banner,
    boxed,
    control_rows,
    laid_out,
    table_rows,
)

# ---------------------------------------------------------------- Word


def read_part(path: Path, docx: zipfile.ZipFile, name: str) -> Any:
    """One XML part of a Word file, parsed (None if absent), refused if it unzips beyond
    MAX_PART_BYTES: by the size the archive declares, and by the bytes actually read."""
    from lxml import etree

    info = docx.NameToInfo.get(name)
    if info is None:
        return None
    data = b""
    if info.file_size <= MAX_PART_BYTES:
        with docx.open(info) as part:
            data = part.read(MAX_PART_BYTES + 1)
    if (size := max(info.file_size, len(data))) > MAX_PART_BYTES:
        raise too_large(path, f"{name} unzips to {size:,} bytes", f"{MAX_PART_BYTES:,} bytes")
    # No entities (they nest into a bomb) and no network: Word writes neither.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(transitional(data), parser)


# Word's "Strict Open XML Document" (ISO/IEC 29500 Strict) writes the parts a .docx holds
# under namespaces of its own, the relationships' types too; read, they are the same
# elements, so each is read under the namespace a .docx gives it.
STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": (
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    ),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
    b"http://purl.oclc.org/ooxml/officeDocument/math": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/math"
    ),
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": (
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    ),
    b"http://purl.oclc.org/ooxml/drawingml/": b"http://schemas.openxmlformats.org/drawingml/2006/",
}


def transitional(data: bytes) -> bytes:
    """A part as a .docx writes it, where Word saved it Strict."""
    if b"http://purl.oclc.org/ooxml/" not in data:
        return data
    for strict, usual in STRICT.items():
        data = data.replace(strict, usual)
    return data


def from_docx(path: Path) -> Extracted:
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as docx:
            if (parts := len(docx.infolist())) > MAX_PARTS:
                raise too_large(
                    path, f"the Word file holds {parts:,} parts", f"{MAX_PARTS:,} parts"
                )
            body = read_part(path, docx, "word/document.xml")
            numbering = read_part(path, docx, "word/numbering.xml")
            styles = read_part(path, docx, "word/styles.xml")
            notes_parts = {kind: read_part(path, docx, f"word/{kind}s.xml") for kind in NOTES}
            settings = read_part(path, docx, "word/settings.xml")
            comments = read_part(path, docx, "word/comments.xml")
            heads_and_feet = {
                name: read_part(path, docx, name)
                for name in sorted(docx.NameToInfo)
                if re.fullmatch(r"word/(?:header|footer)\d*\.xml", name)
            }
            # each part names its links' addresses in its own relationships
            linking = {"word/document.xml": body}
            linking |= {f"word/{kind}s.xml": part for kind, part in notes_parts.items()}
            linking |= {"word/comments.xml": comments, **heads_and_feet}
            for name, part in linking.items():
                if part is not None:
                    rels = name.replace("word/", "word/_rels/") + ".rels"
                    address_links(part, read_part(path, docx, rels))
            margins = list(heads_and_feet.values())
        if body is None:
            raise KeyError("there is no word/document.xml in the archive")
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise fail(path, "import-docx-corrupt", error=exc) from None
    revisions = len(body.findall(f".//{W}ins")) + len(body.findall(f".//{W}del"))
    numberer = Numberer(numbering, styles)
    headings = heading_styles(styles)
    levels = outline_levels(styles)
    emphatic = emphatic_styles(styles)
    half_points = body_half_points(styles)
    subtitles = named_styles(styles, "subtitle")
    apart = named_styles(styles, BETWEEN_STYLE.lower())
    quoting = set().union(*(named_styles(styles, name) for name in QUOTATION_STYLES))
    toc = contents_paragraphs(body, styles)
    shown = {kind: number_notes(body, kind, note_format(settings, kind)) for kind in NOTES}
    lines, n = [], 0
    tabbed: dict[int, str] = {}  # a body paragraph's words with its tabs, by its index
    pictures: list[int] = []  # the lines holding a picture or an embedded object
    chunks: list[int] = []  # the lines where a part from another file stands
    commented: dict[str, int] = {}  # a comment's id: the line it is made on
    boxes: list[tuple[Any, int]] = []  # each text box, and the line it is anchored on
    hidden: list[tuple[Line, str]] = []  # words formatted hidden, and their line
    control: list[tuple[Line, str]] = []  # a document-control table's rows
    contents: list[Line] = []  # Word's table of contents
    tables: list[str] = []  # a note for each table made a list
    # the boxes weighed once: each weighing reads its whole cell
    boxed_tables = {table for table in body.iter(f"{W}tbl") if boxed(table)}
    for para in body.iter(f"{W}p", f"{W}tbl", f"{W}altChunk"):
        tabled = any(a not in boxed_tables for a in para.iterancestors(f"{W}tbl"))
        if floating(para) or tabled:
            continue  # read with its table, or a text box's
        n += 1
        if para in boxed_tables:
            continue  # its paragraphs are read next, in their place
        if para.tag == f"{W}altChunk" or para.find(f".//{W}subDoc") is not None:
            chunks.append(n)
            continue
        pictures += [n for _ in unread(para)]
        for mark in para.iter(f"{W}commentReference", f"{W}commentRangeStart"):
            commented.setdefault(mark.get(f"{W}id") or "", n)
        boxes += [(box, n) for box in boxes_in(para)]
        for kept_apart, why in ((vanished, HIDDEN), (prompting, PROMPT)):
            if words := concealed(para, kept_apart):
                hidden.append((Line(words, n), why))
        if para.tag == f"{W}tbl" and (laid := laid_out(para, path, n)) is not None:
            lines += [Line(text, n, cell=cell) for text, cell in laid]
            tables.append(
                f"The table at line {n} lays the protocol out, a paragraph's number in its "
                "first column and its words in the second: it was read as the paragraphs it "
                "holds, a row merged across it as a heading."
            )
            continue
        if para.tag == f"{W}tbl" and (band := banner(para)):
            lines.append(Line(f"# {band}", n))  # a template's heading, set in a table
            continue
        if para.tag == f"{W}tbl" and (record := control_rows(para)):
            control += [(Line(row, n), CONTROL) for row in record]
            continue
        if para.tag == f"{W}tbl":
            rows = [Line(f"- {row}", n) for row in table_rows(para)]
            lines += rows
            tables.append(
                f"The table at line {n} was imported as a list of {len(rows)} item(s), a row "
                "an item, each cell on a line of its own, a header row the first: a clause "
                "cannot hold a table. Check it reads as printed."
            )
            continue
        text = paragraph_text(para, breaks=True)
        broken = itemised(text.split("\n"))  # its items' lines (broken_lines)
        if "\n" in text:  # one line here
            text = " ".join(text.split())
        if not text.strip():
            lines.append(Line("", n))
            continue
        if para in toc:
            # the table's heading ("Contents") just before its first entry goes with it
            if not contents and lines and CONTENTS.match(lines[-1].text.lstrip("# ")):
                contents.append(lines.pop())
            contents.append(Line(text, n))
            continue
        label = numberer.label(para)
        within = not label and set_within(para)
        text = f"{label} {text}" if label else text
        style = para.find(f"{W}pPr/{W}pStyle")
        heading = outlined(para.find(f"{W}pPr")) or (
            style is not None and style.get(f"{W}val") in headings
        )
        # Marked as the importer marks a Markdown heading; a long "heading" is a paragraph
        # that merely wears a heading's style.
        level = 0
        if heading and len(text.split()) <= 20:  # a title holds a link's words, not the link
            text = "# " + LINKED.sub(lambda m: m[1] + m[2] + m[3], text)
            level = outline_level(para.find(f"{W}pPr")) or levels.get(
                style.get(f"{W}val") if style is not None else "", 0
            )
        elif style is not None and style.get(f"{W}val") in subtitles and titled(lines):
            # Word's subtitle goes on the title over it: a council's name in the Title
            # style, the protocol's own in the Subtitle, are one heading
            lines[-1] = replace(lines[-1], text=joined(lines[-1].text, text))
            continue
        own = style is not None and style.get(f"{W}val") in apart
        quoted = style is not None and style.get(f"{W}val") in quoting
        plain = not heading and set_as_body(para, style, emphatic, half_points)
        if not level and "\t" in (cells := paragraph_text(para, tabs=True)):
            tabbed[len(lines)] = f"{label} {cells}" if label else cells
        further = numberer.unmarked(para)  # the list item's own, as its first paragraph is
        line = Line(
            text, n, within=within, cell=further, apart=own, level=level, plain=plain, quoted=quoted
        )
        if level or len(broken) < 2 or len(lines) in tabbed:
            lines.append(line)
        else:
            lines += broken_lines(line, broken, label)
    typed = typed_tables([line.text for line in lines], tabbed)
    lines = [replace(line, text=text) for line, text in zip(lines, typed, strict=True)]
    if chunks:
        raise ProtocolError(
            [
                Problem.of(
                    str(path), chunks[0], "import-docx-chunks", count=len(chunks), at=chunks[0]
                )
            ]
        )
    cited = " ".join(line.text for line in lines)
    found = [
        text for kind in NOTES for text in notes_cited(notes_parts[kind], kind, cited, shown[kind])
    ]
    lines += [Line(text, n + i) for i, text in enumerate(found, start=1)]
    notes = [f"{revisions} tracked change(s) were read as accepted."] if revisions else []
    notes += tables
    if pictures:
        at = ", ".join(map(str, sorted(set(pictures))))
        notes.append(
            f"{len(pictures)} picture or embedded object (line {at}) was not read: check it "
            "holds none of the protocol's words."
            if len(pictures) == 1
            else f"{len(pictures)} pictures or embedded objects (lines {at}) were not read: "
            "check they hold none of the protocol's words."
        )
    asides = hidden + control + said_in_comments(comments, commented) + text_boxes(boxes)
    heads: dict[str, tuple[Line, str]] = {}  # a head the first page's, odd and even repeat: once
    for part in margins:
        asides += text_boxes([(box, 0) for box in boxes_in(part)])
        heads |= {line.text: (line, why) for line, why in running(part) if line.text not in heads}
    asides += heads.values()
    return Extracted(
        lines, revisions, notes, whole_paragraphs=True, contents=contents, asides=asides
    )


# The styles Word and LibreOffice set a quotation in ("Quote", "Intense Quote" Word's;
# "Quotations" LibreOffice's; "Block Text" Word's and pandoc's for a block quote), by name
QUOTATION_STYLES = ("quote", "intense quote", "quotations", "block text")
HIDDEN = "hidden text in the Word file, which Word neither shows nor prints"
PROMPT = "a content control's placeholder: Word's prompt to fill it in, not the protocol's words"
CONTROL = "a row of the document-control table: the record kept of the document, not its words"


# A list item's mark opening a line: a bullet, "(a)", "a)", "a.", "(i)", "i.", "1)", "1."
ITEM_MARK = re.compile(r"\s*(?:[-\u2022\u25e6\u25aa\u2023*]|\(?(?:[a-z]|[ivx]{1,5}|\d{1,3})[.)])\s")


# A line set in by spaces, as a text laid out in a fixed-width type is (pandoc's code
# block of a text: "      PROTOCOL ON ...", " (a)  as leaders ...\n      direction;")
SET_IN = re.compile(r" {2,}\S")


def itemised(lines: list[str]) -> list[str]:
    """A Word paragraph's lines between line breaks, each line not opening with a list
    item's mark joined to the one before by a space: a break within a sentence, a
    heading ("Section 1" / "Introduction"), a date under a line or between two
    sentences is a typist's, not a text's lines; a script's items ("1) contact the
    Clerk", "(b) ...") each start a line of their own (keeping its indent). Lines set
    in by spaces are a text's as laid out, each kept."""
    if any(SET_IN.match(line) for line in lines[1:]):
        return lines
    pieces = [lines[0]]
    for line in lines[1:]:
        if ITEM_MARK.match(line) or not pieces[-1].strip():
            pieces.append(line)
        elif line.strip():
            pieces[-1] = f"{pieces[-1].rstrip()} {' '.join(line.split())}"
    return pieces


def broken_lines(line: Line, broken: list[str], label: str) -> list[Line]:
    """A Word paragraph whose items line breaks keep (itemised), read as a text's block
    of lines: its number on its first, each item after going on it (Line.after_break)."""
    texts = [f"{label} {broken[0]}" if label else broken[0], *broken[1:]]
    return [replace(line, text=text, after_break=at > 0) for at, text in enumerate(texts)]


def concealed(para: Any, kept_apart: Callable[[Any], bool]) -> str:
    """The paragraph's (or table's) words that ``kept_apart`` says are not its text
    (hidden, or a placeholder), neither deleted nor a text box's."""
    words = [
        node.text or ""
        for node in para.iter(f"{W}t")
        if kept_apart(node)
        and not floating(node)
        and not any(a.tag in (f"{W}del", f"{W}moveFrom") for a in node.iterancestors())
    ]
    return re.sub(r"\s+", " ", "".join(words)).strip()


def unread(para: Any) -> list[Any]:
    """The paragraph's pictures and embedded objects (a text box's words are read)."""
    return [
        found
        for found in para.iter(f"{W}drawing", f"{W}object", f"{W}pict")
        if not floating(found) and found.find(f".//{TEXT_BOX}") is None
    ]


def set_within(para: Any) -> bool:
    """Whether a paragraph with no number of its own is set as part of a numbered one:
    indented from the margin, or in a list with its numbering switched off (numId 0)."""
    num_id = para.find(f"{W}pPr/{W}numPr/{W}numId")
    if num_id is not None and num_id.get(f"{W}val") == "0":
        return True
    ind = para.find(f"{W}pPr/{W}ind")
    left = ind.get(f"{W}left") or ind.get(f"{W}start") if ind is not None else None
    return bool(left and left.lstrip("-").isdigit() and int(left) > 0)


def said_in_comments(comments: Any, commented: dict[str, int]) -> list[tuple[Line, str]]:
    """A reviewer's comments: not the protocol's words, so left out, each with the line
    it was made on and who made it."""
    out = []
    for comment in comments.iter(f"{W}comment") if comments is not None else ():
        words = " ".join(filter(None, map(paragraph_text, comment.iter(f"{W}p"))))
        if words:
            author = comment.get(f"{W}author")
            by = f" by {author}" if author else ""
            line = commented.get(comment.get(f"{W}id") or "", 0)
            out.append(
                (Line(words, line), f"a comment{by} in the Word file, not the protocol's words")
            )
    return out


def boxes_in(node: Any) -> list[Any]:
    """The text boxes in ``node`` (a box in a box among them), each once: as drawn, and
    from the copy Word keeps for older readers only what no drawn box holds (Word writes
    a box inside a box in that VML copy alone)."""
    every = list(node.iter(TEXT_BOX))
    copied = {box for box in every if any(a.tag == FALLBACK for a in box.iterancestors())}
    seen = {box_words(box) for box in every if box not in copied}
    found = []
    for box in every:
        if box in copied:
            if (words := box_words(box)) in seen:
                continue
            seen.add(words)
        found.append(box)
    return found


def box_words(box: Any) -> str:
    """A text box's own words: its paragraphs', not those of a box inside it."""
    own = (p for p in box.iter(f"{W}p") if next(p.iterancestors(TEXT_BOX, FALLBACK)) is box)
    return " ".join(filter(None, map(paragraph_text, own)))


def text_boxes(boxes: list[tuple[Any, int]]) -> list[tuple[Line, str]]:
    """Each text box's words (``boxes`` from boxes_in), with the line it is anchored on:
    a box floats beside the text, so where its words belong is for an editor to say."""
    why = "a text box, beside the text: put its words in a clause if they are the protocol's"
    return [(Line(words, line), why) for box, line in boxes if (words := box_words(box))]


def running(part: Any) -> list[tuple[Line, str]]:
    """A running head's or foot's lines (Word keeps them apart from the text)."""
    why = "page furniture: the Word file's running head or foot"
    return [
        (Line(words, 0), why)
        for para in part.iter(f"{W}p")
        if not floating(para) and (words := paragraph_text(para).replace("\t", " "))
    ]


def contents_paragraphs(body: Any, styles: Any) -> set[Any]:
    """The paragraphs of Word's table of contents: inside its TOC field (from the field's
    start to its end, over many paragraphs), inside the content control Word puts it in,
    or in a contents style ("toc 1", "TOC Heading")."""
    found = set()
    fields: list[list[Any]] = []  # each field open at this point: its instruction, ...
    for para in body.iter(f"{W}p"):
        inside = any(f.lstrip().upper().startswith("TOC") for f, _ in fields)
        for node in para.iter(f"{W}fldChar", f"{W}instrText"):
            opened(fields, node)
            inside = inside or any(f.lstrip().upper().startswith("TOC") for f, _ in fields)
        if inside:
            found.add(para)
    for sdt in body.iter(f"{W}sdt"):
        gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
        if gallery is not None and (gallery.get(f"{W}val") or "").lower() == "table of contents":
            found.update(sdt.iter(f"{W}p"))
    toc_styles = {
        style.get(f"{W}styleId")
        for style in (styles.iter(f"{W}style") if styles is not None else ())
        if (name := style.find(f"{W}name")) is not None
        and re.fullmatch(r"(?i)toc (?:\d|heading)", name.get(f"{W}val") or "")
    }
    for para in body.iter(f"{W}p"):
        style = para.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") in toc_styles:
            found.add(para)
    return found


def titled(lines: list[Line]) -> bool:
    """Whether the document so far is only its title, a heading (and empty lines)."""
    words = [line.text for line in lines if line.text]
    return len(words) == 1 and words[0].startswith("# ")


# A heading's line that its next line finishes: "Protocol Perthynas Aelodau a Swyddogion /"
# over its English, "Relations between Members and" over "Officers", in capitals too
# ("... BETWEEN MEMBERS AND"); but "PART A" is finished, its letter no article.
UNFINISHED = re.compile(r"(?:[/&:,–—-]|\b(?:(?i:and|or|of|for|the|between|on|ac)|a))$")


def joined(first: str, second: str) -> str:
    """One heading printed on two lines: a dash between its parts ("PART C – CONDUCT
    TOWARDS OFFICERS"), unless the first line leaves off mid-phrase."""
    return f"{first} {second}" if UNFINISHED.search(first.rstrip()) else f"{first} – {second}"
