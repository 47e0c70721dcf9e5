"""What the rules in checks/rules.yaml cannot say as data: working-day arithmetic.

The rules file names these functions (``by: holding-reply-due``); each takes a
situation's facts and gives a date.
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


dates = {"holding-reply-due": holding_reply_due}
