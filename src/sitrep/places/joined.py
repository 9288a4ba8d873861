"""Transliterated names whose first word is a gazetteer name of its own: "Ras al-Ain",
"Jisr al-Shughur", "Dasht-e-Barchi", "Maarat al-Numan".

The gazetteer scan takes the longest key it knows, so a spelling the index lacks splits at
its first word ("Ras" -> Rasht, "Jisr" -> an Israeli village, "Dasht" -> a town in Iran)
and the rest is read as another name ("al-Ain" -> a district of Yemen). An Arabic or
Persian article or ezafe joined to a capitalised word ("al-Ain", "-e-Barchi", "ez-Zor")
continues the name it follows: the whole run is the name. When the index lacks it too, it
becomes a place-slot guess the resolver's fuzzy fallback confirms (Ra's al 'Ayn, Tall
Abyad) or drops, never the wrong prefix.

Cost: only the names the gazetteer scan marked are read (a hyphen in the word after the
name, or right before it: see recognize._keep), a handful in an article that has any.
"""

from __future__ import annotations

import re

from .context import TITLES, Context, Toponym
from .normalize import name_key

__all__ = ["join_names"]

# Articles and ezafe joined to the next word in transliterations ("al-Ain", "ez-Zor",
# "-e-Barchi", "-i-Sharif", "ul-Haq"), each followed by a hyphen and a capitalised word;
# one or more in a row ("Jisr al-Shughur", "Bab al-Hawa", "Ain al-Arab").
_TAIL = re.compile(r"(?:[ -](?:al|el|ad|an|ar|as|ash|at|az|ed|ez|es|e|i|ul|ol|ud|ad)-"
                   r"[A-Z][a-z'\u2019]+)+")
# a capitalised word and a space before a name that starts with a joined article, read
# backwards in the reversed text ("Maarat " of "Maarat al-Numan")
_HEAD_REV = re.compile(r" [a-z'\u2019]+[A-Z](?![\w'\u2019-])")
# the joined article right before a name, read backwards ("-la" of "al-Numan")
_ARTICLE_BEFORE_REV = re.compile(r"-(?:la|le|da|na|ra|sa|hsa|ta|za|de|ze|se)(?![a-z])")
_TAIL_FIRST = frozenset(" -")
# the word before a name (read backwards in the reversed text)
_WORD_BEFORE_REV = re.compile(r"\.?[ \t]+([A-Za-z]+)")


def join_names(cx: Context, found: list[Toponym]) -> list[Toponym]:
    """``found`` with each name that an article-joined capitalised word continues replaced by
    the whole run (its key the run's; a place-slot guess when the index lacks it); the names
    the run swallows are dropped. Only the names the scan marked (``cx.marks``: a hyphen in
    the word after, or right before the name) are read."""
    marks = cx.marks
    if not marks:
        return found
    text, n = cx.text, len(cx.text)
    spans: list[tuple[int, int, int]] = []  # (start, end, end of the found name) to join
    for s, e, _, before in marks:
        if before != "-":
            continue  # (a mark of contained.py's)
        m = _TAIL.match(text, e) if text[e:e + 1] in _TAIL_FIRST else None
        if text[s - 1:s] == "-":
            # "al-Numan" of "Maarat al-Numan": a capitalised word before the joined article
            # starts the name (the scan found only its end)
            a = _ARTICLE_BEFORE_REV.match(cx.reverse, n - s)
            head = _HEAD_REV.match(cx.reverse, a.end()) if a is not None else None
            if head is not None:
                spans.append((n - head.end(), m.end() if m is not None else e, e))
        elif m is not None:
            spans.append((s, m.end(), e))
    if not spans:
        return found
    out: list[Toponym] = []
    joins = iter(sorted(spans))
    nxt = next(joins, None)
    for t in found:
        while nxt is not None and nxt[0] < t.start and nxt[1] <= t.start:
            nxt = next(joins, None)
        if nxt is not None and nxt[0] <= t.start < nxt[1]:
            if t.end == nxt[2]:
                if out and out[-1].end > nxt[0]:
                    out.pop()  # (the head was a name of its own: "Jisr", "Ras")
                # a title before the run makes it a person's name ("Mayor Malkan al-Baini",
                # "President Bashar al-Assad"): no place at all
                title = _WORD_BEFORE_REV.match(cx.reverse, n - nxt[0])
                if title is None or title[1][::-1].lower() not in TITLES:
                    key = name_key(text[nxt[0]:nxt[1]])
                    out.append(Toponym(nxt[0], nxt[1], key,
                                       None if key in cx.gaz else "slot"))
            continue  # a name inside the run ("al-Ain" of "Ras al-Ain")
        out.append(t)
    return out
