"""Whether a text holds a letter that breaks matching on lower-cased text.

Several scans match a case-sensitive twin of an IGNORECASE pattern against the text
lower-cased (two to three times faster). That gives the same matches unless the text
holds one of the few non-ASCII letters that IGNORECASE equates with an ASCII letter:
dotted capital I (lower-cases to two characters), dotless i and long s (lower-case to
themselves, yet match "i" and "s"), and the Kelvin sign (matches "k"). Those are every
such character in Unicode (found by testing ``re.compile("[a-z]", re.I)`` against all
code points).
"""

from __future__ import annotations

import re

__all__ = ["CASE_ODD_CHARS", "case_odd", "lower_twin", "twin_exact"]

CASE_ODD_CHARS = "\u0130\u0131\u017f\u212a"


def case_odd(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`CASE_ODD_CHARS`. (Four substring
    tests: on long non-ASCII text about fifty times faster than a one-class regex.)"""
    return not text.isascii() and any(c in text for c in CASE_ODD_CHARS)


def twin_exact(text: str, lowered: str) -> bool:
    """Whether a case-sensitive twin of an IGNORECASE pattern, run on ``lowered``
    (``text.lower()``), finds the same matches at the same offsets as the pattern on
    ``text``: the lower-casing kept every offset and no case-odd letter is present."""
    return len(lowered) == len(text) and not case_odd(text)


# "(?i)", "(?-i:...)" and the like (an escaped parenthesis before "?i" is taken for one
# too: a twin the less).
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


def lower_twin(source: str, flags: int = 0) -> re.Pattern[str] | None:
    """The case-sensitive twin of the IGNORECASE pattern ``source`` (compiled with
    ``flags``), or None when ``source`` holds an upper-case letter outside its escapes and
    group names, or inline flags (a case-sensitive group): only a pattern written in lower
    case finds on lower-cased text what it finds case-insensitively on the text."""
    if _INLINE_FLAGS.search(source) or \
            any(c.isupper() for c in re.sub(r"\\.|\(\?P<\w+>", "", source)):
        return None
    return re.compile(source, flags)
