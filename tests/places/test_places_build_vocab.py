"""The lower-case vocabulary builder: the counting rule on sentences written for the test,
and the committed data file regenerated from the development corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.places.build_vocab import HEADER, count_case, main, vocabulary

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
VOCAB = (Path(__file__).resolve().parents[2] / "src" / "sitrep" / "data" / "places"
         / "lowercase_vocab.txt")

# Word pairs are read left to right without overlap: "<lower word> <word counted>".
TEXTS = [
    "Then a meeting. Later a meeting. After a meeting. Again a <b>meeting</b> &amp; more.",
    "Then a harbour. Later a harbour. After a harbour. Then a Harbour. Later a Harbour.",
    "Then near Springfield. Later near Springfield.",
    "Then they held.",
]


@pytest.mark.parametrize(("word", "low", "cap"), [
    ("meeting", 4, 0),      # the tag is stripped: "the <b>meeting</b>" counts
    ("harbour", 3, 2),
    ("springfield", 0, 2),  # "near Springfield", "when Springfield": capitalised
    ("held", 1, 0),
])
def test_counts_mid_sentence_cases(word, low, cap):
    lower, capital = count_case(TEXTS)
    assert (lower[word], capital[word]) == (low, cap)


@pytest.mark.parametrize(("word", "kept"), [
    ("meeting", True),       # 4 lower, 0 capitalised
    ("harbour", False),      # 3 lower but 2 capitalised: under 3x
    ("springfield", False),  # never lower case
    ("held", False),         # seen once
])
def test_vocabulary_thresholds(word, kept):
    assert (word in vocabulary(*count_case(TEXTS))) is kept


def test_vocabulary_is_sorted_and_deterministic():
    words = vocabulary(*count_case(TEXTS * 3))
    assert words == sorted(words) == vocabulary(*count_case(list(reversed(TEXTS * 3))))


@pytest.mark.slow
def test_committed_file_regenerates_identically(tmp_path):
    if not SHARED.is_dir():
        pytest.skip("../shared/data is absent")
    out = tmp_path / "vocab.txt"
    assert main(["--data-dir", str(SHARED), "--out", str(out)]) == 0
    assert out.read_text().startswith(HEADER)
    assert out.read_text() == VOCAB.read_text()
