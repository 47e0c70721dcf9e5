"""A PDF's text as lines: its pages read in order, a page of two languages side
by side refused, and its headings told by their type and spacing where the PDF sets
them apart so (a line in bold that is a sentence read as the body's words).

Apart from the page mending (extract_pages), which a text export of a PDF needs too.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from constitution import characters
from constitution.extract_lines import MAX_PAGES, Extracted, Line, fail, too_large
from constitution.extract_pages import drop_furniture, mend_hyphenation, paged
from constitution.import_languages import MIN_PAIRS, apart
from constitution.page_asides import NUMBERED_LINE, body_size
from constitution.pdf_fonts import Drawn, page_text
from constitution.pdf_order import columns_read, drop_caps_joined, labels_joined
from constitution.pdf_scans import (
    listed,
    number_as_printed,
    placements,
    recognised,
    scanned_pages,
)
from constitution.pdf_tables import table_rows
from constitution.problems import ProtocolError

# A typesetter's discretionary hyphen: where it ends a line, the word goes on whole
SOFT_HYPHEN = "\u00ad"


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
            texts = own_words(lines, len(pages))
            images = scanned_pages(list(reader.pages), texts, placed)
            if images and len(images) < len(pages):  # all images: no text at all, said below
                raise fail(path, "import-scanned-pages", pages=listed(images), count=len(pages))
            # a scan's words as an OCR read them: its numbers as the picture prints them
            scans = recognised(list(reader.pages), texts, placed)
            lines = [
                replace(line, text=number_as_printed(line.text)) if line.page in scans else line
                for line in lines
            ]
    except ProtocolError:
        raise
    except LimitReachedError as exc:  # pypdf's own bound on what a stream unpacks to
        raise too_large(path, f"a page unpacks too far ({exc})", "what pypdf allows") from None
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise fail(path, "import-pdf-corrupt", error=exc) from None
    refuse_two_languages_side_by_side(path, lines)
    # rows before the page's furniture and footnotes are read: a footnote's number and
    # its words drawn apart are no table's row, but "[1]" is no longer a number to tell
    result = paged(table_rows(lines), len(pages), [], mend=False)
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
        ends = text.split("\n")[: len(texts)] == texts
        drawn = drawn if ends else []
        # and so is its soft hyphen: its last word goes on, whole, on the next line
        raws = raw.split("\n")
        broken = [t.rstrip().endswith(SOFT_HYPHEN) for t in raws] if ends else []
        read = [
            Line(t, n, number, drawn[n - 1] if drawn else None, broken=ends and broken[n - 1])
            for n, t in enumerate(texts, start=1)
        ]
        # where its pieces begin in the line as read, not as drawn (pdf_tables)
        lines += [
            replace(line, drawn=replace(d, starts=read_starts(d.starts, raws[n])))
            if (d := line.drawn) and d.starts
            else line
            for n, line in enumerate(read)
        ]
    return lines


def read_starts(starts: tuple[tuple[float, int], ...], raw: str) -> tuple[tuple[float, int], ...]:
    """Where each piece begins in a line's text as read (characters.plain: a ligature
    two letters, an invisible character none), from where it began as drawn."""
    return tuple((x, len(characters.plain(raw[:at]))) for x, at in starts)


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
            and "\t" not in line.text  # a table's row (pdf_tables), its header row too
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
            and "\t" not in text  # a table's row (pdf_tables)
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
    answers ...") is no paragraph's end. A line set further under the one before than
    that spacing there is a paragraph's first (``opens``), whatever it begins with, as a
    text's line after a blank one is; but a statement set apart in bold under a
    paragraph is read as that paragraph's own, emphasised ("**No councillor may ...**").
    A page hides the space above its first line: that line opens a paragraph where it is
    set out to the left of the wrapped line ending the page before (outdented)."""
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
    out = lines[:1]
    for gap, line in zip(gaps, lines[1:], strict=True):
        if gap is not None:
            opens = gap > pitch * 1.2 and not (line.drawn and line.drawn.bold)
            line = replace(line, wraps=abs(gap - pitch) <= pitch * 0.1, opens=opens)
        elif outdented(out[-1], line, body):
            line = replace(line, opens=True)
        out.append(line)
    return out


def outdented(above: Line, line: Line, body: float) -> bool:
    """Whether a page's first line is set to the left of the wrapped line ending the page
    before: its paragraph's words go on under one another, so the line is none of them."""
    before, drawn = above.drawn, line.drawn
    return bool(
        above.wraps
        and above.page != line.page
        and before is not None
        and drawn is not None
        and before.x is not None
        and drawn.x is not None
        and drawn.x < before.x - body / 2
    )
