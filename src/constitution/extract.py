"""Text out of a council's protocol file: .txt, .docx or .pdf, as numbered lines.

Each line keeps where it came from (line, and page for PDFs) so that the import report
can point at it. Word revisions are read as if accepted; PDF page furniture (running
headers, footers, page numbers) is dropped, footnotes at a page's foot are marked as
footnotes, and words split by hyphenation are mended.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

from constitution import characters, markdown_drawn
from constitution.extract_html import read_page
from constitution.extract_lines import MAX_FILE_BYTES, MAX_LINES, Extracted, Line, fail, too_large
from constitution.extract_pages import (
    mend_hyphenation,
    paged,
    pages_by_number,
    superscript_notes,
    unpaged,
)
from constitution.pdf_text import from_pdf
from constitution.problems import Problem, ProtocolError
from constitution.quoted_mail import quoted
from constitution.word_read import from_docx
from constitution.word_typed import typed_lines


def extract(path: Path) -> Extracted:
    """The file's text as lines; ProtocolError when it cannot be read as a protocol."""
    if not path.is_file():
        raise fail(path, "import-missing")
    if path.stat().st_size == 0:
        raise fail(path, "import-empty")
    if what := other_format(path):
        raise fail(path, "import-other-format", what=what)
    readers = {".txt": from_text, ".md": from_text, ".docx": from_word, ".pdf": from_pdf}
    readers |= {".html": from_html, ".htm": from_html}
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise fail(path, "import-format", suffix=path.suffix)
    if (size := path.stat().st_size) > MAX_FILE_BYTES:
        raise too_large(path, f"the file has {size:,} bytes", f"{MAX_FILE_BYTES:,} bytes")
    result = reader(path)
    if reader is from_word:  # a text's and a PDF's were made plain as they were read
        texts = characters.sub_bullets([characters.plain(line.text) for line in result.lines])
        result.lines = [replace(line, text=t) for line, t in zip(result.lines, texts, strict=True)]
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


def from_word(path: Path) -> Extracted:
    """A Word file, or, where its paragraphs are a plain text's lines (word_typed), the
    text they are."""
    typed = typed_lines(path)
    if typed is None:
        return unpaged(from_docx(path))
    notes = [
        "The Word file's paragraphs are the lines of a plain text (each set in the style "
        "for plain text): it was read as that text, its wrapped lines joined."
    ]
    return text_read(path, characters.plain("\n".join(typed)), notes, ".txt")


def from_text(path: Path) -> Extracted:
    notes: list[str] = []
    return text_read(path, decoded(path, notes), notes, path.suffix.lower())


def text_read(path: Path, text: str, notes: list[str], suffix: str) -> Extracted:
    """A text's lines (the file ``path``, read as a ``suffix`` file: ".md" as drawn,
    ".txt" its wrapped lines found)."""
    if "\f" not in text:
        lines = [Line(t, n) for n, t in enumerate(text.splitlines(), start=1)]
        lines, unshown = as_drawn(lines, notes) if suffix == ".md" else (lines, [])
        lines, mail = unquoted(path, lines, notes)
        mail = unshown + mail
        lines = wrapped(lines) if suffix == ".txt" else lines
        if pages := pages_by_number(lines):  # a PDF's pages, their text joined
            result = paged(pages, pages[-1].page or 1, notes)
            return replace(result, asides=result.asides + mail)
        whole = suffix != ".md" and a_paragraph_a_line(lines)
        return Extracted(mend_hyphenation(lines), notes=notes, asides=mail, whole_paragraphs=whole)
    # A PDF's text export (pdftotext): a form feed starts each page, and the pages carry
    # their running heads, feet and numbers as a PDF does
    lines, page = [], 1
    for n, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        page += raw.count("\f")
        lines.append(Line(raw.replace("\f", ""), n, page))
    # pdftotext ends every page with a form feed, the last too: no page follows it
    last = max((line.page or 1 for line in lines if line.text.strip()), default=1)
    return paged(lines, last, notes)


# Longer than any page's measure: a line this long was never wrapped, but is a whole
# paragraph as a word processor's plain-text export writes one (LibreOffice's "Text",
# Word's "Plain Text"), each paragraph a line with no blank line between
UNWRAPPED = 150


def a_paragraph_a_line(lines: list[Line]) -> bool:
    """Whether each line of a text is a paragraph of its own: no blank line between any
    two of its lines, and lines too long to have been wrapped."""
    texts = [line.text.strip() for line in lines]
    while texts and not texts[-1]:
        texts.pop()
    return "" not in texts and any(len(t) > UNWRAPPED for t in texts)


# a paragraph's number where its line begins ("3.", "3.1", "(a)", "- "): a new block
BLOCK_START = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(\w{1,4}\)|[-*\u2022])\s")
MIN_APART = 3  # numbered paragraphs a file sets apart by blank lines to show its habit


def wrapped(lines: list[Line]) -> list[Line]:
    """A text wrapped at a fixed measure (pandoc's plain text: 72 columns) that sets its
    paragraphs apart by blank lines: a line that follows another with no blank line
    between, where the one before could not have taken its first word within the
    measure, is that paragraph going on (``wraps``), however the line before ends
    ("... must not be disclosed." / "See 3.1 above ..."): a writer's line break would
    have left a blank line, a wrap leaves none."""
    texts = [line.text.rstrip() for line in lines]
    numbered = [at for at, text in enumerate(texts) if BLOCK_START.match(text)]
    apart = [at for at in numbered if at and not texts[at - 1].strip()]
    if len(apart) < MIN_APART or len(apart) < 0.9 * len(numbered):
        return lines
    measure = max(map(len, texts))
    out = [*lines]
    for at in range(1, len(texts)):
        before, text = texts[at - 1], texts[at].strip()
        if before.strip() and text and len(before) + 1 + len(text.split()[0]) > measure:
            out[at] = replace(lines[at], wraps=True)
    return out


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
        replace(line, text=t, wraps=at in page.going_on)
        for at, (line, t) in enumerate(zip(lines, page.texts, strict=True))
        if t is not None
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
