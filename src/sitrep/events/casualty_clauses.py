"""What stands between a casualty verb and its counted subject, and running tallies.

The walks of :mod:`sitrep.events.casualties` find a count before its verb ("36 attackers
were killed"); these helpers step over what may come between:

- a relative clause or a participle phrase: "17 activists who tried to enter the town
  were arrested", "seven guards travelling aboard a bus were killed";
- names in apposition before the relative clause: "two of her bodyguards, Dagoberto
  Rodriguez and Alfonso de Lima, who were inside the car, were killed";
- an aside in dashes or brackets: "two missionaries -- aged 19 and 21 -- were shot";
- persons named one by one: "John Smith and Mary Jones were killed", "Smith, 25, and
  Jones, 31, were shot dead" (:func:`named_list`).

:func:`is_tally` tells a running tally ("five judges have been killed in 2 months") from
an incident's toll, and :func:`is_campaign_total` a campaign's ("we have inflicted 1,902
dead").
"""

from __future__ import annotations

import re

from ..article import CountMention
from .casualty_phrases import Phrase, SentenceTokens

__all__ = ["CLOSERS", "before_apposition", "before_parenthesis", "in_perfect",
           "is_campaign_total", "is_tally", "named_list", "relative_head",
           "without_campaign_totals"]

# The end of an aside and the word that opens it.
CLOSERS = {")": "(", "-": "-", "\u2014": "\u2014", "\u2013": "\u2013"}
_APPOSITION_SPAN = 10  # tokens: how long a list of names in apposition may be
_RELATIVE_SPAN = 16  # tokens: how long a relative clause between a count and its verb may be
# A participle that opens a phrase after a noun ("guards travelling aboard a bus").
_PARTICIPLE = re.compile(r"[a-z]{3,}ing")
# Small words inside a person's name ("Alfonso de Lima").
_NAME_PARTICLES = frozenset(("and", "de", "del", "la", "van", "von", "bin"))
# Subject pronouns: just before a verb, the verb's own subject ("where he shot").
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "you"))
# The perfect just before a trigger: "have been killed", "has now killed", "had died".
_PERFECT = re.compile(r"\b(?:have|has|had|'ve)\s+(?:(?:also|now|already|reportedly|"
                      r"allegedly|been)\s+)*$", re.IGNORECASE)
# Prepositions that open a phrase after a counted noun: "two of her bodyguards from the
# security department were killed", "three soldiers on patrol were wounded".
_POSTMODIFIER_PREPOSITIONS = frozenset(("from", "of", "in", "at", "on", "with", "near",
                                        "inside", "aboard", "outside"))
_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "our", "of", "these",
                          "those", "this", "that"))
_POSTMODIFIER_SPAN = 7  # tokens: how long such a phrase may be
# A present perfect just before a count: "have inflicted 1,902 dead", "has left 1,500
# dead"; or just before its verb: "1,500 people have been killed".
_PRESENT_PERFECT = re.compile(r"\b(?:have|has|'ve)\s+(?:(?:also|now|already|reportedly|"
                              r"allegedly|been)\s+)*$", re.IGNORECASE)
_DAY_SAID = re.compile(r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                       r"sunday|yesterday|today|tonight|last\s+night)\b", re.IGNORECASE)
_PERFECT_VERB = re.compile(r"\b(?:have|has|'ve)\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|t|ft)\s+"
                           r"(?:(?:at\s+least|more\s+than|over|some|about|nearly|almost|"
                           r"approximately)\s+)?$", re.IGNORECASE)
_CAMPAIGN_FIGURE = 1000  # a toll this large told in the perfect is a campaign's
# Between two figures of one list: "1,902 dead, 1,209 wounded".
_LISTED = re.compile(r"\s*(?:,|,?\s+and)\s*")
_CLAUSE_BREAK = re.compile(r"[,;:(]|\s[-\u2013\u2014]\s")


def relative_head(sent: SentenceTokens, i: int) -> int | None:
    """"17 activists who tried to enter the town were arrested", "Six villagers, who had
    gone to fetch water, were abducted", "two soldiers from the fifth brigade were
    killed": the verb's subject is the head noun before "who" or the preposition (the
    token index of its end), when the words just before the verb (ending at
    ``i``) hold no figure of their own; None when there is no such head."""
    if sent.word(i) in _SUBJECT_PRONOUNS:
        return None  # "an accident near the road where he shot ...": the verb has its subject
    direct = sent.np_backward(i) if sent.word(i) != "," else None
    if direct is not None and direct.qstart is not None:
        return None
    if sent.word(i) != ",":
        # "two soldiers from the fifth brigade were killed": a phrase after the subject.
        k = _before_postmodifier(sent, i)
        if k >= 0:
            return k
    for j in range(i, max(-1, i - _RELATIVE_SPAN), -1):
        w = sent.word(j)
        if w in (";", ":", "."):
            return None
        if w in ("who", "whom"):
            if j == i:
                return None  # "two men who shot ...": "who" is the verb's own subject
            k = head = j - 1 if sent.word(j - 1) != "," else j - 2
            np = sent.np_backward(k) if k >= 0 else None
            if np is None and sent.word(j - 1) == ",":
                k = before_apposition(sent, k)
                np = sent.np_backward(k) if k >= 0 else None
            if np is None and head >= 0:
                # "six students of the university, who ...": the head before its phrase
                k = _before_postmodifier(sent, head)
                np = sent.np_backward(k) if k >= 0 else None
            return k if np is not None and np.qstart is not None else None
        if j < i and j > 0 and _PARTICIPLE.fullmatch(w):
            # "seven guards travelling aboard a bus were killed", "the person driving the
            # vehicle was also killed": a participle phrase after the subject.
            np = sent.np_backward(j - 1)
            if np is not None and (np.qstart is not None or np.value == 1
                                   and sent.word(j - 1) in sent.lex.singular):
                return j - 1
    return None


def _before_postmodifier(sent: SentenceTokens, i: int) -> int:
    """The end of a counted noun phrase followed by a prepositional phrase that ends at
    ``i`` ("two of her bodyguards [from the security department]", "three soldiers [on
    patrol near the border]"), or -1. The phrase holds no comma, verb or relative
    pronoun: it is a short noun phrase ending in a noun ("one of the dead" is none)."""
    if sent.word(i) in _DETERMINERS:
        return -1
    for j in range(i, max(0, i - _POSTMODIFIER_SPAN), -1):
        w = sent.word(j)
        if w in _POSTMODIFIER_PREPOSITIONS and j < i:
            np = sent.np_backward(j - 1)
            if np is not None and np.qstart is not None:
                return j - 1
        elif not w.isalnum() or w in ("who", "whom", "that", "which") or w in sent.lex.aux:
            return -1
    return -1


def before_parenthesis(sent: SentenceTokens, i: int) -> int:
    """The token before an aside in dashes or brackets that ends at ``i`` ("two
    missionaries -- aged 19 and 21 -- were shot"); ``i`` itself when there is none."""
    close = sent.word(i)
    opener = CLOSERS[close]
    j = i - 1
    while sent.word(j) == close and close != ")":
        j -= 1  # "--": a dash of two tokens
    for k in range(j, max(-1, j - _RELATIVE_SPAN), -1):
        w = sent.word(k)
        if w in (";", ":", ".") or w in CLOSERS and w != close:
            return i
        if w == opener:
            while sent.word(k - 1) == opener and opener != "(":
                k -= 1
            return k - 1
    return i


def before_apposition(sent: SentenceTokens, k: int) -> int:
    """The token before an apposition of names that ends at ``k`` ("two of her
    bodyguards, Dagoberto Rodriguez and Alfonso de Lima, who ..."), or -1."""
    for c in range(k, max(-1, k - _APPOSITION_SPAN), -1):
        w = sent.word(c)
        if w == ",":
            return c - 1 if c < k else -1
        if w not in _NAME_PARTICLES and not (sent.text[sent.toks[c][0]].isupper()
                                             and w.isalpha()):
            return -1
    return -1


def _skip_aside(sent: SentenceTokens, k: int) -> int:
    """Before an age or an apposition that ends with the comma at ``k`` ("Jones, 31,",
    "Hilda Flores, a Guatemalan politician,"): the token before its opening comma; ``k``
    when there is none."""
    if sent.word(k) != ",":
        return k
    c = k - 1
    while c > 0 and k - c <= _APPOSITION_SPAN and sent.word(c) not in (",", "and"):
        c -= 1
    if sent.word(c) == "," and c < k - 1 and (sent.word(c + 1) in ("a", "an", "the")
                                             or sent.word(c + 1).isdigit()):
        return c - 1
    return k


def named_list(sent: SentenceTokens, i: int) -> list[Phrase]:
    """Persons named one by one before a plural verb, the last ending at ``i`` ("John
    Smith and Mary Jones were killed", "Smith, 25, and Jones, 31, were shot"): one
    phrase each, or nothing unless two or more are joined by "and"."""
    names: list[Phrase] = []
    joined = False
    k = _skip_aside(sent, i)
    for _ in range(4):
        np = sent.name_backward(k, after_and=True)
        if np is None:
            break
        names.append(np)
        k = np.first_tok - 1
        if sent.word(k) == "and":
            joined = True
            k -= 1
        elif sent.word(k) != ",":
            break
        k = _skip_aside(sent, k)
        if sent.word(k) == ",":
            k -= 1  # "Smith, Jones and Brown"
    return names if joined and len(names) >= 2 else []


def in_perfect(text: str, c: CountMention) -> bool:
    """Whether the count is told in the perfect ("have been killed", "has now died")."""
    start = c.trigger_start if c.trigger_start is not None else c.start
    window = text[max(0, start - 40):start].lower()  # (a cheap test spares the regex)
    return ("ha" in window or "'ve" in window) and bool(_PERFECT.search(window))


def is_campaign_total(text: str, c: CountMention) -> bool:
    """Thousands told in the perfect ("we have inflicted 1,902 dead", "the war has killed
    1,500 people"): a campaign's running total, no incident's toll (ACLED codes no
    event from it)."""
    if (c.value or 0) < _CAMPAIGN_FIGURE:
        return False
    start = c.trigger_start if c.trigger_start is not None else c.start
    before = min(start, c.start)
    # (The pluperfect narrates: "police had detained 1,000 persons on Friday"; so does a
    # day said with the figure.)
    return bool(_PRESENT_PERFECT.search(text, max(0, start - 40), start)
                or _PERFECT_VERB.search(text, max(0, before - 40), before)) \
        and not _DAY_SAID.search(text, c.start, c.end + 40)


def is_tally(text: str, c: CountMention, spans: list[tuple[int, int]]) -> bool:
    """A count told in the perfect ("five judges have been killed", "have killed 200
    people") with a span of time (``spans``, offsets in ``text``) before it, or after it
    in its clause ("in 2 months", "So far this year, ..."): a running tally over many
    incidents, no incident's toll. (Not "two people have been killed ..., the city's
    12th homicide this year": the span after a comma tells of something else.)"""
    if not in_perfect(text, c):
        return False
    return any(e <= c.start or s >= c.end and not _CLAUSE_BREAK.search(text, c.end, s)
               for s, e in spans)


def without_campaign_totals(text: str, counts: list[CountMention]) -> list[CountMention]:
    """``counts`` (sorted by start) less campaign totals and the figures listed right
    after them ("we have inflicted 1,902 dead, 1,209 wounded")."""
    kept: list[CountMention] = []
    last: CountMention | None = None
    for c in counts:
        if is_campaign_total(text, c) or last is not None \
                and c.sentence_index == last.sentence_index \
                and _LISTED.fullmatch(text, last.end, c.start):
            last = c
            continue
        kept.append(c)
    return kept
