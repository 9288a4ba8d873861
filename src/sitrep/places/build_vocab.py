"""Rebuild ``data/places/lowercase_vocab.txt``: words news text writes in lower case.

``python -m sitrep.places.build_vocab [--data-dir ../shared/data] [--out PATH] [--check]``
counts, in the mixed-case development corpora (TempEval-3, WikiEvents, ECB+, GVC, LGL,
GeoVirus), each word that follows a lower-case word (so mid-sentence, never a sentence
opener) written in lower case and written capitalised ("Meeting"). A word seen lower case
at least :data:`MIN_LOWER` times and at least :data:`RATIO` times as often as capitalised
is an ordinary word: caseless text (MUC-4 wire copy) cannot tell it from a name, so a
"name" made only of such words ("THE MEETING") is no place there outside a place slot.

Markup is stripped crudely (tags removed, entities unescaped): the count only needs word
pairs, and every corpus file is read the same way, so the output is deterministic (sorted).
``--check`` compares with the committed file instead of writing it.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from pathlib import Path

__all__ = ["HEADER", "MIN_LOWER", "RATIO", "count_case", "corpus_files", "main", "vocabulary"]

CORPORA = ("tempeval3", "wikievents", "ecbplus", "gvc", "geoparsing")
SUFFIXES = (".xml", ".tml", ".jsonl", ".jsonlines", ".json", ".txt")
MIN_LOWER = 3  # lower-case sightings at least
RATIO = 3  # times as often lower case as capitalised
MIN_LEN = 3  # letters: shorter words are left to the acronym and length checks
HEADER = (
    "# Words seen lower case mid-sentence at least 3 times and at least 3 times as often as\n"
    "# capitalised in the mixed-case development corpora (TempEval-3, WikiEvents, ECB+, GVC,"
    " LGL,\n"
    "# GeoVirus). Used only in caseless text, for names made of several ordinary words (\"THE\n"
    "# MEETING\"), which are no place there unless in a place slot or a big town's name.\n"
)
# a lower-case word, then the word counted (so the counted word never opens a sentence)
_PAIR = re.compile(r"\b([a-z]+)[ ]+([A-Za-z]+)\b")
_TAG = re.compile(r"<[^>]+>")
_DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "places" / "lowercase_vocab.txt"


def corpus_files(data_dir: Path) -> list[Path]:
    """The text-bearing files of the development corpora under ``data_dir``, sorted."""
    return sorted(p for d in CORPORA for p in (data_dir / d).rglob("*")
                  if p.is_file() and p.suffix.lower() in SUFFIXES)


def count_case(texts: list[str]) -> tuple[Counter, Counter]:
    """(lower-case, capitalised) mid-sentence sightings per folded word in ``texts``."""
    low: Counter = Counter()
    cap: Counter = Counter()
    for raw in texts:
        text = html.unescape(_TAG.sub(" ", raw))
        for m in _PAIR.finditer(text):
            w = m.group(2)
            if w.islower():
                low[w] += 1
            elif w[0].isupper() and w[1:].islower():
                cap[w.lower()] += 1
    return low, cap


def vocabulary(low: Counter, cap: Counter) -> list[str]:
    """The ordinary words by the thresholds above, sorted."""
    return sorted(w for w, n in low.items()
                  if n >= MIN_LOWER and n >= RATIO * cap[w] and len(w) >= MIN_LEN)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the vocabulary file; 1 when ``--check`` differs."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data-dir", type=Path,
                    default=Path(__file__).resolve().parents[3] / ".." / "shared" / "data")
    ap.add_argument("--out", type=Path, default=_DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    files = corpus_files(args.data_dir)
    if not files:
        print(f"no corpus files under {args.data_dir}", file=sys.stderr)
        return 2
    words = vocabulary(*count_case([p.read_text(errors="ignore") for p in files]))
    content = HEADER + "".join(w + "\n" for w in words)
    if args.check:
        same = args.out.exists() and args.out.read_text() == content
        print(f"{len(files)} files, {len(words)} words: "
              f"{'identical to' if same else 'DIFFERS from'} {args.out}")
        return 0 if same else 1
    args.out.write_text(content)
    print(f"{len(files)} files, {len(words)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
