"""Pinned score floors (``eval/floors.json``): the regression gate.

Each gold set has a fast slice (its first ``slice`` documents) and, for its headline
metrics, the score pinned on that slice. A run regresses when a score falls below its
floor by more than ``margin`` points (for error metrics such as ``median_km``, when it
rises above its ceiling by more than its own margin in ``margins``). Floors only move in the
improving direction through :func:`raise_floors`; lowering one is a hand edit that must be
explained in the commit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .base import is_lower_better

__all__ = ["FLOORS_PATH", "Regression", "check_floors", "load_floors", "margin_for",
           "raise_floors", "save_floors"]

FLOORS_PATH = Path(__file__).resolve().parents[3] / "eval" / "floors.json"
DEFAULT_MARGIN = 2.0  # points on a 0-100 scale
# error metrics, by name suffix: AUC is 0-1, distances are km, MAE is people
DEFAULT_MARGINS = {"auc": 0.02, "_km": 5.0, "_mae": 0.5}


@dataclass(frozen=True, slots=True)
class Regression:
    """A score that fell through its floor."""

    dataset: str
    metric: str
    floor: float
    value: float
    allowed: float

    def __str__(self) -> str:
        return (f"{self.dataset}.{self.metric} = {self.value:.2f}, floor {self.floor:.2f} "
                f"(allowed down to {self.allowed:.2f})")


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    """The floors file (``{"margin": m, "sets": {name: {"slice": n, "metrics": {...}}}}``)."""
    if not Path(path).exists():
        return {"margin": DEFAULT_MARGIN, "sets": {}}
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save_floors(floors: Mapping[str, Any], path: Path = FLOORS_PATH) -> None:
    """Write the floors file (sorted keys, stable diff)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def margin_for(metric: str, floors: Mapping[str, Any]) -> float:
    """The noise margin of ``metric``: ``margins`` by metric-name suffix (error metrics
    have their own units), else the file's ``margin`` in points."""
    for suffix, value in floors.get("margins", {}).items():
        if metric.endswith(suffix):
            return float(value)
    return float(floors.get("margin", DEFAULT_MARGIN))


def _allowed(metric: str, floor: float, margin: float) -> float:
    return floor + margin if is_lower_better(metric) else floor - margin


def check_floors(scores: Mapping[str, Mapping[str, float]], floors: Mapping[str, Any]
                 ) -> list[Regression]:
    """Regressions of ``scores`` (dataset -> metric -> value) against ``floors``.

    Only datasets present in ``scores`` are checked; a pinned metric missing from a
    dataset's scores, or ``nan`` where a number was pinned, is a regression."""
    out = []
    for dataset, entry in floors.get("sets", {}).items():
        if dataset not in scores:
            continue
        got = scores[dataset]
        for metric, floor in entry.get("metrics", {}).items():
            allowed = _allowed(metric, float(floor), margin_for(metric, floors))
            value = float(got.get(metric, float("nan")))
            worse = (math.isnan(value) or
                     (value > allowed if is_lower_better(metric) else value < allowed))
            if worse:
                out.append(Regression(dataset, metric, float(floor), value, allowed))
    return out


def raise_floors(floors: Mapping[str, Any], scores: Mapping[str, Mapping[str, float]],
                 slices: Mapping[str, int], headlines: Mapping[str, tuple[str, ...]]
                 ) -> tuple[dict[str, Any], list[str]]:
    """New floors where ``scores`` improve on them (never lowered), and what changed.

    A dataset or headline metric not pinned yet is pinned at its current score (unless
    it is ``nan``). ``slices`` gives the slice size the scores were measured on."""
    new = json.loads(json.dumps(floors))
    new.setdefault("margin", DEFAULT_MARGIN)
    new.setdefault("margins", dict(DEFAULT_MARGINS))
    sets = new.setdefault("sets", {})
    changes = []
    for dataset, got in scores.items():
        entry = sets.setdefault(dataset, {"slice": slices[dataset], "metrics": {}})
        if entry.get("slice") != slices[dataset]:
            changes.append(f"{dataset}: slice {entry.get('slice')} -> {slices[dataset]} "
                           "(floors re-pinned on the new slice)")
            entry["slice"] = slices[dataset]
            entry["metrics"] = {}
        pinned = entry.setdefault("metrics", {})
        for metric in headlines[dataset]:
            value = got.get(metric, float("nan"))
            if math.isnan(value):
                continue
            value = round(value, 2)
            old = pinned.get(metric)
            better = old is None or (value < old if is_lower_better(metric) else value > old)
            if better:
                pinned[metric] = value
                changes.append(f"{dataset}.{metric}: {old} -> {value}")
    return new, changes
