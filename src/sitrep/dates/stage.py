"""Pipeline stage ``dates``: the article's anchor date and its date mentions."""

from __future__ import annotations

from ..article import Article, DateMention
from .anchor import dateline_span, infer_anchor
from .grammar import grammar
from .recognize import scan_dates

__all__ = ["DateStage", "acled_time_precision"]

_PRECISION = {"day": 1, "week": 2}


def acled_time_precision(mention: DateMention) -> int:
    """ACLED ``time_precision`` of a mention: 1 = day, 2 = week (or a few days' range),
    3 = month or longer."""
    if mention.grain == "day":
        span = (mention.last_day - mention.first_day).days
        return 1 if span <= 1 else 2 if span <= 7 else 3
    return _PRECISION.get(mention.grain, 3)


class DateStage:
    """Sets ``article.anchor``, ``article.anchor_source`` and ``article.dates``.

    ``day_first`` reads numeric dates as day/month/year (default month/day/year).
    """

    name = "dates"
    requires: tuple[str, ...] = ("sentences",)
    sets = ("anchor", "anchor_source", "dates")

    def __init__(self, day_first: bool = False) -> None:
        self.day_first = day_first
        grammar()  # compile once, at construction

    def __call__(self, article: Article) -> Article:
        guess = infer_anchor(article.text, article.published, article.url)
        article.anchor, article.anchor_source = guess.day, guess.source
        result = scan_dates(article.text, guess.day, sentences=article.sentences or None,
                            day_first=self.day_first)
        mentions = result.mentions
        own = dateline_span(article.text)
        if own is not None:  # the dateline dates the report, not an event in it
            mentions = [m for m in mentions if m.end <= own[0] or m.start >= own[1]]
        article.dates = sorted(mentions, key=lambda m: (m.start, m.end))
        if guess.day is None:
            article.diagnose(self.name, "no-anchor",
                             f"no publication date, URL date, dateline or full date in the text; "
                             f"{len(result.unresolved)} relative expression(s) left out")
            for start, end in result.unresolved:
                article.diagnose(self.name, "unresolved-relative-date",
                                 f"{article.text[start:end]!r} needs an anchor", start, end)
        return article
