"""Find and normalise date expressions in a text against an anchor date.

One pass of the precompiled grammar (:mod:`.grammar`, tried only where a date can begin:
:meth:`~.grammar.Grammar.finditer`) finds candidates; a handler per
alternative (:mod:`.explicit`, :mod:`.relative`) checks false friends ("Theresa May", "a
march", "2,000 people") and turns the match into a :class:`~sitrep.article.DateMention`.
Expressions that need an anchor are skipped when there is none (and reported through
:func:`scan_dates`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..article import DateMention, Sentence
from ..nlp.case_odd import case_odd
from ..nlp.sentences import split_sentences
from . import explicit, relative, seasons
from .context import Ctx, NeedsAnchor
from .grammar import fold_case, grammar

__all__ = ["ScanResult", "find_dates", "scan_dates"]

# bytes.translate with a delete table counts letters far faster than a regex substitution
_ALL_BYTES = bytes(range(256))
_NOT_UPPER = bytes(b for b in _ALL_BYTES if not 65 <= b <= 90)
_NOT_LOWER = bytes(b for b in _ALL_BYTES if not 97 <= b <= 122)

_HANDLERS: dict[str, Callable[[Ctx, re.Match[str]], DateMention | None]] = (
    explicit.HANDLERS | relative.HANDLERS | seasons.HANDLERS)


@dataclass(slots=True)
class ScanResult:
    """Mentions found, and the spans of relative expressions left out for want of an anchor."""

    mentions: list[DateMention] = field(default_factory=list)
    unresolved: list[tuple[int, int]] = field(default_factory=list)


def _case_of(text: str) -> tuple[bool, bool]:
    """(all-caps, mixed-case) judged on a sample of the letters."""
    sample = text[:4000].encode("ascii", "ignore")
    upper = len(sample.translate(None, _NOT_UPPER))
    lower = len(sample.translate(None, _NOT_LOWER))
    caps = lower < 0.1 * upper
    mixed = not caps and upper >= 0.01 * lower
    return caps, mixed


def scan_dates(text: str, anchor: date | None, *, sentences: Sequence[Sentence] | None = None,
               day_first: bool = False) -> ScanResult:
    """Every date expression of ``text``; relative ones are resolved against ``anchor``
    or, when it is ``None``, listed in ``unresolved`` instead."""
    if sentences is None:
        sentences = split_sentences(text)
    caps, mixed = _case_of(text)
    g = grammar()
    folded = fold_case(text)
    ctx = Ctx(text, anchor, [s.start for s in sentences], sentences, caps, mixed, day_first, g,
              None if case_odd(text) else folded)
    out = ScanResult()
    for m in g.finditer(folded):
        try:
            mention = _HANDLERS[m.lastgroup](ctx, m)
        except NeedsAnchor:
            out.unresolved.append(m.span())
            continue
        if mention is not None:
            out.mentions.append(mention)
    return out


def find_dates(text: str, anchor: date | None, *, sentences: Sequence[Sentence] | None = None,
               day_first: bool = False) -> list[DateMention]:
    """Date mentions of ``text`` sorted by offset, normalised against ``anchor``.

    Usable without an :class:`~sitrep.article.Article`. With ``anchor=None`` only
    self-contained dates ("7 March 2016", "in 2011") are returned. ``day_first`` reads
    ``3/7/2016`` as 3 July (default: US order, 7 March).
    """
    return scan_dates(text, anchor, sentences=sentences, day_first=day_first).mentions
