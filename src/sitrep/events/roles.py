"""Physical targets and weapons named in a sentence, quoted with offsets.

A head noun from ``data/events/roles.json`` ("barracks", "bus", "rifles", "bomb") is
widened to the left over its modifiers, determiners, numbers, Capitalised names and
coordinated modifiers, so the span is the article's whole noun phrase: "army and police
barracks", "a police station", "the US embassy", "AK-47 rifles", "a car bomb". Whether a
target was actually hit is for the event stage to decide (it knows the trigger).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..nlp.lexicon import read_json
from .typing_matcher import PhraseMatcher, Token, longest, plain_norms, tokenize

__all__ = ["RoleSpan", "find_targets", "find_weapons"]

_LOWER = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A quoted role filler: ``text`` is ``article[start:end]``; ``kind`` is
    ``target`` or ``weapon``."""

    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    heads: PhraseMatcher[bool]  # payload: True for a head, False for a blocker
    modifiers: frozenset[str]  # includes one-word heads: "embassy compound", "bus station"
    determiners: frozenset[str]
    # Modifiers proper (no heads): only these coordinate, so "rifles and grenades" stay two.
    coordinating: frozenset[str]


@cache
def _lexicon(kind: str) -> _Lexicon:
    data = read_json("events", "roles.json")
    section = data[kind]
    phrases = [(h, True) for h in section["heads"]] + [(b, False) for b in section["blockers"]]
    one_word_heads = {h for h in section["heads"] if " " not in h}
    modifiers = frozenset(section["modifiers"])
    return _Lexicon(
        PhraseMatcher(phrases),
        modifiers | one_word_heads,
        frozenset(data["determiners"]),
        modifiers - one_word_heads,
    )


def _joined(text: str, left: Token, right: Token) -> bool:
    """Only spaces, a hyphen or an apostrophe between two tokens (no comma, no clause break)."""
    gap = text[left.end : right.start]
    return len(gap) <= 3 and all(c in " -'\u2019/" for c in gap)


def _is_name(text: str, tok: Token, upper_text: bool) -> bool:
    raw = text[tok.start : tok.end]
    if upper_text or not raw[0].isupper():
        return False
    # A capitalised sentence opener is not evidence of a name.
    before = text[: tok.start].rstrip()
    return bool(before) and before[-1] not in ".!?\n"


def _widen(text: str, tokens: Sequence[Token], first: int, lex: _Lexicon, upper_text: bool) -> int:
    """Index of the leftmost token of the noun phrase whose head starts at ``first``."""
    i = first
    while i > 0:
        prev, cur = tokens[i - 1], tokens[i]
        if not _joined(text, prev, cur):
            break
        norm = prev.norm
        # A possessor belongs to the thing's name: "the mayor's office", "President
        # Cristiani's home" (MUC-4 quotes it too); widening goes on over its modifiers.
        if norm == "s" and i >= 2 and text[tokens[i - 2].end:prev.start] in ("'", "\u2019") \
                and tokens[i - 2].norm.isalpha() and tokens[i - 2].norm not in lex.determiners:
            i -= 2
            continue
        if norm in lex.modifiers or norm.isdigit() or _is_name(text, prev, upper_text):
            i -= 1
            continue
        if (
            norm == "and"
            and i >= 2
            and i - 1 != first
            and _joined(text, tokens[i - 2], prev)
            and (
                tokens[i - 2].norm in lex.coordinating or _is_name(text, tokens[i - 2], upper_text)
            )
        ):
            i -= 2
            continue
        if norm in lex.determiners:
            i -= 1
            # "at least two buses": keep widening over determiners and numbers only.
            while (
                i > 0
                and _joined(text, tokens[i - 1], tokens[i])
                and (tokens[i - 1].norm in lex.determiners or tokens[i - 1].norm.isdigit())
            ):
                i -= 1
            break
        break
    # Never start on a bare "at"/"least" left over from "at least".
    while i < first and tokens[i].norm in ("at", "least"):
        i += 1
    return i


@lru_cache(maxsize=64)
def _plain_norms(text: str) -> tuple[str, ...] | None:
    """The words of ``text``, lower-cased, when they are the tokens' norms (no month
    "March", no letter that lower-cases to two); else None. Cached: the events stage
    looks for targets, then weapons, in the same clause."""
    lowered = text.lower()
    if len(lowered) != len(text) or "march" in lowered:
        return None
    return tuple(plain_norms(lowered))


def _find(text: str, offset: int, kind: str, label: str) -> list[RoleSpan]:
    lex = _lexicon(kind)
    # Most clauses name no target or weapon (what ``lex.heads.may_match(text)`` says,
    # with the clause's words found once for both kinds).
    norms = _plain_norms(text)
    if norms is not None and not lex.heads.may_match_norms(norms):
        return []
    tokens = tokenize(text)
    # All-capitals wire text (MUC-4): capitalisation says nothing about names there.
    upper_text = _LOWER.search(text) is None
    out: list[RoleSpan] = []
    for hit in longest(lex.heads.find(tokens)):
        if not hit.payload:
            continue
        left = _widen(text, tokens, hit.first, lex, upper_text)
        start = tokens[left].start
        out.append(RoleSpan(text[start : hit.end], offset + start, offset + hit.end, label))
    # "AK-47 rifles" swallows the head "AK-47": keep only the widest spans.
    return [
        r for r in out if not any(o is not r and o.start <= r.start and r.end <= o.end for o in out)
    ]


def find_targets(text: str, offset: int = 0) -> list[RoleSpan]:
    """Buildings, vehicles and infrastructure named in ``text`` (offsets + ``offset``)."""
    return _find(text, offset, "targets", "target")


def find_weapons(text: str, offset: int = 0) -> list[RoleSpan]:
    """Weapons named in ``text`` ("car bomb", "AK-47 rifles", "a machete")."""
    return _find(text, offset, "weapons", "weapon")
