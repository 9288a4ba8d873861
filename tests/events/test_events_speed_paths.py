"""The fast paths of typing and modality give exactly what the plain code gives."""

from __future__ import annotations

import re

import pytest

from sitrep.events import modality
from sitrep.events.modality import sentence_modality
from sitrep.events.typing import classify_sentence
from sitrep.events.typing_matcher import _TOKEN, plain_norms


@pytest.mark.parametrize("text", [
    "gunmen killed 3 villagers near kidal on sunday",
    "the un's envoy -- said: 'no one was hurt' (afp)",
    "ak-47 rifles, rpg7s & 120mm mortars",
    "under_score and tab\tand\nnewline",
    "",
    "caf\u00e9 owner in s\u00e3o paulo was shot",  # non-ASCII: the regex path
])
def test_plain_norms_are_the_token_regex_words(text: str) -> None:
    assert plain_norms(text) == _TOKEN.findall(text)


@pytest.mark.parametrize("text", [
    "police did not arrest anyone after the clash in 2015",
    "rebels threatened to attack the garrison; no one was hurt",
    "since the 2011 uprising, militants have killed hundreds",
    "troops were\tnot\x0bdeployed, and would\nnot fire on protesters",
])
def test_ascii_twins_agree_with_the_unicode_patterns(text: str) -> None:
    unicode, ascii_only = modality._patterns(), modality._patterns(re.ASCII)
    assert modality._for(text) is ascii_only
    for name in unicode.__slots__:
        u, a = getattr(unicode, name), getattr(ascii_only, name)
        if isinstance(u, re.Pattern):
            assert [m.span() for m in u.finditer(text)] == [m.span() for m in a.finditer(text)]


@pytest.mark.parametrize("text", [
    "troops would\x1cnot fire on protesters",  # a separator: Unicode \\s only
    "the army shelled the village of s\u00e3o jo\u00e3o",  # non-ASCII
])
def test_other_text_keeps_the_unicode_patterns(text: str) -> None:
    assert modality._for(text) is modality._patterns()


@pytest.mark.parametrize(("sentence", "expected"), [
    # Typed first (as the events stage does): an asserted trigger skips the loose cues.
    ("Soldiers killed two gunmen, and officials said more raids would follow.", "asserted"),
    ("Police said they would arrest the organisers of the march in Lagos.", "hypothetical"),
    ("The militia did not attack the convoy near Goma.", "negated"),
])
def test_sentence_modality_after_typing(sentence: str, expected: str) -> None:
    classify_sentence(sentence, reference_year=2020)
    assert sentence_modality(sentence, reference_year=2020) == expected
    # The same answer without the memo of asserted sentences.
    modality._ASSERTED.clear()
    modality._sentence_modality.cache_clear()
    modality._has_asserted_trigger.cache_clear()
    assert sentence_modality(sentence, reference_year=2020) == expected
