"""Round 3: caseless (upper-case wire copy) recognition, one sense per article for names
inside organisation names, surnames and "X City Council" (needs the gazetteer)."""

from __future__ import annotations

import pytest

from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.stage import place_mentions

pytestmark = pytest.mark.slow


def _found(text: str) -> dict[str, tuple[str | None, str | None]]:
    """surface -> (country code, feature) of every mention."""
    return {m.text: (m.country_code, m.feature) for m in place_mentions(text, get_gazetteer())}


@pytest.mark.parametrize(("text", "absent"), [
    # ordinary words and organisations in upper-case copy are no places
    ("SOLDIERS SAID A GRENADE EXPLODED NEAR THE RED CROSS OFFICE IN QUITO.",
     ["GRENADE", "RED CROSS", "CROSS"]),
    ("THE UNION CELEBRATED A VICTORY AFTER THE MEETING IN THE CITY.",
     ["UNION", "VICTORY", "THE CITY", "CITY"]),
    ("LEADERS OF ARENA SAID THE ARENA WAS FULL, THE FDA REPORTED.", ["ARENA", "FDA"]),
    # a common surname outside a place slot is a person
    ("JONES FLED ON FOOT BEFORE OFFICERS ARRIVED IN LIMA.", ["JONES"]),
])
def test_caseless_words_are_not_places(text, absent):
    found = _found(text)
    for word in absent:
        assert word not in found


@pytest.mark.parametrize(("text", "name", "cc", "feature"), [
    ("GUERRILLAS ATTACKED A POWER STATION IN USULUTAN DEPARTMENT ON MONDAY.",
     "USULUTAN", "SV", "admin1"),
    ("A CAR BOMB EXPLODED IN SAN SALVADOR, THE ARMY REPORTED.", "SAN SALVADOR", "SV", "city"),
    ("MILITANTS RAIDED VILLAGES IN CABO DELGADO PROVINCE.", "CABO DELGADO", "MZ", None),
    ("TROOPS WERE SENT TO AYACUCHO AFTER THE ATTACK.", "AYACUCHO", "PE", None),
])
def test_caseless_places(text, name, cc, feature):
    found = _found(text)
    assert name in found
    assert found[name][0] == cc
    if feature:
        assert found[name][1] == feature


@pytest.mark.parametrize(("text", "name", "count"), [
    # the name is used as a place once, so its uses inside organisation names count too
    ("Flooding closed two roads in Dublin, Ohio. The Dublin Arts Council moved its show, "
     "and Dublin City Council met on Monday.", "Dublin", 3),
    ("Residents of Fresno, Calif., met at the Fresno Grizzlies stadium.", "Fresno", 2),
])
def test_one_sense_per_article(text, name, count):
    got = [m for m in place_mentions(text, get_gazetteer()) if m.text == name]
    assert len(got) == count
    assert len({m.geonameid for m in got}) == 1


@pytest.mark.parametrize(("text", "absent"), [
    # named only inside an organisation name: no evidence it is meant as a place
    ("Volunteers from the Meridian Garden Club planted trees.", "Meridian"),
    # a given name from the census list reveals the surname
    ("Officers said Terrell Jones, 23, was charged. Jones fled on foot.", "Jones"),
])
def test_names_without_place_use(text, absent):
    assert absent not in _found(text)


def test_kansas_city_is_kept_whole():
    found = _found("The Kansas City Council voted on Tuesday.")
    assert "Kansas City" in found
