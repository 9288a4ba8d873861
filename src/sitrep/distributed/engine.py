"""`sitrep extract --engine dask`: shards of the input run as Dask tasks, one output file each.

The driver plans shards (:func:`~sitrep.distributed.shards.plan_shards`), records the plan
in ``_plan.json`` in the output directory, and submits one task per shard that has no
output yet. A task reads its shard, runs the pipeline (loaded once per worker process and
reused by every later task there) and writes its output shard atomically. Dask reruns the
task of a worker that dies on another worker; the atomic write means the redo cannot
duplicate lines. A run that stops (driver killed, cluster lost) resumes where it left off
when started again with the same inputs and output directory.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .output import FORMATS, done_shards, shard_path, write_shard
from .shards import Shard, plan_shards, read_shard

__all__ = ["RunSummary", "ShardResult", "process_shard", "run_dask"]

PLAN_FILE = "_plan.json"


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What one task did."""

    shard: str
    articles: int
    errors: int
    seconds: float


@dataclass(slots=True)
class RunSummary:
    """What a distributed run did: shards planned, skipped (already done), run, failed."""

    shards: int
    skipped: int
    ran: list[ShardResult] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        """Articles processed by this run (not counting skipped shards)."""
        return sum(r.articles for r in self.ran)


_PIPELINES: dict[tuple[str, ...] | None, Any] = {}


def _pipeline(only: Sequence[str] | None) -> Any:
    """The pipeline for ``only``, built once per worker process."""
    from ..extract import pipeline_for

    key = tuple(only) if only else None
    if key not in _PIPELINES:
        _PIPELINES[key] = pipeline_for(only)
    return _PIPELINES[key]


def process_shard(shard: Shard, out_dir: str, fmt: str = "jsonl",
                  published: date | None = None, only: Sequence[str] | None = None,
                  include_text: bool = False) -> ShardResult:
    """Run one shard (on a worker) and write its output file; returns counts."""
    from ..parallel.extract_pool import LineMaker

    t0 = time.perf_counter()
    pipeline = _pipeline(only)
    maker = LineMaker(include_text)
    lines, errors = [], 0
    for article in read_shard(shard, published=published):
        article = pipeline.run(article)
        errors += article.error is not None
        lines.append(maker(article))
    write_shard(shard_path(Path(out_dir), shard.name, fmt), lines, fmt)
    return ShardResult(shard.name, len(lines), errors, time.perf_counter() - t0)


def _check_plan(out_dir: Path, shards: list[Shard], fmt: str) -> None:
    """Refuse to resume into a directory made from other inputs or another format."""
    plan = {"format": fmt, "shards": [asdict(s) for s in shards]}
    path = out_dir / PLAN_FILE
    if path.is_file():
        old = json.loads(path.read_text(encoding="utf-8"))
        old["shards"] = [{**s, "paths": tuple(s["paths"])} for s in old["shards"]]
        if old != {**plan, "shards": [{**s, "paths": tuple(s["paths"])}
                                      for s in plan["shards"]]}:
            raise ValueError(f"{out_dir} holds the output of other inputs or options; "
                             "use a new output directory")
        return
    path.write_text(json.dumps(plan, indent=1), encoding="utf-8")


def _client(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    from ..parallel import available_cores

    cluster = LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1,
                           processes=True, host="127.0.0.1", dashboard_address=None)
    return Client(cluster), cluster


def run_dask(inputs: Sequence[str | Path], out_dir: str | Path, *,
             scheduler: str | None = None, workers: int | None = None,
             shard_size: int = 1000, fmt: str = "jsonl", published: date | None = None,
             only: Sequence[str] | None = None, include_text: bool = False,
             client: Any = None, task: Callable[..., ShardResult] = process_shard,
             progress: bool = False) -> RunSummary:
    """Extract ``inputs`` on a Dask cluster into output shards under ``out_dir``.

    ``scheduler`` is a scheduler address (``tcp://host:8786``); without it (and without a
    ``client``) a local cluster of ``workers`` processes is started and stopped here.
    Shards already written are skipped, so calling this again resumes a stopped run.
    ``task`` is the per-shard function (tests wrap it to inject faults).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; expected one of {FORMATS}")
    if only:
        from ..pipeline import DEFAULT_STAGES

        unknown = [n for n in only if n not in {name for name, _ in DEFAULT_STAGES}]
        if unknown:
            raise KeyError(unknown[0])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(inputs, size=shard_size)
    _check_plan(out, shards, fmt)
    done = done_shards(out, fmt)
    todo = [s for s in shards if s.name not in done]
    summary = RunSummary(shards=len(shards), skipped=len(shards) - len(todo))
    if not todo:
        return summary
    own_cluster = None
    if client is None:
        client, own_cluster = _client(scheduler, workers)
    from dask.distributed import as_completed

    run_id = uuid.uuid4().hex[:12]

    try:
        futures = client.map(task, todo, out_dir=str(out), fmt=fmt, published=published,
                             only=list(only) if only else None, include_text=include_text,
                             # Keys unique per run: a key the scheduler still remembers
                             # from an earlier run would return that run's result unrun.
                             key=[f"sitrep-{s.name}-{run_id}" for s in todo], pure=False)
        names = {f.key: s.name for f, s in zip(futures, todo, strict=True)}
        for n, fut in enumerate(as_completed(futures), 1):
            try:
                summary.ran.append(fut.result())
            except Exception as exc:  # KilledWorker after retries, or a bug: shard stays todo
                summary.failed[names[fut.key]] = f"{type(exc).__name__}: {exc}"
            if progress:
                print(f"\r{n}/{len(todo)} shards", end="", file=sys.stderr, flush=True)
        if progress:
            print(file=sys.stderr)
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    summary.ran.sort(key=lambda r: r.shard)
    return summary
