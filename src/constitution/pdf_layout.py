"""Lays out one PDF with Typst, as a process of its own (pdf.compile_pdf runs it).

Typst keeps everything it has laid out for the life of its process, and its binding
cannot empty that cache: three 5,000-paragraph PDFs in one process held 2.3 GB. A process
a PDF frees it when it ends.

    python -m constitution.pdf_layout TEMPLATE ua|plain  < data.json  > out.pdf

Exit 3 with Typst's message on stderr when Typst cannot lay it out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typst

CANNOT = 3


def main(argv: list[str]) -> int:
    template, standard = argv
    try:
        pdf = typst.compile(
            Path(template).read_bytes(),
            sys_inputs={"data": sys.stdin.read()},
            pdf_standards=["ua-1"] if standard == "ua" else [],
            ignore_system_fonts=True,  # the wheel's fonts: the same bytes on any machine
        )
    except typst.TypstError as exc:
        sys.stderr.write(str(exc))
        return CANNOT
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
