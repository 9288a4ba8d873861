"""Load test of ``GET /events`` with filters, over loopback only.

Builds a store of synthetic events (100,000 by default) in each repository (the embedded
DuckDB store, then the in-memory one), starts the API with uvicorn on 127.0.0.1 in this
process, then sends a fixed number of filtered requests from a few client threads at a
target rate and reports throughput and latency percentiles, one JSON line per repository::

    python -m sitrep.bench_api [--events 100000] [--requests 2000] [--rate 200]
                               [--repository duckdb,memory] [--store out/bench_api.duckdb]

``--store`` keeps the DuckDB file and reuses it on the next run (building 100,000 events
takes a while); without it the file lives in a temporary folder.

Bounded by construction: a fixed request count, loopback only, one server process.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

__all__ = ["QUERIES", "main", "run_bench"]

# A mix of the filters a dashboard user sends: country, dates, type, actor, toll.
QUERIES = (
    "country=NG&date_from=2023-03-01&date_to=2023-05-31&limit=50",
    "country=ML&type=Violence against civilians&limit=50",
    "type=Battles&min_fatalities=20&limit=50&sort=-fatalities",
    "country=IQ,SY&date_from=2023-06-01&date_to=2023-06-30&limit=100",
    "admin1=Borno&country=NG&limit=50",
    "actor=islamic&country=SY&limit=50",
    "date_from=2023-12-01&date_to=2023-12-07&limit=50",
    "country=UA&min_fatalities=5&sort=date&limit=50",
)


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def build_repository(events: int, *, repository: str = "memory",
                     store: Path | None = None) -> Any:
    """A repository holding ``events`` synthetic events (two per article)."""
    from .api.synthetic import synthetic_lines

    if repository == "memory":
        from .api.memory import InMemoryRepository

        repo = InMemoryRepository()
        for line in synthetic_lines(events // 2, events_per_article=2):
            repo.add_article(line)
        return repo
    if repository != "duckdb":
        raise ValueError(f"unknown repository {repository!r}")
    from .api.duckdb_repository import DuckDBRepository
    from .schema import article_from_dict
    from .store.ingest import IngestOptions

    if store is None:
        raise ValueError("the duckdb repository needs a store path")
    repo = DuckDBRepository(store, dedup=False)
    if repo.count() < events:  # a bulk load: no matching across 100,000 synthetic reports
        articles = (article_from_dict(line)
                    for line in synthetic_lines(events // 2, events_per_article=2))
        repo.ingest(articles, IngestOptions(extract=False, dedup=False, progress=False,
                                            batch_size=5000))
    return repo


def run_bench(*, events: int = 100_000, requests: int = 2000, rate: float = 200.0,
              threads: int = 8, repository: str = "memory",
              store: Path | None = None) -> dict[str, Any]:
    """Start the server on loopback, send ``requests`` GETs at ``rate``/s; the figures."""
    if repository == "duckdb" and store is None:
        with tempfile.TemporaryDirectory() as tmp:
            return run_bench(events=events, requests=requests, rate=rate, threads=threads,
                             repository=repository, store=Path(tmp) / "bench.duckdb")
    t0 = time.perf_counter()
    repo = build_repository(events, repository=repository, store=store)
    build_s = time.perf_counter() - t0
    try:
        return _serve_and_measure(repo, build_s, requests=requests, rate=rate,
                                  threads=threads)
    finally:
        if hasattr(repo, "close"):
            repo.close()


def _serve_and_measure(repo: Any, build_s: float, *, requests: int, rate: float,
                       threads: int) -> dict[str, Any]:
    import httpx
    import uvicorn

    from .api import ApiSettings, create_app

    app = create_app(repo, ApiSettings(token=None))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error",
                                           access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(11)
    plan = [rng.choice(QUERIES) for _ in range(requests)]
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    local = threading.local()
    with httpx.Client(base_url=base) as warm:  # first request of each kind warms caches
        for q in QUERIES:
            warm.get("/events?" + q).raise_for_status()
    start = time.perf_counter()

    def one(n: int) -> None:
        nonlocal failures
        due = start + n / rate  # an open-loop schedule: requests leave on time
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=10)
        sent = time.perf_counter()
        resp = client.get("/events?" + plan[n])
        took = time.perf_counter() - sent
        with lock:
            latencies.append(took)
            failures += resp.status_code != 200

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - start
    server.should_exit = True
    thread.join(timeout=10)
    ms = [x * 1000 for x in latencies]
    return {
        "events": repo.count(), "store": type(repo).__name__, "build_s": round(build_s, 1),
        "requests": requests, "target_rps": rate, "achieved_rps": round(requests / elapsed, 1),
        "failures": failures, "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(_percentile(ms, 0.95), 1), "p99_ms": round(_percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: one JSON object per repository; exit 1 if one misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--p99-ms", type=float, default=100.0, help="target p99 latency")
    parser.add_argument("--repository", default="duckdb,memory",
                        help="comma-separated: duckdb, memory")
    parser.add_argument("--store", type=Path, default=None,
                        help="DuckDB file to build once and reuse")
    args = parser.parse_args(argv)
    all_ok = True
    for kind in [k.strip() for k in args.repository.split(",") if k.strip()]:
        figures = run_bench(events=args.events, requests=args.requests, rate=args.rate,
                            threads=args.threads, repository=kind, store=args.store)
        ok = (figures["failures"] == 0 and figures["p99_ms"] < args.p99_ms
              and figures["achieved_rps"] >= 0.95 * args.rate)
        figures["target_met"] = ok
        all_ok &= ok
        print(json.dumps(figures), flush=True)
        print(f"{figures['store']}: GET /events with filters on {figures['events']} events: "
              f"{figures['achieved_rps']} req/s, p50 {figures['p50_ms']} ms, "
              f"p99 {figures['p99_ms']} ms ({'meets' if ok else 'misses'} "
              f"{args.rate:g} req/s with p99 < {args.p99_ms:g} ms)", file=sys.stderr)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
