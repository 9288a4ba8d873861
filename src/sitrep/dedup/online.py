"""Document incidents for a store that grows one article at a time, at any size.

The batch clusterer (:class:`sitrep.dedup.documents.DocumentClusterer`) compares an
article with every cluster so far, which is quadratic over a store of 100,000 articles.
:class:`OnlineDocuments` scores the same resemblance (TF-IDF cosine against a cluster's
centroid, plus place and day agreement) but only against the clusters that share one of
the article's rarest words, found through an inverted index whose lists are capped; and
it keeps at most :data:`MAX_ACTIVE` clusters (the least recently joined are retired).

Its state is a pure function of the stored signatures in ingest order: :meth:`replay`
rebuilds it from the store exactly as the live run left it (the same document
frequencies at each step, the same centroids), so a run resumed after a crash decides
as an uninterrupted one would.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..article import Article
from ..schema import Event
from .documents import JOIN_THRESHOLD, DocSignature, _cluster_id, _km, context_bonus, signature_of
from .text import TermStats, weighted

__all__ = ["MAX_ACTIVE", "OnlineDocuments", "about_main_incident", "signature_dict",
           "signature_from_dict", "store_signature"]

MAX_ACTIVE = 50_000
_SIG_TERMS = 60  # terms kept per stored signature (by weighted count, then alphabetically)
_QUERY_TERMS = 12  # an article's rarest words that find candidate clusters
_POSTING_CAP = 256  # latest clusters kept per word
_NEAR_KM = 25.0
_CONTEXT_KEPT = 4  # days and places a cluster is judged by


def store_signature(article: Article, key: str) -> DocSignature:
    """The signature of a processed article as stored: its top terms only."""
    sig = signature_of(article)
    top = sorted(sig.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:_SIG_TERMS]
    # in term order, as the stored JSON has them: replay then sums floats in the same order
    return DocSignature(id=key, terms=dict(sorted(top)), day=sig.day, place=sig.place,
                        place_name=sig.place_name)


def signature_dict(sig: DocSignature) -> dict[str, Any]:
    """JSON form of a stored signature (``articles.signature``)."""
    return {"t": sig.terms, "d": sig.day.isoformat() if sig.day else None,
            "p": list(sig.place) if sig.place else None}


def signature_from_dict(key: str, data: dict[str, Any]) -> DocSignature:
    """A stored signature read back."""
    place = data.get("p")
    return DocSignature(id=key, terms={str(k): int(v) for k, v in data.get("t", {}).items()},
                        day=date.fromisoformat(data["d"]) if data.get("d") else None,
                        place=(float(place[0]), float(place[1])) if place else None)


def about_main_incident(event: Event, sig: DocSignature) -> bool:
    """Whether ``event`` is the incident the article is about (its signature's town and
    day), so the article's document incident is evidence for it. An article that also
    reports other events elsewhere or on other days says nothing about those by being
    worded like another article."""
    loc = event.location
    if sig.place and loc is not None and loc.lat is not None and loc.lon is not None:
        if _km(sig.place, (loc.lat, loc.lon)) > _NEAR_KM:
            return False
    if sig.day and event.date and len(event.date) == 10:
        if abs((date.fromisoformat(event.date) - sig.day).days) > 1:
            return False
    return True


@dataclass
class _Cluster:
    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    sumsq: float = 0.0  # squared norm of the centroid, kept incrementally
    days: list[date] = field(default_factory=list)
    places: list[tuple[float, float]] = field(default_factory=list)

    def absorb(self, vec: dict[str, float], sig: DocSignature) -> list[str]:
        """Add a member; returns the words new to this cluster."""
        new = []
        for t, v in vec.items():
            old = self.centroid.get(t)
            if old is None:
                new.append(t)
                old = 0.0
            self.centroid[t] = old + v
            self.sumsq += (old + v) ** 2 - old * old
        # the first few members' days and places stand for the incident: a cluster that
        # kept every member's would, once large, agree with any day and town (a topic,
        # not an incident) and snowball
        if sig.day and sig.day not in self.days and len(self.days) < _CONTEXT_KEPT:
            self.days.append(sig.day)
        if sig.place and len(self.places) < _CONTEXT_KEPT:
            self.places.append(sig.place)
        return new


@dataclass
class OnlineDocuments:
    """Online, bounded document clustering with stable ids (a cluster keeps its first
    member's id) and exact replay from stored signatures."""

    threshold: float = JOIN_THRESHOLD
    max_active: int = MAX_ACTIVE
    stats: TermStats = field(default_factory=TermStats)
    clusters: OrderedDict[str, _Cluster] = field(default_factory=OrderedDict)
    postings: dict[str, list[str]] = field(default_factory=dict)

    def _candidates(self, sig: DocSignature) -> list[_Cluster]:
        # the rarest words some earlier article shares (df 1 is this article alone)
        df = self.stats.df
        rare = sorted((t for t in sig.terms if df.get(t, 0) > 1),
                      key=lambda t: (df[t], t))[:_QUERY_TERMS]
        seen: dict[str, _Cluster] = {}
        for term in rare:
            for cid in self.postings.get(term, ()):
                cluster = self.clusters.get(cid)
                if cluster is not None and cid not in seen:
                    seen[cid] = cluster
        return list(seen.values())

    def _place(self, sig: DocSignature, cluster: _Cluster, vec: dict[str, float]) -> None:
        for term in cluster.absorb(vec, sig):
            plist = self.postings.setdefault(term, [])
            plist.append(cluster.id)
            if len(plist) > 2 * _POSTING_CAP:
                del plist[:-_POSTING_CAP]
        self.clusters.move_to_end(cluster.id)
        while len(self.clusters) > self.max_active:
            self.clusters.popitem(last=False)

    def add(self, sig: DocSignature) -> str:
        """Place one article (its id is the store's article key); returns its cluster id."""
        self.stats.add(sig.terms)
        vec = weighted(sig.terms, self.stats)
        best, best_score = None, self.threshold
        for cluster in self._candidates(sig):
            norm = math.sqrt(cluster.sumsq) or 1.0
            small, big = (vec, cluster.centroid) if len(vec) <= len(cluster.centroid) \
                else (cluster.centroid, vec)
            dot = sum(v * big.get(t, 0.0) for t, v in small.items())
            score = dot / norm + context_bonus(sig, cluster.places, cluster.days)
            # ties go to the earlier cluster (candidates come in a fixed order)
            if score > best_score or (best is None and score >= best_score):
                best, best_score = cluster, score
        if best is None:
            best = _Cluster(id=_cluster_id(sig.id))
            self.clusters[best.id] = best
        self._place(sig, best, vec)
        return best.id

    def replay(self, sig: DocSignature, cluster_id: str) -> None:
        """Put back a stored article as it was placed (no matching)."""
        self.stats.add(sig.terms)
        vec = weighted(sig.terms, self.stats)
        cluster = self.clusters.get(cluster_id)
        if cluster is None:
            cluster = self.clusters[cluster_id] = _Cluster(id=cluster_id)
        self._place(sig, cluster, vec)
