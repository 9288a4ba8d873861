"""Admin words after a recognised name: "Katsina State", "Deir ez-Zor governorate",
"Donetsk Oblast", "Mopti region" name the area, not its main town.

The word sets the feature hint and ``Toponym.area``: the resolver then chooses among the
name's areas where the gazetteer has one, and reads the mention apart from the bare name
("Katsina" the town, "Katsina State" the state); a capitalised word is part of the
name and joins the span, a lower-case one describes it and stays out (the corpora's
convention). The words and their kinds are data (``data/places/admin_words.json``).
"""

from __future__ import annotations

import re

from ..nlp.lexicon import read_json
from .context import Toponym
from .gazetteer import Gazetteer

__all__ = ["ADMIN_WORDS", "AREA_HINTS", "NAME_ONLY", "admin_suffixes"]

_DATA = read_json("places", "admin_words.json")
ADMIN_WORDS: dict[str, str] = dict(_DATA["words"])
# countries whose usage names an area bare (see admin_suffixes)
NAME_ONLY = frozenset(_DATA.get("name_only", ()))
# word -> the countries whose areas it names officially (see admin_suffixes)
_OFFICIAL = {w: frozenset(ccs) for w, ccs in _DATA.get("countries", {}).items()}
# The hints that ask for an area ("X province", "the district of X"), and the features
# of the areas
AREA_HINTS = _AREAS = frozenset(("admin1", "admin2", "region"))
# hints a name keeps whatever follows it: demonyms, streets, slot guesses, abbreviations
_KEEP = frozenset(("demonym", "slot", "street", "other", "city"))

# the first letters of the admin words, either case
_INITIALS = frozenset(w[0] for w in ADMIN_WORDS) | frozenset(w[0].upper() for w in ADMIN_WORDS)
# the word right after a name (one space between, see _INITIALS), and what follows it
_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b")
_FOLLOW = re.compile(r"[ \t]+(?:of\b|[A-Z0-9])")
_FOLLOW_CASELESS = re.compile(r"[ \t]+(?:of\b|[0-9])", re.IGNORECASE)


def admin_suffixes(text: str, found: list[Toponym], gaz: Gazetteer, *,
                   mixed: bool = True) -> None:
    """Set the area hint of each name of ``found`` an admin word follows, and extend its
    span over a capitalised one (``mixed``: ``text`` has case; in caseless text no span
    grows and only "of" or a number after the word make an organisation's name). Changes
    the toponyms in place; their order is kept (a span grows only over the word that
    follows it, which no other name covers).

    The name and its word may be a key of their own ("Grant county": the county): then
    that is the key. Otherwise the hint is set only when the gazetteer has an area of the
    name ("UK Department" is no area); a capitalised word after a name with an area in a
    :data:`NAME_ONLY` country is left alone ("Michigan State" is a university:
    US usage names a state bare and indexes counties with their word). When the name has
    areas in several countries and one of them names its areas with the word officially
    ("Plateau State" in Nigeria, not Benin), the name is read in that country."""
    n, size = len(found), len(text)
    for i, t in enumerate(found):
        # most names are followed by no admin word: two characters tell (no regex call)
        e = t.end
        if e + 1 >= size or text[e] != " " or text[e + 1] not in _INITIALS:
            continue
        if t.hint in _KEEP or t.country:
            continue
        m = _AFTER.match(text, e, e + 20)
        if m is None:
            continue
        word = m.group(1)
        low = word.lower()
        kind = ADMIN_WORDS.get(low)
        if kind is None or t.key.rpartition(" ")[2] in ADMIN_WORDS:
            continue  # "Orange County", "Anderson County district clerk": named already
        if (_FOLLOW if mixed else _FOLLOW_CASELESS).match(text, m.end()):
            continue  # "Illinois State Police", "Department of Transportation"
        if i + 1 < n and found[i + 1].start < m.end():
            continue  # the word starts another name
        capital = mixed and word[0].isupper() and not word.isupper()
        longer = t.key + " " + low
        if longer in gaz:
            t.key = longer  # (its entries are areas of that kind)
        else:
            areas = [c.country_code for c in gaz.by_key(t.key)
                     if c.feature in _AREAS and not c.alternate]
            if not areas or (capital and any(cc in NAME_ONLY for cc in areas)):
                continue
            # "Plateau State": Nigeria's (a state), not Benin's (a department)
            official = {cc for cc in areas if cc in _OFFICIAL.get(low, ())}
            if len(official) == 1 and len(set(areas)) > 1:
                t.country = official.pop()
        t.hint, t.area = kind, True
        if capital:
            t.end = m.end()
