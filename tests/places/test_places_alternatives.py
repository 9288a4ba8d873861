"""Alternatives carry GeoNames ids only where GeoNames numbers the entry, as mentions do."""

import pytest

from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.stage import place_mentions


@pytest.mark.parametrize("text", [
    "A car bomb exploded in central Baghdad on Sunday.",
    "Gunmen attacked a village in Katsina on Monday.",
    "Clashes were reported in Kano and Kaduna.",
])
def test_no_zero_ids(text):
    mentions = place_mentions(text, get_gazetteer())
    assert mentions
    for m in mentions:
        assert m.geonameid is None or m.geonameid > 0
        for alt in m.alternatives:
            assert alt.geonameid is None or alt.geonameid > 0


def test_an_admin_area_alternative_has_no_id():
    (m,) = place_mentions("A car bomb exploded in central Baghdad on Sunday.", get_gazetteer())
    areas = [a for a in m.alternatives if a.feature == "admin1"]
    assert areas and all(a.geonameid is None for a in areas)
