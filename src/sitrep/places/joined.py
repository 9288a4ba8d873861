"""Transliterated names whose first word is a gazetteer name of its own: "Ras al-Ain",
"Jisr al-Shughur", "Dasht-e-Barchi", "Maarat al-Numan".

The gazetteer scan takes the longest key it knows, so a spelling the index lacks splits at
its first word ("Ras" -> Rasht, "Jisr" -> an Israeli village, "Dasht" -> a town in Iran)
and the rest is read as another name ("al-Ain" -> a district of Yemen). An Arabic or
Persian article or ezafe joined to a capitalised word ("al-Ain", "-e-Barchi", "ez-Zor")
continues the name it follows: the whole run is the name. When the index lacks it too, it
becomes a place-slot guess the resolver's fuzzy fallback confirms (Ra's al 'Ayn, Tall
Abyad) or drops, never the wrong prefix.

Cost: one character test per found name; the regex runs only where a name is followed by
a space or hyphen and a small letter that can start an article.
"""

from __future__ import annotations

import re

from .context import Context, Toponym
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
# the small letters an article above can start with
_ARTICLE_START = frozenset("aeiuo")
_TAIL_FIRST = frozenset(" -")


def join_names(cx: Context, found: list[Toponym]) -> list[Toponym]:
    """``found`` with each name that an article-joined capitalised word continues replaced by
    the whole run (its key the run's; a place-slot guess when the index lacks it); the names
    the run swallows are dropped."""
    text = cx.text
    n = len(text)
    out: list[Toponym] | None = None
    skip_to = -1
    for i, t in enumerate(found):
        e = t.end
        if t.start < skip_to:
            continue  # inside a run already joined
        if text[t.start:t.start + 1].islower() and t.start > 2:
            # "al-Numan" of "Maarat al-Numan": a capitalised word before the joined article
            # starts the name (the scan found only its end)
            head = _HEAD_REV.match(cx.reverse, n - t.start)
            if head is not None:
                if out is None:
                    out = found[:i]
                s = t.start - head.end() + (n - t.start)
                m = _TAIL.match(text, e)
                end = m.end() if m is not None else e
                key = name_key(text[s:end])
                if out and out[-1].end > s:
                    out.pop()  # (the head was a name of its own: "Jisr", "Ras")
                out.append(Toponym(s, end, key, None if key in cx.gaz else "slot"))
                skip_to = end
                continue
        if (e + 3 >= n or text[e] not in _TAIL_FIRST or text[e + 1] not in _ARTICLE_START
                or t.hint == "demonym"):
            if out is not None:
                out.append(t)
            continue
        m = _TAIL.match(text, e)
        if m is None:
            if out is not None:
                out.append(t)
            continue
        if out is None:
            out = found[:i]
        key = name_key(text[t.start:m.end()])
        out.append(Toponym(t.start, m.end(), key, None if key in cx.gaz else "slot"))
        skip_to = m.end()
    return found if out is None else out
