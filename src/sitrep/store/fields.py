"""The fields a person may correct: flat name -> place in the Event dict and store column.

One table serves three readers: the API validates corrections against its names, the
store's ``effective_events`` view lays corrected values over these columns, and the JSON
Lines export lays them over the stored Event dicts. Keeping it in one place is what keeps
a CLI export and the dashboard showing the same corrected values.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

__all__ = ["CORRECTABLE", "Correctable", "overlay"]


@dataclass(frozen=True, slots=True)
class Correctable:
    """One correctable field: its path in the contract's Event, its ``events`` column."""

    path: tuple[str, ...]
    column: str
    sql_type: str  # DuckDB type the JSON value is cast to


def _f(path: str, column: str, sql_type: str = "VARCHAR") -> Correctable:
    return Correctable(tuple(path.split(".")), column, sql_type)


# Actor names and inter codes are separate fields so a person can fix one without the other.
CORRECTABLE: dict[str, Correctable] = {
    "event_type": _f("codes.acled.event_type", "event_type"),
    "sub_event_type": _f("codes.acled.sub_event_type", "sub_event_type"),
    "disorder_type": _f("codes.acled.disorder_type", "disorder_type"),
    "date": _f("date", "event_date", "DATE"),
    "date_precision": _f("date_precision", "date_precision", "INTEGER"),
    "location.name": _f("location.name", "location"),
    "location.country": _f("location.country", "country"),
    "location.country_code": _f("location.country_code", "country_code"),
    "location.admin1": _f("location.admin1", "admin1"),
    "location.admin2": _f("location.admin2", "admin2"),
    "location.lat": _f("location.lat", "latitude", "DOUBLE"),
    "location.lon": _f("location.lon", "longitude", "DOUBLE"),
    "location.geo_precision": _f("location.geo_precision", "geo_precision", "INTEGER"),
    "actor1": _f("actor1.name", "actor1"),
    "actor1_inter": _f("actor1.inter", "inter1", "INTEGER"),
    "actor2": _f("actor2.name", "actor2"),
    "actor2_inter": _f("actor2.inter", "inter2", "INTEGER"),
    "fatalities": _f("fatalities", "fatalities", "INTEGER"),
    "fatalities_low": _f("fatalities_low", "fatalities_low", "INTEGER"),
    "fatalities_high": _f("fatalities_high", "fatalities_high", "INTEGER"),
    "wounded": _f("wounded", "wounded", "INTEGER"),
    "arrested": _f("arrested", "arrested", "INTEGER"),
    "abducted": _f("abducted", "abducted", "INTEGER"),
}


def _blank_parent(key: str) -> dict[str, Any]:
    # A correction may give an event a location or actor the machine did not find.
    if key == "location":
        return {"name": None, "geonameid": None, "lat": None, "lon": None, "country": None,
                "country_code": None, "admin1": None, "admin2": None, "geo_precision": 3}
    if key in ("actor1", "actor2"):
        return {"name": "", "inter": 8}
    return {}


def overlay(event: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """A copy of the Event dict ``event`` with each corrected field (flat name) set."""
    if not values:
        return event
    out = copy.deepcopy(event)
    for name, value in values.items():
        path = CORRECTABLE[name].path
        node = out
        for key in path[:-1]:
            child = node.get(key)
            if not isinstance(child, dict):
                child = _blank_parent(key)
                node[key] = child
            node = child
        node[path[-1]] = value
    return out
