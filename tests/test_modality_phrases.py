"""Verb phrases of protocols' legal register that the modality guess reads as a careful
reader does (each found missing by the blind benchmark of tests/phrases19; these
sentences are written for this test, not taken from it): (sentence, modality)."""

from __future__ import annotations

import pytest

from constitution.modality import guess_modality

PHRASES = [
    # what is said to be necessary, advisable or improper, impersonally
    ("It is vital that the register is kept up to date.", "must"),
    ("It is necessary for members to declare gifts promptly.", "must"),
    ("It is not necessary for officers to copy every letter.", "may"),
    ("It is advisable that members keep their own notes.", "should"),
    ("It is good practice to reply by e-mail.", "should"),
    ("It would be helpful if members gave notice of questions.", "should"),
    ("It is important to note that officers serve the whole Council.", "informative"),
    ("It is improper for an officer to canvass for a candidate.", "must-not"),
    ("It is appropriate for members to thank officers in public.", "should"),
    ("Where, unusually, it is necessary to meet at home, a colleague should attend.", "should"),
    ("It is unacceptable for members to shout at staff.", "must-not"),
    # duties named by adjective or noun
    ("Group secretaries are obliged to keep minutes.", "must"),
    ("Each director is responsible for making sure the rota is kept.", "must"),
    # "need to" is no duty where it is the thing needed ("the papers they need to do
    # their work") or the common law's "need to know"
    ("Members may ask for the papers they need to do their work.", "may"),
    ("Officers have a need to know about the case.", "informative"),
    ("It turns on whether the member has the “need to know”.", "informative"),
    ("A councillor does not need to know about staff grievances.", "informative"),
    ("Officers need to be mindful of the pre-election period.", "should"),
    ("Members need to avoid any appearance of bias.", "must-not"),
    # advice
    ("Councillors are urged to attend training.", "should"),
    ("Officers are reminded to log their visits.", "should"),
    ("Staff would be well advised to keep copies.", "should"),
    ("Members are expected, where they can, to use the online form.", "should"),
    # leave
    ("Councillors are allowed to bring a friend.", "may"),
    ("Group leaders are authorised to call a meeting.", "may"),
    ("Residents are free to attend.", "may"),
    ("Officers are welcome to join the briefing.", "may"),
    ("The advice service is free to residents.", "informative"),
    ("Each member has the right to see the minutes.", "may"),
    ("Each member has a statutory right to see the minutes.", "may"),
    ("Members of other groups do not have a right to see these notes.", "must-not"),
    ("A member has no general right to inspect personnel files.", "must-not"),
    ("It is open to the Chair to adjourn the meeting.", "may"),
    ("Officers do not have to attend evening meetings.", "may"),
    ("This code does not prevent members from helping a neighbour.", "may"),
    # prohibitions without "not"
    ("Officers shall refrain from canvassing.", "must-not"),
    ("Members must avoid making promises to applicants.", "must-not"),
    ("Nobody shall use the car park overnight.", "must-not"),
    # possibility, report and description: no one bound
    ("Councillors who misuse resources may face a complaint.", "informative"),
    ("A breach could result in a sanction.", "informative"),
    ("The policy explains how officers may claim expenses.", "informative"),
    ("Residents often believe that members can overturn a refusal.", "informative"),
    ("Members who feel that they were treated unfairly should tell the Chief Executive.", "should"),
    # "is to" in a clause of time or condition is the arrangement, not a duty
    ("Members should be told when a site visit is to take place.", "should"),
    # a person forbidden to prevent is no rule's leave ("this protocol does not prevent")
    ("Councillors shall not prevent staff from doing their jobs.", "must-not"),
    ("Councillors will not stop an officer reporting a concern.", "must-not"),
    # a belief with its own verb closed before the duty: the duty is the sentence's
    ("Councillors who think that a manager should be warned must tell the Leader.", "must"),
    # costs a member may run up are leave, not a consequence
    ("Councillors may incur taxi fares of up to £20 without approval.", "may"),
]


@pytest.mark.parametrize(("sentence", "modality"), PHRASES)
def test_the_verb_phrase_gives_the_careful_readers_modality(sentence: str, modality: str) -> None:
    guess = guess_modality(sentence)
    assert guess.modality == modality, guess.phrases
