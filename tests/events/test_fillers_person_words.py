"""A person's name in all-capital wire text ends before a word that never belongs to a name
(``data/actors/persons.json`` common_words; sentences written for these tests)."""

from __future__ import annotations

import pytest

from sitrep.actors.persons import find_persons


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("MAYOR JUAN GOMEZ MARTINEZ ONCE MORE CALLED FOR TALKS.", ["JUAN GOMEZ MARTINEZ"]),
        ("WHEN ROSA FERNANDEZ SET OFF A MINE NEAR THE FARM.", ["ROSA FERNANDEZ"]),
        ("SENATOR MARIA LOPEZ HERSELF WAS ABDUCTED IN TUCUMAN.", ["MARIA LOPEZ"]),
        ("CARLOS RUIZ TWICE ESCAPED THE GUNMEN.", ["CARLOS RUIZ"]),
    ],
)
def test_names_end_before_function_words(sentence: str, expected: list[str]) -> None:
    assert [p.text for p in find_persons(sentence, 0)] == expected
