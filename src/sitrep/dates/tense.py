"""Tense of the clause around a date expression: does "on Friday" mean the coming Friday
or the last one? News reports mostly look back, so the past is the default; a future
cue ("will", "is expected to", "scheduled for") nearer the expression than any past
cue ("said", "was", a verb in -ed) turns it forward.
"""

from __future__ import annotations

import re

from .grammar import Grammar

__all__ = ["is_future"]

_LOOK_BACK = 80  # characters: about the clause before the expression
_LOOK_AHEAD = 50


def is_future(g: Grammar, text: str, start: int, end: int, s_start: int, s_end: int,
              *, folded: bool = False) -> bool:
    """Whether ``text[start:end]`` (in the sentence ``text[s_start:s_end]``) points
    forward. The last cue before the expression in its sentence decides (comparing end
    offsets, so "is due" beats the "is" inside it and "will be named" stays future);
    without one, the first cue after it. ``folded``: ``text`` is ``fold_case`` of the
    text and free of the four non-ASCII letters that case-insensitive matching equates
    with ASCII ones (see :mod:`sitrep.nlp.case_odd`), so the faster case-sensitive patterns give
    the same answer."""
    future, past = (g.future_folded, g.past_folded) if folded else (g.future_pattern,
                                                                   g.past_pattern)
    lo = max(s_start, start - _LOOK_BACK)
    best_f = _last_end(future, text, lo, start)
    best_p = _last_end(past, text, lo, start)
    if best_f >= 0 or best_p >= 0:
        return best_f >= best_p
    hi = min(s_end, end + _LOOK_AHEAD)
    f = future.search(text, end, hi)
    p = past.search(text, end, hi)
    return f is not None and (p is None or f.start() < p.start())


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    last = -1
    for m in pattern.finditer(text, lo, hi):
        last = m.end()
    return last
