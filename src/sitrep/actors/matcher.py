"""Find actor mentions in text with one Aho-Corasick pass over a case-folded copy.

The folded copy has exactly the length of the original (one character per character:
lower case, accents dropped, curly quotes and dashes straightened), so every offset
found in it is an offset into the original text. Matches must sit on word boundaries;
overlapping candidates are resolved leftmost-longest.

Three kinds of keys share the automaton:

* fixed phrases (group aliases, generic descriptions, country-less force nouns,
  "<noun> of <country>") that are actors by themselves;
* acronyms, accepted only when written in capitals inside mixed-case prose;
* country anchors (demonyms and names) that make an actor only when a force noun
  follows ("Tunisian troops", "Syria's army", "Guatemala army").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ahocorasick

from ..article import ActorMention
from .lexicon import Lexicon, lexicon

__all__ = ["ActorMatcher", "fold"]


def _fold_char(ch: str) -> str:
    if ch in "\u2018\u2019\u02bc\u0060\u00b4":
        return "'"
    if ch in "-\u2010\u2011\u2012\u2013\u2014\u2212\n\r\t\u00a0":
        return " "
    low = ch.lower()
    if len(low) != 1:
        return ch
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isascii() else low


# Precomputed for the Latin ranges news text uses; other characters only get lower-cased.
_TABLE = {i: _fold_char(chr(i)) for i in range(0x2250) if _fold_char(chr(i)) != chr(i)}
# The ASCII part of the table as a byte table: ``bytes.translate`` maps a byte through a
# 256-entry array, many times faster than ``str.translate``'s dictionary look-up per
# character. In UTF-8 every byte of a non-ASCII character is >= 0x80, which the byte table
# leaves alone, so only ASCII characters change.
_ASCII_BYTES = bytes(ord(_TABLE.get(i, chr(i))) if i < 0x80 else i for i in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_TABLE)


def fold(text: str) -> str:
    """Lower-case, accent-free, same-length copy of ``text`` for matching.

    Every value of the table is one character, so the copy keeps every offset. Computed
    as the table's mapping: ASCII characters by a byte table, the few runs of other
    characters by the table itself (the same result as ``text.translate(_TABLE)``).
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_BYTES).decode("ascii")
    # "surrogatepass": a lone surrogate (broken input) passes through unchanged.
    folded = text.encode("utf-8", "surrogatepass").translate(_ASCII_BYTES)
    return _NON_ASCII.sub(_fold_run, folded.decode("utf-8", "surrogatepass"))


def _norm_key(phrase: str) -> str:
    return " ".join(fold(phrase).split())


@dataclass(frozen=True, slots=True)
class _Fixed:
    name: str
    inter: int
    category: str
    country_code: str | None
    is_group: bool = False
    unit: bool = False  # a military unit noun that may grow over its name or number
    anchored: bool = False  # built from a country anchor ("Colombian army")
    generic: bool = False  # a description ("gunmen"): rejected after "pro-"/"anti-"
    acronym: str | None = None  # exact spelling required (case-sensitive)


@dataclass(frozen=True, slots=True)
class _Anchor:
    country_code: str
    acronym: str | None = None


_BLOCK = _Fixed("", 0, "", None)

# Words after a group name that still refer to the group ("ISIS militants").
_MEMBER = re.compile(
    r"(?: +group)? +(?:fighters|militants|members|rebels|insurgents|guerrillas|gunmen|"
    r"jihadists|terrorists|urban commandos|commandos|operatives|militiamen|militia|cadres|"
    r"elements|columns?|units?|forces|troops)(?![a-z0-9])")
_ORDINAL = re.compile(
    r"(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$")
_WORD_BEFORE = re.compile(r"([a-z0-9]+) +$")
_UNIT_NUMBER = re.compile(r" +(?:no\.?|number|#) *\d+")
_MODIFIERS = "own|new|elite|regular|federal|national|special|interim|transitional|local|provincial"


class ActorMatcher:
    """Compiled matcher over the actor lexicon; build once, call :meth:`find` per text."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        self._auto = ahocorasick.Automaton()
        self._keys: dict[str, list[_Fixed | _Anchor]] = {}
        self._nouns: dict[str, str] = {}
        units = self.lex.units
        self._unit_nouns = frozenset(_norm_key(u) for u in units.get("nouns", ()))
        self._not_names = frozenset(units.get("not_names", ()))
        self._build()
        alternatives = sorted(self._nouns, key=len, reverse=True)
        noun_re = "|".join(re.escape(n).replace(r"\ ", " +") for n in alternatives)
        trailing = "|".join(re.escape(t) for t in sorted(self.lex.trailing, key=len, reverse=True))
        self._after_anchor = re.compile(
            rf"(?:'s|')? +(?:(?:{_MODIFIERS}) +)?(?P<noun>{noun_re})(?![a-z0-9])"
            rf"(?: +(?:{trailing})(?![a-z0-9]))?")

    # -- building ------------------------------------------------------------------
    def _add(self, phrase: str, value: _Fixed | _Anchor) -> None:
        key = _norm_key(phrase)
        if key:
            self._keys.setdefault(key, []).append(value)

    def _build(self) -> None:
        lex = self.lex
        for g in lex.groups:
            for alias in g.aliases:
                self._add(alias, _Fixed(g.name, g.inter, g.category, g.country_code, True))
            for acr in g.acronyms:
                self._add(acr, _Fixed(g.name, g.inter, g.category, g.country_code, True,
                                      acronym=acr))
        for gen in lex.generics:
            for phrase in gen.phrases:
                self._add(phrase, _Fixed(gen.name, gen.inter, gen.category, None,
                                         generic=True))
        for cat, kinds in lex.nouns.items():
            for noun in kinds["bare"]:
                unit = _norm_key(noun) in self._unit_nouns
                self._add(noun, _Fixed(lex.country_less[cat], 1, cat, None, generic=True,
                                       unit=unit))
            for noun in kinds["bare"] + kinds["with_country"]:
                self._nouns[_norm_key(noun)] = cat
        for c in lex.countries.values():
            names = {c.name, *c.aliases}
            for word in (*c.demonyms, *names):
                acr = word if word.isupper() else None
                self._add(word, _Anchor(c.code, acr))
            for cat, of_nouns in lex.of_nouns.items():
                name = lex.force_name(cat, c.code)
                for noun in of_nouns:
                    for n in names:
                        if not n.isupper():
                            self._add(f"{noun} {n}", _Fixed(name, 1, cat, c.code))
                            self._add(f"{noun} the {n}", _Fixed(name, 1, cat, c.code))
        for phrase, code, cat in lex.named_forces:
            name = lex.force_name(cat, code)
            acr = phrase if phrase.isupper() else None
            self._add(phrase, _Fixed(name, 1, cat, code, acronym=acr))
        for phrase in lex.blockers:
            self._add(phrase, _BLOCK)
        for key, values in self._keys.items():
            self._auto.add_word(key, (key, values))
        self._auto.make_automaton()

    # -- matching ------------------------------------------------------------------
    def find(self, text: str) -> list[ActorMention]:
        """Actor mentions in ``text``, sorted by start, non-overlapping."""
        if not text:
            return []
        folded = fold(text)
        n = len(folded)
        candidates: list[tuple[int, int, _Fixed]] = []
        for last, (key, values) in self._auto.iter(folded):
            start, end = last - len(key) + 1, last + 1
            if (start > 0 and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
                continue
            glued = start > 0 and text[start - 1] == "-"
            for v in values:
                if isinstance(v, _Anchor):
                    if v.acronym and not _acronym_ok(text, start, end, v.acronym):
                        continue
                    m = self._after_anchor.match(folded, end)
                    # a line break between "Tunisia" and "Soldiers" is a headline ending
                    if m and "\n" not in text[end:m.start("noun")]:
                        cat = self._nouns[" ".join(m.group("noun").split())]
                        name = self.lex.force_name(cat, v.country_code)
                        candidates.append((start, m.end(),
                                           _Fixed(name, 1, cat, v.country_code, anchored=True)))
                    continue
                if v.acronym and not _acronym_ok(text, start, end, v.acronym):
                    continue
                if v.generic and glued:
                    continue  # "pro-government forces", "anti-government protesters"
                begin, stop = start, end
                if v.is_group:
                    m = _MEMBER.match(folded, end)
                    if m:
                        stop = m.end()
                elif v.unit:
                    begin, stop = self._grow_unit(folded, start, end)
                candidates.append((begin, stop, v))
        return self._select(text, candidates)

    def _grow_unit(self, folded: str, start: int, end: int) -> tuple[int, int]:
        """Extend a unit noun over an ordinal or a name before it and a number after:
        "6th infantry brigade", "Atonal battalion", "detachment no 4"."""
        m = _WORD_BEFORE.search(folded, max(0, start - 30), start)
        if m:
            word = m.group(1)
            if _ORDINAL.match(word) or (word.isalpha() and len(word) > 2
                                        and word not in self._not_names):
                start = m.start(1)
        n = _UNIT_NUMBER.match(folded, end)
        return start, (n.end() if n else end)

    @staticmethod
    def _select(text: str, candidates: list[tuple[int, int, _Fixed]]) -> list[ActorMention]:
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        # A named group that starts inside a country-anchored force and runs past it wins:
        # "Colombian Army of National Liberation guerrillas" is the ELN, not the army.
        groups = [(s, e) for s, e, v in candidates if v.is_group]
        out: list[ActorMention] = []
        reach = 0
        for start, end, v in candidates:
            if start < reach:
                continue
            if v.anchored and any(start < gs < end < ge for gs, ge in groups):
                continue
            reach = end
            if v is _BLOCK:
                continue
            out.append(ActorMention(start, end, text[start:end], v.name, v.inter, v.category,
                                    v.country_code))
        return _drop_described(text, out)


_WORD = re.compile(r"[A-Za-z]+")
# "jihadists from JNIM", "militants of the Islamic State": the noun only describes the group.
_DESCRIBES = re.compile(r"\s+(?:from|of|belonging to|loyal to)\s+(?:the\s+)?$", re.IGNORECASE)


def _drop_described(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Drop an unnamed armed group that a named group right after it names."""
    keep: list[ActorMention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (m.category == "unidentified" and nxt is not None and nxt.category != "unidentified"
                and nxt.inter in (2, 3, 4) and _DESCRIBES.fullmatch(" " + text[m.end:nxt.start])):
            continue
        keep.append(m)
    return keep


def _acronym_ok(text: str, start: int, end: int, acronym: str) -> bool:
    """An acronym counts only as written and inside mixed-case prose: the nearest words
    around it must contain lower-case letters (so ALL-CAPS wire copy and headlines,
    where "IS" is a verb, are skipped)."""
    if text[start:end] != acronym:
        return False
    before = _WORD.findall(text, max(0, start - 40), start)[-2:]
    after = _WORD.findall(text, end, end + 40)[:2]
    return any(not w.isupper() for w in before + after)
