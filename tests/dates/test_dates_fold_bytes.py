"""fold_case on non-ASCII text (through UTF-8 and a byte table) folds A-Z and nothing else."""

from __future__ import annotations

import pytest

from sitrep.dates.grammar import fold_case

_ASCII_CAPITALS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@pytest.mark.parametrize("text", [
    "On 3 MARCH, “Police” in Bogotá said",
    "STRASSE ß ẞ and Ǆ",  # capitals outside A-Z stay as they are
    "İSTANBUL, \u212aelvin, \u017f",
    "a lone surrogate \ud800 BETWEEN words",
    "日本 TOKYO 東京",
])
def test_fold_case_is_the_ascii_capitals_mapping(text: str) -> None:
    assert fold_case(text) == text.translate(_ASCII_CAPITALS)
