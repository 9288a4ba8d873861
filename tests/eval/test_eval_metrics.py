"""Metric functions on tiny hand-made cases: perfect = 100, empty = 0, and known values."""

from __future__ import annotations

import math

import pytest

from sitrep.eval.metrics import (
    PRF,
    GeoSpan,
    Template,
    assign_max,
    auc_log_error,
    bcubed,
    ceaf_ree,
    count_scores,
    geo_scores,
    haversine_km,
    normalize_filler,
    pairwise,
    span_prf,
    template_f1,
    weighted_f1,
)


@pytest.mark.parametrize(("gold", "pred", "relaxed", "f1"), [
    ([(0, 5), (10, 14)], [(0, 5), (10, 14)], False, 100.0),
    ([(0, 5), (10, 14)], [], False, 0.0),
    ([], [(0, 5)], False, 0.0),
    ([(0, 5), (10, 14)], [(0, 4), (10, 14)], False, 50.0),
    ([(0, 5), (10, 14)], [(0, 4), (10, 14)], True, 100.0),
    ([(0, 5)], [(1, 2), (3, 4)], True, 2 * 50 * 100 / 150),  # one gold span, matched once
])
def test_span_f1(gold, pred, relaxed, f1):
    assert span_prf(gold, pred, relaxed=relaxed).f1 == pytest.approx(f1)


@pytest.mark.parametrize(("gold", "pred", "weighted"), [
    (["A", "B", "B"], ["A", "B", "B"], 100.0),
    (["A", "B", "B"], [None, None, None], 0.0),
    # A: p=1/2 r=1 f=2/3 (support 1); B: p=1 r=1/2 f=2/3 (support 2) -> 2/3
    (["A", "B", "B"], ["A", "A", "B"], 200 / 3),
])
def test_weighted_f1(gold, pred, weighted):
    assert weighted_f1(gold, pred)["weighted_f1"] == pytest.approx(weighted)


@pytest.mark.parametrize(("gold", "pred", "exact", "mae"), [
    ([3, 0, 12], [3, 0, 12], 100.0, 0.0),
    ([3, 0, 12], [None, None, None], 0.0, math.nan),
    ([3, 0, 12], [4, None, 12], 100 / 3, 0.5),  # only 12 is exact; 0 has no prediction
])
def test_count_scores(gold, pred, exact, mae):
    out = count_scores(gold, pred, "killed")
    assert out["killed_exact"] == pytest.approx(exact)
    assert (math.isnan(out["killed_mae"]) if math.isnan(mae)
            else out["killed_mae"] == pytest.approx(mae))


GOLD_CLUSTERS = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 3}


@pytest.mark.parametrize(("pred", "b3_f1", "pair_f1"), [
    (GOLD_CLUSTERS, 100.0, 100.0),
    ({}, 0.0, 0.0),
    # all singletons: B3 precision 1, recall (1/2+1/2+1/2+1/2+1)/5 = 0.6; no links predicted
    ({k: k for k in GOLD_CLUSTERS}, 75.0, 0.0),
    # one big cluster: B3 p = (2+2+2+2+1)/25 = 0.36, r = 1; links p = 2/10, r = 1
    ({k: 0 for k in GOLD_CLUSTERS}, 2 * 36 / 136 * 100, 2 * 0.2 / 1.2 * 100),
])
def test_cluster_scores(pred, b3_f1, pair_f1):
    assert bcubed(GOLD_CLUSTERS, pred).f1 == pytest.approx(b3_f1)
    assert pairwise(GOLD_CLUSTERS, pred).f1 == pytest.approx(pair_f1)


@pytest.mark.parametrize(("a", "b", "km"), [
    ((0.0, 0.0), (0.0, 0.0), 0.0),
    ((0.0, 0.0), (0.0, 1.0), 111.2),  # one degree of longitude on the equator
    ((51.5074, -0.1278), (48.8566, 2.3522), 343.6),  # London - Paris
])
def test_haversine(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.5)


def test_auc_bounds():
    assert auc_log_error([0.0, 0.0]) == 0.0
    assert auc_log_error([20039.0, 20039.0]) == pytest.approx(1.0)
    assert 0.0 < auc_log_error([1.0, 100.0, 5000.0]) < 1.0
    assert math.isnan(auc_log_error([]))


GEO_GOLD = [GeoSpan(0, 5, 10.0, 10.0), GeoSpan(20, 26, -33.9, 18.4), GeoSpan(30, 35)]


@pytest.mark.parametrize(("pred", "expected"), [
    (GEO_GOLD, {"toponym_f1": 100.0, "acc161": 100.0, "acc161_all": 100.0, "median_km": 0.0,
                "auc": 0.0}),
    ([], {"toponym_f1": 0.0, "acc161": 0.0, "acc161_all": 0.0}),
    # both spans found, one resolved 2 degrees off (> 161 km), one resolved exactly
    ([GeoSpan(0, 5, 12.0, 10.0), GeoSpan(20, 26, -33.9, 18.4)],
     {"toponym_p": 100.0, "acc161": 50.0, "acc161_all": 50.0}),
])
def test_geo_scores(pred, expected):
    out = geo_scores([(GEO_GOLD, pred)])
    for key, value in expected.items():
        assert out[key] == pytest.approx(value), key


@pytest.mark.parametrize(("text", "norm"), [
    ("The FMLN guerrillas,", "fmln guerrillas"),
    ("a  car-bomb", "car bomb"),
])
def test_normalize_filler(text, norm):
    assert normalize_filler(text) == norm


def test_assign_max_prefers_total_weight():
    # greedy would take (0,0)=3 and then (1,1)=0; the optimum is 2+2
    pairs = assign_max([[3, 2], [2, 0]])
    assert sorted(pairs) == [(0, 1), (1, 0)]
    assert assign_max([]) == []
    assert len(assign_max([[1, 0, 0]])) == 1


GOLD_ROLES = {"PerpOrg": [["shining path", "sendero luminoso"]], "Victim": [["mayor"], ["guard"]]}


@pytest.mark.parametrize(("pred", "p", "r"), [
    (GOLD_ROLES, 100.0, 100.0),
    ({}, 0.0, 0.0),
    ({"PerpOrg": [["Sendero Luminoso"]], "Victim": [["mayor"], ["driver"]]}, 200 / 3, 200 / 3),
    # two predictions of one entity: one matches, the duplicate is a false positive
    ({"Victim": [["mayor"], ["the mayor of town"]]}, 50.0, 100 / 3),
])
def test_ceaf_ree(pred, p, r):
    t = ceaf_ree(GOLD_ROLES, pred, ("PerpOrg", "Victim"))
    assert (t.precision, t.recall) == (pytest.approx(p), pytest.approx(r))


def test_template_f1_needs_matching_incident_type():
    gold = [Template("bombing", {"Target": [["embassy"]]})]
    same = [Template("bombing", {"Target": [["embassy"]]})]
    other = [Template("attack", {"Target": [["embassy"]]})]
    assert template_f1(gold, same, ("Target",)).f1 == 100.0
    assert template_f1(gold, other, ("Target",)).f1 == 0.0
    assert template_f1(gold, [], ("Target",)).f1 == 0.0


def test_prf_empty_is_zero_not_perfect():
    assert PRF().f1 == 0.0
