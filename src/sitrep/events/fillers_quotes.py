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

__all__ = ["group_names", "named_actors", "one_quote_per_group", "perpetrator_kind",
           "perpetrator_kinds", "quote_head", "their_organisations", "tidy"]


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


def one_quote_per_group(fillers: RoleFillers, groups: list[tuple[int, int, str, str]],
                        text: str | None = None) -> RoleFillers:
    """The fillers with each perpetrator that names a known armed group (an
    organisation, or any quote inside the group's name) quoted by the article's first
    mention of that group ("the FMLN" and "the Farabundo Marti National
    Liberation Front" are one perpetrator; "ELN" and "Army of National Liberation" too):
    one quote per group, whichever source found which name. ``groups``: the article's
    :func:`group_names`; with the article's ``text``, a first mention that describes
    people ("FMLN guerrillas") is quoted by the group's words alone."""
    if not groups:
        return fillers
    # A quote inside a group's name is that group when its head names no people, whatever
    # kind a source gave it (the tagger may read "Shining Path" as people; "rebels" and
    # "urban commandos" stay people).
    perps = [RoleFiller(p.text, p.start, p.end, "organization")
             if p.kind != "organization" and perpetrator_kind(p) is None
             and any(a <= p.start and p.end <= b for a, b, _, _ in groups) else p
             for p in fillers.perpetrators]
    if not any(p.kind == "organization" for p in perps):
        return fillers
    first: dict[str, tuple[int, int, str]] = {}
    for a, b, name, quote in groups:
        if name not in first:
            # the group's words of its first mention ("FMLN" of "FMLN guerrillas")
            a, b = _org_words(text, a, b) or (a, b) if text is not None else (a, b)
            first[name] = (a, b, quote if text is None else text[a:b])
    out: list[RoleFiller] = []
    for p in perps:
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


# Categories of actors that are no perpetrating organisation of the people they describe
# ("civilians", "protesters" name people; "the government" orders, it does not act).
_NOT_ORGANISATIONS = frozenset(("civilians", "government", "protesters", "rioters"))


def named_actors(actors: list[ActorMention]) -> list[tuple[int, int]]:
    """``(start, end)`` of the article's mentions of named armed organisations (state
    forces, rebels, militias; not "unidentified" ones): what :func:`their_organisations`
    reads."""
    return sorted((a.start, a.end) for a in actors
                  if not a.name.startswith("Unidentified") and a.category not in _NOT_ORGANISATIONS)


def _org_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words of ``text[start:end]`` that name the organisation: without a partitive
    before "of" ("members of the"), articles and the people noun after it
    ("guerrillas", "troops", "elements")."""
    _, people, _ = _kind_rules()
    partitives, *_ = _tidy_rules()
    toks = [t for t in _tokens(text, start, end, 40) if t.low[0].isalnum()]
    k = next((i for i, t in enumerate(toks) if t.low == "of"), -1)
    if k > 0 and all(t.low in partitives or t.low in people for t in toks[:k]):
        toks = toks[k + 1:]
    while toks and toks[0].low in ("the", "a", "an"):
        toks = toks[1:]
    while toks and (toks[-1].low in people or toks[-1].low in partitives):
        toks = toks[:-1]
    return (toks[0].start, toks[-1].end) if toks else None


_PEOPLE_OF = re.compile(r"\b(\w+) of (?:the )?$", re.IGNORECASE)
_OF_THE = re.compile(r" of (?:the )?", re.IGNORECASE)


def _names_people(text: str, p: RoleFiller) -> bool:
    """Whether a quote has a noun for people or a partitive ("troops", "members of")."""
    _, people, _ = _kind_rules()
    partitives, *_ = _tidy_rules()
    return perpetrator_kind(p) == "individual" or any(
        t.low in people or t.low in partitives for t in _tokens(text, p.start, p.end, 40))


def their_organisations(text: str, fillers: RoleFillers,
                        named: list[tuple[int, int]]) -> RoleFillers:
    """The fillers with the organisation of people described by it: "FMLN guerrillas",
    "members of the Shining Path", "army troops" (individuals) are also the FMLN, the
    Shining Path, the army (organisations), as MUC-4 and ACLED code the doers and the
    group they act for; an organisation quoted right before a people noun ("armed forces
    elements") is also those people. A quote of people that only names the organisation
    ("the Shining Path"), or a piece of its name ("forces" of "armed forces"), is the
    organisation. ``named``: the article's :func:`named_actors`."""
    if not named or not fillers.perpetrators:
        return fillers
    _, people, _ = _kind_rules()
    orgs: list[RoleFiller] = []
    persons: list[RoleFiller] = []
    # The organisations the sources quoted (as such, or as people without a people noun).
    quoted = [p for p in fillers.perpetrators if p.kind == "organization"]
    for p in fillers.perpetrators:
        if p.kind == "organization":
            orgs.append(p)
            continue
        # "soldiers of the Malian army": the organisation the people are of
        # (MUC-4 quotes the people as named: "troops", not "troops of the brigade")
        of = _OF_THE.match(text, p.end)
        if of is not None and _names_people(text, p):
            org = next(((a, b) for a, b in named if a == of.end()), None)
            org = org and _org_words(text, *org)
            if org is not None:
                orgs.append(RoleFiller(text[org[0]:org[1]], org[0], org[1], "organization"))
        persons.append(p)
        for a, b in named:
            if not (a < p.end and p.start < b):
                continue
            whole = _org_words(text, a, b)
            inside = a <= p.start and p.end <= b
            org = whole if inside else _org_words(text, max(a, p.start), min(b, p.end))
            if org is None or whole is None:
                continue
            if not _names_people(text, p) and (
                    inside or _org_words(text, p.start, p.end) == org):
                # no people noun in the quote: it is (a piece of) the organisation's name
                # ("the Shining Path" or "forces" given as people)
                org = whole
                persons.pop()
                quoted.append(RoleFiller(text[org[0]:org[1]], org[0], org[1], "organization"))
            elif inside and (a, b) != (p.start, p.end) and \
                    p.text.split()[0].lower() in _tidy_rules()[0]:
                # a piece of a description of people cut inside a compound ("group
                # fighters" of "Islamic State group fighters"): the whole description
                # ("rebels" of "FMLN rebels" names the people alone)
                persons[-1] = RoleFiller(text[a:b], a, b, p.kind)
            if text[org[0]:org[1]].lower() not in _tidy_rules()[3]:
                # (a lone nationality, "Russian" of "Russian military personnel", is none)
                orgs.append(RoleFiller(text[org[0]:org[1]], org[0], org[1], "organization"))
            break
    for o in list(orgs):
        # "members of the Shining Path": the people of the organisation (a partitive;
        # not "killers of ...", whose "of" names the victims)
        before = _PEOPLE_OF.search(text, max(0, o.start - 40), o.start)
        if before is not None and before.group(1).lower() in _tidy_rules()[0]:
            persons.append(RoleFiller(text[before.start(1):o.end], before.start(1), o.end,
                                      "individual"))
        # (an organisation a source quoted: the one read off people is theirs already)
        nxt = _tokens(text, o.end, o.end + 20, 1) if o in quoted else []
        if nxt and _joined(text, o.end, nxt[0].start) and nxt[0].low in people:
            persons.append(RoleFiller(text[o.start:nxt[0].end], o.start, nxt[0].end,
                                      "individual"))
    out = [o for o in fillers.perpetrators if o in persons or o in orgs]
    out += [o for o in persons + orgs if o not in out]
    out = [o for i, o in enumerate(out) if not any(
        (q.start, q.end, q.kind) == (o.start, o.end, o.kind) for q in out[:i])]
    if out == fillers.perpetrators:
        return fillers
    return type(fillers)(out, fillers.victims, fillers.targets, fillers.weapons)
