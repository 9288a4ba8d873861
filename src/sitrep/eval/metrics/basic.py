"""Generic scores: precision/recall/F1 counts, span F1, weighted F1, count accuracy.

Every percentage is on a 0-100 scale. A score with nothing to score (no gold and no
prediction) is reported as 0, never as a perfect 100, so an empty run cannot pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "PRF",
    "count_scores",
    "label_set_prf",
    "span_prf",
    "weighted_f1",
]


@dataclass(slots=True)
class PRF:
    """Matched/predicted/gold tallies and the precision, recall and F1 they give."""

    matched_pred: float = 0.0  # predictions that found a gold item (precision numerator)
    n_pred: int = 0
    matched_gold: float = 0.0  # gold items that were found (recall numerator)
    n_gold: int = 0

    def add(self, other: PRF) -> None:
        """Accumulate another tally (micro-averaging)."""
        self.matched_pred += other.matched_pred
        self.n_pred += other.n_pred
        self.matched_gold += other.matched_gold
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float:
        return 100.0 * self.matched_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.matched_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, prefix: str) -> dict[str, float]:
        """``{prefix_p, prefix_r, prefix_f1}``."""
        return {f"{prefix}_p": self.precision, f"{prefix}_r": self.recall,
                f"{prefix}_f1": self.f1}


def label_set_prf(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> PRF:
    """P/R/F1 tallies of two sets of labels (duplicates ignored)."""
    g, p = set(gold), set(pred)
    hit = len(g & p)
    return PRF(hit, len(p), hit, len(g))


def span_prf(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]],
             *, relaxed: bool = False) -> PRF:
    """Span P/R/F1 tallies: strict = same offsets; relaxed = any overlap (TempEval-3).

    Each gold span is matched at most once and each predicted span at most once
    (greedy in text order, which is optimal for interval overlap on sorted spans).
    """
    gold_sorted = sorted(set(gold))
    pred_sorted = sorted(set(pred))
    if not relaxed:
        hit = len(set(gold_sorted) & set(pred_sorted))
        return PRF(hit, len(pred_sorted), hit, len(gold_sorted))
    used: set[int] = set()
    hit = 0
    for ps, pe in pred_sorted:
        for i, (gs, ge) in enumerate(gold_sorted):
            if i not in used and gs < pe and ps < ge:
                used.add(i)
                hit += 1
                break
    return PRF(hit, len(pred_sorted), hit, len(gold_sorted))


def weighted_f1(gold: Sequence[str], pred: Sequence[str | None]) -> dict[str, float]:
    """Per-class F1 averaged with gold support as weights, plus micro and macro F1.

    ``pred[i]`` is the label predicted for item ``i`` (None = no prediction, which is
    wrong for every class). Classes are those seen in the gold labels (the CASE 2021
    convention of scikit-learn's ``average="weighted"`` over gold labels).
    """
    if len(gold) != len(pred):
        raise ValueError("gold and pred must have the same length")
    support = Counter(gold)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if p == g:
            tp[g] += 1
        elif p is not None:
            fp[p] += 1
    f1s = {}
    for label, n in support.items():
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rec = tp[label] / n
        f1s[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    total = sum(support.values())
    weighted = sum(f1s[k] * support[k] for k in f1s) / total if total else 0.0
    macro = sum(f1s.values()) / len(f1s) if f1s else 0.0
    micro = sum(tp.values()) / total if total else 0.0  # single-label: accuracy
    return {"weighted_f1": 100 * weighted, "macro_f1": 100 * macro, "micro_f1": 100 * micro}


def count_scores(gold: Sequence[int], pred: Sequence[int | None], prefix: str
                 ) -> dict[str, float]:
    """Exact-match rate over all items (a missing prediction is wrong) and the mean
    absolute error over the items that have a prediction (``nan`` when none has)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred must have the same length")
    exact = sum(1 for g, p in zip(gold, pred, strict=True) if p is not None and p == g)
    errors = [abs(g - p) for g, p in zip(gold, pred, strict=True) if p is not None]
    return {
        f"{prefix}_exact": 100.0 * exact / len(gold) if gold else 0.0,
        f"{prefix}_mae": sum(errors) / len(errors) if errors else float("nan"),
    }
