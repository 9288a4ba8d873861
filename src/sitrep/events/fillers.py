"""Role fillers of an event in the article's own words: perpetrators, victims, physical
targets and weapons (the MUC-4 slots), each with offsets.

Victims are the people the event harmed: those named in its sentences next to a harm cue
("the murder of archbishop oscar romero", "maria diaz, a judge, was shot";
``data/events/victim_patterns.json``) and the groups its casualty counts quote ("7
civilians"), except the perpetrators' own dead ("36 attackers" killed by troops)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..actors.persons import find_persons
from ..article import ActorMention, Article, CountMention
from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated
from ..schema import RoleFiller
from .drafts import Draft
from .fillers_agents import agent_fillers
from .fillers_combine import (
    article_quotes,
    canonical,
    combine,
    event_sentences,
    model_fillers,
)
from .fillers_described import described_whole, first_quotes
from .fillers_names import coordinated_names, full_names
from .fillers_quotes import (
    group_names,
    named_actors,
    one_quote_per_group,
    their_organisations,
    tidy,
)
from .fillers_struck import struck_nouns, struck_targets
from .fillers_weapons import weapons_named

__all__ = ["RoleFillers", "no_adjectives", "quoted", "role_fillers", "victim_quotes"]


@dataclass(slots=True)
class RoleFillers:
    """The four quoted slots of one event."""

    perpetrators: list[RoleFiller] = field(default_factory=list)
    victims: list[RoleFiller] = field(default_factory=list)
    targets: list[RoleFiller] = field(default_factory=list)
    weapons: list[RoleFiller] = field(default_factory=list)


def role_fillers(article: Article, draft: Draft, actor1_mentions: list[ActorMention],
                 toll, *, tagged: bool = True) -> RoleFillers:
    """Fill the slots of a draft: perpetrators are the mentions of actor1 (organisations
    when a named group, individuals otherwise; one per entity), victims the people named
    as harmed in the draft's sentences and those counted as killed, wounded or abducted
    (not the perpetrators' own dead), targets and weapons what the frames quoted (one
    weapon per head noun). ``tagged``: the trained tagger adds its fillers (see
    ``fillers_combine``); otherwise the rules' alone. The combined fillers are quoted by
    :func:`quoted`, each entity as earlier events of the article quoted it."""
    victims = _named_victims(article, draft)
    own = _own_side(actor1_mentions)
    victims += [_victim_quote(article.text, c) for c in toll.evidence
                if c.kind in ("killed", "wounded", "abducted") and c.value
                and c.side != own and c.group_text]
    civilians_hit = bool(victims) or any(
        c.side == "civilians" and c.value for c in toll.evidence)
    quotable = [m for m in actor1_mentions if _quotable(article.text, m, civilians_hit)]
    perpetrators = _perpetrators(article, quotable)
    group = _their_group(article, quotable or [m for m in actor1_mentions if m.inter in (2, 3)])
    if group is not None:
        perpetrators.append(RoleFiller(group.text, group.start, group.end, "organization"))
    targets = [_trim(article.text, RoleFiller(r.text, r.start, r.end))
               for f in draft.frames for r in f.targets]
    # (the frames quote every target noun of the event's clauses: only what was struck)
    targets = struck_targets(article, targets)
    targets += [t for t in struck_nouns(article, [f.sentence for f in draft.frames])
                if not any(o.start < t.end and t.start < o.end for o in targets)]
    weapons = [RoleFiller(r.text, r.start, r.end) for f in draft.frames for r in f.weapons]
    victims = [v for v in victims if _is_person_quote(v)]
    rules = RoleFillers(_dedupe(perpetrators), _same_names(_dedupe(victims)), _dedupe(targets),
                        _by_head(_dedupe(weapons)))
    fillers = combine(rules, model_fillers(article, draft) if tagged else {},
                      text=article.text)
    # The doers of the attack verb and their commander join whichever source filled the
    # role: the grammar names them where neither the actor lexicon nor the tagger did.
    for a in agent_fillers(article.text, article.sentences, event_sentences(
            [f.sentence for f in draft.frames], len(article.sentences)),
            civilians_hit=civilians_hit):
        if not any(p.start < a.end and a.start < p.end for p in fillers.perpetrators):
            fillers.perpetrators.append(a)
    # (described people with their count first: a bare noun left is the article's first)
    fillers.perpetrators = first_quotes(
        article.actors, [described_whole(article.text, p) for p in fillers.perpetrators],
        lambda a: _kind(a) == "individual" and not _adjective(article.text, a))
    fillers = quoted(article.text, article.actors, fillers, _GROUPS.of(article),
                     _GROUPS.named(article))
    return canonical(fillers, article_quotes(article, draft))


def quoted(text: str, actors: list[ActorMention], fillers: RoleFillers,
           groups: list[tuple[int, int, str, str]], named: list[tuple[int, int]]) -> RoleFillers:
    """The combined fillers of an event quoted as coders quote them: victims as people
    (:func:`victim_quotes`), no perpetrator quoted by an adjective (:func:`no_adjectives`),
    targets without counts and possessives ("his car"), weapons by their weapon noun,
    quotes tidied (:func:`tidy`), people with the organisation they act for
    (:func:`their_organisations`), one quote per armed group and people by their fullest
    name (:func:`full_names`). ``actors``, ``groups``, ``named``: the article's actor
    mentions, :func:`group_names` and :func:`named_actors`."""
    fillers = tidy(text, weapons_named(fillers))
    # (trimmed after tidy, which completes a target's noun phrase over its modifiers)
    fillers = RoleFillers(no_adjectives(text, actors, fillers.perpetrators),
                          victim_quotes(fillers.victims),
                          _dedupe([_trim(text, t) for t in fillers.targets]), fillers.weapons)
    fillers = their_organisations(text, fillers, named)
    return full_names(text, one_quote_per_group(fillers, groups, text))


class _ArticleGroups:
    """The named armed groups of the article being processed (:func:`group_names`, read
    once per article: its drafts share them)."""

    def __init__(self) -> None:
        self.article: Article | None = None
        self.groups: list[tuple[int, int, str, str]] = []
        self.organisations: list[tuple[int, int]] = []

    def of(self, article: Article) -> list[tuple[int, int, str, str]]:
        if article is not self.article:
            self.article, self.groups = article, group_names(article.actors)
            self.organisations = named_actors(article.actors)
        return self.groups

    def named(self, article: Article) -> list[tuple[int, int]]:
        """The article's :func:`named_actors`."""
        self.of(article)
        return self.organisations


_GROUPS = _ArticleGroups()
_WORD = re.compile(r"[\w.'-]+")


@cache
def _quote_rules() -> tuple[frozenset[str], frozenset[str]]:
    d = read_json("events", "fillers.json")
    return frozenset(d["quote_trim"]), frozenset(d["not_victims"])


def _trim(text: str, r: RoleFiller) -> RoleFiller:
    """The quote without leading counts, quantifiers, demonstratives and possessives
    ("500 houses", "that church", "his car"): MUC-4 fillers name the thing itself."""
    trim, _ = _quote_rules()
    words = list(_WORD.finditer(r.text))
    k = 0
    while k < len(words) - 1 and (words[k].group().lower() in trim
                                  or words[k].group().replace(",", "").isdigit()):
        k += 1
    if k == 0:
        return r
    start = r.start + words[k].start()
    return RoleFiller(text[start:r.end], start, r.end, r.kind)


_CONJUNCTION = re.compile(r"(?:and|or)\s+", re.IGNORECASE)


def victim_quotes(victims: list[RoleFiller]) -> list[RoleFiller]:
    """Victims from any source quoted as people: without a leading conjunction ("and her
    daughter") or title before a name ("archbishop oscar romero": MUC-4 quotes the name;
    on its training templates 256 titled names against 6), and none that ends with a verb
    or an event ("he died", "kidnappings")."""
    out = []
    for v in victims:
        m = _CONJUNCTION.match(v.text)
        if m is not None and m.end() < len(v.text):
            v = RoleFiller(v.text[m.end():], v.start + m.end(), v.end, v.kind)
        v = _untitled(v)
        if _is_person_quote(v):
            out.append(v)
    return out


@cache
def _titles() -> frozenset[str]:
    return frozenset(read_json("actors", "persons.json")["titles"])


_TITLE = re.compile(r"([\w.]+)\.?\s+")


def _untitled(v: RoleFiller) -> RoleFiller:
    """A victim's name without the titles before it ("Father Ignacio Ellacuria", "Dr.
    Ana Diaz"); a quote that is only a title ("the policeman") stays."""
    at = 0
    while (m := _TITLE.match(v.text, at)) is not None and \
            m.group(1).lower().rstrip(".") in _titles():
        at = m.end()
    if at == 0 or at >= len(v.text):
        return v
    return RoleFiller(v.text[at:], v.start + at, v.end, v.kind)


def _is_person_quote(r: RoleFiller) -> bool:
    """A victim quote that names people, not a verb or an event ("killed him", "murder")."""
    _, not_victims = _quote_rules()
    words = r.text.lower().split()
    return bool(words) and words[-1] not in not_victims


def _same_names(fillers: list[RoleFiller]) -> list[RoleFiller]:
    """One filler per person: a name whose words all occur in a fuller name of the same
    event ("Bernardo Jaramillo" beside "Bernardo Jaramillo Ossa") is that person."""
    words = [frozenset(r.text.lower().split()) for r in fillers]
    return [r for i, r in enumerate(fillers)
            if not any(j != i and words[i] < words[j] for j in range(len(fillers)))]


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(read_json("events", "fillers.json")["model"]["prepositions"])


@cache
def _perpetrator_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    d = read_json("events", "fillers.json")
    return (frozenset(d["never_perpetrator_categories"]), frozenset(d["needs_civilian_victims"]),
            frozenset(d["modifier_nouns"]))


_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")


def _quotable(text: str, m: ActorMention, civilians_hit: bool) -> bool:
    """Whether actor1's mention ``m`` names the people who did it: not an institution or
    the harmed ("the government", "civilians"), not state forces in an event that hit no
    civilians (combat: the other side, not a perpetrator), and not a bare actor word used
    as an adjective ("a terrorist attack", "GUERRILLA ACTIONS")."""
    never, needs_civilians, _ = _perpetrator_rules()
    if m.category in never or (m.category in needs_civilians and not civilians_hit):
        return False
    # A named group stays the perpetrator when used as an adjective ("an FMLN attack").
    return _kind(m) == "organization" or not _adjective(text, m)


def no_adjectives(text: str, actors: list[ActorMention],
                  perpetrators: list[RoleFiller]) -> list[RoleFiller]:
    """Perpetrators described as people, each quoted where a word names them rather than
    where it is an adjective (the tagger may quote "terrorist" of "terrorist threats"):
    by the first of the article's ``actors`` with the same head that names people, or
    not at all."""
    out = []
    for p in perpetrators:
        if p.kind != "organization" and _adjective(text, p):
            head = _head(p.text)
            a = next((a for a in actors if _kind(a) == "individual"
                      and _head(a.text) == head and not _adjective(text, a)), None)
            if a is None:
                continue
            p = RoleFiller(a.text, a.start, a.end, p.kind)
        if not any((o.start, o.end) == (p.start, p.end) for o in out):
            out.append(p)
    return out


def _adjective(text: str, m: ActorMention | RoleFiller) -> bool:
    """Whether a bare singular actor word is used as an adjective ("a terrorist attack",
    "GUERRILLA ACTIONS"): it names no people."""
    words = m.text.split()
    if len(words) == 1 and not words[0].lower().endswith("s"):
        nxt = _NEXT_WORD.match(text, m.end)
        return nxt is not None and nxt.group(1).lower() in _perpetrator_rules()[2]
    return False


def _their_group(article: Article, perpetrators: list[ActorMention]) -> ActorMention | None:
    """The group unnamed perpetrators ("guerrillas", "urban commandos") belong to: the
    one named armed group of the article (its first mention), as ACLED's actor1 is too."""
    if not perpetrators or any(_kind(m) == "organization" for m in perpetrators) or \
            not all(m.name.startswith("Unidentified") for m in perpetrators):
        return None
    named: dict[str, ActorMention] = {}
    for a in article.actors:
        if a.inter in (2, 3) and not a.name.startswith("Unidentified"):
            named.setdefault(a.name, a)
    return next(iter(named.values())) if len(named) == 1 else None


def _own_side(actor1: list[ActorMention]) -> str | None:
    """The casualty side (``CountMention.side``) of actor1's own dead: troops killed by
    their own operation's enemy are no victims of it, nor are militants of their attack."""
    if not actor1:
        return None
    return "state" if actor1[0].inter == 1 else "perpetrators"


def _head(text: str) -> str:
    """A description's last word, singular: "two guerrillas", "a guerrilla" -> "guerrilla"."""
    words = text.lower().split()
    return words[-1].rstrip("s") if words else ""


def _kind(m: ActorMention) -> str:
    named = m.inter in (2, 3, 8) and not m.name.startswith("Unidentified")
    return "organization" if named else "individual"


def _perpetrators(article: Article, mentions: list[ActorMention]) -> list[RoleFiller]:
    """One filler per perpetrator entity: coreferent mentions (the same normalised actor,
    "the FMLN" ... "the FMLN") are merged and quoted by the article's first mention of
    that actor, so every event of the article names the entity the same way."""
    out = []
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        # Described people ("two gunmen", "men in uniform") may be different groups under
        # one generic name: only identical descriptions merge.
        key = (m.name, "organization") if _kind(m) == "organization" else \
            (_head(m.text), "individual")
        if key in seen:
            continue
        seen.add(key)
        # (the first that names people: not "terrorist threats" before "the terrorists")
        first = next((a for a in article.actors if _kind(a) == key[1] and
                      (a.name if key[1] == "organization" else _head(a.text)) == key[0]
                      and (key[1] == "organization" or not _adjective(article.text, a))), m)
        out.append(RoleFiller(first.text, first.start, first.end, key[1]))
    return out


@cache
def _victim_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = read_json("events", "victim_patterns.json")
    return (gated(re.compile("|".join(f"(?:{p})" for p in d["before"]))),  # (searched)
            re.compile("|".join(f"(?:{p})" for p in d["after"])))


def _named_victims(article: Article, draft: Draft) -> list[RoleFiller]:
    """People named in the draft's sentences as harmed (killed, kidnapped, attacked...)."""
    # The sentence after an event's report often names its victims ("The victims were
    # identified as ..."), so it is read too.
    return [RoleFiller(*v)
            for index in sorted({f.sentence + k for f in draft.frames for k in (0, 1)})
            if index < len(article.sentences)
            for v in _VICTIMS.of(article, index)]


class _SentenceVictims:
    """The named victims per sentence of the article being processed (one article at a
    time, checked by the identity of its text and sentences: its drafts share sentences,
    each is read once)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.sentences: list | None = None
        self.by_sentence: dict[int, list[tuple[str, int, int]]] = {}

    def of(self, article: Article, index: int) -> list[tuple[str, int, int]]:
        if self.text is not article.text or self.sentences is not article.sentences:
            self.text, self.sentences, self.by_sentence = article.text, article.sentences, {}
        found = self.by_sentence.get(index)
        if found is None:
            found = self.by_sentence[index] = _sentence_victims(article, index)
        return found


def _sentence_victims(article: Article, index: int) -> list[tuple[str, int, int]]:
    before, after = _victim_patterns()
    text = article.text
    s = article.sentences[index]
    low = text[s.start:s.end].lower()
    out = []
    names = [(p.start, p.end) for p in find_persons(text[s.start:s.end], s.start)]
    if names:
        taken = [(m.start, m.end) for m in article.places if s.start <= m.start < s.end] + \
            [(m.start, m.end) for m in article.actors if s.start <= m.start < s.end]
        names = sorted(names + coordinated_names(text, names, taken))
    for start, end in names:
        a, b = start - s.start, end - s.start
        if before.search(low[max(0, a - 90):a]) or after.match(low, b):
            out.append((text[start:end], start, end))
    return out


_VICTIMS = _SentenceVictims()


def _victim_quote(text: str, c: CountMention) -> RoleFiller:
    """The counted people in the article's words ("36 attackers", "seven more militants"),
    without the verb; the whole count phrase when the group is not named."""
    if c.group_text:
        g = c.text.rfind(c.group_text)
        if g >= 0:
            start, end = c.start + g, c.start + g + len(c.group_text)
            prev = re.search(r"([\w,.-]+)\s+$", text[c.start:start])
            # the word before the group is its number or modifier ("36 attackers"), never
            # a preposition ("the murder of Jecar Neghme")
            if prev and prev.group(1).lower() not in _prepositions() and not (
                    c.trigger_start is not None and c.start + prev.start(1) == c.trigger_start):
                start = c.start + prev.start(1)
            return RoleFiller(text[start:end], start, end)
    return RoleFiller(c.text, c.start, c.end)


def _by_head(fillers: list[RoleFiller]) -> list[RoleFiller]:
    """Coreferent things merged: "a car bomb" ... "the bomb" is one weapon, quoted by its
    first (fullest) mention."""
    seen, out = set(), []
    for r in sorted(fillers, key=lambda r: r.start):
        h = _head(r.text)
        if h not in seen:
            seen.add(h)
            out.append(r)
    return out


def _dedupe(fillers: list[RoleFiller]) -> list[RoleFiller]:
    seen, out = set(), []
    for r in fillers:
        if (r.start, r.end) not in seen:
            seen.add((r.start, r.end))
            out.append(r)
    return out
