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
