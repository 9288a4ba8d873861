"""The resolver's vectorised proximity bands agree with the scalar formula, and the
gazetteer's record reads give the same entries as the column reads."""

from __future__ import annotations

import math

import pytest

from sitrep.places import build
from sitrep.places.gazetteer import Candidate, get_gazetteer
from sitrep.places.resolve import _near_band, _static

pytestmark = pytest.mark.slow


def _town(i: int, lat: float, lon: float) -> Candidate:
    return Candidate(i, i, f"Town{i}", lat, lon, "US", "CA", "", "city", 1000 * i)


@pytest.mark.parametrize("anchors", [
    [(34.05, -118.25)],                       # one anchor: Los Angeles
    [(34.05, -118.25), (37.77, -122.42)],     # and San Francisco
    [(32.72, -117.16), (36.74, -119.79), (38.58, -121.49), (40.8, -124.16)],
])
def test_near_bands_match_the_scalar_formula(anchors):
    towns = [_town(i, 32.0 + 0.37 * i, -124.0 + 0.29 * i) for i in range(1, 30)]
    st = _static("town", towns, None)
    got = st.near_bands("US", anchors)
    want = []
    for c in towns:
        k = math.cos(math.radians(c.lat))
        d2 = min([(la - c.lat) ** 2 + ((lo - c.lon) * k) ** 2 for la, lo in anchors])
        want.append(_near_band(111.2 * math.sqrt(d2)))
    assert got == want


@pytest.mark.parametrize("index", [0, 1, 1000, 123_456])
def test_entry_reads_the_columns(index):
    gaz = get_gazetteer()
    d = gaz.data
    if index >= len(d.gid):
        pytest.skip("small index")
    c = gaz.entry(index)
    assert (c.geonameid, c.lat, c.lon, c.population) == (
        int(d.gid[index]), float(d.lat[index]), float(d.lon[index]), int(d.pop[index]))
    assert c.feature == build.FEATURES[d.feat[index]]
    assert isinstance(c.geonameid, int) and isinstance(c.lat, float)
