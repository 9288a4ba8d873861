"""`extract_articles` with worker processes: same lines as one process, in order."""

from __future__ import annotations

import io
import json

import pytest

from sitrep.extract import extract_articles
from sitrep.ingest.readers import make_article
from sitrep.parallel.extract_pool import failed_article
from sitrep.parallel.pool import Failure

pytestmark = pytest.mark.slow

TEXTS = [
    "Gunmen killed four farmers near Mopti in central Mali on Sunday, local officials said.",
    "Police fired tear gas at 300 students protesting fee rises in Nairobi on Tuesday.",
    "",
    "A roadside bomb wounded two soldiers outside Kandahar on Friday; no group claimed it.",
    "Troops arrested 15 suspected militants in a dawn raid in Maiduguri, the army said.",
    "Rioters burned a police station in Dhaka on Monday after a disputed election count.",
]


def _articles():
    return [make_article(id=f"t{i}", text=t, published="2021-06-09")
            for i, t in enumerate(TEXTS * 4)]


def _run(**kw) -> list[dict]:
    out = io.StringIO()
    extract_articles(_articles(), out, **kw)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("kw", [
    {"workers": 2},
    {"workers": 2, "timeout": 30.0},
    {"workers": 1, "timeout": 30.0},
    {"workers": 2, "dedup": True},
])
def test_workers_give_the_same_lines_in_order(kw):
    base = _run(dedup=kw.get("dedup", False))
    assert _run(**kw) == base
    assert [d["id"] for d in base] == [f"t{i}" for i in range(len(TEXTS) * 4)]


def test_keep_false_returns_nothing_but_writes_everything():
    out = io.StringIO()
    assert extract_articles(_articles(), out, workers=2, keep=False) == []
    assert len(out.getvalue().splitlines()) == len(TEXTS) * 4


@pytest.mark.parametrize("kind, message", [
    ("crashed", "worker process died (exit code -9) on this article"),
    ("timeout", "no result after 5 s; the article was abandoned"),
])
def test_failed_article_keeps_identity_and_says_why(kind, message):
    art = make_article(id="x", text="Some words here.", published="2020-01-02")
    failed = failed_article(art, Failure(kind, message))
    assert (failed.id, failed.text, failed.published) == (art.id, art.text, art.published)
    assert failed.events == [] and kind in failed.error and message in failed.error
