"""A Word paragraph's words as the importer carries them: its runs' text with
emphasis and links in Markdown, symbol fonts' characters, and what Word hides,
prompts with or keeps in a floating box left out.

Apart as the lowest of the Word reader's modules: styles, tables, numbering and the
reader itself (word_read) all read a paragraph's words so.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Any

from constitution.extract_lines import TAB_LEADER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A text box's words, and what Word writes again for older readers (a drawing's VML copy)
TEXT_BOX = f"{W}txbxContent"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What Word's symbol fonts draw at the code points a w:sym names (F0xx, the font's own
# character xx): the few a protocol's text uses. Any other is kept as the code point.
SYMBOLS = {
    "Symbol": {"B3": "≥", "A3": "≤", "B9": "≠", "B7": "•", "B8": "÷", "B1": "±"}
    | {"AE": "→", "AC": "←", "D3": "©", "D2": "®", "E3": "©", "E2": "®", "BE": "—"},
    "Wingdings": {"FC": "✓", "FB": "✗", "A7": "▪", "9F": "•", "E0": "→", "D8": "➢"},
}


REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# A link a clause may hold (the gate refuses any other), and its words as the importer
# carries them, in Markdown: [words](address)
LINKABLE = re.compile(r"(?i)^(?:https?://|mailto:)\S+$")
LINKED = re.compile(r"\[(\s*)([^\[\]]*?)(\s*)\]\(((?:https?://|mailto:)[^\s()]+)\)", re.I)


def address_links(body: Any, relations: Any) -> None:
    """Each hyperlink's address, from the part's relationships, on the hyperlink itself
    (as "href"), where a clause can hold it: to the web or an e-mail address. A link to a
    bookmark in the document, or to a file, is its words only."""
    targets = {
        rel.get("Id"): rel.get("Target") or ""
        for rel in (relations.iter() if relations is not None else ())
        if rel.get("TargetMode") == "External"
    }
    for link in body.iter(f"{W}hyperlink"):
        target = targets.get(link.get(f"{REL}id"), "").strip()
        if LINKABLE.match(target):
            address = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            link.set("href", address)


def vanished(node: Any) -> bool:
    """Whether the run holding the node is formatted hidden (w:vanish), as a drafting
    note may be: Word neither shows nor prints it."""
    run = node.getparent()
    hide = run.find(f"{W}rPr/{W}vanish") if run is not None and run.tag == f"{W}r" else None
    return hide is not None and hide.get(f"{W}val", "true") not in ("0", "false", "off")


def prompting(node: Any) -> bool:
    """Whether the node is a content control's placeholder (w:showingPlcHdr): Word's
    prompt to fill the control in ("Click or tap here to enter text."), not its words."""
    return any(
        a.tag == f"{W}sdtContent"
        and a.getparent() is not None
        and a.getparent().find(f"{W}sdtPr/{W}showingPlcHdr") is not None
        for a in node.iterancestors()
    )


def floating(node: Any) -> bool:
    """Inside a text box (its words are not the text's flow), or in the copy of a drawing
    Word writes again for older readers."""
    return any(a.tag in (TEXT_BOX, FALLBACK) for a in node.iterancestors())


# Word's notes, each kind with its own marks, part and numbering, and the format Word
# numbers it in where the document names none: footnotes 1, 2, 3; endnotes i, ii, iii
NOTES = {"footnote": "decimal", "endnote": "lowerRoman"}


def switched_on(props: Any, name: str) -> bool:
    """Whether run properties (a run's, or a style's) switch ``name`` on ("b" bold)."""
    found = props.find(f"{W}{name}") if props is not None else None
    return found is not None and found.get(f"{W}val", "true") not in ("0", "false", "none")


def paragraph_text(para: object, tabs: bool = False, breaks: bool = False) -> str:
    """The paragraph's words with every revision accepted: insertions in, deletions out;
    a hyperlink to the web or an e-mail address as [words](address); what Word prints for
    a non-breaking hyphen or a symbol. Hidden words, a content control's placeholder and a
    text box's words are not the paragraph's (from_docx lists them as left out). A tab
    between words is a space, or with ``tabs`` a tab (for typed_tables); so is a line
    break, or with ``breaks`` a newline (the lines it keeps, for from_docx)."""
    parts: list[tuple[str, str]] = []  # (text, its emphasis)
    nodes = para.iter(  # type: ignore[attr-defined]
        f"{W}t",
        f"{W}tab",
        f"{W}br",
        *(f"{W}{kind}Reference" for kind in NOTES),
        f"{W}noBreakHyphen",
        f"{W}sym",
        f"{W}fldChar",
        f"{W}instrText",
    )
    linked: Any = None  # the hyperlink whose words these are
    fields: list[list[Any]] = []  # each field open here: [its instruction, its result yet]
    for node in nodes:
        if node.tag in (f"{W}fldChar", f"{W}instrText"):
            opened(fields, node)
            continue
        outside = []  # the elements between the word and its paragraph
        for a in node.iterancestors():
            if a is para:
                break
            outside.append(a)
        if {f"{W}del", f"{W}moveFrom", TEXT_BOX, FALLBACK} & {a.tag for a in outside}:
            continue  # deleted, or a text box's (read as the box's words)
        if vanished(node) or prompting(node):
            continue  # hidden, or Word's prompt: listed as left out
        link = next((a for a in outside if a.tag == f"{W}hyperlink" and a.get("href")), None)
        if link is not linked:
            if linked is not None:
                parts.append((f"]({linked.get('href')})", ""))
            if link is not None:
                parts.append(("[", ""))
            linked = link
        if node.tag.endswith("noteReference"):  # a note's mark, as a text export prints it
            mark = node.get("shown", node.get(f"{W}id"))
            parts.append((f"[{mark}]" if mark else "", ""))
            continue
        # a link's words, a w:hyperlink's or a HYPERLINK field's: underlined as links are
        in_link = any(linking(a.tag, a.get(f"{W}instr")) for a in outside) or any(
            linking(f"{W}fldSimple", instruction) for instruction, result in fields if result
        )
        if node.tag in (f"{W}noBreakHyphen", f"{W}sym"):
            parts.append((drawn(node), emphasis_of(node, in_link)))
            continue
        if breaks and node.tag == f"{W}br" and node.get(f"{W}type") in (None, "textWrapping"):
            parts.append(("\n", ""))  # a line break, not a page's or a column's
            continue
        if node.tag != f"{W}t":  # a tab, or a line break: a space, but a tab kept so
            parts.append(("\t" if node.tag == f"{W}tab" or not tabs else " ", ""))
            continue
        parts.append((node.text or "", emphasis_of(node, in_link)))
    if linked is not None:
        parts.append((f"]({linked.get('href')})", ""))
    # a link's words without the spaces at their edges; a link with no words, none
    text = LINKED.sub(
        lambda m: f"{m[1]}[{m[2]}]({m[4]}){m[3]}" if m[2] else m[1] + m[3], emphasised(parts)
    )
    # a tab before a page number ends a contents entry: kept, for the importer to see
    leader = re.search(r"\t\s*(\d{1,4})\s*$", text)
    body = text[: leader.start()] if leader else text
    if tabs:
        words = re.sub(r" *\t[\t ]*", "\t", re.sub(r"[^\S\t]+", " ", body)).strip()
    else:
        words = re.sub(r"\s+", " ", body).strip()
    if breaks and "\n" in body.strip():  # each line as typed, its indent too, as a text's
        # the first line's indent kept as the others' are (a quotation set in)
        words = "\n".join(line.rstrip() for line in body.split("\n")).strip("\n")
    return f"{words}\t{leader[1]}" if leader and words else words


# A number's or bullet's tab before the paragraph's words ("1.2<tab>Members ...", "1.1a",
# "Stage 2<tab>The Monitoring Officer ..."): no cell
LABELLED_TAB = re.compile(
    r"^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*[A-Za-z]{0,4}|[A-Za-z]|[ivxIVX]{1,5})[.)]?|[-•◦▪‣*]"
    r"|(?:Stage|Step|Rule|Part|Article|Section|Paragraph|Schedule|Appendix|Annex)\s+\w{1,4}[.:]?)"
    r"\t"
)


EMPHASIS = re.compile(r"\*{1,2}|_{1,2}")  # the marks of bold and italic words ("**1.2.**")


def typed_tables(texts: list[str], tabbed: dict[int, str]) -> list[str]:
    """A table typed with tabs, as a text's tab-separated lines become in Word (one
    paragraph a line): two or more body paragraphs running whose words a tab splits into
    cells (``tabbed``, by their index: their words with the tabs kept) are its rows, and
    read with their tabs, as the text's lines are; a paragraph alone so reads as before,
    its tab a space."""
    cells = {
        at
        for at, text in tabbed.items()
        if "\t" in LABELLED_TAB.sub("", EMPHASIS.sub("", text)) and not TAB_LEADER.search(text)
    }
    return [
        tabbed[at] if at in cells and (at - 1 in cells or at + 1 in cells) else text
        for at, text in enumerate(texts)
    ]


def drawn(node: Any) -> str:
    """What a non-breaking hyphen or a symbol font's character prints as."""
    if node.tag == f"{W}noBreakHyphen":
        return "-"
    code = (node.get(f"{W}char") or "").upper()
    font = SYMBOLS.get(node.get(f"{W}font") or "", {})
    return font.get(code[-2:]) or (
        chr(int(code, 16)) if re.fullmatch(r"[0-9A-F]{2,4}", code) else ""
    )


def opened(fields: list[list[Any]], node: Any) -> None:
    """``fields`` (each field open in a paragraph: its instruction, and whether its
    result is reached) as a field's begin, instruction, separator or end leaves them."""
    kind = node.get(f"{W}fldCharType")
    if kind == "begin":
        fields.append(["", False])
    elif kind == "end" and fields:
        fields.pop()
    elif kind == "separate" and fields:
        fields[-1][1] = True
    elif node.tag == f"{W}instrText" and fields:
        fields[-1][0] += node.text or ""


def linking(tag: str, instruction: str | None) -> bool:
    """Whether an element holding words makes them a link: a w:hyperlink, or a field
    (a w:fldSimple, or one drawn by its begin and end) whose instruction is HYPERLINK."""
    if tag == f"{W}hyperlink":
        return True
    return tag == f"{W}fldSimple" and (instruction or "").upper().split()[:1] == ["HYPERLINK"]


def emphasis_of(node: Any, link: bool = False) -> str:
    """The emphasis Word gives a run's text, as the importer carries it: "**" bold, "*"
    italic or underlined, "" none. A ``link``'s underline is how a link is drawn, whatever
    sets it (an editor writes it on the runs themselves): not the author's emphasis."""
    run = node.getparent()
    props = run.find(f"{W}rPr") if run is not None and run.tag == f"{W}r" else None
    if switched_on(props, "b"):
        return "**"
    return "*" if switched_on(props, "i") or (switched_on(props, "u") and not link) else ""


def emphasised(parts: list[tuple[str, str]]) -> str:
    """The runs' text with their emphasis marked, the marks around the words only. A
    paragraph emphasised throughout is left unmarked: that is its style (a heading's, a
    note's), which the importer reads otherwise, not emphasis of some words."""
    if len({mark for text, mark in parts if text.strip()}) <= 1:
        return "".join(text for text, _ in parts)
    out = []
    for mark, run in groupby(parts, key=lambda part: part[1]):
        text = "".join(t for t, _ in run)
        words = text.strip()
        if mark and words:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            text = f"{lead}{mark}{words}{mark}{trail}"
        out.append(text)
    return "".join(out)
