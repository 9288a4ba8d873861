"""People's decisions about stored events: corrections and reviews (incl. soft delete).

Both are appended, never updated, to ``event_corrections`` and ``event_reviews``; the
``effective_events`` view lays the latest of them over the machine's row. ``rev`` numbers
every act across both tables, so "which came last" is a comparison of integers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from .db import Store, StoreError
from .effective import VIEW
from .fields import CORRECTABLE
from .migrations import run

__all__ = ["REVIEW_ACTIONS", "HumanAct", "UnknownEvent", "correct", "corrections_of",
           "effective_row", "history", "review"]

# Review action -> the status it leaves the event in ("restore" of a corrected event
# leaves it "corrected").
REVIEW_ACTIONS = {"accept": "accepted", "reject": "rejected", "delete": "deleted",
                  "restore": "unreviewed"}


class UnknownEvent(StoreError, LookupError):
    """No stored event has that id."""


@dataclass(slots=True)
class HumanAct:
    """One correction or review: flat field changes as ``{name: {"old", "new"}}``."""

    rev: int
    event_id: str
    action: str  # correct | accept | reject | delete | restore
    who: str
    at: datetime  # naive UTC
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    note: str | None = None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored as naive UTC


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def effective_row(con: Any, event_id: str) -> dict[str, Any]:
    """The event's row of ``effective_events`` (UnknownEvent when absent)."""
    cur = con.execute(f"SELECT * FROM {VIEW} WHERE event_id = ?", [event_id])
    rows = cur.fetchall()  # fetch everything: DuckDB refuses new work while a result is open
    row = rows[0] if rows else None
    if row is None:
        raise UnknownEvent(f"no event {event_id!r}")
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def _next_rev(con: Any) -> int:
    return int(run(con, "SELECT greatest((SELECT coalesce(max(rev), 0) FROM event_corrections),"
                        " (SELECT coalesce(max(rev), 0) FROM event_reviews)) + 1")[0][0])


def correct(store: Store, event_id: str, values: dict[str, Any], *, who: str,
            note: str | None = None) -> HumanAct:
    """Record corrected values (flat names of ``CORRECTABLE``, already validated)."""
    unknown = [name for name in values if name not in CORRECTABLE]
    if unknown or not values:
        raise ValueError(f"not correctable: {', '.join(unknown) or '(nothing given)'}")
    now = _now()
    with store.transaction() as con:
        row = effective_row(con, event_id)
        rev = _next_rev(con)
        changes = {}
        for name, value in values.items():
            old = _plain(row.get(CORRECTABLE[name].column))
            changes[name] = {"old": old, "new": value}
            run(con, "INSERT INTO event_corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [rev, event_id, name, json.dumps(value), json.dumps(old), who, now, note])
    return HumanAct(rev, event_id, "correct", who, now, changes, note)


def review(store: Store, event_id: str, action: str, *, who: str,
           note: str | None = None) -> HumanAct:
    """Accept, reject, (soft-)delete or restore an event."""
    if action not in REVIEW_ACTIONS:
        raise ValueError(f"unknown review action {action!r}")
    now = _now()
    with store.transaction() as con:
        row = effective_row(con, event_id)
        status = REVIEW_ACTIONS[action]
        if action == "restore" and row["corrected_fields"]:
            status = "corrected"
        rev = _next_rev(con)
        run(con, "INSERT INTO event_reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [rev, event_id, action, status, row["status"], who, now, note])
    return HumanAct(rev, event_id, action, who, now,
                    {"status": {"old": row["status"], "new": status}}, note)


def corrections_of(con: Any, event_id: str) -> dict[str, Any]:
    """The event's corrected fields and their latest values."""
    rows = run(con, "SELECT field, arg_max(value, rev) FROM event_corrections "
                    "WHERE event_id = ? GROUP BY field ORDER BY field", [event_id])
    return {name: json.loads(value) for name, value in rows}


def history(con: Any, event_id: str) -> list[HumanAct]:
    """Every correction and review of the event, oldest first."""
    acts: dict[int, HumanAct] = {}
    for rev, name, value, old, who, at, note in run(
            con, "SELECT rev, field, value, old, who, created_at, note FROM event_corrections"
                 " WHERE event_id = ? ORDER BY rev, field", [event_id]):
        act = acts.setdefault(rev, HumanAct(rev, event_id, "correct", who, at, {}, note))
        act.changes[name] = {"old": json.loads(old), "new": json.loads(value)}
    for rev, action, status, old_status, who, at, note in run(
            con, "SELECT rev, action, status, old_status, who, created_at, note "
                 "FROM event_reviews WHERE event_id = ?", [event_id]):
        acts[rev] = HumanAct(rev, event_id, action, who, at,
                             {"status": {"old": old_status, "new": status}}, note)
    return [acts[rev] for rev in sorted(acts)]
