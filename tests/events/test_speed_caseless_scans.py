"""The casualty scans on lower-cased text find exactly what the IGNORECASE scans find."""

from __future__ import annotations

import pytest

from sitrep.events.casualty_lexicon import caseless_finditer, casualty_lexicon

TEXTS = [
    "The death toll from the bombing in Mogadishu rose to 12, officials said.",
    "THE DEATH TOLL ROSE TO 40 AFTER THE FLOODS; NO CASUALTIES WERE REPORTED IN LIMA.",
    "Police said there were no reported injuries and no arrests after the march in Quito.",
    "The pre-toll count and a fatality count differ; the body count was not released.",
    "Without serious injuries, the two guards left; zero deaths, the army said.",
    "Number of people killed in Kasai climbs to nine: the number of dead is unclear.",
    "A tollbooth near Lahore was hit; no-one was hurt and nobody was arrested.",
    "",
    # Letters whose case-insensitive match is an ASCII letter but which lower-case to
    # themselves (long s, dotless i) or to two letters (dotted capital I).
    "No ca\u017fualties were reported in Ankara, and the death toll stays at three.",
    "Diyarbak\u0131r: no fatal\u0131ties, said the governor; the toll is zero.",
    "\u0130stanbul: the death toll rose to 5 and there were no injuries.",
    "\u212aABUL (AP) \u2014 The death toll reached 17; no deaths were reported in Herat.",
]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("kind", ["triggers", "toll", "zero_nouns"])
def test_lower_cased_scan_is_the_ignorecase_scan(kind: str, text: str) -> None:
    lex = casualty_lexicon()
    pattern, lower = getattr(lex, kind), getattr(lex, f"{kind}_lower")
    fast = _spans(caseless_finditer(pattern, lower, text, text.lower()))
    assert fast == _spans(pattern.finditer(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("the death toll rose to 12", ["death toll"]),
    ("THE DEATH TOLL ROSE", ["DEATH TOLL"]),
    ("no ca\u017fualties were reported", []),  # (the toll scan: no toll word here)
    ("a tollbooth and a pre-toll fee", []),
])
def test_toll_words(text: str, expected: list[str]) -> None:
    lex = casualty_lexicon()
    found = [m.group() for m in caseless_finditer(lex.toll, lex.toll_lower, text, text.lower())]
    assert found == expected


@pytest.mark.parametrize(("text", "nouns"), [
    ("there were no reported injuries", ["injuries"]),
    ("NO CASUALTIES WERE REPORTED", ["CASUALTIES"]),
    ("no ca\u017fualties were reported", ["ca\u017fualties"]),  # long s: the plain scan
    ("nobody died; without deaths", ["deaths"]),
])
def test_zero_nouns(text: str, nouns: list[str]) -> None:
    lex = casualty_lexicon()
    found = [m.group("noun") for m in
             caseless_finditer(lex.zero_nouns, lex.zero_nouns_lower, text, text.lower())]
    assert found == nouns


FRAME_TEXTS = [
    "Police SAID on Monday THAT three attacks took place in Maiduguri.",
    "Two separate shootings happened overnight in Chicago, officials reported that day.",
    "A SERIES OF BLASTS WAS CARRIED OUT IN KABUL, THE MINISTRY ANNOUNCED THAT NIGHT.",
    "The rebels denied that the ambush occurred near Goma; 12 raids were staged.",
    "Reports say a wave of killings took place \u2014 \u201cseveral clashes\u201d \u2014 in Ituri.",
    "",
]


@pytest.mark.parametrize("text", FRAME_TEXTS)
def test_frame_pattern_twins_find_what_the_patterns_find(text: str) -> None:
    from sitrep.events.frames import _LOW, _PAT, _lowered

    low = _lowered(text)
    assert low == text.lower()
    for key, twin in _LOW.items():
        assert [m.span() for m in twin.finditer(low)] == \
            [m.span() for m in _PAT[key].finditer(text)], key


@pytest.mark.parametrize("text", [
    "Two ſhootings took place in Izmir.",  # long s: "shootings" only case-insensitively
    "Diyarbakır: three attacks happened.",  # dotless i
    "İstanbul: two bombings took place.",  # dotted capital I lower-cases to two letters
])
def test_frame_twins_are_not_used_where_they_could_differ(text: str) -> None:
    from sitrep.events.frames import _lowered

    assert _lowered(text) is None


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("kind", ["triggers", "toll", "zero_nouns"])
def test_shared_first_scan_finds_what_each_scan_finds(kind: str, text: str) -> None:
    # The three twins tried only where the lexicon's one first scan says a word can open
    # a match of any of them (as the counts stage scans).
    lex = casualty_lexicon()
    assert lex.starts_lower is not None
    low = text.lower()
    starts = [m.end() for m in lex.starts_lower.finditer(low)]
    pattern, lower = getattr(lex, kind), getattr(lex, f"{kind}_lower")
    fast = _spans(caseless_finditer(pattern, lower, text, low, starts))
    assert fast == _spans(pattern.finditer(text))
