"""Merge frames into event drafts: ACLED's one event per day x place x actors x type.

Frames arrive in text order. A frame joins an existing draft when it reports the same
incident: the same day and place and a compatible kind of event; a clause without its own
date or place that continues the previous one ("The army killed 36 attackers ..."); a
definite reference ("blamed the attack on ..."); or the same trigger word at the same
place ("raids" ... "raids late on Tuesday"). Strategic side-actions told in the same
sentence as a violent event (arrests, weapons seized during the raids) belong to it,
unless told as its sequel ("police arrested four suspects after the attack": ACLED codes
that arrest as an event of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..article import CountMention, DateMention, PlaceMention
from ..nlp.lexicon import read_json
from ..nlp.regex_gates import gated
from .frames import Frame
from .roles import deed_reference, deed_sentences

__all__ = ["Draft", "attribution_links", "family_of", "merge_frames", "place_rank",
           "split_by_place"]

_VIOLENT = frozenset(("violence", "remote"))

# Trigger words too generic to link two clauses on their own.
_GENERIC_TRIGGERS = {"kill", "killed", "die", "died", "dead", "death", "attack", "attacked",
                     "wound", "wounded", "injure", "injured", "shot", "kil", "fight", "violence"}

_FEATURE_RANK = {"city": 5, "other": 4, "admin2": 3, "region": 2, "admin1": 2, "country": 1}


def place_rank(p: PlaceMention) -> int:
    """How specific a place is (a town beats a province beats a country)."""
    return _FEATURE_RANK.get(p.feature, 0) if p.lat is not None else 0


def family_of(sub_event_type: str | None) -> str:
    """Kinds of event that may be merged into one draft before final typing."""
    # (Memoised: merging asks it for every trigger of every draft, for each new frame.)
    family = _FAMILIES.get(sub_event_type)
    if family is None:
        family = _FAMILIES[sub_event_type] = _family_of(sub_event_type)
    return family


_FAMILIES: dict[str | None, str] = {}


def _family_of(sub_event_type: str | None) -> str:
    if sub_event_type in (None, ""):
        return "violence"
    if sub_event_type in ("Arrests", "Disrupted weapons use", "Looting/property destruction"):
        return "side:" + sub_event_type
    if sub_event_type in ("Peaceful protest", "Protest with intervention",
                          "Excessive force against protesters", "Violent demonstration",
                          "Mob violence"):
        return "demonstration"
    if sub_event_type in ("Agreement", "Headquarters or base established",
                          "Non-violent transfer of territory", "Change to group/activity",
                          "Other"):
        return "strategic:" + sub_event_type
    if sub_event_type in _REMOTE:
        return "remote"
    return "violence"


# Explosions/remote violence is split from direct violence (ACLED splits by type), but a
# clause typed both ways ("a bomb attack") links the two.
_REMOTE = {"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon",
           "Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}


@dataclass
class Draft:
    """An event being assembled from one or more frames."""

    frames: list[Frame] = field(default_factory=list)
    loose_counts: list[CountMention] = field(default_factory=list)
    date: DateMention | None = None
    place: PlaceMention | None = None
    place_weight: float = 0.0
    seen: int = -1  # index of the latest frame added (recency for continuations)
    # A day said elsewhere in a sentence of the incident ("The shooting happened
    # Saturday night"), for a draft whose clauses give none.
    sentence_date: DateMention | None = None

    @property
    def families(self) -> set[str]:
        # (the memo read inline: merging asks this for every draft at every frame)
        memo = _FAMILIES
        return {memo.get(m.acled_sub_event_type) or family_of(m.acled_sub_event_type)
                for f in self.frames for m in f.matches}

    @property
    def first_sentence(self) -> int:
        return min(f.sentence for f in self.frames)

    @property
    def trigger_words(self) -> set[str]:
        return set().union(*(f.trigger_words for f in self.frames)) - _GENERIC_TRIGGERS

    def add(self, frame: Frame) -> None:
        self.frames.append(frame)
        if self.date is None and frame.dates and not frame.anaphoric:
            self.date = frame_date(frame)
        if self.sentence_date is None and frame.sentence_dates:
            self.sentence_date = frame.sentence_dates[0]
        if not frame.anaphoric and not (_arrest_only(frame) and any(
                not _side_only(f) for f in self.frames[:-1])):
            # (Where a suspect was caught later, "taken into custody in Urbana, Illinois",
            # is not where the shooting the draft tells happened.)
            p = frame_place(frame)
            if p is not None and (self.place is None or _weight(frame, p) > self.place_weight):
                self.place, self.place_weight = p, _weight(frame, p)
        elif frame.scene:
            # "The incident took place near Perquin": a finer place for this incident,
            # within the country (and province) already said for it.
            p = frame_place(frame)
            if p is not None and (self.place is None or _refines(p, self.place)):
                self.place, self.place_weight = p, max(_weight(frame, p), self.place_weight)


def _refines(p: PlaceMention, old: PlaceMention) -> bool:
    """``p`` is more specific than ``old`` and lies inside it (same country; same
    province when ``old`` is one)."""
    if place_rank(p) <= place_rank(old) or p.country_code != old.country_code:
        return False
    return old.feature != "admin1" or p.admin1 == old.admin1


def _weight(frame: Frame, p: PlaceMention) -> float:
    return frame.place_weight.get(p.start, 0.0)


def frame_date(frame: Frame) -> DateMention | None:
    """The frame's date: the most precise one, nearest its main trigger on ties ("at 1830
    on Thursday, 25 May": the day, not a year read from a clock time)."""
    if not frame.dates:
        return None
    t = frame.main.trigger_start
    return min(frame.dates, key=lambda d: (_GRAIN_RANK.get(d.grain, 5), abs(d.start - t)))


# Finer first: a clause that names a day and a month or a year happened on that day.
_GRAIN_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


def frame_place(frame: Frame) -> PlaceMention | None:
    """The frame's most specific resolved place (nearest the trigger on ties)."""
    resolved = [p for p in frame.places if p.lat is not None
                and frame.place_weight.get(p.start, 0.0) > 0.5]
    if not resolved:
        return None
    t = frame.main.trigger_start
    return max(resolved, key=lambda p: (frame.place_weight.get(p.start, 0.0),
                                        -abs(p.start - t)))


def _same_day(a: DateMention | None, b: DateMention | None) -> bool:
    return a is not None and b is not None and a.first_day == b.first_day


def _same_place(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    if a is None or b is None:
        return True  # unknown place does not split
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    # A country, province or county is compatible with a town inside it -- not with a
    # town elsewhere in the country ("clashes in San Salvador ... two clashes in
    # Cabanas department" are two incidents).
    if place_rank(a) == place_rank(b) or a.country_code != b.country_code:
        return False
    wide, narrow = (a, b) if place_rank(a) < place_rank(b) else (b, a)
    if wide.feature == "country":
        return True
    if wide.feature in ("admin1", "region"):
        return _within(narrow.admin1, wide)
    if wide.feature == "admin2":
        return _within(narrow.admin2, wide)
    return False


def _within(part_of: str | None, region: PlaceMention) -> bool:
    """Whether a place whose province (or county) is ``part_of`` lies in ``region``;
    unknown containment does not split."""
    if not part_of:
        return True
    names = {n for n in (region.name, region.admin1 if region.feature != "admin2"
                         else region.admin2) if n}
    return part_of in names


def _families(frame: Frame) -> set[str]:
    memo = _FAMILIES
    return {memo.get(m.acled_sub_event_type) or family_of(m.acled_sub_event_type)
            for m in frame.matches}


def _side_only(frame: Frame) -> bool:
    return all(family_of(m.acled_sub_event_type).startswith("side:") for m in frame.matches)


def _arrest_only(frame: Frame) -> bool:
    return all(m.acled_sub_event_type == "Arrests" for m in frame.matches)


def _destruction(frame: Frame) -> bool:
    return all(m.acled_sub_event_type == "Looting/property destruction" for m in frame.matches)


def _headline_draft(d: Draft) -> bool:
    """A draft told only in the headline or lead, with no day yet."""
    return d.date is None and all(f.sentence <= 1 and not f.roundup for f in d.frames)


def _find(drafts: list[Draft], frame: Frame, last: Draft | None) -> Draft | None:
    fdate, fplace = frame_date(frame), frame_place(frame)
    # (the frame's words and kinds, worked out once for all the drafts compared with it)
    words, kinds = frame.trigger_words, _families(frame)
    if frame.anaphoric:
        # An incident told before, of the same words or the same kind.
        linked = [d for d in drafts if d.trigger_words & words] or \
            [d for d in drafts if d.families & kinds]
        if linked or frame.counts or frame.dates and not frame.inherited_date:
            # A definite reference with a day or a toll of its own is a first mention
            # ("denounced the death of many civilians due to the indiscriminate bombings").
            return linked[0] if linked else None
        # "The targets of the attacks were ..." after bombings: an incident told before
        # of any violence (ACLED splits direct from remote violence; "the attack" still
        # points back to a bombing), the one told last.
        return max((d for d in drafts if d.families & _VIOLENT and kinds & _VIOLENT),
                   key=lambda d: d.seen, default=None)
    # Side-actions in the sentence of a violent event belong to that operation (not to
    # another side-action: "set fire to stations in Mopti, Segou and Gao" are three).
    # Not a sequel placed after the incident ("police arrested five men after the
    # attack"): ACLED codes that arrest or seizure as an event of its own.
    if last is not None and last.frames[-1].sentence == frame.sentence and _side_only(frame) \
            and not frame.sequel and not all(_side_only(f) for f in last.frames) \
            and (fdate is None or frame.inherited_date or _same_day(fdate, last.date)):
        return last
    for d in drafts:
        if not d.families & kinds or not _same_place(d.place, fplace):
            continue
        if fdate is not None and _same_day(d.date, fdate):
            return d
        if fdate is not None and _headline_draft(d):
            return d  # the headline's undated report, now told with its day
        if (fdate is None or d.date is None) and d.trigger_words & words:
            return d
    if frame.separate:
        return None  # "Separately, ...", "In another attack, ...": a new incident
    if fdate is not None and not frame.inherited_date:
        return None
    # Most recently told first: a clause continues the incident told just before it.
    recent = sorted(drafts, key=lambda d: d.seen, reverse=True)
    if fplace is None and _side_only(frame):
        # An arrest or a seizure told on its own continues only the sentence before; so
        # does destruction right after a violent incident ("The attackers burned several
        # houses before fleeing"): ACLED codes the raid once. Not a sequel told as later
        # ("police arrested four suspects after the attack"): an event of its own.
        if last is not None and last.frames[-1].sentence >= frame.sentence - 1 and not (
                frame.sequel and last.families & _VIOLENT) and (
                last.families & kinds or _destruction(frame) and "violence" in last.families):
            return last
        return None
    if fplace is None:
        # No day and no place of its own: it cannot be told apart from the incident the
        # article is telling ("A man was shot Monday in Dallas. ... He died in hospital").
        return next((d for d in recent if d.families & kinds
                     and not all(f.roundup for f in d.frames)), None)
    # A place but no day: the latest incident at that place not yet dated, or the one
    # told just before.
    for d in recent:
        if d.families & kinds and _same_place(d.place, fplace) and (
                d.date is None or d is last and last.frames[-1].sentence >= frame.sentence - 1):
            return d
    return None


_PATTERNS = read_json("events", "incident_patterns.json")
_COORDINATED = re.compile(_PATTERNS["places_coordinated"], re.IGNORECASE)
_SPAN_BEFORE = gated(re.compile(_PATTERNS["span_before_places"], re.IGNORECASE))  # (searched)
_AGENCY_AFTER = re.compile(_PATTERNS["agency_after_places"], re.IGNORECASE)
_LISTED = re.compile(_PATTERNS["places_listed"], re.IGNORECASE)


def split_by_place(frame: Frame, text: str) -> list[Frame]:
    """One frame per scene of a clause that names several places as coordinated scenes
    ("the towns of Jocoro and Guadalupe were also attacked", "kidnapped youths in
    Usulutan as well as in Chalatenango", a list "in Vina del Mar, Talca, and Temuco"):
    ACLED codes one event per location. A clause with a toll stays whole (the toll is
    not split among the places), and so does a
    town with its province ("Perquin, Morazan") or any place inside another, a span
    ("between Fallujah and Baghdad") and agencies ("the Brown Deer and Milwaukee
    police")."""
    if frame.counts or frame.anaphoric or len(frame.places) < 2:
        return [frame]
    scenes = [p for p in frame.places if p.lat is not None and place_rank(p) >= 2
              and p.feature != "country" and frame.place_weight.get(p.start, 0.0) > 0.5]
    chain: list[PlaceMention] = []
    listed: list[PlaceMention] = []  # "in A, B," waiting for the "and C" that closes the list
    for a, b in zip(scenes, scenes[1:], strict=False):
        if a.geonameid == b.geonameid or _same_place(a, b) and place_rank(a) != place_rank(b):
            listed = []
            continue
        if _COORDINATED.match(text, a.end, b.start):
            for p in (*listed, a, b):
                if p not in chain:
                    chain.append(p)
            listed = []
        elif place_rank(a) == place_rank(b) and _LISTED.match(text, a.end, b.start):
            listed += [a, b] if not listed else [b]
        else:
            listed = []
    if len(chain) < 2 or _SPAN_BEFORE.search(text[max(0, chain[0].start - 40):chain[0].start]) \
            or _AGENCY_AFTER.match(text, chain[-1].end):
        return [frame]
    rest = [p for p in frame.places if p not in chain]
    return [replace(frame, places=[p, *rest]) for p in chain]


def merge_frames(frames: list[Frame], text: str | None = None) -> list[Draft]:
    """Group frames (in text order) into drafts, one per incident (with ``text``, a
    clause naming several coordinated scenes is first split into one frame per scene)."""
    if text is not None:
        frames = [g for f in frames for g in split_by_place(f, text)]
    drafts: list[Draft] = []
    last: Draft | None = None
    for i, frame in enumerate(frames):
        target = _find(drafts, frame, last)
        if target is None:
            target = Draft()
            drafts.append(target)
        target.add(frame)
        target.seen = i
        if not frame.anaphoric:
            last = target
    return drafts


_LINK_FAMILIES = frozenset(read_json("events", "links.json")["families"])


def attribution_links(text: str, sentences: list[tuple[int, int]], drafts: list[Draft],
                      candidates: set[int] | None = None) -> list[list[int]]:
    """For each draft (in the order given), the sentences that attribute its incident
    without reporting it anew (``roles.deed_reference``): such a sentence joins the
    nearest violent incident told before it (the draft with the latest clause before it);
    one that points back in the plural ("authorities attribute the attacks to drug
    traffickers") joins every violent incident told before it. Not a draft that already
    holds the sentence. ``sentences``: each sentence's ``(start, end)``; ``candidates``:
    ``roles.deed_sentences`` of them, when known."""
    links: list[list[int]] = [[] for _ in drafts]
    told = [(i, sorted({f.sentence for f in d.frames})) for i, d in enumerate(drafts)
            if d.families & _LINK_FAMILIES]
    if not told:
        return links
    first = min(s[0] for _, s in told)
    if candidates is None:
        candidates = deed_sentences(text, sentences)
    for k in sorted(x for x in candidates if x > first):
        start, end = sentences[k]
        noun = deed_reference(text[start:end])
        if noun is None:
            continue
        before = sorted(((max(x for x in s if x <= k), i) for i, s in told if s[0] < k),
                        reverse=True)
        if noun.endswith("s") and not noun.endswith("ss"):
            chosen = [i for last, i in before if last != k]
        else:
            chosen = [before[0][1]] if before and before[0][0] != k else []
        for i in chosen:
            links[i].append(k)
    return links

