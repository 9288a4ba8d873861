"""Toponym recognition without a trained NER: gazetteer n-grams filtered by context.

Candidate spans are the longest runs of folded tokens that are gazetteer keys. In mixed-case
text only capitalised tokens can start a name, so only those are looked up (a dict lookup
each, limited to the n-gram lengths the first token can start). Context then decides:
capitalisation, stoplists in caseless text, person cues (titles, given names and the
surnames they reveal, one sense per article), acronyms, hyphenated compounds. Names the scan
cannot find come from :mod:`sitrep.places.extra_names`: abbreviations ("Calif.", "W.Va."),
demonyms (reported as their country when :data:`DEMONYMS` is on), pattern names ("the
town of X", "X province") and place-slot guesses ("in X", "X, <Country>") that the
resolver's fuzzy fallback drops unless they match.
"""

from __future__ import annotations

import re

from ..article import Sentence
from .context import (
    COMMON,
    CONNECT,
    DIRECTION,
    FIRST,
    INSTIT,
    LEADING,
    LOCATIVE,
    ORG,
    SPEECH,
    TITLES,
    Context,
    Toponym,
    capitalised,
    case_mode,
    is_place_like,
    is_sentence_start,
)
from .extra_names import abbreviations, demonym_names, pattern_names, slot_names
from .gazetteer import Gazetteer
from .normalize import TOKEN, name_key

__all__ = ["DEMONYMS", "Toponym", "recognise"]

# Whether demonyms are reported as mentions of their country (see recognise()).
DEMONYMS = True

_DISEASE = frozenset(("virus", "fever", "flu", "syndrome", "disease", "ebolavirus"))
_WORD_BEFORE_REV = re.compile(r"([ \t]*)([\w'.-]+)")
_WORD_AFTER = re.compile(r"[ \t]*([\w'.-]+)")
# Where a name may start in mixed-case text: a capital (Latin-1/Latin-A capitals too)
# not preceded by a letter, digit or apostrophe.
_CAP_START = re.compile(r"(?<![\w'\u2019])[A-Z\u00c0-\u00de\u0100-\u017f]")
# Up to eight tokens joined the way one name's tokens may be ("St. Louis", "Port-au-
# Prince", "Sana'a"); never over a possessive "'s".
_RUN = re.compile(r"[a-z0-9]+(?:(?:[ \t]|\n(?![ \t]*\n)|-|'(?!s\b)|\.[ \t]?|\.-)[a-z0-9]+){0,7}")

def _keep(cx: Context, s: int, e: int, key: str) -> bool:
    text, gaz, mode = cx.text, cx.gaz, cx.mode
    surface = text[s:e]
    letters = len(surface) if surface.isalpha() else sum(c.isalpha() for c in surface)
    # the word before, read forwards in the reversed text (an anchored match: cheap)
    prev = _WORD_BEFORE_REV.match(cx.reverse, len(text) - s)
    prev_raw = prev.group(2)[::-1] if prev else ""
    prev_end = s - len(prev.group(1)) if prev else s
    nxt = _WORD_AFTER.match(text, e, e + 30)
    prev_w = prev_raw.lower().rstrip(".")
    next_w = nxt.group(1).lower().rstrip(".,") if nxt else ""
    one_word = " " not in key
    if mode == "mixed":
        if not capitalised(surface):
            return False
        if letters <= 2 and not (surface.isupper() or "." in surface):
            return False
        if key in COMMON and is_sentence_start(text, s, cx.starts):
            return False
        # Acronyms ("FDA", "UN", "HIV") are organisations or diseases unless they name a
        # country or state ("US", "UK", "UAE").
        if one_word and surface.isupper() and letters <= 5 and "." not in surface and (
                not is_place_like(gaz, key)):
            return False
    else:
        if key in COMMON or letters <= 2 or (letters == 3 and "." not in surface
                                              and mode == "lower"):
            return False
    if prev_w in TITLES:
        return False
    # "Dublin Road", "Oxford University"; in mixed text only a capitalised suffix counts
    # ("an Ohio court" is a place), except disease names ("Marburg virus").
    if next_w in ORG and (mode != "mixed" or nxt.group(1)[:1].isupper() or next_w in _DISEASE):
        return False
    if next_w in SPEECH and not is_place_like(gaz, key):
        return False
    # Hyphenated compounds ("Wal-Mart", "Miami-Dade"): a part is no place on its own unless
    # the other part is a country or state too ("the Syria-Turkey border").
    if e < len(text) - 1 and text[e] == "-" and text[e + 1].isalpha():
        other = TOKEN.match(cx.folded, e + 1)
        if other and other.group() not in CONNECT and not (
                is_place_like(gaz, key) and (is_place_like(gaz, other.group())
                                              or gaz.demonym_country(other.group()))):
            return False
    if s > 1 and text[s - 1] == "-" and text[s - 2].isalpha():
        other = name_key(prev_raw[:-1].rsplit("-", 1)[-1])
        # "al-Raqqa", "Egyptian-US", and "D-Columbus" (a party label) are fine
        if len(other) > 1 and other not in CONNECT and not (
                is_place_like(gaz, key) and (is_place_like(gaz, other)
                                              or gaz.demonym_country(other))):
            return False
    if mode != "mixed":
        # no capitals to go by: a given name, or a word right after one, is a person
        # ("KEITH WILLIAMS"), unless it names a country, a state or a big city
        if one_word and (prev_w in FIRST or key in FIRST) and not is_place_like(gaz, key) and (
                max((c.population for c in gaz.by_key(key)), default=0) < 100_000):
            return False
        return True
    locative = prev_w in LOCATIVE and prev_raw.islower()
    if one_word and key in cx.surnames and not locative:
        return False
    if one_word and prev_w in FIRST and prev_raw[:1].isupper() and text[prev_end:s] == " ":
        return False
    if one_word:
        # "Raquel Henry", "Paris Hilton": a capitalised word glued to a one-word name is
        # most likely a first name or surname, unless it is a direction or connector.
        gap = text[prev_end:s] if prev else ""
        if (prev and gap == " " and prev_raw[:1].isupper() and prev_w not in CONNECT
                and prev_w not in COMMON and prev_w not in LEADING
                and prev_w not in DIRECTION and not prev_raw.isupper()
                and not prev_w.endswith(("'s", "\u2019s"))):
            return False
        # a common word capitalised mid-sentence ("the Act", "Police Union") is a place
        # only in a place slot or when it names a country or state
        if key in COMMON and not locative and not is_place_like(gaz, key):
            return False
        if nxt and nxt.group(1)[:1].isupper() and text[e:nxt.start(1)] == " ":
            if key in FIRST:
                return False
            if (next_w not in INSTIT and next_w not in CONNECT
                    and not is_place_like(gaz, key)):
                return False
    return True


def _gazetteer_names(cx: Context) -> list[Toponym]:
    folded, gaz = cx.folded, cx.gaz
    longest, index = gaz.longest, gaz.key_index
    found: list[Toponym] = []
    starts = (_CAP_START if cx.mode == "mixed" else TOKEN).finditer(
        cx.text if cx.mode == "mixed" else folded)
    covered = -1
    match_token, match_run = TOKEN.match, _RUN.match
    unmatched = cx.unmatched
    for m in starts:
        s = m.start()
        if s < covered:
            continue
        first = match_token(folded, s)
        if first is None:
            continue
        word = first.group()
        most = longest.get(word)
        if most is None:
            unmatched.append((s, first.end()))
            continue
        if most == 1:
            toks, words = [first], [word]
        else:
            run = match_run(folded, s)
            toks = list(TOKEN.finditer(folded, s, run.end()))[:most] if run else [first]
            words = [t.group() for t in toks]
        for length in range(len(toks), 0, -1):
            key = " ".join(words[:length]) if length > 1 else word
            if key in index:
                e = toks[length - 1].end()
                if _keep(cx, s, e, key):
                    # "U.S." / "D.C.": an abbreviation keeps its final period
                    if e < len(folded) and folded[e] == "." and "." in folded[s:e]:
                        e += 1
                    # "al-Raqqa", "el-Fasher": the joined article belongs to the name
                    article = _ARTICLE.search(folded, max(0, s - 5), s) if s > 2 and (
                        folded[s - 1] == "-") else None
                    found.append(Toponym(article.start() if article else s, e, key))
                    covered = e
                break  # the longest candidate decides: no "New" out of "New York Times"
        if covered <= s:
            unmatched.append((s, first.end()))
    return found


_ARTICLE = re.compile(r"(?<![\w'])(?:al|el|ad|ar|as|an|at|az|ash|ad|ed|ez|es)-$")


def recognise(text: str, gaz: Gazetteer, sentences: list[Sentence] | None = None
              ) -> list[Toponym]:
    """Toponym spans of ``text``, sorted, never overlapping (the longest match wins)."""
    mode = case_mode(text)
    cx = Context(text, gaz, mode, {s.start for s in sentences or []})
    found = _gazetteer_names(cx)
    if mode != "mixed":
        return found
    abbrs = abbreviations(cx, found)
    if abbrs:
        found = _merge(abbrs, found)
    if DEMONYMS:
        found = _merge(found, demonym_names(cx))
    slots = [t for t in slot_names(cx)
             if not any(f.start < t.end and t.start < f.end for f in found)]
    return _merge(found, pattern_names(cx) + slots)


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
    hints = {(t.start, t.end): t.hint for t in extra if t.hint not in ("slot", "demonym")}
    for t in out:
        if t.hint is None:
            t.hint = hints.get((t.start, t.end))
    return out
