"""Cross-article work: events of different articles that report one incident."""

from .simple import merge_events

__all__ = ["merge_events"]
