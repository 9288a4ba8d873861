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
from collections import Counter, defaultdict
from dataclasses import dataclass

from .gazetteer import Candidate, Gazetteer
from .normalize import TOKEN
from .recognize import Toponym

__all__ = ["Resolution", "resolve"]


@dataclass(slots=True)
class Resolution:
    """The chosen candidate (None: unresolved), its 0..1 score, and the runners-up."""

    best: Candidate | None
    score: float
    alternatives: list[tuple[Candidate, float]]


_BASE = {"country": 1.3, "admin1": 1.0, "region": 1.1, "admin2": 0.6}
_CONTAIN_GAP = re.compile(r"\s*,\s*|\s+(?:in|near|outside|of)\s+(?:the\s+)?")
_CAPWORD = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?")
_AREA = ("country", "admin1", "admin2")


def _prior(c: Candidate, hint: str | None) -> float:
    base = _BASE.get(c.feature)
    if base is None:  # city
        base = 0.15 + 0.12 * math.log10(c.population + 1)
    if c.alternate:
        base -= 0.2
    if hint and (hint == c.feature or (hint == "admin2" and c.feature == "admin1")):
        base += 0.2
    return base


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


class _Scorer:
    """Scores candidates of one article; ``context`` maps country code -> weight of the
    evidence the article's other names give it."""

    def __init__(self, cands: dict[str, list[Candidate]], hints: dict[str, str | None],
                 contain: dict[str, list[str]], contained: dict[str, list[str]]) -> None:
        self.cands, self.hints, self.contain, self.contained = cands, hints, contain, contained
        self.context: dict[str, Counter] = {}
        self.admin1: dict[str, dict[tuple[str, str], int]] = {}
        self.anchors: dict[str, dict[str, list[tuple[float, float]]]] = {}
        self.big_names = {k for k, cs in cands.items()
                          if any(c.feature in ("country", "admin1") and not c.alternate
                                 for c in cs)}

    def set_evidence(self, chosen: dict[str, Candidate], weights: dict[str, float],
                     demonyms: Counter) -> None:
        """Country/admin1 context and anchors per key, from the other keys' choices."""
        total: Counter = Counter(demonyms)
        per_key: dict[str, tuple[str, float]] = {}
        admin1: Counter = Counter()
        for key, c in chosen.items():
            w = weights[key]
            if c.country_code:
                total[c.country_code] += w
                per_key[key] = (c.country_code, w)
            if c.feature == "admin1":
                admin1[(c.country_code, c.admin1)] += 3  # named: strong evidence
            elif c.feature in ("admin2", "city") and c.admin1:
                admin1[(c.country_code, c.admin1)] += 1
        for key in self.cands:
            own = per_key.get(key)
            ctx = total.copy()
            if own:
                ctx[own[0]] -= own[1]
            self.context[key] = ctx
            mine = chosen.get(key)
            own_a1 = (mine.country_code, mine.admin1) if mine is not None else None
            own_w = 3 if mine is not None and mine.feature == "admin1" else 1
            self.admin1[key] = {a: n - (own_w if a == own_a1 else 0)
                                for a, n in admin1.items()}
            near: dict[str, list[tuple[float, float]]] = defaultdict(list)
            for k, c in chosen.items():
                if k != key and c.feature in ("city", "admin2", "other"):
                    near[c.country_code].append((c.lat, c.lon))
            self.anchors[key] = near

    def score(self, key: str, c: Candidate) -> float:
        s = _prior(c, self.hints.get(key))
        if c.feature == "city" and key in self.big_names:
            s -= 0.25  # "Oregon", "Kansas": the town named after the state is rarely meant
        ctx = self.context.get(key)
        if ctx and c.country_code:
            weight = ctx.get(c.country_code, 0.0)
            if weight > 0:
                top = max(ctx.values())
                s += 0.15 + (0.15 if weight >= top else 0.05 * weight / top)
        if c.feature not in ("country", "admin1"):
            n = self.admin1[key].get((c.country_code, c.admin1), 0) if key in self.admin1 else 0
            s += 0.35 if n >= 3 else 0.1 if n > 0 else 0.0
        for other in self.contain.get(key, ()):
            if any(_inside(c, y) for y in self.cands[other] if y.feature in _AREA):
                s += 0.6
                break
        if c.feature in _AREA:
            for other in self.contained.get(key, ()):
                if any(_inside(x, c) for x in self.cands[other]):
                    s += 0.4
                    break
        anchors = self.anchors.get(key)
        if anchors and c.feature not in ("country", "region", "admin1"):
            # only places of the same country count; a flat-earth distance is enough here
            pts = anchors.get(c.country_code)
            if pts:
                k = math.cos(math.radians(c.lat))
                near = 111.2 * math.sqrt(min((la - c.lat) ** 2 + ((lo - c.lon) * k) ** 2
                                             for la, lo in pts))
                s += 0.2 if near < 50 else 0.1 if near < 150 else 0.05 if near < 400 else 0.0
        return s


def resolve(text: str, tops: list[Toponym], gaz: Gazetteer) -> list[Resolution]:
    """One :class:`Resolution` per toponym, in the same order."""
    cands: dict[str, list[Candidate]] = {}
    hints: dict[str, str | None] = {}
    for t in tops:
        if t.key in cands:
            continue
        found = gaz.by_key(t.key)
        if t.country:
            found = [c for c in found if c.country_code == t.country]
        cands[t.key] = found
        hints[t.key] = t.hint if t.hint != "slot" else None
    demonyms = _demonyms(text, gaz)

    # Pass 0: each name's best candidate by its prior alone gives the first context.
    contain: dict[str, list[str]] = defaultdict(list)
    contained: dict[str, list[str]] = defaultdict(list)
    for a, b in zip(tops, tops[1:], strict=False):
        if a.key != b.key and _CONTAIN_GAP.fullmatch(text, a.end, b.start):
            contain[a.key].append(b.key)
            contained[b.key].append(a.key)
    scorer = _Scorer(cands, hints, contain, contained)
    chosen: dict[str, Candidate] = {}
    weights: dict[str, float] = {}
    for key, cs in cands.items():
        if cs:
            chosen[key] = max(cs, key=lambda c, h=hints[key]: _prior(c, h))
            weights[key] = 1.0 / len({c.country_code for c in cs})
    scorer.set_evidence(chosen, weights, demonyms)

    # Names the index lacks: fuzzy match inside the countries the article is about.
    for key in cands:
        if not cands[key] and len(key) > 3:
            ctx = [cc for cc, w in (demonyms + Counter(
                {k: v for k, v in scorer.context[key].items() if v > 0})).most_common(3)]
            if ctx:
                cands[key] = [c for c, _ in gaz.fuzzy(key, ctx)][:3]

    # Passes 1 and 2: choose with context, then again with the chosen places as anchors.
    for _ in range(2):
        chosen = {}
        for key, cs in cands.items():
            if cs:
                chosen[key] = cs[0] if len(cs) == 1 else max(
                    cs, key=lambda c, k=key: scorer.score(k, c))
                weights[key] = 1.0
        scorer.set_evidence(chosen, weights, demonyms)

    results: dict[str, Resolution] = {}
    for key, cs in cands.items():
        if not cs:
            results[key] = Resolution(None, 0.0, [])
            continue
        ranked = sorted(((c, scorer.score(key, c)) for c in cs), key=lambda cs_: -cs_[1])
        best, s1 = ranked[0]
        s2 = ranked[1][1] if len(ranked) > 1 else 0.0
        margin = (s1 - s2) / s1 if s1 > 0 else 0.0
        conf = max(0.0, min(1.0, 0.45 * min(1.0, s1 / 1.2) + 0.55 * margin))
        if len(ranked) == 1:
            conf = max(conf, min(1.0, 0.5 + 0.4 * s1))
        alts = [(c, s) for c, s in ranked[1:4]] if conf < 0.8 else []
        results[key] = Resolution(best, round(conf, 3), alts)
    return [results[t.key] for t in tops]
