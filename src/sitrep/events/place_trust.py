"""How far each recognised place can be trusted as an incident's place.

A report names many places that are not where anything happened: where it was filed
(the dateline), where the victim lives or was treated, the publisher's town after a
headline's "|", streets, businesses and postal addresses. :func:`place_weights` scores
every resolved place mention (by its start offset) for the frame builder; the dateline
helpers tell the assembler where a report was filed from.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..article import Article, PlaceMention
from ..nlp.lexicon import read_json
from .place_doubts import PERSON, place_doubts

__all__ = ["city_of", "dateline_span", "in_dateline", "is_dateline", "place_weights",
           "wire_dateline"]


def _patterns() -> dict[str, re.Pattern[str]]:
    raw = read_json("events", "frame_patterns.json")
    return {k: re.compile(v, re.IGNORECASE) for k, v in raw.items() if not k.startswith("_")}


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
        if len(countries) > 1 and countries[p.country_code] == 1:
            # The only place the article names in its country: in a report about places
            # elsewhere, more likely a name read as a town ("RIVERA" in San Salvador).
            w -= _ALONE_IN_COUNTRY if countries[main_country] >= 2 else 2.0
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
    if _PAT["street_after_place"].match(text, p.end) or \
            _PAT["postal_code_after_place"].match(text, p.end) or \
            _PAT["street_before_place"].search(text[max(0, p.start - 30):p.start]) or \
            _PAT["business_after_place"].match(text, p.end):
        return True
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


def city_of(p: PlaceMention, places: list[PlaceMention]) -> PlaceMention:
    """The big city a named quarter lies in, when the article names both ("Kensington"
    and "Philadelphia", "Mott Haven" and "the Bronx"): ACLED codes the city itself."""
    if p.lat is None or p.lon is None or p.feature != "city":
        return p
    best = p
    for q in places:
        if q.lat is None or q.lon is None or q.feature != "city" or q.geonameid == p.geonameid:
            continue
        # A metropolis spreads further than a town: its quarters lie farther out.
        reach = max(_PART_OF_CITY_KM, _REACH_PER_SQRT_POP * math.sqrt(q.population))
        if q.population > max(10 * p.population, 200_000) and q.country_code == p.country_code \
                and _km(p.lat, p.lon, q.lat, q.lon) < reach \
                and q.population > best.population:
            best = q
    return best


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = (lat2 - lat1) * 111.2
    dx = (lon2 - lon1) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, dy)
