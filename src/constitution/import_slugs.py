"""A page's file name made from its title, unique among those taken: an appendix's
page, a section's file."""

from __future__ import annotations

import re
import unicodedata


def slugify(title: str, taken: set[str]) -> str:
    # a letter's accent dropped, not the letter: "Rôl Swyddogion" is rol-swyddogion
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:50].strip("-") or "section"
    if base == "index":
        base = "section-index"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug
