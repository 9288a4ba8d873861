"""Runs of ASCII letters by byte table: what the letter regex finds."""

from __future__ import annotations

import re

import pytest

from sitrep.nlp.letter_runs import ascii_letter_runs


@pytest.mark.parametrize(("text", "runs"), [
    ("Police in O'Brien Street_2 said", ["Police", "in", "O", "Brien", "Street", "said"]),
    ("al-Qaeda's base -- 12 hurt", ["al", "Qaeda", "s", "base", "hurt"]),
    ("tab\tand\nnewline;x1y2", ["tab", "and", "newline", "x", "y"]),
    ("", []),
])
def test_ascii_letter_runs(text: str, runs: list[str]) -> None:
    assert ascii_letter_runs(text) == runs == re.findall("[A-Za-z]+", text)
