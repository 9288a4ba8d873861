"""The forked ordered pool: input order kept, one bad item costs only itself."""

from __future__ import annotations

import os
import time

import pytest

from sitrep.parallel import Failure, ordered_map


def _fail(item, failure: Failure):
    return ("failed", item, failure.kind)


def _behave(item):
    """Items are (value, action): sleep to scramble finishing order, raise, die, hang."""
    value, action = item
    if action == "sleep":
        time.sleep(0.05)
    elif action == "raise":
        raise ValueError(f"bad {value}")
    elif action == "die":
        os._exit(3)
    elif action == "hang":
        time.sleep(30)
    return value * 10


@pytest.mark.parametrize("items, expected", [
    ([(1, "sleep"), (2, ""), (3, ""), (4, "sleep"), (5, "")], [10, 20, 30, 40, 50]),
    ([(1, ""), (2, "raise"), (3, "")], [10, ("failed", (2, "raise"), "exception"), 30]),
    ([(1, ""), (2, "die"), (3, ""), (4, "")],
     [10, ("failed", (2, "die"), "crashed"), 30, 40]),
    ([(1, "hang"), (2, ""), (3, "")], [("failed", (1, "hang"), "timeout"), 20, 30]),
    ([(1, "die"), (2, "die"), (3, "die"), (4, "")],
     [("failed", (n, "die"), "crashed") for n in (1, 2, 3)] + [40]),
    ([], []),
])
@pytest.mark.parametrize("workers", [1, 2])
def test_ordered_map_isolates_failures(items, expected, workers):
    got = list(ordered_map(_behave, items, workers=workers, timeout=1.0, on_failure=_fail))
    assert got == expected


def test_ordered_map_reads_input_lazily_within_window():
    pulled = []

    def source():
        for i in range(1000):
            pulled.append(i)
            yield (i, "")

    results = ordered_map(_behave, source(), workers=2, on_failure=_fail, window=8)
    first = [next(results) for _ in range(3)]
    assert first == [0, 10, 20]
    assert len(pulled) < 50  # not the whole stream
    assert list(results)[-1] == 9990


def test_ordered_map_failure_message_names_exception():
    seen = []

    def keep(item, failure):
        seen.append(failure)
        return None

    list(ordered_map(_behave, [(7, "raise")], workers=1, on_failure=keep))
    assert seen == [Failure("exception", "ValueError: bad 7")]
