"""Toponym recognition without a trained NER: gazetteer n-grams filtered by context.

Candidate spans are the longest runs of folded tokens that are gazetteer keys. In mixed-case
text only capitalised tokens can start a name, so only those are looked up (a dict lookup
each, limited to the n-gram lengths the first two tokens can start). Context then decides:
capitalisation, stoplists in caseless text, person cues (titles, given names and the
surnames they reveal, one sense per article), acronyms, hyphenated compounds. Names the scan
cannot find come from :mod:`sitrep.places.extra_names`: abbreviations ("Calif.", "W.Va."),
demonyms (reported as their country when :data:`DEMONYMS` is on), pattern names ("the
town of X", "X province") and place-slot guesses ("in X", "X, <Country>") that the
resolver's fuzzy fallback drops unless they match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter, le

from ..article import Sentence
from .admin_words import admin_suffixes
from .caseless import VOCAB, area_or_big_town, caseless_verdict, drop_person_names
from .caseless_extra import caseless_abbreviations, caseless_slot_names, with_slot_names
from .contained import MARK_BEFORE, contained_names
from .context import (
    CASELESS,
    COMMON,
    CONNECT,
    DIRECTION,
    FIRST,
    INSTIT,
    LEADING,
    LOCATIVE,
    NEVER,
    ORG,
    SPEECH,
    SURNAMES,
    TITLE_ABBREVIATIONS,
    TITLES,
    Context,
    Toponym,
    capitalised,
    is_place_like,
    is_sentence_start,
    is_title,
)
from .extra_names import (
    abbreviations,
    demonym_names,
    kind_hints,
    pattern_names,
    slot_names,
)
from .gazetteer import Gazetteer
from .group_names import drop_group_names
from .joined import join_names
from .normalize import TOKEN, name_key
from .streets import street_names

__all__ = ["DEMONYMS", "Toponym", "recognise"]

# Whether demonyms are reported as mentions of their country (see recognise()).
DEMONYMS = True

_DISEASE = frozenset(("virus", "fever", "flu", "syndrome", "disease", "ebolavirus"))
_SOURCE_END = frozenset((",", ".", ";", ":", "'", "\u2019", ""))
_ACCORDING = re.compile(r"\b(?:according|thanks|attributed)[ \t]+$", re.I)
_WORD_BEFORE_REV = re.compile(r"([ \t]*)([\w'.-]+)")
_WORD_AFTER = re.compile(r"[ \t]*([\w'.-]+)")
# Where a name may start in mixed-case text: a capital (Latin-1/Latin-A capitals too)
# not preceded by a letter, digit or apostrophe.
# (The look-behind comes after the capital so the regex engine can skip to capitals.)
_CAP_START = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u017f](?<![\w'\u2019].)")
# The same start with its whole token, for ASCII text (where folding is lower())
_CAP_TOKEN = re.compile(r"[A-Z](?<![\w'\u2019].)[A-Za-z0-9]*")
# _CAP_TOKEN over a case signature (context.case_signature): capitals are "A" there
_CAP_TOKEN_SIG = re.compile(rb"A(?<![\w'].)[A-Za-z0-9]*")
# Up to eight tokens joined the way one name's tokens may be ("St. Louis", "Port-au-
# Prince", "Sana'a"); never over a possessive "'s".
_SEP = r"(?:[ \t]|\n(?![ \t]*\n)|-|'(?!s\b)|\.[ \t]?|\.-)"
_RUN = re.compile(r"[a-z0-9]+(?:" + _SEP + r"[a-z0-9]+){0,7}")
_NEXT = re.compile(_SEP + r"([a-z0-9]+)")  # the token after a name's first one

# _keep verdicts: no place; a place only if the article uses the name as a place elsewhere
# (one sense per article); a place.
_NO, _WEAK, _YES = 0, 1, 2


# What the lexicons say of a key, memoised in one small dict: the lexicons are large sets
# whose lookups miss the CPU cache, and _keep asks up to three of them per name (and
# whether it is a caseless.VOCAB word, which _alternate_word needs: most names are none)
_IN_COMMON, _IN_SURNAMES, _IN_FIRST, _IN_VOCAB = 1, 2, 4, 8
_LEXICAL: dict[str, int] = {}


def _lexical(key: str) -> int:
    bits = _LEXICAL.get(key)
    if bits is None:
        if len(_LEXICAL) > 200_000:
            _LEXICAL.clear()
        bits = _LEXICAL[key] = ((_IN_COMMON if key in COMMON else 0)
                                | (_IN_SURNAMES if key in SURNAMES else 0)
                                | (_IN_FIRST if key in FIRST else 0)
                                | (_IN_VOCAB if key in VOCAB else 0))
    return bits


def _keep(cx: Context, s: int, e: int, key: str) -> int:
    text, gaz, mode = cx.text, cx.gaz, cx.mode
    lex = _LEXICAL.get(key)
    if lex is None:
        lex = _lexical(key)
    surface = text[s:e]
    alpha = surface.isalpha()
    letters = len(surface) if alpha else sum(map(str.isalpha, surface))
    # ("O'Connor" is one word whose key splits at the apostrophe)
    one_word = " " not in key or (" " not in surface and ("'" in surface or "\u2019" in surface))
    if mode == "mixed":
        # capitalised() inlined for one plain word (most calls)
        if not surface[:1].isupper() or (not alpha and not capitalised(surface)):
            return _NO
        if letters <= 2 and not (surface.isupper() or "." in surface):
            return _NO
        if lex & _IN_COMMON and is_sentence_start(text, s, cx.starts):
            return _NO
        # Acronyms ("FDA", "UN", "HIV") are organisations or diseases unless they name a
        # country or state ("US", "UK", "UAE").
        if one_word and surface.isupper() and letters <= 5 and "." not in surface and (
                not is_place_like(gaz, key)):
            return _NO
    else:
        # caseless: ordinary words, acronyms ("FDA") and "THE CITY" all look like names;
        # a country, a state or a big town made of ordinary words ("WEST BANK", "FORT
        # WORTH", "NEW HAVEN") still names a place. (Dotted initials stay out: "U.S." in
        # wire copy is mostly attributive, "U.S. OFFICIALS", and as country context it
        # pulls "SAN JOSE" to California; MUC-4 keys country F1 74.7 -> 73.9 with it.)
        if letters <= 2 or (
                _caseless_word(key) and (one_word or not area_or_big_town(gaz, key))) or (
                letters == 3 and "." not in surface and not is_place_like(gaz, key)):
            return _NO
    # the word before, read forwards in the reversed text (an anchored match: cheap)
    prev = _WORD_BEFORE_REV.match(cx.reverse, len(text) - s)
    if prev is not None:
        gap_rev, word_rev = prev.groups()  # (one call for both groups)
        prev_raw, prev_end = word_rev[::-1], s - len(gap_rev)
    else:
        prev_raw, prev_end = "", s
    nxt = _WORD_AFTER.match(text, e, e + 30)
    prev_w = prev_raw.lower().rstrip(".")
    next_w = nxt[1].lower().rstrip(".,") if nxt else ""  # (m[1]: no method call)
    # (the few names contained.py and joined.py read: "X in <here>", "<here> al-Ain")
    if prev_w in MARK_BEFORE:
        cx.marks.append((s, e, key, prev_w))
    if "-" in next_w:
        cx.marks.append((s, e, key, "-"))
    if prev_w in TITLES and is_title(prev_raw):  # (not "the minister. Kenya")
        return _NO
    if key in TITLE_ABBREVIATIONS and text[e:e + 1] == ".":
        return _NO  # "Gen. Jackson": a title written short, not Puente-Genil's "Gen"
    # "Dublin Road", "Oxford University"; in mixed text only a capitalised suffix counts
    # ("an Ohio court" is a place), except disease names ("Marburg virus").
    if next_w in ORG and (mode != "mixed" or nxt[1][:1].isupper() or next_w in _DISEASE):
        return _NO
    # "Jackson said" is a person; "officials in Jackson said" a place
    if next_w in SPEECH and not is_place_like(gaz, key) and not (
            prev_w in LOCATIVE and prev_raw.islower()):
        return _NO
    # Hyphenated compounds ("Wal-Mart", "Miami-Dade"): a part is no place on its own unless
    # the other part is a country or state too ("the Syria-Turkey border").
    if e < len(text) - 1 and text[e] == "-" and text[e + 1].isalpha():
        other = TOKEN.match(cx.folded, e + 1)
        if other and other.group() not in CONNECT and not (
                is_place_like(gaz, key) and (is_place_like(gaz, other.group())
                                              or gaz.demonym_country(other.group()))):
            return _NO
    if s > 1 and text[s - 1] == "-" and text[s - 2].isalpha():
        other = name_key(prev_raw[:-1].rsplit("-", 1)[-1])
        # "al-Raqqa", "Egyptian-US", and "D-Columbus" (a party label) are fine
        cx.marks.append((s, e, key, "-"))  # ("Maarat al-Numan": see joined.py)
        if len(other) > 1 and other not in CONNECT and not (
                is_place_like(gaz, key) and (is_place_like(gaz, other)
                                              or gaz.demonym_country(other))):
            return _NO
    if mode != "mixed":
        return caseless_verdict(cx, s, e, key, prev_w)
    locative = prev_w in LOCATIVE and prev_raw.islower() and not (
        # "according to Taylor." names a source, no destination (but "according to
        # Houston police" names the police of a place)
        prev_w == "to" and text[e:e + 1] in _SOURCE_END
        and _ACCORDING.search(text, max(0, prev_end - 16), prev_end - 2))
    # A one-word name outside a place slot is no place where the article uses it as a
    # surname (cx.is_surname, which reads the name's every occurrence). Every other verdict
    # below is _NO or asks that first (surname and cx.is_surname(key)): a name the other
    # rules refuse is never looked for in the text.
    surname = one_word and not locative
    if one_word and prev_w in FIRST and prev_raw[:1].isupper() and text[prev_end:s] == " ":
        return _NO
    if surname and lex & _IN_SURNAMES and text[e:e + 1] != ",":
        # "Jones fled": a common surname, unless used as a place elsewhere
        return _NO if cx.is_surname(key) else _WEAK
    if one_word:
        # "Raquel Henry", "Paris Hilton": a capitalised word glued to a one-word name is
        # most likely a first name or surname, unless it is a direction or connector.
        gap = text[prev_end:s] if prev else ""
        if (prev and gap == " " and prev_raw[:1].isupper() and prev_w not in CONNECT
                and prev_w not in COMMON and prev_w not in LEADING
                and prev_w not in DIRECTION and not prev_raw.isupper()
                and not prev_w.endswith(("'s", "\u2019s"))):
            return _NO if surname and cx.is_surname(key) else _WEAK
        # a common word capitalised mid-sentence ("the Act", "Police Union") is a place
        # only in a place slot or when it names a country or state
        if lex & _IN_COMMON and not locative and not is_place_like(gaz, key):
            return _NO
        # an ordinary word that names a place only as some town's alternate name
        # ("Farmers", "Tour", "Market"): no place outside a place slot
        if not locative and alpha and lex & _IN_VOCAB and _alternate_word(gaz, key):
            return _NO
        if nxt and nxt[1][:1].isupper() and text[e:nxt.start(1)] == " ":
            if lex & _IN_FIRST:
                return _NO
            if (next_w not in INSTIT and next_w not in CONNECT
                    and not is_place_like(gaz, key)):
                return _NO if surname and cx.is_surname(key) else _WEAK
    return _NO if surname and cx.is_surname(key) else _YES


def _starts(cx: Context) -> list[tuple[int, int]]:
    """(start, end) of every token a name may start with: capitalised tokens in mixed-case
    text, every token in caseless text (ends are those of :data:`TOKEN` in the folded text)."""
    folded = cx.folded
    # (spans made by map over the matches: no Python frame per token)
    if cx.mode != "mixed":
        return list(map(_SPAN, TOKEN.finditer(folded)))
    if cx.sig is not None:
        # ASCII tokens (the text is ASCII, or its other characters are quotes and dashes
        # that fold to no letter): the capitalised token is the folded token, and one
        # regex over the case signature gives both ends (no second match per start)
        return list(map(_SPAN, _CAP_TOKEN_SIG.finditer(cx.sig)))
    match_token = TOKEN.match
    return [(m.start(), t.end()) for m in _CAP_START.finditer(cx.text)
            if (t := match_token(folded, m.start())) is not None]


_SPAN = re.Match.span


def _gazetteer_names(cx: Context) -> list[Toponym]:
    folded, gaz = cx.folded, cx.gaz
    longest, index = gaz.longest, gaz.key_index
    found: list[Toponym] = []
    weak: list[Toponym] = []
    covered = -1
    match_run, match_next, find_tokens = _RUN.match, _NEXT.match, TOKEN.finditer
    follow, first_info = gaz.follow, gaz.first_info
    demonym_words = gaz.demonym_words  # what extra_names.demonym_like() allows
    unmatched = cx.unmatched
    add_unmatched, add_demonym = unmatched.append, cx.demonym_starts.append
    for span in _starts(cx):
        s, fe = span
        if s < covered:
            continue
        word = folded[s:fe]
        # what the word can start, from a small memo: the index and the two-token table
        # are large dicts whose lookups miss the CPU cache (~3x slower than a memo hit);
        # bit 4: whether it may be (or start) a demonym, so the demonym finder reads only
        # those few tokens instead of every unmatched one
        info = first_info.get(word)
        if info is None:
            if len(first_info) > 200_000:
                first_info.clear()
            info = first_info[word] = ((word in index) | (2 if word in longest else 0)
                                       | (4 if word in demonym_words else 0))
        if not info & 3:
            # no key on its own and none longer ("The", "He"): the commonest case, first
            # (the span tuple itself is kept: no new one per token)
            add_unmatched(span)
            if info:
                add_demonym(span)
            continue
        most = 1
        if info & 2:
            # only a known two-token prefix can start a longer key: one cheap look ahead
            # spares the whole run for most words ("The", "He", "John")
            nxt = match_next(folded, fe)
            if nxt:
                # (the word starts a key of two tokens or more: it has a table)
                most = follow[word].get(nxt[1], 1)
        if most == 1:
            if not info & 1:  # no key on its own, nor the longer key the word may start
                add_unmatched(span)
                if info & 4:
                    add_demonym(span)
                continue
            key, e = word, fe  # the word alone (the commonest case: no lists, no loop)
        else:
            run = match_run(folded, s)
            toks = list(find_tokens(folded, s, run.end()))[:most] if run else None
            ends = [t.end() for t in toks] if toks else [fe]
            words = [t.group() for t in toks] if toks else [word]
            # the longest candidate decides: no "New" out of "New York Times"
            for length in range(len(ends), 0, -1):
                # one word: the memo already says whether it is a key (no lookup in the
                # large index, whose entries are rarely in the CPU cache)
                if length == 1:
                    if not info & 1:
                        continue
                    key = word
                else:
                    key = " ".join(words[:length])
                    if key not in index:
                        continue
                e = ends[length - 1]
                if length > 1 and words[length - 1] == "city" and _org_city(cx, key, e):
                    continue  # "Dublin City Council": the place is "Dublin"
                break
            else:
                key = None
        if key is not None:
            verdict = _keep(cx, s, e, key)
            if verdict == _NO and most > 1 and " " in key and cx.mode == "mixed" and (
                    cx.text[e - len(key) + key.rindex(" ") + 1].islower()):
                # "Marib city", "Kano state": a lower-case word the longest key ends with
                # is no part of the name; the shorter key is judged instead (a rare path)
                key, e, verdict = _shorter_key(cx, s, e, key, info)
            if verdict == _YES:
                # "U.S." / "D.C.": an abbreviation keeps its final period
                if e < len(folded) and folded[e] == "." and "." in folded[s:e]:
                    e += 1
                # "al-Raqqa", "el-Fasher": the joined article belongs to the name
                article = _ARTICLE.search(folded, max(0, s - 5), s) if s > 2 and (
                    folded[s - 1] == "-") else None
                found.append(Toponym(article.start() if article else s, e, key))
                covered = e
            elif verdict == _WEAK:
                weak.append(Toponym(s, e, key))
        if covered <= s:
            add_unmatched(span)
            if info & 4:
                add_demonym(span)
    if weak:
        # One sense per article: "Dublin Arts Council" names the place when the article
        # uses "Dublin" as a place elsewhere ("in Dublin", "Dublin, Ohio").
        strong = {t.key for t in found}
        if cx.mode != "mixed":
            # caseless: a name listed with a place ("IN SAN MIGUEL AND USULUTAN", "THE
            # TOWNS OF X, Y AND Z") is a place too, and so are its other occurrences
            ends = {t.end for t in found}
            for t in weak:
                if t.key in strong or _listed_after(cx.text, t.start, ends):
                    strong.add(t.key)
                    ends.add(t.end)
        extra = [t for t in weak if t.key in strong]
        if extra:
            found = sorted(found + extra, key=_START)
    return found


def _shorter_key(cx: Context, s: int, e: int, key: str, info: int
                 ) -> tuple[str, int, int]:
    """The longest key shorter than ``key`` (from ``s``) that ends in a capitalised word,
    with its end and :func:`_keep`'s verdict ("Marib" of "Marib city"); (key, e, _NO) when
    there is none."""
    text, index = cx.text, cx.gaz.key_index
    toks = list(TOKEN.finditer(cx.folded, s, e))
    words = [t.group() for t in toks]
    for length in range(len(words) - 1, 0, -1):
        shorter = " ".join(words[:length])
        if ((shorter in index) if length > 1 else info & 1) and (
                text[toks[length - 1].start()].isupper()):
            end = toks[length - 1].end()
            return shorter, end, _keep(cx, s, end, shorter)
    return key, e, _NO


_LIST_GAP = re.compile(r"(?:\s*,)?\s+(?:and|or)\s+$|\s*,\s*$", re.IGNORECASE)


def _listed_after(text: str, start: int, ends: set[int]) -> bool:
    """Whether the name at ``start`` follows a place in a list (", ", " AND ", ", OR ")."""
    window = text[max(0, start - 8):start]
    m = _LIST_GAP.search(window)
    return m is not None and (start - len(window) + m.start()) in ends


_ALTERNATE_WORD: dict[str, bool] = {}


def _alternate_word(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key`` is a word news writes in lower case (caseless.VOCAB) that every
    gazetteer entry bears only as an alternate name (memoised)."""
    hit = _ALTERNATE_WORD.get(key)
    if hit is None:
        if len(_ALTERNATE_WORD) > 100_000:
            _ALTERNATE_WORD.clear()
        hit = _ALTERNATE_WORD[key] = key in VOCAB and all(c.alternate for c in gaz.by_key(key))
    return hit


def _caseless_word(key: str) -> bool:
    """Whether every word of ``key`` is an ordinary word ("GRENADE", "RED CROSS", "THE
    CITY"): no place in caseless text, where capitals cannot say otherwise."""
    hit = _CASELESS_MEMO.get(key)
    if hit is None:
        hit = _CASELESS_MEMO[key] = all(
            w in COMMON or w in CASELESS or w in NEVER or w in CONNECT for w in key.split(" "))
    return hit


_CASELESS_MEMO: dict[str, bool] = {}


def _org_city(cx: Context, key: str, e: int) -> bool:
    """Whether "X City" before a capitalised word ("Dublin City Council") is an
    organisation's name: no town is called "X City" (Kansas City, Quezon City are)."""
    nxt = _WORD_AFTER.match(cx.text, e, e + 30)
    if nxt is None or not nxt.group(1)[:1].isupper():
        return False
    return not any(c.feature == "city" and not c.alternate for c in cx.gaz.by_key(key))


_ARTICLE = re.compile(r"(?<![\w'])(?:al|el|ad|ar|as|an|at|az|ash|ad|ed|ez|es)-$")
_START = attrgetter("start")
_END = attrgetter("end")


def recognise(text: str, gaz: Gazetteer, sentences: list[Sentence] | None = None
              ) -> list[Toponym]:
    """Toponym spans of ``text``, sorted, never overlapping (the longest match wins)."""
    # (the context reads the case mode: on the case signature it makes anyway, if any)
    cx = Context(text, gaz, None, {s.start for s in sentences or []})
    mode = cx.mode
    found = _gazetteer_names(cx)
    if mode != "mixed":
        found = drop_person_names(cx, found)  # "CAPT. ROY A. NELSON SAID ... NELSON"
        abbrs = caseless_abbreviations(cx)  # "LOUISVILLE, KY." ("WASHINGTON D.C." stays)
        if abbrs:
            found = _merge(found, abbrs)
        slots = caseless_slot_names(cx)  # "THE TOWN OF BEN GUERDAN, TUNISIA"
        if slots:
            found = with_slot_names(text, found, slots)
        admin_suffixes(text, found, gaz, mixed=False)  # "USULUTAN DEPARTMENT": the area
        kind_hints(cx, found)
        return found
    found = join_names(cx, found)  # "Ras al-Ain", "Dasht-e-Barchi": one name, not "Ras"
    abbrs = abbreviations(cx, found)
    if abbrs:
        found = _merge(abbrs, found)
    streets = street_names(cx)
    if streets:
        found = _add_streets(found, streets)
    if DEMONYMS:
        found = _merge(found, demonym_names(cx))
    # (slot guesses: "in X", "X, <Country>", and "X in <area>" for names the scan lacks)
    slots = [t for t in slot_names(cx) + contained_names(cx, found)
             if not any(f.start < t.end and t.start < f.end for f in found)]
    found = _merge(found, pattern_names(cx) + slots)
    admin_suffixes(text, found, gaz)  # "Katsina State", "Deir ez-Zor governorate": the area
    return drop_group_names(text, found, gaz)  # "Taliban", "Wagner": groups, not places


def _add_streets(found: list[Toponym], streets: list[Toponym]) -> list[Toponym]:
    """``found`` with the street names (:func:`_merge`'s rules); a gazetteer name of the same
    extent stays one ("Long Island", "Niagara Falls"). Most streets overlap no name: those
    are inserted in order, with no merge of the whole list."""
    starts = [t.start for t in found]
    clash = []
    for t in streets:
        i = bisect_right(starts, t.start)
        # the name starting at or before the street, and the one after it
        if (i and found[i - 1].end > t.start) or (i < len(found) and found[i].start < t.end):
            clash.append(t)
    if clash:
        spans = {(t.start, t.end) for t in found}
        found = _merge(found, [t for t in clash if (t.start, t.end) not in spans])
    clashing = {id(t) for t in clash}
    plain = [t for t in streets if id(t) not in clashing]
    return sorted(found + plain, key=_START) if plain else found


def _merge(found: list[Toponym], extra: list[Toponym]) -> list[Toponym]:
    """``found`` first, then ``extra`` names where they overlap nothing; an extra name
    that extends a found one ("Ben Guerdan" over "Ben") replaces it."""
    if not extra:
        return found
    # by start, the longest first, then found before extra names: two stable sorts on C
    # key functions (the second keeps the first's order among equal starts, and both keep
    # ``found`` ahead of ``extra`` among equal spans) instead of a Python key per name
    items = found + extra
    items.sort(key=_END, reverse=True)  # (reverse=True keeps equal keys in their order)
    items.sort(key=_START)
    if all(map(le, map(_END, items), map(_START, items[1:]))):
        # every name ends before the next starts (read at C speed): the pass below would
        # keep them all (the commonest case: demonyms and slot guesses overlap nothing)
        out = items
    else:
        first = {id(t) for t in found}
        out = []
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
    if hints:  # (most extra names are slot guesses and demonyms: nothing to pass on)
        for t in out:
            if t.hint is None or t.hint == "slot":  # (a joined name's guess: see joined.py)
                t.hint = hints.get((t.start, t.end), t.hint)
    return out
