"""Street and natural-feature names (places.streets): recognised, reported unresolved as
"other"; gazetteer names of the same extent stay resolved."""

from __future__ import annotations

import pytest

from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.stage import place_mentions

pytestmark = pytest.mark.slow


def _mentions(text: str) -> dict:
    return {m.text: m for m in place_mentions(text, get_gazetteer())}


# (text, the street names it must report)
STREETS = [
    ("Shots were fired on Main Street late Friday.", ["Main Street"]),
    ("The crash closed West 11th Street and Avalon Boulevard for hours.",
     ["West 11th Street", "Avalon Boulevard"]),
    ("Officers found him at 1200 N. Cedar St. in Sycamore.", ["N. Cedar St."]),
    ("Protesters walked along Northwest 8th Avenue to the courthouse.",
     ["Northwest 8th Avenue"]),
    ("Traffic backed up on Old Lexington Highway and Hyland-Croy Road.",
     ["Old Lexington Highway", "Hyland-Croy Road"]),
    ("The march went down 40th Avenue South at noon.", ["40th Avenue South"]),
    ("They live on Ferry Hinksey Road in west Oxford.", ["Ferry Hinksey Road"]),
    # natural features and parks
    ("Floodwaters from the Neches River reached Jasper on Sunday.", ["Neches River"]),
    ("Farmers in the Salinas Valley lost their crops.", ["Salinas Valley"]),
    ("Rangers patrolled the Kakamega Forest, the service said.", ["Kakamega Forest"]),
    ("Heavy rain swelled the Jordan River near Jericho.", ["Jordan River"]),
    ("Tourists were evacuated from Yosemite Park on Friday.", ["Yosemite Park"]),
]


@pytest.mark.parametrize(("text", "streets"), STREETS)
def test_streets_are_recognised_unresolved(text, streets):
    found = _mentions(text)
    for name in streets:
        m = found.get(name)
        assert m is not None, (name, sorted(found))
        assert m.lat is None and m.feature == "other" and m.geonameid is None


# (text, a span that must not be reported as a street)
NOT_STREETS = [
    ("The Florida Highway Patrol closed the road.", "Florida Highway"),
    ("He donated to the United Way last year.", "United Way"),
    ("The case went to Superior Court on Monday.", "Superior Court"),
    ("The driver, Virginia L. Lane, 77, was hurt.", "Virginia L. Lane"),
    ("She works at the Main Street Bank downtown.", "Main Street"),
    ("He moved to St. Louis in May.", "St. Louis"),
    # numbered routes are no street names here
    ("The truck overturned on Highway 19 north of town.", "Highway 19"),
    ("A fire shut I-75 near the interchange.", "I-75"),
    ("Crews repaved County Road 42 in May.", "County Road"),
    ("They met at High Ridge Apartments. Lane closures start today.",
     "High Ridge Apartments. Lane"),
]


@pytest.mark.parametrize(("text", "span"), NOT_STREETS)
def test_no_street(text, span):
    found = _mentions(text)
    m = found.get(span)
    assert m is None or m.lat is not None


def test_caseless_text_has_no_streets():
    assert "MAIN STREET" not in _mentions("SHOTS WERE FIRED ON MAIN STREET IN SAN SALVADOR.")


def test_a_place_before_a_route_stays_a_place():
    found = _mentions("Traffic on U.S. Highway 82 slowed near Sherman, Texas.")
    assert found["U.S."].country_code == "US"
    assert found["Sherman"].country_code == "US"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("A ferry sank off Long Island on Tuesday.", "Long Island", None),
    ("Tourists were evacuated from Niagara Falls on Friday.", "Niagara Falls", None),
    ("Heavy rain swelled the Jordan River near Jericho.", "Jericho", "PS"),
])
def test_gazetteer_names_stay_resolved(text, name, country):
    m = _mentions(text)[name]
    assert m.lat is not None and (country is None or m.country_code == country)
