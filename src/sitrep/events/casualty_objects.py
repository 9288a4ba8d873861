"""Who a casualty verb is said of, when it is not the noun phrase next to it.

The walks of :mod:`sitrep.events.casualties` take the counted phrase after an active
verb or before a passive one; these helpers read the cases that need more:

- an active past with its object ("one of the officers shot the suspect", "fatally shot
  LeGrier"): the subject acts, it is no casualty (:func:`takes_object`);
- a named or bare object in headlines and reports ("shot LeGrier", "Cop shoots and wounds
  robbery suspect"): one person (:func:`named_object`, :func:`bare_object`);
- a relative clause with a subject of its own ("the man who police fatally shot"): its
  head noun is the one hit (:func:`object_relative_head`).

Every helper reads one :class:`~sitrep.events.casualty_phrases.SentenceTokens` by token
index and returns a :class:`~sitrep.events.casualty_phrases.Phrase` (or a yes/no); the
extractor emits it.
"""

from __future__ import annotations

from .casualty_phrases import Phrase, SentenceTokens

__all__ = ["REFLEXIVE", "SAYING", "bare_object", "named_object", "object_relative_head",
           "takes_object"]

# A reflexive object: the subject is the one killed or shot ("killed himself").
REFLEXIVE = frozenset(("himself", "herself"))
# Verbs of saying between "who" and a verb: "a man who police say shot at officers".
SAYING = frozenset(("say", "says", "said", "allege", "alleged", "believe", "believed"))
# Words that open a verb's direct object right after it: "officers shot the suspect".
_DIRECT_OBJECT = frozenset(("the", "his", "her", "him", "them", "their", "its", "a", "an",
                            "another", "two", "three", "several"))
# Nouns of time after "the": "two men shot the night before" is still passive.
_TIME_NOUNS = frozenset(("night", "day", "morning", "evening", "afternoon", "weekend", "week",
                         "month", "year", "previous", "next", "same", "following", "other"))
# Capitalised words after a verb that name a time, not a person ("killed Monday").
_CALENDAR = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "january", "february", "march", "april", "may", "june",
                       "july", "august", "september", "october", "november", "december",
                       "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct",
                       "nov", "dec", "christmas", "easter", "thanksgiving", "new", "last",
                       "this", "early", "late"))
_RELATIVE_SUBJECT_SPAN = 3  # tokens: "who [the officer] shot"


def named_object(sent: SentenceTokens, k: int, verb_start: int) -> bool:
    """A capitalised name at token ``k`` right after a lower-case verb starting at
    ``verb_start`` ("shot LeGrier"; not a headline's "Shot Fired", nor capitals copy),
    not a day or month ("killed Monday")."""
    if k >= len(sent.toks) or sent.word(k) in _CALENDAR:
        return False
    return sent.text[sent.toks[k][0]].isupper() and sent.word(k).isalpha() and \
        sent.text[verb_start].islower()


def takes_object(sent: SentenceTokens, t1: int) -> bool:
    """A participle ending at token ``t1``, with no auxiliary, followed by a direct object
    is an active past tense ("officers shot the suspect", "shot and struck the man",
    "fatally shot LeGrier"): its subject acts."""
    k = t1 + 1
    if sent.word(k) == "and" and sent.word(k + 1).endswith(("ed", "ck", "uck")):
        k += 2  # "shot and struck the man"
    return sent.word(k) in _DIRECT_OBJECT and sent.word(k + 1) not in _TIME_NOUNS \
        or named_object(sent, k, sent.toks[t1][0])


def bare_object(sent: SentenceTokens, k: int) -> Phrase | None:
    """A person noun with no determiner at token ``k``, after at most two modifiers
    ("kills teenager", "wounds armed robbery suspect"): one person, as headlines tell
    them."""
    lex = sent.lex
    for j in range(k, min(k + 3, len(sent.toks))):
        w = sent.word(j)
        if w in lex.singular:
            s, e = sent.toks[k][0], sent.toks[j][1]
            side, group, _ = sent.side_and_group(j, j)
            return Phrase(s, e, 1, 1, 1, k, j, group or w, side, False, None)
        if not w.isalpha() or w in lex.stop or w in _DIRECT_OBJECT:
            return None
    return None


def object_relative_head(sent: SentenceTokens, i: int) -> Phrase | None:
    """"the man who police fatally shot", "two villagers whom soldiers killed": when the
    words ending at token ``i`` (just before the verb) are the subject of a relative
    clause, its head noun is the one shot or killed. None when there is no such clause
    ("who police say shot" keeps "who" as the shooter)."""
    lex = sent.lex
    for r in range(i - 1, max(-1, i - 1 - _RELATIVE_SUBJECT_SPAN), -1):
        w = sent.word(r)
        if w in ("who", "whom"):
            break
        if not w.isalpha() or w in SAYING or w in lex.aux:
            return None
    else:
        return None
    head = r - 1 if sent.word(r - 1) != "," else r - 2  # "Smith, who police shot"
    np = sent.np_backward(head)
    if np is None and sent.word(head) in lex.singular:
        s, e, _ = sent.toks[head]
        side, _, _ = sent.side_and_group(head, head)
        np = Phrase(s, e, 1, 1, 1, head, head, sent.word(head), side, False, None)
    return np if np is not None else sent.name_backward(head)

