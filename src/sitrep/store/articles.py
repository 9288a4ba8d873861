"""Store one extracted article, replacing an earlier extraction of it (the web app's path).

``sitrep ingest`` skips articles it has; the web app may instead hand in an article again
after a better extraction. :func:`put_article` then takes the old reports out of their
incidents, merges the new ones, and rewrites every incident touched, in one transaction.
People's corrections and reviews are kept in their own tables and never touched; an
incident the new extraction no longer finds is dropped, unless a person corrected or
reviewed it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..article import Article
from ..dedup.incidents import IncidentIndex, Report, key_terms
from ..dedup.online import signature_dict
from ..dedup.text import term_counts
from ..schema import Event
from .db import Batch, Store
from .ingest import doc_evidence, document_incident, found_incident
from .keys import article_key, canonical_url, content_hash
from .migrations import run
from .rows import article_row, changed_fields, event_row, report_row, revision_row

__all__ = ["PutResult", "put_article"]


@dataclass(slots=True)
class PutResult:
    """What storing one article did."""

    article_key: str
    event_ids: list[str] = field(default_factory=list)  # the incidents its events joined
    replaced: bool = False


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def _forget(index: IncidentIndex, incident_id: str) -> None:
    # An incident left without reports must leave the index too: matching compares a new
    # report with an incident's reports, and there are none. (The blocks are the index's
    # own lists; it has no removal method.)
    index.incidents.pop(incident_id, None)
    for ids in index._blocks.values():
        if incident_id in ids:
            ids.remove(incident_id)


def _vouched(con: Any, event_id: str) -> bool:
    return bool(run(con, "SELECT EXISTS (SELECT 1 FROM event_corrections WHERE event_id = ?)"
                         " OR EXISTS (SELECT 1 FROM event_reviews WHERE event_id = ?)",
                    [event_id, event_id])[0][0])


def _raw_row(con: Any, event_id: str) -> dict[str, Any] | None:
    cur = con.execute("SELECT * FROM events WHERE event_id = ?", [event_id])
    rows = cur.fetchall()  # fetch everything: DuckDB refuses new work while a result is open
    row = rows[0] if rows else None
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def _stored_event(con: Any, key: str, report_id: str) -> Event:
    rows = run(con, "SELECT event FROM event_reports WHERE article_key = ? AND report_id = ?",
               [key, report_id])
    return Event.from_dict(json.loads(rows[0][0]))


def _detach(store: Store, index: IncidentIndex, old_keys: list[str]) -> list[str]:
    """Take the reports of ``old_keys`` out of their incidents; the incidents touched."""
    touched = [r[0] for r in run(
        store.con, f"SELECT DISTINCT event_id FROM event_reports WHERE article_key IN "
                   f"({_marks(old_keys)})", old_keys)]
    for incident_id in touched:
        incident = index.incidents.get(incident_id)
        if incident is None:
            continue
        incident.reports = [r for r in incident.reports if r.article not in old_keys]
        if not incident.reports:
            _forget(index, incident_id)
    return touched


def put_article(store: Store, index: IncidentIndex, article: Article, *,
                dedup: bool = True) -> PutResult:
    """Store ``article`` (already extracted) and merge its events into ``index``.

    An article with the same id, canonical URL or text replaces the stored one. The
    caller serialises calls (one writer) and owns ``index``, loaded from this store.
    """
    key = article_key(article.url, article.text)
    old_keys = [r[0] for r in run(store.con, "SELECT key FROM articles WHERE key = ? OR id = ?",
                                  [key, article.id])]
    touched = _detach(store, index, old_keys) if old_keys else []
    now = datetime.now(UTC).replace(tzinfo=None)
    seq = store.next_seq()
    terms = key_terms(term_counts(article.text, title=article.title)) if article.events else []
    doc, sig = document_incident(index, article, key, processed=dedup)
    batch = Batch()
    batch.articles.append(article_row(
        article, key=key, seq=seq, canonical=canonical_url(article.url),
        digest=content_hash(article.text), extracted=not article.error, terms=terms, now=now,
        incident=doc, signature=signature_dict(sig) if sig is not None else None))
    result = PutResult(key, replaced=bool(old_keys))
    new_events: dict[str, Event] = {}
    for idx, event in enumerate(article.events):
        report = Report.of(event, key, terms=terms, doc_incident=doc_evidence(event, doc, sig))
        incident, _ = index.add(report) if dedup else found_incident(index, report)
        result.event_ids.append(incident.id)
        new_events[event.event_id] = event
        batch.reports.append(report_row(key, idx, event, incident.id))
    affected = list(dict.fromkeys(touched + result.event_ids))
    with store.transaction() as con:
        if old_keys:
            run(con, f"DELETE FROM event_reports WHERE article_key IN ({_marks(old_keys)})",
                old_keys)
            run(con, f"DELETE FROM articles WHERE key IN ({_marks(old_keys)})", old_keys)
        store._append(con, "articles", batch.articles)
        store._append(con, "event_reports", batch.reports)
        for incident_id in affected:
            _rewrite(store, con, index, incident_id, key=key, old_keys=old_keys,
                     new_events=new_events, seq=seq, now=now)
    return result


def _rewrite(store: Store, con: Any, index: IncidentIndex, incident_id: str, *, key: str,
             old_keys: list[str], new_events: dict[str, Event], seq: int,
             now: datetime) -> None:
    """Bring one incident's ``events`` row in line with its reports now."""
    before = _raw_row(con, incident_id)
    incident = index.incidents.get(incident_id)
    if incident is None or not incident.reports:
        if before is not None and not _vouched(con, incident_id):
            run(con, "DELETE FROM events WHERE event_id = ?", [incident_id])
            run(con, "DELETE FROM revisions WHERE event_id = ?", [incident_id])
        return  # a person vouched for it: it outlives the machine's change of mind
    first = incident.reports[0]
    founding = (new_events[first.event_id] if first.article == key
                else _stored_event(con, first.article, first.event_id))
    after = event_row(founding, incident, seq=seq, now=now)
    action = None
    if before is not None:
        after["first_seq"] = before["first_seq"]
        after["revision"] = before["revision"] + 1
        was = set(json.loads(before["sources"] or "[]"))
        action = "re-extract" if was & set(old_keys) else "merge"
        same_figures = all(before[k] == after[k] for k in ("fatalities", "fatalities_low",
                                                           "fatalities_high", "n_sources"))
        if same_figures and not changed_fields(before, after) and before["event"] == \
                after["event"]:
            after["revision"] = before["revision"]  # nothing changed: no new revision
            after["updated_at"] = before.get("updated_at")
            action = ""
    store._upsert_events(con, [after])
    if action != "":
        store._append(con, "revisions", [revision_row(before, after, article_key=key,
                                                       now=now, action=action)])
