"""`make eval`: the scoreboard over every gold set, and the floors workflow.

    python -m sitrep.eval.board [--data-dir DIR] [--out eval/scoreboard.md] [--limit N]
    python -m sitrep.eval.board --slices --check          # the floors gate, as the tests run it
    python -m sitrep.eval.board --slices --update-floors  # raise floors after an improvement

Full sets by default; ``--slices`` runs each set's fast slice (the size pinned in
``eval/floors.json``). Prints markdown (one row per dataset x metric, articles/s beside
it) and writes it to ``--out`` when given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .base import get_set, registered
from .floors import FLOORS_PATH, check_floors, load_floors, raise_floors, save_floors
from .predict import PipelinePredictor
from .runner import DEFAULT_DATA_DIR, Scores, run_eval, scores_markdown

__all__ = ["main", "run_slices"]


def run_slices(data_dir: Path, *, predictor: PipelinePredictor | None = None,
               floors_path: Path = FLOORS_PATH, names: Sequence[str] | None = None
               ) -> list[Scores]:
    """Every available set on its fast slice (size from the floors file, else the set's)."""
    floors = load_floors(floors_path).get("sets", {})
    predictor = predictor or PipelinePredictor()
    out = []
    for name in names or registered():
        gold_set = get_set(name)
        if not gold_set.available(data_dir):
            continue
        size = int(floors.get(name, {}).get("slice", gold_set.slice_size))
        out.append(run_eval(name, limit=size, data_dir=data_dir, predictor=predictor,
                            baselines=False))  # the floors gate: no reference systems
    return out


def _write_figures(results: Sequence[Scores], folder: Path) -> str:
    """Write each set's figures beside the board; markdown lines that show them."""
    lines = []
    for s in results:
        for file_name, svg in s.figures.items():
            (folder / file_name).write_text(svg, encoding="utf-8")
            lines.append(f"![{s.title}: {file_name}]({file_name})\n")
    return "\n" + "\n".join(lines) if lines else ""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``make eval``; exit 1 when ``--check`` finds a regression."""
    ap = argparse.ArgumentParser(prog="python -m sitrep.eval.board", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--out", type=Path, default=None, help="write the markdown here")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    ap.add_argument("--slices", action="store_true", help="each set's fast slice only")
    ap.add_argument("--only", default=None, help="comma-separated set names")
    ap.add_argument("--check", action="store_true", help="fail on a floor regression")
    ap.add_argument("--update-floors", action="store_true",
                    help="raise floors where the slice scores improved (needs --slices)")
    args = ap.parse_args(argv)
    names = args.only.split(",") if args.only else None
    if not args.data_dir.exists():
        print(f"sitrep eval: no data directory {args.data_dir}", file=sys.stderr)
        return 2
    predictor = PipelinePredictor()
    if args.slices:
        results = run_slices(args.data_dir, predictor=predictor, names=names)
    else:
        results = []
        for name in names or registered():
            if get_set(name).available(args.data_dir):
                print(f"sitrep eval: {name} ...", file=sys.stderr)
                results.append(run_eval(name, limit=args.limit, data_dir=args.data_dir,
                                        predictor=predictor, figures=args.out is not None))
    text = scores_markdown(results)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        text += _write_figures(results, args.out.parent)
        args.out.write_text(text, encoding="utf-8")
    scores = {s.dataset: s.metrics for s in results}
    status = 0
    if args.check:
        regressions = check_floors(scores, load_floors())
        for r in regressions:
            print(f"REGRESSION {r}", file=sys.stderr)
        status = 1 if regressions else 0
    if args.update_floors:
        if not args.slices:
            print("sitrep eval: --update-floors needs --slices", file=sys.stderr)
            return 2
        new, changes = raise_floors(load_floors(), scores,
                                    {s.dataset: s.n_docs for s in results},
                                    {s.dataset: s.headline for s in results})
        save_floors(new)
        for c in changes:
            print(f"floor {c}", file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
