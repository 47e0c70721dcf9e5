"""References in an imported protocol's words, in the forms councils write them.

"paragraph 10.4", "para. 10.4", "paras 3.1 and 3.2", "paragraphs 3.1 to 3.4",
"sub-paragraph (b)", "10.4 above", "(4) below" become references by ID when every
paragraph they name was imported, so that they follow the paragraph when it is
renumbered. Each number becomes ``{para}`10.4 <ID>```, which reads as the number alone
(numbering.reference), so that the document's own words stay as printed: "paras 3.1 and
3.2" still reads so. Anything else a reference's words name is kept as text and reported with its
line: a paragraph the document does not have, a section ("section 8": the site numbers
sections by position, and has no reference to a section), or another document ("section
151 of the Local Government Act 1972", "para. 13 of the Executive Summary").

A number is a reference only after a cue word or before a position word: "3.5 metres",
"£10.40" and "10.4.2023" are not, nor is a statute's "section 100A", nor a number a
unit follows, even after a cue ("see 3.5 metres of floor": UNIT). Another document's
provision named with it ("section 100A of the Local Government Act 1972", "rule 12 of
the Standing Orders") is reported, kept as text.

A document of the constitution is also cited by its own word, as its settings' citation
forms say ("Rule 3.1", "Procedure Rule 3.1", "Standing Order 12"): such a reference links
as "paragraph 3.1" does. Another document's word ("Article 4.2" in the Procedure Rules)
never links to this document's paragraph of that number: it is kept as text, reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from constitution.import_markup import LINK

LINK_MARK = 0xF0000  # a link's stand-in: a character of the private use plane, no word's
LINK_MARKS = re.compile("[\U000f0000-\U000fffff]")

# "10.4", or "B2" where paragraphs are numbered after their part's letter
NUM = r"(?:[A-Z]\d{1,3}|\d{1,3}(?:\.\d{1,3}){0,3})"
# a number closed by a full stop as printed ("paragraphs 2.3.1. to 2.3.3.") before the
# next in a list
CLOSED = r"(?:\.(?=\s+(?:to|and|or)\s|\s*[,–—-]))?"
ITEM = rf"(?:{NUM}{CLOSED}(?:\s*\([a-z0-9]{{1,4}}\))?|\([a-z0-9]{{1,4}}\))"
SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+to\s+|\s*[–—-]\s*)"
CUES = r"sub-?paragraphs?|paragraphs?|paras?\.?|clauses?|sections?"
DOTTED = r"\d{1,3}(?:\.\d{1,3}){1,3}"
# The words other documents number their provisions by ("rule 12 of the Standing
# Orders", "Regulation 7 of ..."), and a statute's inserted section ("section 100F of
# the Local Government Act 1972"): another document's only where the words after name it
PROVISIONS = r"sections?|rules?|regulations?|articles?|schedules?|standing\s+orders?"
# A name before a number, as "Regulation 4.2(c)" or "Schedule 3.1 (see 4.2)" print it:
# another document's, not this one's paragraph (a capital that only starts a sentence,
# "Under 4.2(c)", "See 4.2", is no name).
NAMED_BEFORE = re.compile(
    r"\b(?!(?:Under|In|By|With|At|From|To|And|Or|Per|See|Also)\b)[A-Z][a-z]+\s+$"
)


# A unit after a number: it gives a measure ("3.5 metres", "2.5 hours", "10.5 per cent"),
# not a paragraph, whatever word comes before it ("see 3.5 metres of floor")
UNIT = (
    r"(?!\s*(?:%|(?:per\s*cent|percent|(?:kilo|centi|milli)?met(?:re|er)s?|[ck]?m|mm|miles?"
    r"|yards?|feet|foot|ft|inch(?:es)?|acres?|hectares?|ha|(?:kilo)?grams?|kg|g|tonnes?|litres?"
    r"|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|pounds?|pence"
    r"|p|miles?\s+per\s+hour|mph)\b))"
)


@lru_cache(maxsize=16)
def reference_pattern(named: tuple[str, ...] = ()) -> re.Pattern[str]:
    """References in the forms councils write them, and after any of the ``named`` words
    a document of the constitution is cited by ("Rule", "Standing Order"), the longest
    first: "Executive Procedure Rule 3.1" is that form's, not "Rule"'s."""
    words = [r"\s+".join(map(re.escape, w.split())) + "s?" for w in sorted(named, key=len)[::-1]]
    cue = rf"(?P<cue>{'|'.join([*words, CUES])})"
    return re.compile(
        # at most a dozen numbers in one list: no council lists more, and a long run of
        # numbers (crafted or not) costs no more than a dozen each
        rf"\b{cue}\s+(?P<items>{ITEM}(?:{SEP}{ITEM}){{0,11}})(?!\.?\d|[a-z]){UNIT}"
        # a number with a position word: a dotted one or one in brackets, not a bare "4"
        rf"|(?<![£$\w.])(?P<pos>\d{{1,3}}(?:\.\d{{1,3}}){{1,3}}|\d{{1,3}}\(\d{{1,3}}\)"
        r"|\([a-z0-9]{1,4}\)|(?-i:[A-Z])\d{1,3})"
        r"\s+(?P<dir>above|below)\b"
        # a dotted number after "see" ("see 4.2", "(see also 4.2)"), or with an item of
        # it ("under 4.2(c)"): no measure or date is written so
        rf"|\bsee(?:\s+also)?\s+(?P<seen>{DOTTED})(?!\.?\d|[a-z%]){UNIT}"
        rf"|(?<![£$\w.])(?P<bare>{DOTTED})(?=\((?-i:[a-z]|[ivx]{{1,4}}|\d{{1,2}})\))"
        # a dotted number after "in", "under" or "by" ("the time in 3.2 runs"): a
        # reference where the document has that paragraph, else words kept as printed;
        # not a time of day ("by 5.30 pm", "by 5.30 on the Friday")
        rf"|\b(?:in|under|by(?!\s+\d{{1,2}}\.\d\d\s*(?:[ap]\.?m\b|on\b|\w+day\b)))"
        rf"\s+(?P<inside>{DOTTED})(?!\.?\d|[a-z%(]){UNIT}"
        rf"|\b(?P<provision>{PROVISIONS})\s+\d{{1,4}}(?-i:[A-Z]{{0,2}})(?:\(\d{{1,3}}\))?(?!\w|\.\d)",
        re.I,
    )


ONE = re.compile(rf"{ITEM}|{SEP}", re.I)
# What follows a reference to another document: "of the Localism Act 2011", "of
# 'Conflicts of Interest'", "of Executive Summary"; but not "of this Protocol" or "of the
# Protocol", which are this document. After a comma, only a document's name (", Local
# Government Act 1972", ", Members' Code of Conduct"): the sentence may go on there with
# a capital of its own (", the Member must", ", Officers will"). An Act named before,
# pointed back to: "of that Act", "of the said Regulations", "of the same Act".
ELSEWHERE = re.compile(
    r"^\s*(?:\([a-z0-9]{1,4}\))*(?:\s+of\s+|\s+in\s+)(?:the\s+|an?\s+)?"
    r"(?!this\b|these\b|[Pp]rotocol\b)[A-Z\"'\u2018\u201c]"
    r"|^\s*(?:\([a-z0-9]{1,4}\))*\s+(?:of|in)\s+(?:that|those|the\s+said|the\s+same)\s+"
    r"(?:Act|Regulations|Order|Rules)\b"
    r"|^\s*(?:\([a-z0-9]{1,4}\))*\s*,\s*(?:the\s+)?(?:[A-Z][\w'\u2019&-]*\s+(?:(?:and|of|for|on)\s+)?){0,8}"
    r"(?:Act|Regulations|Order|Rules|Code|Protocol|Scheme|Policy|Constitution)\b",
)
# Between two references in a list: "Rule 1.1, Rule 6.1"
LISTED = re.compile(r"\s*,\s*(?:and\s+|or\s+)?")
# A Part of the constitution named before a reference: "Part 4.2 para 12"
PART_BEFORE = re.compile(r"\bPart\s+(\d{1,2}(?:\.\d{1,2})?[A-Z]?)\s*,?\s*$")
# A Part of this document named before a reference, where each Part numbers its
# paragraphs afresh: "Part II paragraph 3", "Part B, para 2"
OWN_PART_BEFORE = re.compile(r"\bPart\s+([IVXLC]{1,6}|[A-Z]|\d{1,2})\s*,?\s*$")
STATUTE = re.compile(r"\bAct\s+\d{4}\s*,?\s*$")  # "the Local Government Act 1972, section 5"
# Another document named just before, the reference after it ("The Code of Conduct, at
# paragraph 3, says"), or said to hold it ("The Code of Conduct says, at paragraph 3:"),
# unless a position word makes it this document's ("... above")
DOCUMENT_BEFORE = re.compile(
    r"\b(?:Regulations|Order|Rules|Code(?:\s+of\s+[A-Z][\w'’]*)?|Scheme|Policy|Constitution)"
    r"(?:\s+(?:says|states|provides|requires))?\s*,?\s*(?:at|in|under|by)?\s*$"
)
POSITION = re.compile(r"^\s*(?:above|below)\b")
# A post or a paper named for the section of an Act that makes it: "the Section 151
# Officer", "a section 106 agreement", "a section 114 notice"; a name, not a reference.
NAMED_FOR = re.compile(
    r"(?i)^\s+(?:officer|agreement|notice|report|certificate|order|direction|licence)s?\b"
)


@dataclass(frozen=True)
class Unresolved:
    # missing-reference, section-reference, external-reference or ambiguous-reference
    kind: str
    number: str
    text: str  # the reference as written
    message: str


@dataclass(frozen=True)
class Forms:
    """The words before the number in a document's own citation forms ("Rule", "Council
    Procedure Rule": its settings' cite-within and cite), and in each other document's
    cite ("Article"), with that document's title and key. Another document's words that
    any council writes of any document ("paragraph", "section") name no document: cues."""

    own: frozenset[str] = frozenset()
    others: dict[str, tuple[str, str]] = field(default_factory=dict)  # words -> title, key

    @classmethod
    def of(cls, own: Iterable[str], others: Iterable[tuple[str, str, str]]) -> Forms:
        """From citation forms ("Rule {number}") and (form, title, key) of the others."""
        mine = {w for f in own if (w := words_of(f))}
        theirs = {
            w: (title, key)
            for f, title, key in others
            if (w := words_of(f)) and w not in mine and not re.fullmatch(CUES, w)
        }
        return cls(frozenset(mine), theirs)

    @property
    def named(self) -> tuple[str, ...]:
        return tuple(sorted({*self.own, *self.others}))

    def mine(self, cue: str) -> bool:
        return bool(known(cue, self.own))

    def whose(self, cue: str) -> tuple[str, str] | None:
        """The title and key of the other document a cue as written names, if any."""
        return self.others.get(known(cue, self.others))


def words_of(form: str) -> str:
    """A citation form's words before its number, whatever their case and spacing."""
    return " ".join(form.partition("{number}")[0].lower().split())


def known(cue: str, table: Iterable[str]) -> str:
    """The words of ``table`` a cue as written is ("Rules" is "rule"), or ""."""
    said = words_of(cue)
    return next((w for w in table if said in (w, f"{w}s")), "")


@dataclass
class Targets:
    """What an imported document's references can resolve to."""

    dotted: dict[str, str]  # "3.2" -> ID
    whole: dict[str, str]  # "12" -> ID, paragraphs numbered on through the document
    parts: set[str]  # Part prefixes ("5.5" of "5.5 – 3.2"), not ranges
    sections: dict[str, tuple[int, str]]  # source number -> (number on the site, title)
    # numbered sub-headings ("2.1 General Principles" over 2.1.1): number -> its words
    headings: dict[str, str] = field(default_factory=dict)
    # paragraphs printed with their section's number, as legislation prints a subsection:
    # "3(1)" -> ID
    subsections: dict[str, str] = field(default_factory=dict)
    # numbers printed on more than one paragraph ("4.3" twice, "2(2)" twice): number ->
    # their IDs; which one a reference to it means is not in its words
    twice: dict[str, tuple[str, ...]] = field(default_factory=dict)
    part: str = ""  # the Part of the constitution the document is ("5.3"), where it says
    # paragraphs numbered afresh in each section ("1." again under "PART II"): each
    # section's name ("II") -> its paragraphs' numbers -> IDs
    afresh: dict[str, dict[str, str]] = field(default_factory=dict)
    # the section (its name in afresh) whose words are being linked
    current: str = ""
    # the forms ("paragraph", "para") the document cites other documents' paragraphs in
    elsewhere: frozenset[str] = frozenset()
    # the words the document cites its own paragraphs by, and other documents'
    forms: Forms = field(default_factory=Forms)


def form(cue: str) -> str:
    """A cue word's form: "paragraphs" and "paragraph" are one, "paras." and "para" one."""
    return re.sub(r"s?\.?$", "", cue.lower())


def cites_elsewhere(text: str, m: re.Match[str], part: str) -> bool:
    """Whether a reference names another document's paragraph or section: "para. 13 of
    the Executive Summary", "the Local Government Act 1972, section 5", "Part 4.2 para
    12" in a document that is not Part 4.2 (``part``, the document's own Part)."""
    before = text[max(0, m.start() - 60) : m.start()]
    # in a list of references each with its cue ("Rule 1.1, Rule 6.1 of ..."), the words
    # after the last say whose they all are: not "Rule 6.1" named as a document
    for _ in range(12):  # as a list of numbers: no council lists more
        listed = LISTED.match(text, m.end())
        following = listed and m.re.match(text, listed.end())
        if not (following and following["cue"]):
            break
        m = following
    after = text[m.end() : m.end() + 80]
    named = PART_BEFORE.search(before)
    document = DOCUMENT_BEFORE.search(before) and not POSITION.match(after)
    return bool(
        ELSEWHERE.match(after) or STATUTE.search(before) or document or (named and named[1] != part)
    )


def forms_elsewhere(texts: list[str], part: str, forms: Forms) -> frozenset[str]:
    """The forms in which these words cite other documents' paragraphs (Targets.elsewhere)."""
    return frozenset(
        form(m["cue"])
        for text in texts
        for m in reference_pattern(forms.named).finditer(text)
        if m["cue"] and cites_elsewhere(text, m, part)
    )


def items(text: str, parts: set[str]) -> list[re.Match[str]]:
    """Each number in a reference's list, where it stands; a Part prefix joins the number
    it prefixes ("5.5 – 3.2" is 3.2, "3.1 – 3.4" is a range)."""
    out: list[re.Match[str]] = []
    sep = ""
    for m in ONE.finditer(text):
        token = m.group(0)
        if re.fullmatch(SEP, token, re.I):
            sep = token
        elif out and out[-1].group(0) in parts and re.fullmatch(r"\s*[–—-]\s*", sep):
            out[-1] = m
            sep = ""
        else:
            out.append(m)
            sep = ""
    return out


def link(
    text: str,
    targets: Targets,
    local: Callable[[str], str | None],
    within: Callable[[str], bool],
    itself: str = "",
) -> tuple[str, list[Unresolved]]:
    """The text with each reference that resolves as {para}`ID`, and those that do not.
    ``local`` resolves "(4)" and "(b)" in the clause's section; ``within`` says whether
    the clause itself holds the lettered item "(b)" (which then stays as it is); a
    reference that would resolve to the clause ``itself`` (its number printed twice, the
    reference meaning the other) stays text, and is reported. Where each section numbers
    its paragraphs afresh, a number after a Part of the document is that Part's ("Part II
    paragraph 3"); a bare one is the citing paragraph's own Part's (``targets.current``)
    where the document cites no other document in its form ("paragraph"), and stays
    unresolved, reported, where it does: "(para. 2)" after a quotation, in a document
    citing "para. 13 of the Executive Summary", may be the quoted document's."""
    unresolved: list[Unresolved] = []
    forms = targets.forms
    named = ""
    cue = said = ""  # the form of the reference being read, and its words

    def resolve(number: str) -> str | None:
        """The reference to the paragraph numbered so, as {para} with the number as
        written, any item of it ("3.2(a)" is the item (a) of paragraph 3.2) after it;
        None if there is none, "" (reported here) if it is the clause itself."""
        number = number.strip()
        if number.startswith("("):
            target = local(number.strip("()"))
            return f"{{para}}`{number} <{target}>`" if target else None
        base, bracket, item = number.partition("(")
        written, base = base, base.strip().rstrip(".")  # "2.3.1." is 2.3.1, stop kept
        if subsection := targets.subsections.get(re.sub(r"\s", "", number)):
            written = base = number  # "5(1)" is a paragraph, not the item (1) of 5
            bracket = item = ""
        if named and not subsection and base.isdigit():
            # the named Part's own, or none: not another Part's that alone has the number
            target = targets.afresh[named].get(base)
        else:
            target = subsection or (targets.dotted if "." in base else targets.whole).get(base)
        own = targets.afresh.get(targets.current, {})
        if not (target or named) and base.isdigit() and cue and cue not in targets.elsewhere:
            target = own.get(base)  # the citing paragraph's Part's: no other is named
        if not (target or named) and base.isdigit() and cue in targets.elsewhere and base in own:
            unresolved.append(ambiguous(said, base, targets))
            return ""
        printed = targets.twice.get(re.sub(r"\s", "", number) if subsection else base, ())
        if printed and itself not in printed and not named:
            unresolved.append(
                Unresolved(
                    "ambiguous-reference",
                    base,
                    number,
                    f"'{said}' names {number}, which is printed on {len(printed)} paragraphs "
                    f"({', '.join(printed)}); kept as text: write {{para}}`ID` with the ID of "
                    "the one meant.",
                )
            )
            return ""
        if printed and itself in printed:
            # its own number printed twice: the reference means the other
            unresolved.append(
                Unresolved(
                    "self-reference",
                    base,
                    number,
                    f"'{number}' is this paragraph's own number: the number is printed "
                    "twice and the reference means the other; kept as text.",
                )
            )
            return ""
        if target and target == itself:
            return number  # printed once, cited in its own words ("the steps in paragraph
            # 9" in 9): that paragraph, which no paragraph may link to itself; as printed
        if not target:
            return None
        return f"{{para}}`{base} <{target}>`{written[len(base) :]}{bracket}{item}"

    def replace(m: re.Match[str]) -> str:
        nonlocal named, cue, said
        whole = said = m.group(0)
        cue = form(m["cue"] or "")
        after = text[m.end() : m.end() + 80]
        before = text[max(0, m.start() - 60) : m.start()]
        own = OWN_PART_BEFORE.search(before)
        named = own[1].upper() if own and own[1].upper() in targets.afresh else ""
        if m["provision"]:
            if cites_elsewhere(text, m, targets.part):
                unresolved.append(external(whole.split()[-1], whole))
            return whole
        if m["inside"]:
            if NAMED_BEFORE.search(before) or cites_elsewhere(text, m, targets.part):
                return whole
            start = m.start("inside") - m.start()
            target = resolve(m["inside"]) or m["inside"]
            return whole[:start] + target + whole[start + len(m["inside"]) :]
        if number := m["seen"] or m["bare"]:
            if NAMED_BEFORE.search(before):
                return whole  # "Regulation 4.2(c)": another document's, or a table's
            if cites_elsewhere(text, m, targets.part):  # "see 4.2 of the Code"
                unresolved.append(external(number, whole))
                return whole
            target = resolve(number)
            if target is None:
                unresolved.append(missing(whole, number, targets))
            start = m.start("seen" if m["seen"] else "bare") - m.start()
            return whole[:start] + (target or number) + whole[start + len(number) :]
        if m.group("pos"):
            target = resolve(m.group("pos"))
            if target:  # the words as printed, the number a reference
                return target + text[m.end("pos") : m.end()]
            # "B2 above" names a paragraph only where parts number theirs so ("the M6
            # above" does not)
            lettered = m.group("pos")[0].isalpha()
            if (
                target is None
                and not lettered
                and (not m.group("pos").startswith("(") or not within(m.group("pos").strip("()")))
            ):
                unresolved.append(missing(whole, m.group("pos"), targets))
            return whole
        # "Section 3.1" in a document cited so is its own paragraph's, not a section
        sectioned = m["cue"].lower().startswith("section") and not forms.mine(m["cue"])
        if sectioned and NAMED_FOR.match(after):
            return whole
        if other := forms.whose(m["cue"]):
            title, key = other
            first = items(m["items"], targets.parts)[0][0]
            unresolved.append(
                Unresolved(
                    "external-reference",
                    m["items"],
                    whole,
                    f"'{whole}' cites the {title}, not this document, and was kept as text: "
                    f"to link it, write {{para}}`ID` with the ID of that paragraph "
                    f"(constitution paragraph --document {key} {first} prints it).",
                )
            )
            return whole
        if cites_elsewhere(text, m, targets.part):
            unresolved.append(external(m.group("items"), whole))
            return whole
        listed = items(m.group("items"), targets.parts)
        # "section 4.1" where no section is numbered so: the paragraph printed 4.1, as
        # councils that call each paragraph a section write it (a dotted number is a
        # paragraph's where sections are numbered whole)
        if sectioned and all(
            "." in n.group(0) and n.group(0).strip() not in targets.sections for n in listed
        ):
            sectioned = False
        if sectioned:
            unresolved.extend(section(whole, number.group(0), targets) for number in listed)
            return whole
        found: list[str | None] = []
        for number in listed:
            written = number.group(0)
            # "4(b) or (c)": a bare item after a paragraph's item is that paragraph's,
            # kept as printed beside the paragraph's reference
            of_before = written.startswith("(") and found and "(" in listed[len(found) - 1][0]
            found.append(written if of_before and found[-1] else resolve(written))
        if all(found):
            # every number a reference, every word as printed: "paras 3.1 and 3.2"
            out, at, start = [], 0, m.start("items") - m.start()
            for number, target in zip(listed, found, strict=True):
                out += [whole[at : start + number.start()], target or ""]
                at = start + number.end()
            return "".join(out) + whole[at:]
        for number, target in zip(listed, found, strict=True):
            written = number.group(0)
            if target is None and not (written.startswith("(") and within(written.strip("()"))):
                unresolved.append(missing(whole, written, targets))
        return whole

    # A link is kept whole: a number in its address is no reference, and a reference in
    # its words would break it. Each stands in the text as one character no text holds.
    links = [m[0] for m in LINK.finditer(text)]
    text = LINK.sub(lambda m: chr(LINK_MARK + links.index(m[0])), text)
    found = reference_pattern(forms.named).sub(replace, text)
    return re.sub(LINK_MARKS, lambda m: links[ord(m[0]) - LINK_MARK], found), unresolved


SHOWN = 4  # the Parts named in a report, the rest counted


def external(number: str, whole: str) -> Unresolved:
    """A reference to another document's paragraph or provision, kept as text."""
    return Unresolved(
        "external-reference",
        number,
        whole,
        f"'{whole}' cites another document, and was kept as text.",
    )


def ambiguous(whole: str, number: str, targets: Targets) -> Unresolved:
    """A bare number in a document whose Parts each number their paragraphs afresh, and
    which cites other documents' paragraphs in the same form: which it means is not in
    its words."""
    parts = [name for name, numbers in targets.afresh.items() if number in numbers]
    named = ", ".join(parts[:SHOWN]) + (f" and {len(parts) - SHOWN} more" if parts[SHOWN:] else "")
    here = targets.afresh[targets.current][number]
    return Unresolved(
        "ambiguous-reference",
        number,
        whole,
        f"'{whole}' names no Part or section, and each of {named} has a paragraph "
        f"{number}; the document also cites other documents' paragraphs in this form, so "
        f"kept as text. If it cites this Part's paragraph {number}, write it as "
        f"{{para}}`{number} <{here}>` in the section's file (another Part's: that "
        "paragraph's ID); if another document's, leave it.",
    )


def missing(whole: str, number: str, targets: Targets) -> Unresolved:
    """A reference to no paragraph: to a number printed on a heading (which the import
    made a section, or a sub-heading, and which no reference on the site can name), or
    to nothing in the document."""
    number = number.strip()
    base = number.partition("(")[0].strip()
    if base in targets.sections:
        position, title = targets.sections[base]
        return Unresolved(
            "heading-reference",
            base,
            whole,
            f"'{whole}' names {base}, the number printed on the heading '{title}', which "
            f"is section {position} on the site, not a paragraph; kept as text: name the "
            "section by its title, or cite the paragraphs under it.",
        )
    if base in targets.headings:
        return Unresolved(
            "heading-reference",
            base,
            whole,
            f"'{whole}' names {base}, the number printed on the sub-heading "
            f"'{targets.headings[base]}', not a paragraph; kept as text: cite the "
            "paragraphs under it.",
        )
    return Unresolved(
        "missing-reference",
        number,
        whole,
        f"'{whole}' refers to a paragraph the document does not have; kept as text.",
    )


def section(whole: str, number: str, targets: Targets) -> Unresolved:
    """A section reference stays text: say whether the site numbers that section alike."""
    number = number.strip()
    if number not in targets.sections:
        message = f"'{whole}' refers to a section the document does not have; kept as text."
        return Unresolved("missing-reference", number, whole, message)
    # Not the number the site gives it: that is the numbering's (a printed section 15 is
    # 15 where numbers are kept as printed, the 13th section's 13 where they are not).
    _, title = targets.sections[number]
    return Unresolved(
        "section-reference",
        number,
        whole,
        f"'{whole}' (kept as text) is '{title}'; a section is cited by its words, not "
        "linked: check they still name it after any change to the sections.",
    )
