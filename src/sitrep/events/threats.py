"""Threats against a specific target: records of their own, which ACLED does not code.

MUC-4 fills a template for a threat against a specific target (TASKDOC section 1.0 and slot
5, STAGE OF EXECUTION: THREATENED) and PLOVER codes THREATEN; ACLED codes none. Each such
threat told in a sentence that tells no incident of the article's events (and is not old
or habitual) becomes a record with ``codes.acled`` null, ``codes.muc`` the type of the act
threatened and ``codes.plover`` THREATEN, the least sure of records. The words are data
(``data/events/threats.json``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..article import Article, Sentence
from ..dates import acled_time_precision
from ..nlp.article_lower import lower_of
from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated
from ..schema import Codes, Event, Evidence, RoleFiller
from .drafts import place_rank
from .event_where import PlaceContext, article_context, location_of
from .frames import is_reporting_date

__all__ = ["Threat", "find_threats", "old_threat", "threat_events"]

_THREATS = read_json("events", "threats.json")

_THREAT_ACT = re.compile(_THREATS["threat_act"], re.IGNORECASE)
_THREAT_CUES = tuple(_THREATS["threat_cue"])
_THREAT_NOUN = re.compile(_THREATS["threat_noun"], re.IGNORECASE)
_THREAT_RECEIVED = re.compile(_THREATS["threat_received"], re.IGNORECASE)
_HOLDER = re.compile(_THREATS["holder_before_received"], re.IGNORECASE)
_ACT_TYPES = {k.lower(): v for k, v in _THREATS["act_types"].items()}
_VAGUE_OBJECTS = frozenset(o.lower() for o in _THREATS["not_specific_objects"])
_OLD_THREAT = gated(re.compile(_THREATS["background_before_threat"], re.IGNORECASE))  # (searched)
_OBJECT_END = re.compile(_THREATS["object_end"], re.IGNORECASE | re.DOTALL)
_HUMAN_ACTS = frozenset(_THREATS["human_acts"])
_PERSON_HEADS = frozenset(_THREATS["person_heads"])
_RELATIVE_HOLDERS = frozenset(("who", "which", "that"))


@dataclass(frozen=True, slots=True)
class Threat:
    """A threat against a specific target (MUC-4's STAGE OF EXECUTION: THREATENED).

    ``start``/``end`` span the threat's words, ``incident_type`` is the MUC type of the act
    threatened ("threatened to burn" -> arson; a death threat -> attack), ``target`` and
    ``target_start`` quote whom or what it was against, ``human`` whether that is a person
    (a victim) rather than a thing (a physical target)."""

    start: int
    end: int
    incident_type: str
    target: str
    target_start: int
    human: bool


def find_threats(text: str) -> list[Threat]:
    """Threats against a specific target told in ``text``: "the rebels threatened to kill
    election officials", "death threats against the archbishop", "he has again received
    death threats". Not a threat of vague violence ("threatened to step up attacks").
    (Whether a threat is old or habitual is its sentence's to say: see
    :func:`old_threat`.)"""
    low = lower_of(text)
    if len(low) != len(text):  # (a letter lower-cased to two: offsets would shift)
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    out = []
    for cue in _THREAT_CUES:
        at = low.find(cue)
        while at >= 0:
            if at == 0 or not low[at - 1].isalnum():
                out += _threats_at(text, at)
            at = low.find(cue, at + len(cue))
    at = low.find("received")
    while at >= 0:
        m = _THREAT_RECEIVED.match(text, at)
        h = _HOLDER.search(text, max(0, at - 60), at) if m else None
        if m and h is not None and h.group("holder").lower() not in _RELATIVE_HOLDERS:
            out.append(Threat(h.start(), m.end(), "attack", h.group("holder"), h.start(), True))
        at = low.find("received", at + 8)
    return sorted(set(out), key=lambda t: t.start)


def _threats_at(text: str, at: int) -> list[Threat]:
    """The threats whose words start at ``at`` (a cue word)."""
    out = []
    m = _THREAT_ACT.match(text, at)
    if m is not None:
        act = " ".join(m.group("act").lower().split())
        target = _object(text, m.start("object"), m.end("object"))
        if target is not None:
            kind = _ACT_TYPES.get(act, "attack")
            human = act in _HUMAN_ACTS or act == "attack" and \
                target[0].lower().split()[-1] in _PERSON_HEADS
            out.append(Threat(m.start(), target[1] + len(target[0]), kind, target[0],
                              target[1], human))
    m = _THREAT_NOUN.match(text, at)
    if m is not None:
        target = _object(text, m.start("object"), m.end("object"))
        if target is not None:
            out.append(Threat(m.start(), target[1] + len(target[0]), "attack", target[0],
                              target[1], True))
    return out


def old_threat(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` tells an old or habitual threat ("had been
    the object of death threats", "has received threats in the past")."""
    return bool(_OLD_THREAT.search(text, start, end))


def _object(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The threatened target's words (up to a clause boundary), or None when vague."""
    words = _OBJECT_END.sub("", text[start:end]).strip()
    low = words.lower().split()
    if not words or words.lower() in _VAGUE_OBJECTS or low[0] in _VAGUE_OBJECTS \
            or low[-1] in _VAGUE_OBJECTS:
        return None
    return words, start + len(text[start:end]) - len(text[start:end].lstrip())


# A threat is no ACLED event (ACLED codes none) but is PLOVER's THREATEN and a MUC-4
# template with STAGE OF EXECUTION: THREATENED; the record is the least sure of any.
_THREAT_CONFIDENCE = 0.15
_PLOVER_THREAT = {"event_type": "THREATEN", "mode": None}
_PRONOUNS = frozenset(("he", "she", "him", "her", "it", "they", "them", "we", "us", "i", "me"))
_IN_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$", re.IGNORECASE)


def threat_events(article: Article) -> list[Event]:
    """One record per threat against a specific target (see
    :func:`find_threats`), told in a sentence that tells no incident of the article's
    events and no old threat: ``codes.acled`` null, ``codes.muc`` the type of the act
    threatened, ``codes.plover`` THREATEN; its day and place those of its sentence, or the
    report's day and town."""
    text = article.text
    threats = find_threats(text)  # (one pass over the text: most reports tell none)
    if not threats:
        return []
    told = {i for e in article.events for i in e.sentence_indices
            if e.codes.muc and e.codes.muc.get("incident_type")}
    out: list[Event] = []
    ctx = None
    for t in threats:
        s = article.sentence_at(t.start)
        if s is None or s.index in told or t.end > s.end or old_threat(text, s.start, s.end):
            continue
        if ctx is None:
            ctx = article_context(article)
        out.append(_threat_event(article, s, t, ctx, len(out)))
    return out


def _threat_event(article: Article, s: Sentence, t: Threat, ctx: PlaceContext,
                  index: int) -> Event:
    """The record of threat ``t`` told in sentence ``s`` (the ``index``-th of the
    article's threats)."""
    day = next((d for d in article.dates if s.start <= d.start < s.end and d.grain == "day"
                and not is_reporting_date(article.text, d)), None)
    date = day.first_day.isoformat() if day else \
        article.anchor.isoformat() if article.anchor else None
    precision = acled_time_precision(day) if day else 2 if date else None
    # Where a threat was made is seldom said: a town said with "in" in its sentence, or
    # the report's own town (its dateline's, its lead's), or its country.
    towns = [p for p in article.places if s.start <= p.start < s.end and p.lat is not None
             and place_rank(p) >= 3 and _IN_BEFORE.search(article.text, max(0, p.start - 8),
                                                          p.start)]
    place = towns[0] if towns else ctx.main_place or ctx.dateline_town or ctx.country_place
    filler = RoleFiller(t.target, t.target_start, t.target_start + len(t.target))
    role = "victims" if t.human else "targets"
    evidence = [Evidence("codes", t.start, t.end, article.text[t.start:t.end])]
    if t.target.split()[0].lower() in _PRONOUNS:
        filler = None  # ("he has received death threats": MUC quotes a name, never "he")
    else:
        evidence.append(Evidence(role, filler.start, filler.end, filler.text))
    if day is not None:
        evidence.append(Evidence("date", day.start, day.end, day.text))
    if place is not None and place in towns:
        evidence.append(Evidence("location", place.start, place.end, place.text))
    loc = location_of(place, False)
    if loc is not None and not towns:
        loc.geo_precision = max(loc.geo_precision, 2)  # not said for the threat
    key = f"{article.id}|threat|{t.start}|{index}"
    return Event(
        event_id="ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        # (codes.muc keeps the contract's one key: PLOVER's THREATEN says it is a threat)
        codes=Codes(acled=None, muc={"incident_type": t.incident_type},
                    plover=dict(_PLOVER_THREAT)),
        date=date, date_precision=precision, location=loc,
        actor1=None, actor2=None,
        victims=[filler] if filler and t.human else [],
        targets=[filler] if filler and not t.human else [],
        evidence=evidence, confidence=_THREAT_CONFIDENCE, sources=[article.id],
        trigger=Evidence("trigger", t.start, t.end, article.text[t.start:t.end]),
        sentence_indices=[s.index])
