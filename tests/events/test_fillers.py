"""Role fillers of whole events: named victims, the perpetrators' own dead left out,
coreferent perpetrators and weapons merged (articles written for these tests)."""

from __future__ import annotations

from functools import cache

import pytest

from sitrep.article import Article
from sitrep.pipeline import DEFAULT_STAGES, Pipeline, load_stage


@cache
def _pipeline() -> Pipeline:
    return Pipeline([load_stage(path)() for _, path in DEFAULT_STAGES])


def _events(text: str) -> list:
    return _pipeline().run(Article(id="t", text=text, published=None)).events


def _all(text: str, slot: str) -> list[str]:
    return [r.text for ev in _events(text) for r in getattr(ev, slot)]


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Gunmen shot dead Mohammed Ali Hassan, a local councillor, in Baidoa on Monday.",
         "Mohammed Ali Hassan"),
        ("REBELS KIDNAPPED JUAN CARLOS PEREZ, A BUSINESSMAN, IN CALI ON 4 MAY.",
         "JUAN CARLOS PEREZ"),
        ("unidentified gunmen carried out the murder of judge maria elena castro in bogota "
         "on tuesday.", "maria elena castro"),
        ("Militants attacked a bus near Peshawar on Friday. Ahmed Khan and Ali Raza, both "
         "teachers, were killed in the attack.", "Ahmed Khan"),
    ],
)
def test_named_victims(text: str, victim: str) -> None:
    assert victim in _all(text, "victims")


def test_perpetrators_own_dead_are_not_victims() -> None:
    text = ("Gunmen attacked a police station in Kano on Monday. Police killed four of the "
            "attackers, and two civilians died.")
    victims = _all(text, "victims")
    assert not any("attackers" in v for v in victims)
    assert any("civilians" in v for v in victims)


def test_coreferent_perpetrators_merged() -> None:
    text = ("Boko Haram fighters attacked the village of Dalori on Saturday, and Boko Haram "
            "burned dozens of houses.")
    orgs = [r for ev in _events(text) for r in ev.perpetrators if r.kind == "organization"]
    assert len({(r.start, r.end) for r in orgs}) <= 1


def test_no_victim_without_harm_cue() -> None:
    text = "Soldiers clashed with rebels near Goma on Monday, said spokesman Jean Pierre Mba."
    assert "Jean Pierre Mba" not in _all(text, "victims")


@pytest.mark.parametrize(
    ("text", "slot", "expected", "absent"),
    [
        # Counts, quantifiers and possessives are left out of targets: the thing itself.
        ("Guerrillas burned 500 houses in the village of San Miguel on Tuesday.",
         "targets", "houses", "500 houses"),
        ("Rebels set fire to their office and a bus in Gulu on Monday.", "targets", "office",
         "their office"),
        # A partial name beside the full one is the same victim.
        # The victim of "the murder of X" is X, without the preposition.
        ("TERRORISTS CARRIED OUT THE MURDER OF JECAR NEGHME, A STUDENT LEADER, IN SANTIAGO "
         "YESTERDAY.", "victims", "JECAR NEGHME", "OF JECAR NEGHME"),
        ("GUNMEN CLAIMED THE KILLING OF MARIO ALVAREZ IN LIMA ON MONDAY.", "victims",
         "MARIO ALVAREZ", "OF MARIO ALVAREZ"),
        ("Gunmen murdered senator Bernardo Jaramillo Ossa in Bogota on Thursday. "
         "Bernardo Jaramillo was shot at the airport.", "victims", "Bernardo Jaramillo Ossa",
         "Bernardo Jaramillo"),
    ],
)
def test_quoted_fillers(text: str, slot: str, expected: str, absent: str) -> None:
    found = _all(text, slot)
    assert expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "terrorist" as an adjective names no one.
        ("A terrorist attack destroyed a bridge near Tumaco on Sunday.", "terrorist"),
        # A government orders; it is not the people who fired.
        ("The government of Peru said its troops attacked a rebel camp near Ayacucho.",
         "government of Peru"),
    ],
)
def test_not_perpetrators(text: str, absent: str) -> None:
    assert absent.lower() not in [p.lower() for p in _all(text, "perpetrators")]


def test_unnamed_perpetrators_get_their_group() -> None:
    text = ("The FMLN said on Monday that its urban commandos had bombed a power substation "
            "in San Salvador, killing two civilians.")
    perps = [r for ev in _events(text) for r in ev.perpetrators]
    assert any(r.kind == "organization" and r.text == "FMLN" for r in perps)
