"""The embedded event database (DuckDB): open, migrate, write a batch atomically, read back.

Writes go through :meth:`Store.write_batch`: one transaction per batch of articles, rows
handed to DuckDB as Arrow tables (row-at-a-time inserts are ~40x slower). A batch is
either wholly stored or not at all, so a run killed at any point resumes by skipping
the articles already stored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..dedup.incidents import IncidentIndex, Report
from ..dedup.online import OnlineDocuments, about_main_incident, signature_from_dict
from ..schema import Event
from .effective import VIEW, ensure_view
from .migrations import MIGRATIONS, migrate, run

__all__ = ["DEFAULT_PATH", "Batch", "Store", "StoreError", "default_path"]

DEFAULT_PATH = "sitrep.duckdb"


class StoreError(Exception):
    """The database cannot be opened or written."""


def default_path() -> Path:
    """``$SITREP_DB`` when set, else ``./sitrep.duckdb``."""
    return Path(os.environ.get("SITREP_DB") or DEFAULT_PATH)


@dataclass
class Batch:
    """Rows of one transaction: column name -> values, per table."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)  # upserts by event_id
    revisions: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.articles)


_TABLE_KEYS = {"events": "event_id"}


def _read_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of a database opened read-only (0 when it has none)."""
    try:
        return int(run(con, "SELECT max(version) FROM schema_version")[0][0] or 0)
    except duckdb.CatalogException:
        return 0


class Store:
    """One DuckDB database file holding articles, events, their links and revisions."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        try:
            if read_only and not self.path.exists():
                raise StoreError(f"no database at {self.path}")
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        self.read_only = read_only
        try:
            self.version = migrate(self.con) if not read_only else _read_version(self.con)
            if self.version < MIGRATIONS[-1][0]:
                raise StoreError(f"{self.path} has schema version {self.version}; open it "
                                 "once for writing (e.g. sitrep ingest) to upgrade it")
            ensure_view(self.con, read_only=read_only)
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    def close(self) -> None:
        """Close the connection (checkpointing the write-ahead log)."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """BEGIN ... COMMIT, rolled back when the body raises."""
        run(self.con, "BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            run(self.con, "ROLLBACK")
            raise
        run(self.con, "COMMIT")

    # -- reading ---------------------------------------------------------------------------

    def count(self, table: str) -> int:
        """Rows in ``table``."""
        if table not in {"articles", "events", "event_reports", "revisions",
                         "event_corrections", "event_reviews", VIEW}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def next_seq(self) -> int:
        """The sequence number the next stored article gets."""
        return int(self.con.execute("SELECT coalesce(max(seq), 0) FROM articles")
                   .fetchall()[0][0]) + 1

    def known(self, keys: Sequence[str], hashes: Sequence[str]) -> set[str]:
        """Which of these article keys or content hashes are stored already."""
        if not keys:
            return set()
        probe = pa.table({"k": pa.array(list(keys), pa.string()),
                          "h": pa.array(list(hashes), pa.string())})
        self.con.register("_probe", probe)
        try:
            rows = self.con.execute(
                "SELECT p.k FROM _probe p WHERE EXISTS (SELECT 1 FROM articles a WHERE a.key = p.k)"
                " UNION SELECT p.h FROM _probe p WHERE EXISTS "
                "(SELECT 1 FROM articles a WHERE a.content_hash = p.h)").fetchall()
        finally:
            self.con.unregister("_probe")
        return {r[0] for r in rows}

    def load_incidents(self) -> IncidentIndex:
        """The dedup index as stored: every incident with its reports' matching features,
        and the document clusterer replayed from the stored signatures in ingest order."""
        index = IncidentIndex(documents=OnlineDocuments())
        for key, incident, signature in self.con.execute(
                "SELECT key, incident, signature FROM articles WHERE signature IS NOT NULL "
                "ORDER BY seq").fetchall():
            index.documents.replay(signature_from_dict(key, json.loads(signature)), incident)
        rows = self.con.execute(
            "SELECT r.event_id, r.article_key, r.event, a.terms, a.incident, a.signature "
            "FROM event_reports r JOIN articles a ON a.key = r.article_key "
            "ORDER BY a.seq, r.idx").fetchall()
        for event_id, article_key, event_json, terms, doc, signature in rows:
            event = Event.from_dict(json.loads(event_json))
            sig = signature_from_dict(article_key, json.loads(signature)) if signature else None
            index.restore(event_id, Report.of(
                event, article_key, terms=json.loads(terms or "[]"),
                doc_incident=doc if sig and about_main_incident(event, sig) else None))
        return index

    def event_rows(self, where: str = "", params: Sequence[Any] = (), *,
                   effective: bool = False) -> list[dict[str, Any]]:
        """Events as dicts (column -> value), filtered by a SQL ``where`` clause: the
        machine's rows, or with ``effective`` people's corrections and reviews applied."""
        table = VIEW if effective else "events"
        sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "")
        cur = self.con.execute(sql + " ORDER BY event_date NULLS LAST, event_id", list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    # -- writing ---------------------------------------------------------------------------

    def write_batch(self, batch: Batch) -> None:
        """Store one batch in one transaction (all of it or nothing)."""
        with self.transaction() as con:
            self._append(con, "articles", batch.articles)
            self._append(con, "event_reports", batch.reports)
            self._upsert_events(con, list(batch.events.values()))
            self._append(con, "revisions", batch.revisions)

    @staticmethod
    def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
        return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]

    def _append(self, con: duckdb.DuckDBPyConnection, table: str,
                rows: Iterable[dict[str, Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        cols = self._columns(con, table)
        arrow = pa.table({c: [r.get(c) for r in rows] for c in cols})
        con.register("_rows", arrow)
        try:
            run(con, f"INSERT INTO {table} SELECT {', '.join(cols)} FROM _rows")
        finally:
            con.unregister("_rows")

    def _upsert_events(self, con: duckdb.DuckDBPyConnection,
                       rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        ids = pa.table({"event_id": [r["event_id"] for r in rows]})
        con.register("_ids", ids)
        try:
            run(con, "DELETE FROM events WHERE event_id IN (SELECT event_id FROM _ids)")
        finally:
            con.unregister("_ids")
        self._append(con, "events", rows)


def as_date(value: Any) -> date | None:
    """A DATE column's value from an ISO string (None stays None)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
