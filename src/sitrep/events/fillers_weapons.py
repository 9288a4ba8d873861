"""Weapons quoted by their weapon noun: a weapon filler names a weapon ("a car bomb",
"AK-47 rifles", "dynamite"), and its quote ends with the last weapon noun ("dynamite"
of "dynamite exploded"). A quote without one is no weapon (a tagger's "bus"). The nouns
are the weapon heads of ``data/events/roles.json`` and ``data/events/fillers_weapons.json``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..nlp.lexicon import read_json
from ..nlp.plurals import singular
from ..schema import RoleFiller

if TYPE_CHECKING:
    from .fillers import RoleFillers

__all__ = ["weapon_quote", "weapons_named"]

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@cache
def _heads() -> frozenset[str]:
    # (the last word of a head, unless a number: "47" of "ak 47" names nothing alone)
    heads = {h.split()[-1] for h in read_json("events", "roles.json")["weapons"]["heads"]
             if not h.split()[-1].isdigit()}
    heads |= set(read_json("events", "fillers_weapons.json")["extra_heads"])
    return frozenset(singular(h) for h in heads)


def weapon_quote(w: RoleFiller) -> RoleFiller | None:
    """The quote up to its last weapon noun, or None when it has none."""
    heads = _heads()
    last = None
    for m in _WORD.finditer(w.text):
        word = m.group().lower()
        if singular(word) in heads or singular(word.replace("-", " ").split()[-1]) in heads:
            last = m
    if last is None:
        return None
    if last.end() == len(w.text):
        return w
    end = w.start + last.end()
    return replace(w, text=w.text[:last.end()], end=end)


def weapons_named(fillers: RoleFillers) -> RoleFillers:
    """The fillers with each weapon quoted by :func:`weapon_quote` (those without a weapon
    noun dropped)."""
    weapons = [q for q in map(weapon_quote, fillers.weapons) if q is not None]
    if weapons == fillers.weapons:
        return fillers
    return type(fillers)(fillers.perpetrators, fillers.victims, fillers.targets, weapons)
