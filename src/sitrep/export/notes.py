"""ACLED's ``notes``: one sentence sitrep writes from an event's own fields."""

from __future__ import annotations

from datetime import date
from typing import Any

__all__ = ["summary"]


def _when(value: Any) -> str:
    if isinstance(value, date):
        return f"On {value.day} {value.strftime('%B %Y')}"
    return "On an unknown date"


def _where(row: dict[str, Any]) -> str:
    parts = [p for p in (row.get("location"), row.get("admin1"), row.get("country")) if p]
    seen: list[str] = []
    for p in parts:  # "Tunisia (Tunisia)" says nothing twice
        if p not in seen:
            seen.append(p)
    if not seen:
        return ""
    head, rest = seen[0], seen[1:]
    return f" in {head}" + (f" ({', '.join(rest)})" if rest else "")


def summary(row: dict[str, Any]) -> str:
    """E.g. "On 7 March 2016, Islamic State (actor1) and Military Forces of Tunisia (actor2):
    armed clash in Ben Gardane (Madanin, Tunisia). 55 fatalities reported by 2 sources."."""
    kind = (row.get("sub_event_type") or row.get("event_type") or "event").lower()
    actors = [a for a in (row.get("actor1"), row.get("actor2")) if a]
    who = " against ".join(actors) if actors else "unidentified actors"
    sentence = f"{_when(row.get('event_date'))}, {kind} involving {who}{_where(row)}"
    figures = []
    if row.get("fatalities") is not None:
        n = row["fatalities"]
        figures.append(f"{n} fatalit{'y' if n == 1 else 'ies'}")
    if row.get("wounded"):
        figures.append(f"{row['wounded']} wounded")
    if row.get("arrested"):
        figures.append(f"{row['arrested']} arrested")
    n_src = row.get("n_sources") or 1
    tail = (f"; {', '.join(figures)} reported" if figures else "")
    tail += f" ({n_src} source{'s' if n_src != 1 else ''})."
    return sentence + tail
