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

from importlib import import_module
from typing import Any

# ``ingest()`` itself is imported from :mod:`.ingest` (the name is the module's here).
__all__ = ["DEFAULT_PATH", "EventFilter", "IngestOptions", "IngestStats", "Store", "StoreError",
           "default_path", "select_events"]

# Loaded on first use: DuckDB and Arrow are slow to import, and the CLI registers the
# store's commands at every start.
_HOMES = {"DEFAULT_PATH": ".db", "Store": ".db", "StoreError": ".db", "default_path": ".db",
          "IngestOptions": ".ingest", "IngestStats": ".ingest",
          "EventFilter": ".query", "select_events": ".query"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
