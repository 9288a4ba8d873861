"""Stored events out: ACLED CSV (ACLED's columns), GeoJSON, Parquet, JSON Lines."""

from .acled import ACLED_COLUMNS, acled_row
from .notes import summary
from .writers import FORMATS, export_events

__all__ = ["ACLED_COLUMNS", "FORMATS", "acled_row", "export_events", "summary"]
