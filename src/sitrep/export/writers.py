"""Write stored events as ACLED CSV, GeoJSON, Parquet or JSON Lines.

Rows come from the store's ``effective_events`` view, so every format carries people's
corrections; JSON Lines lays them over the stored Event dicts as well.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from ..store.db import Store
from ..store.effective import VIEW
from ..store.fields import CORRECTABLE, overlay
from ..store.query import EventFilter, select_events
from .acled import ACLED_COLUMNS, acled_row
from .notes import summary

__all__ = ["FORMATS", "export_events", "write_csv", "write_geojson", "write_jsonl",
           "write_parquet"]

FORMATS = ("csv", "geojson", "parquet", "jsonl")


@dataclass(slots=True)
class _Provenance:
    sources: list[str]  # outlets, or article ids where the outlet is unknown
    outlets: list[tuple[str | None, str | None]]  # (outlet, URL) of each report
    latest: datetime | None  # when the latest report was ingested


def _provenance(store: Store) -> dict[str, _Provenance]:
    """event_id -> who reported it, and when it was last ingested."""
    rows = store.con.execute(
        "SELECT r.event_id, list(DISTINCT coalesce(a.source, a.id) ORDER BY coalesce(a.source,"
        " a.id)), list(DISTINCT {'s': a.source, 'u': a.url}), max(a.ingested_at)"
        " FROM event_reports r JOIN articles a ON a.key = r.article_key GROUP BY r.event_id"
        ).fetchall()
    return {r[0]: _Provenance(list(r[1]), [(o["s"], o["u"]) for o in r[2]], r[3])
            for r in rows}


_SENTENCE_EDGE = re.compile(r"[.!?\n]")


def _passage(text: str, event: dict[str, Any]) -> str:
    """The sentences of ``text`` that hold the event's evidence (its trigger and fields)."""
    spans = [e for e in (event.get("evidence") or []) if e.get("end")]
    if event.get("trigger"):
        spans.append(event["trigger"])
    if not spans:
        return text[:600]
    start, end = min(e["start"] for e in spans), max(e["end"] for e in spans)
    back = [m.end() for m in _SENTENCE_EDGE.finditer(text, max(0, start - 400), start)]
    ahead = _SENTENCE_EDGE.search(text, end)
    return text[back[-1] if back else max(0, start - 400):ahead.end() if ahead else end + 400]


def _passages(store: Store, rows: Sequence[dict[str, Any]]) -> dict[str, str]:
    """event_id -> the founding report's passage, for demonstrations (their crowd size)."""
    ids = [r["event_id"] for r in rows if r.get("event_type") in ("Protests", "Riots")]
    if not ids:
        return {}
    found = store.con.execute(
        "SELECT r.event_id, arg_min(a.text, a.seq * 10000 + r.idx), "
        "arg_min(r.event, a.seq * 10000 + r.idx) FROM event_reports r JOIN articles a "
        f"ON a.key = r.article_key WHERE r.event_id IN ({', '.join('?' for _ in ids)}) "
        "GROUP BY r.event_id", ids).fetchall()
    return {eid: _passage(text or "", json.loads(event)) for eid, text, event in found}


def write_csv(store: Store, rows: Sequence[dict[str, Any]], out: TextIO) -> int:
    """ACLED's columns, in ACLED's order. Only ACLED events: a record ACLED codes none of
    (a threat, which PLOVER and MUC-4 code) has no place in an ACLED table."""
    rows = [r for r in rows if r.get("event_type")]
    prov = _provenance(store)
    passages = _passages(store, rows)
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    none = _Provenance([], [], None)
    for row in rows:
        p = prov.get(row["event_id"], none)
        writer.writerow(acled_row(row, sources=p.sources, timestamp=p.latest,
                                  outlets=p.outlets, passage=passages.get(row["event_id"])))
    return len(rows)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _properties(row: dict[str, Any]) -> dict[str, Any]:
    props = {k: _plain(v) for k, v in row.items() if k not in ("event", "latitude", "longitude")}
    for key in ("assoc_actors", "sources"):
        props[key] = json.loads(row.get(key) or "[]")
    props["notes"] = summary(row)
    return props


def write_geojson(store: Store, rows: Sequence[dict[str, Any]], out: TextIO) -> int:
    """A FeatureCollection (RFC 7946): a Point per located event, null geometry otherwise."""
    features = []
    for row in rows:
        lat, lon = row.get("latitude"), row.get("longitude")
        geometry = ({"type": "Point", "coordinates": [lon, lat]}
                    if lat is not None and lon is not None else None)
        features.append({"type": "Feature", "id": row["event_id"], "geometry": geometry,
                         "properties": _properties(row)})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(rows)


def write_jsonl(store: Store, rows: Sequence[dict[str, Any]], out: TextIO) -> int:
    """One contract Event per line: the founding report with the incident's id and the
    figures merged across its sources."""
    for row in rows:
        event = json.loads(row["event"])
        corrected = row.get("corrected_fields") or []
        # corrected fields come from the view (the stored Event is the machine's)
        event = overlay(event, {name: _plain(row[CORRECTABLE[name].column])
                                for name in corrected if name in CORRECTABLE})
        event["event_id"] = row["event_id"]
        event["sources"] = json.loads(row.get("sources") or "[]")
        event["merged"] = {"sources": event["sources"], "fatalities": row.get("fatalities"),
                           "fatalities_low": row.get("fatalities_low"),
                           "fatalities_high": row.get("fatalities_high")}
        event["revision"] = row.get("revision")
        event["status"] = row.get("status", "unreviewed")
        event["corrected_fields"] = list(corrected)
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
    return len(rows)


def write_parquet(store: Store, rows: Sequence[dict[str, Any]], path: Path) -> int:
    """The events table's columns (with ``notes``), typed as stored."""
    schema = store.con.sql(f"SELECT * FROM {VIEW} LIMIT 0").to_arrow_table().schema
    table = pa.Table.from_pylist([dict(r) for r in rows], schema=schema)
    table = table.append_column("notes", pa.array([summary(r) for r in rows], pa.string()))
    pq.write_table(table, path)
    return len(rows)


def export_events(store: Store, fmt: str, out: Path | TextIO,
                  flt: EventFilter | None = None) -> int:
    """Write the events matching ``flt`` in ``fmt`` to ``out`` (a path, or a text stream
    for every format but parquet); returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    rows = select_events(store, flt)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("parquet needs an output file (--output)")
        return write_parquet(store, rows, out)
    writer = {"csv": write_csv, "geojson": write_geojson, "jsonl": write_jsonl}[fmt]
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return writer(store, rows, fh)
    return writer(store, rows, out)
