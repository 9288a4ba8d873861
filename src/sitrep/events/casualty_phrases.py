"""Counted noun phrases around a casualty word: "at least 55 people", "him", "Smith".

A :class:`SentenceTokens` is one sentence tokenised, with its quantities indexed by token
boundaries, and the walks that find a counted phrase before a trigger ("36 attackers
were killed") or after it ("killed 36 attackers"). Used by
:mod:`sitrep.events.casualties`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..article import Sentence
from ..nlp.article_lower import lower_of
from ..nlp.lexicon import read_json
from ..nlp.numbers import Quantity, find_quantities
from .casualty_lexicon import CasualtyLexicon

__all__ = ["MAX_FILLERS", "Phrase", "SentenceTokens"]

# (An abbreviation with its dots is one word: "two U.S. citizens", "three U.N. staff".)
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Za-z]\.){2,}(?!\w)|\w+(?:[-'\u2019.]\w+)*"
                    r"|[^\w\s]")
_MAX_MODIFIERS = 5
# Words that cannot come just before a subject named in capitals: articles and
# possessives ("THE CAR WAS SHOT"), prepositions ("STATE OF SIEGE", "IN SAN SALVADOR").
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "his", "her",
                          "its", "their", "our", "my", "your", "some", "any", "no", "every",
                          "of", "in", "at", "on", "from", "to", "for", "by", "with", "into"))
MAX_FILLERS = 6
# Before capitalised words, these make them a place, not a subject.
_PLACE_PREPOSITIONS = frozenset(("to", "at", "in", "into", "from", "near", "on", "inside",
                                 "outside"))
_AGE_NOUN = re.compile(r"\d{1,3}-(?:years?|months?|weeks?)-old", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
# Month names and their abbreviations: a number after one is a day ("a Dec. 6 hunting
# accident", "the May 12 attack"), never a count of people.
_MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december", "jan", "feb",
                     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"))
# Plural nouns after a number that never count people.
_NOT_PEOPLE = frozenset(("years", "months", "weeks", "days", "hours", "minutes", "seconds",
                         "times", "rounds", "shots", "bullets", "houses", "homes", "vehicles",
                         "cars", "trucks", "buildings", "shops", "kilometres", "kilometers",
                         "miles", "metres", "meters", "dollars", "euros", "pounds", "tons",
                         "tonnes", "cases", "weapons", "rifles", "guns", "bombs", "grenades",
                         "mines", "rockets", "missiles", "shells", "attacks", "incidents",
                         "villages", "towns", "districts", "provinces", "states", "counts",
                         "charges", "points", "percent", "votes", "seats", "handguns", "pistols",
                         "shotguns", "firearms", "knives", "magazines", "cartridges",
                         "casings", "explosives", "kilograms", "pounds"))


@cache
def _common_words() -> frozenset[str]:
    """Common English words, which a name in capitals does not contain ("THE MURDER OF
    NATIONAL REGISTRY OFFICE STAFF" names no one)."""
    return frozenset(read_json("actors", "persons.json")["common_words"])


@dataclass(slots=True)
class Phrase:
    """A counted noun phrase found near a trigger."""

    start: int            # character offsets of the phrase
    end: int
    value: int | None
    low: int | None
    high: int | None
    first_tok: int        # token indexes, to continue a coordination walk
    last_tok: int
    group: str | None
    side: str
    weak_total: bool      # no head noun, or a generic one ("people")
    qstart: int | None    # start of the quantity (the claim key), None for pronouns


class SentenceTokens:
    """One sentence tokenised, with its quantities indexed by token boundaries."""

    def __init__(self, text: str, sent: Sentence, lex: CasualtyLexicon) -> None:
        self.text = text
        self.sent = sent
        self.lex = lex
        # An age used as a noun ("a 15-year-old was shot") names one person: it reads
        # as the word "person".
        # (An age noun has hyphens: the cheap test spares the regex for most words.)
        self.toks: list[tuple[int, int, str]] = [
            (m.start(), m.end(), "person" if "-" in (g := m.group()) and _AGE_NOUN.fullmatch(g)
             else g.lower())
            for m in _TOKEN.finditer(text, sent.start, sent.end)]
        self.by_start = {t[0]: i for i, t in enumerate(self.toks)}
        self.by_end = {t[1]: i for i, t in enumerate(self.toks)}
        quantities = find_quantities(text, sent.start, sent.end, articles=True,
                                     lowered=lower_of(text))  # (the article's, made once)
        self.q_start: dict[int, Quantity] = {q.start: q for q in quantities}
        self.q_end: dict[int, Quantity] = {q.end: q for q in quantities}

    def word(self, i: int) -> str:
        return self.toks[i][2] if 0 <= i < len(self.toks) else ""

    def is_modifier(self, i: int) -> bool:
        w = self.word(i)
        return (bool(w) and w[0].isalnum() and w not in self.lex.stop
                and not w.isdigit())

    # ----- noun phrases -------------------------------------------------------------

    def side_and_group(self, q_end_tok: int, last: int) -> tuple[str, str | None, bool]:
        """Side, group text and whether the head is generic, for tokens after the
        quantity up to ``last`` (inclusive)."""
        lex = self.lex
        words = [self.word(k) for k in range(q_end_tok, last + 1)]
        if not words:
            return "unknown", None, True
        head = words[-1]
        side = lex.side_of.get(head)
        if side is None:
            for w in reversed(words):
                if w in lex.side_of:
                    side = lex.side_of[w]
                    break
        group = self.text[self.toks[q_end_tok][0]:self.toks[last][1]]
        generic = head in lex.generic_heads or head not in lex.heads
        return side or "unknown", group, generic

    def np_forward(self, k: int) -> Phrase | None:
        """A counted noun phrase starting at token ``k`` ("36 attackers", "him")."""
        lex = self.lex
        w = self.word(k)
        if not w:
            return None
        s, e, _ = self.toks[k]
        if w in ("his", "her", "their", "the") and self.toks[k + 1:] and \
                self.toks[k + 1][0] in self.q_start:
            return self.np_forward(k + 1)  # "killing his five young children"
        if w in ("him", "her") or w in ("the", "his", "her", "their"):
            head = k + 1 if w != "him" else k
            if w == "him" or (w == "her" and self.word(k + 1) not in lex.singular):
                return Phrase(s, e, 1, 1, 1, k, k, w, "unknown", False, None)
            if self.word(head) in lex.singular:
                side, _, _ = self.side_and_group(head, head)
                return Phrase(s, self.toks[head][1], 1, 1, 1, k, head,
                           self.text[s:self.toks[head][1]], side, False, None)
            return None
        q = self.q_start.get(s)
        if q is None:
            return None
        j = self.by_start.get(self._next_tok_start(q.end), len(self.toks))
        first_after = j
        if self.word(j) == "of" and self.word(j + 1) in ("the", "them", "those", "these"):
            j += 2 if self.word(j + 1) == "the" else 1
            if self.word(j - 1) == "them":
                return Phrase(q.start, self.toks[j - 1][1], q.value, q.low, q.high, k, j - 1,
                           "of them", "unknown", True, q.start)
        last_head = None
        n = 0
        while j < len(self.toks) and n < _MAX_MODIFIERS + 2:
            wj = self.word(j)
            if wj in lex.heads:
                last_head = j
            elif wj == "of" and last_head is not None and self.word(j + 1) == "the":
                j += 1
            elif not self.is_modifier(j):
                break
            j += 1
            n += 1
        if last_head is None and self._plural_noun(first_after) \
                and q.text.lower() not in ("a", "an"):
            last_head = first_after  # "the six Jesuits": a plural noun after a number
        if last_head is None:
            if q.text.lower() in ("a", "an") or (self.word(first_after)
                                                 and self.word(first_after) not in lex.boundaries):
                return None
            return Phrase(q.start, q.end, q.value, q.low, q.high, k,
                       first_after - 1, None, "unknown", True, q.start)
        if q.text.lower() in ("a", "an") and self.word(last_head) not in lex.singular:
            return None
        side, group, generic = self.side_and_group(first_after, last_head)
        return Phrase(q.start, self.toks[last_head][1], q.value, q.low, q.high, k, last_head,
                   group, side, generic, q.start)

    def np_backward(self, i: int) -> Phrase | None:
        """A counted noun phrase ending at token ``i`` ("at least 55 people", "no one")."""
        lex = self.lex
        w = self.word(i)
        if not w or i < 0:
            return None
        s, e, _ = self.toks[i]
        if w in lex.zero_subjects:
            return Phrase(s, e, 0, 0, 0, i, i, w, "unknown", True, s)
        if w in ("he", "she"):
            return Phrase(s, e, 1, 1, 1, i, i, w, "unknown", False, None)
        q = self.q_end.get(e)
        if q is not None and w not in lex.heads:
            return self._with_quantity(q, None, i)
        if w not in lex.heads:
            # "the six Jesuits were killed", "two Mormon missionaries": a plural noun
            # after a number and a few modifiers.
            if not self._plural_noun(i):
                return None
            for j in range(i - 1, max(-1, i - 2 - _MAX_MODIFIERS), -1):
                q = self.q_end.get(self.toks[j][1])
                if q is not None:
                    return self._with_quantity(q, i, j) \
                        if q.text.lower() not in ("a", "an") else None
                if not self.is_modifier(j):
                    return None
            return None
        j = i - 1
        n = 0
        while j >= 0 and n < _MAX_MODIFIERS + 2:
            q = self.q_end.get(self.toks[j][1])
            if q is not None:
                return self._with_quantity(q, i, j)
            wj = self.word(j)
            # "another man was shot": one person more (see casualty_toll's "another").
            if wj in ("the", "his", "her", "their", "its", "our", "another") \
                    and self.word(i) in lex.singular:
                if self.word(j - 1) == "of":
                    return None
                side, group, _ = self.side_and_group(j + 1, i)
                return Phrase(self.toks[j][0], e, 1, 1, 1, j, i, self.text[self.toks[j][0]:e],
                           side, False, None)
            if wj == "no":
                side, group, _ = self.side_and_group(j + 1, i)
                return Phrase(self.toks[j][0], e, 0, 0, 0, j, i, group, side, True,
                           self.toks[j][0])
            # "two of her bodyguards", "three of their children": a possessive inside.
            if wj in ("of", "the", "his", "her", "their", "its", "our") or wj in lex.heads \
                    or self.is_modifier(j):
                j -= 1
                n += 1
                continue
            return None
        return None

    def name_backward(self, i: int, *, after_and: bool = False) -> Phrase | None:
        """A subject named by capitalised words ("Malone Amason") or a bare singular
        headline noun ("Man shot, killed"): one person, counted weakly."""
        if i < 0:
            return None
        upper = self.text[self.sent.start:self.sent.end].isupper()
        j = i
        while j >= 0 and j > i - 4 and self._capitalised(j, upper):
            j -= 1
        if upper and (j == i or self.word(j) in _DETERMINERS or any(
                self.word(k) in self.lex.heads or self.word(k) in self.lex.singular
                or not self.word(k).isalpha() for k in range(j + 1, i + 1))):
            # All in capitals (wire copy): a name is capitalised words with no article
            # before them ("PARDO LEAL WAS MURDERED"), not "THE CAR WAS SHOT".
            return None
        if j == i and self.word(i) in self.lex.singular and (
                i == 0 or self.word(i - 1) not in self.lex.stop
                and not self.word(i - 1).endswith(("'s", "\u2019s"))):
            j = i - 1  # a bare noun: "claims man found dead"
        if j == i:
            return None
        s, e = self.toks[j + 1][0], self.toks[i][1]
        if self.word(i) in self.lex.heads and self.word(i) not in self.lex.singular:
            return None
        if self.word(j) in ("and", "or", "&") and not after_and:
            return None  # "Smith and Jones were shot": the pair, not one of them
        if j >= 0 and self.word(j) in _PLACE_PREPOSITIONS and self.text[self.toks[j][0]].islower():
            return None  # "taken to Wilmington Hospital suffering from ...": a place
        return Phrase(s, e, 1, 1, 1, j + 1, i, self.text[s:e], "unknown", False, None)

    def headline_subject(self, np: Phrase) -> bool:
        """A bare singular noun with no determiner ("Man shot, killed in ...")."""
        w = self.word(np.last_tok)
        return w in self.lex.singular and (
            np.first_tok == 0 or not self.word(np.first_tok - 1).isalpha()
            or self.word(np.first_tok - 1) in ("claims", "says", "say", "after", "as"))

    def name_forward(self, k: int) -> Phrase | None:
        """A person named by capitalised words after a trigger ("death of Goldie Long")."""
        j = k
        if self.word(j) in ("his", "her"):
            j += 1
            if self.word(j) not in self.lex.singular:
                while j < len(self.toks) and j < k + 3 and self.word(j) not in self.lex.singular:
                    j += 1
                if self.word(j) not in self.lex.singular:
                    return None
            s, e = self.toks[k][0], self.toks[j][1]
            return Phrase(s, e, 1, 1, 1, k, j, self.text[s:e], "unknown", False, None)
        # In all-capitals copy ("THE MURDER OF JECAR NEGHME ON A STREET") any word that
        # is no stop word or casualty noun may be part of the name; a plural noun ("OF
        # HUMAN RIGHTS ACTIVISTS") at its end says it is a group, not a person.
        upper = self.text[self.sent.start:self.sent.end].isupper()
        while j < len(self.toks) and j < k + 4 and self._capitalised(j, upper) \
                and self.word(j).isalpha() and not (upper and self.word(j) in _common_words()):
            j += 1
        # (Only the last word, the head, tells a group: "CARLOS PIZARRO" is one man.)
        if j == k or upper and (j - k < 2 or self._plural_noun(j - 1)):
            return None
        s, e = self.toks[k][0], self.toks[j - 1][1]
        return Phrase(s, e, 1, 1, 1, k, j - 1, self.text[s:e], "unknown", False, None)

    def bare_singular(self, k: int) -> Phrase | None:
        """A person noun with no determiner after "the murder of" ("of judge Castro")."""
        w = self.word(k)
        if w not in self.lex.singular:
            return None
        s, e, _ = self.toks[k]
        side, _, _ = self.side_and_group(k, k)
        return Phrase(s, e, 1, 1, 1, k, k, self.text[s:e], side, False, None)

    def _plural_noun(self, i: int) -> bool:
        """A plural-looking word that is not a unit, a stop word or a verb form."""
        w = self.word(i)
        # ("-men": "six clergymen", "two linesmen".)
        return (len(w) > 3 and w.isalpha() and (w.endswith("s") and not w.endswith("ss")
                                                or len(w) > 5 and w.endswith("men"))
                and w not in self.lex.stop and w not in self.lex.boundaries
                and w not in _NOT_PEOPLE)

    def _capitalised(self, i: int, upper: bool = False) -> bool:
        """A capitalised word that may be part of a name (in an all-capitals sentence,
        ``upper``, any word that is not a stop word; else not an acronym)."""
        s, e, w = self.toks[i]
        return (self.text[s].isupper() and w not in self.lex.stop
                and w not in self.lex.side_of and w not in self.lex.boundaries
                and (upper or self.text[s:e] != self.text[s:e].upper()))

    def _with_quantity(self, q: Quantity, head: int | None, q_last: int) -> Phrase | None:
        lex = self.lex
        first = self.by_start.get(q.start)
        if first is None:
            return None
        article = q.text.lower() in ("a", "an")
        if self.word(first - 1 - (self.word(first - 1) == ".")) in _MONTHS:
            return None  # "a Dec. 6 hunting accident": a day
        if article and (head is None or self.word(head) not in lex.singular):
            return None
        if self.word(first - 1) == "of" and self.word(first - 2) in ("age", "ages"):
            return None  # "kids under the age of 12 have died"
        if self.word(first - 1) == "of" and self.word(first - 2) in lex.singular:
            return self.np_backward(first - 2)  # "a mother of three is dead": one person
        if head is None:
            side, group, generic = "unknown", None, True
            end = q.end
        else:
            side, group, generic = self.side_and_group(q_last + 1, head)
            end = self.toks[head][1]
        value, low, high = q.value, q.low, q.high
        if self.word(first - 1) == "no" or self.word(first - 1) == "none":
            value = low = high = 0
        return Phrase(q.start, end, value, low, high, first, head if head is not None else q_last,
                   group, side, generic, q.start)

    def _next_tok_start(self, offset: int) -> int:
        m = _SPACE.match(self.text, offset)
        return m.end() if m else offset
