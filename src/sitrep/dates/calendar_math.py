"""Calendar arithmetic for date normalisation: ISO weeks, month bounds, and choosing
which Monday / which March / which year an under-specified expression means."""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

__all__ = [
    "add_months",
    "iso_week",
    "month_bounds",
    "nearest_month_day",
    "resolve_month",
    "resolve_weekday",
    "safe_date",
    "two_digit_year",
    "week_bounds",
]


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or ``None`` when the day does not exist (31 April)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def two_digit_year(yy: int, anchor: date | None) -> int:
    """Expand ``90`` to 1990 and ``16`` to 2016: the century putting it nearest the anchor
    (or the present century up to 30 years ahead when there is no anchor)."""
    if anchor is None:
        return 2000 + yy if yy <= 30 else 1900 + yy
    base = anchor.year - anchor.year % 100
    return min((base - 100 + yy, base + yy, base + 100 + yy), key=lambda y: abs(y - anchor.year))


def iso_week(d: date) -> str:
    """ISO 8601 week value of ``d``: ``2016-W10``."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_bounds(d: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week containing ``d``."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, _cal.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def resolve_weekday(anchor: date, weekday: int, direction: str) -> date:
    """The date of ``weekday`` (Monday 0) relative to ``anchor``.

    ``direction``: ``past`` = the most recent on or before the anchor (news style: "the
    army said Wednesday" on a Wednesday is that day); ``last`` = strictly before;
    ``future`` = strictly after.
    """
    diff = (anchor.weekday() - weekday) % 7
    if direction == "past":
        return anchor - timedelta(days=diff)
    if direction == "last":
        return anchor - timedelta(days=diff or 7)
    ahead = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=ahead or 7)


def resolve_month(anchor: date, month: int, direction: str) -> int:
    """The year of a month name relative to ``anchor``.

    ``past`` (a bare month in a past-tense clause): the most recent on or before the
    anchor's month, except the month just after the anchor's, which is the coming one (a
    report does not call the month eleven months back by its bare name). ``last``: the
    last one before the previous month ("last February" read in March is a year back);
    ``future``: on or after; ``next``: after the next month; ``this``: the anchor's year.
    """
    y = anchor.year
    if direction == "this":
        return y
    if direction == "past":
        if (month - anchor.month) % 12 == 1:
            return y if month > anchor.month else y + 1
        return y if month <= anchor.month else y - 1
    if direction == "last":
        return y if month < anchor.month - 1 else y - 1
    if direction == "next":
        return y if month > anchor.month + 1 else y + 1
    return y if month >= anchor.month else y + 1


def nearest_month_day(anchor: date, month: int, day: int, future: bool = False) -> date | None:
    """A month-day without a year: the occurrence nearest the anchor (Dec 30 read in early
    January is last year's; Jan 3 read on Dec 28 is next year's). When the nearest is more
    than two months away the tense decides: the last one before the anchor, or with
    ``future`` the first one after it ("Oct. 23" in a May story about a past killing)."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := safe_date(y, month, day)) is not None]
    if not options:
        return None
    best = min(options, key=lambda d: abs((d - anchor).days))
    if abs((best - anchor).days) <= 60:
        return best
    if future:
        return min((d for d in options if d >= anchor), default=best)
    return max((d for d in options if d <= anchor), default=best)
