"""lower_of: text.lower() with a one-entry identity cache."""

import pytest

from sitrep.nlp.article_lower import lower_of


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police post in Kidal on Monday.",
    "İSTANBUL: a letter that lower-cases to two letters.",
    "",
    "ALL CAPITALS WIRE TEXT FROM LIMA",
])
def test_lower_of_is_lower(text: str) -> None:
    assert lower_of(text) == text.lower()
    assert lower_of(text) == text.lower()  # (the cached answer)


def test_lower_of_follows_a_new_text() -> None:
    first = "Rebels Burned A Bus"
    second = "".join(["Troops Shelled ", "A Village"])
    assert lower_of(first) == "rebels burned a bus"
    assert lower_of(second) == "troops shelled a village"
    # An equal text that is another object is answered too (lower-cased afresh).
    assert lower_of("".join(["Rebels Burned ", "A Bus"])) == "rebels burned a bus"
