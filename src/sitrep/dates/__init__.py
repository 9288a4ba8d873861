"""Temporal expressions: the article's anchor date, date mentions and their normalisation."""

from .anchor import AnchorGuess, infer_anchor
from .recognize import find_dates, scan_dates
from .stage import DateStage, acled_time_precision

__all__ = [
    "AnchorGuess",
    "DateStage",
    "acled_time_precision",
    "find_dates",
    "infer_anchor",
    "scan_dates",
]
