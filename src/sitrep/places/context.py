"""Shared state of toponym recognition: the span type, the cue lexicons (data files under
``data/places``), the article context (case mode, surnames the article reveals) and small
predicates the recognisers share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.lexicon import read_json, read_lines
from .gazetteer import Gazetteer
from .normalize import fold_plain, name_key

__all__ = ["CASELESS", "COMMON", "CONNECT", "DIRECTION", "FIRST", "INSTIT", "LEADING",
           "LOCATIVE", "NEVER", "ORG", "SPEECH", "SURNAMES", "TITLES", "TITLE_ABBREVIATIONS",
           "Context", "Toponym", "capitalised", "case_mode", "case_mode_of_signature",
           "case_signature", "find_surnames", "is_place_like", "is_sentence_start", "is_surname",
           "is_title"]


@dataclass(slots=True)
class Toponym:
    """A recognised toponym span; ``key`` is its index key, ``hint`` the feature its
    pattern suggests ("city" for "the town of X"; "slot" for a guess the resolver may drop),
    ``country`` a country the candidates must lie in (abbreviations); ``area``: an admin
    word right after the name asks for an area ("Katsina State", see admin_words)."""

    start: int
    end: int
    key: str
    hint: str | None = None
    country: str | None = None
    area: bool = False


_CUES = read_json("places", "cues.json")
CONNECT = frozenset(_CUES["connectors"])
TITLES = frozenset(_CUES["titles"])
# Titles written short with a period ("Gen.", "Capt.", "Dr."): any other title followed by a
# period ends a sentence ("... met the president. Kenya has denied it")
TITLE_ABBREVIATIONS = frozenset(t for t in TITLES if len(t) <= 4) - {"miss", "king"}


def is_title(raw: str) -> bool:
    """Whether the word ``raw`` (as written, with its period if any) is a title before a
    name: not "minister." or "general.", which end a sentence."""
    word = raw.lower().rstrip(".")
    return word in TITLES and (raw[-1:] != "." or word in TITLE_ABBREVIATIONS)
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
# The part of _PERSON before the second name, read backwards from it in the reversed text
# (where the first name ends): finds where a _PERSON match ending at a name would start.
_PERSON_BEFORE_REV = re.compile(r"(?:[ \t]+\.[A-Z])?[ \t]+\.?[a-z]+[A-Z]")
_NAME_RUN = re.compile(r"[\w'\u2019-]*")  # the rest of _PERSON's second name

# The case signature of a text whose tokens are ASCII (Context.sig): its bytes with every
# capital made "A", every other non-ASCII character "?" (all are inert there) but the
# right single quote, which stays an apostrophe. Regexes that name capitals only as a class
# find the same spans in it, starting from a literal "A" the engine skips to at C speed,
# where a leading class is tested character by character.
_CAPS_TO_A = bytes.maketrans(bytes(range(ord("A"), ord("Z") + 1)), b"A" * 26)

_UPPER_BYTES = bytes(range(ord("A"), ord("Z") + 1))
_LOWER_BYTES = bytes(range(ord("a"), ord("z") + 1))


def case_mode(text: str) -> str:
    """"mixed" for ordinary text, "upper" for wire copy in capitals, else "lower"."""
    sample = text[:3000]
    if sample.islower():
        return "lower"
    # count ASCII capitals and small letters at C speed: delete them and compare lengths
    # (in UTF-8, which needs no error handler: the bytes of other characters are no ASCII
    # letters; the head below may then hold fewer letters, a bound all the same)
    raw = sample.encode("utf-8", "surrogatepass")
    upper = len(raw) - len(raw.translate(None, _UPPER_BYTES))
    if upper == 0:
        return "lower"
    # the small letters of a prefix are a lower bound of the count: enough to say "mixed"
    # for ordinary text without counting the whole sample
    head = raw[:600]
    if upper <= 4 * (len(head) - len(head.translate(None, _LOWER_BYTES))):
        return "mixed"
    lower = len(raw) - len(raw.translate(None, _LOWER_BYTES))
    return "upper" if upper > 4 * lower else "mixed"


def case_mode_of_signature(text: str, sig: bytes) -> str:
    """:func:`case_mode` of ``text`` read on its :func:`case_signature` ``sig`` (one byte per
    character): the same counts of ASCII capitals (every "A" of ``sig``) and small letters in
    its first 3000 characters, with no second encoding of the text."""
    if text[:3000].islower():
        return "lower"
    upper = sig.count(b"A", 0, 3000)
    if upper == 0:
        return "lower"
    # (case_mode's shortcut on a shorter head: any prefix's small letters bound the count
    # from below, so "mixed" is the verdict of the full count too)
    head = sig[:600]
    if upper <= 4 * (len(head) - len(head.translate(None, _LOWER_BYTES))):
        return "mixed"
    sample = sig[:3000]
    lower = len(sample) - len(sample.translate(None, _LOWER_BYTES))
    return "upper" if upper > 4 * lower else "mixed"


def case_signature(text: str) -> bytes:
    """``text`` as bytes, capitals made "A", other non-ASCII characters "?" and the right
    single quote an apostrophe (one byte per character: offsets are the text's). Only for
    text whose non-ASCII characters are no letters or digits (``fold_plain``'s flag)."""
    if text.isascii():
        return text.encode("ascii").translate(_CAPS_TO_A)
    # (each character, the astral ones too, encodes to one byte or one "?")
    return text.replace("\u2019", "'").encode("ascii", "replace").translate(_CAPS_TO_A)


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


def _person_cue(m: re.Match, text: str, gaz: Gazetteer) -> bool:
    """Whether the :data:`_PERSON` match ``m`` makes its second name a surname."""
    w = m.group(1).lower()
    cue = _CUE.get(w)
    if cue is None:
        if len(_CUE) > 100_000:
            _CUE.clear()
        cue = _CUE[w] = _cue_kind(w, gaz)
    return (cue == _ALWAYS or m.end() - m.end(1) > 2  # a middle initial
            or (cue == _UNLESS_START and not is_sentence_start(text, m.start(1), _NO_STARTS)))


def is_surname(text: str, folded: str, reverse: str, key: str, gaz: Gazetteer) -> bool:
    """Whether ``key`` is in :func:`find_surnames` of ``text`` (``folded`` and ``reverse``
    are its fold and its reverse), asked of one name: only the name's occurrences are read,
    where find_surnames reads every pair of capitalised words."""
    if " " in key or not key:
        return False
    big = _BIG.get(key)
    if big is None:
        if len(_BIG) > 100_000:
            _BIG.clear()
        big = _BIG[key] = gaz.big_area(key)
    if big:
        return False
    n, size = len(text), len(key)
    q = folded.find(key, 1)
    while q >= 0:
        # a capital after a space or tab, as the second name of _PERSON starts
        c, before = text[q], text[q - 1]
        if "A" <= c <= "Z" and (before == " " or before == "\t"):
            # a capitalised word (or a title) before, first: most places follow a small
            # word ("in Paris"), so the name's own extent is rarely read
            p = _PERSON_BEFORE_REV.match(reverse, n - q)
            if p is not None:
                run = _NAME_RUN.match(text, q + 1).end()
                if run > q + 1 and (run == q + size or name_key(text[q:run]) == key
                                    or text[q + size:run] in _POSSESSIVE):
                    m = _PERSON.match(text, n - p.end())
                    if m is not None and m.start(2) == q and _person_cue(m, text, gaz):
                        return True
        q = folded.find(key, q + size)
    return False


def find_surnames(text: str, gaz: Gazetteer) -> set[str]:
    """Folded words the article uses as a person's surname: after a given name or title
    ("John Flores", "Sgt. Bell"), after a middle initial ("Tyrise M. Bell"), or after a
    capitalised word that is no place ("Bracelen Flood"); never a country or state."""
    out: set[str] = set()
    for m in _PERSON.finditer(text):
        # the cue is checked before the name is normalised: most pairs give none
        if _person_cue(m, text, gaz):
            name = name_key(_POSSESSIVE_END.sub("", m.group(2)))
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


_APOSTROPHE_NAME = re.compile(r"[a-z]{1,2} [a-z]{3,}$")
# "Antonella Bruno's": the second name of _PERSON with a possessive after it
_POSSESSIVE = ("'s", "\u2019s")
_POSSESSIVE_END = re.compile("['\u2019]s$")
# The word right before a name and, when capitalised, the one before it ("Judge Haywood
# Turner", "Rev. Al Meredith", "said Robertson"), read backwards from the name in the
# reversed text (an anchored match): groups 1-2 the period after and the reversed word
# before, 3-4 those of the word before that
_PREV_REV = re.compile(r"[ \t]+(\.?)([A-Za-z]+)(?:[ \t]+(\.?)([a-z]+[A-Z])(?![\w.'\u2019]))?")
# A speech verb right after a name ("Robertson said")
_SAYS_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_CLAUSE_END = frozenset((",", ".", ";", ":", "", "\n", "\"", "\u201d"))


def _speaker_name(key: str, gaz: Gazetteer) -> bool:
    """Whether "``key`` said" makes ``key`` a person: a given name or surname, or a name
    no town of 100,000 people bears (a big town "says" things: "Beijing said")."""
    return key in SURNAMES or key in FIRST or _small_towns(key, gaz)


def _small_towns(key: str, gaz: Gazetteer) -> bool:
    """Whether every entry ``key`` names is a town (or other spot) under 100,000 people
    (read in the gazetteer's per-key flags: no candidate list is made)."""
    return gaz.small_towns(key)


_PERSON_LIKE: dict[str, bool] = {}


def _person_like(key: str, gaz: Gazetteer) -> bool:
    """Whether :func:`_named_person` need be asked of ``key``: a small town's name or a
    listed given name or surname (memoised: a big city's name is no person's by these cues
    often enough to pay for reading its every occurrence)."""
    hit = _PERSON_LIKE.get(key)
    if hit is None:
        if len(_PERSON_LIKE) > 100_000:
            _PERSON_LIKE.clear()
        hit = _PERSON_LIKE[key] = _speaker_name(key, gaz)
    return hit


def _named_person(text: str, folded: str, reverse: str, key: str, gaz: Gazetteer) -> bool:
    """Whether the one-word name ``key`` is a person somewhere in ``text`` by a cue
    :func:`is_surname` does not read: a title or given name two words before it, past a
    middle or given name that is itself a place word ("Judge Haywood Turner", "Cameron Lee
    Earle"), or a speech verb next to it ("Robertson said", "said Meredith"; see
    :func:`_speaker_name`). One sense per article: a person named
    so is that person in every other sentence too."""
    speech: bool | None = None  # whether a speech verb may make it a person (asked once)
    size, n = len(key), len(text)
    # a plain word is looked for capitalised in the text itself: the folded text holds
    # every lower-case "area" and "mark" too ("McDaniel" is left to is_surname's cues)
    plain = key.isalpha()
    where, what = (text, key[:1].upper() + key[1:]) if plain else (folded, key)
    q = where.find(what)
    while q >= 0:
        c, before = text[q], text[q - 1] if q else " "
        end = q + size
        if ("A" <= c <= "Z" and (before == " " or before == "\t")
                and not text[end:end + 1].isalnum()):
            says = False
            # the word before (and the one before it), read backwards: one anchored match
            m = _PREV_REV.match(reverse, n - q)
            w = m.group(2)[::-1] if m is not None else ""
            if w[:1].isupper():
                if m.group(4):
                    w1 = m.group(4)[::-1].lower()
                    # the middle word must be a name ("General Motors Detroit" is no
                    # person), but for an abbreviated title ("Const. Kwesi Millington")
                    if w1 in TITLES and m.group(3):
                        return True
                    if (w1 in TITLES or w1 in FIRST) and (
                            w.lower() in FIRST or w.lower() in gaz):
                        return True
            elif w in SPEECH:
                # "said Meredith." but not "said Laconia police Capt. Clary"
                says = text[end:end + 1] in _CLAUSE_END
            # not "Officials in Jackson said", "the city of Laconia said": a place said it
            if not says and w not in LOCATIVE and w != "of":
                a = _SAYS_AFTER.match(text, end, end + 20)
                says = a is not None and a.group(1) in SPEECH
            if says:
                if speech is None:
                    speech = _speaker_name(key, gaz)
                if speech:
                    return True
        q = where.find(what, q + size)
    return False


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

    __slots__ = ("_surnames", "demonym_starts", "folded", "gaz", "marks", "mode", "plain",
                 "reverse", "sig", "starts", "text", "unmatched")

    def __init__(self, text: str, gaz: Gazetteer, mode: str | None, starts: set[int]) -> None:
        self.text, self.gaz, self.starts = text, gaz, starts
        # plain: the text's tokens are ASCII ones (non-ASCII quotes and dashes at most), so
        # ASCII rules find its capitalised tokens (see recognize._starts)
        self.folded, self.plain = fold_plain(text)
        # the case signature (see _CAPS_TO_A) of mixed-case text with ASCII tokens; mode
        # None: case_mode's, read on the signature when there is one (no second encoding)
        sig = case_signature(text) if self.plain and mode in ("mixed", None) else None
        if mode is None:
            mode = case_mode(text) if sig is None else case_mode_of_signature(text, sig)
        self.mode = mode
        self.sig = sig if mode == "mixed" else None
        self.reverse = text[::-1]  # for cheap look-behind at the word before a name
        # (start, end) of capitalised tokens no gazetteer name took, filled by the scan:
        # the demonym and place-slot finders look only there
        self.unmatched: list[tuple[int, int]] = []
        # the unmatched tokens that may be (or start) a demonym: all the demonym finder reads
        self.demonym_starts: list[tuple[int, int]] = []
        # (start, end, key, word before or "-") of the names the scan judged after "in" or a
        # compass word, or next to a joined article: contained.py and joined.py read these
        self.marks: list[tuple[int, int, str, str]] = []
        # name -> whether the article uses it as a surname (see is_surname), asked lazily:
        # a few dozen names need the answer, where reading every pair of capitalised
        # words for all of them costs more
        self._surnames: dict[str, bool] = {}

    def is_surname(self, key: str) -> bool:
        """Whether the article uses the one-word name ``key`` as a person's surname (see
        :func:`find_surnames`; never in caseless text)."""
        hit = self._surnames.get(key)
        if hit is None:
            if self.mode != "mixed":
                hit = self._surnames[key] = False
                return hit
            # "O'Connor", "D'Souza": the key splits at the apostrophe the folded text keeps
            word = key.replace(" ", "'") if " " in key and _APOSTROPHE_NAME.match(key) else key
            text, folded, reverse, gaz = self.text, self.folded, self.reverse, self.gaz
            hit = is_surname(text, folded, reverse, word, gaz)
            # (is_surname has memoised whether the word names a country or state)
            if not hit and " " not in word and not _BIG.get(word, True):
                like = _PERSON_LIKE.get(word)
                if like is None:
                    like = _person_like(word, gaz)
                hit = like and _named_person(text, folded, reverse, word, gaz)
            self._surnames[key] = hit
        return hit


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

