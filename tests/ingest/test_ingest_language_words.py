"""The words the language guess counts: the letter runs of its regex, ASCII or not."""

from __future__ import annotations

import pytest

from sitrep.ingest.language import _WORD, _words


@pytest.mark.parametrize("text", [
    "the police said 12 people were killed in o'brien street_2, near al-qaeda's base",
    "tab\tand\nnewline; x1y2 -- (quoted) 'word'",
    "les forces armées ont tiré — selon l’armée",  # non-ASCII: the regex itself
    "",
])
def test_words_are_the_regex_words(text: str) -> None:
    assert _words(text) == _WORD.findall(text)
