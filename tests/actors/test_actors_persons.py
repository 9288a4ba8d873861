"""Person names in mixed-case, all-capitals and lower-case text (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from sitrep.actors.persons import find_persons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen shot dead Mohammed Ali Hassan, a local councillor, in Baidoa.",
         ["Mohammed Ali Hassan"]),
        ("REBELS KIDNAPPED JUAN CARLOS PEREZ, A BUSINESSMAN, IN CALI.", ["JUAN CARLOS PEREZ"]),
        ("the murder of archbishop oscar arnulfo romero shocked the country.",
         ["oscar arnulfo romero"]),
        # A title announces a surname alone; a particle may sit inside a name.
        ("police said mayor quintana was unhurt.", ["quintana"]),
        ("MSGR ARTURO RIVERA Y DAMAS, ARCHBISHOP OF THE CITY, SPOKE.", ["ARTURO RIVERA Y DAMAS"]),
        # A possessive ends the name; a comma separates two names.
        ("candidate luis perez's assassination and ana gomez, a nurse",
         ["luis perez", "ana gomez"]),
        # An ordinary word after a title names nobody; a lone given name is not a name.
        ("the governor occupied the palace while maria waited", []),
        ("Soldiers opened fire on the crowd in Jos.", []),
        # In mixed-case text a name must be Capitalised.
        ("John said the attack on the convoy was brief.", []),
    ],
)
def test_find_persons(text: str, expected: list[str]) -> None:
    found = find_persons(text)
    assert [p.text for p in found] == expected
    assert all(text[p.start:p.end] == p.text for p in found)


def test_offset_is_added() -> None:
    text = "Rebels seized Ahmed Yusuf Musa."
    (p,) = find_persons(text, offset=100)
    assert (p.start, p.end) == (100 + text.index("Ahmed"), 100 + len(text) - 1)
