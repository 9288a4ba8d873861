"""Infer the date an article's relative expressions ("on Monday", "yesterday") count from.

In order of trust: the publication date given with the article; a date in its URL
(``/2016/03/09/``, ``2016-03-09``); a wire dateline ("TUNIS, March 9 (Reuters) -",
"SAN SALVADOR, 3 FEB 90 (RADIO ...) --"); the latest explicit full date in the text. A
date taken from the text is then moved forward to the report's own day when a reporting
clause names a weekday ("the army said Wednesday"): a caption dated Tuesday in a story
where the army "said Wednesday" was filed on the Wednesday.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from ..article import Sentence
from ..nlp.case_odd import case_odd
from .calendar_math import nearest_month_day, safe_date, two_digit_year
from .grammar import fold_case, grammar, word_key
from .recognize import find_dates

__all__ = ["AnchorGuess", "anchor_from_dateline", "anchor_from_text", "anchor_from_url",
           "dateline_span", "infer_anchor", "refine_with_reporting"]

_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)"),
)
# "/2016/jan/26/", "/2016/january/26/"
_URL_NAMED = re.compile(r"/((?:19|20)\d\d)/([a-z]{3,9})/(0?[1-9]|[12]\d|3[01])(?:/|$)",
                        re.IGNORECASE)
# PLACE, <date> (SOURCE) -  at the start of a line near the top of the story.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z .'’()-]{1,40},(?:[ \t]+[A-Z][A-Za-z .'’-]{1,30},)?[ \t]+"
    r"(?P<date>(?:\d{1,2}[ \t]+[A-Za-z]{3,9}\.?(?:[ \t]+'?\d{2,4})?)"
    r"|(?:[A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?))"
    r"[ \t]*(?:\([^)\n]{1,60}\)[ \t]*)?(?:--|-|–|—|_)",
    re.MULTILINE)
_DATELINE_PARTS = re.compile(
    r"(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Za-z]{3,9})\.?(?:\s+(?P<y1>'?\d{2,4}))?)"
    r"|(?:(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:,\s+(?P<y2>\d{4}))?)")
# A year not preceded by a digit, comma, period or dollar sign. The look-behind comes
# after "19"/"20" (and so spans three characters) so that the engine can skip to a "1"
# or "2" in C instead of testing the look-behind at every position.
_YEAR = re.compile(r"(?:19|20)(?<![\d,.$]..)\d\d(?!\d)")


@dataclass(frozen=True, slots=True)
class AnchorGuess:
    """An anchor date and where it came from (``published``, ``url``, ``dateline``, ``text``)."""

    day: date | None
    source: str | None


def anchor_from_url(url: str | None) -> date | None:
    """A full date written in a URL path: ``/2016/03/09/``, ``-20160309-``,
    ``/2016/mar/09/``."""
    if not url:
        return None
    for pattern in _URL_DATES:
        m = pattern.search(url)
        if m:
            d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return d
    m = _URL_NAMED.search(url)
    month = grammar().months.get(m.group(2).lower()) if m else None
    if m and month:
        return safe_date(int(m.group(1)), month, int(m.group(3)))
    return None


def anchor_from_dateline(text: str, year_hint: date | None = None) -> date | None:
    """The date of a wire dateline in the first lines of ``text``. A dateline without a
    year takes the year that puts it nearest ``year_hint`` (or ``None`` without one)."""
    m = _DATELINE.search(text, 0, min(len(text), 600))
    if not m:
        return None
    parts = _DATELINE_PARTS.fullmatch(m["date"])
    if not parts:
        return None
    months = grammar().months
    mword = word_key(parts["m1"] or parts["m2"])
    if mword not in months:
        return None
    mo, d = months[mword], int(parts["d1"] or parts["d2"])
    ytxt = parts["y1"] or parts["y2"]
    if ytxt:
        yy = int(ytxt.lstrip("'"))
        return safe_date(yy if yy >= 100 else two_digit_year(yy, year_hint), mo, d)
    return nearest_month_day(year_hint, mo, d) if year_hint else None


def anchor_from_text(text: str) -> date | None:
    """The latest explicit full date (day, month and year) written in ``text``."""
    # Every full date ends with (or, in ISO form, starts with) its year: scanning a small
    # window around each four-digit year is much cheaper than scanning the whole text.
    days = []
    for y in _YEAR.finditer(text):
        lo = max(0, y.start() - 40)
        window = text[lo:y.end() + 6]
        found = find_dates(window, None, sentences=[Sentence(0, 0, len(window))])
        days += [m.first_day for m in found if m.grain == "day" and not m.relative]
    return max(days) if days else None


def refine_with_reporting(text: str, base: date) -> date:
    """Move ``base`` forward to the report's day named by its reporting clauses ("said
    Wednesday", "told reporters on Thursday"), within 6 days after it. The weekday most
    reporting clauses name wins (the first named, on a tie): a story quoting a Monday
    statement and filed with "said Wednesday" three times was filed on the Wednesday."""
    g = grammar()
    counts: Counter[int] = Counter()
    found = (g.report_pattern.finditer(text) if case_odd(text)
             else g.report_folded.finditer(fold_case(text)))  # the same, much faster
    for m in found:
        counts[g.weekdays[word_key(m["w"])]] += 1
    if not counts:
        return base
    weekday = max(counts, key=counts.__getitem__)  # first inserted wins a tie
    return base + timedelta(days=(weekday - base.weekday()) % 7)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Offsets of the date in a wire dateline at the top of ``text`` ("TUNIS, March 9
    (Reuters) -"): the report's own date, not an event's, so not a date mention."""
    m = _DATELINE.search(text, 0, min(len(text), 600))
    return m.span("date") if m else None


def _year_hint(text: str, found: date | None) -> date | None:
    """Something to take a dateline's missing year from: ``found`` (the latest full date
    in the text), else the latest plausible year written in it (mid-year)."""
    if found:
        return found
    years = [int(y) for y in _YEAR.findall(text[:3000])]
    return date(max(years), 7, 1) if years else None


def infer_anchor(text: str, published: date | None = None, url: str | None = None) -> AnchorGuess:
    """The best anchor for ``text`` and its source; ``AnchorGuess(None, None)`` if none."""
    if published is not None:
        return AnchorGuess(published, "published")
    from_url = anchor_from_url(url)
    if from_url:
        return AnchorGuess(from_url, "url")
    from_dateline = anchor_from_dateline(text, None)
    from_text: date | None = None
    text_scanned = False  # anchor_from_text scans the whole text: at most once
    if from_dateline is None and _DATELINE.search(text, 0, min(len(text), 600)):
        from_text, text_scanned = anchor_from_text(text), True
        from_dateline = anchor_from_dateline(text, _year_hint(text, from_text))
    if from_dateline:
        return AnchorGuess(from_dateline, "dateline")
    if not text_scanned:
        from_text = anchor_from_text(text)
    if from_text:
        return AnchorGuess(refine_with_reporting(text, from_text), "text")
    return AnchorGuess(None, None)
