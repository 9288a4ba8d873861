"""ACLED's derived columns: region for every country, interaction, civilian targeting,
source scale and the crowd-size tag."""

from __future__ import annotations

import pycountry
import pytest

from sitrep.export.codes import (
    civilian_targeting,
    crowd_size,
    interaction,
    region_of,
    source_scale,
    tags,
)
from sitrep.nlp.lexicon import read_json

ACLED_REGIONS = {"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa",
                 "Northern Africa", "Middle East", "South Asia", "Southeast Asia", "East Asia",
                 "Caucasus and Central Asia", "Europe", "North America", "Central America",
                 "South America", "Caribbean", "Oceania", "Antarctica"}


def test_every_iso_country_has_an_acled_region():
    regions = read_json("export", "acled_regions.json")["regions"]
    missing = [c.alpha_2 for c in pycountry.countries if c.alpha_2 not in regions]
    assert missing == []
    assert set(regions.values()) == ACLED_REGIONS


@pytest.mark.parametrize(("code", "region"), [
    ("TN", "Northern Africa"), ("ML", "Western Africa"), ("CD", "Middle Africa"),
    ("SO", "Eastern Africa"), ("ZA", "Southern Africa"), ("SY", "Middle East"),
    ("TR", "Middle East"), ("AF", "South Asia"), ("MM", "Southeast Asia"),
    ("KP", "East Asia"), ("GE", "Caucasus and Central Asia"), ("KZ", "Caucasus and Central Asia"),
    ("UA", "Europe"), ("RU", "Europe"), ("US", "North America"), ("MX", "Central America"),
    ("HT", "Caribbean"), ("CO", "South America"), ("PG", "Oceania"), ("xk", "Europe"),
    (None, ""), ("ZZ", ""),
])
def test_region_of(code, region):
    assert region_of(code) == region


@pytest.mark.parametrize(("inter1", "inter2", "code"), [
    (1, 2, 12), (2, 1, 12), (1, 7, 17), (6, 1, 16), (6, None, 60), (None, 3, 30),
    (4, 4, 44), (None, None, 0), (0, 0, 0),
])
def test_interaction_is_both_codes_lower_first_or_sole_action(inter1, inter2, code):
    assert interaction(inter1, inter2) == code


@pytest.mark.parametrize(("row", "value"), [
    ({"event_type": "Violence against civilians", "inter1": 2, "inter2": 7}, "Civilian targeting"),
    ({"event_type": "Violence against civilians", "inter1": 3, "inter2": None},
     "Civilian targeting"),
    ({"event_type": "Explosions/Remote violence", "inter1": 2, "inter2": 7}, "Civilian targeting"),
    ({"event_type": "Riots", "inter1": 5, "inter2": 7}, "Civilian targeting"),
    ({"event_type": "Battles", "inter1": 1, "inter2": 2}, ""),
    ({"event_type": "Protests", "inter1": 6, "inter2": 1}, ""),
    ({"event_type": "Riots", "inter1": 7, "inter2": 1}, ""),  # civilians acting, not targeted
])
def test_civilian_targeting(row, value):
    assert civilian_targeting(row) == value


@pytest.mark.parametrize(("outlets", "scale"), [
    ([("Reuters", None)], "International"),
    ([(None, "https://news.bbc.co.uk/2/hi/africa/1.stm")], "International"),
    ([("Premium Times", None), ("AFP", None)], "National-International"),
    ([(None, "https://www.premiumtimesng.com/news/1")], "National"),
    ([("The Village Crier", "https://crier.example.org/1")], ""),
    ([], ""),
])
def test_source_scale(outlets, scale):
    assert source_scale(outlets) == scale


@pytest.mark.parametrize(("text", "size"), [
    ("Riot police fired tear gas at hundreds of protesters outside parliament.", "hundreds"),
    ("About 2,000 striking nurses marched to the health ministry in Harare.", "about 2,000"),
    ("Several thousand supporters of the opposition rallied in Tbilisi.", "several thousand"),
    ("A crowd of 300 angry villagers blocked the highway near Cusco.", "300"),
    ("Tens of thousands of people marched through Santiago on Friday.", "tens of thousands"),
    ("Police arrested 14 protesters in Dhaka.", None),
    ("Troops killed 5 demonstrators, then dispersed a gathering of some 400 farmers.", "some 400"),
    ("Students staged a sit-in at the university.", None),
])
def test_crowd_size(text, size):
    assert crowd_size(text) == size


@pytest.mark.parametrize(("event_type", "passage", "value"), [
    ("Protests", "Dozens of market traders protested new taxes in Kumasi.", "crowd size=dozens"),
    ("Riots", "Youths burned tyres in the streets of Conakry.", "crowd size=no report"),
    ("Protests", None, "crowd size=no report"),
    ("Battles", "Hundreds of fighters attacked the base.", ""),
])
def test_tags(event_type, passage, value):
    assert tags({"event_type": event_type}, passage) == value
