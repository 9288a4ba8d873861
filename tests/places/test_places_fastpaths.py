"""The speed paths of the places stage keep the plain behaviour: folding, case mode, the
kind-word patterns found from literal anchors, whole-word abbreviations, the two-token
prefix table, and the islands and regions added to the gazetteer (sentences written by the
sitrep authors)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from sitrep.article import Article
from sitrep.nlp.sentences import SentenceStage
from sitrep.places import extra_names
from sitrep.places.context import case_mode
from sitrep.places.gazetteer import get_gazetteer, lookup
from sitrep.places.normalize import fold
from sitrep.places.stage import PlaceStage


def _fold_reference(text: str) -> str:
    """Character by character, the slow way: accents stripped, lower case."""
    out = []
    for c in text:
        if c.isascii():
            out.append(c.lower())
            continue
        base = "".join(ch for ch in unicodedata.normalize("NFKD", c)
                       if not unicodedata.combining(ch)).lower()
        out.append(base if len(base) == 1 else c.lower() if len(c.lower()) == 1 else c)
    return "".join(out)


@pytest.mark.parametrize("text", [
    "Shelling hit Donetsk on Monday.",
    "Les forces ont quitt\u00e9 S\u00e9gou et Mopti \u2014 selon l\u2019arm\u00e9e.",
    "Protesters gathered in S\u00e3o Paulo and Bras\u00edlia.",
    "Troops entered \u0130zmir\u2019s port; \u00c9vora stayed calm.",
    "A curfew in K\u00f6ln, M\u00fcnchen and Z\u00fcrich\u00a0was lifted.",
])
def test_fold_keeps_offsets_and_matches_reference(text):
    folded = fold(text)
    assert len(folded) == len(text)
    # the special characters fold to fixed forms; everything else as the reference says
    special = {"\u2014": "-", "\u2019": "'", "\u0130": "i", "\u00a0": " "}
    assert folded == "".join(special.get(c, r) for c, r in zip(text, _fold_reference(text),
                                                                strict=True))


@pytest.mark.parametrize(("text", "mode"), [
    ("Gunmen attacked a police post near Gao.", "mixed"),
    ("GUNMEN ATTACKED A POLICE POST NEAR GAO.", "upper"),
    ("gunmen attacked a police post near gao.", "lower"),
    ("12 KILLED IN ATTACK ON BUS IN NORTHERN MALI AND NIGER, army says", "upper"),
    ("Officials in MOSCOW and KYIV said", "mixed"),
    ("", "lower"),
])
def test_case_mode(text, mode):
    assert case_mode(text) == mode


_KIND_AFTER_REGEX = re.compile(r"\s(province|governorate|district|region|county|municipality|"
                               r"state|department|prefecture)\b")


@pytest.mark.parametrize("text", [
    "Fighting spread across Kunar province and the Helmand governorate.",
    "The statewide alert covered Borno State, not the regional capital.",
    "district officials in Kilifi county said the prefecture office was closed",
    "province of the north: no kind word is preceded by a space at the very start",
])
def test_kind_words_found_from_literal_anchors(text):
    got = [(m.start(), m.group(1)) for m in extra_names._kinds_after(text)]
    assert got == [(m.start(), m.group(1)) for m in _KIND_AFTER_REGEX.finditer(text)]


@pytest.fixture(scope="module")
def stage() -> PlaceStage:
    return PlaceStage()


def _places(stage: PlaceStage, text: str) -> list[str]:
    return [m.text for m in stage(SentenceStage()(Article("t", text))).places]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name"), [
    ("Rebels seized the town of Kiwanja on Tuesday.", "Kiwanja"),
    ("Clashes were reported in Bentiu, a town near the border.", "Bentiu"),
    ("Militants attacked a market in Diffa region overnight.", "Diffa"),
    ("Police said the village of Marte was shelled again.", "Marte"),
    ("Gunmen from the district of Zurmat, not the downtown of Gardez, fled.", "Zurmat"),
])
def test_pattern_names_found(stage, text, name):
    assert name in _places(stage, text)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "found"), [
    ("Bushfires closed roads across NSW on Sunday.", True),
    ("The NSWX index fell on Sunday.", False),
    ("Transit workers in NYC walked out.", True),
])
def test_bare_abbreviations_whole_words_only(stage, text, found):
    art = stage(SentenceStage()(Article("t", text)))
    assert any(m.text in ("NSW", "NYC") for m in art.places) is found


@pytest.mark.slow
def test_two_token_prefix_table():
    gaz = get_gazetteer()
    assert gaz.pairs["new york"] >= 2
    assert gaz.pairs["baton rouge"] >= 2
    assert "he said" not in gaz.pairs


@pytest.mark.slow
@pytest.mark.parametrize(("name", "country", "lat", "lon"), [
    ("Java", "ID", -7.5, 110.0),
    ("Sumatra", "ID", 0.0, 102.0),
    ("Celebes", "ID", -2.0, 121.0),
    ("Majorca", "ES", 39.6, 3.0),
    ("Borneo", "", 0.5, 114.0),
    ("Transnistria", "MD", 47.2, 29.4),
    ("North Waziristan", "PK", 32.9, 69.9),
])
def test_islands_and_regions(name, country, lat, lon):
    best = lookup(name)[0]
    assert (best.feature, best.country_code) == ("region", country)
    assert abs(best.lat - lat) < 0.05 and abs(best.lon - lon) < 0.05


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name", "country"), [
    ("Floods displaced thousands on the island of Java, Indonesian officials said.",
     "Java", "ID"),
    ("Separatist rebels in Casamance freed four soldiers.", "Casamance", "SN"),
    ("A drone strike in North Waziristan killed three militants.", "North Waziristan", "PK"),
])
def test_islands_in_text(stage, text, name, country):
    art = stage(SentenceStage()(Article("t", text)))
    hit = [m for m in art.places if m.text == name]
    assert hit and hit[0].country_code == country and hit[0].feature == "region"
