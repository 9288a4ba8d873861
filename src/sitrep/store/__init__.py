"""The embedded event database: articles, events, their links with evidence, revisions.

- :mod:`.migrations`: the schema, as numbered migrations.
- :mod:`.db`: :class:`Store` (open, migrate, write a batch in one transaction, read).
- :mod:`.keys`: canonical URLs and content hashes (what makes two articles one).
- :mod:`.ingest`: ``sitrep ingest`` (files, feeds, WARC; extraction; dedup; resumable).
- :mod:`.fields`, :mod:`.effective`: the fields people may correct, and the
  ``effective_events`` view that lays corrections and reviews over the machine's rows.
- :mod:`.review`: corrections and reviews (accept, reject, soft delete, restore).
- :mod:`.articles`: store one article, replacing an earlier extraction (the web app).
- :mod:`.query`: filters shared by ``sitrep query`` and ``sitrep export`` (over the view).
- :mod:`.commands`: the CLI commands, registered on the main Typer app.
"""

from .db import DEFAULT_PATH, Store, StoreError, default_path
from .ingest import IngestOptions, IngestStats, ingest
from .query import EventFilter, select_events

__all__ = ["DEFAULT_PATH", "EventFilter", "IngestOptions", "IngestStats", "Store", "StoreError",
           "default_path", "ingest", "select_events"]
