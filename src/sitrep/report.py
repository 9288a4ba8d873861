"""Human-readable views of extracted events (the table `make run` prints)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

__all__ = ["print_events_table"]


def _actor(a: dict[str, Any] | None) -> str:
    return f"{a['name']} ({a['inter']})" if a else ""


def _num(v: Any) -> str:
    return "" if v is None else str(v)


def print_events_table(lines: Iterable[dict[str, Any]], *, file: TextIO) -> None:
    """Print one row per event of every output line, and a row for failed articles."""
    table = Table(title="sitrep events", show_lines=False)
    for col in ("article", "date", "place", "type", "actor 1", "actor 2", "killed", "wounded",
                "arrested"):
        table.add_column(col, overflow="fold")
    for line in lines:
        if line.get("error"):
            table.add_row(line["id"], "", "", f"error: {line['error']}", "", "", "", "", "")
            continue
        for ev in line.get("events", []):
            loc = ev.get("location") or {}
            place = ", ".join(x for x in (loc.get("name"), loc.get("country")) if x)
            acled = (ev.get("codes") or {}).get("acled") or {}
            table.add_row(line["id"], _num(ev.get("date")), place,
                          acled.get("sub_event_type", ""), _actor(ev.get("actor1")),
                          _actor(ev.get("actor2")), _num(ev.get("fatalities")),
                          _num(ev.get("wounded")), _num(ev.get("arrested")))
    Console(file=file, width=160).print(table)
