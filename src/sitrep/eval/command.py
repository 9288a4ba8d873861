"""``sitrep eval DATASET [--limit N] [--report out.md] [--data-dir DIR]`` for the main CLI.

The lead's ``cli.py`` wires it with ``add_eval_command(app)``. ``DATASET`` is a set name
(``sitrep eval all`` runs every set present), ``module:attr`` of a user's
:class:`~sitrep.eval.base.GoldSet`, or the path of an ACLED-format CSV.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .base import DataMissing
from .runner import DEFAULT_DATA_DIR, run_all, run_eval, scores_markdown

__all__ = ["add_eval_command", "eval_command"]


def eval_command(
    dataset: Annotated[str, typer.Argument(help="set name, 'all', module:attr, or ACLED .csv")],
    limit: Annotated[int | None, typer.Option(help="first N documents only")] = None,
    report: Annotated[Path | None, typer.Option(help="write a markdown report here")] = None,
    data_dir: Annotated[Path, typer.Option(help="gold data folder")] = DEFAULT_DATA_DIR,
) -> None:
    """Score the pipeline on a development gold set and print a markdown table."""
    try:
        if dataset == "all":
            results = run_all(limit=limit, report=report, data_dir=data_dir)
        else:
            results = [run_eval(dataset, limit=limit, report=report, data_dir=data_dir)]
    except (DataMissing, FileNotFoundError) as exc:
        typer.echo(f"sitrep: error: {exc}", err=True)
        raise typer.Exit(2) from None
    except KeyError as exc:
        typer.echo(f"sitrep: error: {exc.args[0]}, or all", err=True)
        raise typer.Exit(2) from None
    typer.echo(scores_markdown(results), nl=False)


def add_eval_command(app: typer.Typer) -> None:
    """Register ``eval`` on the main ``sitrep`` app."""
    app.command("eval")(eval_command)
