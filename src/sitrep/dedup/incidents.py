"""Events of different articles that report one incident: blocking, similarity, clustering.

Events arrive one by one (article order). Each is compared only with incidents in its
block -- same country (or unknown), same ACLED event type, dates at most
:data:`DATE_WINDOW` days apart (an undated event meets only the latest undated
incidents) -- and joins the most similar one when the similarity
clears :data:`JOIN_THRESHOLD`; otherwise it founds a new incident whose id is the
event's own id. An incident's id therefore survives every later report that joins it.

Similarity adds evidence: the same document incident (the articles were grouped by
their wording, :mod:`sitrep.dedup.documents`), the same place or a near one, the same day,
shared actors, the same sub-event type, agreeing figures, and shared key words. Places
far apart veto a merge; two events of one article never merge (ACLED splits them).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..schema import Event, Merged

__all__ = ["DATE_WINDOW", "JOIN_THRESHOLD", "Incident", "IncidentIndex", "Report",
           "key_terms", "reconcile"]

DATE_WINDOW = 3
JOIN_THRESHOLD = 0.6
_NEAR_KM = 25.0
_FAR_KM = 100.0
_KEY_TERMS = 15
_UNDATED_CAP = 500

_BlockKey = tuple[str | None, str | None, date | None]  # country, event type, day


@dataclass(slots=True)
class Report:
    """One article's event, reduced to what matching and reconciling need."""

    event_id: str
    article: str
    country_code: str | None
    event_type: str | None
    sub_event_type: str | None
    day: date | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    actors: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    doc_incident: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None

    @classmethod
    def of(cls, event: Event, article: str, *, terms: Iterable[str] = (),
           doc_incident: str | None = None) -> Report:
        """The report of ``event`` as read in ``article``."""
        loc = event.location
        acled = event.codes.acled or {}
        day = date.fromisoformat(event.date) if event.date and len(event.date) == 10 else None
        actors = {a.name for a in (event.actor1, event.actor2, *event.assoc_actors) if a}
        return cls(event_id=event.event_id, article=article,
                   country_code=loc.country_code if loc else None,
                   event_type=acled.get("event_type"), sub_event_type=acled.get("sub_event_type"),
                   day=day, lat=loc.lat if loc else None, lon=loc.lon if loc else None,
                   geonameid=loc.geonameid if loc else None, actors=frozenset(actors),
                   terms=frozenset(terms), doc_incident=doc_incident,
                   fatalities=event.fatalities, fatalities_low=event.fatalities_low,
                   fatalities_high=event.fatalities_high)


@dataclass
class Incident:
    """A cluster of reports: one real-world incident."""

    id: str
    reports: list[Report] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        """Every article that reports this incident."""
        return {r.article for r in self.reports}

    def merged(self) -> Merged:
        """Figures reconciled across every report."""
        return reconcile(self.reports)


def reconcile(reports: Iterable[Report]) -> Merged:
    """ACLED's conservative toll (the lowest reported), and the range over all sources."""
    reports = list(reports)
    tolls = [r.fatalities for r in reports if r.fatalities is not None]
    lows = [r.fatalities_low if r.fatalities_low is not None else r.fatalities for r in reports]
    highs = [r.fatalities_high if r.fatalities_high is not None else r.fatalities
             for r in reports]
    lows_known = [x for x in lows if x is not None]
    highs_known = [x for x in highs if x is not None]
    return Merged(sources=sorted({r.article for r in reports}),
                  fatalities=min(tolls) if tolls else None,
                  fatalities_low=min(lows_known) if lows_known else None,
                  fatalities_high=max(highs_known) if highs_known else None)


def key_terms(counts: dict[str, int], limit: int = _KEY_TERMS) -> list[str]:
    """The article's most frequent content words (names count double), for overlap."""
    return [t for t, _ in Counter(counts).most_common(limit)]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def similarity(report: Report, other: Report) -> float | None:
    """Evidence that two reports describe one incident; None when something vetoes it."""
    score = 0.0
    if report.doc_incident and report.doc_incident == other.doc_incident:
        score += 0.5
    if report.geonameid is not None and report.geonameid == other.geonameid:
        score += 0.3
    elif None not in (report.lat, report.lon, other.lat, other.lon):
        km = _km(report.lat, report.lon, other.lat, other.lon)  # type: ignore[arg-type]
        if km > _FAR_KM:
            return None
        score += 0.2 if km <= _NEAR_KM else 0.0
    if report.day and other.day:
        gap = abs((report.day - other.day).days)
        if gap > DATE_WINDOW:
            return None
        score += 0.2 if gap == 0 else 0.1 if gap == 1 else 0.0
    if report.actors & other.actors:
        score += 0.1
    if report.sub_event_type and report.sub_event_type == other.sub_event_type:
        score += 0.1
    if report.fatalities is not None and report.fatalities == other.fatalities:
        score += 0.1
    if report.terms and other.terms:
        overlap = len(report.terms & other.terms) / min(len(report.terms), len(other.terms))
        score += 0.3 * overlap
    return score


@dataclass
class IncidentIndex:
    """Incidents so far, blocked by (country, event type); add reports one by one."""

    threshold: float = JOIN_THRESHOLD
    incidents: dict[str, Incident] = field(default_factory=dict)
    # the store's document clusterer (sitrep.dedup.online.OnlineDocuments), when it has one
    documents: Any = None
    _blocks: dict[_BlockKey, list[str]] = field(default_factory=dict)

    def _index(self, incident_id: str, report: Report) -> None:
        # blocks are (country, event type, day): a report meets only incidents with a
        # report within DATE_WINDOW days of its own, so cost stays flat as the store grows
        ids = self._blocks.setdefault((report.country_code, report.event_type, report.day), [])
        if not ids or ids[-1] != incident_id:
            ids.append(incident_id)

    def load(self, incident: Incident) -> None:
        """Put back an incident read from storage (no matching)."""
        self.incidents[incident.id] = incident
        for report in incident.reports:
            self._index(incident.id, report)

    def restore(self, incident_id: str, report: Report) -> None:
        """Put back one stored report of ``incident_id`` (no matching). Restoring every
        report in arrival order rebuilds the index exactly as the run built it (the order
        of incidents in a block decides ties)."""
        incident = self.incidents.get(incident_id)
        if incident is None:
            incident = self.incidents[incident_id] = Incident(id=incident_id)
        incident.reports.append(report)
        self._index(incident_id, report)

    def _candidates(self, report: Report) -> Iterable[Incident]:
        countries = [report.country_code] + ([None] if report.country_code is not None else [])
        if report.day is None:
            days: list[date | None] = [None]
        else:
            days = [None] + [date.fromordinal(report.day.toordinal() + k)
                             for k in range(-DATE_WINDOW, DATE_WINDOW + 1)]
        seen: set[str] = set()
        for country in countries:
            for day in days:
                ids = self._blocks.get((country, report.event_type, day), ())
                if day is None:
                    ids = ids[-_UNDATED_CAP:]  # undated incidents: the latest ones only
                for incident_id in ids:
                    if incident_id not in seen and incident_id in self.incidents:
                        seen.add(incident_id)
                        yield self.incidents[incident_id]

    def add(self, report: Report) -> tuple[Incident, bool]:
        """Place one report; returns its incident and whether it was new."""
        best: Incident | None = None
        best_score = self.threshold
        for incident in self._candidates(report):
            if report.article in incident.articles:
                continue
            scores = [similarity(report, r) for r in incident.reports]
            if any(s is None for s in scores):
                continue
            score = max(s for s in scores if s is not None)
            if score >= best_score:
                best, best_score = incident, score
        if best is not None:
            best.reports.append(report)
            self._index(best.id, report)
            return best, False
        incident_id = report.event_id
        if incident_id in self.incidents:  # the same extracted id in another article
            incident_id += "-" + hashlib.sha1(report.article.encode("utf-8")).hexdigest()[:8]
        incident = Incident(id=incident_id, reports=[report])
        self.load(incident)
        return incident, True
