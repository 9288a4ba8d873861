"""Run a gold set through a predictor and score it: the engine of ``sitrep eval``."""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import sets as _sets  # noqa: F401  (registers the built-in gold sets)
from .base import GoldDoc, GoldSet, get_set, registered
from .predict import PipelinePredictor, Predictor
from .sets.acled_csv import AcledCSVSet

__all__ = ["DEFAULT_DATA_DIR", "Scores", "evaluate", "resolve_set", "run_all", "run_eval",
           "scores_markdown"]

DEFAULT_DATA_DIR = Path("../shared/data")


@dataclass
class Scores:
    """The metrics of one gold set, with the throughput of the predictor on it."""

    dataset: str
    title: str
    n_docs: int
    metrics: dict[str, float]
    headline: tuple[str, ...] = ()
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    #: reference systems measured in the same run (a set's optional ``baselines(docs,
    #: lines)``); shown as extra rows, never pinned as floors
    baselines: dict[str, float] = field(default_factory=dict)
    #: figures a set draws from its predictions (file name -> SVG text), when asked
    figures: dict[str, str] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        """Documents predicted per second (scoring time excluded)."""
        return self.n_docs / self.seconds if self.seconds > 0 else float("inf")


def resolve_set(dataset: str) -> GoldSet:
    """A registered name, ``module:attr`` of a user's set, or a path to an ACLED CSV."""
    if dataset.lower().endswith(".csv"):
        return AcledCSVSet(dataset)
    return get_set(dataset)


def evaluate(gold_set: GoldSet, docs: Sequence[GoldDoc], predictor: Predictor, *,
             baselines: bool = False, figures: bool = False) -> Scores:
    """Predict ``docs`` (with dedup for grouping sets) and score them; with ``baselines``,
    also run the set's reference systems, if it has any."""
    warm_up = getattr(predictor, "pipeline", None)
    if callable(warm_up):
        warm_up()  # load resources before the clock starts: throughput, not start-up
    start = time.perf_counter()
    lines = predictor(docs, dedup=gold_set.grouped)
    seconds = time.perf_counter() - start
    if len(lines) != len(docs):
        raise ValueError(f"predictor returned {len(lines)} lines for {len(docs)} documents")
    metrics = gold_set.score(docs, lines)
    notes = list(getattr(predictor, "notes", []))
    run_baselines = getattr(gold_set, "baselines", None) if baselines else None
    extra = run_baselines(docs, lines) if callable(run_baselines) else {}
    draw = getattr(gold_set, "figures", None) if figures else None
    drawn = draw(docs, lines) if callable(draw) else {}
    return Scores(gold_set.name, gold_set.title, len(docs), metrics,
                  gold_set.headline, seconds, notes, extra, drawn)


def run_eval(dataset: str, *, limit: int | None = None, report: Path | None = None,
             data_dir: Path = DEFAULT_DATA_DIR, predictor: Predictor | None = None,
             baselines: bool = True, figures: bool = False) -> Scores:
    """Evaluate one gold set (the first ``limit`` documents) and optionally write a
    markdown report. Raises :class:`~sitrep.eval.base.DataMissing` when its files are
    absent and KeyError for an unknown name."""
    gold_set = resolve_set(dataset)
    docs = gold_set.load(Path(data_dir))
    if limit is not None:
        docs = docs[:limit]
    scores = evaluate(gold_set, docs, predictor or PipelinePredictor(), baselines=baselines,
                      figures=figures)
    if report is not None:
        Path(report).write_text(scores_markdown([scores]), encoding="utf-8")
    return scores


def run_all(*, limit: int | None = None, report: Path | None = None,
            data_dir: Path = DEFAULT_DATA_DIR, predictor: Predictor | None = None,
            names: Sequence[str] | None = None, baselines: bool = True) -> list[Scores]:
    """Evaluate every registered gold set whose files are present (one shared predictor,
    so pipeline resources load once)."""
    predictor = predictor or PipelinePredictor()
    out = []
    for name in names or registered():
        gold_set = get_set(name)
        if not gold_set.available(Path(data_dir)):
            continue
        out.append(run_eval(name, limit=limit, data_dir=data_dir, predictor=predictor,
                            baselines=baselines))
    if report is not None:
        Path(report).write_text(scores_markdown(out), encoding="utf-8")
    return out


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:.1f}" if abs(value) >= 1 or value == 0 else f"{value:.3f}"


def scores_markdown(results: Sequence[Scores], *, headline_only: bool = False) -> str:
    """A markdown table: one row per dataset x metric, throughput beside it."""
    rows = ["| dataset | metric | score | docs | articles/s |",
            "|---|---|---:|---:|---:|"]
    notes: list[str] = []
    for s in results:
        keys = [k for k in s.metrics if not headline_only or k in s.headline] or list(s.metrics)
        for k in keys:
            rows.append(f"| {s.dataset} | {k} | {_fmt(s.metrics[k])} | {s.n_docs} "
                        f"| {_fmt(s.articles_per_s)} |")
        for k, v in s.baselines.items():  # their own speeds are rows: no pipeline rate
            rows.append(f"| {s.dataset} | {k} | {_fmt(v)} | {s.n_docs} | - |")
        notes.extend(n for n in s.notes if n not in notes)
    text = "\n".join(rows) + "\n"
    if notes:
        text += "\nNotes:\n" + "".join(f"- {n}\n" for n in notes)
    return text
