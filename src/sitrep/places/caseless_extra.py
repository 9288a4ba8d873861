"""Names the gazetteer scan of caseless text does not find on its own: dotted state
abbreviations ("LOUISVILLE, KY.", "W.VA."), and names the gazetteer lacks in a strong place
slot ("THE TOWN OF BEN GUERDAN, TUNISIA", "the village of kafr nabl"), guesses for the
resolver's fuzzy fallback.

In mixed-case text capitals delimit such names (``extra_names.slot_names``); in ALL CAPITALS
or all lower case only a strong slot can: a kind word and "of" before the name, and a
punctuation mark, a preposition or a conjunction right after it. The guess is a place only
where the resolver finds a corroborated transliteration (the country or a town the article
names); otherwise the stage drops it, as it drops every unconfirmed slot guess.
"""

from __future__ import annotations

import re

from ..nlp.lexicon import read_json
from .caseless import VOCAB
from .context import COMMON, DIRECTION, LEADING, NEVER, TITLES, Context, Toponym
from .extra_names import dotted_toponym
from .normalize import name_key

# the dotted forms of data/places/abbreviations.json, folded, without spaces ("w.va.")
_DOTTED = {k.replace(" ", "").lower(): v
           for k, v in read_json("places", "abbreviations.json")["dotted"].items()}
# a dotted form in folded text: one to five letters and a period, perhaps a second part
_DOT_CAND = re.compile(r"(?<![\w.])[a-z]{1,5}\.(?:[ ]?[a-z]{1,4}\.)?(?!\w)")


def _lowered(cx: Context) -> str:
    """The caseless text in lower case, at the text's offsets: a capital that lowers to two
    characters ("İ", Turkish dotted I) would shift every span after it, so such text is read
    in the gazetteer scan's fold, which keeps them."""
    if cx.mode != "upper":
        return cx.text
    low = cx.text.lower()
    return low if len(low) == len(cx.text) else cx.folded


def caseless_abbreviations(cx: Context) -> list[Toponym]:
    """Dotted state abbreviations in caseless text. Forms of two parts ("W.VA.", "N.Y.")
    are read anywhere; one-part forms ("KY.", "IND.", "MASS.") are words too and count
    only after "Place, " or a party label's "D-" / "R-" (as in mixed-case text)."""
    low = _lowered(cx)
    if "." not in low:
        return []
    out: list[Toponym] = []
    for m in _DOT_CAND.finditer(low):
        t = dotted_toponym(low, m.start(), m.group(), _DOTTED)
        if t is not None:
            out.append(t)
    return out

__all__ = ["caseless_abbreviations", "caseless_slot_names", "with_slot_names"]

# "the town of X" with X one to three words, then a stop ("," "." ";" ":" ")" or the end) or a
# word that cannot continue a name. Matched on the lower-cased text.
_STOP_WORDS = ("in", "near", "on", "at", "and", "or", "where", "which", "when", "after",
               "before", "outside", "north", "south", "east", "west", "northeast", "northwest",
               "southeast", "southwest", "during", "killing", "overnight", "yesterday", "today")
# words no name holds ("the city of his birth", "a town of many faiths")
_FUNCTION = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
                       "some", "many", "several", "few", "all", "most", "more", "less",
                       "those", "these", "this", "that", "who", "whose", "whom", "which",
                       "is", "was", "are", "were", "be", "been", "has", "had", "have", "will",
                       "would", "can", "could", "may", "might", "did", "does", "not"))
# a last word that makes the name an area or a feature, not a town the fallback could find
_KIND_TAIL = frozenset(("district", "province", "state", "region", "governorate", "county",
                        "department", "prefecture", "municipality", "area", "camp", "road",
                        "street", "river", "valley", "mountains", "hills", "square"))
_SLOT = re.compile(
    r"\bthe\s+(?:town|village|city|hamlet|locality|suburb|neighbou?rhood|camp)\s+of\s+"
    r"([a-z][a-z'\u2019-]*(?:\s+[a-z][a-z'\u2019-]*){0,2}?)"
    r"(?=\s*(?:[,.;:)]|\Z)|\s+(?:" + "|".join(sorted(set(_STOP_WORDS))) + r")\b)")


def caseless_slot_names(cx: Context) -> list[Toponym]:
    """Unknown names after "the town of" (and kin) in caseless text, as slot guesses."""
    text = cx.text
    low = _lowered(cx)
    if "of" not in low:
        return []
    out: list[Toponym] = []
    for m in _SLOT.finditer(low):
        s, e = m.span(1)
        words = low[s:e].split()
        # ordinary words ("the town of his birth", "a city of refuge") are no names; a name
        # may hold one ("Tal Afar": "afar"), but no function word, title or direction
        if all(w in VOCAB for w in words) or any(
                w in _FUNCTION or w in LEADING or w in TITLES or w in NEVER or w in DIRECTION
                for w in words):
            continue
        key = name_key(text[s:e])
        # "the town of qaim district": the admin word is left to admin_words
        if len(key) < 4 or key in COMMON or words[-1] in _KIND_TAIL:
            continue
        out.append(Toponym(s, e, key, "slot"))
    return out


def _ordinary(words: str) -> bool:
    """Whether every word of ``words`` is an ordinary word (or too short to be a name)."""
    return all(len(w) <= 2 or w in VOCAB or w in _FUNCTION for w in words.lower().split())


def with_slot_names(text: str, found: list[Toponym], slots: list[Toponym]) -> list[Toponym]:
    """``found`` with the slot guesses, sorted: a guess replaces gazetteer names inside it
    ("TAL AFAR" over "AFAR", "TULA TOLI" over "TULA": the slot delimits the name, a part of
    it matched alone is a chance match), but gives way to a name of the same span (the
    gazetteer knows it), one reaching past it, and one at its start followed only by
    ordinary words ("THE CITY OF SAN SALVADOR CONTINUE", where the name ended before)."""
    out = list(found)
    for slot in slots:
        inside = [t for t in out if slot.start <= t.start and t.end <= slot.end]
        if any(t.start == slot.start and (t.end == slot.end or _ordinary(text[t.end:slot.end]))
               for t in inside) or any(
                t.start < slot.end and slot.start < t.end and t not in inside for t in out):
            continue
        out = [t for t in out if t not in inside]
        out.append(slot)
    out.sort(key=lambda t: t.start)
    return out
