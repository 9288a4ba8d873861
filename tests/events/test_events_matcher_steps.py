"""The phrase matcher's look-up of steps by next word finds what a plain walk finds,
hit for hit and in the same order (the order breaks ties between equal hits later)."""

from __future__ import annotations

import re

import pytest

from sitrep.events.modality import _CLAUSE_BREAK, _clause_prefix
from sitrep.events.typing_matcher import GAP, PhraseHit, PhraseMatcher, longest, plain_norms

_PHRASES = [
    ("police", "police"),
    ("police station", "station"),
    ("police", "police-again"),  # a second payload for the same word: both hits, in order
    ("riot police", "riot"),
    ("set* ... ablaze", "arson"),
    ("set* fire to", "fire"),
    ("took control of", "control"),
    ("took", "took"),
    ("gunm*n", "gunman"),
    ("open* fire", "opened-fire"),
]
_MATCHER = PhraseMatcher(_PHRASES)


def _reference(matcher: PhraseMatcher, norms: list[str]) -> list[tuple[int, int, object]]:
    """Every phrase tried at every token, walking each slot: the definition of a hit."""
    hits = []
    for i, norm in enumerate(norms):
        for slots, payload, _ in matcher._index.get(norm, ()):
            j, k, ok = i + 1, 1, True
            while k < len(slots) and ok:
                if slots[k] == GAP:
                    nxt = slots[k + 1]
                    skip = next((s for s in range(7) if j + s < len(norms) and norms[j + s] in nxt),
                                None)
                    ok = skip is not None
                    j, k = (j + skip, k + 1) if ok else (j, k)
                    continue
                ok = j < len(norms) and norms[j] in slots[k]
                j, k = j + 1, k + 1
            if ok:
                hits.append((i, j - 1, payload))
    return hits


@pytest.mark.parametrize("text", [
    "Riot police fired tear gas near the police station in Mombasa.",
    "Rioters set the market ablaze and set fire to two cars in Jos.",
    "Rebels took control of the town; the army took it back.",
    "Two gunmen opened fire on a bus.",
    "police",  # a one-word text: no next word
    "the police",  # a phrase's first word last: its second slot has no word
    "set it on fire",  # "set* fire to" fails on its second word; no "ablaze" follows
    "",
])
def test_find_spans_matches_the_plain_walk(text: str) -> None:
    norms = plain_norms(text.lower())
    assert _MATCHER.find_spans(norms) == _reference(_MATCHER, norms)


@pytest.mark.parametrize(("spans", "kept"), [
    ([], []),
    ([(2, 3)], [(2, 3)]),
    ([(4, 4), (1, 2)], [(1, 2), (4, 4)]),  # no overlap: both, in text order
    ([(1, 1), (1, 3), (3, 4)], [(1, 3)]),  # the longest wins over what it overlaps
])
def test_longest(spans: list[tuple[int, int]], kept: list[tuple[int, int]]) -> None:
    hits = [PhraseHit(a, b, a, b, None) for a, b in spans]
    assert [(h.first, h.last) for h in longest(hits)] == kept


def _prefix_by_finditer(text: str, start: int, window: int) -> str:
    prefix = text[max(0, start - window):start]
    last = None
    for m in _CLAUSE_BREAK.finditer(prefix):
        last = m
    return prefix[last.end():] if last is not None else prefix


@pytest.mark.parametrize("text", [
    "troops did not say they attacked the camp",
    "police said, and officials agreed, that rebels attacked",
    "rebels - who had withdrawn - attacked",
    "a - - b attacked",  # overlapping dash breaks: the first one counts, as finditer's
    "whereas militants attacked",
    "andrew attacked",  # "and" inside a word is no break
    "(reuters) \u2014 gunmen attacked",
])
def test_clause_prefix_is_the_text_after_the_last_break(text: str) -> None:
    start = text.index("attacked")
    for window in (8, 70):
        assert _clause_prefix(text, start, window) == _prefix_by_finditer(text, start, window)


def test_clause_break_fast_twin_needs_no_group() -> None:
    # split() returns captured groups too: the break pattern must capture nothing.
    assert re.compile(_CLAUSE_BREAK.pattern).groups == 0
