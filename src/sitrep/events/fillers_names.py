"""How people are quoted as victims and perpetrators.

By their fullest name: a report names a person in full once ("the murder of Jaime Pardo
Leal") and then by surname alone ("Pardo Leal was murdered by ..."). A victim or
perpetrator quoted by the short form is the person the full name names, and a coder
(MUC-4's, ACLED's) quotes that name; two quotes of one person also cost precision when
each event of an article quotes a different form.

Never by a name that its own neighbours give another part: a named thing ("Juan Pablo II
Boulevard", "the Nelson Mandela cell"), the doer after "by" ("ordered by Fidel
Castano"), or the speaker ("President Cristiani condemned the murder of ..."): a harm
word in the sentence does not make them victims.

A two-word name joined by "and" to a name the name-finder knows is a name too ("Erika
Sullivan and Christopher Anderson were killed"). The word lists are data:
``data/events/fillers_people.json``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..actors.persons import find_persons
from ..nlp.article_lower import lower_of
from ..nlp.lexicon import read_json
from ..schema import RoleFiller

if TYPE_CHECKING:
    from .fillers import RoleFillers

__all__ = ["FullNames", "coordinated_names", "full_name", "full_names", "named_elsewise"]

# Quotes longer than this are already a full name or a description, not a short form.
_MAX_WORDS = 3
_NAME_WORD = re.compile(r"^[^\W\d_][\w'.-]*$")
# Where a name that runs on past the short form may end: at punctuation or "and" (in
# capitals a verb may pass for a surname: "d'aubuisson HOLDS that ...").
_NAME_END = re.compile(r"\s*(?:[,.;:()]|$)|\s+(?:and|or)\b", re.IGNORECASE)


def full_name(text: str, quote: RoleFiller, low: str | None = None) -> RoleFiller:
    """``quote`` replaced by the first person name of ``text`` that holds the quote's words
    after a given name or more ("Julio Torres" for "Torres"), quoted where it stands; the
    quote itself when the text has no such name. ``low``: ``text.lower()``, when the
    caller has it."""
    words = quote.text.split()
    if not 0 < len(words) <= _MAX_WORDS or not all(_NAME_WORD.match(w) for w in words):
        return quote
    # Only a name has a fuller form: a quote ending with a common word ("the terrorists",
    # "two peasants") is read no further.
    if words[-1].lower() in _common_words():
        return quote
    low = text.lower() if low is None else low
    if len(low) != len(text):
        return quote  # (lower-casing changed the length: offsets would not agree)
    short = " ".join(words).lower()
    # Each whole-word occurrence of the short form after a space (a name-finder then reads
    # the words around it: a title or given names before, a surname after).
    at = low.find(short)
    while at >= 0:
        b = at + len(short)
        if at > 0 and low[at - 1] == " " and (b == len(low) or not (low[b].isalnum()
                                                                    or low[b] == "'")):
            lo, hi = max(0, at - 60), b + 40
            for p in find_persons(text[lo:hi], lo):
                # the name holds the short form, with more words before it (a surname may
                # run on: "Luis Meneses Benavides" for "Meneses")
                if p.start < at <= p.end and len(p.text.split()) > len(words) and (
                        p.end == b or (p.end > b and _NAME_END.match(text, p.end))):
                    return replace(quote, text=p.text, start=p.start, end=p.end)
        at = low.find(short, at + 1)
    return quote


# Two name-like words joined to a person's name by "and", on either side.
_BEFORE_AND = re.compile(r"\b([^\W\d_][\w'-]+) ([^\W\d_][\w'-]+),? and $", re.IGNORECASE)
_AFTER_AND = re.compile(r" and ([^\W\d_][\w'-]+) ([^\W\d_][\w'-]+)\b", re.IGNORECASE)


def coordinated_names(text: str, persons: list[tuple[int, int]],
                      taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two-word names coordinated with a person's name ("Erika Sullivan and Christopher
    Anderson", "Dagoberto Rodriguez and Alfonso de Lima"): a name-finder that knows one
    given name of the pair finds the other through the "and" (in mixed-case text both
    words must be Capitalised). ``persons``: ``(start, end)`` of the names found;
    ``taken``: spans of other mentions (places, actors) a name cannot overlap."""
    common = _common_words() | _rules()[2]
    cased = not (text.isupper() or text.islower())
    out: list[tuple[int, int]] = []
    for a, b in persons:
        if " " not in text[a:b].strip():
            continue  # a lone word after a title is too weak a cue for its neighbour
        for m, lo, hi in ((_BEFORE_AND.search(text, max(0, a - 50), a), 1, 2),
                          (_AFTER_AND.match(text, b), 1, 2)):
            if m is None:
                continue
            start, end = m.start(lo), m.end(hi)
            words = (m.group(lo), m.group(hi))
            if any(w.lower() in common for w in words) or (
                    cased and not all(w[0].isupper() for w in words)) or any(
                    x < end and start < y for x, y in [*persons, *taken, *out]):
                continue
            out.append((start, end))
    return out


@cache
def _common_words() -> frozenset[str]:
    people = read_json("events", "fillers_kinds.json")["people_heads"]
    return frozenset(read_json("actors", "persons.json")["common_words"]) | frozenset(people)


class FullNames:
    """:func:`full_name` for the quotes of the article being read (its events share
    them: each quote is looked up once per article)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.low = ""
        self.done: dict[str, tuple[int, int, str] | None] = {}

    def __call__(self, text: str, fillers: list[RoleFiller]) -> list[RoleFiller]:
        """``fillers`` each quoted by its fullest name in ``text`` (see :func:`full_name`)."""
        if not fillers:
            return fillers
        if text is not self.text:
            self.text, self.low, self.done = text, lower_of(text), {}
        out = []
        for f in fillers:
            key = f.text.lower()
            if key not in self.done:
                g = full_name(text, f, self.low)
                self.done[key] = None if g is f else (g.start, g.end, g.text)
            found = self.done[key]
            out.append(f if found is None else replace(f, start=found[0], end=found[1],
                                                          text=found[2]))
        return out


_FULL = FullNames()


@cache
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], int, frozenset[str]]:
    d = read_json("events", "fillers_people.json")
    titles = frozenset(read_json("actors", "persons.json")["titles"])
    return (frozenset(d["named_after"]) | frozenset(d["speech_verbs"]),
            frozenset(d["agent_before"]), titles, int(d["titles_skipped"]),
            frozenset(d["named_before"]))


_NEXT = re.compile(r"\s+([a-z]+)", re.IGNORECASE)
_BEFORE = re.compile(r"([a-z.]+)\W*$", re.IGNORECASE)


def named_elsewise(text: str, quote: RoleFiller) -> bool:
    """Whether the neighbours of a person's name quoted as a victim say it names a thing,
    the doer or the speaker (see the module's doc); a described group ("two villagers")
    is not judged so."""
    if not _elsewise(text, quote):
        return False
    lo = max(0, quote.start - 30)
    return any(p.start < quote.end and quote.start < p.end
               for p in find_persons(text[lo:quote.end + 20], lo))


def _elsewise(text: str, quote: RoleFiller) -> bool:
    """The neighbours' part of :func:`named_elsewise` (whether the quote is a name aside)."""
    after, agents, titles, skipped, places = _rules()
    nxt = _NEXT.match(text, quote.end)
    if nxt is not None and nxt.group(1).lower() in after:
        return True
    end = quote.start
    for k in range(skipped + 1):
        prev = _BEFORE.search(text, max(0, end - 40), end)
        if prev is None:
            return False
        word = prev.group(1).lower()
        if word in agents or (k == 0 and word.rstrip(".") in places):
            return True
        if word not in titles:
            return False
        end = prev.start()
    return False


def full_names(text: str, fillers: RoleFillers) -> RoleFillers:
    """The fillers with victims and perpetrators described as individuals quoted by their
    fullest name in ``text`` (:func:`full_name`; organisations keep their quote), and no
    victim quoted by a name its neighbours give another part (:func:`named_elsewise`)."""
    victims = _FULL(text, [v for v in fillers.victims if not named_elsewise(text, v)])
    perpetrators = [p if p.kind == "organization" else _FULL(text, [p])[0]
                    for p in fillers.perpetrators]
    return type(fillers)(perpetrators, victims, fillers.targets, fillers.weapons)
