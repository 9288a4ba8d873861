"""Events and the output line of the contract (``sitrep/1``): dataclasses and dict round-trip.

The pipeline works on typed objects; this module is the one place that turns them into the
JSON Lines of ``spec/output.md`` and back. The JSON Schema of a line lives in
``sitrep/data/schema/output.schema.json`` and every line is validated against it in tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from typing import Any

from . import SCHEMA
from .article import Article, DateMention, Diagnostic, PlaceCandidate, PlaceMention, Sentence
from .nlp.lexicon import data_path

__all__ = [
    "Actor",
    "Codes",
    "Event",
    "Evidence",
    "Location",
    "Merged",
    "RoleFiller",
    "article_from_dict",
    "article_to_dict",
    "json_schema",
]


@dataclass(slots=True)
class Codes:
    """One decision, expressed in three schemes; a scheme that does not apply is None."""

    acled: dict[str, str] | None = None   # event_type, sub_event_type, disorder_type
    muc: dict[str, str | None] | None = None  # incident_type
    plover: dict[str, str | None] | None = None  # event_type, mode


@dataclass(slots=True)
class Location:
    """Where an event happened, with ACLED's geo_precision (1 town, 2 near/part, 3 region)."""

    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    geo_precision: int


@dataclass(slots=True)
class Actor:
    """A normalised actor name with its ACLED ``inter`` code."""

    name: str
    inter: int


@dataclass(slots=True)
class RoleFiller:
    """The article's own words for a perpetrator, victim, target or weapon."""

    text: str
    start: int
    end: int
    kind: str | None = None  # perpetrators only: "organization" or "individual"


@dataclass(slots=True)
class Evidence:
    """The words that support one field of an event."""

    field: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Merged:
    """Figures reconciled across every article reporting one event (under --dedup)."""

    sources: list[str]
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None


@dataclass(slots=True)
class Event:
    """One real-world incident, split as ACLED splits (day x place x actors x type)."""

    event_id: str
    codes: Codes
    date: str | None
    date_precision: int | None
    location: Location | None
    actor1: Actor | None
    actor2: Actor | None
    assoc_actors: list[Actor] = field(default_factory=list)
    perpetrators: list[RoleFiller] = field(default_factory=list)
    victims: list[RoleFiller] = field(default_factory=list)
    targets: list[RoleFiller] = field(default_factory=list)
    weapons: list[RoleFiller] = field(default_factory=list)
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_by: dict[str, int] | None = None
    wounded: int | None = None
    arrested: int | None = None
    abducted: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    sources: list[str] = field(default_factory=list)
    merged: Merged | None = None
    # Not part of the contract's required fields, but useful to users and dedup.
    trigger: Evidence | None = None
    sentence_indices: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's Event object (dataclasses become plain dicts).

        Field by field rather than ``dataclasses.asdict``, which deep-copies every value
        and was a measurable share of the time per article.
        """
        return {
            "event_id": self.event_id,
            "codes": {"acled": _copy(self.codes.acled), "muc": _copy(self.codes.muc),
                      "plover": _copy(self.codes.plover)},
            "date": self.date, "date_precision": self.date_precision,
            "location": _flat(self.location),
            "actor1": _flat(self.actor1), "actor2": _flat(self.actor2),
            "assoc_actors": [_flat(a) for a in self.assoc_actors],
            "perpetrators": [_flat(r) for r in self.perpetrators],
            "victims": [_flat(r) for r in self.victims],
            "targets": [_flat(r) for r in self.targets],
            "weapons": [_flat(r) for r in self.weapons],
            "fatalities": self.fatalities, "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high,
            "fatalities_by": _copy(self.fatalities_by),
            "wounded": self.wounded, "arrested": self.arrested, "abducted": self.abducted,
            "evidence": [_flat(e) for e in self.evidence],
            "confidence": self.confidence,
            "sources": list(self.sources),
            "merged": None if self.merged is None else {
                "sources": list(self.merged.sources), "fatalities": self.merged.fatalities,
                "fatalities_low": self.merged.fatalities_low,
                "fatalities_high": self.merged.fatalities_high},
            "trigger": _flat(self.trigger),
            "sentence_indices": list(self.sentence_indices),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Inverse of :meth:`to_dict`."""
        kw = dict(d)
        kw["codes"] = Codes(**kw["codes"])
        kw["location"] = Location(**kw["location"]) if kw.get("location") else None
        for key in ("actor1", "actor2"):
            kw[key] = Actor(**kw[key]) if kw.get(key) else None
        kw["assoc_actors"] = [Actor(**a) for a in kw.get("assoc_actors") or []]
        for key in ("perpetrators", "victims", "targets", "weapons"):
            kw[key] = [RoleFiller(**r) for r in kw.get(key) or []]
        kw["evidence"] = [Evidence(**e) for e in kw.get("evidence") or []]
        kw["trigger"] = Evidence(**kw["trigger"]) if kw.get("trigger") else None
        kw["merged"] = Merged(**kw["merged"]) if kw.get("merged") else None
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in kw.items() if k in known})


def _flat(obj: Any) -> dict[str, Any] | None:
    """A flat dataclass (no nested dataclasses) as a dict; None stays None."""
    if obj is None:
        return None
    to_dict = _TO_DICT.get(type(obj))
    if to_dict is None:
        to_dict = _TO_DICT[type(obj)] = _dict_maker(tuple(obj.__dataclass_fields__))
    return to_dict(obj)


# Per dataclass, a function that builds its dict with one dict display: three times
# faster than a comprehension of getattr calls (diagnostics alone are ~20 an article).
_TO_DICT: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _dict_maker(names: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    """``lambda o: {"a": o.a, "b": o.b, ...}`` for the attribute ``names``."""
    for name in names:
        if not name.isidentifier():
            raise ValueError(f"not a field name: {name!r}")
    body = ", ".join(f"{name!r}: o.{name}" for name in names)
    return eval(f"lambda o: {{{body}}}", {})  # noqa: S307 - built from field names only


def _copy(d: dict | None) -> dict | None:
    return None if d is None else dict(d)


_PLACE_KEYS = ("start", "end", "text", "name", "geonameid", "lat", "lon", "country_code",
               "country", "admin1", "admin2", "feature", "score")


_PLACE_DICT = _dict_maker(_PLACE_KEYS)


def _place_to_dict(p: PlaceMention) -> dict[str, Any]:
    d = _PLACE_DICT(p)
    d["score"] = round(float(p.score), 3)
    if p.alternatives:
        d["alternatives"] = [_flat(c) for c in p.alternatives]
    return d


def _date_to_dict(m: DateMention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text, "value": m.value, "grain": m.grain,
            "first_day": m.first_day.isoformat(), "last_day": m.last_day.isoformat(),
            "relative": m.relative, "part_of_day": m.part_of_day}


def article_to_dict(article: Article, *, include_text: bool = False) -> dict[str, Any]:
    """The output line of the contract for one processed article."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "id": article.id,
        "published": article.published.isoformat() if article.published else None,
        "error": article.error,
        "places": [_place_to_dict(p) for p in article.places],
        "dates": [_date_to_dict(m) for m in article.dates],
        "events": [e.to_dict() for e in article.events],
        "anchor": article.anchor.isoformat() if article.anchor else None,
        "anchor_source": article.anchor_source,
        "diagnostics": [_flat(d) for d in article.diagnostics],
    }
    if article.incident is not None:
        out["incident"] = article.incident
    for key in ("title", "url", "source"):
        value = getattr(article, key)
        if value is not None:
            out[key] = value
    if include_text or article.from_html:
        out["text"] = article.text
    return out


def article_from_dict(d: dict[str, Any], text: str = "") -> Article:
    """Rebuild an Article (mentions and events) from an output line.

    Counts and actors are not part of the line, so they come back empty; the text is
    taken from ``d["text"]`` when the line carries it.
    """
    art = Article(id=d["id"], text=d.get("text", text),
                  published=date.fromisoformat(d["published"]) if d.get("published") else None,
                  title=d.get("title"), url=d.get("url"), source=d.get("source"))
    art.error = d.get("error")
    art.anchor = date.fromisoformat(d["anchor"]) if d.get("anchor") else None
    art.anchor_source = d.get("anchor_source")
    art.incident = d.get("incident")
    for p in d.get("places", []):
        kw = {k: p.get(k) for k in _PLACE_KEYS}
        kw["alternatives"] = [PlaceCandidate(**c) for c in p.get("alternatives", [])]
        art.places.append(PlaceMention(**kw))
    for m in d.get("dates", []):
        art.dates.append(DateMention(
            start=m["start"], end=m["end"], text=m["text"], value=m["value"],
            grain=m.get("grain", "day"),
            first_day=date.fromisoformat(m["first_day"]) if m.get("first_day") else date.min,
            last_day=date.fromisoformat(m["last_day"]) if m.get("last_day") else date.min,
            relative=m.get("relative", False), part_of_day=m.get("part_of_day")))
    art.events = [Event.from_dict(e) for e in d.get("events", [])]
    art.diagnostics = [Diagnostic(**x) for x in d.get("diagnostics", [])]
    art.sentences = [Sentence(**s) for s in d.get("sentences", [])]
    return art


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output line."""
    return json.loads(data_path("schema", "output.schema.json").read_text(encoding="utf-8"))
