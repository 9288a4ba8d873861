"""Which mentions of a place tell a casualty scene: the doubts and helpers of
``place_doubts`` and ``place_trust``, on passages and places written for these tests."""

from __future__ import annotations

import pytest

from sitrep.article import Article, PlaceMention
from sitrep.events.place_doubts import PERSON, REFERENCE, place_doubts
from sitrep.events.place_trust import capital_said, city_of, nearby, place_weights, told_town
from sitrep.nlp.sentences import split_sentences


def _article(text: str, names: dict[str, tuple[str, str, float, float, int]]) -> Article:
    """An article whose places are every occurrence of ``names`` (text -> feature,
    country code, lat, lon, population)."""
    places = []
    for name, (feature, cc, lat, lon, pop) in names.items():
        start = text.find(name)
        while start >= 0:
            places.append(PlaceMention(start, start + len(name), name, name=name.title(),
                                       geonameid=hash(name) % 10_000, lat=lat, lon=lon,
                                       country_code=cc, admin1="A", feature=feature,
                                       population=pop, score=0.8))
            start = text.find(name, start + 1)
    places.sort(key=lambda p: p.start)
    return Article(id="t", text=text, sentences=split_sentences(text), places=places)


# (text, places, the mention's text, its occurrence, expected doubt)
DOUBT_ROWS = [
    # A possessive that qualifies a person or an institution.
    ("Panama's archbishop condemned the killings.",
     {"Panama": ("country", "PA", 9.0, -79.5, 0)}, "Panama", 0, REFERENCE),
    ("Kenya's foreign minister visited the wounded.",
     {"Kenya": ("country", "KE", 0.0, 38.0, 0)}, "Kenya", 0, REFERENCE),
    # ... not one that names a part of the place.
    ("A man was shot in Philadelphia's Kensington section.",
     {"Philadelphia": ("city", "US", 40.0, -75.1, 1_500_000)}, "Philadelphia", 0, 0.0),
    ("Rebels attacked a post in Colombia's northern Santander department.",
     {"Colombia": ("country", "CO", 4.0, -73.0, 0)}, "Colombia", 0, 0.0),
    # A toponym inside a group's name.
    ("Gunmen of the Zarate Willka Armed Forces of Liberation claimed the attack.",
     {"Zarate": ("city", "AR", -34.1, -59.0, 100_000)}, "Zarate", 0, REFERENCE),
    ("Leaders of the Medellin cartel ordered the bombing.",
     {"Medellin": ("city", "CO", 6.2, -75.6, 2_500_000)}, "Medellin", 0, REFERENCE),
    # ... but the same town said as a town stays trusted.
    ("Leaders of the Medellin cartel ordered the bombing. It exploded in Medellin.",
     {"Medellin": ("city", "CO", 6.2, -75.6, 2_500_000)}, "Medellin", 1, 0.0),
    # A word for a kind of place after a name: no toponym of its own.
    ("TROOPS KILLED FOUR PEASANTS AT EL MAYUELO CANTON, MORAZAN DEPARTMENT.",
     {"CANTON": ("city", "CN", 23.1, 113.3, 11_000_000)}, "CANTON", 0, PERSON),
    # A title written short before a name; a hospital's name.
    ("The gunman fled on foot, LAPD Det. Dave Garrido said.",
     {"Det": ("city", "TH", 14.9, 105.1, 20_000)}, "Det", 0, PERSON),
    ("He was taken in serious condition to Mount Sinai Hospital.",
     {"Mount Sinai": ("city", "US", 40.9, -73.0, 12_000)}, "Mount Sinai", 0, REFERENCE),
    ("Protesters marched through Canton on Sunday.",
     {"Canton": ("city", "US", 40.8, -81.4, 70_000)}, "Canton", 0, 0.0),
    # A country's name as an attribute (whose, not where): no place of the story.
    ("Gunmen fired on a U.S. Embassy vehicle on Monday, killing two guards.",
     {"U.S.": ("country", "US", 39.8, -98.6, 0)}, "U.S.", 0, PERSON),
    ("Two French soldiers died in Mali, the French army and Malian officials said.",
     {"Mali": ("country", "ML", 17.0, -4.0, 0)}, "Mali", 0, 0.0),
    ("The rebels used Russia-made rifles and Iran-backed advisers, Iraq officials said.",
     {"Russia": ("country", "RU", 60.0, 100.0, 0)}, "Russia", 0, PERSON),
    ("Kenya troops crossed into Somalia overnight.",
     {"Kenya": ("country", "KE", 0.0, 38.0, 0), "Somalia": ("country", "SO", 6.0, 48.0, 0)},
     "Kenya", 0, PERSON),
    # ... a country said as a place keeps its trust, whatever follows later
    ("Kenya troops crossed into Somalia overnight.",
     {"Kenya": ("country", "KE", 0.0, 38.0, 0), "Somalia": ("country", "SO", 6.0, 48.0, 0)},
     "Somalia", 0, 0.0),
    ("Fighting resumed in Yemen, government forces said.",
     {"Yemen": ("country", "YE", 15.5, 47.5, 0)}, "Yemen", 0, 0.0),
    # ... and a town is never an attribute this way ("Kabul residents" live there)
    ("Kabul residents heard two blasts on Friday.",
     {"Kabul": ("city", "AF", 34.5, 69.2, 3_000_000)}, "Kabul", 0, 0.0),
]


@pytest.mark.parametrize(("text", "names", "mention", "nth", "doubt"), DOUBT_ROWS,
                         ids=[r[0][:40] for r in DOUBT_ROWS])
def test_place_doubt(text, names, mention, nth, doubt):
    article = _article(text, names)
    p = [q for q in article.places if q.text == mention][nth]
    assert place_doubts(article, article.places, None).get(p.start, 0.0) == doubt


@pytest.mark.parametrize(("text", "told"), [
    ("ELEVEN PEOPLE DIED IN SAN SALVADOR YESTERDAY.", "SAN SALVADOR"),
    ("The attack took place near the town of Perquin.", "Perquin"),
    ("The convoy was ambushed at Perquin.", "Perquin"),
    ("The road to Perquin was closed after the ambush.", None),  # no locative
])
def test_told_town(text, told):
    names = {"SAN SALVADOR": ("city", "SV", 13.7, -89.2, 525_000),
             "Perquin": ("city", "SV", 13.96, -88.16, 3_000)}
    article = _article(text, names)
    found = told_town(article, article.places)
    assert (found.text if found else None) == told


@pytest.mark.parametrize(("text", "capital"), [
    ("THE AIR FORCE BOMBED THE CAPITAL AGAIN. SAN SALVADOR AND SAN MIGUEL WERE CALM.",
     "SAN SALVADOR"),
    ("Rebels shelled the outskirts of the capital. San Salvador and San Miguel were calm.",
     "San Salvador"),
    # Not "capital punishment", not "the capital of the province".
    ("He faces capital punishment for the murders in San Salvador and San Miguel.", None),
    ("Troops entered the capital of the province; San Salvador and San Miguel were calm.",
     None),
])
def test_capital_said(text, capital):
    names = {"SAN SALVADOR": ("city", "SV", 13.7, -89.2, 525_000),
             "SAN MIGUEL": ("city", "SV", 13.48, -88.18, 180_000),
             "San Salvador": ("city", "SV", 13.7, -89.2, 525_000),
             "San Miguel": ("city", "SV", 13.48, -88.18, 180_000)}
    article = _article(text, names)
    found = capital_said(article, [(0, len(text))], "SV")
    assert (found.text if found else None) == capital


@pytest.mark.parametrize(("text", "capital"), [
    # The capital named in the article, not the bigger city.
    ("Gunmen attacked a market in the capital. Lagos and Abuja were placed on alert.", "Abuja"),
    ("A car bomb went off in the capital, officials in Abuja said; Lagos was calm.", "Abuja"),
    # The capital not named: the largest city, if big enough.
    ("Protesters marched in the capital; police in Lagos and Kano said.", "Lagos"),
])
def test_capital_said_prefers_the_named_capital(text, capital):
    names = {"Lagos": ("city", "NG", 6.45, 3.39, 9_000_000),
             "Abuja": ("city", "NG", 9.06, 7.49, 590_000),
             "Kano": ("city", "NG", 12.0, 8.52, 3_600_000)}
    article = _article(text, names)
    found = capital_said(article, [(0, len(text))], "NG")
    assert (found.text if found else None) == capital


@pytest.mark.parametrize(("a", "b", "near"), [
    ((13.7, -89.2), (14.1, -87.2), True),     # San Salvador, Tegucigalpa
    ((13.7, -89.2), (9.93, -84.08), True),    # San Salvador, San Jose (Costa Rica)
    ((52.5, 13.4), (13.6, -88.4), False),     # Berlin (Germany), Usulutan
])
def test_nearby(a, b, near):
    p = PlaceMention(0, 1, "p", lat=a[0], lon=a[1])
    q = PlaceMention(0, 1, "q", lat=b[0], lon=b[1])
    assert nearby(p, q) is near


def _town(text: str, name: str, admin2: str | None, lat: float, lon: float, pop: int,
          gid: int) -> PlaceMention:
    start = text.find(name)
    return PlaceMention(start, start + len(name), name, name=name, geonameid=gid, lat=lat,
                        lon=lon, country_code="US", admin1="XX", admin2=admin2,
                        feature="city", population=pop, score=0.8)


# (text, the small town: name, county, lat, lon, population; the big city likewise;
#  expected name). Coordinates are made up a few km apart; populations are realistic.
CITY_OF_ROWS = [
    # A quarter (no county of its own in the gazetteer, or the city's) folds into the city.
    ("A man was shot in Riverside Heights, a Northport neighborhood.",
     ("Riverside Heights", None, 41.00, -87.00, 30_000),
     ("Northport", "Lake County", 41.05, -87.05, 2_000_000), "Northport"),
    ("Two teens were wounded in Elm Park on the Northport south side.",
     ("Elm Park", "Lake County", 41.00, -87.00, 60_000),
     ("Northport", "Lake County", 41.05, -87.05, 2_000_000), "Northport"),
    # A town of another county is a suburb, not a quarter.
    ("A teen was found shot on a bike path in Millbrook, just north of Northport.",
     ("Millbrook", "Essex County", 41.00, -87.00, 45_000),
     ("Northport", "Lake County", 41.05, -87.05, 2_000_000), "Millbrook"),
    # A town with its own police, fire department, mayor or council is a city of its own.
    ("A woman was killed in Oakdale, and Oakdale police are looking for the driver. "
     "Northport detectives are assisting.",
     ("Oakdale", "Lake County", 41.00, -87.00, 110_000),
     ("Northport", "Lake County", 41.05, -87.05, 2_000_000), "Oakdale"),
    ("The Oakdale Police Department received calls about shots fired near Northport Road.",
     ("Oakdale", "Lake County", 41.00, -87.00, 110_000),
     ("Northport", "Lake County", 41.05, -87.05, 2_000_000), "Oakdale"),
    ("Oakdale Mayor Ann Lee said the shooting in Oakdale shocked Northport as well.",
     ("Oakdale", "Lake County", 41.00, -87.00, 110_000),
     ("Northport", "Lake County", 41.05, -87.05, 2_000_000), "Oakdale"),
    # ... not a police station or division named after a quarter.
    ("Officers from the Elm Park police station in Northport found the victim in Elm Park.",
     ("Elm Park", "Lake County", 41.00, -87.00, 60_000),
     ("Northport", "Lake County", 41.05, -87.05, 2_000_000), "Northport"),
]


@pytest.mark.parametrize(("text", "small", "big", "expected"), CITY_OF_ROWS,
                         ids=[r[0][:40] for r in CITY_OF_ROWS])
def test_city_of(text, small, big, expected):
    p = _town(text, *small, gid=1)
    q = _town(text, *big, gid=2)
    places = sorted([p, q], key=lambda m: m.start)
    assert city_of(p, places, text).name == expected


def test_city_of_without_text_keeps_folding():
    text = "Oakdale police said a man was shot in Oakdale, near Northport."
    p = _town(text, "Oakdale", "Lake County", 41.00, -87.00, 110_000, gid=1)
    q = _town(text, "Northport", "Lake County", 41.05, -87.05, 2_000_000, gid=2)
    assert city_of(p, [p, q]).name == "Northport"


# (text, places, the mention, expected: trusted as a scene (weight >= 2.0))
LONE_ROWS = [
    # A name read as the only place of another country, said twice: no likelier a town.
    ("Two men were shot near Harlow Race Course. The Race Course was closed. Police in "
     "Brandon and Milford are investigating; Brandon detectives said more later.",
     {"Race Course": ("city", "JM", 18.0, -77.0, 5_000),
      "Brandon": ("city", "US", 39.0, -76.0, 600_000),
      "Milford": ("city", "US", 39.1, -76.1, 20_000)}, "Race Course", False),
    # ... while a town of the report's own country said twice stays trusted.
    ("Two men were shot in Milford. Milford police and Brandon detectives said more later.",
     {"Brandon": ("city", "US", 39.0, -76.0, 600_000),
      "Milford": ("city", "US", 39.1, -76.1, 20_000),
      "Kingston": ("city", "JM", 18.0, -76.8, 600_000)}, "Milford", True),
    # ... and so does a report's only town abroad, said twice, in a report about it.
    ("Gunmen killed three people in Kingston. Kingston police blamed a gang; the US "
     "embassy in Kingston and officials in Brandon condemned it.",
     {"Kingston": ("city", "JM", 18.0, -76.8, 600_000),
      "Brandon": ("city", "US", 39.0, -76.0, 600_000)}, "Kingston", True),
]


@pytest.mark.parametrize(("text", "names", "mention", "trusted"), LONE_ROWS,
                         ids=[r[0][:40] for r in LONE_ROWS])
def test_lone_place_abroad_said_twice(text, names, mention, trusted):
    article = _article(text, names)
    p = next(q for q in article.places if q.text == mention)
    assert (place_weights(article)[p.start] >= 2.0) is trusted
