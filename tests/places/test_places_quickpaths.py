"""The quicker paths give what the plain ones did: round3, the class-led skeleton regexes,
the doubled-letter callable, the nested two-token table, the two-sort merge order and the
UTF-8 letter count of case_mode."""

from __future__ import annotations

import math
import re

import pytest

from sitrep.places import normalize as N
from sitrep.places.context import Toponym, case_mode
from sitrep.places.gazetteer import _Pairs, get_gazetteer
from sitrep.places.recognize import _merge
from sitrep.places.resolve import round3


@pytest.mark.parametrize("x", [
    0.0, -0.0, 1.0, -1.0, 0.5, 0.0005, 0.0015, 0.0025, -0.0005, -0.0004, 0.0004, 2.675,
    0.9995, 0.12345, 0.7345678, 1.2345, -3.14159, 1e-300, -1e-300, 123456.7895, 1e12,
    -1e12, 1e15, 1e300, math.inf, -math.inf, 0.1 + 0.2, 1 / 3, 2 / 3, 0.45 * 0.9,
])
def test_round3_is_round_to_three_places(x):
    got, want = round3(x), round(x, 3)
    assert got == want or (math.isnan(got) and math.isnan(want))
    assert math.copysign(1.0, got) == math.copysign(1.0, want)


def test_round3_keeps_nan():
    assert math.isnan(round3(math.nan))


@pytest.mark.parametrize("k", range(-2000, 2001, 37))
def test_round3_on_halves_and_near_halves(k):
    for x in (k / 2000, k / 2000 + 1e-17, k / 2000 - 1e-17, k / 1000 + 5e-4):
        assert round3(x) == round(x, 3)


# The skeleton rules as they were written first (a look-behind or boundary first): the
# class-led forms must replace the same text
_LOOK_BEHIND_FIRST = [
    (r"(?<=[aeiou])h\b", r"h(?<=[aeiou]h)\b", ""),
    (r"\b[aeiou]+(?=[a-z])", r"[aeiou](?<!\w[aeiou])[aeiou]*(?=[a-z])", "a"),
    (r"(?<=[a-z])[aeiouy]+(?=[a-z])", r"[aeiouy](?<=[a-z][aeiouy])[aeiouy]*(?=[a-z])", "a"),
    (r"(?<=[a-z])[aeiouy]+\b", r"[aeiouy](?<=[a-z][aeiouy])[aeiouy]*\b", ""),
]


@pytest.mark.parametrize("name", [
    "erbil", "arbil", "aiea", "ouagadougou", "hamah", "al hasakah", "ah", "oh ah eh",
    "yaounde", "kyiv", "aaa bbb", "ben gardane", "deir ez zor", "mazar i sharif", "i",
    "saa'da", "uyo", "ealing ouse", "abu ghraib", "eyl", "yy", "qaiyarah", "y",
])
def test_class_led_rules_match_the_look_behind_forms(name):
    for old, new, repl in _LOOK_BEHIND_FIRST:
        assert re.sub(new, repl, name) == re.sub(old, repl, name), (old, name)
    assert [p.pattern for p, _, _ in N._RULES if p.pattern in {n for _, n, _ in
            _LOOK_BEHIND_FIRST}] == [n for _, n, _ in _LOOK_BEHIND_FIRST]


# (keys as the r"\1" template made them before the change)
@pytest.mark.parametrize(("name", "want"), [
    ("Raqqah", "rak"), ("Ben  Gardane", "bangardan"), ("Deir ez-Zor", "darazar"),
    ("Tall Affar", "talafar"), ("Mosul", "masal"),
])
def test_squash_collapses_doubled_letters(name, want):
    assert N.squash(name) == re.sub(r"(.)\1+", r"\1", N.skeleton(name).replace(" ", ""))
    assert N.squash(name) == want


def test_pairs_view_reads_the_nested_table():
    follow = {"new": {"york": 3, "delhi": 2}, "san": {"jose": 2}}
    pairs = _Pairs(follow)
    assert pairs["new york"] == 3 and pairs["san jose"] == 2
    assert "new jersey" not in pairs and "old york" not in pairs and "new" not in pairs
    assert len(pairs) == 3
    assert sorted(pairs) == ["new delhi", "new york", "san jose"]
    with pytest.raises(KeyError):
        pairs["he said"]


@pytest.mark.slow
def test_nested_table_holds_every_multi_token_key_prefix():
    gaz = get_gazetteer()
    for key in ("new york", "baton rouge", "ras al ain", "port au prince", "deir ez zor"):
        if key in gaz:
            first, second = key.split(" ")[:2]
            assert gaz.follow[first][second] >= len(key.split(" "))
            assert gaz.longest[first] >= len(key.split(" "))


def _merge_by_key(found: list[Toponym], extra: list[Toponym]) -> list[tuple]:
    """_merge's order as a key function gave it, for comparison."""
    first = {id(t) for t in found}
    items = sorted(found + extra, key=lambda t: (t.start, -(t.end - t.start), id(t) not in first))
    out: list[Toponym] = []
    for t in items:
        if out and t.start < out[-1].end:
            if id(t) in first and id(out[-1]) not in first and t.end >= out[-1].end:
                out[-1] = t
            continue
        out.append(t)
    return [(t.start, t.end, t.key, t.hint) for t in out]


@pytest.mark.parametrize(("found", "extra"), [
    ([(0, 4, "a"), (10, 14, "b")], [(0, 9, "ab"), (10, 14, "b2"), (20, 25, "c")]),
    ([(5, 9, "x")], [(5, 9, "y"), (5, 12, "z"), (3, 6, "w")]),
    ([(5, 9, "x"), (5, 9, "x2")], [(5, 9, "y"), (5, 9, "y2")]),
    ([], [(1, 2, "p"), (1, 3, "q"), (0, 5, "r")]),
    ([(0, 3, "ben"), (12, 17, "tunis")], [(0, 11, "ben guerdan", "slot")]),
    ([(2, 8, "m"), (20, 30, "n")], [(8, 12, "o", "city"), (2, 8, "m2", "admin1")]),
])
def test_merge_order_is_the_key_order(found, extra):
    def make(rows):
        return [Toponym(*row) for row in rows]
    want = _merge_by_key(make(found), make(extra))
    got = [(t.start, t.end, t.key, t.hint) for t in _merge(make(found), make(extra))]
    # (the hint pass of _merge may set hints: compare the spans and keys)
    assert [g[:3] for g in got] == [w[:3] for w in want]


@pytest.mark.parametrize(("text", "mode"), [
    ("Gunmen attacked Kidal \u2014 \u201cwe fled\u201d, said Amina.", "mixed"),
    ("GUNMEN ATTACKED KIDAL \u2014 \u201cWE FLED\u201d, SAID AMINA.", "upper"),
    ("\u00c9\u00c9\u00c9 \u4e2d\u6587 ABC DEF GHI jk", "upper"),
    ("\u00e9\u00e9 \u4e2d\u6587 abc def GHI", "mixed"),
    ("\u4e2d\u6587 \ud83d\ude00 only symbols 123", "lower"),
    ("\u201c" * 700 + "ARMY SAYS TROOPS KILLED 12 IN SAN SALVADOR " * 3 + "x", "upper"),
    ("\u201c" * 700 + "Army says troops killed 12 in San Salvador", "mixed"),
])
def test_case_mode_counts_ascii_letters(text, mode):
    assert case_mode(text) == mode
