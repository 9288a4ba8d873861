"""Role fillers from the trained tagger, and their combination with the rules' ones.

For each MUC-4 role (PerpInd, PerpOrg, Target, Victim, Weapon), ``data/events/fillers.json``
(``model.roles``) says where its fillers come from (:data:`MODES`): ``rules`` (lexicons
and patterns, :mod:`sitrep.events.fillers`), ``model`` (the tagger of
:mod:`sitrep.events.fillers_model`, run over the event's sentences and the sentence after
each), ``union`` (the rules' fillers plus the tagger's entities the rules did not name),
``backoff`` (the tagger's, the rules' when it found none), ``aligned`` / ``aligned_union``
(the rules' fillers bounded as the tagger bounds them). ``SITREP_FILLERS`` overrides it
for comparisons: one mode for every role, or ``PerpInd=model,Target=union``.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import TYPE_CHECKING

from ..actors.persons import find_persons
from ..article import Article
from ..nlp.lexicon import read_json
from ..schema import RoleFiller
from .drafts import Draft
from .fillers_features import ROLES, tokenize
from .fillers_model import TaggedSpan, group_entities, load_tagger
from .fillers_quotes import perpetrator_kinds

if TYPE_CHECKING:
    from .fillers import RoleFillers

__all__ = ["MODES", "article_quotes", "canonical", "combine", "entity_fillers", "event_sentences",
           "filler_modes", "load_filler_model", "model_fillers", "snap_to_names"]

MODES = ("rules", "model", "union", "aligned", "aligned_union", "backoff")


@cache
def _configured_modes() -> dict[str, str]:
    return dict(read_json("events", "fillers.json")["model"]["roles"])


def filler_modes() -> dict[str, str]:
    """Where each role's fillers come from: one of :data:`MODES` per role."""
    modes = dict(_configured_modes())
    env = os.environ.get("SITREP_FILLERS", "").strip()
    if env in MODES:
        return dict.fromkeys(ROLES, env)
    for item in filter(None, env.split(",")):
        role, _, mode = item.partition("=")
        if role in modes and mode in MODES:
            modes[role] = mode
    return modes


class _ArticleSpans:
    """Tagged spans per sentence of the article being processed (one article at a time:
    every draft of it asks for its own sentences, each sentence is tagged once)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.by_sentence: dict[int, list[TaggedSpan]] = {}

    def spans(self, article: Article, indices: list[int]) -> list[TaggedSpan]:
        tagger = load_tagger()
        if tagger is None:
            return []
        if self.text is not article.text:
            self.text, self.by_sentence = article.text, {}
        todo = [i for i in indices if i not in self.by_sentence]
        if todo:
            sents = [(i, article.sentences[i].start, article.sentences[i].end) for i in todo]
            found = tagger.tag(article.text, sents)
            # Person names only of the sentences with a tagged person (most have none).
            named = {sp.start for sp in found if sp.role in _NAMED_ROLES}
            names = [(p.start, p.end) for _, a, b in sents
                     if any(a <= x < b for x in named)
                     for p in find_persons(article.text[a:b], a)]
            found = snap_to_names(found, names)
            for i in todo:
                self.by_sentence[i] = []
            for sp in found:
                k = next(i for i, a, b in sents if a <= sp.start < b)
                self.by_sentence[k].append(sp)
        return [sp for i in indices for sp in self.by_sentence[i]]


_SPANS = _ArticleSpans()

# Roles whose fillers are often people's names.
_NAMED_ROLES = frozenset(("PerpInd", "Victim"))


def snap_to_names(spans: list[TaggedSpan], names: list[tuple[int, int]]) -> list[TaggedSpan]:
    """Tagged people widened to the whole person name they touch (the tagger may keep only
    a part: "hector" of "hector oqueli colindres"); ``names`` are ``(start, end)`` spans of
    :func:`sitrep.actors.persons.find_persons`."""
    out = []
    for sp in spans:
        if sp.role in _NAMED_ROLES:
            hits = [(a, b) for a, b in names if a < sp.end and sp.start < b]
            if hits:
                sp = TaggedSpan(sp.role, min([sp.start] + [a for a, _ in hits]),
                                max([sp.end] + [b for _, b in hits]), sp.score)
        out.append(sp)
    return out


def load_filler_model() -> None:
    """Load the trained tagger and its scoring tables now, when some role wants it: the
    pipeline is built once before worker processes fork, and they share what it loaded."""
    if any(m != "rules" for m in filler_modes().values()):
        tagger = load_tagger()
        if tagger is not None:
            tagger.fast()


def model_fillers(article: Article, draft: Draft) -> dict[str, list[RoleFiller]]:
    """The tagger's entities per role in the draft's sentences (and the sentence after
    each, which often names the victims), one quote per entity: its first mention."""
    # Without the trained file (or when no role wants it) the rules work alone.
    # (The modes first: a rules-only run, as in training, never loads the model.)
    if all(m == "rules" for m in filler_modes().values()) or load_tagger() is None:
        return {}
    return entity_fillers(article.text, _SPANS.spans(article, event_sentences(
        [f.sentence for f in draft.frames], len(article.sentences))))


def event_sentences(sentences: list[int], n: int) -> list[int]:
    """The sentences the tagger reads for an event told in ``sentences`` (of ``n``):
    those, and the sentence after each when ``model.next_sentence`` says so."""
    after = (0, 1) if _next_sentence() else (0,)
    return sorted({i + k for i in sentences for k in after if 0 <= i + k < n})


@cache
def _next_sentence() -> bool:
    return bool(read_json("events", "fillers.json")["model"]["next_sentence"])


def entity_fillers(text: str, spans: list[TaggedSpan],
                   limits: dict[str, int] | None = None) -> dict[str, list[RoleFiller]]:
    """Tagged spans as fillers per role, one per entity (quoted by its first mention);
    with ``limits``, only that many entities of a role, those the tagger is surest of (an
    incident has few perpetrators, targets, victims and weapons)."""
    limits = _limits() if limits is None else limits
    out: dict[str, list[RoleFiller]] = {}
    for role in ROLES:
        kind = {"PerpInd": "individual", "PerpOrg": "organization"}.get(role)
        ents = group_entities(text, [s for s in spans if s.role == role])
        if len(ents) > limits.get(role, len(ents)):
            best = sorted(ents, key=lambda e: -max(s.score for s in e))[:limits[role]]
            ents = [e for e in ents if any(e is b for b in best)]
        out[role] = [RoleFiller(text[e[0].start:e[0].end], e[0].start, e[0].end, kind)
                     for e in ents]
    return out


@cache
def _limits() -> dict[str, int]:
    return dict(read_json("events", "fillers.json")["model"]["max_entities"])


_KEYS: dict[str, frozenset[str]] = {}


def _key(text: str) -> frozenset[str]:
    """A quote's words without articles and punctuation (cached: every event of an
    article compares its quotes with the earlier events' ones)."""
    key = _KEYS.get(text)
    if key is None:
        if len(_KEYS) > 20_000:
            _KEYS.clear()
        key = _KEYS[text] = frozenset(t.low for t in tokenize(text) if t.low[0].isalnum()
                                      and t.low not in ("a", "an", "the"))
    return key


def _stem(word: str) -> str:
    """A word without its plural "s" ("terrorists" -> "terrorist"; not "press", "bus"):
    "the terrorist" and "the terrorists" of one report are one perpetrator to MUC-4."""
    return word[:-1] if len(word) > 3 and word[-1] == "s" and word[-2] not in "su" else word


def _same(a: RoleFiller, b: RoleFiller) -> bool:
    """Overlapping quotes, or words of one all in the other: one entity."""
    return (a.start < b.end and b.start < a.end) or _same_words(a, b)


def _overlaps(a: RoleFiller, b: RoleFiller) -> bool:
    return a.start < b.end and b.start < a.end


def _aligned(rules: list[RoleFiller], model: list[RoleFiller]) -> list[RoleFiller]:
    """The rules' fillers, each quoted as the tagger bounds it when it tagged the same
    words ("three heavily armed men" for the rules' "heavily armed men")."""
    out = []
    for r in rules:
        m = next((m for m in model if _overlaps(m, r)), None)
        out.append(r if m is None else RoleFiller(m.text, m.start, m.end, r.kind))
    return out


# Between two coordinated noun phrases: "X and Y", "X, and the Y", "X or a Y" (a comma
# alone may open an apposition: "Ali Musa, a teacher").
_CONJUNCTION = re.compile(r"\s*,?\s*(?:and|or)\s+(?:(?:the|a|an|his|her|their|its)\s+)?",
                          re.IGNORECASE)


def _conjuncts(text: str, rules: list[RoleFiller], model: list[RoleFiller]) -> list[RoleFiller]:
    """The rules' fillers coordinated with one of the tagger's ("Ahmed Khan and Ali Raza
    were killed", "their office and a bus"): conjuncts share their role in the sentence,
    so the rules' quote joins when the tagger named only the other one."""
    out = list(model)
    todo = [r for r in rules if not any(_same(r, m) for m in model)]
    grew = True
    while grew and todo:
        grew = False
        for r in todo:
            for m in out:
                a, b = (r, m) if r.end <= m.start else (m, r)
                gap = text[a.end:b.start]
                if b.start >= a.end and len(gap) < 14 and _CONJUNCTION.fullmatch(gap):
                    out.append(r)
                    todo.remove(r)
                    grew = True
                    break
            if grew:
                break
    return sorted(out, key=lambda f: f.start) if len(out) > len(model) else model


def _pick(mode: str, rules: list[RoleFiller], model: list[RoleFiller],
          text: str | None = None) -> list[RoleFiller]:
    if mode in ("model", "backoff") and model and rules and text is not None:
        return _conjuncts(text, rules, model)
    if mode == "model":
        return model
    if mode == "backoff":
        return model or rules
    if mode in ("aligned", "aligned_union"):
        rules = _aligned(rules, model)
    if mode in ("union", "aligned_union"):
        return rules + [m for m in model if not any(_same(m, r) for r in rules)]
    return rules


def canonical(fillers: RoleFillers, seen: dict[str, list[RoleFiller]]) -> RoleFillers:
    """The fillers quoted as an earlier event of the article quoted the same entity (its
    words all in the other's, or the other's all in its: "the substation" after "an
    electric power substation"), so that one entity is named one way in the article;
    ``seen`` (role -> quotes so far) is updated."""

    def one(role: str, items: list[RoleFiller]) -> list[RoleFiller]:
        earlier = seen.setdefault(role, [])
        out: list[RoleFiller] = []
        for f in items:
            g = next((g for g in earlier if _same_words(f, g, singular=True)), None)
            if g is None:
                earlier.append(f)
                g = f
            if not any(o.start == g.start and o.end == g.end for o in out):
                out.append(g)
        return out

    return type(fillers)(
        perpetrators=one("PerpInd", [p for p in fillers.perpetrators if p.kind != "organization"])
        + one("PerpOrg", [p for p in fillers.perpetrators if p.kind == "organization"]),
        victims=one("Victim", fillers.victims), targets=one("Target", fillers.targets),
        weapons=one("Weapon", fillers.weapons))


def _same_words(a: RoleFiller, b: RoleFiller, *, singular: bool = False) -> bool:
    ka, kb = _key(a.text), _key(b.text)
    if singular and ka != kb:
        ka, kb = frozenset(map(_stem, ka)), frozenset(map(_stem, kb))
    return bool(ka and kb) and (ka <= kb or kb <= ka)


class _Memory:
    """The quotes of the events of the article being processed so far (drafts come in
    text order; a draft earlier than the last one means the article is read anew)."""

    def __init__(self) -> None:
        self.article: Article | None = None
        self.last = -1
        self.seen: dict[str, list[RoleFiller]] = {}

    def of(self, article: Article, draft: Draft) -> dict[str, list[RoleFiller]]:
        first = draft.first_sentence
        if article is not self.article or first < self.last:
            self.article, self.seen = article, {}
        self.last = first
        return self.seen


_MEMORY = _Memory()


def article_quotes(article: Article, draft: Draft) -> dict[str, list[RoleFiller]]:
    """The quotes earlier events of ``article`` used, for :func:`canonical`."""
    return _MEMORY.of(article, draft)


def combine(rules: RoleFillers, model: dict[str, list[RoleFiller]],
            modes: dict[str, str] | None = None, text: str | None = None) -> RoleFillers:
    """The event's fillers, each role from the source ``modes`` (default
    :func:`filler_modes`) names, perpetrators of the kind their head says
    (:func:`perpetrator_kinds`); with the article's ``text``, a role filled by the
    tagger keeps the rules' fillers coordinated with its own (:func:`_conjuncts`)."""
    if not model:
        return perpetrator_kinds(rules)
    modes = modes or filler_modes()
    ind = [p for p in rules.perpetrators if p.kind != "organization"]
    org = [p for p in rules.perpetrators if p.kind == "organization"]
    return perpetrator_kinds(type(rules)(
        perpetrators=_pick(modes["PerpInd"], ind, model["PerpInd"], text)
        + _pick(modes["PerpOrg"], org, model["PerpOrg"], text),
        victims=_pick(modes["Victim"], rules.victims, model["Victim"], text),
        targets=_pick(modes["Target"], rules.targets, model["Target"], text),
        weapons=_pick(modes["Weapon"], rules.weapons, model["Weapon"], text)))
