"""Check casualty counts against the Gun Violence Database dev split (article level).

For every article of ``gvdb/dev.tsv`` the gold killed count is the number of victims
marked ``killed``, the gold injured count the number marked ``injured`` or
``hospitalized`` but not ``killed``. The prediction is :func:`toll` over all the
article's :class:`CountMention` (``None`` read as 0). Run::

    .venv/bin/python -m sitrep.events.casualty_eval [../shared/data/gvdb/dev.tsv] [-v]
"""

from __future__ import annotations

import csv
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .casualties import extract_counts, toll

__all__ = ["GvdbScore", "gold_counts", "score_gvdb"]

DEFAULT_PATH = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "gvdb" / "dev.tsv"


@dataclass(slots=True)
class GvdbScore:
    """Exact-match accuracy of article-level killed and injured counts."""

    articles: int
    killed_exact: float
    injured_exact: float
    seconds: float
    misses: list[tuple[str, str, int, int]]  # (article id, field, gold, predicted)


def gold_counts(annotation: dict) -> tuple[int, int]:
    """(killed, injured) from one GVDB ``Json`` annotation."""
    killed = injured = 0
    for victim in annotation.get("victim-section", []):
        was = victim.get("victim-was", [])
        if "killed" in was:
            killed += 1
        elif "injured" in was or "hospitalized" in was:
            injured += 1
    return killed, injured


def score_gvdb(path: Path = DEFAULT_PATH) -> GvdbScore:
    """Score the casualty rules on a GVDB TSV file."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    ok_k = ok_i = 0
    misses: list[tuple[str, str, int, int]] = []
    spent = 0.0
    for row in rows:
        gold_k, gold_i = gold_counts(json.loads(row["Json"]))
        t0 = time.perf_counter()
        text = row["Full text"]
        title = row["Article title"]
        if title and text.startswith(title):
            # The corpus glues the headline to the body ("west sideDETROIT"); an
            # ingest step would keep them apart, so do the same here.
            text = title + "\n\n" + text[len(title):]
        found = toll(extract_counts(text))
        spent += time.perf_counter() - t0
        pred_k, pred_i = found.fatalities or 0, found.wounded or 0
        ok_k += pred_k == gold_k
        ok_i += pred_i == gold_i
        if pred_k != gold_k:
            misses.append((row["Article id"], "killed", gold_k, pred_k))
        if pred_i != gold_i:
            misses.append((row["Article id"], "injured", gold_i, pred_i))
    n = max(len(rows), 1)
    return GvdbScore(len(rows), ok_k / n, ok_i / n, spent, misses)


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and with ``-v`` the misses)."""
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("-")]
    score = score_gvdb(Path(paths[0]) if paths else DEFAULT_PATH)
    print(f"articles {score.articles}  killed exact {score.killed_exact:.3f}  "
          f"injured exact {score.injured_exact:.3f}  "
          f"{1000 * score.seconds / max(score.articles, 1):.3f} ms/article")
    if "-v" in args:
        for miss in score.misses:
            print(*miss, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
