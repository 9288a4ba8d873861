"""Where and when a draft event happened: its place (with ACLED's precision codes and
the article-level fallbacks) and its day.

The article's main place, its country and its dateline town are read once per article
(:func:`article_context`); each draft then takes the place its own clauses say, or the
one the article has established, and the date its clauses give.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..article import Article, DateMention, PlaceMention
from ..dates import acled_time_precision
from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated
from ..schema import Location
from .drafts import Draft, place_rank
from .frames import city_of, dateline_span, in_dateline, place_weights, wire_dateline
from .place_doubts import attributive_country
from .place_trust import (
    best_place,
    capital_said,
    nearby,
    sentence_town,
    told_town,
    town_in_county,
)

__all__ = ["PlaceContext", "article_context", "event_date", "event_place", "is_near",
           "location_of", "town_inside"]


@dataclass(slots=True)
class PlaceContext:
    """What the article has established so far, for clauses that do not say it again."""

    main_place: PlaceMention | None
    country_place: PlaceMention | None
    # The main town is said only in the dateline, in a report whose body names the
    # country or lies in another country: where the report was filed, not a scene.
    filed_from: bool = False
    # The dateline's town: what "in this capital", "here today" point to.
    dateline_town: PlaceMention | None = None


_SURE_READING = 0.5  # a resolution score below it is a doubtful reading ("Metro")
_DEICTIC = gated(re.compile(read_json("events", "frame_patterns.json")["deictic_place"],
                             re.IGNORECASE))


def article_context(article: Article, weights: dict[int, float] | None = None) -> PlaceContext:
    # ("U.S. officials said": whose, not where; it tells nothing of the report's country)
    resolved = [p for p in article.places
                if p.lat is not None and not attributive_country(article.text, p)]
    if weights is None:
        weights = place_weights(article)
    towns = [p for p in resolved if place_rank(p) >= 3 and weights.get(p.start, 0.0) >= 2.0]
    # The most trusted town, the first said on ties (the dateline's, the lead's).
    main = max(towns, key=lambda p: (weights[p.start], -p.start)) if towns else None
    span = dateline_span(article)
    body = [p for p in resolved if not in_dateline(p, span)]
    # The country the body is about: where most of its places lie (surely read ones).
    codes = Counter(p.country_code for p in body
                    if p.country_code and p.score >= _SURE_READING)
    main_cc = codes.most_common(1)[0][0] if codes else None
    countries = [p for p in resolved if p.feature == "country"]
    in_body = [p for p in countries if not in_dateline(p, span) and p.country_code == main_cc]
    country = Counter(p.geonameid for p in in_body or countries).most_common(1)[0][0] \
        if countries else None
    country_place = next((p for p in in_body or countries if p.geonameid == country), None)
    filed_from = False
    dateline_town = next((p for p in resolved if p.start == span[0] and span[1] > span[0]
                          and place_rank(p) >= 3), None)
    if main is not None and in_dateline(main, span) and not any(
            p.geonameid == main.geonameid for p in body):
        # Filed from abroad ("MADRID (SPAIN) -- ... in San Salvador"), or from the capital
        # of a country the body names while telling no town ("SAN SALVADOR -- ... the
        # army said ... in El Salvador").
        filed_from = bool(codes) and main.country_code not in codes or bool(in_body)
        # Or a wire bureau's dated dateline ("BOGOTA, 7 SEP 89 (EFE) -- MEDELLIN
        # CONTINUES TO LIVE THROUGH A WAVE OF TERROR") over a body that names another
        # town: the body tells the scene. A local station's ("GREELEY, Colo. (AP)") is
        # its own beat.
        filed_from = filed_from or wire_dateline(article, span) and any(
            not in_dateline(p, span) and p.country_code == main.country_code
            and place_rank(p) >= 4 for p in towns)
        if filed_from:
            others = [p for p in towns if not in_dateline(p, span)
                      and p.country_code == (main_cc or p.country_code)]
            main = max(others, key=lambda p: (weights[p.start], -p.start)) if others else None
    return PlaceContext(main, country_place, filed_from, dateline_town)


def event_place(draft: Draft, ctx: PlaceContext, previous: PlaceMention | None,
                 article: Article) -> tuple[PlaceMention | None, bool]:
    """The incident's place, and whether it was inferred from context rather than said
    for this incident (ACLED's geo_precision 2/3 then)."""
    place, inferred = draft.place, False
    here = ctx.dateline_town
    if here is not None and (place is None or place_rank(place) < 3) and (
            place is None or place.country_code == here.country_code) and any(
            _DEICTIC.search(article.text, f.clause.start, f.clause.end) for f in draft.frames):
        # "murdered yesterday in zone 10 of this capital", "bombs exploded here today":
        # the town the report is filed from.
        return city_of(here, article.places, article.text), False
    if place is None or draft.place_weight < 2.0:
        # No place, or only a doubtful one: the place the article has established --
        # within the country said for this incident ("kidnapped in Colombia"), if any.
        said = draft.place if draft.place is not None and draft.place.feature == "country" \
            else None
        fallback = previous or ctx.main_place
        if fallback is not None and (said is None or fallback.country_code == said.country_code):
            place, inferred = fallback, True
        elif said is not None:
            place, inferred = said, False
    if place is None or place_rank(place) < 3 or inferred:
        # The incident's own clause says "in <town>": the scene, however doubtful the
        # reading (all-capitals copy), over a region or a town of another country
        # inferred from context (a doubtful neighbourhood does not displace the
        # report's own town).
        told = told_town(article, [p for f in draft.frames for p in f.places])
        if told is not None and (place is None or place_rank(place) < 3
                                 or told.country_code != place.country_code
                                 and nearby(told, place)):
            place, inferred = told, False
    span = dateline_span(article)
    coarse = place is None or place.feature == "country"
    if coarse or inferred and place is ctx.main_place and in_dateline(place, span) \
            and wire_dateline(article, span):
        # A town said in the incident's own sentences ("Cali police announced that ...
        # bombs exploded"), over a mere country (a region said for the incident stays:
        # the town may be another incident's); a town trusted as a scene, over a wire
        # bureau's town that the incident's sentences never name ("SAN SALVADOR, 6 JUL
        # 89 -- ... on the road to La Libertad port").
        near, sure = sentence_town(article, sorted({f.sentence for f in draft.frames}))
        if near is not None and (coarse or sure and near.country_code == place.country_code):
            place, inferred = near, not sure
    if place is None or inferred or place.feature == "country":
        # "bombed the capital again early this morning": the country's largest city.
        country = place or ctx.country_place
        capital = capital_said(article, [(f.clause.start, f.clause.end) for f in draft.frames],
                               country.country_code if country is not None else None)
        if capital is not None:
            place, inferred = capital, False
    if place is None:
        # "condemned the assassination of six Jesuits in El Salvador": the country said
        # for the incident, before the one the report is about.
        place = told_town(article, [p for f in draft.frames for p in f.places], ("country",))
        inferred = False
    if place is None:
        place, inferred = ctx.country_place, True
    if place is None:
        place, inferred = best_place(article), True  # the only places are doubtful ones
    inside = town_inside(place, ctx.main_place)
    if inside is None and place is not None and place.feature == "admin2":
        inside = town_in_county(article, place)  # "Augusta woman ...", "Richmond County"
    if inside is not None:
        place, inferred = inside, True  # "in N.C.", the report filed from Fayetteville, N.C.
    if place is not None:
        place = city_of(place, article.places, article.text)  # "Kensington" -> Philadelphia
    return place, inferred


def town_inside(region: PlaceMention | None, town: PlaceMention | None) -> PlaceMention | None:
    """The article's main town when the incident's place is only the province or county
    that town lies in: the report names the region, its dateline or lead the town."""
    if region is None or town is None or region.feature not in ("admin1", "admin2", "region"):
        return None  # a country is too wide to guess the town
    if place_rank(town) <= place_rank(region):
        return None  # (the county itself: no town of it)
    if town.country_code != region.country_code:
        return None
    if town.admin1 != region.admin1 or region.feature == "admin2" and town.admin2 != region.admin2:
        return None
    return town


def event_date(draft: Draft, previous: DateMention | None,
                article: Article) -> tuple[str | None, int | None, DateMention | None]:
    if draft.date is not None:
        d = draft.date
        return d.first_day.isoformat(), acled_time_precision(d), d
    if draft.sentence_date is not None:
        d = draft.sentence_date
        return d.first_day.isoformat(), acled_time_precision(d), d
    if previous is not None:  # told after a dated incident: near that day
        return previous.first_day.isoformat(), 2, previous
    if article.anchor is not None:
        return article.anchor.isoformat(), 2, None
    return None, None, None


def is_near(draft: Draft) -> bool:
    return any(f.near for f in draft.frames if draft.place in f.places)


def location_of(place: PlaceMention | None, near: bool) -> Location | None:
    if place is None:
        return None
    rank = place_rank(place)
    precision = 1 if rank >= 4 else 2 if rank == 3 else 3
    if near and precision == 1:
        precision = 2
    return Location(name=place.name, geonameid=place.geonameid, lat=place.lat, lon=place.lon,
                    country=place.country, country_code=place.country_code,
                    admin1=place.admin1, admin2=place.admin2, geo_precision=precision)
