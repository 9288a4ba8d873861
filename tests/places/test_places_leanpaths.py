"""The leaner paths of the fourth speed round give what the plain ones did: the case mode
read on the case signature, and the context that reads it there itself; the dotted
abbreviation spans without a look-behind; the place-slot commas judged at once; the
gazetteer records read by a struct; the small-towns verdict read in the key flags; the
vocabulary bit of the lexical memo; the merge that overlaps nothing; the proximity bands
that stop at the top band."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from sitrep.places import extra_names as X
from sitrep.places import recognize as R
from sitrep.places import resolve as S
from sitrep.places.caseless import VOCAB
from sitrep.places.context import (
    COMMON,
    FIRST,
    LEADING,
    NEVER,
    SURNAMES,
    TITLES,
    Context,
    Toponym,
    case_mode,
    case_mode_of_signature,
    case_signature,
    is_place_like,
)
from sitrep.places.extra_names import _DOT_CAND_SIG, _dot_spans_sig
from sitrep.places.gazetteer import _row_reader, get_gazetteer
from sitrep.places.normalize import fold_plain, name_key
from sitrep.places.recognize import _gazetteer_names

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


# Dotted abbreviations after letters, periods, digits and underscores (where the look-behind
# refuses a capital) and right after such a refused match ("xMass. Gov.": "Gov." stays)
_DOTTED = [
    "Sacramento, Calif., and W. Va. officials met in D.C. on Monday.",
    "xMass. Gov. Baker spoke; U.S. and N.Y. police. iPho. Ore. Miss.",
    "The firm McCain. Fla. and 3Ala. and _Tex. and .Ga. all stayed.",
    "Ga.", "Ga. Fla.", "aGa. Fla.", "a.Ga.Fla.", "Mass.Gov. W.Va.", "Dr. Kan. Ok. A. B.",
    "", "no capitals here.", "ZZZZZ. Calif.-based",
]


@pytest.mark.parametrize("text", _DOTTED)
def test_dot_spans_are_the_look_behind_matches(text):
    sig = case_signature(text)
    assert _dot_spans_sig(sig) == [m.span() for m in _DOT_CAND_SIG.finditer(sig)]


def _slot_names_before(cx: Context) -> list[Toponym]:
    """slot_names as it was: each name's comma found, then judged, in the loop."""
    text, gaz, rev = cx.text, cx.gaz, cx.reverse
    out: list[Toponym] = []
    comma, comma_ok = -2, False
    for s, _ in cx.unmatched:
        if s < 2:
            continue
        c1 = text[s - 1]
        if c1 != " " and c1 != "\t":
            continue
        c2 = text[s - 2]
        if c2 == " " or c2 == "\t" or (c2 in X._LOWER and text[s - 3:s - 1] in X._PREP_TAILS):
            prev = X._WORD_BEFORE_REV.match(rev, len(text) - s)
            slot = prev is not None and prev[2][::-1] in X._SLOT_PREPS
        else:
            slot = False
        if not slot:
            if c1 != " " or c2 not in X._LOWER_OR_COMMA:
                continue
            if comma != -1 and comma < s:
                comma = text.find(",", s)
                if comma >= 0:
                    after = X._COMMA_NAME.match(text, comma)
                    comma_ok = after is not None and is_place_like(
                        gaz, name_key(after.group(1)))
            if comma < 0 or not comma_ok:
                continue
        m = X._SLOT_NAME_RE.match(text, s)
        if m is None or (not slot and m.end() != comma):
            continue
        e = m.end()
        key = name_key(text[s:e])
        if key.rsplit(" ", 1)[-1] in X._GENERIC_TAIL or key.endswith(" s"):
            continue
        first = key.split(" ", 1)[0]
        if (key in gaz or key in COMMON or first in TITLES or first in NEVER
                or first in LEADING or len(key) < 4 or cx.is_surname(key)
                or gaz.demonym_country(first) is not None):
            continue
        out.append(Toponym(s, e, key, "slot"))
    return out


_SLOTS = [
    "Fighters shelled Qaryat Zubair, Syria, and the hamlet of Tell Abyad, Turkey, at dawn.",
    "Troops moved from Xandarville, Kenya, toward Ombalo, Uganda, and near Zintaro.",
    "Residents of Kavango, Namibia, Ondjiva, Angola, and Lubbock, Texas, fled.",
    "He met Ollie Brandt, Mali, and Fenwick Marsh, a friend, in Gorlitz.",
    "Rebels in Karbazi, near Qundoz, said Kilmore, Ohio, was calm, Eastwick, Peru.",
    "No commas here: fighting in Kandoro and near Uzbari and outside Telmaret.",
    "Police said Dunwich, Suffolk, and Marlow, Bucks, saw protests, Somalia.",
    "Fighting hit  Qaraqosh,  Iraq, and\tTalafar, Iraq, and villages, Iraq.",
    ", Syria, Iraq, Jordan, and the Zorvak, Chad area",
]


@pytest.mark.parametrize("text", _SLOTS)
def test_slot_names_judge_the_commas_as_before(text):
    gaz = get_gazetteer()
    before, now = Context(text, gaz, None, set()), Context(text, gaz, None, set())
    _gazetteer_names(before)
    _gazetteer_names(now)
    assert now.unmatched == before.unmatched
    want = _slot_names_before(before)
    got = X.slot_names(now)
    assert [(t.start, t.end, t.key, t.hint) for t in got] == [
        (t.start, t.end, t.key, t.hint) for t in want]


@pytest.mark.parametrize("step", [1, 7, 997, 10_007])
def test_row_reader_reads_what_item_reads(step):
    rows = get_gazetteer()._rows
    read, buf, size = _row_reader(rows)
    assert size == rows.dtype.itemsize  # the struct path, not the fallback
    for i in list(range(0, len(rows), step))[:400] + [len(rows) - 1]:
        got, want = read(buf, i * size), rows.item(i)
        assert got == want
        assert [type(x) for x in got] == [type(x) for x in want]


@pytest.mark.parametrize("columns", [
    # no struct code (a string field), a big-endian field, and plain packed fields
    (np.array([3, -4], dtype=np.int32), np.array(["ab", "c"])),
    (np.array([1.5, -2.25], dtype=">f8"), np.array([7, 8], dtype=np.int16)),
    (np.array([True, False]), np.array([2**40, -1], dtype=np.int64),
     np.array([0.1, 3.0e38], dtype=np.float32), np.array([255, 0], dtype=np.uint8)),
])
def test_row_reader_falls_back_to_item(columns):
    rows = np.rec.fromarrays(columns).view(np.ndarray)
    read, buf, size = _row_reader(rows)
    for i in range(len(rows)):
        got, want = read(buf, i * size), rows.item(i)
        assert got == want
        assert [type(x) for x in got] == [type(x) for x in want]


@pytest.mark.parametrize("key", [
    "paris", "springfield", "jackson", "kidal", "ben gardane", "mali", "texas", "kano",
    "washington", "georgia", "aleppo", "marlow", "esperance", "nowhere at all xyz", "",
    "ford", "lubbock", "maiduguri", "deir ez zor", "red cross", "san salvador", "hama",
])
def test_small_towns_reads_the_candidates_verdict(key):
    gaz = get_gazetteer()
    want = all(c.feature in ("city", "other") and c.population < 100_000
               for c in gaz.by_key(key))
    assert gaz.small_towns(key) == want


def test_small_towns_over_many_keys():
    gaz = get_gazetteer()
    keys = list(gaz.key_index)[::997]
    assert len(keys) > 100
    for key in keys:
        assert gaz.small_towns(key) == all(
            c.feature in ("city", "other") and c.population < 100_000 for c in gaz.by_key(key))


@pytest.mark.parametrize("key", [
    "market", "farmers", "tour", "paris", "jones", "john", "police", "union", "jackson",
    "bell", "kidal", "the", "mark", "may", "china", "georgia", "florence", "zzq",
])
def test_lexical_bits_are_the_lexicons_and_the_vocabulary(key):
    bits = R._lexical(key)
    assert bool(bits & R._IN_COMMON) == (key in COMMON)
    assert bool(bits & R._IN_SURNAMES) == (key in SURNAMES)
    assert bool(bits & R._IN_FIRST) == (key in FIRST)
    assert bool(bits & R._IN_VOCAB) == (key in VOCAB)
    # an ordinary word's alternate-name verdict needs the vocabulary bit
    if not bits & R._IN_VOCAB:
        assert not R._alternate_word(get_gazetteer(), key)


def _merge_before(found: list[Toponym], extra: list[Toponym]) -> list[Toponym]:
    """recognize._merge as it was: the greedy pass over every name."""
    if not extra:
        return found
    first = {id(t) for t in found}
    items = sorted(found + extra, key=lambda t: (t.start, -t.end))
    out: list[Toponym] = []
    for t in items:
        if out and t.start < out[-1].end:
            prev = out[-1]
            if id(t) in first and id(prev) not in first and t.end >= prev.end:
                out[-1] = t
            continue
        out.append(t)
    hints = {(t.start, t.end): t.hint for t in extra if t.hint not in ("slot", "demonym")}
    if hints:
        for t in out:
            if t.hint is None:
                t.hint = hints.get((t.start, t.end))
    return out


def _names(spans: list[tuple[int, int, str | None]]) -> list[Toponym]:
    return [Toponym(s, e, f"k{s}-{e}", hint) for s, e, hint in spans]


@pytest.mark.parametrize(("found", "extra"), [
    # apart (the quick path), touching, overlapping, the same span, a longer extra name,
    # zero-length spans, unsorted input
    ([(0, 5, None), (10, 15, None)], [(20, 25, "slot"), (6, 9, "demonym")]),
    ([(0, 5, None), (5, 9, None)], [(9, 12, "city")]),
    ([(0, 5, None), (10, 15, None)], [(3, 8, "city"), (12, 20, "slot")]),
    ([(0, 5, None), (10, 15, None)], [(10, 15, "admin1"), (0, 5, "slot")]),
    ([(0, 3, None)], [(0, 12, "city"), (4, 6, "other")]),
    ([(4, 4, None), (4, 9, None)], [(4, 4, "city"), (9, 9, "slot")]),
    ([(30, 34, None), (0, 5, None)], [(12, 14, "demonym"), (40, 44, "city")]),
    ([], [(3, 5, "city"), (1, 4, "slot")]),
    ([(0, 5, None)], []),
])
def test_merge_keeps_what_the_greedy_pass_kept(found, extra):
    a_found, a_extra = _names(found), _names(extra)
    b_found, b_extra = _names(found), _names(extra)
    got = R._merge(a_found, a_extra)
    want = _merge_before(b_found, b_extra)
    assert [(t.start, t.end, t.key, t.hint) for t in got] == [
        (t.start, t.end, t.key, t.hint) for t in want]


def _bands_before(rows, idxs, pts):
    """resolve._scalar_bands as it was: every anchor read for every candidate."""
    near, mid, far = S._D2_EDGES
    out = []
    for i in idxs:
        _, _, _, _, kind, lat, lon, k = rows[i]
        if kind != 3 and kind != 2:
            out.append(0.0)
            continue
        d2 = math.inf
        for la, lo in pts:
            dy, dx = la - lat, (lo - lon) * k
            d = dy * dy + dx * dx
            if d < d2:
                d2 = d
        out.append(0.2 if d2 < near else 0.1 if d2 < mid else 0.05 if d2 < far else 0.0)
    return out


@pytest.mark.parametrize("seed", range(12))
def test_scalar_bands_stop_early_to_the_same_bands(seed):
    rng = random.Random(seed)
    rows = []
    for _ in range(40):
        lat, lon = rng.uniform(-60, 70), rng.uniform(-180, 180)
        rows.append((None, 0.0, "", "", rng.choice((0, 1, 2, 3, 3, 4)), lat, lon,
                     math.cos(math.radians(lat))))
    # anchors near some candidates (a few km to a few hundred), far from others
    pts = [(r[5] + rng.uniform(-w, w), r[6] + rng.uniform(-w, w))
           for r in rng.sample(rows, rng.randint(1, 8))
           for w in (rng.choice((0.2, 0.8, 2.0, 5.0)),)]
    idxs = list(range(len(rows)))
    assert S._scalar_bands(rows, idxs, pts) == _bands_before(rows, idxs, pts)


@pytest.mark.parametrize("seed", range(6))
def test_dot_spans_on_random_signatures(seed):
    rng = random.Random(seed)
    # capitals, small letters, periods, spaces and the characters the look-behind refuses
    alphabet = b"AAab..  _x1'?-"
    for _ in range(3000):
        sig = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert _dot_spans_sig(sig) == [m.span() for m in _DOT_CAND_SIG.finditer(sig)], sig
