"""Five protocols as UK councils publish them in PDF, each drawn as software the earlier
trials had not met draws a page (tests/import_pdf18, each with its gold in golds/,
written before the importer was run on them or its code read):

- glyph-by-glyph.pdf: every glyph drawn alone at its own place (its own text matrix),
  no space drawn, the headings and title in a face with no bold emboldened by drawing
  each glyph twice a fraction of a point apart, as some print drivers do;
- kerned-lines.pdf: a typesetter's PDF: each line one TJ array, kerning pairs nudged
  and the gaps between words made by the array's offsets with no space character, the
  "fi" and "fl" of the text drawn as ligature glyphs, words broken at a line's end at a
  soft hyphen (U+00AD in the text layer);
- ocr-scan.pdf: a scanned protocol with an OCR text layer: each page a picture of the
  print, a little skewed, the words laid over it invisibly (render mode 3), each word
  its own text object on the skewed baseline, stretched to the picture's word; the OCR
  misreads "1" as "l" or "I" in some paragraphs' numbers;
- bordered-table.pdf: a protocol set in a table with borders, as a word processor
  exports one: a number cell and a words cell a row, each section's heading a row across
  both cells shaded dark with white words, the header row repeated at the head of every
  page, a row broken over the page;
- banded-notes.pdf: a designed template: each heading white words in a coloured band
  drawn as a rectangle, paragraphs numbered "1." on through the document, footnote
  marks raised and small after words, the notes at the page's foot numbered like
  paragraphs.

A source is its lines as printed, in the form of tests/import_pdf17's sources, and:
"row: " the table's header row (its cells split by "|"), "note: N|words" a footnote's
words, "^N" in a line a footnote mark, a line ending "=" a word broken at a soft hyphen,
"{1|l}" a character printed "1" that the OCR reads "l".
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config
from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

import import_trial as trial
from import_pdf17 import (
    Page,
    Piece,
    Style,
    furniture,
    head_and_foot,
    laid_out,
    said,
    unused_word,
)
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_pdf18"
HANDED = "glyph-by-glyph.pdf kerned-lines.pdf ocr-scan.pdf bordered-table.pdf banded-notes.pdf"
NAMES = HANDED.split()

WIDTH, HEIGHT = A4
SETTINGS = ("head", "foot", "row")


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The PDF as the council hands it over, and its gold (its page furniture added to
    what is left out)."""
    return trial.handed_over(name, folder, SOURCES, unused_word, drawn)


def drawn(source: Path, path: Path) -> list[str]:
    """The source drawn as its software draws it; the lines of its page furniture."""
    lines = source.read_text(encoding="utf-8").splitlines()
    settings = {k: v for k, _, v in (line.partition(": ") for line in lines) if k in SETTINGS}
    notes = dict(
        line.removeprefix("note: ").split("|", 1) for line in lines if line.startswith("note: ")
    )
    body = [
        line
        for line in lines
        if line.partition(": ")[0] not in SETTINGS and not line.startswith("note: ")
    ]
    maker = MAKERS[source.name.removesuffix(".pdf.txt")]
    return maker(body, settings, notes, path)


def printed(text: str) -> str:
    """A line's words as the page prints them: "{1|l}" is "1", a soft hyphen's "=" a
    hyphen at the line's end, a footnote's mark "^N" the figure."""
    text = re.sub(r"\{(.)\|.\}", r"\1", text)
    return re.sub(r"=$", "-", text).replace("^", "")


def canvas_for(path: Path) -> Canvas:
    rl_config.invariant = 1  # the same file every time
    return Canvas(str(path), pagesize=A4)


# glyph-by-glyph.pdf: every glyph its own text matrix; bold made by overprinting

KERNS = {"Te": -0.9, "Wa": -0.7, "r.": -0.5, "y.": -0.6, "To": -0.9, "Yo": -0.8, "P.": -0.9}
OVERPRINT = 0.35  # the second impression of an emboldened glyph, to the right


def glyph_by_glyph(
    lines: list[str], settings: dict[str, str], notes: dict[str, str], path: Path
) -> list[str]:
    style = Style()
    return page_by_page(
        lines, settings, path, style, lambda c, p: glyphs(c, p, emboldened=p.font == style.bold)
    )


def page_by_page(
    lines: list[str],
    settings: dict[str, str],
    path: Path,
    style: Style,
    draw: Callable[[Canvas, Piece], None],
    foot: Callable[[Canvas, Page], None] = lambda canvas, page: None,
) -> list[str]:
    """The body's lines set on pages in the style's places, each page's running head
    and footer, each piece drawn by ``draw``, then ``foot`` (the page's notes); the
    lines of its page furniture."""
    pages = laid_out(lines, style)
    furnished = furniture(settings, len(pages))
    canvas = canvas_for(path)
    for page, furnish in zip(pages, furnished, strict=True):
        head_and_foot(canvas, furnish, settings)
        for piece in page.pieces:
            draw(canvas, piece)
        foot(canvas, page)
        canvas.showPage()
    canvas.save()
    return said(furnished)


def glyphs(canvas: Canvas, piece: Piece, emboldened: bool) -> None:
    """Each glyph drawn alone at its place (a text matrix each), spaces only gaps; a
    bold line set in the regular face and each glyph drawn twice."""
    text = canvas.beginText()
    text.setFont("Helvetica", piece.size)
    x = piece.x
    for n, char in enumerate(piece.text):
        if char != " ":
            for dx in (0.0, OVERPRINT) if emboldened else (0.0,):
                text.setTextOrigin(round(x + dx, 2), piece.y)
                text.textOut(char)
        x += stringWidth(char, "Helvetica", piece.size) + KERNS.get(piece.text[n : n + 2], 0)
    canvas.drawText(text)


# kerned-lines.pdf: a line one TJ array, gaps as offsets, ligatures and soft hyphens

LIGATURES = {"fi": "\ufb01", "fl": "\ufb02"}
CODES = {"\ufb01": 0o200, "\ufb02": 0o201, "\u00ad": 0o255}
PAIRS = {"Wo": 60, "Wa": 70, "Te": 70, "r,": 40, "y.": 55, "y,": 55, "f ": -20, "P.": 80}


def ligature_font() -> str:
    """Times with the fi and fl ligatures and the soft hyphen in its encoding."""
    name = "Times-Ligatures"
    if name not in pdfmetrics.getRegisteredFontNames():
        encoding = pdfmetrics.Encoding("TimesLigatures", "WinAnsiEncoding")
        encoding[0o200], encoding[0o201], encoding[0o255] = "fi", "fl", "hyphen"
        pdfmetrics.registerEncoding(encoding)
        pdfmetrics.registerFont(pdfmetrics.Font(name, "Times-Roman", "TimesLigatures"))
        bold = pdfmetrics.Font(name + "-Bold", "Times-Bold", "TimesLigatures")
        pdfmetrics.registerFont(bold)
    return name


def kerned_lines(
    lines: list[str], settings: dict[str, str], notes: dict[str, str], path: Path
) -> list[str]:
    font = ligature_font()
    style = Style(margin=70, indent=34, font=font, bold=font + "-Bold")
    return page_by_page(lines, settings, path, style, one_array)


def one_array(canvas: Canvas, piece: Piece) -> None:
    """The line as one TJ array: each word's glyphs (its fi and fl ligatures, a soft
    hyphen where it breaks), kerning nudges inside words, and between words an offset
    the width of a space (wider on a justified line) and no space character."""
    words = piece.text.split()
    broken = bool(words) and words[-1].endswith("=")
    if broken:
        words[-1] = words[-1][:-1] + "\u00ad"
    size = piece.size
    natural = sum(stringWidth(w.replace("\u00ad", "-"), "Times-Roman", size) for w in words)
    gap = stringWidth(" ", "Times-Roman", size)
    if piece.justify_to and len(words) > 1:
        gap = (piece.justify_to - piece.x - natural) / (len(words) - 1)
    array = []
    for n, word in enumerate(words):
        if n:
            array.append(f"{-gap * 1000 / size:.1f}")
        array += kerned(word)
    canvas._code.append(f"BT /{font_key(canvas, piece.font)} {size} Tf")
    canvas._code.append(f"1 0 0 1 {piece.x:.2f} {piece.y:.2f} Tm [{' '.join(array)}] TJ ET")


def font_key(canvas: Canvas, font: str) -> str:
    return str(canvas._doc.getInternalFontName(font)).lstrip("/")


def kerned(word: str) -> list[str]:
    """A word's pieces of the TJ array: its glyphs as PDF strings, split where a pair is
    kerned, the kerning between them."""
    for letters, ligature in LIGATURES.items():
        word = word.replace(letters, ligature)
    parts, current = [], ""
    for n, char in enumerate(word):
        current += char
        nudge = PAIRS.get(word[n : n + 2])
        if nudge and n + 1 < len(word):
            parts += [pdf_string(current), str(nudge)]
            current = ""
    return [*parts, pdf_string(current)]


def pdf_string(text: str) -> str:
    return "(" + escape(text) + ")"


# ocr-scan.pdf: a picture of each page, skewed; the OCR's words over it, invisible

DPI = 100
SKEW = 0.6  # degrees the sheet lay turned on the scanner's glass, anticlockwise


def ocr_scan(
    lines: list[str], settings: dict[str, str], notes: dict[str, str], path: Path
) -> list[str]:
    style = Style(margin=72, font="Times-Roman", bold="Times-Bold", leading=15)
    pages = laid_out(lines, style)
    furnished = furniture(settings, len(pages))
    canvas = canvas_for(path)
    for page, furnish in zip(pages, furnished, strict=True):
        heads = len(settings["head"].split("|"))
        words = [Piece(72, 800, p, "Times-Roman", 9) for p in furnish[:heads]]
        words += page.pieces
        words += [
            Piece(72 + 300 * n, 40, p, "Times-Roman", 9) for n, p in enumerate(furnish[heads:])
        ]
        canvas.drawImage(ImageReader(scanned(words)), 0, 0, WIDTH, HEIGHT)
        text = canvas.beginText()
        text.setTextRenderMode(3)  # invisible: the picture shows the print
        for piece in words:
            ocr_words(text, piece, font_key(canvas, "Helvetica"))
        canvas.drawText(text)
        canvas.showPage()
    canvas.save()
    return said(furnished)


def turned(x: float, y: float) -> tuple[float, float]:
    """A point of the print where the skewed scan shows it (about the page's centre)."""
    a = math.radians(SKEW)
    cx, cy = WIDTH / 2, HEIGHT / 2
    return (
        cx + (x - cx) * math.cos(a) - (y - cy) * math.sin(a),
        cy + (x - cx) * math.sin(a) + (y - cy) * math.cos(a),
    )


def typeface(piece: Piece) -> ImageFont.FreeTypeFont:
    import reportlab

    fonts = Path(reportlab.__file__).parent / "fonts"
    bold = piece.font.endswith("Bold") or piece.size > 11
    name = "VeraBd.ttf" if bold else "Vera.ttf"
    return ImageFont.truetype(str(fonts / name), round(piece.size * 0.92 * DPI / 72))


def scanned(pieces: list[Piece]) -> io.BytesIO:
    """The page's print as a greyscale picture, turned as the scanner saw it."""
    scale = DPI / 72
    picture = Image.new("L", (round(WIDTH * scale), round(HEIGHT * scale)), 255)
    draw = ImageDraw.Draw(picture)
    for piece in pieces:
        font = typeface(piece)
        top = (HEIGHT - piece.y) * scale - font.getmetrics()[0]
        draw.text((piece.x * scale, top), printed(piece.text), fill=30, font=font)
    picture = picture.rotate(SKEW, resample=Image.Resampling.BICUBIC, fillcolor=255)
    out = io.BytesIO()
    picture.save(out, "PNG")
    out.seek(0)
    return out


def ocr_words(text: object, piece: Piece, font: str) -> None:
    """Each word as the OCR found it: its own text matrix on the turned baseline, in
    the OCR's face stretched (horizontal scaling) to the picture's width of the word."""
    a = math.radians(SKEW)
    x = piece.x
    read = re.sub(r"\{.\|(.)\}", r"\1", piece.text).split(" ")
    for n, (word, shown) in enumerate(zip(printed(piece.text).split(" "), read, strict=True)):
        width = stringWidth(word, "Helvetica", piece.size)
        px, py = turned(x, piece.y + (0.4 if n % 3 == 1 else 0.0))
        drawn_width = stringWidth(shown, "Helvetica", piece.size)
        text._code.append(  # type: ignore[attr-defined]
            f"/{font} {piece.size} Tf {100 * width / drawn_width:.1f} Tz "
            f"{math.cos(a):.5f} {math.sin(a):.5f} {-math.sin(a):.5f} {math.cos(a):.5f} "
            f"{px:.2f} {py:.2f} Tm ({escape(shown)}) Tj"
        )
        x += width + stringWidth(" ", "Helvetica", piece.size)


def escape(text: str) -> str:
    """Text as a PDF string's bytes in the font's encoding (Windows' code page, and the
    ligatures and soft hyphen where the typesetter's encoding puts them)."""
    out = []
    for char in text:
        code = CODES.get(char) or char.encode("cp1252")[0]
        out.append(f"\\{code:03o}" if code > 126 or char in "()\\" else char)
    return "".join(out)


# bordered-table.pdf: the protocol in a table with borders, its header row repeated

BAND = Color(0.12, 0.31, 0.42)
GREY = Color(0.88, 0.88, 0.88)
LEFT, SPLIT, RIGHT = 56.0, 104.0, WIDTH - 56
PAD, LEADING, FOOT, SIZE = 5.0, 15.0, 60.0, 11.0


def bordered_table(
    lines: list[str], settings: dict[str, str], notes: dict[str, str], path: Path
) -> list[str]:
    rows = table_rows(lines)
    header = settings["row"].split("|")
    count = set_in_table(Canvas(io.BytesIO(), pagesize=A4), lines, rows, header, settings, 1)
    canvas = canvas_for(path)
    pages = set_in_table(canvas, lines, rows, header, settings, count)
    canvas.save()
    return said(furniture(settings, pages)) + header * pages  # the header row on each page


def table_rows(lines: list[str]) -> list[tuple[str, str]]:
    """The table's rows: ("h", heading) a section's row across both cells, (number,
    words) a paragraph's."""
    rows: list[tuple[str, str]] = []
    for line in lines:
        kind, _, text = line.partition(": ")
        if kind == "h":
            rows.append(("h", text))
        elif "\t" in line and not line.startswith("\t") and kind not in ("title", "i"):
            rows.append(tuple(line.split("\t", 1)))  # type: ignore[arg-type]
    return rows


def set_in_table(
    canvas: Canvas,
    lines: list[str],
    rows: list[tuple[str, str]],
    header: list[str],
    settings: dict[str, str],
    count: int,
) -> int:
    """The title and introduction, then the table, page by page: the header row at the
    head of the table on every page, a row that does not fit broken where the page ends;
    each page's head and footer ("Page N of ``count``"). The number of pages."""
    furnished = furniture(settings, count)
    y, page = 760.0, 1
    for line in lines:
        kind, _, text = line.partition(": ")
        if kind == "title":
            canvas.setFont("Helvetica-Bold", 15)
            canvas.drawString(LEFT, y, text)
            y -= 26
        elif kind == "i" or line.startswith("\t"):
            canvas.setFont("Helvetica", 10)
            canvas.drawString(LEFT, y, text if kind == "i" else line.strip())
            y -= 14
    y = header_row(canvas, y - 10, header)

    def next_page() -> float:
        nonlocal page
        head_and_foot(canvas, furnished[min(page, count) - 1], settings)
        canvas.showPage()
        page += 1
        return header_row(canvas, 790.0, header)

    for number, words in rows:
        if number == "h":
            if y - 2 * PAD - 2 * LEADING < FOOT:
                y = next_page()
            canvas.setFillColor(BAND)
            canvas.rect(LEFT, y - LEADING - 2 * PAD, RIGHT - LEFT, LEADING + 2 * PAD, 1, 1)
            canvas.setFillColor(white)
            canvas.setFont("Helvetica-Bold", 10.5)
            canvas.drawString(LEFT + PAD, y - PAD - 10, words)
            canvas.setFillColor(Color(0, 0, 0))
            y -= LEADING + 2 * PAD
            continue
        wrapped = simpleSplit(words, "Helvetica", SIZE, RIGHT - SPLIT - 2 * PAD)
        first = True
        while wrapped:
            room = int((y - FOOT - 2 * PAD) // LEADING)
            if room < 1:
                y = next_page()
                continue
            part, wrapped = wrapped[:room], wrapped[room:]
            height = len(part) * LEADING + 2 * PAD
            canvas.setFont("Helvetica", SIZE)
            if first:
                canvas.drawString(LEFT + PAD, y - PAD - SIZE, number)
            for n, text in enumerate(part):
                canvas.drawString(SPLIT + PAD, y - PAD - SIZE - n * LEADING, text)
            canvas.rect(LEFT, y - height, SPLIT - LEFT, height)
            canvas.rect(SPLIT, y - height, RIGHT - SPLIT, height)
            y -= height
            first = False
    head_and_foot(canvas, furnished[min(page, count) - 1], settings)
    canvas.showPage()
    return page


def header_row(canvas: Canvas, y: float, header: list[str]) -> float:
    """The table's header row, shaded, its cells' words in bold."""
    height = LEADING + 2 * PAD
    canvas.setFillColor(GREY)
    canvas.rect(LEFT, y - height, RIGHT - LEFT, height, 1, 1)
    canvas.setFillColor(Color(0, 0, 0))
    canvas.setFont("Helvetica-Bold", 10)
    for x, text in zip((LEFT, SPLIT), header, strict=True):
        canvas.drawString(x + PAD, y - PAD - 10, text)
    canvas.line(SPLIT, y, SPLIT, y - height)
    return y - height


# banded-notes.pdf: headings in coloured bands, footnote marks raised, notes at the foot

NOTE_MARK = re.compile(r"\^(\d+)")


def banded_notes(
    lines: list[str], settings: dict[str, str], notes: dict[str, str], path: Path
) -> list[str]:
    style = Style(margin=64, indent=28, font="Helvetica", bold="Helvetica-Bold", size=10)

    def draw(canvas: Canvas, piece: Piece) -> None:
        if piece.font == style.bold and piece.size == style.size + 2:
            band(canvas, piece)
        else:
            with_marks(canvas, piece)

    return page_by_page(
        lines, settings, path, style, draw, lambda canvas, page: footnotes(canvas, page, notes)
    )


def band(canvas: Canvas, piece: Piece) -> None:
    """A heading: a coloured band across the measure, drawn first, its words white."""
    canvas.setFillColor(BAND)
    canvas.rect(piece.x - 6, piece.y - 6, WIDTH - 2 * piece.x + 12, piece.size + 10, 0, 1)
    canvas.setFillColor(white)
    canvas.setFont(piece.font, piece.size)
    canvas.drawString(piece.x, piece.y, piece.text)
    canvas.setFillColor(Color(0, 0, 0))


def with_marks(canvas: Canvas, piece: Piece) -> None:
    """A line's words, a footnote's mark raised and small where the source puts it."""
    x = piece.x
    for n, part in enumerate(NOTE_MARK.split(piece.text)):
        size, rise = (6.0, 3.5) if n % 2 else (piece.size, 0.0)
        canvas.setFont(piece.font, size)
        canvas.drawString(x, piece.y + rise, part)
        x += stringWidth(part, piece.font, size)


def footnotes(canvas: Canvas, page: Page, notes: dict[str, str]) -> None:
    """The notes whose marks the page prints, at its foot under a short rule, each
    its figure and words."""
    marked = [m for p in page.pieces for m in NOTE_MARK.findall(p.text)]
    if not marked:
        return
    y = 60 + 11 * len(marked)
    canvas.line(64, y + 8, 180, y + 8)
    for mark in marked:
        canvas.setFont("Helvetica", 7.5)
        canvas.drawString(64, y, mark)
        canvas.drawString(72, y, notes[mark])
        y -= 11


MAKERS: dict[str, Callable[[list[str], dict[str, str], dict[str, str], Path], list[str]]] = {
    "glyph-by-glyph": glyph_by_glyph,
    "kerned-lines": kerned_lines,
    "ocr-scan": ocr_scan,
    "bordered-table": bordered_table,
    "banded-notes": banded_notes,
}
