"""trigger_modalities gives each trigger what trigger_modality gives it alone."""

from __future__ import annotations

import pytest

from sitrep.events.modality import trigger_modalities, trigger_modality


@pytest.mark.parametrize(("sentence", "words", "year", "expected"), [
    ("Militants attacked the base, and officials warned they could strike again.",
     ["attacked", "strike"], 2020, ["asserted", "hypothetical"]),
    ("Police did not arrest anyone after the clash in Goma.", ["arrest", "clash"], 2020,
     ["negated", "asserted"]),
    ("Since the 2011 uprising, militias have attacked convoys near Sirte.", ["attacked"], 2020,
     ["background"]),
    ("In 2019 rebels shelled Idlib.", ["shelled"], 2019, ["asserted"]),
    ("In 2019 rebels shelled Idlib.", ["shelled"], 2021, ["background"]),
    ("THE ARMY SAID IT WOULD ARREST THE LEADERS OF THE MARCH.", ["ARREST"], None,
     ["hypothetical"]),
])
def test_batch_agrees_with_one_by_one(sentence: str, words: list[str], year: int | None,
                                      expected: list[str]) -> None:
    spans = [(sentence.index(w), sentence.index(w) + len(w)) for w in words]
    one_by_one = [trigger_modality(sentence, s, e, reference_year=year) for s, e in spans]
    assert list(trigger_modalities(sentence, spans, reference_year=year)) == one_by_one
    assert one_by_one == expected
