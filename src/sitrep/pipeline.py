"""Build a pipeline of stages from configuration and run articles through it.

A stage is any callable ``Article -> Article`` with a ``name``. Stages are named in the
configuration by dotted path so that alternatives for one task (rules, a trained model,
an LLM client) are sibling implementations chosen by configuration.
"""

from __future__ import annotations

import gc
import importlib
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from .article import Article

__all__ = ["DEFAULT_STAGES", "Pipeline", "Stage", "load_stage"]


class Stage(Protocol):
    """One step of the pipeline: reads what earlier stages set, adds its own."""

    name: str

    def __call__(self, article: Article) -> Article: ...


# name -> "module:Class". Order matters: each stage may use what the earlier ones set.
DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("sentences", "sitrep.nlp.sentences:SentenceStage"),
    ("dates", "sitrep.dates.stage:DateStage"),
    ("places", "sitrep.places.stage:PlaceStage"),
    ("actors", "sitrep.actors.stage:ActorStage"),
    ("counts", "sitrep.events.casualties:CasualtyStage"),
    ("events", "sitrep.events.stage:EventStage"),
)


def load_stage(path: str) -> Callable[[], Stage]:
    """The stage class (or factory) named by ``"package.module:Name"``."""
    module_name, _, attr = path.partition(":")
    return getattr(importlib.import_module(module_name), attr)


@dataclass
class Pipeline:
    """An ordered list of stages; resources are loaded once, when the stage is built."""

    stages: Sequence[Stage]

    @classmethod
    def from_config(cls, stages: Iterable[tuple[str, str]] = DEFAULT_STAGES,
                    *, only: Sequence[str] | None = None) -> Pipeline:
        """Build the stages named in ``stages``; ``only`` keeps those names (and order)."""
        built: list[Stage] = []
        for name, path in stages:
            if only is not None and name not in only:
                continue
            built.append(load_stage(path)())
        return cls(built)

    @classmethod
    def default(cls) -> Pipeline:
        """The full default pipeline (cached per process: resources load once)."""
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls.from_config()
            # The resources just loaded live for the whole process: move them out of the
            # garbage collector's sight, so full collections stop rescanning them (and
            # forked workers do not touch, and so copy, their pages).
            gc.freeze()
        return _DEFAULT

    def run(self, article: Article) -> Article:
        """Run every stage on ``article``. A stage that raises is recorded as a
        diagnostic and the article goes on; nothing is silently dropped."""
        if article.error:
            return article
        for stage in self.stages:
            try:
                article = stage(article)
            except Exception as exc:  # a stage bug must not lose the article
                article.diagnose(stage.name, "stage-crashed",
                                 f"{type(exc).__name__}: {exc}; "
                                 + traceback.format_exc(limit=3).splitlines()[-1])
        return article

    def run_many(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run a stream of articles in order."""
        for article in articles:
            yield self.run(article)


_DEFAULT: Pipeline | None = None
