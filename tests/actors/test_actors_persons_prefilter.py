"""Person names after the cheap pre-filters: a name is found wherever it stands in the
sentence, whatever its apostrophes, hyphens and particles."""

from __future__ import annotations

import pytest

from sitrep.actors.persons import _WORD, _lexicon, find_persons
from sitrep.nlp.offsets import word_offsets


@pytest.mark.parametrize(("text", "names"), [
    # The name is the last thing said: its words' offsets are still found.
    ("Among the dead in Cali was Maria Fernanda Ruiz", ["Maria Fernanda Ruiz"]),
    ("The mayor of Popayan blamed Father Ernesto Cardenal's rivals", ["Ernesto Cardenal"]),
    ("GUNMEN KILLED JUDGE ALVARO DE ESPRIELLA", ["ALVARO DE ESPRIELLA"]),
    ("ARCHBISHOP ARTURO RIVERA Y DAMAS CONDEMNED THE BOMBING", ["ARTURO RIVERA Y DAMAS"]),
    # A given name with a possessive, a hyphenated surname.
    ("Mohammed's brother Ahmed Al-Tamimi was detained in Basra", ["Ahmed Al-Tamimi"]),
    # Nobody named: no given name and no title word.
    ("Farmers blocked the highway near Nakuru on Friday.", []),
    ("Hyphen-led and apostrophe's words name nobody here", []),
])
def test_names_anywhere(text: str, names: list[str]) -> None:
    assert [p.text for p in find_persons(text)] == names


def test_first_runs_cover_every_start_word() -> None:
    # The runs-of-letters test may only ever let more texts through than the word test.
    lex = _lexicon()
    for word in lex.starts:
        if word.isascii() and word[:1].isalpha():
            run = word.split("'")[0].split("-")[0].split("\u2019")[0]
            assert run in lex.first_runs, word


@pytest.mark.parametrize(("text", "count"), [
    ("Father Ernesto Cardenal's homily, 1983", 2),
    ("al-Hassan and O'Neill met 3rd-party envoys", 3),
])
def test_word_offsets_of_the_first_words_and_the_next(text: str, count: int) -> None:
    words = _WORD.findall(text)
    spans = [m.span() for m in _WORD.finditer(text)]
    starts, ends = word_offsets(text, words[:count])
    assert list(zip(starts, ends, strict=True)) == spans[:count]
    more_starts, more_ends = word_offsets(text, words[count:], ends[-1])
    assert list(zip(more_starts, more_ends, strict=True)) == spans[count:]
