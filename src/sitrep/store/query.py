"""Filters over stored events (``sitrep query`` and ``sitrep export`` share them).

They run over the ``effective_events`` view: people's corrections are applied, and events
a reviewer rejected or deleted are left out unless ``include_hidden`` is set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .db import Store
from .effective import HIDDEN_STATUSES

__all__ = ["EventFilter", "filter_sql", "select_events"]


@dataclass(slots=True)
class EventFilter:
    """Every set field narrows the selection; ``text`` searches the reporting articles."""

    country: str | None = None        # name or ISO alpha-2 code
    admin1: str | None = None
    since: date | None = None
    until: date | None = None
    event_type: str | None = None     # ACLED event type or sub-event type
    actor: str | None = None          # substring of actor1, actor2 or an associated actor
    min_fatalities: int | None = None
    text: str | None = None
    limit: int | None = None
    include_hidden: bool = False      # also rejected and (soft-)deleted events

    def where(self) -> tuple[str, list[Any]]:
        """A SQL ``WHERE`` body and its parameters."""
        return filter_sql(
            countries=[self.country] if self.country else (), admin1=self.admin1,
            since=self.since, until=self.until,
            event_types=[self.event_type] if self.event_type else (), actor=self.actor,
            min_fatalities=self.min_fatalities, text=self.text,
            include_hidden=self.include_hidden)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def filter_sql(*, countries: Sequence[str] = (), admin1: str | None = None,
               since: date | None = None, until: date | None = None,
               event_types: Sequence[str] = (), actor: str | None = None,
               min_fatalities: int | None = None, text: str | None = None,
               statuses: Sequence[str] = (), include_hidden: bool = False,
               ) -> tuple[str, list[Any]]:
    """The one filter builder over ``effective_events`` (CLI and API share it): a SQL
    ``WHERE`` body (empty when nothing narrows) and its parameters.

    Matching is case-insensitive; ``countries`` match a name or an ISO alpha-2 code,
    ``event_types`` an event type or a sub-event type, ``actor`` a substring of actor1,
    actor2 or an associated actor, ``text`` a substring of a reporting article's text or
    title. ``statuses`` selects review statuses; otherwise hidden ones are left out unless
    ``include_hidden``."""
    parts: list[str] = []
    params: list[Any] = []
    if statuses:
        parts.append(f"status IN ({_marks(statuses)})")
        params += list(statuses)
    elif not include_hidden:
        parts.append(f"status NOT IN ({_marks(HIDDEN_STATUSES)})")
        params += list(HIDDEN_STATUSES)
    if countries:
        wanted = [c.lower() for c in countries]
        parts.append(f"(lower(country) IN ({_marks(wanted)}) OR lower(country_code) IN "
                     f"({_marks(wanted)}))")
        params += wanted + wanted
    if admin1:
        parts.append("lower(admin1) = ?")
        params.append(admin1.lower())
    if since:
        parts.append("event_date >= ?")
        params.append(since)
    if until:
        parts.append("event_date <= ?")
        params.append(until)
    if event_types:
        wanted = [t.lower() for t in event_types]
        parts.append(f"(lower(event_type) IN ({_marks(wanted)}) OR lower(sub_event_type) IN "
                     f"({_marks(wanted)}))")
        params += wanted + wanted
    if min_fatalities is not None:
        parts.append("coalesce(fatalities, 0) >= ?")
        params.append(min_fatalities)
    if actor:
        # contains() rather than LIKE: a user's "%" or "_" is a character, not a wildcard.
        parts.append("(contains(lower(actor1), ?) OR contains(lower(actor2), ?) OR "
                     "contains(lower(coalesce(assoc_actors, '')), ?))")
        params += [actor.lower()] * 3
    if text:
        parts.append("event_id IN (SELECT r.event_id FROM event_reports r JOIN articles a "
                     "ON a.key = r.article_key WHERE contains(lower(a.text), ?) "
                     "OR contains(lower(coalesce(a.title, '')), ?))")
        params += [text.lower()] * 2
    return " AND ".join(parts), params


def select_events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Stored events matching ``flt`` (date order), corrections applied, as column -> value
    dicts (the ``events`` columns plus ``status``, ``corrected_fields`` and ``updated``)."""
    flt = flt or EventFilter()
    where, params = flt.where()
    rows = store.event_rows(where, params, effective=True)
    return rows[: flt.limit] if flt.limit is not None else rows
