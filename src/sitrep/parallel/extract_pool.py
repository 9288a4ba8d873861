"""The pipeline over articles in forked workers: one output line per article, in order.

Workers serialise their own output lines (``article_to_dict`` and ``json.dumps`` cost about
as much as a light stage), so the parent only reads input and writes strings. With
dedup the worker returns the processed :class:`Article` instead, because merging needs
every article's events before any line is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..article import Article
from ..pipeline import Pipeline
from ..schema import article_to_dict
from .pool import Failure, ordered_map

__all__ = ["LineMaker", "failed_article", "run_lines", "run_processed"]


@dataclass(frozen=True, slots=True)
class LineMaker:
    """Turns a processed article into its output line (a JSON string, no newline)."""

    include_text: bool = False
    fields: tuple[str, ...] | None = None

    def as_dict(self, article: Article) -> dict[str, Any]:
        """The output line as a dict (only ``fields`` when given)."""
        d = article_to_dict(article, include_text=self.include_text)
        if self.fields:
            d = {k: d[k] for k in self.fields}
        return d

    def __call__(self, article: Article) -> str:
        return json.dumps(self.as_dict(article), ensure_ascii=False)


def failed_article(article: Article, failure: Failure) -> Article:
    """A copy of the input article with nothing extracted and ``error`` saying why."""
    return Article(id=article.id, text=article.text, published=article.published,
                   title=article.title, url=article.url, source=article.source,
                   language=article.language,
                   error=f"processing failed ({failure.kind}): {failure.message}")


def run_lines(pipeline: Pipeline, articles: Iterable[Article], maker: LineMaker, *,
              workers: int, timeout: float | None = None) -> Iterator[str]:
    """Output lines of ``articles`` in input order, computed in ``workers`` processes."""

    def work(article: Article) -> str:
        return maker(pipeline.run(article))

    def fail(article: Article, failure: Failure) -> str:
        return maker(failed_article(article, failure))

    return ordered_map(work, articles, workers=workers, timeout=timeout, on_failure=fail)


def run_processed(pipeline: Pipeline, articles: Iterable[Article], *, workers: int,
                  timeout: float | None = None) -> Iterator[Article]:
    """Processed articles in input order (for dedup, which needs them all)."""
    return ordered_map(pipeline.run, articles, workers=workers, timeout=timeout,
                       on_failure=failed_article)

