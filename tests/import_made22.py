"""Four protocols authored in Word (tests/import_made22/NAME.docx, made by the python-docx
script below in the shapes councils' Word files take), and what a council publishes of
each: LibreOffice's PDF of the Word file, and for two the text a web page shows of it.
Word's own automatic numbering (numbering.xml: the numbers exist only there), a
multi-level "1." / "1.1" / "(a)" list with the sections in Heading 1 linked to it, a
table and cross-references (ivel); bold Normal paragraphs as unnumbered headings over
paragraphs Word numbers on through them, a bold 14pt title, a definitions list, Word
bullets with "(i)" under them, a footnote and a hyperlink (kelda); numbers typed with a
tab after them, a gap planted in them (lyne); paragraphs "(1)" Word restarts under each
numbered Heading 1, a first page with no header (marden). Each has the council's name in
a header and a "Page X of Y" footer with its version's date. The made files are
committed as made and the tests only read them; `python tests/import_made22.py` makes
them again where python-docx, `soffice` and `pandoc` are installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

import import_made19
from import_software import element
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_made22"
PROTOCOLS = ("ivel", "kelda", "lyne", "marden")
# the text a web page shows, made of a Word file by LibreOffice or by pandoc
TEXTS = {"ivel": "-lo.txt", "kelda": "-pandoc.txt"}
NAMES = [
    f"{name}{ending}"
    for name in PROTOCOLS
    for ending in (".docx", ".pdf", *((TEXTS[name],) if name in TEXTS else ()))
]
PAGES = {"ivel": 2, "kelda": 2, "lyne": 2, "marden": 2}  # the page count Word caches


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as made, and its protocol's gold as this file reads."""
    return import_made19.handed_over(name, folder, SOURCES)


class Writer:
    """A Word document as its author builds it: styles, Word's numbering, a header and
    footer, footnotes, hyperlinks and tables."""

    def __init__(self, header: str, footer: str, pages: int, first_page_blank: bool = False):
        self.document = docx.Document()
        self.numbering = self.document.part.numbering_part.element
        self.notes: list[str] = []
        section = self.document.sections[0]
        section.different_first_page_header_footer = first_page_blank
        section.header.paragraphs[0].text = header
        foot = section.footer.paragraphs[0]
        foot.add_run(f"{footer}\tPage ")
        self.field(foot, "PAGE", "1")
        foot.add_run(" of ")
        self.field(foot, "NUMPAGES", str(pages))

    @staticmethod
    def field(paragraph: Any, code: str, shown: str) -> None:
        """A field as Word writes one, its last result kept."""
        for part in (
            '<w:fldChar w:fldCharType="begin"/>',
            f'<w:instrText xml:space="preserve"> {code} </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            f"<w:t>{shown}</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        ):
            paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{part}</w:r>"))

    def abstract(self, ident: int, levels: list[tuple[str, str, int, str]]) -> None:
        """A list's levels: (format, text, indent in twips, the style linked to it)."""
        made = element("w:abstractNum", abstractNumId=str(ident))
        made.append(element("w:multiLevelType", val="multilevel"))
        for level, (form, text, indent, style) in enumerate(levels):
            lvl = element("w:lvl", ilvl=str(level))
            lvl.append(element("w:start", val="1"))
            lvl.append(element("w:numFmt", val=form))
            if style:
                lvl.append(element("w:pStyle", val=style))
            lvl.append(element("w:lvlText", val=text))
            lvl.append(element("w:lvlJc", val="left"))
            ppr = element("w:pPr")
            ppr.append(element("w:ind", left=str(indent), hanging="720"))
            lvl.append(ppr)
            if form == "bullet":
                rpr = element("w:rPr")
                rpr.append(element("w:rFonts", ascii="Symbol", hAnsi="Symbol", hint="default"))
                lvl.append(rpr)
            made.append(lvl)
        first_num = self.numbering.find(qn("w:num"))
        if first_num is None:
            self.numbering.append(made)
        else:
            first_num.addprevious(made)

    def num(self, ident: int, abstract: int, restart: bool = False) -> None:
        """A list of an abstract's levels; ``restart``: its first level begins at 1 again,
        as Word's "Restart at 1" writes it."""
        made = element("w:num", numId=str(ident))
        made.append(element("w:abstractNumId", val=str(abstract)))
        if restart:
            override = element("w:lvlOverride", ilvl="0")
            override.append(element("w:startOverride", val="1"))
            made.append(override)
        self.numbering.append(made)

    def link_style(self, style: str, num: int) -> None:
        """A paragraph style numbered by a list's first level (Heading 1 as "1.")."""
        ppr = self.document.styles[style].element.get_or_add_pPr()
        numbers = element("w:numPr")
        numbers.append(element("w:numId", val=str(num)))
        ppr.insert(0, numbers)

    def para(
        self,
        text: str = "",
        style: str | None = None,
        num: tuple[int, int] | None = None,
        bold: bool = False,
        size: int = 0,
        indent: tuple[int, int] | None = None,
    ) -> Any:
        """A paragraph; in its text "^note^" is a footnote and "[words](address)" a
        hyperlink; ``num``: (list, level) numbered by Word; ``indent``: (left, hanging)."""
        paragraph = self.document.add_paragraph(style=style)
        ppr = paragraph._p.get_or_add_pPr()
        if num:
            numbers = element("w:numPr")
            numbers.append(element("w:ilvl", val=str(num[1])))
            numbers.append(element("w:numId", val=str(num[0])))
            ppr.append(numbers)
        if indent:
            ppr.append(element("w:ind", left=str(indent[0]), hanging=str(indent[1])))
        for at, piece in enumerate(text.split("^")):
            if at % 2:
                self.footnote(paragraph, piece)
            else:
                self.words(paragraph, piece, bold, size)
        return paragraph

    def words(self, paragraph: Any, text: str, bold: bool, size: int) -> None:
        rest = text
        while "](" in rest:
            before, _, tail = rest.partition("[")
            shown, _, tail = tail.partition("](")
            address, _, rest = tail.partition(")")
            self.run(paragraph, before, bold, size)
            rid = self.document.part.relate_to(address, RT.HYPERLINK, is_external=True)
            link = element("w:hyperlink")
            link.set(qn("r:id"), rid)
            link.append(
                parse_xml(
                    f'<w:r {nsdecls("w")}><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/>'
                    f'</w:rPr><w:t xml:space="preserve">{shown}</w:t></w:r>'
                )
            )
            paragraph._p.append(link)
        self.run(paragraph, rest, bold, size)

    @staticmethod
    def run(paragraph: Any, text: str, bold: bool, size: int) -> None:
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)

    def footnote(self, paragraph: Any, note: str) -> None:
        self.notes.append(note)
        paragraph._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{len(self.notes)}"/></w:r>'
            )
        )

    def table(self, rows: list[tuple[str, str]]) -> None:
        """A two-column table with borders, its first row a header row in bold."""
        table = self.document.add_table(rows=0, cols=2)
        table.style = self.document.styles["Table Grid"]
        for at, cells in enumerate(rows):
            row = table.add_row()
            if not at:
                row._tr.get_or_add_trPr().append(element("w:tblHeader"))
            for cell, text in zip(row.cells, cells, strict=True):
                cell.paragraphs[0].add_run(text).bold = not at or None

    def save(self, path: Path) -> None:
        if self.notes:
            separators = (
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
                '</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0">'
                "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            )
            notes = "".join(
                f'<w:footnote w:id="{at}"><w:p><w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:pPr>'
                '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {text}'
                "</w:t></w:r></w:p></w:footnote>"
                for at, text in enumerate(self.notes, 1)
            )
            blob = (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f"<w:footnotes {nsdecls('w')}>{separators}{notes}</w:footnotes>"
            ).encode()
            part = Part(
                PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                blob,
                self.document.part.package,
            )
            self.document.part.relate_to(part, RT.FOOTNOTES)
        self.document.save(str(path))


def ivel(pages: int) -> Writer:
    """Word's multi-level list: Heading 1 linked to its first level ("1."), paragraphs
    its second ("1.1"), items its third ("(a)"); a title in the Title style; a table."""
    w = Writer("Ivel Borough Council – Constitution Part 5", "Version 4 – 18 March 2025", pages)
    w.abstract(10, [("decimal", "%1.", 720, "Heading1"), ("decimal", "%1.%2", 720, ""),
                    ("lowerLetter", "(%3)", 1440, "")])  # fmt: skip
    w.num(10, 10)
    w.link_style("Heading 1", 10)
    w.para("Protocol on Member and Officer Relations", "Title")
    w.para(
        "This protocol was adopted by the Council on 18 March 2025 on the advice of its "
        "Standards Committee. It applies to all elected and co-opted members and to all "
        "employees."
    )
    for heading, paragraphs in IVEL:
        w.para(heading, "Heading 1")
        for paragraph in paragraphs:
            if isinstance(paragraph, list):  # a table's rows
                w.table(paragraph)
            else:
                w.para(paragraph.removeprefix("  "), num=(10, 2 if paragraph[:2] == "  " else 1))
    return w


IVEL: list[tuple[str, list[Any]]] = [
    ("Purpose and Scope", [
        "Good government depends on members and officers trusting one another and "
        "understanding where the work of each begins and ends. This protocol describes the "
        "conduct each may expect of the other.",
        "The protocol supplements the Members' Code of Conduct and the Officers' Code of "
        "Conduct. Where it appears to conflict with either code, the code applies.",
    ]),
    ("Roles", [
        "Members are elected to represent their wards and to set the Council's direction. "
        "They take decisions at meetings of the Council, the Cabinet and committees, and "
        "Cabinet members may take the individual decisions the scheme of delegation gives "
        "them.",
        "Officers advise members, put the Council's decisions into effect and take the "
        "decisions delegated to them. They serve the Council as a whole, must be politically "
        "neutral and take instructions from their managers, not from individual members.",
        "Three officers have duties set by law. The table below shows who they are and what "
        "each does.",
        [("Who", "Does what"),
         ("Chief Executive (Head of Paid Service)",
          "leads the officers and decides how they are organised"),
         ("Monitoring Officer", "reports to the Council on any unlawful act or maladministration"),
         ("Chief Finance Officer", "keeps the Council's financial affairs in proper order")],
    ]),
    ("Working Relationships", [
        "Members and officers will treat each other with courtesy and respect. Neither "
        "should:",
        "  criticise the other in public or on social media;",
        "  ask the other to act against the Council's policies or the law; or",
        "  use their position to gain an advantage for themselves or anyone close to them.",
        "A member who has a close personal relationship with an officer, whether family, "
        "business or friendship, must tell the Monitoring Officer. The officer must tell "
        "their Head of Service.",
        "Officers must not be asked to do work for a political party. Section 4 of the Local "
        "Government and Housing Act 1989 makes the Chief Executive responsible for the way "
        "staff are organised, and members should take any concern about staffing to that "
        "post.",
    ]),
    ("Information and Reports", [
        "A member may ask for any information the member needs to carry out the role. "
        "Officers will reply within ten working days, or explain the delay and say when a "
        "reply can be expected.",
        "The officer who writes a report to a committee is responsible for its contents. A "
        "member may comment on a draft, but may not require the officer to change a "
        "recommendation.",
        "Where a member and an officer disagree about a report, the matter goes to the Chief "
        "Executive. Nothing in this paragraph lets a member override the duty of neutrality "
        "described in paragraph 2.2 above.",
    ]),
    ("Concerns", [
        "A member who is dissatisfied with an officer's work should raise it with the "
        "officer's Head of Service and not in public.",
        "An officer who is concerned about a member's conduct should speak to their manager "
        "or to the Monitoring Officer, who may treat the matter as a complaint under the "
        "Members' Code of Conduct. Concerns about requests for information are dealt with "
        "as described in section 4.",
        "The Standards Committee will review this protocol every year.",
    ]),
]  # fmt: skip


def kelda(pages: int) -> Writer:
    """Bold Normal paragraphs as headings, no number, over paragraphs Word numbers "1."
    on through them; a bold 14pt title; definitions; bullets with "(i)" under them; a
    footnote and a hyperlink."""
    w = Writer("Kelda District Council", "Approved 9 January 2025", pages)
    w.abstract(30, [("decimal", "%1.", 720, ""), ("lowerLetter", "(%2)", 1440, "")])
    w.abstract(31, [("bullet", "\uf0b7", 1440, ""), ("lowerRoman", "(%2)", 2160, "")])
    w.num(30, 30)
    w.num(31, 31)
    w.para("Councillor and Officer Relations Protocol", bold=True, size=14)
    w.para(
        "This protocol is part of the Council's Constitution. It explains how councillors "
        "and officers should work together and what each can expect of the other."
    )
    for line in KELDA:
        mark, _, text = line.partition(" ")
        if mark == "#":
            w.para(text, bold=True)
        elif mark == "=":  # a definition, set in under its lead-in
            w.para(text, indent=(720, 0))
        elif mark == "*":
            w.para(text, "List Bullet", num=(31, 0))
        elif mark == "**":
            w.para(text, "List Bullet 2", num=(31, 1))
        else:
            w.para(text, num=(30, 0))
    return w


KELDA = [
    "# Introduction",
    "1 This protocol applies to every councillor, including co-opted members, and to "
    "every officer of the Council, including agency staff working for it.",
    "1 In this protocol:",
    '= "Councillor" means an elected or co-opted member of the Council;',
    '= "Officer" means any person employed by the Council or working for it through an agency;',
    '= "Chief Officer" means the Chief Executive, a director or a head of service.',
    "# The Role of Councillors",
    "1 Councillors are answerable to the people who elect them. Together they decide the "
    "Council's policies and its budget.",
    "1 A councillor may:",
    "* ask officers for the information needed for council business;",
    "* take part in the work of committees, including:",
    "** scrutiny of decisions taken by the Cabinet; and",
    "** the regulation of planning and licensing;",
    "* represent the Council on the outside bodies it appoints to.",
    "# The Role of Officers",
    "1 Officers give councillors impartial advice and carry out the Council's decisions. "
    "They work under the direction of their managers and the Chief Executive.^Under the "
    "Local Government and Housing Act 1989, some senior posts are politically restricted.^",
    "1 Officers must treat all political groups alike. An officer may brief a group only "
    "with the Chief Executive's approval, and must not attend any part of its meeting "
    "where party business is discussed.",
    "1 Councillors should not ask junior officers to do work or give advice that ought to "
    "come from a chief officer.",
    "# Working Together",
    "1 Councillors and officers are expected to be courteous to one another. Paragraph 12 "
    "of the Members' Code of Conduct requires councillors to treat others with respect, "
    "and the same applies to officers under their terms of employment.",
    "1 A councillor should not take part in appointing, disciplining or dismissing an "
    "officer who is a relative or close friend.",
    "1 Councillors must not use the Council's offices, equipment or staff for party "
    "political or private purposes. Paragraph 6 above sets out the matching duty of "
    "officers.",
    "# Raising Concerns",
    "1 A councillor who has a concern about an officer should raise it with the officer's "
    "manager or chief officer, never in public.",
    "1 An officer who has a concern about a councillor should raise it with the "
    "Monitoring Officer. Guidance is on the [Council's standards "
    "page](https://www.kelda.gov.uk/standards).",
    "1 The Monitoring Officer will keep this protocol under review and report any proposed "
    "changes to the Standards Committee.",
]


def lyne(pages: int) -> Writer:
    """Numbers typed in the text with a tab after them, headings bold Normal in
    capitals, a title in the Title style; 3.3 left out (a council's renumbering missed)."""
    w = Writer("Lyne Town Council", "Reviewed 2 April 2025", pages)
    w.para("Protocol for Councillors and Staff", "Title")
    for line in LYNE:
        number = line.split("\t")[0]
        if number.count(".") == 1 and number.endswith("."):
            w.para(line, bold=True, indent=(720, 720))
        else:
            w.para(line, indent=(1440, 720) if number.startswith("(") else (720, 720))
    return w


LYNE = [
    "1.\tPURPOSE",
    "1.1\tThis protocol guides councillors and the staff of the Town Council in their "
    "dealings with one another. It forms part of the Council's Standing Orders.",
    "1.2\tIt applies to all councillors, to the Town Clerk and to every other member of staff.",
    "2.\tROLES",
    "2.1\tCouncillors decide policy at meetings of the Council and its committees. An "
    "individual councillor has no power to give instructions to staff.",
    "2.2\tThe Town Clerk is the Council's Proper Officer and manages its staff. The Clerk "
    "is responsible for:",
    "(a)\tadvising the Council on the law and its procedures;",
    "(b)\tcarrying out the Council's decisions; and",
    "(c)\tkeeping the Council's records and accounts.",
    "2.3\tStaff must remain politically neutral. Section 2 of the Local Government and "
    "Housing Act 1989, which restricts the political activities of some council staff, "
    "does not apply to town councils, but the Council expects its staff to keep the same "
    "distance from party politics.",
    "2.4\tThe Chair of the Council may agree with the Town Clerk how urgent matters are "
    "handled between meetings, within the limits the Standing Orders set.",
    "3.\tWORKING TOGETHER",
    "3.1\tCouncillors and staff will treat each other with courtesy and will not criticise "
    "one another in public.",
    "3.2\tA councillor who needs information should ask the Town Clerk, who will respond "
    "within five working days.",
    "3.4\tStaff will not be asked to work outside their normal hours except in an "
    "emergency. Urgent requests are handled as paragraph 2.4 describes.",
    "3.5\tMeetings between councillors and staff are held at the Council's offices, not "
    "at a councillor's home or business.",
    "4.\tCONCERNS",
    "4.1\tA councillor with a concern about a member of staff should raise it privately "
    "with the Town Clerk. A concern about the Clerk goes to the chair of the Personnel "
    "Committee.",
    "4.2\tA member of staff who is unhappy about a councillor's behaviour may raise it "
    "with the Town Clerk or under the Council's grievance procedure.",
    "4.3\tThis protocol will be reviewed by the Council every two years.",
]


def marden(pages: int) -> Writer:
    """Heading 1 numbered "1." by Word, paragraphs "(1)" a second list Word restarts under
    each heading (a new list, "Restart at 1"), items "(a)" its second level; a bold 14pt
    title; the first page with no header or footer."""
    w = Writer(
        "Marden District Council – Standing Documents",
        "Issue 2, 30 June 2025",
        pages,
        first_page_blank=True,
    )
    w.abstract(20, [("decimal", "%1.", 720, "")])
    w.abstract(21, [("decimal", "(%1)", 720, ""), ("lowerLetter", "(%2)", 1440, "")])
    w.num(20, 20)
    w.para("Member and Officer Protocol", bold=True, size=14)
    for at, (heading, paragraphs) in enumerate(MARDEN):
        w.num(21 + at, 21, restart=bool(at))
        w.para(heading, "Heading 1", num=(20, 0))
        for paragraph in paragraphs:
            item = paragraph[:2] == "  "
            w.para(paragraph.removeprefix("  "), num=(21 + at, int(item)))
    return w


MARDEN = [
    ("Introduction", [
        "This protocol sets out the standards of behaviour that members and officers of "
        "Marden District Council can expect from each other.",
        "It forms part of the Council's Constitution and should be read alongside the codes "
        "of conduct for members and for employees.",
    ]),
    ("Members and Officers", [
        "Members are accountable to the voters of their wards and to the Council. Officers "
        "are accountable to the Council through the Chief Executive.",
        "An officer's first duty is to the Council as a whole. Officers must not be asked "
        "to act in a way that favours one political group over another.",
        "The Chief Finance Officer has a personal duty under section 151 of the Local "
        "Government Act 1972 to administer the Council's financial affairs properly. "
        "Members must not put pressure on that officer to act otherwise.",
        "A member who does not accept an officer's advice may ask for it in writing, but "
        "must respect the officer's professional judgement.",
    ]),
    ("Meetings and Briefings", [
        "Officers attend meetings of the Council and its committees to give advice. They "
        "do not vote and take no part in debate.",
        "A member may ask for a briefing on a matter before a committee. The officer giving "
        "it will:",
        "  give the same information to any other member who asks;",
        "  keep the briefing to the facts and the options; and",
        "  not disclose the views of another member or group.",
        "Officers may attend a meeting of a political group only when invited through the "
        "Chief Executive, and the rule in paragraph 2(2) still applies.",
    ]),
    ("Publicity and the Media", [
        "Officers prepare the Council's press releases. A press release may quote a Cabinet "
        "member, but never in the member's role as a party politician.",
        "In the weeks before an election, the Council will not publish anything that could "
        "be seen as supporting a candidate or party.",
    ]),
    ("When Things Go Wrong", [
        "A member who is unhappy with an officer's work should tell the officer's "
        "director. Concerns about a director go to the Chief Executive.",
        "An officer who feels pressured by a member should tell their manager, who will "
        "involve the Monitoring Officer where the matter is serious.",
        "Complaints about members are dealt with under the Council's arrangements for "
        "complaints about conduct, published on [the Council's "
        "website](https://www.marden.gov.uk/complaints).",
    ]),
]  # fmt: skip
WRITTEN = {"ivel": ivel, "kelda": kelda, "lyne": lyne, "marden": marden}


def make(program: str = "soffice", pandoc: str = "pandoc") -> None:
    """Each protocol's Word file written again, and the files published of it."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        for name in PROTOCOLS:
            word = SOURCES / f"{name}.docx"
            WRITTEN[name](PAGES[name]).save(word)
            made = import_made19.soffice(program, profile, "pdf", word, Path(work, "pdf"))
            shutil.move(made, SOURCES / f"{name}.pdf")
            if TEXTS.get(name) == "-lo.txt":
                text = "txt:Text (encoded):UTF8"
                import_made19.soffice(program, profile, text, word, Path(work, "txt"))
                shutil.move(Path(work, "txt", f"{name}.txt"), SOURCES / f"{name}-lo.txt")
            elif TEXTS.get(name) == "-pandoc.txt":
                subprocess.run(
                    [pandoc, "-t", "plain", str(word), "-o", str(SOURCES / f"{name}-pandoc.txt")],
                    check=True,
                    capture_output=True,
                )


if __name__ == "__main__":
    make(*sys.argv[1:])
