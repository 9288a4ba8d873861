"""Casualty counts: how many were killed, wounded, arrested or abducted, with offsets.

:class:`CasualtyStage` (stage name ``counts``) sets ``article.counts`` to a list of
:class:`~sitrep.article.CountMention`. Rules work on a few tokens around each trigger
word, in both directions:

- active, number after the verb: "killed 36 attackers", "killing three soldiers and
  wounding five", "the bodies of 20 villagers";
- passive or intransitive, number before: "36 attackers were killed", "at least 55 people
  died", "two dead", "left 4 police officers dead", "FIVE PEASANTS WERE MURDERED";
- tolls: "the death toll rose to 62";
- zero counts: "no one was hurt", "no casualties were reported" (``value`` 0).

Who a verb is said of when it is not the phrase next to it (an active past with its
object, a named or bare object, "the man who police shot") is read
by :mod:`sitrep.events.casualty_objects`; campaign totals ("we have inflicted 1,902
dead") are no toll (:mod:`sitrep.events.casualty_clauses`).

Hypotheticals ("could have killed hundreds") give nothing; numbers that are not attached
to a casualty word ("50 militants launched", "a 25-year-old") are never counts. Mentions
whose subject is a pronoun or a definite singular ("he died", "the victim was killed")
count one person and carry the pronoun or noun phrase as ``group_text``;
:func:`~sitrep.events.casualty_toll.toll` uses them only when nothing firmer is said.

``kind`` is one of ``killed``, ``wounded``, ``arrested``, ``abducted``; ``side`` one of
``perpetrators``, ``state``, ``civilians``, ``unknown``.
"""

from __future__ import annotations

import re

from ..article import Article, CountMention, Sentence
from ..nlp.article_lower import lower_of
from ..nlp.case_odd import twin_exact
from ..nlp.sentences import sentence_index_at, split_sentences
from .casualty_clauses import (
    CLOSERS,
    before_parenthesis,
    in_perfect,
    is_tally,
    named_list,
    relative_head,
    without_campaign_totals,
)
from .casualty_lexicon import caseless_finditer, casualty_lexicon
from .casualty_objects import (
    REFLEXIVE,
    SAYING,
    bare_object,
    named_object,
    object_relative_head,
    takes_object,
)
from .casualty_phrases import MAX_FILLERS, Phrase, SentenceTokens
from .casualty_toll import Toll, toll

__all__ = ["CasualtyStage", "Toll", "extract_counts", "figureless", "toll"]

# Words that open the object of a verb ("to murder those peasants").
_OBJECT_OPENERS = frozenset(("the", "those", "these", "them", "him", "her", "his", "their",
                             "a", "an", "any", "all", "us", "me", "you"))
# Determiners before a participle used as an adjective ("the slain officer").
_ATTRIBUTIVE = frozenset(("the", "a", "an"))
# Verbs that take a shot as their object ("fired at least one shot").
_FIRE_VERBS = frozenset(("fired", "fire", "fires", "firing", "returned", "heard", "hear",
                         "hears", "let", "squeezed", "got"))
# Words after a noun phrase that make it the subject of a new clause.
_CLAUSE_VERBS = frozenset(("fled", "ran", "escaped", "left", "drove", "said", "told", "were",
                           "was", "are", "is", "had", "have", "has", "remain", "remained",
                           "then", "took", "went", "opened"))



def _opens_clause(word: str) -> bool:
    """``word`` after a coordinated noun phrase is its verb ("and both suspects fled")."""
    return word in _CLAUSE_VERBS


class _Extractor:
    """Applies the rules to one article's text."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self.lex = casualty_lexicon()
        self.out: list[CountMention] = []
        self.claimed: set[int] = set()

    def run(self) -> list[CountMention]:
        lex = self.lex
        hits: dict[int, list[tuple[str, re.Match[str]]]] = {}
        lowered = lower_of(self.text)
        # (one scan for where any of the three can match, when the twins serve)
        starts = [c.end() for c in lex.starts_lower.finditer(lowered)] \
            if lex.starts_lower is not None and twin_exact(self.text, lowered) else None
        for m in caseless_finditer(lex.triggers, lex.triggers_lower, self.text, lowered,
                                   starts):
            hits.setdefault(self._sentence_index(m.start()), []).append(("t", m))
        for m in caseless_finditer(lex.toll, lex.toll_lower, self.text, lowered, starts):
            hits.setdefault(self._sentence_index(m.start()), []).append(("toll", m))
        for m in caseless_finditer(lex.zero_nouns, lex.zero_nouns_lower, self.text, lowered,
                                   starts):
            hits.setdefault(self._sentence_index(m.start()), []).append(("zero", m))
        for si in sorted(hits):
            if si < 0:
                continue
            sent = SentenceTokens(self.text, self.sentences[si], lex)
            told = len(self.out)
            starts = {m.start() for kind, m in hits[si] if kind == "t"}
            for kind, m in sorted(hits[si], key=lambda h: h[1].start()):
                if kind == "t":
                    self._trigger(sent, m, starts)
                elif kind == "toll":
                    self._toll(sent, m)
                else:
                    for k in lex.zero_kinds[m.group("noun").lower()]:
                        self._emit(sent, m.start(), m.end(), k, 0, 0, 0, "unknown", None,
                                   True, m)
            if len(self.out) > told and lex.statistic is not None and any(
                    in_perfect(self.text, c) for c in self.out[told:]):
                spans = [(x.start(), x.end()) for x in lex.statistic.finditer(
                    self.text, sent.sent.start, sent.sent.end)]
                if spans:
                    self.out[told:] = [c for c in self.out[told:]
                                       if not is_tally(self.text, c, spans)]
        self.out.sort(key=lambda c: (c.start, c.kind))
        self.out = without_campaign_totals(self.text, self.out)
        return self.out

    def _sentence_index(self, offset: int) -> int:
        return sentence_index_at(self.sentences, offset)

    def _trigger(self, sent: SentenceTokens, m: re.Match[str], starts: set[int]) -> None:
        lex = self.lex
        cls, kind = lex.kind_of(m.group())
        t0 = sent.by_start.get(m.start())
        t1 = sent.by_end.get(m.end())
        if t0 is None or t1 is None:
            return
        # "stabbed and killed", "beaten and arrested": the last verb of a chain says it.
        nxt = t1 + 1
        while sent.word(nxt) in ("and", "&", ",", "then", "later", "eventually"):
            nxt += 1
        if nxt != t1 + 1 and nxt < len(sent.toks) and sent.toks[nxt][0] in starts:
            return
        # Walk back over auxiliaries and adverbs to the subject.
        i = t0 - 1
        aux = neg = hyp = agent_relative = one_aux = False
        singular = cls == "intransitive"
        n = 0
        while i >= 0 and n < MAX_FILLERS:
            w = sent.word(i)
            if w in ("who", "that") and not aux:
                agent_relative = True  # "two men who shot at a car": the shooters
            if w in SAYING and not aux and "who" in (sent.word(i - 2), sent.word(i - 3)):
                # "a man who police say shot at officers": "who" is the shooter.
                agent_relative = True
                break
            if w in lex.hypothetical:
                hyp = True
            elif w in lex.negation or w.endswith("n't"):
                neg = True
            elif w in lex.aux:
                aux = True
                singular = singular or w in ("was", "is")
                one_aux = one_aux or w in ("was", "is")
            elif w in (",", "&") and sent.word(i - 1) in ("shot", "stabbed", "beaten"):
                pass  # "Man shot, killed in ..."
            elif sent.toks[i][0] in starts and sent.word(i + 1) in ("and", "&", ",", "then"):
                pass  # "were abducted and killed": an earlier verb of the chain
            elif w not in lex.fillers and not (w.endswith("ly") and w not in lex.heads):
                break
            i -= 1
            n += 1
        if hyp:
            return
        if cls == "participle" and not aux and sent.word(t0 - 1) in _ATTRIBUTIVE:
            # "the assassinated Carlos Pizarro", "a slain officer": one person, the
            # participle used as an adjective.
            np = sent.name_forward(t1 + 1) or sent.bare_singular(t1 + 1)
            if np is not None:
                self._emit_np(sent, np, m, kind)
                return
        if cls == "single":
            self._single(sent, m, t1, kind, neg)
            return
        emitted = len(self.out)
        if cls in ("active", "participle", "noun") and not aux:
            if self._right(sent, m, t1, kind, cls, starts):
                return
        if cls == "active":
            return
        if cls == "noun" and n and not aux and sent.word(t0) != "dead":
            return  # "55 deaths", not "55 people ... deaths"
        if m.group().lower() == "dead" and sent.word(t1 + 1) in lex.heads \
                and sent.word(t1 + 1) not in lex.singular:
            np = sent.np_backward(t0 - 1)
            if np is not None and np.qstart is not None \
                    and sent.word(np.first_tok - 1) in ("the", "these", "those", "their"):
                # "The two dead officers were identified as ...": people already
                # counted, told again by their group (a part, not a total).
                side, group, _ = sent.side_and_group(t1 + 1, t1 + 1)
                np.side, np.group, np.weak_total = side, group, False
                self._emit_np(sent, np, m, kind)
                return
        if agent_relative and cls == "participle":
            return  # the figure before "who shot" counts the shooters, not the shot
        if cls == "participle" and not aux:
            if takes_object(sent, t1):
                return  # "one of the officers shot and struck the suspect": the shooter
            np = object_relative_head(sent, i)
            if np is not None:
                self._emit_np(sent, np, m, kind)  # "the man who police fatally shot"
                return
        self._left(sent, m, i, kind, neg, singular, weak_ok=aux or cls != "participle",
                   one_aux=one_aux)
        if cls == "intransitive" and kind == "killed" and len(self.out) == emitted and not neg:
            self._died_after_shot(sent, m)

    def _single(self, sent: SentenceTokens, m: re.Match[str], t1: int, kind: str,
                neg: bool) -> None:
        """A noun that tells one death with no figure ("a homicide", "the shooting
        death"): one person, weakly; "the shooting death of Goldie Long" names them."""
        t0 = sent.by_start[m.start()]
        if neg or sent.word(t1 + 1) in self.lex.single_not_before \
                or sent.word(t0 - 1) in self.lex.single_not_after:
            return  # "a murder case", "booked for murder": a charge, not a death told
        after = sent.word(t1 + 1)
        if after in ("them", "people") or after in self.lex.heads \
                and after not in self.lex.singular and sent._plural_noun(t1 + 1) \
                or sent.word(t0 - 1) == "to" and after in _OBJECT_OPENERS:
            # "persecute and murder peasants", "faked a clash to murder those peasants":
            # the verb, with no figure (not "the death marks the city's deadliest start").
            return
        if sent.word(t0 - 1) in ("'", "\u2019") and sent._plural_noun(t0 - 2):
            return  # "the Jesuits' murder": the deaths of a group of untold size
        if sent.word(t1 + 1) == "of":
            k = t1 + 2
            np = sent.np_forward(k) or sent.name_forward(k) or sent.bare_singular(k)
            if np is not None:
                self._emit_np(sent, np, m, kind)
            return
        self._emit(sent, m.start(), m.end(), kind, 1, 1, 1, "unknown", m.group(), False, m)

    def _died_after_shot(self, sent: SentenceTokens, m: re.Match[str]) -> None:
        """"Girl shot at party dies", "A teen who was found shot ... has died": the one
        person shot earlier in the sentence is the one who died."""
        shot = [c for c in self.out if c.sentence_index == sent.sent.index
                and c.kind == "wounded" and c.value == 1 and c.end <= m.start()]
        if len(shot) == 1:
            c = shot[0]
            self._emit(sent, c.start, m.end(), "killed", 1, 1, 1, c.side, c.group_text,
                       False, m)

    def _right(self, sent: SentenceTokens, m: re.Match[str], t1: int, kind: str, cls: str,
               starts: set[int]) -> bool:
        k = t1 + 1
        if cls == "noun":
            if m.group().lower().endswith(" of"):
                # "the shooting death of Goldie Long": one person, named.
                np = sent.np_forward(k) or sent.name_forward(k) or sent.bare_singular(k)
                if np is not None:
                    self._emit_np(sent, np, m, kind)
                return True
            if sent.word(k) != "of":
                return False
            k += 1
        if cls != "noun" and sent.word(k) in REFLEXIVE:
            # "the gunman killed himself", "shot herself": one person, the subject.
            self._emit(sent, m.start(), sent.toks[k][1], kind, 1, 1, 1, "unknown", None,
                       False, m)
            return True
        found = False
        while True:
            np = sent.np_forward(k)
            if np is None and not found and cls != "noun" and kind in ("killed", "wounded"):
                np = bare_object(sent, k)  # "Cop shoots and wounds robbery suspect"
            named = np is None and not found and cls != "noun" and \
                named_object(sent, k, m.start())
            if named:
                # "the officer fatally shot Quintonio LeGrier": one person, named.
                np = sent.name_forward(k)
            if np is None or (np.qstart is not None and np.qstart in self.claimed):
                return found
            if named:
                # (What follows a name is its age or apposition, "Berry, 30", or one
                # more name, "Smith and Mary Jones".)
                while np is not None:
                    self._emit_np(sent, np, m, kind)
                    k = np.last_tok + 1
                    np = sent.name_forward(k + 1) if sent.word(k) == "and" and \
                        named_object(sent, k + 1, m.start()) else None
                return True
            if found and (self._subject_of_next_trigger(sent, np.last_tok, starts)
                          or _opens_clause(sent.word(np.last_tok + 1))):
                return found  # "shot the customer and both suspects fled"
            if found:
                np.weak_total = False  # "killed four tribesmen and two linesmen": parts
            self._emit_np(sent, np, m, kind)
            found = True
            k = np.last_tok + 1
            if sent.word(k) == "as" and sent.word(k + 1) == "well" and sent.word(k + 2) == "as":
                k += 3  # "his five children as well as his wife"
                continue
            if sent.word(k) not in ("and", ","):
                return found
            k += 1
            if sent.word(k) == "and":
                k += 1

    def _subject_of_next_trigger(self, sent: SentenceTokens, last: int, starts: set[int]) -> bool:
        k = last + 1
        while sent.word(k) in self.lex.fillers or sent.word(k) in self.lex.aux:
            if k < len(sent.toks) and sent.toks[k][0] in starts:
                return True
            k += 1
        return k < len(sent.toks) and sent.toks[k][0] in starts

    def _left(self, sent: SentenceTokens, m: re.Match[str], i: int, kind: str, neg: bool,
              singular: bool, *, weak_ok: bool, one_aux: bool = False) -> None:
        lex = self.lex
        parts: list[Phrase] = []
        if sent.word(i) in CLOSERS:
            i = before_parenthesis(sent, i)
        head = relative_head(sent, i)
        if head is not None:
            i = head
        elif not singular:
            named = named_list(sent, i)  # "John Smith and Mary Jones were killed"
            for np in named:
                self._emit_np(sent, np, m, kind)
            if named:
                return
        if sent.word(i) == ",":
            # "Three people, including two children, were killed"
            j = i - 1
            while j > 0 and i - j < 12 and sent.word(j) != ",":
                j -= 1
            if sent.word(j) == "," and sent.word(j + 1) in ("including", "among"):
                k = j + 2 if sent.word(j + 1) == "including" else j + 3
                inner = sent.np_forward(k)
                if inner is not None and inner.value:
                    parts.append(inner)
                i = j - 1
            elif sent.word(j) == "," and (sent.word(j + 1) in ("a", "an") or (
                    j + 2 == i and sent.word(j + 1).isdigit())):
                # An apposition: "Isaac Duran, a 19-year-old student, was killed",
                # "Smith, 25, died": one named person.
                np = sent.name_backward(j - 1, after_and=one_aux)
                if np is not None:
                    self._emit_np(sent, np, m, kind)
                return
            else:
                return
        np = sent.np_backward(i)
        if np is None and (singular or not weak_ok or m.group().lower() == "dead"):
            # "Smith died", "Hummelstown juvenile dead"; "... and Jones was shot": a
            # singular verb makes the name after "and" a subject of its own.
            np = sent.name_backward(i, after_and=one_aux)
        if np is None:
            return
        if np.qstart is None and not weak_ok and not sent.headline_subject(np):
            return  # "he shot ...": an active verb with a pronoun subject, not a count
        if np.group is None and sent.word(np.first_tok - 1) in _FIRE_VERBS:
            return  # "fired one shot", "returned one shot": a bullet, not a person
        if one_aux and (np.value or 0) >= 2 and np.qstart is not None:
            return  # "... with two handguns was shot": a plural is not the subject of "was"
        if any(sent.word(k) in lex.blockers for k in range(np.first_tok - 2, np.first_tok)):
            return  # "threatened to kill 20 hostages", "freed 20 hostages"
        nps = [np]
        j = np.first_tok - 1
        while sent.word(j) in ("and", ",") and np.qstart is not None:
            prev = sent.np_backward(j - 1)
            if prev is not None and prev.qstart is None and prev.value == 1 \
                    and sent.word(j) == "and" and sent.word(prev.first_tok) != "he" \
                    and sent.word(prev.first_tok) != "she":
                # "the judge and two of her bodyguards were killed": one person more.
                prev.weak_total = False
                np.weak_total = False
                nps.append(prev)
                break
            if prev is None or prev.qstart is None:
                break
            nps.append(prev)
            j = prev.first_tok - 1
        for np in reversed(nps):
            if neg and np.value:
                np.value = np.low = np.high = 0
            if len(nps) > 1 and all(sent.word(x.last_tok) not in lex.stop for x in nps):
                np.weak_total = False  # "the six Jesuits and two more persons": parts
            if parts and len(nps) == 1:
                np.weak_total = True  # "four soldiers, including two officers": the total
            if np.qstart is not None and np.qstart in self.claimed:
                continue
            self._emit_np(sent, np, m, kind)
        for part in parts:
            part.weak_total = False
            self._emit_np(sent, part, m, kind)

    def _toll(self, sent: SentenceTokens, m: re.Match[str]) -> None:
        t1 = sent.by_end.get(m.end())
        if t1 is None:
            return
        # "the death toll (from the blast in Yola) rose to 62": the figure follows a toll
        # verb, within the clause; "could rise to 100" is no toll.
        q = None
        for k in range(t1 + 1, min(t1 + 12, len(sent.toks))):
            w = sent.word(k)
            if w in (",", ";", ".", ":") or w in self.lex.hypothetical or w == "expected":
                return
            q = sent.q_start.get(sent.toks[k][0])
            if q is not None:
                if sent.word(k - 1) not in self.lex.toll_verbs:
                    return
                break
        if q is None or q.text.lower() in ("a", "an") or q.start in self.claimed:
            return
        self.claimed.add(q.start)
        self._emit(sent, m.start(), q.end, "killed", q.value, q.low, q.high, "unknown", None,
                   True, m)

    def _emit_np(self, sent: SentenceTokens, np: Phrase, m: re.Match[str], kind: str) -> None:
        if np.qstart is not None:
            self.claimed.add(np.qstart)
        is_total = np.weak_total and np.qstart is not None
        before = self.text[max(sent.sent.start, np.start - 14):np.start]
        after = self.text[max(np.end, m.end()):max(np.end, m.end()) + 14]
        if self.lex.total_before.search(before) or self.lex.total_after.search(after):
            is_total = True
        self._emit(sent, min(np.start, m.start()), max(np.end, m.end()), kind, np.value,
                   np.low, np.high, np.side, np.group, is_total, m)

    def _emit(self, sent: SentenceTokens, start: int, end: int, kind: str, value: int | None,
              low: int | None, high: int | None, side: str, group: str | None,
              is_total: bool, m: re.Match[str]) -> None:
        self.out.append(CountMention(
            start=start, end=end, text=self.text[start:end], kind=kind, value=value,
            low=low, high=high, side=side, group_text=group, is_total=is_total,
            trigger_start=m.start(), trigger_end=m.end(), sentence_index=sent.sent.index))


def figureless(count: CountMention) -> bool:
    """A death told only by a noun with no figure ("a homicide", "murder"): it adds to a
    toll, but is no evidence on its own that a clause reports an incident."""
    if count.trigger_start is None or count.trigger_end is None:
        return False
    form = count.text[count.trigger_start - count.start:count.trigger_end - count.start]
    cls = casualty_lexicon().trigger_class.get(" ".join(form.lower().split()))
    return cls is not None and cls[0] == "single" and count.start == count.trigger_start


def extract_counts(text: str, sentences: list[Sentence] | None = None) -> list[CountMention]:
    """Every casualty count in ``text`` (sentences are split here when not given)."""
    return _Extractor(text, sentences if sentences is not None else split_sentences(text)).run()


class CasualtyStage:
    """Pipeline stage ``counts``: sets ``article.counts`` (needs ``sentences``)."""

    name = "counts"
    requires: tuple[str, ...] = ("sentences",)
    sets = ("counts",)

    def __init__(self) -> None:
        casualty_lexicon()  # load and compile once, at construction

    def __call__(self, article: Article) -> Article:
        if not article.sentences:
            article.sentences = split_sentences(article.text)
        article.counts = extract_counts(article.text, article.sentences)
        return article
