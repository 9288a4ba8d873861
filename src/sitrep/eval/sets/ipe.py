"""IndiaPoliceEvents development portion (Halterman et al. 2021): 754 Times of India
articles, March 2002, with document labels KILL, ARREST, FORCE (police actions).

An output line's events are mapped to labels by the rules in
``data/eval/ipe_rules.json`` (police on the acting side + fatalities -> KILL, etc.).
Metrics: document-level P/R/F1 per label and micro-averaged over the three.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ...ingest.readers import parse_published
from ...nlp.lexicon import read_json
from ..base import GoldDoc, GoldSet, Line, empty_line
from ..metrics import PRF

__all__ = ["LABELS", "IPESet", "line_labels"]

LABELS = ("KILL", "ARREST", "FORCE")


@cache
def _rules() -> tuple[re.Pattern[str], dict[str, Any]]:
    rules = read_json("eval", "ipe_rules.json")
    words = sorted(rules["police_words"], key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    return pattern, rules


def _names(actors: Any) -> list[str]:
    if not actors:
        return []
    if isinstance(actors, dict):
        actors = [actors]
    return [str(a.get("name") or "") for a in actors if isinstance(a, dict)]


def line_labels(line: Line) -> set[str]:
    """The IndiaPoliceEvents labels an output line implies."""
    police, rules = _rules()
    labels: set[str] = set()
    for ev in line.get("events") or []:
        acting = _names(ev.get("actor1")) + _names(ev.get("assoc_actors"))
        anyside = acting + _names(ev.get("actor2"))
        police_acts = any(police.search(n) for n in acting)
        police_any = any(police.search(n) for n in anyside)
        acled = (ev.get("codes") or {}).get("acled") or {}
        etype, sub = acled.get("event_type"), acled.get("sub_event_type")
        if police_acts and int(ev.get("fatalities") or 0) > 0:
            labels.add("KILL")
        if sub in rules["arrest_sub_event_types"] or int(ev.get("arrested") or 0) > 0:
            labels.add("ARREST")
        if ((police_acts and etype in rules["force_event_types"])
                or (police_any and sub in rules["intervention_sub_event_types"])):
            labels.add("FORCE")
    return labels


class IPESet(GoldSet):
    """IndiaPoliceEvents, documents with ``doc_id % 5`` in {2, 3, 4}."""

    name = "ipe"
    title = "IndiaPoliceEvents (police kill/arrest/force)"
    path = "india-police-events/docs.jsonl"
    headline = ("micro_f1", "KILL_f1", "ARREST_f1", "FORCE_f1")
    slice_size = 80

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        meta: dict[int, dict[str, Any]] = {}
        with open(data_dir / "india-police-events/metadata.jsonl", encoding="utf-8") as fh:
            for raw in fh:
                row = json.loads(raw)
                meta[row["doc_id"]] = row
        docs = []
        with open(data_dir / self.path, encoding="utf-8") as fh:
            for raw in fh:
                row = json.loads(raw)
                m = meta.get(row["doc_id"], {})
                docs.append(GoldDoc(id=str(row["doc_id"]), text=row["doc_text"],
                                    published=parse_published(m.get("date")),
                                    gold=frozenset(row["doc_labels"]) & set(LABELS),
                                    url=m.get("url")))
        return docs

    def gold_line(self, doc: GoldDoc) -> Line:
        line = empty_line(doc.id)
        police = {"name": "Police Forces of India", "inter": 1}
        for label in sorted(doc.gold):
            if label == "KILL":
                line["events"].append({"actor1": police, "fatalities": 1, "codes": {}})
            elif label == "ARREST":
                line["events"].append({"codes": {"acled": {"sub_event_type": "Arrests"}}})
            else:
                line["events"].append({"actor1": police, "codes": {"acled": {
                    "event_type": "Violence against civilians", "sub_event_type": "Attack"}}})
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        per = {label: PRF() for label in LABELS}
        micro = PRF()
        for doc, line in zip(docs, lines, strict=True):
            pred = line_labels(line)
            for label in LABELS:
                g, p = label in doc.gold, label in pred
                t = PRF(float(g and p), int(p), float(g and p), int(g))
                per[label].add(t)
                micro.add(t)
        out = micro.as_dict("micro")
        for label, t in per.items():
            out |= t.as_dict(label)
        return out
