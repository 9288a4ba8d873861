"""CASE 2021 Shared Task 2 (Haneczok et al. 2021), fine-grained event types: the 25 ACLED
sub-event types (subtask 1) of the labelled snippets here.

Snippets labelled with a non-ACLED type (ORG_CRIME, NATURAL_DISASTER, DIPLO, ...) are left
out: the contract has no code for them. Prediction: the ACLED ``sub_event_type`` of the
main event (no event = no label, wrong). Metrics: weighted F1 (the task's headline),
micro and macro F1.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from ...nlp.lexicon import data_path, read_json
from ..base import GoldDoc, GoldSet, Line, empty_line, main_event
from ..metrics import weighted_f1
from ..plots import confusion_svg

__all__ = ["CASE2021Set", "case_to_acled"]


@cache
def case_to_acled() -> dict[str, str]:
    """CASE label -> ACLED sub-event type (the events helper's table when present)."""
    for parts in (("events", "case_labels.json"), ("eval", "case_labels.json")):
        if data_path(*parts).exists():
            table = read_json(*parts)
            if isinstance(table, dict):
                flat = {k: v for k, v in table.items()
                        if not k.startswith("_") and isinstance(v, str)}
                if flat:
                    return flat
    raise FileNotFoundError("no CASE label table in data/events or data/eval")


class CASE2021Set(GoldSet):
    """CASE 2021 task 2 labelled snippets (even ids), ACLED types only."""

    name = "case2021"
    title = "CASE 2021 task 2 (ACLED sub-event types)"
    path = "case2021-task2/test_set_final_release_with_labels.tsv"
    headline = ("weighted_f1",)
    slice_size = 80

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        table = case_to_acled()
        docs = []
        with open(data_dir / self.path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                label = (row.get("SubType") or "").strip()
                if label in table:
                    docs.append(GoldDoc(id=f"case-{row['id']}", text=row["EventSnippet"],
                                        gold=table[label], meta={"case_label": label}))
        return docs

    def gold_line(self, doc: GoldDoc) -> Line:
        line = empty_line(doc.id)
        line["events"] = [{"codes": {"acled": {"sub_event_type": doc.gold}}}]
        return line

    @staticmethod
    def _predicted(lines: Sequence[Line]) -> list[str | None]:
        """The main event's ACLED sub-event type of each line (None: no event)."""
        pred: list[str | None] = []
        for line in lines:
            ev = main_event(line)
            acled = ((ev or {}).get("codes") or {}).get("acled") or {}
            pred.append(acled.get("sub_event_type"))
        return pred

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        return weighted_f1([d.gold for d in docs], self._predicted(lines))

    def figures(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, str]:
        """The confusion matrix of the scored labels (gold rows, predicted columns)."""
        svg = confusion_svg([d.gold for d in docs], self._predicted(lines),
                            title=f"{self.title}: confusion (n={len(docs)})")
        return {"case2021-confusion.svg": svg}
