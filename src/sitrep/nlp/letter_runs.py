"""The runs of letters of ASCII text, found by a byte table rather than a regex."""

from __future__ import annotations

__all__ = ["ascii_letter_runs"]

# bytes.translate maps each byte through a 256-entry table at C speed: every byte but an
# ASCII letter becomes a space, so ``split`` then gives the runs of letters, faster than
# a regex of letters (which builds its matches one by one).
_LETTER_GAPS = bytes(i if chr(i).isascii() and chr(i).isalpha() else 32 for i in range(256))


def ascii_letter_runs(text: str) -> list[str]:
    """The maximal runs of ASCII letters of ``text``, in order: what
    ``re.findall("[A-Za-z]+", text)`` gives. ``text`` must be ASCII (``str.isascii``)."""
    return text.encode("ascii").translate(_LETTER_GAPS).decode("ascii").split()
