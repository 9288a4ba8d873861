"""Find quantities in text, in digits or words, with their offsets and their range.

"55", "3,000", "seven", "twenty-one", "a dozen", "dozens of", "several", "between 5 and
8", "at least 55", "up to 60": each becomes a :class:`Quantity` with the conservative
``value`` ACLED would code, the ``low``/``high`` bounds the words allow, and offsets into
the text. Works the same in lower case, mixed case and ALL CAPS (MUC-4 wire text).

Vague words and qualifiers are data (``data/casualties/quantities.json``), where the
mapping choices are documented. Numbers that measure something else (ages written
"25-year-old", durations "36-hour", money "$5", clock times "10:30", years "2015") are
not returned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .case_odd import lower_twin, twin_exact
from .lexicon import read_json

__all__ = ["Quantity", "alternation", "find_quantities", "parse_quantity", "words_to_int"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written: ``text[start:end]``.

    ``value`` is the conservative figure ("at least 55" -> 55, "dozens" -> 12),
    ``low``/``high`` the bounds (``None`` = open), ``vague`` is true for words that give
    no figure ("several", "dozens"), ``qualifier`` the hedge word if any ("at least").
    """

    value: int
    low: int | None
    high: int | None
    start: int
    end: int
    text: str
    vague: bool = False
    qualifier: str | None = None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie (much faster in ``re`` than a
    flat list); a space in a word matches any run of whitespace. Longer words win."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:  # greedy optional: the longer word is tried first
            return f"(?:{body})?" if len(alts) == 1 else body + "?"
        return body

    return build(trie)


_alt = alternation


@dataclass(frozen=True, slots=True)
class _Tables:
    pattern: re.Pattern[str]
    units: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, tuple[int, int | None, int | None]]
    qualifiers: dict[str, str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    # The pattern without IGNORECASE, for lower-cased text (see :func:`find_quantities`),
    # or None when the tables hold an upper-case letter.
    lower_pattern: re.Pattern[str] | None = None


@cache
def _tables() -> _Tables:
    data = read_json("casualties", "quantities.json")
    units = {**data["units"], **data["tens"]}
    scales = dict(data["scales"])
    vague = {k: (v["value"], v["low"], v["high"]) for k, v in data["vague"].items()}
    qualifiers = {k: v for k, v in data["qualifiers"].items() if not k.startswith("_")}
    tok = f"(?:{_alt(units)}|{_alt(scales)})"
    # "two hundred and fifty": "and" only after a scale word, so "two and three" stays two.
    first = rf"(?:an?\s+(?:{_alt(scales)})|{_alt(units)})"
    word_num = (rf"{first}"
                rf"(?:[\s-]+{tok}|(?<=hundred)\s+and\s+{tok}|(?<=thousand)\s+and\s+{tok})*")
    digit = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
    digit_num = rf"{digit}(?:\.\d+)?(?:\s+(?:{_alt(scales)}))?"
    num = rf"(?:{digit_num}|{word_num})"
    source = (
        rf"(?<![\w$£€/:.,#])(?<!\w-)(?=[\w])"
        rf"(?:(?P<qual>{_alt(qualifiers)})\s+)?"
        rf"(?:between\s+(?P<b1>{num})\s+and\s+(?P<b2>{num})"
        rf"|(?P<r1>{num})\s+(?:to|or)\s+(?P<r2>{num})"
        rf"|(?P<d1>{digit})\s*[-–]\s*(?P<d2>{digit})(?![-\w])"
        rf"|(?P<vague>{_alt(vague)})"
        rf"|(?P<num>{num})"
        rf"|(?P<art>an?))"
        rf"(?![\w])"
    )
    return _Tables(re.compile(source, re.IGNORECASE), units, scales, vague, qualifiers,
                   frozenset(data["not_after"]), frozenset(data["not_before"]),
                   lower_twin(source))


def words_to_int(words: str) -> int | None:
    """The integer a number phrase in digits or words denotes ("twenty-one" -> 21,
    "3,000" -> 3000, "2.5 million" -> 2500000), or ``None``."""
    t = _tables()
    s = words.lower().replace(",", "").strip()
    parts = re.split(r"[\s-]+", s)
    if parts and re.fullmatch(r"\d+(?:\.\d+)?", parts[0]):
        number = float(parts[0])
        for p in parts[1:]:
            if p not in t.scales:
                return None
            number *= t.scales[p]
        return int(number)
    total = current = 0
    seen = False
    for p in parts:
        if p in ("and", "a", "an"):
            continue
        if p in t.units:
            current += t.units[p]
        elif p == "hundred":
            current = max(current, 1) * 100
        elif p in t.scales:
            total += max(current, 1) * t.scales[p]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _bounds(value: int, qualifier: str | None, kind: str | None) -> tuple[int | None, int | None]:
    if kind == "low":
        return value, None
    if kind == "high":
        return None, value
    return value, value


def _excluded(text: str, m: re.Match[str], t: _Tables) -> bool:
    """Numbers that measure something other than a count of people or things."""
    after = text[m.end():m.end() + 16]
    if re.match(r"-[a-zA-Z]|:\d|/\d|\s*%|'s\b", after):  # 25-year-old, 10:30, 3/8, 5%
        return True
    nxt = re.match(r"\s*([\w.']+|[%$])", after)
    if nxt and nxt.group(1).lower().rstrip(".") in t.not_after:
        return True
    before = re.search(r"(\S+)\s*$", text[max(0, m.start() - 12):m.start()])
    if before and (before.group(1).lower() in t.not_before or before.group(1)[-1] in "$£€#"):
        return True
    digits = m.group("num")
    if digits and re.fullmatch(r"(?:1[89]|20)\d\d", digits):  # a year, not a count
        return True
    return False


def _quantity(text: str, m: re.Match[str], t: _Tables) -> Quantity | None:
    qual = m.group("qual")
    kind = t.qualifiers[re.sub(r"\s+", " ", qual.lower())] if qual else None
    q = re.sub(r"\s+", " ", qual.lower()) if qual else None
    if m.group("b1") or m.group("r1") or m.group("d1"):
        a = words_to_int(m.group("b1") or m.group("r1") or m.group("d1"))
        b = words_to_int(m.group("b2") or m.group("r2") or m.group("d2"))
        if a is None or b is None or b <= a:
            return None
        return Quantity(a, a, b, m.start(), m.end(), m.group(), False, q)
    if m.group("vague"):
        value, low, high = t.vague[re.sub(r"\s+", " ", m.group("vague").lower())]
        if kind == "low":
            high = None
        return Quantity(value, low, high, m.start(), m.end(), m.group(), True, q)
    if m.group("art"):
        if qual:
            return None
        return Quantity(1, 1, 1, m.start(), m.end(), m.group(), False, None)
    value = words_to_int(m.group("num"))
    if value is None:
        return None
    low, high = _bounds(value, q, kind)
    return Quantity(value, low, high, m.start(), m.end(), m.group(), False, q)


def find_quantities(text: str, start: int = 0, end: int | None = None, *,
                    articles: bool = False, lowered: str | None = None) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, offsets into ``text``, in text order.

    With ``articles=True`` the indefinite article "a"/"an" counts one ("a man was
    killed"); callers that know the next word names a person ask for it. ``lowered``:
    ``text.lower()`` when the caller has it, for a faster scan (the same matches).
    """
    t = _tables()
    out: list[Quantity] = []
    stop = len(text) if end is None else end
    if lowered is not None and t.lower_pattern is not None and twin_exact(text, lowered):
        # The case-sensitive twin scans the lower-cased text (IGNORECASE costs about a
        # third more); each hit is matched again in the text, for the same match objects.
        found = (t.pattern.match(text, hit.start(), stop)
                 for hit in t.lower_pattern.finditer(lowered, start, stop))
    else:
        found = t.pattern.finditer(text, start, stop)
    for m in found:
        if m is None:
            continue
        if m.group("art") and not articles:
            continue
        if _excluded(text, m, t):
            continue
        q = _quantity(text, m, t)
        if q is not None:
            out.append(q)
    return out


def parse_quantity(text: str, *, articles: bool = True) -> Quantity | None:
    """The quantity ``text`` is as a whole ("at least 55", "dozens"), or ``None``."""
    found = find_quantities(text, articles=articles)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.rstrip()):
        return found[0]
    return None
