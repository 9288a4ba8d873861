"""Which articles report the same incident: an online clustering of documents.

Each article gets a :class:`DocSignature` (its wording, the place it is mostly about,
the day of its main event). Articles arrive one by one; an article joins the cluster it
resembles most when the resemblance clears a threshold, otherwise it starts a new one.
A cluster's id is its first member's, so ids survive later arrivals.

Resemblance is the TF-IDF cosine of the article against the cluster's centroid, raised
when both name the same town and the same day, lowered when they name towns far apart
or days more than a week apart: two shootings in one state share most of their words,
but not their town and day.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..article import Article
from .text import TermStats, cosine, term_counts, weighted

__all__ = ["DocSignature", "DocumentClusterer", "context_bonus", "document_incidents",
           "signature_of"]

JOIN_THRESHOLD = 0.20
_FAR_KM = 80.0
_PLACE_FEATURES = ("city", "admin2", "other")


@dataclass(slots=True)
class DocSignature:
    """What identifies the incident an article reports."""

    id: str
    terms: dict[str, int]
    day: date | None = None
    place: tuple[float, float] | None = None
    place_name: str | None = None
    event_ids: list[str] = field(default_factory=list)


def _main_place(article: Article) -> tuple[tuple[float, float] | None, str | None]:
    events = [e for e in article.events if e.location and e.location.lat is not None
              and e.location.geo_precision == 1]
    if events:
        loc = max(events, key=lambda e: e.confidence).location
        return (loc.lat, loc.lon), loc.name
    names = Counter(p.name for p in article.places
                    if p.lat is not None and p.feature in _PLACE_FEATURES)
    if not names:
        return None, None
    name = names.most_common(1)[0][0]
    p = next(p for p in article.places if p.name == name)
    return (p.lat, p.lon), name


def _main_day(article: Article) -> date | None:
    days = [e.date for e in article.events if e.date and len(e.date) == 10]
    if days:
        return date.fromisoformat(Counter(days).most_common(1)[0][0])
    return article.published


def signature_of(article: Article) -> DocSignature:
    """The signature of one processed article."""
    place, name = _main_place(article)
    return DocSignature(id=article.id, terms=term_counts(article.text, title=article.title),
                        day=_main_day(article), place=place, place_name=name,
                        event_ids=[e.event_id for e in article.events])


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class _Cluster:
    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    size: int = 0
    days: list[date] = field(default_factory=list)
    places: list[tuple[float, float]] = field(default_factory=list)
    norm: float = 1.0

    def absorb(self, vec: dict[str, float]) -> None:
        for t, v in vec.items():
            self.centroid[t] = self.centroid.get(t, 0.0) + v
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0
        self.size += 1


def context_bonus(sig: DocSignature, places, days) -> float:
    """Place and day agreement of an article with a cluster's ``places`` and ``days``:
    +0.1 each for the same town and day (within a day), -0.15 each when far apart."""
    bonus = 0.0
    if sig.place and places:
        km = min(_km(sig.place, p) for p in places)
        bonus += 0.10 if km < 10 else (-0.15 if km > _FAR_KM else 0.0)
    if sig.day and days:
        gap = min(abs((sig.day - d).days) for d in days)
        bonus += 0.10 if gap <= 1 else (-0.15 if gap > 7 else 0.0)
    return bonus


@dataclass
class DocumentClusterer:
    """Online clustering of articles into incidents (stable ids, order-dependent).

    ``stats`` holds the document frequencies; a batch may fill it with every article
    first (:func:`document_incidents` does) so early articles are weighed like late ones.
    """

    stats: TermStats = field(default_factory=TermStats)
    threshold: float = JOIN_THRESHOLD
    clusters: list[_Cluster] = field(default_factory=list)
    assignment: dict[str, str] = field(default_factory=dict)

    def add(self, sig: DocSignature, *, count_terms: bool = True) -> str:
        """Place one article; returns its cluster id."""
        if count_terms:
            self.stats.add(sig.terms)
        vec = weighted(sig.terms, self.stats)
        best, best_score = None, self.threshold
        for cluster in self.clusters:
            score = cosine(vec, cluster.centroid) / cluster.norm
            score += context_bonus(sig, cluster.places, cluster.days)
            if score >= best_score:
                best, best_score = cluster, score
        if best is None:
            best = _Cluster(id=_cluster_id(sig.id))
            self.clusters.append(best)
        best.absorb(vec)
        if sig.day:
            best.days.append(sig.day)
        if sig.place:
            best.places.append(sig.place)
        self.assignment[sig.id] = best.id
        return best.id


def _cluster_id(first_member: str) -> str:
    return "inc-" + hashlib.sha1(first_member.encode("utf-8")).hexdigest()[:16]


def document_incidents(articles: Sequence[Article] | Iterable[Article]) -> dict[str, str]:
    """Article id -> incident id, clustering the articles in the order given."""
    sigs = [signature_of(a) for a in articles]
    stats = TermStats()
    for sig in sigs:
        stats.add(sig.terms)
    clusterer = DocumentClusterer(stats=stats)
    for sig in sigs:
        clusterer.add(sig, count_terms=False)
    return dict(clusterer.assignment)
