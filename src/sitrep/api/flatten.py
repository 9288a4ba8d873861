"""Flat rows of events for listings, and plain CSV / GeoJSON / Parquet writers over them.

The listing of ``GET /events`` and the in-memory store's exports use these rows. The
embedded store has its own exporter (ACLED's column set); these writers keep the API
usable and testable without it.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["ROW_COLUMNS", "event_row", "evidence_spans", "rows_to_csv", "rows_to_geojson",
           "rows_to_parquet"]

ROW_COLUMNS = (
    "event_id", "date", "date_precision", "event_type", "sub_event_type", "disorder_type",
    "actor1", "inter1", "actor2", "inter2", "country", "country_code", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low",
    "fatalities_high", "wounded", "arrested", "abducted", "confidence", "sources", "status",
    "corrected_fields", "updated",
)


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """One flat row (``ROW_COLUMNS``) of an effective event dict."""
    acled = (event.get("codes") or {}).get("acled") or {}
    loc = event.get("location") or {}
    a1 = event.get("actor1") or {}
    a2 = event.get("actor2") or {}
    return {
        "event_id": event["event_id"],
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "event_type": acled.get("event_type"),
        "sub_event_type": acled.get("sub_event_type"),
        "disorder_type": acled.get("disorder_type"),
        "actor1": a1.get("name"),
        "inter1": a1.get("inter"),
        "actor2": a2.get("name"),
        "inter2": a2.get("inter"),
        "country": loc.get("country"),
        "country_code": loc.get("country_code"),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("geo_precision"),
        "fatalities": event.get("fatalities"),
        "fatalities_low": event.get("fatalities_low"),
        "fatalities_high": event.get("fatalities_high"),
        "wounded": event.get("wounded"),
        "arrested": event.get("arrested"),
        "abducted": event.get("abducted"),
        "confidence": event.get("confidence"),
        "sources": list(event.get("sources") or []),
        "status": event.get("status", "unreviewed"),
        "corrected_fields": list(event.get("corrected_fields") or []),
        "updated": event.get("updated"),
    }


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return "" if value is None else value


def rows_to_csv(rows: Iterable[dict[str, Any]]) -> bytes:
    """CSV with a header of ``ROW_COLUMNS``; lists are joined with ``;``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ROW_COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in ROW_COLUMNS])
    return buf.getvalue().encode("utf-8")


def rows_to_geojson(rows: Iterable[dict[str, Any]]) -> bytes:
    """A GeoJSON FeatureCollection of the rows that have coordinates."""
    features = []
    for row in rows:
        if row["latitude"] is None or row["longitude"] is None:
            continue
        props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        features.append({"type": "Feature", "id": row["event_id"],
                         "geometry": {"type": "Point",
                                      "coordinates": [row["longitude"], row["latitude"]]},
                         "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False).encode("utf-8")


_PARQUET_TYPES = {"date_precision": "INTEGER", "inter1": "INTEGER", "inter2": "INTEGER",
                  "latitude": "DOUBLE", "longitude": "DOUBLE", "geo_precision": "INTEGER",
                  "fatalities": "INTEGER", "fatalities_low": "INTEGER",
                  "fatalities_high": "INTEGER", "wounded": "INTEGER", "arrested": "INTEGER",
                  "abducted": "INTEGER", "confidence": "DOUBLE"}


def rows_to_parquet(rows: Iterable[dict[str, Any]]) -> bytes:
    """Parquet bytes, written by an in-memory DuckDB (lists joined with ``;``)."""
    import duckdb  # imported here: only exports need it

    cols = ", ".join(f'"{c}" {_PARQUET_TYPES.get(c, "VARCHAR")}' for c in ROW_COLUMNS)
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"CREATE TABLE events ({cols})")
        values = [tuple(";".join(map(str, r[c])) if isinstance(r[c], list) else r[c]
                        for c in ROW_COLUMNS) for r in rows]
        if values:
            marks = ", ".join("?" for _ in ROW_COLUMNS)
            con.executemany(f"INSERT INTO events VALUES ({marks})", values)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "events.parquet"
            con.execute(f"COPY events TO '{path}' (FORMAT PARQUET)")
            return path.read_bytes()
    finally:
        con.close()


def evidence_spans(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span of one article that supports an event: evidence, trigger, role fillers."""
    spans = [{"field": e["field"], "start": e["start"], "end": e["end"], "text": e["text"]}
             for e in event.get("evidence") or []]
    trig = event.get("trigger")
    if trig:
        spans.append({"field": "trigger", "start": trig["start"], "end": trig["end"],
                      "text": trig["text"]})
    for role in ("perpetrators", "victims", "targets", "weapons"):
        for r in event.get(role) or []:
            if r.get("end", 0) > r.get("start", 0):
                spans.append({"field": role, "start": r["start"], "end": r["end"],
                              "text": r["text"]})
    uniq = {(s["start"], s["end"], s["field"]): s for s in spans}
    return [uniq[key] for key in sorted(uniq)]
