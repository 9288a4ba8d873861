"""Toponym recognition without a trained NER: gazetteer n-grams filtered by context.

Candidate spans are the longest runs of folded tokens that are gazetteer keys. In mixed-case
text only capitalised tokens can start a name, so only those are looked up (a dict lookup
each, limited to the n-gram lengths the first token can start). Context then decides:
capitalisation, stoplists in caseless text, person cues (titles, given names and the
surnames they reveal, one sense per article), acronyms, hyphenated compounds, demonyms
(never places). Abbreviations ("Calif.", "W.Va.", "Springfield, IL") come from a data
table. Patterns ("the town of X", "X province") add names the gazetteer lacks, and "slot"
names (a capitalised unknown word after "in"/"near" or before ", <Country>") are offered
to the resolver's fuzzy fallback, which drops them unless they match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Sentence
from ..nlp.lexicon import read_json, read_lines
from .gazetteer import Gazetteer
from .normalize import TOKEN, fold, name_key

__all__ = ["Toponym", "recognise"]


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
_CONNECT = frozenset(_CUES["connectors"])
_TITLES = frozenset(_CUES["titles"])
_SPEECH = frozenset(_CUES["speech_verbs"])
_ORG = frozenset(_CUES["org_suffixes"])
_INSTIT = frozenset(_CUES["institutions"])
_FIRST = frozenset(read_lines("places", "first_names.txt"))
_NEVER = frozenset(read_lines("places", "never_places.txt"))
# Hand list plus words counted as mostly lower-case in news text (common_words.txt).
_COMMON = frozenset(_CUES["common_words"]) | frozenset(read_lines("places", "common_words.txt"))
# Capitalised sentence openers that are no first name ("In Paris", "Across Syria").
_LEADING = frozenset(("at", "from", "near", "to", "into", "outside", "across", "inside",
                      "throughout", "within", "around", "for", "by", "but", "yet", "in",
                      "meanwhile", "elsewhere", "like", "unlike", "as", "if", "so", "both",
                      "the", "and", "of", "on", "with", "after", "before", "while", "when"))
_DIRECTION = frozenset(("north", "south", "east", "west", "central", "northern", "southern",
                        "eastern", "western", "upper", "lower", "greater", "new", "old",
                        "downtown", "metro", "northeast", "northwest", "southeast",
                        "southwest", "rural", "suburban"))
# Words before a name that make it a place whatever else the article says ("in Jackson").
_LOCATIVE = frozenset(("in", "near", "at", "from", "outside", "to", "into", "across",
                       "toward", "towards", "through", "throughout", "around", "inside",
                       "between", "within", "via", "of"))
_ABBR = read_json("places", "abbreviations.json")

_WORD_BEFORE = re.compile(r"([\w'.-]+)[ \t]*$")
_WORD_AFTER = re.compile(r"[ \t]*([\w'.-]+)")
# Where a name may start in mixed-case text: a capital (Latin-1/Latin-A capitals too)
# not preceded by a letter, digit or apostrophe.
_CAP_START = re.compile(r"(?<![\w'\u2019])[A-Z\u00c0-\u00de\u0100-\u017f]")
# Up to eight tokens joined the way one name's tokens may be ("St. Louis", "Port-au-
# Prince", "Sana'a"); never over a possessive "'s".
_RUN = re.compile(r"[a-z0-9]+(?:(?:[ \t]|\n(?![ \t]*\n)|-|'(?!s\b)|\.[ \t]?|\.-)[a-z0-9]+){0,7}")
# "Firstname [X.] Surname" and "Title Surname": the second word is a person's name.
_PERSON = re.compile(r"\b([A-Z][a-z]+)\.?[ \t]+(?:[A-Z]\.[ \t]+)?(?=([A-Z][\w'\u2019-]+))")

_NAME = r"[A-Z][\w'\u2019-]+(?:\s+(?:[A-Z][\w'\u2019-]+|al|el|ad|as|ash|an|bin|ben|ibn|de|la))*"
_HINTS = {"town": "city", "village": "city", "city": "city", "hamlet": "city",
          "locality": "city", "suburb": "city", "neighborhood": "city", "neighbourhood": "city",
          "camp": "other", "district": "admin2", "county": "admin2", "municipality": "admin2",
          "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
          "area": "other"}
_PATTERNS = (
    re.compile(r"\b(?:[Tt]he\s+)?(town|village|city|hamlet|locality|suburb|neighbou?rhood|camp|"
               r"district|county|municipality|province|governorate|state|region|area)"
               r"\s+of\s+(" + _NAME + r")(?=[\s,.;:)]|$)"),
    re.compile(r"\b(" + _NAME + r")\s+(province|governorate|district|region|county|"
               r"municipality|state)\b"),
    re.compile(r"\bin\s+(" + _NAME + r"),\s+an?\s+(town|village|city|hamlet|suburb|"
               r"district|neighbou?rhood|locality)\b"),
)
# Unknown capitalised names in a place slot, for the fuzzy fallback only.
_SLOT = re.compile(r"\b(?:in|near|outside|around|from|at|into|toward|towards)\s+"
                   r"(?:the\s+(?:town|village|city|area)\s+of\s+)?"
                   r"([A-Z][a-z'\u2019]+(?:[ -](?:[A-Z][a-z'\u2019]+|al|el|ad|ben|bin))*)")
_SLOT_BEFORE = re.compile(r"([A-Z][a-z'\u2019]+(?:[ -](?:[A-Z][a-z'\u2019]+|al|el|ben|bin))*)"
                          r",\s+(?=[A-Z])")


def _abbr_regex(forms: list[str]) -> re.Pattern[str]:
    alts = sorted(forms, key=len, reverse=True)
    # inner periods may be followed by a space ("W. Va.", "N. Y.")
    body = "|".join(re.escape(a).replace(r"\.", r"\.[ ]?").rstrip("?").removesuffix("[ ]")
                    for a in alts)
    return re.compile(r"(?<![\w.])(?:" + body + r")(?![\w])")


_DOTTED = {re.sub(r"[ .]", "", k).lower(): v for k, v in _ABBR["dotted"].items()}
_DOTTED_RE = _abbr_regex(list(_ABBR["dotted"]))
_POSTAL = dict(_ABBR["postal"])
_POSTAL_RE = re.compile(r",[ \t]+(" + "|".join(_POSTAL) + r")\b(?![.-]?\w)")
_BARE = dict(_ABBR["bare"])


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def _case_mode(text: str) -> str:
    sample = text[:3000]
    if sample.islower():
        return "lower"
    upper = len(_UPPER.findall(sample))
    lower = len(_LOWER.findall(sample))
    if upper == 0:
        return "lower"
    return "upper" if upper > 4 * lower else "mixed"


def _capitalised(span: str) -> bool:
    """Every significant word starts with a capital (connectors may stay lower case)."""
    words = re.split(r"[\s-]+", span)
    if not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _CONNECT or not w[:1].isalpha() for w in words)


def _is_sentence_start(text: str, start: int, starts: set[int]) -> bool:
    if start in starts:
        return True
    before = text[max(0, start - 3):start].rstrip(" \"'\u201c\u2018(")
    return before == "" or before[-1:] in ".!?\n:"


def _surnames(text: str) -> set[str]:
    """Folded words the article uses as a person's surname ("John Flores", "Sgt. Bell")."""
    out: set[str] = set()
    for m in _PERSON.finditer(text):
        w = m.group(1).lower()
        if w in _FIRST or w in _TITLES:
            out.add(fold(m.group(2)).replace("\u2019", "'"))
    return out


class _Context:
    """Per-article state shared by the checks."""

    __slots__ = ("folded", "gaz", "mode", "starts", "surnames", "text")

    def __init__(self, text: str, gaz: Gazetteer, mode: str, starts: set[int]) -> None:
        self.text, self.folded, self.gaz, self.mode, self.starts = (
            text, fold(text), gaz, mode, starts)
        self.surnames = _surnames(text) if mode == "mixed" else set()


def _is_place_like(gaz: Gazetteer, key: str) -> bool:
    return any(c.feature in ("country", "admin1") for c in gaz.by_key(key))


def _keep(cx: _Context, s: int, e: int, key: str) -> bool:
    text, gaz, mode = cx.text, cx.gaz, cx.mode
    surface = text[s:e]
    letters = sum(c.isalpha() for c in surface)
    prev = _WORD_BEFORE.search(text, max(0, s - 30), s)
    nxt = _WORD_AFTER.match(text, e, e + 30)
    prev_raw = prev.group(1) if prev else ""
    prev_w = prev_raw.lower().rstrip(".")
    next_w = nxt.group(1).lower().rstrip(".,") if nxt else ""
    one_word = " " not in key
    if mode == "mixed":
        if not _capitalised(surface):
            return False
        if letters <= 2 and not (surface.isupper() or "." in surface):
            return False
        if key in _COMMON and _is_sentence_start(text, s, cx.starts):
            return False
        # Acronyms ("FDA", "UN", "HIV") are organisations or diseases unless they name a
        # country or state ("US", "UK", "UAE").
        if one_word and surface.isupper() and letters <= 5 and "." not in surface and (
                not _is_place_like(gaz, key)):
            return False
    else:
        if key in _COMMON or letters <= 2 or (letters == 3 and "." not in surface
                                              and mode == "lower"):
            return False
    if prev_w in _TITLES or next_w in _ORG:
        return False
    if next_w in _SPEECH and not _is_place_like(gaz, key):
        return False
    # Hyphenated compounds ("Wal-Mart", "Miami-Dade"): a part is no place on its own unless
    # the other part is a country or state too ("the Syria-Turkey border").
    if e < len(text) - 1 and text[e] == "-" and text[e + 1].isalpha():
        other = TOKEN.match(cx.folded, e + 1)
        if other and other.group() not in _CONNECT and not (
                _is_place_like(gaz, key) and _is_place_like(gaz, other.group())):
            return False
    if s > 1 and text[s - 1] == "-" and text[s - 2].isalpha():
        other = name_key(prev_raw[:-1].rsplit("-", 1)[-1])
        if other not in _CONNECT and not (
                _is_place_like(gaz, key) and _is_place_like(gaz, other)):
            return False
    if mode != "mixed":
        return True
    locative = prev_w in _LOCATIVE and prev_raw.islower()
    if one_word and key in cx.surnames and not locative and not text.startswith(",", e):
        return False
    if one_word:
        # "Raquel Henry", "Paris Hilton": a capitalised word glued to a one-word name is
        # most likely a first name or surname, unless it is a direction or connector.
        gap = text[prev.end(1):s] if prev else ""
        if (prev and gap == " " and prev_raw[:1].isupper() and prev_w not in _CONNECT
                and prev_w not in _COMMON and prev_w not in _LEADING
                and prev_w not in _DIRECTION and not prev_raw.isupper()):
            return False
        if nxt and nxt.group(1)[:1].isupper() and text[e:nxt.start(1)] == " ":
            if key in _FIRST:
                return False
            if (next_w not in _INSTIT and next_w not in _CONNECT
                    and not _is_place_like(gaz, key)):
                return False
    return True


def _gazetteer_names(cx: _Context) -> list[Toponym]:
    folded, gaz = cx.folded, cx.gaz
    longest = gaz.longest
    found: list[Toponym] = []
    if cx.mode == "mixed":
        starts = (m.start() for m in _CAP_START.finditer(cx.text))
    else:
        starts = (m.start() for m in TOKEN.finditer(folded))
    covered = -1
    for s in starts:
        if s < covered:
            continue
        first = TOKEN.match(folded, s)
        if first is None:
            continue
        most = longest.get(first.group())
        if most is None:
            continue
        if most == 1:
            toks = [first]
        else:
            run = _RUN.match(folded, s)
            toks = list(TOKEN.finditer(folded, s, run.end())) if run else [first]
            del toks[most:]
        for length in range(len(toks), 0, -1):
            key = " ".join(t.group() for t in toks[:length]) if length > 1 else first.group()
            if key in gaz and gaz.demonym_country(key) is None:
                e = toks[length - 1].end()
                if _keep(cx, s, e, key):
                    # "U.S." / "D.C.": an abbreviation keeps its final period
                    if e < len(folded) and folded[e] == "." and "." in folded[s:e]:
                        e += 1
                    found.append(Toponym(s, e, key))
                    covered = e
                break  # the longest candidate decides: no "New" out of "New York Times"
    return found


def _abbreviations(cx: _Context, found: list[Toponym]) -> list[Toponym]:
    """State abbreviations: dotted forms anywhere, postal codes after "Place, "."""
    text = cx.text
    out: list[Toponym] = []
    if cx.mode != "mixed":
        return out
    for m in _DOTTED_RE.finditer(text):
        # one-part forms ("Ore.", "Miss.") are words too: only after "Place, " or "D-"
        if "." not in m.group()[:-1] and not text[max(0, m.start() - 2):m.start()] in (
                ", ", ",\n") and not text[m.start() - 1:m.start()] == "-":
            continue
        cc, name = _DOTTED[re.sub(r"[ .]", "", m.group()).lower()]
        out.append(Toponym(m.start(), m.end(), name_key(name), "admin1", cc))
    ends = {t.end for t in found}
    for m in _POSTAL_RE.finditer(text):
        if m.start() in ends:
            cc, name = _POSTAL[m.group(1)]
            out.append(Toponym(m.start(1), m.end(1), name_key(name), "admin1", cc))
    for form, (cc, name) in _BARE.items():
        for m in re.finditer(r"\b" + form + r"\b", text):
            out.append(Toponym(m.start(), m.end(), name_key(name), None, cc))
    return out


def _pattern_names(cx: _Context) -> list[Toponym]:
    """Names the patterns introduce, and their other occurrences in the text."""
    text = cx.text
    out: list[Toponym] = []
    names: dict[str, str | None] = {}
    for k, pat in enumerate(_PATTERNS):
        for m in pat.finditer(text):
            name_group, kind_group = (2, 1) if k == 0 else (1, 2)
            s, e = m.span(name_group)
            surface = text[s:e]
            first = surface.split()[0].lower()
            if (first in _TITLES or first in _LEADING or fold(surface).strip() in _COMMON
                    or first in _FIRST):
                continue
            hint = _HINTS.get(m.group(kind_group).lower(), "other")
            out.append(Toponym(s, e, name_key(surface), hint))
            names.setdefault(surface, hint)
    for surface, hint in names.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
            out.append(Toponym(m.start(), m.end(), name_key(surface), hint))
    return out


def _slot_names(cx: _Context) -> list[Toponym]:
    """Capitalised names the gazetteer lacks, in a place slot: fuzzy-fallback guesses."""
    text, gaz = cx.text, cx.gaz
    out: list[Toponym] = []
    for pat in (_SLOT, _SLOT_BEFORE):
        for m in pat.finditer(text):
            s, e = m.span(1)
            key = name_key(text[s:e])
            first = key.split(" ", 1)[0]
            if (key in gaz or first in _COMMON or first in _FIRST or first in _TITLES
                    or first in _NEVER
                    or first in _LEADING or key in cx.surnames or len(key) < 4
                    or gaz.demonym_country(first) is not None):
                continue
            out.append(Toponym(s, e, key, "slot"))
    return out


def recognise(text: str, gaz: Gazetteer, sentences: list[Sentence] | None = None
              ) -> list[Toponym]:
    """Toponym spans of ``text``, sorted, never overlapping (the longest match wins)."""
    mode = _case_mode(text)
    cx = _Context(text, gaz, mode, {s.start for s in sentences or []})
    found = _gazetteer_names(cx)
    if mode != "mixed":
        return found
    abbrs = _abbreviations(cx, found)
    if abbrs:
        found = _merge(abbrs, found)
    return _merge(found, _pattern_names(cx) + _slot_names(cx))


def _merge(found: list[Toponym], extra: list[Toponym]) -> list[Toponym]:
    """``found`` first, then ``extra`` names where they overlap nothing; an extra name
    that extends a found one ("Ben Guerdan" over "Ben") replaces it."""
    if not extra:
        return found
    first = {id(t) for t in found}
    items = sorted(found + extra, key=lambda t: (t.start, -(t.end - t.start), id(t) not in first))
    out: list[Toponym] = []
    for t in items:
        if out and t.start < out[-1].end:
            prev = out[-1]
            # a found name wins over an extra one of the same or shorter extent
            if id(t) in first and id(prev) not in first and t.end >= prev.end:
                out[-1] = t
            continue
        out.append(t)
    # keep the hint of a pattern occurrence on the gazetteer match of the same span
    hints = {(t.start, t.end): t.hint for t in extra if t.hint != "slot"}
    for t in out:
        if t.hint is None:
            t.hint = hints.get((t.start, t.end))
    return out
