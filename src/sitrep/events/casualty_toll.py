"""Reconcile casualty mentions into one toll: totals versus parts, repeats, updates.

"At least 55 people died ... the army killed 36 attackers and 12 troops and 7 civilians
also died" is 55 killed with parts 36/12/7, not 110. The rules, per kind of outcome:

- a revised toll ("the toll rose to 62") replaces earlier totals: the latest wins;
- otherwise the most conservative total wins (ACLED), and ``low``/``high`` keep the range
  ("at least 55" and "up to 60" -> 55, low 55, high 60);
- parts (a side or a group: "36 attackers") are added up, the same figure for the same
  side said twice counting once; when parts add up to more than the total, the total
  becomes their sum;
- a count of one person named only by a pronoun or "the victim" is used only when the
  article gives no firmer figure of that kind;
- a zero ("no one was hurt") stands only when no positive figure of that kind is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..article import CountMention
from ..nlp.numbers import find_quantities
from ..nlp.plurals import singular
from .casualty_lexicon import casualty_lexicon

__all__ = ["SIDES", "Toll", "toll"]

SIDES = ("perpetrators", "state", "civilians", "unknown")
_UPDATE = re.compile(r"\b(?:rose|risen|rising|climbed|climbing|increased|jumped|mounted|grew|"
                     r"went\s+up|now)\b", re.IGNORECASE)


@dataclass(slots=True)
class Toll:
    """Reconciled figures for one event (or one article). ``None`` = not reported.

    ``fatalities_by`` splits the fatalities by side (keys of :data:`SIDES`); it is empty
    when no fatality figure is known. ``evidence`` lists the mentions the figures rest on.
    """

    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_by: dict[str, int] = field(default_factory=dict)
    wounded: int | None = None
    arrested: int | None = None
    abducted: int | None = None
    evidence: list[CountMention] = field(default_factory=list)


@dataclass(slots=True)
class _Figure:
    value: int | None
    low: int | None
    high: int | None
    by_side: dict[str, int]
    used: list[CountMention]


def _is_weak(m: CountMention) -> bool:
    """One person named by a pronoun, a name or "the victim": no number was written."""
    # "Janet Wilson, 31, died": the figure is her age, not a count.
    # Nor is the article of the words that tell the casualty ("he was suffering from a
    # gunshot wound").
    if _ONE_MORE.match(m.text):
        return False  # "another man was shot": one more, said as such
    text = m.text
    if m.trigger_start is not None and m.trigger_end is not None:
        text = text[:max(0, m.trigger_start - m.start)] + " " + text[m.trigger_end - m.start:]
    return (m.value == 1 and not m.is_total
            and not find_quantities(_AGE.sub(" ", text), articles=True))


def _trigger(m: CountMention) -> str:
    if m.trigger_start is None or m.trigger_end is None:
        return ""
    return m.text[m.trigger_start - m.start:m.trigger_end - m.start].lower()


_AGE = re.compile(r",\s*\d{1,3}\s*,")
_ANOTHER = re.compile(r"^(?:another|a\s+(?:second|third|fourth|fifth)|the\s+(?:second|third|"
                      r"other)|second|third|one\s+other)\b", re.IGNORECASE)
# A figure with no number in it ("many wounded", "dozens hurt") gives way to one that
# has one.
# "another man", "a second victim": said as one more person (not "the third officer to
# be shot in four years", a tally).
_ONE_MORE = re.compile(r"^(?:another|a\s+(?:second|third|fourth|fifth)|one\s+other)\b",
                       re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:many|several|dozens|scores|numerous|multiple|some|a\s+few|"
                    r"a\s+number\s+of|countless)\b", re.IGNORECASE)
# Verbs that tell a shooting, not yet its outcome ("Cop shoots teenager ... fatally shot").
_SHOT = frozenset(("shot", "shoots"))
_INDEFINITE = re.compile(r"^(?:a|an|one)\b", re.IGNORECASE)


def _part_key(m: CountMention, ordinal: int = 0) -> tuple[object, ...]:
    if m.value is not None and m.value >= 2:
        return (m.value, m.side)
    if _ANOTHER.match(m.text):
        return ("another", m.start)  # "a second victim", "another man": one more person
    head = (m.group_text or "").lower().split()[-1:] or [""]
    # "One man was shot in the back and a 29-year-old man was shot": the second person
    # introduced in one sentence is another one; across sentences "a man" is told again.
    return (m.value, m.side, head[0], ordinal)


def _ordinals(mentions: list[CountMention]) -> list[int]:
    """For each mention, how many indefinite singular mentions of the same noun ("a
    man", "one woman") came before it in its sentence ("a police officer was killed
    after he was shot by a suspect" names the first suspect, whatever came before)."""
    seen: dict[object, int] = {}
    out = []
    for m in mentions:
        if m.value == 1 and _INDEFINITE.match(m.text):
            key = (m.sentence_index, _head(m))
            out.append(seen.get(key, 0))
            seen[key] = out[-1] + 1
        else:
            out.append(0)
    return out


def _named_apart(mentions: list[CountMention]) -> list[CountMention]:
    """One mention per person named by a proper name (by surname), when one sentence
    names two or more ("Smith was shot in the leg and Jones in the arm"); else nothing
    (names told in different sentences may be the same person, or not a victim)."""
    from .casualty_lexicon import casualty_lexicon

    common = casualty_lexicon().stop | casualty_lexicon().singular | casualty_lexicon().heads
    by_sentence: dict[int | None, dict[str, CountMention]] = {}
    for m in mentions:
        words = _AGE.sub(" ", m.group_text or "").split()
        if words and words[0][:1].isupper() and not any(w.lower() in common for w in words):
            by_sentence.setdefault(m.sentence_index, {}).setdefault(
                words[-1].lower().strip(",."), m)
    best = max(by_sentence.values(), key=len, default={})
    return list(best.values()) if len(best) >= 2 else []


# Nouns that name a person only by what happened to them.
_GENERIC = frozenset(("victim", "person", "individual", "someone"))
_ALSO = re.compile(r"\b(?:also|too|as\s+well)\b", re.IGNORECASE)


def _head(m: CountMention) -> str:
    words = (m.group_text or "").lower().split()
    return words[-1].strip(",.") if words else ""


def _without_members(parts: dict[tuple[object, ...], CountMention],
                     ) -> dict[tuple[object, ...], CountMention]:
    """Parts less the single persons who are one of a group told in another sentence
    by the same noun ("Two men are hospitalized ... a 26-year-old man was shot in the
    leg": one of the two men), unless told as one more ("another man", "a man was also
    shot")."""
    groups = {(singular(_head(m)), m.sentence_index) for m in parts.values()
              if (m.value or 0) >= 2 and _head(m)}
    told = {m.sentence_index for m in parts.values() if m.value and _head(m) not in _GENERIC}

    def member(m: CountMention) -> bool:
        if m.value != 1 or _ANOTHER.match(m.text) or _ALSO.search(m.text):
            return False
        head = _head(m)
        # "A man was shot ... a gunshot victim was taken to the hospital": a person
        # named only as a victim, told again.
        return any(h == head and si != m.sentence_index for h, si in groups) or (
            head in _GENERIC and bool(told - {m.sentence_index}))

    return {k: m for k, m in parts.items() if not member(m)}


def _beyond_total(parts: list[CountMention]) -> int:
    """What parts can add up to next to a total: numbered groups and "another" persons
    in full, single persons only as many as one sentence names."""
    plural = sum(m.value or 0 for m in parts
                 if (m.value or 0) >= 2 or _ANOTHER.match(m.text))
    singles: dict[int | None, int] = {}
    for m in parts:
        if m.value == 1 and not _ANOTHER.match(m.text):
            singles[m.sentence_index] = singles.get(m.sentence_index, 0) + 1
    return plural + max(singles.values(), default=0)


def _figure(mentions: list[CountMention]) -> _Figure:
    known = [m for m in mentions if m.value is not None]
    if not known:
        return _Figure(None, None, None, {}, [])
    positive = [m for m in known if m.value]
    if not positive:
        return _Figure(0, 0, 0, {}, known[:1])
    firm = [m for m in positive if not _is_weak(m)]
    if firm and all(_ONE_MORE.match(m.text) for m in firm):
        # "He was shot in the leg. Another man was shot in the arm": the one told first
        # and the other.
        weak = [m for m in positive if _is_weak(m)]
        positive = (_named_apart(weak) or weak[:1]) + firm
    elif firm:
        positive = firm
    else:
        # "he died" / "the victim died": one person, once; but persons named apart
        # ("Smith was shot ... and Jones was shot") are each one.
        positive = _named_apart(positive) or positive[:1]
    totals = [m for m in positive if m.is_total]
    exact = [m for m in totals if not _VAGUE.search(m.text)]
    if exact:
        totals = exact  # "17 people were hurt ... many wounded": the figure, not "many"
    parts: dict[tuple[object, ...], CountMention] = {}
    for m, k in zip(positive, _ordinals(positive), strict=True):
        if not m.is_total:
            parts.setdefault(_part_key(m, k), m)
    parts = _without_members(parts)
    by_side = dict.fromkeys(SIDES, 0)
    for m in parts.values():
        by_side[m.side if m.side in by_side else "unknown"] += m.value or 0
    part_sum = sum(by_side.values())
    part_low = sum((m.low if m.low is not None else m.value) or 0 for m in parts.values())
    part_high = sum((m.high if m.high is not None else m.value) or 0 for m in parts.values())
    used = list(parts.values())
    if totals:
        updates = [m for m in totals if _UPDATE.search(m.text)]
        chosen = [max(updates, key=lambda m: m.start)] if updates else totals
        value = min(m.value or 0 for m in chosen)
        low = min(m.low if m.low is not None else (m.value or 0) for m in chosen)
        high = max(m.high if m.high is not None else (m.value or 0) for m in chosen)
        used = chosen + used
        # One person told again in another sentence ("One person was injured ... a
        # 24-year-old male was shot") is not one more: single persons add beyond the
        # total only when one sentence names them together or calls one "another".
        part_sum = min(part_sum, _beyond_total(list(parts.values())))
        if part_sum > value:
            value, low, high = part_sum, max(low, part_low), max(high, part_high)
        else:
            # Whatever the parts do not explain is someone else's (or unknown) dead.
            by_side["unknown"] += value - part_sum
    else:
        value, low, high = part_sum, part_low, part_high
    return _Figure(value, min(low, value), max(high, value), by_side, used)


def toll(counts: Sequence[CountMention]) -> Toll:
    """Reconcile ``counts`` (usually one event's mentions) into a :class:`Toll`."""
    by_kind: dict[str, list[CountMention]] = {}
    for m in sorted(counts, key=lambda c: c.start):
        by_kind.setdefault(m.kind, []).append(m)
    killed = _figure(by_kind.get("killed", []))
    out = Toll(fatalities=killed.value, fatalities_low=killed.low,
               fatalities_high=killed.high, fatalities_by=killed.by_side,
               evidence=list(killed.used))
    for kind in ("wounded", "arrested", "abducted"):
        fig = _figure(by_kind.get(kind, []))
        value = fig.value
        if kind == "wounded" and value and killed.value:
            # "A man was shot ... he died", "found with a gunshot wound; he was pronounced
            # dead": those shot and then dead are not wounded.
            wounds = casualty_lexicon().wound_forms
            told = [m for m in by_kind["wounded"]
                    if _trigger(m) in _SHOT or " ".join(_trigger(m).split()) in wounds]
            if len(told) < len(by_kind["wounded"]):
                # "1 dead, 1 injured ... one victim with gunshot wounds": a wounded
                # figure said as such stands; only the shot are taken for the dead.
                told = [m for m in told if _trigger(m) in _SHOT]
            shot = _figure(told).value or 0
            value = value - min(shot, killed.value)
        setattr(out, kind, value)
        out.evidence.extend(fig.used)
    return out
