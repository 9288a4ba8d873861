"""The one object that flows through every stage: an :class:`Article` and its mentions.

Every ``start``/``end`` in here is a character offset into ``Article.text`` (``end``
exclusive), so ``article.text[m.start:m.end] == m.text`` for every mention ``m``.
Stages add mentions and diagnostics; they never change ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "ActorMention",
    "Article",
    "CountMention",
    "DateMention",
    "Diagnostic",
    "PlaceCandidate",
    "PlaceMention",
    "Sentence",
]


@dataclass(slots=True)
class Diagnostic:
    """Something a stage could not do, kept as data (never only in a log)."""

    stage: str
    code: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Sentence:
    """A sentence (or headline/caption line) of the article: ``text[start:end]``."""

    index: int
    start: int
    end: int


@dataclass(slots=True)
class PlaceCandidate:
    """A gazetteer entry a toponym might refer to, with its resolution score."""

    name: str
    geonameid: int | None  # None: an entry GeoNames does not number (an admin area)
    lat: float
    lon: float
    country_code: str | None
    feature: str
    score: float


@dataclass(slots=True)
class PlaceMention:
    """A toponym in the text and the place it was resolved to.

    ``feature`` is one of ``country``, ``admin1``, ``admin2``, ``city``, ``region``,
    ``other``. An unresolved toponym keeps ``lat``/``lon``/``geonameid`` as ``None``.
    """

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature: str = "other"
    population: int = 0
    score: float = 0.0
    alternatives: list[PlaceCandidate] = field(default_factory=list)


@dataclass(slots=True)
class DateMention:
    """A calendar expression normalised against the article's anchor date.

    ``value`` is ISO 8601 at the precision the text gives (``2016-03-07``, ``2016-03``,
    ``2016-W10``, ``2016-Q1``, ``2016``, or an interval ``2016-03-07/2016-03-09``); ``grain``
    names that precision (``day``, ``week``, ``quarter``,
    ``month``, ``year``). ``first_day``/``last_day`` bound the period it denotes (a
    single day has both equal; "between Monday and Wednesday" spans three days).
    """

    start: int
    end: int
    text: str
    value: str
    grain: str
    first_day: date
    last_day: date
    relative: bool = False
    part_of_day: str | None = None


@dataclass(slots=True)
class CountMention:
    """A reported number of people killed, wounded, arrested or abducted.

    ``value`` is the conservative figure by ACLED's rules ("dozens" -> 12), ``low`` and
    ``high`` the range the words allow ("at least 55" -> 55..None, "up to 60" -> None..60,
    "between 5 and 8" -> 5..8). ``side`` says whose dead they are where the text says:
    ``perpetrators`` (attackers, militants), ``state`` (troops, police), ``civilians``,
    or ``unknown``. ``is_total`` marks an overall toll ("at least 55 people died") as
    opposed to a part of one ("12 troops"). ``trigger_*`` locate the verb or noun of the
    outcome ("killed", "dead", "arrested").
    """

    start: int
    end: int
    text: str
    kind: str
    value: int | None
    low: int | None = None
    high: int | None = None
    side: str = "unknown"
    group_text: str | None = None
    is_total: bool = False
    trigger_start: int | None = None
    trigger_end: int | None = None
    sentence_index: int | None = None


@dataclass(slots=True)
class ActorMention:
    """A named or described actor, normalised to an ACLED-style name and ``inter`` code.

    ``category`` is a coarse kind used by event rules: ``military``, ``police``,
    ``government``, ``rebel``, ``political_militia``, ``identity_militia``, ``rioters``,
    ``protesters``, ``civilians``, ``external``, ``unidentified``.
    """

    start: int
    end: int
    text: str
    name: str
    inter: int
    category: str
    country_code: str | None = None


@dataclass(slots=True)
class Article:
    """One news report and everything the pipeline has found in it."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    # True when ``text`` was extracted from HTML: the output line then carries the text,
    # since offsets index it and the reader has no other copy of it.
    from_html: bool = False
    # The date relative expressions are resolved against, and where it came from
    # ("published", "url", "dateline", "text").
    anchor: date | None = None
    anchor_source: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list = field(default_factory=list)  # list[sitrep.schema.Event]
    # Under --dedup: the id of the incident the article as a whole reports (articles on
    # one incident share it, even when no ACLED event was extracted from them).
    incident: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None

    def diagnose(self, stage: str, code: str, message: str,
                 start: int | None = None, end: int | None = None) -> None:
        """Record a problem a stage met, and carry on."""
        self.diagnostics.append(Diagnostic(stage, code, message, start, end))

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset`` (binary search)."""
        from .nlp.sentences import sentence_index_at

        i = sentence_index_at(self.sentences, offset)
        return self.sentences[i] if i >= 0 else None
