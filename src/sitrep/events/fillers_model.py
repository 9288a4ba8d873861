"""The trained role-filler tagger: which words of an event's sentences name its
perpetrators, victims, physical targets and weapons (MUC-4's slots).

A token classifier (averaged perceptron over the hashed features of
:mod:`sitrep.events.fillers_features`) gives every token a label ``O``, ``B-<role>`` or
``I-<role>``; runs of one role are the quoted spans. The weights are trained by
``python -m sitrep.events.train_fillers`` on the MUC-4 development texts and stored in
``data/models/fillers.npz`` (weights only, no words); they are loaded once, lazily.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ..nlp.lexicon import data_path
from .fillers_features import (
    LABELS,
    ROLES,
    Token,
    layout,
    lexicons_from_arrays,
    lexicons_to_arrays,
    live_lexicons,
    sentence_words,
    tokenize,
    use_lexicons,
    word_tokens,
)
from .fillers_scoring import FastScorer

__all__ = ["FillerTagger", "TaggedSpan", "group_entities", "load_tagger", "save_tagger",
           "spans_from_labels"]

MODEL_PATH = ("models", "fillers.npz")


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A quoted role filler found by the tagger: ``text[start:end]``; ``score`` is the
    mean margin of its tokens' role label over ``O`` (higher = surer)."""

    role: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True, eq=False)
class FillerTagger:
    """Weights ``[2**bits, len(LABELS)]`` and a per-label decision bias."""

    weights: np.ndarray
    bias: np.ndarray
    bits: int

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Label scores ``[tokens, labels]`` of one sentence's feature matrix."""
        n, k = features.shape
        rows = np.take(self.weights, features.ravel(), axis=0)
        return rows.reshape(n, k, -1).sum(axis=1) + self.bias

    def tag(self, text: str, sentences: list[tuple[int, int, int]]) -> list[TaggedSpan]:
        """Spans of ``text`` in the given sentences, each ``(index, start, end)``."""
        words = [sentence_words(text, a, b) for _, a, b in sentences]
        lay = layout(words, [i for i, _, _ in sentences]) if words else None
        if lay is None:
            return []
        scores = self.fast().scores(lay)
        labels = scores.argmax(axis=1)
        rows = _ROWS[:len(labels)] if len(labels) <= len(_ROWS) else np.arange(len(labels))
        margins = (scores[rows, labels] - scores[:, 0]).tolist()
        labels = labels.tolist()
        # Token offsets only for the sentences with a role label (about half have none).
        out: list[TaggedSpan] = []
        at = 0
        for (_, a, b), ws, n in zip(sentences, words, lay.sizes, strict=True):
            if any(labels[at:at + n]):
                out += _runs(word_tokens(text, a, b, ws), labels[at:at + n],
                             margins[at:at + n])
            at += n
        return out

    def fast(self) -> FastScorer:
        """The tagger's :class:`FastScorer` (built once)."""
        return _fast_scorer(self)


@cache
def _fast_scorer(tagger: FillerTagger) -> FastScorer:
    return FastScorer(tagger.weights, tagger.bias, tagger.bits)


_ROWS = np.arange(1 << 16)


def spans_from_labels(tokens: list[Token], scores: np.ndarray) -> list[TaggedSpan]:
    """Runs of one role in the best labels of ``tokens`` (an ``I-`` after another role or
    ``O`` starts a span, a ``B-`` always does)."""
    labels = scores.argmax(axis=1)
    margins = (scores[np.arange(len(labels)), labels] - scores[:, 0]).tolist()
    return _runs(tokens, labels.tolist(), margins)


def _runs(tokens: list[Token], labels: list[int], margins: list[float]) -> list[TaggedSpan]:
    """:func:`spans_from_labels` given the labels and their margins over ``O``."""
    out: list[TaggedSpan] = []
    role, first, kept = -1, 0, []
    for i, lab in enumerate(labels):
        r = (lab - 1) // 2 if lab else -1
        if role >= 0 and (r != role or lab % 2 == 1):
            out.append(_span(tokens, role, first, i, kept))
            role = -1
        if r >= 0:
            if role < 0:
                role, first, kept = r, i, []
            kept.append(margins[i])
    if role >= 0:
        out.append(_span(tokens, role, first, len(tokens), kept))
    return out


# Words a quote neither starts nor ends with ("urban guerrillas OF", "OF archbishop").
_EDGE = frozenset(("of", "and", "or", "in", "by", "to", "for", "on", "at", "with", "from",
                   "s", "who", "which", "that", "as", "but"))


def _span(tokens: list[Token], role: int, first: int, end: int,
          margins: list[float]) -> TaggedSpan:
    score = sum(margins) / len(margins)
    while first < end - 1 and (tokens[first].low in _EDGE or not tokens[first].low[0].isalnum()):
        first += 1
    while end - 1 > first and (tokens[end - 1].low in _EDGE
                               or not tokens[end - 1].low[0].isalnum()):
        end -= 1
    return TaggedSpan(ROLES[role], tokens[first].start, tokens[end - 1].end, score)


def save_tagger(tagger: FillerTagger, path: Path) -> None:
    """Write the tagger compactly: the non-zero weight rows (float16) and their indices."""
    rows = np.flatnonzero(np.abs(tagger.weights).max(axis=1) > 0)
    np.savez_compressed(path, rows=rows.astype(np.int32),
                        values=tagger.weights[rows].astype(np.float16),
                        bias=tagger.bias.astype(np.float32), bits=np.int32(tagger.bits),
                        labels=np.int32(len(LABELS)),
                        **lexicons_to_arrays(live_lexicons()))


@cache
def load_tagger() -> FillerTagger | None:
    """The trained tagger, or None when its file is missing (the rules then work alone)."""
    path = data_path(*MODEL_PATH)
    if not Path(path).exists():
        return None
    with np.load(path) as z:
        bits = int(z["bits"])
        weights = np.zeros((1 << bits, int(z["labels"])), dtype=np.float32)
        weights[z["rows"]] = z["values"].astype(np.float32)
        use_lexicons(lexicons_from_arrays(z))
        return FillerTagger(weights, z["bias"].astype(np.float32), bits)


_ARTICLES = frozenset(("a", "an", "the"))
# Words that never make a quote on their own ("of", "and" tagged alone).
_FUNCTION = _ARTICLES | frozenset(("of", "and", "or", "in", "by", "to", "for", "on", "at",
                                   "with", "from", "s"))


def _key(text: str) -> tuple[str, ...]:
    """A quote's words, lower-cased, without articles and punctuation (as MUC-4 scores)."""
    return tuple(t.low for t in tokenize(text) if t.low[0].isalnum() and t.low not in _ARTICLES)


def group_entities(text: str, spans: list[TaggedSpan]) -> list[list[TaggedSpan]]:
    """Spans of one role grouped into entities, in order of first mention: the same words,
    or words all found in another mention of the role ("lopez" in "jose lopez",
    "embassy" in "us embassy") are the same entity."""
    keys = [frozenset(_key(text[s.start:s.end])) for s in spans]
    groups: list[list[int]] = []
    for i in sorted(range(len(spans)), key=lambda i: spans[i].start):
        if not keys[i] - _FUNCTION:
            continue
        home = next((g for g in groups
                     if any(keys[i] <= keys[j] or keys[j] <= keys[i] for j in g)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return [[spans[i] for i in g] for g in groups]
