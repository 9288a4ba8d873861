"""Admin areas, armed groups and micro-toponyms in conflict news (sentences written by the
sitrep authors): an admin word picks the area ("Katsina State" is the state, not its
capital); English names of provinces, states and governorates resolve to the admin1;
armed-group names are no places; streets with particles and a possessive town stay apart
from the towns."""

from __future__ import annotations

import pytest

from sitrep.places.stage import get_gazetteer, place_mentions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _find(gaz, text: str, surface: str):
    hits = [m for m in place_mentions(text, gaz) if m.text == surface]
    return hits[0] if hits else None


# (sentence, mention as the text spans it, feature, country, admin1 of the area)
AREAS = [
    ("Bandits raided three villages in Zamfara State on Sunday.",
     "Zamfara State", "admin1", "NG", "Zamfara"),
    ("Gunmen abducted pupils in Katsina State, police said.",
     "Katsina State", "admin1", "NG", "Katsina"),
    ("Boko Haram fighters attacked a base in Borno State.",
     "Borno State", "admin1", "NG", "Borno"),
    ("Herders clashed with farmers in Benue State overnight.",
     "Benue State", "admin1", "NG", "Benue"),
    ("Militants struck a pipeline in Rivers State.", "Rivers State", "admin1", "NG", "Rivers"),
    ("An airstrike hit a camp in Deir ez-Zor governorate.",
     "Deir ez-Zor", "admin1", "SY", "Deir ez-Zor"),
    ("Houthi forces advanced in Marib governorate.", "Marib", "admin1", "YE", "Marib"),
    ("Shelling continued in the Hodeidah governorate.", "Hodeidah", "admin1", "YE", "Hodeidah"),
    ("Troops pushed forward in Donetsk Oblast.", "Donetsk Oblast", "admin1", "UA", "Donetsk"),
    ("A drone struck a depot in Zaporizhzhia Oblast.",
     "Zaporizhzhia Oblast", "admin1", "UA", "Zaporizhzhia"),
    ("Russian forces shelled villages in the Kharkiv region.",
     "Kharkiv", "admin1", "UA", "Kharkiv"),
    ("Insurgents ambushed soldiers in the Mopti region.", "Mopti", "admin1", "ML", "Mopti"),
    ("Jihadists attacked a post in the Tillaberi region.",
     "Tillaberi", "admin1", "NE", "Tillaberi"),
    ("The army retook a town in Kunduz province.", "Kunduz", "admin1", "AF", "Kunduz"),
    ("Insurgents attacked a checkpoint in Cabo Delgado province.",
     "Cabo Delgado", "admin1", "MZ", "Cabo Delgado"),
    ("Rebels killed 12 villagers in Ituri province.", "Ituri", "admin1", "CD", "Ituri"),
    ("Clashes were reported in Kayin State, the army said.",
     "Kayin State", "admin1", "MM", "Kayin"),
    # a name with areas in several countries: the country whose areas the word names
    ("Gunmen killed 11 farmers in Plateau State on Tuesday.",
     "Plateau State", "admin1", "NG", "Plateau"),
    ("Bandits attacked a convoy in Niger State, officials said.",
     "Niger State", "admin1", "NG", "Niger"),
    ("Floods displaced thousands in Jonglei State.", "Jonglei State", "admin1", "SS", "Jonglei"),
    ("The ELN attacked a base in Arauca department.", "Arauca", "admin1", "CO", "Arauca"),
    # caseless text: the word still asks for the area (the span stays the name)
    ("GUERRILLAS ATTACKED A POST IN USULUTAN DEPARTMENT YESTERDAY.",
     "USULUTAN", "admin1", "SV", "Usulutan"),
    ("gunmen raided villages in katsina state on sunday.", "katsina", "admin1", "NG", "Katsina"),
    # English names without an admin word
    ("Al-Shabaab fighters overran a base in Lower Shabelle.",
     "Lower Shabelle", "admin1", "SO", "Lower Shabelle"),
    ("Troops clashed with militants in Middle Shabelle.",
     "Middle Shabelle", "admin1", "SO", "Middle Shabelle"),
    ("ADF rebels killed 20 civilians in North Kivu.", "North Kivu", "admin1", "CD", "North Kivu"),
    ("M23 rebels advanced in Nord-Kivu.", "Nord-Kivu", "admin1", "CD", "North Kivu"),
    ("Gunmen killed two officers in Balochistan.", "Balochistan", "admin1", "PK", "Balochistan"),
    ("A bomb exploded in Khyber Pakhtunkhwa on Friday.",
     "Khyber Pakhtunkhwa", "admin1", "PK", "Khyber Pakhtunkhwa"),
    ("Paramilitaries attacked villages in West Darfur.",
     "West Darfur", "admin1", "SD", "West Darfur"),
    ("Fighting spread across South Kordofan.", "South Kordofan", "admin1", "SD",
     "South Kordofan"),
    ("Militia attacks rose in Salahuddin last month.", "Salahuddin", "admin1", "IQ",
     "Salahuddin"),
    ("Clashes broke out in Rural Damascus.", "Rural Damascus", "admin1", "SY", "Rif Dimashq"),
]


@pytest.mark.parametrize(("text", "surface", "feature", "country", "admin1"), AREAS)
def test_admin_area(gaz, text, surface, feature, country, admin1):
    m = _find(gaz, text, surface)
    assert m is not None, [(x.text, x.name) for x in place_mentions(text, gaz)]
    assert (m.feature, m.country_code, m.admin1) == (feature, country, admin1)


# A bare name that is a town and the area it is the seat of: the town (GeoNames id)
SEATS = [
    ("A car bomb exploded in Deir ez-Zor on Monday.", "Deir ez-Zor", 170794),
    ("Shelling hit residential areas of Donetsk.", "Donetsk", 709717),
    ("Gunmen killed a trader in Katsina, police said.", "Katsina", 2334802),
    ("An airstrike hit a market in Idlib.", "Idlib", 169389),
]


@pytest.mark.parametrize(("text", "surface", "geonameid"), SEATS)
def test_seat_town(gaz, text, surface, geonameid):
    m = _find(gaz, text, surface)
    assert m is not None and m.geonameid == geonameid, m


# the admin word stays out of an organisation's name and off US state names
NOT_AREAS = [
    ("The Illinois State Police closed the highway.", "Illinois", "admin1"),
    ("Duke plays Michigan State in the second round.", "Michigan", "admin1"),
    ("The UK Department for International Development sent aid.", "UK", "country"),
]


@pytest.mark.parametrize(("text", "surface", "feature"), NOT_AREAS)
def test_admin_word_not_taken(gaz, text, surface, feature):
    m = _find(gaz, text, surface)
    assert m is not None and m.feature == feature


# armed groups and movements are no places (none of these names may be a mention)
GROUPS = [
    ("The Taliban said its fighters had captured the district centre.", "Taliban"),
    ("Wagner mercenaries were seen near Menaka, residents said.", "Wagner"),
    ("The SDF said it had repelled an attack near Hasakah.", "SDF"),
    ("The PKK claimed the ambush in Hakkari province.", "PKK"),
    ("Fano militiamen clashed with federal troops near Gondar.", "Fano"),
    ("The HTS leadership denied the report from Idlib.", "HTS"),
]


@pytest.mark.parametrize(("text", "group"), GROUPS)
def test_group_is_no_place(gaz, text, group):
    assert group not in {m.text for m in place_mentions(text, gaz)}


def test_group_name_kept_as_place_in_containment(gaz):
    m = _find(gaz, "The festival took place in Fano, Italy, last summer.", "Fano")
    assert m is not None and m.country_code == "IT"


# streets and squares with particles are unresolved micro-toponyms, not towns
STREETS = [
    ("Protesters marched along Qasr al-Nil Street in Cairo.", "Qasr al-Nil Street"),
    ("Police blocked Rashid al-Solh Street in central Beirut.", "Rashid al-Solh Street"),
    ("A bomb exploded near Sheikh Zayed bin Sultan Street in Abu Dhabi.",
     "Sheikh Zayed bin Sultan Street"),
    ("Protesters gathered in Tahrir Square on Friday.", "Tahrir Square"),
    ("Crowds filled Maidan Square in Kyiv.", "Maidan Square"),
]


@pytest.mark.parametrize(("text", "street"), STREETS)
def test_street_with_particles(gaz, text, street):
    m = _find(gaz, text, street)
    assert m is not None and m.lat is None and m.feature == "other"


# "Tripoli's Abu Salim district": the town resolved, the district a name of its own
POSSESSIVES = [
    ("Clashes erupted in Tripoli's Abu Salim district.", "Tripoli", "LY", "Abu Salim"),
    ("Protesters marched in Karachi's Lyari district.", "Karachi", "PK", "Lyari"),
    # a plural possessor ("the Philippines' "): the country, then the province
    ("Rebels attacked a town in the Philippines' Laguna province.", "Philippines", "PH",
     "Laguna"),
    ("Floods cut roads in the Comoros’ Anjouan region.", "Comoros", "KM", "Anjouan"),
]


@pytest.mark.parametrize(("text", "town", "country", "district"), POSSESSIVES)
def test_possessive_town_and_district(gaz, text, town, country, district):
    found = {m.text: m for m in place_mentions(text, gaz)}
    assert found[town].country_code == country
    assert district in found


# one article, the town and the state it is the capital of: each mention its own reading
MIXED = [
    ("Gunmen killed five people in Katsina on Monday. Later they raided villages elsewhere "
     "in Katsina State.", {"Katsina": "city", "Katsina State": "admin1"}),
    ("Shells fell on Donetsk overnight. Fighting continued across Donetsk Oblast.",
     {"Donetsk": "city", "Donetsk Oblast": "admin1"}),
]


@pytest.mark.parametrize(("text", "features"), MIXED)
def test_town_and_its_area_in_one_article(gaz, text, features):
    found = {m.text: m.feature for m in place_mentions(text, gaz)}
    assert {k: found.get(k) for k in features} == features


# a neighbourhood's name, articles joined by a hyphen included, is one mention (no town
# read out of its first word); an English word is no particle of a street's name
NEIGHBOURHOODS = [
    ("Clashes broke out in the Bab al-Tabbaneh neighbourhood of Tripoli.", "Bab al-Tabbaneh"),
    ("Police raided a house in the Mathare neighborhood of Nairobi.", "Mathare"),
    ("Residents gathered at the Villas at Coffman Park on Sunday.", "Coffman Park"),
]


@pytest.mark.parametrize(("text", "name"), NEIGHBOURHOODS)
def test_neighbourhood_name(gaz, text, name):
    m = _find(gaz, text, name)
    assert m is not None and m.lat is None
