"""`make bench`: throughput, start-up time and peak memory of `sitrep extract`.

Runs the real command line in a subprocess on JSON Lines corpora (1,000 copies of the
seed article when ../shared is present, else of the bundled examples) and prints a
markdown table. Numbers are measured on the machine it runs on; nothing is assumed.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["main"]

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "examples" / "ben-guerdan.txt"


def _corpus(n: int, folder: Path) -> Path:
    texts = [SEED.read_text(encoding="utf-8")] if SEED.is_file() else \
        [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    path = folder / f"corpus-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)],
                                 "published": "2016-03-09"}) + "\n")
    return path


def _run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitrep.cli", *args], check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, rss


def main() -> None:
    """Print the benchmark table."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one = _corpus(1, folder)
        big = _corpus(1000, folder)
        start_wall, _ = _run(["extract", str(one)])
        wall, rss = _run(["extract", str(big)])
    per_s = 1000 / max(wall - start_wall, 1e-9)
    corpus = "seed article" if SEED.is_file() else "bundled examples"
    print("| measure | value |\n|---|---|")
    print(f"| start-up + 1 article (s) | {start_wall:.2f} |")
    print(f"| 1,000 copies of the {corpus}, wall (s) | {wall:.2f} |")
    print(f"| throughput after start-up (articles/s, one core) | {per_s:.0f} |")
    print(f"| throughput including start-up (articles/s) | {1000 / wall:.0f} |")
    print(f"| peak resident memory (MB) | {rss:.0f} |")


if __name__ == "__main__":
    main()
