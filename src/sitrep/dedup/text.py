"""An article's wording as a sparse term vector, and the similarity of two of them.

Two reports of one incident share names (victims, towns, streets, groups) and uncommon
words far more than two reports of similar incidents do. The signature keeps content
words and numbers, weights capitalised words inside a sentence (names) higher, and is
compared by TF-IDF cosine where the document frequencies come from the articles seen so
far (:class:`TermStats`), so the same code serves a batch and a store that grows.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..nlp.lexicon import read_lines

__all__ = ["TermStats", "cosine", "term_counts", "weighted"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"[.!?:\n]\s*$")
# names count more than ordinary words: they identify the incident
_NAME_WEIGHT = 2
_MAX_CHARS = 6000  # the lead and body carry the identity; long tails add noise and time


def _stopwords() -> frozenset[str]:
    return frozenset(w for line in read_lines("dedup", "stopwords.txt") for w in line.split())


_STOP = _stopwords()


def term_counts(text: str, *, title: str | None = None) -> dict[str, int]:
    """Term -> weighted count for one article (names doubled, stopwords dropped)."""
    counts: Counter[str] = Counter()
    body = (title + "\n" if title else "") + text[:_MAX_CHARS]
    prev_end = 0
    for m in _TOKEN.finditer(body):
        raw = m.group()
        word = raw.lower().strip("'-")
        if len(word) < 2 or word in _STOP:
            prev_end = m.end()
            continue
        if word.endswith("'s"):
            word = word[:-2]
        weight = 1
        if raw[0].isupper() and not _SENTENCE_END.search(body[max(0, prev_end - 3):m.start()]
                                                         or "\n"):
            weight = _NAME_WEIGHT
        counts[word] += weight
        prev_end = m.end()
    return dict(counts)


@dataclass
class TermStats:
    """Document frequencies of terms over the articles seen so far."""

    documents: int = 0
    df: dict[str, int] = field(default_factory=dict)

    def add(self, counts: Mapping[str, int]) -> None:
        """Count one more article with these terms."""
        self.documents += 1
        for term in counts:
            self.df[term] = self.df.get(term, 0) + 1

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency (a term seen once is most telling)."""
        return math.log((self.documents + 1) / (self.df.get(term, 0) + 1)) + 1.0


def weighted(counts: Mapping[str, int], stats: TermStats) -> dict[str, float]:
    """Unit-length TF-IDF vector (log term frequency)."""
    vec = {t: (1.0 + math.log(c)) * stats.idf(t) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two unit vectors (iterating the shorter one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def add_into(total: dict[str, float], vec: Iterable[tuple[str, float]]) -> None:
    """Accumulate ``vec`` into ``total`` (a cluster centroid, not normalised)."""
    for t, v in vec:
        total[t] = total.get(t, 0.0) + v
