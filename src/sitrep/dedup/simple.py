"""A first deduplication: same day, same place, same ACLED sub-event type -> one incident.

The merged event keeps the id of its earliest report, so ids are stable as reports are
added after it; figures are reconciled as ACLED does (the most conservative toll) while
the low/high range covers every source.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..article import Article
from ..schema import Event, Merged

__all__ = ["incident_key", "merge_events"]


def incident_key(event: Event) -> tuple | None:
    """What two reports must share to be one incident here; None when too vague to merge."""
    loc = event.location
    acled = event.codes.acled
    if event.date is None or loc is None or acled is None:
        return None
    place = loc.geonameid if loc.geonameid is not None else (loc.name or "").lower()
    return (event.date, place, acled["sub_event_type"])


def _reconcile(events: list[Event]) -> Merged:
    sources = sorted({s for e in events for s in e.sources})
    tolls = [e.fatalities for e in events if e.fatalities is not None]
    lows = [e.fatalities_low if e.fatalities_low is not None else e.fatalities for e in events]
    highs = [e.fatalities_high if e.fatalities_high is not None else e.fatalities
             for e in events]
    lows = [x for x in lows if x is not None]
    highs = [x for x in highs if x is not None]
    return Merged(sources=sources, fatalities=min(tolls) if tolls else None,
                  fatalities_low=min(lows) if lows else None,
                  fatalities_high=max(highs) if highs else None)


def merge_events(articles: Sequence[Article]) -> None:
    """Give events of one incident (across articles) one id and their merged figures."""
    groups: dict[tuple, list[Event]] = {}
    for article in articles:
        for event in article.events:
            key = incident_key(event)
            if key is not None:
                groups.setdefault(key, []).append(event)
    for events in groups.values():
        articles_in = {s for e in events for s in e.sources}
        if len(articles_in) < 2:
            continue
        merged = _reconcile(events)
        first_id = events[0].event_id
        for e in events:
            e.event_id = first_id
            e.merged = merged
