"""WikiEvents dev (Li, Ji & Han 2021): arguments of attack, death and injury events.

Gold per document and role: the entities filling that role in any Conflict.Attack,
Life.Die or Life.Injure event, merged by the set's coreference clusters. Roles map to the
contract as: Attacker/Killer/Injurer -> perpetrators, Victim -> victims, Target ->
targets, Instrument/ExplosiveDevice -> weapons (all events of the line pooled).

A predicted filler matches a gold entity when its span contains one of the entity's
mentions (WikiEvents mentions are heads, so this is head matching) or, without offsets,
when its normalised text equals one. Entities are aligned one-to-one (CEAF-REE style).
Metrics: P/R/F1 micro-averaged over documents and roles, and F1 per role.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base import GoldDoc, GoldSet, Line, empty_line
from ..metrics import PRF, assign_max, normalize_filler

__all__ = ["ROLE_MAP", "WikiEventsSet"]

ROLE_MAP = {"Attacker": "perpetrators", "Killer": "perpetrators", "Injurer": "perpetrators",
            "Victim": "victims", "Target": "targets",
            "Instrument": "weapons", "ExplosiveDevice": "weapons"}
ROLES = ("perpetrators", "victims", "targets", "weapons")
_EVENT_PREFIXES = ("Conflict.Attack", "Life.Die", "Life.Injure")


@dataclass(frozen=True, slots=True)
class Mention:
    """One gold mention: character span and text."""

    start: int
    end: int
    text: str


def _matches(pred: dict[str, Any], entity: Sequence[Mention]) -> bool:
    start, end = pred.get("start"), pred.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        if any(start <= m.start and m.end <= end for m in entity):
            return True
    norm = normalize_filler(str(pred.get("text") or ""))
    return bool(norm) and any(norm == normalize_filler(m.text) for m in entity)


class WikiEventsSet(GoldSet):
    """WikiEvents dev: 20 documents."""

    name = "wikievents"
    title = "WikiEvents dev (attack/die/injure arguments)"
    path = "wikievents/dev.jsonl"
    headline = ("arg_f1", "perpetrators_f1", "victims_f1")
    slice_size = 20

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        clusters: dict[str, str] = {}
        coref = data_dir / "wikievents/coref/dev.jsonlines"
        if coref.exists():
            with open(coref, encoding="utf-8") as fh:
                for raw in fh:
                    for cluster in json.loads(raw)["clusters"]:
                        for ent in cluster:
                            clusters[ent] = cluster[0]
        docs = []
        with open(data_dir / self.path, encoding="utf-8") as fh:
            for raw in fh:
                row = json.loads(raw)
                offsets = [(t[1], t[2]) for sent in row["sentences"] for t in sent[0]]
                mentions: dict[str, list[Mention]] = {}
                for ent in row["entity_mentions"]:
                    s, e = offsets[ent["start"]][0], offsets[ent["end"] - 1][1]
                    key = clusters.get(ent["id"], ent["id"])
                    mentions.setdefault(key, []).append(Mention(s, e, row["text"][s:e]))
                gold: dict[str, dict[str, list[Mention]]] = {r: {} for r in ROLES}
                for ev in row["event_mentions"]:
                    if not ev["event_type"].startswith(_EVENT_PREFIXES):
                        continue
                    for arg in ev["arguments"]:
                        role = ROLE_MAP.get(arg["role"])
                        key = clusters.get(arg["entity_id"], arg["entity_id"])
                        if role and key in mentions:
                            gold[role][key] = mentions[key]
                docs.append(GoldDoc(id=row["doc_id"], text=row["text"],
                                    gold={r: list(v.values()) for r, v in gold.items()}))
        return docs

    def gold_line(self, doc: GoldDoc) -> Line:
        line = empty_line(doc.id)
        event: dict[str, Any] = {}
        for role in ROLES:
            event[role] = [{"text": ent[0].text, "start": ent[0].start, "end": ent[0].end}
                           for ent in doc.gold[role]]
        line["events"] = [event]
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        total = PRF()
        per = {r: PRF() for r in ROLES}
        for doc, line in zip(docs, lines, strict=True):
            for role in ROLES:
                preds: list[dict[str, Any]] = []
                seen: set[tuple[Any, ...]] = set()
                for ev in line.get("events") or []:
                    for f in ev.get(role) or []:
                        key = (f.get("start"), f.get("end"), normalize_filler(str(f.get("text"))))
                        if key not in seen:
                            seen.add(key)
                            preds.append(f)
                gold = doc.gold[role]
                hit = 0.0
                if gold and preds:
                    w = [[1.0 if _matches(p, g) else 0.0 for p in preds] for g in gold]
                    hit = sum(w[i][j] for i, j in assign_max(w))
                t = PRF(hit, len(preds), hit, len(gold))
                per[role].add(t)
                total.add(t)
        out = total.as_dict("arg")
        out |= {f"{r}_f1": t.f1 for r, t in per.items()}
        return out
