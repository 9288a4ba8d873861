"""Is a reported incident a fact of the article's time, or negated, hypothetical, background?

Two views, from the same pattern file (``data/events/modality.json``):

- :func:`sentence_modality` labels a whole sentence ("no one was hurt" makes it
  ``negated``; "since its 2011 uprising" makes it ``background``);
- :func:`trigger_modality` labels one event trigger in its sentence: negation and
  hypothesis count only in the clause just before the trigger ("threatened to attack",
  "did not attack"), so "Militants attacked the base, and officials warned they could
  strike again" keeps the attack ``asserted``; background counts sentence-wide. A
  casualty negation ("no one was hurt") does not negate the bombing it reports.

Reported speech ("police said") is ``asserted``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..nlp.lexicon import read_json

__all__ = [
    "MODALITIES",
    "is_background",
    "load_patterns",
    "lower_keeping_offsets",
    "note_asserted",
    "sentence_modality",
    "trigger_modalities",
    "trigger_modality",
]

MODALITIES = ("asserted", "negated", "hypothetical", "background")

# A clause ends at these: the negation or hypothesis of one clause does not reach
# a trigger in the next.
_CLAUSE_BREAK = re.compile(
    r"[,;:.!?()\u2014\u2013]|\s-\s|\b(?:but|and|while|whereas|although|after|when)\b"
)
# The same, opening with a look-ahead at the characters a break can start with (what
# each alternative needs there anyway), so the engine skips other positions in C.
_CLAUSE_BREAK_FAST = re.compile(
    r"(?=[,;:.!?()\u2014\u2013\sabw])(?:" + _CLAUSE_BREAK.pattern + ")"
)


def _class_end(pattern: str, i: int) -> int | None:
    """Index just after the character class opening at ``pattern[i]`` ("["), or None."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":  # a leading "]" is a literal
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1 if j < len(pattern) else None


def _has_top_alternation(pattern: str) -> bool:
    """Whether ``pattern`` has a "|" outside any group (its first characters are then
    those of several branches); True when that is not plain to see."""
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            end = _class_end(pattern, i)
            if end is None:
                return True
            i = end
            continue
        if c == "|" and depth == 0:
            return True
        depth += {"(": 1, ")": -1}.get(c, 0)
        i += 1
    return False


def _first_chars(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can start with, read conservatively from its
    leading literal or group of alternatives; None when that is not plain to see."""
    if pattern.startswith("\\b"):
        pattern = pattern[2:]
    if not pattern:
        return None
    if pattern[0].isalnum():
        return {pattern[0]}
    if pattern.startswith("\\d"):
        return set("0123456789")
    if pattern.startswith("(?:") or pattern.startswith("(?P<"):
        body_start = pattern.index(">") + 1 if pattern.startswith("(?P<") else 3
        depth, i, alts, last = 1, body_start, [], body_start
        while i < len(pattern) and depth:
            c = pattern[i]
            if c == "\\":
                i += 2
                continue
            if c == "[":  # a class inside the group: step over it (it may hold "|")
                end = _class_end(pattern, i)
                if end is None:
                    return None
                i = end
                continue
            depth += {"(": 1, ")": -1}.get(c, 0)
            if (c == "|" and depth == 1) or depth == 0:
                alts.append(pattern[last:i])
                last = i + 1
            i += 1
        if depth or (i < len(pattern) and pattern[i] in "?*{"):
            return None  # unbalanced, or an optional group: the match may start later
        out: set[str] = set()
        for alt in alts:
            chars = _first_chars(alt)
            if chars is None:
                return None
            out |= chars
        return out
    return None


def _join(patterns: list[str], flags: int = 0) -> re.Pattern[str] | None:
    """One regex of alternatives. Matched against lower-cased text without IGNORECASE
    (three times faster); when every alternative is seen to start with one of a few
    letters, a look-ahead skips other positions at once (large alternations of
    ``\\b...`` patterns are otherwise tried in full at every character)."""
    if not patterns:
        return None
    joined = "|".join(f"(?:{p})" for p in patterns)
    firsts = [None if _has_top_alternation(p) else _first_chars(p) for p in patterns]
    if all(f is not None for f in firsts):
        chars = "".join(sorted(set().union(*firsts)))  # type: ignore[arg-type]
        joined = f"(?=[{re.escape(chars)}])(?:{joined})"
    return re.compile(joined, flags)


# Unicode whitespace that ASCII ``\s`` does not match (the four information separators;
# looked for by substring tests, cheaper than a regex of one class on a sentence).
_NOT_ASCII_SPACES = "\x1c\x1d\x1e\x1f"


def _for(text: str) -> _Patterns:
    """The patterns to match ``text`` with: the ``re.ASCII`` twins when they match it
    exactly as the Unicode ones do (ASCII text without information separators, where word
    boundaries, word characters, digits and spaces agree), as they test a character by
    table rather than by a Unicode database call (about a tenth faster)."""
    if text.isascii() and not any(c in text for c in _NOT_ASCII_SPACES):
        return _patterns(re.ASCII)
    return _patterns()


def lower_keeping_offsets(text: str) -> str:
    """``text`` lower-cased, keeping every offset (a few letters lower-case to two)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


@dataclass(frozen=True, slots=True)
class _Patterns:
    window: int
    neg_prefix: re.Pattern[str] | None
    neg_sentence: re.Pattern[str] | None
    neg_sentence_only: re.Pattern[str] | None
    casualty: re.Pattern[str] | None
    hyp_prefix: re.Pattern[str] | None
    hyp_sentence: re.Pattern[str] | None
    base_forms: frozenset[str]
    base_before: re.Pattern[str] | None
    base_not_after: re.Pattern[str] | None
    background: re.Pattern[str] | None
    background_prefix: re.Pattern[str] | None
    background_suffix: re.Pattern[str] | None
    exceptions: re.Pattern[str] | None
    # One search for what two or three of the above find in turn, where only whether
    # any of them matches counts at first (whole-sentence negation; loose cues).
    negated_any: re.Pattern[str] | None
    loose_any: re.Pattern[str] | None


@cache
def _patterns(flags: int = 0) -> _Patterns:
    """The compiled patterns (``flags``: ``re.ASCII`` for the twins of :func:`_for`)."""
    d = read_json("events", "modality.json")

    def join(patterns: list[str]) -> re.Pattern[str] | None:
        return _join(patterns, flags)

    return _Patterns(
        window=int(d["window"]),
        neg_prefix=join(d["negated"]["prefix"]),
        neg_sentence=join(d["negated"]["sentence"]),
        neg_sentence_only=join(d["negated_sentence_only"]),
        casualty=join(d["casualty_negation"]),
        hyp_prefix=join(d["hypothetical"]["prefix"]),
        hyp_sentence=join(d["hypothetical"]["sentence"]),
        base_forms=frozenset(d["hypothetical"].get("base_form", {}).get("triggers", ())),
        base_before=join(d["hypothetical"].get("base_form", {}).get("before", [])),
        base_not_after=join(d["hypothetical"].get("base_form", {}).get("not_after", [])),
        background=join(d["background"]["sentence"]),
        background_prefix=join(d["background"].get("prefix", [])),
        background_suffix=join(d["background"].get("suffix", [])),
        exceptions=join(d["background"]["exceptions"]),
        negated_any=join(d["negated"]["sentence"] + d["casualty_negation"]),
        loose_any=join(d["negated_sentence_only"] + d["hypothetical"]["prefix"]
                        + d["hypothetical"]["sentence"]),
    )


def load_patterns() -> None:
    """Compile both sets of patterns now. Each is otherwise compiled when first needed,
    the Unicode set at the first non-ASCII sentence: some way into a run, a stall of tens
    of milliseconds that belongs with the other resources loaded at start-up."""
    _patterns()
    _patterns(re.ASCII)


def is_background(
    text: str, reference_year: int | None = None, *, lowered: bool = False
) -> bool:
    """Whether ``text`` reads as history, statistics or a general description.

    ``lowered`` says ``text`` is already :func:`lower_keeping_offsets`'d.
    """
    return _background(text if lowered else lower_keeping_offsets(text), reference_year)


@lru_cache(maxsize=2048)
def _background(text: str, reference_year: int | None) -> bool:
    """:func:`is_background` of lower-cased ``text``, cached: a sentence is asked about
    for its own modality and again for each of its triggers."""
    p = _for(text)
    if p.background is None:
        return False
    for m in p.background.finditer(text):
        # The "in YYYY" pattern names its year: a year not before the article's is news.
        year = m.group("year")
        if year is not None and reference_year is not None and int(year) >= reference_year:
            continue
        # An exception ("the deadliest since") overrules any background cue: looked for
        # only now, as most sentences have no background cue at all.
        return p.exceptions is None or p.exceptions.search(text) is None
    return False


def _clause_prefix(text: str, start: int, window: int) -> str:
    """The text of the trigger's clause before it, at most ``window`` characters."""
    # What follows the last break: the last piece of a split (which cuts at the same
    # matches as finditer, left to right, without building a match object for each).
    return _CLAUSE_BREAK_FAST.split(text[max(0, start - window):start])[-1]


def trigger_modality(
    text: str,
    start: int,
    end: int,
    *,
    reference_year: int | None = None,
    background: bool | None = None,
    lowered: bool = False,
) -> str:
    """Modality of the event trigger ``text[start:end]`` within its sentence ``text``.

    ``reference_year`` (the publication year) lets "in 2016" count as current news in a
    2016 article; without it any "in YYYY" reads as background. ``background`` passes a
    sentence-wide verdict already computed by :func:`is_background` (it is the same for
    every trigger of the sentence). ``lowered`` says ``text`` is already lower-cased by
    :func:`lower_keeping_offsets`.
    """
    if not lowered:
        text = lower_keeping_offsets(text)
    return _modality(text, start, end, _for(text), reference_year, background)


def trigger_modalities(text: str, spans: Sequence[tuple[int, int]], *,
                       reference_year: int | None = None, lowered: bool = False) -> tuple[str, ...]:
    """:func:`trigger_modality` of each trigger ``text[start:end]`` of ``spans``, all in
    one sentence ``text``: what the sentence needs (lower-casing, its patterns, whether
    it is background) is worked out once."""
    if not lowered:
        text = lower_keeping_offsets(text)
    p = _for(text)
    background = is_background(text, reference_year, lowered=True)
    out = [_modality(text, start, end, p, reference_year, background) for start, end in spans]
    # "there will not be any more bombings, terrorist attacks or murders": the items of a
    # list share the negation or the hypothesis said before its first item.
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for prev, cur in zip(order, order[1:], strict=False):
        if out[prev] in _LIST_SCOPED and out[cur] == "asserted" and \
                _listed_after(text, spans[prev][1], spans[cur][0], spans[cur][1]):
            out[cur] = out[prev]
    return tuple(out)


# What a list's first item says carries to the next items (background is the sentence's).
_LIST_SCOPED = ("negated", "hypothetical")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or|nor)\s+)?|(?:and|or|nor)\s+)(?:[a-z-]+\s+)?")


def _listed_after(text: str, prev_end: int, start: int, end: int) -> bool:
    """Whether the trigger ``text[start:end]`` is the next item of a list after a trigger
    ending at ``prev_end``: only a comma or a conjunction and at most one modifier between,
    and not a verb ("..., killing two": a clause of its own)."""
    if start < prev_end or _LIST_GAP.fullmatch(text, prev_end, start) is None:
        return False
    word = text[start:end].rsplit(" ", 1)[-1]
    return not word.endswith(("ed", "ing"))


def _modality(text: str, start: int, end: int, p: _Patterns, reference_year: int | None,
              background: bool | None) -> str:
    """:func:`trigger_modality` of lower-cased ``text`` whose patterns are ``p``."""
    prefix = _clause_prefix(text, start, p.window)
    if p.neg_prefix is not None and p.neg_prefix.search(prefix):
        return "negated"
    if p.neg_sentence is not None:
        # "denied that guerrillas attacked": the denial precedes the trigger.
        m = p.neg_sentence.search(text, 0, start)
        if m is not None:
            return "negated"
    if p.hyp_prefix is not None and p.hyp_prefix.search(prefix):
        return "hypothetical"
    if _unreal_base_form(text, start, end, p):
        return "hypothetical"
    # "talks are expected to resume": the future is said after the trigger.
    if p.hyp_sentence is not None and p.hyp_sentence.search(text, end, end + p.window):
        return "hypothetical"
    # "charged with murder", "five years after gunmen killed": read across clause breaks.
    if p.background_prefix is not None and p.background_prefix.search(
            text, max(0, start - p.window), start):
        return "background"
    # "a murder suspect", "face murder charges": the crime is named as a legal matter.
    if p.background_suffix is not None and p.background_suffix.match(text, start):
        return "background"
    if background if background is not None else is_background(text, reference_year,
                                                               lowered=True):
        return "background"
    return "asserted"


def _unreal_base_form(text: str, start: int, end: int, p: _Patterns) -> bool:
    """A trigger verb in its bare form ("arrest", "detain") after a modal or a directive
    earlier in the sentence ("should dismiss the government and arrest its members",
    "orders were faxed to the officers to detain and turn back the activists"): English
    reports a past event with the past form, so the bare verb is wished, ordered or
    planned, even where a conjunction hides it from the clause-local prefix. A noun
    ("after the arrest of") is left alone."""
    if p.base_before is None or text[start:end] not in p.base_forms:
        return False
    lo = max(0, start - p.window - 30)
    if p.base_not_after is not None and p.base_not_after.search(text, lo, start):
        return False
    sentence_start = max(text.rfind(".", 0, start), text.rfind(";", 0, start)) + 1
    return p.base_before.search(text, max(lo, sentence_start), start) is not None


# Sentences (with their reference year) that event typing has already found to hold an
# asserted trigger: :func:`sentence_modality` then knows the answer of
# :func:`_has_asserted_trigger` without its loose-cue search. Only a memo, so it is simply
# emptied when it grows large.
_ASSERTED: set[tuple[str, int | None]] = set()
_ASSERTED_MAX = 4096


def note_asserted(text: str, reference_year: int | None) -> None:
    """Record that some event trigger of ``text`` is asserted (called by event typing,
    which computes every trigger's modality anyway)."""
    if len(_ASSERTED) >= _ASSERTED_MAX:
        _ASSERTED.clear()
    _ASSERTED.add((text, reference_year))


@lru_cache(maxsize=512)
def _has_asserted_trigger(text: str, reference_year: int | None) -> bool:
    """Whether some event trigger of ``text`` is asserted in its own clause."""
    from .typing import classify_sentence  # typing imports this module

    return any(m.modality == "asserted"
               for m in classify_sentence(text, reference_year=reference_year))


def sentence_modality(text: str, *, reference_year: int | None = None) -> str:
    """Modality of a sentence: ``asserted``, ``negated``, ``hypothetical`` or ``background``."""
    return _sentence_modality(text, reference_year)


@lru_cache(maxsize=2048)
def _sentence_modality(text: str, reference_year: int | None) -> str:
    raw, text = text, lower_keeping_offsets(text)
    p = _for(text)
    if p.negated_any is not None and p.negated_any.search(text):  # neg_sentence, casualty
        return "negated"
    # A loose cue ("were not", "would", "if") anywhere in a long sentence says nothing
    # about an event the sentence asserts elsewhere ("police arrested 17 men minutes
    # before they were to board a train ... the party would send more"): when a trigger
    # of the sentence is asserted in its own clause, the sentence is not negated or
    # hypothetical.
    # A sentence in which typing already found an asserted trigger skips the loose-cue
    # search (one of the costliest): its answer could not change the label.
    if p.loose_any is not None and (raw, reference_year) not in _ASSERTED \
            and p.loose_any.search(text):
        # Some loose cue is said: unless a trigger is asserted (the original text is
        # typed: its triggers are cached for the frames that follow), which pattern
        # names it first decides the label.
        if not _has_asserted_trigger(raw, reference_year):
            loose = (pat for pat in (p.neg_sentence_only, p.hyp_prefix, p.hyp_sentence) if pat)
            first = next((pat is p.neg_sentence_only for pat in loose if pat.search(text)),
                         None)
            if first is not None:
                return "negated" if first else "hypothetical"
    if is_background(text, reference_year, lowered=True):
        return "background"
    return "asserted"
