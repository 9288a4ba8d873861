"""TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT): date expressions normalised against the DCT.

The text is the ``<TEXT>`` element with its tags removed; the document creation time is
the publication date. Gold: TIMEX3 of type DATE whose value is a calendar value (starts
with a year: ``1998-08-07``, ``1998-W32``, ``1998-Q3``, ``1998``); the contract keeps no
durations, clock times or vague references (``PAST_REF``), so neither does the gold.

Metrics (TE3 Task A): strict and relaxed (overlap) span P/R/F1; ``value_f1`` counts a
relaxed match with an identical value as correct; ``value_acc`` is the share of relaxed
matches whose value is identical.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..base import GoldDoc, GoldSet, Line, empty_line
from ..metrics import PRF, span_prf

__all__ = ["TempEvalSet", "Timex"]

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*>|value="([^"]+)"')
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d|Q\d|SU|SP|FA|WI|H\d))?$")


@dataclass(frozen=True, slots=True)
class Timex:
    """A gold date expression."""

    start: int
    end: int
    value: str


def _dct(raw: str) -> date | None:
    m = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    return date.fromisoformat(m.group(1)) if m else None


def parse_tml(raw: str) -> tuple[str, list[Timex]]:
    """Plain text of the ``<TEXT>`` element and its calendar DATE TIMEX3s."""
    m = _TEXT.search(raw)
    body = m.group(1) if m else ""
    parts: list[str] = []
    pos = 0
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            value = attrs.get("value", "")
            if attrs.get("type") == "DATE" and _CALENDAR.match(value):
                timexes.append(Timex(start, length, value))
    parts.append(html.unescape(body[pos:]))
    return "".join(parts), timexes


class TempEvalSet(GoldSet):
    """TimeBank + AQUAINT (TBAQ-cleaned), 256 documents."""

    name = "tempeval3"
    title = "TempEval-3 TBAQ dates"
    path = "tempeval3/TBAQ-cleaned"
    headline = ("strict_f1", "relaxed_f1", "value_f1", "value_acc")
    slice_size = 40

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        docs = []
        for sub in ("TimeBank", "AQUAINT"):
            for f in sorted((data_dir / self.path / sub).glob("*.tml")):
                raw = f.read_text(encoding="utf-8")
                text, timexes = parse_tml(raw)
                docs.append(GoldDoc(id=f.stem, text=text, published=_dct(raw), gold=timexes))
        return docs

    def gold_line(self, doc: GoldDoc) -> Line:
        line = empty_line(doc.id)
        line["dates"] = [{"start": t.start, "end": t.end, "text": doc.text[t.start:t.end],
                          "value": t.value} for t in doc.gold]
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        strict, relaxed, value = PRF(), PRF(), PRF()
        n_matched = n_value = 0
        for doc, line in zip(docs, lines, strict=True):
            pred = [(int(d["start"]), int(d["end"]), str(d.get("value")))
                    for d in line.get("dates") or [] if "start" in d and "end" in d]
            gold = [(t.start, t.end, t.value) for t in doc.gold]
            strict.add(span_prf([g[:2] for g in gold], [p[:2] for p in pred]))
            relaxed.add(span_prf([g[:2] for g in gold], [p[:2] for p in pred], relaxed=True))
            hits = _value_hits(gold, pred)
            n_matched += hits[0]
            n_value += hits[1]
            value.add(PRF(hits[1], len(set(pred)), hits[1], len(set(gold))))
        out = strict.as_dict("strict") | relaxed.as_dict("relaxed")
        out["value_f1"] = value.f1
        out["value_acc"] = 100.0 * n_value / n_matched if n_matched else 0.0
        return out


def _value_hits(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]]
                ) -> tuple[int, int]:
    """(relaxed span matches, of which with the same value), one-to-one in text order."""
    used: set[int] = set()
    matched = same = 0
    gold_sorted = sorted(set(gold))
    for ps, pe, pv in sorted(set(pred)):
        for i, (gs, ge, gv) in enumerate(gold_sorted):
            if i not in used and gs < pe and ps < ge:
                used.add(i)
                matched += 1
                same += pv == gv
                break
    return matched, same
