"""``sitrep serve``: start the REST API and dashboard (uvicorn) on a chosen store."""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path
from typing import Annotated

import typer

from .repository import Repository

__all__ = ["default_repository", "ingest_into", "load_lines", "register"]

DEFAULT_STORE = Path("out/sitrep.duckdb")


def default_repository(store: Path | None, *, memory: bool = False) -> Repository:
    """The embedded DuckDB store at ``store`` (default ``out/sitrep.duckdb``), or with
    ``memory`` an in-memory one that is lost when the server stops."""
    if memory:
        from .memory import InMemoryRepository

        return InMemoryRepository()
    from .duckdb_repository import DuckDBRepository

    path = store or DEFAULT_STORE
    path.parent.mkdir(parents=True, exist_ok=True)
    return DuckDBRepository(path)


def ingest_into(repo: Repository, sources: list[Path]) -> str:
    """Read, extract and store articles from files or folders (as ``sitrep ingest``);
    articles already stored are skipped, so running it again changes nothing."""
    from .duckdb_repository import DuckDBRepository

    if isinstance(repo, DuckDBRepository):
        stats = repo.ingest([str(p) for p in sources])
        return (f"ingested {stats.stored} new articles ({stats.skipped} already stored), "
                f"{stats.events} events")
    from ..ingest.readers import read_inputs
    from .intake import ingest_articles

    added = ingest_articles(repo, list(read_inputs([str(p) for p in sources])))
    return f"ingested {len(added)} articles, {sum(len(a.event_ids) for a in added)} events"


def load_lines(repo: Repository, path: Path) -> int:
    """Store every output line of a JSON Lines file (written with ``--text``); returns count."""
    n = 0
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.strip():
                repo.add_article(json.loads(raw))
                n += 1
    return n


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the CLI."""

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port")] = 8000,
        token: Annotated[str | None, typer.Option(
            envvar="SITREP_API_TOKEN", help="API token for writes (default: a new random one)")
        ] = None,
        store: Annotated[Path | None, typer.Option(
            help=f"DuckDB file of the store (default {DEFAULT_STORE})")] = None,
        memory: Annotated[bool, typer.Option("--memory", help="keep events in memory only")
                          ] = False,
        load: Annotated[list[Path] | None, typer.Option(
            help="JSON Lines of extracted articles (with text) to load at start")] = None,
        ingest: Annotated[list[Path] | None, typer.Option(
            help="files or folders of articles to extract and store first (once each)")
        ] = None,
        closed_reads: Annotated[bool, typer.Option(
            "--closed-reads", help="reads need the token too")] = False,
        tile_url: Annotated[str | None, typer.Option(
            help="optional online tile layer, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        ] = None,
        max_body: Annotated[int, typer.Option(help="largest request body in bytes")
                            ] = 5_000_000,
    ) -> None:
        """Serve the REST API and the dashboard."""
        import uvicorn

        from ..store.db import StoreError
        from .app import create_app
        from .settings import ApiSettings

        try:
            repo = default_repository(store, memory=memory)
        except StoreError as exc:  # e.g. another process holds the file
            typer.echo(f"sitrep: error: {exc}", err=True)
            raise typer.Exit(2) from None
        for path in load or []:
            if not path.is_file():
                typer.echo(f"sitrep: error: cannot read {path}", err=True)
                raise typer.Exit(2)
            typer.echo(f"loaded {load_lines(repo, path)} articles from {path}", err=True)
        if ingest:
            missing = [p for p in ingest if not p.exists()]
            if missing:
                typer.echo(f"sitrep: error: cannot read {missing[0]}", err=True)
                raise typer.Exit(2)
            typer.echo(f"sitrep: {ingest_into(repo, ingest)}", err=True)
        where = getattr(repo, "path", None)
        typer.echo(f"sitrep: {repo.count()} events in "
                   f"{where if where is not None else 'memory (not saved)'}", err=True)
        token = token or os.environ.get("SITREP_API_TOKEN") or secrets.token_urlsafe(18)
        settings = ApiSettings(token=token, open_reads=not closed_reads, tile_url=tile_url,
                               max_body_bytes=max_body)
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        # The link carries the token once; the dashboard keeps it for the browser tab.
        typer.echo(f"sitrep: dashboard at http://{shown}:{port}/#token={token}", err=True)
        typer.echo(f"sitrep: API docs at http://{shown}:{port}/docs", err=True)
        sys.stderr.flush()
        try:
            uvicorn.run(create_app(repo, settings), host=host, port=port, log_level="warning")
        finally:
            close = getattr(repo, "close", None)
            if close is not None:
                close()  # checkpoints the DuckDB file
