"""Unknown names the text places inside a named area: "Gunmen attacked Ben Guerdan in
Tunisia", "ISWAP seized Malam Fatori in northern Borno".

"X in <country or first-level area>" is containment evidence as strong as "the town of X":
a capitalised name the gazetteer lacks there is most often a local spelling of a town in
that area. Such names are reported as place-slot guesses (hint ``"slot"``): the resolver
keeps them only when its fuzzy fallback finds a close spelling inside the area (or near
the article's other towns), so a person ("Smith in France") or an organisation the cues
below miss is dropped there all the same. The cues keep out the common cases first:
titles, given names and surnames, organisation words, armed groups, demonyms.

Only the few " in " of an article followed by a recognised country or area are read
(a plain find, then a dict lookup): no per-token work.
"""

from __future__ import annotations

import re
from bisect import bisect_left

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
from .group_names import group_keys
from .normalize import name_key

__all__ = ["contained_names"]

# What may stand between "in" and the area's name: "the", a compass word ("in northern
# Borno", "in the north-east of"? no: only an adjective right before the name)
_AREA_LEAD = re.compile(
    r"(?:the[ \t]+)?(?:(?:north|south|east|west)(?:ern)?[ \t]+|(?:north|south)-?(?:east|west)"
    r"(?:ern)?[ \t]+|central[ \t]+|(?:upper|lower)[ \t]+(?=[a-z]))?")
# A name the gazetteer lacks: capitalised words, joined by spaces or hyphens, with the
# Arabic, Persian and Romance articles and connectors news keeps in lower case ("Ras al-Ain",
# "Dasht-e-Barchi", "Mocimboa da Praia"); a connector only before another capital.
_NAME = re.compile(r"[A-Z][a-z'\u2019]+(?:[ -](?:[A-Z][a-z'\u2019]+|(?:al|el|ad|an|ar|as|ash|"
                   r"at|az|ed|ez|es|e|i|ul|ol|ben|bin|ibn|abu|da|de|do|dos|la)(?=[ -][A-Z])))*")
# The word before the name, read backwards from it (an anchored match in the reversed text)
_WORD_BEFORE_REV = re.compile(r"[ \t]+([A-Za-z]+)")
# Names ending in a generic feature word are streets, parks and buildings, no towns
_GENERIC_TAIL = frozenset(("road", "street", "avenue", "park", "lake", "river", "station",
                           "square", "hall", "center", "centre", "school", "church", "bridge",
                           "highway", "university", "hospital", "prison", "mosque", "market",
                           "airport", "base", "camp", "office", "house", "palace", "hotel"))
# How far back a name may start from its " in " (eight words of a long transliteration)
_REACH = 64


def contained_names(cx: Context, found: list[Toponym]) -> list[Toponym]:
    """Capitalised names the gazetteer lacks right before "in <area>", where the area is a
    country or first-level area the scan found; place-slot guesses for the fuzzy fallback."""
    text, gaz = cx.text, cx.gaz
    i = text.find(" in ")
    if i < 0 or not found:
        return []
    areas: dict[int, Toponym] | None = None
    starts: list[int] | None = None
    out: list[Toponym] = []
    while i >= 0:
        at = i
        i = text.find(" in ", i + 4)
        # the name right before " in " must end in a small letter (a capitalised word)
        if at < 4 or not text[at - 1].islower():
            continue
        if areas is None:
            areas = {t.start: t for t in found}
        lead = _AREA_LEAD.match(text, at + 4)
        area = areas.get(lead.end())
        if area is None or area.hint == "demonym" or not is_place_like(gaz, area.key):
            continue
        if starts is None:
            starts = [s for s, _ in cx.unmatched]
        t = _name_before(cx, starts, at)
        if t is not None and (" " in t.key or _spelt_in(cx, t.key, area.key)):
            out.append(t)
    return out


def _name_before(cx: Context, starts: list[int], at: int) -> Toponym | None:
    """The longest unknown name ending at ``at`` that starts at an unmatched capitalised
    token and passes the person, organisation and group cues; None when there is none."""
    text = cx.text
    for s in starts[bisect_left(starts, at - _REACH):bisect_left(starts, at)]:
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


def _spelt_in(cx: Context, key: str, area: str) -> bool:
    """Whether the area ``area`` (a country or first-level area) holds a town whose
    transliteration skeleton is that of the one-word name ``key``: a one-word unknown name
    is too often a surname ("praised Macron in France") for a merely close spelling."""
    gaz = cx.gaz
    ccs = sorted({c.country_code for c in gaz.by_key(area)
                  if c.feature in ("country", "admin1") and c.country_code})
    return bool(ccs) and any(score >= 1.0 for _, score in gaz.fuzzy(key, ccs))


def _plausible(cx: Context, key: str) -> bool:
    """Whether the unknown name ``key`` may be a town: no known name, no person (title,
    given name and surname, a surname the article uses), no organisation or group word."""
    if len(key) < 4 or key in cx.gaz:
        return False
    words = key.split(" ")
    first, last = words[0], words[-1]
    if (first in TITLES or first in LEADING or last in _GENERIC_TAIL
            or any(w in NEVER or w in ORG or w in INSTIT for w in words)):
        return False
    if key in group_keys() or cx.gaz.demonym_country(first) is not None:
        return False
    if len(words) == 1:
        return not (key in COMMON or key in FIRST or key in SURNAMES or cx.is_surname(key))
    # "John Smith", "Maria Gomez": a given name before a surname is a person
    return not (first in FIRST and last in SURNAMES)
