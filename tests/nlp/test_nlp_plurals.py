"""A plural noun's singular, as the events stage compares nouns."""

import pytest

from sitrep.nlp.plurals import singular


@pytest.mark.parametrize(("word", "expected"), [
    ("priests", "priest"),
    ("terrorists", "terrorist"),
    ("churches", "church"),
    ("bushes", "bush"),
    ("boxes", "box"),
    ("grenades", "grenade"),
    ("men", "man"),
    ("women", "woman"),
    ("people", "person"),
    ("children", "child"),
    ("press", "press"),
    ("virus", "virus"),
    ("crisis", "crisis"),
    ("gas", "gas"),
    ("bus", "bus"),
    ("rifle", "rifle"),
])
def test_singular(word, expected):
    assert singular(word) == expected
