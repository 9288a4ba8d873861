"""Quantities in digits and words, with qualifiers, ranges and vague words."""

from __future__ import annotations

import pytest

from sitrep.nlp.numbers import find_quantities, parse_quantity, words_to_int


@pytest.mark.parametrize(("text", "value", "low", "high", "vague"), [
    ("55", 55, 55, 55, False),
    ("3,000", 3000, 3000, 3000, False),
    ("seven", 7, 7, 7, False),
    ("SEVEN", 7, 7, 7, False),
    ("twenty-one", 21, 21, 21, False),
    ("TWO HUNDRED AND FIFTY", 250, 250, 250, False),
    ("a hundred", 100, 100, 100, False),
    ("2.5 million", 2500000, 2500000, 2500000, False),
    ("a dozen", 12, 12, 12, True),
    ("dozens of", 12, 24, None, True),
    ("scores of", 20, 40, None, True),
    ("hundreds of", 100, 200, None, True),
    ("several", 10, 3, None, True),
    ("many", 10, 3, None, True),
    ("a number of", 10, 2, None, True),
    ("a few", 3, 2, 5, True),
    ("at least 55", 55, 55, None, False),
    ("more than a dozen", 12, 12, None, True),
    ("over 40", 40, 40, None, False),
    ("nearly 30", 30, None, 30, False),
    ("up to 60", 60, None, 60, False),
    ("as many as nine", 9, None, 9, False),
    ("about 200", 200, 200, 200, False),
    ("between 5 and 8", 5, 5, 8, False),
    ("5 to 8", 5, 5, 8, False),
    ("two or three", 2, 2, 3, False),
    ("12-15", 12, 12, 15, False),
    ("an", 1, 1, 1, False),
])
def test_parse_quantity(text: str, value: int, low: int | None, high: int | None,
                        vague: bool) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.low, q.high, q.vague) == (value, low, high, vague)
    assert (q.start, q.end, q.text) == (0, len(text), text)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("a 25-year-old man", []),
    ("a 36-hour siege", []),
    ("paid $5 million in ransom", []),
    ("at 10:30 p.m. on 3/8", []),
    ("in 2015 the army", []),
    ("aged 19 and", []),
    ("three days later", []),
    ("50 percent of", []),
    ("around 50 militants launched an attack", ["around 50"]),
    ("killed 36 attackers and 12 troops", ["36", "12"]),
    ("FIVE PEASANTS AND TWO CHILDREN", ["FIVE", "TWO"]),
    ("--A man was shot", []),
])
def test_find_quantities_skips_non_counts(sentence: str, expected: list[str]) -> None:
    assert [q.text for q in find_quantities(sentence)] == expected


def test_offsets_and_articles() -> None:
    text = "Police said a man and at least 12 women were hurt."
    found = find_quantities(text, articles=True)
    assert [(q.text, q.value) for q in found] == [("a", 1), ("at least 12", 12)]
    for q in found:
        assert text[q.start:q.end] == q.text
    assert found[1].qualifier == "at least"


@pytest.mark.parametrize(("words", "value"), [
    ("twenty one", 21), ("one hundred and five", 105), ("3,000", 3000),
    ("ten thousand", 10000), ("banana", None),
])
def test_words_to_int(words: str, value: int | None) -> None:
    assert words_to_int(words) == value
