# ruff: noqa: E501 (one problem a line: the catalogue reads as a table)
"""The catalogue of problems: every code the tool can report, with its message and fix
(templates, filled in where the problem is found) and its exit class.

A problem is made only from here (``Problem.of``), so a code, its words and its exit
status are written once, and docs/bad-inputs.md lists them all (``python -m
constitution.codes docs/bad-inputs.md`` writes its table). A new problem goes here first.

Templates are ``str.format`` strings: ``{file}``, ``{line}``, ``{clause}`` and ``{command}``
(how the reader runs the tool: problems.command) are always given; the others by the code
that finds the problem. Literal braces are doubled.
"""

from __future__ import annotations

import re
import string
import sys
from dataclasses import dataclass
from pathlib import Path

# The exit classes, as docs/bad-inputs.md and the README give them.
FIXABLE = 1  # the input was read and has problems for its editor to fix
UNUSABLE = 2  # the input could not be read at all, or the command was used wrongly


@dataclass(frozen=True)
class Kind:
    """One kind of problem: its code, its exit class, and its words as templates."""

    code: str
    exit: int
    message: str
    fix: str


_TOML = ("not valid TOML: {error}", "Correct the TOML syntax at that line.")
_RESTORE = "Restore the file from git history (git checkout origin/main -- {file})"
_NEXT_ID = "Give this clause the next unused ID ({command} next-id prints it)"

_KINDS = [
    # --- the protocol's files (source.py)
    Kind("file-unreadable", UNUSABLE, "cannot be read: {error}.", "Check the file exists and is readable."),
    Kind("not-utf8", UNUSABLE, "byte {offset} is not UTF-8 text.", "Save the file as UTF-8 (in most editors: Save As, encoding UTF-8)."),
    Kind("file-too-large", FIXABLE, "the file is {size} MB; a section file may be {limit} MB at most.", "Split the section, or check the right file is in protocol/."),
    Kind("file-empty", FIXABLE, "the file is empty.", "Write the section's title and clauses, or remove the file and its entry in the index."),
    Kind("byte-order-mark", FIXABLE, "the file starts with a byte-order mark.", "Save it as UTF-8 without BOM (most editors offer this)."),
    Kind("crlf", FIXABLE, "the file has Windows (CRLF) line ends.", "Save it with LF line ends; the repository's .gitattributes does this for files committed with git."),
    Kind("merge-conflict", UNUSABLE, "the file holds git's conflict markers (<<<<<<<, =======, >>>>>>>): two branches changed the same lines and the merge left both, unjoined.", "Keep the lines meant (both changes, joined by hand, where both stand; in checks/*.json either side's) and delete the three marker lines; then run {command} check, which names each worked example or reference to confirm again."),
    Kind("tab", FIXABLE, "the file contains a tab character, which MyST reads as indentation.", "Replace tabs with spaces."),
    Kind("file-markup-too-dense", FIXABLE, "the file holds {count:,} of the characters {openers} that begin links, roles and tags; a section file may hold {limit:,}.", "Remove the stray characters, or check the right file is in protocol/."),
    Kind("no-sections", UNUSABLE, "the protocol index lists no sections.", "Add a {{toctree}} listing the section files, one name a line."),
    Kind("section-duplicate", FIXABLE, "section '{slug}' is listed twice (first at line {first}).", "Remove the second entry from the toctree."),
    Kind("section-missing", FIXABLE, "the toctree lists '{slug}' but {slug}.md does not exist.", "Create {folder}/{slug}.md or remove the entry."),
    Kind("stray-file", FIXABLE, "only section files (.md) and retired.toml belong in the protocol folder.", "Move the file elsewhere, or delete it."),
    Kind("section-unlisted", FIXABLE, "this section file is not listed in the protocol index.", "Add '{slug}' to the toctree in {index}."),
    Kind("section-title", FIXABLE, "the section has no title.", "Start the file with a level-one heading: '# Title'."),
    Kind("clause-unclosed", FIXABLE, "this clause's block is never closed, so it swallows the rest of the file.", "End the clause with a line of {fence} alone."),
    Kind("text-outside-clause", FIXABLE, "text outside a clause has no number and cannot be cited; only plain paragraphs, bulleted lists and sub-headings ('## Heading') may stand outside the clauses: an introduction before the first, unnumbered words between them.", "Put it inside a ```{{clause}} block (use ':modality: informative' for explanation), make it plain paragraphs, or delete it."),
    Kind("section-second-title", FIXABLE, "a second level-one heading: a section has one title.", "Make it a sub-heading ('## Heading'), or start a new section file for it."),
    Kind("section-front-matter", FIXABLE, "the section's front matter holds only 'section-number: N', the number printed on the section, and 'revoked N: words', a number printed as revoked with the words printed in its place; this line says: {said}", "Write '---', then 'section-number: 17' and lines such as 'revoked 17.3: Deleted' (the words in double quotes if they hold a colon, a # or brackets), then '---', at the top of the file; or delete it."),
    Kind("index-front-matter", FIXABLE, "the index's front matter holds only 'revoked section N: words', a section number printed as revoked with the words printed in its place; this line says: {said}", "Write '---', then lines such as 'revoked section 6: Revoked' (the words in double quotes if they hold a colon, a # or brackets), then '---', at the top of the index; or delete it."),
    Kind("revoked-number-twice", FIXABLE, "{number} is printed as revoked twice (first at line {first}).", "Keep one 'revoked {number}: ...' line."),
    Kind("revoked-number-given", FIXABLE, "{number} is printed as revoked, but {clause} is numbered {number} as printed (:source-number:); a revoked number is never given to another paragraph.", "Correct the clause's :source-number: to the number printed on it, or remove the line 'revoked {number}: ...' if the paragraph was never revoked."),
    Kind("intro-too-long", FIXABLE, "the introduction's paragraph has {size:,} characters; a paragraph may have {limit:,} at most.", "Split it into shorter paragraphs."),
    Kind("clause-too-long", FIXABLE, "the clause has {size:,} characters; a clause may have {limit:,} at most.", "Split it into several clauses, one paragraph each."),
    Kind("clause-option-too-long", FIXABLE, "the option line has {size:,} characters; an option line may have {limit:,} at most.", "Give the option a short value: keys separated by commas."),
    Kind("clause-syntax", FIXABLE, "the clause cannot be read: {error}", "Write the ID after {{clause}}, then ':option: value' lines, a blank line and the text."),
    Kind("clause-option", FIXABLE, "the clause cannot be read: {error}", "Use only the options {options}, each as ':option: value' before a blank line and the text."),
    Kind("clause-id-malformed", FIXABLE, "'{clause}' is not a clause ID.", "Use {prefix}- and four digits, e.g. {prefix}-0042 (five from {prefix}-10000)."),
    Kind("clause-modality", FIXABLE, "modality '{modality}' is not one of {modalities}.", "Add ':modality: X' with X one of {modalities}."),
    Kind("clause-modality-missing", FIXABLE, "the clause has no ':modality:'.", "Add ':modality: X' with X one of {modalities}."),
    Kind("unknown-role", FIXABLE, "'{role}' is not in the role register.", "Use a key from [roles] in conf/council.toml, or add it there."),
    Kind("unknown-statute", FIXABLE, "'{key}' is not in the statute register.", "Use a key from [statutes] in conf/council.toml, or add it there."),
    Kind("clause-empty", FIXABLE, "the clause has no text.", "Write the clause's words after its options and a blank line."),
    Kind("clause-directive", FIXABLE, "a clause cannot contain a {directive} block.", "Write the words as plain text; directives such as {{eval-rst}}, {{raw}} and {{include}} are not allowed in the protocol."),
    Kind("clause-markup", FIXABLE, "a clause or an introduction cannot hold {what}: it holds paragraphs, lists, emphasis, links and the roles {{para}}, {{defined}} and {{statute}}.", "Write it as plain words, or as a list; to show a term or a heading, use a defined term or a ## sub-heading between clauses."),
    Kind("clause-role", FIXABLE, "the role {{{role}}} is not allowed in a clause.", "Use only {{para}}, {{defined}} and {{statute}}."),
    Kind("clause-image", FIXABLE, "a clause cannot show an image: Sphinx would publish whatever file '{src}' names.", "Describe it in words, or link to a page of the site or a web address."),
    Kind("unsafe-link", FIXABLE, "the link '{href}' is not to a web page (https, http), an e-mail address (mailto) or another page of this site (a .md file).", "Link only to web pages, e-mail addresses or other pages of this site; a link to any other file would publish that file."),
    Kind("id-reused", FIXABLE, "{clause} belonged to a clause revoked on {revoked:%-d %B %Y}; an ID is never used again.", _NEXT_ID + "."),
    Kind("clause-duplicate-id", FIXABLE, "{clause} is already used at {first}.", _NEXT_ID + "; never reuse an ID."),
    Kind("cites-itself", FIXABLE, "{clause} refers to itself.", "Refer to another paragraph, or remove the reference."),
    Kind("cites-revoked", FIXABLE, "{{para}} cites {target}, which was revoked on {revoked:%-d %B %Y}.", "Cite the paragraph that now covers the point, or reword the text."),
    Kind("para-local-elsewhere", FIXABLE, "{{para}} cites {target} as a paragraph of this section, written \"(N)\", but {target} is in another section, so it would read as the wrong paragraph.", "Write {{para}}`{target}` (it reads \"paragraph\" and the full number), or the number with its section."),
    Kind("unknown-clause-ref", FIXABLE, "{{para}} cites {target}, which is not a clause of the protocol.", "Correct the ID, or remove the reference."),
    Kind("unknown-prefix-ref", FIXABLE, "{{para}} cites {target}, but no document of the constitution has the ID prefix {prefix} (the prefixes are {known}).", "Correct the ID; a document new to the constitution is listed in conf/council.toml as [[documents]] with its id_prefix."),
    Kind("unknown-document-ref", FIXABLE, "{{para}} cites {target}, which is not a clause of the {document} ({folder}/).", "Correct the ID (each clause's ID is in its document's folder), or remove the reference."),
    Kind("cites-revoked-elsewhere", FIXABLE, "{{para}} cites {target}, a clause of the {document} revoked on {revoked:%-d %B %Y}.", "Cite the paragraph that now covers the point, or reword the text."),
    Kind("unknown-term", FIXABLE, "{{defined}} uses '{term}', which no clause defines.", "Use a term listed in a clause's ':defines:' option, or write {{defined}}`shown words <term>`."),
    # --- the gate (check.py, confirm.py, confirm_across.py, baseline.py, retired.py)
    Kind("revoked-unrecorded", FIXABLE, "{clause} (paragraph {number} before this amendment) has been removed but is not in the register of retired IDs, so its ID could be given out again.", "Add to protocol/retired.toml: [{clause}] and, on the next line, revoked = the date Council revokes it (YYYY-MM-DD)."),
    Kind("revoked-number-unkept", FIXABLE, "{clause}, printed as paragraph {number}, is revoked before Council has adopted any version, so no adoption record keeps its number: a paragraph could be given {number}, which citations of the printed protocol mean.", "Keep the number in its place: add the line 'revoked {number}: \"Revoked by Council: minute, date\"' to the front matter of {file}, between '---' lines at its top (see 'A section file's front matter' in docs/editors.md)."),
    Kind("uncovered", FIXABLE, "{clause} (paragraph {number}) states a rule ({modality}) but no scenario shows it deciding a situation.", "Add a scenario to checks/scenarios/ whose expect.clauses lists {clause}, or, if the paragraph only explains, set ':modality: informative'. (A new paragraph cannot go on the list of paragraphs not yet covered, {baseline}.)"),
    Kind("uncovered-example-removed", FIXABLE, "{clause} (paragraph {number}) states a rule ({modality}) and was covered by {examples}, which no file of checks/scenarios/ holds now (checks/confirmed.json records it): the worked example was deleted.", "Restore the examples deleted (git log -p -- checks/scenarios/ shows the commit that took them out; a whole file: git checkout COMMIT~1 -- FILE), or write another example whose expect.clauses lists {clause}, or, if the paragraph only explains, set ':modality: informative'; a paragraph once covered cannot go back on {baseline}."),
    Kind("suspect", FIXABLE, "{scenario} {why}", "Read the scenario against the clause's current words, correct it if needed, then run: {command} confirm {scenario}"),
    Kind("suspect-reference", FIXABLE, "{citing} cites {target} ({cited}) and {why}.", "Read {citing} against the current words of {target}, amend it if it no longer holds, then run: {command} confirm {citing}"),
    Kind("confirm-waits", FIXABLE, "{item} was not confirmed: it cites {target}, a paragraph of the {document}, which cannot be read.", "Fix the problems of the {document} listed here ({command} check lists them too), then run: {command} confirm {item}"),
    Kind("confirm-document-unread", FIXABLE, "the {document} cannot be read, so none of its paragraphs citing another document was confirmed.", "Fix its problems listed here ({command} check lists them too), then run: {command} confirm --all"),
    Kind("confirm-examples-unread", FIXABLE, "no worked example was confirmed: they cannot be read until the problems listed here are fixed.", "Fix those problems ({command} check lists them too), then run: {command} confirm --all"),
    Kind("lock-syntax", UNUSABLE, "not valid JSON: {error}", "Restore it from git, then run {command} confirm."),
    Kind("lock-shape", UNUSABLE, "not a confirmation record.", "Restore it from git, then run {command} confirm."),
    Kind("baseline-syntax", UNUSABLE, *_TOML),
    Kind("baseline-shape", UNUSABLE, "the coverage baseline cannot be read: {what}.", 'Write it as: clauses = ["ID", "ID"], or run {command} baseline.'),
    Kind("baseline-duplicate", FIXABLE, "{clause} is listed twice.", "Delete one."),
    Kind("baseline-stale", FIXABLE, "{clause} {why}, so it no longer belongs on the list of paragraphs not yet covered.", "Take {clause} off {file}: the list only shrinks."),
    Kind("baseline-grown", FIXABLE, "{clause} was added to the list of paragraphs not yet covered; the list may only shrink.", "Take {clause} off {file} and add a worked example to checks/scenarios/ whose expect.clauses lists it."),
    Kind("retired-syntax", UNUSABLE, *_TOML),
    Kind("retired-entry", FIXABLE, "the entry [{clause}] is not a clause ID with a revocation date.", "Write [{clause}] then revoked = 2026-05-14 (no quotes)."),
    # --- settings and the rules model (council.py, project.py)
    Kind("not-a-project", UNUSABLE, "no conf/council.toml here or in any folder above it.", "Run this inside a council-constitution project, or give --project FOLDER."),
    Kind("council-missing", UNUSABLE, "{path} does not exist.", "Create conf/council.toml (copy the one shipped with the project)."),
    Kind("council-syntax", UNUSABLE, *_TOML),
    Kind("council-number-style", FIXABLE, "[council] number-style is {value!r}; it must be one of {styles}.", 'Write number-style = "section.paragraph" (paragraphs printed 3.1), "paragraph-in-section" (printed (1) afresh in each section, cited 3(1)), "continuous" (numbered on through the document: 12) or "lettered" (afresh after the letter of each part: B1).'),
    Kind("council-numbering", FIXABLE, "[council] numbering is {value!r}; it must be one of {schemes}.", 'Write numbering = "insert" (legislation\'s way: numbers never change) or numbering = "renumber" (numbers follow position, from adoption).'),
    Kind("council-bank-holidays", FIXABLE, "[council] bank_holidays is {value!r}; it must be one of {nations}.", 'Write bank_holidays = "england-and-wales", "scotland" or "northern-ireland": the nation whose bank holidays a working day skips.'),
    Kind("council-topics", FIXABLE, "[topics] must give each tag a plain title.", 'Write each as tag = "Its title", e.g. political-groups = "Political groups".'),
    Kind("council-audiences", FIXABLE, "[audiences] must be a table of tables.", 'Write [audiences.resident], then title = "...".'),
    Kind("council-audience-title", FIXABLE, "[audiences.{key}] needs a title (and about, if any, as text).", 'Add title = "..." under [audiences.{key}].'),
    Kind("council-audience-lists", FIXABLE, "[audiences.{key}] roles and tags must be lists of words.", 'Write roles = ["member"] and tags = ["enquiries"].'),
    Kind("council-audience-roles", FIXABLE, "[audiences.{key}] names roles not in [roles]: {unknown}.", "Use keys of the [roles] table, or add the roles there."),
    Kind("council-audience-empty", FIXABLE, "[audiences.{key}] names no roles and no tags.", "Add roles = [...] or tags = [...]."),
    Kind("draft-pages-folder", FIXABLE, "the draft's pages are now published under draft/, so that the plain addresses (protocol/...) show the version in force.", "Rename the link: git mv docs/protocol docs/{draft}"),
    Kind("council-setting", FIXABLE, "[{table}] needs a non-empty text value for '{key}'.", 'Add {key} = "..." under [{table}].'),
    Kind("council-id-prefix", FIXABLE, "id_prefix '{prefix}' must be 2-10 capital letters or digits.", 'Use a short prefix such as "MOP".'),
    Kind("id-prefix-changed", FIXABLE, "id_prefix is '{prefix}', but the paragraphs Council adopted ({record}) have {old}- IDs: a paragraph's ID never changes, so the prefix cannot change once a version is adopted.", 'Set id_prefix = "{old}" back here. The council\'s name, the title and how it is cited can change; the IDs, cited in minutes, links and worked examples, cannot.'),
    Kind("council-roles", FIXABLE, "[roles] is missing or empty.", 'Add a [roles] table: member = "Members (councillors)".'),
    Kind("council-statute-url", FIXABLE, "[{table}] url must be a legislation.gov.uk address (letters, digits and / . _ - only).", "Link the statute's page on https://www.legislation.gov.uk/."),
    Kind("council-base-url", FIXABLE, "[council] base_url must be an https address ending in '/' (letters, digits and . _ ~ % - only), not {url!r}.", 'Give the site\'s address, e.g. base_url = "https://constitution.example.gov.uk/".'),
    Kind("council-synonyms", FIXABLE, "[search.synonyms] {what}.", 'Write each as "a word readers use" = ["the protocol\'s word", ...] (letters, digits, hyphens, apostrophes; at most five words each).'),
    Kind("documents-shape", FIXABLE, "[[documents]] must be an array of tables, one a document.", 'Write each document as [[documents]] then key = "articles", title, part, id_prefix and cite lines.'),
    Kind("document-setting", FIXABLE, "this [[documents]] entry needs a non-empty text value for '{key}'.", 'Add {key} = "..." to the entry.'),
    Kind("document-field", FIXABLE, "this [[documents]] entry has settings the tool does not know: {unknown}.", "Use only {known}; check the spelling."),
    Kind("document-key", FIXABLE, "the document key '{value}' must be lower-case words joined by hyphens, and not one of the site's own folders ({reserved}).", 'Choose a key such as "articles" or "procedure-rules": it names the folder documents/KEY/ and the pages KEY/.'),
    Kind("document-duplicate", FIXABLE, "the {what} '{value}' is already given to the document listed at line {first}.", "Give each document its own {what}."),
    Kind("document-prefix-protocol", FIXABLE, "the id_prefix '{prefix}' is the protocol's own ([council] id_prefix).", "Give the document a prefix of its own, such as ART for the Articles."),
    Kind("document-cite", FIXABLE, "the citation form '{value}' (cite or cite-within) must hold {{number}} once, where the paragraph's number goes, and no other braces.", 'Write it as a reader cites a paragraph, e.g. cite = "Article {{number}}" or cite-within = "Rule {{number}}".'),
    Kind("document-numbering", FIXABLE, "numbering is {value!r}; it must be one of {schemes}.", 'Write numbering = "insert" or "renumber", or leave it out to number as the protocol does.'),
    Kind("document-number-style", FIXABLE, "number-style is {value!r}; it must be one of {styles}.", "Write one of those, or leave it out to print numbers as the protocol does."),
    Kind("document-folder-missing", FIXABLE, "the document '{key}' has no folder {folder}/ holding its index.md.", "Create {folder}/index.md listing its section files (as protocol/index.md does), or remove the entry."),
    Kind("council-place", FIXABLE, "[council] place is {value!r}; it must be a whole number from 1 to {last}, the protocol's position among the constitution's documents.", "Write place = 1 to put the protocol first, or leave it out to put it after every other document."),
    Kind("council-licence", FIXABLE, "[council] {what}.", 'Name the licence the open data is published under and give its address, e.g. licence = "Open Government Licence v3.0" and licence_url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"; or leave both out for that licence.'),
    Kind("rules-unknown-clause", FIXABLE, "the rule ({rule}) names {clause}, which is not a paragraph of the protocol.", "Give the ID of the paragraph whose words the rule applies (search protocol/ for its words), or remove the rule."),
    Kind("rules-cites-revoked", FIXABLE, "the rule ({rule}) names {clause}, which was revoked on {revoked:%-d %B %Y}.", "Name the paragraph that now gives the rule, or remove the rule and the worked examples resting on it."),
    Kind("rules-missing", UNUSABLE, "{path} is missing.", "Keep the rules model in checks/rules.yaml (docs/situations.md explains it)."),
    # The rules file's problems (rulefile.py): their words are made where each is found.
    *(
        Kind(code, FIXABLE, "{what}", "{how}")
        for code in (
            "rules-effect", "rules-fact", "rules-field", "rules-shape", "rules-unknown-act",
            "rules-unknown-condition", "rules-unknown-fact", "rules-value", "rules-yaml",
        )
    ),
    # --- worked examples (scenarios.py)
    Kind("scenario-file-too-large", FIXABLE, "the file has {size:,} bytes; a scenario file may have {limit:,} at most.", "Split the scenarios into several files."),
    Kind("scenario-yaml", UNUSABLE, "not valid YAML: {error}", "Check the indentation and punctuation on that line."),
    Kind("scenario-yaml-depth", UNUSABLE, "the YAML nests more than {limit} levels deep.", "Write each scenario as the others are: fields of 'name: value' lines, and lists in brackets one level deep."),
    Kind("scenario-yaml-anchor", UNUSABLE, "YAML anchors and aliases are not allowed in scenario files.", "Write each value out in full."),
    Kind("scenario-empty", FIXABLE, "the file holds no scenarios.", "Write a list of scenarios, each starting '- id: SC-...'."),
    Kind("scenario-not-list", FIXABLE, "the file must be a list of scenarios.", "Start each scenario with '- id: SC-...'."),
    Kind("scenario-shape", FIXABLE, "{what} must be a mapping of names to values.", "Write {what} as 'name: value' lines."),
    Kind("scenario-field", FIXABLE, "'{key}' is not a field of {what}.{hint}", "Use only: {keys}."),
    Kind("scenario-field-twice", FIXABLE, "'{key}' is given twice in {what}.", "Keep one of them."),
    Kind("scenario-field-missing", FIXABLE, "{what} has no '{key}'.", "Add '{key}:' to it."),
    Kind("scenario-id", FIXABLE, "'{scenario}' is not a scenario ID.", "Use SC-, capital letters, a hyphen and three digits: SC-ENQ-001."),
    Kind("scenario-duplicate-id", FIXABLE, "{scenario} is already used at {first}.", "Give this scenario a new ID."),
    Kind("scenario-fact", FIXABLE, "'{key}' is not a known fact.{hint}", "{reads}Use a fact from the vocabulary in checks/rules.yaml (FACTS), or add it there with the rule that reads it."),
    Kind("scenario-fact-list", FIXABLE, "fact '{key}' must be a single value.", "Give one value; split a list into separate facts."),
    Kind("scenario-fact-value", FIXABLE, "fact '{key}' {error}", "Correct the value. If it is one of a list and none fits, and the protocol's words make the difference, add the value to the fact under facts: in checks/rules.yaml, with the rule that reads it."),
    Kind("scenario-acts", FIXABLE, "'act' lists {acts}: a situation's acts must be different, and there must be at least one.", "Name each act once, the narrowest that fits: 'act: [post-on-social-media, behave-towards]'."),
    Kind("scenario-fact-act", FIXABLE, "the facts do not say what was done.", "Add 'act:' with a value from the vocabulary in checks/rules.yaml."),
    Kind("scenario-fact-ignored", FIXABLE, "no rule for '{act}' reads the fact '{key}', so it proves nothing.", "Remove it. {reads}If '{key}' should change the answer, add the rule that reads it to checks/rules.yaml."),
    Kind("scenario-people", FIXABLE, "'people' must list two or more people, each with the facts of their own act and what the protocol gives them.", "Write each person as '- facts: {{act: ..., actor: ...}}' with its own 'expect:'; a situation of one person's act is written with 'facts' and 'expect' alone."),
    Kind("scenario-person-actor", FIXABLE, "the person's facts do not say who acts.", "Add 'actor:' with a role from checks/rules.yaml: each person's answer is named by who they are."),
    Kind("scenario-person-label", FIXABLE, "two people are both '{label}' (line {at} and this one): messages and the site could not tell them apart.", "Give each of them a 'name:' of their own, as the situation tells them apart ('name: Councillor Ahmed', 'name: the ward member who invites'), or give one the role it has more exactly."),
    Kind("scenario-person-name", FIXABLE, "a person's name must be a line of words, not {value}.", "Write the name as the messages and the site should label the person: 'name: Councillor Ahmed'."),
    Kind("scenario-people-expect", FIXABLE, "a situation of several people has no 'expect' of its own: each person's answer is given with that person.", "Move the expectation under the person it is for, in 'people'."),
    Kind("scenario-shared-fact-person", FIXABLE, "'{key}' is said of each person in 'people', not of the whole situation.", "Move '{key}' into the facts of each person in 'people'."),
    Kind("scenario-fact-twice", FIXABLE, "'{key}' is stated for the whole situation (line {at}) and again for this person.", "State it once: in the situation's 'facts' if it holds for every person, else with each person it holds for."),
    Kind("scenario-shared-fact-ignored", FIXABLE, "no rule for any person's act ({acts}) reads the shared fact '{key}', so it proves nothing.", "Remove it. {reads}If '{key}' should change a person's answer, add the rule that reads it to checks/rules.yaml."),
    Kind("scenario-names-answer", FIXABLE, "the fact '{key}: {value}' names a clause or an answer.", "State only what happened (who, what, when); put the answer under 'expect'."),
    Kind("scenario-expect-permitted", FIXABLE, "'permitted' must be true or false, not '{value}'.", "Write true or false, or leave 'permitted' out when the protocol neither permits nor forbids."),
    Kind("scenario-expect-outcome", FIXABLE, "'permitted: {value}' cannot be the answer: no rule for '{act}' {verb} it.", "Leave 'permitted' out, or add the rule that {verb} it to checks/rules.yaml."),
    Kind("scenario-expect-duties", FIXABLE, "'duties' must be a list, even of one duty.", "Write 'duties: [{{who: ROLE, must: WHAT}}]'."),
    Kind("scenario-expect-date", FIXABLE, "'by' is not a real date in the form YYYY-MM-DD.", "Write the date as YYYY-MM-DD."),
    Kind("scenario-expect-duty", FIXABLE, "a duty needs 'who' and 'must'.", "Write '- who: ROLE' and 'must: WHAT'."),
    Kind("scenario-expect-clauses", FIXABLE, "'clauses' must be a list, even of one clause.", "Write it as a list, in brackets: 'clauses: [{value}]'."),
    Kind("scenario-expect-none", FIXABLE, "the expectation names no clauses.", "List the clauses that decide it: 'clauses: [MOP-0042]'; only a situation the protocol does not answer (no permission, duty or decider expected) is written 'clauses: []'."),
    Kind("scenario-expect-not-name", FIXABLE, "{name} is not a name.", "Give one name."),
    Kind("scenario-expect-name", FIXABLE, "no rule for '{act}' {wrong}.{hint}", "Use a name the rules for '{act}' give ({known}), or add the rule that gives it to checks/rules.yaml."),
    Kind("scenario-cites-revoked", FIXABLE, "{clause} was revoked on {revoked:%-d %B %Y}.", "Cite the clause that now decides the situation, or retire the scenario by deleting it."),
    Kind("scenario-unknown-clause", FIXABLE, "{clause} is not a clause of the protocol.", "Cite the ID of a clause in force (see 'About paragraph')."),
    Kind("scenario-cites-unread", FIXABLE, "{clause} is a paragraph of the {document}, which cannot be read, so this worked example cannot be checked.", "Fix the problems of the {document} listed here first; the worked example is checked then."),
    # --- adopted versions (versions.py)
    Kind("version-unreadable", UNUSABLE, "the record cannot be read: {error}.", _RESTORE + "."),
    Kind("version-field", FIXABLE, "'{field}' {what}.", _RESTORE + "."),
    Kind("version-tampered", FIXABLE, "the record's digest does not match its content: it was changed after adoption.", _RESTORE + "; adopted text is changed only by adopting a new version."),
    Kind("version-chain", FIXABLE, "the record does not follow the previous adopted version (a version is missing or out of order).", _RESTORE + "; a missing record is restored with the others."),
    Kind("version-removed", FIXABLE, "the record of a version adopted before this change (in {ref}) is missing; an adopted record is never removed.", "Restore it: git checkout {ref} -- {file}."),
    Kind("version-rewritten", FIXABLE, "the record differs from the one adopted before this change (in {ref}); an adopted record never changes, even with its digest recomputed.", "Restore it: git checkout {ref} -- {file}; adopted text is changed only by adopting a new version."),
    Kind("version-inserted", FIXABLE, "a new record dated before {newest}, the newest version adopted in {ref}; versions are only ever added after it.", "Record a new adoption with {command} adopt, or remove this file."),
    Kind("adopt-record", FIXABLE, "the draft cannot be recorded: its '{field}' {what}.", "Correct that in the draft (a section's file name, a clause's option), then adopt again."),
    # --- the command line: arguments that cannot be used (cli.py and the modules it runs)
    Kind("unknown-version", UNUSABLE, "no version was adopted on {name}.", "Use 'draft' or an adoption date: {known}."),
    Kind("unknown-ref", UNUSABLE, "cannot read the protocol at '{ref}': {detail}", "Name a branch, tag or commit that exists, e.g. origin/main."),
    Kind("unknown-scenario", UNUSABLE, "no scenario {ids}.", "Use IDs from checks/scenarios/{such}, or --all."),
    Kind("unknown-document", UNUSABLE, "the constitution has no document '{key}'.", "Give the key of one of its documents: {known} (the keys of [[documents]] in conf/council.toml, and protocol)."),
    Kind("unknown-paragraph", FIXABLE, "{where} has no paragraph or section {number}.", "Give the number as that version prints it (7.12, 7.12A; a section's, 7) or the paragraph's ID, or name the version the citation was made against (--version DATE, or --on DATE)."),
    Kind("report-versions", UNUSABLE, "a committee report compares two versions of one document, or (--whole) each document's draft with its last adopted version.", "Give the two versions ({command} report 2025-05-15 draft --out report/, with --document KEY for another document), or --whole alone."),
    Kind("confirm-not-citing", UNUSABLE, "{ids}: no scenario, and no paragraph citing another document, has that name.", "Name a scenario (checks/scenarios/) or a paragraph that {command} check reports as a suspect-reference, or give --all."),
    Kind("confirm-nothing", UNUSABLE, "no scenario was named.", "Name the scenarios to confirm, or give --all."),
    Kind("adopt-date", UNUSABLE, "{date} is not after the last adopted version ({last}).", "Give the date Council adopted it, after the last adopted version."),
    Kind("adopt-exists", UNUSABLE, "a version adopted on that day is already recorded.", "Give the date Council adopted it, after the last adopted version."),
    Kind("adopt-in-force", UNUSABLE, "it cannot come into force before it is adopted.", "Give an --in-force date on or after --date."),
    Kind("adopt-unchanged", UNUSABLE, "the draft of the {title} does not differ from its version adopted on {last}: the resolution changes nothing in it.", "Leave out --document {key}, or first make in its draft the change the resolution adopts."),
    Kind("adopt-unwritable", UNUSABLE, "the record cannot be written ({error}); no other record of this adoption was kept.", "Make its folder a folder you can write to, then adopt again."),
    Kind("adopt-resolution", UNUSABLE, "the resolution is empty, longer than 1,000 characters, or not one line.", 'Quote the minuted resolution, e.g. "Minute 42(b)".'),
    Kind("unsafe-output-link", UNUSABLE, "the output folder {file} is a symbolic link.", "Give the folder itself, not a link to it."),
    Kind("unsafe-output-project", UNUSABLE, "the output folder {file} is the project's folder or holds it.", "Give a new folder inside it."),
    Kind("unsafe-output-file", UNUSABLE, "the output folder {file} is a file, not a folder.", "Give the name of a folder."),
    Kind("unsafe-output-foreign", UNUSABLE, "the output folder {file} holds files this tool did not write, and would be replaced.", "Give an empty or new folder, or one an earlier run of this command wrote."),
    Kind("work-area-unsafe", UNUSABLE, "the build's work folder is a link, or belongs to another user, so the caches in it could have been put there to run code in the build.", "Remove it, or build with --out in a folder of your own."),
    Kind("init-not-empty", UNUSABLE, "{file} already holds files; nothing was written.", "Give a new or empty folder."),
    Kind("refresh-not-tool-file", UNUSABLE, "--replace {file}: not one of the files the tool writes; nothing was written.", "Name one of them, as refresh lists it: {files}."),
    # --- the site's pages, found as Sphinx builds them (sphinxext/)
    Kind("published-file", FIXABLE, "the page would publish the file '{target}'.", "Remove the image or link; pages link only to web addresses and other pages of the site."),
    Kind("results-unreadable", FIXABLE, "the file is not a record of the worked examples' last run, so every check would show as not run.", "Delete it, or run the worked examples again (python3 dev.py test), which writes it afresh."),
    Kind("council-role", FIXABLE, "{{council}} has no setting '{key}'.", "Use one of {keys}."),
    # --- importing a council's protocol (extract.py and the readers under it, importer.py and its import_*.py)
    Kind("import-missing", UNUSABLE, "{file} does not exist.", "Check the file name."),
    Kind("import-would-overwrite", UNUSABLE, "{file} already holds files; nothing was written.", "Choose an empty folder, or add --force to replace it."),
    Kind("import-empty", UNUSABLE, "the file is empty.", "Import the file that holds the protocol."),
    Kind("import-format", UNUSABLE, "'{suffix}' files cannot be imported.", "Save the protocol as .docx, .pdf (with text, not scanned), .html (a web page) or .txt."),
    Kind("import-other-format", UNUSABLE, "the file is {what} (whatever its name ends in), a format the importer does not read.", "Open it in Word (or LibreOffice Writer), choose File, Save As, with the type Word Document (.docx), and import the .docx."),
    Kind("import-binary", UNUSABLE, "the file is not text.", "Import the .docx or .pdf itself, or save the text as UTF-8."),
    Kind("import-encoding", UNUSABLE, "byte {offset} ({value}) cannot be {encoding} text, so the file's encoding is not known and its characters would be guessed.", "Save it again as UTF-8: in Notepad, File, Save As, Encoding UTF-8; from Word, File, Save As, Plain Text, then Unicode (UTF-8) under Other encoding."),
    Kind("import-wrong-encoding", UNUSABLE, "the file is not UTF-8, and read as Windows-1252 it holds '{found}', which is no word: it is in another encoding (Mac OS Roman, perhaps), whose characters would be guessed.", "Save it again as UTF-8: in TextEdit, Format, Make Plain Text, then Save with encoding Unicode (UTF-8); in Notepad, File, Save As, Encoding UTF-8."),
    Kind("import-symbol-character", FIXABLE, "{where} holds {character}, a sign of a symbol font (Symbol, Wingdings) that stands for nothing outside that font: '{context}'.", "In the original, replace the sign with words, or with the same sign from an ordinary font (in Word: Insert, Symbol, font Calibri or Arial), then save or export the file again."),
    Kind("import-unknown-character", FIXABLE, "{where} holds {character}, which stands for a character the tool that wrote the file could not name: '{context}'.", "Export the text again from the original document as UTF-8 (a PDF's, from the Word original), or type the character the original shows in its place."),
    Kind("import-mojibake", FIXABLE, "{where} holds '{found}', which is '{meant}' as UTF-8 read as Windows-1252 and saved again; the file's other such characters are probably garbled too.", "Export the text again from the original document as UTF-8, or replace '{found}' with '{meant}' throughout (and any other garbled characters) before importing."),
    Kind("import-encrypted", UNUSABLE, "the PDF is protected by a password.", "Save an unprotected copy and import that."),
    Kind("import-pdf-corrupt", UNUSABLE, "the PDF cannot be read: {error}.", "Check the file opens in a PDF reader; export it again if not."),
    Kind("import-docx-corrupt", UNUSABLE, "the Word file cannot be read: {error}.", "Check it opens in Word; save it again as .docx if not."),
    Kind("import-docx-chunks", FIXABLE, "the Word file holds {count} part(s) brought in from other files (w:altChunk or w:subDoc, the first at line {at}), whose words Word shows but the document itself does not hold, so they would be lost.", "Open the file in Word and save it again as .docx (Word then writes their words into the document), and import that."),
    Kind("import-docx-table-layout", FIXABLE, "the table at line {at} lays the protocol's paragraphs out, each number in its first column, but with {more} column(s) more beside their words (a note, a date), so which words are the paragraph's is not known, and importing its rows would run them together.", "In Word, move what the other columns hold (notes of amendment, dates) out of the table, or delete those columns, so that the table holds each paragraph's number and its words only, and import it again."),
    Kind("import-scanned-pages", UNUSABLE, "the PDF's {count} pages include pictures of print with no text to read ({pages}: scanned, or pasted in as an image); importing the other pages alone would leave those pages' words out.", "Run the PDF through OCR (text recognition, as ocrmypdf or Acrobat's 'Recognise Text' does) so that every page has text, and import that; or import the Word original."),
    Kind("import-number-without-words", FIXABLE, "at {where}, {number} is printed with no words of its own: the next line begins with the number {after} ('{text}'), so {number}'s words are not in the file (moved or deleted, the number left behind), and importing would give {number} the next paragraph's words.", "Write {number}'s words after it, or '[Deleted]' after it if it was revoked, or delete the number if the paragraphs after it were renumbered; then import again."),
    Kind("import-no-text", UNUSABLE, "the file holds no readable text.", "If it is a scanned PDF, run it through OCR first, or import the Word original."),
    Kind("import-many-documents", FIXABLE, "this file holds {count} documents one after another (section numbers start again at {again}), and importing them as one would merge them:\n      {listed}", "Import the one that is the protocol with --take N (N from the list above); the others are listed in the import's report as left out."),
    Kind("import-two-languages", FIXABLE, "every heading and paragraph is printed twice in turn under the same number, as in two languages ('{first}' ..., then at {where} '{second}' ...); imported as one, the two would be interleaved.", "Import one language: --take 1 for the one printed first ('{first}' ...), --take 2 for the other; its words are listed in the import's report as left out."),
    Kind("import-two-languages-after", FIXABLE, "each number is printed once, its words in one language after it and then, unnumbered, in another ('{first}' ..., then at {where} '{second}' ...); imported as one, each paragraph would hold both languages.", "Import one language: --take 1 for the one printed first ('{first}' ...), --take 2 for the other (each paragraph taking the number printed over the first); the other's words are listed in the import's report as left out."),
    Kind("import-language-unpaired", FIXABLE, "each number is printed once, its words in one language after it and then in another ('{first}' ..., then at {where} '{second}' ...), but {number} is followed by an odd count of paragraphs, so where one language's words end and the other's begin cannot be told.", "Print {number}'s words in both languages, as many paragraphs in each, as the others are (or import a file holding one language)."),
    Kind("import-two-columns", FIXABLE, "the protocol is printed in two languages side by side, in a table's two columns ('{first}' ..., beside it '{second}' ..., at {where}); imported as one, each paragraph would hold both languages, as a table's row.", "Import one language: --take 1 for the left-hand column ('{first}' ...), --take 2 for the right-hand one; the other's words are listed in the import's report as left out."),
    Kind("import-two-columns-pdf", FIXABLE, "the PDF sets the protocol in two languages side by side, in two columns ('{first}' ..., beside it '{second}' ..., at {where}); its text runs the two columns' lines together across the page, so neither language can be read whole from it.", "Import the Word file the PDF was made from (a table's two columns are told apart: --take 1 or 2), or a PDF or text of one language."),
    Kind("import-no-such-language", UNUSABLE, "--take {take}: this file prints its protocol in two languages in turn ('{first}' ..., then '{second}' ...), so there are two to take.", "Give --take 1 for the language printed first, or --take 2 for the other."),
    Kind("import-language-once", FIXABLE, "the protocol is printed in two languages in turn ('{first}' ..., then at {where} '{second}' ...), but {number} is printed once, so which language its words are in, and where the other's are, cannot be told.", "Print {number} in both languages, each under its number, as the others are (or import a file holding one language)."),
    Kind("import-quoted-reply", FIXABLE, "the protocol is quoted in an e-mail (its lines begin '>'), but this line among them is not quoted: '{text}'; a reply written within the protocol cannot be told from its words.", "Save the protocol itself (the attachment, or the quoted lines alone copied into a file of their own) and import that."),
    Kind("import-no-such-document", UNUSABLE, "--take {take} asks for document {take}, but this file holds {count}:\n      {listed}", "Give --take a number from 1 to {count}."),
    Kind("import-document-prefix", UNUSABLE, "--prefix cannot be given with --document: the document's clauses take its own prefix ({prefix}).", "Leave out --prefix, or change id_prefix in the document's entry in conf/council.toml."),
    Kind("import-revision-no-project", UNUSABLE, "--revision matches the file's paragraphs to this project's protocol, but there is no project here (no conf/council.toml).", "Run the import in the project's folder, with --out protocol/ --force."),
    Kind("import-ids-cited", UNUSABLE, "{folder} holds no draft that can be read to compare with, so its paragraphs' IDs are given afresh, but checks/ still cite {count} of them, which would come to mean whatever words now take each: {named}.", "Keep them: restore the folder as last committed (git checkout HEAD -- {folder}, which drops edits not committed: copy any you want first), then import into it with --force --revision, each paragraph keeping its ID; or remove those citations from checks/ first."),
    Kind("import-ids-reused", UNUSABLE, "imported afresh, {count} of the draft's paragraphs' IDs would be given to other words: {named}.", "Add --revision: each paragraph keeps its ID, matched by its words, and only a new one gets a new ID."),
    Kind("import-too-large", FIXABLE, "{what}; the importer reads {limit} at most.", "Check it is the protocol itself; import a large document a Part at a time."),
    Kind("import-tracked-changes", FIXABLE, "the text holds Word's mark-up of tracked changes or comments on {count} line(s) ({shown}); its deleted and inserted words are probably run together too, so nothing was imported.", "Import the Word file (.docx) itself: its tracked changes are read as accepted. Or, in Word, accept all changes (Review, Accept, Accept All Changes), delete the comments, and export the text or PDF again."),
    Kind("import-not-protocol", FIXABLE, "no numbered sections or paragraphs were found, so this does not look like a protocol.", "Check it is the right file; numbered paragraphs such as '3.2' or '(4)' are how the importer finds clauses."),
    Kind("import-clause-too-long", FIXABLE, "the paragraph {number} at {where} makes a clause of {size:,} characters; a clause may have {limit:,} at most.", "Split it into shorter paragraphs in the source, then import it again."),
]  # fmt: skip

CATALOGUE: dict[str, Kind] = {kind.code: kind for kind in _KINDS}


def page_table() -> str:
    """The catalogue as the Markdown table docs/bad-inputs.md shows."""
    rows = ["| Code | Exit | Message | How to fix |", "| --- | --- | --- | --- |"]
    for kind in sorted(_KINDS, key=lambda k: k.code):
        cells = [f"`{kind.code}`", str(kind.exit), _cell(kind.message), _cell(kind.fix)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def _cell(template: str) -> str:
    """A template as a table cell, its fields as ⟨name⟩ and its doubled braces single."""
    parts = []
    for text, name, _, _ in string.Formatter().parse(template):
        parts.append(text)
        if name:
            parts.append(f"⟨{name}⟩")
    return code_cell("".join(parts))


def code_cell(words: str) -> str:
    """Words as code in a Markdown table's cell, so that nothing in them is read as
    markup (a role, a link), whatever backticks they hold."""
    fence = "`" * (max(map(len, re.findall("`+", words)), default=0) + 1)
    pad = " " if "`" in words else ""
    return f"{fence}{pad}{words.replace('|', chr(92) + '|')}{pad}{fence}"


# MyST comments (the site shows no raw HTML, so not <!-- -->).
BEGIN = "% The table below is written by: python -m constitution.codes docs/bad-inputs.md"
END = "% The end of the written table."


def write_page(path: Path) -> bool:
    """Write the catalogue's table into the page between its markers; whether it changed."""
    text = path.read_text(encoding="utf-8")
    head, found, rest = text.partition(BEGIN)
    _, ended, tail = rest.partition(END)
    if not (found and ended):
        raise SystemExit(f"{path}: the markers of the generated table are missing ({BEGIN})")
    new = f"{head}{BEGIN}\n\n{page_table()}\n{END}{tail}"
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # python -m constitution.codes docs/bad-inputs.md
    for name in sys.argv[1:] or ["docs/bad-inputs.md"]:
        print(f"{name}: {'rewritten' if write_page(Path(name)) else 'up to date'}")
