"""A plural noun's singular, roughly: enough to tell that two mentions use one noun
("the priests" and "a priest", "the terrorists" and "the terrorist", "two men" and "a
man"). Not a lemmatiser: the events stage only compares words through it."""

from __future__ import annotations

__all__ = ["singular"]

_IRREGULAR = {"men": "man", "women": "woman", "people": "person", "persons": "person",
              "children": "child"}
# Endings whose "es" is the plural's ("churches", "bushes", "buses", "boxes").
_ES_ENDINGS = ("ches", "shes", "sses", "xes")
# Words ending so are not plurals ("press", "virus", "crisis").
_NOT_PLURAL = ("ss", "us", "is")


def singular(word: str) -> str:
    """The singular of the lower-case noun ``word`` ("priests" -> "priest", "churches"
    -> "church", "men" -> "man"); short words and "-ss", "-us", "-is" words as they are."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.endswith(_NOT_PLURAL):
        return word
    if word.endswith(_ES_ENDINGS):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word
