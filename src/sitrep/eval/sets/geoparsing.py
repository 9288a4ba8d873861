"""LGL (Lieberman et al. 2010) and GeoVirus (Gritta et al. 2018): toponyms with coordinates.

Prediction: the output line's ``places`` (span + ``lat``/``lon``). Metrics:
:func:`sitrep.eval.metrics.geo_scores`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from ...ingest.readers import parse_published
from ..base import GoldDoc, GoldSet, Line, empty_line
from ..metrics import GeoSpan, geo_scores
from ..metrics.geo import resolution_errors
from ..plots import error_curve_svg

__all__ = ["GeoVirusSet", "LGLSet", "places_of"]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def places_of(line: Line) -> list[GeoSpan]:
    """The predicted toponyms of an output line."""
    out = []
    for p in line.get("places") or []:
        try:
            out.append(GeoSpan(int(p["start"]), int(p["end"]), p.get("lat"), p.get("lon")))
        except (KeyError, TypeError, ValueError):
            continue
    return out


class _GeoSet(GoldSet):
    headline = ("toponym_f1", "acc161", "acc161_all", "median_km", "auc")
    slice_size = 40

    def gold_line(self, doc: GoldDoc) -> Line:
        line = empty_line(doc.id)
        line["places"] = [
            {"start": g.start, "end": g.end, "text": doc.text[g.start:g.end],
             "lat": g.lat, "lon": g.lon}
            for g in doc.gold
        ]
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        return geo_scores([(d.gold, places_of(x)) for d, x in zip(docs, lines, strict=True)])

    def figures(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, str]:
        """The error-distance curve of the resolved gold toponyms (SVG)."""
        errors = [e for d, x in zip(docs, lines, strict=True)
                  for e in resolution_errors(d.gold, places_of(x))]
        return {f"{self.name}-error-curve.svg":
                error_curve_svg({self.name: errors}, title=f"{self.title}: error distance")}


class LGLSet(_GeoSet):
    """LGL: local US news, GeoNames-resolved toponyms (unresolved ones kept, no coords)."""

    name = "lgl"
    title = "LGL geoparsing"
    path = "geoparsing/lgl/lgl.xml"

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        docs = []
        for art in ET.parse(data_dir / self.path).getroot().iter("article"):
            text = art.findtext("text") or ""
            gold = []
            for t in art.iter("toponym"):
                start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
                tag = t.find("gaztag")
                lat = _float(tag.findtext("lat")) if tag is not None else None
                lon = _float(tag.findtext("lon")) if tag is not None else None
                gold.append(GeoSpan(start, end, lat, lon))
            published = parse_published((art.findtext("dltime") or "")[:10] or None)
            docs.append(GoldDoc(id=str(art.get("docid")), text=text, published=published,
                                gold=gold, title=art.findtext("title"),
                                url=art.findtext("url")))
        return docs


class GeoVirusSet(_GeoSet):
    """GeoVirus: WikiNews disease reports, Wikipedia-resolved toponyms."""

    name = "geovirus"
    title = "GeoVirus geoparsing"
    path = "geoparsing/geovirus/GeoVirus.xml"

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        docs = []
        root = ET.parse(data_dir / self.path).getroot()
        for i, art in enumerate(root.iter("article")):
            text = art.findtext("text") or ""
            # GeoVirus offsets are one more than Python's: text[start-1:end-1] is the
            # name for all 2,170 toponyms (checked), so shift them to index the text
            gold = [GeoSpan(int(loc.findtext("start") or 1) - 1,
                            int(loc.findtext("end") or 1) - 1,
                            _float(loc.findtext("lat")), _float(loc.findtext("lon")))
                    for loc in art.iter("location")]
            docs.append(GoldDoc(id=f"geovirus-{i:03d}", text=text, gold=gold,
                                url=art.findtext("source")))
        return docs
