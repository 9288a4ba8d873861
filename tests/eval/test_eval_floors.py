"""The floors gate: a fast slice of every gold set must stay above its pinned floor, and
the gate must catch a deliberately broken stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.article import Article
from sitrep.eval import PipelinePredictor, check_floors, load_floors, run_eval
from sitrep.eval.board import run_slices
from sitrep.eval.floors import margin_for

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
FLOORS = load_floors()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data not present"),
]


class _NothingStage:
    """A stage that returns the article untouched: it finds nothing."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, article: Article) -> Article:
        return article


@pytest.fixture(scope="module")
def slice_scores() -> dict[str, dict[str, float]]:
    results = run_slices(DATA, predictor=PipelinePredictor(quiet=True))
    return {s.dataset: s.metrics for s in results}


def test_floors_file_pins_every_set(slice_scores):
    assert set(slice_scores) <= set(FLOORS["sets"]), "a set has no floors: run --update-floors"


def test_no_score_falls_through_its_floor(slice_scores):
    regressions = check_floors(slice_scores, FLOORS)
    assert not regressions, "\n".join(str(r) for r in regressions)


# (stage broken, set whose pinned metric it feeds, that metric)
BROKEN = [("places", "lgl", "toponym_f1"), ("places", "geovirus", "acc161_all"),
          ("dates", "tempeval3", "strict_f1"), ("events", "muc4", "template_f1"),
          ("events", "gvdb", "killed_exact"), ("events", "case2021", "weighted_f1")]


@pytest.mark.parametrize(("stage", "dataset", "metric"), BROKEN)
def test_gate_reports_a_broken_stage(stage, dataset, metric):
    entry = FLOORS["sets"].get(dataset, {})
    floor = entry.get("metrics", {}).get(metric, 0.0)
    if floor <= margin_for(metric, FLOORS):
        pytest.skip(f"{dataset}.{metric} floor {floor} is within the margin: nothing to lose yet")
    predictor = PipelinePredictor(replace={stage: _NothingStage(stage)}, quiet=True)
    scores = run_eval(dataset, limit=entry["slice"], data_dir=DATA, predictor=predictor)
    regressions = check_floors({dataset: scores.metrics}, FLOORS)
    assert any(r.metric == metric for r in regressions), scores.metrics
