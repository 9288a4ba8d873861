"""The stage's cheap paths give what the plain computations give: the byte-level fold, the
skeleton's rule triggers, the per-length skeleton buckets, the demonym sieve of the
gazetteer scan, the comma shared by slot names, the kind-word check of pattern names and
the scalar proximity bands."""

from __future__ import annotations

import math

import pytest

from sitrep.places import normalize as N
from sitrep.places.context import Context, case_mode
from sitrep.places.extra_names import (
    demonym_like,
    demonym_names,
    demonym_word,
    pattern_names,
    slot_names,
)
from sitrep.places.gazetteer import Candidate, _Bucket, get_gazetteer
from sitrep.places.recognize import _gazetteer_names
from sitrep.places.resolve import _D2_EDGES, _near_band, _scalar_bands, _static

pytestmark = pytest.mark.slow


def _context(text: str) -> Context:
    cx = Context(text, get_gazetteer(), case_mode(text), set())
    _gazetteer_names(cx)  # fills cx.unmatched and cx.demonym_starts
    return cx


@pytest.mark.parametrize("text", [
    "Gunmen attacked a checkpoint near Kidal on Tuesday.",
    "Residents of Ben Guerdan\u2019s market said \u201cnobody\u201d came \u2014 not even police.",
    "Shelling hit M\u00e9denine and \u015eanl\u0131urfa; \u0130stanbul was calm.",
    "\u039f\u0394\u039f\u03a3 \u0391\u0398\u0397\u039d\u03a9\u039d \u03a3 protest in Athens",
    "The \ufb01eld near Stra\u00dfburg\u00a0\u2013 1\u00b2 km \u2018north\u2019",
    "Caf\u00e9 owners in Bogot\u00e1 fled; \u00c6r\u00f8 \u0141\u00f3d\u017a \u0110akovica",
])
def test_fold_plain_is_the_character_fold(text):
    folded, plain = N.fold_plain(text)
    want = N._NON_ASCII.sub(N._fold_match, text).lower()
    if len(want) != len(text):
        want = "".join(c.lower() if c.isascii() else N._fold_char(c) for c in text)
    assert folded == want
    assert len(folded) == len(text)
    assert plain == all(N._inert(c) for c in set(N._NON_ASCII.findall(text)))


def _every_rule(name: str) -> str:
    """skeleton() with every rule applied, whatever its trigger says."""
    s = N._PREFIX.sub("", N._JUNK.sub("", N.fold_name(name)))
    for pattern, repl, _ in N._RULES:
        s = pattern.sub(repl, s)
    return s.strip()


@pytest.mark.parametrize("name", [
    "St. Louis", "Sana'a", "Deir ez-Zor", "Al-Qusayr", "Ghouta", "Kharkiv", "Philipsburg",
    "Hamah", "Erbil", "Al-Hasakah", "Guelmim", "Ouagadougou", "Qamishli", "Khost",
    "Mazar-i-Sharif", "Ras al-Ain", "Dar'a", "Tal Afar", "Ben Gardane", "Ciudad Ju\u00e1rez",
])
def test_skeleton_triggers_skip_only_rules_that_change_nothing(name):
    assert N.skeleton(name) == _every_rule(name)


def test_skeleton_bucket_spans_are_the_joined_slices():
    gaz = get_gazetteer()
    checked = 0
    for cc in ("US", "SY", "NG", "FR"):
        for initial in "abkms":
            bucket = gaz._country_skeletons(cc, initial)
            if bucket is None:
                continue
            top = len(bucket.starts) - 2
            for lo, hi in ((0, 3), (4, 6), (5, 5), (top - 1, top + 3), (7, 2)):
                fresh = _Bucket(bucket.joined, bucket.entries, bucket.starts, bucket.chars)
                a, b = max(lo, 0), min(hi, top)
                if a > b:
                    want: tuple[list[str], int] = ([], 0)
                elif bucket.starts[a] >= bucket.starts[b + 1]:
                    want = ([], bucket.starts[a])
                else:
                    want = (bucket.joined[bucket.chars[a]:bucket.chars[b + 1] - 1].split("\n"),
                            bucket.starts[a])
                assert fresh.span(lo, hi) == want
                assert fresh.span(lo, hi) == want  # the cached lengths again
                checked += 1
    if not checked:
        pytest.skip("no skeleton buckets in this index")


@pytest.mark.parametrize(("word", "like"), [
    ("tunisian", True), ("malians", True), ("nigerian", True), ("sri", True),
    ("paris", False), ("the", False), ("john", False), ("s", False),
])
def test_demonym_like_is_what_demonym_word_allows(word, like):
    gaz = get_gazetteer()
    if not gaz.data.demonyms:
        pytest.skip("no demonym table in this index")
    head, cc = demonym_word(gaz, word)
    assert demonym_like(gaz, word) == (head or bool(cc)) == like


def test_demonym_words_are_every_word_demonym_word_allows():
    # every demonym, its plural, its first word, their plurals and near misses: the set
    # the scan reads says what the per-word reading (demonym_word) says
    gaz = get_gazetteer()
    if not gaz.data.demonyms:
        pytest.skip("no demonym table in this index")
    words = set()
    for key in gaz.data.demonyms:
        for w in (key, key.split(" ", 1)[0]):
            words.update((w, w + "s", w + "ss", w[:-1], w + "es"))
    words.update(("", "s", "ss", "paris", "parisians", "the", "john"))
    for w in sorted(words):
        head, cc = demonym_word(gaz, w)
        assert demonym_like(gaz, w) == (head or bool(cc)), w


@pytest.mark.parametrize(("text", "want"), [
    ("Tunisian troops and Sri Lankan workers met John in Kabul.", ["TN", "LK"]),
    ("Malians and Nigerian police crossed near Gao.", ["ML", "NG"]),
    # plurals the demonym list adds are their singular's country's, not generic
    ("Some 3,000 Tunisians and hundreds of Syrians left by sea.", ["TN", "SY"]),
    ("Iraqis and Afghans queued at the border.", ["IQ", "AF"]),
    ("The Governor said Smith left for Texas.", []),
])
def test_demonym_finder_reads_the_sieved_tokens(text, want):
    gaz = get_gazetteer()
    if not gaz.data.demonyms:
        pytest.skip("no demonym table in this index")
    cx = _context(text)
    assert set(cx.demonym_starts) <= set(cx.unmatched)
    assert [t.country for t in demonym_names(cx)] == want


@pytest.mark.parametrize(("text", "want"), [
    # names after one comma share it: only the one right before it is an "X, <Country>"
    ("Gunmen raided Qarbuzvalo and Zentopimar, Libya, at dawn.", ["zentopimar"]),
    ("Clashes spread to Qarbuzvalo, Libya, and Zentopimar, Tunisia.",
     ["qarbuzvalo", "zentopimar"]),
    ("A drone struck near Qarbuzvalo overnight, officials said.", ["qarbuzvalo"]),
    ("Officials said Qarbuzvalo was calm, police added.", []),
])
def test_slot_names_share_the_comma_check(text, want):
    assert [t.key for t in slot_names(_context(text))] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Gunmen attacked villages in Zamfara state, the state government said.",
     [("Zamfara", "admin1")]),
    ("The state and the county said the region was calm.", []),
    ("Troops left Kandahar province for Helmand province.",
     [("Kandahar", "admin1"), ("Helmand", "admin1")]),
    ("Police in the town of Ben Guerdan and in Ben Guerdan district.",
     [("Ben Guerdan", "city"), ("Ben Guerdan", "admin2")]),
])
def test_pattern_names_find_kind_words_after_a_name(text, want):
    got = {(text[t.start:t.end], t.hint) for t in pattern_names(_context(text))}
    assert got == set(want)


@pytest.mark.parametrize("anchors", [
    [(15.35, 44.2)],                                # Sanaa
    [(15.35, 44.2), (12.78, 45.04)],                # and Aden
    [(33.31, 44.36), (36.34, 43.13), (30.51, 47.78)],  # Baghdad, Mosul, Basra
])
def test_scalar_bands_are_the_band_of_the_nearest_anchor(anchors):
    towns = [(i, 12.0 + 0.9 * i, 42.0 + 0.8 * i) for i in range(12)]
    cands = [Candidate(i, i, f"Town{i}", la, lo, "YE", "01", "", "city", 500 * (i + 1))
             for i, la, lo in towns]
    cands.append(Candidate(99, 99, "Region", 14.0, 45.0, "YE", "02", "", "admin1", 10**6))
    st = _static("town", cands, None)
    got = _scalar_bands(st.rows, st.by_cc["YE"], anchors)
    want = []
    for c in (cands[i] for i in st.by_cc["YE"]):
        if c.feature != "city":
            want.append(0.0)
            continue
        k = math.cos(math.radians(c.lat))
        d2 = min([(la - c.lat) ** 2 + ((lo - c.lon) * k) ** 2 for la, lo in anchors])
        want.append(_near_band(111.2 * math.sqrt(d2)))
    assert got == want


def _around(x: float) -> list[float]:
    """``x`` and its float neighbours, a few steps each way."""
    out, lo, hi = [x], x, x
    for _ in range(3):
        lo, hi = math.nextafter(lo, -math.inf), math.nextafter(hi, math.inf)
        out += [lo, hi]
    return out


@pytest.mark.parametrize("d2", [
    0.0, 1e-9, 0.05, 0.2, 1.0, 1.8, 2.0, 12.9, 13.0, 100.0, 1e6,
    *_around(_D2_EDGES[0]), *_around(_D2_EDGES[1]), *_around(_D2_EDGES[2]),
])
def test_bands_read_on_the_squared_distance_are_the_km_bands(d2):
    near, mid, far = _D2_EDGES
    got = 0.2 if d2 < near else 0.1 if d2 < mid else 0.05 if d2 < far else 0.0
    assert got == _near_band(111.2 * math.sqrt(d2))
