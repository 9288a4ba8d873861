"""The keep-or-drop verdict for a gazetteer match in caseless text (ALL CAPITALS wire copy
such as the MUC-4 FBIS messages, or all lower case), where capitals cannot tell a name
from an ordinary word or a person from a place.

The evidence left is lexical: the word before and after (read across a line break, as
wire copy wraps at 70 columns), place slots ("IN X", "THE CITY OF X"), given names and
titles before a word ("ISIDRO LOPEZ", "PRESIDENT BUSH"), a given name before a name-like
word ("ORLANDO LLOVERA"), surname and small-town readings (a place only where the article
uses the name as one elsewhere), directions ("NORTHERN") and names made of ordinary words
("THE MEETING").
"""

from __future__ import annotations

import re

from ..nlp.lexicon import read_lines
from .context import (
    CASELESS,
    COMMON,
    CONNECT,
    DIRECTION,
    FIRST,
    LOCATIVE,
    NEVER,
    SPEECH,
    SURNAMES,
    TITLES,
    Context,
    Toponym,
    is_place_like,
    is_title,
)
from .gazetteer import Gazetteer

__all__ = ["NO", "WEAK", "YES", "area_or_big_town", "caseless_verdict", "drop_person_names",
           "word_after", "word_before"]

# verdicts (shared with recognize): no place; a place only if the article uses the name
# as a place elsewhere (one sense per article); a place
NO, WEAK, YES = 0, 1, 2

# Given names and surnames of the Spanish- and Portuguese-speaking world (caseless only)
GIVEN = FIRST | frozenset(read_lines("places", "given_names_world.txt"))
SURNAMES_ALL = SURNAMES | frozenset(read_lines("places", "surnames_world.txt"))
VOCAB = frozenset(read_lines("places", "lowercase_vocab.txt"))
# Words before "of" that make "<kind> of X" a place slot ("THE CITY OF FLORES")
_KIND_WORDS = ("town", "village", "city", "hamlet", "municipality", "department", "province",
               "district", "region", "state", "county", "area", "suburb", "port")
_KINDS = frozenset(_KIND_WORDS + tuple(w + "s" for w in _KIND_WORDS) + (
    "cities", "municipalities", "capital", "outskirts", "vicinity", "jurisdiction"))
# One word before or after, across at most one line break (not a blank line)
_BEFORE_REV = re.compile(r"[ \t]*(?:\n[ \t]*)?([\w'.-]+)")
_AFTER = re.compile(r"([ \t]*(?:\n[ \t]*)?)([\w'.-]+)")
_COMMA_WORD = re.compile(r",[ \t]*\n?[ \t]*([\w'-]+)")
_DATELINE = re.compile(r",[ \t]+\d{1,2}[ \t]+[A-Za-z]{3}\w*[ \t]+\d{2,4}\b")


def word_before(cx: Context, s: int, skip: int = 0) -> str:
    """The folded word before offset ``s`` (``skip`` words further back), '' if none."""
    rev, n = cx.reverse, len(cx.text)
    pos = n - s
    for _ in range(skip + 1):
        m = _BEFORE_REV.match(rev, pos)
        if m is None:
            return ""
        pos = m.end()
    return m.group(1)[::-1].lower().strip(".'")


def word_after(cx: Context, e: int) -> tuple[str, str]:
    """(gap, folded word) after offset ``e``; ('', '') if none."""
    m = _AFTER.match(cx.text, e, e + 40)
    return (m.group(1), m.group(2).lower().rstrip(".,'")) if m else ("", "")


def _ordinary(word: str) -> bool:
    return word in COMMON or word in CASELESS or word in CONNECT or word in NEVER or (
        word in VOCAB)


def _name_like(word: str, gaz: Gazetteer) -> bool:
    """Whether ``word`` may be part of a person's name: alphabetic, no ordinary word,
    no place slot or direction word, no country or first-level area."""
    return (word.isalpha() and len(word) > 2 and not _ordinary(word) and word not in LOCATIVE
            and word not in DIRECTION and not is_place_like(gaz, word))


def _max_population(gaz: Gazetteer, key: str, *, alternates: bool = False) -> int:
    return max((c.population for c in gaz.by_key(key) if alternates or not c.alternate),
               default=0)


def caseless_verdict(cx: Context, s: int, e: int, key: str, prev_w: str) -> int:
    """NO/WEAK/YES for the match ``key`` at ``[s, e)`` of caseless text; ``prev_w`` is the
    folded word before it on the same line (the general checks already passed)."""
    gaz, text = cx.gaz, cx.text
    one_word = " " not in key
    before = prev_w or word_before(cx, s)
    if before in TITLES and is_title(_raw_before(cx, s)):
        return NO  # "LIEUTENANT\nISIDRO", read across the line break
    kind_of = _kind_of(cx, s, before)
    slot = kind_of or before in LOCATIVE
    if one_word:
        if key in DIRECTION:
            return NO  # "NORTHERN", "CENTRAL": an adjective unless part of a longer name
        # an ordinary word ("IN SPRING", "IN COLLEGE", "AN ACRE") is a small town's name
        # only where the article uses it as a place elsewhere ("THE TOWN OF SPRING"); a
        # state or a big town keeps its name ("IN MOBILE", "IN READING")
        if key in VOCAB and not kind_of and not is_place_like(gaz, key) and (
                _max_population(gaz, key) < 100_000):
            return WEAK
        country = any(c.feature == "country" for c in gaz.by_key(key))
        # a given name, or a word right after one, is a person ("KEITH WILLIAMS"), unless
        # it names a country, a state or a big city
        if (before in FIRST or key in FIRST) and not is_place_like(gaz, key) and (
                _max_population(gaz, key, alternates=True) < 100_000):
            return NO
        if not slot and not country:
            # "ISIDRO LOPEZ", "JOSE GUERRERO": right after a given name, a surname; and
            # "CARLOS VALENCIA GARCIA": after a given name and a name-like word
            if before in GIVEN or (word_before(cx, s, 1) in GIVEN and _name_like(before, gaz)):
                return NO
            # "ORLANDO LLOVERA": a given name before a name-like word is a person
            if key in GIVEN:
                gap, after = word_after(cx, e)
                if gap.strip(" \t\n") == "" and after and _name_like(after, gaz):
                    return NO
        if not slot and not _DATELINE.match(text, e):
            # "JONES", "SPRING": out of a place slot (or the "X, 12 JAN 90" dateline), a
            # surname is a place only where the article uses it as one elsewhere; so is
            # a small town's name, unless a state or country follows ("X, OHIO")
            if key in SURNAMES_ALL:
                return WEAK
            if _small(gaz, key):
                comma = _COMMA_WORD.match(text, e)
                if comma is None or not is_place_like(gaz, comma.group(1).lower()):
                    return WEAK
        return YES
    # several ordinary words ("THE MEETING", "AT THE MEETING"): a place only in a place
    # slot or a big town, and never after "the"
    words = key.split(" ")
    if all(_ordinary(w) for w in words) and not area_or_big_town(gaz, key) and (
            words[0] == "the" or (not slot and _max_population(gaz, key) < 100_000)):
        return NO
    return YES


# Kinds of area a name may end with; "X County", "X Department" name one unit, while a
# direction and a region, state or district ("CENTRAL REGION") name an area in many countries
_AREA_KINDS = frozenset(("region", "regions", "province", "provinces", "state", "states",
                         "district", "districts", "county", "department", "territory",
                         "territories", "zone", "area", "division", "governorate", "parish",
                         "oblast", "prefecture"))
_UNIT_KINDS = frozenset(("county", "parish", "province", "department", "governorate", "oblast",
                         "prefecture"))


def area_or_big_town(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key``, a name of several words, names a country, a first-level area, a
    county-like unit ("HENRY COUNTY", "USULUTAN DEPARTMENT") or a town of 100,000 people or
    more under its own name ("WEST BANK", "FORT WORTH", "NEW HAVEN"); not a direction and a
    kind of area ("CENTRAL REGION", "SOUTH-WEST") nor a name after "the" ("THE MARCHES"):
    generic in any country. For caseless text, where such names look like ordinary words."""
    words = key.split(" ")
    if words[0] == "the" or all(w in DIRECTION for w in words):
        return False
    if words[-1] in _AREA_KINDS:
        if words[-1] not in _UNIT_KINDS or all(w in DIRECTION for w in words[:-1]):
            return False
        return any(c.feature in ("admin1", "admin2") and not c.alternate
                   for c in gaz.by_key(key))
    return is_place_like(gaz, key) or any(
        c.population >= 100_000 and not c.alternate for c in gaz.by_key(key))


def _small(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key`` names only towns under 50,000 people (and no area)."""
    return not is_place_like(gaz, key) and _max_population(gaz, key) < 50_000


def _kind_of(cx: Context, s: int, before: str) -> bool:
    """Whether the name at ``s``, after the folded word ``before``, follows "<kind> of"
    ("THE TOWN OF X"): the strongest place slot."""
    return before == "of" and word_before(cx, s, 1) in _KINDS


def _raw_before(cx: Context, s: int) -> str:
    """The word before offset ``s`` as written (its period kept), '' if none."""
    m = _BEFORE_REV.match(cx.reverse, len(cx.text) - s)
    return m.group(1)[::-1] if m else ""


def _person_cue(cx: Context, s: int, e: int, country: bool) -> bool:
    """Whether the one-word name at ``[s, e)`` is said as a person's: after a given name,
    perhaps with a middle initial ("MATTHEW D. FLORES", "ROY A. NELSON"), after a title
    ("JUDGE HAYWOOD TURNER" reads "HAYWOOD" first), or before a speech verb out of a place
    slot ("NELSON SAID"; a country speaks for its government: "JORDAN SAID")."""
    raw = _raw_before(cx, s)
    before = raw.lower().strip(".'")
    # a period after a word ends the sentence ("THE DEFENSE MINISTER. COLOMBIA BOUGHT"),
    # but for titles written short ("CAPT.", "GEN.")
    if is_title(raw) or (before in GIVEN and raw[-1:] != "."):
        return True
    if len(before) == 1 and before.isalpha() and word_before(cx, s, 1) in GIVEN:
        return True
    if country:
        return False
    after = word_after(cx, e)[1]
    return after in SPEECH and before not in LOCATIVE and before != "of"


def drop_person_names(cx: Context, found: list[Toponym]) -> list[Toponym]:
    """``found`` without the one-word names the article says as a person's somewhere
    (:func:`_person_cue`): one sense per article, as in mixed-case text, where capitals
    and initials tell "Capt. Roy A. Nelson" from Nelson, New Zealand. A name in a strong
    place slot ("THE TOWN OF X", "X, <STATE>") stays."""
    text, folded, gaz = cx.text, cx.folded, cx.gaz
    persons: set[str] = set()
    for key in {t.key for t in found if " " not in t.key}:
        country = any(c.feature == "country" for c in gaz.by_key(key))
        i = folded.find(key)
        while i >= 0:
            j = i + len(key)
            if (i == 0 or not folded[i - 1].isalnum()) and (
                    j >= len(folded) or not folded[j].isalnum()) and _person_cue(
                    cx, i, j, country):
                persons.add(key)
                break
            i = folded.find(key, j)
    if not persons:
        return found
    out = []
    for t in found:
        if t.key in persons:
            comma = _COMMA_WORD.match(text, t.end)
            if not _kind_of(cx, t.start, word_before(cx, t.start)) and not (
                    comma and is_place_like(gaz, comma.group(1).lower())):
                continue
        out.append(t)
    return out
