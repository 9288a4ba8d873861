"""Physical targets and weapons named in a sentence, quoted with offsets.

A head noun from ``data/events/roles.json`` ("barracks", "bus", "rifles", "bomb") is
widened to the left over its modifiers, determiners, numbers, Capitalised names and
coordinated modifiers, so the span is the article's whole noun phrase: "army and police
barracks", "a police station", "the US embassy", "AK-47 rifles", "a car bomb". Whether a
target was actually hit is for the event stage to decide (it knows the trigger).

Attribution sentences (``data/events/links.json``) say who did an incident told before
("the rebels claimed responsibility for the attack", "police said three men armed with
rifles carried out the raid"): :func:`attributes_deed` and :func:`deed_reference` tell
them (the event stage links them to the incident), :func:`attributed_people` quotes the
people they describe as the doers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..nlp.article_lower import lower_of
from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated
from .typing_matcher import PhraseMatcher, Token, longest, plain_norms, tokenize

__all__ = ["RoleSpan", "attributed_people", "attributes_deed", "deed_reference", "deed_sentences",
           "find_targets", "find_weapons"]

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


# -- who did an incident told before: attribution sentences (data/events/links.json) ----

_LINKS = read_json("events", "links.json")
_KINDS = ("deed_direct", "deed_subject", "deed_noun", "deed_object", "deed_to")


def _pattern(key: str) -> str:
    return _LINKS[key].replace("{ref}", _LINKS["ref"]).replace("{passive_ref}",
                                                               _LINKS["passive_ref"])


# Tried only where a cue word or a determiner starts (a search at every position of every
# sentence would be slow).
_DEED = re.compile("|".join(f"(?P<{k}>{_pattern(k)})" for k in _KINDS), re.IGNORECASE)
_PASSIVE = re.compile(_pattern("deed_before"), re.IGNORECASE)
_PASSIVE_START = gated(re.compile(_LINKS["passive_start"]))
_NOUN_COUNT = re.compile(_LINKS["noun_count"], re.IGNORECASE)
_NOT_SAID = gated(re.compile(_LINKS["not_said"], re.IGNORECASE))
# (the patterns are slow on every sentence; a stem of theirs is quick to rule out;
# the searched ones are gated: see :mod:`sitrep.nlp.regex_gates`)
_CUE_LOW = gated(re.compile(
    r"\b(?:" + "|".join(re.escape(w.lower()) for w in _LINKS["cue_words"]) + ")"))
_NOUN_LOW = re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in _LINKS["ref_words"]) + ")")
_REF_WORDS = tuple(w.lower() for w in _LINKS["ref_words"])


def deed_sentences(text: str, sentences: Sequence[tuple[int, int]]) -> set[int]:
    """The indices of the sentences (``(start, end)`` each) that may attribute an
    incident: those with an incident noun and a word of attribution. A quick test for a
    whole article (plain searches of the lower-cased text), so that the patterns of
    :func:`attributes_deed` and :func:`attributed_people` read only these."""
    low = lower_of(text)
    hits = []
    for word in _REF_WORDS:
        i = low.find(word)
        while i >= 0:
            hits.append(i)
            i = low.find(word, i + len(word))
    if not hits:
        return set()
    starts = [a for a, _ in sentences]
    found = {bisect_right(starts, i) - 1 for i in hits}
    return {k for k in found if k >= 0 and _CUE_LOW.search(low, *sentences[k]) is not None}


_REF = re.compile(_LINKS["ref"], re.IGNORECASE)
_BEFORE = re.compile(_LINKS["subject_start"], re.IGNORECASE)
_AFTER = re.compile(_LINKS["object_end"], re.IGNORECASE)
_TRAILING = re.compile(_LINKS["subject_trailing"], re.IGNORECASE)
_PEOPLE = re.compile(_LINKS["people"], re.IGNORECASE)
_HEAD_END = re.compile(_LINKS["head_end"], re.IGNORECASE)
_NOT_IN_QUOTE = re.compile(_LINKS["not_in_quote"], re.IGNORECASE)
_VAGUE = re.compile(_LINKS["vague_people"], re.IGNORECASE)
_COUNT = re.compile(_LINKS["count"], re.IGNORECASE)
_LEADING = re.compile(_LINKS["leading"], re.IGNORECASE)
_MAX_WORDS = int(_LINKS["max_words"])
_APPOSITIVE = re.compile(_LINKS["appositive"], re.IGNORECASE)
_TITLED = re.compile(_LINKS["titled_name"], re.IGNORECASE)
_CONJUNCT = re.compile(_LINKS["conjunct"], re.IGNORECASE)
_UNQUOTED = " \t\n\"'`()[]"


def attributes_deed(sentence: str) -> bool:
    """Whether a sentence says who did (or did not do) an incident told before: a word of
    attribution governing a definite incident noun ("the rebels claimed responsibility
    for the attack", "the army blamed the FMLN for the massacre"), or that noun told as
    done by someone ("the killing had been ordered by ...", "the attack was blamed on
    ..."); not a question or a supposition of who did it ("whoever did it", "if")."""
    return _scan(sentence)[0] is not None


def deed_reference(sentence: str) -> str | None:
    """The incident noun an attribution sentence points back with ("attack", "attacks"),
    lower-cased, or None when the sentence attributes nothing (:func:`attributes_deed`)."""
    return _scan(sentence)[0]


def attributed_people(sentence: str, offset: int = 0) -> list[RoleSpan]:
    """The people an attribution sentence tells as doing the incident, described by a
    word for people ("three men armed with rifles carried out the raid", "the officers
    who were involved in the crime", "blamed two soldiers for the killing", "the murder
    was committed by members of a death squad"), quoted with offsets (``offset``: the
    sentence's start in the article). Named groups are the actors' business."""
    return [RoleSpan(sentence[a:b], offset + a, offset + b, "perpetrator")
            for a, b in _scan(sentence)[1]]


@lru_cache(maxsize=256)
def _scan(sentence: str) -> tuple[str | None, tuple[tuple[int, int], ...]]:
    """The incident noun a sentence attributes and its people's spans (cached: linking
    and quoting both read a sentence)."""
    low = sentence.lower()
    if len(low) != len(sentence):  # (a letter that lower-cases to two: offsets differ)
        return None, ()
    nouns = [m.start() for m in _NOUN_LOW.finditer(low)]
    cues = [m.start() for m in _CUE_LOW.finditer(low)] if nouns else []
    if not cues or _NOT_SAID.search(sentence) is not None:
        return None, ()
    found = [(m, m.lastgroup) for m in (_DEED.match(sentence, c) for c in cues) if m]
    for n in nouns:
        for d in _PASSIVE_START.finditer(low, max(0, n - 40), n):
            m = _PASSIVE.match(sentence, d.start())
            if m:
                found.append((m, "deed_before"))
                break
    if not found:
        return None, ()
    found.sort(key=lambda x: x[0].start())
    ref = _REF.search(found[0][0].group())
    noun = ref.group().split()[-1].lower() if ref else None
    spans = []
    for m, kind in found:
        if kind in ("deed_direct", "deed_subject"):
            start, end = _subject(sentence, m.start())
        elif kind == "deed_object":
            start, end = m.start("obj"), m.end("obj")
        elif kind == "deed_noun":
            counted = _NOUN_COUNT.search(sentence, 0, m.start())
            start = counted.start() if counted else m.start()
            end = m.start() + len(m.group().split()[0])
        else:
            tail = _AFTER.search(sentence, m.end())
            start, end = m.end(), tail.start() if tail else len(sentence)
        quote = sentence[start:end]
        # (quotes and brackets around the words are the reporter's, not the people's)
        start += len(quote) - len(quote.lstrip(_UNQUOTED))
        lead = _LEADING.match(sentence, start, end)
        start = lead.end() if lead else start
        end -= len(quote) - len(quote.rstrip(_UNQUOTED))
        if start < end and _people(sentence[start:end]):
            spans += [x for x in _conjuncts(sentence, start, end) if x not in spans]
    return noun, tuple(spans)


def _conjuncts(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """The conjuncts of a coordinated quote before its head ends ("rightist sectors and
    soldiers" -> both; "members of the army and police" stays whole), each a span."""
    stop = start + _HEAD_END.search(sentence[start:end]).start()
    out, at = [], start
    for m in _CONJUNCT.finditer(sentence, start, stop):
        if m.start() > at:
            out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    return out if len(out) > 1 and all(b - a > 1 for a, b in out) else [(start, end)]


def _people(quote: str) -> bool:
    """A noun phrase for people: at most a few words, a word for people as its head."""
    words = quote.split()
    if not words or len(words) > _MAX_WORDS or _NOT_IN_QUOTE.search(quote):
        return False
    if _TITLED.fullmatch(quote) is not None:
        return True
    head = quote[:_HEAD_END.search(quote).start()].split()
    if not head or _PEOPLE.fullmatch(head[-1]) is None:
        return False
    # ("the people", "the person": no one described; "three persons", "armed men" are)
    return _VAGUE.fullmatch(head[-1]) is None or _COUNT.search(" ".join(head[:-1])) is not None


def _subject(sentence: str, cue: int) -> tuple[int, int]:
    """The noun phrase before a verb of doing: back to the clause's start, without the
    auxiliaries and the relative pronoun ("the officers who were" -> "the officers")."""
    head = sentence[:cue]
    # ("Col Ramirez, who commands the battalion, was involved": the words before)
    apposed = _APPOSITIVE.search(head)
    if apposed is not None:
        head = head[:apposed.start()]
    starts = [m.end() for m in _BEFORE.finditer(head)]
    start = starts[-1] if starts else 0
    trail = _TRAILING.search(head, start)
    return start, trail.start() if trail else len(head)
