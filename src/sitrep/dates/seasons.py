"""Seasons: "last summer", "this past spring", "in the winter of 1994", "autumn 2015".

The contract has no season value, so a season is written as its three months
(meteorological, northern hemisphere): ``2015-06/2015-08``; winter runs from December
into the next year (``2015-12/2016-02``). A season word is a date only with a modifier
("last summer"), a year, or "the" after a date preposition ("in the fall"): a bare
season is a habit ("prices fall in winter"), and "fall", "spring" and "winter" are also
verbs and nouns ("the fall of Mosul", "the Arab Spring").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..article import DateMention
from .calendar_math import add_months, month_bounds
from .context import Ctx, mk
from .grammar import word_key

__all__ = ["HANDLERS", "season_bounds"]


def season_bounds(year: int, first_month: int) -> tuple[date, date]:
    """First and last day of the season starting in ``first_month`` of ``year``."""
    y2, m2 = add_months(year, first_month, 2)
    return date(year, first_month, 1), month_bounds(y2, m2)[1]


def _pick(anchor: date, first_month: int, how: str) -> tuple[date, date]:
    """The occurrence of a season meant relative to ``anchor``: ``last`` = the one
    starting in the previous calendar year ("last spring" read in October is a year and a
    half back: the spring just gone is "this past spring"), ``past_done`` = the latest
    ended before it, ``next`` = the first begun after it, ``this`` = the one starting
    nearest it, ``past`` = the latest begun by it, ``future`` = the first not yet over."""
    options = [season_bounds(y, first_month) for y in range(anchor.year - 2, anchor.year + 2)]
    if how == "last":
        return season_bounds(anchor.year - 1, first_month)
    if how == "past_done":
        return max(o for o in options if o[1] < anchor)
    if how == "next":
        return min(o for o in options if o[0] > anchor)
    if how == "this":
        return min(options, key=lambda o: abs((o[0] - anchor).days))
    if how == "future":
        return min(o for o in options if o[1] >= anchor)
    return max(o for o in options if o[0] <= anchor)


def _h_season(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    mod = word_key(m["season_mod"]) if m["season_mod"] else None
    first_month = ctx.g.seasons[word_key(m["season_s"])]
    if ctx.mixed and m["season_s"][0].isupper() and not m["season_y"] and not mod:
        return None  # "Arab Spring", "Operation Winter": a name, not a date
    if m["season_the"]:
        s = m.start("season_the")
        if not m["season_y"] and ctx.prev_word(s) not in ctx.g.month_prepositions:
            return None  # "the fall of the city"; "in the summer" is a date
    else:
        s = m.start()
        if not (mod or m["season_y"]):
            return None  # "prices fall in winter": a habit, not a date
    if m["season_y"]:
        first, last = season_bounds(int(m["season_y"]), first_month)
        relative = False
    else:
        a = ctx.need()
        how = {"last": "last", "this past": "past_done", "next": "next", "coming": "next",
               "this": "this"}.get(mod or "", "")
        how = how or ("future" if ctx.future(s, m.end()) else "past")
        first, last = _pick(a, first_month, how)
        relative = True
    value = f"{first.year}-{first.month:02d}/{last.year}-{last.month:02d}"
    return mk(ctx, s, m.end(), value, "month", first, last, relative)


HANDLERS: dict[str, Callable[[Ctx, re.Match[str]], DateMention | None]] = {
    "season": _h_season,
}
