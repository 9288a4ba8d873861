"""The Dask engine on a local cluster of 2 worker processes (loopback only).

Same lines as a single-process run (event ids included); a worker killed in the middle
of a shard costs a redo of that shard, never a duplicate; a second run resumes (skips
every finished shard); dedup as a second pass equals single-process ``--dedup``.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

distributed = pytest.importorskip("distributed")

from sitrep.distributed import dedup_shards, process_shard, read_lines, run_dask  # noqa: E402
from sitrep.extract import extract_articles  # noqa: E402
from sitrep.ingest import read_inputs  # noqa: E402

# Sentences written for this test; (place, actor, verb, victims) vary per article.
PLACES = ["Gao", "Kidal", "Mopti", "Bamako", "Maiduguri", "Kano", "Goma", "Beni", "Kandahar",
          "Herat", "Mogadishu", "Kismayo", "Aleppo", "Idlib", "Sanaa", "Aden"]
ACTORS = ["Gunmen", "Suspected jihadists", "Soldiers", "Police", "Rebels", "Bandits",
          "Militia fighters", "Protesters"]
VERBS = ["killed {n} villagers", "wounded {n} people", "abducted {n} traders",
         "arrested {n} men", "attacked a market and killed {n}"]
N_ARTICLES = 200


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            place, actor = PLACES[i % len(PLACES)], ACTORS[(i // 3) % len(ACTORS)]
            verb = VERBS[(i // 7) % len(VERBS)].format(n=2 + i % 9)
            text = (f"{actor} {verb} in {place} on Monday, officials said. "
                    f"Residents of {place} said the violence began before dawn and lasted "
                    f"several hours. Security forces arrived later and the area was calm "
                    f"by evening, a local official told reporters on condition of anonymity.")
            day = 1 + i % 28
            fh.write(json.dumps({"id": f"d{i}", "text": text,
                                 "published": f"2021-03-{day:02d}"}) + "\n")
    return path


def crash_once(shard, out_dir, **kw):
    """Kill the worker process the first time it starts shard 2 (as the OOM killer would)."""
    marker = Path(out_dir) / f".crashed-{shard.name}"
    if shard.number == 2 and not marker.exists():
        marker.touch()
        os._exit(1)
    return process_shard(shard, out_dir, **kw)


@pytest.fixture(scope="module")
def client():
    import cloudpickle
    from dask.distributed import Client, LocalCluster

    # Workers cannot import this test module: ship crash_once by value.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("corpus") / "articles.jsonl")


@pytest.fixture(scope="module")
def single(corpus):
    out = io.StringIO()
    extract_articles(read_inputs([corpus]), out)
    return out.getvalue().splitlines()


def _lines(out_dir: Path, fmt: str = "jsonl") -> list[str]:
    return [line for p in sorted(out_dir.glob(f"part-*.{fmt}")) for line in read_lines(p)]


def _event_ids(lines: list[str]) -> list[tuple[str, list[str]]]:
    return [(d["id"], [e["event_id"] for e in d["events"]]) for d in map(json.loads, lines)]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_dask_equals_single_process(client, corpus, single, tmp_path, fmt):
    summary = run_dask([corpus], tmp_path, client=client, shard_size=30, fmt=fmt)
    assert (summary.shards, summary.skipped, summary.failed) == (7, 0, {})
    assert summary.articles == N_ARTICLES
    lines = _lines(tmp_path, fmt)
    assert _event_ids(lines) == _event_ids(single)
    assert sum(len(ids) for _, ids in _event_ids(lines)) > N_ARTICLES // 2  # real events
    assert lines == single


def test_killed_worker_shard_is_redone_without_duplicates(client, corpus, single, tmp_path):
    summary = run_dask([corpus], tmp_path, client=client, shard_size=30, task=crash_once)
    assert (tmp_path / ".crashed-part-00002").exists()  # the crash did happen
    assert summary.failed == {} and summary.articles == N_ARTICLES
    lines = _lines(tmp_path)
    ids = [json.loads(line)["id"] for line in lines]
    assert len(ids) == len(set(ids)) == N_ARTICLES
    # (ids, not whole lines: the restarted worker imports the code afresh)
    assert ids == [json.loads(line)["id"] for line in single]
    assert not list(tmp_path.glob(".*.tmp"))


def test_second_run_resumes_only_missing_shards(client, corpus, single, tmp_path):
    run_dask([corpus], tmp_path, client=client, shard_size=30)
    first = _lines(tmp_path)
    (tmp_path / "part-00004.jsonl").unlink()  # as if the run had stopped before it
    again = run_dask([corpus], tmp_path, client=client, shard_size=30)
    assert (again.skipped, [r.shard for r in again.ran]) == (6, ["part-00004"])
    assert _lines(tmp_path) == first
    with pytest.raises(ValueError, match="other inputs"):
        run_dask([corpus], tmp_path, client=client, shard_size=50)


def test_dedup_pass_equals_single_process_dedup(client, corpus, tmp_path):
    out = io.StringIO()
    extract_articles(read_inputs([corpus]), out, dedup=True)
    run_dask([corpus], tmp_path, client=client, shard_size=30)
    dedup_shards(tmp_path, tmp_path / "dedup")
    assert _lines(tmp_path / "dedup") == out.getvalue().splitlines()
