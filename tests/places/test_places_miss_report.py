"""The miss report separates areas placed at another reference point from wrong places."""

import pytest

from sitrep.places.miss_report import miss_report

TEXT = "Troops moved from China to the town of Ben Guerdan, Tunisia, and then to Paris."


def _span(word: str, lat: float, lon: float) -> tuple[int, int, float, float]:
    start = TEXT.index(word)
    return start, start + len(word), lat, lon


@pytest.mark.parametrize(("gold", "scored", "misses", "areas", "features"), [
    # China at Wikipedia's point (35N 103E), 182 km from GeoNames' (35N 105E): an area miss
    ([_span("China", 35.0, 103.0)], 1, 1, 1, {"country": 1}),
    # the same at GeoNames' point: a hit
    ([_span("China", 35.0, 105.0)], 1, 0, 0, {}),
    # a town at its own point: a hit
    ([_span("Ben Guerdan", 33.14, 11.22)], 1, 0, 0, {}),
    # Paris placed by the gold in Australia: a miss, but no area's
    ([_span("Paris", -33.87, 151.21)], 1, 1, 0, {"city": 1}),
    # gold without coordinates is not scored
    ([(TEXT.index("China"), TEXT.index("China") + 5, None, None)], 0, 0, 0, {}),
])
def test_miss_report(gold, scored, misses, areas, features):
    rep = miss_report([(TEXT, gold)])
    assert (rep.scored, rep.misses, rep.area_misses, dict(rep.by_feature)) == (
        scored, misses, areas, features)


def test_ceilings():
    rep = miss_report([(TEXT, [_span("China", 35.0, 103.0), _span("Ben Guerdan", 33.14, 11.22)])])
    assert rep.acc() == pytest.approx(50.0)
    assert rep.acc(rep.area_misses) == pytest.approx(100.0)
