"""Scans of patterns that match only at the start of a word, tried only there.

Python's regex engine skips ahead in C only to a character that can open a match (a
pattern that begins with a literal or a character class); a pattern that begins with a
word boundary or a look-behind (``\\b(?<!-)killed``) is instead tried at every position
of the text. When every match starts a word, a first scan with a pattern that opens with
a character class (the character before a word) and looks ahead for the pattern's body
finds, one character early, every place where a match can start; the pattern itself is
then tried only there. Several patterns can share the first scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["BEFORE_WORD", "matches_at", "starts_pattern"]

# Every character that can come before a word: ASCII non-word characters and all
# non-ASCII ones (a superset of ``\W``, tested faster by the engine than the category).
BEFORE_WORD = r"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\U0010ffff]"


def starts_pattern(bodies: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """The first scan for patterns ``\\b<body>`` (or ``\\b(?<!-)<body>``) whose bodies can
    only begin with a word character: its matches end (zero width after the character
    before the word) where one of ``bodies`` matches. A body may be looser than the
    pattern's own (the first letters of its words): it needs only to match wherever the
    pattern's does, as :func:`matches_at` tries the pattern itself."""
    alternatives = "|".join(f"(?:{b})" for b in bodies)
    return re.compile(f"{BEFORE_WORD}(?={alternatives})", flags)


def matches_at(pattern: re.Pattern[str], text: str,
               starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, same matches, for a pattern that can match only at the
    start of the text or at one of ``starts`` (ascending positions, e.g. the ends of a
    :func:`starts_pattern` scan): tried there only, left to right, never inside the
    previous match, as ``finditer`` would (the pattern never matches empty)."""
    last = 0
    m = pattern.match(text, 0)  # the start of the text has no character before it
    if m:
        yield m
        last = m.end()
    for pos in starts:
        if pos < last:
            continue
        m = pattern.match(text, pos)
        if m:
            yield m
            last = m.end()
