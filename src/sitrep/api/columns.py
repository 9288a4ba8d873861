"""A columnar index of flat event rows (numpy): filter, count and page in milliseconds.

Filtering 100,000 row dicts in Python takes tens of milliseconds per request; the same
filters as numpy masks over integer-coded columns take well under one. Strings are coded
against small vocabularies, so a case-insensitive match or an actor substring search runs
over the distinct values only, then becomes an ``isin`` mask.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np

from .repository import HIDDEN_STATUSES, EventFilters

__all__ = ["ColumnIndex"]

_EPOCH = date(1970, 1, 1).toordinal()
_NULL_DAY = np.iinfo(np.int32).min


def _day(value: str | None) -> int:
    if not value:
        return int(_NULL_DAY)
    try:
        return date.fromisoformat(value[:10]).toordinal() - _EPOCH
    except ValueError:
        return int(_NULL_DAY)


class _Coded:
    """A string column coded as integers against its vocabulary (lower-cased)."""

    def __init__(self, values: Sequence[str | None]) -> None:
        vocab: dict[str, int] = {}
        self.codes = np.fromiter((vocab.setdefault((v or "").lower(), len(vocab))
                                  for v in values), dtype=np.int32, count=len(values))
        self.vocab = vocab

    def set(self, i: int, value: str | None) -> None:
        """Recode row ``i`` (a corrected value may be new to the vocabulary)."""
        key = (value or "").lower()
        self.codes[i] = self.vocab.setdefault(key, len(self.vocab))

    def equals(self, wanted: Sequence[str]) -> np.ndarray:
        ids = [self.vocab[w.lower()] for w in wanted if w.lower() in self.vocab]
        return np.isin(self.codes, ids)

    def contains(self, needle: str) -> np.ndarray:
        ids = [i for v, i in self.vocab.items() if needle in v]
        return np.isin(self.codes, ids)


class ColumnIndex:
    """Immutable columns of ``rows`` (flat rows of ``flatten.event_row``)."""

    def __init__(self, rows: Sequence[dict[str, Any]], assoc: Sequence[str]) -> None:
        self.rows = list(rows)
        n = len(self.rows)
        col = [r for r in self.rows]
        self.day = np.fromiter((_day(r["date"]) for r in col), dtype=np.int32, count=n)
        self.country = _Coded([r["country"] for r in col])
        self.code = _Coded([r["country_code"] for r in col])
        self.admin1 = _Coded([r["admin1"] for r in col])
        self.etype = _Coded([r["event_type"] for r in col])
        self.sub = _Coded([r["sub_event_type"] for r in col])
        self.actor1 = _Coded([r["actor1"] for r in col])
        self.actor2 = _Coded([r["actor2"] for r in col])
        self.assoc = _Coded(list(assoc))
        self.status = _Coded([r["status"] for r in col])
        self.fatal = np.fromiter((r["fatalities"] or 0 for r in col), dtype=np.int64, count=n)
        self._ranks: dict[tuple[str, bool], np.ndarray] = {}

    _CODED = (("country", "country"), ("code", "country_code"), ("admin1", "admin1"),
              ("etype", "event_type"), ("sub", "sub_event_type"), ("actor1", "actor1"),
              ("actor2", "actor2"), ("status", "status"))

    def replace_row(self, i: int, row: dict[str, Any], assoc: str) -> None:
        """Put a changed row (a correction, a review) in place of row ``i``.

        Readers may be using the index meanwhile: each column is updated in place (a reader
        sees the old or the new value) and the cached sort orders are dropped.
        """
        self.rows[i] = row
        self.day[i] = _day(row["date"])
        for attr, key in self._CODED:
            getattr(self, attr).set(i, row[key])
        self.assoc.set(i, assoc)
        self.fatal[i] = row["fatalities"] or 0
        self._ranks = {}

    def mask(self, f: EventFilters, sources_ok: np.ndarray | None = None) -> np.ndarray:
        """Rows that pass every filter (``sources_ok``: the text filter, computed outside)."""
        m = np.ones(len(self.rows), dtype=bool)
        if f.status:
            m &= self.status.equals(f.status)
        elif not f.include_hidden:
            m &= ~self.status.equals(sorted(HIDDEN_STATUSES))
        if f.country:
            m &= self.country.equals(f.country) | self.code.equals(f.country)
        if f.admin1:
            m &= self.admin1.equals([f.admin1])
        if f.event_type:
            m &= self.etype.equals(f.event_type) | self.sub.equals(f.event_type)
        if f.date_from:
            m &= (self.day != _NULL_DAY) & (self.day >= f.date_from.toordinal() - _EPOCH)
        if f.date_to:
            m &= (self.day != _NULL_DAY) & (self.day <= f.date_to.toordinal() - _EPOCH)
        if f.min_fatalities is not None:
            m &= self.fatal >= f.min_fatalities
        if f.actor:
            needle = f.actor.lower()
            m &= (self.actor1.contains(needle) | self.actor2.contains(needle)
                  | self.assoc.contains(needle))
        if sources_ok is not None:
            m &= sources_ok
        return m

    def rank(self, key: str, descending: bool) -> np.ndarray:
        """Each row's position in the order by ``key``: nulls last, ties by event id."""
        cached = self._ranks.get((key, descending))
        if cached is not None:
            return cached

        def sort_key(i: int) -> tuple[bool, Any, str]:
            value = self.rows[i].get(key)
            return (value is None, value if value is not None else 0, self.rows[i]["event_id"])

        order = sorted(range(len(self.rows)), key=sort_key)
        if descending:  # reverse the non-null part only; nulls stay last
            nulls = sum(self.rows[i].get(key) is None for i in order)
            head = order[:len(order) - nulls]
            head.reverse()
            order = head + order[len(head):]
        rank = np.empty(len(order), dtype=np.int64)
        rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order))
        self._ranks[(key, descending)] = rank
        return rank

    def page(self, mask: np.ndarray, key: str, descending: bool, offset: int,
             limit: int) -> tuple[list[dict[str, Any]], int]:
        """The rows of one page and the total number of matches."""
        hits = np.flatnonzero(mask)
        total = int(hits.size)
        if offset >= total:
            return [], total
        rank = self.rank(key, descending)[hits]
        k = min(total, offset + limit)
        if k < total:  # only the first k need sorting
            part = np.argpartition(rank, k - 1)[:k]
            hits, rank = hits[part], rank[part]
        chosen = hits[np.argsort(rank, kind="stable")][offset:offset + limit]
        return [self.rows[i] for i in chosen.tolist()], total
