"""The fast scanning paths give what the plain ones do: the replace-based fold, the case
signature regexes, the lazy surname check, the fuzzy fallback's length bounds and its
length-sorted skeleton buckets."""

from __future__ import annotations

import math

import pytest
from rapidfuzz import fuzz

from sitrep.places.context import case_signature, find_surnames, is_surname
from sitrep.places.extra_names import _DOT_CAND, _DOT_CAND_SIG
from sitrep.places.gazetteer import _Bucket, get_gazetteer
from sitrep.places.normalize import _NON_ASCII, TOKEN, _fold_match, fold, fold_plain
from sitrep.places.recognize import _CAP_TOKEN, _CAP_TOKEN_SIG

TEXTS = [
    "Gunmen attacked a checkpoint near Kidal, Mali, on Tuesday.",
    "\u201cWe fled,\u201d said Amina Yusuf \u2014 a teacher from Maiduguri.",
    "Sen. Mc Cain met Gov. Jerry Brown in Sacramento, Calif., and W. Va. officials.",
    "Police in Bogot\u00e1 and Medell\u00edn arrested \u00c1lvaro G\u00f3mez.",
    "Dunkin\u2019Donuts in N.Y.C. and O\u2019Neil\u2019s bar in D.C. were closed.",
    "\u01e2sir and \u01e3sir, \u1e9eig \u2014 rare letters whose fold is no fixed point.",
    "Lt. Col. Ahmed M. Saleh spoke in Aden;\tMaj.\tKarimi in Herat.",
    "THE ARMY SAID IN SAN SALVADOR THAT 12 WERE KILLED.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_fold_matches_the_per_character_substitution(text):
    want = _NON_ASCII.sub(_fold_match, text).lower()
    if len(want) == len(text):
        assert fold(text) == want
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("text, plain", [
    ("Plain ASCII text.", True),
    ("Curly \u201cquotes\u201d \u2014 and dashes\u2019 only.", True),
    ("An accent: Bogot\u00e1.", False),
    ("A capital: \u00c9mile.", False),
])
def test_fold_plain_flags_ascii_tokens(text, plain):
    assert fold_plain(text) == (fold(text), plain)


@pytest.mark.parametrize("text", [t for t in TEXTS if fold_plain(t)[1]])
def test_case_signature_regexes_find_the_same_spans(text):
    sig = case_signature(text)
    assert len(sig) == len(text)
    assert ([m.span() for m in _CAP_TOKEN_SIG.finditer(sig)]
            == [m.span() for m in _CAP_TOKEN.finditer(text)])
    assert ([m.span() for m in _DOT_CAND_SIG.finditer(sig)]
            == [m.span() for m in _DOT_CAND.finditer(text)])


@pytest.mark.slow
@pytest.mark.parametrize("text", TEXTS + [
    "Mary Anne Smith met Dr. Jones.  Jones left; Smith-Jones stayed with John\tKerry.",
    "The Jordan river. President Jordan spoke. Mr. Paris and Ab C. Denver arrived.",
])
def test_is_surname_agrees_with_find_surnames(text):
    gaz = get_gazetteer()
    full = find_surnames(text, gaz)
    folded, rev = fold(text), text[::-1]
    for key in set(TOKEN.findall(folded)) | full:
        assert is_surname(text, folded, rev, key, gaz) == (key in full), key


@pytest.mark.parametrize("target, other", [
    ("bngrdn", "bngrdan"), ("darazar", "darazr"), ("tripoli", "tripolis"),
    ("abcdefghij", "abcdefghik"), ("kandahar", "kandahr"), ("mosul", "mosl"),
    ("abcdefghijklmnopqrst", "abcdefghijklmnopqrstuv"),
])
def test_fuzzy_length_bounds_keep_every_hit(target, other):
    cutoff, n = 90.0, len(target)
    lo = math.ceil(cutoff * n / (200.0 - cutoff) - 1e-6)
    hi = math.floor(n * (200.0 - cutoff) / cutoff + 1e-6)
    if fuzz.ratio(target, other) >= cutoff:
        assert lo <= len(other) <= hi


@pytest.mark.parametrize("lo, hi, want", [
    (3, 3, ["abc", "xyz"]), (4, 5, ["abcd", "abcde"]), (3, 9, ["abc", "xyz", "abcd", "abcde"]),
    (6, 9, []), (0, 2, []),
])
def test_bucket_span_gives_the_lengths_asked(lo, hi, want):
    skels = ["abc", "xyz", "abcd", "abcde"]  # sorted by length, as the builder writes them
    counts = [0, 0, 0, 2, 1, 1]
    starts = [0, 0, 0, 0, 2, 3, 4]
    chars = [0, 0, 0, 0, 8, 13, 19]
    bucket = _Bucket("\n".join(skels), [10, 11, 12, 13], starts, chars)
    assert sum(counts) == len(skels)
    got, first = bucket.span(lo, hi)
    assert got == want
    if want:
        assert skels[first:first + len(want)] == want
