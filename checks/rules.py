"""What the rules in checks/rules.yaml cannot say as data: working-day and month arithmetic.

The rules file names these functions (``by: holding-reply-due``, ``if: short-notice``);
each takes a situation's facts and gives a date, or whether a condition holds.
"""

from __future__ import annotations

import datetime as dt

from constitution.scenarios import Facts, add_working_days, is_working_day


def full_reply_due(f: Facts) -> dt.date | None:
    """When the full reply to a member's enquiry is due (paragraphs 17.2 to 17.4)."""
    if f.get("agreed-reply-date"):
        return f["agreed-reply-date"]  # type: ignore[no-any-return]
    if not f.get("received"):
        return None
    urgent = f.get("urgent") is True and f.get("reason-given") is True
    return add_working_days(f["received"], 5 if urgent else 10)


def holding_reply_due(f: Facts) -> dt.date | None:
    """The working day before the full reply is due."""
    if (day := full_reply_due(f)) is None:
        return None
    day -= dt.timedelta(days=1)
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def clear_working_days(f: Facts) -> int | None:
    """The working days between the day a request is sent (``date``) and the day it asks
    someone to attend (``attend-on``), counting neither (paragraph 12.6). A request sent
    on a day that is not a working day is given on the next working day, as notices are."""
    sent, attend = f.get("date"), f.get("attend-on")
    if not sent or not attend:
        return None
    if not is_working_day(sent):
        sent = add_working_days(sent, 1)
    count, day = 0, add_working_days(sent, 1)
    while day < attend:
        count += 1
        day = add_working_days(day, 1)
    return count


def short_notice(f: Facts) -> bool:
    """Fewer than five clear working days' notice of a request to attend."""
    clear = clear_working_days(f)
    return clear is not None and clear < 5


def notice_due(f: Facts) -> dt.date | None:
    """The last working day a request to attend can be sent with five clear working
    days' notice: the working day before the fifth working day before the day of
    attendance (one sent at a weekend is given on the Monday, too late)."""
    if not (attend := f.get("attend-on")):
        return None
    day, count = attend, 0
    while count < 6:
        day -= dt.timedelta(days=1)
        count += is_working_day(day)
    return day  # type: ignore[no-any-return]


def review_due(f: Facts) -> dt.date | None:
    """Twelve months after the last review (paragraph 25.1): the same day of the month a
    year on, or the last day of February for a review made on 29 February."""
    if not (last := f.get("last-reviewed")):
        return None
    try:
        return last.replace(year=last.year + 1)  # type: ignore[no-any-return]
    except ValueError:
        return last.replace(year=last.year + 1, day=28)  # type: ignore[no-any-return]


conditions = {"short-notice": short_notice}
dates = {"holding-reply-due": holding_reply_due, "notice-due": notice_due, "review-due": review_due}
