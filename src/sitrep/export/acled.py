"""Stored events as rows of ACLED's CSV: ACLED's column names, order and types.

Unknown integers are 0 and unknown text is empty, as in ACLED's own files, so scripts
written for ACLED load the export unchanged.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pycountry

from .codes import civilian_targeting, interaction, region_of, source_scale, tags
from .notes import summary

__all__ = ["ACLED_COLUMNS", "ACLED_INT_COLUMNS", "acled_row"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp")
ACLED_INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
                     "geo_precision", "fatalities", "timestamp")


def _iso_numeric(code: str | None) -> int:
    if not code:
        return 0
    country = pycountry.countries.get(alpha_2=code.upper())
    return int(country.numeric) if country else 0


def acled_row(row: dict[str, Any], *, sources: list[str] | None = None,
              timestamp: datetime | None = None,
              outlets: list[tuple[str | None, str | None]] | None = None,
              passage: str | None = None) -> dict[str, Any]:
    """The ACLED CSV row of one stored event (``sources``: outlet names, if known;
    ``outlets``: (outlet name, URL) of each report, for the source scale; ``passage``: the
    founding report's words about the event, for the tags)."""
    inter1, inter2 = int(row.get("inter1") or 0), int(row.get("inter2") or 0)
    day = row.get("event_date")
    assoc = [a["name"] for a in json.loads(row.get("assoc_actors") or "[]")]
    return {
        "event_id_cnty": row["event_id"],
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else 0,
        "time_precision": int(row.get("date_precision") or 0),
        "disorder_type": row.get("disorder_type") or "",
        "event_type": row.get("event_type") or "",
        "sub_event_type": row.get("sub_event_type") or "",
        "actor1": row.get("actor1") or "",
        "assoc_actor_1": "; ".join(assoc),
        "inter1": inter1,
        "actor2": row.get("actor2") or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(row),
        "iso": _iso_numeric(row.get("country_code")),
        "region": region_of(row.get("country_code")),
        "country": row.get("country") or "",
        "admin1": row.get("admin1") or "",
        "admin2": row.get("admin2") or "",
        "admin3": "",  # the gazetteer goes down to admin2
        "location": row.get("location") or "",
        "latitude": row.get("latitude"),
        "longitude": row.get("longitude"),
        "geo_precision": int(row.get("geo_precision") or 0),
        "source": "; ".join(sources or []),
        "source_scale": source_scale(outlets or []),
        "notes": summary(row),
        "fatalities": int(row.get("fatalities") or 0),
        "tags": tags(row, passage),
        "timestamp": int(timestamp.timestamp()) if timestamp else 0,
    }
