"""Armed-group and movement names are no places: "Taliban" is an alternate name of a
Turkish village, "Wagner" a town in Brazil, "SDF" and "PKK" abbreviations of towns.

The names come from the actors stage's lexicons (``data/actors/groups.json``: names,
aliases and acronyms; ``data/actors/forces.json``: named state forces), read here, not
copied. Such a name stays a place only where the text says it is one: a place pattern
("the town of X", "X district") or a containment ("Fano, Italy").
"""

from __future__ import annotations

import re

from ..nlp.lexicon import read_json
from .context import Toponym
from .gazetteer import Gazetteer
from .normalize import name_key

__all__ = ["TOWN_POPULATION", "drop_group_names", "group_keys", "town_in_slot"]

# hints a place pattern gives ("the town of X", "X province"): the text calls it a place
_PLACE_HINTS = frozenset(("city", "admin1", "admin2", "region", "other"))
_COMMA = re.compile(r"[ \t]*,[ \t]*")
_KEYS: frozenset[str] | None = None


def group_keys() -> frozenset[str]:
    """Index keys of every group, movement and named force the actors lexicons know
    (loaded once)."""
    global _KEYS
    if _KEYS is None:
        names: list[str] = []
        for group in read_json("actors", "groups.json"):
            names += [group["name"], *group.get("aliases", []), *group.get("acronyms", [])]
        forces = read_json("actors", "forces.json").get("named_forces", {})
        names += [row[0] for row in forces.get("entries", [])]
        _KEYS = frozenset(k for k in map(name_key, names) if k)
    return _KEYS


def drop_group_names(text: str, found: list[Toponym], gaz: Gazetteer | None = None
                     ) -> list[Toponym]:
    """``found`` without the names of armed groups and movements, except those a place
    pattern introduces, a containment follows ("X, <place>"), or a place slot holds when
    the name is a sizeable town's own and no group cue is near ("in Morena": see
    :func:`town_in_slot`; only with ``gaz``)."""
    keys = _KEYS if _KEYS is not None else group_keys()
    if keys.isdisjoint([t.key for t in found]):  # most articles: one set lookup a name
        return found
    out: list[Toponym] = []
    for i, t in enumerate(found):
        if t.key in keys and t.hint not in _PLACE_HINTS and not (
                i + 1 < len(found) and _COMMA.fullmatch(text, t.end, found[i + 1].start)
        ) and not (gaz is not None and town_in_slot(text, t, gaz)):
            continue
        out.append(t)
    return out


# A group's name that is also a town's own name stays a place in a place slot only when the
# town is this big: a small namesake ("Wagner", Brazil; "Nato", the Philippines) is far
# less likely than the group.
TOWN_POPULATION = 50_000
_SLOT_WORDS = frozenset(("in", "near", "outside", "around", "at", "into", "toward", "towards",
                         "from"))
# the word before the name and the one before that (in the reversed text), and the word after
_TWO_BEFORE_REV = re.compile(r"[ \t]+([a-z]+)(?:[ \t]+([A-Za-z'\u2019]+))?")
_WORD_AFTER = re.compile(r"(['\u2019]s\b)?[ \t]*([A-Za-z]*)")
_CUES = read_json("places", "cues.json")
_CUE_BEFORE = frozenset(_CUES.get("group_cues_before", ()))
_CUE_AFTER = frozenset(_CUES.get("group_cues_after", ()))


def town_in_slot(text: str, t: Toponym, gaz: Gazetteer) -> bool:
    """Whether the group name ``t`` stands in a place slot as the town it also names: a
    lower-case slot word right before it ("in Morena"), the name the own name of a town or
    district of :data:`TOWN_POPULATION` people or more, and no group cue (a possessive or a
    cue word after it, a membership word before the slot: "divisions in Morena")."""
    m = _TWO_BEFORE_REV.match(text[max(0, t.start - 40):t.start][::-1])
    if m is None or m.group(1)[::-1] not in _SLOT_WORDS:
        return False
    before = (m.group(2) or "")[::-1].lower()
    after = _WORD_AFTER.match(text, t.end)
    if before in _CUE_BEFORE or after.group(1) or after.group(2).lower() in _CUE_AFTER:
        return False
    return any(not c.alternate and c.feature in ("city", "admin2")
               and c.population >= TOWN_POPULATION for c in gaz.by_key(t.key))
