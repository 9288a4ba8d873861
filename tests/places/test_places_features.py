"""Valleys, gorges, mountains and forests where conflict news places events resolve to a
point (data/places/regions.json); other natural features stay unresolved (needs the
gazetteer)."""

from __future__ import annotations

import math

import pytest

from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.stage import place_mentions

pytestmark = pytest.mark.slow


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("text", "surface", "cc", "point"), [
    ("Taliban fighters clashed with troops in the Swat Valley on Sunday.", "Swat Valley", "PK",
     (35.2, 72.4)),
    ("Resistance forces held out in the Panjshir Valley.", "Panjshir Valley", "AF", (35.3, 69.7)),
    ("Israeli jets struck targets in the Beqaa Valley overnight.", "Beqaa Valley", "LB",
     (33.8, 36.0)),
    ("Yazidis fled to Mount Sinjar as the militants advanced.", "Mount Sinjar", "IQ",
     (36.4, 41.8)),
    ("Turkish drones hit positions in the Qandil Mountains.", "Qandil Mountains", "IQ",
     (36.4, 45.0)),
    ("Fighting broke out in the Nuba Mountains on Friday.", "Nuba Mountains", "SD", (11.0, 30.0)),
    ("The insurgents retreated into the Sambisa Forest.", "Sambisa Forest", "NG", (11.3, 13.4)),
    ("Clashes erupted in the Rift Valley after the vote.", "Rift Valley", "KE", (0.3, 36.0)),
    ("Soldiers hunted ELN rebels in Catatumbo.", "Catatumbo", "CO", (8.7, -73.0)),
    ("Militants attacked a checkpoint near Mount Chambi.", "Mount Chambi", "TN", (35.2, 8.7)),
])
def test_conflict_features_resolve(text, surface, cc, point):
    found = {m.text: m for m in place_mentions(text, get_gazetteer())}
    m = found[surface]
    assert m.country_code == cc
    assert _km((m.lat, m.lon), point) < 50


@pytest.mark.parametrize(("text", "surface"), [
    # a river is a line, not a point: reported unresolved
    ("Police patrolled the Tigris River near Mosul.", "Tigris River"),
    ("A bridge over the Kabul River collapsed.", "Kabul River"),
])
def test_other_features_stay_unresolved(text, surface):
    found = {m.text: m for m in place_mentions(text, get_gazetteer())}
    assert found[surface].lat is None and found[surface].feature == "other"
