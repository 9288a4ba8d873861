"""The leaner paths of the fourth speed round give what the plain ones did: the case mode
read on the case signature, and the context that reads it there itself."""

from __future__ import annotations

import pytest

from sitrep.places.context import Context, case_mode, case_mode_of_signature, case_signature
from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.normalize import fold_plain

# ordinary, wire-copy and lower-case text, ASCII and not, short and past the 3000-character
# sample and the 600-byte head (where a UTF-8 head holds fewer characters than a signature's)
_TEXTS = [
    "Gunmen attacked Kidal \u2014 \u201cwe fled\u201d, said Amina.",
    "GUNMEN ATTACKED KIDAL \u2014 \u201cWE FLED\u201d, SAID AMINA.",
    "Police in Ohio arrested two men on Monday.",
    "POLICE IN OHIO ARRESTED TWO MEN ON MONDAY.",
    "police in ohio arrested two men on monday.",
    "\u4e2d\u6587 \ud83d\ude00 only symbols 123",
    "123 456 !!!",
    "",
    "A",
    "\u2019" * 900 + "TROOPS SHELLED THE TOWN OF AZAZ AT DAWN " * 12 + "and left",
    "\u201c" * 700 + "ARMY SAYS TROOPS KILLED 12 IN SAN SALVADOR " * 3 + "x",
    "\u201c" * 700 + "Army says troops killed 12 in San Salvador",
    "\u2014 " * 400 + "REBELS SEIZED GOMA, KIVU OFFICIALS SAID; TWO DIED " * 10 + "so it goes",
    "ABCDEFGHIJ " * 300 + "abcdefghij " * 90,
    "ABCDEFGHIJ " * 300 + "abcdefghij " * 60,
    "Kabul " * 700 + "QUETTA " * 10,
    "\u2018Quoted\u2019 " * 500 + "LOUD TAIL " * 200,
]


@pytest.mark.parametrize("text", _TEXTS)
def test_case_mode_of_signature_is_case_mode(text):
    assert case_mode_of_signature(text, case_signature(text)) == case_mode(text)


@pytest.mark.parametrize("text", _TEXTS + ["Caf\u00e9 owners in S\u00e3o Paulo fled.",
                                           "\u00c9COLE ATTAQU\u00c9E \u00c0 GAO, DIT L'ARM\u00c9E"])
def test_context_reads_the_mode_itself(text):
    gaz = get_gazetteer()
    mode = case_mode(text)
    given, read = Context(text, gaz, mode, set()), Context(text, gaz, None, set())
    assert read.mode == given.mode == mode
    assert read.sig == given.sig
    assert (read.sig is not None) == (fold_plain(text)[1] and mode == "mixed")
