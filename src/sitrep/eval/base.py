"""The gold-set interface: how a development set plugs into ``sitrep eval``.

A gold set is a :class:`GoldSet` subclass with four jobs:

1. ``load(data_dir)`` -> the documents (:class:`GoldDoc`: id, text, publication date, and
   the dataset's own gold annotation in ``gold``). Parse once: the result is cached.
2. ``gold_line(doc)`` -> the gold expressed as an output line of the contract
   (``/work/shared/spec/output.md``). Scoring it must give 100: this keeps the mapping
   in step 3 honest.
3. ``score(docs, lines)`` -> ``{metric: value}``: read each predicted output line
   (contract dict) into the dataset's prediction format and compute the metrics.
4. ``grouped``: True when predictions must be made with cross-article dedup over all
   documents at once (same-incident grouping).

To add your own set, subclass :class:`GoldSet`, give it a unique ``name`` and call
:func:`register` (or pass ``module:attr`` as the dataset name to ``sitrep eval``).
Percentages are 0-100; metric names in :data:`LOWER_IS_BETTER` are errors.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

__all__ = [
    "LOWER_IS_BETTER",
    "DataMissing",
    "GoldDoc",
    "GoldSet",
    "Line",
    "empty_line",
    "get_set",
    "is_lower_better",
    "main_event",
    "register",
    "registered",
]

Line = dict[str, Any]  # one output line of the contract

# metric-name suffixes whose values are errors (lower is better)
LOWER_IS_BETTER: tuple[str, ...] = ("_mae", "_km", "auc")


def is_lower_better(metric: str) -> bool:
    """True for error metrics (mean absolute error, km, AUC of the log error)."""
    return metric.endswith(LOWER_IS_BETTER)


class DataMissing(FileNotFoundError):
    """The gold files of a set are not under the data directory."""


@dataclass(slots=True)
class GoldDoc:
    """One gold document: what the pipeline reads, and the set's own annotation."""

    id: str
    text: str
    published: date | None = None
    gold: Any = None
    title: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


class GoldSet(ABC):
    """A development set with its loader, gold-to-contract mapping and metrics."""

    name: str = ""
    title: str = ""
    #: path (relative to the data directory) that must exist for the set to load
    path: str = ""
    #: True when documents are grouped across articles (predict with dedup over all)
    grouped: bool = False
    #: number of documents in the fast slice run by the floors test
    slice_size: int = 40
    #: the metrics shown on the scoreboard and pinned as floors (others are reported)
    headline: tuple[str, ...] = ()

    def __init__(self) -> None:
        self._cache: dict[Path, list[GoldDoc]] = {}

    def available(self, data_dir: Path) -> bool:
        """Whether the gold files exist under ``data_dir``."""
        return (Path(data_dir) / self.path).exists()

    def load(self, data_dir: Path) -> list[GoldDoc]:
        """The documents, parsed once per process and data directory."""
        key = Path(data_dir).resolve()
        if key not in self._cache:
            if not self.available(key):
                raise DataMissing(f"{self.name}: {key / self.path} not found")
            self._cache[key] = self._load(key)
        return self._cache[key]

    @abstractmethod
    def _load(self, data_dir: Path) -> list[GoldDoc]:
        """Parse the gold files (called once; see :meth:`load`)."""

    @abstractmethod
    def gold_line(self, doc: GoldDoc) -> Line:
        """The gold annotation written as a contract output line."""

    @abstractmethod
    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        """Metrics of predicted lines (one per doc, same order) against the gold."""


_REGISTRY: dict[str, Callable[[], GoldSet]] = {}
_INSTANCES: dict[str, GoldSet] = {}


def register(factory: Callable[[], GoldSet], name: str | None = None) -> None:
    """Make a gold set available to ``sitrep eval NAME``."""
    key = name or getattr(factory, "name", "")
    if not key:
        raise ValueError("a gold set needs a name")
    _REGISTRY[key] = factory
    _INSTANCES.pop(key, None)


def registered() -> list[str]:
    """Names of the registered gold sets, in registration order."""
    return list(_REGISTRY)


def get_set(name: str) -> GoldSet:
    """The gold set called ``name``; ``package.module:attr`` imports a user's set."""
    if name not in _REGISTRY and ":" in name:
        module, _, attr = name.partition(":")
        obj = getattr(importlib.import_module(module), attr)
        inst = obj() if isinstance(obj, type) else obj
        if not isinstance(inst, GoldSet):
            raise TypeError(f"{name} is not a GoldSet")
        _INSTANCES[name] = inst
        return inst
    if name not in _REGISTRY:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(registered())}")
    if name not in _INSTANCES:
        _INSTANCES[name] = _REGISTRY[name]()
    return _INSTANCES[name]


def empty_line(doc_id: str) -> Line:
    """An output line that found nothing."""
    return {"schema": "sitrep/1", "id": doc_id, "error": None,
            "places": [], "dates": [], "events": []}


def main_event(line: Line) -> dict[str, Any] | None:
    """The event a document is mostly about: highest confidence, then most fatalities,
    then first reported. None when the line has no event."""
    events = line.get("events") or []
    if not events:
        return None

    def key(item: tuple[int, dict[str, Any]]) -> tuple[float, int, int]:
        i, ev = item
        return (float(ev.get("confidence") or 0.0), int(ev.get("fatalities") or 0), -i)

    return max(enumerate(events), key=key)[1]
