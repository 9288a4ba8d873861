"""Event detection and typing: one decision per trigger, coded in ACLED, MUC-4 and PLOVER.

A trigger lexicon (``data/events/triggers.json``) maps words and phrases ("car bomb",
"clashed", "took control of") to an ACLED sub-event type with a base weight. Context
cues of the same sentence (``cues.json``: state forces, armed groups, protesters, tear
gas, aircraft...) then refine it by ordered rules (``mapping.json``): an "attack" with a
bomb is a Remote explosive, a "protest" with tear gas a Protest with intervention, a
town "recaptured" by troops Government regains territory. The final sub-event type
gives every other code through one mapping table, so the schemes never disagree.

``classify_sentence`` returns every trigger of a sentence (best first is
:func:`best_match`); ``modality`` says whether the trigger is asserted, negated,
hypothetical or background (see :mod:`sitrep.events.modality`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from ..nlp.lexicon import read_json
from ..nlp.offsets import word_offsets
from .modality import load_patterns, note_asserted, trigger_modalities
from .typing_matcher import PhraseHit, PhraseMatcher, longest, plain_norms, tokenize

__all__ = [
    "ACLED_SUB_EVENT_TYPES",
    "TypeMatch",
    "best_match",
    "classify_sentence",
    "codes_for",
    "muc_if_civilians_hit",
]


@dataclass(frozen=True, slots=True)
class TypeMatch:
    """One event trigger and its codes in every scheme.

    Offsets index the article (``offset`` was added). ``cues`` names the context cue
    sets seen in the sentence, for later stages (e.g. ``state_forces``, ``protest``).
    """

    trigger_start: int
    trigger_end: int
    trigger_text: str
    acled_event_type: str
    acled_sub_event_type: str
    disorder_type: str
    muc_incident_type: str | None
    plover_event_type: str | None
    plover_mode: str | None
    confidence: float
    modality: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Trigger:
    sub: str | None
    weight: float
    requires_any: frozenset[str]
    excludes_any: frozenset[str]
    muc: tuple[bool, str | None]  # (overridden?, value): None is a valid override
    mode: tuple[bool, str | None]
    plover: tuple[bool, str | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    sources: frozenset[str]
    any_of: frozenset[str]
    all_of: frozenset[str]
    none_of: frozenset[str]
    agent: str | None
    target: str
    weight: float | None
    muc: tuple[bool, str | None] = (False, None)  # the rule's own MUC type, if it sets one
    # Cue sets one of which must be said after the trigger ("killed ..., and two of the
    # attackers were arrested later": the arrest follows the killing it is a sequel of).
    after_any: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Suppress:
    """Context that makes a sentence no ACLED event: a trigger of one of ``subs`` (all
    when empty) weaker than ``below`` is dropped when any of the cue sets ``any_of`` and
    none of ``none_of`` is present (claims of responsibility, denials, sanctions and
    expulsions, ordinary crime)."""

    any_of: frozenset[str]
    none_of: frozenset[str]
    subs: frozenset[str]
    below: float


@dataclass(frozen=True, slots=True)
class _Codes:
    event_type: str
    disorder: str
    muc: str | None
    plover: str | None
    mode: str | None


@cache
def _rule_index() -> dict[str, tuple[int, ...]]:
    """For each sub-event type, the positions of the mapping rules that can re-type it."""
    rules = _lexicon()[3]
    return {sub: tuple(i for i, r in enumerate(rules) if sub in r.sources)
            for sub in {sub for r in rules for sub in r.sources}}


def _override(group: dict, key: str) -> tuple[bool, str | None]:
    return (key in group, group.get(key))


@cache
def _lexicon() -> tuple[
    PhraseMatcher[_Trigger],
    PhraseMatcher[str],
    dict[str, _Codes],
    tuple[_Rule, ...],
    tuple[tuple[str, str], ...],
    tuple[_Suppress, ...],
]:
    groups = read_json("events", "triggers.json")["groups"]
    phrases: list[tuple[str, _Trigger]] = []
    for g in groups:
        trig = _Trigger(
            g["sub"],
            float(g["w"]),
            frozenset(g.get("requires_any", ())),
            frozenset(g.get("excludes_any", ())),
            _override(g, "muc"),
            _override(g, "mode"),
            _override(g, "plover"),
        )
        phrases.extend((p, trig) for p in g["phrases"])
    cues = read_json("events", "cues.json")["cues"]
    cue_matcher = PhraseMatcher((p, name) for name, ps in cues.items() for p in ps)
    mapping = read_json("events", "mapping.json")
    codes = {
        sub: _Codes(v["event_type"], v["disorder"], v["muc"], v["plover"], v["mode"])
        for sub, v in mapping["sub_events"].items()
    }
    rules = tuple(
        _Rule(
            frozenset(r["from"]),
            frozenset(r.get("any", ())),
            frozenset(r.get("all", ())),
            frozenset(r.get("none", ())),
            r.get("agent"),
            r["to"],
            r.get("w"),
            _override(r, "muc"),
            frozenset(r.get("after", ())),
        )
        for r in mapping["rules"]
    )
    for r in rules:
        unknown = (r.sources | {r.target}) - codes.keys()
        if unknown:
            raise ValueError(f"mapping.json rule names unknown sub-event types: {unknown}")
    mode_cues = tuple((c, m) for c, m in mapping["assault_mode_cues"])
    suppress = tuple(
        _Suppress(frozenset(s["any"]), frozenset(s.get("none", ())), frozenset(s.get("subs", ())),
                  float(s["below"]))
        for s in mapping.get("suppress", ())
    )
    # Blockers (no sub-event type) only veto triggers: a sentence without a trigger
    # phrase is skipped whatever blockers it has.
    trig_matcher = PhraseMatcher(phrases, relevant=lambda t: t.sub is not None)
    load_patterns()  # modality's, which every typed trigger needs
    return trig_matcher, cue_matcher, codes, rules, mode_cues, suppress


@cache
def _masks() -> PhraseMatcher[str]:
    """Longer names that hide a cue word ("tear gas shells" holds no artillery shell)."""
    masks = read_json("events", "cues.json").get("masks", {})
    return PhraseMatcher((p, name) for name, ps in masks.items() if not name.startswith("_")
                         for p in ps)


_Span = tuple[int, int, str]  # a cue hit as (first token, last token, cue set)


def _unmasked(norms: Sequence[str], spans: list[_Span]) -> list[_Span]:
    """Cue ``spans`` less those inside a longer mask phrase of their own cue set
    (``norms``: the sentence's token norms)."""
    if not spans:
        return spans
    mask_matcher = _masks()
    if not mask_matcher.may_match_norms(norms):  # no mask phrase can be there (most texts)
        return spans
    masks = mask_matcher.find_spans(norms)
    if not masks:
        return spans
    return [h for h in spans
            if not any(m_payload == h[2] and m_first <= h[0] and h[1] <= m_last
                       and m_last - m_first > h[1] - h[0]
                       for m_first, m_last, m_payload in masks)]


_MUC_NEEDS_CIVILIANS = frozenset(read_json("events", "mapping.json").get("muc_needs_civilians", ()))
# Cue sets that make combat a MUC-4 incident: civilians, or a civilian or infrastructure
# target (a pipeline, a bridge, an embassy: "sabotage of a nation's infrastructure").
_MUC_CIVILIAN_CUES = frozenset(read_json("events", "mapping.json").get(
    "muc_civilian_cues", ("civilians",)))
# Arrests (muc_by_crime) told with the crime they are about (muc_crime_cues: "in
# connection with", "accused of") take that crime's MUC type.
_MUC_BY_CRIME = frozenset(read_json("events", "mapping.json").get("muc_by_crime", ()))
_MUC_CRIME_CUES = frozenset(read_json("events", "mapping.json").get("muc_crime_cues", ()))


ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(read_json("events", "mapping.json")["sub_events"])


def codes_for(sub_event_type: str) -> tuple[str, str, str | None, str | None, str | None]:
    """ACLED event type, disorder type, MUC type, PLOVER type and mode of a sub-event type."""
    c = _lexicon()[2][sub_event_type]
    return c.event_type, c.disorder, c.muc, c.plover, c.mode


def muc_if_civilians_hit(match: TypeMatch) -> str | None:
    """The MUC-4 type a purely military reading left out (an Armed clash has none unless
    civilians are hit, by MUC-4's guidelines): for the assembler, once it knows from the
    whole event that civilians were killed or wounded."""
    if match.muc_incident_type is None and match.acled_sub_event_type in _MUC_NEEDS_CIVILIANS:
        return codes_for(match.acled_sub_event_type)[2]
    return match.muc_incident_type


def _agent_side(
    text: str, norms: Sequence[str], hit: PhraseHit[_Trigger], actors: list[PhraseHit[str]],
    taken_after: bool = False,
) -> str | None:
    """Which side acts: ``state``/``nonstate``. The actor after a passive "by" ("was
    recaptured by the army"); else the subject: the first actor of the trigger's clause
    ("Syrian army and allied fighters captured ..." is the army's act, not the allies');
    else the nearest actor before, or the first after (not for an arrest, ``taken_after``:
    the one after is the one taken). A passive without "by" ("the rebels were pushed
    back") names the side acted on, not the agent: unknown."""
    side = {"state_forces": "state", "armed_group": "nonstate"}
    passive = hit.first > 0 and norms[hit.first - 1] in _BE
    reach = hit.last + 4 if passive else hit.last + 2  # "held by" after a noun is no agent
    for j in range(hit.last + 1, min(len(norms), reach)):
        if norms[j] == "by":
            after = [a for a in actors if a.first > j]
            if after:
                return side[after[0].payload]
    before = [a for a in actors if a.last < hit.first]
    if passive and before:
        return None
    clause_start = max(text.rfind(c, 0, hit.start) for c in ",;:(") + 1
    in_clause = [a for a in before if a.start >= clause_start]
    if in_clause:
        return side[in_clause[0].payload]
    if before and norms[hit.first].endswith("ing") and \
            not text[clause_start:hit.start].strip():
        # "Troops advanced on Sunday, taking control of two towns": a participle opening
        # its clause shares the sentence's subject.
        return side[before[0].payload]
    if before:
        return side[before[-1].payload]
    if taken_after:
        # "arrested a leader of the MRTA", "an arrested leader of the MRTA": who is taken
        # is named after the word for taking, never who took them.
        return None
    after = [a for a in actors if a.first > hit.last]
    return side[after[0].payload] if after else None


_BE = frozenset({"was", "were", "been", "being", "is", "are", "be"})


class _Typed(NamedTuple):
    """A trigger typed in its sentence, before modality (which depends on the year).
    A named tuple: built thousands of times per corpus, cheaper than a frozen dataclass."""

    start: int
    end: int
    sub: str
    event_type: str
    disorder: str
    muc: str | None
    plover: str | None
    mode: str | None
    confidence: float


@lru_cache(maxsize=2048)
def _typed(text: str) -> tuple[tuple[_Typed, ...], tuple[str, ...]]:
    """The typed triggers of ``text`` and the cue sets seen, cached: the events stage asks
    for a sentence's triggers more than once (its modality, then its frames)."""
    trig_matcher, cue_matcher, codes, rules, mode_cues, suppress = _lexicon()
    rule_index = _rule_index()
    lowered = text.lower()
    if len(lowered) == len(text) and "march" not in lowered:
        # The plain case (no month to tell from a march, no letter lower-casing to two):
        # the norms are the regex's words, so the trigger scan runs on them and the
        # token offsets are found only for a sentence with a trigger.
        norms = plain_norms(lowered)
        if not trig_matcher.may_match_norms(norms):  # most sentences: no trigger word
            return (), ()
        spans = trig_matcher.find_spans(norms)
        if not any(payload.sub is not None for _, _, payload in spans):
            return (), ()
        # Offsets up to the last word a trigger takes (the actors' may be found later).
        starts, ends = word_offsets(lowered, norms[:max(last for _, last, _ in spans) + 1])
    else:
        tokens = tokenize(text)
        if not tokens:
            return (), ()
        norms = [t.norm for t in tokens]
        spans = trig_matcher.find_spans(norms)
        # Most sentences have no trigger at all: skip the cue scan then.
        if not any(payload.sub is not None for _, _, payload in spans):
            return (), ()
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
    new = tuple.__new__  # a PhraseHit built without the NamedTuple's Python-level __new__
    # Cue hits stay (first, last, cue set) spans: only the actors among them need offsets.
    cue_spans = _unmasked(norms, cue_matcher.find_spans(norms))
    present = frozenset([payload for _, _, payload in cue_spans])
    # Hits (with offsets) only for the triggers whose cue conditions hold.
    candidates = [
        new(PhraseHit, (i, last, starts[i], ends[last], payload))
        for i, last, payload in spans
        if (not payload.requires_any or payload.requires_any & present)
        and not (payload.excludes_any & present)
    ]
    # Longest phrase wins; on equal length the heavier trigger (blockers weigh 0).
    candidates.sort(key=lambda h: -h.payload.weight)
    hits = [h for h in longest(candidates) if h.payload.sub is not None]
    if not hits:
        return (), ()
    # The state or armed actors, for the rules that ask which side acts: found when the
    # first such rule applies (most sentences have none).
    actors: list[PhraseHit[str]] | None = None
    # Context in which weak triggers (of some types) are no event: (types, floor).
    floors = [(s.subs, s.below) for s in suppress if s.any_of & present and not s.none_of & present]
    out: list[_Typed] = []
    for hit in hits:
        trig = hit.payload
        sub = trig.sub
        assert sub is not None
        conf = trig.weight
        changed = False
        rule_muc: tuple[bool, str | None] = (False, None)
        # The rules in order, as a scan would meet them, but only those naming the
        # current type among their sources: after a rule re-types the trigger, the
        # scan goes on from the next rule, with the new type.
        k = 0
        while True:
            for pos in rule_index.get(sub, ()):
                if pos < k:
                    continue
                rule = rules[pos]
                if rule.any_of and not (rule.any_of & present):
                    continue
                if not rule.all_of <= present or rule.none_of & present:
                    continue
                if rule.agent is not None:
                    if actors is None:
                        sides = [(i, last, payload) for i, last, payload in cue_spans
                                 if payload == "state_forces" or payload == "armed_group"]
                        _offsets_up_to(lowered, norms, starts, ends,
                                       max((last for _, last, _ in sides), default=-1))
                        actors = longest(new(PhraseHit, (i, last, starts[i], ends[last], payload))
                                         for i, last, payload in sides)
                    if _agent_side(text, norms, hit, actors,
                                   taken_after=sub == "Arrests") != rule.agent:
                        continue
                if rule.after_any and not any(payload in rule.after_any and first > hit.last
                                              for first, _, payload in cue_spans):
                    continue
                sub = rule.target
                changed = True
                if rule.muc[0]:
                    rule_muc = rule.muc
                if rule.weight is not None:
                    conf = max(conf, rule.weight)
                k = pos + 1
                break
            else:
                break
        if any(conf < below and (not subs or sub in subs) for subs, below in floors):
            continue
        c = codes[sub]
        # A trigger's MUC override holds even when a rule re-typed it (rioters who "set
        # fire" still commit arson); its mode/PLOVER override only if nothing re-typed it.
        muc = rule_muc[1] if rule_muc[0] else trig.muc[1] if trig.muc[0] else c.muc
        # A trigger's own MUC type that is the sub-event type's anyway ("bombed" from the
        # air) does not lift the need for civilians, nor does a rule's (an air attack told as
        # "attacked" is a MUC-4 attack only when civilians are hit).
        own_muc = trig.muc[0] and trig.muc[1] != c.muc
        if sub in _MUC_NEEDS_CIVILIANS and not own_muc and not _MUC_CIVILIAN_CUES & present:
            muc = None  # purely military combat is no MUC-4 terrorist incident
        mode = trig.mode[1] if trig.mode[0] and not changed else c.mode
        plover = trig.plover[1] if trig.plover[0] and not changed else c.plover
        if plover == "ASSAULT" and mode is None:
            mode = next((m for cue, m in mode_cues if cue in present), None)
        out.append(new(_Typed, (hit.start, hit.end, sub, c.event_type, c.disorder, muc, plover,
                                mode if plover is not None else None, round(conf, 3))))
    if not out:
        return (), ()
    if _MUC_CRIME_CUES & present:
        out = _muc_of_crime(out)
    return tuple(out), tuple(sorted(present))


def _offsets_up_to(text: str, norms: Sequence[str], starts: list[int], ends: list[int],
                   last: int) -> None:
    """Extend the word offsets ``starts`` and ``ends`` (of the first words ``norms`` of
    ``text``) to word ``last``."""
    if last >= len(starts):
        more_starts, more_ends = word_offsets(text, norms[len(starts):last + 1],
                                              ends[-1] if ends else 0)
        starts += more_starts
        ends += more_ends


def _muc_of_crime(out: list[_Typed]) -> list[_Typed]:
    """An arrest "in connection with the attack on the senator" brings new facts on that
    attack (its suspects), which MUC-4 templates as the attack: the arrest takes the MUC
    type of the crime its sentence names (ACLED still codes the arrest)."""
    crime = next((t.muc for t in out if t.muc and t.sub not in _MUC_BY_CRIME), None)
    if crime is None:
        return out
    return [t._replace(muc=crime) if t.sub in _MUC_BY_CRIME and t.muc is None else t
            for t in out]


def classify_sentence(
    text: str, offset: int = 0, *, reference_year: int | None = None
) -> list[TypeMatch]:
    """Every event trigger in ``text`` (one sentence, or a short snippet), typed.

    ``offset`` is added to trigger offsets (the sentence's start in the article);
    ``reference_year`` is the publication year, used by modality ("in 2016" is news
    in a 2016 article, history in a 2020 one).
    """
    typed, cue_names = _typed(text)
    if not typed:
        return []
    modalities = _modalities(text, reference_year)
    return [
        TypeMatch(
            trigger_start=offset + t.start,
            trigger_end=offset + t.end,
            trigger_text=text[t.start : t.end],
            acled_event_type=t.event_type,
            acled_sub_event_type=t.sub,
            disorder_type=t.disorder,
            muc_incident_type=t.muc,
            plover_event_type=t.plover,
            plover_mode=t.mode,
            confidence=t.confidence,
            modality=modality,
            cues=cue_names,
        )
        for t, modality in zip(typed, modalities, strict=True)
    ]


@lru_cache(maxsize=2048)
def _modalities(text: str, reference_year: int | None) -> tuple[str, ...]:
    """The modality of each typed trigger of ``text``, cached: a sentence is classified
    for its own modality and again for its frames."""
    out = trigger_modalities(text, [(t.start, t.end) for t in _typed(text)[0]],
                             reference_year=reference_year)
    if "asserted" in out:  # sentence_modality then need not look for loose cues
        note_asserted(text, reference_year)
    return out


def best_match(matches: Sequence[TypeMatch], *, asserted_only: bool = False) -> TypeMatch | None:
    """The most confident match; on ties one with a MUC type, then the earliest.

    ``asserted_only`` skips negated, hypothetical and background triggers.
    """
    pool = [m for m in matches if m.modality == "asserted"] if asserted_only else list(matches)
    if not pool:
        return None
    return max(
        pool, key=lambda m: (m.confidence, m.muc_incident_type is not None, -m.trigger_start)
    )
