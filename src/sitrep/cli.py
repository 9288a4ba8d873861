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
    inputs: Annotated[list[str], typer.Argument(help=".txt/.html/.jsonl files, directories, or -")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="JSON Lines file")] = None,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD")] = None,
    dedup: Annotated[bool, typer.Option("--dedup", help="merge reports of one incident")] = False,
    table: Annotated[bool, typer.Option("--table", help="also print a table of events")] = False,
    stages: Annotated[str | None, typer.Option(help="comma-separated stage names to run")] = None,
    include_text: Annotated[bool, typer.Option("--text", help="write each article's text")] = False,
) -> None:
    """Extract events from articles and write one JSON line per article."""
    from .extract import extract_articles  # deferred: keeps `sitrep --help` instant

    pub = _published_option(published)
    only = [s.strip() for s in stages.split(",")] if stages else None
    try:
        articles = read_inputs(inputs, published=pub)
        out = _open_output(output)
        written = extract_articles(articles, out, dedup=dedup, only=only,
                                   include_text=include_text, progress=sys.stderr.isatty())
    except InputError as exc:
        _fail(str(exc))
    except KeyError as exc:
        _fail(f"unknown stage {exc}")
    if out is not sys.stdout:
        out.close()
    if table:
        from .report import print_events_table

        print_events_table(written, file=sys.stdout if output else sys.stderr)


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


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
