"""Is this text English? A cheap guess from function words and writing systems.

sitrep reads English news; a French or Arabic article run through its English lexicons
yields nonsense places ("Des" read as a town) and no events. Ingest does not refuse such
text (a mostly English report may quote another language): it tells the user, with a
guess at the language, so the diagnostic is actionable.

Two signals, both cheap enough for every article:

- the writing system: most letters outside the Latin script means not English (Arabic,
  Cyrillic, CJK...);
- function words: the share of a text's words that are frequent function words of
  English against the same share for other languages (``data/ingest/function_words.json``,
  which leaves out words English uses too, so "El Salvador" or "Al-Shabaab" weigh nothing).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..nlp.letter_runs import ascii_letter_runs
from ..nlp.lexicon import read_json

__all__ = ["LanguageGuess", "guess_language"]

_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\x00-\u024f]")
_SAMPLE = 1500  # characters read (~250 words): enough to judge, cheap on every article
_MIN_WORDS = 8  # fewer words than this: too short to judge
_MIN_SHARE = 0.08  # another language's function words must be at least this share...
_MARGIN = 2.0  # ...and this many times the English share
_ENGLISH_FLOOR = 0.04  # long text with fewer English function words than this is not English
_LONG = 30


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """``english`` is False only when the text clearly is not; ``language`` names the
    likely language or script then ("french", "arabic script")."""

    english: bool
    language: str | None = None


@cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages it belongs to: one look-up per distinct word."""
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in read_json("ingest", "function_words.json").items():
        if not lang.startswith("_"):
            for w in words:
                out[w] = (*out.get(w, ()), lang)
    return out


def _script(ch: str) -> str:
    # The first word of a letter's Unicode name is its script ("ARABIC LETTER ALEF").
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    return "cjk" if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL") else first.lower()


def _dominant_script(sample: str) -> str | None:
    """The script of most letters when it is not Latin, else None."""
    if sample.isascii():  # most English text: no need to look at each letter
        return None
    if len(_NON_LATIN_LETTER.findall(sample)) * 5 < len(sample):  # curly quotes, a name
        return None
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    latin = sum(1 for ch in letters if ch < "\u0250")  # ASCII, Latin-1 and Latin Extended
    if latin * 2 >= len(letters):
        return None
    counts: dict[str, int] = {}
    for ch in letters:
        if ch >= "\u0250":
            s = _script(ch)
            counts[s] = counts.get(s, 0) + 1
    return max(counts, key=counts.__getitem__)


def _words(lowered: str) -> list[str]:
    """``_WORD.findall(lowered)``: on ASCII text (most English news) its words are the
    runs of ASCII letters, found faster without the regex."""
    if lowered.isascii():
        return ascii_letter_runs(lowered)
    return _WORD.findall(lowered)


def guess_language(text: str) -> LanguageGuess:
    """Whether ``text`` looks English; when it does not, the likely language or script."""
    sample = text[:_SAMPLE]
    script = _dominant_script(sample)
    if script is not None:
        return LanguageGuess(False, f"{script} script")
    words = _words(sample.lower())
    total = len(words)
    if total < _MIN_WORDS:
        return LanguageGuess(True)
    languages_of = _languages_of()
    hits: Counter[str] = Counter()
    # Only the function words, counted in the order they first occur (which breaks ties
    # between languages below); the filter runs in C.
    for word, n in Counter(filter(languages_of.__contains__, words)).items():
        for lang in languages_of[word]:
            hits[lang] += n
    english_share = hits.pop("english", 0) / total
    best, best_n = max(hits.items(), key=lambda kv: kv[1], default=(None, 0))
    best_share = best_n / total
    if best_share >= _MIN_SHARE and best_share >= _MARGIN * english_share:
        return LanguageGuess(False, best)
    if total >= _LONG and english_share < _ENGLISH_FLOOR:
        return LanguageGuess(False, best)
    return LanguageGuess(True)
