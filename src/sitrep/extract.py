"""Run the pipeline over a stream of articles and write the contract's JSON Lines."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
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


def _processed(pipeline: Pipeline, articles: Iterable[Article], workers: int,
               timeout: float | None) -> Iterator[Article]:
    if workers <= 1 and timeout is None:
        return pipeline.run_many(articles)
    from .parallel.extract_pool import run_processed

    return run_processed(pipeline, articles, workers=workers, timeout=timeout)


def _lines(pipeline: Pipeline, articles: Iterable[Article], maker: Any, workers: int,
           timeout: float | None) -> Iterator[tuple[str, dict[str, Any] | None]]:
    """(JSON text, dict or None) per article; in-process runs have the dict for free."""
    if workers <= 1 and timeout is None:
        encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps' own, built once
        for article in pipeline.run_many(articles):
            d = maker.as_dict(article)
            yield encode(d), d
        return
    from .parallel.extract_pool import run_lines

    for text in run_lines(pipeline, articles, maker, workers=workers, timeout=timeout):
        yield text, None


def extract_articles(articles: Iterable[Article], out: TextIO, *, dedup: bool = False,
                     only: Sequence[str] | None = None, include_text: bool = False,
                     progress: bool = False, fields: Sequence[str] | None = None,
                     workers: int = 1, timeout: float | None = None,
                     keep: bool = True) -> list[dict[str, Any]]:
    """Process ``articles`` in order and write one JSON line each to ``out``.

    Without dedup each line is written as soon as its article is done. With dedup every
    article is processed first, then events of one incident get one id, then lines are
    written. Returns the lines written (an empty list when ``keep`` is false, which keeps
    memory flat on large runs).

    ``workers`` > 1 runs the pipeline in that many forked processes (resources are loaded
    here, once, and shared); output order is unchanged. With ``timeout`` (seconds per
    article) or ``workers`` > 1 an article that crashes its worker or overruns becomes a
    line with ``error`` set and the run goes on. ``workers=1`` without a timeout runs in
    this process.
    """
    pipeline = pipeline_for(only)  # built before any fork: workers share its pages
    with _young_collections():
        return _extract(pipeline, articles, out, dedup=dedup, include_text=include_text,
                        progress=progress, fields=fields, workers=workers, timeout=timeout,
                        keep=keep)


def _extract(pipeline: Pipeline, articles: Iterable[Article], out: TextIO, *, dedup: bool,
             include_text: bool, progress: bool, fields: Sequence[str] | None, workers: int,
             timeout: float | None, keep: bool) -> list[dict[str, Any]]:
    """:func:`extract_articles` once its pipeline is built."""
    from .parallel.extract_pool import LineMaker

    maker = LineMaker(include_text, tuple(fields) if fields else None)
    lines: list[dict[str, Any]] = []
    n = 0
    if dedup:
        from .dedup import merge_events

        processed = []
        for n, article in enumerate(_processed(pipeline, articles, workers, timeout), 1):
            _progress(progress, n)
            processed.append(article)
        merge_events(processed)
        for article in processed:
            line = maker.as_dict(article)
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            if keep:
                lines.append(line)
    else:
        for n, (text, d) in enumerate(_lines(pipeline, articles, maker, workers, timeout), 1):
            _progress(progress, n)
            out.write(text + "\n")
            if keep:
                lines.append(d if d is not None else json.loads(text))
    if progress:
        print(f"\r{n} articles", file=sys.stderr)
    out.flush()
    return lines


# Net allocations of container objects between collections of the youngest generation
# while articles are processed (CPython's default is 700).
_YOUNG_THRESHOLD = 20_000


@contextmanager
def _young_collections() -> Iterator[None]:
    """Collect garbage less often while articles are processed, then restore the
    collector's settings. Each article leaves objects alive for the next ones (the
    stages' memo caches, the tagger's word types), and with the default threshold they
    are rescanned by ever older, larger collections: about 3% of a run's time. Only when
    collections happen changes, never what is computed."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], _YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _progress(on: bool, n: int) -> None:
    if on and n % 100 == 0:
        print(f"\r{n} articles", end="", file=sys.stderr, flush=True)
