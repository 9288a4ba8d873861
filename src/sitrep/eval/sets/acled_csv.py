"""Any ACLED-format CSV as a gold set: the ``notes`` column is the text, the codes the gold.

Use: ``sitrep eval path/to/acled_export.csv``. Columns read (ACLED's export names):
``event_id_cnty`` (or ``data_id``), ``event_date``, ``event_type``, ``sub_event_type``,
``fatalities``, ``latitude``, ``longitude``, ``notes``. Each row is one document (its
notes); the prediction is the line's main event. No publication date is given: ACLED
notes state their dates in full.

Metrics: weighted F1 of event type and of sub-event type, fatalities exact/MAE, date
accuracy, location accuracy@161 km.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..base import GoldDoc, GoldSet, Line, empty_line, main_event
from ..metrics import count_scores, haversine_km, weighted_f1

__all__ = ["AcledCSVSet", "AcledGold"]


@dataclass(frozen=True, slots=True)
class AcledGold:
    """The coded fields of one ACLED row."""

    event_type: str
    sub_event_type: str
    fatalities: int
    date: str | None
    lat: float | None
    lon: float | None


def _iso(value: str) -> str | None:
    value = (value or "").strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


class AcledCSVSet(GoldSet):
    """Gold events from an ACLED CSV export."""

    headline = ("event_type_weighted_f1", "sub_event_type_weighted_f1", "fatalities_exact",
                "date_acc", "acc161")
    slice_size = 50

    def __init__(self, csv_path: Path | str) -> None:
        super().__init__()
        self.path = str(Path(csv_path).resolve())
        self.name = f"acled:{Path(csv_path).name}"
        self.title = f"ACLED CSV {Path(csv_path).name}"

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        docs = []
        with open(self.path, encoding="utf-8-sig", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                notes = (row.get("notes") or "").strip()
                if not notes:
                    continue
                gold = AcledGold(
                    event_type=row.get("event_type", "").strip(),
                    sub_event_type=row.get("sub_event_type", "").strip(),
                    fatalities=int(_float(row.get("fatalities")) or 0),
                    date=_iso(row.get("event_date", "")),
                    lat=_float(row.get("latitude")), lon=_float(row.get("longitude")))
                ident = row.get("event_id_cnty") or row.get("data_id") or f"row-{i}"
                docs.append(GoldDoc(id=ident, text=notes, gold=gold))
        return docs

    def gold_line(self, doc: GoldDoc) -> Line:
        g: AcledGold = doc.gold
        line = empty_line(doc.id)
        line["events"] = [{
            "codes": {"acled": {"event_type": g.event_type, "sub_event_type": g.sub_event_type}},
            "fatalities": g.fatalities, "date": g.date,
            "location": {"lat": g.lat, "lon": g.lon}}]
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        types, subs = [], []
        p_types: list[str | None] = []
        p_subs: list[str | None] = []
        fat_g: list[int] = []
        fat_p: list[int | None] = []
        dates = geo = geo_n = 0
        for doc, line in zip(docs, lines, strict=True):
            g: AcledGold = doc.gold
            ev = main_event(line) or {}
            acled = (ev.get("codes") or {}).get("acled") or {}
            types.append(g.event_type)
            subs.append(g.sub_event_type)
            p_types.append(acled.get("event_type"))
            p_subs.append(acled.get("sub_event_type"))
            fat_g.append(g.fatalities)
            fat_p.append(int(ev.get("fatalities") or 0) if ev else None)
            dates += bool(ev) and g.date is not None and str(ev.get("date"))[:10] == g.date
            loc = ev.get("location") or {}
            if g.lat is not None and g.lon is not None:
                geo_n += 1
                if loc.get("lat") is not None and loc.get("lon") is not None:
                    geo += haversine_km(g.lat, g.lon, loc["lat"], loc["lon"]) < 161.0
        out = {f"event_type_{k}": v for k, v in weighted_f1(types, p_types).items()}
        out |= {f"sub_event_type_{k}": v for k, v in weighted_f1(subs, p_subs).items()}
        out |= count_scores(fat_g, fat_p, "fatalities")
        n_dated = sum(1 for d in docs if d.gold.date)
        out["date_acc"] = 100.0 * dates / n_dated if n_dated else 0.0
        out["acc161"] = 100.0 * geo / geo_n if geo_n else 0.0
        return out
