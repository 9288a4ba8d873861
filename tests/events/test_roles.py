"""Targets and weapons quoted from sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.events.roles import find_targets, find_weapons

TARGETS = [
    ("Militants attacked army and police barracks in the town.", ["army and police barracks"]),
    ("Gunmen stormed a police station in Zamfara.", ["a police station"]),
    ("Saboteurs blew up the power pylon near Kirkuk.", ["the power pylon"]),
    ("A grenade was thrown at a bus in Nairobi.", ["a bus"]),
    ("Protesters pelted the embassy with stones.", ["the embassy"]),
    ("A rocket hit the US embassy compound in Baghdad.", ["the US embassy compound"]),
    ("GUERRILLAS DYNAMITED TWO POWER TOWERS IN USULUTAN.", ["TWO POWER TOWERS"]),
    ("rebels burned three houses and a church in the village.", ["three houses", "a church"]),
    (
        "A bomb damaged the oil pipeline and a military vehicle.",
        ["the oil pipeline", "a military vehicle"],
    ),
    ("The attack was condemned by the minister.", []),
    # A possessor belongs to the quoted thing.
    ("Rebels set fire to the mayor's office in Cusco.", ["the mayor's office"]),
    ("GUERRILLAS DYNAMITED THE MUNICIPAL MAYOR'S OFFICE.", ["THE MUNICIPAL MAYOR'S OFFICE"]),
    ("A bomb went off outside Senator Okafor's house in Enugu.", ["Senator Okafor's house"]),
    ("Arsonists torched the girls' school.", ["the girls' school"]),
]

WEAPONS = [
    ("A car bomb exploded outside the ministry.", ["A car bomb"]),
    ("The attackers carried AK-47 rifles and grenades.", ["AK-47 rifles", "grenades"]),
    ("Police found dynamite and machine guns in the house.", ["dynamite", "machine guns"]),
    ("A man armed with a machete attacked worshippers.", ["a machete"]),
    ("Soldiers seized explosives from the hideout.", ["explosives"]),
    ("The bomb squad cordoned off the area.", []),
]


@pytest.mark.parametrize(("text", "expected"), TARGETS)
def test_targets(text: str, expected: list[str]) -> None:
    found = find_targets(text)
    assert [r.text for r in found] == expected
    assert all(text[r.start : r.end] == r.text and r.kind == "target" for r in found)


@pytest.mark.parametrize(("text", "expected"), WEAPONS)
def test_weapons(text: str, expected: list[str]) -> None:
    found = find_weapons(text)
    assert [r.text for r in found] == expected
    assert all(r.kind == "weapon" for r in found)


def test_offset_added() -> None:
    text = "Gunmen stormed a police station."
    (span,) = find_targets(text, offset=1000)
    assert (span.start, span.end) == (1000 + text.index("a police"), 1000 + len(text) - 1)
