"""The TempEval-3 measuring code (skips when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.dates.compare import evaluate, load_tempeval, normalise_value, sitrep_spans
from sitrep.eval.sets.tempeval import contract_value

ROOT = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"


@pytest.mark.parametrize(
    ("gold", "expected"),
    [
        ("1998-10-XX", "1998-10"),
        ("1998-08-07TNI", "1998-08-07"),
        ("2000-W7", "2000-W07"),
        ("1990-W32-WE", "1990-W32"),
        ("1995", "1995"),
        ("PRESENT_REF", "PRESENT_REF"),
    ],
)
def test_dates_normalise_gold_value(gold: str, expected: str) -> None:
    assert normalise_value(gold) == expected


@pytest.mark.slow
@pytest.mark.skipif(not ROOT.is_dir(), reason="../shared/data/tempeval3 not available")
def test_dates_tempeval_floor() -> None:
    docs = load_tempeval(ROOT)
    scores = evaluate(sitrep_spans, docs)
    assert scores.docs == 256
    assert scores.f1 >= 0.85
    assert scores.value_strict / scores.tp >= 0.85


@pytest.mark.parametrize(
    ("timeml", "contract"),
    [("1998-SU", "1998-06/1998-08"), ("1998-WI", "1998-12/1999-02"),
     ("1989-FA", "1989-09/1989-11"), ("2001-SP", "2001-03/2001-05"), ("1998-05", "1998-05")],
)
def test_dates_season_values_as_contract_writes_them(timeml: str, contract: str) -> None:
    assert contract_value(timeml) == contract
    assert normalise_value(timeml) == contract
