"""An extract run collects garbage less often while it runs, and restores the settings."""

from __future__ import annotations

import gc
import io
import json

import pytest

from sitrep import extract
from sitrep.ingest.readers import make_article


@pytest.mark.parametrize("before", [(700, 10, 10), (50_000, 5, 5)])
def test_young_threshold_is_raised_during_the_run_then_restored(before, monkeypatch) -> None:
    seen: list[tuple[int, int, int]] = []
    real = extract._lines

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        yield from real(*args, **kwargs)

    monkeypatch.setattr(extract, "_lines", spy)
    old = gc.get_threshold()
    gc.set_threshold(*before)
    try:
        out = io.StringIO()
        article = make_article(id="a1", text="Gunmen killed two farmers near Jos on Monday.")
        lines = extract.extract_articles([article], out, only=["sentences"])
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*old)
    assert seen == [(max(before[0], extract._YOUNG_THRESHOLD), *before[1:])]
    assert after == before
    assert [json.loads(x)["id"] for x in out.getvalue().splitlines()] == ["a1"]
    assert [d["id"] for d in lines] == ["a1"]


def test_settings_are_restored_when_the_run_fails() -> None:
    before = gc.get_threshold()

    def broken():
        yield make_article(id="a1", text="Soldiers fired on protesters.")
        raise RuntimeError("input failed")

    with pytest.raises(RuntimeError):
        extract.extract_articles(broken(), io.StringIO(), only=["sentences"])
    assert gc.get_threshold() == before
