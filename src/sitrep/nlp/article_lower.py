"""The article's text lower-cased once, for the stages' several whole-text scans."""

from __future__ import annotations

__all__ = ["lower_of"]

# (text, text.lower()) of the last text asked about. One tuple, swapped whole, so that a
# reader never pairs one text with another's lower case.
_LAST: tuple[str, str] = ("", "")


def lower_of(text: str) -> str:
    """``text.lower()``, computed once for a text asked about repeatedly in a row.

    The counts and events stages lower-case the whole article in several places (tolls,
    frames, linking, struck targets, full names, threats, place doubts); one copy serves
    them all. The
    cache holds the last text only and checks identity, so it costs no hashing."""
    global _LAST
    last = _LAST
    if last[0] is text:
        return last[1]
    low = text.lower()
    _LAST = (text, low)
    return low
