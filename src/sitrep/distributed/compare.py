"""Check the Dask path against one process: same event ids for every article.

    python -m sitrep.distributed.compare CORPUS.jsonl --articles 100000 --workers 2

builds a corpus of ``--articles`` lines by cycling the input's articles under new ids
(``c<n>-<id>``), runs ``sitrep extract --workers 1`` and ``sitrep extract --engine dask``
on a local cluster, and compares, article by article, the ids and event ids. Bounded:
the corpus is written to a temporary folder and removed after; time grows linearly
with ``--articles`` (about ``articles x ms-per-article`` for the single run plus half
that on two workers).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .output import read_lines

__all__ = ["Comparison", "compare", "main"]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome: articles compared, mismatches, and each run's wall time (s)."""

    articles: int
    events: int
    mismatched: int
    single_seconds: float
    dask_seconds: float


def _cycle(src: Path, n: int, dest: Path) -> None:
    rows = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
    with dest.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = dict(rows[i % len(rows)])
            row["id"] = f"c{i}-{row.get('id', i)}"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _ids(lines: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for line in lines:
        d = json.loads(line)
        out.append((d["id"], tuple(e["event_id"] for e in d["events"])))
    return out


def compare(corpus: Path, articles: int, workers: int = 2, shard_size: int = 1000) -> Comparison:
    """Run both paths on ``articles`` lines cycled from ``corpus`` and compare them."""
    cli = [sys.executable, "-m", "sitrep.cli", "extract"]
    with tempfile.TemporaryDirectory(prefix="sitrep-compare-") as tmp:
        folder = Path(tmp)
        big = folder / "corpus.jsonl"
        _cycle(corpus, articles, big)
        t0 = time.perf_counter()
        subprocess.run([*cli, str(big), "--workers", "1", "-o", str(folder / "single.jsonl")],
                       check=True)
        t1 = time.perf_counter()
        subprocess.run([*cli, str(big), "--engine", "dask", "--workers", str(workers),
                        "--shard-size", str(shard_size), "-o", str(folder / "dask")],
                       check=True)
        t2 = time.perf_counter()
        single = _ids(list(read_lines(folder / "single.jsonl")))
        shards = sorted((folder / "dask").glob("part-*.jsonl"))
        dask = _ids([line for p in shards for line in read_lines(p)])
    mismatched = sum(a != b for a, b in zip(single, dask, strict=False))
    mismatched += abs(len(single) - len(dask))
    return Comparison(len(single), sum(len(e) for _, e in single), mismatched, t1 - t0, t2 - t1)


def main(argv: list[str] | None = None) -> int:
    """Command line; exit status 1 when any article differs."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="a JSON Lines file of articles to cycle")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shard-size", type=int, default=1000)
    args = ap.parse_args(argv)
    c = compare(args.corpus, args.articles, args.workers, args.shard_size)
    print(json.dumps({"articles": c.articles, "events": c.events, "mismatched": c.mismatched,
                      "single_s": round(c.single_seconds, 1),
                      "dask_s": round(c.dask_seconds, 1)}))
    return 1 if c.mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
