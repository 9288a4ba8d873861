"""Quick measurements of event typing on development data (not part of the pipeline).

- CASE 2021 Task 2: each snippet as a whole, the best trigger's ACLED sub-event type
  against the gold label mapped by ``data/events/case_labels.json`` (non-ACLED labels
  and no prediction both count as ``none``); weighted, macro and micro F1.
- MUC-4 (GTT ``dev.jsonl``): the document's top MUC incident type (the most confident
  asserted trigger with a MUC type; earliest on ties) against the first gold template's
  type (``none`` when the document has no template).

Run: ``.venv/bin/python -m sitrep.events.typing_eval [SHARED_DATA_DIR]``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..nlp.lexicon import read_json
from ..nlp.sentences import split_sentences
from .typing import TypeMatch, best_match, classify_sentence

__all__ = ["case_label_map", "eval_case", "eval_muc", "f1_scores", "main"]

NONE = "none"


def case_label_map() -> dict[str, str | None]:
    """CASE 2021 label name -> ACLED sub-event type (None for non-ACLED labels)."""
    return dict(read_json("events", "case_labels.json")["labels"])


def f1_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Weighted (by gold support), macro and micro F1 of (gold, predicted) label pairs."""
    pairs = list(pairs)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold, pred in pairs:
        if gold == pred:
            tp[gold] += 1
        else:
            fp[pred] += 1
            fn[gold] += 1
    support = Counter(g for g, _ in pairs)
    f1 = {}
    for label in set(support) | set(fp):
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1[label] = 2 * p * r / (p + r) if p + r else 0.0
    total = sum(support.values())
    return {
        "weighted_f1": sum(f1[g] * n for g, n in support.items()) / total if total else 0.0,
        "macro_f1": sum(f1[g] for g in support) / len(support) if support else 0.0,
        "micro_f1": sum(tp.values()) / total if total else 0.0,
        "n": float(total),
    }


def _top_sub(text: str) -> str:
    m = best_match(classify_sentence(text))
    return m.acled_sub_event_type if m is not None else NONE


def eval_case(path: Path, *, show_errors: bool = False) -> dict[str, float]:
    """Scores on the CASE 2021 Task 2 TSV (``id``, ``EventSnippet``, ``SubType``)."""
    labels = case_label_map()
    pairs = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            gold = labels.get(row["SubType"]) or NONE
            pred = _top_sub(row["EventSnippet"])
            pairs.append((gold, pred))
            if show_errors and gold != pred:
                print(f"{gold!r:40} {pred!r:40} {row['EventSnippet'][:160]}")
    return f1_scores(pairs)


def _doc_muc(text: str) -> str:
    found: list[TypeMatch] = []
    for s in split_sentences(text):
        found.extend(
            m
            for m in classify_sentence(text[s.start : s.end], s.start)
            if m.modality == "asserted" and m.muc_incident_type is not None
        )
    m = best_match(found)
    return m.muc_incident_type if m is not None and m.muc_incident_type else NONE


def eval_muc(path: Path) -> dict[str, float]:
    """Accuracy of the document's top MUC incident type against the first gold template."""
    n = hit = n_t = hit_t = 0
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        templates = doc["templates"]
        first_type = templates[0]["incident_type"] if templates else NONE
        gold = {t.strip() for t in first_type.split("/")}
        pred = _doc_muc(doc["doctext"])
        n += 1
        hit += pred in gold
        if templates:
            n_t += 1
            hit_t += pred in gold
    return {
        "accuracy_all": hit / n if n else 0.0,
        "n": float(n),
        "accuracy_with_template": hit_t / n_t if n_t else 0.0,
        "n_with_template": float(n_t),
    }


def main(argv: list[str] | None = None) -> None:
    """Print the CASE and MUC-4 figures (data folder: argument or ``../shared/data``)."""
    args = sys.argv[1:] if argv is None else argv
    show = "--errors" in args
    args = [a for a in args if a != "--errors"]
    root = Path(args[0]) if args else Path(__file__).resolve().parents[3] / ".." / "shared" / "data"
    case = root / "case2021-task2" / "test_set_final_release_with_labels.tsv"
    muc = root / "muc4" / "gtt_processed" / "dev.jsonl"
    if case.exists():
        scores = eval_case(case, show_errors=show)
        print("CASE 2021 task 2:", json.dumps({k: round(v, 4) for k, v in scores.items()}))
    if muc.exists():
        scores = eval_muc(muc)
        print("MUC-4 GTT dev:", json.dumps({k: round(v, 4) for k, v in scores.items()}))


if __name__ == "__main__":
    main()
