"""Patterns tried only where a word can open a match find what ``finditer`` finds."""

from __future__ import annotations

import re

import pytest

from sitrep.nlp.word_starts import matches_at, starts_pattern

# (boundary, body): the pattern is boundary + body; each body opens with a word character.
PATTERNS = [
    (r"\b", r"(?:shot|shoot(?:ing|s)?)\b"),
    (r"\b(?<!-)", r"(?:killed|kill)(?![\w-])"),
    (r"\b", r"(?:no|without)\s+(?P<noun>arrests|deaths)\b"),
    (r"\b", r"\d+\s+(?:people|villagers)"),
    (r"\b(?<!-)", r"(?:car\s+bomb|bomb)(?:ed|ing)?"),
]

TEXTS = [
    "Shot dead in Kandahar: two men were shot and a boy was shooting back.",
    "killed at dawn, the re-killed count and the pre-kill tally differ; killed",
    "There were no arrests, and without deaths nobody was charged in Cusco.",
    "12 people and 40 villagers fled Mopti; 3people were missing.",
    "A car bomb, car-bombing and bombed bridges in Aleppo; abomb is no word.",
    "Café killed: in Zürich éshot and ñkilled stay glued to their letters.",
    "shot,shot;shot—shot (shot) “shot” ‘shot’ _shot shot_ 2shot",
    "",
    "bomb",
    "no   arrests\nno\tdeaths",
]


@pytest.mark.parametrize(("boundary", "body"), PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_matches_at_the_starts_equal_finditer(boundary: str, body: str, text: str) -> None:
    pattern = re.compile(boundary + body)
    starts = [m.end() for m in starts_pattern([body]).finditer(text)]
    want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in matches_at(pattern, text, starts)] == want


@pytest.mark.parametrize("text", TEXTS)
def test_one_first_scan_serves_several_patterns(text: str) -> None:
    starts = [m.end() for m in starts_pattern(body for _, body in PATTERNS).finditer(text)]
    for boundary, body in PATTERNS:
        pattern = re.compile(boundary + body)
        assert [m.span() for m in matches_at(pattern, text, starts)] == \
            [m.span() for m in pattern.finditer(text)], body


@pytest.mark.parametrize(("text", "starts", "expected"), [
    ("shot shot", [5], [(0, 4), (5, 9)]),  # the start of the text is always tried
    ("shooting", [], [(0, 8)]),
    ("x shots", [2], [(2, 7)]),
    ("x shots", [], []),  # a match is found only where the first scan says one can start
])
def test_matches_at_given_starts(text: str, starts: list[int],
                                 expected: list[tuple[int, int]]) -> None:
    pattern = re.compile(r"\bshoot(?:ing)?|\bshots?")
    assert [m.span() for m in matches_at(pattern, text, starts)] == expected
