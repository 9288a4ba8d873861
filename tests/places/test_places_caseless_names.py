"""Caseless (all-capitals or all-lower-case) text: persons, directions and ordinary words
are no places; place slots, lists and datelines are (sentences written for these tests)."""

from __future__ import annotations

import pytest

from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.stage import place_mentions

pytestmark = pytest.mark.slow


def _found(text: str) -> dict[str, str | None]:
    """surface (line breaks as spaces) -> country code of every mention."""
    return {m.text.replace("\n", " "): m.country_code
            for m in place_mentions(text, get_gazetteer())}


@pytest.mark.parametrize(("text", "places"), [
    ("SAN SALVADOR, 12 JAN 90 (RADIO NACIONAL) -- [TEXT] REBELS CLASHED WITH TROOPS IN\n"
     "THE DEPARTMENT OF USULUTAN AND NEAR SAN MIGUEL ON SUNDAY.",
     {"SAN SALVADOR": "SV", "USULUTAN": "SV", "SAN MIGUEL": "SV"}),
    ("GUERRILLAS BURNED THREE BUSES IN THE TOWNS OF SUCHITOTO AND TECOLUCA, THE ARMY SAID.",
     {"SUCHITOTO": "SV", "TECOLUCA": "SV"}),
    ("POLICE IN LIMA SAID A CAR BOMB DAMAGED A BANK IN AYACUCHO.", {"LIMA": "PE",
                                                                 "AYACUCHO": "PE"}),
    ("rebels blew up a bridge in usulutan department, the radio said.", {"usulutan": "SV"}),
    ("BOGOTA, 3 MAR 90 (EFE) -- A JUDGE WAS SHOT IN MEDELLIN.", {"BOGOTA": "CO",
                                                               "MEDELLIN": "CO"}),
])
def test_caseless_places_found(text, places):
    found = _found(text)
    for name, cc in places.items():
        assert found.get(name) == cc, (name, found)


@pytest.mark.parametrize(("text", "absent"), [
    # surnames right after a given name or a title, also across a line break
    ("LIEUTENANT ISIDRO LOPEZ AND MAJOR ALFREDO\nJIMENEZ WERE ARRESTED IN LIMA.",
     ["LOPEZ", "JIMENEZ", "ALFREDO JIMENEZ"]),
    ("MAGISTRATE CARLOS VALENCIA GARCIA, THE POLICE COMMANDER, ARRIVED IN CALI.",
     ["VALENCIA", "GARCIA"]),
    # a given name before a name-like word is a person
    ("ORLANDO QUITENO, A LABOR LEADER, SPOKE TO REPORTERS IN MANAGUA.", ["ORLANDO"]),
    # directions and names made of ordinary words
    ("TROOPS PATROLLED THE NORTHERN PROVINCES AFTER THE ATTACK.", ["NORTHERN"]),
    ("DELEGATES AT THE MEETING IN CARACAS REJECTED THE PLAN.", ["THE MEETING", "MEETING"]),
    # a common surname out of a place slot
    ("GENERAL ORTEGA SAID RODRIGUEZ HAD LEFT THE COUNTRY.", ["ORTEGA", "RODRIGUEZ"]),
])
def test_caseless_persons_and_words_are_not_places(text, absent):
    found = _found(text)
    for word in absent:
        assert word not in found, (word, found)


def test_caseless_surname_used_as_place_elsewhere():
    # one sense per article: "IN ZAMORA" makes the other ZAMORA a place too
    text = "SOLDIERS ARRIVED IN ZAMORA ON MONDAY. ZAMORA HAS BEEN CALM SINCE THEN."
    got = [m for m in place_mentions(text, get_gazetteer()) if m.text == "ZAMORA"]
    assert len(got) == 2
