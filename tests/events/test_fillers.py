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
