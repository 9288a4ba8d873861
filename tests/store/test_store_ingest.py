"""The store: migrations, idempotent ingest, merging across articles, query, crash safety."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from sitrep.bench_store import crash_test
from sitrep.store import EventFilter, Store, select_events
from sitrep.store.commands import register
from sitrep.store.ingest import IngestOptions, ingest
from sitrep.store.keys import article_key, canonical_url

ARTICLES = [
    {"id": "r1", "url": "https://example.org/a?utm_source=x", "published": "2021-04-03",
     "text": "Gunmen attacked a market in Kaya, Burkina Faso, on Friday, killing 12 traders, "
             "the regional governor said."},
    {"id": "r2", "url": "https://other.example.net/story", "published": "2021-04-03",
     "text": "At least 15 traders were killed on Friday when gunmen attacked a market in Kaya, "
             "Burkina Faso, officials said."},
    {"id": "r3", "published": "2021-05-10",
     "text": "Thousands of teachers marched peacefully in Nairobi, Kenya, on Monday to demand "
             "higher pay."},
]


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("url", "canon"), [
    ("HTTPS://WWW.Example.org/a/?utm_source=x&b=2#top", "https://example.org/a?b=2"),
    ("http://example.org:80/", "https://example.org/"),
    ("ftp://example.org/file", None),
    (None, None),
])
def test_canonical_url(url, canon):
    assert canonical_url(url) == canon


def test_article_key_falls_back_to_content_hash():
    assert article_key(None, "a  b") == article_key(None, "a b")
    assert article_key("https://x.org/1", "t").startswith("url:")


def test_ingest_is_idempotent_and_merges_reports(tmp_path):
    src = write(tmp_path / "in.jsonl", ARTICLES)
    opts = IngestOptions(progress=False)
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest(store, [str(src)], opts)
        again = ingest(store, [str(src)], opts)
        # the same article under a tracking-free URL is the same article
        dup = write(tmp_path / "dup.jsonl", [dict(ARTICLES[0], url="https://example.org/a")])
        third = ingest(store, [str(dup)], opts)
        assert (first.stored, again.stored, again.skipped, third.stored) == (3, 0, 3, 0)
        assert store.count("articles") == 3
        market = select_events(store, EventFilter(country="BF"))
        assert len(market) == 1, market
        row = market[0]
        assert json.loads(row["sources"]) == sorted(["url:https://example.org/a",
                                                     "url:https://other.example.net/story"])
        assert (row["fatalities"], row["fatalities_low"], row["fatalities_high"]) == (12, 12, 15)
        assert row["revision"] == 2
        assert store.count("revisions") >= 3


@pytest.mark.parametrize(("flt", "n"), [
    (EventFilter(country="Kenya"), 1),
    (EventFilter(min_fatalities=10), 1),
    (EventFilter(since=__import__("datetime").date(2021, 5, 1)), 1),
    (EventFilter(text="teachers"), 1),
    (EventFilter(event_type="Protests", country="BF"), 0),
])
def test_query_filters(tmp_path, flt, n):
    src = write(tmp_path / "in.jsonl", ARTICLES)
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, [str(src)], IngestOptions(progress=False))
        assert len(select_events(store, flt)) == n


def test_cli_ingest_query_export(tmp_path):
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    src = write(tmp_path / "in.jsonl", ARTICLES)
    db = str(tmp_path / "c.duckdb")
    res = runner.invoke(app, ["ingest", str(src), "--db", db, "--quiet"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["query", "--db", db, "--country", "Kenya"])
    assert res.exit_code == 0 and json.loads(res.stdout.splitlines()[0])["country"] == "Kenya"
    res = runner.invoke(app, ["export", "--db", db, "--format", "nope"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", db, "--quiet"])
    assert res.exit_code == 2


@pytest.mark.parametrize(("n", "kills", "extract"), [(2000, 3, False), (150, 2, True)])
def test_crash_test_small(tmp_path, n, kills, extract):
    """SIGKILL mid-ingest, re-run: the database equals an uninterrupted run's (the full
    20,000-article version runs in ``python -m sitrep.bench_store crash --n 20000``)."""
    result = crash_test(n, kills, extract=extract, workdir=tmp_path)
    assert result["identical"], result
