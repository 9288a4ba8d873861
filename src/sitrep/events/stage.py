"""The events stage: frames from clauses, drafts per incident, contract events.

Counts told apart from any incident are given to one here (by the victims' noun, else by
nearness); threats against a specific target, which ACLED does not code but MUC-4 and
PLOVER do, become records of their own (:mod:`sitrep.events.threats`).
"""

from __future__ import annotations

import re

from ..article import Article, CountMention
from ..nlp.lexicon import read_json
from ..nlp.plurals import singular
from ..nlp.regex_gates import gated
from .assemble import assemble_events
from .casualties import figureless
from .drafts import Draft, merge_frames
from .fillers_combine import load_filler_model
from .frames import Frame, build_frames, is_reporting_date
from .threats import threat_events
from .typing import classify_sentence

__all__ = ["EventStage", "anchored"]


class EventStage:
    """Pipeline stage: sets ``article.events`` from the mentions earlier stages found."""

    name = "events"
    requires = ("sentences", "dates", "places", "actors", "counts")
    sets = ("events",)

    def __init__(self) -> None:
        load_filler_model()

    def __call__(self, article: Article) -> Article:
        frames, loose = build_frames(article)
        _drop_background_counts(article, frames, loose)
        drafts = merge_frames(frames, article.text)
        _give_loose_counts(drafts, loose, article)
        _give_loose_dates(article, drafts)
        drafts = [d for d in drafts if anchored(d, article.text)]
        # A headline summary ("three attacks in Nigeria") of incidents then told one by
        # one is not an incident of its own.
        summaries = [d for d in drafts if all(f.roundup and f.sentence <= 1 for f in d.frames)]
        if summaries and len(drafts) - len(summaries) >= 2:
            drafts = [d for d in drafts if d not in summaries]
        article.events = assemble_events(article, drafts)
        article.events += threat_events(article)
        return article


def anchored(draft: Draft, text: str | None = None) -> bool:
    """An incident needs more than a trigger word: someone hit or counted, an actor, a
    target or weapon, a sure trigger in the headline or lead (``text`` given), or a report
    told more than once or with its own day and place; and a trigger that is not merely
    an actor's or a weapon's name ("terrorist", "missiles").
    "Security was beefed up after a terrorist plan was found" has none of these."""
    if any(not figureless(c) for c in draft.loose_counts) or \
            any(not figureless(c) for f in draft.frames for c in f.counts):
        return True
    if all(f.nominal and not _seized(f) for f in draft.frames):
        return False
    if max(m.confidence for f in draft.frames for m in f.matches) < _WEAK_TRIGGER and \
            len({f.sentence for f in draft.frames if not f.anaphoric}) < 2:
        return False  # "the violence prevailing in the country", said once, with no toll
    if any(f.agents or f.patients or f.targets or f.weapons for f in draft.frames):
        return True
    if text is not None and any(_clear_lead(f, text) for f in draft.frames):
        return True
    told = any(not f.anaphoric for f in draft.frames)
    if told and len({f.sentence for f in draft.frames}) >= 2:
        return True
    if draft.place is not None and draft.date is not None:
        return True
    # "About 17 men were arrested on Sunday": a sure, asserted trigger with a day of its own
    # (said in its clause, not carried over) reports a dated occurrence, not a general word;
    # so does one placed in time by an incident the report names ("authorities found three
    # arms caches in the city after the attack").
    return any(not f.anaphoric and not f.nominal and f.main.confidence >= _CLEAR_TRIGGER
               and (draft.date is not None and not f.inherited_date and f.dates or f.sequel)
               for f in draft.frames)


# A lead's trigger this sure ("Hundreds marched", "weapons were seized") is the report's
# news even with no actor, place or day found for it.
_CLEAR_TRIGGER = 0.8
_WEAK_TRIGGER = 0.55  # below it a trigger is a passing word ("the violence", "custody")
_LEAD_SENTENCES = 1  # the headline and the first sentence (indices 0 and 1)
_UNREAL = gated(re.compile(read_json("events", "frame_patterns.json")["unreal_before_trigger"],
                            re.IGNORECASE))


def _seized(f: Frame) -> bool:
    """A weapon named in a clause that finds, seizes or defuses it ("Explosive devices were
    found at the school", "the army discovered grenades and mortars"): typing read the
    weapon as disrupted from the verb beside it, so the clause reports the seizure itself."""
    return any(m.acled_sub_event_type == _DISRUPTED for m in f.matches)


_DISRUPTED = "Disrupted weapons use"


def _clear_lead(f: Frame, text: str) -> bool:
    """A clause of the headline or lead with a sure, asserted trigger of its own, not one
    wished, demanded or planned ("called for the arrest of its leaders")."""
    if f.sentence > _LEAD_SENTENCES or f.anaphoric or f.nominal:
        return False
    m = f.main
    if m.confidence < _CLEAR_TRIGGER:
        return False
    lead = text[max(f.clause.start, m.trigger_start - 60):m.trigger_start]
    return not _UNREAL.search(lead)


def _drop_background_counts(article: Article, frames: list[Frame],
                            loose: list[tuple[int, list[CountMention]]]) -> None:
    """Counts whose outcome word is itself a background trigger are no toll of the
    incident told: "two men held for allegedly killing a driver", "booked for murder",
    "the 1990 killings of two brothers" name a charge or a past event, not deaths now."""
    if not article.counts:
        return
    year = article.anchor.year if article.anchor else None
    unreal = {id(c) for c in article.counts if _background_count(article, c, year)}
    if not unreal:
        return
    for f in frames:
        f.counts = [c for c in f.counts if id(c) not in unreal]
    for i, (sentence, counts) in enumerate(loose):
        loose[i] = (sentence, [c for c in counts if id(c) not in unreal])


def _background_count(article: Article, c: CountMention, year: int | None) -> bool:
    if c.kind not in ("killed", "wounded"):
        return False
    s = article.sentence_at(c.start)
    if s is None:
        return False
    lo, hi = (c.trigger_start, c.trigger_end) if c.trigger_start is not None \
        and c.trigger_end is not None else (c.start, c.end)
    return any(m.modality == "background" and m.trigger_start < hi and lo < m.trigger_end
               for m in classify_sentence(article.text[s.start:s.end], s.start,
                                          reference_year=year))


def _give_loose_dates(article: Article, drafts: list[Draft]) -> None:
    """A day told in a sentence of its own just after an undated incident ("The
    incident happened Saturday night near Martin Street") is that incident's day."""
    told = {f.sentence for d in drafts for f in d.frames}
    for d in drafts:
        if d.date is not None or d.sentence_date is not None:
            continue
        last = max(f.sentence for f in d.frames if not f.anaphoric) \
            if any(not f.anaphoric for f in d.frames) else None
        if last is None:
            continue
        for m in article.dates:
            s = article.sentence_at(m.start)
            if s is None or s.index in told or not last < s.index <= last + 2:
                continue
            if m.grain == "day" and not is_reporting_date(article.text, m):
                d.sentence_date = m
                break


def _takes(d: Draft, count: CountMention) -> bool:
    """Deaths and wounds belong to violence; arrests and abductions to any incident."""
    if count.kind in ("arrested", "abducted"):
        return True
    return any(not f.startswith(("side:", "strategic:")) for f in d.families)


def _give_loose_counts(drafts: list[Draft],
                       loose: list[tuple[int, list[CountMention]]],
                       article: Article | None = None) -> None:
    """Counts told in a clause with no trigger go to the one incident whose sentences name
    the dead or wounded by the same noun ("the deaths of six Jesuit priests" ... "the
    priests were murdered at their residence"); else to the incident told just before
    them (within a sentence), or else to the one told just after (a lead that says the
    toll before the incident: "... condemned the killing of six priests. ... were
    murdered")."""
    for sentence, counts in loose:
        for c in counts:
            named = _victims_named(drafts, c, article) if article is not None else []
            if len(named) == 1:
                named[0].loose_counts.append(c)
                continue
            before = [(max(f.sentence for f in d.frames if f.sentence <= sentence), d)
                      for d in drafts if _takes(d, c)
                      and any(f.sentence <= sentence for f in d.frames)]
            after = [(min(f.sentence for f in d.frames), d) for d in drafts if _takes(d, c)
                     and all(f.sentence > sentence for f in d.frames)]
            near_before = [x for x in before if sentence - x[0] <= 1]
            near_after = [x for x in after if x[0] - sentence <= 2]
            if near_before:
                max(near_before, key=lambda x: x[0])[1].loose_counts.append(c)
            elif near_after and not before:
                min(near_after, key=lambda x: x[0])[1].loose_counts.append(c)
            elif sentence == 0 and after:
                # The headline's toll ("Trotwood homicide victim identified") is the
                # toll of the incident the report then tells first.
                min(after, key=lambda x: x[0])[1].loose_counts.append(c)


_LOOSE = read_json("events", "loose_counts.json")
_GENERIC_VICTIMS = frozenset(_LOOSE["generic_victims"])
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


def _stem(word: str) -> str:
    """The word's singular without a possessive ("priests'" -> "priest")."""
    return singular(word.lower().removesuffix("'s").removesuffix("'"))


def _victims_named(drafts: list[Draft], c: CountMention, article: Article) -> list[Draft]:
    """The drafts whose sentences (other than the count's own) name the dead or wounded
    of a count by the same noun ("the priests were murdered", "following the murder of
    the Jesuits" for "six Jesuit priests")."""
    if c.kind not in ("killed", "wounded") or figureless(c):
        return []  # (who was arrested is named by role far more loosely: "the leader")
    nouns = {_stem(w) for w in _WORD.findall(c.group_text or "")} - _GENERIC_VICTIMS
    if not nouns:
        return []
    text, sentences = article.text, article.sentences
    own = c.sentence_index
    out = []
    for d in drafts:
        if not _takes(d, c):
            continue
        for i in sorted({f.sentence for f in d.frames} - {own}):
            if i >= len(sentences):
                continue
            s = sentences[i]
            if any(_stem(m.group()) in nouns for m in _WORD.finditer(text, s.start, s.end)):
                out.append(d)
                break
    return out
