"""Measure date recognition on TempEval-3 TBAQ-cleaned, against a dateparser baseline.

Gold: TIMEX3 of type DATE in the ``<TEXT>`` of each ``.tml`` file; the anchor is the
document creation time (DCT). Scores: relaxed span P/R/F1 (any overlap counts; a
prediction overlapping a gold TIME/DURATION/SET timex is neither right nor wrong, since
those types are out of scope), value accuracy on matched spans (strict: the ISO value
equals the gold value with ``-XX`` and time-of-day suffixes removed; lenient: the first
day agrees with the gold value at the gold's precision), and documents per second.

Run: ``python -m sitrep.dates.compare [TBAQ-cleaned dir] [--baseline-docs N]``.
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..eval.sets.tempeval import contract_value, dateparser_days
from .recognize import find_dates

__all__ = ["GoldTimex", "Scores", "TimexDoc", "dateparser_spans", "evaluate", "load_tempeval",
           "main", "sitrep_spans"]

DEFAULT_ROOT = (Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "tempeval3"
                / "TBAQ-cleaned")

_PIECE = re.compile(r"<[^>]+>|[^<]+")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CALENDAR = re.compile(r"^\d{4}(?:-W\d\d|-Q[1-4]|-\d\d(?:-\d\d)?)?$")


@dataclass(slots=True)
class GoldTimex:
    """One gold TIMEX3: its span in the plain text, type and normalised value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class TimexDoc:
    """A TimeML document reduced to its plain ``<TEXT>``, DCT and gold timexes."""

    name: str
    text: str
    dct: date
    gold: list[GoldTimex] = field(default_factory=list)


# A system maps (text, anchor) to [(start, end, value, first_day)].
Prediction = tuple[int, int, str, date | None]
System = Callable[[str, date], list[Prediction]]


def normalise_value(value: str) -> str:
    """Gold value without unknown parts and times of day: ``1998-10-XX`` -> ``1998-10``."""
    value = re.sub(r"T(?:MO|AF|EV|NI|DT)$|T\d.*$", "", value)
    value = re.sub(r"-W(\d)(?=$|-)", r"-W0\1", value)  # some gold weeks are not zero-padded
    value = value.removesuffix("-WE")  # a weekend is scored by its ISO week
    value = contract_value(value)  # a season as its three months, as sitrep writes it
    while value.endswith("-XX"):
        value = value[:-3]
    return re.sub(r"^(\d{4})-XX$", r"\1", value)


def load_tempeval(root: Path = DEFAULT_ROOT) -> list[TimexDoc]:
    """Every ``.tml`` file under ``root`` (TimeBank and AQUAINT)."""
    docs = []
    for path in sorted(root.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct_tag = re.search(r"<TIMEX3[^>]*CREATION_TIME[^>]*>", raw)
        if not dct_tag or "<TEXT>" not in raw:
            continue
        dct = date.fromisoformat(dict(_ATTR.findall(dct_tag.group()))["value"][:10])
        body = raw[raw.index("<TEXT>") + 6: raw.index("</TEXT>")]
        text_parts: list[str] = []
        pos = 0
        open_timex: dict[str, str] | None = None
        start = 0
        gold = []
        for piece in _PIECE.findall(body):
            if piece.startswith("<"):
                if piece.startswith("<TIMEX3"):
                    open_timex, start = dict(_ATTR.findall(piece)), pos
                elif piece.startswith("</TIMEX3") and open_timex is not None:
                    gold.append(GoldTimex(start, pos, open_timex.get("type", ""),
                                          normalise_value(open_timex.get("value", ""))))
                    open_timex = None
                continue
            chunk = html.unescape(piece)
            text_parts.append(chunk)
            pos += len(chunk)
        docs.append(TimexDoc(path.stem, "".join(text_parts), dct, gold))
    return docs


def sitrep_spans(text: str, anchor: date) -> list[Prediction]:
    """Predictions of :func:`sitrep.dates.find_dates` (a range of days counts by its first
    day; a season keeps its month range)."""
    return [(m.start, m.end, m.value if m.grain == "month" else m.value.split("/")[0],
             m.first_day) for m in find_dates(text, anchor)]


def dateparser_spans(text: str, anchor: date) -> list[Prediction]:
    """Predictions of ``dateparser.search_dates`` (the TempEval set's baseline, as a
    :data:`System`)."""
    return [(s, e, d.isoformat(), d) for s, e, d in dateparser_days(text, anchor)]


@dataclass(slots=True)
class Scores:
    """Span and value scores of one system on a set of documents."""

    docs: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    value_strict: int = 0
    value_lenient: int = 0
    calendar_gold: int = 0
    calendar_found: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        """One line of figures."""
        tp = self.tp or 1
        return (f"docs={self.docs} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"value_strict={self.value_strict / tp:.3f} "
                f"value_lenient={self.value_lenient / tp:.3f} "
                f"calendar_recall={self.calendar_found / max(1, self.calendar_gold):.3f} "
                f"docs/s={self.docs / self.seconds if self.seconds else 0:.1f}")


def _lenient(gold: str, first: date | None) -> bool:
    if first is None or not _CALENDAR.match(gold):
        return False
    if "-Q" in gold:
        return gold == f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    if "-W" in gold:
        y, w, _ = first.isocalendar()
        return gold == f"{y}-W{w:02d}"
    return first.isoformat()[:len(gold)] == gold


def evaluate(system: System, docs: Iterable[TimexDoc]) -> Scores:
    """Score ``system`` on ``docs`` (timed on the system calls only)."""
    scores = Scores()
    for doc in docs:
        t0 = time.perf_counter()
        predicted = system(doc.text, doc.dct)
        scores.seconds += time.perf_counter() - t0
        scores.docs += 1
        dates = [g for g in doc.gold if g.type == "DATE"]
        others = [g for g in doc.gold if g.type != "DATE"]
        used: set[int] = set()
        for g in dates:
            calendar = bool(_CALENDAR.match(g.value))
            scores.calendar_gold += calendar
            hit = next((i for i, p in enumerate(predicted)
                        if i not in used and p[0] < g.end and g.start < p[1]), None)
            if hit is None:
                scores.fn += 1
                continue
            used.add(hit)
            scores.tp += 1
            scores.calendar_found += calendar
            _, _, value, first = predicted[hit]
            scores.value_strict += value == g.value
            scores.value_lenient += _lenient(g.value, first)
        for i, p in enumerate(predicted):
            if i in used:
                continue
            if any(p[0] < o.end and o.start < p[1] for o in others + dates):
                continue  # overlaps an out-of-scope timex, or a date already matched
            scores.fp += 1
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print sitrep and dateparser scores on TempEval-3 (dateparser on the first N docs)."""
    args = list(sys.argv[1:] if argv is None else argv)
    n_base = 60
    if "--baseline-docs" in args:
        i = args.index("--baseline-docs")
        n_base = int(args[i + 1])
        del args[i:i + 2]
    root = Path(args[0]) if args else DEFAULT_ROOT
    docs = load_tempeval(root)
    print("sitrep     (all docs):  ", evaluate(sitrep_spans, docs).summary())
    subset = docs[:n_base]
    print(f"sitrep     ({len(subset)} docs):   ", evaluate(sitrep_spans, subset).summary())
    if n_base:
        print(f"dateparser ({len(subset)} docs):   ", evaluate(dateparser_spans, subset).summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
