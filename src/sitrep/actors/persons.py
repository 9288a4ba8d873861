"""Names of people in news text, also where capitals say nothing (all-capitals wire text,
all-lower-case scrapes).

A name starts at a known given name ("hector", "mohammed", "maria") or right after a title
("archbishop", "student", "governor") and runs over the following name-like words: not a
common word, not a title, at most four words, Spanish/Arabic/Dutch particles allowed inside
("stela torrado de otalora", "arturo rivera y damas"). In mixed-case text the words must
also be Capitalised. The lexicon is ``data/actors/persons.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..nlp.lexicon import read_json
from ..nlp.offsets import word_offsets

__all__ = ["PersonSpan", "find_persons"]

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019-]*")
_MAX_WORDS = 4
# Endings of ordinary English words: after a title, "the mayor occupied ..." names nobody.
_WORD_ENDING = re.compile(
    r"(?:ed|ing|tion|sion|ment|ness|ity|ance|ence|ship|ism|ly|ous|ive|ful|less|able)$")


@dataclass(frozen=True, slots=True)
class PersonSpan:
    """A person's name: ``text`` is ``source[start:end]``; ``titled`` when a title
    ("archbishop", "student") stands right before it."""

    text: str
    start: int
    end: int
    titled: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    given: frozenset[str]
    titles: frozenset[str]
    particles: frozenset[str]
    common: frozenset[str]
    # Given names and titles, bare and possessive ("maria's"): a text none of whose words
    # is one names nobody.
    starts: frozenset[str]
    # The words whose :func:`_bare` form is a given name ("maria", "maria's"): one set
    # look-up instead of a call per word.
    given_words: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    d = read_json("actors", "persons.json")
    given, titles = frozenset(d["given_names"]), frozenset(d["titles"])
    starts = given | titles
    starts |= {w + s for w in starts for s in ("'s", "\u2019s")}
    given_words = {w for g in given for w in (g, g + "'s", g + "\u2019s") if _bare(w) in given}
    return _Lexicon(given, titles, frozenset(d["particles"]), frozenset(d["common_words"]),
                    frozenset(starts), frozenset(given_words))


def _name_like(word: str, raw: str, lex: _Lexicon, cased: bool) -> bool:
    word = _bare(word)
    if word in lex.common or word in lex.titles or len(word) < 2:
        return False
    return not cased or raw[0].isupper()


def find_persons(text: str, offset: int = 0) -> list[PersonSpan]:
    """Person names in ``text`` (offsets + ``offset``), left to right, not overlapping."""
    return list(_find_persons(text, offset))


@lru_cache(maxsize=512)
def _find_persons(text: str, offset: int) -> tuple[PersonSpan, ...]:
    """:func:`find_persons`, cached: the events stage reads a sentence's names once per
    event told in it (and in the sentence before)."""
    lex = _lexicon()
    # A name starts at a given name or after a title: without either, skip the scan.
    # (Lower-casing first is the same on ASCII text, the common case.)
    found = _WORD.findall(text.lower()) if text.isascii() else \
        map(str.lower, _WORD.findall(text))
    if lex.starts.isdisjoint(found):
        return ()
    # Capitals carry information only in mixed-case text.
    cased = not (text.isupper() or text.islower())
    raws = _WORD.findall(text)
    words = [(raw.lower(), raw, start, start + len(raw))
             for raw, start in zip(raws, word_offsets(text, raws)[0], strict=True)]
    given_words, titles = lex.given_words, lex.titles
    # Where a name can start: a given name, or a word right after a title. Any other
    # word is passed over, so the walk jumps from one such place to the next.
    places = [k for k, w in enumerate(words)
              if w[0] in given_words or (k and words[k - 1][0] in titles)]
    out: list[PersonSpan] = []
    i = 0
    for k in places:
        if k < i:
            continue  # inside the name just read
        i = k
        norm, raw, _, _ = words[i]
        titled = i > 0 and words[i - 1][0] in lex.titles and _adjacent(text, words[i - 1], words[i])
        anchor = _bare(norm) in lex.given and (not cased or raw[0].isupper())
        if not (anchor or (titled and _name_like(norm, raw, lex, cased)
                           and not _WORD_ENDING.search(_bare(norm)))):
            i += 1
            continue
        j = i + 1
        while j < len(words) and j - i < _MAX_WORDS and _adjacent(text, words[j - 1], words[j]):
            w, r = words[j][0], words[j][1]
            if _name_like(w, r, lex, cased) and w not in lex.particles \
                    and (cased or not _WORD_ENDING.search(_bare(w))):
                j += 1
                if _bare(w) != w:
                    break  # "jaramillo's murder": the possessive ends the name
            elif (w in lex.particles and j + 1 < len(words)
                  and _adjacent(text, words[j], words[j + 1])
                  and _name_like(words[j + 1][0], words[j + 1][1], lex, cased)
                  and words[j + 1][0] not in lex.particles):
                j += 2
            else:
                break
        # A lone given name is a name only after a title ("father ernesto"); otherwise a
        # given name needs a surname ("maria" alone is too often something else).
        if j - i >= 2 or titled:
            start, end = words[i][2], words[j - 1][3]
            if _bare(words[j - 1][0]) != words[j - 1][0]:
                end -= 2
            out.append(PersonSpan(text[start:end], offset + start, offset + end, titled))
        i = j
    return tuple(out)


def _bare(word: str) -> str:
    """The word without a possessive ("oqueli's" -> "oqueli")."""
    return word[:-2] if word[-2:] in ("'s", "\u2019s") else word


def _adjacent(text: str, left: tuple, right: tuple) -> bool:
    """Only spaces between two words (a comma or a bracket ends a name)."""
    gap = text[left[3]:right[2]]
    return 0 < len(gap) <= 2 and gap.strip() == ""
