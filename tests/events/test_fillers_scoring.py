"""The tagger's fast path (cached per-type sums, pair hashing, offsets found from words)
gives what the reference path gives: every hashed feature's weight summed, tokens from
the regex (sentences written for these tests)."""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.events.fillers_features import (
    layout,
    sentence_features,
    sentence_words,
    tokenize,
    word_tokens,
)
from sitrep.events.fillers_model import load_tagger, spans_from_labels
from sitrep.events.fillers_scoring import FastScorer

ARTICLE = (
    "Masked gunmen killed a police officer and wounded two traders near the market in "
    "Maiduguri on Friday. Witnesses said the attackers fled on motorcycles toward Konduga. "
    "No group claimed the attack. A bomb hidden in a truck later exploded outside the "
    "governor's office, damaging three shops. Troops arrested five suspects after the "
    "explosion, a spokesman said."
)


def _sentences(text: str) -> list[tuple[int, int, int]]:
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + 1
        out.append((i, start, min(end, len(text))))
        start = end + 1
    return out


@pytest.fixture(scope="module")
def tagger():
    found = load_tagger()
    if found is None:
        pytest.skip("no trained tagger in data/models")
    return found


@pytest.mark.parametrize("picks", [[0], [1, 2], [0, 1, 2, 3, 4], [3, 0], [4]])
def test_fast_scores_equal_the_sum_of_feature_weights(tagger, picks: list[int]) -> None:
    sents = [_sentences(ARTICLE)[k] for k in picks]
    words = [sentence_words(ARTICLE, a, b) for _, a, b in sents]
    feats = sentence_features([tokenize(ARTICLE, a, b) for _, a, b in sents],
                              [i for i, _, _ in sents], tagger.bits)
    reference = tagger.scores(np.concatenate(feats))
    fast = FastScorer(tagger.weights, tagger.bias, tagger.bits).scores(
        layout(words, [i for i, _, _ in sents]))
    assert fast.shape == reference.shape
    assert np.allclose(fast, reference, atol=1e-4)
    assert np.array_equal(fast.argmax(axis=1), reference.argmax(axis=1))


def test_tag_matches_the_reference_path(tagger) -> None:
    sents = _sentences(ARTICLE)
    expected = []
    for i, a, b in sents:
        feats = sentence_features([tokenize(ARTICLE, a, b)], [i], tagger.bits)[0]
        expected += spans_from_labels(tokenize(ARTICLE, a, b), tagger.scores(feats))
    got = tagger.tag(ARTICLE, sents)
    assert [(s.role, s.start, s.end) for s in got] == [(s.role, s.start, s.end)
                                                       for s in expected]
    assert all(abs(g.score - e.score) < 1e-3 for g, e in zip(got, expected, strict=True))


def test_no_sentences_no_spans(tagger) -> None:
    assert tagger.tag(ARTICLE, []) == []
    assert tagger.tag("  ", [(0, 0, 2)]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels ambushed a convoy near Goma, killing 12 soldiers.",
        "  Two   men -- armed with AK-47s -- stormed the U.S. embassy's gate!  ",
        "İstanbul: a car bomb hit the police HQ at 3.30 p.m.",
        "Gunmen shot 'Ali' (a trader) in Peshawar\u2003yesterday\u00a0night.",
        "",
    ],
)
def test_word_tokens_equal_regex_tokens(text: str) -> None:
    words = sentence_words(text, 0, len(text))
    assert word_tokens(text, 0, len(text), words) == tokenize(text)
    if len(text) > 10:
        assert word_tokens(text, 4, len(text), sentence_words(text, 4, len(text))) == \
            tokenize(text, 4)
