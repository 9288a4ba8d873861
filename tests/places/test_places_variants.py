"""Spelling variants of conflict-zone towns resolve to the right GeoNames id when the
article names the country (table written by the sitrep authors; ids from GeoNames)."""

from __future__ import annotations

import pytest

from sitrep.article import Article
from sitrep.places.stage import PlaceStage

pytestmark = pytest.mark.slow

# (spelling in the text, country as the text names it, expected GeoNames id)
VARIANTS = [
    ("Deir ez-Zor", "Syria", 170794), ("Deir al-Zour", "Syria", 170794),
    ("Dayr az Zawr", "Syria", 170794), ("Deir Ezzor", "Syria", 170794),
    ("Raqqa", "Syria", 172955), ("Ar Raqqah", "Syria", 172955), ("Al-Raqqa", "Syria", 172955),
    ("Halab", "Syria", 170063), ("Hama", "Syria", 170017), ("Hamah", "Syria", 170017),
    ("Idleb", "Syria", 169389), ("Daraa", "Syria", 170905), ("Deraa", "Syria", 170905),
    ("Tadmur", "Syria", 163808), ("Manbij", "Syria", 167357),
    ("Mosul", "Iraq", 99072), ("Mousul", "Iraq", 99072), ("Fallujah", "Iraq", 99454),
    ("Falluja", "Iraq", 99454), ("Ramadi", "Iraq", 98717), ("Tikrit", "Iraq", 90150),
    ("Baquba", "Iraq", 97990), ("Basra", "Iraq", 99532), ("Arbil", "Iraq", 95446),
    ("Samarra", "Iraq", 91597),
    ("Misrata", "Libya", 2214846), ("Misurata", "Libya", 2214846), ("Benghazi", "Libya", 88319),
    ("Sirt", "Libya", 2210554), ("Derna", "Libya", 87205), ("Ajdabiya", "Libya", 89113),
    ("Sebha", "Libya", 2212775),
    ("Sanaa", "Yemen", 71137), ("Sana'a", "Yemen", 71137), ("Taizz", "Yemen", 70225),
    ("Hodeidah", "Yemen", 79415), ("Hudaydah", "Yemen", 79415), ("Mukalla", "Yemen", 78754),
    ("Tombouctou", "Mali", 2449067), ("Timbuktu", "Mali", 2449067), ("Gao", "Mali", 2457163),
    ("Kidal", "Mali", 2455290), ("Menaka", "Mali", 2453514),
    ("Maiduguri", "Nigeria", 2331447), ("Maidugari", "Nigeria", 2331447),
    ("Damaturu", "Nigeria", 2345521), ("Gwoza", "Nigeria", 2339665),
    ("Mogadishu", "Somalia", 53654), ("Muqdisho", "Somalia", 53654),
    ("Kismayu", "Somalia", 55671), ("Kismaayo", "Somalia", 55671), ("Baidoa", "Somalia", 64536),
    ("Beledweyne", "Somalia", 64460), ("Galkayo", "Somalia", 59611),
    ("Kandahar", "Afghanistan", 1138336), ("Qandahar", "Afghanistan", 1138336),
    ("Kunduz", "Afghanistan", 1135689), ("Konduz", "Afghanistan", 1135689),
    ("Hirat", "Afghanistan", 1140026), ("Lashkargah", "Afghanistan", 1134720),
    ("Mazar-i-Sharif", "Afghanistan", 1133616), ("Ghazni", "Afghanistan", 1141269),
    ("Kharkiv", "Ukraine", 706483), ("Kharkov", "Ukraine", 706483),
    ("Lugansk", "Ukraine", 702658), ("Luhansk", "Ukraine", 702658),
    ("Mariupol", "Ukraine", 701822), ("Zaporizhzhia", "Ukraine", 687700),
    ("Zaporozhye", "Ukraine", 687700), ("Mykolaiv", "Ukraine", 700569),
    ("Nikolaev", "Ukraine", 700569), ("Artemivsk", "Ukraine", 713174),
    ("Ben Guerdan", "Tunisia", 2472431), ("Ben Gardane", "Tunisia", 2472431),
    ("El Fasher", "Sudan", 379555), ("Al-Fashir", "Sudan", 379555), ("Nyala", "Sudan", 369004),
]

TEMPLATES = [
    "Gunmen attacked a checkpoint in {place}, {country}, on Tuesday, officials said.",
    "Fighting broke out near {place} in {country} overnight, witnesses said.",
]


@pytest.fixture(scope="module")
def stage() -> PlaceStage:
    return PlaceStage()


@pytest.mark.parametrize(("place", "country", "geonameid"), VARIANTS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_variant_resolves(stage, template, place, country, geonameid):
    text = template.format(place=place, country=country)
    found = {m.text: m.geonameid for m in stage(Article("t", text)).places}
    assert found.get(place) == geonameid, found
