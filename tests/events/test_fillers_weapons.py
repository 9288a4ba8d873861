"""Weapons quoted by their weapon noun: up to the last one, and no quote without one
(quotes written for these tests)."""

from __future__ import annotations

import pytest

from sitrep.events.fillers import RoleFillers
from sitrep.events.fillers_weapons import weapon_quote, weapons_named
from sitrep.schema import RoleFiller


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("a car bomb", "a car bomb"),
        ("AK-47 rifles", "AK-47 rifles"),
        ("dynamite exploded", "dynamite"),
        ("DYNAMITE CHARGE", "DYNAMITE"),
        ("two hand grenades", "two hand grenades"),
        ("machetes and clubs", "machetes and clubs"),
        ("9 mm submachine gun rounds", "9 mm submachine gun rounds"),
        ("an improvised explosive device", "an improvised explosive device"),
        ("M-16s", "M-16s"),
        ("petrol bombs", "petrol bombs"),
        # no weapon noun: no weapon
        ("bus", None),
        ("the government", None),
        ("incendiary", None),
        ("Kano", None),
    ],
)
def test_weapon_quote(quote: str, expected: str | None) -> None:
    text = f"Witnesses said {quote} was used."
    start = text.index(quote)
    got = weapon_quote(RoleFiller(quote, start, start + len(quote)))
    if expected is None:
        assert got is None
    else:
        assert got is not None and got.text == expected
        assert text[got.start:got.end] == expected


def test_weapons_named_keeps_other_slots() -> None:
    text = "Gunmen fired rifles at the bus."
    fillers = RoleFillers(perpetrators=[RoleFiller("Gunmen", 0, 6, "individual")],
                          targets=[RoleFiller("bus", 27, 30)],
                          weapons=[RoleFiller("rifles", 13, 19), RoleFiller("bus", 27, 30)])
    got = weapons_named(fillers)
    assert [w.text for w in got.weapons] == ["rifles"]
    assert got.perpetrators == fillers.perpetrators and got.targets == fillers.targets
    assert text[13:19] == "rifles"
