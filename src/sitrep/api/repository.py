"""What the web layer needs from a store: a small ``Repository`` protocol and its value types.

The REST API and the dashboard talk only to this protocol, so the embedded DuckDB store and
the in-memory store used by tests are interchangeable. Events travel as plain dicts (the
contract's Event object, see ``spec/output.md``) with three extra keys the store owns:
``status`` (review state), ``corrected_fields`` (what a person changed) and ``updated``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol, runtime_checkable

__all__ = [
    "AddedArticle",
    "EventDetail",
    "EventFilters",
    "ExportFormat",
    "NotFoundError",
    "Page",
    "Repository",
    "RepositoryError",
    "Revision",
    "SORT_KEYS",
    "STATUSES",
    "Sort",
    "StatsResult",
]

# Review states of an event. "deleted" and "rejected" events are hidden unless asked for.
STATUSES = ("unreviewed", "accepted", "corrected", "rejected", "deleted")
HIDDEN_STATUSES = frozenset({"rejected", "deleted"})
# Keys an event listing can be sorted by (prefix "-" for descending in the API).
SORT_KEYS = ("date", "fatalities", "country", "event_type", "confidence", "updated")
ExportFormat = Literal["csv", "geojson", "parquet"]


class RepositoryError(Exception):
    """Base class of the errors a repository raises (the API maps them to 4xx)."""


class NotFoundError(RepositoryError, LookupError):
    """No event (or article) with that id."""


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The filters of ``sitrep query``; None means "no constraint".

    ``country`` matches an ISO code or a name, ``event_type`` an ACLED event type or
    sub-event type (both case-insensitive; several values may be given). ``actor`` and
    ``text`` are case-insensitive substrings (of actor names; of the source articles).
    """

    country: tuple[str, ...] = ()
    admin1: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    event_type: tuple[str, ...] = ()
    actor: str | None = None
    min_fatalities: int | None = None
    text: str | None = None
    status: tuple[str, ...] = ()
    include_hidden: bool = False


@dataclass(frozen=True, slots=True)
class Sort:
    """Order of a listing: one of ``SORT_KEYS``; ties broken by event id."""

    key: str = "date"
    descending: bool = True


@dataclass(slots=True)
class Page:
    """One page of a listing: ``items`` are flat event rows (see ``flatten.event_row``)."""

    items: list[dict[str, Any]]
    total: int
    offset: int
    limit: int


@dataclass(slots=True)
class Revision:
    """One change to an event, kept forever: who did what, when, old and new values."""

    revision: int
    event_id: str
    action: str  # extract | correct | accept | reject | delete | restore
    who: str
    when: str  # ISO 8601 UTC
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    note: str | None = None


@dataclass(slots=True)
class AddedArticle:
    """The result of storing one extracted article."""

    article_id: str
    event_ids: list[str]
    error: str | None = None
    replaced: bool = False  # the article id was already stored (re-extraction)


@dataclass(slots=True)
class EventDetail:
    """Everything the event page shows.

    ``event`` is the effective event (corrections applied); ``extracted`` the machine's
    version; ``sources`` one dict per source article: ``id``, ``title``, ``url``,
    ``published``, ``text`` and ``evidence`` (offsets into that article's text).
    """

    event: dict[str, Any]
    extracted: dict[str, Any]
    sources: list[dict[str, Any]]
    revisions: list[Revision]


@dataclass(slots=True)
class StatsResult:
    """Aggregates for the dashboard: a timeline and the values present for each facet."""

    timeline: list[dict[str, Any]]  # {"period": "2016-03-07", "events": n, "fatalities": n}
    event_types: dict[str, int]
    countries: dict[str, int]


@runtime_checkable
class Repository(Protocol):
    """The storage the API needs. Implementations must be safe to call from many threads."""

    def add_article(self, line: dict[str, Any]) -> AddedArticle:
        """Store one extracted article (a contract output line that carries ``text``).

        Storing an article id again replaces its machine extraction but never a field a
        person corrected, nor a review decision.
        """
        ...

    def list_events(self, filters: EventFilters, *, sort: Sort, offset: int,
                    limit: int) -> Page:
        """One page of events matching ``filters``, as flat rows."""
        ...

    def get_event(self, event_id: str) -> EventDetail:
        """The event with its evidence, source articles and revisions (NotFoundError)."""
        ...

    def correct_event(self, event_id: str, fields: dict[str, Any], *, who: str,
                      note: str | None = None) -> Revision:
        """Apply a validated correction (flat field names, see ``corrections``)."""
        ...

    def review_event(self, event_id: str, action: str, *, who: str,
                     note: str | None = None) -> Revision:
        """Record a review decision: ``accept``, ``reject``, ``delete`` or ``restore``."""
        ...

    def stats(self, filters: EventFilters, *, bucket: str) -> StatsResult:
        """Timeline per ``day`` or ``week`` and facet counts for the filtered events."""
        ...

    def export(self, fmt: ExportFormat, filters: EventFilters) -> bytes:
        """The filtered events (corrections applied) as CSV, GeoJSON or Parquet bytes."""
        ...

    def count(self) -> int:
        """How many visible events the store holds (for /health)."""
        ...
