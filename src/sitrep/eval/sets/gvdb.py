"""Gun Violence Database dev split (Pavlick et al. 2016; Ebner et al. 2020 split): 400 articles.

Gold per article: number killed (victims marked ``killed``), number injured (victims
marked injured or hospitalised, not killed), the city (when annotated) and the incident
date. Prediction: the main event of the output line (see
:func:`sitrep.eval.base.main_event`): ``fatalities``, ``wounded``, ``location.name``,
``date``. A missing event is wrong on every slot; a null count in a present event is 0.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..base import GoldDoc, GoldSet, Line, empty_line, main_event
from ..metrics import count_scores
from ..metrics.roles import normalize_filler

__all__ = ["GVDBGold", "GVDBSet"]


@dataclass(frozen=True, slots=True)
class GVDBGold:
    """The scored slots of one GVDB article."""

    killed: int
    injured: int
    city: str | None
    date: str | None


def _city_match(gold: str, pred: str | None) -> bool:
    g, p = normalize_filler(gold), normalize_filler(pred or "")
    return bool(p) and (g == p or f" {p} " in f" {g} " or f" {g} " in f" {p} ")


def _iso_day(value: str | None) -> str | None:
    """The gold date as ISO ``YYYY-MM-DD``: a few rows write ``2015-8-23``, which no
    ISO prediction could ever equal."""
    if not value:
        return None
    parts = value.strip().split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
    return value.strip()


def _body(full_text: str, title: str | None) -> str:
    """The crawled text glues the page title to the first sentence with no space
    ("... | abc7chicago.comTwo people were injured"); put the title on its own line,
    as the page showed it, so the first sentence reads as written."""
    if title and full_text.startswith(title) and len(full_text) > len(title) \
            and not full_text[len(title)].isspace():
        return title + "\n\n" + full_text[len(title):]
    return full_text


class GVDBSet(GoldSet):
    """GVDB dev (crowd annotation, character offsets)."""

    name = "gvdb"
    title = "GVDB dev (killed/injured, city, date)"
    path = "gvdb/dev.tsv"
    headline = ("killed_exact", "injured_exact", "city_acc", "date_acc")
    slice_size = 40

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        csv.field_size_limit(sys.maxsize)
        docs = []
        with open(data_dir / self.path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            for row in reader:
                ann = json.loads(row["Json"])
                victims = ann.get("victim-section") or []
                killed = sum(1 for v in victims if "killed" in (v.get("victim-was") or []))
                injured = sum(1 for v in victims
                              if "killed" not in (v.get("victim-was") or [])
                              and {"injured", "hospitalized"} & set(v.get("victim-was") or []))
                when = ann.get("date-and-time") or {}
                city = (when.get("city") or {}).get("value") or None
                gold = GVDBGold(killed, injured, city.strip() if city else None,
                                _iso_day(when.get("date")))
                docs.append(GoldDoc(id=row["Article id"],
                                    text=_body(row["Full text"], row["Article title"]),
                                    gold=gold, title=row["Article title"],
                                    url=row["Article url"]))
        return docs

    def gold_line(self, doc: GoldDoc) -> Line:
        g: GVDBGold = doc.gold
        line = empty_line(doc.id)
        line["events"] = [{"fatalities": g.killed, "wounded": g.injured, "date": g.date,
                           "location": {"name": g.city}}]
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        killed_g, killed_p, injured_g, injured_p = [], [], [], []
        city_hits = city_n = date_hits = date_n = 0
        for doc, line in zip(docs, lines, strict=True):
            g: GVDBGold = doc.gold
            ev = main_event(line)
            killed_g.append(g.killed)
            injured_g.append(g.injured)
            killed_p.append(int(ev.get("fatalities") or 0) if ev else None)
            injured_p.append(int(ev.get("wounded") or 0) if ev else None)
            if g.city:
                city_n += 1
                city_hits += bool(ev) and _city_match(g.city, (ev.get("location") or {})
                                                      .get("name"))
            if g.date:
                date_n += 1
                date_hits += bool(ev) and str(ev.get("date") or "")[:10] == g.date
        return (count_scores(killed_g, killed_p, "killed")
                | count_scores(injured_g, injured_p, "injured")
                | {"city_acc": 100.0 * city_hits / city_n if city_n else 0.0,
                   "date_acc": 100.0 * date_hits / date_n if date_n else 0.0})
