"""Reasons to doubt that a recognised town is where an incident happened.

The place recogniser reads any capitalised name it finds in the gazetteer as a town. These
readings are common in news reports and wrong for an incident's place:

- a person's name: "Larry Henderson, 30, was found shot" (Henderson, Nevada), "the
  victim, 32-year-old Perez Walker", and every later "Henderson" of the same report; a
  word for a kind of place after a name ("EL MAYUELO CANTON": not Canton, China); a
  title written short ("LAPD Det. Dave Garrido": not Det Udom, Thailand);
- part of a group's, an outlet's or a hospital's name ("the Zarate Willka Armed Forces",
  "the Medellin cartel", "Bogota Radio Cadena Nacional", "Mount Sinai Hospital"), a
  possessive that qualifies a person or an institution ("Panama's archbishop"), another
  occasion's place ("48 hours before the drug summit in Cartagena");
- a reference point: "in Forney, east of Dallas", "in Catawba County, about an hour
  northwest of Charlotte", "near Pereira, in the coffee area, 300 km west of Bogota":
  the scene is the place before, the landmark only locates it; so does an area ("in
  suburban Detroit", "the Dallas area"), unless coordinated with another scene ("in the
  San Salvador area and mainly in Usulutan");
- a neighbourhood or homonym read in another state: "Man shot in Roseland" in a Chicago
  report (Roseland, New Jersey), "Westwood" in a Cincinnati one (Westwood, Michigan):
  a doubtful reading in a province the report never otherwise names, while it names
  another one again and again.

:func:`place_doubts` returns, per place mention start, how much trust to take away; the
frame builder subtracts it from the place's weight (see
:func:`sitrep.events.place_trust.place_weights`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache

from ..actors.persons import PersonSpan, find_persons
from ..article import Article, PlaceMention
from ..nlp.article_lower import lower_of
from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated

__all__ = ["PERSON", "REFERENCE", "UNSUPPORTED_REGION", "attributive_country", "person_names",
           "place_doubts"]

PERSON = 9.0  # a person's name is never a place
REFERENCE = 4.0  # a town said twice then falls below the trust a scene needs (2.0)
UNSUPPORTED_REGION = 5.0
# A reading this sure is kept even in an unexpected province (the resolver had evidence).
_SURE_READING = 0.6
# Surely read mentions of places in one province for it to be the report's home ground
# (a dateline alone suffices).
_HOME_SUPPORT = 2
# A city this big read in another province is most likely right ("flew in from
# Atlanta"); the homonyms that mislead are villages and neighbourhoods.
_BIG_CITY = 500_000


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = read_json("events", "frame_patterns.json")
    keys = ("person_age_after_name", "person_age_before_name", "reference_between_places",
            "distance_before_place",
            "area_before_place", "area_after_place", "nickname_around_place",
            "nickname_after_place", "person_nickname", "given_name_before_age",
            "agency_source_after_place")
    own = read_json("events", "casualty_places.json")
    # (gated: the same matches, found faster by search; see :mod:`sitrep.nlp.regex_gates`)
    return {k: gated(re.compile(raw[k], re.IGNORECASE)) for k in keys} | {
        k: gated(re.compile(own[k], re.IGNORECASE))
        for k in ("organisation_after_place", "occasion_before_place",
                  "attributive_after_country")}


@cache
def _possessive_parts() -> frozenset[str]:
    return frozenset(read_json("events", "casualty_places.json")["possessive_place_parts"])


_POSSESSIVE = re.compile(r"['\u2019][sS]((?:\s+[\w-]+){1,4})")


def _qualifier(text: str, p: PlaceMention, starts: frozenset[int]) -> bool:
    """"Panama's archbishop", "El Salvador's Jesuit curia": a possessive toponym that
    qualifies a person or an institution, not a scene (unlike "Philadelphia's
    Kensington section", "Colombia's northern Santander department", "Chicago's
    Englewood": a part of the place)."""
    m = _POSSESSIVE.match(text, p.end)
    if m is None:
        return False
    if m.start(1) + len(m.group(1)) - len(m.group(1).lstrip()) in starts:
        return False  # another place right after: "Chicago's Englewood"
    parts = _possessive_parts()
    return not any(w.lower() in parts for w in m.group(1).split())


def attributive_country(text: str, p: PlaceMention) -> bool:
    """"U.S. officials said", "the U.S. Embassy", "U.S.-made rifles": a country's name as an
    attribute of a person, a body or a thing (whose, not where)."""
    return p.feature == "country" and bool(
        _patterns()["attributive_after_country"].match(text, p.end))


@cache
def _place_type_words() -> frozenset[str]:
    return frozenset(read_json("events", "casualty_places.json")["place_type_words"])


_NAME_BEFORE = re.compile(r"[A-Z][\w'-]*\s+$")


@cache
def _titles() -> frozenset[str]:
    return frozenset(read_json("events", "casualty_places.json")["title_abbreviations"])


_NAME_AFTER_DOT = re.compile(r"\.\s+[A-Z]")


def _title(text: str, p: PlaceMention) -> bool:
    """"LAPD Det. Dave Garrido": a title written short before a name, not a toponym."""
    return p.text.lower() in _titles() and bool(_NAME_AFTER_DOT.match(text, p.end))


def _designator(text: str, p: PlaceMention) -> bool:
    """"EL MAYUELO CANTON": a word for a kind of place after a name, not a toponym."""
    return p.text.lower() in _place_type_words() and bool(
        _NAME_BEFORE.search(text, max(0, p.start - 30), p.start))


# What a text must hold for each name pattern to match anywhere in it (a cheap search
# first: most reports give no age and no nickname, and the patterns try every word).
_NEEDS = {"person_age_after_name": re.compile(r",\s*\d{1,3}\s*,"),
          "person_age_before_name": re.compile("-year-old", re.IGNORECASE),
          "person_nickname": re.compile("[\"\u201c][^\"\u201d]{1,20}[\"\u201d]")}


def person_names(article: Article, places: list[PlaceMention] | None = None) -> frozenset[str]:
    """Surnames (lower case) of the people the report names: the last word of a name
    starting at a given name or a title, and a capitalised name given with an age
    ("Henderson, 30,", "32-year-old Perez Walker"). With ``places``, only the sentences
    that can tell about them are read (see :func:`_persons`)."""
    return _names(article.text, _persons(article, places))


def _names(text: str, persons: list[PersonSpan]) -> frozenset[str]:
    """:func:`person_names` given the article's :func:`_persons`."""
    pat = _patterns()
    out = set()
    for span in persons:
        last = span.text.split()[-1]
        if len(last) > 2:
            out.add(last.lower())
    # "Bernard Snell, 45, of Westmoreland", "his son, 16-year-old James, was": a name
    # with an age is a person's (not "a 24-year-old Chicago man": a residence).
    # Larry "Boxx" Henderson: the word after a nickname is the surname.
    for key, need in _NEEDS.items():
        if need.search(text):
            out.update(m.group(1).lower() for m in pat[key].finditer(text))
    return frozenset(out)


def _persons(article: Article, places: list[PlaceMention] | None = None) -> list[PersonSpan]:
    """The people named in the article, sentence by sentence (a sentence with no given
    name or title is skipped at once, and the role fillers read the same sentences from
    ``find_persons``' cache). With ``places``, only the sentences that hold one of them
    or the word of a one-word one: a name elsewhere cannot make any of them a person."""
    text = article.text
    if not article.sentences:
        return find_persons(text)
    sentences = article.sentences
    if places is not None:
        words = {p.text.lower() for p in places if " " not in p.text}
        starts = sorted(p.start for p in places)
        lowered = lower_of(text) if words else ""
        if len(lowered) == len(text):
            sentences = [s for s in sentences
                         if bisect_left(starts, s.start) < bisect_left(starts, s.end)
                         or any(lowered.find(w, s.start, s.end) >= 0 for w in words)]
        else:  # a letter lower-casing to two shifts the offsets: lower each sentence
            sentences = [s for s in sentences
                         if bisect_left(starts, s.start) < bisect_left(starts, s.end)
                         or any(w in text[s.start:s.end].lower() for w in words)]
    return [span for s in sentences for span in find_persons(text[s.start:s.end], s.start)]


def _is_person(text: str, p: PlaceMention, names: frozenset[str],
               spans: list[tuple[int, int]]) -> bool:
    if _patterns()["given_name_before_age"].match(text, p.end):
        return True  # "India Barnes, 34,": the given name of a person with an age
    if p.feature not in ("city", "other"):
        return False  # "Lee County", "Virginia": the name of a region is a region
    if any(s <= p.start and p.end <= e for s, e in spans):
        return True
    # A nickname, or the given name before one: Eduardo "Eddy" Villagomez, Tomika
    # "Fudge" Mack.
    if text[p.end:p.end + 1] in ('"', "\u201d") and \
            _patterns()["nickname_around_place"].search(text, max(0, p.start - 30), p.start):
        return True
    if _patterns()["nickname_after_place"].match(text, p.end):
        return True
    return " " not in p.text and p.text.lower() in names


def _is_area(text: str, p: PlaceMention, after: PlaceMention | None) -> bool:
    """"suburban Detroit", "the Dallas area": the region around a city, not the city --
    unless the area is one of coordinated scenes ("kidnapped youths in the San Salvador
    area and mainly in Usulutan"): then it is where those acts happened, as the place
    after it is."""
    pat = _patterns()
    if not (pat["area_before_place"].search(text, max(0, p.start - 12), p.start)
            or pat["area_after_place"].match(text, p.end)):
        return False
    return after is None or after.start - p.end > 60 or \
        not _COORDINATED.match(text, p.end, after.start)


_COORDINATED = re.compile(read_json("events", "incident_patterns.json")["places_coordinated"],
                          re.IGNORECASE)


def _is_reference(text: str, p: PlaceMention, before: PlaceMention | None) -> bool:
    """``p`` only locates the place said just before it ("Forney, east of Dallas"), or
    the scene told before it as a distance and direction from it ("on the Pereira road,
    300 km west of Bogota")."""
    lead = text[max(0, p.start - 50):p.start].lower()
    if ("km" in lead or "kilomet" in lead or "mile" in lead) and \
            _patterns()["distance_before_place"].search(text, max(0, p.start - 50), p.start):
        return True
    if before is None or p.start - before.end > 60:
        return False
    return bool(_patterns()["reference_between_places"].fullmatch(text, before.end, p.start))


def _home_region(resolved: list[PlaceMention], dateline: PlaceMention | None,
                 ) -> tuple[str | None, Counter[str]]:
    """The province the report is about (its dateline's, else where most of its places
    lie) and how many place mentions each province has."""
    support: Counter[str] = Counter(f"{p.country_code}/{p.admin1}" for p in resolved
                                    if p.admin1 and p.feature != "country")
    if dateline is not None and dateline.admin1:
        return f"{dateline.country_code}/{dateline.admin1}", support
    # Without a dateline, the province of most surely read places, said again.
    sure = Counter(f"{p.country_code}/{p.admin1}" for p in resolved
                   if p.admin1 and p.feature != "country" and p.score >= _SURE_READING)
    top = sure.most_common(2)
    if not top or top[0][1] < _HOME_SUPPORT or len(top) == 2 and top[0][1] == top[1][1]:
        return None, support
    return top[0][0], support


def _local(resolved: list[PlaceMention], home: str) -> bool:
    """A local report: every surely read town or province of its country lies in the
    home province ("Chicago ... Oak Lawn, Illinois"). A report ranging over a country's
    provinces ("clashes in San Miguel ... in Morazan department") names them all."""
    cc = home.split("/", 1)[0]
    return all(f"{p.country_code}/{p.admin1}" == home for p in resolved
               if p.country_code == cc and p.feature != "country"
               and p.score >= _SURE_READING)


def place_doubts(article: Article, resolved: list[PlaceMention],
                 dateline: PlaceMention | None, *, wire: bool = False) -> dict[int, float]:
    """Trust to take away from each resolved place mention (by start offset); mentions
    with no doubt are left out. ``resolved`` is in text order; ``dateline`` is the
    report's dateline town, never doubted; ``wire``: the dateline is a wire bureau's,
    whose reports range over a whole region (no home province then)."""
    text = article.text
    persons = _persons(article, resolved)
    names = _names(text, persons)
    spans = [(s.start, s.end) for s in persons]
    home, support = _home_region(resolved, dateline)
    # In all-capitals copy every name is an equally doubtful reading: the score tells
    # nothing about a neighbourhood read in another province.
    if home is not None and (wire or text.isupper() or not _local(resolved, home)):
        home = None
    by_place = Counter(p.geonameid for p in resolved)
    out: dict[int, float] = {}
    before: PlaceMention | None = None
    starts = frozenset(p.start for p in article.places)
    for i, p in enumerate(resolved):
        doubt = 0.0
        after = resolved[i + 1] if i + 1 < len(resolved) else None
        if p is not dateline:
            if _is_person(text, p, names, spans) or _designator(text, p) or _title(text, p) \
                    or attributive_country(text, p):
                doubt = PERSON  # (an attributive country is no place of the story either)
            elif _is_reference(text, p, before) or _is_area(text, p, after) or \
                    _patterns()["agency_source_after_place"].match(text, p.end) or \
                    _patterns()["organisation_after_place"].match(text, p.end) or \
                    _patterns()["occasion_before_place"].search(text, max(0, p.start - 80),
                                                                p.start) or \
                    _qualifier(text, p, starts):
                # ("Santa Maria police said the man found dead near Carpinteria ...": the
                # agency that tells, not the scene; "the Zarate Willka Armed Forces of
                # Liberation", "the Medellin cartel": part of a group's name; "before the
                # drug summit in Cartagena": another occasion's place.)
                doubt = REFERENCE
            elif home is not None and p.feature in ("city", "other") \
                    and p.score < _SURE_READING and p.admin1 \
                    and p.population < _BIG_CITY:
                region = f"{p.country_code}/{p.admin1}"
                # Its province is said only through this very place, while the report's
                # home province is said again and again.
                if region != home and region.split("/", 1)[0] == home.split("/", 1)[0] \
                        and support[region] <= by_place[p.geonameid]:
                    doubt = UNSUPPORTED_REGION
        if doubt:
            out[p.start] = doubt
        before = p
    return out
