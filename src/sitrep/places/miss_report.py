"""Why resolved gold toponyms miss at 161 km: by feature, and how many are an area named
right but placed at another reference point.

``python -m sitrep.places.miss_report [DATA_DIR]`` prints, for LGL and GeoVirus, the
misses among the gold toponyms a resolved mention covers (as the board scores them), by
the feature sitrep gave them, and the *area* misses: a country, first-order division or
region placed 161-1,100 km from the gold point. Corpora disagree on where an area's
point is: GeoVirus takes Wikipedia's (China at 35N 103E), LGL GeoNames' (35N 105E, 182
km away), so such a miss says which convention a corpus follows more than whether the
place is right. The report gives accuracy@161 km as scored, with those misses counted as
hits (the ceiling of moving reference points), and with every other miss fixed (the
ceiling of resolving better).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..eval.metrics.geo import GeoSpan, haversine_km, resolution_pairs
from ..nlp.sentences import split_sentences
from .gazetteer import get_gazetteer
from .measure import Gold, load_geovirus, load_lgl
from .stage import place_mentions

__all__ = ["AREA_FEATURES", "MissReport", "miss_report"]

# features whose point is a convention (a centroid, a capital, a label point), not a spot
AREA_FEATURES = frozenset(("country", "admin1", "region"))
# past this an area is not the same area at another point but another place
_AREA_KM = 1100.0
_HIT_KM = 161.0


@dataclass
class MissReport:
    """Counts over the gold toponyms a resolved mention covers (``scored``)."""

    scored: int = 0
    misses: int = 0
    area_misses: int = 0
    by_feature: Counter[str] = field(default_factory=Counter)

    def acc(self, extra_hits: int = 0) -> float:
        """accuracy@161 km in percent, with ``extra_hits`` misses counted as hits."""
        if not self.scored:
            return 0.0
        return 100.0 * (self.scored - self.misses + extra_hits) / self.scored


def miss_report(gold: Gold) -> MissReport:
    """Misses at 161 km of the gold toponyms of ``gold`` that a resolved mention covers
    (the board's ``acc161``: the same pairing of gold and mention, and the sentences the
    pipeline gives the stage)."""
    gaz = get_gazetteer()
    rep = MissReport()
    for text, spans in gold:
        wanted = [GeoSpan(s, e, lat, lon) for s, e, lat, lon in spans]
        mentions = place_mentions(text, gaz, split_sentences(text))
        for g, m in resolution_pairs(wanted, mentions):
            assert g.lat is not None and g.lon is not None
            assert m.lat is not None and m.lon is not None
            rep.scored += 1
            km = haversine_km(g.lat, g.lon, m.lat, m.lon)
            if km >= _HIT_KM:
                rep.misses += 1
                rep.by_feature[m.feature] += 1
                rep.area_misses += m.feature in AREA_FEATURES and km <= _AREA_KM
    return rep


def main() -> None:
    """Print the report for LGL and GeoVirus."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    root = Path(args[0]) if args else (
        Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "geoparsing")
    for name, gold in (("LGL", load_lgl(root / "lgl" / "lgl.xml")),
                       ("GeoVirus", load_geovirus(root / "geovirus" / "GeoVirus.xml"))):
        rep = miss_report(gold)
        other = rep.misses - rep.area_misses
        print(f"{name}: {rep.scored} scored, {rep.misses} misses at 161 km "
              f"(by feature: {dict(rep.by_feature.most_common())}); "
              f"areas 161-1,100 km off: {rep.area_misses}; acc@161 {rep.acc():.1f}, "
              f"areas counted as hits {rep.acc(rep.area_misses):.1f}, "
              f"every other miss fixed {rep.acc(other):.1f}")


if __name__ == "__main__":
    main()
