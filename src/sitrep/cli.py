"""The command line: thin over the library. Errors become one clean line and an exit code."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, TextIO

import typer

from .ingest import InputError, read_inputs
from .ingest.readers import parse_published

__all__ = ["app", "main"]

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="sitrep: news reports of political violence -> ACLED-style events.")

# Exit codes: 0 every line written; 2 bad option or unreadable input (the run could not start).
EXIT_USAGE = 2


def _fail(message: str) -> None:
    typer.echo(f"sitrep: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _published_option(value: str | None) -> date | None:
    try:
        return parse_published(value)
    except ValueError:
        _fail(f"--published {value!r} is not a date (expected YYYY-MM-DD)")
    return None


def _open_output(output: Path | None) -> TextIO:
    if output is None:
        return sys.stdout
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        return output.open("w", encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}")
    raise AssertionError("unreachable")


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(
        help=".txt/.html/.jsonl files, directories, or - (dask: also .parquet, .warc.gz)")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="JSON Lines file (dask: output directory of shards)")] = None,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD")] = None,
    dedup: Annotated[bool, typer.Option("--dedup", help="merge reports of one incident")] = False,
    table: Annotated[bool, typer.Option("--table", help="also print a table of events")] = False,
    stages: Annotated[str | None, typer.Option(help="comma-separated stage names to run")] = None,
    include_text: Annotated[bool, typer.Option("--text", help="write each article's text")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="worker processes (default: all cores)")] = None,
    timeout: Annotated[float | None, typer.Option(
        min=0.1, help="seconds per article before it is abandoned as an error line "
                      "(default 60 with 2+ workers; 1 worker: none unless given)")] = None,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        help="dask scheduler address, e.g. tcp://host:8786 (default: a local cluster)")] = None,
    shard_size: Annotated[int, typer.Option(min=1, help="dask: articles per shard")] = 1000,
    fmt: Annotated[str, typer.Option("--format", help="dask output: jsonl or parquet")] = "jsonl",
) -> None:
    """Extract events from articles and write one JSON line per article."""
    from .extract import extract_articles  # deferred: keeps `sitrep --help` instant

    pub = _published_option(published)
    only = [s.strip() for s in stages.split(",")] if stages else None
    if engine == "dask":
        _extract_dask(inputs, output, pub, dedup, only, include_text, workers, scheduler,
                      shard_size, fmt)
        return
    if engine != "local":
        _fail(f"--engine {engine!r}: expected local or dask")
    if workers is None:
        from .parallel import available_cores

        workers = available_cores()
    if timeout is None and workers > 1:
        timeout = 60.0
    try:
        articles = read_inputs(inputs, published=pub)
        out = _open_output(output)
        written = extract_articles(articles, out, dedup=dedup, only=only,
                                   include_text=include_text, progress=sys.stderr.isatty(),
                                   workers=workers, timeout=timeout, keep=table)
    except InputError as exc:
        _fail(str(exc))
    except KeyError as exc:
        _fail(f"unknown stage {exc}")
    if out is not sys.stdout:
        out.close()
    if table:
        from .report import print_events_table

        print_events_table(written, file=sys.stdout if output else sys.stderr)


def _extract_dask(inputs: list[str], output: Path | None, pub: date | None, dedup: bool,
                  only: list[str] | None, include_text: bool, workers: int | None,
                  scheduler: str | None, shard_size: int, fmt: str) -> None:
    """`extract --engine dask`: shards to OUTPUT/part-*.{jsonl,parquet}; dedup to OUTPUT/dedup."""
    from .distributed import dedup_shards, run_dask

    if output is None:
        _fail("--engine dask needs --output DIRECTORY")
    if "-" in inputs:
        _fail("--engine dask reads files and directories, not standard input")
    try:
        summary = run_dask(inputs, output, scheduler=scheduler, workers=workers,
                           shard_size=shard_size, fmt=fmt, published=pub, only=only,
                           include_text=include_text, progress=sys.stderr.isatty())
    except (InputError, ValueError) as exc:
        _fail(str(exc))
    except KeyError as exc:
        _fail(f"unknown stage {exc}")
    typer.echo(f"{summary.shards} shards: {summary.skipped} already done, {len(summary.ran)} "
               f"run ({summary.articles} articles), {len(summary.failed)} failed", err=True)
    for name, why in sorted(summary.failed.items()):
        typer.echo(f"sitrep: shard {name} failed: {why} (run again to retry it)", err=True)
    if summary.failed:
        raise typer.Exit(1)
    if dedup:
        changed = dedup_shards(output, output / "dedup", fmt)
        typer.echo(f"dedup: {changed} event ids changed -> {output / 'dedup'}", err=True)


@app.command()
def geoparse(
    inputs: Annotated[list[str], typer.Argument(help=".txt/.html/.jsonl files, directories, or -")],
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """Print only the place mentions of each article (a geoparser on its own)."""
    from .extract import extract_articles

    try:
        out = _open_output(output)
        extract_articles(read_inputs(inputs), out, only=["sentences", "dates", "places"],
                         fields=("id", "error", "places"))
    except InputError as exc:
        _fail(str(exc))


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output line."""
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=1))


def _register_eval() -> None:
    """`sitrep eval` lives with the evaluation harness."""
    from .eval.command import add_eval_command

    add_eval_command(app)


_register_eval()


def _register_store() -> None:
    """`sitrep ingest`, `query` and `export` live with the event store."""
    from .store.commands import register

    register(app)


_register_store()


def _register_serve() -> None:
    """`sitrep serve`: the REST API and dashboard."""
    from .api.serve import register

    register(app)


_register_serve()


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
