"""TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT): date expressions normalised against the DCT.

The text is the ``<TEXT>`` element with its tags removed; the document creation time is
the publication date. Gold: TIMEX3 of type DATE whose value is a calendar value (starts
with a year: ``1998-08-07``, ``1998-W32``, ``1998-Q3``, ``1998``); the contract keeps no
durations, clock times or vague references (``PAST_REF``), so neither does the gold.

Metrics (TE3 Task A): strict and relaxed (overlap) span P/R/F1; ``value_f1`` counts a
relaxed match with an identical value as correct; ``value_acc`` is the share of relaxed
matches whose value is identical. The contract has no season value: a gold season
(``1998-SU``) is written as its three months (``1998-06/1998-08``, winter from December
into the next year), as sitrep writes seasons.

Baseline rows (:meth:`TempEvalSet.baselines`, run by ``sitrep eval`` and the board, not
by the floors slices), measured in the same run on a bounded sample (every k-th
document, at most :attr:`TempEvalSet.baseline_docs`):
``dateparser_value_acc`` / ``dateparser_relaxed_f1`` are ``dateparser.search_dates``
(``languages=["en"]``, ``RELATIVE_BASE`` = the DCT) scored leniently in its favour
(its datetime cut to the gold's precision: a gold ``1998-08`` is right when dateparser
says any day of August 1998); ``sample_value_acc`` is sitrep's exact value accuracy on
the same documents; ``dates_docs_per_s`` times sitrep's date work alone (anchor,
sentence split, recognition) and ``dateparser_docs_per_s`` the baseline, on the same
documents; ``speedup`` is their ratio. No rows when dateparser is not installed.
"""

from __future__ import annotations

import html
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..base import GoldDoc, GoldSet, Line, empty_line
from ..metrics import PRF, span_prf

__all__ = ["TempEvalSet", "Timex", "contract_value", "dateparser_days"]

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*>|value="([^"]+)"')
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d|Q\d|SU|SP|FA|WI|H\d))?$")


@dataclass(frozen=True, slots=True)
class Timex:
    """A gold date expression."""

    start: int
    end: int
    value: str


def contract_value(value: str) -> str:
    """A TimeML calendar value as the contract writes it: seasons become month ranges."""
    m = _SEASON.match(value)
    if not m:
        return value
    y, first = int(m.group(1)), _SEASON_START[m.group(2)]
    y2, last = (y + 1, first - 10) if first + 2 > 12 else (y, first + 2)
    return f"{y}-{first:02d}/{y2}-{last:02d}"


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
                timexes.append(Timex(start, length, contract_value(value)))
    parts.append(html.unescape(body[pos:]))
    return "".join(parts), timexes


class TempEvalSet(GoldSet):
    """TimeBank + AQUAINT (TBAQ-cleaned), 256 documents."""

    name = "tempeval3"
    title = "TempEval-3 TBAQ dates"
    path = "tempeval3/TBAQ-cleaned"
    headline = ("strict_f1", "relaxed_f1", "value_f1", "value_acc")
    slice_size = 40
    #: at most this many documents (evenly spaced) for the dateparser baseline rows
    #: (0 = no baseline rows; dateparser costs ~3 s on the 40-document slice)
    baseline_docs = 64

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

    def baselines(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        """dateparser against sitrep on an evenly spaced sample (see the module doc); the
        runner shows these as extra rows (``Scores.baselines``), never as floors."""
        if self.baseline_docs <= 0 or not docs:
            return {}
        try:
            from dateparser.search import search_dates  # baseline only: a heavy import
        except ImportError:
            return {}
        step = max(1, math.ceil(len(docs) / self.baseline_docs))
        sample = list(range(0, len(docs), step))
        if not sample:
            return {}
        search_dates("on Monday", languages=["en"])  # load its language data untimed
        dp_time = ours_time = 0.0
        dp_matched = dp_same = ours_matched = ours_same = 0
        dp_prf = PRF()
        for i in sample:
            doc = docs[i]
            gold = [(t.start, t.end, t.value) for t in doc.gold]
            t0 = time.perf_counter()
            found = [(b, e, d.isoformat())
                     for b, e, d in dateparser_days(doc.text, doc.published, search_dates)]
            t1 = time.perf_counter()
            _sitrep_dates(doc.text, doc.published)
            ours_time += time.perf_counter() - t1
            dp_time += t1 - t0
            dp_prf.add(span_prf([g[:2] for g in gold], [f[:2] for f in found], relaxed=True))
            matched, same = _value_hits(gold, found, same=_dateparser_same)
            dp_matched, dp_same = dp_matched + matched, dp_same + same
            pred = [(int(d["start"]), int(d["end"]), str(d.get("value")))
                    for d in lines[i].get("dates") or [] if "start" in d and "end" in d]
            matched, same = _value_hits(gold, pred)
            ours_matched, ours_same = ours_matched + matched, ours_same + same
        n = len(sample)
        ours_rate = n / ours_time if ours_time else math.inf
        dp_rate = n / dp_time if dp_time else math.inf
        return {
            "baseline_docs": float(n),
            "sample_value_acc": 100.0 * ours_same / ours_matched if ours_matched else 0.0,
            "dateparser_value_acc": 100.0 * dp_same / dp_matched if dp_matched else 0.0,
            "dateparser_relaxed_f1": dp_prf.f1,
            "dates_docs_per_s": ours_rate,
            "dateparser_docs_per_s": dp_rate,
            "speedup": ours_rate / dp_rate if dp_rate else math.inf,
        }


def _sitrep_dates(text: str, published: date | None) -> None:
    """sitrep's date work on one document, as the ``dates`` stage does it (timed)."""
    from ...dates.anchor import infer_anchor
    from ...dates.recognize import scan_dates

    scan_dates(text, infer_anchor(text, published).day)


def dateparser_days(text: str, anchor: date | None,
                    search_dates: Callable[..., Any] | None = None) -> list[tuple[int, int, date]]:
    """``dateparser.search_dates`` on ``text`` (English, relative to noon on ``anchor``):
    (start, end, day) per date found, offsets found by searching the text in order.

    The one dateparser baseline of the project (this set's baseline rows and
    ``python -m sitrep.dates.compare``); ``search_dates`` may be passed in already
    imported, which keeps the heavy import out of a timed loop."""
    if search_dates is None:
        from dateparser.search import search_dates  # baseline only: a heavy import
    settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day, 12)
                } if anchor else {}
    out: list[tuple[int, int, date]] = []
    pos = 0
    for substring, when in search_dates(text, languages=["en"], settings=settings) or []:
        i = text.find(substring, pos)
        if i < 0:
            i = text.find(substring)
            if i < 0:
                continue
        pos = i + len(substring)
        out.append((i, i + len(substring), when.date()))
    return out


def _dateparser_same(gold: str, pred: str) -> bool:
    """dateparser always answers a day: right when that day lies in the gold period."""
    d = date.fromisoformat(pred)
    if "-Q" in gold:
        return gold == f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if "-W" in gold:
        y, w, _ = d.isocalendar()
        return gold == f"{y}-W{w:02d}"
    if "/" in gold:  # a season: the day within its months
        lo, hi = gold.split("/")
        return lo <= pred[:7] <= hi
    return pred[:len(gold)] == gold


def _value_hits(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]],
                same: Callable[[str, str], bool] = str.__eq__) -> tuple[int, int]:
    """(relaxed span matches, of which with the same value), one-to-one in text order;
    ``same(gold_value, predicted_value)`` judges the values."""
    used: set[int] = set()
    matched = n_same = 0
    gold_sorted = sorted(set(gold))
    for ps, pe, pv in sorted(set(pred)):
        for i, (gs, ge, gv) in enumerate(gold_sorted):
            if i not in used and gs < pe and ps < ge:
                used.add(i)
                matched += 1
                n_same += same(gv, pv)
                break
    return matched, n_same
