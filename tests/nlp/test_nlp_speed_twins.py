"""Case-sensitive twins on lower-cased text find what IGNORECASE patterns find."""

from __future__ import annotations

import pytest

from sitrep.nlp.case_odd import lower_twin
from sitrep.nlp.numbers import find_quantities

TEXTS = [
    "At least 55 people were killed and TWENTY-ONE wounded near Kandahar on Friday.",
    "BETWEEN 5 AND 8 SOLDIERS DIED; UP TO 60 WERE HURT, THE ARMY SAID ON 3 FEB 90.",
    "Dozens of villagers fled; two hundred and fifty homes burned in Jos, a 25-year-old said.",
    "Some 3,000 protesters marched, 10:30 a.m.; $5 fines, 5% turnout, in 2015 and 1990s.",
    "An estimated 1.5 million people and an officer, nearly all of them from Goma.",
    "Five-to-seven guards (no. 12) and 3-4 men; one or two; ten to twenty #4.",
    "",
    # Letters that lower-case to two (dotted capital I) or match ASCII letters only
    # case-insensitively (long s, dotless i, Kelvin sign): the plain scan is used.
    "\u0130stanbul: AT LEAST FIVE people were hurt and \u017fix were held.",
    "Diyarbak\u0131r: f\u0131ve killed, \u212aILLED seven, said the governor.",
]


def _quantities(text: str, lowered: str | None) -> list[tuple]:
    return [(q.start, q.end, q.text, q.value, q.low, q.high, q.vague, q.qualifier)
            for q in find_quantities(text, articles=True, lowered=lowered)]


@pytest.mark.parametrize("text", TEXTS)
def test_quantities_with_the_lower_cased_text_are_the_same(text: str) -> None:
    assert _quantities(text, text.lower()) == _quantities(text, None)


@pytest.mark.parametrize("text", TEXTS)
def test_quantities_of_a_stretch_with_the_lower_cased_text(text: str) -> None:
    start, end = len(text) // 4, 3 * len(text) // 4
    plain = find_quantities(text, start, end, articles=True)
    twin = find_quantities(text, start, end, articles=True, lowered=text.lower())
    assert [(q.start, q.end, q.text) for q in twin] == [(q.start, q.end, q.text) for q in plain]


@pytest.mark.parametrize(("source", "has_twin"), [
    (r"\b(?:killed|wounded)\s+\d+", True),
    (r"\W\S\D\B(?P<Count>\d+)", True),  # upper-case escapes and group names are no letters
    (r"[A-Z]\w+", False),  # an upper-case letter: matched otherwise on lower-cased text
    (r"(?-i:[a-z])+ killed", False),  # a case-sensitive group: lower-casing changes it
    (r"(?i)killed", False),
])
def test_lower_twin(source: str, has_twin: bool) -> None:
    assert (lower_twin(source) is not None) is has_twin
