"""case_odd() says what a one-class regex of the case-odd letters says."""

from __future__ import annotations

import re

import pytest

from sitrep.nlp.case_odd import CASE_ODD_CHARS, case_odd, twin_exact


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen killed two farmers near Jos.", False),
    ("", False),
    ("Caf\u00e9 owner in S\u00e3o Paulo was shot \u2014 \u201cpolice\u201d said.", False),
    ("\u0130stanbul: two bombings", True),  # dotted capital I
    ("Diyarbak\u0131r police", True),  # dotless i
    ("the ca\u017fualties", True),  # long s
    ("12 \u212a below zero", True),  # Kelvin sign
    ("Kelvin and k are plain ASCII", False),
])
def test_case_odd(text: str, expected: bool) -> None:
    assert case_odd(text) is expected
    assert bool(re.search(f"[{CASE_ODD_CHARS}]", text)) is expected


def test_every_case_odd_letter_matches_an_ascii_letter_only_case_insensitively() -> None:
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    for c in CASE_ODD_CHARS:
        assert ascii_letter.fullmatch(c) and not c.isascii()


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen KILLED two farmers near Jos.", True),
    ("Caf\u00e9 owner in S\u00e3o Paulo", True),
    ("\u0130stanbul: two bombings", False),  # lower-cases to one character more
    ("Diyarbak\u0131r police", False),  # dotless i matches "i" only case-insensitively
])
def test_twin_exact(text: str, expected: bool) -> None:
    assert twin_exact(text, text.lower()) is expected
