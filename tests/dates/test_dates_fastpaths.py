"""The recogniser's fast paths give exactly what the plain ones give: the two-step
``Grammar.finditer`` against one ``pattern.finditer`` pass, ``fold_case`` on non-ASCII
text, and the case-sensitive tense patterns on folded text against the IGNORECASE ones."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from sitrep.dates import find_dates
from sitrep.dates.grammar import fold_case, grammar
from sitrep.dates.tense import is_future
from sitrep.nlp.case_odd import case_odd

WED = date(2016, 3, 9)

TEXTS = [
    "Monday's blast in Quetta killed 12; a second bomb went off the day before yesterday.",
    "From the 5th to the 7th of March, 2,000 people marched; the year 2015 was calmer.",
    "the first of may, twenty-first of june and the first quarter of 2016 were cited.",
    "Three weeks ago, a couple of days ago and 2 months ago militias raided Beni.",
    "LAST NIGHT REBELS SHELLED AYACUCHO; ON 3 FEB 90 THE ARMY SAID SO.",
    "Between Monday and Wednesday, mid-March and late 2015, the curfew held.",
    "(Tuesday) ‘Friday’ “last week” —early summer— 2016-03-07, 3/7/2016.",
    "The offensive planned for next spring will begin on Sunday, officials said.",
    "In İzmir on 4 March, the Kelvin sign \u212a and the long s \u017f sit by dates.",
    "a the an from between this last next coming early late mid fiscal end start",
    "12 March 5-7 May 1st quarter 30 days 15,000 $2016 1990s 2,011 '98 No. 2016",
    "Friday",  # a date at the very start of the text: no character before it
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_two_step_scan_equals_one_pass(text):
    g = grammar()
    folded = fold_case(text)
    one = [(m.span(), m.lastgroup, m.groupdict()) for m in g.pattern.finditer(folded)]
    two = [(m.span(), m.lastgroup, m.groupdict()) for m in g.finditer(folded)]
    assert two == one


def _phrases(n: int) -> list[str]:
    """Word salad from the grammar's own vocabulary (fixed seed): every gate path."""
    words = ("the from between last this next coming early late earlier later mid fiscal a an "
             "one three twenty-first first second end beginning middle start of on past day "
             "days previous before after weekend week weeks month year quarter couple ago "
             "yesterday today tomorrow tonight overnight morning night evening monday friday "
             "tues march may sept. dec summer fall to and until through into 5 05 12th 1st "
             "4th 30 2016 1998 '98 3/7/2016 2016-03-07 15,000 1990s said police").split()
    seps = [" ", "  ", "-", ", ", ". ", "\n", " (", "’", "–", "/", ""]
    rng = random.Random(7)
    return ["".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 8)))
            for _ in range(n)]


def test_gate_keeps_every_match_of_the_reference_grammar():
    # The gate only decides where to try the grammar: with it, the matches must be those
    # of the alternatives tried at every word that can begin a date.
    g = grammar()
    bare = re.compile(g.reference)
    for text in TEXTS + _phrases(3000):
        folded = fold_case(text)
        want = [(m.span(), m.lastgroup) for m in bare.finditer(folded)]
        assert [(m.span(), m.lastgroup) for m in g.finditer(folded)] == want, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On MONDAY, Police said", "on monday, police said"),
        ("İzmir", "İzmir"),  # str.lower() would make this two characters
        ("\u212a and K", "\u212a and k"),  # only ASCII capitals are folded
        ("“Ça va” ÉTÉ", "“Ça va” ÉtÉ"),
        ("", ""),
    ],
)
def test_fold_case_folds_ascii_only(text, expected):
    assert fold_case(text) == expected
    assert len(fold_case(text)) == len(text)


@pytest.mark.parametrize(
    ("sentence", "phrase", "future"),
    [
        ("The talks WILL resume on Friday in Doha.", "Friday", True),
        ("Rebels ATTACKED the convoy on Friday near Gao.", "Friday", False),
        ("The vote, which Was Scheduled for Sunday, was postponed.", "Sunday", True),
        ("Elections are due on Sunday across Kenya.", "Sunday", True),
        ("Protesters gathered on Sunday and will march again.", "Sunday", False),
    ],
)
def test_tense_folded_equals_ignorecase(sentence, phrase, future):
    g = grammar()
    start = sentence.index(phrase)
    end = start + len(phrase)
    plain = is_future(g, sentence, start, end, 0, len(sentence))
    fast = is_future(g, fold_case(sentence), start, end, 0, len(sentence), folded=True)
    assert plain == fast == future


def test_case_odd_text_takes_the_ignorecase_path():
    # "İ" matches "i" under IGNORECASE but not after an ASCII fold: the recogniser must
    # fall back, so both texts resolve "on Friday" the same way (past: "shelled").
    plain = "Gunmen shelled the village on Friday, officials said."
    odd = plain.replace("village", "İvillage")
    assert case_odd(odd) and not case_odd(plain)
    assert [m.value for m in find_dates(plain, WED)] == [m.value for m in find_dates(odd, WED)]
