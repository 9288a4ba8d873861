"""The fast paths of actor folding and person names match the plain code."""

from __future__ import annotations

import pytest

from sitrep.actors.matcher import _TABLE, fold
from sitrep.actors.persons import _WORD
from sitrep.nlp.offsets import word_offsets


@pytest.mark.parametrize("text", [
    "Tunisian Troops clashed with AQIM-linked Fighters",
    "Les forces arm\u00e9es \u2014 l\u2019arm\u00e9e \u00c9gyptienne",
    "ZÜRICH\tPOLICE\r\nSAID `quote`",
    "mixed \u2212 dashes \u2013 and \u00a0 spaces \u0130stanbul \u212a",
    "a lone surrogate \ud800 passes",
    "",
])
def test_fold_is_the_table_mapping(text: str) -> None:
    assert fold(text) == text.translate(_TABLE)
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("text", [
    "Father Ernesto Cardenal's homily, 1983",
    "al-Hassan and O'Neill met 3rd-party envoys",
    "x1y2 -abc 'def ghi' \u2019s Jos\u00e9 Mar\u00eda",
])
def test_word_offsets_are_the_regex_spans(text: str) -> None:
    words = _WORD.findall(text)
    starts, ends = word_offsets(text, words)
    assert list(zip(starts, ends, strict=True)) == [m.span() for m in _WORD.finditer(text)]
