"""Rule-based sentence splitting that keeps offsets into the article text.

Works on mixed-case, all-capitals (MUC-4 wire text) and all-lower-case text: a period
ends a sentence unless the token before it is a known abbreviation or a single initial.
Line breaks that separate paragraphs always end a sentence (headlines, captions).
"""

from __future__ import annotations

import re

from ..article import Article, Sentence
from .lexicon import read_lines

__all__ = ["SentenceStage", "split_sentences"]

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n\s*\n|\n(?=\s*\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _abbreviations() -> frozenset[str]:
    return frozenset(read_lines("lexicons", "abbreviations.txt"))


_LOWER_START = re.compile(r"[.!?]\s+[a-z]")
_UPPER_START = re.compile(r"[.!?]\s+[A-Z]")


def _mostly_lowercase(text: str) -> bool:
    """Lower-cased text (often with a mixed-case header or footer): sentences start in
    lower case more often than not, so case cannot mark a boundary."""
    if text == text.lower():
        return True
    lower = len(_LOWER_START.findall(text))
    return lower > 2 * len(_UPPER_START.findall(text)) and lower >= 3


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each keeps its offsets, trimmed of whitespace."""
    abbreviations = _abbreviations()
    lowercase_text = _mostly_lowercase(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        chunk = m.group()
        if chunk[0] in ".!?":
            if chunk.startswith(".") and not chunk.startswith("..."):
                w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start() + 1)
                if w:
                    word = w.group(1).lower().rstrip(".")
                    if word in abbreviations or (len(word) == 1 and word.isalpha()):
                        continue
            nxt = re.match(r"\s*(\S)", text[end:end + 10])
            if nxt and not lowercase_text:
                c = nxt.group(1)
                if c.islower() or c in ",;:":
                    continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out: list[Sentence] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(len(out), s, e))
    return out


class SentenceStage:
    """Pipeline stage: sets ``article.sentences``."""

    name = "sentences"
    requires: tuple[str, ...] = ()
    sets = ("sentences",)

    def __call__(self, article: Article) -> Article:
        article.sentences = split_sentences(article.text)
        return article
