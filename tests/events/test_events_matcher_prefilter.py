"""The phrase matcher's cheap pre-filter never hides a hit that :meth:`find` reports."""

from __future__ import annotations

import pytest

from sitrep.actors.persons import find_persons
from sitrep.events.typing_matcher import PhraseMatcher, tokenize

_PHRASES = [
    ("the police", "police"),
    ("set* ... ablaze", "arson"),
    ("gunm*n", "gunman"),
    ("in the", None),  # irrelevant: never an anchor
]
_MATCHER = PhraseMatcher(_PHRASES, relevant=lambda p: p is not None)


@pytest.mark.parametrize(
    ("text", "may", "payloads"),
    [
        ("The Police in Quetta said nothing.", True, ["police"]),
        ("Rioters SET the depot and two buses ablaze.", True, ["arson"]),
        ("Two gunmen fled on foot.", True, ["gunman"]),
        ("Farmers gathered in the square of Tamale.", False, []),
        ("", False, []),
        # The month "March" is tokenized apart: the filter does not guess, it says maybe.
        ("In March the rains came.", True, []),
        # A letter that lower-cases to two characters: offsets differ, so maybe.
        ("İzmir police chief spoke.", True, []),
    ],
)
def test_may_match_agrees_with_find(text: str, may: bool, payloads: list[str]) -> None:
    assert _MATCHER.may_match(text) is may
    relevant = [h.payload for h in _MATCHER.find(tokenize(text)) if h.payload is not None]
    assert relevant == payloads
    if relevant:
        assert _MATCHER.may_match(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Gunmen shot dead Maria Fernanda Ruiz in Cali.", ["Maria Fernanda Ruiz"]),
        ("Farmers blocked the highway near Nakuru on Friday.", []),
        ("STUDENT ALVARO GOMEZ WAS ABDUCTED", ["ALVARO GOMEZ"]),
    ],
)
def test_find_persons_cached_calls_agree(text: str, names: list[str]) -> None:
    first = find_persons(text, 10)
    second = find_persons(text, 10)
    assert [p.text for p in first] == names
    assert first == second and first is not second  # a fresh list each call
    assert all(text[p.start - 10:p.end - 10] == p.text for p in first)
