"""A PDF's pages that are pictures of print (a scanner's, or a page pasted in as an
image) with no text layer: their words cannot be read, and a document importing the
other pages alone would lose them without a word."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

# Of the page's area: an image this large is the page itself, not a logo or a signature
COVERING = 0.5
# Characters: a page with fewer of its own (its running head, foot and page number aside,
# which a scan may carry as text laid over its picture) holds no text of its own
FEW = 40


def placements(page: Any) -> list[tuple[str, float]] | None:
    """Where the page's pictures will be listed as drawn (pdf_fonts.page_text fills it),
    or None for a page with none: no page's text is read twice to find them."""
    return [] if images(page) else None


def scanned_pages(
    pages: list[Any], texts: list[str], placed: list[list[tuple[str, float]] | None]
) -> list[int]:
    """The pages (numbered from 1) that are images of print: an image drawn over most of
    the page, and next to no text of the page's own (``texts``: each page's words, its
    furniture aside). A page whose text layer holds words of its own is no scan, whatever
    is drawn under it: a designed cover's title over its picture, a page of text on a
    letterhead, a scan whose words were recognised (OCR). A picture the document also
    draws under a page of text is a background (a letterhead, a watermark), not a scan:
    a scan's every page is a picture of its own, and a short last page over the
    letterhead is no scan. ``placed``: each page's objects drawn, with the area each
    covers (placements)."""
    sizes = [len("".join(text.split())) for text in texts]
    covers = [covering(page, drawn or []) for page, drawn in zip(pages, placed, strict=True)]
    under_text = {
        picture for size, over in zip(sizes, covers, strict=True) if size >= FEW for picture in over
    }
    return [
        n
        for n, (size, over) in enumerate(zip(sizes, covers, strict=True), 1)
        if over and size < FEW and not over <= under_text
    ]


def recognised(
    pages: list[Any], texts: list[str], placed: list[list[tuple[str, float]] | None]
) -> set[int]:
    """The pages (numbered from 1) that are scans whose words were recognised (OCR) and
    laid over the picture: a picture drawn over most of the page that no other page
    draws (a letterhead or a background is drawn on many), and text of the page's own
    over it (``texts``, ``placed``: as scanned_pages has them)."""
    covers = [covering(page, drawn or []) for page, drawn in zip(pages, placed, strict=True)]
    drawn = Counter(picture for over in covers for picture in over)
    return {
        n
        for n, (text, over) in enumerate(zip(texts, covers, strict=True), 1)
        if over and len("".join(text.split())) >= FEW and all(drawn[p] == 1 for p in over)
    }


# A paragraph's number beginning a line as OCR misreads one: figures and full stops, a
# figure read as a letter among them ("l.2", "2.l", "4.I", "1O.1": l, I or | for 1, O for
# 0), at least one figure beside it. A letter alone ("(l)", "I.") is a letter.
MISREAD = re.compile(
    r"^(\s*\(?)(?=[\dlI|O.]*\d)(?=[\dlI|O.]*[lI|O])([\dlI|O]{1,3}(?:\.[\dlI|O]{1,3})+)(?=[.)]?\s)"
)
FIGURES = str.maketrans("lI|O", "1110")


def number_as_printed(text: str) -> str:
    """A line of a scan's recognised text with its paragraph's number as the picture
    prints it: "l.2 The protocol ..." is "1.2 The protocol ..."."""
    return MISREAD.sub(lambda m: m[1] + m[2].translate(FIGURES), text)


def covering(page: Any, placed: list[tuple[str, float]]) -> set[tuple[int, int]]:
    """The images drawn over most of the page, each by its object in the file (an image
    is a stream, always an object of its own: one drawn on many pages is one object)."""
    names = images(page) if placed else {}
    box = page.mediabox
    least = COVERING * float(box.width) * float(box.height)
    return {names[name] for name, area in placed if name in names and area >= least}


def images(page: Any) -> dict[str, tuple[int, int]]:
    """The names the page's resources give its images, each with its object's number."""
    resources = page.get("/Resources")
    objects = resources.get_object().get("/XObject") if resources else None
    if objects is None:
        return {}
    found = {}
    for name, made in objects.get_object().items():
        if made.get_object().get("/Subtype") == "/Image":
            # a direct stream would break the PDF's rules: known apart by Python's id
            reference = getattr(made, "idnum", id(made)), getattr(made, "generation", 0)
            found[str(name)] = reference
    return found


def listed(pages: list[int]) -> str:
    """ "page 2", "pages 2 and 5", "pages 2, 3 and 5"."""
    if len(pages) == 1:
        return f"page {pages[0]}"
    return f"pages {', '.join(map(str, pages[:-1]))} and {pages[-1]}"
