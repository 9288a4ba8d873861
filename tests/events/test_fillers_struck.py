"""A target noun is the event's physical target when a damage cue says it was struck, not
when it only places or modifies something (sentences written for these tests; the quote
in [brackets] is the candidate target)."""

from __future__ import annotations

import pytest

from sitrep.article import Article, Sentence
from sitrep.events.fillers_struck import struck, struck_nouns, struck_start, struck_targets
from sitrep.schema import RoleFiller


def _case(sentence: str) -> tuple[str, int, int]:
    start = sentence.index("[")
    end = sentence.index("]") - 1
    return sentence.replace("[", "").replace("]", ""), start, end


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a damage verb right before it, over its own noun phrase
        ("Militants burned [a primary school] in Borno overnight.", True),
        ("REBELS DYNAMITED THE CANO LIMON-COVENAS [OIL PIPELINE] AGAIN.", True),
        ("Gunmen machinegunned a crowded [bus] near Peshawar.", True),
        ("Unknown attackers set fire to [the town hall] of Kidal.", True),
        ("Protesters ransacked [the offices] of the ruling party in Dhaka.", True),
        # coordinated noun phrases share the cue
        ("Insurgents bombed a radio station and [a pharmacy] in the market town.", True),
        ("The mob looted three shops, a warehouse and [two trucks] on the highway.", True),
        # a cue noun with its preposition
        ("A bomb exploded at [the regional airport] of Kandahar.", True),
        ("Police reported an attack on [a polling station] in Kasai.", True),
        ("The blast caused heavy damage to [the embassy building] in Kabul.", True),
        ("Petrol bombs were hurled at [a mosque] in Leicester.", True),
        # passive or intransitive verbs after it, over a prepositional phrase
        ("[Two police posts] in the district were attacked at dawn.", True),
        ("[The offices] of two opposition parties were also looted.", True),
        ("[An army truck] blew up on the road to Gao.", True),
        ("[The minibus] was completely destroyed by the explosion.", True),
        # only a place, a modifier or someone's own thing: not struck
        ("The wounded were taken to [the military hospital] in Bamako.", False),
        ("The [university] rector condemned the killing of two students.", False),
        ("The judge was shot dead as he left [his home] in Lahore.", False),
        ("The [embassy] spokesman said nobody was hurt.", False),
        ("Soldiers killed four militants near [the border post] on Monday.", False),
        # a cue too far back, across a relative clause or a preposition
        ("Rebels attacked the convoy, which was heading to [the airport] in Goma.", False),
        ("Troops raided houses with [armoured vehicles] in the north.", False),
    ],
)
def test_struck(sentence: str, expected: bool) -> None:
    text, start, end = _case(sentence)
    assert struck(text, start, end) is expected


def test_struck_targets_reads_the_targets_own_sentence() -> None:
    # The cue "bombed" ends the first sentence: the second one's church is not its object.
    text = "Gunmen bombed a market. The church stood nearby. Rioters burned the church."
    article = Article(id="t", text=text)
    article.sentences = [Sentence(0, 0, 23), Sentence(1, 24, 48), Sentence(2, 49, len(text))]
    church1 = RoleFiller("The church", 24, 34)
    church2 = RoleFiller("the church", text.rindex("the church"), text.rindex("the church") + 10)
    market = RoleFiller("a market", 14, 22)
    got = struck_targets(article, [market, church1, church2])
    assert [(t.text, t.start) for t in got] == [("a market", 14), ("the church", church2.start)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the words between the cue's article and the target noun are its noun phrase
        ("Rebels bombed the central american [university] at dawn.",
         "central american university"),
        ("THE ELN DESTROYED THE CANO LIMON-COVENAS [OIL TERMINAL] ON FRIDAY.",
         "CANO LIMON-COVENAS OIL TERMINAL"),
        ("A bomb exploded inside a fast-food [restaurant] in Lima.", "fast-food restaurant"),
        ("The blast damaged the shelves of a book [store] in Sucre.", "book store"),
        ("Gunmen attacked the minister's [residence] in Gitega.", "minister's residence"),
        # counts and numbers open the phrase: the quote starts after them
        ("Gunmen machinegunned a route 302 [bus] near Usulutan.", "bus"),
        ("Militants burned three [vehicles] on the highway.", "vehicles"),
        # a target noun modifying the next word is no target
        ("Troops fired at the [university] students.", None),
        ("A car bomb hit the police [station] on Monday.", "police station"),
    ],
)
def test_struck_start(sentence: str, expected: str | None) -> None:
    text, start, end = _case(sentence)
    at = struck_start(text, start, end)
    if expected is None:
        assert at is None
    else:
        assert at is not None and text[at:end] == expected


def test_struck_nouns_beyond_the_frames_lexicon() -> None:
    text = ("Insurgents bombed a radio station and a drugstore in Kismayo. "
            "Two transformers were destroyed. Residents said the pharmacy reopened.")
    article = Article(id="t", text=text)
    ends = [text.index(".") + 1, text.index("destroyed.") + len("destroyed."), len(text)]
    article.sentences = [Sentence(0, 0, ends[0]), Sentence(1, ends[0] + 1, ends[1]),
                         Sentence(2, ends[1] + 1, ends[2])]
    got = struck_nouns(article, [0, 1, 2])
    # the pharmacy was not struck; the radio station is the frames' (roles.json) to find
    assert [(t.text, text[t.start:t.end]) for t in got] == [
        ("drugstore", "drugstore"), ("transformers", "transformers")]
