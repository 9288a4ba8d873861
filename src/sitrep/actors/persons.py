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

from ..nlp.letter_runs import ascii_letter_runs
from ..nlp.lexicon import read_json
from ..nlp.offsets import word_offsets

__all__ = ["PersonSpan", "find_persons"]

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019-]*")
_MAX_WORDS = 4
_FIRST_RUN = re.compile(r"[a-z]+")
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
    # given_words and titles: the words at or after which a name can start.
    marks: frozenset[str]
    # The first run of ASCII letters of each word of ``starts`` ("maria" of "maria's").
    first_runs: frozenset[str]
    # Words before which a given name is a saint's, so a place's ("san", "santa", "st").
    saints: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    d = read_json("actors", "persons.json")
    given, titles = frozenset(d["given_names"]), frozenset(d["titles"])
    starts = given | titles
    starts |= {w + s for w in starts for s in ("'s", "\u2019s")}
    given_words = {w for g in given for w in (g, g + "'s", g + "\u2019s") if _bare(w) in given}
    return _Lexicon(given, titles, frozenset(d["particles"]), frozenset(d["common_words"]),
                    frozenset(starts), frozenset(given_words), frozenset(given_words | titles),
                    frozenset(m[0] for m in map(_FIRST_RUN.match, starts) if m),
                    frozenset(d["saint_words"]))


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
    # The words lower-cased: on ASCII text (the common case), the words of the lower-cased
    # text, at the same places.
    if text.isascii():
        lowered = text.lower()
        # Cheaper still, a first test on the runs of letters: a word starts where a run
        # does, and its first run is the word up to its first apostrophe or hyphen.
        if lex.first_runs.isdisjoint(ascii_letter_runs(lowered)):
            return ()
        norms = _WORD.findall(lowered)
        if lex.starts.isdisjoint(norms):
            return ()
        # The words as written are cut from the text once their offsets are known.
        raws: list[str] | None = None
        offsets_of, words_of = lowered, norms  # same offsets as the text's own words
    else:
        raws = _WORD.findall(text)
        norms = [raw.lower() for raw in raws]
        if lex.starts.isdisjoint(norms):
            return ()
        offsets_of, words_of = text, raws
    # Capitals carry information only in mixed-case text.
    cased = not (text.isupper() or text.islower())
    n = len(norms)
    given_words, titles = lex.given_words, lex.titles
    # Where a name can start: a given name, or a word right after a title. Any other
    # word is passed over, so the walk jumps from one such place to the next.
    # (The words that are either are few: one look-up per word finds them.)
    at: set[int] = set()
    for k in [k for k, w in enumerate(norms) if w in lex.marks]:
        if norms[k] in given_words:
            at.add(k)
        if norms[k] in titles and k + 1 < n:
            at.add(k + 1)
    if not at:
        return ()
    places = sorted(at)
    # Where the words start and end, up to the last a name from the last place can reach
    # (its fourth word after it, or a particle's next word).
    starts, ends = word_offsets(offsets_of, words_of[:places[-1] + _MAX_WORDS + 1])
    if raws is None:
        raws = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    out: list[PersonSpan] = []
    i = 0
    for k in places:
        if k < i:
            continue  # inside the name just read
        i = k
        norm, raw = norms[i], raws[i]
        titled = i > 0 and norms[i - 1] in titles and _adjacent(text, ends[i - 1], starts[i])
        anchor = _bare(norm) in lex.given and (not cased or raw[0].isupper())
        if anchor and i > 0 and norms[i - 1] in lex.saints:
            i += 1  # "San Pedro Sula", "St. Louis": a saint's name, a place's
            continue
        if not (anchor or (titled and _name_like(norm, raw, lex, cased)
                           and not _WORD_ENDING.search(_bare(norm)))):
            i += 1
            continue
        j = i + 1
        while j < n and j - i < _MAX_WORDS and _adjacent(text, ends[j - 1], starts[j]):
            w, r = norms[j], raws[j]
            if _name_like(w, r, lex, cased) and w not in lex.particles \
                    and (cased or not _WORD_ENDING.search(_bare(w))):
                j += 1
                if _bare(w) != w:
                    break  # "jaramillo's murder": the possessive ends the name
            elif (w in lex.particles and j + 1 < n
                  and _adjacent(text, ends[j], starts[j + 1])
                  and _name_like(norms[j + 1], raws[j + 1], lex, cased)
                  and norms[j + 1] not in lex.particles):
                j += 2
            else:
                break
        # A lone given name is a name only after a title ("father ernesto"); otherwise a
        # given name needs a surname ("maria" alone is too often something else).
        if j - i >= 2 or titled:
            start, end = starts[i], ends[j - 1]
            if _bare(norms[j - 1]) != norms[j - 1]:
                end -= 2
            out.append(PersonSpan(text[start:end], offset + start, offset + end, titled))
        i = j
    return tuple(out)


def _bare(word: str) -> str:
    """The word without a possessive ("oqueli's" -> "oqueli")."""
    return word[:-2] if word[-2:] in ("'s", "\u2019s") else word


def _adjacent(text: str, left_end: int, right_start: int) -> bool:
    """Only spaces between two words (a comma or a bracket ends a name)."""
    gap = text[left_end:right_start]
    return 0 < len(gap) <= 2 and gap.strip() == ""
