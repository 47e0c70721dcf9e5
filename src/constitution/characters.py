"""A council's file as characters: its bytes decoded in the encoding its tool wrote, and
the characters that tool left which are not the council's words made plain, or refused.

Windows writes text in Windows-1252 (Notepad's "ANSI", Word's "Plain Text"), UTF-8 with
a byte-order mark, or UTF-16 with one (Word's "Unicode Text"); typesetters put ligatures
(ﬁ) in a PDF's text layer; editors leave soft hyphens and zero-width spaces inside
words; Word writes a list's bullets in its symbol fonts as private-use characters. A
reader sees none of these as they are stored: the import keeps the words a reader sees,
and stops at what it cannot read as words (a symbol font's sign inside a sentence, text
read in the wrong encoding and saved again), saying where and how to re-save.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from constitution.problems import Problem, ProtocolError

# Byte-order marks, and the encoding each begins (UTF-32's before UTF-16's: FF FE 00 00
# begins both).
MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", 'UTF-16 (Word\'s "Unicode Text")'),
    (b"\xfe\xff", "utf-16-be", 'UTF-16 (Word\'s "Unicode Text")'),
    (b"\xef\xbb\xbf", "utf-8", ""),
)

# Characters that draw nothing, or only a hyphen where a line happens to break: a soft
# hyphen, a zero-width space, a word joiner, a zero-width no-break space.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
# A typesetter's ligatures, as the letters they join.
LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl"}
PLAIN = INVISIBLE | LIGATURES
PRIVATE = "\ue000-\uf8ff\U000f0000-\U0010ffff"
# A list's bullet as Word writes it in text: a symbol font's private-use character
# (U+F0B7 , U+F0A7 ...), or in Windows-1252 the sign that character stands on ("·" for
# Symbol's bullet, "§" for Wingdings' square) or Courier's "o", each before a tab.
BULLET_GLYPH = re.compile(rf"^([ \t]*)(?:[{PRIVATE}](?=\s)|[·§o](?=\t))", re.MULTILINE)
# Courier's "o" before a space, as text copied from a page or a PDF prints a sub-bullet:
# a mark only under a bullet, as Welsh lines begin with the word "o" ("of", "from").
SUB_BULLET = re.compile(r"([ \t]*)o(?=[ \u00a0]+\S)")
# What cannot be read as words: a private-use character anywhere else (a symbol font's
# sign), and U+FFFD, which stands for a character the file's tool could not name.
UNREADABLE = re.compile(rf"[{PRIVATE}\ufffd]")
# Another 8-bit encoding read as Windows-1252: a capital letter of its upper half after
# a small letter, as no word has it ("councilÕs" is Mac OS Roman's "council’s").
MISREAD = re.compile(r"[^\W\d_]*[a-z][\u00c0-\u00d6\u00d8-\u00de][^\W\d_]*")
# UTF-8 read as Windows-1252 and saved again ("â€™" for "’", "Â£" for "£"): a character
# that begins a UTF-8 sequence in Windows-1252 followed by ones that continue it.
CONTINUING = "".join(bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xC0))
MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{re.escape(CONTINUING)}]{{1,3}}")


def decode(path: str, data: bytes, notes: list[str]) -> str:
    """The file's text: UTF-8 (after a byte-order mark, if any), UTF-16 or UTF-32 after
    theirs, else Windows-1252; refused where none of them reads it whole."""
    for mark, encoding, name in MARKS:
        if data.startswith(mark):
            try:
                text = data[len(mark) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise undecodable(path, data, exc.start + len(mark), name) from None
            if name:
                notes.append(f"The file is {name}; it was read as such.")
            return text
    if b"\x00" in data:  # no text but UTF-16's and UTF-32's holds a NUL byte
        raise ProtocolError([Problem.of(path, 0, "import-binary")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise undecodable(path, data, exc.start, "UTF-8 or Windows-1252") from None
    if misread := MISREAD.search(text):
        line = text[: misread.start()].count("\n") + 1
        raise ProtocolError([Problem.of(path, line, "import-wrong-encoding", found=misread[0])])
    notes.append(assumed(data))
    return text


# Bytes only Windows-1252 reads as text (Latin-1's C1 controls), and those ISO-8859-15
# reads otherwise than Latin-1 and Windows-1252 (which agree at 0xA0 to 0xFF)
WINDOWS_ONLY = re.compile(rb"[\x80-\x9f]")
LATIN_9 = re.compile(rb"[\xa4\xa6\xa8\xb4\xb8\xbc-\xbe]")


def assumed(data: bytes) -> str:
    """A note of the 8-bit encoding a text was read in: Windows-1252 where a byte shows
    it, else assumed, with the bytes ISO-8859-15 would read otherwise."""

    def where(at: int) -> str:
        line = data.count(b"\n", 0, at) + 1
        return f"line {line}'s"

    if shown := WINDOWS_ONLY.search(data):
        byte = shown[0]
        return (
            f"The file is not UTF-8; it was read as Windows-1252, as {where(shown.start())} "
            f"byte 0x{byte[0]:02X} ('{byte.decode('cp1252')}') shows."
        )
    note = (
        "The file is not UTF-8, and no byte in it tells Windows-1252 from Latin-1"
        " (ISO-8859-1), which read it alike: it was assumed to be Windows-1252."
    )
    if others := list(LATIN_9.finditer(data)):
        byte = others[0][0]
        note += (
            f" ISO-8859-15 reads {len(others)} byte{'s' if len(others) > 1 else ''} otherwise:"
            f" {where(others[0].start())} 0x{byte[0]:02X} as '{byte.decode('iso-8859-15')}',"
            f" not '{byte.decode('cp1252')}'. If the file is in ISO-8859-15, save it as UTF-8"
            " and import it again."
        )
    return note


def undecodable(path: str, data: bytes, offset: int, encoding: str) -> ProtocolError:
    line = data[:offset].count(b"\n") + 1
    return ProtocolError(
        [
            Problem.of(
                path,
                line,
                "import-encoding",
                offset=offset,
                value=f"0x{data[offset]:02X}",
                encoding=encoding,
            )
        ]
    )


def plain(text: str) -> str:
    """The text as a reader sees it: no invisible character, ligatures as their letters,
    a bullet drawn in a symbol font as "•"."""
    return "\n".join(sub_bullets(BULLET_GLYPH.sub(r"\1•", text.translate(PLAIN)).split("\n")))


def sub_bullets(lines: list[str]) -> list[str]:
    """The lines, an "o " opening one under a bulleted line (or under another such) drawn
    as the bullet it is."""
    drawn = []
    for line in lines:
        if drawn and drawn[-1].lstrip().startswith("•") and (m := SUB_BULLET.match(line)):
            line = f"{m[1]}•{line[m.end() :]}"
        drawn.append(line)
    return drawn


def mojibake(text: str) -> Iterator[tuple[str, str]]:
    """Each run of characters that is UTF-8 read as Windows-1252, and what it was."""
    for m in MOJIBAKE.finditer(text):
        lead = ord(m[0][0])
        run = m[0][: 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4]
        try:
            yield run, run.encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue


def refuse_unreadable(path: str, lines: list[tuple[str, int, str]]) -> None:
    """Stop at the first line holding what cannot be read as the council's words:
    ``lines`` are (text, line, where)."""
    for text, number, where in lines:
        if found := UNREADABLE.search(text):
            character = f"U+{ord(found[0]):04X}"  # named where it stands: it draws nothing
            context = text[max(0, found.start() - 30) : found.end() + 30].strip()
            said = {
                "where": where,
                "character": character,
                "context": context.replace(found[0], f"[{character}]"),
            }
            if found[0] == "\ufffd":
                raise ProtocolError([Problem.of(path, number, "import-unknown-character", **said)])
            raise ProtocolError([Problem.of(path, number, "import-symbol-character", **said)])
        for run, meant in mojibake(text):
            raise ProtocolError(
                [Problem.of(path, number, "import-mojibake", where=where, found=run, meant=meant)]
            )
