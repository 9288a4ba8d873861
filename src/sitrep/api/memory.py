"""An in-memory ``Repository``: the reference implementation the API tests run against.

It keeps, per event, the machine's extraction and a separate dict of corrections, and
lays the corrections over the extraction on every read, so re-extracting an article never
overwrites a person's work. Listings use small indexes (country, event type) and cached
rows so that filtered queries over 100,000 events stay in the low milliseconds.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np

from .columns import ColumnIndex
from .corrections import EDITABLE_FIELDS, apply_corrections, get_field, validate_correction
from .flatten import (
    event_row,
    evidence_spans,
    rows_to_csv,
    rows_to_geojson,
    rows_to_parquet,
)
from .repository import (
    HIDDEN_STATUSES,
    AddedArticle,
    EventDetail,
    EventFilters,
    ExportFormat,
    NotFoundError,
    Page,
    Revision,
    Sort,
    StatsResult,
)

__all__ = ["InMemoryRepository", "REVIEW_ACTIONS"]

# Review action -> the status it leaves the event in.
REVIEW_ACTIONS = {"accept": "accepted", "reject": "rejected", "delete": "deleted",
                  "restore": "unreviewed"}
_MACHINE = "sitrep"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class _Article:
    id: str
    text: str
    meta: dict[str, Any]
    extractions: dict[str, dict[str, Any]]  # event_id -> that article's event dict


@dataclass(slots=True)
class _Event:
    event_id: str
    extracted: dict[str, Any]
    sources: list[str]
    corrections: dict[str, Any] = field(default_factory=dict)
    status: str = "unreviewed"
    updated: str = ""
    revisions: list[Revision] = field(default_factory=list)
    row: dict[str, Any] | None = None  # cached flat row of the effective event

    def effective(self) -> dict[str, Any]:
        event = apply_corrections(self.extracted, self.corrections)
        if event is self.extracted:
            event = dict(event)
        event["sources"] = list(self.sources)
        event["status"] = self.status
        event["corrected_fields"] = sorted(self.corrections)
        event["updated"] = self.updated
        return event


def _lower(value: Any) -> str:
    return str(value).lower() if value is not None else ""


class InMemoryRepository:
    """A thread-safe, process-local store of articles, events, corrections and revisions."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._articles: dict[str, _Article] = {}
        self._events: dict[str, _Event] = {}
        self._index: ColumnIndex | None = None  # columns of every event (lazy)
        self._revision_no = 0

    # -- writing -------------------------------------------------------------------------

    def add_article(self, line: dict[str, Any]) -> AddedArticle:
        """Store an extracted article; re-storing an id keeps corrections and reviews."""
        article_id = str(line["id"])
        events = [e for e in line.get("events") or [] if e.get("event_id")]
        with self._lock:
            old = self._articles.get(article_id)
            meta = {k: line.get(k) for k in ("title", "url", "published", "source")}
            self._articles[article_id] = _Article(
                article_id, line.get("text") or "", meta, {e["event_id"]: e for e in events})
            if old is not None:
                self._unlink(old, keep={e["event_id"] for e in events})
            for e in events:
                self._link(article_id, e)
            self._index = None
        return AddedArticle(article_id, [e["event_id"] for e in events], line.get("error"),
                            replaced=old is not None)

    def _unlink(self, old: _Article, keep: set[str]) -> None:
        for event_id in old.extractions:
            ev = self._events.get(event_id)
            if ev is None or event_id in keep or old.id not in ev.sources:
                continue
            if len(ev.sources) == 1 and (ev.corrections or ev.status != "unreviewed"):
                continue  # a person vouched for it: it outlives the machine's change of mind
            ev.sources.remove(old.id)
            if not ev.sources:
                del self._events[event_id]

    def _link(self, article_id: str, extracted: dict[str, Any]) -> None:
        event_id = extracted["event_id"]
        ev = self._events.get(event_id)
        if ev is None:
            ev = _Event(event_id, extracted, [article_id], updated=_now())
            self._events[event_id] = ev
            self._record(ev, "extract", _MACHINE, {})
        else:
            if article_id not in ev.sources:
                ev.sources.append(article_id)
            if ev.sources[0] == article_id:  # the first report stays the base version
                changes = {name: {"old": get_field(ev.extracted, name),
                                  "new": get_field(extracted, name)}
                           for name in EDITABLE_FIELDS
                           if get_field(ev.extracted, name) != get_field(extracted, name)}
                ev.extracted = extracted
                if changes:
                    self._record(ev, "re-extract", _MACHINE, changes)
        ev.row = None

    def correct_event(self, event_id: str, fields: dict[str, Any], *, who: str,
                      note: str | None = None) -> Revision:
        """Validate and record a correction; the event's status becomes ``corrected``."""
        clean = validate_correction(fields)
        with self._lock:
            ev = self._get(event_id)
            before = ev.effective()
            changes = {name: {"old": get_field(before, name), "new": value}
                       for name, value in clean.items()}
            ev.corrections.update(clean)
            ev.status = "corrected"
            ev.updated = _now()
            ev.row = None
            self._index = None
            return self._record(ev, "correct", who, changes, note)

    def review_event(self, event_id: str, action: str, *, who: str,
                     note: str | None = None) -> Revision:
        """Accept, reject, (soft-)delete or restore an event."""
        if action not in REVIEW_ACTIONS:
            raise ValueError(f"unknown review action {action!r}")
        with self._lock:
            ev = self._get(event_id)
            status = REVIEW_ACTIONS[action]
            if action == "restore" and ev.corrections:
                status = "corrected"
            changes = {"status": {"old": ev.status, "new": status}}
            ev.status = status
            ev.updated = _now()
            ev.row = None
            self._index = None
            return self._record(ev, action, who, changes, note)

    def _record(self, ev: _Event, action: str, who: str, changes: dict[str, Any],
                note: str | None = None) -> Revision:
        self._revision_no += 1
        rev = Revision(self._revision_no, ev.event_id, action, who, _now(), changes, note)
        ev.revisions.append(rev)
        return rev

    def _get(self, event_id: str) -> _Event:
        ev = self._events.get(event_id)
        if ev is None:
            raise NotFoundError(f"no event {event_id!r}")
        return ev

    # -- reading -------------------------------------------------------------------------

    def _row(self, ev: _Event) -> dict[str, Any]:
        if ev.row is None:
            ev.row = event_row(ev.effective())
        return ev.row

    def _columns(self) -> ColumnIndex:
        # Rebuilt lazily after a write: writes are rare, filtered reads are many.
        if self._index is None:
            events = list(self._events.values())
            assoc = [" | ".join(a.get("name") or "" for a in
                                ev.extracted.get("assoc_actors") or []) for ev in events]
            self._index = ColumnIndex([self._row(ev) for ev in events], assoc)
        return self._index

    def _mask(self, f: EventFilters) -> tuple[ColumnIndex, Any]:
        cols = self._columns()
        sources_ok = None
        if f.text:
            needle = f.text.lower()
            hits = {a.id for a in self._articles.values()
                    if needle in a.text.lower() or needle in _lower(a.meta.get("title"))}
            sources_ok = np.fromiter((not hits.isdisjoint(r["sources"]) for r in cols.rows),
                                     dtype=bool, count=len(cols.rows))
        return cols, cols.mask(f, sources_ok)

    def _filtered(self, f: EventFilters) -> list[dict[str, Any]]:
        cols, mask = self._mask(f)
        return [cols.rows[i] for i in np.flatnonzero(mask).tolist()]

    def list_events(self, filters: EventFilters, *, sort: Sort, offset: int,
                    limit: int) -> Page:
        """One page of flat rows; nulls sort last in either direction."""
        with self._lock:
            cols, mask = self._mask(filters)
            rows, total = cols.page(mask, sort.key, sort.descending, offset, limit)
            return Page([dict(r) for r in rows], total, offset, limit)

    def get_event(self, event_id: str) -> EventDetail:
        """The effective event, the machine's version, its sources and its history."""
        with self._lock:
            ev = self._get(event_id)
            sources = []
            for article_id in ev.sources:
                art = self._articles.get(article_id)
                if art is None:
                    continue
                own = art.extractions.get(event_id) or {}
                sources.append({"id": art.id, **art.meta, "text": art.text,
                                "evidence": evidence_spans(own)})
            return EventDetail(ev.effective(), dict(ev.extracted), sources,
                               list(ev.revisions))

    def stats(self, filters: EventFilters, *, bucket: str) -> StatsResult:
        """Events and fatalities per day or ISO week, and counts per type and country."""
        with self._lock:
            rows = self._filtered(filters)
        periods: dict[str, list[int]] = {}
        types: dict[str, int] = {}
        countries: dict[str, int] = {}
        for r in rows:
            if r["date"]:
                day = date.fromisoformat(r["date"])
                if bucket == "week":
                    day = day - timedelta(days=day.weekday())
                slot = periods.setdefault(day.isoformat(), [0, 0])
                slot[0] += 1
                slot[1] += r["fatalities"] or 0
            if r["event_type"]:
                types[r["event_type"]] = types.get(r["event_type"], 0) + 1
            if r["country"]:
                countries[r["country"]] = countries.get(r["country"], 0) + 1
        timeline = [{"period": p, "events": n, "fatalities": k}
                    for p, (n, k) in sorted(periods.items())]
        return StatsResult(timeline, dict(sorted(types.items())),
                           dict(sorted(countries.items())))

    def export(self, fmt: ExportFormat, filters: EventFilters) -> bytes:
        """CSV, GeoJSON or Parquet of the filtered events, corrections applied."""
        with self._lock:
            rows = sorted(self._filtered(filters), key=lambda r: (r["date"] or "",
                                                                 r["event_id"]))
        writer = {"csv": rows_to_csv, "geojson": rows_to_geojson,
                  "parquet": rows_to_parquet}[fmt]
        return writer(rows)

    def count(self) -> int:
        """Visible events."""
        with self._lock:
            return sum(ev.status not in HIDDEN_STATUSES for ev in self._events.values())
