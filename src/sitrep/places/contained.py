"""Unknown names the text places inside a named area: "Gunmen attacked Ben Guerdan in
Tunisia", "ISWAP seized Malam Fatori in northern Borno".

"X in <country or first-level area>" is containment evidence as strong as "the town of X":
a capitalised name the gazetteer lacks there is most often a local spelling of a town in
that area. Such names are reported as place-slot guesses (hint ``"slot"``): the resolver
keeps them only when its fuzzy fallback finds a close spelling inside the area (or near
the article's other towns), so a person ("Smith in France") or an organisation the cues
below miss is dropped there all the same. The cues keep out the common cases first:
titles, given names and surnames, organisation words, armed groups, demonyms.

Only the names the gazetteer scan marked after "in" or a compass word are read: no
per-token work.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..nlp.lexicon import read_json
from .context import (
    COMMON,
    FIRST,
    INSTIT,
    LEADING,
    NEVER,
    ORG,
    SPEECH,
    SURNAMES,
    TITLES,
    Context,
    Toponym,
    is_place_like,
)
from .extra_names import HONORIFICS
from .gazetteer import Gazetteer
from .group_names import group_keys
from .normalize import name_key

__all__ = ["MARK_BEFORE", "contained_names"]

# The words before a name that may open "in <area>": "in Tunisia", "in northern Borno" (the
# scan marks the names it judges after them: see recognize._keep)
_COMPASS = ("north", "south", "east", "west", "central", "northeast", "northwest",
            "southeast", "southwest", "north-east", "north-west", "south-east", "south-west")
MARK_BEFORE = frozenset(("in", *_COMPASS, *(w + "ern" for w in _COMPASS if w != "central")))
# " in " and a compass word at the end of the text before an area's name
_IN_LEAD_END = re.compile(r" in (?:the )?(?:(?:" + "|".join(
    w for w in _COMPASS if w != "central") + r")(?:ern)? |central )?\Z")
# A name the gazetteer lacks: capitalised words, joined by spaces or hyphens, with the
# Arabic, Persian and Romance articles and connectors news keeps in lower case ("Ras al-Ain",
# "Dasht-e-Barchi", "Mocimboa da Praia"); a connector only before another capital.
_NAME = re.compile(r"[A-Z][a-z'\u2019]+(?:[ -](?:[A-Z][a-z'\u2019]+|(?:al|el|ad|an|ar|as|ash|"
                   r"at|az|ed|ez|es|e|i|ul|ol|ben|bin|ibn|abu|da|de|do|dos|la)(?=[ -][A-Z])))*")
# The word before the name, read backwards from it (an anchored match in the reversed text)
_WORD_BEFORE_REV = re.compile(r"[ \t]+([A-Za-z]+)")
# Names ending in a generic feature word are streets, buildings, firms and bodies, no towns
# (data/places/cues.json)
_GENERIC_TAIL = frozenset(read_json("places", "cues.json").get("not_town_tails", ()))
# How far back a name may start from its " in " (eight words of a long transliteration)
_REACH = 64


def contained_names(cx: Context, found: list[Toponym]) -> list[Toponym]:
    """Capitalised names the gazetteer lacks right before "in <area>", where the area is a
    country or first-level area the scan found; place-slot guesses for the fuzzy fallback.

    The scan marks the names it judged after "in" or a compass word (``cx.marks``): only
    those few are read here."""
    marks = cx.marks
    if not marks:
        return []
    text, gaz = cx.text, cx.gaz
    kept: set[int] | None = None
    out: list[Toponym] = []
    for s, _, key, before in marks:
        if before == "in":
            at = s - 4
            if text[at:s] != " in ":
                continue  # ("In Tunisia", "in\nTunisia")
        elif before == "-":
            continue  # (a mark of joined.py's)
        else:
            # "in northern Borno"
            pre = text[s - 24 if s > 24 else 0:s]
            m = _IN_LEAD_END.search(pre)
            if m is None:
                continue
            at = s - len(pre) + m.start()
        # the word right before " in " must be capitalised (and end in a small letter: no
        # acronym)
        c = text[text.rfind(" ", 0, at) + 1]
        if not ("A" <= c <= "Z") or not text[at - 1].islower() or not (
                is_place_like(gaz, key) or _national_region(gaz, key)):
            continue
        if kept is None:
            kept = {t.start for t in found if t.hint != "demonym"}
        if s not in kept:
            continue  # the scan refused the area's name ("Jackson said")
        t = _name_before(cx, at)
        if t is not None and (" " in t.key or _spelt_in(cx, t.key, key)):
            out.append(t)
    return out


def _name_before(cx: Context, at: int) -> Toponym | None:
    """The longest unknown name ending at ``at`` that starts at an unmatched capitalised
    token and passes the person, organisation and group cues; None when there is none."""
    text, unmatched = cx.text, cx.unmatched
    # (the unmatched tokens are (start, end) pairs in text order: bisected as they are)
    for s, _ in unmatched[bisect_left(unmatched, (at - _REACH,)):
                          bisect_left(unmatched, (at,))]:
        m = _NAME.match(text, s)
        if m is None or m.end() != at:
            continue
        # the name's run starts here: a capitalised word glued before it would make it
        # part of a longer name (or a person's: "President Macron")
        prev = _WORD_BEFORE_REV.match(cx.reverse, len(text) - s)
        before = text[s - 1:s] if s else ""
        if before not in (" ", "\t"):
            return None  # a sentence start, a quote, a bracket: no slot to read
        if prev is None:
            if text[:s].rstrip()[-1:] != ",":
                return None
        else:
            word = prev.group(1)[::-1]
            if not word.islower() or word in TITLES or word in SPEECH:
                return None
        key = name_key(text[s:at])
        return Toponym(s, at, key, "slot") if _plausible(cx, key) else None
    return None


def _national_region(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key`` names a region inside one country ("Darfur", "Donbas", "Sinai")."""
    return any(c.feature == "region" and c.country_code for c in gaz.by_key(key))


def _spelt_in(cx: Context, key: str, area: str) -> bool:
    """Whether the area ``area`` (a country or first-level area) holds a town whose
    transliteration skeleton is that of the one-word name ``key``: a one-word unknown name
    is too often a surname ("praised Macron in France") for a merely close spelling."""
    gaz = cx.gaz
    ccs = sorted({c.country_code for c in gaz.by_key(area)
                  if c.feature in ("country", "admin1", "region") and c.country_code})
    return bool(ccs) and any(score >= 1.0 for _, score in gaz.fuzzy(key, ccs))


def _plausible(cx: Context, key: str) -> bool:
    """Whether the unknown name ``key`` may be a town: no known name, no person (title,
    given name and surname, a surname the article uses), no organisation or group word."""
    if len(key) < 4 or key in cx.gaz:
        return False
    words = key.split(" ")
    first, last = words[0], words[-1]
    if ((first in TITLES and (first not in HONORIFICS or first == key))
            or first in LEADING or last in _GENERIC_TAIL
            or any(w in NEVER or w in ORG or w in INSTIT for w in words)):
        return False
    if key in group_keys() or cx.gaz.demonym_country(first) is not None:
        return False
    if len(words) == 1:
        return not (key in COMMON or key in FIRST or key in SURNAMES or cx.is_surname(key))
    # "John Smith", "Maria Gomez": a given name before a surname is a person
    return not (first in FIRST and last in SURNAMES)
