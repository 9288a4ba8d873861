"""The ``effective_events`` view: stored events with people's corrections and reviews applied.

Every reader that shows or exports events (``sitrep query``, ``sitrep export``, the web
app) reads this view, never the ``events`` table, so a corrected field is what everyone
sees while the machine's value stays in ``events`` for the record. The view has every
column of ``events`` (corrected ones replaced) plus ``status``, ``corrected_fields`` and
``updated``.

The view is derived from :data:`~.fields.CORRECTABLE`, so it is (re)created when a
database is opened rather than frozen in a migration (a read-only connection gets a
temporary one).
"""

from __future__ import annotations

from typing import Any

from .fields import CORRECTABLE
from .migrations import run

__all__ = ["HIDDEN_STATUSES", "STATUSES", "VIEW", "ensure_view", "view_sql"]

VIEW = "effective_events"
# Review states; rejected and deleted events are left out unless asked for.
STATUSES = ("unreviewed", "accepted", "corrected", "rejected", "deleted")
HIDDEN_STATUSES = ("rejected", "deleted")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def view_sql() -> str:
    """The SELECT behind ``effective_events``."""
    flags, values, replaced = [], [], []
    for name, f in CORRECTABLE.items():
        lit = "'" + name.replace("'", "''") + "'"
        has, val = _quote("has:" + name), _quote("v:" + name)
        flags.append(f"bool_or(field = {lit}) AS {has}")
        # the latest correction of a field wins; a JSON null corrects the field to null
        values.append(f"arg_max(value, rev) FILTER (WHERE field = {lit}) AS {val}")
        replaced.append(f"CASE WHEN fx.{has} THEN TRY_CAST(json_extract_string(fx.{val}, '$')"
                        f" AS {f.sql_type}) ELSE e.{_quote(f.column)} END AS {_quote(f.column)}")
    return (
        "WITH fx AS (SELECT event_id, max(rev) AS fix_rev, max(created_at) AS fix_at, "
        "list(DISTINCT field ORDER BY field) AS fields, "
        + ", ".join(flags + values) + " FROM event_corrections GROUP BY event_id), "
        "rv AS (SELECT event_id, arg_max(status, rev) AS status, max(rev) AS rev, "
        "max(created_at) AS at FROM event_reviews GROUP BY event_id) "
        "SELECT e.* REPLACE (" + ", ".join(replaced) + "), "
        "CASE WHEN rv.rev IS NOT NULL AND (fx.fix_rev IS NULL OR rv.rev > fx.fix_rev) "
        "THEN rv.status WHEN fx.fix_rev IS NOT NULL THEN 'corrected' ELSE 'unreviewed' END"
        " AS status, coalesce(fx.fields, []::VARCHAR[]) AS corrected_fields, "
        "greatest(e.updated_at, fx.fix_at, rv.at) AS updated "
        "FROM events e LEFT JOIN fx ON fx.event_id = e.event_id "
        "LEFT JOIN rv ON rv.event_id = e.event_id"
    )


def ensure_view(con: Any, *, read_only: bool = False) -> None:
    """Create (or refresh) the view; a read-only connection gets a temporary one, which
    shadows whatever the file holds, so readers always see this code's definition."""
    kind = "TEMP VIEW" if read_only else "VIEW"
    run(con, f"CREATE OR REPLACE {kind} {VIEW} AS {view_sql()}")
