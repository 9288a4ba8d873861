"""Handlers of expressions that count from the anchor: "three days ago", "yesterday",
"last week", "between Monday and Wednesday", "on Friday", "in March"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ..article import DateMention
from .calendar_math import add_months, iso_week, resolve_month, resolve_weekday
from .context import (
    Ctx,
    count_number,
    day_mention,
    mk,
    month_mention,
    part_of_day,
    range_mention,
    week_mention,
    year_mention,
)
from .grammar import fold_case, word_key

__all__ = ["HANDLERS"]

# "the day before the vote" is relative to an event, not to the report's date.
_EVENT_FOLLOWS = re.compile(
    r"\s+(?:the|a|an|his|her|its|their|our|this|that|last|next|[A-Z]\w*['’]s)\b")


def _h_ago(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    anchor = ctx.need()
    n = count_number(ctx, m["ago_n"])
    unit = m["ago_u"].lower()
    s, e = m.span()
    if unit == "day":
        return day_mention(ctx, s, e, anchor - timedelta(days=n), True)
    if unit == "week":
        return week_mention(ctx, s, e, anchor - timedelta(days=7 * n), True)
    if unit == "month":
        y, mo = add_months(anchor.year, anchor.month, -n)
        return month_mention(ctx, s, e, y, mo, True)
    return year_mention(ctx, s, e, anchor.year - n, True)


def _h_rel(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    s, e = m.span()
    if m["rel_db"] and _EVENT_FOLLOWS.match(ctx.text, e):
        return None
    a = ctx.need()
    mod = m["rel_mod"].lower() if m["rel_mod"] else None
    pod = part_of_day(ctx, m["rel_pod"]) or (mod if mod in ("early", "late") else None)
    if m["rel_word"]:
        word = m["rel_word"].lower()
        if word == "overnight":  # the night running into the anchor day
            return mk(ctx, s, e, (a - timedelta(days=1)).isoformat(), "day",
                       a - timedelta(days=1), a, True, "night")
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return day_mention(ctx, s, e, a + timedelta(days=shift), True,
                            "night" if word == "tonight" else pod)
    if m["rel_ln"]:
        return day_mention(ctx, s, e, a - timedelta(days=1), True, part_of_day(ctx, m["rel_lnpod"]))
    if m["rel_thispod"]:
        return day_mention(ctx, s, e, a, True, part_of_day(ctx, m["rel_thispod"]))
    if m["rel_db"]:
        phrase = word_key(m["rel_db"])
        shift = -2 if "yesterday" in phrase else 2 if "tomorrow" in phrase else -1
        return day_mention(ctx, s, e, a + timedelta(days=shift), True, pod)
    if m["rel_thewe"]:
        return _rel_period(ctx, s, e, a, "this", "weekend", mod)
    return _rel_period(ctx, s, e, a, m["rel_q"].lower(), m["rel_unit"].lower(), mod)


def _rel_period(ctx: Ctx, s: int, e: int, a: date, q: str, unit: str,
                mod: str | None) -> DateMention:
    """this/last/next week, weekend, month, year, with earlier/later/early/late."""
    step = {"this": 0, "last": -1, "next": 1, "coming": 1}[q]
    if unit == "weekend":
        if step == 0 and a.weekday() >= 5:
            sat = a - timedelta(days=a.weekday() - 5)
        elif step > 0 or (step == 0 and ctx.future(s, e)):
            sat = resolve_weekday(a, 5, "future")
        else:
            sat = resolve_weekday(a - timedelta(days=1), 5, "past")
            if sat + timedelta(days=1) >= a:
                sat -= timedelta(days=7)
        return mk(ctx, s, e, iso_week(sat), "week", sat, sat + timedelta(days=1), True)
    if unit == "week":
        ref = a + timedelta(days=7 * step)
        mention = week_mention(ctx, s, e, ref, True)
        halves = {"early": (0, 2), "late": (3, 6)}
    elif unit == "month":
        y, mo = add_months(a.year, a.month, step)
        mention = month_mention(ctx, s, e, y, mo, True)
        halves = {"early": (0, 9), "late": (20, 30)}
    else:
        mention = year_mention(ctx, s, e, a.year + step, True)
        halves = {"early": (0, 89), "late": (273, 364)}
    if step == 0 and mod == "earlier":
        mention.last_day = a
    elif step == 0 and mod == "later":
        mention.first_day = a
    elif mod in halves:
        lo, hi = halves[mod]
        first = mention.first_day
        mention.first_day = first + timedelta(days=lo)
        mention.last_day = min(mention.last_day, first + timedelta(days=hi))
    return mention


def _h_wrange(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    a = ctx.need()
    w1 = ctx.g.weekdays[word_key(m["wrange_w1"] or m["wrange_w3"])]
    w2 = ctx.g.weekdays[word_key(m["wrange_w2"])]
    span = (w2 - w1) % 7
    if ctx.future(*m.span()):
        first = resolve_weekday(a, w1, "future")
        last = first + timedelta(days=span)
    else:
        last = resolve_weekday(a, w2, "past")
        first = last - timedelta(days=span)
    pod = part_of_day(ctx, m["wrange_p1"] or m["wrange_p3"] or m["wrange_p2"])
    return range_mention(ctx, *m.span(), first, last, True, pod)


def _h_wd(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    a = ctx.need()
    wd = ctx.g.weekdays[word_key(m["wd_w"])]
    mod = m["wd_mod"].lower() if m["wd_mod"] else None
    if mod:
        s = m.start("wd_mod")
    elif m["wd_podpre"]:  # "the night of Friday": from "the"
        s = m.start() + fold_case(ctx.text[m.start():m.start("wd_podpre")]).rfind("the")
    else:
        s = m.start("wd_w")
    e = m.end("wd_pod") if m["wd_pod"] else m.end("wd_w")
    if mod == "last":
        direction = "last"
    elif mod in ("next", "coming"):
        direction = "future"
    elif ctx.prev_word(s) == "since":
        direction = "past"
    elif m["wd_poss"] and not mod:  # "Wednesday's ruling": a named day's event, done
        before = ctx.g.possessive_future.search(ctx.text, max(0, s - 30), s)
        direction = "future" if before else "past"
    else:
        direction = "future" if ctx.future(s, e) else "past"
    pod = (part_of_day(ctx, m["wd_pod"] or m["wd_podpre"])
           or (mod if mod in ("early", "late") else None))
    return day_mention(ctx, s, e, resolve_weekday(a, wd, direction), True, pod)


def _h_mon(ctx: Ctx, m: re.Match[str]) -> DateMention | None:
    mod = m["mon_mod"].lower() if m["mon_mod"] else None
    strong = bool(mod) or ctx.prev_word(m.start()) in ctx.g.month_prepositions
    if not ctx.month_ok(m, "mon_m", strong_context=strong):
        return None
    a = ctx.need()
    mo = ctx.g.months[word_key(m["mon_m"])]
    s = m.start("mon_mod") if mod else m.start("mon_m")
    if m["mon_rel"]:  # "July last year", "in March of next year"
        y = a.year + {"last": -1, "this": 0, "next": 1}[m["mon_rel"].lower()]
        return month_mention(ctx, s, m.end(), y, mo, True)
    direction = mod or ("future" if ctx.future(s, m.end()) else "past")
    return month_mention(ctx, s, m.end(), resolve_month(a, mo, direction), mo, True)




HANDLERS: dict[str, Callable[[Ctx, re.Match[str]], DateMention | None]] = {
    "ago": _h_ago, "rel": _h_rel, "wrange": _h_wrange, "wd": _h_wd, "mon": _h_mon,
}
