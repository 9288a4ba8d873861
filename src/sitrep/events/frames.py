"""Event frames: what one clause of one sentence says happened.

A sentence is cut into clauses (at ";", ", and", relative pronouns, ...). A clause with an
event trigger becomes a :class:`Frame` carrying the mentions that fall inside it: dates
(reporting dates such as "the army said Wednesday" left out), places, actors with their
role relative to the trigger (agent or patient), counts, targets and weapons. Frames are
later merged into events by :mod:`sitrep.events.assemble`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..article import ActorMention, Article, CountMention, DateMention, PlaceMention, Sentence
from ..nlp.article_lower import lower_of
from ..nlp.case_odd import twin_exact
from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated
from .modality import sentence_modality
from .place_trust import (
    city_of,
    dateline_span,
    in_dateline,
    is_dateline,
    place_weights,
    wire_dateline,
)
from .roles import find_targets, find_weapons
from .typing import TypeMatch, classify_sentence

__all__ = ["Clause", "Frame", "build_frames", "city_of", "dateline_span", "in_dateline",
           "is_dateline", "is_reporting_date", "place_weights", "split_clauses",
           "wire_dateline"]


def _patterns() -> dict[str, re.Pattern[str]]:
    raw = read_json("events", "frame_patterns.json")
    # (gated: each behind a look-ahead at the letters it can start with, see
    # :mod:`sitrep.nlp.regex_gates`; the same matches, found faster by search)
    return {k: gated(re.compile(v, re.IGNORECASE)) for k, v in raw.items()
            if not k.startswith("_")}


_PAT = _patterns()
# Case-sensitive twins, for the article's lower-cased text, of the patterns searched in
# every event clause that are written all in lower case (IGNORECASE costs about twice as
# much); see :func:`_lowered` for when the twins find the same matches.
_LOW = {k: gated(re.compile(v)) for k, v in read_json("events", "frame_patterns.json").items()
        if k in ("reporting_that", "roundup_summary", "scene_elaboration")
        and not any(c.isupper() for c in re.sub(r"\\.", "", v))}
_SEQUEL = gated(re.compile(read_json("events", "incident_patterns.json")["sequel_of_told"],
                            re.IGNORECASE))
_RANK = {sub: i for i, sub in enumerate(read_json("events", "sub_event_priority.json"))}
_MINOR = {"Change to group/activity", "Other"}


@dataclass(slots=True)
class Clause:
    """A stretch of a sentence: ``text[start:end]``."""

    start: int
    end: int


@dataclass
class Frame:
    """One clause's report of an incident (or its continuation)."""

    sentence: int
    clause: Clause
    matches: list[TypeMatch]
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    agents: list[ActorMention] = field(default_factory=list)
    patients: list[ActorMention] = field(default_factory=list)
    others: list[ActorMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    targets: list = field(default_factory=list)
    weapons: list = field(default_factory=list)
    anaphoric: bool = False  # "the attack", "Monday's attack": refers to an event told elsewhere
    near: bool = False  # "just outside X", "near X": geo_precision 2
    inherited_date: bool = False  # the date came from an earlier clause of the sentence
    separate: bool = False  # "Separately, ...", "In another attack": told as a new incident
    place_weight: dict[int, float] = field(default_factory=dict)  # by mention start
    roundup: bool = False  # "three attacks in Nigeria": a summary of incidents told apart
    sentence_dates: list[DateMention] = field(default_factory=list)  # the sentence's own
    # Every trigger is only a word for an actor or a weapon ("terrorist", "the air force",
    # "dynamite"): it names who or what, not that something happened.
    nominal: bool = False
    # "The attack took place near Perquin": a clause that tells where an incident told
    # before happened (its place refines that incident's, though the clause refers back).
    scene: bool = False
    # "found three arms caches after the attack": the clause is placed in time after an
    # incident it names (a sequel, later than that incident: not a part of it).
    sequel: bool = False

    @property
    def main(self) -> TypeMatch:
        """The most specific typing decision of the frame (ACLED priority, then confidence)."""
        return min(self.matches, key=lambda m: (_RANK.get(m.acled_sub_event_type or "", 99),
                                                -m.confidence, m.trigger_start))

    first: TypeMatch | None = None  # the trigger roles are read against (see _first_trigger)

    @property
    def trigger_words(self) -> set[str]:
        """Lower-cased trigger words, used to link coreferent frames ("raids" ... "raids")."""
        return {m.trigger_text.lower().rstrip("s") for m in self.matches}


class _Mentions:
    """One kind of an article's mentions sorted by start, to take those inside a clause
    by bisection rather than by a scan per clause."""

    def __init__(self, items: list) -> None:
        self.items = sorted(items, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def inside(self, start: int, end: int) -> list:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end, lo)
        return [m for m in self.items[lo:hi] if m.end <= end]


def _told_at(c: CountMention) -> int:
    """Where a count is told: its outcome word ("killed") when known, else its start."""
    return c.start if c.trigger_start is None else c.trigger_start


class _Counts(_Mentions):
    """Counts, also sorted by where their outcome word is: a count belongs to the clause
    that says what happened to the people it counts. "Two of her bodyguards, who were
    inside the car, were killed" spans a relative clause, and "killed" is in the last."""

    def __init__(self, items: list) -> None:
        super().__init__(items)
        self.by_told = sorted(items, key=_told_at)
        self.told = [_told_at(c) for c in self.by_told]

    def told_in(self, start: int, end: int) -> list:
        lo = bisect_left(self.told, start)
        return self.by_told[lo:bisect_left(self.told, end, lo)]


@dataclass(slots=True)
class _Index:
    dates: _Mentions
    places: _Mentions
    actors: _Mentions
    counts: _Counts
    dateline: tuple[int, int] = (0, 0)  # no place in it is an incident's

    @classmethod
    def of(cls, article: Article) -> _Index:
        return cls(_Mentions(article.dates), _Mentions(article.places),
                   _Mentions(article.actors), _Counts(article.counts),
                   dateline_span(article))


def split_clauses(text: str, start: int, end: int) -> list[Clause]:
    """Cut ``text[start:end]`` at clause boundaries; offsets stay article offsets."""
    cuts = [start]
    for m in _PAT["clause_boundary"].finditer(text, start, end):
        if m.start() - cuts[-1] > 3 and not _ends_list(text, cuts[-1], m.start(), m.group()):
            cuts.append(m.start())
    cuts.append(end)
    return [Clause(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _ends_list(text: str, start: int, cut: int, boundary: str) -> bool:
    """", and" closing a list ("the institutes in Vina del Mar, Talca, and Temuco were
    attacked") joins its last item, not a new clause: a comma before it in the clause,
    and one to three words (no verb) since that comma."""
    if not _PAT["list_and"].match(boundary):
        return False
    comma = text.rfind(",", start, cut)
    return comma >= 0 and bool(_PAT["list_item"].fullmatch(text, comma + 1, cut))


def _inside(m_start: int, m_end: int, c: Clause) -> bool:
    return c.start <= m_start and m_end <= c.end


def is_reporting_date(text: str, d: DateMention) -> bool:
    """'the army said Wednesday', 'told reporters on Monday': the report's day, not the event's."""
    before = text[max(0, d.start - 40):d.start]
    return bool(_PAT["reporting_before_date"].search(before))


def _is_source(text: str, a: ActorMention) -> bool:
    """'Tunisia's government said', 'security sources said': who reports, not who acted."""
    after = text[a.end:a.end + 40]
    return bool(_PAT["source_after_actor"].match(after))


def _names_station(text: str, a: ActorMention) -> bool:
    """'the Karanj police station area': a place named after a station, not the police
    acting ("attacked a police station" keeps them: there they are the ones hit)."""
    return bool(_PAT["not_actor_after"].match(text, a.end)) and \
        not _PAT["determiner_before"].search(text[max(0, a.start - 12):a.start])


def _actor_role(text: str, a: ActorMention, trigger_start: int, trigger_end: int) -> str:
    """Agent or patient of the clause's first trigger, read from word order and prepositions
    ("source" for one who only finds, tells or investigates it)."""
    if a.end <= trigger_start:
        between = text[a.end:trigger_start]
        if _PAT["investigator_between"].search(between):
            # "police found the bodies of three men killed", "police registered a case of
            # murder": the actor tells or investigates the incident, not its agent.
            return "source"
        if len(between) > 60 or _PAT["temporal_between"].search(between):
            return "other"  # "Soldiers patrol after Monday's attack": not the attackers
        if _PAT["passive_between"].search(between) or \
                _PAT["undergoer_trigger"].fullmatch(text, trigger_start, trigger_end):
            return "patient"  # "were killed", "Two rebels died": the subject undergoes it
        return "agent"
    before = text[trigger_end:a.start]
    if _PAT["means_before_actor"].search(before) and \
            _PAT["attack_noun_after_actor"].match(text, a.end):
        # "killed in police firing", "by army shelling": the actor names the means.
        return "agent"
    cues = [(m.start(), "agent") for m in _PAT["agent_cue"].finditer(before)]
    cues += [(m.start(), "patient") for m in _PAT["patient_cue"].finditer(before)]
    if cues:
        return max(cues)[1]  # the preposition nearest the mention decides
    return "patient" if a.start - trigger_end < 25 else "other"


def _first_trigger(matches: list[TypeMatch], actors: list[ActorMention]) -> TypeMatch:
    """The clause's first trigger that is not itself an actor word ("Gunmen" can type an
    attack but is its agent): roles are read against it, since English puts the main
    action first ("troops killed militants during raids")."""
    def is_actor(m: TypeMatch) -> bool:
        return any(a.start < m.trigger_end and m.trigger_start < a.end for a in actors)

    return min(matches, key=lambda m: (is_actor(m), m.trigger_start))


def _lowered(text: str) -> str | None:
    """``text`` lower-cased for the :data:`_LOW` twins, or None where they could match
    differently (see :mod:`sitrep.nlp.case_odd`)."""
    low = lower_of(text)
    return low if twin_exact(text, low) else None


def _on(key: str, text: str, low: str | None) -> tuple[re.Pattern[str], str]:
    """The pattern ``key`` and the text to search with it: its lower-case twin and
    ``low`` when both exist, else the pattern itself and ``text``."""
    if low is not None and key in _LOW:
        return _LOW[key], low
    return _PAT[key], text


def _frame_for(article: Article, sentence: Sentence, clause: Clause, matches: list[TypeMatch],
               carried_dates: list[DateMention], index: _Index,
               own_dates: list[DateMention], low: str | None = None) -> Frame:
    text = article.text
    clause_actors = index.actors.inside(clause.start, clause.end)

    def refers_back(m: TypeMatch) -> bool:
        # "The warplanes destroyed a hospital": a weapon or aircraft with a verb of its own
        # tells a new strike ("the attack killed five" still points back).
        words = m.trigger_text.split()
        if words and _PAT["weapon_subject"].fullmatch(words[0]) \
                and _PAT["verb_after_subject"].match(text, m.trigger_end):
            return False
        lead = text[max(clause.start, m.trigger_start - 25):m.trigger_start]
        hit = _PAT["anaphoric_before_trigger"].search(lead)
        if hit is None or _PAT["verb_trigger"].fullmatch(m.trigger_text):
            return False  # "the suspects hit a store": a verb after its subject
        start = m.trigger_start - len(lead) + hit.start()
        # "the gunmen opened fire": the words between are an actor, the subject.
        return not index.actors.inside(start, m.trigger_start)

    # A minor reading ("patrol": change to group activity) gives way to a real incident.
    major = [m for m in matches if m.acled_sub_event_type not in _MINOR]
    matches = major or matches
    fresh = [m for m in matches if not refers_back(m)]
    frame = Frame(sentence.index, clause, fresh or matches, anaphoric=not fresh)
    frame.dates = list(own_dates)
    if not frame.dates and carried_dates:
        frame.dates = list(carried_dates)
        frame.inherited_date = True
    first = frame.first = _first_trigger(frame.matches, clause_actors)
    # "The commander of the port of Copacabana reported that a bomb exploded in Yunguyo":
    # a place before the report's verb is the source's, not the scene.
    pat, scan = _on("reporting_that", text, low)
    told = [m.end() for m in pat.finditer(scan, clause.start, first.trigger_start)]
    frame.places = [p for p in index.places.inside(told[-1] if told else clause.start,
                                                   clause.end)
                    if not in_dateline(p, index.dateline)]
    pat, scan = _on("scene_elaboration", text, low)
    frame.scene = bool(pat.search(scan, clause.start, clause.end))
    after = _SEQUEL.search(text, clause.start, clause.end)
    # (The named incident is not the clause's own: "Soldiers patrol after Monday's attack"
    # tells that attack.)
    frame.sequel = after is not None and not after.start() <= first.trigger_start < after.end()
    for a in clause_actors:
        if _is_source(text, a) or _names_station(text, a):
            continue
        role = _actor_role(text, a, first.trigger_start, first.trigger_end)
        if role == "source":
            continue
        {"agent": frame.agents, "patient": frame.patients, "other": frame.others}[role].append(a)
    frame.counts = index.counts.told_in(clause.start, clause.end)
    clause_text = text[clause.start:clause.end]
    pat, scan = _on("roundup_summary", text, low)
    frame.roundup = bool(pat.search(scan[clause.start:clause.end]))
    frame.targets = find_targets(clause_text, clause.start)
    frame.weapons = find_weapons(clause_text, clause.start)
    spans = [(a.start, a.end) for a in clause_actors] + \
        [(w.start, w.end) for w in frame.weapons]
    frame.nominal = all(any(s0 <= m.trigger_start and m.trigger_end <= e0 for s0, e0 in spans)
                        for m in frame.matches)
    frame.near = any(_PAT["near_before_place"].search(text[max(0, p.start - 25):p.start])
                     for p in frame.places)
    return frame


def _join_relative_heads(text: str, clauses: list[Clause], matches: list[TypeMatch],
                         index: _Index) -> tuple[list[Clause], list[TypeMatch]]:
    """Join a relative clause's head to it: in "17 activists who tried to enter the town
    were arrested" the head noun (its count, its actors) is the subject of the verb after
    the relative clause. A head whose only triggers are actor words ("17 protesters") loses
    them: they name who, not what happened. Returns the clauses and the triggers dropped."""
    out: list[Clause] = []
    dropped: list[TypeMatch] = []
    for clause in clauses:
        prev = out[-1] if out else None
        if prev is not None and _PAT["relative_clause"].match(text, clause.start) and \
                any(clause.start <= m.trigger_start < clause.end for m in matches):
            head = [m for m in matches if prev.start <= m.trigger_start < prev.end]
            actors = index.actors.inside(prev.start, prev.end)
            # A head noun right before "who" ("17 protesters who"), not "find out who".
            tail = text[prev.start:prev.end].rstrip(" ,")
            nouns = actors + index.counts.inside(prev.start, prev.end)
            ends_in_noun = any(prev.start + len(tail) - 2 <= x.end for x in nouns)
            only_names = all(any(a.start <= m.trigger_start and m.trigger_end <= a.end
                                 for a in actors) for m in head)
            if ends_in_noun and only_names:
                out[-1] = Clause(prev.start, clause.end)
                dropped += head
                continue
        out.append(clause)
    return out, dropped


def build_frames(article: Article) -> tuple[list[Frame], list[tuple[int, list[CountMention]]]]:
    """Frames of every asserted event clause, and counts found in clauses with no trigger
    (returned per sentence, so the assembler can give them to the event in context)."""
    frames: list[Frame] = []
    loose_counts: list[tuple[int, list[CountMention]]] = []
    text = article.text
    weights = place_weights(article)
    index = _Index.of(article)
    year = article.anchor.year if article.anchor else None
    low = _lowered(text) if _LOW else None
    for sentence in article.sentences:
        s_text = text[sentence.start:sentence.end]
        matches = [m for m in classify_sentence(s_text, sentence.start, reference_year=year)
                   if m.modality in (None, "asserted")]
        # A sentence with no asserted trigger and no count yields nothing: skip its
        # modality and clauses (most sentences of an article).
        if not matches and not index.counts.inside(sentence.start, sentence.end):
            continue
        if sentence_modality(s_text, reference_year=year) == "background":
            continue
        carried: list[DateMention] = []
        sentence_dates = [d for d in index.dates.inside(sentence.start, sentence.end)
                          if not is_reporting_date(text, d)]
        # "Separately, ...": the sentence's first event clause opens a new incident.
        separate = bool(_PAT["separate_incident"].search(s_text[:60]))
        clauses, dropped = _join_relative_heads(
            text, split_clauses(text, sentence.start, sentence.end), matches, index)
        matches = [m for m in matches if m not in dropped]
        for clause in clauses:
            in_clause = [m for m in matches if clause.start <= m.trigger_start < clause.end]
            if in_clause and sentence_modality(text[clause.start:clause.end],
                                               reference_year=year) != "asserted":
                in_clause = []
            own_dates = [d for d in sentence_dates if _inside(d.start, d.end, clause)]
            if in_clause:
                frame = _frame_for(article, sentence, clause, in_clause, carried, index,
                                   own_dates, low)
                frame.sentence_dates = sentence_dates
                frame.separate, separate = separate, False
                frame.place_weight = weights
                frames.append(frame)
            else:
                counts = index.counts.told_in(clause.start, clause.end)
                if counts:
                    loose_counts.append((sentence.index, counts))
            if own_dates:
                carried = own_dates  # dates scope forward to the next clauses, never back
    return frames, loose_counts
