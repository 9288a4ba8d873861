"""Targets, then weapons, of one clause: its words are found once and both answers hold."""

from __future__ import annotations

import pytest

from sitrep.events.roles import find_targets, find_weapons


@pytest.mark.parametrize(("clause", "targets", "weapons"), [
    ("gunmen fired AK-47 rifles at a police station in Kano", ["a police station"],
     ["AK-47 rifles"]),
    ("a car bomb hit the US embassy", ["the US embassy"], ["a car bomb"]),
    ("protesters marched on 3 March to the governor's office", ["the governor's office"], []),
    ("İstanbul police dispersed the crowd", [], []),  # lower-cases to a longer string
    ("farmers met in the square", [], []),
])
def test_targets_then_weapons(clause: str, targets: list[str], weapons: list[str]) -> None:
    for _ in range(2):  # the second time from the cache of the clause's words
        assert [t.text for t in find_targets(clause, 100)] == targets
        assert [w.text for w in find_weapons(clause, 100)] == weapons
        assert all(clause[r.start - 100:r.end - 100] == r.text
                   for r in find_targets(clause, 100) + find_weapons(clause, 100))
