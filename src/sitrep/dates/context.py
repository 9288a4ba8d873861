"""The recogniser's per-text context and the builders of :class:`DateMention` values.

A :class:`Ctx` carries what every handler needs: the text, the anchor, the sentence
starts (for the tense look-up), the case of the text and the compiled grammar.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..article import DateMention, Sentence
from .calendar_math import iso_week, month_bounds, week_bounds
from .grammar import Grammar, word_key
from .tense import is_future

__all__ = ["Ctx", "NeedsAnchor", "count_number", "day_mention", "day_number", "mk",
           "month_mention", "part_of_day", "range_mention", "week_mention", "year_mention"]

_PREV_WORD = re.compile(r"([\w'’.]+)[\s(]*$")


class NeedsAnchor(Exception):
    """Raised by a handler whose expression cannot be resolved without an anchor."""


@dataclass(slots=True)
class Ctx:
    """What the handlers need to know about the text being scanned."""

    text: str
    anchor: date | None
    starts: list[int]
    sentences: Sequence[Sentence]
    caps: bool
    mixed: bool
    day_first: bool
    g: Grammar
    #: ``fold_case(text)`` for the tense patterns, or None when the case-insensitive
    #: patterns must read ``text`` itself (see :mod:`sitrep.nlp.case_odd`)
    folded: str | None = None

    def need(self) -> date:
        """The anchor; raises :class:`NeedsAnchor` when there is none."""
        if self.anchor is None:
            raise NeedsAnchor
        return self.anchor

    def future(self, start: int, end: int) -> bool:
        """Whether the clause around ``text[start:end]`` speaks of the future."""
        i = bisect.bisect_right(self.starts, start) - 1
        s_start = self.sentences[i].start if i >= 0 else 0
        s_end = self.sentences[i].end if i >= 0 else len(self.text)
        if self.folded is not None:
            return is_future(self.g, self.folded, start, end, s_start, s_end, folded=True)
        return is_future(self.g, self.text, start, end, s_start, s_end)

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


def day_number(ctx: Ctx, token: str) -> int:
    key = word_key(token)
    if key in ctx.g.ordinals:
        return ctx.g.ordinals[key]
    return int(re.match(r"\d+", token).group())


def count_number(ctx: Ctx, token: str) -> int:
    key = word_key(token)
    return ctx.g.numbers[key] if key in ctx.g.numbers else int(token)


def mk(ctx: Ctx, start: int, end: int, value: str, grain: str, first: date, last: date,
        relative: bool, pod: str | None = None) -> DateMention:
    return DateMention(start, end, ctx.text[start:end], value, grain, first, last, relative, pod)


def day_mention(ctx: Ctx, s: int, e: int, d: date, relative: bool,
                 pod: str | None = None) -> DateMention:
    return mk(ctx, s, e, d.isoformat(), "day", d, d, relative, pod)


def month_mention(ctx: Ctx, s: int, e: int, y: int, m: int, relative: bool,
                   days: tuple[int, int] | None = None) -> DateMention:
    first, last = month_bounds(y, m)
    if days is not None:  # "mid-March": narrow the bounds, keep the month value
        first = first.replace(day=days[0])
        last = last.replace(day=min(days[1], last.day))
    return mk(ctx, s, e, f"{y}-{m:02d}", "month", first, last, relative)


def week_mention(ctx: Ctx, s: int, e: int, d: date, relative: bool) -> DateMention:
    first, last = week_bounds(d)
    return mk(ctx, s, e, iso_week(d), "week", first, last, relative)


def year_mention(ctx: Ctx, s: int, e: int, y: int, relative: bool,
                  months: tuple[int, int] | None = None) -> DateMention:
    lo, hi = months or (1, 12)
    return mk(ctx, s, e, str(y), "year", date(y, lo, 1), month_bounds(y, hi)[1], relative)


def range_mention(ctx: Ctx, s: int, e: int, a: date, b: date, relative: bool,
           pod: str | None = None) -> DateMention:
    if b < a:
        a, b = b, a
    value = a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"
    return mk(ctx, s, e, value, "day", a, b, relative, pod)


def part_of_day(ctx: Ctx, word: str | None) -> str | None:
    return ctx.g.parts_of_day.get(word_key(word)) if word else None


