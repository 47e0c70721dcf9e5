"""Text out of a web page a council publishes its protocol on, saved from a browser.

The page's own words are its main content (``<main>``, or the body where there is none);
the site's navigation, header, footer, forms, cookie banner and the browser tab's title
are the site's, not the protocol's, and are listed as left out, as is a block whose
words are all a link to a place on the same page ("Back to top", a contents entry).
Each block (a heading, a paragraph, a list's item, a table's row) is a line, as a Word
paragraph is: a heading marked as Markdown marks one, an item with the label the browser
draws for it ("- " in a bulleted list, "3." or "c." in a numbered one), a row's cells
apart by tabs. A number the page's own style sheet draws with a CSS counter is drawn as
the browser draws it (css_counters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from constitution.css_counters import Counters, roman

BLOCKS = frozenset(
    {"p", "div", "li", "dt", "dd", "tr", "blockquote", "section", "article", "caption"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "button", "br", "pre"}
    | {"main", "body", "nav", "header", "footer", "aside", "form"}
)
INLINE_MARKS = frozenset({"b", "strong", "i", "em", "u"})  # emphasis, kept as HTML marks
UNSEEN = frozenset({"script", "style", "template", "noscript", "svg"})  # never words
FURNITURE = frozenset({"nav", "header", "footer", "aside", "form"})  # the site's own
# A <header> inside these is theirs, not the site's banner (HTML-AAM maps it to no
# landmark there): an article's header holds its heading, the page's <h1>
SCOPING = frozenset({"article", "aside", "main", "nav", "section"})
# the same parts, named by their ARIA landmark roles on any element
LANDMARKS = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
# A block the site adds around its pages, by what its id or class says it is
# (and the buttons sharing the page: "sharedaddy", "share-buttons", "addtoany")
SITE_PART = re.compile(
    r"cookie|banner|breadcrumb|skip-?link|consent|\bshar(?:e|ing)|addtoany", re.I
)
# the site's header or footer, by its id ("mgHeader", "footer") or a class naming it the
# site's or page's ("site-footer"); not a table's or a section's header among the words
SITE_ID = re.compile(r"(?i)[a-z]{0,8}(?:header|footer)")
SITE_CLASS = re.compile(r"(?i)(?:site|page|global)[-_]?(?:header|footer)")
# A page's own stamp of when it was last changed, as content systems print one under the
# content: "Last updated: 12 July 2024", "Page last reviewed 3/4/2025"
STAMP = re.compile(
    r"(?i)(?:page\s+)?(?:last\s+)?(?:updated|modified|reviewed|published)(?:\s+on)?:?\s*"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|[a-z]{3,9}\s+\d{4})"
)
# a reviewer's comment, as word processors' web pages link one ("#cmnt1" in Google
# Docs', "#_msocom_1" in Word's): its mark in the text no word, its note left out
COMMENT = re.compile(r"(?i)cmnt|msocom|\bcomments?\b")
# a footnote's mark or its note's own number, as LibreOffice's page links them (class
# "sdfootnoteanc" in the text, "sdfootnotesym" before the note's words): a bare figure,
# drawn raised, written "[1]" as a footnote's mark is in every other source
NOTE_LINK = re.compile(r"(?i)foot[-_]?note|endnote|ftn")
# the document's own page header and footer, which LibreOffice's page writes first and
# last as <div title="header"> and <div title="footer">: page furniture, left out
PAGE_PART = frozenset({"header", "footer"})
CELLS = frozenset({"td", "th"})
# A table laid out only for the page's look, as its role says: its blocks are the page's
LAYOUT_ROLES = frozenset({"presentation", "none"})
# A block in a cell beginning with a paragraph's number or an item's label ("1.1",
# "2.", "(a)", "iv)", "b.", a bullet): a paragraph of its own, as a page laid out in a
# table numbers its paragraphs; not a bare figure ("12 Town Hall Street") nor a capital
# and a stop (an initial: "J. Smith")
CELL_LABEL = re.compile(
    r"\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\(?\d{1,3}[.)]|\(?(?:[a-zA-Z]|[ivx]{1,5}|[IVX]{1,5})\)"
    r"|[a-z]\.|[•▪◦‣–-])(?:\s|$)"
)
ITEM_APART = "\x1f"  # between the items of a list in a cell: "; " once the row is read
# a paragraph in the word processor's Title style ("title" in Google Docs' and
# LibreOffice's pages, "MsoTitle" in Word's): the document's title, as an <h1> is
TITLE_STYLE = frozenset({"title", "MsoTitle"})
# a footnote as web pages mark one (DPUB-ARIA's roles, which pandoc and markdown-it
# write, or their classes): its mark in the text drawn "[1]" as a footnote's is in
# every other format, each note "[1] words", and the link back from a note no word
NOTE_MARK = re.compile(r"(?i)doc-noteref|\bfootnote-ref\b")
NOTES = re.compile(r"(?i)doc-endnotes|doc-footnotes|\bfootnotes\b")
NOTE_BACK = re.compile(r"(?i)doc-backlink|\bfootnote-back(?:ref)?\b")
HOLDERS = frozenset({"li", "dd"})  # an item's or a term's words: one paragraph, its blocks
VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "source", "col"})
# words within a block its style hides ("display:none"): never drawn, as Word's hidden
# text (a contents entry's page number in its web page). A block hidden so is not: a
# panel a script opens (an accordion's), whose words the reader is shown on a click
UNDRAWN = re.compile(r"(?i)(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b")


@dataclass
class List:
    ordered: bool
    kind: str  # "1", "a", "A", "i", "I"
    next: int
    tag: str
    classes: set[str]


class PageReader(HTMLParser):
    """Lines of a page: (text, line in the file, the protocol's own or the site's)."""

    def __init__(self, has_main: bool, counters: Counters) -> None:
        super().__init__(convert_charrefs=True)
        self.has_main = has_main
        self.lines: list[tuple[str, int, bool]] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, the site's furniture here)
        self.hidden: list[int] = []  # the depth of each open element hidden from readers
        self.undrawn: list[int] = []  # the depth of each open inline element not drawn
        self.comment = False  # the block being read is a reviewer's comment
        self.titled = 0  # the depth of a paragraph in the Title style, if one is open
        self.title_line: int | None = None  # the line of the first such paragraph
        self.lists: list[List] = []
        self.buffer: list[str] = []
        self.start = 1  # the line of the file where the block's words begin
        self.label = ""  # the label the browser draws for the list item being read
        self.counters = counters
        self.in_page: list[str] = []  # the block's words in links to a place on the page
        self.linking = False  # in such a link
        self.elsewhere: list[str] = []  # the block's words in links to another page
        self.leaving = False  # in such a link
        self.noting = False  # in a footnote's mark or its note's number
        # the lines that go on with a list's item or a definition list's <dd> after its
        # first block (its second <p>): the paragraph's own by the markup
        self.going_on: set[int] = set()
        self.holders: list[list[int]] = []  # each open <li> or <dd>: [depth, blocks read]
        self.notes = 0  # the depth of a page's list of footnotes, if one is open
        self.marking = 0  # the depth of a footnote's mark in the text, if one is open
        self.layout: list[int] = []  # the depth of each open table laid out for looks
        self.cell_at = 0  # where in the buffer the cell being read begins
        self.block_at: int | None = None  # where a block in it begins, until its words

    @property
    def furniture(self) -> bool:
        return self.stack[-1][1] if self.stack else self.has_main  # outside <main>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.in_cell(tag):
            # a cell's paragraphs are its words, the row a line; a list's items apart
            held = re.search(r"\w", "".join(self.buffer[self.cell_at :]))
            self.buffer.append(ITEM_APART if tag == "li" and held else " ")
            self.block_at = len(self.buffer)
        elif tag in BLOCKS or tag == "title":
            self.flush()
        if tag in VOID:
            return
        named = f"{values.get('id') or ''} {values.get('class') or ''}"
        main = tag == "main" or values.get("role") == "main"
        scoped = tag == "header" and any(t in SCOPING for t, _ in self.stack)
        site = (tag in FURNITURE and not scoped) or tag == "title"
        site = site or values.get("role") in LANDMARKS
        site = site or bool(SITE_PART.search(named))
        site = site or bool(SITE_ID.fullmatch(values.get("id") or ""))
        site = site or any(map(SITE_CLASS.fullmatch, (values.get("class") or "").split()))
        site = site or (tag in BLOCKS and bool(COMMENT.search(named)))  # Word's comment
        site = site or (tag == "div" and (values.get("title") or "").lower() in PAGE_PART)
        here = False if main else (site or self.furniture)
        self.stack.append((tag, here))
        if tag == "table" and values.get("role") in LAYOUT_ROLES:
            self.layout.append(len(self.stack))
        if tag in CELLS:
            self.cell_at = len(self.buffer)
        if values.get("aria-hidden") == "true":
            self.hidden.append(len(self.stack))
        if tag not in BLOCKS and UNDRAWN.search(values.get("style") or ""):
            self.undrawn.append(len(self.stack))
        if tag == "a" and COMMENT.search(values.get("id") or ""):
            self.comment = not "".join(self.buffer).strip()  # the comment's own label
        if tag == "a" and COMMENT.search(values.get("href") or "") and not self.comment:
            self.undrawn.append(len(self.stack))  # the comment's mark in the text
        noted = f"{values.get('role') or ''} {values.get('class') or ''}"
        if tag == "a" and NOTE_BACK.search(noted):
            self.undrawn.append(len(self.stack))
        elif tag == "a" and NOTE_MARK.search(noted):
            self.marking = len(self.stack)
            self.buffer.append("[")
        if tag in BLOCKS and NOTES.search(noted):
            self.notes = len(self.stack)
        if tag in BLOCKS and TITLE_STYLE & set((values.get("class") or "").split()):
            self.titled = len(self.stack)
        if tag in HOLDERS:
            self.holders.append([len(self.stack), 0])
        classes = set((values.get("class") or "").split())
        drawn = self.counters.enter(tag, classes)
        href = values.get("href") or ""
        if tag == "a" and self.marking != len(self.stack):  # a mark not bracketed already
            self.noting = bool(NOTE_LINK.search(named + (href if href.startswith("#") else "")))
        if tag == "a" and (values.get("href") or "").startswith("#"):
            self.linking = True
        elif tag == "a" and values.get("href"):
            self.leaving = True
        if tag in ("ul", "ol"):
            start = values.get("start") or "1"
            kind = values.get("type") or "1"
            number = int(start) if start.isdigit() else 1
            self.lists.append(List(tag == "ol", kind, number, tag, classes))
        elif tag == "li" and self.lists and not self.in_cell(tag):
            self.label = self.item_label(self.lists[-1], values.get("value"))
            if self.notes:
                self.label = f"[{self.label.rstrip('. ')}] "
            if self.counters.unmarked(tag, classes) or self.counters.unmarked(
                self.lists[-1].tag, self.lists[-1].classes
            ):
                self.label = ""  # the style sheet takes the browser's marker away
        elif tag in INLINE_MARKS:
            self.buffer.append(f"<{tag}>")
        if drawn:
            self.buffer.append(drawn)

    def handle_endtag(self, tag: str) -> None:
        if tag in INLINE_MARKS:
            self.buffer.append(f"</{tag}>")
        if tag == "a":
            self.linking = self.leaving = self.noting = False
            if self.marking == len(self.stack):
                self.buffer.append("]")
        if tag in CELLS:
            self.buffer.append("\t")  # the cells of a row apart, as a Word table's are
        elif self.in_cell(tag):
            self.buffer.append(" ")
        elif tag in BLOCKS or tag == "title":
            self.flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        # close up to the tag's own opening (a page's HTML may leave some unclosed)
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                self.hidden = [h for h in self.hidden if h <= depth]
                self.undrawn = [h for h in self.undrawn if h <= depth]
                self.layout = [h for h in self.layout if h <= depth]
                self.titled = self.titled if self.titled <= depth else 0
                self.notes = self.notes if self.notes <= depth else 0
                self.marking = self.marking if self.marking <= depth else 0
                self.holders = [h for h in self.holders if h[0] <= depth]
                self.counters.leave(depth)
                break

    def handle_data(self, data: str) -> None:
        if self.undrawn or any(tag in UNSEEN for tag, _ in self.stack):
            return
        if self.hidden and not re.search(r"\w", data):
            return  # an icon hidden from screen readers ("+", "▼"): decoration, no words
        if self.block_at is not None and data.strip():
            self.apart(data)
        opening = not "".join(self.buffer).strip()
        if opening:
            self.start = self.getpos()[0]
        if self.noting and data.strip().isdigit():
            data = f"[{data.strip()}]" + (" " if opening else "")  # the note's own: "[1] ..."
        self.buffer.append(re.sub(r"\s+", " ", data))
        if self.linking:
            self.in_page.append(data)
        if self.leaving:
            self.elsewhere.append(data)

    def in_cell(self, tag: str) -> bool:
        """A block within a data table's cell: its words the cell's, the row one line.
        Not a heading, nor a block in a table laid out for looks: those are the page's."""
        inner = {"tr", "table", *CELLS}
        if tag not in BLOCKS or tag in inner or re.fullmatch(r"h[1-6]", tag):
            return False
        tables = [at for at, (t, _) in enumerate(self.stack, 1) if t == "table"]
        in_cell = any(t in CELLS for t, _ in self.stack)
        return in_cell and not (tables and tables[-1] in self.layout)

    def apart(self, data: str) -> None:
        """A block in a cell whose first words are a paragraph's number or an item's
        label, after words of the same cell: a line of its own, the words before ended."""
        at, self.block_at = self.block_at or 0, None
        held = re.search(r"\w", "".join(self.buffer[self.cell_at : at]))
        if held and CELL_LABEL.match(data):
            rest, self.buffer = self.buffer[at:], self.buffer[:at]
            self.flush()
            self.buffer, self.start = rest, self.getpos()[0]

    def item_label(self, listed: List, value: str | None) -> str:
        if not listed.ordered:
            return "- "
        if value and value.isdigit():
            listed.next = int(value)
        n, listed.next = listed.next, listed.next + 1
        if listed.kind in ("a", "A") and n <= 26:
            letter = chr(ord("a") + n - 1)
            return f"{letter.upper() if listed.kind == 'A' else letter}. "
        if listed.kind in ("i", "I"):
            numeral = roman(n)
            return f"{numeral.upper() if listed.kind == 'I' else numeral}. "
        return f"{n}. "

    def flush(self) -> None:
        """End the block's words: a line of its own."""
        # a word processor's runs each in its own marks ("<b>2.</b><b> </b><b>ROLES</b>")
        text = re.sub(r"</(\w+)>(\s*)<\1>", r"\2", "".join(self.buffer))
        text = re.sub(r" *\t *", "\t", text)
        text = re.sub(rf"\s*{ITEM_APART}\s*", "; ", text)
        linked, self.in_page = " ".join("".join(self.in_page).split()), []
        away, self.elsewhere = " ".join("".join(self.elsewhere).split()), []
        self.buffer, self.cell_at, self.block_at = [], 0, None
        text = re.sub(r" {2,}", " ", text).strip("\t ")
        words = " ".join(re.sub(r"</?\w+>", "", text).split())
        if not words:
            return
        heading = next((t for t, _ in reversed(self.stack) if re.fullmatch(r"h[1-6]", t)), "")
        if self.titled and self.title_line is None:
            self.title_line = len(self.lines)
        heading = heading or ("h1" if self.titled else "")
        # a block that is all a link to a place on the page is its navigation; one that
        # is all a link to another (not a heading, an item or a cell) is the site's too:
        # "Print friendly version", "Download this document"
        navigation = bool(linked) and linked == words
        navigation = navigation or (away == words and not (heading or self.label or "\t" in text))
        navigation = navigation or bool(STAMP.fullmatch(words))  # the page's, not the text's
        if heading:
            text = f"{'#' * int(heading[1])} {text}"
        elif self.label and not self.furniture:
            text = self.label + text
        if self.holders and not heading:
            if self.holders[-1][1] and not self.label:
                self.going_on.add(len(self.lines))
            self.holders[-1][1] += 1
        self.label = ""
        # the Title style is the document's, even in a <header> (pandoc's title block)
        site = (self.furniture and not self.titled) or navigation or self.comment
        self.lines.append((text, self.start, site))
        self.comment = False


def read_page(html: str) -> PageReader:
    """The page read: each block's text as a line, with its line in the file and whether
    it is the site's (outside the main content, or in its navigation, banners and forms);
    and which lines go on with the block before (going_on)."""
    has_main = bool(re.search(r"<main\b|role=[\"']main[\"']", html, re.I))
    style = "\n".join(re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.I | re.S))
    reader = PageReader(has_main, Counters.of(style))
    reader.feed(html)
    reader.close()
    reader.flush()
    # a line or two over the paragraph in the Title style, at the document's top, are
    # its header (Google Docs writes the header first, in a <div> of its own), not its
    # title: left out. Not where headings or more come first: the Title style is then
    # no document's title
    over = [at for at, (_, _, site) in enumerate(reader.lines[: reader.title_line]) if not site]
    headed = any(reader.lines[at][0].startswith("#") for at in over)
    if reader.title_line and len(over) <= 2 and not headed:
        for at in over:
            text, line, _ = reader.lines[at]
            reader.lines[at] = (text, line, True)
    return reader
