"""Shortcuts of the places stage give what the plain computation gives: the per-key area
flags against the candidate lists, the length-windowed fuzzy fallback against rapidfuzz
over the whole bucket, and one alternatives list per mention."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz, process

from sitrep.places.gazetteer import _ARTICLE, fold_name, get_gazetteer, squash
from sitrep.places.stage import place_mentions

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("key", [
    "ohio", "tunisia", "springfield", "georgia", "punjab", "kandahar", "san salvador",
    "smith", "jackson", "washington", "no such place here", "",
])
def test_area_flags_match_the_candidates(key):
    gaz = get_gazetteer()
    cs = gaz.by_key(key)
    assert gaz.place_like(key) == any(c.feature in ("country", "admin1") for c in cs)
    assert gaz.big_area(key) == any(
        c.feature == "country" or (c.feature == "admin1" and c.population > 10**6)
        for c in cs if not c.alternate)


def _fuzzy_whole_bucket(name, countries, cutoff=90.0, limit=5):
    """The fallback as first written: rapidfuzz over every skeleton of the bucket."""
    gaz = get_gazetteer()
    data = gaz.data
    target, folded = squash(name), _ARTICLE.sub("", fold_name(name))
    if len(target) < 3:
        return []
    scored = {}
    for cc in countries:
        packed = data.skeletons.get(cc, {}).get(target[:1])
        if packed is None:
            continue
        skels, entries = packed[0].split("\n"), packed[1].tolist()
        for found, score, pos in process.extract(target, skels, scorer=fuzz.ratio,
                                                 score_cutoff=cutoff, limit=limit):
            if abs(len(found) - len(target)) > 2:
                continue
            other = _ARTICLE.sub("", fold_name(gaz._strings[data.name[entries[pos]]]))
            if fuzz.ratio(folded, other) >= 60:
                scored[entries[pos]] = max(scored.get(entries[pos], 0.0), score / 100.0)
    best = sorted(scored.items(), key=lambda kv: (-kv[1], -int(data.pop[kv[0]])))
    return [(i, s) for i, s in best[:limit]]


@pytest.mark.parametrize(("name", "countries"), [
    ("Ben Guerdan", ["TN", "LY"]),
    ("Deir Ezzor", ["SY", "IQ"]),
    ("Kandahr", ["AF", "PK"]),
    ("Maiduguri", ["NG", "CM", "TD"]),
    ("Springfeild", ["US", "CA", "GB"]),
    ("Aleppo Governorate Area", ["SY", "TR"]),  # long: a narrow length window
    ("Zzq", ["US"]),
])
@pytest.mark.parametrize(("cutoff", "limit"), [(90.0, 5), (80.0, 3)])
def test_fuzzy_window_matches_the_whole_bucket(name, countries, cutoff, limit):
    gaz = get_gazetteer()
    got = [(c.index, s) for c, s in gaz._fuzzy(name, countries, cutoff, limit)]
    assert got == _fuzzy_whole_bucket(name, countries, cutoff, limit)


def test_each_mention_has_its_own_alternatives_list():
    text = ("Fighting was reported in Springfield on Monday. Residents of Springfield fled "
            "toward Georgia, and aid reached Springfield later.")
    ms = [m for m in place_mentions(text, get_gazetteer()) if m.text == "Springfield"]
    assert len(ms) == 3
    assert ms[0].alternatives == ms[1].alternatives == ms[2].alternatives
    assert ms[0].alternatives is not ms[1].alternatives
