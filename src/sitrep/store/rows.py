"""Rows of the store's tables, built from articles and events (plain dicts for Arrow)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from ..article import Article
from ..dedup.incidents import Incident
from ..schema import Event
from .db import as_date
from .fields import CORRECTABLE

__all__ = ["article_row", "changed_fields", "event_row", "merge_into_row", "report_row",
           "revision_row"]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def article_row(article: Article, *, key: str, seq: int, canonical: str | None, digest: str,
                extracted: bool, terms: list[str], now: datetime, incident: str | None = None,
                signature: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``articles`` row of one ingested article (``incident``: its document incident,
    decided from ``signature``)."""
    return {"key": key, "seq": seq, "id": article.id, "url": article.url,
            "canonical_url": canonical, "content_hash": digest, "source": article.source,
            "title": article.title, "published": article.published, "text": article.text,
            "error": article.error, "extracted": extracted, "n_events": len(article.events),
            "terms": _json(terms), "ingested_at": now, "incident": incident,
            "signature": _json(signature) if signature is not None else None}


def report_row(article_key: str, idx: int, event: Event, incident_id: str) -> dict[str, Any]:
    """The ``event_reports`` row linking an article's event to its incident."""
    return {"article_key": article_key, "idx": idx, "event_id": incident_id,
            "report_id": event.event_id, "confidence": event.confidence,
            "evidence": _json([{"field": e.field, "start": e.start, "end": e.end, "text": e.text}
                               for e in event.evidence]),
            "event": _json(event.to_dict())}


def event_row(event: Event, incident: Incident, *, seq: int,
              now: datetime | None = None) -> dict[str, Any]:
    """The ``events`` row of a new incident, founded by ``event``."""
    acled = event.codes.acled or {}
    loc = event.location
    row: dict[str, Any] = {
        "event_id": incident.id, "event_date": as_date(event.date) if event.date and
        len(event.date) == 10 else None, "date_precision": event.date_precision,
        "disorder_type": acled.get("disorder_type"), "event_type": acled.get("event_type"),
        "sub_event_type": acled.get("sub_event_type"),
        "actor1": event.actor1.name if event.actor1 else None,
        "inter1": event.actor1.inter if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "inter2": event.actor2.inter if event.actor2 else None,
        "assoc_actors": _json([{"name": a.name, "inter": a.inter} for a in event.assoc_actors]),
        "location": loc.name if loc else None, "geonameid": loc.geonameid if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "country": loc.country if loc else None, "country_code": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None, "admin2": loc.admin2 if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "wounded": event.wounded, "arrested": event.arrested, "abducted": event.abducted,
        "confidence": event.confidence,
        "revision": 0, "first_seq": seq, "updated_seq": seq,
        "event": _json(event.to_dict()),
    }
    return merge_into_row(row, incident, seq=seq, now=now)


_FIGURES = ("fatalities", "fatalities_low", "fatalities_high")


def merge_into_row(row: dict[str, Any], incident: Incident, *, seq: int,
                   now: datetime | None = None) -> dict[str, Any]:
    """``row`` with the incident's reconciled figures and sources, one revision on."""
    merged = incident.merged()
    row = dict(row)
    for name in _FIGURES:
        row[name] = getattr(merged, name)
    row["sources"] = _json(merged.sources)
    row["n_sources"] = len(merged.sources)
    row["revision"] = int(row.get("revision") or 0) + 1
    row["updated_seq"] = seq
    if now is not None:
        row["updated_at"] = now
    return row


def revision_row(before: dict[str, Any] | None, after: dict[str, Any], *, article_key: str,
                 now: datetime, action: str | None = None) -> dict[str, Any]:
    """What one report changed in an event: the reconciled figures (old and new value)
    and, when ``action`` is given (``re-extract``), every correctable column that changed."""
    keys = ("fatalities", "fatalities_low", "fatalities_high", "n_sources")
    if before is None:
        change: dict[str, Any] = {"created": {k: after[k] for k in keys}}
    else:
        change = {k: [before[k], after[k]] for k in keys if before[k] != after[k]}
        change["joined"] = article_key
    if action is not None:
        change["action"] = action
        if before is not None:
            change["fields"] = changed_fields(before, after)
    return {"event_id": after["event_id"], "revision": after["revision"],
            "article_key": article_key, "change": _json(change), "created_at": now}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Correctable fields (flat names) whose column differs between two ``events`` rows."""
    out = {}
    for name, f in CORRECTABLE.items():
        old, new = _plain(before.get(f.column)), _plain(after.get(f.column))
        if old != new:
            out[name] = [old, new]
    return out
