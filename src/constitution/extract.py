"""Text out of a council's protocol file: .txt, .docx or .pdf, as numbered lines.

Each line keeps where it came from (line, and page for PDFs) so that the import report
can point at it. Word revisions are read as if accepted; PDF page furniture (running
headers, footers, page numbers) is dropped, footnotes at a page's foot are marked as
footnotes, and words split by hyphenation are mended.
"""

from __future__ import annotations

import re
import statistics
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import groupby, pairwise
from pathlib import Path
from typing import Any, ClassVar

from constitution import characters, markdown_drawn
from constitution.extract_html import read_page
from constitution.import_languages import MIN_PAIRS, apart
from constitution.model import BETWEEN_STYLE
from constitution.page_asides import NUMBERED_LINE, body_size, set_aside
from constitution.pdf_fonts import Drawn, page_text
from constitution.pdf_order import columns_read, drop_caps_joined, labels_joined
from constitution.pdf_scans import listed, placements, scanned_pages
from constitution.problems import Problem, ProtocolError
from constitution.quoted_mail import quoted

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
# Limits far beyond any council's protocol (the three real ones the importer is tested
# with have 25-37 KB of text and under 300 lines), so that a file made to exhaust time or
# memory is refused at once: a 0.8 MB Word file that unzips to gigabytes ran past 300 s
# and 3.9 GB before it was killed.
MAX_FILE_BYTES = 20_000_000  # the file as given
MAX_LINES = 100_000  # lines of text (a Word paragraph is a line)
MAX_PAGES = 2_000  # of a PDF
MAX_PARTS = 1_000  # files inside a Word file (Word writes about 15, more with pictures)
MAX_PART_BYTES = 20_000_000  # each part read from a Word file, unzipped
PAGE_NUMBER = re.compile(r"(?i)^(page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s+of\s+\d+)?$")
# A front page's number in small Roman numerals ("ii", "Page iv", "- iii -"), as Word
# numbers the contents and foreword before the body's "1"; lower case only ("II" may be
# a section's number)
ROMAN_FOLIO = re.compile(r"^(?:page\s+)?[-–—]?\s*(?=[ivxl])l?x{0,3}(?:ix|iv|v?i{0,3})\s*[-–—]?$")
# A contents table: its heading, and an entry's title with a tab before its page number
# ("Introduction<tab>3"; Word draws the dot leaders at the tab stop).
CONTENTS = re.compile(r"(?i)^(?:table of )?contents$")
TAB_LEADER = re.compile(r"\S\t+\s*\d{1,4}\s*$")


@dataclass(frozen=True)
class Line:
    text: str
    line: int
    page: int | None = None
    drawn: Drawn | None = field(default=None, compare=False)  # a PDF line's size and weight
    # A Word paragraph set as part of the numbered one before it: indented, or in its
    # list with the numbering switched off (not a section's words of its own).
    within: bool = False
    # A Word paragraph of a table laid out as paragraphs (laid_out): a further paragraph in
    # a paragraph's cell, or a row going on from it with its number cell empty; the
    # paragraph's own by the layout, as certainly as its first; and a web page's further
    # block (a second <p>) in a list's item or a definition list's <dd>.
    cell: bool = False
    # A Word paragraph in the style the tool's Word export gives a section's words between
    # paragraphs (model.BETWEEN_STYLE): the section's own words, never the paragraph's before it.
    apart: bool = False
    # A Word heading's level in the outline (1 for Heading 1; 0 for a paragraph, and for a
    # line whose text says it, as Markdown's "##" does).
    level: int = 0
    # A PDF's line set at the body's spacing of lines straight under the one before, in a
    # PDF that sets its paragraphs apart by more: the same paragraph going on.
    wraps: bool = False
    # A PDF's line in bold that stands apart as a heading would but is a sentence
    # (statement): read as the body's words.
    sentence: bool = False
    # A Word paragraph set as the body is (no heading's style, no word of it bold,
    # italic, underlined or in capitals, by its runs or its style): however short, and
    # without a full stop, never a sub-heading, as a reader of the page sees.
    plain: bool = False

    @property
    def where(self) -> str:
        if not self.line:  # a Word file's running head or foot: beside the text, not in it
            return "beside the text"
        return f"page {self.page}, line {self.line}" if self.page else f"line {self.line}"


@dataclass
class Extracted:
    lines: list[Line]
    revisions: int = 0
    notes: list[str] = field(default_factory=list)
    whole_paragraphs: bool = False  # each line a paragraph (Word); else a blank line ends one
    dropped: list[Line] = field(default_factory=list)  # page furniture, left out
    # words a Word file holds outside its text (comments, running heads and feet, text
    # boxes), left out, each with why
    asides: list[tuple[Line, str]] = field(default_factory=list)
    contents: list[Line] = field(default_factory=list)  # Word's table of contents, left out
    site: list[Line] = field(default_factory=list)  # a web page's navigation, banners, left out
    # a PDF's body size, where its headings are told by their type (a line drawn plain in
    # it is then no heading for its shape alone, save one in capitals)
    body: float | None = None


def fail(path: Path, code: str, **fields: object) -> ProtocolError:
    """The file as the user named it: it is not in the project."""
    return ProtocolError([Problem.of(str(path), 0, code, "", **fields)])


def too_large(path: Path, what: str, limit: str) -> ProtocolError:
    return fail(path, "import-too-large", what=what, limit=limit)


def extract(path: Path) -> Extracted:
    """The file's text as lines; ProtocolError when it cannot be read as a protocol."""
    if not path.is_file():
        raise fail(path, "import-missing")
    if path.stat().st_size == 0:
        raise fail(path, "import-empty")
    if what := other_format(path):
        raise fail(path, "import-other-format", what=what)
    readers = {".txt": from_text, ".md": from_text, ".docx": from_docx, ".pdf": from_pdf}
    readers |= {".html": from_html, ".htm": from_html}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise fail(path, "import-format", suffix=path.suffix)
    if (size := path.stat().st_size) > MAX_FILE_BYTES:
        raise too_large(path, f"the file has {size:,} bytes", f"{MAX_FILE_BYTES:,} bytes")
    result = reader(path)
    if reader is from_docx:  # a text's and a PDF's were made plain as they were read
        result.lines = [replace(line, text=characters.plain(line.text)) for line in result.lines]
    else:  # a Word file's revisions are read as accepted
        refuse_revision_marks(path, result.lines)
    characters.refuse_unreadable(str(path), [(t.text, t.line, t.where) for t in result.lines])
    result.lines = superscript_notes(result.lines)
    if len(result.lines) > MAX_LINES:
        raise too_large(path, f"the file has {len(result.lines):,} lines", f"{MAX_LINES:,} lines")
    if sum(len(line.text) for line in result.lines) < 40:
        raise fail(path, "import-no-text")
    return result


# The first bytes of the word processors' files the importer does not read, and what each
# is: a council's older or other software saves them, and may name them .doc, .txt or .docx
OTHER_FORMATS = (
    (b"{\\rtf", "a Rich Text Format (RTF) file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word 97-2003 document (.doc)"),
    (b"PK\x03\x04", ""),  # a zip: an OpenDocument file names itself in its mimetype
)
ODT = "an OpenDocument text file (.odt, as LibreOffice and Google Docs save one)"


def other_format(path: Path) -> str:
    """What the file is, where its first bytes say it is a word processor's file the
    importer does not read ("" for any other)."""
    with path.open("rb") as opened:
        head = opened.read(8)
    what = next((what for magic, what in OTHER_FORMATS if head.startswith(magic)), "")
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as packed:
                mimetype = packed.read("mimetype") if "mimetype" in packed.NameToInfo else b""
        except zipfile.BadZipFile:
            return ""
        return ODT if mimetype.startswith(b"application/vnd.oasis.opendocument.text") else ""
    return what


# What Word prints for tracked changes and comments when a document is exported or
# printed with its mark-up showing: the balloons ("Deleted: five", "Formatted: Font:
# Bold", "Moved (insertion) [2]", "Comment [AB1]: ...") and the list of mark-up ("Page 3:
# [1] Formatted  A. Smith  03/02/2021 10:14:00"). Matched as Word writes them, capitalised
# at the start of a line, so that a sentence merely using one of the words is not caught.
_BALLOON = r"(?:Formatted|Deleted|Inserted|Style Definition)\s*:"
_MOVED = r"Moved (?:up|down|from|to|\((?:insertion|deletion)\))(?: \[\d+\])?\s*(?::|$)"
_LABEL = (
    r"(?:Field Code Changed|Formatted Table|Change Table|Formatted"
    r"|(?:Deleted|Inserted|Merged|Split) Cells)\s*$"
)
_COMMENT = r"Comment(?:ed)?\s*\[[A-Za-z]{1,6}\d+\]"
_MARKUP_LIST = r"Page \d+: \[\d+\] (?:Formatted|Deleted|Inserted|Moved|Change)"
REVISION_MARK = re.compile(
    rf"^\s*(?:[-•]\s+)?(?:{_BALLOON}|{_MOVED}|{_LABEL}|{_COMMENT}|{_MARKUP_LIST})"
)


# Words that repeat in any sentence: a change's repeated word is one that says something.
LINKING = frozenset(
    {"a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "with", "from", "and"}
    | {"or", "but", "that", "which", "who", "as", "is", "are", "be"}
)

AUXILIARY = frozenset(
    {"will", "may", "must", "shall", "should", "can", "could", "would", "also", "not", "then"}
)


def run_together(text: str) -> bool:
    """Old and new wording of a tracked change run together at a sentence's start, as an
    export with mark-up shows a change made there: "Officers serve Officers and employees
    serve", "Officers draft Communications officers draft". The old words, from the
    sentence's first word to a word that is not a name, are followed, with no stop
    between, by a capitalised run that ends in the same word and holds the old first
    word."""
    tokens = text.split()
    for s, first in enumerate(tokens):
        # a sentence follows a paragraph's number or a stop (a line of a PDF may start
        # mid-sentence, so the line's start is not one)
        opening = s > 0 and (tokens[s - 1][-1] in ".:;" or (s == 1 and tokens[0][0].isdigit()))
        if not (opening and first.isalpha() and first[0].isupper()):
            continue
        for b in range(s + 1, min(s + 5, len(tokens) - 1)):
            old_last, new_first = tokens[b], tokens[b + 1]
            # the old words end in a word that is not a name ("serve"), the new start
            # capitalised with no stop before them: a sentence's start again
            if not (old_last.isalpha() and old_last.islower() and new_first.istitle()):
                continue
            if old_last in LINKING:  # "That the Committee ... that the": words repeat
                continue
            for c in range(b + 2, min(b + 6, len(tokens))):  # at most four new words
                if not tokens[c - 1].isalpha():  # the new words run on with no stop
                    break
                new = [t.lower() for t in tokens[b + 1 : c]]
                # the new words are a subject, ending in its noun: a sentence whose verb
                # comes again after "and", "who" or "will" is ordinary ("Members meet
                # Members of Parliament and meet...")
                if new[-1] in LINKING | AUXILIARY:
                    continue
                if tokens[c].lower() == old_last.lower() and first.lower() in new:
                    return True
    return False


def refuse_revision_marks(path: Path, lines: list[Line]) -> None:
    """Stop at a text or PDF exported from a Word draft with its tracked changes showing:
    the mark-up would be imported as the protocol's words, old and new wording run
    together, and nothing would say so."""
    marked = [line for line in lines if REVISION_MARK.match(line.text) or run_together(line.text)]
    if not marked:
        return
    shown = "; ".join(f"{line.where}: '{line.text.strip()[:50]}'" for line in marked[:8])
    more = f"; and {len(marked) - 8} more" if len(marked) > 8 else ""
    raise ProtocolError(
        [
            Problem.of(
                str(path),
                marked[0].line,
                "import-tracked-changes",
                count=len(marked),
                shown=shown + more,
            )
        ]
    )


def decoded(path: Path, notes: list[str]) -> str:
    """The file's text in the encoding its tool wrote, its characters as a reader sees
    them (before words broken at a line's end are mended)."""
    return characters.plain(characters.decode(str(path), path.read_bytes(), notes))


def from_html(path: Path) -> Extracted:
    """A web page saved from the council's site: its main content, each block a line."""
    notes: list[str] = []
    page = read_page(decoded(path, notes))
    lines = [
        (Line(text, n, cell=at in page.going_on), site)
        for at, (text, n, site) in enumerate(page.lines)
    ]
    own = [line for line, site in lines if not site]
    site = [line for line, site in lines if site]
    return Extracted(own, notes=notes, whole_paragraphs=True, site=site)


def from_text(path: Path) -> Extracted:
    notes: list[str] = []
    text = decoded(path, notes)
    if "\f" not in text:
        lines = [Line(t, n) for n, t in enumerate(text.splitlines(), start=1)]
        lines, unshown = as_drawn(lines, notes) if path.suffix.lower() == ".md" else (lines, [])
        lines, mail = unquoted(path, lines, notes)
        mail = unshown + mail
        if pages := pages_by_number(lines):  # a PDF's pages, their text joined
            result = paged(pages, pages[-1].page or 1, notes)
            return replace(result, asides=result.asides + mail)
        return Extracted(mend_hyphenation(lines), notes=notes, asides=mail)
    # A PDF's text export (pdftotext): a form feed starts each page, and the pages carry
    # their running heads, feet and numbers as a PDF does
    lines, page = [], 1
    for n, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        page += raw.count("\f")
        lines.append(Line(raw.replace("\f", ""), n, page))
    return paged(lines, page, notes)


def as_drawn(lines: list[Line], notes: list[str]) -> tuple[list[Line], list[tuple[Line, str]]]:
    """A Markdown file's lines as its page shows them (markdown_drawn), and the lines the
    page does not show (front matter, a contents marker), each with why."""
    page = markdown_drawn.drawn([line.text for line in lines])
    if page.renumbered:
        notes.append(
            f"{page.renumbered} item(s) of the Markdown file's numbered lists were numbered "
            "as Markdown draws them, on from the list's first number, not as written "
            '("1." for every item).'
        )
    kept = [
        replace(line, text=t) for line, t in zip(lines, page.texts, strict=True) if t is not None
    ]
    return kept, [(lines[i], why) for i, why in sorted(page.why.items())]


def unquoted(
    path: Path, lines: list[Line], notes: list[str]
) -> tuple[list[Line], list[tuple[Line, str]]]:
    """The lines of a protocol quoted in an e-mail, its marks taken off, and the e-mail's
    own lines around it, left out (quoted_mail); the lines as they are in any other text."""
    found = quoted([line.text for line in lines])
    if found is None:
        return lines, []
    if found.among is not None:
        among = lines[found.among]
        raise ProtocolError(
            [Problem.of(str(path), among.line, "import-quoted-reply", text=among.text.strip()[:60])]
        )
    inside = range(found.first, found.first + len(found.texts))
    mail = [line for i, line in enumerate(lines) if i not in inside and line.text.strip()]
    notes.append(
        f"The protocol is quoted in an e-mail (its lines begin '{'>' * found.depth}'): the "
        f"marks were taken off, and the e-mail's own {len(mail)} line(s) around it left out."
    )
    why = "the e-mail's, not the protocol's: its header, a covering note or a signature"
    kept = [Line(text, lines[i].line) for i, text in zip(inside, found.texts, strict=True)]
    return kept, [(line, why) for line in mail]


def from_pdf(path: Path) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise fail(path, "import-encrypted")
        if (count := len(reader.pages)) > MAX_PAGES:
            raise too_large(path, f"the PDF has {count:,} pages", f"{MAX_PAGES:,} pages")
        placed = [placements(page) for page in reader.pages]
        pages = [page_text(page, drawn) for page, drawn in zip(reader.pages, placed, strict=True)]
        lines = pdf_lines(pages)
        if any(drawn is not None for drawn in placed):  # a page has pictures: are they scans?
            images = scanned_pages(list(reader.pages), own_words(lines, len(pages)), placed)
            if images and len(images) < len(pages):  # all images: no text at all, said below
                raise fail(path, "import-scanned-pages", pages=listed(images), count=len(pages))
    except ProtocolError:
        raise
    except LimitReachedError as exc:  # pypdf's own bound on what a stream unpacks to
        raise too_large(path, f"a page unpacks too far ({exc})", "what pypdf allows") from None
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise fail(path, "import-pdf-corrupt", error=exc) from None
    refuse_two_languages_side_by_side(path, lines)
    result = paged(lines, len(pages), [], mend=False)
    body = body_size(result.lines)
    if body is not None:
        result.lines = wrapped_lines(headings_by_type(result.lines, body), body)
    result.lines = mend_hyphenation(result.lines)
    if body is None:
        return result
    if any(line.level > 1 for line in result.lines):  # headings under the title, by type
        result.body = body
    return result


def pdf_lines(pages: list[tuple[str, list[Drawn | None]]]) -> list[Line]:
    """The lines of a PDF's pages (each page's text and its lines' drawings), each with
    its page and its drawing."""
    lines = []
    for number, (raw, drawn) in enumerate(pages, start=1):
        if drawn and len(drawn) == len(raw.split("\n")):  # a number drawn after its words
            # a drop cap joined to its word before the columns are found: drawn lines
            # deep, it sits below the line it begins
            joined = drop_caps_joined(*labels_joined(raw.split("\n"), drawn))
            texts, drawn = columns_read(*joined)
            raw = "\n".join(texts)
        text = characters.plain(raw)
        texts = text.splitlines()
        # a line's drawing is its own where every line of the text ends at a "\n"
        if text.split("\n")[: len(texts)] != texts:
            drawn = []
        lines += [
            Line(t, n, number, drawn[n - 1] if drawn else None)
            for n, t in enumerate(texts, start=1)
        ]
    return lines


def own_words(lines: list[Line], pages: int) -> list[str]:
    """Each page's words but its furniture (a running head or foot, a page number: what
    a scan's page may carry as text laid over its picture), for the scan check."""
    texts = [""] * pages
    for line in drop_furniture(lines, pages):
        texts[(line.page or 1) - 1] += line.text
    return texts


def refuse_two_languages_side_by_side(path: Path, lines: list[Line]) -> None:
    """A PDF set in two columns of two languages (a bilingual protocol's Welsh beside its
    English) is read across the page, each line the two columns' words run together: it
    cannot be brought in, so it is refused. Told where many lines have words drawn from
    one place across the page, on the baseline of words before them, and the words on
    either side of it are two languages' (import_languages.apart), not a hanging indent's
    numbers or a table's terms and meanings in one language."""
    edges = Counter(round(x) for line in lines if line.drawn for x, _, _ in line.drawn.joins)
    if not edges:
        return
    edge = edges.most_common(1)[0][0]
    split = [
        (line, at)
        for line in lines
        if line.drawn
        for x, at, _ in line.drawn.joins
        if round(x) == edge
    ]
    if len(split) < MIN_PAIRS * 2:
        return
    if apart([line.text[:at] for line, at in split], [line.text[at:] for line, at in split]):
        line, at = split[0]
        raise fail(
            path,
            "import-two-columns-pdf",
            where=line.where,
            first=line.text[:at].strip()[:40],
            second=line.text[at:].strip()[:40],
        )


def headings_by_type(lines: list[Line], body: float) -> list[Line]:
    """A PDF's headings told by their type, marked as a Markdown heading is ("## ..."):
    a whole line drawn larger than the body, or bold, standing apart from the line above
    it (by more than the body's spacing of lines, or first on its page) and ending no
    sentence; a heading's next lines, drawn alike and as close as a paragraph's lines,
    joined to it. Its level is its drawing's place among the headings' drawings, larger
    first, bold before plain. Never a size in points: the body is the size most of the
    text's characters have."""
    pitch = body_pitch(lines, body)
    out: list[Line] = []
    heads: list[int] = []  # where in out each heading is
    for line in lines:
        before = out[-1] if out else None
        drawn, gap = line.drawn, below(before, line)
        if heads and heads[-1] == len(out) - 1 and before and wraps_heading(before, line):
            out[-1] = replace(before, text=f"{before.text.rstrip()} {line.text.strip()}")
            continue
        if (
            drawn is not None
            and drawn.even
            and (drawn.size > body * 1.05 or (drawn.bold and drawn.size >= body * 0.95))
            and (gap is None or gap > pitch * 1.2)
            and line.text.strip()
            and (not line.text.rstrip().endswith(SENTENCE_END) or line.text.rstrip()[-1] == ":")
        ):
            heads.append(len(out))
        out.append(line)
    heads = sorted({*heads, *spaced_headings(out, body, pitch)})
    heads = [at for at in heads if not leads_in(out, at)]
    sentences = {at for at in heads if goes_on_as_sentence(out, at, body)}
    usual = heads_words(out, [at for at in heads if at not in sentences])
    sentences |= {at for at in heads if statement(out[at], body, usual)}
    heads = [at for at in heads if at not in sentences]
    for at in sentences:
        out[at] = replace(out[at], sentence=True)
    drawings = sorted(
        {(d.size, d.bold) for at in heads if (d := out[at].drawn)},
        key=lambda drawing: (-drawing[0], not drawing[1]),
    )
    for at in heads:
        drawn = out[at].drawn
        assert drawn is not None
        level = drawings.index((drawn.size, drawn.bold)) + 1
        out[at] = replace(out[at], text=f"{'#' * level} {out[at].text.strip()}", level=level)
    return out


def spaced_headings(lines: list[Line], body: float, pitch: float) -> list[int]:
    """A PDF's headings set in the body's own type, plain, whose only mark is the space
    around them: a short line of its own, beginning in a capital and ending no sentence,
    set further under the line before than paragraphs are set apart (and than a line and
    a half), and apart from the line under it. A paragraph's last line, however short,
    is set at the body's spacing under the line before it: never one. A line in capitals
    is left to the importer, which reads it as a heading by its shape, at its level."""
    gaps = [below(above, line) for above, line in pairwise(lines)]
    before_numbered = [
        gap
        for gap, line in zip(gaps, lines[1:], strict=True)
        if gap and gap > 0 and NUMBERED_LINE.match(line.text.strip())
    ]
    apart = max(pitch, statistics.median(before_numbered)) if before_numbered else pitch
    found = []
    for at in range(1, len(lines) - 1):
        line, text = lines[at], lines[at].text.strip()
        over, under = gaps[at - 1], gaps[at]
        if (
            line.drawn is not None
            and line.drawn.even
            and not line.drawn.bold
            and abs(line.drawn.size - body) <= body * 0.05
            and over is not None
            and over > max(apart * 1.2, pitch * 1.5)
            and under is not None
            and under > pitch * 1.2
            and text[:1].isupper()
            and len(text.split()) <= LONG_HEADING
            and not text.endswith(SENTENCE_END)
            and not NUMBERED_LINE.match(text)
            and not text.isupper()  # in capitals: a heading by its shape (importer)
        ):
            found.append(at)
    return found


SENTENCE_END = (".", ";", ",", ":", "!", "?")
# a list's first label or a bullet at a line's start ("(a) ", "i) ", "1. ", "• "); a
# later number ("2. ") is the document's next paragraph as often as a list's next item
FIRST_ITEM = re.compile(r"^(?:\(?(?:[aAiI]|1)[.)]|[-•◦▪‣*])\s")


def leads_in(lines: list[Line], at: int) -> bool:
    """Whether a line that would be a heading but ends in a colon leads in to the items
    under it ("Members should:" over "(a) treat officers ..."): the list's words, not a
    heading. One over a paragraph ("Attending meetings:" over "2. Members attend ...")
    heads it, as a heading with no colon would."""
    after = lines[at + 1] if at + 1 < len(lines) else None
    colon = lines[at].text.rstrip().endswith(":")
    return colon and after is not None and bool(FIRST_ITEM.match(after.text.strip()))


# a bold line of the body's size longer than any of these is never told a heading by
# its length alone: the words of a short heading ("Advice to political groups")
LONG_HEADING = 8


def heads_words(lines: list[Line], heads: list[int]) -> float:
    """The words of the document's usual heading: the median of its headings' words."""
    return statistics.median(len(lines[at].text.split()) for at in heads) if heads else 0


def body_sized(line: Line, body: float) -> bool:
    """A line drawn no larger than the body (in bold, to be read as a heading)."""
    return line.drawn is not None and line.drawn.size <= body * 1.05


def goes_on_as_sentence(lines: list[Line], at: int, body: float) -> bool:
    """Whether a bold line of the body's size read as a heading is a sentence instead:
    its lines joined, it ends one, or the line under it goes on it in small letters
    ("Officers never take sides in" / "politics, in or out of work.")."""
    text = lines[at].text.strip()
    after = lines[at + 1] if at + 1 < len(lines) else None
    goes_on = after is not None and after.page == lines[at].page and after.text[:1].islower()
    ends = text.endswith(SENTENCE_END) and not text.endswith(":")  # a colon: leads_in
    return body_sized(lines[at], body) and (ends or goes_on)


def statement(line: Line, body: float, usual: float) -> bool:
    """Whether a bold line of the body's size read as a heading is a paragraph in bold
    (a statement of principle): capitalised as a sentence and longer than twice the
    document's usual heading. A heading larger than the body is a heading however long."""
    long = len(line.text.split()) > max(LONG_HEADING, 2 * usual)
    return body_sized(line, body) and long and not title_case(line.text.strip())


def title_case(text: str) -> bool:
    """Capitalised as a heading is ("Use of Council Resources", "MEDIA RELATIONS"), not
    as a sentence ("Members and officers each have their part")."""
    significant = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    capitals = sum(w[0].isupper() for w in significant)
    return bool(significant) and text[0].isupper() and capitals * 3 >= len(significant) * 2


def below(above: Line | None, line: Line) -> float | None:
    """How far a PDF's line is drawn under the line before it on its page (None where
    it begins a page, or either is not known)."""
    if above is None or above.page != line.page or not (above.drawn and line.drawn):
        return None
    return above.drawn.y - line.drawn.y


def wraps_heading(heading: Line, line: Line) -> bool:
    """Whether a line is a heading's next: drawn as it is, as close under it as a
    paragraph's lines are, the heading ending no sentence."""
    gap, drawn, first = below(heading, line), line.drawn, heading.drawn
    return (
        gap is not None
        and drawn is not None
        and first is not None
        and (drawn.size, drawn.bold, drawn.even) == (first.size, first.bold, first.even)
        and 0 < gap <= drawn.size * 1.5
        and not heading.text.rstrip().endswith(SENTENCE_END)
    )


def body_gaps(lines: list[Line], body: float) -> list[float | None]:
    """How far each line after the first is under the one before, where both are the
    body's lines (in its size) and neither is a heading."""
    return [
        below(above, line)
        if above.drawn
        and line.drawn
        and above.drawn.size == body == line.drawn.size
        and not (above.level or line.level)
        else None
        for above, line in pairwise(lines)
    ]


def body_pitch(lines: list[Line], body: float) -> float:
    """The distance from one line of the body's text to the next, one under the other on
    a page: the least of the distances common between two such lines (a paragraph of
    two lines has as many gaps before it as within it)."""
    gaps = Counter(round(gap * 2) / 2 for gap in body_gaps(lines, body) if gap and gap > 0)
    if not gaps:
        return body * 1.2
    common = max(2, gaps.most_common(1)[0][1] // 4)
    # a page of a few lines may have no distance twice: then the least there is
    return min((gap for gap, count in gaps.items() if count >= common), default=min(gaps))


def wrapped_lines(lines: list[Line], body: float) -> list[Line]:
    """Each line a PDF sets straight under the one before, at the body's spacing, marked
    as going on its paragraph, where the PDF sets its numbered paragraphs apart (most of
    them, three at least, more than a line and a fifth under the line before): a line
    ending a sentence there ("... its Responsible Financial Officer." / "The Town Clerk
    answers ...") is no paragraph's end."""
    pitch = body_pitch(lines, body)
    gaps = body_gaps(lines, body)
    numbered = [
        gap
        for gap, line in zip(gaps, lines[1:], strict=True)
        if gap is not None and NUMBERED_LINE.match(line.text.strip())
    ]
    apart = [gap for gap in numbered if gap > pitch * 1.2]
    if len(apart) < 3 or len(apart) * 3 < len(numbered) * 2:
        return lines
    return lines[:1] + [
        replace(line, wraps=True) if gap is not None and abs(gap - pitch) <= pitch * 0.1 else line
        for gap, line in zip(gaps, lines[1:], strict=True)
    ]


def paged(lines: list[Line], pages: int, notes: list[str], mend: bool = True) -> Extracted:
    """A paged document's lines, its page furniture dropped (and listed), what it prints
    beside its text set aside (page_asides: margin notes, a blank page's note, a heading
    repeated "(continued)"; listed with why), its footnotes
    marked as footnotes, words split by hyphenation mended (unless ``mend`` is False: a
    PDF's are mended once its lines' spacing is read, each line measured as drawn)."""
    kept = drop_furniture(lines, pages)
    still = set(map(id, kept))
    dropped = [line for line in lines if id(line) not in still and line.text.strip()]
    kept, asides = set_aside(kept)
    kept = page_footnotes(kept)
    lines = mend_hyphenation(kept) if mend else kept
    return Extracted(lines, notes=notes, dropped=dropped, asides=asides)


# A page's number as a line of its own ("Page 3 of 9", "- 3 -", "3"), or at the end of a
# running foot ("Member/Officer Protocol      Page 3 of 9").
PAGE_AT_END = re.compile(r"(?i)(?:^|\s)page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?\s*$")


def page_value(text: str) -> int | None:
    text = text.strip()
    if m := PAGE_AT_END.search(text):
        return int(m[1])
    return int(re.sub(r"\D", " ", text).split()[0]) if PAGE_NUMBER.match(text) else None


def pages_by_number(lines: list[Line]) -> list[Line]:
    """A text whose pages were joined with no form feed between them (a PDF's text read
    page after page): its lines, each with its page, where page numbers run on through it
    (1, 2, 3 ...: the longest such run, of two at least). A page ends after its number;
    [] where there is no such run. A number is a page number only as one of the run, so a
    paragraph ending in "1972" is not one, nor a bare "2", which may be a heading's."""
    found = [
        (i, v)
        for i, line in enumerate(lines)
        if not line.text.strip().isdigit() and (v := page_value(line.text)) is not None
    ]
    longest: dict[int, tuple[int, int]] = {}  # page -> (length, candidate) of its best run
    before: list[int | None] = []  # each candidate's page before it in its run
    for k, (_, value) in enumerate(found):
        previous = longest.get(value - 1)
        before.append(previous[1] if previous else None)
        length = previous[0] + 1 if previous else 1
        if length > longest.get(value, (0, 0))[0]:
            longest[value] = (length, k)
    length, walk = max(longest.values(), default=(0, 0))
    if length < 2:
        return []
    ends: set[int] = set()
    at: int | None = walk
    while at is not None:
        ends.add(found[at][0])
        at = before[at]
    out, page = [], 1
    for i, line in enumerate(lines):
        out.append(replace(line, page=page))
        page += i in ends
    return out


# A footnote's mark as a PDF's text gives a superscript: its digits against the word
# before ("officers3", "post,2"); and the footnote at the page's foot ("3 The register").
MARK = re.compile(r"(?<=[A-Za-z]{2})([.,;:)\"'’”]?)(\d{1,2})(?=[\s.,;:)]|$)")
# A mark set off by a space, as some PDFs give it ("officers 3 must", "meetings. 4"):
# a number after a word or a sentence's stop. One after a word that takes a number
# ("within 3", "group of 3", "Rule 3") is a quantity or a name, never a mark.
SPACED = re.compile(r"(?<=[A-Za-z.,;:)\"'’”])( )(\d{1,2})(?=[\s.,;:)]|$)")
TAKES_NUMBER = frozenset(
    {"a", "an", "the", "of", "to", "for", "by", "at", "on", "in", "within", "than", "and"}
    | {"or", "under", "over", "after", "before", "about", "least", "most", "every", "each"}
    | {"all", "any", "first", "last", "next", "between", "from", "up", "per", "only", "no"}
    | {"some", "page", "pages", "paragraph", "paragraphs", "para", "paras", "section"}
    | {"sections", "clause", "clauses", "rule", "rules", "article", "articles", "part"}
    | {"parts", "appendix", "schedule", "annex", "annexe", "item", "items", "number"}
    | {"regulation", "regulations", "chapter", "order", "orders", "table", "note", "step"}
)
NOTE = re.compile(r"^\s*(\d{1,2})\s+(\S.*)$")


def page_footnotes(lines: list[Line]) -> list[Line]:
    """Each page's footnotes, at its foot after its words, written as a text export
    writes them ("[3] The register ...", a note's wrapped lines joined), and their marks
    in the words as "[3]", so that each goes with the paragraph citing it. Only a foot
    whose every note is cited by a mark on the page above it: "2 The posts" is otherwise
    the protocol's own words."""
    out: list[Line] = []
    for _, page in groupby(lines, key=lambda line: line.page):
        out += foot_notes(list(page))
    return out


# A page's foot: footnotes are looked for among its last lines only.
FOOT = 60


def foot_notes(page: list[Line]) -> list[Line]:
    seen = marks(page[: -FOOT or None])
    for start in range(max(0, len(page) - FOOT), len(page)):
        note = NOTE.match(page[start].text)
        if note and note[1] in seen and (notes := split_notes(page[start:], seen)):
            return unmarked(page[:start], {m for m, _ in notes}) + [
                note_line for _, note_line in notes
            ]
        seen |= marks(page[start : start + 1])
    return page


def marks(lines: list[Line]) -> set[str]:
    return {m[2] for line in lines for m in (*MARK.finditer(line.text), *spaced(line.text))}


def spaced(text: str) -> list[re.Match[str]]:
    """The marks set off by a space in the text: after a word that takes no number."""
    return [
        m
        for m in SPACED.finditer(text)
        if text[: m.start()].split()[-1].strip(".,;:)\"'’”").lower() not in TAKES_NUMBER
    ]


def split_notes(foot: list[Line], cited: set[str]) -> list[tuple[str, Line]] | None:
    """The foot's notes, each one line ("[3] its words"), in the order of their numbers;
    None if the foot is not all footnotes (a numbered paragraph in it, a note no mark
    cites)."""
    notes: list[tuple[str, Line]] = []
    for line in foot:
        note = NOTE.match(line.text)
        if note and note[1] in cited and (not notes or int(note[1]) > int(notes[-1][0])):
            notes.append((note[1], replace(line, text=f"[{note[1]}] {note[2].strip()}")))
        elif NUMBERED_LINE.match(line.text.strip()) or not notes:
            return None
        else:  # the note's words wrapped onto the next line
            number, first = notes[-1]
            notes[-1] = (number, replace(first, text=f"{first.text} {line.text.strip()}"))
    return notes


def unmarked(lines: list[Line], cited: set[str]) -> list[Line]:
    """The page's lines with each mark of a cited footnote written "[3]": every mark
    against its word, and a mark set off by a space only for a note no mark has yet
    cited (its first such place), so that "every 3" further on stays a number."""
    done = marks_against(lines) & cited
    out = []
    for line in lines:
        text = MARK.sub(lambda m: f"{m[1]}[{m[2]}]" if m[2] in cited else m[0], line.text)
        first = []
        for m in spaced(text):
            if m[2] in cited and m[2] not in done:
                first.append(m)
                done.add(m[2])
        for m in reversed(first):
            text = f"{text[: m.start()]}[{m[2]}]{text[m.end() :]}"
        out.append(replace(line, text=text))
    return out


def marks_against(lines: list[Line]) -> set[str]:
    return {m[2] for line in lines for m in MARK.finditer(line.text)}


# A footnote's mark typed as superscript digits ("officer¹", as a text export or a web
# page keeps Word's), and its note beginning with the same digits ("¹ Section 270(3)").
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}]{{1,2}}")
SUPERSCRIPT_NOTE = re.compile(rf"^\s*([{SUPERSCRIPT_DIGITS}]{{1,2}})\s+(\S.*)$")
FIGURES = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def superscript_notes(lines: list[Line]) -> list[Line]:
    """Notes printed after superscript digits, written as a text export writes a
    footnote ("[1] Section 270(3) ..."), and each mark citing one written "[1]" (a mark
    against the word before it): a superscript no note begins with ("40m²") is the words'
    own."""
    noted = {m[1] for line in lines if (m := SUPERSCRIPT_NOTE.match(line.text))}
    if not noted:
        return lines
    out = []
    for line in lines:
        if note := SUPERSCRIPT_NOTE.match(line.text):
            text = f"[{note[1].translate(FIGURES)}] {note[2]}"
        else:
            text = SUPERSCRIPT.sub(lambda m: cited(m, noted), line.text)
        out.append(replace(line, text=text))
    return out


def cited(mark: re.Match[str], noted: set[str]) -> str:
    """A superscript against a word ("officer¹", "law³.") that a note begins with, as
    "[1]"; against a quantity ("40m²") or standing alone, as printed."""
    word = mark.string[: mark.start()].split(" ")[-1].lstrip("(\"'\u2018\u201c")
    if mark[0] not in noted or not word or not word[0].isalpha():
        return mark[0]
    return f"[{mark[0].translate(FIGURES)}]"


# Running heads and feet, and page numbers, are among the first or last lines of a page
# as its text is read out (where a PDF draws them first, they come first).
EDGE = 3


def furniture_key(text: str) -> str:
    """Running heads and feet differ from page to page in their digits only ("Page 3 of
    9"); a numbered paragraph is furniture only if it repeats word for word."""
    text = text.strip().lower()
    return text if NUMBERED_LINE.match(text) else re.sub(r"\d+", "#", text)


def edges(page: list[Line]) -> Iterator[tuple[tuple[int, str], Line]]:
    """Each line near the top or foot of a page, keyed by its place there and its words."""
    for place, line in enumerate(page[:EDGE]):
        yield (place, furniture_key(line.text)), line
    for place, line in enumerate(page[::-1][:EDGE]):
        yield (-1 - place, furniture_key(line.text)), line


def drop_furniture(lines: list[Line], pages: int) -> list[Line]:
    """Remove page numbers, and running heads and feet: lines at the same place at the
    top or foot of most pages. Only there: a line elsewhere is the protocol's text."""
    by_page: dict[int | None, list[Line]] = {}
    for line in lines:
        if line.text.strip():
            by_page.setdefault(line.page, []).append(line)
    on_pages = Counter(key for page in by_page.values() for key in dict(edges(page)))
    # on most pages; of two, on both (a protocol of two pages is common)
    least = 2 if pages == 2 else max(3, pages // 2)
    furniture = {
        id(line)
        for page in by_page.values()
        for key, line in edges(page)
        if (PAGE_NUMBER.match(line.text.strip()) and not heads_section(page, line))
        or ROMAN_FOLIO.match(line.text.strip())
        or (pages >= 2 and on_pages[key] >= least)
    }
    furniture |= {id(line) for page in by_page.values() for line in set_apart(page)}
    return [line for line in lines if id(line) not in furniture]


def set_apart(page: list[Line]) -> list[Line]:
    """A PDF page's running head or foot on a page of its own (nothing repeats to show
    it): a line near the page's top or foot drawn smaller than the page's body text (the
    size most of its characters have), above or below all of it and apart from it by more
    than two of its lines' height. Not a footnote ("3 The register ...", smaller too)."""
    body = body_size(page)
    if body is None:
        return []
    heights = [line.drawn.y for line in page if line.drawn and line.drawn.size == body]
    top, foot, gap = max(heights), min(heights), 2 * body
    return [
        line
        for _, line in edges(page)
        if (drawn := line.drawn)
        and drawn.size < 0.9 * body
        and (drawn.y > top + gap or (drawn.y < foot - gap and not NOTE.match(line.text)))
    ]


def heads_section(page: list[Line], line: Line) -> bool:
    """Whether a bare number near a page's edge is a section's, not the page's: within
    the page's words (not its first or last line) with the section's first paragraph
    after it ("REVIEW", "3", "3.1 The Monitoring Officer...")."""
    at = next(i for i, other in enumerate(page) if other is line)
    number = line.text.strip()
    return (
        number.isdigit()
        and 0 < at < len(page) - 1
        and page[at + 1].text.strip().startswith(f"{number}.")
    )


def mend_hyphenation(lines: list[Line]) -> list[Line]:
    """Join a word split across lines by a hyphen ('consti-' + 'tution'), keeping the
    hyphen of a hyphenated word broken there ('co-' + 'opted')."""
    seen: set[str] | None = None  # the document's words, read once a hyphen needs them
    out: list[Line] = []
    for ln in lines:
        prev = out[-1].text.rstrip() if out else ""
        head = ln.text.lstrip()
        first = re.search(r"([^\W\d_]*[a-z]{2})-$", prev)  # the word's part: "Mem-"
        rest = re.match(r"[a-z]{2,}", head)
        if first and rest and not prev.lstrip().startswith("- "):
            if seen is None:
                seen = {w.lower() for line in lines for w in WORDS.findall(line.text)}
            hyphen = "-" if hyphenated(first[1], rest[0], seen) else ""
            out[-1] = replace(out[-1], text=prev[:-1] + hyphen + head)  # as its first line
        else:
            out.append(ln)
    return out


WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


# Prefixes English writes with a hyphen before a word ("re-elected", "non-voting"), some
# of them no word of their own ("pre", "multi")
PREFIXES = frozenset(
    {"re", "co", "pre", "non", "ex", "self", "anti", "de", "post", "semi", "multi", "pro"}
)


def hyphenated(first: str, rest: str, seen: set[str]) -> bool:
    """Whether "first-" at a line's end and "rest" on the next are one hyphenated word
    ("co-opted") rather than a word a hyphen broke ("Mem-" "bers"): as the document
    writes the word elsewhere, else as English does (both parts words, the two joined
    none; after a prefix, also where the join doubles a vowel, "re-elected", or English
    barely writes the two joined, "nonvoting", beside the word alone, or less than the
    word alone in a document hyphenating as British English does, "non-partisan")."""
    whole, first, rest = (first + rest).lower(), first.lower(), rest.lower()
    if f"{first}-{rest}" in seen or whole in seen:
        return whole not in seen
    if first in PREFIXES and first[-1] == rest[0] and rest[0] in "aeiou":
        return True
    english = english_words()
    if first in PREFIXES and rest in english:  # joined, under 1 use in 100 of the word
        rare = english.get(whole, 0) * 100 < english[rest]
        # or less used than the word, where the document hyphenates as British English
        return rare or (english.get(whole, 0) < english[rest] and hyphenates_prefixes(seen))
    return first in english and rest in english and whole not in english


def hyphenates_prefixes(seen: set[str]) -> bool:
    """Whether the document writes a prefix's word with a hyphen within a line where the
    (American) word list closes it up ("co-operation", "cooperation" there), as British
    English does: its other words after a prefix are likely hyphenated too."""
    english = english_words()
    return any(
        (parts := word.split("-"))[0] in PREFIXES and len(parts) == 2 and "".join(parts) in english
        for word in seen
        if "-" in word
    )


@cache
def english_words() -> dict[str, int]:
    """English words spelt right, each with how often it is used (pyspellchecker's
    list): about a second to load, so only for a word the document does not settle."""
    from spellchecker import SpellChecker  # only for a hyphen at a line's end

    return dict(SpellChecker(language="en").word_frequency.dictionary)


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
    headed = first_row_styles(styles)
    toc = contents_paragraphs(body, styles)
    shown = {kind: number_notes(body, kind, note_format(settings, kind)) for kind in NOTES}
    lines, n = [], 0
    pictures: list[int] = []  # the lines holding a picture or an embedded object
    chunks: list[int] = []  # the lines where a part from another file stands
    commented: dict[str, int] = {}  # a comment's id: the line it is made on
    boxes: list[tuple[Any, int]] = []  # each text box, and the line it is anchored on
    hidden: list[tuple[Line, str]] = []  # words formatted hidden, and their line
    control: list[tuple[Line, str]] = []  # a document-control table's rows
    contents: list[Line] = []  # Word's table of contents
    tables: list[str] = []  # a note for each table made a list
    for para in body.iter(f"{W}p", f"{W}tbl", f"{W}altChunk"):
        if floating(para) or any(a.tag == f"{W}tbl" for a in para.iterancestors()):
            continue  # read with its table, or a text box's
        n += 1
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
            rows = [Line(f"- {row}", n) for row in table_rows(para, headed)]
            lines += rows
            tables.append(
                f"The table at line {n} was imported as a list of {len(rows)} item(s), a row "
                "an item, each cell on a line of its own (named by its column's header, "
                "under a header row): a clause cannot hold a table. Check it reads as printed."
            )
            continue
        text = paragraph_text(para)
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
        plain = not heading and set_as_body(para, style, emphatic, half_points)
        lines.append(Line(text, n, within=within, apart=own, level=level, plain=plain))
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


HIDDEN = "hidden text in the Word file, which Word neither shows nor prints"
PROMPT = "a content control's placeholder: Word's prompt to fill it in, not the protocol's words"
CONTROL = "a row of the document-control table: the record kept of the document, not its words"


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


def floating(node: Any) -> bool:
    """Inside a text box (its words are not the text's flow), or in the copy of a drawing
    Word writes again for older readers."""
    return any(a.tag in (TEXT_BOX, FALLBACK) for a in node.iterancestors())


# Word's notes, each kind with its own marks, part and numbering, and the format Word
# numbers it in where the document names none: footnotes 1, 2, 3; endnotes i, ii, iii
NOTES = {"footnote": "decimal", "endnote": "lowerRoman"}


def note_format(settings: Any, kind: str) -> str:
    """The format Word numbers a kind of note in: the document's settings' (w:footnotePr,
    w:endnotePr), else Word's own for that kind."""
    fmt = settings.find(f"{W}{kind}Pr/{W}numFmt") if settings is not None else None
    return (fmt.get(f"{W}val") if fmt is not None else None) or NOTES[kind]


def number_notes(body: Any, kind: str, fmt: str) -> dict[str, str]:
    """Each footnote's (or endnote's) number as Word prints it: its mark's place among the
    marks, in the order they stand (a note's w:id is only a name: years of editing leave
    them in any order), in the format Word numbers that kind in ("iii" for the third
    endnote). A mark with a symbol of its own ("*", customMarkFollows) takes no number: it
    is shown by that symbol, the text Word puts after it, taken out of the words there."""
    shown: dict[str, str] = {}
    numbered = 0
    draw = Numberer.FORMATS.get(fmt, str)
    for mark in body.iter(f"{W}{kind}Reference"):
        deleted = any(a.tag in (f"{W}del", f"{W}moveFrom") for a in mark.iterancestors())
        if deleted or floating(mark) or (mark.get(f"{W}id") or "") in shown:
            continue
        if mark.get(f"{W}customMarkFollows") in ("1", "true", "on"):
            if symbol := own_mark(mark):
                shown[mark.get(f"{W}id") or ""] = symbol
        else:
            numbered += 1
            shown[mark.get(f"{W}id") or ""] = draw(numbered)
    for mark in body.iter(f"{W}{kind}Reference"):
        mark.set("shown", shown.get(mark.get(f"{W}id") or "", ""))
    return shown


def own_mark(mark: Any) -> str:
    """A footnote's own mark ("*", "†"): the text Word writes next after its reference,
    in its run or the next, taken from there (it is printed as the mark)."""
    after = mark.itersiblings(f"{W}t", f"{W}sym")
    run = mark.getparent()
    following = run.itersiblings(f"{W}r") if run is not None else iter(())
    for node in [*after, *(n for r in following for n in r.iter(f"{W}t", f"{W}sym"))][:1]:
        symbol = (node.text or "").strip() if node.tag == f"{W}t" else drawn(node)
        if 0 < len(symbol) <= 3 and not symbol.isalnum():
            if node.tag == f"{W}t":
                node.text = ""
            else:
                node.getparent().remove(node)
            return symbol
    return ""


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
    fields: list[str] = []  # the instruction of each field open at this point
    for para in body.iter(f"{W}p"):
        inside = any(f.lstrip().upper().startswith("TOC") for f in fields)
        for node in para.iter(f"{W}fldChar", f"{W}instrText"):
            kind = node.get(f"{W}fldCharType")
            if kind == "begin":
                fields.append("")
            elif kind == "end" and fields:
                fields.pop()
            elif node.tag == f"{W}instrText" and fields:
                fields[-1] += node.text or ""
            inside = inside or any(f.lstrip().upper().startswith("TOC") for f in fields)
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


def outlined(ppr: object) -> bool:
    """At a level of the document's outline (Word's level 9 is body text)."""
    return outline_level(ppr) > 0


def outline_level(ppr: object) -> int:
    """A paragraph's (or style's) own level in the outline, 1 for the top; 0 for none."""
    level = ppr.find(f"{W}outlineLvl") if ppr is not None else None  # type: ignore[attr-defined]
    value = level.get(f"{W}val") if level is not None else ""
    return int(value) + 1 if value and value.isdigit() and value != "9" else 0


def outline_levels(styles: object) -> dict[str, int]:
    """Each paragraph style's level in the outline, its own or that of the style it is
    based on, up the chain (Heading 2, and a council's style based on it: 2)."""
    own: dict[str, int] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{W}style") if styles is not None else ():  # type: ignore[attr-defined]
        sid = style.get(f"{W}styleId")
        own[sid] = outline_level(style.find(f"{W}pPr"))
        if (parent := style.find(f"{W}basedOn")) is not None:
            based[sid] = parent.get(f"{W}val")
    levels = {}
    for sid in own:
        seen, current = set(), sid
        while current in own and not own[current] and current in based and current not in seen:
            seen.add(current)
            current = based[current]
        levels[sid] = own.get(current, 0)
    return levels


def titled(lines: list[Line]) -> bool:
    """Whether the document so far is only its title, a heading (and empty lines)."""
    words = [line.text for line in lines if line.text]
    return len(words) == 1 and words[0].startswith("# ")


# A heading's line that its next line finishes: "Protocol Perthynas Aelodau a Swyddogion /"
# over its English, "Relations between Members and" over "Officers".
UNFINISHED = re.compile(r"(?:[/&:,–—-]|\b(?:and|or|of|for|the|between|on|a|ac))$")


def joined(first: str, second: str) -> str:
    """One heading printed on two lines: a dash between its parts ("PART C – CONDUCT
    TOWARDS OFFICERS"), unless the first line leaves off mid-phrase."""
    return f"{first} {second}" if UNFINISHED.search(first.rstrip()) else f"{first} – {second}"


def named_styles(styles: object, name: str) -> set[str]:
    """The IDs of the paragraph styles Word names ``name`` (its own name, whatever the
    label a translated Word shows)."""
    found = set()
    for style in styles.iter(f"{W}style") if styles is not None else ():  # type: ignore[attr-defined]
        label = style.find(f"{W}name")
        if label is not None and (label.get(f"{W}val") or "").lower() == name:
            found.add(style.get(f"{W}styleId"))
    return found


def emphatic_styles(styles: Any) -> set[str]:
    """The IDs of the paragraph styles that set their words apart from the body's (bold,
    italic, underlined, in capitals or larger), themselves or by the style each is based
    on."""
    own: dict[str, bool] = {}
    based: dict[str, str] = {}
    body = body_half_points(styles)
    for style in styles.iter(f"{W}style") if styles is not None else ():
        sid = style.get(f"{W}styleId")
        props = style.find(f"{W}rPr")
        own[sid] = any(switched_on(props, name) for name in ("b", "i", "u", "caps")) or larger(
            props, body
        )
        if (parent := style.find(f"{W}basedOn")) is not None:
            based[sid] = parent.get(f"{W}val")
    return inherited(own, based)


def set_as_body(para: Any, style: Any, emphatic: set[str], body: int) -> bool:
    """Whether a Word paragraph is set as the body is: its style sets nothing apart, nor
    does any of its runs (bold, italic, underlined, in capitals, or larger than the
    body's ``body`` half-points)."""
    if style is not None and style.get(f"{W}val") in emphatic:
        return False
    runs = [t.getparent() for t in para.iter(f"{W}t") if (t.text or "").strip()]
    props = [run.find(f"{W}rPr") for run in runs if run is not None and run.tag == f"{W}r"]
    return not any(
        any(switched_on(prop, name) for name in ("b", "i", "u", "caps")) or larger(prop, body)
        for prop in props
    )


def larger(props: Any, body: int) -> bool:
    """Whether run (or style) properties set the words larger than the body's size."""
    size = props.find(f"{W}sz") if props is not None else None
    value = size.get(f"{W}val") if size is not None else None
    return value is not None and value.isdigit() and int(value) > body


def body_half_points(styles: Any) -> int:
    """The body's size in half-points: the Normal style's, else the document's default,
    else Word's own (10 points) when neither says."""
    size = 20
    if styles is None:
        return size
    for path in (
        f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz",
        f"{W}style[@{W}styleId='Normal']/{W}rPr/{W}sz",
    ):
        found = styles.find(path)
        if found is not None and (found.get(f"{W}val") or "").isdigit():
            size = int(found.get(f"{W}val"))
    return size


def switched_on(props: Any, name: str) -> bool:
    """Whether run properties (a run's, or a style's) switch ``name`` on ("b" bold)."""
    found = props.find(f"{W}{name}") if props is not None else None
    return found is not None and found.get(f"{W}val", "true") not in ("0", "false", "none")


def heading_styles(styles: object) -> set[str]:
    """The IDs of the paragraph styles that are headings: the title, and every style at a
    level of the outline, or based on one that is (Word's own headings in any language,
    and a council's own heading styles)."""
    own: dict[str, bool] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{W}style") if styles is not None else ():  # type: ignore[attr-defined]
        sid = style.get(f"{W}styleId")
        name = style.find(f"{W}name")
        title = name is not None and (name.get(f"{W}val") or "").lower() == "title"
        own[sid] = title or outlined(style.find(f"{W}pPr"))
        if (parent := style.find(f"{W}basedOn")) is not None:
            based[sid] = parent.get(f"{W}val")
    return inherited(own, based)


def inherited(own: dict[str, bool], based: dict[str, str]) -> set[str]:
    """The styles that have a quality (``own``), themselves or by the style each is
    based on, and that one's, up the chain."""
    found = set()
    for sid in own:
        seen, current = set(), sid
        while current in own and current not in seen:
            if own[current]:
                found.add(sid)
                break
            seen.add(current)
            current = based.get(current, "")
    return found


def banner(table: Any) -> str:
    """A heading as many councils' Word templates set one: its few words, bold or on a
    shaded ground, alone in a table of one cell across the page ("1. Introduction" in a
    coloured band). Its words, or "" for any other table (a boxed note is a sentence)."""
    rows = list(table.iterchildren(f"{W}tr"))
    if len(rows) != 1 or len(cells := list(rows[0].iterchildren(f"{W}tc"))) != 1:
        return ""
    said = [words for p in cells[0].iter(f"{W}p") if (words := paragraph_text(p))]
    if len(said) != 1 or not 0 < len(said[0].split()) <= 12 or said[0].endswith((".", ";", ":")):
        return ""
    return said[0] if bolded(rows[0]) or shaded(rows[0]) else ""


# A document-control table's labels: the record a council's template keeps of the
# document (its title, owner, version, approval, review), not the protocol's words
CONTROL_LABEL = re.compile(
    r"(?i)^(?:document\s+|policy\s+)?(?:title|name|owner|author|status|classification"
    r"|version(?:\s+(?:no\.?|number))?|protective\s+marking|approved\s+by|approval(?:\s+date)?"
    r"|date\s+(?:approved|adopted|issued|of\s+(?:approval|adoption|issue))|(?:next\s+)?review"
    r"(?:\s+(?:date|due))?|effective\s+(?:date|from)|reference|(?:lead|responsible)\s+officer"
    r"|directorate|department|service\s+area|type)\s*:?$"
)


def control_rows(table: Any) -> list[str]:
    """A document-control table's rows, each a label and its value, as printed ("Version
    3.0"); [] for any other table. Every row two cells, a short label then its value, and
    at least three labels, and most, a document's record's."""
    rows = [cells_of(row) for row in table.iterchildren(f"{W}tr")]
    if len(rows) < 3 or any(len(row) != 2 or len(row[0].split()) > 4 for row in rows):
        return []
    labels = sum(bool(CONTROL_LABEL.match(row[0].strip("* "))) for row in rows)
    return [" ".join(row) for row in rows] if labels >= 3 and labels * 2 > len(rows) else []


def table_rows(table: Any, headed: set[str]) -> Iterator[str]:
    """A table (a clause holds no tables) as a list: a row an item, its cells apart by
    a tab (the importer writes each on a line of its own, adding no punctuation). Under
    a header row, each cell is named by its header (``headed``: the table styles that
    set a first row apart)."""
    rows = list(table.iterchildren(f"{W}tr"))
    header: list[str] = []
    if len(rows) > 1 and heads_table(rows, styled_first_row(table, headed)):
        header = cells_of(rows.pop(0))
    for row in rows:
        if text := "\t".join(named_cells(cells_of(row), header)):
            yield text


def heads_table(rows: list[Any], styled: bool) -> bool:
    """Whether the first row is a header: Word's "repeat as header row", or, as Word's
    users more often mark one, a row of short labels set apart from the rows under it,
    by the table's style (``styled``), or every word bold or every cell shaded, where some
    row under it is not."""
    if rows[0].find(f"{W}trPr/{W}tblHeader") is not None:
        return True
    labels = cells_of(rows[0])
    if not all(0 < len(cell.split()) <= 6 and not cell.endswith((".", ";")) for cell in labels):
        return False
    if styled:
        return True
    return any(apart(rows[0]) and not all(map(apart, rows[1:])) for apart in (bolded, shaded))


def first_row_styles(styles: Any) -> set[str]:
    """The table styles that set a table's first row apart, bold or shaded (most of
    Word's gallery), themselves or by the style they are based on."""
    own: dict[str, bool] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{W}style") if styles is not None else ():
        sid = style.get(f"{W}styleId") or ""
        first = style.find(f"{W}tblStylePr[@{W}type='firstRow']")
        own[sid] = first is not None and (
            first.find(f"{W}rPr/{W}b") is not None or shaded_cell(first)
        )
        if (parent := style.find(f"{W}basedOn")) is not None:
            based[sid] = parent.get(f"{W}val") or ""
    return inherited(own, based)


def styled_first_row(table: Any, headed: set[str]) -> bool:
    """Whether the table's style sets its first row apart, its "Header Row" option on
    (w:firstRow, or the bit Word's older files set in w:val)."""
    style = table.find(f"{W}tblPr/{W}tblStyle")
    look = table.find(f"{W}tblPr/{W}tblLook")
    if style is None or style.get(f"{W}val") not in headed or look is None:
        return False
    if (first := look.get(f"{W}firstRow")) is not None:
        return first in ("1", "true", "on")
    return bool(int(look.get(f"{W}val") or "0", 16) & 0x20)


def bolded(row: Any) -> bool:
    return all(emphasis_of(t) == "**" for t in row.iter(f"{W}t") if (t.text or "").strip())


def shaded(row: Any) -> bool:
    return all(map(shaded_cell, row.iterchildren(f"{W}tc")))


def shaded_cell(cell: Any) -> bool:
    """Whether a cell (or a table style's part) is filled with a colour."""
    fill = cell.find(f"{W}tcPr/{W}shd")
    return fill is not None and (fill.get(f"{W}fill") or "auto").lower() not in ("auto", "ffffff")


# A paragraph's number alone in a table's cell ("3.4A", "12.", "(4)")
NUMBER_CELL = re.compile(r"^(?:\d{1,3}[A-Z]{0,4}(?:\.\d{1,3}[A-Z]{0,4})*[.)]?|\(\d{1,3}\))$")


def laid_out(table: Any, path: Path, at: int) -> list[tuple[str, bool]] | None:
    """A protocol laid out in a two-column table, as many councils' Word files are: a
    paragraph's number in the first cell, its words in the second (each of the cell's
    paragraphs a line: its items, a note), a heading in a row merged across the table.
    Its lines as paragraphs (a number before a tab), each saying whether it goes on with
    the numbered paragraph above (Line.cell), or None for any other table: one
    whose numbered rows are too few. Numbered so with more columns (a note or a date
    beside the words), it is refused: which column holds the protocol's words is not
    known, and a list of the rows would run them together."""
    rows = [
        [
            [words for p in cell.iter(f"{W}p") if not floating(p) and (words := paragraph_text(p))]
            for cell in row.iterchildren(f"{W}tc")
        ]
        for row in table.iterchildren(f"{W}tr")
    ]
    numbered = [row for row in rows if len(row) > 1 and NUMBER_CELL.match(" ".join(row[0]).strip())]
    if len(numbered) < 3 or len(numbered) * 2 < len(rows):
        return None
    if columns := max(len(row) for row in numbered) - 2:
        raise ProtocolError(
            [Problem.of(str(path), at, "import-docx-table-layout", at=at, more=columns)]
        )
    lines: list[tuple[str, bool]] = []
    going_on = False  # after a numbered row, until a heading
    for row in rows:
        if len(row) == 1:  # merged across the table: a heading over its words
            first, *rest = row[0] or [""]
            heading = f"# {first}" if len(first.split()) <= 20 else first
            lines += [(heading, False), *((words, False) for words in rest)]
            going_on = False
            continue
        number = " ".join(row[0]).strip()
        if number and not row[1]:
            return None  # a number with no words beside it: not a layout of paragraphs
        if number:
            first, *rest = row[1]
            lines += [(f"{number}\t{first}", False), *((words, True) for words in rest)]
            going_on = True
        else:
            lines += [(words, going_on) for cell in row[1:] for words in cell]
    return lines


def cells_of(row: Any) -> list[str]:
    return [
        " ".join(
            words
            for p in cell.iter(f"{W}p")
            if not floating(p) and (words := paragraph_text(p))  # a text box's: apart
        )
        for cell in row.iterchildren(f"{W}tc")
    ]


def named_cells(cells: list[str], header: list[str]) -> list[str]:
    """A row's cells that hold words, each named by its column's header ("Room: 12")."""
    heads = header + [""] * len(cells)
    named = zip(heads, cells, strict=False)  # the header may have fewer cells than a row
    return [f"{head}: {cell}" if head else cell for head, cell in named if cell]


def paragraph_text(para: object) -> str:
    """The paragraph's words with every revision accepted: insertions in, deletions out;
    a hyperlink to the web or an e-mail address as [words](address); what Word prints for
    a non-breaking hyphen or a symbol. Hidden words, a content control's placeholder and a
    text box's words are not the paragraph's (from_docx lists them as left out)."""
    parts: list[tuple[str, str]] = []  # (text, its emphasis)
    nodes = para.iter(  # type: ignore[attr-defined]
        f"{W}t",
        f"{W}tab",
        f"{W}br",
        *(f"{W}{kind}Reference" for kind in NOTES),
        f"{W}noBreakHyphen",
        f"{W}sym",
    )
    linked: Any = None  # the hyperlink whose words these are
    for node in nodes:
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
        if node.tag in (f"{W}noBreakHyphen", f"{W}sym"):
            parts.append((drawn(node), emphasis_of(node)))
            continue
        parts.append((node.text or "", emphasis_of(node)) if node.tag == f"{W}t" else ("\t", ""))
    if linked is not None:
        parts.append((f"]({linked.get('href')})", ""))
    # a link's words without the spaces at their edges; a link with no words, none
    text = LINKED.sub(
        lambda m: f"{m[1]}[{m[2]}]({m[4]}){m[3]}" if m[2] else m[1] + m[3], emphasised(parts)
    )
    # a tab before a page number ends a contents entry: kept, for the importer to see
    leader = re.search(r"\t\s*(\d{1,4})\s*$", text)
    words = re.sub(r"\s+", " ", text[: leader.start()] if leader else text).strip()
    return f"{words}\t{leader[1]}" if leader and words else words


def drawn(node: Any) -> str:
    """What a non-breaking hyphen or a symbol font's character prints as."""
    if node.tag == f"{W}noBreakHyphen":
        return "-"
    code = (node.get(f"{W}char") or "").upper()
    font = SYMBOLS.get(node.get(f"{W}font") or "", {})
    return font.get(code[-2:]) or (
        chr(int(code, 16)) if re.fullmatch(r"[0-9A-F]{2,4}", code) else ""
    )


def emphasis_of(node: Any) -> str:
    """The emphasis Word gives a run's text, as the importer carries it: "**" bold, "*"
    italic or underlined, "" none."""
    run = node.getparent()
    props = run.find(f"{W}rPr") if run is not None and run.tag == f"{W}r" else None
    if switched_on(props, "b"):
        return "**"
    return "*" if switched_on(props, "i") or switched_on(props, "u") else ""


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


def notes_cited(part: object, kind: str, cited: str, shown: dict[str, str]) -> list[str]:
    """The footnotes (or endnotes) the body cites, each as "[1] its words", numbered as
    Word prints them (``shown``), in that order (the importer puts each with the paragraph
    that cites its mark): Word keeps them apart from the body, endnotes at its end."""
    order = list(shown.values())
    found = []
    for note in part.iter(f"{W}{kind}") if part is not None else ():  # type: ignore[attr-defined]
        number = shown.get(note.get(f"{W}id") or "", "")
        words = " ".join(filter(None, map(paragraph_text, note.iter(f"{W}p"))))
        if not number.isalnum():  # a mark of its own is printed in the note as text
            words = words.removeprefix(number).lstrip()
        if number and f"[{number}]" in cited and words:
            found.append((order.index(number), f"[{number}] {words}"))
    return [text for _, text in sorted(found)]


class Numberer:
    """Renders Word's automatic numbering ("1.", "1.1", "(a)") as the reader saw it.

    Every w:num of one list (w:abstractNum) counts on the same counters, as Word counts;
    a w:num's lvlOverride starts a level again at its startOverride where that w:num is
    first used (Word's "Restart numbering", "Set numbering value"), or redefines the
    level; a level with w:isLgl (legal numbering) draws every level's number in its text
    in figures ("1.1" under a heading numbered "I.")."""

    FORMATS: ClassVar[dict[str, Callable[[int], str]]] = {
        "decimal": str,
        "decimalZero": lambda n: f"{n:02d}",  # "01" to "09", then "10": "1.01" in legal drafting
        "lowerLetter": lambda n: chr(96 + (n - 1) % 26 + 1),
        "upperLetter": lambda n: chr(64 + (n - 1) % 26 + 1),
        "lowerRoman": lambda n: roman(n).lower(),
        "upperRoman": lambda n: roman(n),
    }

    def __init__(self, numbering: object, styles: object = None) -> None:
        self.levels: dict[str, dict[int, Level]] = {}  # an abstractNum's levels
        self.abstract_of: dict[str, str] = {}
        self.overrides: dict[str, dict[int, Level]] = {}  # a w:num's own levels
        self.restarts: dict[str, dict[int, int]] = {}  # a w:num's startOverride, unused
        self.counters: dict[str, list[int]] = {}  # an abstractNum's numbers drawn last
        # Paragraph styles that carry numbering (List Number, numbered headings).
        self.style_num: dict[str, object] = {}
        for style in styles.iter(f"{W}style") if styles is not None else ():  # type: ignore[attr-defined]
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.style_num[style.get(f"{W}styleId")] = num_pr
        if numbering is None:
            return
        for abstract in numbering.iter(f"{W}abstractNum"):  # type: ignore[attr-defined]
            self.levels[abstract.get(f"{W}abstractNumId")] = {
                int(lvl.get(f"{W}ilvl")): level_of(lvl) for lvl in abstract.iter(f"{W}lvl")
            }
        for num in numbering.iter(f"{W}num"):  # type: ignore[attr-defined]
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            num_id = num.get(f"{W}numId")
            self.abstract_of[num_id] = ref.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl") or 0)
                if (lvl := override.find(f"{W}lvl")) is not None:
                    self.overrides.setdefault(num_id, {})[ilvl] = level_of(lvl)
                if (start := override.find(f"{W}startOverride")) is not None:
                    value = int(start.get(f"{W}val") or 0)
                    self.restarts.setdefault(num_id, {})[ilvl] = value

    def label(self, para: object) -> str:
        num_pr = para.find(f"{W}pPr/{W}numPr")  # type: ignore[attr-defined]
        if num_pr is None:
            style = para.find(f"{W}pPr/{W}pStyle")  # type: ignore[attr-defined]
            num_pr = self.style_num.get(style.get(f"{W}val")) if style is not None else None
        if num_pr is None:
            return ""
        num_id_of = num_pr.find(f"{W}numId")
        ilvl = num_pr.find(f"{W}ilvl")
        num_id = num_id_of.get(f"{W}val") if num_id_of is not None else ""
        abstract = self.abstract_of.get(num_id) or ""
        levels = {**self.levels.get(abstract, {}), **self.overrides.get(num_id, {})}
        if not levels:
            return ""
        level = int(ilvl.get(f"{W}val")) if ilvl is not None else 0
        fmt, text, start, legal = levels.get(level, ("decimal", "", 1, False))
        counters = self.counters.setdefault(abstract, [0] * 9)
        restart = self.restarts.get(num_id, {}).pop(level, None)
        if restart is not None:
            counters[level] = restart
        else:
            counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        if fmt in ("bullet", "none"):
            return "-" if fmt == "bullet" else ""

        def render(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            kfmt, _, kstart, _ = levels.get(k, ("decimal", "", 1, False))
            value = counters[k] or kstart
            return str(value) if legal else Numberer.FORMATS.get(kfmt, str)(value)

        return re.sub(r"%(\d)", render, text)


# A list level as Word draws it: its number's format, its text ("%1.%2"), its first
# number, and whether it is legal numbering (every number in figures)
Level = tuple[str, str, int, bool]


def level_of(lvl: Any) -> Level:
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    start = lvl.find(f"{W}start")
    legal = lvl.find(f"{W}isLgl")
    return (
        fmt.get(f"{W}val") if fmt is not None else "decimal",
        text.get(f"{W}val") if text is not None else "",
        int(start.get(f"{W}val")) if start is not None else 1,
        legal is not None and legal.get(f"{W}val") not in ("0", "false"),
    )


def roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out
