"""Character offsets of words found by a regex's ``findall``, without match objects."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["word_offsets"]


def word_offsets(text: str, words: Sequence[str], pos: int = 0) -> tuple[list[int], list[int]]:
    """Where each of ``words`` starts and ends in ``text``.

    ``words`` must be the words of ``text`` in order, as a ``findall`` of a pattern whose
    words begin with a word character and between which no word character lies: then the
    next occurrence of a word's text is the word itself, so one string search per word
    finds it, cheaper than building a match object per word. ``words`` may also be the
    first words only, or (with ``pos``, the end of the word before them) the next ones.
    """
    starts: list[int] = []
    ends: list[int] = []
    find = text.find
    for w in words:
        pos = find(w, pos)
        starts.append(pos)
        pos += len(w)
        ends.append(pos)
    return starts, ends
