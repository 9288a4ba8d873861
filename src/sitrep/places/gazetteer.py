"""The loaded gazetteer: name lookup, entry records, country names (loaded once, cached).

GeoNames data (CC BY 4.0), see ``sitrep/data/places/NOTICE``.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from . import build as _build
from .normalize import fold_name, name_key, squash

__all__ = ["Candidate", "Gazetteer", "country_name", "get_gazetteer", "lookup"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to. ``alternate``: matched by an alternate name."""

    index: int
    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str
    admin2: str
    feature: str
    population: int
    alternate: bool = False


class Gazetteer:
    """Read-only view over :class:`sitrep.places.build.GazetteerData`."""

    def __init__(self, data: _build.GazetteerData) -> None:
        self.data = data
        self._strings = data.strings.split("\n")
        self._ccs = data.ccs.split("\n")
        self.key_index = self._key_index = data.key_index
        # For each first token of a key of two tokens or more, the longest such key (in
        # tokens): the recogniser tries only n-grams that can match.
        self.longest = data.longest
        self.pairs = data.pairs  # first two tokens -> longest key they start
        # Candidate lists per key, memoised: an article asks for the same few hundred keys
        # a whole corpus uses (bounded, cleared when full).
        self._memo: dict[str, list[Candidate]] = {}
        self._skeletons: dict[tuple[str, str], tuple[list[str], list[int]] | None] = {}
        self._fuzzy_memo: dict[tuple, list[tuple[Candidate, float]]] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._key_index

    def entry(self, index: int, *, alternate: bool = False) -> Candidate:
        """The entry at ``index`` as a :class:`Candidate`."""
        d = self.data
        return Candidate(int(index), int(d.gid[index]), self._strings[d.name[index]],
                         float(d.lat[index]), float(d.lon[index]), self._ccs[d.cc[index]],
                         self._strings[d.admin1[index]], self._strings[d.admin2[index]],
                         _build.FEATURES[d.feat[index]], int(d.pop[index]), alternate)

    def by_key(self, key: str) -> list[Candidate]:
        """Entries indexed under the exact key (already :func:`name_key`-normalised).
        The list is shared: do not modify it."""
        out = self._memo.get(key)
        if out is not None:
            return out
        k = self._key_index.get(key)
        if k is None:
            out = []
        else:
            refs = self.data.refs[self.data.offsets[k]:self.data.offsets[k + 1]].tolist()
            out = [self.entry(r >> 1, alternate=bool(r & 1)) for r in refs]
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[key] = out
        return out

    def lookup(self, name: str, country_code: str | None = None) -> list[Candidate]:
        """Entries named ``name`` (any spelling the index holds), biggest first;
        restricted to ``country_code`` when given."""
        out = self.by_key(name_key(name))
        if country_code:
            out = [c for c in out if c.country_code == country_code]
        return sorted(out, key=lambda c: (c.alternate, -_RANK[c.feature], -c.population))

    def country_name(self, cc: str | None) -> str | None:
        """English short name of an ISO alpha-2 code (None when unknown)."""
        return self.data.country_names.get(cc or "")

    def demonym_country(self, key: str) -> str | None:
        """The country code a demonym ("tunisian") belongs to, '' when generic, else None."""
        return self.data.demonyms.get(key)

    def _country_skeletons(self, cc: str, initial: str) -> tuple[list[str], list[int]] | None:
        """(skeletons, entries) of one country's names starting with ``initial``; the
        builder precomputes the buckets, so the first use of one costs a split."""
        memo = (cc, initial)
        rows = self._skeletons.get(memo)
        if rows is None:
            packed = self.data.skeletons.get(cc, {}).get(initial)
            rows = (packed[0].split("\n"), packed[1].tolist()) if packed is not None else None
            self._skeletons[memo] = rows
        return rows

    def fuzzy(self, name: str, countries: list[str], *, cutoff: float = 90.0,
              limit: int = 5) -> list[tuple[Candidate, float]]:
        """Entries in ``countries`` whose spelling is close to ``name`` (transliteration
        skeleton compared with rapidfuzz), best first, with a 0..1 similarity. Memoised
        (a news stream repeats its unknown names); the list is shared: do not modify it."""
        memo = (name, tuple(countries), cutoff, limit)
        hit = self._fuzzy_memo.get(memo)
        if hit is not None:
            return hit
        if len(self._fuzzy_memo) > 20_000:
            self._fuzzy_memo.clear()
        out = self._fuzzy_memo[memo] = self._fuzzy(name, countries, cutoff, limit)
        return out

    def _fuzzy(self, name: str, countries: list[str], cutoff: float,
               limit: int) -> list[tuple[Candidate, float]]:
        from rapidfuzz import fuzz, process

        target = squash(name)
        folded = _ARTICLE.sub("", fold_name(name))
        if len(target) < 3:
            return []
        scored: dict[int, float] = {}
        for cc in countries:
            rows = self._country_skeletons(cc, target[:1])
            if not rows:
                continue
            hits = process.extract(target, rows[0], scorer=fuzz.ratio,
                                   score_cutoff=cutoff, limit=limit)
            for found, score, pos in hits:
                if abs(len(found) - len(target)) > 2:
                    continue  # a close ratio between a short and a long name is chance
                idx = rows[1][pos]
                # the skeleton forgets vowels: the spellings themselves must be close too
                other = _ARTICLE.sub("", fold_name(self._strings[self.data.name[idx]]))
                if fuzz.ratio(folded, other) < 60:
                    continue
                scored[idx] = max(scored.get(idx, 0.0), score / 100.0)
        best = sorted(scored.items(), key=lambda kv: (-kv[1], -int(self.data.pop[kv[0]])))
        return [(self.entry(i), s) for i, s in best[:limit]]


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|az|ash)[- ']")
_RANK = {"country": 5, "admin1": 4, "region": 3, "admin2": 2, "city": 1, "other": 0}
_LOCK = threading.Lock()
_GAZ: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer; builds and caches the index on first use."""
    global _GAZ
    with _LOCK:
        if _GAZ is None:
            data = _build.read()
            if data is None:
                data = _build.build()
                try:
                    _build.write(data)
                except OSError:
                    pass  # a read-only cache dir only costs a rebuild next time
            _GAZ = Gazetteer(data)
        return _GAZ


def lookup(name: str, country_code: str | None = None) -> list[Candidate]:
    """Module-level shortcut for ``get_gazetteer().lookup``."""
    return get_gazetteer().lookup(name, country_code)


def country_name(cc: str | None) -> str | None:
    """English short name of a country code, from the gazetteer."""
    return get_gazetteer().country_name(cc)

