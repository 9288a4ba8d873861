"""The date grammar: one precompiled regular expression built from the word lists in
``data/dates/lexicon.json``.

Every alternative is wrapped in a named group (``iso``, ``dmy``, ``wd`` ...) so a single
``finditer`` pass finds all candidates; ``match.lastgroup`` names the alternative that
matched (the wrapper closes last); :meth:`Grammar.finditer` runs it only where a date can
begin (see there). Alternatives are ordered longest-first because the
regex engine takes the first alternative that matches at a position. The grammar is
case-insensitive; capitalisation ("May" the month vs "may" the verb) is checked by the
recogniser, which knows whether the text is mixed-case, all-caps or all-lower-case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated
from ..nlp.word_starts import matches_at

__all__ = ["Grammar", "fold_case", "grammar", "word_key"]

# ASCII-only lower-casing keeps every offset (str.lower() may not: "İ" becomes two chars).
_FOLD_BYTES = bytes(b + 32 if 65 <= b <= 90 else b for b in range(256))  # A-Z to a-z
# A text with none of the case-odd letters (:mod:`sitrep.nlp.case_odd`) gives the same
# matches to an IGNORECASE pattern as its fold_case() to the same pattern without the
# flag (the ``*_folded`` patterns of :class:`Grammar`).


def fold_case(text: str) -> str:
    """``text`` with ASCII capitals lower-cased: same length, same offsets."""
    if text.isascii():
        return text.lower()
    # Other text through UTF-8 and a byte table: in UTF-8 every byte of a non-ASCII
    # character is >= 0x80, which the table leaves alone, so only A-Z change (what a
    # str.translate of A-Z would do, many times faster); "surrogatepass" keeps a lone
    # surrogate (broken input) as it was.
    return text.encode("utf-8", "surrogatepass").translate(_FOLD_BYTES).decode(
        "utf-8", "surrogatepass")


def _trie(words: list[str] | set[str]) -> str:
    """A regex matching any of ``words``, factored as a trie so that the engine rejects a
    position after one or two character tests instead of trying every word."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if list(node) == [""]:
            return ""
        opts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        body = opts[0] if len(opts) == 1 else "(?:" + "|".join(opts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(tree) + ")"



def _alt(words: list[str] | set[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled grammar and the lookup tables its handlers need."""

    pattern: re.Pattern[str]
    starts: re.Pattern[str]
    #: regex source of the same grammar behind the plain gate (any word that can begin
    #: a date, whatever follows): the reference the faster gate must agree with (tests)
    reference: str
    report_pattern: re.Pattern[str]
    report_folded: re.Pattern[str]
    future_pattern: re.Pattern[str]
    past_pattern: re.Pattern[str]
    future_folded: re.Pattern[str]
    past_folded: re.Pattern[str]
    possessive_future: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    parts_of_day: dict[str, str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    ambiguous_months: frozenset[str]
    month_prepositions: frozenset[str]
    seasons: dict[str, int]
    year_unit_nouns: frozenset[str]
    year_blocking_previous: frozenset[str]

    def finditer(self, folded: str) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(folded)``, same matches, about three times faster.

        Python's regex engine tries a pattern that opens with a look-behind at every
        position; :attr:`starts` opens with a character class, which the engine skips
        to in C, and finds (one character early) every position where a date can begin.
        The grammar is then tried only there (see :func:`sitrep.nlp.word_starts.matches_at`)."""
        return matches_at(self.pattern, folded, (c.end() for c in self.starts.finditer(folded)))


def word_key(text: str) -> str:
    """Lexicon key of a matched word: lower case, single spaces, no trailing period."""
    return " ".join(text.lower().rstrip(".").split())


@cache
def grammar() -> Grammar:
    """Build (once per process) the date grammar from the data files."""
    lex = read_json("dates", "lexicon.json")
    months: dict[str, int] = lex["months"]
    abbrevs = set(lex["month_abbreviations"])
    full_months = [m for m in months if m not in abbrevs]
    # Abbreviations may carry a period ("Sept."); full names may not be followed by letters.
    mon = ("(?:" + _alt(full_months) + "|" + _alt(abbrevs) + r"\.?)(?![a-z])")
    mon_full = _alt(full_months) + r"(?![a-z\d])"
    wd = _alt(lex["weekdays"]) + r"\b"
    pod = _alt(lex["parts_of_day"]) + r"\b"
    num = r"(?:\d{1,3}|" + _alt(lex["numbers"]) + r")"
    ordw = _alt(lex["ordinals"])
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[:.,]\d)\b"
    # Not "1990s" (a decade is not a date mention here), not "2,011", not "2011%".
    year4 = r"(?:1[89]\d\d|20\d\d)(?![\d%]|[.,]\d|s\b|['’]s\b)"
    year2 = r"(?:'\d\d|\d\d)(?![\d%:]|[.,]\d)"
    mpart = _alt([k for k in lex["month_parts"] if " " not in k])
    mpart_of = r"(?:the\s+)?" + _alt([k for k in lex["month_parts"] if " " in k])

    def dm(p: str) -> str:
        """Day-month(-year) core with group prefix ``p``."""
        return (rf"(?:the\s+)?(?P<{p}d>{day}|{ordw})\s+(?:of\s+)?(?P<{p}m>{mon})"
                rf"(?:,?\s+(?P<{p}y>{year4}|{year2}))?")

    def md(p: str) -> str:
        """Month-day(-year) core with group prefix ``p``."""
        return (rf"(?P<{p}m>{mon})\s+(?:the\s+)?(?P<{p}d>{day}|{ordw})"
                rf"(?:,?\s+(?P<{p}y>{year4}))?")

    alternatives = [
        ("iso", r"(?P<iso_y>1[89]\d\d|20\d\d)-(?P<iso_m>0?[1-9]|1[0-2])-"
                r"(?P<iso_d>[12]\d|3[01]|0?[1-9])(?![\d:])"),
        ("num", r"(?<![\d/.,])(?P<num_a>\d{1,4})/(?P<num_b>\d{1,2})/"
                r"(?P<num_c>\d{4}|\d{2})(?![\d/])"),
        ("wdd", rf"(?:the\s+{pod}\s+of\s+)?(?P<wdd_w>{wd}),?\s+(?:{dm('wdd1_')}|{md('wdd2_')})"),
        ("drange", rf"(?:(?:from|between)\s+)?(?:the\s+)?(?P<drange_d1>{day})\s*"
                   rf"(?:-|–|to|and|until|till|through)\s*(?:the\s+)?(?P<drange_d2>{day})\s+"
                   rf"(?:of\s+)?(?P<drange_m>{mon})(?:,?\s+(?P<drange_y>{year4}))?"),
        ("mrange", rf"(?:(?:from|between)\s+)?(?P<mrange_m>{mon})\s+(?P<mrange_d1>{day})\s*"
                   rf"(?:-|–|to|and|until|till|through)\s*(?P<mrange_d2>{day})(?:,?\s+(?P<mrange_y>{year4}))?"),
        ("dmy", dm("dmy_")),
        ("my", rf"(?P<my_m>{mon}),?\s+(?:of\s+)?(?P<my_y>{year4})"),
        ("mdy", md("mdy_")),
        ("part", rf"(?P<part_mod>{mpart}|{mpart_of})"
                 rf"(?:[\s-]+|-)(?:(?P<part_m>{mon_full})(?:,?\s+(?P<part_y>{year4}))?|(?P<part_y2>{year4}))"),
        ("quarter", rf"(?:the\s+)?(?P<quarter_n>first|second|third|fourth|1st|2nd|3rd|4th)"
                    r"[\s-]+quarter\b"
                    rf"(?:\s+of\s+(?P<quarter_y>{year4}))?"),
        ("ago", rf"(?P<ago_n>{num})\s+(?P<ago_u>day|week|month|year)s?\s+ago\b"),
        ("rel", r"(?:(?P<rel_mod>earlier|later|early|late)\s+)?(?:"
                r"(?P<rel_word>yesterday|today|tomorrow|tonight|overnight)"
                r"|(?P<rel_ln>last)\s+(?P<rel_lnpod>night|evening)"
                rf"|this\s+(?P<rel_thispod>{pod})"
                r"|(?P<rel_db>the\s+(?:day\s+before\s+yesterday|day\s+before|previous\s+day|day\s+after\s+tomorrow))"
                r"|(?P<rel_q>this|last|next|coming)\s+(?P<rel_unit>weekend|week|month|year)\b"
                r"|(?P<rel_thewe>the)\s+weekend\b"
                rf")(?:\s+(?P<rel_pod>{pod}))?"),
        # "between Monday and Wednesday" is a range; "on Monday and Wednesday" is two days.
        ("wrange", rf"(?:between\s+(?P<wrange_w1>{wd})(?:\s+(?P<wrange_p1>{pod}))?\s+and\s+"
                   rf"|(?:from\s+)?(?P<wrange_w3>{wd})(?:\s+(?P<wrange_p3>{pod}))?\s*(?:-|–|to|until|till|through)\s+)"
                   rf"(?:into\s+)?(?P<wrange_w2>{wd})(?:\s+(?P<wrange_p2>{pod}))?"),
        ("wd", rf"(?:(?P<wd_mod>last|this|next|coming|early|late)\s+(?:on\s+)?)?"
               rf"(?:the\s+(?P<wd_podpre>{pod})\s+of\s+)?(?P<wd_w>{wd})(?P<wd_poss>'s|’s)?(?:,?\s+(?P<wd_pod>{pod}))?"),
        ("mon", rf"(?:(?P<mon_mod>last|this|next)\s+)?"
                rf"(?P<mon_m>{mon_full})"
                r"(?:,?\s+(?:of\s+)?(?P<mon_rel>last|this|next)\s+year\b)?"),
        # "last summer", "this past spring", "in the winter of 1994", "autumn 2015"
        ("season", rf"(?:(?P<season_mod>this\s+past|last|this|next|coming|early|late|mid)"
                   rf"[\s-]+|(?P<season_the>the)\s+(?:(?P<season_part>early|late)\s+)?)?"
                   rf"(?P<season_s>{_alt(lex['seasons'])})\b"
                   rf"(?:,?\s+(?:of\s+)?(?P<season_y>{year4}))?"),
        ("year", rf"(?:(?P<year_pre>fiscal|the\s+year|early|late|mid)[\s-]+)?"
                 rf"(?<![\d,.$£€#/-])(?P<year_y>{year4})(?!-\d)"),
    ]
    body = "|".join(rf"(?P<{name}>{pat})" for name, pat in alternatives)
    # Speed: only try the alternatives at the start of a word that can begin a date.
    starters = (set(months) | set(lex["weekdays"]) | set(lex["seasons"]) | set(lex["numbers"])
                | set(lex["ordinals"])
                | {k.split()[0] for k in lex["month_parts"]}
                | {"the", "from", "between", "last", "this", "next", "coming", "early", "late",
                   "earlier", "later", "mid", "fiscal", "yesterday", "today", "tomorrow", "tonight",
                   "overnight"})
    reference = rf"(?<![\w'’])(?=\d|{_trie(starters)}(?![a-z]))(?:{body})"
    # Words that begin a date only before certain other words ("the 5th", "a week ago",
    # "last night", "first of May"): the gate checks the next word too, because "the"
    # and "a" alone would open the whole grammar at one word in ten. ``follow`` holds
    # every word that can come next after any of them in some alternative above. A new
    # alternative must keep these lists a superset (tests/dates/test_dates_fastpaths.py
    # compares the gated grammar with the bare one).
    weak = ({"the", "from", "between", "last", "this", "next", "coming", "early", "late",
             "earlier", "later", "mid", "fiscal"}
            | {w.split()[0] for w in lex["numbers"]} | set(lex["ordinals"])
            | {k.split()[0] for k in lex["month_parts"]})
    follow = (set(months) | set(lex["weekdays"]) | set(lex["seasons"]) | set(lex["ordinals"])
              | set(lex["parts_of_day"]) | {k.split()[0] for k in lex["month_parts"]}
              | {w.split()[1] for w in lex["numbers"] if " " in w}
              | {"the", "on", "of", "past", "day", "previous", "weekend", "week", "month",
                 "year", "quarter", "yesterday", "today", "tomorrow", "tonight", "overnight",
                 "last", "this", "next", "coming"})
    strong = {w for w in starters if w.split()[0] not in weak}
    # "from"/"between" open only day, month and weekday ranges ("from the 5th to ...").
    ranges = {"from", "between"}
    from_next = rf"(?:\d|the\s+\d|{_trie(set(months) | set(lex['weekdays']))})"
    # A number opens a date only as a year, "3/7", or a day or count before a range
    # word, a month, "of", "quarter" or a unit ("5 to 7 March", "12 March", "3 days ago").
    units = set(months) | {"of", "quarter", "day", "week", "month", "year"}
    digit = (rf"(?:1[89]|20)\d\d|\d{{1,4}}/|\d{{1,3}}(?:st|nd|rd|th)?"
             rf"(?:\s*(?:-|–|to|and|until|till|through)|[\s-]+{_trie(units)})")
    # One class test first: most words fail on their first letter, before the branches.
    firsts = "".join(sorted({w[0] for w in strong | weak}))
    ahead = (rf"(?=[\d{re.escape(firsts)}])(?={digit}|{_trie(strong)}(?![a-z])"
             rf"|{_trie(ranges)}\s+{from_next}"
             rf"|{_trie(weak - ranges)}[\s-]+(?:\d|{_trie(follow)}))")
    gate = rf"(?<![\w'’]){ahead}"
    # The pattern runs on fold_case(text): no IGNORECASE needed, offsets unchanged.
    pattern = re.compile(f"{gate}(?:{body})")
    # The character before a possible date (see Grammar.finditer): a class of ranges the
    # engine tests fast (ASCII non-word characters but the apostrophe, and all non-ASCII),
    # then the exact test on that one character.
    starts = re.compile(r"[\x00-\x26\x28-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\U0010ffff]"
                        rf"(?<=[^\w'’]){ahead}")

    # "said Wednesday", "told reporters on Thursday", "said in a statement on Friday"
    report_src = (rf"\b{_trie(lex['reporting_verbs'])}\b(?:\s+[\w'’-]+){{0,4}}?\s+"
                  rf"(?:on\s+)?(?P<w>{wd})")
    report = re.compile(report_src, re.IGNORECASE)
    future_src = r"(?<![\w'’])" + _alt(lex["future_cues"]) + r"(?![\w'’])"
    future = re.compile(future_src, re.IGNORECASE)
    # Any word in -ed is a past cue, except words that only look like one ("hundred",
    # "succeed"). Participles after "be"/"been"/"being" are not cues: their tense is the
    # auxiliary's ("will be held" stays future; "was held" is past through "was").
    participle = r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)"
    # Tries, not alternations: this runs around every relative date. Equivalent, since
    # the closing \b lets at most one of these single words match at a position.
    past_src = (rf"\b{participle}(?:{_trie(lex['past_cues'])}"
                rf"|(?!{_trie(lex['not_past_ed'])}\b)[a-z]{{2,}}ed)\b")
    past = re.compile(past_src, re.IGNORECASE)
    # "ahead of Sunday's vote" looks forward; "Wednesday's ruling" alone looks back.
    poss_future = re.compile(rf"(?<![\w'’]){_alt(lex['possessive_future_before'])}\s+$",
                             re.IGNORECASE)
    return Grammar(
        pattern=pattern, starts=starts, reference=reference, report_pattern=report,
        future_pattern=future, past_pattern=past,
        # The same without IGNORECASE, for fold_case(text): several times faster, since
        # the engine can then reject a position on its first character.
        # (gated: each behind a look-ahead at the letters it can start with, see
        # :mod:`sitrep.nlp.regex_gates`; the same matches, found faster)
        future_folded=gated(re.compile(future_src)), past_folded=gated(re.compile(past_src)),
        report_folded=gated(re.compile(report_src)),
        possessive_future=poss_future,
        months=months, weekdays=lex["weekdays"], parts_of_day=lex["parts_of_day"],
        numbers=lex["numbers"], ordinals=lex["ordinals"],
        month_parts={k: tuple(v) for k, v in lex["month_parts"].items()},
        year_parts={k: tuple(v) for k, v in lex["year_parts"].items()},
        ambiguous_months=frozenset(lex["ambiguous_months"]),
        month_prepositions=frozenset(lex["month_prepositions"]),
        seasons=lex["seasons"],
        year_unit_nouns=frozenset(lex["year_unit_nouns"]),
        year_blocking_previous=frozenset(lex["year_blocking_previous"]),
    )

