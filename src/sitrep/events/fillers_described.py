"""People described as perpetrators quoted as coders quote them: with their count and
descriptive words ("TWO PAID ASSASSINS" rather than "PAID ASSASSINS", "three heavily armed
men" rather than "men"; on the MUC-4 training keys 119 of 149 descriptions with a count
right before them include it), and a bare noun by the article's first mention of it
("terrorists bombed the embassies ... the terrorist was carrying dynamite": one
perpetrator, first named "terrorists"). Words are data
(``data/events/fillers_described.json``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from ..article import ActorMention
from ..nlp.lexicon import read_json
from ..nlp.plurals import singular
from ..schema import RoleFiller

__all__ = ["described_whole", "first_quotes"]

_WORD_BEFORE = re.compile(r"([\w'-]+)[ \t]+$")


@cache
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    d = read_json("events", "fillers_described.json")
    return (frozenset(d["counts"]), frozenset(d["joiners"]), frozenset(d["modifiers"]),
            int(d["max_words"]))


def described_whole(text: str, p: RoleFiller) -> RoleFiller:
    """An individual perpetrator's quote widened over the counts and descriptive words
    right before it ("men" of "three heavily armed men"); other quotes as they are. A
    joiner ("or", "to", "at") is taken only between counts ("20 or 30", "at least 5")."""
    if p.kind == "organization":
        return p
    counts, joiners, modifiers, most = _rules()
    start, taken, pending, last = p.start, 0, None, ""
    while taken < most:
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if m is None:
            break
        w = m.group(1).lower()
        if w.isdigit() or w in counts or w in modifiers or (w == "at" and last == "least"):
            start, pending = m.start(1), None
        elif w in joiners and pending is None and (last.isdigit() or last in counts):
            # (kept only when a count comes before it too: "20 OR 30", not "attacked by")
            pending, start = start, m.start(1)
        else:
            break
        last = w
        taken += 1
    if pending is not None:
        start = pending
    if start == p.start:
        return p
    return RoleFiller(text[start:p.end], start, p.end, p.kind)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """A description's words without articles ("the guerrillas" -> ("guerrillas",))."""
    return tuple(w for w in text.lower().split() if w not in ("the", "a", "an"))


@lru_cache(maxsize=4096)
def _noun(text: str) -> str:
    """A bare description's noun in the singular ("the gunmen" -> "gunman")."""
    word = _words(text)[-1]
    return singular(word[:-3] + "man" if word.endswith("men") else word)


def first_quotes(actors: list[ActorMention], perpetrators: list[RoleFiller],
                 names_people: Callable[[ActorMention], bool]) -> list[RoleFiller]:
    """Perpetrators described by a bare noun quoted by the article's first mention of it
    (among its ``actors`` that ``names_people``: no adjective, no organisation), singular
    or plural, as the rules quote their own, whichever source found them; a fuller
    description ("two paid assassins", "urban guerrillas") may be another group and
    keeps its quote. One filler per quote."""
    out: list[RoleFiller] = []
    for p in perpetrators:
        if p.kind != "organization" and len(_words(p.text)) == 1:
            noun = _noun(p.text)
            first = next((a for a in actors if a.start < p.start and len(_words(a.text)) == 1
                          and _noun(a.text) == noun and names_people(a)), None)
            if first is not None:
                p = RoleFiller(first.text, first.start, first.end, p.kind)
        if not any((o.start, o.end, o.kind) == (p.start, p.end, p.kind) for o in out):
            out.append(p)
    return out
