"""Run the pipeline over a stream of articles and write the contract's JSON Lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from .article import Article
from .pipeline import DEFAULT_STAGES, Pipeline
from .schema import article_to_dict

__all__ = ["extract_articles", "extract_text", "pipeline_for"]


def pipeline_for(only: Sequence[str] | None = None) -> Pipeline:
    """The default pipeline, or just the named stages (KeyError for an unknown name)."""
    if only is None:
        return Pipeline.default()
    known = {name for name, _ in DEFAULT_STAGES}
    for name in only:
        if name not in known:
            raise KeyError(name)
    return Pipeline.from_config(only=only)


def extract_text(text: str, *, id: str = "doc", published: Any = None,
                 url: str | None = None) -> dict[str, Any]:
    """Extract one article given as text; returns its output line as a dict."""
    from .ingest.readers import make_article

    article = Pipeline.default().run(make_article(id=id, text=text, published=published, url=url))
    return article_to_dict(article)


def _line(article: Article, include_text: bool, fields: Sequence[str] | None) -> dict[str, Any]:
    d = article_to_dict(article, include_text=include_text)
    if fields:
        d = {k: d[k] for k in fields}
    return d


def extract_articles(articles: Iterable[Article], out: TextIO, *, dedup: bool = False,
                     only: Sequence[str] | None = None, include_text: bool = False,
                     progress: bool = False,
                     fields: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Process ``articles`` in order and write one JSON line each to ``out``.

    Without dedup each line is written as soon as its article is done. With dedup every
    article is processed first, then events of one incident get one id, then lines are
    written. Returns the lines written.
    """
    pipeline = pipeline_for(only)
    lines: list[dict[str, Any]] = []
    processed: list[Article] = []
    for n, article in enumerate(pipeline.run_many(articles), 1):
        if progress and n % 100 == 0:
            print(f"\r{n} articles", end="", file=sys.stderr, flush=True)
        if dedup:
            processed.append(article)
            continue
        line = _line(article, include_text, fields)
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        lines.append(line)
    if dedup:
        from .dedup import merge_events

        merge_events(processed)
        for article in processed:
            line = _line(article, include_text, fields)
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            lines.append(line)
    if progress:
        print(file=sys.stderr)
    out.flush()
    return lines
