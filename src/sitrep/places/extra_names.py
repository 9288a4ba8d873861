"""Names the gazetteer scan does not find on its own: abbreviations ("Calif.", "W.Va.",
"Springfield, IL"), demonyms ("Tunisian" for Tunisia), pattern names ("the town of X",
"X province") and place-slot guesses for the fuzzy fallback ("in X", "X, <Country>")."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..nlp.lexicon import read_json
from .context import COMMON, LEADING, NEVER, TITLES, Context, Toponym, is_place_like
from .gazetteer import Gazetteer
from .normalize import fold, name_key

__all__ = ["HONORIFICS", "abbreviations", "demonym_like", "demonym_names", "demonym_word",
           "dotted_toponym", "kind_hints", "pattern_names", "slot_names"]

_ABBR = read_json("places", "abbreviations.json")
# Honorifics that open place names ("Sheikh Maqsoud district", "in Imam Sahib"): a title
# word there is no person's when another capitalised word follows (see cues.json)
HONORIFICS = frozenset(read_json("places", "cues.json").get("place_honorifics", ()))

# A capitalised name; lower-case connectors only inside it ("Ras al Ain", not "X also")
# ("Bab al-Tabbaneh", "Deir ez-Zor": an article joined to a capitalised word is a word)
_NAME = (r"[A-Z][\w'\u2019-]+(?:\s+(?:[A-Z][\w'\u2019-]+|"
         r"(?:al|el|ad|as|ash|an|ar|at|az|ed|ez|es)-[A-Z][\w'\u2019-]+|"
         r"(?:al|el|ad|as|ash|an|bin|ben|ibn|de|la)(?=[ -][A-Z])))*")
_HINTS = {"town": "city", "village": "city", "city": "city", "hamlet": "city",
          "locality": "city", "suburb": "city", "neighborhood": "city", "neighbourhood": "city",
          "camp": "other", "district": "admin2", "county": "admin2", "municipality": "admin2",
          "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
          "department": "admin1", "departamento": "admin1", "prefecture": "admin1",
          "area": "other"}
# Each pattern is found from a cheap anchor (a literal or a kind word), then the name is
# matched next to it: a regex starting with a name or a word boundary scans slowly.
_PATTERNS = (
    # "the town of X": anchored at "of <Capital>", the kind word checked before it
    re.compile(r"of\s+(?=[A-Z])"),
    # "X province": found from the kind word backwards (see _KINDS_AFTER)
    re.compile(r"\s(province|governorate|district|region|county|municipality|state|"
               r"department|prefecture|neighbou?rhood)\b"),
    # "in X, a town": anchored at ", a town", "in X" checked before it
    re.compile(r",\s+an?\s+(town|village|city|hamlet|suburb|district|neighbou?rhood|"
               r"locality)\b"),
)
_KIND_BEFORE_OF = re.compile(r"\b(town|village|city|hamlet|locality|suburb|neighbou?rhood|camp|"
                             r"district|county|municipality|province|governorate|state|region|"
                             r"area)\s+\Z")
# _KIND_BEFORE_OF read backwards from "of" in the reversed text: an anchored match where
# the search tries the alternation at every position of its window (no two kinds can
# both match there: none is another's suffix)
_KIND_BEFORE_OF_REV = re.compile(r"\s+(" + "|".join(re.escape(w[::-1]) for w in (
    "town", "village", "city", "hamlet", "locality", "suburb", "neighbourhood", "neighborhood",
    "camp", "district", "county", "municipality", "province", "governorate", "state", "region",
    "area")) + r")\b")
_NAME_OF = re.compile("(" + _NAME + r")(?=[\s,.;:)]|$)")
_IN_NAME_BEFORE = re.compile(r"\bin\s+(" + _NAME + r")\Z")
# Unknown capitalised names in a place slot, for the fuzzy fallback only.
_NAME_BEFORE = re.compile(r"(?<![\w'\u2019-])(" + _NAME + r")\s+$")
# the run of name characters before a kind word, in the reversed text
_RUN_BEFORE_REV = re.compile(r"\s*([\w'\u2019-]+)")
# (the Arabic and Persian articles and ezafe stay inside a name: "Maarat al-Numan",
# "Dasht-e-Barchi", "Tal Abyad"; Romance ones too: "Mocimboa da Praia")
_SLOT_NAME = (r"([A-Z][a-z'\u2019]+(?:[ -](?:[A-Z][a-z'\u2019]+|"
              r"(?:al|el|ad|an|ar|as|ash|at|az|ed|ez|es|e|i|ul|ben|bin|ibn|da|de|do|dos)"
              r"(?=[ -][A-Z])))*)")
# Slot names ending in a generic feature word are streets, parks and lakes, not towns the
# fuzzy fallback could find.
_GENERIC_TAIL = frozenset(("road", "street", "avenue", "drive", "lane", "park", "lake", "bay",
                           "river", "creek", "valley", "station", "place", "square", "hall",
                           "center", "centre", "school", "church", "bridge", "highway", "way",
                           "boulevard", "court", "hill", "hills", "mountain", "island"))


# keyed by the form without spaces: "W. Va." -> "W.Va."; "La." and "L.A." stay apart
_DOTTED = {k.replace(" ", ""): v for k, v in _ABBR["dotted"].items()}
_POSTAL = dict(_ABBR["postal"])
# (the codes grouped by first letter, in their order: a comma tries a few groups, not every
# code; the same first match)
_POSTAL_BY_FIRST: dict[str, list[str]] = {}
for _code in _POSTAL:
    _POSTAL_BY_FIRST.setdefault(_code[:1], []).append(re.escape(_code[1:]))
_POSTAL_RE = re.compile(r",[ \t]+(" + "|".join(
    re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in _POSTAL_BY_FIRST.items()
) + r")\b(?![.-]?\w)")
_BARE = dict(_ABBR["bare"])


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


# Cheap candidates for the dotted forms ("Calif.", "W. Va.", "D.C."), then a dict lookup.
_DOT_CAND = re.compile(r"[A-Z](?<![\w.].)[a-z]{0,4}\.(?:[ ]?[A-Z][a-z]{0,3}\.)?(?!\w)")
# _DOT_CAND over a case signature (context.case_signature): capitals are "A" there
_DOT_CAND_SIG = re.compile(rb"A(?<![\w.].)[a-z]{0,4}\.(?:[ ]?A[a-z]{0,3}\.)?(?!\w)")
# The same without its look-behind (a nested match at every capital), which
# _dot_spans_sig tests on the few matches instead; the letter runs possessive (a period
# never matches a letter, so giving letters back cannot make a match: a capital that
# starts no abbreviation fails at once)
_DOT_FORM_SIG = re.compile(rb"A[a-z]{0,4}+\.(?:[ ]?A[a-z]{0,3}+\.)?(?!\w)")
_WORD_OR_DOT = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")


def _dot_spans_sig(sig: bytes) -> list[tuple[int, int]]:
    """The spans of ``_DOT_CAND_SIG.finditer(sig)``: a match of :data:`_DOT_FORM_SIG`
    after a word character or a period is none, and the search goes on from the next
    character (as the look-behind makes finditer do)."""
    out = []
    search = _DOT_FORM_SIG.search
    m = search(sig)
    while m is not None:
        start = m.start()
        if start and sig[start - 1] in _WORD_OR_DOT:
            m = search(sig, start + 1)
            continue
        out.append(m.span())
        m = search(sig, m.end())
    return out


# per gazetteer: folded word -> (whether it starts a two-word demonym, its own country code
# as a demonym, plural "s" dropped if need be; None when none)
_WORD_DEMONYM: dict[int, dict[str, tuple[bool, str | None]]] = {}


def _own_demonym(gaz: Gazetteer, word: str) -> str | None:
    """The country code ``word`` is the demonym of, plural "s" dropped if need be ('' when
    generic, None when none)."""
    table = gaz.data.demonyms
    one = table.get(word)
    if one is None and word[-1:] == "s":
        one = table.get(word[:-1])
    return one


def demonym_word(gaz: Gazetteer, word: str) -> tuple[bool, str | None]:
    """What the folded ``word`` says alone: whether it starts a two-word demonym ("sri" of
    "sri lankan"), and its own country code as a demonym ("malians" -> "ML"; '' when
    generic, None when none). Memoised per gazetteer."""
    memo = _WORD_DEMONYM.get(id(gaz))
    if memo is None:
        memo = _WORD_DEMONYM[id(gaz)] = {}
    known = memo.get(word)
    if known is None:
        if len(memo) > 200_000:
            memo.clear()
        known = memo[word] = (word in gaz.demonym_heads, _own_demonym(gaz, word))
    return known


def demonym_like(gaz: Gazetteer, word: str) -> bool:
    """Whether :func:`demonym_names` can make anything of the folded token ``word``: it
    starts a two-word demonym or is a country's demonym (:attr:`Gazetteer.demonym_words`
    holds every such word)."""
    return word in gaz.demonym_words


def demonym_names(cx: Context) -> list[Toponym]:
    """Demonyms ("Tunisian", "Sri Lankans") as mentions of their country, looked for at
    the capitalised tokens the gazetteer scan left that :func:`demonym_like` allows (the
    scan sorts them out: ``cx.demonym_starts``)."""
    gaz, text, folded, out = cx.gaz, cx.text, cx.folded, []
    demonym = gaz.data.demonyms.get
    for s, e in cx.demonym_starts:
        word = folded[s:e]
        head, cc = demonym_word(gaz, word)
        if head:
            nxt = _NEXT_WORD.match(text, e)
            if nxt:
                two = word + " " + nxt.group(1).lower()
                pair = demonym(two)
                if pair is None and two.endswith("s"):
                    pair = demonym(two[:-1])
                if pair:
                    cc, e = pair, nxt.end()
        if not cc:
            continue
        if text[s + 1:e].replace(" ", "").replace("-", "").isalpha():
            name = gaz.country_name(cc)
            if name:
                out.append(Toponym(s, e, name_key(name), "demonym", cc))
    return out


_NEXT_WORD = re.compile(r"[ -]([A-Z][a-z]+)\b")
_SPAN = re.Match.span


def dotted_toponym(text: str, start: int, form: str,
                   table: dict[str, tuple[str, str]]) -> Toponym | None:
    """The state the dotted ``form`` at ``start`` of ``text`` names ("W.Va.", "Calif."),
    read in ``table`` (forms without spaces -> country code, state name), or None. A
    one-part form ("Ore.", "Miss.") is a word too: a state only after "Place, " or "D-"."""
    hit = table.get(form.replace(" ", ""))
    if hit is None and "." in form[:-1]:  # "Mass. Gov.": try the first part alone
        form = form[:form.index(".") + 1]
        hit = table.get(form)
    if hit is None:
        return None
    if "." not in form[:-1] and text[max(0, start - 2):start] not in (
            ", ", ",\n") and text[start - 1:start] != "-":
        return None
    cc, name = hit
    return Toponym(start, start + len(form), name_key(name), "admin1", cc)


def abbreviations(cx: Context, found: list[Toponym]) -> list[Toponym]:
    """State abbreviations: dotted forms anywhere, postal codes after "Place, "."""
    text = cx.text
    out: list[Toponym] = []
    if cx.mode != "mixed":
        return out
    for start, end in (_dot_spans_sig(cx.sig) if cx.sig is not None
                       else map(_SPAN, _DOT_CAND.finditer(text))):
        t = dotted_toponym(text, start, text[start:end], _DOTTED)
        if t is not None:
            out.append(t)
    ends: set[int] | None = None  # where found names end, made at the first postal code
    for m in _POSTAL_RE.finditer(text):
        if ends is None:
            ends = {t.end for t in found}
        if m.start() in ends:
            cc, name = _POSTAL[m.group(1)]
            out.append(Toponym(m.start(1), m.end(1), name_key(name), "admin1", cc))
    for form, (cc, name) in _BARE.items():
        # a plain find per form ("NSW", "NYC") beats a regex scan; whole words only
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            if not (i and _word_char(text[i - 1])) and not (j < len(text) and _word_char(text[j])):
                out.append(Toponym(i, j, name_key(name), None, cc))
            i = text.find(form, j)
    return out


_KIND_AFTER = re.compile(r"[ \t]+([a-z]+)\b")


def kind_hints(cx: Context, found: list[Toponym]) -> None:
    """Caseless text: "USULUTAN DEPARTMENT", "TOWN OF X" set the feature hint of a found
    name (the patterns of :func:`pattern_names` need capitals)."""
    folded = cx.folded
    for t in found:
        if t.hint is not None:
            continue
        m = _KIND_AFTER.match(folded, t.end)
        if m and m.group(1) in _HINTS:
            t.hint = _HINTS[m.group(1)]
            continue
        before = folded[max(0, t.start - 16):t.start].rstrip()
        if before.endswith(" of") and before[:-3].rsplit(" ", 1)[-1] in _HINTS:
            t.hint = _HINTS[before[:-3].rsplit(" ", 1)[-1]]


def pattern_names(cx: Context) -> list[Toponym]:
    """Names the patterns introduce, and their other occurrences in the text."""
    text = cx.text
    out: list[Toponym] = []
    names: dict[str, str | None] = {}
    hits: list[tuple[int, int, str]] = []
    resume = 0  # the names of "kind of X" matches do not overlap
    rev, n = cx.reverse, len(text)
    for m in _PATTERNS[0].finditer(text):
        if m.start() < resume:
            continue
        # the kind and the space before "of" within the 24 characters before it (what
        # _KIND_BEFORE_OF finds in that window)
        k = _KIND_BEFORE_OF_REV.match(rev, n - m.start())
        kind = k[1][::-1] if k is not None and k.end() - (n - m.start()) <= 24 else None
        name = _NAME_OF.match(text, m.end()) if kind else None
        if name:
            hits.append((*name.span(1), kind))
            resume = name.end()
    for m in _kinds_after(text, cx.sig):
        # The name's last word is the whole run of name characters before the kind (the
        # name starts after no such character) and starts with a capital: read backwards
        # with an anchored match, this spares the window search for "the state", "a county"
        last = _RUN_BEFORE_REV.match(rev, n - m.start())
        if last is None or not ("A" <= last.group(1)[-1] <= "Z" or _JOINED_REV.search(
                last.group(1))):
            continue
        window = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start() + 1)
        if window:
            hits.append((*window.span(1), m.group(1)))
    for m in _PATTERNS[2].finditer(text):
        name = _IN_NAME_BEFORE.search(text, max(0, m.start() - 200), m.start())
        if name:
            hits.append((*name.span(1), m.group(1)))
    for s, e, kind in hits:
        surface = text[s:e]
        # "In Kano state", "The Borno State": leading function words are not the name
        while " " in surface and surface.split(" ", 1)[0].lower() in LEADING:
            head = surface.split(" ", 1)[0]
            s += len(head) + 1
            surface = text[s:e].lstrip()
            s = e - len(surface)
        # "Tripoli's Abu Salim district": the possessor is a place of its own (the
        # gazetteer scan finds it); the name starts after it
        owner = _POSSESSOR.match(surface)
        if owner:
            s += owner.end()
            surface = text[s:e]
        else:
            # the last possessive of a longer run: "Burkina Faso's Soum province" names Soum
            cut = max(surface.rfind("'s "), surface.rfind("\u2019s "))
            if cut > 0 and surface[cut + 3:].strip():
                s += cut + 3
                surface = text[s:e]
        last = surface.rsplit(" ", 1)
        if len(last) == 2 and last[1].lower() in _ADMIN_TAIL:
            # "the area of Plateau State": the admin word is read with the gazetteer name
            # (admin_words.admin_suffixes); the pattern names the area without it
            e = s + len(last[0])
            surface = last[0]
        first = surface.split()[0].lower()
        if (first in TITLES and (first not in HONORIFICS or " " not in surface.strip())
                or first in LEADING or fold(surface).strip() in COMMON):
            continue
        hint = _HINTS.get(kind.lower(), "other")
        out.append(Toponym(s, e, name_key(surface), hint))
        names.setdefault(surface, hint)
    for surface, hint in names.items():
        key = name_key(surface)
        i = text.find(surface)
        while i >= 0:  # every whole-word occurrence (a plain find: few, C speed)
            j = i + len(surface)
            if not (i and (_word_char(text[i - 1]) or text[i - 1] == "-")) and not (
                    j < len(text) and (_word_char(text[j]) or text[j] == "-")):
                out.append(Toponym(i, j, key, hint))
                i = text.find(surface, j)  # occurrences do not overlap
            else:
                i = text.find(surface, i + 1)
    return out


# a run of name characters that starts (read backwards: ends) with an article joined to a
# capitalised word ("al-Tabbaneh", "ez-Zor")
_JOINED_REV = re.compile(r"[A-Z]-(?:la|le|da|sa|hsa|na|ra|ta|za|de|ze|se)\Z")
# a possessor at a name's start: "Tripoli's ", "the Philippines' " (a following word must
# remain)
_POSSESSOR = re.compile(r"[^\s'\u2019]+(?:['\u2019]s|s['\u2019])\s+(?=\S)")
# admin words a pattern's name may end with ("the area of Plateau State")
_ADMIN_TAIL = frozenset(("state", "province", "region", "governorate", "district", "county",
                         "department", "prefecture", "oblast"))
_KINDS_AFTER = ("province", "governorate", "district", "region", "county", "municipality",
                "state", "department", "prefecture", "neighbo")  # (both neighbourhoods)
_KINDS_AFTER_BYTES = tuple(k.encode("ascii") for k in _KINDS_AFTER)


def _kinds_after(text: str, sig: bytes | None = None) -> list[re.Match]:
    """The matches of ``_PATTERNS[1]`` in text order, found from a plain find of each kind
    word (a regex scan for a whitespace-led alternation is several times slower); on the
    text's case signature ``sig`` when there is one (Context.sig)."""
    # The signature keeps every small ASCII letter at its offset (one byte per character):
    # the kind words occur at the same places in both, and its finds read one byte a
    # character where the text holds two (a curly quote makes a text UCS-2)
    hay, kinds = (text, _KINDS_AFTER) if sig is None else (sig, _KINDS_AFTER_BYTES)
    starts: list[int] = []
    for kind in kinds:
        i = hay.find(kind, 1)
        while i >= 0:
            starts.append(i - 1)
            i = hay.find(kind, i + len(kind))
    if not starts:
        return []
    starts.sort()
    match = _PATTERNS[1].match
    return [m for i in starts if (m := match(text, i))]


_SLOT_PREPS = frozenset(("in", "near", "outside", "around", "from", "at", "into", "toward",
                         "towards"))
_WORD_BEFORE_REV = re.compile(r"([ \t]+)([a-z]+)\b")
_SLOT_NAME_RE = re.compile(_SLOT_NAME)
_COMMA_NAME = re.compile(r",\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def slot_names(cx: Context) -> list[Toponym]:
    """Capitalised names the gazetteer lacks in a place slot ("in X", "near X", "X,
    <Country>"): guesses for the resolver's fuzzy fallback."""
    text, gaz, rev = cx.text, cx.gaz, cx.reverse
    out: list[Toponym] = []
    # The first comma at or after the current name (-2: not looked for yet, -1: none left)
    # and whether a country or state name follows it. The names come in text order and
    # several share one comma: it is found and judged once.
    comma, comma_ok = -2, False
    # The commas a country or state name follows, judged at once (a match holds no comma
    # after its first character, so finditer meets every comma where _COMMA_NAME matches):
    # most articles have none, and then no name needs its comma found
    ok_commas = {m.start() for m in _COMMA_NAME.finditer(text)
                 if is_place_like(gaz, name_key(m.group(1)))}
    if cx.sig is not None:
        # the slot tokens are found in one scan of the signature, and those before a
        # judged comma by bisection (a Python step for each of the ~90 unmatched tokens
        # costs several times more)
        for s, slot, comma in _slot_tokens(text, cx.unmatched, cx.sig, ok_commas):
            name = _slot_name(cx, s, slot, comma)
            if name is not None:
                out.append(name)
        return out
    for s, _ in cx.unmatched:
        # Both slots need a space before the name and a word or a comma before that (a
        # name at offset 0 or 1 has neither)
        if s < 2:
            continue
        c1 = text[s - 1]
        if c1 != " " and c1 != "\t":
            continue
        # the word before is read (a regex on the reversed text) only when its last two
        # letters could end a preposition
        c2 = text[s - 2]
        if c2 == " " or c2 == "\t" or (c2 in _LOWER and text[s - 3:s - 1] in _PREP_TAILS):
            prev = _WORD_BEFORE_REV.match(rev, len(text) - s)
            slot = prev is not None and prev[2][::-1] in _SLOT_PREPS  # (m[2]: no call)
        else:
            slot = False
        # otherwise "X, Tunisia" after a lower-case word or a comma
        if not slot:
            if not ok_commas or c1 != " " or c2 not in _LOWER_OR_COMMA:
                continue
            # "X, Tunisia": only before a country or state name. A name holds no comma, so
            # its comma is the first one after it, judged before any name match.
            if comma != -1 and comma < s:
                comma = text.find(",", s)
                comma_ok = comma in ok_commas
            if comma < 0 or not comma_ok:
                continue
        name = _slot_name(cx, s, slot, comma)
        if name is not None:
            out.append(name)
    return out



def _slot_tokens(text: str, unmatched: list[tuple[int, int]], sig: bytes,
                 ok_commas: set[int]) -> list[tuple[int, bool, int]]:
    """What the per-token reading of :func:`slot_names` takes, in text order: (start, True,
    -1) for each unmatched token after a slot word (:func:`_slot_starts`), and (start,
    False, comma) for each other one right after a space and a small letter or a comma
    whose first comma after is one of ``ok_commas`` (those before a country or state:
    the tokens between the comma before and that one, found by bisection)."""
    slots = _slot_starts(unmatched, sig)
    items = [(s, True, -1) for s in slots]
    if ok_commas:
        slot_set = set(slots)
        for comma in sorted(ok_commas):
            after = text.rfind(",", 0, comma)  # (the first comma at or after a token
            # between the two is this one; -1: none before)
            for s, _ in unmatched[bisect_left(unmatched, (after + 1,)):
                                  bisect_left(unmatched, (comma,))]:
                if (s >= 2 and s not in slot_set and text[s - 1] == " "
                        and text[s - 2] in _LOWER_OR_COMMA):
                    items.append((s, False, comma))
        items.sort()
    return items


def _slot_name(cx: Context, s: int, slot: bool, comma: int) -> Toponym | None:
    """The slot guess starting at ``s`` (after a slot word when ``slot``, else before the
    comma at ``comma``), or None when the name there is known or no town's."""
    text, gaz = cx.text, cx.gaz
    m = _SLOT_NAME_RE.match(text, s)
    if m is None or (not slot and m.end() != comma):
        return None
    e = m.end()
    key = name_key(text[s:e])
    if key.rsplit(" ", 1)[-1] in _GENERIC_TAIL or key.endswith(" s"):
        return None
    first = key.split(" ", 1)[0]
    if (key in gaz or key in COMMON or first in NEVER
            or (first in TITLES and (first not in HONORIFICS or first == key))
            or first in LEADING or len(key) < 4 or cx.is_surname(key)
            or gaz.demonym_country(first) is not None):
        return None
    return Toponym(s, e, key, "slot")


# A capital after a slot word (see _SLOT_PREPS) and spaces or tabs, in the reversed case
# signature: the slot word read backwards, then no word character (the whole lower-case
# word before the spaces is the slot word: what _WORD_BEFORE_REV reads on the text). The
# literal "A" first lets the engine skip to capitals at C speed.
_SLOT_BEFORE_SIG_REV = re.compile(rb"A[ \t]+(?:" + b"|".join(
    re.escape(w[::-1]).encode("ascii") for w in sorted(_SLOT_PREPS)) + rb")(?!\w)")


def _slot_starts(unmatched: list[tuple[int, int]], sig: bytes) -> list[int]:
    """The starts of the ``unmatched`` tokens ((start, end) pairs in text order) right after
    a slot word and spaces or tabs, in text order, each as often as listed: the tokens
    :func:`slot_names` reads as slots.

    Read on the text's case signature ``sig`` (Context.sig): one byte per character, every
    capital an "A", small ASCII letters, spaces and tabs as in the text, and no other
    character a word character (the text's are no letters or digits: Context.plain), so
    the regex finds the slot words a regex over the text finds, at the same offsets."""
    last = len(sig) - 1
    hits = [last - m.start() for m in _SLOT_BEFORE_SIG_REV.finditer(sig[::-1])]
    if not hits:
        return []
    hits.reverse()
    out: list[int] = []
    for s in hits:
        i = bisect_left(unmatched, (s,))
        while i < len(unmatched) and unmatched[i][0] == s:
            out.append(s)
            i += 1
    return out


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_LOWER_OR_COMMA = _LOWER | {","}
_PREP_TAILS = frozenset(p[-2:] for p in _SLOT_PREPS)
