"""Street names and names of natural features and parks: "Main Street", "West 11th Street",
"N. Cedar St.", "Hyland-Croy Road", "Neches River", "Salinas Valley", "Riverside Park".

Such a name is a toponym the article names (LGL and GeoVirus annotate them), but no entry
of the gazetteer of towns: it is reported unresolved (hint ``"street"``, feature
``"other"``), so it neither takes a town's place in the output nor sends a look-alike to
the fuzzy fallback; a gazetteer name of the same extent stays one ("Long Island"). Numbered
routes ("Highway 19", "I-75") are left out: news names them in passing and corpora rarely
count them as toponyms. Mixed-case text only: in capitals "MAIN STREET" cannot be told
from a heading.

The scan is anchored at the generic word that ends the name ("Street", "River"; data file
``streets.json``); the name is read backwards from it, a few capitalised words at most.
"""

from __future__ import annotations

import re

from ..nlp.lexicon import read_json
from .context import Context, Toponym
from .normalize import name_key

__all__ = ["STREET_HINT", "street_names"]

STREET_HINT = "street"

_DATA = read_json("places", "streets.json")
_STOP = frozenset(_DATA["stop"])


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# a suffix word after a space, whole ("Streets" is none; "St." keeps its period); the
# look-ahead at their first letters lets most spaces fail at once
_WORDS = _DATA["suffixes"] + _DATA["features"]
_SUFFIX = re.compile(r" (?=[" + "".join(sorted({w[0] for w in _WORDS})) + r"])("
                     + _alternation(_WORDS) + r")(?![\w\u2019'-])")
# the same over the case signature (context.case_signature: every capital is "A"): the
# literal " A" it starts with lets the engine skip to capitalised words at C speed; a hit
# is checked against the text (the signature cannot tell "Street" from "Xtreet")
# (the words' tails grouped by their first letter, each group in the longest-first order:
# the engine tries a dozen groups at a capital, not every word; the same first match)
_TAILS: dict[str, list[str]] = {}
for _w in sorted(_WORDS, key=len, reverse=True):
    _TAILS.setdefault(_w[1], []).append(re.escape(_w[2:]))
_SUFFIX_SIG = re.compile(rb" A(" + "|".join(
    re.escape(first) + "(?:" + "|".join(tails) + ")" for first, tails in _TAILS.items()
).encode() + rb")(?![\w'-])")
_SUFFIX_WORDS = frozenset(_WORDS)
# one word of a street's name: a capitalised word ("O'Roark", "MacCorkle", "Hyland-Croy",
# "Governors'"), an initial ("N.", "S.W."), an ordinal ("11th")
# (a period only after an initial or a short abbreviation: "Apartments." ends a sentence)
# (forwards: (?:[A-Z]\.){2}|[A-Z][a-z]{0,2}\.|[A-Z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*|
# \d{1,3}(?:st|nd|rd|th)), here reversed: up to four of them right before the suffix are
# read backwards from it in the reversed text (an anchored match: no search over a window)
# A name's articles and particles (data), reversed: an article joined by a hyphen to a
# capitalised word ("al-" of "al-Nil"), a particle a word between two ("bin Sultan")
_ARTICLES_REV = _alternation([w[::-1] for w in _DATA.get("articles", [])])
_PARTICLES_REV = _alternation([w[::-1] for w in _DATA.get("particles", [])])
_TOKEN_REV = (r"(?:\.[A-Z]\.[A-Z]|\.[a-z]{0,2}[A-Z]|(?:[A-Za-z]+-)*[A-Za-z'\u2019]*[A-Z]"
              r"(?:-(?:" + _ARTICLES_REV + r"))?|(?:ts|dn|dr|ht)\d{1,3})")
_NAME_BEFORE_REV = re.compile(r" (" + _TOKEN_REV + r"(?: (?:(?:" + _PARTICLES_REV + r") )?"
                              + _TOKEN_REV + r"){0,3})(?![\w'\u2019.-])")
_INITIAL = re.compile(r"[A-Z]\.\Z")
_COMPASS = frozenset(("N.", "S.", "E.", "W."))
_DIRECTION = re.compile(r" (?:" + _alternation(_DATA["directions"]) + r")(?![\w.])")
# the capitalised word after a name: "Main Street Bank", "Florida Highway Patrol" are
# organisations, not the street; a number: "County Road 42" is a numbered route
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'\u2019-]*|\d)")
_POSSESSIVE = ("'s", "\u2019s", "s'", "s\u2019")


def _tail(text: str, end: int) -> int:
    """``end`` past a direction word ("40th Avenue South"), or -1 when a capitalised word
    or a number follows (the name goes on, or an organisation's does)."""
    d = _DIRECTION.match(text, end)
    if d is not None:
        end = d.end()
    nxt = _NEXT_WORD.match(text, end)
    if nxt is not None and nxt.group(1) not in _STOP:
        return -1
    return end


def street_names(cx: Context) -> list[Toponym]:
    """Street and feature names of mixed-case ``cx.text``, sorted, not overlapping."""
    text = cx.text
    if cx.mode != "mixed":
        return []
    out: list[Toponym] = []
    last = -1
    reverse, n = cx.reverse, len(text)
    if cx.sig is not None:
        hits = [(m.start() + 1, m.end()) for m in _SUFFIX_SIG.finditer(cx.sig)
                if text[m.start() + 1:m.end()] in _SUFFIX_WORDS]
    else:
        hits = [m.span(1) for m in _SUFFIX.finditer(text)]
    for p, e in hits:
        name = _NAME_BEFORE_REV.match(reverse, n - p)
        if name is None:
            continue
        words = name.group(1)[::-1].split()
        # the name starts after the last word that cannot be part of it ("On", "Monday",
        # "Springfield's")
        keep = len(words)
        for i, w in enumerate(words):
            if w in _STOP or w.endswith(_POSSESSIVE):
                keep = len(words) - i - 1
        # "Virginia L. Lane": a middle initial makes a person's name (not "N. Cedar St.")
        if keep == 0 or (_INITIAL.match(words[-1]) and words[-1] not in _COMPASS):
            continue
        start = p - len(" ".join(words[-keep:])) - 1
        end = _tail(text, e)
        if end > 0 and start >= last:
            out.append(Toponym(start, end, name_key(text[start:end]), STREET_HINT))
            last = end
    return out
