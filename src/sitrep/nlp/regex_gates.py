"""A look-ahead at the characters a pattern's match can start with, for faster searches.

Python's regex engine skips in C to where a match can start only when a pattern opens
with a literal or a character class. A pattern that opens with a word boundary and a
choice of words (``\\b(?:after|following|since)\\s+...``) is instead entered at every
position of the text, each alternative tried in turn. :func:`gated` puts in front of
such a pattern a look-ahead for the characters any match must start with
(``(?=[afs])``), read from the parsed pattern: most positions then fail on one class
test. The look-ahead only restates what the pattern needs, so every method (``search``,
``match``, ``finditer``...) finds the same matches, groups included.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

__all__ = ["first_chars", "gated"]

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# A gate of more characters than this would let most positions through.
_MAX_CHARS = 40


def _chars(items: list) -> set[int] | None:
    """The code points a character class ``[...]`` (parsed items) matches, when it is
    made of single characters and small ranges only; else None."""
    out: set[int] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(av)
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CHARS:
            out.update(range(av[0], av[1] + 1))
        else:  # a negated class, a category (\s, \w...), a wide range
            return None
    return out


def _firsts(items: list) -> set[int] | None:
    """The characters (code points) a match of the parsed sequence ``items`` can start
    with, or None when that is not plain to see (or it can match the empty string)."""
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue  # (a boundary or look-around consumes nothing)
        rest = items[i + 1:]
        if op is sre.LITERAL:
            return {av}
        if op is sre.IN:
            return _chars(av)
        if op is sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:  # "(?i:...)" and the like: read no further
                return None
            return _firsts(list(sub) + rest)
        if op is sre.ATOMIC_GROUP:
            return _firsts(list(av) + rest)
        if op is sre.BRANCH:
            out: set[int] = set()
            for branch in av[1]:
                firsts = _firsts(list(branch) + rest)
                if firsts is None:
                    return None
                out |= firsts
            return out
        if op in _REPEATS:
            low, _, sub = av
            firsts = _firsts(list(sub))
            if firsts is None:
                return None
            if low >= 1:
                return firsts
            after = _firsts(rest)  # the repeated part may be absent
            return None if after is None else firsts | after
        return None  # any other character, a back-reference...
    return None  # the sequence can end here: a match may be empty


def _skips_already(items: list) -> bool:
    """Whether the engine may already skip to candidates: the pattern opens (inside plain
    groups) with a literal, a class, or a choice of branches that each open with a
    literal."""
    while items:
        op, av = items[0]
        if op is sre.SUBPATTERN and not (av[1] or av[2]):
            items = list(av[3])
            continue
        if op is sre.BRANCH:
            return all(branch and list(branch)[0][0] is sre.LITERAL for branch in av[1])
        return op in (sre.LITERAL, sre.IN)
    return False


def first_chars(pattern: re.Pattern[str]) -> set[str] | None:
    """The characters a match of ``pattern`` can start with (as written: with
    IGNORECASE their other cases too), or None when that is not plain to see."""
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError):
        return None
    firsts = _firsts(parsed)
    return None if firsts is None else {chr(c) for c in firsts}


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead at the characters its matches start with, when
    that helps: the pattern does not open with a literal or a class already and a few
    characters can start it. Otherwise ``pattern`` itself."""
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError):
        return pattern
    if _skips_already(parsed):
        return pattern
    firsts = _firsts(parsed)
    if not firsts or len(firsts) > _MAX_CHARS:
        return pattern
    chars = "".join(f"\\U{c:08x}" for c in sorted(firsts))
    try:  # (the same flags: with IGNORECASE the class takes the other cases too)
        return re.compile(f"(?=[{chars}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. a global flag "(?i)" that must open the pattern
        return pattern
