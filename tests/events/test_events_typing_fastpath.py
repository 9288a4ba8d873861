"""The fast paths of typing, phrase matching, modality and person names give the
results of the plain ones: offsets from norms, spans without tokens, look-aheads."""

from __future__ import annotations

import pytest

from sitrep.actors.persons import find_persons
from sitrep.events.modality import _join
from sitrep.events.typing import classify_sentence
from sitrep.events.typing_matcher import PhraseMatcher, tokenize

_MATCHER = PhraseMatcher([("the police", "police"), ("set* ... ablaze", "arson"),
                          ("gunm*n", "gunman"), ("car bomb", "bomb")])


@pytest.mark.parametrize(
    "text",
    [
        "Rioters set the depot and two buses ablaze near the police post.",
        "A CAR BOMB hit the police convoy; gunmen then fled.",
        "In March the police said a gunman had set fire to nothing.",
        "",
    ],
)
def test_find_spans_agrees_with_find(text: str) -> None:
    tokens = tokenize(text)
    spans = _MATCHER.find_spans([t.norm for t in tokens])
    assert spans == [(h.first, h.last, h.payload) for h in _MATCHER.find(tokens)]


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        ("Suspected militants ambushed a patrol near Kidal on Tuesday.",
         ["ambushed", "patrol"]),
        # Curly quotes, digits and a hyphen before the trigger: offsets still line up.
        ("The \u201cgovernor\u2019s\u201d 4x4 convoy was ambushed near Kidal.", ["ambushed"]),
        # A month "March" and a letter lower-casing to two take the tokenizer's path.
        ("On 3 March gunmen ambushed a bus near \u0130zmir.", ["gunmen", "ambushed"]),
        ("Gunmen attacked a bus near \u0130zmir, killing two.", ["Gunmen", "attacked"]),
    ],
)
def test_trigger_offsets_on_every_path(text: str, triggers: list[str]) -> None:
    matches = classify_sentence(text, 100)
    assert [m.trigger_text for m in matches] == triggers
    assert all(text[m.trigger_start - 100:m.trigger_end - 100] == m.trigger_text
               for m in matches)


@pytest.mark.parametrize(
    ("patterns", "text", "found"),
    [
        # A character class inside the group no longer hides the first letters.
        (["\\b(?:offen[cs]es?|ipc)\\b[^.;]{0,50}$"], "booked under offences of the act", True),
        (["\\b(?:offen[cs]es?|ipc)\\b[^.;]{0,50}$"], "no such charge was filed", False),
        # A bar outside any group: both branches are tried.
        (["\\bfoo|bar"], "a crowbar", True),
        (["\\bwarn(?:s|ed)? of\\b", "\\bif\\b"], "police warned of unrest", True),
    ],
)
def test_joined_patterns_match_as_alternatives(patterns: list[str], text: str,
                                               found: bool) -> None:
    joined = _join(patterns)
    assert joined is not None
    assert (joined.search(text) is not None) is found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Gunmen killed Alvaro G\u00f3mez and Father Ernesto in Cali.",
         ["Alvaro G\u00f3mez", "Ernesto"]),
        ("Police questioned Maria\u2019s neighbours in Quito.", []),
        ("STUDENT ALVARO GOMEZ\u2019S FATHER WAS ABDUCTED", ["ALVARO GOMEZ"]),
        ("Farmers blocked the highway near Nakuru on Friday.", []),
    ],
)
def test_find_persons_on_ascii_and_other_text(text: str, names: list[str]) -> None:
    found = find_persons(text)
    assert [p.text for p in found] == names
    assert all(text[p.start:p.end] == p.text for p in found)
