"""A small token-level phrase matcher shared by event typing, modality and roles.

Text is cut into word tokens (letters and digits; hyphens and apostrophes split), each
lower-cased, so a phrase matches in mixed case, ALL CAPS and lower case alike. Phrases
are written as data in a tiny syntax:

- ``attack*``: the token and its regular inflections (attacks, attacked, attacking) plus
  the irregular forms listed in ``data/events/lemmas.json`` (``shoot*`` -> shot);
- ``a|the``: alternatives for one slot; ``gunm*n``: an inner ``*`` is an optional vowel
  (gunman, gunmen);
- ``...``: a gap of up to six tokens (``set* ... ablaze``).

Matching is a dictionary look-up on the first slot, then a short walk, so the cost is
linear in the number of tokens: well under a millisecond for a news article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Generic, NamedTuple, TypeVar

from ..nlp.lexicon import read_json

__all__ = ["GAP", "PhraseHit", "PhraseMatcher", "Token", "inflect", "longest", "plain_norms",
           "tokenize"]

T = TypeVar("T")
GAP = "..."
_MAX_GAP = 6
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+")


# bytes.translate maps a byte through a 256-entry table at C speed: every byte that is no
# word character of _TOKEN (ASCII letters and digits) becomes a space.
_ASCII_WORD_GAPS = bytes(i if chr(i).isascii() and chr(i).isalnum() else 32 for i in range(256))


def plain_norms(lowered: str) -> list[str]:
    """``_TOKEN.findall(lowered)``: the words of ``lowered`` (already lower-cased) in order.

    On ASCII text (most news) the words are the runs of letters and digits, which a byte
    table and ``split`` find faster than the regex.
    """
    if lowered.isascii():
        return lowered.encode("ascii").translate(_ASCII_WORD_GAPS).decode("ascii").split()
    return _TOKEN.findall(lowered)


class Token(NamedTuple):
    """A word of the text: lower-cased ``norm`` and its character offsets."""

    norm: str
    start: int
    end: int


# Words before a month name ("in March", "since March"): the month is no protest march.
_MONTH_CONTEXT = frozenset(
    "in on of since last early late mid until by from through between "
    "and to this next during before after".split()
)


@lru_cache(maxsize=1024)
def tokenize(text: str) -> tuple[Token, ...]:
    """Word tokens of ``text`` (offsets into ``text``), lower-cased.

    The month "March" becomes ``march#month`` so that no phrase about marching matches it.
    Cached: typing, targets and weapons tokenize the same sentence in turn.
    """
    lowered = text.lower()
    new = tuple.__new__  # a NamedTuple built without its keyword-handling __new__
    if len(lowered) == len(text):
        tokens = [new(Token, (m[0], m.start(), m.end())) for m in _TOKEN.finditer(lowered)]
    else:  # a letter that lower-cases to two ("İ"): offsets come from the original
        tokens = [
            new(Token, (lowered[m.start() : m.end()], m.start(), m.end()))
            for m in _TOKEN.finditer(text)
        ]
    if "march" not in lowered:
        return tuple(tokens)
    for i, tok in enumerate(tokens):
        if tok.norm == "march":
            prev = tokens[i - 1].norm if i else ""
            nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            capital = text[tok.start] == "M" and not text[tok.start : tok.end].isupper()
            after_article = prev in ("a", "the")
            if prev in _MONTH_CONTEXT or nxt.isdigit() or (capital and i and not after_article):
                tokens[i] = Token("march#month", tok.start, tok.end)
    return tuple(tokens)


@cache
def _irregular() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in read_json("events", "lemmas.json")["irregular"].items()}


def inflect(lemma: str) -> frozenset[str]:
    """The lemma and its plausible regular and irregular inflected forms.

    Over-generation (e.g. "shootted") is harmless: such strings never occur in text.
    """
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouywx" and lemma[-2] in "aeiou":
        # kidnap -> kidnapped, rob -> robbing; also British "-lled" forms (shelled stays).
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= set(_irregular().get(lemma, ()))
    return frozenset(forms)


def _compile_slot(word: str) -> frozenset[str] | str:
    if word == GAP:
        return GAP
    out: set[str] = set()
    for alt in word.split("|"):
        alt = alt.lower()
        inflected = alt.endswith("*")
        stem = alt[:-1] if inflected else alt
        # An inner "*" stands for one optional vowel: gunm*n -> gunman, gunmen;
        # neighbo*rhood -> neighborhood, neighbourhood.
        variants = {stem.replace("*", v, 1) for v in ("", "a", "e", "u")} if "*" in stem else {stem}
        for v in variants:
            out |= inflect(v) if inflected else {v}
    return frozenset(out)


def _phrase_words(phrase: str) -> list[str]:
    # Hyphens and apostrophes split words in text, so they split them in phrases too.
    return [w for w in re.split(r"[\s\-'\u2019]+", phrase.strip()) if w]


# Words too frequent to make a good anchor for :meth:`PhraseMatcher.may_match`. Only a
# speed hint: any slot of a phrase is a correct anchor.
_FREQUENT = frozenset(
    "a an the of in on at to from by for with against over under up down back "
    "was were is are be been has have had made take taken time land new general".split()
)


def _telling(slot: frozenset[str] | str) -> tuple[bool, int]:
    """How well a slot singles out the texts its phrase can match (greater is better)."""
    return (not slot <= _FREQUENT, min(len(w) for w in slot))


_Slots = tuple[frozenset[str] | str, ...]
# An indexed phrase: its slots, its payload and its second slot when a word set, else None.
_Entry = tuple[_Slots, T, frozenset[str] | None]
# What :meth:`PhraseMatcher.find_spans` does for a phrase once its first word and the word
# after it are known: a hit of that one word, a hit of the two words, or a walk on.
_ONE, _TWO, _WALK = 1, 2, 0
_Step = tuple[int, T, _Slots]
# Per first word: the steps for each word that may come next, and for any other word.
_Steps = tuple[dict[str, tuple[_Step[T], ...]], tuple[_Step[T], ...]]


def _steps(entries: list[_Entry[T]]) -> _Steps[T]:
    """The steps for the phrases ``entries`` (in index order, which later breaks ties
    between hits) that share a first word: per possible second word, those whose second
    slot holds it or who need no second word; and those alone, after any other word. A
    phrase whose second slot does not hold the next word has no hit there."""

    def step(slots: _Slots, payload: T, second: frozenset[str] | None) -> _Step[T]:
        if len(slots) == 1:
            return (_ONE, payload, slots)
        return (_TWO if second is not None and len(slots) == 2 else _WALK, payload, slots)

    default = tuple(step(*e) for e in entries if e[2] is None)
    nexts = {w for e in entries if e[2] is not None for w in e[2]}
    by_next = {w: tuple(step(*e) for e in entries if e[2] is None or w in e[2]) for w in nexts}
    return by_next, default


class PhraseHit(NamedTuple, Generic[T]):
    """A phrase found in the text: token span ``[first, last]`` and the phrase's payload."""

    first: int
    last: int
    start: int
    end: int
    payload: T


class PhraseMatcher(Generic[T]):
    """Find every occurrence of a set of phrases, each carrying a payload."""

    def __init__(self, phrases: Iterable[tuple[str, T]],
                 relevant: Callable[[T], bool] | None = None) -> None:
        """Index ``phrases`` (with their payloads); :meth:`may_match` looks only for the
        phrases whose payload is ``relevant`` (all by default)."""
        # first word -> (slots, payload, second slot when a word set, else None)
        self._index: dict[str, list[tuple[_Slots, T, frozenset[str] | None]]] = {}
        # Every hit has a token in each slot of its phrase, so a text none of whose words
        # fill a phrase's most telling slot (its longest words: "police" rather than
        # "the") has no hit: the union of those slots is a safe pre-filter.
        anchors: set[str] = set()
        for phrase, payload in phrases:
            slots = tuple(_compile_slot(w) for w in _phrase_words(phrase))
            if not slots or slots[0] == GAP:
                raise ValueError(f"bad phrase: {phrase!r}")
            if relevant is None or relevant(payload):
                words = [sl for sl in slots if sl != GAP]
                anchors |= max(reversed(words), key=_telling)
            first = slots[0]
            assert isinstance(first, frozenset)
            second = slots[1] if len(slots) > 1 and slots[1] != GAP else None
            assert second is None or isinstance(second, frozenset)
            for form in first:
                self._index.setdefault(form, []).append((slots, payload, second))
        self._anchors = frozenset(anchors)
        # The same index for :meth:`find_spans`, with each phrase's second word looked up
        # beforehand: per first word, the steps to take for each word that can follow it,
        # and the steps whatever follows (one-word phrases, a gap second).
        self._steps: dict[str, _Steps[T]] = {
            form: _steps(entries) for form, entries in self._index.items()
        }

    def may_match(self, text: str) -> bool:
        """False when no relevant phrase can match in ``text``: none of its words fills
        such a phrase's anchor slot.

        A cheap test (one C-level scan) run before :func:`tokenize` and :meth:`find`,
        which most sentences would pass through for nothing. It answers True whenever
        tokenizing could differ from a plain scan (the month "March", letters that
        lower-case to two).
        """
        lowered = text.lower()
        if len(lowered) != len(text) or "march" in lowered:
            return True
        return not self._anchors.isdisjoint(plain_norms(lowered))

    @staticmethod
    def _walk(norms: Sequence[str], i: int, slots: _Slots) -> int | None:
        """Index of the last token matched by ``slots`` starting at token ``i``, or None."""
        j, k, n = i + 1, 1, len(norms)  # the first slot matched already (index look-up)
        while k < len(slots):
            slot = slots[k]
            if slot == GAP:
                nxt = slots[k + 1]
                for skip in range(0, _MAX_GAP + 1):
                    if j + skip < n and norms[j + skip] in nxt:
                        j += skip
                        break
                else:
                    return None
                k += 1
                continue
            if j >= n or norms[j] not in slot:
                return None
            j += 1
            k += 1
        return j - 1

    def find(self, tokens: Sequence[Token]) -> list[PhraseHit[T]]:
        """All hits (overlaps included), in text order."""
        spans = self.find_spans([t[0] for t in tokens])
        return [PhraseHit(i, last, tokens[i][1], tokens[last][2], payload)
                for i, last, payload in spans]

    def find_spans(self, norms: Sequence[str]) -> list[tuple[int, int, T]]:
        """:meth:`find` on the tokens' ``norm`` alone: ``(first, last, payload)`` of each
        hit, in text order. Lets a caller learn that a text has no hit before it pays for
        building its :class:`Token` offsets."""
        hits: list[tuple[int, int, T]] = []
        index = self._steps
        walk = self._walk
        n = len(norms)
        # Where the words that start some phrase are (most tokens start none): one pass
        # in a comprehension, cheaper than a loop that skips the others one by one.
        for i in [i for i, norm in enumerate(norms) if norm in index]:
            by_next, default = index[norms[i]]
            steps = by_next.get(norms[i + 1], default) if i + 1 < n else default
            for kind, payload, slots in steps:
                if kind == _ONE:
                    hits.append((i, i, payload))
                elif kind == _TWO:
                    hits.append((i, i + 1, payload))
                else:
                    last = walk(norms, i, slots)
                    if last is not None:
                        hits.append((i, last, payload))
        return hits

    def may_match_norms(self, norms: Sequence[str]) -> bool:
        """:meth:`may_match` on a text's token norms (no month or case caveat: the norms
        are those :func:`tokenize` gives)."""
        return not self._anchors.isdisjoint(norms)


def longest(found: Iterable[PhraseHit[T]]) -> list[PhraseHit[T]]:
    """Resolve overlapping hits: the longer span wins, then the earlier one; text order."""
    hits = sorted(found, key=lambda h: (-(h.last - h.first), h.first))
    if len(hits) < 2:  # nothing to overlap (most calls)
        return hits
    taken: set[int] = set()
    kept: list[PhraseHit[T]] = []
    for h in hits:
        span = set(range(h.first, h.last + 1))
        if span & taken:
            continue
        taken |= span
        kept.append(h)
    return sorted(kept, key=lambda h: h.first)
