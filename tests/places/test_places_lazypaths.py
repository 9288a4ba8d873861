"""The lazy surname check of recognize._keep: a one-word name outside a place slot is
looked for as a surname only before a verdict other than "no place"; the verdicts are those
of the eager order (surname first), on sentences written for these tests. The street
suffix regex grouped by first letter finds what the plain alternation found."""

from __future__ import annotations

import re

import pytest

from sitrep.places import streets
from sitrep.places.context import Context, case_mode, case_signature
from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.recognize import _NO, _keep, recognise


@pytest.mark.parametrize(("text", "names"), [
    ('Sheriff Tom Bell told reporters that Bell would visit the county fair in Ohio.',
     ['Ohio']),
    ('Officials in Bell said the road to Compton was closed.',
     ['Bell', 'Compton']),
    ('Lawyer Maria Jackson said Jackson had left Memphis on Friday.',
     ['Memphis']),
    ('Aid convoys reached Kandahar and Herat this week, officials said.',
     ['Kandahar', 'Herat']),
    ('Jones fled to Cardiff after the verdict, and Jones was later arrested.',
     ['Cardiff']),
    ('Dr. Ramon Paris spoke in Houston on Tuesday. Paris was praised by the mayor.',
     ['Houston']),
    ('Singer Whitney Houston grew up in Newark, New Jersey.',
     ['Newark', 'New Jersey']),
    ('Floods hit Mosul, Iraq, and farmers near Tikrit fled their homes.',
     ['Mosul', 'Iraq', 'Tikrit']),
    ('Austin Carter met Gov. Perry. Later Carter drove to Austin with Perry.',
     ['Austin', 'Austin']),
    ('Police said Florence Nightingale Street in Florence was closed.',
     ['Florence Nightingale Street', 'Florence']),
    ('Gunmen attacked a checkpoint near Kidal; Kidal residents said Moussa Kidal escaped.',
     ['Kidal']),
    ('Troops moved from Aleppo to Homs while Aleppo residents waited.',
     ['Aleppo', 'Homs', 'Aleppo']),
])
def test_surname_cues_decide_as_before(text, names):
    found = recognise(text, get_gazetteer())
    assert [text[t.start:t.end] for t in found] == names


@pytest.mark.parametrize(("text", "name"), [
    # refused by the given-name rule before any surname lookup
    ("Reporter Jane Denver wrote about the storm.", "Denver"),
    # a common word capitalised mid-sentence
    ("He signed the Act on Monday in the capital.", "Act"),
])
def test_refused_names_are_not_looked_up_as_surnames(text, name):
    gaz = get_gazetteer()
    cx = Context(text, gaz, case_mode(text), set())
    s = text.index(name)
    assert _keep(cx, s, s + len(name), name.lower()) == _NO
    assert name.lower() not in cx._surnames  # (the memo of is_surname: never asked)


_PLAIN_SUFFIX_SIG = re.compile(rb" A(" + "|".join(re.escape(w[1:]) for w in sorted(
    streets._WORDS, key=len, reverse=True)).encode() + rb")(?![\w'-])")


@pytest.mark.parametrize("text", [
    "Crews closed Main Street and N. Cedar St. after the flood on Hyland-Croy Road.",
    "The Neches River rose near Salinas Valley; Riverside Park and Lake Erie Islands shut.",
    "Streets, Stations and Stores: St.Louis Bay Bayou Islander Isle Rd Rd. Ave Ave. Aves.",
    "A Parkway, a Pike, Pikes Peak, the Freeway, Expressway 5, Terrace Heights, Falls.",
    "Sierra Nevada Mountains, Mojave Desert, Black Forest, Grand Canyon, Iberian Peninsula",
    "Trail-head at Blue Creek's mouth; West 11th Street-side; Lane's end; Drive'",
])
def test_grouped_street_suffixes_match_as_the_plain_alternation(text):
    sig = case_signature(text)
    got = [m.span() for m in streets._SUFFIX_SIG.finditer(sig)]
    assert got == [m.span() for m in _PLAIN_SUFFIX_SIG.finditer(sig)]


def test_grouped_street_suffixes_take_every_word():
    for w in streets._WORDS:
        for after in ("", " x", ".", "-x", "s", "'"):
            sig = case_signature(f"on {w}{after}")
            assert ([m.span() for m in streets._SUFFIX_SIG.finditer(sig)]
                    == [m.span() for m in _PLAIN_SUFFIX_SIG.finditer(sig)])


@pytest.mark.parametrize("text", [
    "the town of Kidal, the village  of Ain Issa and the neighborhood of Sheikh Maqsoud",
    "its governorate of Idlib; a municipality\tof Tartus; the mountain town of Bosra",
    "capital city of Sanaa, the area of Marib, the state of Borno, downtown of Lagos",
    "the district                    of Kunduz; metropolitanarea of X; (suburb of Ikeja)",
    "statecraft of Rome, interstate of Ohio, the county\u2003of Cork, the region of",
])
def test_kind_before_of_read_backwards_as_the_window_search(text):
    from sitrep.places import extra_names as X

    rev, n = text[::-1], len(text)
    for m in re.finditer(r"of", text):
        s = m.start()
        want = X._KIND_BEFORE_OF.search(text, max(0, s - 24), s)
        k = X._KIND_BEFORE_OF_REV.match(rev, n - s)
        got = k[1][::-1] if k is not None and k.end() - (n - s) <= 24 else None
        assert got == (want.group(1) if want else None)


def test_grouped_postal_codes_match_as_the_plain_alternation():
    from sitrep.places import extra_names as X

    plain = re.compile(r",[ \t]+(" + "|".join(X._POSTAL) + r")\b(?![.-]?\w)")
    text = "".join(f"Town, {c} " for c in X._POSTAL) + (
        ", NYC, N.Y., WA-5, Ohio, CAL, C.A, \tMD, OK.\n, GA. and , AL")
    assert ([m.span(1) for m in X._POSTAL_RE.finditer(text)]
            == [m.span(1) for m in plain.finditer(text)])
    assert len(list(X._POSTAL_RE.finditer(text))) == len(X._POSTAL) + 4
