"""The ``Repository`` over the embedded DuckDB store: what ``sitrep serve`` runs on.

Reads go to the store's ``effective_events`` view (corrections and reviews applied) with
the API's filters turned into SQL, each request thread on its own DuckDB cursor. Writes
(articles, corrections, reviews) are serialised by one lock and go through the store's
own functions, so the web app and ``sitrep ingest``/``query``/``export`` share one file
and one meaning of every table.

``GET /events`` is the hot path (the dashboard sends one per filter change, a load test
hundreds per second): a filtered query over the view of 100,000 events costs 10-30 ms of
CPU in DuckDB, too much for 200 requests/s on two cores. Listings therefore run on a
columnar snapshot of the view (``columns.ColumnIndex``, as the in-memory store does),
read once and kept in step with every write: a correction or review replaces its one
row, a stored article makes the next listing read the view again. Text search, detail,
stats and exports always ask DuckDB.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..article import Article
from ..schema import article_from_dict
from ..store.articles import put_article
from ..store.db import Store
from ..store.effective import VIEW
from ..store.fields import overlay
from ..store.ingest import IngestOptions, IngestStats, ingest
from ..store.query import filter_sql
from ..store.review import (
    HumanAct,
    UnknownEvent,
    correct,
    corrections_of,
    effective_row,
    history,
    review,
)
from .columns import ColumnIndex
from .corrections import validate_correction
from .flatten import evidence_spans, rows_to_csv, rows_to_geojson, rows_to_parquet
from .repository import (
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

__all__ = ["DuckDBRepository"]

# Flat row column -> expression over the view (see ``flatten.ROW_COLUMNS``).
_ROW_SQL = (
    "event_id, event_date AS date, date_precision, event_type, sub_event_type, disorder_type,"
    " actor1, inter1, actor2, inter2, country, country_code, admin1, admin2, location,"
    " latitude, longitude, geo_precision, fatalities, fatalities_low, fatalities_high,"
    " wounded, arrested, abducted, confidence, sources, status, corrected_fields, updated")
_SORT_COLUMNS = {"date": "event_date", "fatalities": "fatalities", "country": "country",
                 "event_type": "event_type", "confidence": "confidence", "updated": "updated"}
_MACHINE = "sitrep"


def _iso_utc(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC, microsecond=0).isoformat()


def where_sql(f: EventFilters) -> tuple[str, list[Any]]:
    """The API's filters as a SQL ``WHERE`` clause over ``effective_events``, and its params."""
    where, params = filter_sql(
        countries=f.country, admin1=f.admin1, since=f.date_from, until=f.date_to,
        event_types=f.event_type, actor=f.actor, min_fatalities=f.min_fatalities,
        text=f.text, statuses=f.status, include_hidden=f.include_hidden)
    return (" WHERE " + where) if where else "", params


class DuckDBRepository:
    """Articles, events, corrections and reviews in one DuckDB file (thread-safe)."""

    def __init__(self, path: str | Path, *, dedup: bool = True) -> None:
        """Open (creating and migrating) the store at ``path``; ``dedup`` merges reports of
        one incident from different articles into one event, as ``sitrep ingest`` does."""
        self.store = Store(path)
        self.path = self.store.path
        self.dedup = dedup
        self._write = threading.RLock()
        self._local = threading.local()
        self._cursors: list[Any] = []
        self._index = self.store.load_incidents()
        self._ids = self._article_ids()
        self._snap: ColumnIndex | None = None  # listing snapshot of the view (lazy)
        self._snap_pos: dict[str, int] = {}
        self._snap_lock = threading.Lock()

    def close(self) -> None:
        """Close every cursor and the store."""
        with self._write:
            for cur in self._cursors:
                cur.close()
            self._cursors.clear()
            self.store.close()

    def _cur(self) -> Any:
        # One cursor per thread: a DuckDB connection must not be shared across threads.
        cur = getattr(self._local, "cur", None)
        if cur is None:
            cur = self._local.cur = self.store.con.cursor()
            with self._write:
                self._cursors.append(cur)
        return cur

    def _article_ids(self) -> dict[str, str]:
        return dict(self.store.con.execute("SELECT key, id FROM articles").fetchall())

    # -- writing -------------------------------------------------------------------------

    def add_article(self, line: dict[str, Any]) -> AddedArticle:
        """Store an extracted article; re-storing it keeps corrections and reviews."""
        article = article_from_dict(line)
        with self._write:
            result = put_article(self.store, self._index, article, dedup=self.dedup)
            self._ids = self._article_ids() if result.replaced else self._ids
            self._ids[result.article_key] = article.id
            self._snap = None
        return AddedArticle(article.id, result.event_ids, line.get("error"),
                            replaced=result.replaced)

    def ingest(self, sources: Sequence[str] | Iterable[Article],
               options: IngestOptions | None = None) -> IngestStats:
        """Run ``sitrep ingest`` on ``sources`` (paths, or Articles) into this store;
        articles already stored are skipped."""
        options = options or IngestOptions(progress=False)
        with self._write:
            stats = ingest(self.store, sources, options)
            self._index = self.store.load_incidents()
            self._ids = self._article_ids()
            self._snap = None
        return stats

    def correct_event(self, event_id: str, fields: dict[str, Any], *, who: str,
                      note: str | None = None) -> Revision:
        """Validate and record a correction; the event's status becomes ``corrected``."""
        clean = validate_correction(fields)
        return self._record(event_id, lambda: correct(self.store, event_id, clean, who=who,
                                                      note=note))

    def review_event(self, event_id: str, action: str, *, who: str,
                     note: str | None = None) -> Revision:
        """Accept, reject, (soft-)delete or restore an event."""
        return self._record(event_id, lambda: review(self.store, event_id, action, who=who,
                                                     note=note))

    def _record(self, event_id: str, act_on_store: Callable[[], HumanAct]) -> Revision:
        """Run one human act under the write lock, refresh the event's listing row and
        return the revision it made (an unknown event is a ``NotFoundError``)."""
        with self._write:
            try:
                act = act_on_store()
            except UnknownEvent as exc:
                raise NotFoundError(str(exc)) from None
            self._refresh(event_id)
        return self._revision_of(act)

    def _refresh(self, event_id: str) -> None:
        """Bring the listing snapshot's row of one event up to date (caller holds the lock)."""
        snap = self._snap
        if snap is None:
            return
        i = self._snap_pos.get(event_id)
        if i is None:
            self._snap = None
            return
        cur = self._cur().execute(f"SELECT {_ROW_SQL}, assoc_actors FROM {VIEW} "
                                  "WHERE event_id = ?", [event_id])
        found = cur.fetchall()
        (row,), (assoc,) = self._flat_with_assoc(found, [d[0] for d in cur.description])
        snap.replace_row(i, row, assoc)

    def _flat_with_assoc(self, rows: list[tuple[Any, ...]], cols: list[str]
                         ) -> tuple[list[dict[str, Any]], list[str]]:
        flat = self._flat(rows, cols)
        assoc = [" | ".join(a.get("name") or "" for a in json.loads(r.pop("assoc_actors")
                                                                     or "[]"))
                 for r in flat]
        return flat, assoc

    def _columns(self) -> ColumnIndex:
        snap = self._snap
        if snap is not None:
            return snap
        with self._snap_lock:  # one thread reads the view; the others wait for it
            if self._snap is None:
                rows, cols = self._select(EventFilters(include_hidden=True),
                                          columns=_ROW_SQL + ", assoc_actors")
                flat, assoc = self._flat_with_assoc(rows, cols)
                self._snap_pos = {r["event_id"]: i for i, r in enumerate(flat)}
                self._snap = ColumnIndex(flat, assoc)
            return self._snap

    def _revision_of(self, act: HumanAct) -> Revision:
        revisions = self._revisions(self._cur(), act.event_id)
        number = next((r.revision for r in revisions if r.action == act.action
                       and r.when == _iso_utc(act.at) and r.who == act.who), len(revisions))
        return Revision(number, act.event_id, act.action, act.who, _iso_utc(act.at) or "",
                        act.changes, act.note)

    # -- reading -------------------------------------------------------------------------

    def _flat(self, rows: list[tuple[Any, ...]], cols: list[str]) -> list[dict[str, Any]]:
        out = []
        for values in rows:
            row = dict(zip(cols, values, strict=True))
            row.pop("_total", None)
            day = row["date"]
            row["date"] = day.isoformat() if isinstance(day, date) else day
            row["updated"] = _iso_utc(row["updated"])
            keys = json.loads(row["sources"] or "[]")
            row["sources"] = [self._ids[k] for k in keys if k in self._ids]
            row["corrected_fields"] = list(row["corrected_fields"] or [])
            out.append(row)
        return out

    def _select(self, filters: EventFilters, tail: str = "", extra: Sequence[Any] = (),
                columns: str = _ROW_SQL) -> tuple[list[tuple[Any, ...]], list[str]]:
        where, params = where_sql(filters)
        cur = self._cur().execute(f"SELECT {columns} FROM {VIEW}{where} {tail}",
                                  params + list(extra))
        return cur.fetchall(), [d[0] for d in cur.description]

    def list_events(self, filters: EventFilters, *, sort: Sort, offset: int,
                    limit: int) -> Page:
        """One page of flat rows; nulls sort last in either direction, ties by event id."""
        if sort.key not in _SORT_COLUMNS:
            raise ValueError(f"cannot sort by {sort.key!r}")
        if not filters.text:
            cols = self._columns()
            rows, total = cols.page(cols.mask(filters), sort.key, sort.descending, offset,
                                    limit)
            return Page([dict(r, sources=list(r["sources"]),
                              corrected_fields=list(r["corrected_fields"])) for r in rows],
                        total, offset, limit)
        way = "DESC" if sort.descending else "ASC"
        found, names = self._select(
            filters, f"ORDER BY {_SORT_COLUMNS[sort.key]} {way} NULLS LAST, event_id {way} "
                     "LIMIT ? OFFSET ?",
            [limit, offset], columns=_ROW_SQL + ", count(*) OVER () AS _total")
        if found:
            total = int(found[0][-1])
        else:
            total = int(self._select(filters, columns="count(*)")[0][0][0])
        return Page(self._flat(found, names), total, offset, limit)

    def get_event(self, event_id: str) -> EventDetail:
        """The effective event, the machine's version, its sources and its history."""
        cur = self._cur()
        try:
            row = effective_row(cur, event_id)
        except UnknownEvent as exc:
            raise NotFoundError(str(exc)) from None
        raw = cur.execute("SELECT event, fatalities, fatalities_low, fatalities_high, sources"
                          " FROM events WHERE event_id = ?", [event_id]).fetchall()[0]
        extracted = json.loads(raw[0])
        extracted["event_id"] = event_id
        extracted["fatalities"], extracted["fatalities_low"], extracted["fatalities_high"] = \
            raw[1], raw[2], raw[3]
        extracted["sources"] = [self._ids[k] for k in json.loads(raw[4] or "[]")
                                if k in self._ids]
        event = overlay(extracted, corrections_of(cur, event_id))
        if event is extracted:
            event = dict(event)
        event["status"] = row["status"]
        event["corrected_fields"] = list(row["corrected_fields"] or [])
        event["updated"] = _iso_utc(row["updated"])
        sources = []
        for art_id, title, url, published, outlet, text, report in cur.execute(
                "SELECT a.id, a.title, a.url, a.published, a.source, a.text, r.event "
                "FROM event_reports r JOIN articles a ON a.key = r.article_key "
                "WHERE r.event_id = ? ORDER BY a.seq, r.idx", [event_id]).fetchall():
            sources.append({"id": art_id, "title": title, "url": url,
                            "published": published.isoformat() if published else None,
                            "source": outlet, "text": text or "",
                            "evidence": evidence_spans(json.loads(report))})
        return EventDetail(event, extracted, sources, self._revisions(cur, event_id))

    def _revisions(self, cur: Any, event_id: str) -> list[Revision]:
        """The machine's and people's changes to one event, oldest first, numbered."""
        found: list[tuple[datetime, int, Revision]] = []
        for number, change_json, created in cur.execute(
                "SELECT revision, change, created_at FROM revisions WHERE event_id = ? "
                "ORDER BY revision", [event_id]).fetchall():
            change = json.loads(change_json)
            action = change.get("action") or ("extract" if "created" in change else "merge")
            changes = {name: {"old": old, "new": new}
                       for name, (old, new) in (change.get("fields") or {}).items()}
            for key in ("fatalities", "fatalities_low", "fatalities_high", "n_sources"):
                if isinstance(change.get(key), list):
                    changes[key] = {"old": change[key][0], "new": change[key][1]}
            found.append((created, number, Revision(0, event_id, action, _MACHINE,
                                                    _iso_utc(created) or "", changes)))
        for act in history(cur, event_id):
            found.append((act.at, 1_000_000 + act.rev, Revision(
                0, event_id, act.action, act.who, _iso_utc(act.at) or "", act.changes,
                act.note)))
        found.sort(key=lambda item: (item[0], item[1]))
        for n, (_, _, rev) in enumerate(found, start=1):
            rev.revision = n
        return [rev for _, _, rev in found]

    def stats(self, filters: EventFilters, *, bucket: str) -> StatsResult:
        """Events and fatalities per day or ISO week, and counts per type and country."""
        period = "date_trunc('week', event_date)" if bucket == "week" else "event_date"
        where, params = where_sql(filters)
        cur = self._cur()
        base = f"FROM {VIEW}{where}"
        joiner = " AND " if where else " WHERE "
        timeline = [{"period": (p.date() if isinstance(p, datetime) else p).isoformat(),
                     "events": int(n), "fatalities": int(k)}
                    for p, n, k in cur.execute(
                        f"SELECT CAST({period} AS DATE), count(*), "
                        f"coalesce(sum(coalesce(fatalities, 0)), 0) {base}{joiner}"
                        "event_date IS NOT NULL GROUP BY 1 ORDER BY 1", params).fetchall()]
        facets = {}
        for column in ("event_type", "country"):
            facets[column] = dict(cur.execute(
                f"SELECT {column}, count(*) {base}{joiner}coalesce({column}, '') <> '' "
                f"GROUP BY 1 ORDER BY 1", params).fetchall())
        return StatsResult(timeline, facets["event_type"], facets["country"])

    def export(self, fmt: ExportFormat, filters: EventFilters) -> bytes:
        """CSV, GeoJSON or Parquet of the filtered events, corrections applied."""
        rows, cols = self._select(filters, "ORDER BY event_date NULLS FIRST, event_id")
        writer = {"csv": rows_to_csv, "geojson": rows_to_geojson,
                  "parquet": rows_to_parquet}[fmt]
        return writer(self._flat(rows, cols))

    def count(self) -> int:
        """Visible events."""
        return int(self._select(EventFilters(), columns="count(*)")[0][0][0])
