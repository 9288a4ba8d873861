"""The casualty lexicon (``data/casualties/casualties.json``) compiled once per process.

Kept apart from the extraction rules so that the rules read as grammar and the words
stay data: triggers by class and kind, the nouns that name each side, fillers that may
sit between a counted noun phrase and its verb, hypothetical and negation markers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from ..nlp.case_odd import twin_exact
from ..nlp.lexicon import read_json
from ..nlp.numbers import alternation as _alt
from ..nlp.word_starts import matches_at, starts_pattern

__all__ = ["CasualtyLexicon", "casualty_lexicon", "caseless_finditer"]

TRIGGER_CLASSES = ("participle", "active", "intransitive", "noun", "single")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())


@dataclass(frozen=True, slots=True)
class CasualtyLexicon:
    """Compiled patterns and word sets; build with :func:`casualty_lexicon`."""

    triggers: re.Pattern[str]
    # The same, case-sensitive, for lower-cased text: Python's IGNORECASE over a large
    # alternation costs about three times as much (see :func:`caseless_finditer`).
    triggers_lower: re.Pattern[str]
    trigger_class: dict[str, tuple[str, str]]  # form -> (class, kind)
    toll: re.Pattern[str]
    toll_lower: re.Pattern[str]  # (each ``_lower`` twin: the same, for lower-cased text)
    toll_verbs: frozenset[str]
    update_verbs: re.Pattern[str]
    zero_nouns: re.Pattern[str]
    zero_nouns_lower: re.Pattern[str]
    zero_kinds: dict[str, tuple[str, ...]]
    fillers: frozenset[str]
    aux: frozenset[str]
    hypothetical: frozenset[str]
    blockers: frozenset[str]
    negation: frozenset[str]
    zero_subjects: frozenset[str]
    total_before: re.Pattern[str]
    total_after: re.Pattern[str]
    side_of: dict[str, str]
    heads: frozenset[str]
    generic_heads: frozenset[str]
    singular: frozenset[str]
    pronouns_one: frozenset[str]
    boundaries: frozenset[str]
    stop: frozenset[str]
    single_not_before: frozenset[str] = frozenset()
    single_not_after: frozenset[str] = frozenset()
    # "with a gunshot wound", "suffered injuries": a wound told, of someone who may die.
    wound_forms: frozenset[str] = frozenset()
    # "in 2 months", "so far this year": a span of time that makes a perfect-tense count
    # a running tally ("five judges have been killed in 2 months"), not a toll.
    statistic: re.Pattern[str] | None = None
    # Where in lower-cased text one of the ``_lower`` twins can match (the ends of this
    # scan's matches; see :func:`caseless_finditer`), or None to scan with each twin.
    starts_lower: re.Pattern[str] | None = None

    def kind_of(self, form: str) -> tuple[str, str]:
        """``(class, kind)`` of a matched trigger form."""
        return self.trigger_class[_norm(form)]


# Words that end a noun phrase when walking over modifiers.
_STOP = ("a an and or but the this that these those who whom which whose in on at by for from "
         "with without into onto over under after before during near when while as of to than "
         "said says say told reported his her their its our my your it they them he she we i "
         "not no never also was were is are be been being have has had will would could should "
         "may might can did do does").split()


def _wound_phrases(spec: dict[str, list[str]]) -> list[str]:
    """Every "<prefix> <determiner> <adjective> <noun>" of ``spec`` ("with a gunshot
    wound", "suffered non-life threatening injuries") and "<verb> to <hospital>" ("taken
    to a hospital"), single-spaced."""
    out = [" ".join(w for w in (p, d, a, n) if w)
           for p in spec["prefixes"] for d in spec["determiners"]
           for a in spec["adjectives"] for n in spec["nouns"]]
    # "was taken to a hospital", "rushed to the hospital".
    hospital = spec.get("hospital") or {}
    return out + [f"{v} to {h}" for v in hospital.get("verbs", ())
                  for h in hospital.get("places", ())]


# Letters of a trigger form the shared first scan looks ahead for (see above).
_KEY_CHARS = 10


@cache
def casualty_lexicon() -> CasualtyLexicon:
    """The lexicon, loaded and compiled once per process."""
    d = read_json("casualties", "casualties.json")
    trigger_class: dict[str, tuple[str, str]] = {}
    for cls in reversed(TRIGGER_CLASSES):  # participle wins when a form is in two classes
        for form, kind in d["triggers"][cls].items():
            trigger_class[form] = (cls, kind)
    wound_forms = frozenset(_wound_phrases(d["wound_phrases"]))
    for form in wound_forms:
        trigger_class.setdefault(form, ("intransitive", "wounded"))
    side_of: dict[str, str] = {}
    for side, words in d["sides"].items():
        for w in words:
            side_of.setdefault(w, side)
    generic = frozenset(d["unknown_heads"])
    # A singular person noun heads a counted phrase too ("the homeowner was shot").
    heads = frozenset(side_of) | generic | frozenset(d["singular"])
    # (The words of the wound phrases are left out: "two local journalists" is a
    # counted phrase though "taken to a local hospital" tells a wound.)
    trigger_words = {w for form in trigger_class if form not in wound_forms
                     for w in form.split()}
    flags = re.IGNORECASE
    # Each pattern is a word boundary and a body that opens a word.
    bodies = (rf"(?:{_alt(trigger_class)})(?![\w-])", rf"(?:{_alt(d['toll'])})(?![\w-])",
              rf"(?:no|without|zero)\s+(?:(?:reported|immediate|other|further|serious|major|"
              rf"human|known)\s+)?(?P<noun>{_alt(d['zero_nouns'])})\b")
    triggers, toll, zero = (rf"\b(?<!-){bodies[0]}", rf"\b(?<!-){bodies[1]}", rf"\b{bodies[2]}")
    # The three lower-case scans share one first scan for where a word can open a match
    # (see :mod:`sitrep.nlp.word_starts`): sound only if every form opens with a letter
    # or digit (a form opening with a hyphen, say, could match after a letter).
    word_initial = all(re.match(r"\w", f) for f in (*trigger_class, *d["toll"]))
    # (For the triggers the first scan looks ahead for their first letters only: where a
    # form matches its first letters do, and the few hundred keys compile in a tenth of
    # the time of the thousands of forms, at the same speed of scanning.)
    # (Only letters of lower-case forms may be matched case-sensitively on lower-cased text.)
    for name, pattern in (("trigger", triggers), ("toll", toll), ("zero noun", zero)):
        if any(c.isupper() for c in re.sub(r"\\.|\(\?P<\w+>", "", pattern)):
            raise ValueError(f"casualties.json: {name} forms must be lower case")
    return CasualtyLexicon(
        triggers=re.compile(triggers, flags),
        triggers_lower=re.compile(triggers),
        starts_lower=starts_pattern((_alt({f[:_KEY_CHARS] for f in trigger_class}), *bodies[1:]))
        if word_initial else None,
        trigger_class=trigger_class,
        toll=re.compile(toll, flags),
        toll_lower=re.compile(toll),
        toll_verbs=frozenset(d["toll_verbs"]),
        update_verbs=re.compile(rf"\b(?:{_alt(d['update_verbs'])})\b", flags),
        zero_nouns=re.compile(zero, flags),
        zero_nouns_lower=re.compile(zero),
        zero_kinds={k: tuple(v) for k, v in d["zero_nouns"].items()},
        fillers=frozenset(d["fillers"]),
        aux=frozenset(d["aux"]),
        hypothetical=frozenset(d["hypothetical"]),
        blockers=frozenset(d["blockers_before_np"]) | frozenset(d["hypothetical"]),
        negation=frozenset(d["negation"]),
        zero_subjects=frozenset(d["zero_subjects"]),
        total_before=re.compile(rf"(?:{_alt(d['total_markers_before'])})\s*$", flags),
        total_after=re.compile(rf"^\W*(?:{_alt(d['total_markers_after'])})\b", flags),
        side_of=side_of,
        heads=heads,
        generic_heads=frozenset({"people", "persons", "person", "individuals", "others"}),
        singular=frozenset(d["singular"]),
        pronouns_one=frozenset(d["pronouns_one"]),
        boundaries=frozenset(d["boundaries"]),
        stop=frozenset(_STOP) | trigger_words | frozenset(d["aux"]),
        single_not_before=frozenset(d.get("single_not_before", ())),
        single_not_after=frozenset(d.get("single_not_after", ())),
        wound_forms=wound_forms,
        statistic=re.compile("|".join(f"(?:{x})" for x in d["statistic_spans"]), flags)
        if d.get("statistic_spans") else None,
    )


def caseless_finditer(pattern: re.Pattern[str], lower_pattern: re.Pattern[str], text: str,
                      lowered: str, starts: Sequence[int] | None = None
                      ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` (an IGNORECASE pattern), found faster: the case-sensitive
    ``lower_pattern`` scans ``lowered`` (``text.lower()``) and each hit is matched again at
    its place in ``text``, so the match objects are the same. Falls back to the plain
    scan when lower-casing changed the length (offsets would shift) or the text holds a
    letter that IGNORECASE equates with an ASCII letter in another way (see
    :mod:`sitrep.nlp.case_odd`). ``starts``: every position of ``lowered`` but 0 where
    ``lower_pattern`` can match (from :attr:`CasualtyLexicon.starts_lower`), when known."""
    if not twin_exact(text, lowered):
        yield from pattern.finditer(text)
        return
    hits = lower_pattern.finditer(lowered) if starts is None else \
        matches_at(lower_pattern, lowered, starts)
    for hit in hits:
        m = pattern.match(text, hit.start())
        if m is not None:
            yield m
