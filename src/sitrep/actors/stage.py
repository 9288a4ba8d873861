"""The ``actors`` pipeline stage: sets ``article.actors`` from the actor lexicon."""

from __future__ import annotations

from ..article import ActorMention, Article
from .matcher import ActorMatcher

__all__ = ["ActorStage", "lookup_actor"]

_MATCHER: ActorMatcher | None = None


def _matcher() -> ActorMatcher:
    # One compiled automaton per process, shared by every stage instance and helper.
    global _MATCHER
    if _MATCHER is None:
        _MATCHER = ActorMatcher()
    return _MATCHER


class ActorStage:
    """Recognise and normalise actor mentions (named groups, state forces, unnamed
    actors). Country-less forces ("the army") keep ``country_code`` ``None`` and the
    bare names "Military Forces" / "Police Forces" / "Government"; the event builder
    completes them with :func:`sitrep.actors.qualify` from the event's location.

    A force noun inside a place ("police station", "army barracks") still yields a
    mention of that force: ACLED codes the force as the attacked side, and deciding the
    role is the event builder's job. Generic "security forces" are coded as police."""

    name = "actors"

    def __init__(self) -> None:
        self.matcher = _matcher()

    def __call__(self, article: Article) -> Article:
        article.actors = self.matcher.find(article.text)
        return article


def lookup_actor(text: str) -> ActorMention | None:
    """The actor a short phrase names ("fmln", "Tunisian troops", "the extraditables").

    Returns the mention covering the whole phrase (a leading "the" aside); failing that,
    the longest mention inside it when all mentions inside agree on one actor; else
    ``None``. Offsets are into ``text``.
    """
    mentions = _matcher().find(text)
    if not mentions:
        return None
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    for m in mentions:
        covered = text[lead:m.start].strip().lower() in ("", "the")
        if covered and m.end == lead + len(stripped):
            return m
    if len({m.name for m in mentions}) == 1:
        return max(mentions, key=lambda m: m.end - m.start)
    return None
