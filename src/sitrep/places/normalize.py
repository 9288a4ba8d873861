"""Text folding for gazetteer matching, keeping offsets, and a transliteration skeleton.

``fold`` lower-cases and strips accents *one character for one character*, so an offset in
the folded text is the same offset in the original: no offset map is needed.
``skeleton`` reduces a name to a rough transliteration key ("Ben Guerdan" and "Ben Gardane"
both give ``bn grdn``-like keys) for the fuzzy fallback.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import methodcaller

__all__ = ["TOKEN", "fold", "fold_name", "fold_plain", "name_key", "skeleton", "squash"]

# Characters that must fold to one specific character (apostrophes, dashes, dotted I).
_SPECIAL = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-",
    "\u0130": "i", "\u0131": "i", "\u00df": "s", "\u00e6": "a", "\u00c6": "a",
    "\u00f8": "o", "\u00d8": "o", "\u0142": "l", "\u0141": "l", "\u0111": "d", "\u0110": "d",
    "\u00a0": " ",
}


@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    """One character folded to exactly one character (itself when nothing fits)."""
    if c in _SPECIAL:
        return _SPECIAL[c]
    base = unicodedata.normalize("NFKD", c)
    base = "".join(ch for ch in base if not unicodedata.combining(ch)).lower()
    return base if len(base) == 1 else c.lower() if len(c.lower()) == 1 else c


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(m: re.Match) -> str:
    return _fold_char(m.group())


def fold(text: str) -> str:
    """Case-fold and strip accents; ``len(fold(t)) == len(t)`` always holds."""
    if text.isascii():
        return text.lower()
    return fold_plain(text)[0]


def fold_plain(text: str) -> tuple[str, bool]:
    """:func:`fold` of ``text``, and whether its tokens are plain ASCII: no character
    outside ASCII is a capital or folds to a letter or digit (curly quotes and dashes do
    not), so ASCII rules find the same capitalised tokens in ``text`` as in the fold."""
    if text.isascii():
        return text.lower(), True
    # News text holds a few distinct non-ASCII characters (quotes, dashes, accents): one
    # C-speed replace per distinct character beats a Python call per occurrence (what a
    # regex sub with a function makes) and a translate table over every character.
    # The work is done on UTF-8 bytes, where C loops over ASCII are fastest: the distinct
    # characters are what is left once the ASCII bytes are deleted, and bytes.lower()
    # lowers the ASCII letters alone (a multi-byte character holds no ASCII byte).
    raw = text.encode("utf-8", "surrogatepass")
    chars = set(raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    pairs = [(c, _fold_char(c)) for c in chars]
    out = raw.lower().decode("utf-8", "surrogatepass")
    for c, f in pairs:
        g = f if f != c else c
        if (f != c and f in chars) or g.lower() != g:
            # a character folds to another one of the text (one replace would fold it
            # twice), or its fold still has a lower case (rare letters): what lower()
            # over the text makes, character by character
            out = _NON_ASCII.sub(_fold_match, text).lower()
            break
        if f != c:
            out = out.replace(c, f)
    if len(out) != len(text):  # a folded character that lower() still expands
        out = "".join(c.lower() if c.isascii() else _fold_char(c) for c in text)
    return out, all(_inert(c) for c in chars)


_ASCII_BYTES = bytes(range(128))


@lru_cache(maxsize=4096)
def _inert(c: str) -> bool:
    """Whether the non-ASCII ``c`` can neither start nor continue a token: no letter or
    digit, and no fold to one ("\u2019" folds to an apostrophe, "\u00e9" to a letter)."""
    f = _fold_char(c)
    return not c.isalnum() and not (f.isascii() and f.isalnum())


_SPACES = re.compile(r"\s+")
_JUNK = re.compile(r"[^a-z0-9' .-]")


def fold_name(name: str) -> str:
    """The key a gazetteer name is indexed under: folded, single-spaced, trimmed."""
    return _SPACES.sub(" ", fold(name)).strip(" .,")


TOKEN = re.compile(r"[a-z0-9]+")


def name_key(name: str) -> str:
    """The index key of a name: its folded alphanumeric tokens joined by one space
    ("St. Louis" -> "st louis", "Ben-Gardan" -> "ben gardan")."""
    if name.isalpha() and name.isascii():  # the common case: one plain word
        return name.lower()
    return " ".join(TOKEN.findall(fold(name)))


_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|an|at|az)[- ']")
# (pattern, replacement, trigger): a rule can change the name only if one of its trigger
# substrings is in it (None: no cheap test), so most rules are skipped for most names by
# a substring test instead of a regex call.
_RULES = (
    (re.compile(r"[.-]"), " ", (".", "-")),
    (re.compile(r"'"), "", ("'",)),  # ayn/hamza marks: "Sana'a", "Dar'a"
    # an Arabic article inside a name, in any of its assimilated spellings ("Jisr al-Shughur"
    # / "Jisr ash Shughur", "Ras al-Ain" / "Ra's el Ain"): one vowel, as the article fused
    # to its word leaves it ("Deir ez-Zor" / "Deir Ezzor")
    (re.compile(r" (?:al|el|ad|an|ar|as|ash|at|az|ed|en|er|es|esh|et|ez|ul|ud) (?=[a-z])"),
     " a ", (" a", " e", " u")),
    (re.compile(r"ou"), "u", ("ou",)),
    (re.compile(r"gu(?=[eiy])"), "g", ("gu",)),
    (re.compile(r"qu"), "k", ("qu",)),
    (re.compile(r"[qc](?=[^hei]|$)"), "k", ("q", "c")),
    (re.compile(r"ph"), "f", ("ph",)),
    (re.compile(r"kh"), "h", ("kh",)),
    # (Each look-behind below follows the first character it tests the start of, so the
    # patterns start with a character class the engine skips to: "\b[aeiou]+" as
    # "[aeiou](?<!\w[aeiou])[aeiou]*", the same matches where a leading look-behind or
    # boundary is tried at every position.)
    (re.compile(r"h(?<=[aeiou]h)\b"), "", ("h",)),  # final -ah/-eh: "Hamah", "Raqqah", "Basrah"
    (re.compile(r"[aeiou](?<!\w[aeiou])[aeiou]*(?=[a-z])"), "a", None),  # initial: "Erbil"/"Arbil"
    (re.compile(r"[aeiouy](?<=[a-z][aeiouy])[aeiouy]*(?=[a-z])"), "a", None),  # inner: one class
    (re.compile(r"[aeiouy](?<=[a-z][aeiouy])[aeiouy]*\b"), "", None),  # final: dropped in English
    # (a callable in C, not the template r"\1": a template costs a Python-level filter
    # made at every call, and a Python call per match)
    (re.compile(r"([a-z])\1+"), methodcaller("group", 1), None),
    # (the name holds no whitespace but spaces here: only a run of two changes anything)
    (re.compile(r"\s+"), " ", ("  ",)),
)


def skeleton(name: str) -> str:
    """A rough transliteration key: prefixes al-/el- dropped, ou/u, gu/g, vowels merged,
    doubled letters collapsed. Used only to compare spellings, never shown."""
    s = _JUNK.sub("", fold_name(name))
    s = _PREFIX.sub("", s)
    for pattern, repl, needs in _RULES:
        if needs is not None:
            for part in needs:
                if part in s:
                    break
            else:
                continue  # no trigger: the rule would change nothing
        s = pattern.sub(repl, s)
    return s.strip()


_DOUBLE = re.compile(r"(.)\1+")
_GROUP1 = methodcaller("group", 1)  # the replacement r"\1", as a callable in C


@lru_cache(maxsize=16384)
def squash(name: str) -> str:
    """:func:`skeleton` without spaces, doubled letters collapsed once more ("Deir Ezzor"
    and "Deir ez-Zor" both give ``darazar``): the key the fuzzy fallback compares."""
    return _DOUBLE.sub(_GROUP1, skeleton(name).replace(" ", ""))
