"""Handlers of self-contained dates: ISO and numeric dates, day-month(-year), month-year,
parts of a month or year, quarters and bare years. Each takes the context and the
grammar match and returns a mention, or ``None`` for a false friend."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..article import DateMention
from .calendar_math import month_bounds, nearest_month_day, resolve_month, safe_date, two_digit_year
from .context import (
    Ctx,
    day_mention,
    day_number,
    mk,
    month_mention,
    range_mention,
    year_mention,
)
from .grammar import word_key

__all__ = ["HANDLERS"]

_NEXT_WORD = re.compile(r"\s*([\w'’]+)")


def _h_iso(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    d = safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    return day_mention(ctx, *m.span(), d, False) if d else None


def _h_num(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    a, b, c = m["num_a"], m["num_b"], m["num_c"]
    if len(a) == 4:  # 2016/03/07
        y, mo, d = int(a), int(b), int(c)
    elif len(a) <= 2:
        mo, d = (int(b), int(a)) if ctx.day_first else (int(a), int(b))
        if mo > 12 and d <= 12:  # 25/12/2016 is day-first whatever the default
            mo, d = d, mo
        y = int(c) if len(c) == 4 else two_digit_year(int(c), ctx.anchor)
    else:
        return None
    dt = safe_date(y, mo, d)
    return day_mention(ctx, *m.span(), dt, False) if dt else None


def _explicit_day(ctx: Ctx, m: re.Match[str], p: str) -> tuple[date | None, bool, int]:
    """Day, month and optional year of a ``dm``/``md`` core: (date, relative, end)."""
    if not ctx.month_ok(m, p + "m", strong_context=True):
        return None, False, 0
    mo = ctx.g.months[word_key(m[p + "m"])]
    d = day_number(ctx, m[p + "d"])
    end = m.end()
    ytxt = m[p + "y"]
    if ytxt and len(ytxt.lstrip("'")) == 2 and not (ctx.caps or ytxt.startswith("'")):
        ytxt = None  # "7 March 16 people ..." is not a two-digit year outside wire caps
        end = max(m.end(p + "m"), m.end(p + "d"))
    if ytxt:
        yy = int(ytxt.lstrip("'"))
        y = yy if yy >= 100 else two_digit_year(yy, ctx.anchor)
        return safe_date(y, mo, d), False, end
    anchor = ctx.need()
    return nearest_month_day(anchor, mo, d, ctx.future(m.start(), end)), True, end


def _h_dm(p: str) -> Callable[[Ctx, re.Match[str]], DateMention | None]:
    def handler(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
        dt, rel, end = _explicit_day(ctx, m, p)
        start = min(m.start(p + "d"), m.start(p + "m"))  # without a leading "the"
        return day_mention(ctx, start, end, dt, rel) if dt else None
    return handler


def _h_wdd(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    p = "wdd1_" if m["wdd1_m"] else "wdd2_"
    dt, rel, end = _explicit_day(ctx, m, p)
    return day_mention(ctx, m.start(), end, dt, rel) if dt else None


def _h_drange(ctx: Ctx, m: re.Match[str], p: str = "drange_") -> DateMention | None:
    if not ctx.month_ok(m, p + "m", strong_context=True):
        return None
    mo = ctx.g.months[word_key(m[p + "m"])]
    d1, d2 = day_number(ctx, m[p + "d1"]), day_number(ctx, m[p + "d2"])
    if m[p + "y"]:
        a, b, rel = safe_date(int(m[p + "y"]), mo, d1), safe_date(int(m[p + "y"]), mo, d2), False
    else:
        a = nearest_month_day(ctx.need(), mo, d1, ctx.future(*m.span()))
        b = safe_date(a.year, mo, d2) if a else None
        rel = True
    return range_mention(ctx, *m.span(), a, b, rel) if a and b else None


def _h_mrange(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    return _h_drange(ctx, m, "mrange_")


def _h_my(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    if not ctx.month_ok(m, "my_m", strong_context=True):
        return None
    return month_mention(ctx, *m.span(), int(m["my_y"]), ctx.g.months[word_key(m["my_m"])], False)


def _h_part(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    mod = word_key(m["part_mod"]).removeprefix("the ")
    s = m.start("part_mod")
    if m["part_y2"]:
        return year_mention(ctx, s, m.end(), int(m["part_y2"]), False, ctx.g.year_parts[mod])
    if not ctx.month_ok(m, "part_m", strong_context=True):
        return None
    mo = ctx.g.months[word_key(m["part_m"])]
    if m["part_y"]:
        return month_mention(ctx, s, m.end(), int(m["part_y"]), mo, False, ctx.g.month_parts[mod])
    anchor = ctx.need()
    y = resolve_month(anchor, mo, "future" if ctx.future(s, m.end()) else "past")
    return month_mention(ctx, s, m.end(), y, mo, True, ctx.g.month_parts[mod])


def _h_quarter(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    n = int(m["quarter_n"][0]) if m["quarter_n"][0].isdigit() else ctx.g.ordinals[m["quarter_n"]]
    if m["quarter_y"]:
        y, rel = int(m["quarter_y"]), False
    else:  # the latest such quarter begun by the anchor, unless the clause is future
        a, rel = ctx.need(), True
        y = a.year
        if date(y, 3 * n - 2, 1) > a and not ctx.future(*m.span()):
            y -= 1
    first, last = date(y, 3 * n - 2, 1), month_bounds(y, 3 * n)[1]
    s = m.start("quarter_n") if m.group().lower().startswith("the") else m.start()
    return mk(ctx, s, m.end(), f"{y}-Q{n}", "quarter", first, last, rel)



def _h_year(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    nxt = _NEXT_WORD.match(ctx.text, m.end())
    if nxt and nxt.group(1).lower() in ctx.g.year_unit_nouns:
        return None
    pre = word_key(m["year_pre"]) if m["year_pre"] else None
    if pre is None and ctx.prev_word(m.start()) in ctx.g.year_blocking_previous:
        return None
    y = int(m["year_y"])
    if pre in ctx.g.year_parts:
        return year_mention(ctx, m.start(), m.end(), y, False, ctx.g.year_parts[pre])
    s = m.start() if pre in ("fiscal", "the year") else m.start("year_y")
    return year_mention(ctx, s, m.end(), y, False)



HANDLERS: dict[str, Callable[[Ctx, re.Match[str]], DateMention | None]] = {
    "iso": _h_iso, "num": _h_num, "wdd": _h_wdd, "drange": _h_drange, "mrange": _h_mrange,
    "dmy": _h_dm("dmy_"), "my": _h_my, "mdy": _h_dm("mdy_"), "part": _h_part,
    "quarter": _h_quarter, "year": _h_year,
}
