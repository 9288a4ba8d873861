"""Corrections a person may make to an event: flat field names, validation, and overlaying.

A correction is a dict of flat field names (``fatalities``, ``location.admin1``,
``actor1``...) to new values. It is stored apart from the machine's extraction and laid
over it whenever the event is read or exported, so re-extracting an article can never
overwrite what a person decided.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from ..nlp.lexicon import read_json
from ..store.fields import CORRECTABLE, overlay

__all__ = [
    "CorrectionError",
    "EDITABLE_FIELDS",
    "apply_corrections",
    "get_field",
    "validate_correction",
]


class CorrectionError(ValueError):
    """A correction names an unknown field or gives a value of the wrong kind."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# Flat name -> path into the contract's Event dict (the store keeps the one table of them).
EDITABLE_FIELDS: dict[str, tuple[str, ...]] = {name: f.path for name, f in CORRECTABLE.items()}


@cache
def _acled_types() -> dict[str, list[str]]:
    return read_json("schema", "acled_types.json")


@cache
def _sub_to_type() -> dict[str, str]:
    return {sub: et for et, subs in _acled_types().items() for sub in subs}


def _count(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CorrectionError(name, "must be a whole number >= 0 or null")
    return value


def _precision(name: str, value: Any) -> int:
    if isinstance(value, bool) or value not in (1, 2, 3):
        raise CorrectionError(name, "must be 1, 2 or 3")
    return int(value)


def _text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 300:
        raise CorrectionError(name, "must be a string of at most 300 characters or null")
    return value.strip() or None


def _date(name: str, value: Any) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise CorrectionError(name, "must be an ISO date YYYY-MM-DD") from None


def _coordinate(limit: float) -> Callable[[str, Any], float | None]:
    def check(name: str, value: Any) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not -limit <= value <= limit:
            raise CorrectionError(name, f"must be a number between -{limit:g} and {limit:g}")
        return float(value)
    return check


def _inter(name: str, value: Any) -> int:
    if isinstance(value, bool) or value not in range(1, 9):
        raise CorrectionError(name, "must be an ACLED inter code 1-8")
    return int(value)


def _event_type(name: str, value: Any) -> str:
    if value not in _acled_types():
        raise CorrectionError(name, "must be one of ACLED's event types: "
                              + ", ".join(_acled_types()))
    return str(value)


def _sub_event_type(name: str, value: Any) -> str:
    if value not in _sub_to_type():
        raise CorrectionError(name, "must be one of ACLED's sub-event types")
    return str(value)


def _country_code(name: str, value: Any) -> str | None:
    code = _text(name, value)
    if code is not None and (len(code) != 2 or not code.isalpha()):
        raise CorrectionError(name, "must be a two-letter ISO 3166 code")
    return code.upper() if code else None


_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "event_type": _event_type,
    "sub_event_type": _sub_event_type,
    "disorder_type": _text,
    "date": _date,
    "date_precision": _precision,
    "location.country_code": _country_code,
    "location.lat": _coordinate(90),
    "location.lon": _coordinate(180),
    "location.geo_precision": _precision,
    "actor1_inter": _inter,
    "actor2_inter": _inter,
    **{k: _count for k in ("fatalities", "fatalities_low", "fatalities_high", "wounded",
                           "arrested", "abducted")},
}


def validate_correction(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise a correction; raises CorrectionError on the first bad field.

    A sub-event type given alone brings its ACLED event type along, so the pair stays
    consistent; a pair that ACLED does not have is refused.
    """
    if not fields:
        raise CorrectionError("fields", "give at least one field to correct")
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise CorrectionError(name, "is not an editable field; editable: "
                                  + ", ".join(EDITABLE_FIELDS))
        out[name] = _CHECKS.get(name, _text)(name, value)
    sub = out.get("sub_event_type")
    if sub is not None:
        parent = _sub_to_type()[sub]
        if out.setdefault("event_type", parent) != parent:
            raise CorrectionError("sub_event_type", f"{sub!r} belongs to {parent!r}")
    return out


def get_field(event: dict[str, Any], name: str) -> Any:
    """The value of a flat field in an event dict (None when a parent is missing)."""
    node: Any = event
    for key in EDITABLE_FIELDS[name]:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def apply_corrections(extracted: dict[str, Any], corrections: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``extracted`` with every corrected field laid over it."""
    return overlay(extracted, corrections)
