"""Store benchmarks and the crash test (``make bench``; a small crash test runs in tests).

    python -m sitrep.bench_store ingest --n 100000            # throughput and database size
    python -m sitrep.bench_store crash --n 20000 --kills 5     # SIGKILL at random points
    python -m sitrep.bench_store dedup --set gvc --seed 1      # store dedup vs gold incidents

Articles are synthetic: short reports built from a handful of templates, places, actors
and numbers (written for this benchmark, no real article text).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

__all__ = ["crash_test", "db_fingerprint", "ingest_bench", "write_articles"]

_PLACES = ["Kaya", "Mopti", "Gao", "Maiduguri", "Beni", "Goma", "Kandahar", "Mosul", "Aleppo",
           "Sirte", "Mogadishu", "Kismayo", "Bamenda", "Tillaberi", "Djibo", "Marawi"]
_ACTORS = ["gunmen", "militants", "soldiers", "police officers", "rebels", "protesters"]
_TEMPLATES = [
    "{a} attacked a checkpoint near {p} on {d}, killing {n} people, officials said.",
    "At least {n} people were killed when {a} opened fire at a market in {p} on {d}.",
    "{a} clashed with the army outside {p} on {d}; {n} fighters died in the fighting.",
    "Hundreds of {a} marched through {p} on {d} to demand the release of {n} detainees.",
]


def write_articles(path: Path, n: int, *, seed: int = 7) -> Path:
    """``n`` synthetic short articles as JSON Lines (ids a0.., with URLs and dates)."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            day = start + timedelta(days=rng.randrange(700))
            sentences = [rng.choice(_TEMPLATES).format(
                a=rng.choice(_ACTORS).capitalize(), p=rng.choice(_PLACES),
                d=day.strftime("%d %B %Y"), n=rng.randrange(1, 40)) for _ in range(3)]
            fh.write(json.dumps({"id": f"a{i}", "url": f"https://news.example.org/{i}",
                                 "published": (day + timedelta(days=1)).isoformat(),
                                 "text": " ".join(sentences) + f" Report {i}."}) + "\n")
    return path


_CONTENT = {
    "articles": "key, seq, id, url, canonical_url, content_hash, source, title, published, "
                "text, error, extracted, n_events, terms, incident, signature",
    "events": "* EXCLUDE (confidence, updated_at)",
    "event_reports": "*",
    "revisions": "event_id, revision, article_key, change",
}


def db_fingerprint(db: Path) -> dict[str, object]:
    """Every table's content (ingest timestamps aside), as a comparable summary."""
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, object] = {}
        for table, cols in _CONTENT.items():
            rows = con.execute(f"SELECT {cols} FROM {table}").fetchall()
            out[table] = (len(rows), hash(tuple(sorted(map(repr, rows)))))
        return out
    finally:
        con.close()


def _ingest_cmd(src: Path, db: Path, extract: bool) -> list[str]:
    code = ("import sys; from sitrep.store.db import Store; "
            "from sitrep.store.ingest import IngestOptions, ingest; s = Store(sys.argv[2]); "
            "ingest(s, [sys.argv[1]], IngestOptions(extract=sys.argv[3] == '1', "
            "progress=False, batch_size=128)); s.close()")
    return [sys.executable, "-c", code, str(src), str(db), "1" if extract else "0"]


def crash_test(n: int, kills: int, *, extract: bool = False, seed: int = 11,
               workdir: Path | None = None) -> dict[str, object]:
    """Ingest ``n`` articles, SIGKILL the run ``kills`` times at random moments, finish it;
    compare with an uninterrupted run. Returns both fingerprints and the verdict."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        root = Path(tmp)
        src = write_articles(root / "articles.jsonl", n)
        clean, crashed = root / "clean.duckdb", root / "crashed.duckdb"
        t0 = time.perf_counter()
        subprocess.run(_ingest_cmd(src, clean, extract), check=True)
        full = time.perf_counter() - t0
        killed = 0
        for _ in range(kills):
            proc = subprocess.Popen(_ingest_cmd(src, crashed, extract))
            try:
                # each run resumes where the last one stopped: a share of the whole
                # time per kill, so every one of them lands before the run completes
                proc.wait(timeout=rng.uniform(0.3, max(0.6, full * 0.9 / kills)))
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                killed += 1
        subprocess.run(_ingest_cmd(src, crashed, extract), check=True)
        a, b = db_fingerprint(clean), db_fingerprint(crashed)
        return {"n": n, "kills": killed, "identical": a == b, "clean": a, "crashed": b,
                "uninterrupted_s": round(full, 1)}


def ingest_bench(n: int, *, extract: bool = False,
                 workdir: Path | None = None) -> dict[str, object]:
    """Ingest ``n`` synthetic articles in one run: articles/s and database size."""
    from .store.db import Store
    from .store.ingest import IngestOptions, ingest
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        src = write_articles(Path(tmp) / "articles.jsonl", n)
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        with Store(db) as store:
            stats = ingest(store, [str(src)], IngestOptions(extract=extract, progress=False,
                                                            batch_size=2048))
        secs = time.perf_counter() - t0
        size = db.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.duckdb.*"))
        return {"n": n, "extract": extract, "stored": stats.stored, "events": stats.events,
                "seconds": round(secs, 1), "articles_per_s": round(n / secs, 1),
                "db_mb": round(size / 1e6, 1), "bytes_per_article": round(size / n)}


def dedup_bench(name: str, *, seed: int = 1, data_dir: Path | None = None,
                workdir: Path | None = None) -> dict[str, object]:
    """Ingest a grouping set's documents (GVC val, ECB+) into a new store one call at a
    time, in a shuffled order, and score the stored groups with the eval's B-cubed: an
    article's document incident, else its main event's incident."""
    from .article import Article
    from .eval.metrics import bcubed, pairwise
    from .eval.sets.grouping import ECBPlusSet, GVCSet
    from .store.db import Store
    from .store.ingest import IngestOptions, ingest
    gold_set = {"gvc": GVCSet, "ecbplus": ECBPlusSet}[name]()
    root = data_dir or Path(__file__).resolve().parents[3] / "shared" / "data"
    docs = list(gold_set.load(root))
    random.Random(seed).shuffle(docs)
    opts = IngestOptions(progress=False, batch_size=1)  # one transaction per article
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        t0 = time.perf_counter()
        with Store(Path(tmp) / "dedup.duckdb") as store:
            ingest(store, (Article(id=d.id, text=d.text, published=d.published) for d in docs),
                   opts)
            rows = store.con.execute(
                "SELECT a.id, a.incident, (SELECT r.event_id FROM event_reports r WHERE "
                "r.article_key = a.key ORDER BY r.confidence DESC, r.idx LIMIT 1) "
                "FROM articles a").fetchall()
        secs = time.perf_counter() - t0
    gold = {d.id: d.gold for d in docs}
    pred = {doc_id: inc or ev for doc_id, inc, ev in rows if inc or ev}
    by_event = {doc_id: ev for doc_id, _, ev in rows if ev}
    b3, pw, ev = bcubed(gold, pred), pairwise(gold, pred), bcubed(gold, by_event)
    return {"set": name, "docs": len(docs), "seed": seed, "seconds": round(secs, 1),
            "bcubed_p": round(b3.precision, 1), "bcubed_r": round(b3.recall, 1),
            "bcubed_f1": round(b3.f1, 1), "pairwise_f1": round(pw.f1, 1),
            "event_bcubed_f1": round(ev.f1, 1)}


def main(argv: list[str] | None = None) -> int:
    """``python -m sitrep.bench_store ingest|crash``: print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["ingest", "crash", "dedup"])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--extract", action="store_true", help="run the extraction pipeline")
    parser.add_argument("--set", default="gvc", choices=["gvc", "ecbplus"],
                        help="dedup: the grouping set")
    parser.add_argument("--seed", type=int, default=1, help="dedup: the shuffling seed")
    args = parser.parse_args(argv)
    if args.what == "dedup":
        result = dedup_bench(args.set, seed=args.seed)
    elif args.what == "ingest":
        result = ingest_bench(args.n, extract=args.extract)
    else:
        result = crash_test(args.n, args.kills, extract=args.extract)
    print(json.dumps(result))
    return 0 if result.get("identical", True) else 1


if __name__ == "__main__":
    raise SystemExit(main())
