"""Checking the events of the passage tables (tests/events): shared by their tests."""

from __future__ import annotations

import unicodedata

__all__ = ["assert_events", "fold"]


def fold(s: str | None) -> str:
    """Lower case without accents ("Bogotá" -> "bogota"), for comparing place names."""
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


# Short keys of the passage tables -> contract fields.
_EVENT_FIELDS = {"low": "fatalities_low", "high": "fatalities_high"}


def assert_events(events: list[dict], expected: list[dict]) -> None:
    """The events of a passage table row: as many as expected, in the order first told,
    each with the fields its expectation names (``place`` is a substring of the folded
    location name, ``geo`` the geo precision, ``by`` keys of ``fatalities_by``; other
    keys are contract fields, ``low``/``high`` short for the fatality bounds)."""
    got = [(e["date"], (e.get("location") or {}).get("name"), e["fatalities"], e["wounded"])
           for e in events]
    assert len(events) == len(expected), got
    for ev, want in zip(events, expected, strict=True):
        for key, value in want.items():
            if key == "place":
                assert value in fold((ev.get("location") or {}).get("name")), got
            elif key == "geo":
                assert ev["location"]["geo_precision"] == value, got
            elif key == "by":
                for side, n in value.items():
                    assert (ev["fatalities_by"] or {}).get(side) == n, (ev["fatalities_by"], got)
            else:
                assert ev[_EVENT_FIELDS.get(key, key)] == value, (key, got)
