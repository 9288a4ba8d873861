"""Rule-based sentence splitting that keeps offsets into the article text.

Works on mixed-case, all-capitals (MUC-4 wire text) and all-lower-case text: a period
ends a sentence unless the token before it is a known abbreviation or a single initial.
Line breaks that separate paragraphs always end a sentence (headlines, captions).
"""

from __future__ import annotations

import re
from functools import cache

from ..article import Article, Sentence
from .lexicon import read_lines

__all__ = ["SentenceStage", "sentence_index_at", "split_sentences"]

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
# The look-ahead also captures the first visible character after the space (``nx``), so
# the case test needs no second search.
# It opens with one character class so that the engine skips to candidates in C; then
# "[.!?]+..." or, after a line break, "\n\s*\n" and "\n(?=\s*\S)", in that order.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'\u201d\u2019)\]]*(?=(?P<sp>\s+)(?P<nx>\S)?)"
                       r"|(?<=\n)(?:\s*\n|(?=\s*\S)))")
_NEXT_WITHIN = 10  # characters after a boundary in which its next word is looked for
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ."
_WORD_END = frozenset(_WORD_CHARS)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(read_lines("lexicons", "abbreviations.txt"))


_SENTENCE_START = re.compile(r"[.!?]\s+([A-Za-z])")


def _mostly_lowercase(text: str) -> bool:
    """Lower-cased text (often with a mixed-case header or footer): sentences start in
    lower case more often than not, so case cannot mark a boundary."""
    if text == text.lower():
        return True
    # One pass for both cases: a match is punctuation, space, letter, so the matches
    # of the lower- and upper-case variants never overlap and are counted alike.
    starts = _SENTENCE_START.findall(text)
    upper = sum(1 for c in starts if c <= "Z")
    lower = len(starts) - upper
    return lower > 2 * upper and lower >= 3


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each keeps its offsets, trimmed of whitespace."""
    abbreviations = _abbreviations()
    case_marks = not _mostly_lowercase(text)
    ends: list[int] = []
    for m in _BOUNDARY.finditer(text):
        at = m.start()
        first = text[at]
        if first != "\n":
            # A lower-case word or a comma next: not a boundary (whatever came before).
            space, c = m.group(1, 2)
            if (case_marks and c is not None and len(space) < _NEXT_WITHIN
                    and (c.islower() or c in ",;:")):
                continue
            if first == "." and at and text[at - 1] in _WORD_END and not text.startswith("...", at):
                # The word before the period: the run of letters and periods that ends
                # there, from its first letter, looked for in the 20 characters before.
                tail = text[max(0, at - 20):at]
                word = tail[len(tail.rstrip(_WORD_CHARS)):].lstrip(".")
                if word:
                    word = word.lower().rstrip(".")
                    if word in abbreviations or (len(word) == 1 and word.isalpha()):
                        continue
        ends.append(m.end())
    ends.append(len(text))
    out: list[Sentence] = []
    start = 0
    for end in ends:
        chunk = text[start:end]
        body = chunk.strip()
        if body:
            s = start + len(chunk) - len(chunk.lstrip())
            out.append(Sentence(len(out), s, s + len(body)))
        start = end
    return out


def sentence_index_at(sentences: list[Sentence], offset: int) -> int:
    """Index (in ``sentences``, sorted by start) of the sentence holding character
    ``offset``, or -1 when the offset falls between or outside sentences."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return -1


class SentenceStage:
    """Pipeline stage: sets ``article.sentences``."""

    name = "sentences"
    requires: tuple[str, ...] = ()
    sets = ("sentences",)

    def __call__(self, article: Article) -> Article:
        article.sentences = split_sentences(article.text)
        return article
