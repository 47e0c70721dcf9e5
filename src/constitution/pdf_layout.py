"""Lays out one PDF with Typst, as a process of its own (pdf.compile_pdf runs it).

Typst keeps everything it has laid out for the life of its process, and its binding
cannot empty that cache: three 5,000-paragraph PDFs in one process held 2.3 GB. A process
a PDF frees it when it ends.

    python -m constitution.pdf_layout TEMPLATE ua|plain|find  < inputs.json  > out

The inputs are the template's (sys.inputs), a JSON object of strings. ``find`` lays the
document out without writing it, and gives where each of the paragraphs named in the
input ``targets`` landed (page, and x and y in points) and how many pages there are, as
JSON: ``{"pages": 12, "at": {"ID": [3, 56.7, 180.5]}}``.

Exit 3 with Typst's message on stderr when Typst cannot lay it out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typst

CANNOT = 3

# When finding, <pdf-end> stands where the document ends (pdf.typ). A length over
# 1pt is a float, which JSON carries exactly: the link then lands where a label's would.
FIND = """(
  pages: query(<pdf-end>).first().location().page(),
  at: json(bytes(sys.inputs.targets)).map(id => {
    let at = query(label(id)).first().location().position()
    (id, (at.page, at.x / 1pt, at.y / 1pt))
  }).to-dict(),
)"""


def main(argv: list[str]) -> int:
    template, standard = argv
    inputs = json.loads(sys.stdin.read())
    source = Path(template).read_bytes()
    try:
        if standard == "find":
            inputs["finding"] = "yes"  # the template's first of two layouts
            compiler = typst.Compiler(source, ignore_system_fonts=True, sys_inputs=inputs)
            out = compiler.eval(FIND, format="json").encode("utf-8")
        else:
            out = typst.compile(
                source,
                sys_inputs=inputs,
                pdf_standards=["ua-1"] if standard == "ua" else [],
                ignore_system_fonts=True,  # the wheel's fonts: the same bytes on any machine
            )
    except typst.TypstError as exc:
        sys.stderr.write(str(exc))
        return CANNOT
    sys.stdout.buffer.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
