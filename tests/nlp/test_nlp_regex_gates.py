"""A pattern behind the look-ahead of its first characters finds the same matches."""

from __future__ import annotations

import re

import pytest

from sitrep.nlp.lexicon import read_json
from sitrep.nlp.regex_gates import first_chars, gated

TEXTS = [
    "Police said on Monday that three attacks took place in Maiduguri, after the raid.",
    "THE REBELS DENIED THAT THE AMBUSH OCCURRED NEAR GOMA; 12 RAIDS WERE STAGED.",
    "Smith, 24, of Memphis was taken to a hospital in Dallas; a Crown Point man fled.",
    "Following the blast near the Kabul airport, gunmen fired on troops — “again”.",
    "In İzmir the ſtation and the \u212aelvin sign sit by an attack; é-killed, café.",
    "resident of Lagos; native of Jos; lives in Kano; hails from Abuja; were from Ife.",
    "",
    "a",
]

PATTERNS = [
    (r"\b(?:after|following|since)\s+(?:the|a)\b", re.IGNORECASE),
    (r"\b(?:took|takes)\s+place|\bhappened|\boccurred", 0),
    (r"(?:,\s*\d{1,3},\s*of|\bresident\s+of|\b(?:is|was|were)\s+from)\s+(?:the\s+)?", re.I),
    (r"(?:\bnear|\boutside)\s+(?:the\s+)?(?P<what>\w+)", re.IGNORECASE),
    (r"(?:a|the)?\s*attack", 0),  # may open with a space: the gate takes it
    (r"\b(?:(?-i:[A-Z])\w+)\s+said", re.IGNORECASE),  # a case-sensitive group: no gate
    (r"(?i:police)\s+said", 0),  # a case-insensitive group in a case-sensitive pattern
    (r"(?:killed|hurt)?", 0),  # may match empty: no gate
]


def _all(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)] + [
        bool(pattern.match(text)), bool(pattern.fullmatch(text)),
        [(m.span()) for m in (pattern.search(text, i) for i in range(0, len(text), 7)) if m]]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_gated_pattern_finds_the_same(source: str, flags: int, text: str) -> None:
    pattern = re.compile(source, flags)
    assert _all(gated(pattern), text) == _all(pattern, text)


@pytest.mark.parametrize(("source", "flags", "expected"), [
    (r"\b(?:after|since)\s+", 0, set("as")),
    (r"\b(?:after|since)\s+", re.IGNORECASE, set("as")),  # (the gate takes other cases)
    (r"(?:[0-9]+|few)\s+dead", 0, set("0123456789f")),
    (r"(?:\d+|few)\s+dead", 0, {r"\d", "f"}),  # (\d: any digit, as the pattern means it)
    (r",?\s+(?:who|which)", 0, {",", r"\s"}),
    (r"(?:a\s+)?bomb", 0, set("ab")),
    (r"\b\w+ed\b", 0, None),  # any word character: too many for a gate
    (r"[^,.]{3}", 0, None),  # a negated class
    (r"(?:x)?", 0, None),  # may match empty
])
def test_first_chars(source: str, flags: int, expected: set[str] | None) -> None:
    assert first_chars(re.compile(source, flags)) == expected


@pytest.mark.parametrize(("source", "is_gated"), [
    (r"\b(?:after|following)\s+the", True),
    (r",\s+and\b", False),  # opens with a literal: the engine skips to it already
    (r"[A-Z]\w+ said", False),  # opens with a class
    (r"(?:;|,)\s+", False),  # branches that each open with a literal
    (r";|,\s+(?:and|but)\b|\s+but\s+", True),  # one opens with a space
    (r"\b(?:(?-i:[A-Z])\w+)", False),  # a scoped flag: not read
])
def test_when_a_gate_is_put(source: str, is_gated: bool) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    assert (gated(pattern) is not pattern) is is_gated


@pytest.mark.parametrize("key", sorted(k for k in read_json("events", "frame_patterns.json")
                                       if not k.startswith("_")))
def test_frame_patterns_gated_find_the_same(key: str) -> None:
    pattern = re.compile(read_json("events", "frame_patterns.json")[key], re.IGNORECASE)
    gate = gated(pattern)
    for text in TEXTS:
        assert _all(gate, text) == _all(pattern, text)
