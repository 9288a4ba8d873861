"""Making predictions for a gold set: any callable from documents to output lines.

A predictor is ``predictor(docs, dedup=bool) -> list[line]``: one contract output line
(dict) per :class:`~sitrep.eval.base.GoldDoc`, in order. :class:`PipelinePredictor` runs
sitrep's own pipeline, tolerating stages that are not importable yet (they are skipped
and named in ``notes``); :func:`gold_predictor` and :func:`empty_predictor` give the
100 and 0 reference points.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from ..article import Article
from ..pipeline import DEFAULT_STAGES, Pipeline, Stage, load_stage
from .base import GoldDoc, GoldSet, Line, empty_line

__all__ = ["PipelinePredictor", "Predictor", "empty_predictor", "gold_predictor"]


class Predictor(Protocol):
    """Documents in, one output line per document out (same order)."""

    def __call__(self, docs: Sequence[GoldDoc], *, dedup: bool = False) -> list[Line]: ...


def gold_predictor(gold_set: GoldSet) -> Predictor:
    """Predicts the gold itself (as contract lines): every metric should be at its best."""

    def predict(docs: Sequence[GoldDoc], *, dedup: bool = False) -> list[Line]:
        return [gold_set.gold_line(d) for d in docs]

    return predict


def empty_predictor(docs: Sequence[GoldDoc], *, dedup: bool = False) -> list[Line]:
    """Predicts nothing for every document: every metric should be at its worst."""
    return [empty_line(d.id) for d in docs]


def _fallback_to_dict(article: Article) -> Line:
    """Output line without ``sitrep.schema`` (events must then already be dicts or have
    ``to_dict``)."""
    line = empty_line(article.id)
    line["error"] = article.error
    line["places"] = [{k: v for k, v in asdict(p).items() if k != "alternatives"}
                      for p in article.places]
    line["dates"] = [{"start": d.start, "end": d.end, "text": d.text, "value": d.value}
                     for d in article.dates]
    line["events"] = [e.to_dict() if hasattr(e, "to_dict") else dict(e) for e in article.events]
    return line


def _converter() -> Callable[[Article], Line]:
    try:
        from ..schema import article_to_dict
    except ImportError:
        return _fallback_to_dict
    return article_to_dict


def _dedup() -> Callable[[Sequence[Article]], Any] | None:
    try:
        from ..dedup import merge_events
    except ImportError:
        return None
    return merge_events


@dataclass
class PipelinePredictor:
    """sitrep's pipeline as a predictor.

    ``stages`` are built one by one; a stage that cannot be imported or built is
    skipped with a note (the harness must run while the pipeline is being written).
    ``replace`` swaps a stage by name for another callable (used to test the gate with a
    deliberately broken stage).
    """

    stages: Sequence[tuple[str, str]] = DEFAULT_STAGES
    replace: dict[str, Stage] = field(default_factory=dict)
    quiet: bool = False
    notes: list[str] = field(default_factory=list)
    _pipeline: Pipeline | None = None

    def pipeline(self) -> Pipeline:
        """The pipeline, built once."""
        if self._pipeline is None:
            built: list[Stage] = []
            for name, path in self.stages:
                if name in self.replace:
                    built.append(self.replace[name])
                    continue
                try:
                    built.append(load_stage(path)())
                except Exception as exc:  # a missing or broken stage must not stop eval
                    self._note(f"stage {name!r} skipped: {type(exc).__name__}: {exc}")
            self._pipeline = Pipeline(built)
        return self._pipeline

    def _note(self, message: str) -> None:
        self.notes.append(message)
        if not self.quiet:
            print(f"sitrep eval: {message}", file=sys.stderr)

    def __call__(self, docs: Sequence[GoldDoc], *, dedup: bool = False) -> list[Line]:
        pipeline = self.pipeline()
        to_dict = _converter()
        articles = [pipeline.run(Article(id=d.id, text=d.text, published=d.published,
                                         title=d.title, url=d.url)) for d in docs]
        if dedup:
            merge = _dedup()
            if merge is None:
                self._note("dedup not importable: every article is its own incident")
            else:
                merge(articles)
        return [to_dict(a) for a in articles]
