"""How the combined role fillers of an event are quoted, as MUC-4 and ACLED coders quote
them: a perpetrator of the kind its head noun names (an institution, "the army", is an
organisation; the people acting for it, "army troops", individuals), a partitive quoted
with what follows "of" ("group of 10 paid assassins"), a physical target as its whole
noun phrase ("federal police building"), and no victim inside an editor's square
brackets. The word lists are data: ``data/events/fillers_kinds.json`` and
``fillers_targets.json``."""

from __future__ import annotations

import re
from collections import deque
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from ..article import ActorMention
from ..nlp.lexicon import read_json
from ..schema import RoleFiller
from .fillers_features import Token, is_cue, tokenize

if TYPE_CHECKING:
    from .fillers import RoleFillers

__all__ = ["group_names", "one_quote_per_group", "perpetrator_kind", "perpetrator_kinds",
           "quote_head", "tidy"]


def _words(text: str) -> tuple[str, ...]:
    """A quote's words, lower-cased, without articles and punctuation."""
    return tuple(t.low for t in tokenize(text) if t.low[0].isalnum()
                 and t.low not in ("a", "an", "the"))


@cache
def _kind_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    d = read_json("events", "fillers_kinds.json")
    return (frozenset(d["organization_heads"]), frozenset(d["people_heads"]),
            frozenset(d["head_stops"]))


def quote_head(text: str) -> tuple[str, str]:
    """The head of a quote and the word before it, lower-cased: its last word before a
    preposition, relative pronoun or comma ("army" of "army of national liberation",
    "members" of "national police members who ...")."""
    _, _, stops = _kind_rules()
    words: list[str] = []
    for t in tokenize(text):
        if t.low in stops or not t.low[0].isalnum():
            if words:
                break
            continue
        words.append(t.low)
    return (words[-1], words[-2]) if len(words) > 1 else ((words[0], "") if words else ("", ""))


def perpetrator_kind(f: RoleFiller) -> str | None:
    """"organization" for a quote naming an institution ("the salvadoran army", "the armed
    forces high command"), "individual" for one naming people ("army troops", "members
    of the fmln"), None when its head says neither (the source's kind stands)."""
    orgs, people, _ = _kind_rules()
    head, before = quote_head(f.text)
    if head in orgs or f"{before} {head}" in orgs:
        return "organization"
    if head in people or f"{before} {head}" in people:
        return "individual"
    return None


def perpetrator_kinds(fillers: RoleFillers) -> RoleFillers:
    """The fillers with each perpetrator of the kind its head names (MUC-4 and ACLED code
    a named institution as an organisation, the people acting for it as individuals);
    a quote already given of the other kind is not repeated."""
    out: list[RoleFiller] = []
    for p in fillers.perpetrators:
        kind = perpetrator_kind(p) or p.kind
        if kind != p.kind:
            p = RoleFiller(p.text, p.start, p.end, kind)
        if not any(o.kind == p.kind and _words(o.text) == _words(p.text) for o in out):
            out.append(p)
    if len(out) == len(fillers.perpetrators) and all(
            a is b for a, b in zip(out, fillers.perpetrators, strict=True)):
        return fillers
    return type(fillers)(out, fillers.victims, fillers.targets, fillers.weapons)


def _bracketed(text: str, start: int) -> bool:
    """Whether ``text[start]`` lies inside square brackets."""
    return text.rfind("[", 0, start) > text.rfind("]", 0, start)


@cache
def _tidy_rules() -> tuple[frozenset[str], frozenset[str], int, frozenset[str]]:
    d = read_json("events", "fillers_kinds.json")
    demonyms = frozenset(w.lower() for c in read_json("actors", "countries.json")
                         for w in c["demonyms"])
    return (frozenset(d["partitives"]), frozenset(d["partitive_stops"]),
            int(d["partitive_max_words"]), demonyms)


def _partitive(text: str, p: RoleFiller, nouns: frozenset[str] | None = None) -> RoleFiller:
    """A perpetrator quoted as a partitive ("group", "members") before "of", quoted with
    what follows: "group of 10 paid assassins", "members of the 8th front" (who they
    are is said after "of")."""
    partitives, stops, most, _ = _tidy_rules()
    words = p.text.lower().split()
    nouns = partitives if nouns is None else nouns
    if not words or words[-1] not in nouns or text[p.end:p.end + 4].lower() != " of ":
        return p
    end = p.end
    # A number only before the first word that is no article ("group of 10 ...", "members
    # of the 8th front"; "cell of the eln 48 hours"); not every attack cue ends the name
    # ("national liberation army"), its verbs do ("killed", "attacked").
    named = False
    for t in _tokens(text, p.end + 4, p.end + 4 + 12 * most, most):
        if not t.low[0].isalnum() or t.low in stops or (named and t.low[0].isdigit()) or (
                t.low.endswith("ed") and is_cue(t.low)):
            break
        named = named or t.low not in ("the", "a", "an")
        end = t.end
    if end == p.end:
        return p
    return RoleFiller(text[p.start:end], p.start, end, p.kind)


@cache
def _target_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str],
                             int, int]:
    d = read_json("events", "fillers_targets.json")
    roles = read_json("events", "roles.json")["targets"]
    heads = frozenset(w for w in roles["heads"] if " " not in w) | frozenset(d["extra_heads"])
    return (heads, frozenset(roles["modifiers"]), frozenset(d["of_heads"]),
            frozenset(d["stops"]), int(d["max_right"]), int(d["max_left"]))


_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")  # as fillers_features.tokenize


def _tokens(text: str, a: int, b: int, most: int, *, last: bool = False) -> list[Token]:
    """The first (or ``last``) ``most`` tokens of ``text[a:b]``: a few words around a quote,
    found lazily (no copy of the text; a quote's neighbourhood is read for every target)."""
    found = _TOKEN.finditer(text, a, b)
    hits = deque(found, most) if last else islice(found, most)
    return [Token(m.start(), m.end(), m.group().lower()) for m in hits]


def _joined(text: str, a: int, b: int) -> bool:
    """Whether only spaces lie between two words (no comma, no line of its own)."""
    return a == b or text[a:b] == " " * (b - a)


def _whole_target(text: str, t: RoleFiller) -> RoleFiller:
    """A target quoted as its whole noun phrase: completed on the right up to a target
    noun ("fast-food" -> "fast-food restaurant", "ussr embassy" -> "ussr embassy
    vehicle"), on the left over modifiers and a possessive ("federal police building",
    "merino's home"), and with the "of" phrase of a noun that takes one ("offices of the
    local development corporation")."""
    heads, mods, of_heads, stops, right, left = _target_rules()
    start, end = t.start, t.end
    last = t.text.lower().split()[-1] if t.text.strip() else ""
    prev = end
    for k, w in enumerate(_tokens(text, end, end + 20 * right, right)):
        if not _joined(text, prev, w.start) or not w.low[0].isalnum() or w.low in stops:
            break
        prev = w.end
        # a quote ending on a target noun grows only by the noun of a compound right after
        if w.low in heads and (last not in heads or k == 0):
            end = w.end
        elif last in heads and k == 0:
            break
    before = _tokens(text, max(0, start - 20 * left), start, left, last=True)
    for w in reversed(before):
        if not _joined(text, w.end, start) or not (
                w.low in mods or (w.low.endswith("'s") and w.low not in stops)):
            break
        start = w.start
    if end == t.end and last in of_heads:
        grown = _partitive(text, RoleFiller(text[start:end], start, end), of_heads)
        end = grown.end
    if (start, end) == (t.start, t.end):
        return t
    return RoleFiller(text[start:end], start, end, t.kind)


def tidy(text: str, fillers: RoleFillers) -> RoleFillers:
    """The fillers as MUC-4 quotes them: perpetrators quoted by a partitive with what
    follows "of" (:func:`_partitive`), without quotes inside another of them or a lone
    nationality word ("salvadoran" names no one); targets as whole noun phrases
    (:func:`_whole_target`, one quote per phrase); no victims quoted inside square
    brackets (brackets hold an editor's words: a byline "[JUAN ARAYA]", a label
    "[TEXT]", a clarification; never the report of who was harmed)."""
    *_, demonyms = _tidy_rules()
    perps = [_partitive(text, p) for p in fillers.perpetrators]
    perps = [p for p in perps if p.text.lower() not in demonyms and not any(
        o.start <= p.start and p.end <= o.end and (o.start, o.end) != (p.start, p.end)
        for o in perps)]
    victims = fillers.victims
    if "[" in text:
        victims = [v for v in victims if not _bracketed(text, v.start)]
    targets = [_whole_target(text, t) for t in fillers.targets]
    targets = [t for i, t in enumerate(targets) if not any(
        o.start <= t.start and t.end <= o.end and ((o.start, o.end) != (t.start, t.end) or j < i)
        for j, o in enumerate(targets) if j != i)]
    if perps == fillers.perpetrators and victims is fillers.victims and \
            targets == fillers.targets:
        return fillers
    return type(fillers)(perps, victims, targets, fillers.weapons)


def group_names(actors: list[ActorMention]) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, quote)`` of the article's mentions of named armed groups (rebels
    and militias), in text order: what :func:`one_quote_per_group` reads."""
    return sorted((a.start, a.end, a.name, a.text) for a in actors
                  if a.inter in (2, 3) and not a.name.startswith("Unidentified"))


def one_quote_per_group(fillers: RoleFillers,
                        groups: list[tuple[int, int, str, str]]) -> RoleFillers:
    """The fillers with each organisation that names a known armed group quoted by the
    article's first mention of that group ("the FMLN" and "the Farabundo Marti National
    Liberation Front" are one perpetrator; "ELN" and "Army of National Liberation" too):
    one quote per group, whichever source found which name. ``groups``: the article's
    :func:`group_names`."""
    if not groups or not any(p.kind == "organization" for p in fillers.perpetrators):
        return fillers
    first: dict[str, tuple[int, int, str]] = {}
    for a, b, name, quote in groups:
        first.setdefault(name, (a, b, quote))
    out: list[RoleFiller] = []
    for p in fillers.perpetrators:
        if p.kind == "organization":
            name = next((n for a, b, n, _ in groups if a < p.end and p.start < b), None)
            if name is not None:
                a, b, quote = first[name]
                p = RoleFiller(quote, a, b, p.kind)
        if not any((o.start, o.end, o.kind) == (p.start, p.end, p.kind) for o in out):
            out.append(p)
    if out == fillers.perpetrators:
        return fillers
    return type(fillers)(out, fillers.victims, fillers.targets, fillers.weapons)
