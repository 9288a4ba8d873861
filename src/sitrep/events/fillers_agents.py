"""Perpetrators read off the grammar of an event's sentences: the people who are the doers
of its attack verb, when no actor lexicon or tagger names them, and the officer who
commanded them.

* A description of people (counts and descriptive words, then a people noun) as the
  subject of an active attack verb, across an adverb, a comma parenthesis, a relative
  clause or a short descriptive phrase: "two individuals who were passing by the building
  placed the explosives", "the criminals, riding motorcycles, intercepted the car", "two
  men on a motorcycle hurled a grenade".
* The same description as the agent of a passive one: "the bus was torched by a mob".
* People named as the accused: "three persons suspected of taking part", "two suspects".
* An officer named with a military or police rank as the commander of the doers: "troops
  commanded by Colonel Canas", "a patrol led by Captain Aziz Khan" (MUC-4 codes the
  commander as a perpetrator individual too).

Words are data (``data/events/fillers_agents.json``). A sentence is read as a list of
word tokens with set look-ups (no large regex alternations: the stage must stay well under
a millisecond per article), skipped outright when none of its words can start a pattern,
and read once per article however many events share it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..article import Sentence
from ..nlp.lexicon import read_json
from ..schema import RoleFiller

__all__ = ["AgentRules", "agent_fillers", "agent_rules", "commanders", "doers", "is_state"]

Phrases = dict[str, tuple[tuple[str, ...], ...]]


def _phrases(items: list[str]) -> Phrases:
    """Phrases by their first word, longest first ("shot dead" before "shot")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in items:
        words = tuple(p.lower().split())
        out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class AgentRules:
    """The word sets and phrase tables of ``fillers_agents.json``."""

    heads: frozenset[str]
    counts: frozenset[str]
    modifiers: frozenset[str]
    np_stop: frozenset[str]
    max_modifiers: int
    verbs: Phrases
    passive: Phrases
    passive_gap_words: int
    gap_words: int
    carried_words: int
    adverbs: frozenset[str]
    carried: Phrases
    after_participle: frozenset[str]
    accused: Phrases
    suspects: frozenset[str]
    command: Phrases
    command_epithets: frozenset[str]
    command_nouns: frozenset[str]
    ranks: frozenset[str]
    core_ranks: frozenset[str]
    name_stop: frozenset[str]
    max_name_words: int
    state_words: frozenset[str]
    triggers: frozenset[str]
    command_words: frozenset[str]
    # the triggers as words split at spaces may end: "killed", "suspects." or "led,"
    quick: frozenset[str]


@cache
def agent_rules() -> AgentRules:
    """The rules, read once."""
    d = read_json("events", "fillers_agents.json")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in d[key])

    verbs, passive, accused, command = (_phrases(d[k]) for k in
                                        ("verbs", "passive", "accused", "command"))
    suspects = words("suspects")
    # (a command phrase is looked for only where one of its own words occurs: "led",
    # "orders", never "on" or "under", which most sentences have)
    stop = words("np_stop") | words("name_stop")
    command_words = frozenset(w for p in d["command"] for w in p.lower().split()
                              if w not in stop)
    triggers = (frozenset(verbs) | frozenset(passive) | frozenset(accused) | command_words
                | suspects)
    return AgentRules(
        words("heads"), words("counts"), words("modifiers"), words("np_stop"),
        int(d["max_modifiers"]), verbs, passive, int(d["passive_gap_words"]), int(d["gap_words"]),
        int(d["carried_words"]),
        words("adverbs"), _phrases(d["carried"]), words("after_participle"), accused,
        suspects, command, words("command_epithets"), words("command_nouns"),
        words("ranks"), words("core_ranks"), words("name_stop"), int(d["max_name_words"]),
        words("state_words"),
        triggers, command_words,
        triggers | {w + p for w in triggers for p in ".,;:)\"'"})


_TOKEN = re.compile(r"[\w'-]+|[^\w\s]")
_WORDS = re.compile(r"[\w'-]+")


class _Tokens:
    """A sentence's tokens, lower-cased (``low``), their offsets computed only when a
    pattern matched (most sentences match none)."""

    __slots__ = ("low", "_spans", "_text", "_start", "_end")

    def __init__(self, text: str, sentence: Sentence, low: str | None = None) -> None:
        self._text, self._start, self._end = text, sentence.start, sentence.end
        if low is None:
            low = text[sentence.start:sentence.end].lower()
        self.low: list[str] = _TOKEN.findall(low)
        self._spans: list[tuple[int, int]] | None = None

    def span(self, i: int) -> tuple[int, int]:
        """Token ``i``'s offsets in the text."""
        if self._spans is None:
            self._spans = [m.span() for m in _TOKEN.finditer(self._text, self._start, self._end)]
        return self._spans[i]


def _phrase_end(low: list[str], i: int, table: Phrases) -> int:
    """The end (token index) of the longest phrase of ``table`` starting at ``i``, or -1."""
    for words in table.get(low[i], ()):
        if len(words) == 1 or tuple(low[i:i + len(words)]) == words:
            return i + len(words)
    return -1


def _np_back(rules: AgentRules, low: list[str], h: int) -> int:
    """The first token of the description ending with the people noun at ``h``: up to
    ``max_modifiers`` descriptive words ("heavily armed", "national police"), then
    counts and quantifiers ("approximately 20 or 30")."""
    k, taken = h, 0
    while k > 0 and taken < rules.max_modifiers:
        w = low[k - 1]
        if not w[0].isalpha() or (w not in rules.modifiers
                                  and (w in rules.np_stop or w in rules.heads)):
            break
        k, taken = k - 1, taken + 1
    while k > 0 and (low[k - 1] in rules.counts or low[k - 1].isdigit()):
        k -= 1
    # (a description never starts with a joiner: "or 30 terrorists" is "30 terrorists")
    while k < h and low[k] in ("or", "than", "at"):
        k += 1
    return k


def _np_forward(rules: AgentRules, low: list[str], i: int) -> int:
    """The people noun of the description starting at ``i`` ("a mob", "heavily armed
    bandits"), or -1."""
    k = i
    while k < len(low) and (low[k] in rules.counts or low[k].isdigit()):
        k += 1
    for j in range(k, min(len(low), k + rules.max_modifiers + 1)):
        w = low[j]
        if w in rules.heads and not (j + 1 < len(low) and low[j + 1] in rules.heads
                                     and w in rules.modifiers):
            return j
        if not w[0].isalpha() or (w not in rules.modifiers and w in rules.np_stop):
            return -1
    return -1


def _filler(text: str, tokens: _Tokens, first: int, last: int) -> RoleFiller:
    """The description's quote without a leading article ("the criminals" -> "criminals")."""
    if tokens.low[first] in ("the", "a", "an") and first < last:
        first += 1
    start, end = tokens.span(first)[0], tokens.span(last)[1]
    return RoleFiller(text[start:end], start, end, "individual")


def _subject_head(rules: AgentRules, low: list[str], v: int) -> int:
    """The people noun that is the subject of the verb at ``v``, or -1: right before it
    (across one adverb), before a comma parenthesis, a relative clause ("who were
    passing by") or a descriptive phrase ("on a motorcycle")."""
    k = v
    if k > 0 and (low[k - 1] in rules.adverbs or low[k - 1].endswith("ly")):
        k -= 1
    if k > 0 and low[k - 1] in rules.heads:
        return k - 1
    if k > 0 and low[k - 1] == ",":
        for c in range(k - 2, max(0, k - 2 - rules.gap_words), -1):
            if low[c] in (";", "."):
                return -1
            if low[c] == ",":
                return c - 1 if c > 0 and low[c - 1] in rules.heads else -1
        return -1
    for c in range(k - 1, max(0, k - 1 - rules.gap_words), -1):
        w = low[c]
        if not w[0].isalpha():
            return -1
        if low[c - 1] in rules.heads and (
                w in ("who", "that") or (v - c <= rules.carried_words
                                         and _phrase_end(low, c, rules.carried) > 0)):
            return c - 1
    return -1


def doers(text: str, sentence: Sentence, tokens: _Tokens | None = None,
          hits: set[str] | frozenset[str] | None = None) -> list[RoleFiller]:
    """The described people who are the subject of an active attack verb or the agent of
    a passive one in ``sentence``, and those it names as the accused ("two suspects").
    ``tokens``, ``hits``: the sentence's tokens and its words among the rules' triggers,
    when already known."""
    rules = agent_rules()
    tokens = _Tokens(text, sentence) if tokens is None else tokens
    low = tokens.low
    hits = rules.triggers.intersection(low) if hits is None else hits
    out: list[RoleFiller] = []
    for i in [i for i, w in enumerate(low) if w in hits]:
        w = low[i]
        if (e := _phrase_end(low, i, rules.verbs)) > 0:
            # (not a participle of the harmed: "15 people killed in the attack", "killed by")
            h = _subject_head(rules, low, i)
            if e < len(low) and low[e] not in rules.after_participle and h >= 0:
                out.append(_filler(text, tokens, _np_back(rules, low, h), h))
        if (e := _phrase_end(low, i, rules.passive)) > 0:
            for b in range(e, min(len(low), e + rules.passive_gap_words + 1)):
                if low[b] == "by":
                    h = _np_forward(rules, low, b + 1)
                    if h >= 0:
                        out.append(_filler(text, tokens, b + 1, h))
                    break
                if not low[b][0].isalpha():
                    break
        if _phrase_end(low, i, rules.accused) > 0:
            h = i - 1
            if h >= 0 and low[h] in ("are", "were", "is", "was"):
                h -= 2 if h >= 1 and low[h - 1] == "who" else 99
            if h >= 0 and low[h] == ",":
                h -= 1
            if h >= 0 and low[h] in rules.heads:
                out.append(_filler(text, tokens, _np_back(rules, low, h), h))
        if w in rules.suspects:
            k = i
            while k > 0 and i - k < 2 and low[k - 1] in rules.modifiers:
                k -= 1
            c = k
            while c > 0 and (low[c - 1] in rules.counts or low[c - 1].isdigit()):
                c -= 1
            if c < k and low[k - 1] not in ("a", "an", "the"):
                out.append(_filler(text, tokens, c, i))
    return _unique(out)


def commanders(text: str, sentence: Sentence,
               tokens: _Tokens | None = None) -> list[RoleFiller]:
    """Officers named with a rank as the commander of the doers in ``sentence`` ("troops
    commanded by Colonel Canas"): the rank and the name up to a function word or a
    punctuation mark, at most ``max_name_words`` words."""
    rules = agent_rules()
    tokens = _Tokens(text, sentence) if tokens is None else tokens
    low = tokens.low
    # (in mixed-case copy a name is capitalised: "led by Captain Diaz and his men")
    cased = not text[sentence.start:sentence.end].isupper()
    out = []
    for i, w in enumerate(low):
        if w not in rules.command or (e := _phrase_end(low, i, rules.command)) < 0:
            continue
        # (the commander of doers: "troops commanded by", not "a government headed by")
        if rules.command_nouns.isdisjoint(low[max(0, i - 4):i]):
            continue
        while e < len(low) and low[e] in rules.command_epithets:
            e += 1
        r, core = e, False
        while r < len(low) and (low[r] in rules.ranks or (low[r] == "." and r > e)):
            core = core or low[r] in rules.core_ranks
            r += 1
        n = r
        while n < len(low) and n - r < rules.max_name_words and low[n][0].isalpha() \
                and low[n] not in rules.name_stop \
                and (not cased or text[tokens.span(n)[0]].isupper()):
            n += 1
        if core and n > r:
            start, end = tokens.span(e)[0], tokens.span(n - 1)[1]
            out.append(RoleFiller(text[start:end], start, end, "individual"))
    return out


def is_state(r: RoleFiller) -> bool:
    """Whether doers are described as state forces ("army troops", "two policemen")."""
    return any(w.lower() in agent_rules().state_words for w in _WORDS.findall(r.text))


class _SentenceAgents:
    """The doers and commanders per sentence of the article being processed (its events
    share sentences: each is read once)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.by_start: dict[int, list[RoleFiller]] = {}

    def of(self, text: str, sentence: Sentence) -> list[RoleFiller]:
        if text is not self.text:
            self.text, self.by_start = text, {}
        found = self.by_start.get(sentence.start)
        if found is None:
            rules = agent_rules()
            found = []
            # (a quick look first: most sentences have no trigger word, and splitting at
            # spaces costs far less than tokenising; see AgentRules.quick)
            low = text[sentence.start:sentence.end].lower()
            if not rules.quick.isdisjoint(low.split()):
                tokens = _Tokens(text, sentence, low)
                hits = rules.triggers.intersection(tokens.low)
                # (every pattern but the commander's needs a people noun or "suspects")
                people = not rules.heads.isdisjoint(tokens.low) or \
                    not rules.suspects.isdisjoint(hits)
                found = doers(text, sentence, tokens, hits) if hits and people else []
                if not hits.isdisjoint(rules.command_words):
                    found += commanders(text, sentence, tokens)
            self.by_start[sentence.start] = found
        return found


_AGENTS = _SentenceAgents()


def agent_fillers(text: str, sentences: list[Sentence], indices: list[int], *,
                  civilians_hit: bool = True) -> list[RoleFiller]:
    """The doers and their commanders in the event's sentences ``indices`` (each once);
    state forces' doers only when ``civilians_hit`` (as for actor1's mentions: in combat
    neither side is a perpetrator)."""
    return _unique([r for i in sorted(set(indices)) if 0 <= i < len(sentences)
                    for r in _AGENTS.of(text, sentences[i]) if civilians_hit or not is_state(r)])


def _unique(fillers: list[RoleFiller]) -> list[RoleFiller]:
    out: list[RoleFiller] = []
    for r in fillers:
        if not any(o.start < r.end and r.start < o.end for o in out):
            out.append(r)
    return out
