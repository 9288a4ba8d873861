"""Filters over stored events (``sitrep query`` and ``sitrep export`` share them).

They run over the ``effective_events`` view: people's corrections are applied, and events
a reviewer rejected or deleted are left out unless ``include_hidden`` is set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .db import Store
from .effective import HIDDEN_STATUSES

__all__ = ["EventFilter", "select_events"]


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
        parts: list[str] = []
        params: list[Any] = []
        if not self.include_hidden:
            parts.append("status NOT IN (" + ", ".join("?" for _ in HIDDEN_STATUSES) + ")")
            params += list(HIDDEN_STATUSES)
        if self.country:
            parts.append("(lower(country) = lower(?) OR upper(country_code) = upper(?))")
            params += [self.country, self.country]
        if self.admin1:
            parts.append("lower(admin1) = lower(?)")
            params.append(self.admin1)
        if self.since:
            parts.append("event_date >= ?")
            params.append(self.since)
        if self.until:
            parts.append("event_date <= ?")
            params.append(self.until)
        if self.event_type:
            parts.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [self.event_type, self.event_type]
        if self.actor:
            parts.append("(actor1 ILIKE ? OR actor2 ILIKE ? OR assoc_actors ILIKE ?)")
            params += [f"%{self.actor}%"] * 3
        if self.min_fatalities is not None:
            parts.append("coalesce(fatalities, 0) >= ?")
            params.append(self.min_fatalities)
        if self.text:
            parts.append("event_id IN (SELECT r.event_id FROM event_reports r JOIN articles a"
                         " ON a.key = r.article_key WHERE a.text ILIKE ?)")
            params.append(f"%{self.text}%")
        return " AND ".join(parts), params


def select_events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Stored events matching ``flt`` (date order), corrections applied, as column -> value
    dicts (the ``events`` columns plus ``status``, ``corrected_fields`` and ``updated``)."""
    flt = flt or EventFilter()
    where, params = flt.where()
    rows = store.event_rows(where, params, effective=True)
    return rows[: flt.limit] if flt.limit is not None else rows
