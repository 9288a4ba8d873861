"""Shared state of toponym recognition: the span type, the cue lexicons (data files under
``data/places``), the article context (case mode, surnames the article reveals) and small
predicates the recognisers share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.lexicon import read_json, read_lines
from .gazetteer import Gazetteer
from .normalize import fold, name_key

__all__ = ["CASELESS", "COMMON", "CONNECT", "DIRECTION", "FIRST", "INSTIT", "LEADING",
           "LOCATIVE", "NEVER", "ORG", "SPEECH", "SURNAMES", "TITLES", "Context", "Toponym",
           "capitalised", "case_mode", "find_surnames", "is_place_like", "is_sentence_start"]


@dataclass(slots=True)
class Toponym:
    """A recognised toponym span; ``key`` is its index key, ``hint`` the feature its
    pattern suggests ("city" for "the town of X"; "slot" for a guess the resolver may drop),
    ``country`` a country the candidates must lie in (abbreviations)."""

    start: int
    end: int
    key: str
    hint: str | None = None
    country: str | None = None


_CUES = read_json("places", "cues.json")
CONNECT = frozenset(_CUES["connectors"])
TITLES = frozenset(_CUES["titles"])
SPEECH = frozenset(_CUES["speech_verbs"])
ORG = frozenset(_CUES["org_suffixes"])
INSTIT = frozenset(_CUES["institutions"])
FIRST = frozenset(read_lines("places", "first_names.txt")) | frozenset(
    read_lines("places", "census_first_names.txt"))
# Ordinary English words that are also gazetteer names, for caseless text.
CASELESS = frozenset(read_lines("places", "caseless_common.txt"))
# Common surnames that are also small towns: places only in a place slot (see recognize).
SURNAMES = frozenset(read_lines("places", "census_surnames.txt"))
NEVER = frozenset(read_lines("places", "never_places.txt"))
# Hand list plus words counted as mostly lower-case in news text (common_words.txt).
COMMON = frozenset(_CUES["common_words"]) | frozenset(read_lines("places", "common_words.txt"))
# Capitalised sentence openers that are no first name ("In Paris", "Across Syria").
LEADING = frozenset(("at", "from", "near", "to", "into", "outside", "across", "inside",
                      "throughout", "within", "around", "for", "by", "but", "yet", "in",
                      "meanwhile", "elsewhere", "like", "unlike", "as", "if", "so", "both",
                      "the", "and", "of", "on", "with", "after", "before", "while", "when"))
DIRECTION = frozenset(("north", "south", "east", "west", "central", "northern", "southern",
                        "eastern", "western", "upper", "lower", "greater", "new", "old",
                        "downtown", "metro", "northeast", "northwest", "southeast",
                        "southwest", "rural", "suburban", "metropolitan", "greater"))
# Words before a name that make it a place whatever else the article says ("in Jackson").
LOCATIVE = frozenset(("in", "near", "at", "from", "outside", "to", "into", "across",
                       "toward", "towards", "through", "throughout", "around", "inside",
                       "between", "within", "via"))
# "Firstname [X.] Surname" and "Title Surname": the second word is a person's name.
# (A look-behind after the first capital, not a leading \b, lets the engine skip to capitals.)
_PERSON = re.compile(r"([A-Z](?<!\w.)[a-z]+)\.?[ \t]+(?:[A-Z]\.[ \t]+)?(?=([A-Z][\w'\u2019-]+))")

_UPPER_BYTES = bytes(range(ord("A"), ord("Z") + 1))
_LOWER_BYTES = bytes(range(ord("a"), ord("z") + 1))


def case_mode(text: str) -> str:
    """"mixed" for ordinary text, "upper" for wire copy in capitals, else "lower"."""
    sample = text[:3000]
    if sample.islower():
        return "lower"
    # count ASCII capitals and small letters at C speed: delete them and compare lengths
    raw = sample.encode("ascii", "ignore")
    upper = len(raw) - len(raw.translate(None, _UPPER_BYTES))
    lower = len(raw) - len(raw.translate(None, _LOWER_BYTES))
    if upper == 0:
        return "lower"
    return "upper" if upper > 4 * lower else "mixed"


_WORD_SPLIT = re.compile(r"[\s-]+")


def capitalised(span: str) -> bool:
    """Every significant word starts with a capital (connectors may stay lower case)."""
    if not span[:1].isupper():
        return False
    if span.isalpha():  # one plain word
        return True
    words = _WORD_SPLIT.split(span)
    return all(w[:1].isupper() or w.lower() in CONNECT or not w[:1].isalpha() for w in words)


def is_sentence_start(text: str, start: int, starts: set[int] | frozenset[int]) -> bool:
    if start in starts:
        return True
    before = text[max(0, start - 3):start].rstrip(" \"'\u201c\u2018(")
    return before == "" or before[-1:] in ".!?\n:"


def find_surnames(text: str, gaz: Gazetteer) -> set[str]:
    """Folded words the article uses as a person's surname: after a given name or title
    ("John Flores", "Sgt. Bell"), after a middle initial ("Tyrise M. Bell"), or after a
    capitalised word that is no place ("Bracelen Flood"); never a country or state."""
    out: set[str] = set()
    for m in _PERSON.finditer(text):
        w = m.group(1).lower()
        cue = _CUE.get(w)
        if cue is None:
            if len(_CUE) > 100_000:
                _CUE.clear()
            cue = _CUE[w] = _cue_kind(w, gaz)
        # the cue is checked before the name is normalised: most pairs give none
        if (cue == _ALWAYS or m.end() - m.end(1) > 2  # a middle initial
                or (cue == _UNLESS_START and not is_sentence_start(text, m.start(1), _NO_STARTS))):
            name = name_key(m.group(2))
            if " " in name or name in out:
                continue
            big = _BIG.get(name)
            if big is None:
                if len(_BIG) > 100_000:
                    _BIG.clear()
                big = _BIG[name] = gaz.big_area(name)
            if not big:
                out.add(name)
    return out


# What a capitalised word before another says of it (memoised per word: the lexicons and
# the gazetteer never change in a process): a given name or title; any other word that
# is no place and no function word, unless it opens a sentence; nothing.
_ALWAYS, _UNLESS_START, _NOT_A_CUE = 2, 1, 0
_CUE: dict[str, int] = {}
_BIG: dict[str, bool] = {}
_NO_STARTS: frozenset[int] = frozenset()


def _cue_kind(w: str, gaz: Gazetteer) -> int:
    if w in FIRST or w in TITLES:
        return _ALWAYS
    if (w not in gaz and w not in LEADING and w not in CONNECT and w not in DIRECTION
            and w not in COMMON and gaz.demonym_country(w) is None):
        return _UNLESS_START
    return _NOT_A_CUE


class Context:
    """Per-article state shared by the checks."""

    __slots__ = ("folded", "gaz", "mode", "reverse", "starts", "surnames", "text", "unmatched")

    def __init__(self, text: str, gaz: Gazetteer, mode: str, starts: set[int]) -> None:
        self.text, self.folded, self.gaz, self.mode, self.starts = (
            text, fold(text), gaz, mode, starts)
        self.reverse = text[::-1]  # for cheap look-behind at the word before a name
        # (start, end) of capitalised tokens no gazetteer name took, filled by the scan:
        # the demonym and place-slot finders look only there
        self.unmatched: list[tuple[int, int]] = []
        self.surnames = find_surnames(text, gaz) if mode == "mixed" else set()


_PLACE_LIKE: dict[tuple[int, str], bool] = {}


def is_place_like(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key`` names a country or admin1 area (memoised per gazetteer)."""
    memo = (id(gaz), key)
    hit = _PLACE_LIKE.get(memo)
    if hit is None:
        if len(_PLACE_LIKE) > 100_000:
            _PLACE_LIKE.clear()
        hit = _PLACE_LIKE[memo] = gaz.place_like(key)
    return hit

