"""A look-ahead at the characters a pattern's match can start with, for faster searches.

Python's regex engine skips in C to where a match can start only when a pattern opens
with a literal or a character class. A pattern that opens with a word boundary and a
choice of words (``\\b(?:after|following|since)\\s+...``) is instead entered at every
position of the text, each alternative tried in turn. :func:`gated` puts in front of
such a pattern a look-ahead for the characters any match must start with
(``(?=[afs])``), read from the parsed pattern: most positions then fail on one class
test. The look-ahead only restates what the pattern needs, so every method (``search``,
``match``, ``finditer``...) finds the same matches, groups included.

The pattern is read with CPython's own regex parser (``re._parser``: private, as named
since Python 3.11, which the project requires); what it cannot read plainly gets no gate.
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

__all__ = ["first_chars", "gated"]

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# A gate of more characters than this would let most positions through.
_MAX_CHARS = 40
# Classes a gate may take whole (as the pattern means them, under its own flags).
_CATEGORIES = {sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_DIGIT: r"\d"}


def _chars(items: list) -> set[str] | None:
    """The class items (for ``[...]``) a character class (parsed items) is made of, when
    they are single characters, small ranges, spaces or digits; else None (a negated
    class, ``\\w``, a wide range: too many characters for a useful gate)."""
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(_char(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CHARS:
            out.update(_char(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            return None
    return out


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _firsts(items: list) -> set[str] | None:
    """The class items (characters as ``\\U`` escapes, ``\\s``, ``\\d``) a match of the
    parsed sequence ``items`` can start with, or None when that is not plain to see (or
    it can match the empty string)."""
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue  # (a boundary or look-around consumes nothing)
        rest = items[i + 1:]
        if op is sre.LITERAL:
            return {_char(av)}
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
            out: set[str] = set()
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
    IGNORECASE their other cases too; ``\\s`` or ``\\d`` for any space or digit), or
    None when that is not plain to see."""
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError):
        return None
    firsts = _firsts(parsed)
    if firsts is None:
        return None
    return {chr(int(c[2:], 16)) if c.startswith("\\U") else c for c in firsts}


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead at the characters its matches start with, when
    that helps: the pattern does not open with a literal or a class already and a few
    characters can start it. Otherwise ``pattern`` itself."""
    gate = _gate(pattern.pattern, pattern.flags)
    return pattern if gate is None else gate


@cache
def _gate(source: str, flags: int) -> re.Pattern[str] | None:
    """The gated pattern of :func:`gated`, or None. (Cached: several modules compile the
    same pattern file.)"""
    try:
        parsed = list(sre_parse.parse(source, flags))
    except (re.error, TypeError, ValueError):
        return None
    if _skips_already(parsed):
        return None
    firsts = _firsts(parsed)
    if not firsts or len(firsts) > _MAX_CHARS:
        return None
    chars = "".join(sorted(firsts))
    try:  # (the same flags: with IGNORECASE the class takes the other cases too)
        return re.compile(f"(?=[{chars}])(?:{source})", flags)
    except re.error:  # e.g. a global flag "(?i)" that must open the pattern
        return None
