"""People described as perpetrators are quoted with the count and descriptive words right
before them; organisations and other words stay out (sentences written for these tests)."""

from __future__ import annotations

import pytest

from sitrep.events.fillers_described import described_whole
from sitrep.schema import RoleFiller


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        ("The judge was shot by two paid assassins in Cali.", "paid assassins",
         "two paid assassins"),
        ("KIDNAPPED BY THREE HEAVILY ARMED MEN NEAR KANO.", "MEN", "THREE HEAVILY ARMED MEN"),
        ("Approximately 20 or 30 militants stormed the camp.", "militants",
         "Approximately 20 or 30 militants"),
        ("The village was raided by at least 12 gunmen.", "gunmen", "at least 12 gunmen"),
        ("Several masked men set the bus on fire in Karachi.", "men", "Several masked men"),
        ("Unidentified attackers threw a grenade at the shop.", "attackers",
         "Unidentified attackers"),
        ("One or more gunmen opened fire in Nairobi.", "gunmen", "One or more gunmen"),
        # nothing to add: a verb, a preposition, a conjunction not between counts
        ("The convoy was ambushed by rebels near Beni.", "rebels", "rebels"),
        ("Police said rebels fled.", "rebels", "rebels"),
        ("Wounded or armed gunmen were seen.", "gunmen", "armed gunmen"),
    ],
)
def test_described_whole(sentence: str, quote: str, expected: str) -> None:
    start = sentence.index(quote)
    got = described_whole(sentence, RoleFiller(quote, start, start + len(quote), "individual"))
    assert got.text == expected
    assert sentence[got.start:got.end] == expected and got.end == start + len(quote)


def test_organisations_keep_their_quote() -> None:
    sentence = "Two Boko Haram attacks killed nine people."
    start = sentence.index("Boko Haram")
    org = RoleFiller("Boko Haram", start, start + 10, "organization")
    assert described_whole(sentence, org) is org
