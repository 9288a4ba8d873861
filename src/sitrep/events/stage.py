"""The events stage: frames from clauses, drafts per incident, contract events."""

from __future__ import annotations

from ..article import Article
from .assemble import assemble_events
from .drafts import Draft, merge_frames
from .frames import build_frames

__all__ = ["EventStage"]


class EventStage:
    """Pipeline stage: sets ``article.events`` from the mentions earlier stages found."""

    name = "events"
    requires = ("sentences", "dates", "places", "actors", "counts")
    sets = ("events",)

    def __call__(self, article: Article) -> Article:
        frames, loose = build_frames(article)
        drafts = merge_frames(frames)
        _give_loose_counts(drafts, loose)
        drafts = [d for d in drafts if anchored(d)]
        # A headline summary ("three attacks in Nigeria") of incidents then told one by
        # one is not an incident of its own.
        summaries = [d for d in drafts if all(f.roundup and f.sentence <= 1 for f in d.frames)]
        if summaries and len(drafts) - len(summaries) >= 2:
            drafts = [d for d in drafts if d not in summaries]
        article.events = assemble_events(article, drafts)
        return article


def anchored(draft: Draft) -> bool:
    """An incident needs more than a trigger word: someone hit or counted, an actor, a
    target or weapon, or a report told more than once or with its own day and place.
    "Security was beefed up after a terrorist plan was found" has none of these."""
    if draft.loose_counts or any(f.counts for f in draft.frames):
        return True
    if any(f.agents or f.patients or f.targets or f.weapons for f in draft.frames):
        return True
    told = any(not f.anaphoric for f in draft.frames)
    if told and len({f.sentence for f in draft.frames}) >= 2:
        return True
    return draft.place is not None and draft.date is not None


def _give_loose_counts(drafts, loose) -> None:
    """Counts told in a clause with no trigger go to the incident told just before them."""
    for sentence, counts in loose:
        before = [d for d in drafts if any(f.sentence <= sentence for f in d.frames)]
        if not before:
            continue
        target = max(before, key=lambda d: max(f.sentence for f in d.frames
                                               if f.sentence <= sentence))
        if sentence - max(f.sentence for f in target.frames if f.sentence <= sentence) <= 1:
            target.loose_counts.extend(counts)
