"""The loaded gazetteer: name lookup, entry records, country names (loaded once, cached).

GeoNames data (CC BY 4.0), see ``sitrep/data/places/NOTICE``.
"""

from __future__ import annotations

import math
import re
import struct
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

import numpy as np

from . import build as _build
from .normalize import fold_name, name_key, squash

__all__ = ["Candidate", "Gazetteer", "country_name", "get_gazetteer", "lookup"]


# Not frozen: a frozen dataclass's __init__ costs ~1.3 us against ~0.2 us, and an article's
# unseen names make a few dozen. Treat instances as read-only (they are shared by memos);
# unsafe_hash keeps them hashable by value as a frozen one was.
@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    """One gazetteer entry a name may refer to. ``alternate``: matched by an alternate name.
    Read-only by convention (memoised lists share instances)."""

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


@dataclass(slots=True)
class _Bucket:
    """One country's name skeletons starting with one letter, sorted by length (stably:
    in entry order within a length) and joined by newlines, with their entries; the
    skeletons of lengths ``L..M`` are ``joined[chars[L]:chars[M + 1] - 1]``, entries
    ``entries[starts[L]:starts[M + 1]]``."""

    joined: str
    entries: np.ndarray
    starts: list[int]
    chars: list[int]
    # length -> its skeletons, split on first use: a bucket of a country the news is
    # about is asked again and again, mostly for the same few lengths
    by_length: dict[int, list[str]] = field(default_factory=dict)

    def span(self, lo: int, hi: int) -> tuple[list[str], int]:
        """The skeletons of lengths ``lo..hi`` and the position of the first one."""
        starts = self.starts
        top = len(starts) - 2  # the longest length present
        lo, hi = max(lo, 0), min(hi, top)
        if lo > hi:
            return [], 0
        a, b = starts[lo], starts[hi + 1]
        if a >= b:
            return [], a
        out: list[str] = []
        for length in range(lo, hi + 1):
            part = self.by_length.get(length)
            if part is None:
                part = self.by_length[length] = self.joined[
                    self.chars[length]:self.chars[length + 1] - 1].split("\n") if (
                    starts[length + 1] > starts[length]) else []
            out += part
        return out, a


class _Pairs(Mapping[str, int]):
    """The first two tokens of multi-token keys ("new york") -> the longest key (in tokens)
    they start: a read-only view of the nested table ``GazetteerData.follow``."""

    def __init__(self, follow: dict[str, dict[str, int]]) -> None:
        self._follow = follow

    def __getitem__(self, pair: str) -> int:
        first, _, second = pair.partition(" ")
        return self._follow.get(first, {})[second]

    def __iter__(self) -> Iterator[str]:
        return (f"{a} {b}" for a, seconds in self._follow.items() for b in seconds)

    def __len__(self) -> int:
        return sum(map(len, self._follow.values()))


class Gazetteer:
    """Read-only view over :class:`sitrep.places.build.GazetteerData`."""

    def __init__(self, data: _build.GazetteerData) -> None:
        self.data = data
        self._strings = data.strings.split("\n")
        self._ccs = data.ccs.split("\n")
        self.key_index = self._key_index = data.key_index
        # The entry columns as one record array (~12 MB, 7 ms): ``item(i)`` reads a whole
        # entry as Python values from one cache line, ~5x cheaper than nine column reads
        # on an unseen name (where the columns are not in the CPU cache).
        self._rows = np.rec.fromarrays((data.gid, data.name, data.lat, data.lon, data.cc,
                                        data.admin1, data.admin2, data.feat,
                                        data.pop)).view(np.ndarray)
        # ``read(buf, i * size)`` is ``item(i)``: a struct over the records' bytes builds
        # the same Python values at about half the cost (an unseen name reads a few dozen)
        self._read, self._buf, self._size = _row_reader(self._rows)
        # For each first token of a key of two tokens or more, the longest such key (in
        # tokens): the recogniser tries only n-grams that can match.
        self.longest = data.longest
        self.follow = data.follow  # first token -> second token -> longest key they start
        self.pairs = _Pairs(data.follow)  # "first second" -> the same
        # first words of two-word demonyms ("sri" of "sri lankan")
        self.demonym_heads = frozenset(k.split(" ", 1)[0] for k in data.demonyms if " " in k)
        # every word extra_names.demonym_like() allows: a two-word demonym's first word, a
        # demonym of a country, or the plural of one that is no entry of its own (the
        # recogniser asks it of every new capitalised word: one set lookup, no calls)
        table = data.demonyms
        self.demonym_words = self.demonym_heads | frozenset(
            k for k, cc in table.items() if cc) | frozenset(
            k + "s" for k, cc in table.items() if cc and k + "s" not in table)
        # Per key: bit 1 if an entry is a country or admin1 (alternates too), bit 2 if a
        # non-alternate entry is a country or an admin1 of over a million people. The
        # recogniser asks this of many names it then drops (surnames, acronyms): read here,
        # no candidate list is made for them (~1 us an entry, more on a cold cache).
        self._flags = _key_flags(data)
        # The recogniser's memo over those tables (see recognize._gazetteer_names): word
        # -> 1 if a key | 2 if it starts a longer key | 4 if it may be a demonym.
        self.first_info: dict[str, int] = {}
        # Candidate lists per key, memoised: an article asks for the same few hundred keys
        # a whole corpus uses (bounded, cleared when full).
        self._memo: dict[str, list[Candidate]] = {}
        self._skeletons: dict[tuple[str, str], _Bucket | None] = {}
        self._fuzzy_memo: dict[tuple, list[tuple[Candidate, float]]] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._key_index

    def place_like(self, key: str) -> bool:
        """Whether an entry of ``key`` is a country or first-level area (alternate names
        too): what ``any(c.feature in ("country", "admin1") for c in by_key(key))`` says."""
        k = self._key_index.get(key)
        return k is not None and bool(self._flags[k] & 1)

    def big_area(self, key: str) -> bool:
        """Whether ``key`` names (not as an alternate name) a country or a first-level area
        of over a million people."""
        k = self._key_index.get(key)
        return k is not None and bool(self._flags[k] & 2)

    def small_towns(self, key: str) -> bool:
        """Whether every entry of ``key`` (alternate names too) is a town or other spot of
        under 100,000 people (True when there is none): what ``all(c.feature in ("city",
        "other") and c.population < 100_000 for c in by_key(key))`` says, with no
        candidate list made (the recogniser asks it of names it may then drop)."""
        k = self._key_index.get(key)
        return k is None or not self._flags[k] & 4

    def entry(self, index: int, *, alternate: bool = False) -> Candidate:
        """The entry at ``index`` as a :class:`Candidate`."""
        i, strings = int(index), self._strings
        gid, name, lat, lon, cc, admin1, admin2, feat, pop = self._read(self._buf, i * self._size)
        return Candidate(i, gid, strings[name], lat, lon, self._ccs[cc], strings[admin1],
                         strings[admin2], _build.FEATURES[feat], pop, alternate)

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
            # entry() inlined: an unseen name makes a few dozen (a call each otherwise)
            strings, ccs, features = self._strings, self._ccs, _build.FEATURES
            read, buf, size = self._read, self._buf, self._size
            out = []
            for r in refs:
                i = r >> 1
                gid, name, lat, lon, cc, admin1, admin2, feat, pop = read(buf, i * size)
                out.append(Candidate(i, gid, strings[name], lat, lon, ccs[cc], strings[admin1],
                                     strings[admin2], features[feat], pop, bool(r & 1)))
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

    def _country_skeletons(self, cc: str, initial: str) -> _Bucket | None:
        """One country's names starting with ``initial`` (see :class:`_Bucket`); the
        builder sorts and counts them, so the first use of one costs two short sums."""
        memo = (cc, initial)
        rows = self._skeletons.get(memo)
        if rows is None and memo not in self._skeletons:
            packed = self.data.skeletons.get(cc, {}).get(initial)
            if packed is not None:
                joined, entries, counts = packed
                # (plain sums: the arrays are a few dozen lengths long, below numpy's cost)
                counts = counts.tolist()
                starts = [0, *accumulate(counts)]
                # each skeleton of length L takes L + 1 characters with its newline
                chars = [0, *accumulate(n * (length + 1) for length, n in enumerate(counts))]
                # (the entries stay an array: only the few hits are read)
                rows = _Bucket(joined, entries, starts, chars)
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
        # fuzz.ratio is 2 x common letters / total length, at most 200 x min(n, m) / (n + m)
        # for lengths n and m: only skeletons whose length is in [lo, hi] can reach the
        # cutoff (the bounds of that inequality, a hair wider for float rounding), a slice
        # of the length-sorted bucket. Ranked by score, then entry (the bucket's own order),
        # the slice's hits are what extract over the whole bucket returns.
        n = len(target)
        lo = math.ceil(cutoff * n / (200.0 - cutoff) - 1e-6) if cutoff > 0 else 0
        hi = math.floor(n * (200.0 - cutoff) / cutoff + 1e-6) if cutoff > 0 else 1 << 30
        for cc in countries:
            rows = self._country_skeletons(cc, target[:1])
            if rows is None:
                continue
            skels, a = rows.span(lo, hi)
            if not skels:
                continue
            got = process.extract(target, skels, scorer=fuzz.ratio,
                                  score_cutoff=cutoff, limit=None)
            entries = rows.entries
            hits = sorted(((found, score, int(entries[a + k])) for found, score, k in got),
                          key=lambda h: (-h[1], h[2]))[:limit]
            for found, score, idx in hits:
                if abs(len(found) - len(target)) > 2:
                    continue  # a close ratio between a short and a long name is chance
                # the skeleton forgets vowels: the spellings themselves must be close too
                other = _ARTICLE.sub("", fold_name(self._strings[self.data.name[idx]]))
                if fuzz.ratio(folded, other) < 60:
                    continue
                scored[idx] = max(scored.get(idx, 0.0), score / 100.0)
        best = sorted(scored.items(), key=lambda kv: (-kv[1], -int(self.data.pop[kv[0]])))
        return [(self.entry(i), s) for i, s in best[:limit]]


# struct codes of the record fields numpy may hold, by (kind, size)
_STRUCT_CODES = {("i", 1): "b", ("i", 2): "h", ("i", 4): "i", ("i", 8): "q", ("u", 1): "B",
                 ("u", 2): "H", ("u", 4): "I", ("u", 8): "Q", ("f", 4): "f", ("f", 8): "d",
                 ("b", 1): "?"}


def _row_reader(rows: np.ndarray) -> tuple[Callable[[Any, int], tuple], Any, int]:
    """``(read, buf, size)`` with ``read(buf, i * size) == rows.item(i)``: a struct's
    ``unpack_from`` over the bytes of the packed little-endian records, or ``item`` itself
    when a field has no struct code (the same values and types either way)."""
    dtype, codes, offset = rows.dtype, [], 0
    for name in dtype.names or ():
        f, at = dtype.fields[name][:2]
        code = _STRUCT_CODES.get((f.kind, f.itemsize))
        native = f.byteorder in ("<", "|") or (f.byteorder == "=" and sys.byteorder == "little")
        if code is None or not native or at != offset or not rows.flags.c_contiguous:
            return (lambda buf, at: buf.item(at)), rows, 1
        codes.append(code)
        offset += f.itemsize
    reader = struct.Struct("<" + "".join(codes))
    if not codes or reader.size != dtype.itemsize:
        return (lambda buf, at: buf.item(at)), rows, 1
    return reader.unpack_from, memoryview(rows).cast("B"), reader.size


def _key_flags(data: _build.GazetteerData) -> bytes:
    """The per-key bits of :meth:`Gazetteer.place_like`, :meth:`Gazetteer.big_area` and
    (bit 4: an entry is no town or spot under 100,000 people) :meth:`Gazetteer.small_towns`,
    one byte per key (in ``key_index`` order), computed over all entries at once (~20 ms)."""
    refs, offsets = data.refs, data.offsets
    if len(refs) == 0:
        return bytes(len(offsets) - 1 if len(offsets) else 0)
    ent = refs >> 1
    alternate = (refs & 1).astype(bool)
    feat = data.feat[ent]
    country = feat == _build.FEATURES.index("country")
    admin1 = feat == _build.FEATURES.index("admin1")
    big = ~alternate & (country | (admin1 & (data.pop[ent] > 10**6)))
    town = (feat == _build.FEATURES.index("city")) | (feat == _build.FEATURES.index("other"))
    not_small = ~(town & (data.pop[ent] < 100_000))
    bits = ((country | admin1).astype(np.uint8) | (big.astype(np.uint8) << 1)
            | (not_small.astype(np.uint8) << 2))
    starts = offsets[:-1]
    out = np.bitwise_or.reduceat(bits, np.minimum(starts, len(bits) - 1))
    out[offsets[1:] <= starts] = 0  # keys without entries (reduceat reads one anyway)
    return out.astype(np.uint8).tobytes()


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

