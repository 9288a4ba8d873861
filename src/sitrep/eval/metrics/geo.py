"""Geoparsing scores after Gritta, Pilehvar & Collier (2018, 2019).

Recognition: toponym span P/R/F1 (strict offsets and relaxed overlap). Resolution, over the
gold toponyms with coordinates that the system recognised (overlapping span) and gave
coordinates: accuracy@161 km, mean and median error in km, and the AUC of the log error
curve (0 best, 1 worst). ``acc161_all`` also counts unrecognised gold toponyms as
failures, so an empty prediction scores 0 on it as well.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from .basic import span_prf

__all__ = ["MAX_ERROR_KM", "GeoSpan", "Located", "auc_log_error", "geo_scores", "haversine_km",
           "resolution_errors", "resolution_pairs"]

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the worst possible error
_EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class GeoSpan:
    """A toponym span with its coordinates (None when unresolved)."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc_log_error(errors_km: Sequence[float]) -> float:
    """Area under the curve of sorted ``ln(1 + error)``, scaled to 0..1 by the largest
    possible error (Gritta et al. 2018). ``nan`` when there is no error to score."""
    if not errors_km:
        return float("nan")
    ys = [math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in sorted(errors_km)]
    if len(ys) == 1:
        return ys[0]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:], strict=False))
    return area / (len(ys) - 1)


class Located(Protocol):
    """Anything with a span and (possibly missing) coordinates: a :class:`GeoSpan`, a
    pipeline place mention."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...


L = TypeVar("L", bound=Located)


def resolution_pairs(gold: Sequence[GeoSpan], pred: Sequence[L]) -> list[tuple[GeoSpan, L]]:
    """Each gold toponym with coordinates and the resolved prediction scored for it: the
    one of its exact span, else the first that overlaps it."""
    pairs = []
    resolved = sorted((p for p in pred if p.lat is not None and p.lon is not None),
                      key=lambda p: (p.start, p.end))
    for g in gold:
        if g.lat is None or g.lon is None:
            continue
        best: L | None = None
        for p in resolved:
            if p.start >= g.end:
                break
            if p.end > g.start:
                # prefer the exact span over a mere overlap
                if best is None or (p.start, p.end) == (g.start, g.end):
                    best = p
        if best is not None:
            pairs.append((g, best))
    return pairs


def resolution_errors(gold: Sequence[GeoSpan], pred: Sequence[GeoSpan]) -> list[float]:
    """Error (km) of each gold toponym with coordinates that a resolved prediction overlaps."""
    errors = []
    for g, p in resolution_pairs(gold, pred):
        assert g.lat is not None and g.lon is not None and p.lat is not None and p.lon is not None
        errors.append(haversine_km(g.lat, g.lon, p.lat, p.lon))
    return errors


def geo_scores(docs: Sequence[tuple[Sequence[GeoSpan], Sequence[GeoSpan]]]
               ) -> dict[str, float]:
    """Corpus-level geoparsing scores from ``(gold, pred)`` toponym lists per document."""
    strict = span_prf([], [])
    relaxed = span_prf([], [])
    errors: list[float] = []
    n_gold_coords = 0
    for gold, pred in docs:
        g_spans = [(g.start, g.end) for g in gold]
        p_spans = [(p.start, p.end) for p in pred]
        strict.add(span_prf(g_spans, p_spans))
        relaxed.add(span_prf(g_spans, p_spans, relaxed=True))
        errors.extend(resolution_errors(gold, pred))
        n_gold_coords += sum(1 for g in gold if g.lat is not None and g.lon is not None)
    hits = sum(1 for e in errors if e < 161.0)
    out = strict.as_dict("toponym")
    out["toponym_relaxed_f1"] = relaxed.f1
    out["acc161"] = 100.0 * hits / len(errors) if errors else 0.0
    out["acc161_all"] = 100.0 * hits / n_gold_coords if n_gold_coords else 0.0
    out["mean_km"] = statistics.fmean(errors) if errors else float("nan")
    out["median_km"] = statistics.median(errors) if errors else float("nan")
    out["auc"] = auc_log_error(errors)
    return out
