"""``merge_events``: cross-article dedup over a batch of processed articles.

Articles are grouped into document incidents by their wording, place and day
(:mod:`sitrep.dedup.documents`); their events are then clustered into incidents
(:mod:`sitrep.dedup.incidents`), the document grouping being one piece of evidence.
Every event gets its incident's id and the figures reconciled across its sources.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..article import Article
from .documents import DocumentClusterer, signature_of
from .incidents import IncidentIndex, Report, key_terms
from .text import TermStats

__all__ = ["merge_events"]


def merge_events(articles: Sequence[Article]) -> None:
    """Give events of one incident (across articles) one id and their merged figures."""
    sigs = [signature_of(a) for a in articles]
    stats = TermStats()
    for sig in sigs:
        stats.add(sig.terms)
    docs = DocumentClusterer(stats=stats)
    index = IncidentIndex()
    placed = []
    for article, sig in zip(articles, sigs, strict=True):
        doc_incident = docs.add(sig, count_terms=False)
        _set_incident(article, doc_incident)
        terms = key_terms(sig.terms)
        for event in article.events:
            report = Report.of(event, article.id, terms=terms, doc_incident=doc_incident)
            incident, _ = index.add(report)
            placed.append((event, incident))
    for event, incident in placed:
        event.event_id = incident.id
        event.merged = incident.merged()


def _set_incident(article: Article, incident: str) -> None:
    """Record the article's document incident (written as ``"incident"`` in its line)."""
    article.incident = incident
