"""The events stage: frames from clauses, drafts per incident, contract events."""

from __future__ import annotations

from ..article import Article
from .assemble import assemble_events
from .drafts import merge_frames
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
        article.events = assemble_events(article, drafts)
        return article


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
