"""Whether a building, vehicle or installation an event's sentence names is its physical
target: the thing struck, the patient of a damage cue in its own sentence ("guerrillas
burned a tank truck", "a bomb exploded at the airport", "the bus was damaged"), not a place
or a modifier ("taken to the military hospital", "the supreme court president").

The frames quote every target noun of an event's clauses; a MUC-4 coder quotes only what
the attack hit. Cues and the words allowed between a cue and its target are data
(``data/events/fillers_struck.json``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from ..article import Article
from ..nlp.article_lower import lower_of
from ..nlp.letter_runs import ascii_letter_runs
from ..nlp.lexicon import read_json
from ..schema import RoleFiller

__all__ = ["StruckRules", "struck", "struck_nouns", "struck_rules", "struck_start",
           "struck_targets"]

_WORDS = re.compile(r"[a-z0-9][a-z0-9'’-]*")
# Words and punctuation marks between a cue and its target.
_TOKENS = re.compile(r"[a-z0-9][a-z0-9'’-]*|[^\sa-z0-9]")
# How far from a target its cue is looked for (characters; a sentence's clause).
_WINDOW = 160


@dataclass(frozen=True, slots=True)
class StruckRules:
    """The compiled cues of ``fillers_struck.json``."""

    before: re.Pattern[str]
    after: re.Pattern[str]
    max_gap: int
    max_gap_after: int
    breakers: frozenset[str]
    prepositions: frozenset[str]
    modified: frozenset[str]
    phrase_openers: frozenset[str]
    max_modifiers: int
    heads: re.Pattern[str]
    head_words: frozenset[str]


@cache
def struck_rules() -> StruckRules:
    """The damage cues, read once."""
    d = read_json("events", "fillers_struck.json")
    return StruckRules(
        before=re.compile(r"\b(?:" + "|".join(d["before"]) + r")\b"),
        after=re.compile(r"\b(?:" + "|".join(d["after"]) + r")\b"),
        max_gap=int(d["max_gap"]), max_gap_after=int(d["max_gap_after"]),
        breakers=frozenset(d["gap_breakers"]), prepositions=frozenset(d["gap_prepositions"]),
        modified=frozenset(d["modified"]), phrase_openers=frozenset(d["phrase_openers"]),
        max_modifiers=int(d["max_modifiers"]),
        heads=re.compile(r"\b(?:" + "|".join(
            re.escape(h) for h in sorted(d["heads"], key=len, reverse=True)) + r")\b"),
        head_words=frozenset(h.split()[0] for h in d["heads"]))


def struck(text: str, start: int, end: int, bounds: tuple[int, int] | None = None) -> bool:
    """Whether ``text[start:end]`` (a target noun phrase) is the patient of a damage cue:
    a cue before it with only its noun phrase (or a coordination of noun phrases) between
    them, or a passive or intransitive damage verb after it with at most a prepositional
    phrase between; ``bounds``: its sentence (``start, end``), the whole text otherwise.
    A target noun that modifies the next word ("university students", "a bus bomb") names
    no thing struck."""
    return struck_start(text, start, end, bounds) is not None


def struck_start(text: str, start: int, end: int,
                 bounds: tuple[int, int] | None = None) -> int | None:
    """Where the struck target's noun phrase starts (:func:`struck`): ``start``, or earlier
    when words between its cue and it belong to it ("bombed the CENTRAL AMERICAN
    university", "damaged a BOOK store"); None when it was not struck."""
    rules = struck_rules()
    lo, hi = bounds if bounds is not None else (0, len(text))
    right = text[end:min(hi, end + _WINDOW)].lower()
    nxt = _WORDS.match(right.lstrip(" "))
    if nxt is not None and right[:1] == " " and nxt.group() in rules.modified:
        return None
    left = text[max(lo, start - _WINDOW):start].lower()
    # (the nearest cue: a gap from an earlier one holds the nearer one's words)
    cue = None
    for cue in rules.before.finditer(left):  # noqa: B007
        pass
    if cue is not None:
        gap = _WORDS.findall(left[cue.end():])
        if len(gap) <= rules.max_gap and not any(
                w in rules.breakers or w in rules.prepositions for w in gap):
            return start - len(left) + _phrase_start(left, cue.end(), rules)
    after = rules.after.search(right)
    if after is not None:
        gap = _WORDS.findall(right[:after.start()])
        if len(gap) <= rules.max_gap_after and not any(w in rules.breakers for w in gap):
            return start
    return None


def _phrase_start(left: str, at: int, rules: StruckRules) -> int:
    """Where in ``left`` (the text before a target, its cue ending at ``at``) the target's
    noun phrase starts: after the last determiner, conjunction, "of", comma or number
    between the cue and the target, at most ``max_modifiers`` words back."""
    words = [m for m in _TOKENS.finditer(left, at)]
    k = len(words)
    while k > 0 and len(words) - k < rules.max_modifiers:
        w = words[k - 1].group()
        if w in rules.phrase_openers or not w[0].isalpha():
            break
        k -= 1
    return words[k].start() if k < len(words) else len(left)


def struck_targets(article: Article, targets: list[RoleFiller]) -> list[RoleFiller]:
    """The ``targets`` of ``article`` that its sentences say were struck (:func:`struck`),
    each quoted from where its noun phrase starts (:func:`struck_start`)."""
    if not targets:
        return targets
    starts = [s.start for s in article.sentences]
    out = []
    for t in targets:
        k = bisect_right(starts, t.start) - 1
        bounds = (article.sentences[k].start, article.sentences[k].end) if k >= 0 else None
        at = struck_start(article.text, t.start, t.end, bounds)
        if at is not None:
            out.append(t if at >= t.start else
                       RoleFiller(article.text[at:t.end], at, t.end, t.kind))
    return out


def struck_nouns(article: Article, sentences: list[int]) -> list[RoleFiller]:
    """Things the frames' target lexicon leaves out ("bombed a radio station and a
    DRUGSTORE", "two TRANSFORMERS were destroyed"): the ``heads`` of
    ``fillers_struck.json`` in the ``sentences`` (indices) that were struck, each quoted
    from where its noun phrase starts."""
    if not _ARTICLE_HEADS.any(article.text):
        return []
    return [f for i in sorted(set(sentences)) for f in _sentence_nouns(article, i)]


class _ArticleHeads:
    """Whether the article being processed names any of the heads at all (most name
    none: its drafts then read none of their sentences; one test per article)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.found = False

    def any(self, text: str) -> bool:
        if text is not self.text:
            low = lower_of(text)
            self.text = text
            self.found = not (low.isascii()
                              and struck_rules().head_words.isdisjoint(ascii_letter_runs(low)))
        return self.found


_ARTICLE_HEADS = _ArticleHeads()


def _sentence_nouns(article: Article, index: int) -> list[RoleFiller]:
    s = article.sentences[index]
    rules = struck_rules()
    low = article.text[s.start:s.end].lower()
    # (most sentences name none of the heads: their words tell, faster than the pattern)
    if low.isascii() and rules.head_words.isdisjoint(ascii_letter_runs(low)):
        return []
    out = []
    for m in rules.heads.finditer(low):
        start, end = s.start + m.start(), s.start + m.end()
        at = struck_start(article.text, start, end, (s.start, s.end))
        if at is not None:
            out.append(RoleFiller(article.text[at:end], at, end))
    return out

