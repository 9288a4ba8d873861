"""Speed paths that read the case signature instead of the text give the text's answers."""

from __future__ import annotations

import re

import pytest

from sitrep.places import extra_names
from sitrep.places.context import case_signature

# what _kinds_after stands for: every match of the kind-word pattern, in text order
_KIND_AFTER_REGEX = re.compile(r"\s(province|governorate|district|region|county|municipality|"
                               r"state|department|prefecture|neighbou?rhood)\b")


@pytest.mark.parametrize("text", [
    "Fighters entered Sool region on Monday.",
    "\u201cWe left Diffa region,\u201d a farmer said \u2014 the county\u2019s roads were shut.",
    "Officials in Kasai province and the Ituri district \u2019state\u2019 office said so.",
    "The DEPARTMENT of Lempira department; a municipality\u2026 in Cortés? no: Cortes department",
    "Shelling hit the Sheikh Maqsoud neighbourhood and a neighborhood of Aleppo \U0001F525 region",
    "a region\u00a0state, the Statewide PREFECTURE and a prefecture",
    "no kind words here at all",
])
def test_kind_words_on_the_signature(text):
    want = [(m.start(), m.group(1)) for m in _KIND_AFTER_REGEX.finditer(text)]
    got = [(m.start(), m.group(1))
           for m in extra_names._kinds_after(text, case_signature(text))]
    assert got == want
    assert [(m.start(), m.group(1)) for m in extra_names._kinds_after(text)] == want


# Texts whose "in X" slots the signature scan must find as the per-token reading does: slot
# words after other letters ("within", "Berlin"), capitalised ("In"), after digits, an
# underscore, curly quotes and non-ASCII punctuation, several spaces and tabs, at the start
# of the text, before unknown names the scan left unmatched, with "X, <Country>" or not
# (names before the comma after a small word, a capitalised one, a comma, two spaces).
_SLOT_TEXTS = [
    "Gunmen attacked Kwatarkwashi and fled towards Ungwar Gamji before dawn.",
    "in Zangon Kataf the militia regrouped; within Kauru they did not.",
    "In Dogon Dawa, herders said the raid came from  Birnin Gwari and toward\tKidandan.",
    "Troops at Velmorada and near Quenzabi moved into Tarvolesh; 5in Dravika, _in Zolvani.",
    "\u201cin Pelimbora\u201d she said, \u2019at Kwesarani\u2019 \u2014 around Ulvendro \u2026 "
    "outside Marvekisa",
    "Residents of Berlin Tempelhof and in Abu Salim fled from Tajoura into Janzour.",
    "Fighting near Ras Lanuf, Libya, spread from Gorvalen to in Tazrimbo and at\t\tQarvelun.",
    "No slot here: Kano, Kaduna and Zaria are towns.",
    "Gunmen struck Tazrimbo, Nigeria, and Upper Gorvalen, Niger, then fled near Qarvelun, Chad.",
    "Officials said Korvani, Mali was hit, and Zelmoura Kiddi, Mali, too; in Pelimbora, Mali.",
    "Velmorada, Niger: clashes.  Tarvolesh, Chad, and ,Quenzabi, Chad; at Dravika, Sudan.",
]


def _context(text: str):
    from sitrep.places import recognize
    from sitrep.places.context import Context
    from sitrep.places.gazetteer import get_gazetteer

    cx = Context(text, get_gazetteer(), None, set())
    recognize._gazetteer_names(cx)  # (fills cx.unmatched)
    return cx


@pytest.mark.parametrize("text", _SLOT_TEXTS)
def test_slot_starts_on_the_signature(text):
    cx = _context(text)
    assert cx.sig is not None
    rev, n = cx.reverse, len(text)
    # the per-token reading: spaces or tabs, then the whole lower-case word before them
    want = [s for s, _ in cx.unmatched
            if s >= 2 and text[s - 1] in " \t"
            and (m := extra_names._WORD_BEFORE_REV.match(rev, n - s)) is not None
            and m[2][::-1] in extra_names._SLOT_PREPS]
    assert extra_names._slot_starts(cx.unmatched, cx.sig) == want


@pytest.mark.parametrize("text", _SLOT_TEXTS)
def test_slot_names_with_and_without_the_signature(text):
    cx = _context(text)
    fast = [(t.start, t.end, t.key, t.hint) for t in extra_names.slot_names(cx)]
    cx.sig = None  # the per-token loop
    assert [(t.start, t.end, t.key, t.hint) for t in extra_names.slot_names(cx)] == fast
