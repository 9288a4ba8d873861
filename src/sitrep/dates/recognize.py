"""Find and normalise date expressions in a text against an anchor date.

One pass of the precompiled grammar (:mod:`.grammar`) finds candidates; a handler per
alternative checks false friends ("Theresa May", "a march", "2,000 people") and turns
the match into a :class:`~sitrep.article.DateMention`. Expressions that need an anchor
are skipped when there is none (and reported through :func:`scan_dates`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..article import DateMention, Sentence
from ..nlp.sentences import split_sentences
from .calendar_math import (
    add_months,
    iso_week,
    month_bounds,
    nearest_month_day,
    resolve_month,
    resolve_weekday,
    safe_date,
    two_digit_year,
    week_bounds,
)
from .grammar import Grammar, fold_case, grammar, word_key

__all__ = ["ScanResult", "find_dates", "scan_dates"]

_NOT_UPPER = re.compile(r"[^A-Z]+")
_NOT_LOWER = re.compile(r"[^a-z]+")
_NEXT_WORD = re.compile(r"\s*([\w'’]+)")
_PREV_WORD = re.compile(r"([\w'’.]+)[\s(]*$")
# "the day before the vote" is relative to an event, not to the report's date.
_EVENT_FOLLOWS = re.compile(
    r"\s+(?:the|a|an|his|her|its|their|our|this|that|last|next|[A-Z]\w*['’]s)\b")


@dataclass(slots=True)
class ScanResult:
    """Mentions found, and the spans of relative expressions left out for want of an anchor."""

    mentions: list[DateMention] = field(default_factory=list)
    unresolved: list[tuple[int, int]] = field(default_factory=list)


class _NeedsAnchor(Exception):
    """Raised by a handler whose expression cannot be resolved without an anchor."""


@dataclass(slots=True)
class _Ctx:
    text: str
    anchor: date | None
    starts: list[int]
    sentences: Sequence[Sentence]
    caps: bool
    mixed: bool
    day_first: bool
    g: Grammar

    def need(self) -> date:
        if self.anchor is None:
            raise _NeedsAnchor
        return self.anchor

    def future(self, start: int, end: int) -> bool:
        """Whether the clause around ``text[start:end]`` speaks of the future: the nearest
        tense cue before the expression in its sentence decides, else the first after it."""
        i = bisect.bisect_right(self.starts, start) - 1
        s_start = self.sentences[i].start if i >= 0 else 0
        s_end = self.sentences[i].end if i >= 0 else len(self.text)
        lo = max(s_start, start - 80)
        best_f = best_p = -1
        # Compare end offsets so "is due" (future) beats the "is" inside it.
        for m in self.g.future_pattern.finditer(self.text, lo, start):
            best_f = m.end()
        for m in self.g.past_pattern.finditer(self.text, lo, start):
            best_p = m.end()
        if best_f >= 0 or best_p >= 0:
            return best_f >= best_p
        hi = min(s_end, end + 50)
        f = self.g.future_pattern.search(self.text, end, hi)
        p = self.g.past_pattern.search(self.text, end, hi)
        return f is not None and (p is None or f.start() < p.start())

    def prev_word(self, pos: int) -> str | None:
        """The word just before ``pos`` (lower case, no trailing period), if any."""
        prev = _PREV_WORD.search(self.text, max(0, pos - 30), pos)
        return word_key(prev.group(1)) if prev else None

    def month_ok(self, m: re.Match[str], group: str, strong_context: bool) -> bool:
        """A month word is a month: capitalised in mixed-case text; "May"/"March" alone
        only after a date preposition or modifier ("in May", "early March")."""
        if self.mixed and not self.text[m.start(group)].isupper():
            return False
        return strong_context or word_key(m[group]) not in self.g.ambiguous_months


def _day(ctx: _Ctx, token: str) -> int:
    key = word_key(token)
    if key in ctx.g.ordinals:
        return ctx.g.ordinals[key]
    return int(re.match(r"\d+", token).group())


def _number(ctx: _Ctx, token: str) -> int:
    key = word_key(token)
    return ctx.g.numbers[key] if key in ctx.g.numbers else int(token)


def _mk(ctx: _Ctx, start: int, end: int, value: str, grain: str, first: date, last: date,
        relative: bool, pod: str | None = None) -> DateMention:
    return DateMention(start, end, ctx.text[start:end], value, grain, first, last, relative, pod)


def _day_mention(ctx: _Ctx, s: int, e: int, d: date, relative: bool,
                 pod: str | None = None) -> DateMention:
    return _mk(ctx, s, e, d.isoformat(), "day", d, d, relative, pod)


def _month_mention(ctx: _Ctx, s: int, e: int, y: int, m: int, relative: bool,
                   days: tuple[int, int] | None = None) -> DateMention:
    first, last = month_bounds(y, m)
    if days is not None:  # "mid-March": narrow the bounds, keep the month value
        first = first.replace(day=days[0])
        last = last.replace(day=min(days[1], last.day))
    return _mk(ctx, s, e, f"{y}-{m:02d}", "month", first, last, relative)


def _week_mention(ctx: _Ctx, s: int, e: int, d: date, relative: bool) -> DateMention:
    first, last = week_bounds(d)
    return _mk(ctx, s, e, iso_week(d), "week", first, last, relative)


def _year_mention(ctx: _Ctx, s: int, e: int, y: int, relative: bool,
                  months: tuple[int, int] | None = None) -> DateMention:
    lo, hi = months or (1, 12)
    return _mk(ctx, s, e, str(y), "year", date(y, lo, 1), month_bounds(y, hi)[1], relative)


def _range(ctx: _Ctx, s: int, e: int, a: date, b: date, relative: bool,
           pod: str | None = None) -> DateMention:
    if b < a:
        a, b = b, a
    value = a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"
    return _mk(ctx, s, e, value, "day", a, b, relative, pod)


def _pod(ctx: _Ctx, word: str | None) -> str | None:
    return ctx.g.parts_of_day.get(word_key(word)) if word else None


# --- handlers: one per grammar alternative -------------------------------------------

def _h_iso(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    d = safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    return _day_mention(ctx, *m.span(), d, False) if d else None


def _h_num(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
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
    return _day_mention(ctx, *m.span(), dt, False) if dt else None


def _explicit_day(ctx: _Ctx, m: re.Match[str], p: str) -> tuple[date | None, bool, int]:
    """Day, month and optional year of a ``dm``/``md`` core: (date, relative, end)."""
    if not ctx.month_ok(m, p + "m", strong_context=True):
        return None, False, 0
    mo = ctx.g.months[word_key(m[p + "m"])]
    d = _day(ctx, m[p + "d"])
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


def _h_dm(p: str) -> Callable[[_Ctx, re.Match[str]], DateMention | None]:
    def handler(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
        dt, rel, end = _explicit_day(ctx, m, p)
        start = min(m.start(p + "d"), m.start(p + "m"))  # without a leading "the"
        return _day_mention(ctx, start, end, dt, rel) if dt else None
    return handler


def _h_wdd(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    p = "wdd1_" if m["wdd1_m"] else "wdd2_"
    dt, rel, end = _explicit_day(ctx, m, p)
    return _day_mention(ctx, m.start(), end, dt, rel) if dt else None


def _h_drange(ctx: _Ctx, m: re.Match[str], p: str = "drange_") -> DateMention | None:
    if not ctx.month_ok(m, p + "m", strong_context=True):
        return None
    mo = ctx.g.months[word_key(m[p + "m"])]
    d1, d2 = _day(ctx, m[p + "d1"]), _day(ctx, m[p + "d2"])
    if m[p + "y"]:
        a, b, rel = safe_date(int(m[p + "y"]), mo, d1), safe_date(int(m[p + "y"]), mo, d2), False
    else:
        a = nearest_month_day(ctx.need(), mo, d1, ctx.future(*m.span()))
        b = safe_date(a.year, mo, d2) if a else None
        rel = True
    return _range(ctx, *m.span(), a, b, rel) if a and b else None


def _h_mrange(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    return _h_drange(ctx, m, "mrange_")


def _h_my(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    if not ctx.month_ok(m, "my_m", strong_context=True):
        return None
    return _month_mention(ctx, *m.span(), int(m["my_y"]), ctx.g.months[word_key(m["my_m"])], False)


def _h_part(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    mod = word_key(m["part_mod"]).removeprefix("the ")
    s = m.start("part_mod")
    if m["part_y2"]:
        return _year_mention(ctx, s, m.end(), int(m["part_y2"]), False, ctx.g.year_parts[mod])
    if not ctx.month_ok(m, "part_m", strong_context=True):
        return None
    mo = ctx.g.months[word_key(m["part_m"])]
    if m["part_y"]:
        return _month_mention(ctx, s, m.end(), int(m["part_y"]), mo, False, ctx.g.month_parts[mod])
    anchor = ctx.need()
    y = resolve_month(anchor, mo, "future" if ctx.future(s, m.end()) else "past")
    return _month_mention(ctx, s, m.end(), y, mo, True, ctx.g.month_parts[mod])


def _h_quarter(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
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
    return _mk(ctx, s, m.end(), f"{y}-Q{n}", "quarter", first, last, rel)


def _h_ago(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    anchor = ctx.need()
    n = _number(ctx, m["ago_n"])
    unit = m["ago_u"].lower()
    s, e = m.span()
    if unit == "day":
        return _day_mention(ctx, s, e, anchor - timedelta(days=n), True)
    if unit == "week":
        return _week_mention(ctx, s, e, anchor - timedelta(days=7 * n), True)
    if unit == "month":
        y, mo = add_months(anchor.year, anchor.month, -n)
        return _month_mention(ctx, s, e, y, mo, True)
    return _year_mention(ctx, s, e, anchor.year - n, True)


def _h_rel(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    s, e = m.span()
    if m["rel_db"] and _EVENT_FOLLOWS.match(ctx.text, e):
        return None
    a = ctx.need()
    mod = m["rel_mod"].lower() if m["rel_mod"] else None
    pod = _pod(ctx, m["rel_pod"]) or (mod if mod in ("early", "late") else None)
    if m["rel_word"]:
        word = m["rel_word"].lower()
        if word == "overnight":  # the night running into the anchor day
            return _mk(ctx, s, e, (a - timedelta(days=1)).isoformat(), "day",
                       a - timedelta(days=1), a, True, "night")
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return _day_mention(ctx, s, e, a + timedelta(days=shift), True,
                            "night" if word == "tonight" else pod)
    if m["rel_ln"]:
        return _day_mention(ctx, s, e, a - timedelta(days=1), True, _pod(ctx, m["rel_lnpod"]))
    if m["rel_thispod"]:
        return _day_mention(ctx, s, e, a, True, _pod(ctx, m["rel_thispod"]))
    if m["rel_db"]:
        phrase = word_key(m["rel_db"])
        shift = -2 if "yesterday" in phrase else 2 if "tomorrow" in phrase else -1
        return _day_mention(ctx, s, e, a + timedelta(days=shift), True, pod)
    if m["rel_thewe"]:
        return _rel_period(ctx, s, e, a, "this", "weekend", mod)
    return _rel_period(ctx, s, e, a, m["rel_q"].lower(), m["rel_unit"].lower(), mod)


def _rel_period(ctx: _Ctx, s: int, e: int, a: date, q: str, unit: str,
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
        return _mk(ctx, s, e, iso_week(sat), "week", sat, sat + timedelta(days=1), True)
    if unit == "week":
        ref = a + timedelta(days=7 * step)
        mention = _week_mention(ctx, s, e, ref, True)
        halves = {"early": (0, 2), "late": (3, 6)}
    elif unit == "month":
        y, mo = add_months(a.year, a.month, step)
        mention = _month_mention(ctx, s, e, y, mo, True)
        halves = {"early": (0, 9), "late": (20, 30)}
    else:
        mention = _year_mention(ctx, s, e, a.year + step, True)
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


def _h_wrange(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
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
    pod = _pod(ctx, m["wrange_p1"] or m["wrange_p3"] or m["wrange_p2"])
    return _range(ctx, *m.span(), first, last, True, pod)


def _h_wd(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
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
    else:
        direction = "future" if ctx.future(s, e) else "past"
    pod = _pod(ctx, m["wd_pod"] or m["wd_podpre"]) or (mod if mod in ("early", "late") else None)
    return _day_mention(ctx, s, e, resolve_weekday(a, wd, direction), True, pod)


def _h_mon(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    mod = m["mon_mod"].lower() if m["mon_mod"] else None
    strong = bool(mod) or ctx.prev_word(m.start()) in ctx.g.month_prepositions
    if not ctx.month_ok(m, "mon_m", strong_context=strong):
        return None
    a = ctx.need()
    mo = ctx.g.months[word_key(m["mon_m"])]
    s = m.start("mon_mod") if mod else m.start("mon_m")
    direction = mod or ("future" if ctx.future(s, m.end()) else "past")
    return _month_mention(ctx, s, m.end(), resolve_month(a, mo, direction), mo, True)


def _h_year(ctx: _Ctx, m: re.Match[str]) -> DateMention | None:
    nxt = _NEXT_WORD.match(ctx.text, m.end())
    if nxt and nxt.group(1).lower() in ctx.g.year_unit_nouns:
        return None
    pre = word_key(m["year_pre"]) if m["year_pre"] else None
    if pre is None and ctx.prev_word(m.start()) in ctx.g.year_blocking_previous:
        return None
    y = int(m["year_y"])
    if pre in ctx.g.year_parts:
        return _year_mention(ctx, m.start(), m.end(), y, False, ctx.g.year_parts[pre])
    s = m.start() if pre in ("fiscal", "the year") else m.start("year_y")
    return _year_mention(ctx, s, m.end(), y, False)


_HANDLERS: dict[str, Callable[[_Ctx, re.Match[str]], DateMention | None]] = {
    "iso": _h_iso, "num": _h_num, "wdd": _h_wdd, "drange": _h_drange, "mrange": _h_mrange,
    "dmy": _h_dm("dmy_"), "my": _h_my, "mdy": _h_dm("mdy_"), "part": _h_part,
    "quarter": _h_quarter, "ago": _h_ago,
    "rel": _h_rel, "wrange": _h_wrange, "wd": _h_wd, "mon": _h_mon, "year": _h_year,
}


def _case_of(text: str) -> tuple[bool, bool]:
    """(all-caps, mixed-case) judged on a sample of the letters."""
    sample = text[:4000]
    upper = len(_NOT_UPPER.sub("", sample))
    lower = len(_NOT_LOWER.sub("", sample))
    caps = lower < 0.1 * upper
    mixed = not caps and upper >= 0.01 * lower
    return caps, mixed


def scan_dates(text: str, anchor: date | None, *, sentences: Sequence[Sentence] | None = None,
               day_first: bool = False) -> ScanResult:
    """Every date expression of ``text``; relative ones are resolved against ``anchor``
    or, when it is ``None``, listed in ``unresolved`` instead."""
    if sentences is None:
        sentences = split_sentences(text)
    caps, mixed = _case_of(text)
    g = grammar()
    ctx = _Ctx(text, anchor, [s.start for s in sentences], sentences, caps, mixed, day_first, g)
    out = ScanResult()
    for m in g.pattern.finditer(fold_case(text)):
        try:
            mention = _HANDLERS[m.lastgroup](ctx, m)
        except _NeedsAnchor:
            out.unresolved.append(m.span())
            continue
        if mention is not None:
            out.mentions.append(mention)
    return out


def find_dates(text: str, anchor: date | None, *, sentences: Sequence[Sentence] | None = None,
               day_first: bool = False) -> list[DateMention]:
    """Date mentions of ``text`` sorted by offset, normalised against ``anchor``.

    Usable without an :class:`~sitrep.article.Article`. With ``anchor=None`` only
    self-contained dates ("7 March 2016", "in 2011") are returned. ``day_first`` reads
    ``3/7/2016`` as 3 July (default: US order, 7 March).
    """
    return scan_dates(text, anchor, sentences=sentences, day_first=day_first).mentions
