"""Pipeline stage "places": recognise and resolve every toponym of an article."""

from __future__ import annotations

from ..article import Article, PlaceCandidate, PlaceMention
from .gazetteer import Candidate, Gazetteer, country_name, get_gazetteer, lookup
from .normalize import name_key
from .publisher import publisher_country
from .recognize import recognise
from .resolve import resolve, round3

__all__ = ["DEMONYM_SCORE", "PlaceStage", "country_name", "get_gazetteer", "is_demonym",
           "lookup", "place_mentions"]

# A demonym ("Tunisian troops") is reported as a mention of its country with at most this
# score: it says who, more than where (LGL counts them as toponyms, GeoVirus does not).
DEMONYM_SCORE = 0.3
# the features an unresolved mention may report its pattern's hint as (a street, a slot
# guess: "other")
_KINDS = frozenset(("country", "admin1", "admin2", "city", "region", "other"))


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
    # an entry GeoNames does not number (an admin area built here) has no id, as in a mention
    return PlaceCandidate(c.name, c.geonameid if c.geonameid > 0 else None, c.lat, c.lon,
                          c.country_code or None, c.feature,
                          round3(min(1.0, max(0.0, score / 2))))


def place_mentions(text: str, gaz: Gazetteer, sentences: list | None = None, *,
                   demonyms: bool = False, home: str | None = None) -> list[PlaceMention]:
    """Every toponym of ``text`` as a filled :class:`PlaceMention`, sorted by start.

    Demonyms ("Tunisian troops") help resolve the other names (country context) but are
    not place mentions under the output contract; ``demonyms=True`` reports them as
    mentions of their country (as the LGL corpus annotates them). ``home``: the publisher's
    country when known (:func:`sitrep.places.publisher.publisher_country`), a weak prior.
    """
    tops = recognise(text, gaz, sentences)
    out: list[PlaceMention] = []
    # A name's occurrences share one Resolution: its fields and alternatives are made once
    # (each mention still gets a list of its own)
    made: dict[int, tuple] = {}
    country_of = gaz.country_name
    for t, r in zip(tops, resolve(text, tops, gaz, home), strict=True):
        hint, c = t.hint, r.best
        if c is None and (hint == "slot" or r.dropped):
            continue  # a guess in a place slot that no gazetteer entry confirms, or a
            # chance match of a far village
        if hint == "demonym" and not demonyms:
            continue
        if c is None:
            out.append(PlaceMention(t.start, t.end, text[t.start:t.end],
                                    feature=hint if hint in _KINDS else "other"))
            continue
        fields = made.get(id(r))
        if fields is None:
            feature = c.feature
            fields = made[id(r)] = (
                c.name,
                # negative ids are sitrep-made entries (admin areas, regions): no GeoNames ids
                c.geonameid if c.geonameid > 0 else None,
                c.lat, c.lon, c.country_code or None, country_of(c.country_code),
                c.admin1 or None if feature != "country" else None,
                c.admin2 or None if feature in ("admin2", "city") else None,
                feature, c.population, [_candidate(a, s) for a, s in r.alternatives])
        name, gid, lat, lon, cc, country, admin1, admin2, feature, population, alts = fields
        out.append(PlaceMention(t.start, t.end, text[t.start:t.end], name, gid, lat, lon, cc,
                                country, admin1, admin2, feature, population,
                                min(r.score, DEMONYM_SCORE) if hint == "demonym" else r.score,
                                alts[:]))
    return out


class PlaceStage:
    """Sets ``article.places`` (uses ``article.sentences`` when an earlier stage set them)."""

    name = "places"
    requires: tuple[str, ...] = ("sentences",)
    sets = ("places",)

    def __init__(self) -> None:
        self.gazetteer = get_gazetteer()
        self.countries = frozenset(self.gazetteer.data.country_names)

    def __call__(self, article: Article) -> Article:
        home = publisher_country(article.url, article.source, countries=self.countries)
        article.places = place_mentions(article.text, self.gazetteer, article.sentences,
                                        home=home)
        for m in article.places:
            if m.lat is None:
                article.diagnose(self.name, "place-unresolved",
                                 f"no gazetteer entry for {m.text!r}", m.start, m.end)
        return article
