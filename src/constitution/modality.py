"""A first guess at an imported paragraph's modality, from its verb phrases.

Length says nothing ("Members shall not act outside these roles." is a rule of seven
words); the verb phrase does. Each phrase found maps to a modality with a confidence:
"must" and "shall" are seldom anything but obligations, while "will" is as often the
future tense and "can" as often ability, so those are guessed with low confidence. A
paragraph whose phrases disagree ("must ... may") is guessed from the strongest of its
phrases of medium confidence or more, and of "will" telling what a person or body does
("should follow ... The Chief Executive will reply": must), the most certain among
equals, with its confidence lowered, for an editor to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LEVELS = ("low", "medium", "high")
# The strongest modality wins: a duty over a recommendation over a liberty; "must" and
# "must not" are duties alike, the more certain of them winning.
STRENGTH = ("must-not", "must", "should", "may")
FORCE = {"must-not": 0, "must": 0, "should": 1, "may": 2}

# Adverbs that sit inside a verb phrase: "must at no time", "should not normally".
_ADV = r"(?:\s+(?:\w+ly|also|only|ever|at all times|in any circumstances))*"
_NOT = rf"{_ADV}\s+(?:not|never|at no time|(?:in|under) no circumstances)\b"
_BE = r"(?:is|are|be|will be|shall be)"
# words set off by commas between a verb and its "to": "are expected, where possible, to"
_ASIDE = r"(?:\s*,[^,;:.]{1,60},)?"

# (pattern, modality, confidence), tried in order; the text a pattern matched is taken
# out before the next is tried, so "shall not" is not read again as "shall". A modality
# of "" takes its words out as no duty at all ("Members will find guidance in ...").
PHRASES: tuple[tuple[str, str, str], ...] = (
    # "Nothing in this protocol prevents (shall prevent) an officer from ...": a liberty
    (
        r"\bnothing\s+(?:in|within)\s+(?:[^.;:]|\.(?=\d)){1,100}?\b(?:shall\s+|will\s+)?"
        r"(?:prevents?|stops?|precludes?|prohibits?|restricts?)\b",
        "may",
        "medium",
    ),
    # the future of reading, not a duty: "Officers will find advice in ...", "Members
    # will note that ...", "will wish to"
    (
        r"\bwill\s+(?:find|see|note|notice|know|recall|appreciate|understand|be\s+aware|wish)\b",
        "",
        "",
    ),
    # what befalls someone, not what they do: "new members will face (meet with) a
    # great deal of paper"; and a note to read: "members are invited (asked) to note"
    (
        r"\bwill\s+(?:face|encounter|experience|meet\s+with)\b"
        r"|\b(?:is|are)\s+(?:invited|asked)\s+to\s+note\b",
        "",
        "",
    ),
    # a modal with an adverb of likelihood or frequency tells what happens, not what
    # anyone must or may do: "officers will inevitably (often, no doubt) ...", "a reply
    # may occasionally take longer"
    (
        r"\b(?:will|may|might|can|could)\s*,?\s+(?:inevitably|often|sometimes|occasionally|"
        r"frequently|rarely|seldom|probably|possibly|doubtless|undoubtedly|no\s+doubt|"
        r"in\s+all\s+likelihood)\b",
        "",
        "",
    ),
    # what a person or thing will or may be ("will be the first point of contact", "a
    # breach of it may also be a breach of the Code"): a role or a possibility, not an act
    (r"\b(?:will|may\s+(?:also\s+|well\s+|even\s+)?)\s*be\s+(?:an?|the)\b", "", ""),
    # a legal fiction: "shall be deemed (treated as) having declined" lays no duty
    (r"\b(?:(?:shall|will)\s+be|is|are)\s+(?:deemed|treated\s+as)\b", "", ""),
    # how to read the document, not a duty of anyone's: "This protocol should be read
    # with (alongside, together with) the Code of Conduct", "Members are asked to read
    # it together with the Code"
    (
        r"\b(?:(?:should|must|shall|is\s+to|are\s+to)\s+be\s+read|(?:is|are)\s+(?:asked|"
        r"invited|encouraged)\s+to\s+read\s+(?:\w+\s+){0,3}?)\s*(?:together\s+with|"
        r"in\s+conjunction\s+with|alongside|with)\b"
        # before a document's name ("the Code", "this protocol") or a pronoun standing for
        # one ("... the Standing Orders, and is to be read with them"), not "with care"
        r"(?=\s+(?:(?:the|this|these|that|its|our|each)\s+)?(?:(?-i:[A-Z])|"
        r"(?:codes?|protocols?|guidance|constitution|rules|procedures?|polic(?:y|ies)|it|them)\b))",
        "",
        "",
    ),
    # What may befall someone, or come of something ("may face a complaint", "could
    # lead to a sanction"): a consequence foretold, no one's liberty or duty.
    (
        r"\b(?:may|can|could|might)\s+(?:also\s+|well\s+|even\s+)?(?:face|suffer|"
        r"attract|result\s+in|lead\s+to|amount\s+to|give\s+rise\s+to|be\s+liable|"
        # what someone may discover, and what may happen of itself: no one acts
        r"find\s+that|arise|occur|happen)\b",
        "",
        "",
    ),
    # The frames a protocol's legal register uses to say, impersonally, what is needed,
    # advisable or improper: "it is essential (vital, necessary) that", "it is important
    # (desirable, advisable, good practice) for X to", "it is inappropriate (improper,
    # unacceptable, not acceptable) for X to", and "it is not necessary for X to".
    (
        r"\bit\s+is\s+not\s+(?:necessary|essential|obligatory|compulsory)\s+(?:that|for|to)\b",
        "may",
        "medium",
    ),
    (
        r"\bit\s+(?:is|would\s+be)\s+(?:not\s+appropriate|inappropriate|improper|unacceptable|"
        r"not\s+acceptable|wrong|not\s+permissible)\s+(?:that|for|to)\b",
        "must-not",
        "medium",
    ),
    (
        r"\bit\s+is\s+(?:\w+ly\s+)?(?:essential|vital|imperative|necessary|mandatory|"
        r"compulsory|obligatory)\s+(?:that|for|to)\b"
        # "it is a requirement (condition) of this protocol that"
        r"|\bit\s+is\s+a\s+(?:requirement|condition)\s+(?:of\s+[^,;:.]{1,40}?\s+)?that\b",
        "must",
        "medium",
    ),
    (
        r"\bit\s+(?:is|would\s+be)\s+(?:\w+ly\s+)?(?:important|desirable|advisable|appropriate|"
        r"recommended|preferable|helpful|sensible|good\s+practice)\s+(?:that|for|to|if)\b"
        # "it is important to note (remember) that": how to read what follows
        r"(?!\s+(?:note|remember|recall|recogni[sz]e|understand|appreciate|bear)\b)"
        # the same advice in other frames: "best practice is for", "it is expected
        # (hoped) that members will", "members may (might) find it helpful to"
        r"|\b(?:best|good)\s+practice\s+is\s+(?:for|to|that)\b"
        r"|\bit\s+is\s+(?:\w+ly\s+)?(?:expected|hoped|anticipated)\s+that\b"
        r"|\b(?:may|might)\s+find\s+it\s+(?:\w+\s+)?(?:helpful|useful|worthwhile|sensible|"
        r"advisable)\s+to\b",
        "should",
        "medium",
    ),
    # A right denied, as "is not entitled to": "has no right to", "does not have a right to"
    (
        r"\b(?:(?:has|have)\s+no|(?:does|do)\s+not\s+have\s+(?:the|a|any))\s+(?:\w+\s+)?"
        r"right\s+to\b",
        "must-not",
        "medium",
    ),
    # A liberty granted in words other than "may": "is allowed (authorised, free,
    # welcome) to", "has the right to", "it is open to X to", "does not have to (need
    # to)", but not "does not need to know", the common law's test of a member's right
    # to see papers, and "this protocol does not prevent", as "nothing in it prevents"
    # (a rule's leave; "members shall not prevent officers ..." forbids).
    (
        r"\b(?:(?:does|do|shall|will)\s+not\s+(?:have\s+to|need\s+to(?!\s+know\b))|"
        r"(?:does|do)\s+not\s+(?:prevent|stop|preclude)|there\s+is\s+no\s+need\s+(?:for|to))\b",
        "may",
        "medium",
    ),
    (
        rf"\b{_BE}\s+(?:permitted|allowed|authori[sz]ed|empowered|free|welcome|at\s+liberty)"
        r"\s+to\b|\b(?:has|have)\s+(?:the|a)\s+(?:\w+\s+)?right\s+to\b(?!\s+expect\b)"
        r"|\bit\s+is\s+(?:open|permissible)\s+(?:to|for)\b|\b(?:has|have)\s+the\s+option\s+(?:of|to)\b",
        "may",
        "high",
    ),
    # "No member may ...", "nobody shall ...": a prohibition without "not" (but not
    # "no doubt that officers may").
    # "No officer is to ...", "Nobody employed by the Council may ...", but not "no
    # member can be expected to", which limits an expectation, as "is not expected to"
    (
        r"\b(?:no(?:body|\s+one)?\s+(?:(?!that\b|which\b|who\b|if\b|where\b|when\b)"
        r"[\w'’-]+\s+){0,4}?)"
        r"(?:may|shall|must|can(?!\s+(?:\w+ly\s+)?be\s+expected\b)|is\s+to|are\s+to)\b",
        "must-not",
        "high",
    ),
    # "Neither a member nor an officer may ...", "neither party shall ...": no one may
    (
        r"\bneither\s+(?:[\w'’-]+\s+){1,8}?(?:nor\s+(?:[\w'’-]+\s+){1,6}?)?"
        r"(?:may|shall|must|can)\b",
        "must-not",
        "high",
    ),
    # the "not" may stand after an aside: "must, whatever the deadline, not guess"
    (rf"\b(?:must|shall)(?:{_NOT}|\s*,[^,;:.]{{1,150}},\s*(?:not|never)\b)", "must-not", "high"),
    # an inverted negative adverbial is emphatic, a prohibition even with "should": "on
    # no account (at no point, under no circumstances) should an officer ..."
    (
        r"\b(?:on\s+no\s+account|at\s+no\s+(?:time|point|stage)|(?:in|under)\s+no\s+"
        r"circumstances)\s+(?:should|ought|will|would)\b",
        "must-not",
        "high",
    ),
    # a duty to keep from doing a thing is a prohibition: "shall refrain from", "must (need
    # to) avoid"
    (
        rf"\b(?:must|shall){_ADV}\s+(?:refrain|abstain|desist)\s+from\b"
        rf"|\b(?:must|shall|needs?\s+to){_ADV}\s+avoid\b",
        "must-not",
        "high",
    ),
    (
        rf"\b{_BE}\s+(?:not|never)\s+(?:permitted|allowed|authori[sz]ed)\s+to\b",
        "must-not",
        "high",
    ),
    (rf"\b{_BE}\s+(?:prohibited|forbidden|barred)\s+(?:from|to)\b", "must-not", "high"),
    (rf"\bmay{_NOT}", "must-not", "medium"),  # also "it may not be possible"
    (rf"\b{_BE}\s+not\s+entitled\s+to\b", "must-not", "medium"),
    # "are never to be asked", "is not to approach": a prohibition (but not "that is
    # not to say")
    (rf"\b(?:is|are){_NOT}\s+to\b(?!\s+(?:say|suggest|imply)\b)", "must-not", "medium"),
    (rf"\b(?:will{_NOT}|cannot|can{_NOT})", "must-not", "low"),  # "will": future tense?
    # A recommendation against: still a "should", the words carry the "not".
    (rf"\b(?:should|ought){_NOT}", "should", "medium"),
    (rf"\b{_BE}{_NOT}\s+expected\s+to\b", "should", "medium"),  # "are not expected to comment"
    (rf"\b{_BE}\s+not\s+required\s+to\b|\bneed\s+not\b", "may", "medium"),
    (r"\b(?:must|shall)\b", "must", "high"),
    (rf"\b{_BE}\s+(?:required|obliged|bound){_ASIDE}\s+to\b", "must", "high"),
    # to be aware of a thing is advice on how to act: "need to be mindful (aware) of"
    (
        r"\bneeds?\s+to\s+be\s+(?:\w+ly\s+)?(?:aware|alert|mindful|conscious|careful)\b",
        "should",
        "medium",
    ),
    # answerable for an outcome: "is responsible for ensuring (making sure, seeing that)";
    # "is responsible for advising the Council" describes a role
    (
        rf"\b{_BE}\s+(?:\w+ly\s+)?responsible\s+for\s+(?:ensuring|making\s+sure|seeing\s+that)\b",
        "must",
        "medium",
    ),
    # after a modal ("should have to", "will have to") the modal before it decides
    (
        r"(?<!\bshould\s)(?<!\bwould\s)(?<!\bwill\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bcould\s)"
        r"\b(?:has|have)\s+to\b",
        "must",
        "medium",
    ),
    # as often the thing needed ("the papers they need to do their work") as a duty
    # (the noun, "the need to eliminate discrimination", is none)
    (r"(?<!\bthe\s)\bneeds?\s+to\b(?!\s+know\b)", "must", "low"),
    # a duty named: "has a duty to", "is under a duty to", "it is the responsibility of"
    (
        r"\b(?:has|have|is\s+under|are\s+under)\s+(?:an?|the)\s+(?:duty|obligation)\s+to\b"
        r"|\bit\s+is\s+the\s+(?:duty|responsibility|obligation)\s+of\b",
        "must",
        "medium",
    ),
    # "is to decline", "are to be told": a duty (but not "the purpose is to", "how they
    # are to", which the clause's words before say; see not_a_duty), a verb after it,
    # not what a thing is to ("a reference is to a paragraph of this protocol")
    (
        r"\b(?:is|are)\s+to\s+(?!say\b|suggest\b|imply\b|(?:an?|the|this|that|these|those|"
        r"its|their|his|her|our|any|each|every|all|some|no|one|\d+)\b)(?=[a-z])",
        "must",
        "medium",
    ),
    # "the officer will:" over a list of what they do: a lead-in of duties, no narrative
    (r"\bwill(?=\s*:)", "must", "high"),
    (r"\bwill\b", "must", "low"),  # as often the future tense
    (r"\b(?:should|ought\s+to)\b", "should", "high"),
    (rf"\b{_BE}\s+expected{_ASIDE}\s+to\b", "should", "medium"),
    # "is asked to raise it first with", "are encouraged (urged, reminded) to", "would
    # be well advised to": advice
    (
        r"\b(?:is|are)\s+(?:(?:also|strongly)\s+)?(?:asked|requested|encouraged|advised|urged|"
        rf"reminded|invited){_ASIDE}\s+to\b"
        # a person recommended to act, not a draft "recommended to Council (the Cabinet)"
        r"|\b(?:is|are)\s+recommended\s+to\s+(?!(?:the|an?|this|that|its|their)\b)(?-i:[a-z])"
        r"|\bwould\s+(?:be\s+(?:well\s+)?(?:advised|wise)|do\s+well)\s+to\b",
        "should",
        "medium",
    ),
    (rf"\b{_BE}\s+entitled\s+to\b", "may", "high"),
    # what one may expect of another ("the standards each may expect"): a standard
    # described, no one's liberty
    (
        r"\b(?:may|can|(?:has|have)\s+(?:the|a|every)\s+right\s+to)\s+(?:reasonably\s+|"
        r"rightly\s+)?expect\b",
        "",
        "",
    ),
    (r"\bmay\b", "may", "medium"),  # also "there may be a risk"
    (r"\bcan\b", "may", "low"),  # as often ability
)
_COMPILED = tuple((re.compile(p, re.I), m, c) for p, m, c in PHRASES)
# The month, which no pattern above may read as the verb: "14 May 2025", "the 3rd of
# May", "May 2026", "in May" (capitalised, as a month is written).
MONTH = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?May\b|\bMay\s+\d{4}\b"
    r"|\b(?:in|during|until|since|throughout|each|every|early|late)\s+May\b"
)

# A modal verb in quotation marks is a word mentioned, not used: "where this protocol
# says 'must'".
MENTIONED = re.compile(
    r"['\u2018\"\u201c](?:must|shall|should|may|will|can|ought\s+to)(?:\s+not)?['\u2019\"\u201d]",
    re.I,
)


@dataclass(frozen=True)
class Guess:
    modality: str
    confidence: str  # low, medium or high
    phrases: tuple[str, ...]  # the verb phrases it was guessed from, as written

    def as_dict(self) -> dict[str, object]:
        return {
            "modality": self.modality,
            "confidence": self.confidence,
            "phrases": list(self.phrases),
        }


# The words of its clause before a verb phrase that make it no duty of the paragraph's:
# a question the sentence asks rather than answers ("deciding whether it should be
# investigated", "sets out how they are to work"); a condition or a person described
# ("where a reply cannot be given", "an officer who cannot attend", "who is asked to");
# the thing a sentence says something is ("The purpose of this protocol is to").
EMBEDDED = re.compile(r"\b(?:whether|how)\b(?P<between>[^,;:.()]*)$", re.I)
# What a sentence says can be expected, or a purpose it states ("so that they can work
# together"), lays no duty and grants no one anything.
# So a stated aim ("The aim (intention) is that no member should feel ..."), and what
# is expected ("it is hoped that", "members can expect that officers will ..."), the
# frame itself the advice, if any.
PURPOSE = re.compile(
    r"\b(?:what|so\s+that|in\s+order\s+that|(?:aim|purpose|intention|object(?:ive)?)\s+is\s+"
    r"that|(?:expect(?:s|ed)?|hoped?|anticipated?)\s+that)\b(?P<between>[^,;:.()]*)$",
    re.I,
)
# a finite verb between "whether" and the phrase: the question has closed ("whether a
# request is proper should ask": the "should" is the sentence's); so a purpose ("so that
# officers can plan their work members must ...")
CLOSED = re.compile(
    r"\b(?:is|are|was|were|has|have|had|does|do|did|can|could|may|might|will|would|"
    r"shall|should|must|ought)\b",
    re.I,
)
# What someone believes ("residents often assume that members can overturn it") reports a
# belief, not a rule of the protocol's, until a verb of its own closes the clause
# ("members who feel that they were treated unfairly should tell").
BELIEF = re.compile(
    r"\b(?:assum|believ|think|thought|suppos|imagin|feel|felt)\w*\s+that\b(?P<between>[^,;:.()]*)$",
    re.I,
)
# The document's author believing is its own advice: "The Council believes that
# members should ..." says what the Council asks of them.
AUTHOR = re.compile(
    r"\b(?:the\s+(?:council|authority)|this\s+(?:protocol|code|council)|we)\s+(?:\w+ly\s+)?$", re.I
)
CONDITION = re.compile(r"\b(?:where|if|when|unless)\s*(?:,[^,;:.()]*,\s*)?$", re.I)
DESCRIBED = re.compile(r"(?:\b(?:where|if|when|unless)\b[^,;:.()]*|\b(?:who|which|that)\s+)$", re.I)
SUBJECT = re.compile(
    r"\b(?:purpose|aim|object|objective|intention|role|function|task|effect|point|idea|"
    r"way|approach)s?\b[^,;:.()]*$",
    re.I,
)
DUTY = ("must", "must-not", "should")
# Who a "can" gives leave to: a person, or a body of them. "Familiarity between a member
# and an officer can damage trust": what a thing can do is a possibility, no permission.
PERSON = re.compile(
    r"\b(?:members?|councill?ors?|officers?|employees?|staff|chair\w*|leaders?|mayor|"
    r"clerk|executives?|directors?|managers?|heads?|persons?|people|anyone|everyone|"
    r"someone|you|they|he|she|we|public|residents?|groups?|committees?|council|cabinet|"
    r"panels?|bod(?:y|ies)|parties|party|spokes\w+|portfolio\s+holders?)\b"
    # a possessive is no subject: "the Council's review", "officers' advice"
    r"(?!['’])",
    re.I,
)
# where a sentence's subject ends: a preposition or a relative after its head noun
SUBJECT_END = re.compile(r"\b(?:between|of|with|in|for|on|to|from|by|about|who|which|that)\b", re.I)


# the words opening a clause that a "will" (or a "need to") in it serves: a condition,
# a time, a person or thing described, what is said ("note that officers will advise")
SUBORDINATE = re.compile(r"\b(?:if|where|when|unless|who|which|that|once|until)\b", re.I)


def not_a_duty(before: str, phrase: str, modality: str) -> bool:
    """Whether a verb phrase, after ``before`` (its sentence's words before it), lays no
    duty on anyone: a duty asked about, the inability in a condition, a request made of
    the person described, what a thing "can" or "may" do, what a purpose "is to" do."""
    lowered = phrase.lower()
    embedded = EMBEDDED.search(before)
    # "decides whether it should go to a hearing" asks of a duty; "explains how officers
    # may claim" tells the way, granting nothing ("decide whether it may take place" is
    # the liberty decided)
    if (
        embedded
        and (modality in DUTY or embedded[0].lower().startswith("how"))
        and not CLOSED.search(embedded["between"])
    ):
        return True
    for opened in (PURPOSE.search(before), BELIEF.search(before)):
        if opened and not CLOSED.search(opened["between"]):
            return opened.re is PURPOSE or not AUTHOR.search(before[: opened.start()])
    # "Where (, exceptionally,) it is necessary to copy it": the frame is the condition's
    # own verb, what the sentence's main clause then says decides
    if lowered.startswith("it ") and CONDITION.search(before):
        return True
    # "need to" is a duty only as its sentence's own verb: not "the information they
    # need to do their work" after another verb, nor in a condition or a relative clause
    if re.fullmatch(r"needs? to", lowered) and (
        CLOSED.search(before) or SUBORDINATE.search(before)
    ):
        return True
    # "when a visit is to take place" is the arrangement a condition names, no duty
    if DESCRIBED.search(before) and (
        lowered.startswith(("cannot", "can not"))
        or re.match(r"(?:is|are) (?:asked|requested)", lowered)
        or re.fullmatch(r"(?:is|are) to", lowered)
    ):
        return True
    # what a thing "can" do, or is "free to" someone, is no one's leave
    if re.fullmatch(r"can|(?:is|are|be) (?:free|welcome) to", lowered) and not PERSON.search(
        SUBJECT_END.split(before)[0]
    ):
        return True
    return bool(re.fullmatch(r"(?:is|are) to", lowered) and SUBJECT.search(before))


def acts(before: str, phrase: str, after: str) -> bool:
    """Whether a "will" (of low confidence: as often the future) tells what a person or
    body named as its clause's subject does: "the Chief Executive will reply", "and the
    Director will then decide", not "if a reply will take longer"; nor a decision it
    leaves open ("will decide whether the attendance may take place"), whose point is
    the liberty decided."""
    if not phrase.lower().startswith("will") or re.match(r"\s+\w+\s+whether\b", after):
        return False
    clause = re.split(r",|\b(?:and|but|or|then)\b", before)[-1]
    if SUBORDINATE.search(clause):  # "Where a councillor will be absent", "who will"
        return False
    return bool(PERSON.search(SUBJECT_END.split(clause)[0]))


# An event foretold: "the review will take place in 2027", "there will be a range of
# documents", "the scheme will come into force in April"; no one is told to act.
EVENT = re.compile(
    r"\s+(?:take\s+place|come\s+into\s+(?:force|effect|operation)|take\s+effect|expire|"
    r"lapse)\b"
)


def forecast(before: str, phrase: str, after: str) -> bool:
    """Whether a plain "will" that tells no person's act foretells an event."""
    return phrase.lower() == "will" and bool(
        EVENT.match(after) or re.search(r"\bthere\s+$", before, re.I)
    )


def found_phrases(text: str) -> list[tuple[str, str, str]]:
    """(phrase as written, modality, confidence) for each verb phrase, in text order."""
    return [(phrase, modality, confidence) for phrase, modality, confidence, _ in weighed(text)]


def weighed(text: str) -> list[tuple[str, str, str, bool]]:
    """Each verb phrase found, and whether it weighs in the guess: of medium confidence
    or more, or a "will" telling what a person does."""
    text = MONTH.sub(lambda m: " " * len(m[0]), re.sub(r"\s+", " ", text))
    text = MENTIONED.sub(lambda m: " " * len(m[0]), text)
    found: list[tuple[int, str, str, str, bool]] = []
    taken = [False] * len(text)
    for pattern, modality, confidence in _COMPILED:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            sentence = re.split(r"[.;:!?]\s", text[: m.start()])[-1]
            if modality and not not_a_duty(sentence, m.group(0).strip(), modality):
                weighs = confidence != "low" or acts(sentence, m[0], text[m.end() :])
                if not weighs and forecast(sentence, m[0], text[m.end() :]):
                    continue
                found.append((m.start(), m[0].strip(), modality, confidence, weighs))
    return [found[1:] for found in sorted(found)]


def guess_modality(text: str) -> Guess:
    """The modality the paragraph's verb phrases point to, with how sure the guess is."""
    found = weighed(text)
    if not found:
        # No modal verb: an explanation, or a rule in the present tense ("Officers
        # reply within ten days"), which an editor should still glance at.
        return Guess("informative", "medium", ())
    best = max(LEVELS.index(c) for _, _, c, _ in found)
    chosen, _ = min(
        ((m, c) for _, m, c, weighs in found if weighs or best == 0),
        key=lambda mc: (FORCE[mc[0]], -LEVELS.index(mc[1]), STRENGTH.index(mc[0])),
    )
    if len({m for _, m, _, _ in found}) > 1:
        best = max(0, best - 1)  # verbs of different force: one guess cannot say it all
    # each phrase once, for the review list to stay short
    return Guess(chosen, LEVELS[best], tuple(dict.fromkeys(p.lower() for p, _, _, _ in found)))


def guess_lead_in(own: str, items: str) -> Guess:
    """A paragraph's modality from its own words ("The Council shall give Members
    support, including:"), above its list items': an item's verb ("advice that may be
    needed") qualifies the thing listed, so it decides only where the paragraph's own
    words have none, and then with confidence lowered for review."""
    guess = guess_modality(own)
    if guess.phrases or not items:
        return guess
    listed = guess_modality(items)
    if not listed.phrases:
        return guess
    return Guess(
        listed.modality, LEVELS[max(0, LEVELS.index(listed.confidence) - 1)], listed.phrases
    )
