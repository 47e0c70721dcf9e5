"""A PDF's pages that are pictures of print (a scanner's, or a page pasted in as an
image) with no text layer: their words cannot be read, and a document importing the
other pages alone would lose them without a word."""

from __future__ import annotations

from typing import Any

# Of the page's area: an image this large is the page itself, not a logo or a signature
COVERING = 0.5
# Characters: a page with fewer holds no text of its own (a page number stamped on a scan
# at most); a cover with a logo and a title under this, drawn small, is not taken
FEW = 40
# Of the characters the document's pages of text typically hold (their median): a page
# drawn over by an image holding less than this has only a scan's stamp or a running head
# laid over the picture for text; a page of text on a letterhead's picture, or a scan
# with its words recognised (OCR), holds as much as any page of text
SHARE = 1 / 3


def scanned_pages(pages: list[Any], texts: list[str]) -> list[int]:
    """The pages (numbered from 1) that are images of print: an image drawn over most of
    the page, and next to no text, or far less than the document's pages of text hold
    (those with no such image; all of them where every page has one, as an OCR'd scan)."""
    sizes = [len("".join(text.split())) for text in texts]
    covers = [covered(page) for page in pages]
    full = sorted(n for n, over in zip(sizes, covers, strict=True) if n >= FEW and not over)
    full = full or sorted(n for n in sizes if n >= FEW)
    least = max(FEW, full[len(full) // 2] * SHARE) if full else FEW
    return [
        n
        for n, (size, over) in enumerate(zip(sizes, covers, strict=True), 1)
        if over and size < least
    ]


def covered(page: Any) -> bool:
    """Whether an image is drawn over most of the page."""
    names = images(page)
    if not names:
        return False
    box = page.mediabox
    area = float(box.width) * float(box.height)
    drawn: list[float] = []

    def visit(operator: bytes, operands: list[Any], cm: list[float], _tm: Any) -> None:
        if operator == b"Do" and operands and str(operands[0]) in names:
            drawn.append(abs(cm[0] * cm[3] - cm[1] * cm[2]))  # the unit square, as placed

    page.extract_text(visitor_operand_before=visit)
    return any(size >= COVERING * area for size in drawn)


def images(page: Any) -> set[str]:
    """The names the page's resources give its images."""
    resources = page.get("/Resources")
    objects = resources.get_object().get("/XObject") if resources else None
    if objects is None:
        return set()
    return {
        str(name)
        for name, made in objects.get_object().items()
        if made.get_object().get("/Subtype") == "/Image"
    }


def listed(pages: list[int]) -> str:
    """ "page 2", "pages 2 and 5", "pages 2, 3 and 5"."""
    if len(pages) == 1:
        return f"page {pages[0]}"
    return f"pages {', '.join(map(str, pages[:-1]))} and {pages[-1]}"
