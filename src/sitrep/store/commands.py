"""CLI commands over the store: ``sitrep ingest``, ``sitrep query``, ``sitrep export``.

``register(app)`` adds them to sitrep's Typer app; errors become one line on stderr and
exit status 2, as for ``sitrep extract``.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..ingest.readers import InputError

# The store, DuckDB and Arrow are imported inside the commands: `sitrep --help` and
# `sitrep extract` should not pay for them at start-up.

__all__ = ["register"]

EXIT_USAGE = 2

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="database file (default $SITREP_DB or ./sitrep.duckdb)")]


def _fail(message: str) -> None:
    typer.echo(f"sitrep: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r} is not a date (expected YYYY-MM-DD)")
    return None


def _filter(country: str | None, admin1: str | None, since: str | None, until: str | None,
            event_type: str | None, actor: str | None, min_fatalities: int | None,
            text: str | None, limit: int | None = None):
    from .query import EventFilter

    return EventFilter(country=country, admin1=admin1, since=_date(since, "--since"),
                       until=_date(until, "--until"), event_type=event_type, actor=actor,
                       min_fatalities=min_fatalities, text=text, limit=limit)


Country = Annotated[str | None, typer.Option(help="country name or ISO alpha-2 code")]
Admin1 = Annotated[str | None, typer.Option(help="first-level region")]
Since = Annotated[str | None, typer.Option(help="events on or after YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option(help="events on or before YYYY-MM-DD")]
EventType = Annotated[str | None, typer.Option("--type", help="ACLED event or sub-event type")]
ActorOpt = Annotated[str | None, typer.Option(help="part of an actor's name")]
MinFatal = Annotated[int | None, typer.Option(help="at least this many fatalities")]
TextOpt = Annotated[str | None, typer.Option(help="words in a reporting article")]


def ingest_command(
    sources: Annotated[list[str], typer.Argument(
        help="files or directories (.txt .html .jsonl), feeds (URL, .rss/.atom/.xml), WARC")],
    db: DbOption = None,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="store text only")] = False,
    published: Annotated[str | None, typer.Option(help="default publication date")] = None,
    batch_size: Annotated[int, typer.Option(help="articles per transaction")] = 256,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="allow fetching from private and loopback addresses")] = False,
    no_fetch: Annotated[bool, typer.Option(
        "--no-fetch", help="feeds: keep the entry summary, do not fetch linked pages")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="no progress bar")] = False,
) -> None:
    """Store articles (once each) and their events, merged across reports."""
    from .db import Store, StoreError, default_path
    from .ingest import IngestOptions, ingest

    options = IngestOptions(extract=not no_extract, batch_size=max(1, batch_size),
                            published=_date(published, "--published"),
                            allow_private=allow_private, fetch_pages=not no_fetch,
                            progress=not quiet)
    try:
        with Store(db or default_path()) as store:
            stats = ingest(store, sources, options)
    except (InputError, StoreError) as exc:
        _fail(str(exc))
        return
    typer.echo(f"sitrep ingest: read {stats.read}, stored {stats.stored}, skipped "
               f"{stats.skipped} already stored, {stats.failed} unreadable; {stats.events} "
               f"events ({stats.merged} merged into earlier incidents)", err=True)


def query_command(db: DbOption = None, country: Country = None, admin1: Admin1 = None,
                  since: Since = None, until: Until = None, event_type: EventType = None,
                  actor: ActorOpt = None, min_fatalities: MinFatal = None,
                  text: TextOpt = None,
                  limit: Annotated[int | None, typer.Option(help="at most N events")] = None,
                  ) -> None:
    """Print matching events, one JSON object per line."""
    from .db import Store, StoreError, default_path
    from .query import select_events

    flt = _filter(country, admin1, since, until, event_type, actor, min_fatalities, text, limit)
    try:
        with Store(db or default_path(), read_only=True) as store:
            rows = select_events(store, flt)
    except StoreError as exc:
        _fail(str(exc))
        return
    from ..export.notes import summary
    for row in rows:
        out = {k: (v.isoformat() if isinstance(v, date) else v)
               for k, v in row.items() if k != "event"}
        out["notes"] = summary(row)
        sys.stdout.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")


def export_command(
    fmt: Annotated[str, typer.Option("--format", help="csv | geojson | parquet | jsonl")] = "csv",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file to write")] = None,
    db: DbOption = None, country: Country = None, admin1: Admin1 = None, since: Since = None,
    until: Until = None, event_type: EventType = None, actor: ActorOpt = None,
    min_fatalities: MinFatal = None, text: TextOpt = None,
) -> None:
    """Write events as ACLED CSV, GeoJSON, Parquet or JSON Lines."""
    from ..export import FORMATS, export_events
    from .db import Store, StoreError, default_path
    if fmt not in FORMATS:
        _fail(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        _fail("--format parquet needs --output FILE")
    flt = _filter(country, admin1, since, until, event_type, actor, min_fatalities, text)
    try:
        with Store(db or default_path(), read_only=True) as store:
            n = export_events(store, fmt, output if output is not None else sys.stdout, flt)
    except StoreError as exc:
        _fail(str(exc))
        return
    typer.echo(f"sitrep export: {n} events", err=True)


def register(app: typer.Typer) -> None:
    """Add ``ingest``, ``query`` and ``export`` to ``app``."""
    app.command("ingest")(ingest_command)
    app.command("query")(query_command)
    app.command("export")(export_command)
