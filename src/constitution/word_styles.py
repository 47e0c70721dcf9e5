"""A Word file's styles as the importer reads them: which are headings (by name,
outline level or inheritance), which set words as emphatic, and the body's size.

Apart from the reader (word_read) because they are read once from styles.xml and
asked of every paragraph.
"""

from __future__ import annotations

from typing import Any

from constitution.word_paragraphs import W, switched_on


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
