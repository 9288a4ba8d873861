"""Quick measure of the places stage on LGL and GeoVirus (``../shared/data/geoparsing``).

``python -m sitrep.places.measure [DATA_DIR] [--upper] [--lower] [--muc4]`` prints toponym
recognition P/R/F1 (exact span match) and accuracy@161 km on the gold toponyms recognised with
the exact span, plus speed: CPU time over every 600-word chunk of LGL, after a warm-up pass over
GeoVirus (the per-name memos warm as in a long run, the chunks themselves unseen), with
the loaded index frozen out of the garbage collector's sight (``gc.freeze()``) as
:meth:`sitrep.pipeline.Pipeline.default` does.
``--upper`` and ``--lower`` add the same figures on the texts upper- and lower-cased.
``--muc4`` adds caseless recognition on the MUC-4 development messages (upper case): the
share of the key templates' location names present in a message that are recognised, and
recognised in the key's country. The official harness is ``sitrep eval``; this is the
stage author's quick check.
"""

from __future__ import annotations

import gc
import math
import re
import resource
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from .gazetteer import get_gazetteer
from .stage import place_mentions

__all__ = ["load_geovirus", "load_lgl", "measure", "muc4_locations", "speed"]

Gold = list[tuple[str, list[tuple[int, int, float | None, float | None]]]]


def load_lgl(path: Path) -> Gold:
    """(text, [(start, end, lat, lon)]) per LGL article."""
    out: Gold = []
    for art in ET.parse(path).getroot().iter("article"):
        spans = []
        for t in art.iter("toponym"):
            lat, lon = t.findtext("gaztag/lat"), t.findtext("gaztag/lon")
            spans.append((int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                          float(lat) if lat else None, float(lon) if lon else None))
        out.append((art.findtext("text") or "", spans))
    return out


def load_geovirus(path: Path) -> Gold:
    """(text, [(start, end, lat, lon)]) per GeoVirus article."""
    out: Gold = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        spans = []
        for loc in art.iter("location"):
            s, e = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
            name = loc.findtext("name") or ""
            # the file's offsets count one character more than the text element holds
            if text[s:e] != name and text[s - 1:e - 1] == name:
                s, e = s - 1, e - 1
            spans.append((s, e, float(loc.findtext("lat") or 0), float(loc.findtext("lon") or 0)))
        out.append((text, spans))
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def measure(gold: Gold, *, upper: bool = False, lower: bool = False) -> dict[str, float]:
    """Recognition P/R/F1, accuracy@161 km and median error (km) over ``gold``;
    ``upper``: on the texts upper-cased (as wire copy of the 1980s-90s is, e.g. MUC-4);
    ``lower``: lower-cased (as chat and transcripts often are)."""
    gaz = get_gazetteer()
    tp = fp = fn = hits = scored = 0
    errors: list[float] = []
    for text, spans in gold:
        cased = text.upper() if upper else text.lower() if lower else text
        pred = {(m.start, m.end): m for m in place_mentions(cased, gaz)}
        want = {(s, e): (la, lo) for s, e, la, lo in spans}
        tp += len(pred.keys() & want.keys())
        fp += len(pred.keys() - want.keys())
        fn += len(want.keys() - pred.keys())
        for span in pred.keys() & want.keys():
            la, lo = want[span]
            m = pred[span]
            if la is None or lo is None:
                continue
            scored += 1
            km = _km((la, lo), (m.lat, m.lon)) if m.lat is not None and m.lon is not None else (
                20037.5)  # unresolved: counted as the worst possible error
            errors.append(km)
            if km <= 161:
                hits += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "acc161": hits / scored if scored else 0.0,
            "median_km": statistics.median(errors) if errors else 0.0, "gold": tp + fn}


def speed(texts: list[str], warm: list[str]) -> float:
    """Articles per second of CPU time over ``texts``, after a pass over ``warm`` (another
    corpus: the per-name memos are warm as in a long run, these texts' names are not)."""
    gaz = get_gazetteer()
    for t in warm:
        place_mentions(t, gaz)
    t0 = time.process_time()  # CPU time: other jobs on the machine do not count
    for t in texts:
        place_mentions(t, gaz)
    return len(texts) / (time.process_time() - t0)


_MUC_DOC = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d+)[^\n]*$", re.M)
_MUC_SLOT = re.compile(r"^\s*(0|3)\.\s+(?:MESSAGE: ID|INCIDENT: LOCATION)\s+(\S[^\n]*)", re.M)


def muc4_locations(folder: Path) -> dict[str, float]:
    """Recall and country accuracy of the key location names (country and each named
    level, "EL SALVADOR: USULUTAN (DEPARTMENT)") found in the upper-case MUC-4 messages."""
    texts: dict[str, str] = {}
    for path in sorted(folder.glob("dev-muc3-*")):
        parts = _MUC_DOC.split(path.read_text(errors="replace"))
        texts.update({parts[i]: parts[i + 1] for i in range(1, len(parts), 2)})
    wanted: dict[str, set[tuple[str, str]]] = {}
    for path in sorted(folder.glob("key-dev-*")):
        doc = ""
        for slot, value in _MUC_SLOT.findall(path.read_text(errors="replace")):
            if slot == "0":
                doc = value.split()[0]
            elif value.strip() not in ("*", "-"):
                country, *levels = (p.strip() for p in value.split(":"))
                names = {country} | {a.strip(' "') for lv in levels
                                     for a in re.sub(r"\s*\(.*?\)", "", lv).split("/")}
                wanted.setdefault(doc, set()).update((n, country) for n in names if n)
    gaz = get_gazetteer()
    codes = {c: next((x.country_code for x in gaz.lookup(c) if x.feature == "country"), None)
             for pairs in wanted.values() for _, c in pairs}
    gold = found = right = 0
    for doc, pairs in wanted.items():
        text = texts.get(doc, "")
        got: dict[str, set[str | None]] = {}
        for m in place_mentions(text, gaz):
            got.setdefault(" ".join(m.text.split()), set()).add(m.country_code)
        for name, country in pairs:
            if not re.search(r"(?<![A-Z])" + r"\s+".join(map(re.escape, name.split()))
                             + r"(?![A-Z])", text):
                continue  # the key names a place the message does not spell out
            gold += 1
            if name in got:
                found += 1
                right += codes[country] in got[name]
    return {"recall": found / gold if gold else 0.0,
            "country_acc": right / gold if gold else 0.0, "gold": gold}


def main() -> None:
    """Print the figures for both datasets (as given and upper-cased) and the stage's speed."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    root = Path(args[0]) if args else (
        Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "geoparsing")
    t0, c0 = time.perf_counter(), time.process_time()
    get_gazetteer()
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    lgl = load_lgl(root / "lgl" / "lgl.xml")
    geovirus = load_geovirus(root / "geovirus" / "GeoVirus.xml")
    # speed first, on every 600-word chunk of LGL, warmed on GeoVirus only
    words = " ".join(t for t, _ in lgl).split()
    texts = [" ".join(words[i:i + 600]) for i in range(0, len(words) - 600, 600)]
    # as the pipeline runs: the loaded resources frozen out of the collector's sight
    gc.freeze()
    rate = speed(texts, [t for t, _ in geovirus])
    for name, gold in (("LGL", lgl), ("GeoVirus", geovirus)):
        res = measure(gold)
        print(f"{name}: " + " ".join(f"{k}={v:.3f}" for k, v in res.items()))
        if "--upper" in sys.argv:
            res = measure(gold, upper=True)
            print(f"{name} UPPER: " + " ".join(f"{k}={v:.3f}" for k, v in res.items()))
        if "--lower" in sys.argv:
            res = measure(gold, lower=True)
            print(f"{name} LOWER: " + " ".join(f"{k}={v:.3f}" for k, v in res.items()))
    if "--muc4" in sys.argv:
        res = muc4_locations(root.parent / "muc4" / "original" / "CORPORA" / "dev")
        print("MUC-4 dev locations: " + " ".join(f"{k}={v:.3f}" for k, v in res.items()))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"speed: {rate:.0f} articles/s (600 words, unseen text, CPU time, "
          f"{len(texts)} articles), index load {load:.2f} s ({load_cpu:.2f} s CPU), "
          f"max RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
