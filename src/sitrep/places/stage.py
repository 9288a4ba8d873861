"""Pipeline stage "places": recognise and resolve every toponym of an article."""

from __future__ import annotations

from ..article import Article, PlaceCandidate, PlaceMention
from .gazetteer import Candidate, Gazetteer, country_name, get_gazetteer, lookup
from .normalize import name_key
from .recognize import recognise
from .resolve import resolve

__all__ = ["DEMONYM_SCORE", "PlaceStage", "country_name", "get_gazetteer", "is_demonym",
           "lookup", "place_mentions"]

# A demonym ("Tunisian troops") is reported as a mention of its country with at most this
# score: it says who, more than where (LGL counts them as toponyms, GeoVirus does not).
DEMONYM_SCORE = 0.3


def is_demonym(mention: PlaceMention) -> bool:
    """Whether ``mention`` is a demonym ("Tunisian", "Sri Lankans") standing for its country."""
    gaz = get_gazetteer()
    key = name_key(mention.text)
    cc = gaz.demonym_country(key)
    if cc is None and key.endswith("s"):
        cc = gaz.demonym_country(key[:-1])
    if cc is None:
        cc = gaz.demonym_country(key.split(" ", 1)[0])
    return bool(cc) and mention.feature == "country"


def _candidate(c: Candidate, score: float) -> PlaceCandidate:
    return PlaceCandidate(c.name, max(c.geonameid, 0), c.lat, c.lon, c.country_code or None,
                          c.feature, round(min(1.0, max(0.0, score / 2)), 3))


def place_mentions(text: str, gaz: Gazetteer, sentences: list | None = None, *,
                   demonyms: bool = False) -> list[PlaceMention]:
    """Every toponym of ``text`` as a filled :class:`PlaceMention`, sorted by start.

    Demonyms ("Tunisian troops") help resolve the other names (country context) but are
    not place mentions under the output contract; ``demonyms=True`` reports them as
    mentions of their country (as the LGL corpus annotates them).
    """
    tops = recognise(text, gaz, sentences)
    out: list[PlaceMention] = []
    for t, r in zip(tops, resolve(text, tops, gaz), strict=True):
        if t.hint == "slot" and r.best is None:
            continue  # a guess in a place slot that no gazetteer entry confirms
        if t.hint == "demonym" and not demonyms:
            continue
        m = PlaceMention(t.start, t.end, text[t.start:t.end],
                         feature=t.hint if t.hint and t.hint != "slot" else "other")
        c = r.best
        if c is not None:
            m.name, m.lat, m.lon = c.name, c.lat, c.lon
            # negative ids are sitrep-made entries (admin areas, regions): not GeoNames ids
            m.geonameid = c.geonameid if c.geonameid > 0 else None
            m.country_code = c.country_code or None
            m.country = gaz.country_name(c.country_code)
            m.admin1 = c.admin1 or None if c.feature != "country" else None
            m.admin2 = c.admin2 or None if c.feature in ("admin2", "city") else None
            m.feature, m.population, m.score = c.feature, c.population, r.score
            if t.hint == "demonym":
                m.score = min(m.score, DEMONYM_SCORE)
            m.alternatives = [_candidate(a, s) for a, s in r.alternatives]
        out.append(m)
    return out


class PlaceStage:
    """Sets ``article.places`` (uses ``article.sentences`` when an earlier stage set them)."""

    name = "places"
    requires: tuple[str, ...] = ("sentences",)
    sets = ("places",)

    def __init__(self) -> None:
        self.gazetteer = get_gazetteer()

    def __call__(self, article: Article) -> Article:
        article.places = place_mentions(article.text, self.gazetteer, article.sentences)
        for m in article.places:
            if m.lat is None:
                article.diagnose(self.name, "place-unresolved",
                                 f"no gazetteer entry for {m.text!r}", m.start, m.end)
        return article
