"""The actor data files: every entry valid, no alias claimed by two actors, and the
naming helpers (qualify, inter_of, lookup_actor, event_inter)."""

from __future__ import annotations

import pycountry
import pytest

from sitrep.actors import event_inter, inter_of, lookup_actor, qualify
from sitrep.actors.lexicon import CATEGORIES, lexicon
from sitrep.actors.matcher import fold

LEX = lexicon()
GROUP_INTERS = {2, 3, 4, 8}


def test_actors_countries_schema() -> None:
    assert len(LEX.countries) >= 200
    for code, c in LEX.countries.items():
        assert code == "XK" or pycountry.countries.get(alpha_2=code) is not None, code
        assert c.name and c.actor_name.endswith(c.name)
        assert all(d and d[0].isupper() for d in c.demonyms), code


@pytest.mark.parametrize("group", LEX.groups, ids=[g.name for g in LEX.groups])
def test_actors_group_schema(group) -> None:
    assert group.inter in GROUP_INTERS
    assert group.category in CATEGORIES
    assert group.aliases or group.acronyms
    assert all(c in LEX.countries for c in group.countries)
    assert all(a.isupper() or any(ch.isdigit() for ch in a) or a != a.upper()
               for a in group.acronyms)


def test_actors_group_count_and_unique_aliases() -> None:
    assert len(LEX.groups) >= 100
    # Aliases match case-insensitively, acronyms only as written ("JeM" is not "JEM").
    owner: dict[str, str] = {}
    for g in LEX.groups:
        for alias in g.aliases:
            key = " ".join(fold(alias).split())
            assert owner.setdefault(key, g.name) == g.name, (alias, owner[key], g.name)
    exact: dict[str, str] = {}
    for g in LEX.groups:
        for acr in g.acronyms:
            assert exact.setdefault(acr, g.name) == g.name, (acr, exact[acr], g.name)
            assert owner.get(fold(acr), g.name) == g.name, (acr, owner[fold(acr)], g.name)


def test_actors_generic_and_forces_schema() -> None:
    for gen in LEX.generics:
        assert gen.category in CATEGORIES and 3 <= gen.inter <= 7 and gen.phrases
    assert set(LEX.nouns) == {"military", "police", "government"}
    for phrase, code, cat in LEX.named_forces:
        assert code in LEX.countries and cat in LEX.templates, phrase


@pytest.mark.parametrize(("name", "country", "expected"), [
    ("Unidentified Armed Group", "Tunisia", "Unidentified Armed Group (Tunisia)"),
    ("Unidentified Armed Group", "TN", "Unidentified Armed Group (Tunisia)"),
    ("Civilians", "ML", "Civilians (Mali)"),
    ("Protesters", "Chile", "Protesters (Chile)"),
    ("Rioters", "Syrian Arab Republic", "Rioters (Syria)"),
    ("Military Forces", "TN", "Military Forces of Tunisia"),
    ("Police Forces", "Colombia", "Police Forces of Colombia"),
    ("Government", "PH", "Government of the Philippines"),
    ("Fulani Ethnic Militia", "NG", "Fulani Ethnic Militia (Nigeria)"),
    ("Islamic State", "TN", "Islamic State"),
    ("Islamic State (Libya)", "LY", "Islamic State (Libya)"),
    ("Military Forces of Tunisia", "LY", "Military Forces of Tunisia"),
    ("Civilians", None, "Civilians"),
])
def test_actors_qualify(name: str, country: str | None, expected: str) -> None:
    assert qualify(name, country) == expected


@pytest.mark.parametrize(("name", "inter"), [
    ("Islamic State", 2), ("Unidentified Armed Group (Tunisia)", 3), ("Civilians (Mali)", 7),
    ("Protesters (Chile)", 6), ("Rioters", 5), ("Military Forces of Tunisia", 1),
    ("Government of the Philippines", 1), ("Wagner Group", 8), ("Sinaloa Cartel", 3),
    ("Fulani Ethnic Militia (Nigeria)", 4), ("Islamic State (West Africa)", 2),
    ("Nobody In Particular", None),
])
def test_actors_inter_of(name: str, inter: int | None) -> None:
    assert inter_of(name) == inter


@pytest.mark.parametrize(("phrase", "name"), [
    ("fmln", "FMLN: Farabundo Marti National Liberation Front"),
    ("the extraditables", "Medellin Cartel"),
    ("guatemalan army", "Military Forces of Guatemala"),
    ("6th infantry brigade", "Military Forces"),
    ("Daech", "Islamic State"),
    ("Ansar Allah", "Houthi Movement"),
    ("Sendero Luminoso", "Shining Path"),
    ("armed men", "Unidentified Armed Group"),
    ("Islamic banking", None),
    ("Hamas and the Tunisian army", None),
])
def test_actors_lookup(phrase: str, name: str | None) -> None:
    hit = lookup_actor(phrase)
    assert (hit.name if hit else None) == name


@pytest.mark.parametrize(("inter", "actor", "event", "expected"), [
    (1, "FR", "ML", 8), (1, "ML", "ML", 1), (1, None, "ML", 1), (2, "SV", "HN", 2),
])
def test_actors_event_inter(inter: int, actor: str | None, event: str | None,
                            expected: int) -> None:
    assert event_inter(inter, actor, event) == expected
