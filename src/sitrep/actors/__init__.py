"""Actors: the lexicon of state forces, armed groups and unnamed actors, their
recognition in text, ACLED-style names and ``inter`` codes."""

from .lexicon import country_name, event_inter, inter_of, qualify
from .matcher import ActorMatcher, fold
from .stage import ActorStage, lookup_actor

__all__ = [
    "ActorMatcher",
    "ActorStage",
    "country_name",
    "event_inter",
    "fold",
    "inter_of",
    "lookup_actor",
    "qualify",
]
