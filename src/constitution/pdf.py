"""A printable PDF of a version of the protocol, from the model, with no network.

ReportLab lays it out in Python: no browser and no system libraries at build time, and
its invariant mode makes the same version give the same bytes.
"""

from __future__ import annotations

import functools
import io
from html import escape
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, paragraph
from reportlab.platypus import Paragraph as Flowable

from constitution import files
from constitution.model import Document
from constitution.text_plain import Marks, words
from constitution.text_tree import BulletList, Paragraph, Tree

rl_config.invariant = True  # no creation date or random ID in the file: reproducible bytes
rl_config.useA85 = False  # compressed streams as they are, not ASCII85: smaller and faster
# ReportLab measures, in Python, every word of every line it tries; the same words recur
# thousands of times. Remembering their widths makes a PDF 28% faster, to the same bytes.
# (ReportLab's C accelerator, rl_accel, measured slower than this.)
paragraph.stringWidth = functools.lru_cache(maxsize=65536)(paragraph.stringWidth)

# ReportLab's paragraph mark-up: text escaped, strong words bold, emphasis italic.
MARKUP = Marks(
    lambda text: escape(text, quote=False),
    lambda words: f"<b>{words}</b>",
    lambda words: f"<i>{words}</i>",
)


def write_pdf(path: Path, document: Document, council: str, status: str) -> None:
    """``status`` is the line under the title: which version this is and its standing."""
    styles = getSampleStyleSheet()
    # A clause's number (and a list's bullet) hangs in the margin as the paragraph's
    # bullet, in a font of its own: the text is then in one font, which ReportLab wraps
    # 2.5 times as fast as a paragraph that changes font.
    body = ParagraphStyle(
        "clause",
        parent=styles["BodyText"],
        fontName="Times-Roman",
        fontSize=10.5,
        leading=14,
        leftIndent=14 * mm,
        bulletFontName="Times-Bold",
        bulletFontSize=10.5,
        spaceAfter=6,
    )
    item = ParagraphStyle(
        "item", parent=body, leftIndent=20 * mm, bulletIndent=15 * mm, bulletFontName="Times-Roman"
    )
    heading = ParagraphStyle(
        "section", parent=styles["Heading2"], fontName="Helvetica-Bold", spaceBefore=10
    )
    story = [
        Flowable(escape(council), styles["Title"]),
        Flowable(escape(document.title), styles["Heading1"]),
        Flowable(escape(status), styles["Italic"]),
        Spacer(1, 8 * mm),
    ]

    def flow(tree: Tree, number: str | None, bullet: str = "") -> list[Flowable]:
        """Paragraphs, and each item of a list on its own; the first numbered if given."""
        out: list[Flowable] = []
        for block in tree:
            if isinstance(block, Paragraph):
                text = " ".join(words(block.children, document, MARKUP).split())
                if bullet:
                    out.append(Flowable(text, item, bulletText=bullet))
                elif not out and number:
                    out.append(Flowable(text, body, bulletText=number))
                else:
                    out.append(Flowable(text, body))
                bullet = ""  # a list item's later paragraphs have no bullet of their own
                continue
            for n, entry in enumerate(block.items, start=getattr(block, "start", 1)):
                mark = "•" if isinstance(block, BulletList) else f"{n}."
                out += flow(entry, None, mark)
        return out

    story += flow(document.intro_tree, None)  # the unnumbered introductions, in their place
    for section in document.sections:
        story.append(Flowable(f"{section.number}. {escape(section.title)}", heading))
        story += flow(section.intro_tree, None)
        for clause in section.clauses:
            paragraphs = flow(clause.tree, clause.number)
            # Wrapping is most of the cost, and KeepTogether wraps twice: only when needed.
            story.append(KeepTogether(paragraphs) if len(paragraphs) > 1 else paragraphs[0])

    def footer(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        short = status.split(" (")[0]  # the version, without the resolution
        canvas.drawString(20 * mm, 10 * mm, f"{document.title}: {short}")  # type: ignore[attr-defined]
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    pdf = io.BytesIO()
    SimpleDocTemplate(
        pdf,
        pagesize=A4,
        title=document.title,
        author=council,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    files.replace(path, pdf.getvalue())
