"""The shapes of a protocol's lines the structurer reads: the patterns of a
paragraph's number ("7.12", "(4)", "B2", "a."), bullets, footnotes, contents entries and
headings, and the tests on a line or a run of kept lines built on them (is it a heading,
does it go on the line before, is a number printed on its own line).

Apart from the structurer's own state (import_structure) so that each test can be read
and tested as the small function of a line it is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from constitution.extract_lines import CONTENTS, TAB_LEADER, Line
from constitution.import_markup import CELL_BREAK, emphasis
from constitution.import_model import ImportedClause, Text, ends_sentence
from constitution.pdf_text import title_case
from constitution.word_read import UNFINISHED

PART = r"(?:(?P<part>\d+(?:\.\d+)*)\s*[–—-]\s*)"
# 7.12A: a number inserted after 7.12, as legislation (and insert numbering) gives it;
# 3A.1 a paragraph of section 3A, inserted after section 3 ("3A." its heading).
INSERTED_SECTION = r"\d{1,3}[A-Z]{1,4}(?=\.\d|[.)]\s)"
# A date ("12 March 2024", an adoption's or a review's) is no number and heading.
DATE_AFTER = r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b)"
NUMBERED = re.compile(
    rf"^{PART}?(?P<num>(?:{INSERTED_SECTION}|\d{{1,3}})(?:\.\d{{1,3}}[A-Z]{{0,4}})*)"
    rf"(?P<dot>[.)]?)\s+{DATE_AFTER}(?P<rest>\S.*)$"
)
# A paragraph numbered afresh after its part's letter: "B2" (PART B's second paragraph)
LETTERED = re.compile(r"^(?P<letter>[A-Z])(?P<num>\d{1,3})[.)]?\s+(?P<rest>\S.*)$")
# "(4)", or with its section's number as legislation prints a subsection: "3(4)"
PAREN = re.compile(r"^(?P<sec>\d{1,3})?\((?P<num>\d{1,3})\)\s+(?P<rest>\S.*)$")
LETTER = re.compile(r"^\(?(?P<num>[a-z]|[ivx]{1,5})[.)]\s+(?P<rest>\S.*)$")
# "4,3 Briefings": a comma typed for the dot (read so only where it is the number next)
COMMA_FOR_DOT = re.compile(r"^(?P<over>\d{1,3}(?:\.\d{1,3})*),(?P<num>\d{1,3})(?=\s+[A-Z(])")
# A paragraph's number alone on its line, its words on the next (as PDFs often give it).
# A bare "12" is left alone: it is as likely a page number.
LABEL_ONLY = re.compile(
    r"^(?:\d{1,3}[A-Z]{0,4}(?:\.\d{1,3}[A-Z]{0,4})+\.?|\d{1,3}[.)]|\d{0,3}\(\d{1,3}\)|\([a-z]\))$"
)
BULLET = re.compile(r"^[-•◦▪‣*]\s+")
# Word's plain-text export writes a tab between a paragraph's number (or bullet) and its
# words: a space, not the cells of a table's row.
LABEL_TAB = re.compile(
    rf"^({PART}?\d{{1,3}}(?:[A-Z]{{0,4}}\.\d{{1,3}}[A-Z]{{0,4}})*[.)]?|\d{{0,3}}\(\d{{1,3}}\)|[A-Z]\d{{1,3}}[.)]?"
    r"|\(?(?:[a-z]|[ivx]{1,5})[.)]|[-•◦▪‣*])\t+"
)
# A contents table's entry: its title, then dot leaders to its page ("Purpose ..... 2").
CONTENTS_ENTRY = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|…+\s*\d{1,4}\s*$")
TAGS = re.compile(r"</?(?:b|i|u|em|strong|span|sup|sub|br)\s*/?>", re.I)
# A paragraph's number in bold or italics, its words after it
BOLD_LABEL = re.compile(r"^\*{1,2}(\(?[\dA-Za-z]{1,3}[\d.()A-Z –—-]{0,16}?)\*{1,2}(?=\s)")
# A footnote as a text export prints it: "[1] The period runs from..." at the page's or
# the document's end, its marker "[1]" in the paragraph that cites it ("[*]" for a note
# with a mark of its own, "[iv]" for Word's endnotes, numbered in Roman, or a letter).
FOOTNOTE = re.compile(
    r"^\[(?P<mark>\d{1,3}|[ivxlc]{1,7}|[IVXLC]{1,7}|[A-Za-z]|[*†‡§¶]{1,3})\]\s+\S"
)
# Back matter after the protocol: a heading that starts a part of its own, its words (its
# own "1.", "2." too) unnumbered, until a numbered section begins another document.
# A council's name, printed over the protocol's own title
COUNCIL_NAME = re.compile(r"\b(?:Council|Authority)$", re.I)  # "SEDGECOMBE DISTRICT COUNCIL" too
NAMES_A_DOCUMENT = re.compile(
    r"\b(?:protocol|code|relations|rules|guidance|charter|constitution)s?\b", re.I
)
# A heading that names its number with a word: "Paragraph 4A – Social Media", "Section 2"
LABELLED = re.compile(
    r"^(?:section|paragraph|part|clause|rule)\s+(?P<num>\d{1,3}[A-Z]{0,4})\s*(?:[–—:-]|$)", re.I
)
SITE_HEADING = "a site's heading of the page, over the document's own title"
NOTES_HEADING = "the heading over footnotes, each kept with the paragraph citing it"
SIGNATURES = "a signature block after the protocol: who signs it, and when, not its words"
# A line for a signature after the protocol's paragraphs: "Signed ......", "Signature:
# ____", "Signed: (Chief Executive)", "Signed on behalf of the Council" (a line, no
# sentence: no full stop ends it); its words and the lines after it (the names, posts
# and date) are the signing, until an appendix, a heading or a numbered line begins
SIGNED = re.compile(
    r"^(?:Signed|Signature)\b\s*(?::|\.{3,}|…|_{3,}|\()"
    r"|^Signed\s+(?:for\s+and\s+)?(?:on\s+behalf\s+of|for)\s+[^.]*$",
    re.I,
)
# a heading printing the Part's number before its own: "5.3.1 Scope"
PART_HEADING = re.compile(r"(\d{1,3}(?:\.\d{1,3})+)\s+(\S.*)")
# A contents table's header row, read as a list's item, its cells apart: labels only
CONTENTS_LABEL = (
    r"(?:para(?:graph)?|section|part|rule|no\.?|number|subject|title|heading|topic|contents"
    r"|page(?:\s+no\.?)?)"
)
CONTENTS_HEADER = re.compile(
    rf"(?:- )?{CONTENTS_LABEL}(?:\s*[{CELL_BREAK}\t|]\s*{CONTENTS_LABEL})+\s*", re.IGNORECASE
)
BACK_MATTER = re.compile(r"^(?:Appendix|Appendices|Schedule|Annex|Annexe)\b", re.I)
# A paragraph labelled a note ("Note: ...", "NB. ..."): the note of the paragraph before
NOTED = re.compile(r"^(?:Notes?|N\.?B\.?)\s*[:.–—-]\s*\S", re.I)


def clean(text: str) -> tuple[str, bool, bool]:
    """(text, is a bullet, was marked as a heading) with mark-up and bullets removed;
    emphasis kept, as *words* or **words** (import_markup)."""
    # No backtick: the words must not hold code or a role (a crafted Word file).
    t = TAGS.sub("", emphasis(text)).replace("`", "'").strip()
    lead = BULLET.match(t)  # a table's row, as a Word table's is read: "- 5.1<tab>Title"
    t = (f"{t[0]} " if lead else "") + LABEL_TAB.sub(r"\1 ", t[lead.end() if lead else 0 :])
    row = "\t" in t  # cells of a table's row: an item, as a Word table's rows are
    t = t.replace("\t", CELL_BREAK)
    heading = bool(re.match(r"^#{1,6}\s", t))
    t = re.sub(r"^#{1,6}\s+", "", t)
    bullet = row or (bool(BULLET.match(t)) and not t.startswith("**"))
    if bullet:
        t = BULLET.sub("", t, count=1)
    if t.startswith("**") and t.count("**") == 2 and t.endswith("**"):
        heading, t = True, t[2:-2]  # a line all bold: a heading
    t = BOLD_LABEL.sub(r"\1", t)  # "**1.2** Members ...": the number is not words
    return re.sub(r"\s+", " ", t).strip(), bullet, heading


def heading_level(text: str) -> int:
    """A Markdown heading's level: how many "#" mark it (0 for none)."""
    marks = text.lstrip()
    return len(marks) - len(marks.lstrip("#"))


# A sentence's end inside a line, another sentence after it ("... Borough Council. Full"):
# sentences, a heading's words never (a heading is one phrase)
SENTENCES = re.compile(r"[a-z]{2,}[.?!]\s+[A-Z]")


def heading_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 14
        and text[0].isupper()
        and not text.endswith((".", ";", ",", ":", "-", "–", "—"))  # ":-" leads in a list
        # a question lays no duty: "What should a councillor do if ...?" heads its answer
        and (text.endswith("?") or not re.search(r"\b(must|shall|should|will|may)\b", text))
        and not SENTENCES.search(text)
    )


# A paragraph's run-in title: a short phrase in bold opening it, closed by a stop or colon
# inside the bold or a stop, colon or dash right after it ("**Confidentiality.** An
# officer ...", not "**All** Councillors must ..."), or a short phrase before a dash ("4.
# Confidentiality – A councillor ..."); the paragraph's sentence after it begins with a
# capital, so that words set off between dashes ("Officers – and councillors who chair
# committees – should ...") stay the sentence's.
RUN_IN = re.compile(
    r"^(?:\*\*(?P<bold>[A-Z][^*.:;,?!]{0,40}?)(?:[.:]\*\*|\*\*(?:[.:]|\s+[–—-]))"
    r"|(?P<dashed>[A-Z][^*.:;,?!–—]{0,40}?)\s+[–—-])\s+(?P<rest>[A-Z\u201c\"'\u2018(].*)$",
    re.S,
)


def run_in_title(text: str) -> tuple[str, str] | None:
    """A paragraph's run-in title and its words after it, if it opens with one (a phrase
    of at most six words that is no sentence of its own)."""
    found = RUN_IN.match(text)
    title = found and (found["bold"] or found["dashed"] or "").strip()
    if not found or not title or len(title.split()) > 6:
        return None
    if re.search(r"\b(must|shall|should|will|may|is|are)\b", title):
        return None
    # "The Council – Members and officers alike – expects ...": a dashed aside, its
    # second dash before the sentence's stop
    if found["dashed"] and re.search(r"\s[–—-]\s", re.split(r"[.?!](?:\s|$)", found["rest"])[0]):
        return None
    return title, found["rest"]


def lead_in(paragraphs: list[str]) -> bool:
    """Whether the next unnumbered paragraph is an item of a list these lead in to: the
    last ends in a colon ("In this protocol:"), or is an item of such a list."""
    for paragraph in reversed(paragraphs):
        if not paragraph.startswith("- "):
            return paragraph.rstrip().endswith((":", ":-", ":–", ":—"))
    return False


def inserted_whole(key: str) -> bool:
    """Whether a paragraph's number is one inserted in a count on through the document
    ("2A", after 2; not "3.2A")."""
    return re.fullmatch(r"\d{1,3}[A-Z]{1,4}", key) is not None


def whole_part(key: str) -> int:
    """The count a paragraph's number stands at: 2 for "2" and for "2A"; -1 for "3.2"."""
    found = re.fullmatch(r"(\d{1,3})[A-Z]{0,4}", key)
    return int(found[1]) if found else -1


def continues_list(clause: ImportedClause, number: int) -> bool:
    """Whether "N. ..." goes on a numbered list this clause has begun: N is 1 after a
    paragraph ending in a colon, or one more than the list's last item."""
    last = clause.paragraphs[-1].rstrip()
    if number == 1:
        return last.endswith((":", ":-", ":–", ":—"))
    item = re.match(r"- (\d+)[.)]?\s", last)
    return item is not None and int(item[1]) + 1 == number


Kept = tuple[tuple[str, bool, bool], Line, bool]  # (cleaned line, bullet, heading), line, fresh


HISTORY = (
    "history: a note of amendment, not a paragraph's words (once adopted here, each "
    "version records its changes)"
)


def headed(clause: ImportedClause) -> None:
    """Unnumbered words after a paragraph whose first is a line that reads as a heading
    ("Working with the press"), over words of its own that begin a sentence, after the
    paragraph's last sentence has ended: a heading over them, so that they stand between
    paragraphs where printed, not as the paragraph's own words (rejoin). Not where the
    source gives the line's type and it is the body's (Line.plain: a Word paragraph in no
    heading's style, no word of it bold): a reader sees a line of the text."""
    words = clause.after
    if words.titles or len(words.paragraphs) < 2 or not clause.paragraphs:
        return
    if words.lines[0].plain:
        return
    first, under = words.paragraphs[0], words.paragraphs[1]
    if (
        heading_like(first)
        and not first.startswith("- ")
        and under[:1].isupper()
        and ends_sentence(clause.paragraphs[-1])
    ):
        words.titles.add(0)
        clause.held = []


def revoked_why(numbers: list[str]) -> str:
    said = " and ".join([", ".join(numbers[:-1]), numbers[-1]] if len(numbers) > 1 else numbers)
    return (
        f"revoked: {said} printed as revoked, with no words of a paragraph; not imported "
        "as a paragraph, its number counted so that the gap it leaves is no fault. Nothing "
        "in the project records it yet: give it to no new paragraph"
    )


def lettered_parts(paragraphs: list[str]) -> set[str]:
    """The letters of parts whose paragraphs are numbered afresh after them ("A1", "A2",
    then "B1"): each letter whose paragraphs begin at 1, where two or more do, so that a
    paragraph beginning "M6 motorway" is not one."""
    firsts = {m["letter"] for p in paragraphs if (m := LETTERED.match(p)) and m["num"] == "1"}
    return firsts if len(firsts) >= 2 else set()


def tab_leaders(lines: list[Line]) -> set[int]:
    """The lines (by id) that are contents entries with a tab before the page number
    ("Introduction<tab>3"): two or more one after another, or one under the heading
    "Contents"; a lone line ending so is more likely a table's row."""
    texts = [line for line in lines if line.text.strip()]
    entry = [bool(TAB_LEADER.search(line.text)) for line in texts]
    return {
        id(line)
        for i, line in enumerate(texts)
        if entry[i]
        and (
            (i > 0 and (entry[i - 1] or CONTENTS.match(texts[i - 1].text.strip("# \t"))))
            or (i + 1 < len(texts) and entry[i + 1])
        )
    }


# Where a paragraph's words begin after its number or label: its next lines, set in to
# there, go on it (a hanging indent, as a typed or a PDF's text sets them).
HANGING = re.compile(
    r"^\s*(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]{1,5})[.)]|\d{1,3}(?:\.\d{1,3})+|\d{1,3}\(\d{1,3}\)"
    r"|[A-Z]\d{1,3}[.)]?|[-•◦▪‣*])\s+(?=\S)"
)


# A text's mark of a quotation's line ("> ", Markdown's block quote): no word of it
# (not "> £500" nor "> 50": "more than", a word of the sentence)
QUOTE_MARK = re.compile(r"^\s*>(?:$| (?![\d£$€]))")
# A quotation's paragraph is sentences whole: a capital opens it (a quote mark may stand
# before), a stop, "!" or "?" ends it (a closing quote or bracket may follow), or a
# closing quote does; a fragment of a list ("the Monitoring Officer") is neither
WHOLE_SENTENCES = re.compile(
    r"^[\"'\u201c\u2018]?[A-Z].*(?:[.!?][\"'\u201d\u2019)]?|[\"\u201d\u2019])$"
)


# A lead-in that quotes: a verb of saying ("The Code says:", "Paragraph 3 provides:",
# "puts it so:", "in these words:"); not one a list's items complete ("says that members
# must:") nor one that lists ("sets out the following:")
QUOTING_LEAD = re.compile(
    r"(?:\b(?:says?|said|states?|stated|provides?|provided|reads?|puts?|quotes?|quoted|declares?)\b"
    r"(?:(?!\b(?:that|following)\b|\.\s+[A-Z])[^:;])*"
    r"|\bin (?:these|the following) (?:words|terms))[,\s]*:[-\u2013\u2014]?\s*$",
    re.IGNORECASE,
)
# A paragraph in quotation marks whole: it is a quotation's, whatever leads in to it
WHOLLY_QUOTED = re.compile(r"^[\"\u201c\u2018'].*[\"\u201d\u2019']$")


def quotes_under(lead: str, text: str) -> bool:
    """Whether ``text``, set in under the lead-in ``lead``, is shown a quotation's by
    more than being set in: the lead-in quotes (QUOTING_LEAD) or the paragraph is in
    quotation marks whole. Set-in sentences under "An applicant must:" or "In this
    code:" are items: a list of duties or definitions is printed so too."""
    return bool(QUOTING_LEAD.search(lead) or WHOLLY_QUOTED.match(text))


def unmarked_quote(line: Line) -> Line:
    """A text's line marked as a quotation's ("> ..."), its mark taken off and the line
    said to be quoted (Line.quoted); any other line as it is."""
    found = QUOTE_MARK.match(line.text)
    return replace(line, text=line.text[found.end() :], quoted=True) if found else line


def set_in(line: Line, lead: Line) -> bool:
    """Whether ``line`` is set in from where the words of the lead-in over it begin (its
    first line, ``lead``): by spaces past them (a text, and a Word file or PDF of its
    lines), indented in Word where the lead-in is not, or drawn in a PDF further right
    than them by more than half the type's size. Where the lead-in opens with its
    number, its words begin after it: a paragraph hanging there is at its margin."""
    if line.within and not lead.within:
        return True
    label = HANGING.match(lead.text)
    begins = label.end() if label else len(lead.text) - len(lead.text.lstrip())
    if len(line.text) - len(line.text.lstrip()) > begins:
        return True
    drawn, over = line.drawn, lead.drawn
    if drawn is None or over is None or drawn.x is None or over.x is None:
        return False
    # the number drawn apart from the words (a tab, a hanging indent): where they begin
    words = next((x for x, at in over.starts if label and at == label.end()), over.x)
    return drawn.x - words > over.size / 2


# A line of a sentence this long, unfinished, was wrapped: no heading is printed so
WRAPPED = 60
# A line of a flowchart's arrows between its boxes ("↓", "▼", "→"): no words, but kept
# where an annex prints it, as the chart reads by them
ARROW = r"[\u2190-\u21ff\u2794-\u27bf\u2b00-\u2b2f\u25b2-\u25c5]"
ARROWS = re.compile(rf"\s*{ARROW}(?:\s*{ARROW})*\s*")


def annex_heading(text: str, kept: list[Kept]) -> bool:
    """Whether the line heads an annex, appendix or schedule after numbered paragraphs
    (Structurer.place sets its words apart as back matter)."""
    headed = bool(BACK_MATTER.match(text)) and heading_like(text)
    return headed and any(NUMBERED.match(k[0][0]) for k in kept)


def numbered_lead_in(paragraph: str) -> bool:
    """Whether a paragraph is a numbered paragraph's lead-in ending in a colon ("1.2 The
    forms members need are attached:"): the lines right under it are its list (the
    appendices it names too), neither a contents nor an appendix's heading."""
    found = NUMBERED.match(paragraph)
    return bool(found and paragraph.rstrip().endswith(":") and not CONTENTS.match(found["rest"]))


def boxed(line: Line, last: str) -> bool:
    """Whether a PDF's line at the body's spacing stands on its own in an annex: under a
    short line (a form's field, a flowchart's box, its arrows), not the next line of one
    wrapped at the measure, as a text file's lines are read (Structurer.place)."""
    return line.wraps and len(last) < WRAPPED


# A line whose first words end a sentence ("Council. Paragraph numbers ..."): the end of
# the one before, as no paragraph begins so
ENDS_EARLY = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}[.;,]\s+[A-Z]")


# the marks opening a line's emphasised first words ("**", "_", "<b>"), no letters
EMPHASIS_OPENS = re.compile(r"^(?:\*{1,2}|_{1,2}|<[biu]>)+")


# A line ending with a word that a number follows: the next line's number is the one it
# names, not a paragraph's ("... under paragraph" / "12 of the Code of Conduct").
NAMES_A_NUMBER = re.compile(
    r"\b(?:paragraphs?|paras?\.?|sections?|clauses?|parts?|rules?|regulations?|articles?|"
    r"schedules?|appendix|annex|pages?|standing\s+orders?|no\.)$",
    re.I,
)


# A definition's opening: a quoted term and what it means ('"Clerk" means ...'), which
# begins a line of a definitions list however little space a PDF sets above it
DEFINES = re.compile(
    r"^[\"'\u201c\u2018][^\"'\u201d\u2019]{1,60}[\"'\u201d\u2019]\s+(?:means|includes|refers\s+to)\b"
)
# A conjunction alone on a line: the end of the line before, wrapped, never a line of its own
CONJUNCTION = re.compile(r"(?:and|or|and/or|but)[,;]?")


def named_over(first: str, second: str) -> bool:
    """Whether two lines are a council's name over the protocol's title ("HARBY BOROUGH
    COUNCIL" / "PROTOCOL ON MEMBER AND OFFICER RELATIONS"): one title in two parts."""
    return (
        bool(COUNCIL_NAME.search(first.strip()))
        and heading_like(second)
        and bool(NAMES_A_DOCUMENT.search(second))
    )


def goes_on(before: Kept, c: tuple[str, bool, bool], line: Line, fresh: bool) -> bool:
    """Whether a line is the next line of the paragraph before it, not a paragraph,
    heading or number of its own: set in under the words of a paragraph with a hanging
    indent (over a page break too), or, with no blank line between, going on its
    sentence in small letters ("...adopted by Council" / "on 12 March ..."), a number
    included ("...in paragraphs 5.3.22 and" / "5.3.23 have been taken.")."""
    (last, _, last_marked), first, _ = before
    text, bullet, marked = c
    if bullet or marked or last_marked or FOOTNOTE.match(text):
        return False
    if FOOTNOTE.match(last):  # a note's words wrapped onto the next line, no blank between
        return not (fresh or ends_sentence(last) or NUMBERED.match(text) or PAREN.match(text))
    if not fresh and closes_bracket(last, text):
        return True  # "... (para." / "2)": the citation closing, not an item "2)"
    if LETTER.match(text):
        return False
    if not fresh and CONJUNCTION.fullmatch(text.strip()):
        return True  # "...;" / "and": an item's last word the measure wrapped, no item
    numbered = NUMBERED.match(text) or PAREN.match(text)
    indent = len(line.text) - len(line.text.lstrip())
    label = HANGING.match(first.text)
    over_page = bool(first.page and line.page and first.page != line.page)
    if line.wraps and not numbered and not last.rstrip().endswith((":", ";", ":-")):
        # a PDF's next line at its paragraph's spacing; a list's line stays its own, and
        # a title under the council's name is the title's second part
        return not named_over(last, text)
    if not numbered and indent and label and label.end() == indent and (over_page or not fresh):
        return True
    if fresh:
        return False
    if not numbered and text[:1].isdigit() and NAMES_A_NUMBER.search(last):
        return True  # "(see the Code, para." / "2). The ...": no label, the number cited
    if ends_sentence(last):  # "It applies to:" / "every member;": a list's lines
        return False
    if not numbered:  # a capital goes on a long line of a sentence, never a heading's
        sentence = not title_case(last) or bool(ENDS_EARLY.match(text) or SENTENCES.search(last))
        letter = EMPHASIS_OPENS.sub("", text)[:1]  # "**Neither** may ...": its word's
        # a long line left off mid-phrase ("... Approved by the" / "Standards Committee")
        unfinished = bool(UNFINISHED.search(last.rstrip()))
        return letter.islower() or (
            letter.isupper() and len(last) >= WRAPPED and (sentence or unfinished)
        )
    if (
        NAMES_A_NUMBER.search(last)
        and numbered["rest"][:1].islower()
        and not counts_on(block_number(last), numbered["num"])
    ):
        return True  # "...under paragraph" / "12 of the Code": the number it names
    # "5.3.23 have been taken." or "72(1) of the Act": a number cited at the end of the
    # line before; but "3. avoid conflict" after "2. define roles" is the next item of a list
    # "within" / "10 working days.": a figure with no full stop or bracket, its words in
    # small letters, is a word of the sentence left off, not the next of a list
    figure = not numbered.groupdict().get("dot") and not counts_on(
        block_number(last), numbered["num"]
    )
    cited_number = figure or "." in numbered["num"] or bool(numbered.groupdict().get("sec"))
    return cited_number and numbered["rest"][:1].islower() and not heading_like(last)


def numbered_runs(texts: list[str]) -> set[int]:
    """The lines (by index) that are the items of a list numbered a line each from 1
    ("1 the Chair ...", "2 two other members", or "1)", "2)"), no blank line between:
    two or more, their labels in one form, every line but the last short of the
    measure. A sentence wrapped at the measure may start a line with a figure ("within"
    / "5 days", "(see regulation" / "2) and"), never each line in turn from 1; nor is a
    run a list where the lead-in and each line but the last are full to the measure, none
    with room for the next line's first word ("... for up to" / "1 minute, and ... up to"
    / "2 minutes, after ...": a sentence wrapped short)."""
    # the text's measure: its longest line wrapped mid-sentence, another following it
    # with no blank line between (a PDF may set none between its paragraphs)
    measure = max(
        (len(t) for t, after in pairwise(texts) if t and after and not ends_sentence(t)),
        default=0,
    )
    runs: set[int] = set()
    start = 0
    while start < len(texts):
        end, form = start, None
        while end < len(texts) and (found := NUMBERED.match(texts[end])):
            counted = not found["part"] and found["num"] == str(end - start + 1)
            if not counted or form not in (None, found["dot"]):
                break
            form, end = found["dot"], end + 1
        lines = texts[max(start - 1, 0) : end]  # its lead-in and its lines
        roomy = any(
            len(t) + 1 + len(after.split()[0]) <= measure for t, after in pairwise(lines) if t
        )
        if end - start >= 2 and roomy and all(len(t) < WRAPPED for t in texts[start : end - 1]):
            runs |= set(range(start, end))
        start = max(end, start + 1)
    return runs


def closes_bracket(last: str, text: str) -> bool:
    """Whether a line closes a bracket the line before left open ("... (para." / "2)
    ..."): the words inside it going on, whatever their shape, not an item's label."""
    for opening, closing in ("()", "[]"):
        shut = text.find(closing)
        if last.count(opening) > last.count(closing) and shut >= 0 and opening not in text[:shut]:
            return True
    return False


# A paragraph's number after a word naming it, its words after: "Paragraph 12  Members
# ...", "Para 8A A member ...", "§ 3 Officers ..." (not a heading, "Paragraph 4 – Meetings")
WORDED = re.compile(
    r"^(?:Paragraph|Para\.?|§{1,2})\s*(?P<num>\d{1,3}[A-Z]{0,4}(?:\.\d{1,3}[A-Z]{0,4})*)"
    r"[.)]?\s+(?P<rest>[A-Z(\"'\u2018\u201c].*)$"
)
MIN_WORDED = 3  # numbered so throughout, not a sentence beginning "Paragraph 5 ..."


def worded_numbers(kept: list[Kept], notes: list[str]) -> list[Kept]:
    """Paragraphs numbered with a word before each number ("Paragraph 1", "Para 8A") read
    as numbered ("1.", "8A."), where at least MIN_WORDED are; the word is the number's
    label, as a full stop after it is, not the paragraph's words."""
    found = [WORDED.match(c[0]) for c, _, _ in kept]
    found = [f if f and not heading_like(f["rest"]) else None for f in found]
    if sum(1 for f in found if f) < MIN_WORDED:
        return kept
    notes.append(
        "Paragraphs are numbered with a word before the number ('Paragraph 1', 'Para 1' or "
        "'§ 1'): each was read as the number alone."
    )
    return [
        ((f"{f['num']}. {f['rest']}" if f else text, bullet, marked), line, fresh)
        for ((text, bullet, marked), line, fresh), f in zip(kept, found, strict=True)
    ]


def counts_on(label: str | None, number: str) -> bool:
    """Whether ``number`` is the one after ``label`` at its depth ("2" after "1.", "1.3"
    after "1.2"): a list's next item ("1. comply with the Rules" / "2. declare ...")."""
    if label is None:
        return False
    before, after = label.rstrip(".)").split("."), number.rstrip(".)").split(".")
    return (
        len(before) == len(after)
        and before[:-1] == after[:-1]
        and before[-1].isdigit()
        and after[-1].isdigit()
        and int(after[-1]) == int(before[-1]) + 1
    )


def block_number(text: str) -> str | None:
    """The number a block is printed with ("1.2", "3(4)"), None for one without."""
    found = NUMBERED.match(text) or PAREN.match(text)
    return text[: found.start("rest")].strip() if found else None


# A section's number printed on a line of its own: "3", "3." or "3)"
SECTION_NUMBER_ALONE = re.compile(r"(\d{1,3})[.)]?")


def section_numbers_alone(kept: list[Kept]) -> list[Kept]:
    """A section's number on a line of its own, its title on the next ("2", "Roles of
    Members": a PDF's numbered heading read out as two lines) or the one before
    ("ROLES OF MEMBERS", "2": a number set under its heading), is one heading "2 Roles of
    Members" where the line after the two begins the section's paragraphs ("2.1 ...").
    A bare number is otherwise left alone: it is as likely a page number."""
    out: list[Kept] = []
    skip = False
    for i, ((text, bullet, marked), line, fresh) in enumerate(kept):
        if skip:
            skip = False
            continue
        other, after = (kept[i + 1], kept[i + 2][0][0]) if i + 2 < len(kept) else (None, "")
        lone = SECTION_NUMBER_ALONE.fullmatch(text) is not None
        if other is None or not heading_like(other[0][0] if lone else text):
            out.append(((text, bullet, marked), line, fresh))
            continue
        number, title = (text, other[0][0]) if lone else (other[0][0], text)
        number = number.rstrip(".)")  # "3." as "3"
        titled = not block_number(title)  # not the section's first paragraph ("3.1 ...")
        if titled and re.fullmatch(r"\d{1,3}", number) and after.startswith(f"{number}."):
            out.append(((f"{number} {title}", bullet, marked or other[0][2]), line, fresh))
            skip = True
            continue
        out.append(((text, bullet, marked), line, fresh))
    return out


# A web address closing a line ("... at www.example.gov.uk/register", "<https://...>.")
ADDRESS_END = re.compile(r"(?:https?://|www\.)\S+$", re.I)
# A finite verb ("No gift is kept", "Members do not lobby")
FINITE = re.compile(r"\b(?:is|are|was|were|has|have|(?:do|does|did) not|cannot)\b", re.I)
# What opens a statement's subject: a determiner ("No gift", "The Chair") or one word
DETERMINER = re.compile(r"(?:a|an|the|no|each|every|any|all|some|this|these|our|their)\b", re.I)
# A word that makes the words after it a clause within a heading ("If a member is
# unhappy", "Role of members when officers are criticised", "Duty to have regard")
CLAUSE = re.compile(
    r"\b(?:if|when|where|while|whether|who|whom|whose|which|that|what|how|why|unless"
    r"|until|once|because|before|after|to)\b|\s[-\u2013\u2014]\s",
    re.I,
)


def states(text: str) -> bool:
    """Whether a line states something with a finite verb whose subject opens it ("No
    gift is kept", "Members do not lobby"). A heading's verb is in a clause ("If a
    member is unhappy ...", "Gifts - what is acceptable", "The right to have ...") or
    one its relative pronoun left off ("Interests you do not have to declare", "Matters
    members cannot discuss"): two words before it with no determiner opening them."""
    if not (verb := FINITE.search(text)):
        return False
    subject = text[: verb.start()]
    return not CLAUSE.search(subject) and (
        DETERMINER.match(subject) is not None or len(subject.split()) == 1
    )


def a_sentence(text: str) -> bool:
    """Whether a short line reads as a sentence, not a heading over what follows: it
    states something ("Members do not lobby") or ends in a web address, as no heading
    does; a question heads its answer, its mark left off too ("What is a gift")."""
    asks = text.endswith("?") or re.match(r"(?:what|who|when|where|why|how)\b", text, re.I)
    return not asks and (states(text) or bool(ADDRESS_END.search(text)))


def broken_off(words: Text, text: str) -> bool:
    """Whether a paragraph goes on the sentence the paragraph before it left unfinished,
    a blank line between (a page break a text export prints so) or a PDF's space between
    paragraphs ("... of any Council, Cabinet," / "Panel or Committee agenda. ..."): the
    one before of a line's full measure at least, with no closing punctuation, neither a
    sub-heading nor a list's item; this one no heading, number or item."""
    if not words.paragraphs or len(words.paragraphs) - 1 in words.titles:
        return False
    last = words.paragraphs[-1].rstrip()
    return (
        len(last) >= WRAPPED
        and not ends_sentence(last)
        and not ADDRESS_END.search(last)  # an address ends it, its stop often left off
        and not last.startswith("- ")
        and not heading_like(text)
        and not any(p.match(text) for p in (NUMBERED, PAREN, LETTER, BULLET))
    )


def paragraph_numbered(text: str) -> bool:
    """Whether a line begins with a paragraph's number of two levels or more and its
    sentence ("3.10 You as a councillor ...", "5.5 – 3.10 ..."): the next paragraph, never
    the words of an item's label printed alone before it ("2)")."""
    found = NUMBERED.match(text)
    return bool(found and "." in found["num"].rstrip(".") and found["rest"][:1].isupper())


def section_alone(label: str, following: str) -> str | None:
    """The section's number printed alone ("3", "3."), where the line after it is the
    section's first paragraph ("3.1 ..."), not its title: the number, else None."""
    number = SECTION_NUMBER_ALONE.fullmatch(label)
    under = block_number(following)
    return number[1] if number and under and under.startswith(f"{number[1]}.") else None


def clauses_of(words: Text) -> list[ImportedClause]:
    """A section's unnumbered words, where it has no numbered paragraph: they are its
    body, not an introduction, so each paragraph becomes a clause (a list's items stay
    with the paragraph before them), as in a document with no numbers at all."""
    clauses: list[ImportedClause] = []
    for paragraph, line in zip(words.paragraphs, words.lines, strict=True):
        if not clauses or not paragraph.startswith("- "):
            clauses.append(ImportedClause("", "", "none", line))
        clauses[-1].add(paragraph, line)
    return clauses


def next_number(label: str, text: str) -> str | None:
    """The number a line after a number printed alone ("1.2") begins with, where it is
    one of the same depth ("1.3 Members ...", "1.3"): the next paragraph's, not the
    words of the one alone. None for words ("12 members ...", after "3.1")."""
    after = block_number(text) or (text if LABEL_ONLY.match(text) else None)
    if after is None or "." not in label.rstrip("."):
        return None
    depth = len(label.rstrip(".)").split("."))
    return after if len(after.rstrip(".)").split(".")) == depth else None


MIN_DASHED = 3  # numbered paragraphs a dash opens, to show the text's habit
LEADS_IN = re.compile(r":\s*[-–—]?\s*$")  # "... to:", "... to: -", "... as follows:-"


def margin(line: Line) -> int:
    """How far the line is set in: the spaces before its first mark."""
    return len(line.text) - len(line.text.lstrip())


def undashed(kept: list[Kept], notes: list[str]) -> list[Kept]:
    """A text that puts "- " before every paragraph (as text taken from a council's page
    often does: "- 1.1 Members ...", "- (a) ..."): the dash marks a paragraph, not a
    bullet, so an unnumbered line it opens is a paragraph of its own (the introduction's),
    where an item's label ("(a)", "i.") keeps it an item, and so does a list a paragraph
    leads in to ("... to:") or one set in further than the paragraphs' dashes."""
    numbers = [
        (NUMBERED.match(text) or PAREN.match(text), bullet) for (text, bullet, _), _, _ in kept
    ]
    # the paragraphs numbered, not the headings ("1 PURPOSE")
    numbered = [bullet for found, bullet in numbers if found and not heading_like(found["rest"])]
    if sum(numbered) < MIN_DASHED or sum(numbered) < len(numbered):
        return kept
    dashes = min(
        (margin(line) for ((text, bullet, _), line, _) in kept if bullet and block_number(text)),
        default=0,
    )
    plain, listing = [], False
    for at, ((text, bullet, _), line, _) in enumerate(kept):
        unlabelled = bullet and not block_number(text) and not LETTER.match(text)
        if unlabelled and (listing or margin(line) > dashes or text[:1].islower()):
            continue  # an item of a list led in to, set in further, or begun in small letters
        if unlabelled:
            plain.append(at)
        listing = bool(LEADS_IN.search(text))
    if plain:
        notes.append(
            f"Every numbered paragraph begins with a dash: the dash before {len(plain)} "
            "unnumbered paragraph(s) was read as marking a paragraph, not a bullet."
        )
    return [
        ((c[0], False, c[2]), line, True) if at in plain else (c, line, fresh)
        for at, (c, line, fresh) in enumerate(kept)
    ]
