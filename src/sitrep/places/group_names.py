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
from .normalize import name_key

__all__ = ["group_keys", "drop_group_names"]

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


def drop_group_names(text: str, found: list[Toponym]) -> list[Toponym]:
    """``found`` without the names of armed groups and movements, except those a place
    pattern introduces or a containment follows ("X, <place>")."""
    keys = _KEYS if _KEYS is not None else group_keys()
    if keys.isdisjoint([t.key for t in found]):  # most articles: one set lookup a name
        return found
    out: list[Toponym] = []
    for i, t in enumerate(found):
        if t.key in keys and t.hint not in _PLACE_HINTS and not (
                i + 1 < len(found) and _COMMA.fullmatch(text, t.end, found[i + 1].start)):
            continue
        out.append(t)
    return out
