"""Resolution and recognition rules of the places stage on hand-written sentences: fuzzy
matches the article must corroborate, person names that are also towns (needs the
gazetteer)."""

from __future__ import annotations

import pytest

from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.stage import place_mentions

pytestmark = pytest.mark.slow


def _by_text(text: str) -> dict:
    return {m.text: m for m in place_mentions(text, get_gazetteer())}


# A spelling the gazetteer lacks resolves (fuzzily) only where the article corroborates it:
# inside the area named next to it, or near a town it names; else it stays unresolved
# (or, for a mere place-slot guess, is dropped) rather than land on a look-alike far away.
# (text, name, expected country of its resolution or None for "not resolved")
FUZZY = [
    ("Militants attacked a police post in Ben Guerdan, Tunisia, on Monday.",
     "Ben Guerdan", "TN"),
    ("Flooding cut roads around Bariyarpur in Bihar, India, officials in Patna said.",
     "Bariyarpur", "IN"),
    ("Clashes near Maidougouri and in Damaturu left six dead, officials said.",
     "Maidougouri", "NG"),
    ("Gunmen raided a market in Sabratha and later in Zuwara, Libya.", "Sabratha", "LY"),
    # no town named at all: a transliteration (the same folded spelling) inside a country
    # the story names, or whose people it names, stands; a mere near spelling does not
    ("Islamic State fighters attacked army posts in Ben Guerdan on Monday. Tunisian forces "
     "killed 36 of them.", "Ben Guerdan", "TN"),
    ("Shelling hit Maidugari overnight, Nigerian troops said.", "Maidugari", "NG"),
    ("Families fled their homes in Tal Afer as fighting spread across Iraq.", "Tal Afer", "IQ"),
    ("Waves flooded Pangandaran beach resort on Sunday, Indonesian officials said.",
     "Pangandaran", None),
    # look-alikes hundreds of km from the story's towns: no resolution
    ("Police in Auckland said a man was stabbed in Greenlane on Friday, and another in "
     "Remuera.", "Greenlane", None),
    ("Cholera cases rose in Kisima, a village in northern Kenya, and in Marsabit, health "
     "officials said.", "Kisima", None),
    ("Rebels burned huts near Kampungu while aid workers waited in Kinshasa.",
     "Kampungu", None),
]


@pytest.mark.parametrize(("text", "name", "country"), FUZZY)
def test_fuzzy_match_needs_corroboration(text, name, country):
    m = _by_text(text).get(name)
    if country is None:
        assert m is None or m.lat is None
    else:
        assert m is not None and m.country_code == country


# A one-word name the article uses as a person's name is that person throughout (one sense
# per article): cues the plain "Given Surname" check misses. (text, name never a place)
PERSONS = [
    ("Judge Haywood Turner lost the race on Tuesday. Turner conceded at midnight.", "Turner"),
    ("A jury acquitted Cameron Lee Earle in March. Earle had spent a year in jail.", "Earle"),
    ("The Rev. Al Meredith led the vigil. Afterwards Meredith prayed with the families.",
     "Meredith"),
    ("RCMP Const. Kwesi Millington fired the stun gun. Millington later left the force.",
     "Millington"),
    ("Tenant Brian O'Connor was arrested. Neighbours told police O'Connor had a knife.",
     "O'Connor"),
    ("Rising prices squeeze Antonella Bruno's budget. Bruno, 54, now cooks at home.", "Bruno"),
    ("Robertson said the cinema would reopen. Robertson and her father bought it in 1970.",
     "Robertson"),
    ("The company hired Sgt. Pablo Lozano as a guard; said Lozano: we felt safe.", "Lozano"),
    # "according to X" names a source: no place slot
    ("The driver fled on foot, according to Taylor. Taylor's deputies found him later.",
     "Taylor"),
    # a title written short is no place either ("Gen" is an alternate name of a town)
    ("Troops were inspected by Gen. Jackson on Friday.", "Gen"),
]


@pytest.mark.parametrize(("text", "name"), PERSONS)
def test_person_names_are_no_places(text, name):
    assert name not in _by_text(text)


# ... and what must stay a place. (text, place, its country)
STILL_PLACES = [
    ("Officials in Jackson said the water was safe. Jackson schools reopened on Monday.",
     "Jackson", "US"),
    ("Police in Sana'a, Yemen, said two guards were shot near the ministry.", "Sana'a", "YE"),
    ("Police in Ta'izz, Yemen, said shelling hit a market.", "Ta'izz", "YE"),
    ("Two men were shot, according to Houston police.", "Houston", "US"),
    ("The convoy drove close to Fallujah before turning back to Ramadi.", "Fallujah", "IQ"),
    ("Shelling resumed, according to residents of Idlib and officials in Damascus.", "Idlib",
     "SY"),
    ("Washington said it would send aid to Cebu and Leyte in the Philippines.", "Cebu", "PH"),
    ("Flooding hit Houston; Houston police closed roads, and officials in Houston said more "
     "rain was due.", "Houston", "US"),
    # a place slot before a speech verb: the officials there spoke
    ("Crops failed, officials in Monterey said.", "Monterey", "US"),
    ("A nurse at a clinic in Tyler said supplies were short.", "Tyler", "US"),
    # a title that ends a sentence is no title of the name after it
    ("He met the president. Kenya has denied the report since.", "Kenya", "KE"),
    ("The talks ended, said the general. Baghdad was calm on Friday.", "Baghdad", "IQ"),
]


@pytest.mark.parametrize(("text", "name", "country"), STILL_PLACES)
def test_places_stay_places(text, name, country):
    m = _by_text(text).get(name)
    assert m is not None and m.country_code == country


# Names listed together ("X, Y and Z") are of one kind: a state among states, a country
# among countries. (text, name, expected country, expected feature)
LISTED = [
    ("Outbreaks were reported in Alabama, Georgia and Iowa this week.", "Georgia", "US",
     "admin1"),
    ("Ministers from Armenia, Georgia and Azerbaijan met on Friday.", "Georgia", "GE",
     "country"),
    ("Hospitals in Alberta, New Brunswick and Quebec reported new cases.", "New Brunswick",
     "CA", "admin1"),
    ("Hospitals in Alberta, New Brunswick and Quebec reported new cases.", "Quebec", "CA",
     "admin1"),
    ("Unrest spread to Oregon, Washington and Idaho.", "Washington", "US", "admin1"),
    ("Locusts swarmed over Chad, Niger and Mali in June.", "Niger", "NE", "country"),
    ("Drought hit Tocantins, Goias and Bahia.", "Tocantins", "BR", "admin1"),
    # seat names (a state named after its main town) listed together stay towns
    ("Gunmen attacked police posts in Kano and Kaduna on Wednesday.", "Kano", "NG", "city"),
    ("Gunmen attacked police posts in Kano and Kaduna on Wednesday.", "Kaduna", "NG", "city"),
    # and the rule leaves "X, Y" containment alone
    ("A storm hit Atlanta, Georgia, on Sunday.", "Georgia", "US", "admin1"),
    ("Police in Quebec, Canada, arrested two men.", "Quebec", "CA", "city"),
]


@pytest.mark.parametrize(("text", "name", "country", "feature"), LISTED)
def test_listed_names_are_of_one_kind(text, name, country, feature):
    m = _by_text(text)[name]
    assert (m.country_code, m.feature) == (country, feature)


# A bare name shared by a national capital and a state or province of the same country is
# the capital, unless a hint or a list says otherwise. (text, name, country, feature)
CAPITALS = [
    ("Officials in Washington said sanctions on Iran would stay in place.", "Washington",
     "US", "city"),
    ("Talks between Washington and Moscow stalled on Friday.", "Washington", "US", "city"),
    ("Police in Buenos Aires dispersed a protest outside the Congress.", "Buenos Aires", "AR",
     "city"),
    ("Wildfires in Washington state forced evacuations near Spokane.", "Washington", "US",
     "admin1"),
    ("Flooding hit farms across Buenos Aires province, officials in La Plata said.",
     "Buenos Aires", "AR", "admin1"),
    ("Unrest spread to Oregon, Washington and Idaho.", "Washington", "US", "admin1"),
]


@pytest.mark.parametrize(("text", "name", "country", "feature"), CAPITALS)
def test_capital_names(text, name, country, feature):
    m = _by_text(text)[name]
    assert (m.country_code, m.feature) == (country, feature)


# An ordinary word that names a place only as some town's alternate name is no place
# outside a place slot. (text, word)
ORDINARY = [
    ("Farmers lost their crops after the flood in Kansas.", "Farmers"),
    ("Needle exchange programs expanded in Vancouver last year.", "Needle"),
    ("He rode in the Tour de France twice.", "Tour"),
]


@pytest.mark.parametrize(("text", "word"), ORDINARY)
def test_ordinary_words_are_no_places(text, word):
    assert word not in _by_text(text)


# A small town on another continent that no other place of the story supports (none in
# its country or a neighbour, none within 2,000 km) is a chance match: no place; in a
# place slot it is a place the gazetteer lacks: unresolved. (text, name, expected: None for
# "not reported", "unresolved", or the country it must resolve in)
ISOLATED = [
    ("Pastor Mike Hill told the crowd in Dallas, Texas, that Jesus loves them.", "Jesus",
     None),
    ("Alan, 79, finished the London marathon in Manchester, England, on Sunday.", "Alan",
     None),
    ("The Mercury rover team in Houston, Texas, celebrated the landing.", "Mercury", None),
    ("Highways officials in Ohio closed three bridges near Columbus.", "Highways", None),
    ("Violence spread to Suba and Migori, officials in Nairobi said.", "Suba", "unresolved"),
    # a lone small town, and one near the story's other places, stay
    ("Floods hit Pataskala on Monday.", "Pataskala", "US"),
    ("Smugglers crossed from Tataouine into Libya near Nalut.", "Tataouine", "TN"),
]


@pytest.mark.parametrize(("text", "name", "expected"), ISOLATED)
def test_isolated_small_towns(text, name, expected):
    m = _by_text(text).get(name)
    if expected is None:
        assert m is None
    elif expected == "unresolved":
        assert m is not None and m.lat is None
    else:
        assert m is not None and m.country_code == expected


# "Georgia" in a story about the US is the state; in one about the Caucasus the country.
GEORGIA = [
    ("Doctors in Atlanta, Chicago and Portland said the drug helped. Georgia officials will "
     "review the results, and Oregon may follow.", "US", "admin1"),
    ("Voters in Georgia backed the measure, officials in Atlanta said, while Arizona and "
     "Oregon rejected it.", "US", "admin1"),
    ("Russian troops entered Georgia after clashes in South Ossetia near Tskhinvali.", "GE",
     "country"),
]


@pytest.mark.parametrize(("text", "country", "feature"), GEORGIA)
def test_georgia(text, country, feature):
    m = _by_text(text)["Georgia"]
    assert (m.country_code, m.feature) == (country, feature)
