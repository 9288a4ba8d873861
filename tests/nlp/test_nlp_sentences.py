"""Sentence splitting keeps offsets and handles abbreviations, capitals and lower case."""

from __future__ import annotations

import pytest

from sitrep.nlp.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gen. Ali met Mr. Musa in the U.S. capital. Both left.",
         ["Gen. Ali met Mr. Musa in the U.S. capital.", "Both left."]),
        ("TROOPS KILLED FIVE REBELS. THE ARMY SAID SO.",
         ["TROOPS KILLED FIVE REBELS.", "THE ARMY SAID SO."]),
        ("gunmen attacked a bus. two died.", ["gunmen attacked a bus.", "two died."]),
        ("Headline here\n\nBody starts. It ends!", ["Headline here", "Body starts.", "It ends!"]),
        ('He said "they fled." Then silence.', ['He said "they fled."', "Then silence."]),
        ("Police in St. Louis arrested J. Smith on Monday.",
         ["Police in St. Louis arrested J. Smith on Monday."]),
        ("The toll was 3.5 times higher. Officials agreed.",
         ["The toll was 3.5 times higher.", "Officials agreed."]),
        ("", []),
        ("This story is from March 2002.\n\npolice fired on a mob on friday. according to "
         "the police, two died. the curfew was lifted. shops opened. Facebook Twitter",
         ["This story is from March 2002.", "police fired on a mob on friday.",
          "according to the police, two died.", "the curfew was lifted.", "shops opened.",
          "Facebook Twitter"]),
        ("Troops left at 5 p.m. on Friday. Talks resumed.",
         ["Troops left at 5 p.m. on Friday.", "Talks resumed."]),
        # the next word is looked for within 10 characters only
        ("He fled.            but the police stayed.", ["He fled.", "but the police stayed."]),
        ("He fled. but the police stayed.", ["He fled. but the police stayed."]),
        ("They waited... Then the shelling began.",
         ["They waited...", "Then the shelling began."]),
        ("Officials said the toll rose.  , he added.",
         ["Officials said the toll rose.  , he added."]),
        ("Seen at abcdefghijklmnopqrstuvwxyzab. Next day calm.",
         ["Seen at abcdefghijklmnopqrstuvwxyzab.", "Next day calm."]),
        ("Rebels hit Gao.\u201d Troops replied.", ["Rebels hit Gao.\u201d", "Troops replied."]),
        ("Gunmen fled (see map.) Police followed.", ["Gunmen fled (see map.)", "Police followed."]),
    ],
)
def test_split(text, expected):
    got = split_sentences(text)
    assert [text[s.start:s.end] for s in got] == expected
    assert [s.index for s in got] == list(range(len(expected)))
