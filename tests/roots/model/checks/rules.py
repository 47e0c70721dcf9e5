"""The rules model of Kestrelford's Member/Officer Protocol.

Each rule reads the facts of a situation and, when its condition holds, contributes
one effect and cites one clause. Editors read this beside the protocol: the comment on
each group names the section it models. A rule that no scenario notices is reported by
`nox -s mutants`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from constitution.scenarios import (
    BOOL,
    DATE,
    INT,
    Facts,
    RuleBook,
    add_working_days,
    allow,
    decides,
    duty,
    forbid,
    is_working_day,
    one_of,
)

MEMBERS = (
    "member",
    "co-opted-member",
    "mayor",
    "leader",
    "cabinet-member",
    "committee-chair",
    "scrutiny-member",
    "group-leader",
    "ward-member",
)
OFFICERS = (
    "officer",
    "junior-officer",
    "senior-officer",
    "chief-officer",
    "head-of-paid-service",
    "monitoring-officer",
    "chief-finance-officer",
    "political-assistant",
    "communications",
    "agency-worker",
)
PEOPLE = (*MEMBERS, *OFFICERS, "partner-officer")

ACTS = (
    "ask-whether-bound",
    "ask-meaning",
    "behave-towards",
    "deal-with-council-privately",
    "offer-or-accept-gift",
    "serve-on-outside-body",
    "respond-to-training",
    "take-part-in-decision",
    "instruct-officer",
    "political-activity",
    "give-advice",
    "respond-to-statutory-officer",
    "criticise-officer",
    "contact-outside-hours",
    "raise-matter-with-officer",
    "form-relationship",
    "press-officer",
    "press-member",
    "seek-support-in-employment-matter",
    "contact-about-regulatory-case",
    "influence-staffing",
    "hear-staff-appeal",
    "ask-to-change-report",
    "prepare-decision-report",
    "publish-officer-advice",
    "take-delegated-decision",
    "request-portfolio-briefing",
    "take-executive-decision",
    "pre-meeting-briefing",
    "dispute-agenda-item",
    "call-officer-to-scrutiny",
    "give-evidence-to-scrutiny",
    "support-scrutiny-review",
    "brief-political-group",
    "ask-about-other-group",
    "ask-for-group-material",
    "assign-political-assistant",
    "attend-party-meeting",
    "proposed-decision-in-ward",
    "organise-public-meeting",
    "invite-officer-to-surgery",
    "brief-mp",
    "take-up-issue-in-other-ward",
    "issue-publicity",
    "speak-to-media",
    "send-correspondence",
    "member-enquiry",
    "request-information",
    "use-information",
    "challenge-confidential-marking",
    "use-council-resources",
    "notice-misuse",
    "visit-council-site",
    "hold-meeting",
    "organise-civic-event",
    "learn-of-minister-visit",
    "legal-proceedings",
    "dispute-between-members",
    "post-on-social-media",
    "raise-concern",
    "treat-person-who-raised-concern",
    "raise-wrongdoing",
    "review-protocol",
    "publish-protocol",
    "suggest-change",
)

# The facts a scenario may state. Each is a plain fact about the situation.
FACTS = {
    "act": one_of(*ACTS),
    "actor": one_of(*PEOPLE),
    "towards": one_of(*PEOPLE),
    "date": DATE,
    "election-notice-published": DATE,
    "poll": DATE,
    "behaviour": one_of(
        "courteous",
        "curt",
        "shouting",
        "repeated-belittling",
        "threatening",
        "less-favourable-for-protected-characteristic",
        "personal-abuse",
        "robust-political-debate",
    ),
    "better-treatment-than-public-sought": BOOL,
    "value": one_of("token", "substantial"),
    "body-interest-conflicts-with-council": BOOL,
    "declined-all-training": BOOL,
    "campaigned-on-same-matter": BOOL,
    "holds-power-under-constitution": BOOL,
    "recipient-seniority": one_of("junior", "senior", "chief"),
    "chief-officer-agreed": BOOL,
    "politically-restricted-post": BOOL,
    "activity": one_of("canvassing-for-party", "private-party-membership"),
    "advice-unwelcome": BOOL,
    "advice-changed-to-please": BOOL,
    "in-meeting": BOOL,
    "private-word-during-meeting": BOOL,
    "significant-matter": BOOL,
    "withholds-information": BOOL,
    "setting": one_of(
        "public-meeting", "local-newspaper", "social-media", "private-to-chief-officer"
    ),
    "officer-identifiable": BOOL,
    "emergency": BOOL,
    "expects-reply-before-next-working-day": BOOL,
    "subject": one_of("policy", "complaint", "casework"),
    "relationship": one_of("friendship", "romantic", "family", "business", "none"),
    "declared": BOOL,
    "after-considered-answer": BOOL,
    "career-mentioned": BOOL,
    "party-loyalty-invoked": BOOL,
    "matter-delegated-to-officer": BOOL,
    "asked-to-act-against-advice": BOOL,
    "personal-reasons-urged": BOOL,
    "channel": one_of("written-representation", "phone-call", "private-meeting"),
    "on-appointing-panel": BOOL,
    "post-level": one_of("chief-officer", "below-chief-officer"),
    "candidate-relationship": one_of("friendship", "romantic", "family", "business", "none"),
    "candidate-has-applied": BOOL,
    "step": one_of("sit-on-panel", "recommend-candidate", "written-reference", "contact-panel"),
    "discussed-outside-hearing": BOOL,
    "change-sought": one_of(
        "correct-fact", "add-matter", "change-recommendation", "change-advice", "add-option"
    ),
    "report-for": one_of("cabinet", "committee", "council"),
    "agreement-reached": BOOL,
    "implications-set-out": BOOL,
    "accurate": BOOL,
    "tells-officer-what-to-decide": BOOL,
    "scheme-requires-consultation": BOOL,
    "controversial": BOOL,
    "referred-to-committee": BOOL,
    "recording-required": BOOL,
    "own-portfolio": BOOL,
    "written-advice-considered": BOOL,
    "agenda-changed-outside-rules": BOOL,
    "request-route": one_of("through-chief-officer", "direct-to-officer"),
    "officer-seniority": one_of("junior", "senior", "chief"),
    "notice-working-days": INT,
    "urgent": BOOL,
    "questions-about": one_of("implementation", "political-merits", "personal-conduct"),
    "asked-political-view": BOOL,
    "accompanied": BOOL,
    "invited-by-group-leader": BOOL,
    "chief-executive-agreed": BOOL,
    "non-members-present": BOOL,
    "told-beforehand-of-non-members": BOOL,
    "party-business-discussed": BOOL,
    "information-exempt": BOOL,
    "significant-preparation": BOOL,
    "assigned-to": one_of("own-group", "council-service", "other-group"),
    "official-capacity": BOOL,
    "ward-members": INT,
    "ward-members-told-beforehand": BOOL,
    "candidate-appears-as-councillor": BOOL,
    "organiser": one_of("ward-member", "political-party"),
    "manager-agreed": BOOL,
    "constituent-asked-not-to-tell": BOOL,
    "party-support-affected": BOOL,
    "features-candidate": BOOL,
    "political-controversy": BOOL,
    "public-safety-emergency": BOOL,
    "spokesperson": one_of("member", "officer"),
    "issued-by": one_of("communications", "service-officer"),
    "time-allows": BOOL,
    "says-not-speaking-for-council": BOOL,
    "council-staff-used": BOOL,
    "authorised": BOOL,
    "political-comment": BOOL,
    "blind-copy": BOOL,
    "creates-obligation": BOOL,
    "in-name-of": one_of("member", "officer"),
    "drafted-by-officer": BOOL,
    "marked-confidential": BOOL,
    "shared-with": one_of("constituent-who-asked", "press", "nobody"),
    "personal-data-reused": BOOL,
    "party-political": BOOL,
    "received": DATE,
    "marked-urgent": BOOL,
    "reason-given": BOOL,
    "agreed-reply-date": DATE,
    "full-reply-ready-by-due-date": BOOL,
    "acknowledged": BOOL,
    "route": one_of("enquiry-system", "chief-officer", "direct-to-junior-officer"),
    "no-reply-referred-on": DATE,
    "asker-group": one_of("administration", "opposition", "independent"),
    "member-needs-it-for-duties": BOOL,
    "volume-disproportionate": BOOL,
    "purpose": one_of(
        "ward-casework",
        "committee-decision",
        "curiosity",
        "private-interest",
        "party-campaign",
        "council-business",
        "private-business",
    ),
    "interest-in-matter": BOOL,
    "other-groups-papers": BOOL,
    "officer-doubts-need": BOOL,
    "referred-on": DATE,
    "matter-under-scrutiny-review": BOOL,
    "same-purpose-as-given": BOOL,
    "disclosed": BOOL,
    "left-office": BOOL,
    "personal-data-kept-secure": BOOL,
    "legal-advice": BOOL,
    "privilege-waived": BOOL,
    "treated-as-public-before-decision": BOOL,
    "resource": one_of("it", "meeting-room", "stationery", "officer-time"),
    "personal-email-used": BOOL,
    "same-terms-as-other-groups": BOOL,
    "area": one_of("public-office", "members-room", "restricted-site"),
    "arranged-with-chief-officer": BOOL,
    "safety-rules-followed": BOOL,
    "venue": one_of("council-office", "member-home", "member-business"),
    "good-reason-agreed": BOOL,
    "in-ward": BOOL,
    "concerns-portfolio": BOOL,
    "capacity": one_of("official", "party"),
    "council-premises-used": BOOL,
    "member-role-in-proceedings": one_of("party", "witness", "considering-claim"),
    "documents-sought-outside-court": BOOL,
    "discussed-with-case-officers": BOOL,
    "meeting-discusses-proceedings": BOOL,
    "asks-officer-to-take-sides": BOOL,
    "capacity-stated": BOOL,
    "officer-identified-with-complaint": BOOL,
    "expresses-party-support": BOOL,
    "identifiable-as-officer": BOOL,
    "about": one_of("officer", "chief-officer", "head-of-paid-service", "member"),
    "resolved-informally": BOOL,
    "detriment": BOOL,
    "months-since-last-review": INT,
    "earlier-versions-published": BOOL,
}

# The rules read as a table, one rule a line or two: keep the formatter away.
# fmt: off
rules = RuleBook(FACTS)
on = rules.on

# ---- predicates ------------------------------------------------------------------------


def is_(key: str, *values: object) -> Callable[[Facts], bool]:
    return lambda f: f.get(key) in values


def yes(key: str) -> Callable[[Facts], bool]:
    return lambda f: f.get(key) is True


def no(key: str) -> Callable[[Facts], bool]:
    return lambda f: f.get(key) is False


def both(*tests: Callable[[Facts], bool]) -> Callable[[Facts], bool]:
    return lambda f: all(t(f) for t in tests)


def either(*tests: Callable[[Facts], bool]) -> Callable[[Facts], bool]:
    return lambda f: any(t(f) for t in tests)


member = is_("actor", *MEMBERS)
officer = is_("actor", *OFFICERS)


def in_pre_election(f: Facts) -> bool:
    start, poll, day = f.get("election-notice-published"), f.get("poll"), f.get("date")
    return bool(start and poll and day and start <= day <= poll)


def working_days_after(key: str, days: int) -> Callable[[Facts], dt.date | None]:
    return lambda f: add_working_days(f[key], days) if f.get(key) else None


def previous_working_day(day: dt.date) -> dt.date:
    day -= dt.timedelta(days=1)
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


# ---- 1. Purpose and status -------------------------------------------------------------
on("ask-whether-bound", "MOP-0003", duty("actor", "observe-protocol"),
   is_("actor", *[p for p in PEOPLE if p not in ("co-opted-member", "agency-worker",
                                                   "partner-officer")]))
on("ask-whether-bound", "MOP-0005", duty("actor", "observe-protocol"),
   is_("actor", "co-opted-member", "agency-worker"))
on("ask-whether-bound", "MOP-0005", duty("engaging-manager", "draw-protocol-to-attention"),
   is_("actor", "agency-worker"))
on("ask-whether-bound", "MOP-0006", duty("engaging-manager", "ask-to-follow-protocol"),
   is_("actor", "partner-officer"))
on("ask-meaning", "MOP-0008", decides("monitoring-officer"))
on("ask-meaning", "MOP-0033", duty("actor", "seek-advice-before-acting"))

# ---- 3. Principles; 6. The working relationship; 23. Members with one another ----------
on("behave-towards", "MOP-0029", forbid(),
   is_("behaviour", "curt", "shouting", "repeated-belittling", "threatening",
       "less-favourable-for-protected-characteristic", "personal-abuse"))
on("behave-towards", "MOP-0029", allow(), is_("behaviour", "courteous"))
on("behave-towards", "MOP-0050", forbid(), both(is_("behaviour", "curt", "shouting"),
                                                  is_("towards", *PEOPLE)))
on("behave-towards", "MOP-0051", forbid(),
   is_("behaviour", "shouting", "repeated-belittling", "threatening"))
on("behave-towards", "MOP-0032", forbid(),
   is_("behaviour", "less-favourable-for-protected-characteristic"))
on("behave-towards", "MOP-0187", forbid(),
   both(is_("towards", *MEMBERS), is_("behaviour", "personal-abuse")))
on("behave-towards", "MOP-0187", allow(),
   both(is_("towards", *MEMBERS), is_("behaviour", "robust-political-debate")))
on("deal-with-council-privately", "MOP-0059", forbid(),
   yes("better-treatment-than-public-sought"))
on("deal-with-council-privately", "MOP-0031", forbid(),
   yes("better-treatment-than-public-sought"))
on("deal-with-council-privately", "MOP-0059", allow(),
   no("better-treatment-than-public-sought"))
on("offer-or-accept-gift", "MOP-0057", forbid(), is_("value", "substantial"))
on("offer-or-accept-gift", "MOP-0028", forbid(), is_("value", "substantial"))
on("offer-or-accept-gift", "MOP-0057", allow(), is_("value", "token"))
on("form-relationship", "MOP-0054", duty("actor", "keep-relationship-professional"),
   is_("relationship", "friendship"))
on("form-relationship", "MOP-0055", duty("actor", "declare-to-chief-officer-in-writing"),
   both(officer, no("declared"), is_("relationship", "friendship", "romantic", "family",
                                      "business")))
on("form-relationship", "MOP-0055",
   duty("actor", "declare-to-monitoring-officer-in-writing"),
   both(member, no("declared"), is_("relationship", "friendship", "romantic", "family",
                                     "business")))
on("form-relationship", "MOP-0056", duty("chief-officer", "decide-and-record-steps"),
   yes("declared"))
on("form-relationship", "MOP-0056", decides("chief-officer"), yes("declared"))

# ---- 4. The role of members ------------------------------------------------------------
on("take-part-in-decision", "MOP-0036", duty("actor", "seek-monitoring-officer-advice"),
   yes("campaigned-on-same-matter"))
on("serve-on-outside-body", "MOP-0039", duty("actor", "act-in-interests-of-body"))
on("serve-on-outside-body", "MOP-0039", duty("actor", "seek-monitoring-officer-advice"),
   yes("body-interest-conflicts-with-council"))
on("respond-to-training", "MOP-0040", duty("actor", "take-part-in-training"),
   yes("declined-all-training"))
on("instruct-officer", "MOP-0038", forbid(),
   both(member, no("holds-power-under-constitution")))
on("instruct-officer", "MOP-0044", duty("towards", "refer-instruction-to-manager"),
   both(member, no("holds-power-under-constitution")))
on("instruct-officer", "MOP-0092", forbid(),
   both(is_("actor", "cabinet-member"), is_("recipient-seniority", "junior"),
        no("chief-officer-agreed")))
on("instruct-officer", "MOP-0092", allow(),
   both(is_("actor", "cabinet-member"), yes("chief-officer-agreed")))

# ---- 5. The role of officers -----------------------------------------------------------
on("political-activity", "MOP-0042", forbid(),
   either(yes("politically-restricted-post"), is_("activity", "canvassing-for-party")))
on("political-activity", "MOP-0042", allow(),
   both(no("politically-restricted-post"), is_("activity", "private-party-membership")))
on("give-advice", "MOP-0043", duty("actor", "give-full-professional-advice"))
on("give-advice", "MOP-0043", forbid(), yes("advice-changed-to-please"))
on("give-advice", "MOP-0045", duty("actor", "take-account-of-political-context"),
   yes("advice-unwelcome"))
on("give-advice", "MOP-0082", duty("actor", "give-advice-openly-to-all"),
   yes("in-meeting"))
on("give-advice", "MOP-0082", forbid(), yes("private-word-during-meeting"))
on("give-advice", "MOP-0083", duty("actor", "record-advice-in-writing"),
   both(yes("significant-matter"), no("in-meeting")))
on("respond-to-statutory-officer", "MOP-0049", forbid(), yes("withholds-information"))
on("respond-to-statutory-officer", "MOP-0049", duty("actor", "give-information-needed"))

# ---- 6. Criticism, hours, seniority; 24. concerns not raised in public -----------------
public_setting = is_("setting", "public-meeting", "local-newspaper", "social-media")
on("criticise-officer", "MOP-0050", forbid(), public_setting)
on("criticise-officer", "MOP-0196", forbid(), public_setting)
on("criticise-officer", "MOP-0132", forbid(),
   both(is_("setting", "local-newspaper", "social-media"), yes("officer-identifiable")))
on("criticise-officer", "MOP-0190", forbid(),
   both(is_("setting", "social-media"), yes("officer-identifiable")))
on("criticise-officer", "MOP-0193", allow(), is_("setting", "private-to-chief-officer"))
on("contact-outside-hours", "MOP-0052", forbid(),
   both(no("emergency"), yes("expects-reply-before-next-working-day")))
on("contact-outside-hours", "MOP-0052", allow(), yes("emergency"))
on("raise-matter-with-officer", "MOP-0053", duty("actor", "raise-with-senior-officer"),
   both(is_("officer-seniority", "junior"), is_("subject", "policy", "complaint")))

# ---- 7. Undue pressure -----------------------------------------------------------------
pressure = either(yes("after-considered-answer"), yes("career-mentioned"),
                  yes("party-loyalty-invoked"), yes("matter-delegated-to-officer"),
                  yes("asked-to-act-against-advice"))
on("press-officer", "MOP-0060", forbid(), pressure)
on("press-officer", "MOP-0064", duty("towards", "tell-chief-officer"), pressure)
on("press-member", "MOP-0062", forbid(), yes("personal-reasons-urged"))
on("seek-support-in-employment-matter", "MOP-0063", forbid(), officer)
on("contact-about-regulatory-case", "MOP-0065", forbid(),
   is_("channel", "phone-call", "private-meeting"))
on("contact-about-regulatory-case", "MOP-0065", allow(),
   is_("channel", "written-representation"))

# ---- 8. Staffing -----------------------------------------------------------------------
close = is_("candidate-relationship", "friendship", "romantic", "family", "business")
on("influence-staffing", "MOP-0066", forbid(),
   both(no("on-appointing-panel"), is_("step", "contact-panel")))
on("influence-staffing", "MOP-0067", duty("appointing-panel", "appoint-on-merit"),
   is_("step", "sit-on-panel"))
on("influence-staffing", "MOP-0069", allow(),
   both(is_("step", "sit-on-panel"), yes("on-appointing-panel"),
        is_("post-level", "chief-officer"), is_("candidate-relationship", "none")))
on("influence-staffing", "MOP-0070", forbid(), both(is_("step", "sit-on-panel"), close))
on("influence-staffing", "MOP-0070", duty("actor", "withdraw-from-panel"),
   both(is_("step", "sit-on-panel"), close))
on("influence-staffing", "MOP-0071", duty("actor", "tell-head-of-paid-service-in-writing"),
   both(close, yes("candidate-has-applied")))
on("influence-staffing", "MOP-0072", forbid(), is_("step", "recommend-candidate"))
on("influence-staffing", "MOP-0072", allow(), is_("step", "written-reference"))
on("hear-staff-appeal", "MOP-0074", duty("actor", "decide-on-evidence-and-advice"))
on("hear-staff-appeal", "MOP-0074", forbid(), yes("discussed-outside-hearing"))

# ---- 9. Officers' reports and advice ---------------------------------------------------
on("ask-to-change-report", "MOP-0076", duty("report-author", "decide-final-content"))
on("ask-to-change-report", "MOP-0077", allow(),
   is_("change-sought", "correct-fact", "add-matter"))
on("ask-to-change-report", "MOP-0078", forbid(),
   is_("change-sought", "change-recommendation", "change-advice"))
on("ask-to-change-report", "MOP-0079", allow(),
   both(is_("actor", "cabinet-member"), is_("change-sought", "add-option"),
        is_("report-for", "cabinet")))
on("ask-to-change-report", "MOP-0079",
   duty("report-author", "state-own-recommendation-with-reasons"),
   both(is_("actor", "cabinet-member"), is_("change-sought", "add-option"),
        is_("report-for", "cabinet")))
on("ask-to-change-report", "MOP-0080", duty("report-author", "refer-to-chief-officer"),
   no("agreement-reached"))
on("ask-to-change-report", "MOP-0080", decides("head-of-paid-service"),
   no("agreement-reached"))
on("prepare-decision-report", "MOP-0081",
   duty("report-author", "consult-monitoring-officer-and-chief-finance-officer"))
on("prepare-decision-report", "MOP-0081", forbid(), no("implications-set-out"))
on("publish-officer-advice", "MOP-0084", forbid(), no("accurate"))
on("publish-officer-advice", "MOP-0164", forbid(), yes("marked-confidential"))

# ---- 10. Delegated decisions -----------------------------------------------------------
on("take-delegated-decision", "MOP-0087", forbid(), yes("tells-officer-what-to-decide"))
on("take-delegated-decision", "MOP-0086", duty("officer", "consult-members"),
   yes("scheme-requires-consultation"))
on("take-delegated-decision", "MOP-0086", allow(),
   both(no("scheme-requires-consultation"), no("tells-officer-what-to-decide")))
on("take-delegated-decision", "MOP-0088", allow(),
   both(yes("controversial"), yes("referred-to-committee")))
on("take-delegated-decision", "MOP-0089", duty("officer", "record-decision-with-reasons"),
   yes("recording-required"))

# ---- 11. Cabinet, chairs and officers --------------------------------------------------
on("request-portfolio-briefing", "MOP-0091", allow(), yes("own-portfolio"))
on("take-executive-decision", "MOP-0093", duty("actor", "consider-written-advice"))
on("take-executive-decision", "MOP-0093", forbid(), no("written-advice-considered"))
on("pre-meeting-briefing", "MOP-0094", allow(), no("agenda-changed-outside-rules"))
on("pre-meeting-briefing", "MOP-0094", forbid(), yes("agenda-changed-outside-rules"))
on("dispute-agenda-item", "MOP-0095", duty("actor", "resolve-with-chief-officer"))
on("dispute-agenda-item", "MOP-0095", decides("monitoring-officer"), no("agreement-reached"))

# ---- 12. Overview and scrutiny ---------------------------------------------------------
on("call-officer-to-scrutiny", "MOP-0098", decides("chief-officer"))
on("call-officer-to-scrutiny", "MOP-0098", forbid(), is_("request-route", "direct-to-officer"))
on("call-officer-to-scrutiny", "MOP-0099",
   duty("chief-officer", "attend-with-or-instead-of-officer"),
   is_("officer-seniority", "junior"))
on("call-officer-to-scrutiny", "MOP-0100", forbid(), is_("questions-about", "political-merits"))
on("call-officer-to-scrutiny", "MOP-0104", forbid(), is_("questions-about", "personal-conduct"))
on("call-officer-to-scrutiny", "MOP-0193", duty("actor", "raise-with-chief-officer"),
   is_("questions-about", "personal-conduct"))
on("call-officer-to-scrutiny", "MOP-0102",
   duty("scrutiny-committee", "give-five-working-days-notice"),
   lambda f: f.get("notice-working-days", 5) < 5 and not f.get("urgent"))
on("give-evidence-to-scrutiny", "MOP-0101", duty("actor", "answer-honestly-and-fully"))
on("give-evidence-to-scrutiny", "MOP-0101", allow(), yes("asked-political-view"))
on("give-evidence-to-scrutiny", "MOP-0103", allow(), yes("accompanied"))
on("support-scrutiny-review", "MOP-0105", duty("actor", "gather-evidence-impartially"))

# ---- 13. Officers and political groups -------------------------------------------------
senior = is_("actor", "senior-officer", "chief-officer", "head-of-paid-service",
             "monitoring-officer", "chief-finance-officer")
invited = both(yes("invited-by-group-leader"), yes("chief-executive-agreed"))
on("brief-political-group", "MOP-0107", allow(), both(senior, invited))
on("brief-political-group", "MOP-0107", forbid(), both(senior, lambda f: not invited(f)))
on("brief-political-group", "MOP-0108", forbid(), is_("actor", "officer", "junior-officer"))
on("brief-political-group", "MOP-0109", duty("chief-officer", "offer-same-briefing-to-all-groups"),
   both(senior, invited))
on("brief-political-group", "MOP-0110", duty("actor", "leave-during-party-business"),
   yes("party-business-discussed"))
on("brief-political-group", "MOP-0111", duty("actor", "keep-discussion-confidential"),
   both(senior, invited))
on("brief-political-group", "MOP-0113", duty("actor", "give-only-public-information"),
   yes("non-members-present"))
on("brief-political-group", "MOP-0113", forbid(),
   both(yes("non-members-present"),
        either(yes("information-exempt"), no("told-beforehand-of-non-members"))))
on("ask-about-other-group", "MOP-0111", forbid(), member)
on("ask-for-group-material", "MOP-0114", forbid(),
   both(yes("significant-preparation"), no("chief-officer-agreed")))
on("ask-for-group-material", "MOP-0114", allow(),
   either(no("significant-preparation"), yes("chief-officer-agreed")))
on("assign-political-assistant", "MOP-0115", allow(), is_("assigned-to", "own-group"))
on("assign-political-assistant", "MOP-0115", forbid(),
   is_("assigned-to", "council-service", "other-group"))
on("assign-political-assistant", "MOP-0116",
   duty("head-of-paid-service", "manage-as-officer-lawfully"))
on("attend-party-meeting", "MOP-0117", forbid(), both(officer, yes("official-capacity")))

# ---- 14. Ward members ------------------------------------------------------------------
on("proposed-decision-in-ward", "MOP-0118", duty("officer", "inform-ward-members"),
   yes("significant-matter"))
on("proposed-decision-in-ward", "MOP-0120",
   duty("officer", "tell-ward-members-before-announcement"),
   both(yes("significant-matter"), no("ward-members-told-beforehand")))
on("proposed-decision-in-ward", "MOP-0124", duty("officer", "inform-all-ward-members-equally"),
   lambda f: f.get("ward-members", 1) > 1)
on("organise-public-meeting", "MOP-0119", duty("actor", "invite-ward-members"))
on("organise-public-meeting", "MOP-0123", forbid(),
   both(in_pre_election, yes("candidate-appears-as-councillor")))
on("invite-officer-to-surgery", "MOP-0121", allow(),
   both(is_("organiser", "ward-member"), yes("manager-agreed")))
on("invite-officer-to-surgery", "MOP-0122", forbid(), is_("organiser", "political-party"))
on("brief-mp", "MOP-0125", duty("officer", "tell-ward-members-at-same-time"))
on("take-up-issue-in-other-ward", "MOP-0126", duty("actor", "tell-ward-members"),
   no("constituent-asked-not-to-tell"))

# ---- 15. The media and publicity -------------------------------------------------------
emergency = yes("public-safety-emergency")
on("issue-publicity", "MOP-0127", duty("communications", "follow-publicity-code"))
on("issue-publicity", "MOP-0128", forbid(), yes("party-support-affected"))
on("issue-publicity", "MOP-0129", forbid(), is_("issued-by", "service-officer"))
on("issue-publicity", "MOP-0133", forbid(),
   both(in_pre_election, lambda f: not emergency(f),
        either(yes("features-candidate"), yes("political-controversy"))))
on("issue-publicity", "MOP-0134", forbid(),
   both(in_pre_election, lambda f: not emergency(f), is_("spokesperson", "member")))
on("issue-publicity", "MOP-0134", duty("communications", "have-officer-make-statement"),
   both(in_pre_election, lambda f: not emergency(f)))
on("issue-publicity", "MOP-0135", allow(), emergency)
on("issue-publicity", "MOP-0135", decides("head-of-paid-service"), emergency)
on("issue-publicity", "MOP-0136", duty("communications", "tell-cabinet-and-ward-members"),
   yes("time-allows"))
on("speak-to-media", "MOP-0130", allow(),
   both(member, yes("says-not-speaking-for-council"), no("council-staff-used")))
on("speak-to-media", "MOP-0130", forbid(),
   both(member, either(no("says-not-speaking-for-council"), yes("council-staff-used"))))
on("speak-to-media", "MOP-0131", forbid(),
   both(officer, either(no("authorised"), yes("political-comment"))))

# ---- 16. Correspondence ----------------------------------------------------------------
on("send-correspondence", "MOP-0137", forbid(), yes("blind-copy"))
on("send-correspondence", "MOP-0138", forbid(),
   both(yes("creates-obligation"), is_("in-name-of", "member")))
on("send-correspondence", "MOP-0139", forbid(),
   both(yes("drafted-by-officer"), yes("creates-obligation"), is_("in-name-of", "member")))
on("send-correspondence", "MOP-0140", allow(),
   both(is_("shared-with", "constituent-who-asked"), no("marked-confidential")))
on("send-correspondence", "MOP-0140", forbid(),
   both(is_("shared-with", "constituent-who-asked", "press"), yes("marked-confidential")))
on("send-correspondence", "MOP-0141", forbid(), yes("personal-data-reused"))
on("send-correspondence", "MOP-0142", forbid(), yes("party-political"))

# ---- 17. Members' enquiries ------------------------------------------------------------
urgent = both(yes("marked-urgent"), yes("reason-given"))


def reply_due(f: Facts) -> dt.date | None:
    if f.get("agreed-reply-date"):
        return f["agreed-reply-date"]  # type: ignore[no-any-return]
    return working_days_after("received", 5 if urgent(f) else 10)(f)


def holding_reply_due(f: Facts) -> dt.date | None:
    due = reply_due(f)
    return previous_working_day(due) if due else None


agreed = lambda f: bool(f.get("agreed-reply-date"))  # noqa: E731
on("member-enquiry", "MOP-0143", duty("actor", "use-enquiry-system"),
   is_("route", "direct-to-junior-officer"))
on("member-enquiry", "MOP-0209",
   duty("officer", "acknowledge-enquiry", working_days_after("received", 2)), no("acknowledged"))
on("member-enquiry", "MOP-0144", duty("officer", "give-full-reply", reply_due),
   both(lambda f: not urgent(f), lambda f: not agreed(f), lambda f: bool(f.get("received"))))
on("member-enquiry", "MOP-0145", duty("officer", "give-full-reply", reply_due),
   both(urgent, lambda f: not agreed(f)))
on("member-enquiry", "MOP-0146", duty("officer", "give-full-reply", reply_due), agreed)
on("member-enquiry", "MOP-0147", duty("officer", "send-holding-reply", holding_reply_due),
   no("full-reply-ready-by-due-date"))
on("member-enquiry", "MOP-0148",
   duty("chief-officer", "ensure-reply-sent", working_days_after("no-reply-referred-on", 2)),
   lambda f: bool(f.get("no-reply-referred-on")))
on("member-enquiry", "MOP-0149", duty("officer", "answer-with-equal-care"),
   is_("asker-group", "opposition", "independent"))
on("member-enquiry", "MOP-0150", forbid(),
   both(yes("information-exempt"), no("member-needs-it-for-duties")))
on("member-enquiry", "MOP-0151", decides("chief-officer"), yes("volume-disproportionate"))

# ---- 18. Access to information; 19. Confidentiality ------------------------------------
duties_purpose = is_("purpose", "ward-casework", "committee-decision")
on("request-information", "MOP-0153", allow(),
   both(duties_purpose, no("interest-in-matter"), no("other-groups-papers"),
        no("officer-doubts-need")))
on("request-information", "MOP-0153", duty("officer", "provide-information"),
   both(duties_purpose, no("interest-in-matter"), no("other-groups-papers"),
        no("officer-doubts-need")))
on("request-information", "MOP-0154", forbid(),
   is_("purpose", "curiosity", "private-interest", "party-campaign"))
on("request-information", "MOP-0155", duty("officer", "refer-to-monitoring-officer"),
   yes("officer-doubts-need"))
on("request-information", "MOP-0155",
   duty("monitoring-officer", "give-reasons-for-any-refusal",
        working_days_after("referred-on", 5)), yes("officer-doubts-need"))
on("request-information", "MOP-0155", decides("monitoring-officer"), yes("officer-doubts-need"))
on("request-information", "MOP-0156", allow(),
   both(is_("actor", "scrutiny-member"), yes("matter-under-scrutiny-review"),
        no("interest-in-matter")))
on("request-information", "MOP-0157", forbid(), yes("interest-in-matter"))
on("request-information", "MOP-0158", forbid(), yes("other-groups-papers"))
on("request-information", "MOP-0163", duty("officer", "record-information-supplied"),
   both(yes("information-exempt"), duties_purpose, no("interest-in-matter")))
on("request-information", "MOP-0165", duty("officer", "say-it-is-confidential-and-why"),
   both(yes("information-exempt"), duties_purpose, no("interest-in-matter")))
on("use-information", "MOP-0159", forbid(), no("same-purpose-as-given"))
on("use-information", "MOP-0161", forbid(), no("personal-data-kept-secure"))
on("use-information", "MOP-0162", forbid(),
   both(yes("legal-advice"), yes("disclosed"), no("privilege-waived")))
on("use-information", "MOP-0164", forbid(), both(yes("disclosed"), yes("marked-confidential")))
on("use-information", "MOP-0168", forbid(),
   both(yes("left-office"), yes("disclosed"), yes("marked-confidential")))
on("challenge-confidential-marking", "MOP-0166", allow(),
   no("treated-as-public-before-decision"))
on("challenge-confidential-marking", "MOP-0166", forbid(),
   yes("treated-as-public-before-decision"))
on("challenge-confidential-marking", "MOP-0166", decides("monitoring-officer"))

# ---- 20. Use of Council resources ------------------------------------------------------
improper = is_("purpose", "party-campaign", "private-business")
on("use-council-resources", "MOP-0169", forbid(), improper)
on("use-council-resources", "MOP-0170", forbid(), improper)
on("use-council-resources", "MOP-0171", forbid(),
   both(improper, is_("resource", "officer-time")))
on("use-council-resources", "MOP-0172", allow(), is_("purpose", "ward-casework"))
on("use-council-resources", "MOP-0173", forbid(), yes("personal-email-used"))
on("use-council-resources", "MOP-0174", allow(),
   both(is_("actor", "group-leader"), is_("resource", "meeting-room"),
        yes("same-terms-as-other-groups")))
on("notice-misuse", "MOP-0175", duty("actor", "report-to-chief-officer-or-monitoring-officer"))

# ---- 21. Premises, meetings and civic events -------------------------------------------
on("visit-council-site", "MOP-0176", allow(),
   either(is_("area", "public-office", "members-room"), yes("arranged-with-chief-officer")))
on("visit-council-site", "MOP-0176", forbid(),
   both(is_("area", "restricted-site"), no("arranged-with-chief-officer")))
on("visit-council-site", "MOP-0178", duty("actor", "follow-site-safety-arrangements"))
on("hold-meeting", "MOP-0177", forbid(),
   both(is_("venue", "member-home", "member-business"), no("good-reason-agreed")))
on("hold-meeting", "MOP-0177", allow(),
   either(is_("venue", "council-office"), yes("good-reason-agreed")))
on("organise-civic-event", "MOP-0180", duty("actor", "invite-ward-members"), yes("in-ward"))
on("organise-civic-event", "MOP-0180", duty("actor", "invite-cabinet-member"),
   yes("concerns-portfolio"))
on("learn-of-minister-visit", "MOP-0181", duty("actor", "tell-chief-executive"),
   is_("capacity", "official"))
on("learn-of-minister-visit", "MOP-0182", forbid(),
   both(is_("capacity", "party"), yes("council-premises-used")))

# ---- 22. Legal proceedings -------------------------------------------------------------
on("legal-proceedings", "MOP-0183", duty("actor", "tell-monitoring-officer"))
on("legal-proceedings", "MOP-0184", forbid(),
   both(is_("member-role-in-proceedings", "party"), yes("documents-sought-outside-court")))
on("legal-proceedings", "MOP-0185", forbid(),
   both(is_("member-role-in-proceedings", "party"), yes("discussed-with-case-officers")))
on("legal-proceedings", "MOP-0186", duty("actor", "withdraw-from-meeting"),
   both(is_("member-role-in-proceedings", "party"), yes("meeting-discusses-proceedings")))

# ---- 23. Members with one another, and online ------------------------------------------
on("dispute-between-members", "MOP-0188", forbid(), yes("asks-officer-to-take-sides"))
on("post-on-social-media", "MOP-0189", duty("actor", "state-capacity"),
   both(member, no("capacity-stated")))
on("post-on-social-media", "MOP-0190", forbid(),
   both(member, yes("officer-identified-with-complaint")))
on("post-on-social-media", "MOP-0164", forbid(),
   both(yes("disclosed"), yes("marked-confidential")))
on("post-on-social-media", "MOP-0191", forbid(),
   both(officer, yes("expresses-party-support"), yes("identifiable-as-officer")))

# ---- 24. When things go wrong ----------------------------------------------------------
on("raise-concern", "MOP-0192", duty("actor", "try-informal-resolution"),
   no("resolved-informally"))
on("raise-concern", "MOP-0193", duty("actor", "raise-with-chief-officer"),
   both(member, is_("about", "officer")))
on("raise-concern", "MOP-0194", duty("head-of-paid-service", "consider-and-tell-outcome"),
   both(member, is_("about", "chief-officer")))
on("raise-concern", "MOP-0194", decides("head-of-paid-service"),
   both(member, is_("about", "chief-officer")))
on("raise-concern", "MOP-0195", duty("monitoring-officer", "consider-with-leader"),
   both(member, is_("about", "head-of-paid-service")))
on("raise-concern", "MOP-0195", decides("monitoring-officer"),
   both(member, is_("about", "head-of-paid-service")))
on("raise-concern", "MOP-0197", duty("actor", "report-to-chief-officer"),
   both(officer, is_("about", "member")))
on("raise-concern", "MOP-0197", duty("chief-officer", "discuss-with-monitoring-officer"),
   both(officer, is_("about", "member")))
on("raise-concern", "MOP-0197", decides("monitoring-officer"),
   both(officer, is_("about", "member"), no("resolved-informally")))
on("raise-concern", "MOP-0202", duty("monitoring-officer", "record-concern-and-outcome"),
   both(officer, is_("about", "member")))
on("treat-person-who-raised-concern", "MOP-0199", forbid(), yes("detriment"))
on("raise-wrongdoing", "MOP-0203", allow())

# ---- 25. Review ------------------------------------------------------------------------
on("review-protocol", "MOP-0204", duty("standards-committee", "review-and-recommend-changes"),
   lambda f: f.get("months-since-last-review", 0) >= 12)
on("publish-protocol", "MOP-0206",
   duty("monitoring-officer", "publish-in-force-and-earlier-versions"),
   no("earlier-versions-published"))
on("suggest-change", "MOP-0207", allow())
# fmt: on
