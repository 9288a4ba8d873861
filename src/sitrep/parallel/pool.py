"""An ordered process pool built on ``fork``, with per-item crash and timeout isolation.

Why not :mod:`multiprocessing.Pool` or :class:`concurrent.futures.ProcessPoolExecutor`?
A worker that dies (a segfault in a C extension, the OOM killer, ``os._exit``) hangs the
former and breaks every pending future of the latter, and neither can stop one runaway
item. Here each worker holds at most one item at a time; the parent knows which item a
worker is on and since when, so a dead or overdue worker costs exactly that item (it
becomes a :class:`Failure`), and a fresh worker is forked in its place.

Workers are forked from the parent, so whatever the parent loaded before calling
:func:`ordered_map` (gazetteer, lexicons, compiled patterns) is shared copy-on-write,
never rebuilt per worker. :func:`ordered_map` freezes the garbage collector's view of
those objects first so that collections in the children do not touch (and copy) their
pages.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

__all__ = ["Failure", "available_cores", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one item has no result: ``exception``, ``crashed`` or ``timeout``."""

    kind: str
    message: str


def available_cores() -> int:
    """The cores this process may run on (CPU affinity aware), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _serve(conn: Connection, func: Callable[[Any], Any]) -> None:
    """Worker loop: receive ``(index, item)``, send ``(index, ok, result or message)``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, item = task
        try:
            reply = (index, True, func(item))
        except Exception as exc:  # reported as this item's failure; the worker lives on
            reply = (index, False, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except Exception as exc:  # e.g. an unpicklable result
            conn.send((index, False, f"result could not be sent: {type(exc).__name__}: {exc}"))


@dataclass(eq=False)  # identity: workers are told apart, never compared
class _Worker(Generic[T]):
    process: Any
    conn: Connection
    task: tuple[int, T] | None = None
    since: float = field(default=0.0)


class _Pool(Generic[T, R]):
    """The parent's bookkeeping; used only through :func:`ordered_map`."""

    def __init__(self, func: Callable[[T], R], workers: int) -> None:
        self.func = func
        self.ctx = multiprocessing.get_context("fork")
        self.workers = [self._spawn() for _ in range(workers)]

    def _spawn(self) -> _Worker[T]:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_serve, args=(child, self.func), daemon=True)
        proc.start()
        child.close()  # only the worker holds its end, so its death reads as EOF here
        return _Worker(proc, parent)

    def replace(self, worker: _Worker[T]) -> None:
        """Kill ``worker`` (if still alive) and fork a fresh one in its place."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self._spawn()

    def close(self) -> None:
        """Ask every worker to stop; kill those that do not within a second."""
        for w in self.workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        deadline = time.monotonic() + 1.0
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()


def ordered_map(func: Callable[[T], R], items: Iterable[T], *, workers: int,
                on_failure: Callable[[T, Failure], R], timeout: float | None = None,
                window: int | None = None) -> Iterator[R]:
    """``func`` over ``items`` in ``workers`` forked processes; results in input order.

    An item whose call raises, whose worker dies, or that runs longer than ``timeout``
    seconds yields ``on_failure(item, failure)`` instead (called in the parent); the run
    goes on. ``items`` is read lazily: at most ``window`` items (default 64 per worker)
    are held between the oldest unfinished one and the newest dispatched, so memory stays
    bounded on an endless stream even when one item is slow.
    """
    window = window or 64 * workers
    gc.collect()
    gc.freeze()  # objects loaded so far stay out of the children's collections
    pool: _Pool[T, R] = _Pool(func, workers)
    source = enumerate(items)
    exhausted = False
    done: dict[int, R] = {}
    next_out = 0
    try:
        while True:
            for w in pool.workers:  # give every idle worker one item
                if w.task is not None:
                    continue
                if exhausted or len(done) >= window:
                    break  # a full window waits for the oldest unfinished item
                task = next(source, None)
                if task is None:
                    exhausted = True
                    break
                w.task, w.since = task, time.monotonic()
                w.conn.send(task)
            busy = [w for w in pool.workers if w.task is not None]
            if not busy:
                break
            _collect(pool, busy, done, on_failure, timeout)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        pool.close()
        gc.unfreeze()


def _collect(pool: _Pool[T, R], busy: list[_Worker[T]], done: dict[int, R],
             on_failure: Callable[[T, Failure], R], timeout: float | None) -> None:
    """Wait for at least one busy worker to answer, die or overrun; record outcomes."""
    if not busy:
        return
    wait_for = None
    if timeout is not None:
        now = time.monotonic()
        wait_for = max(0.0, min(w.since for w in busy) + timeout - now)
    by_conn = {w.conn: w for w in busy}
    by_sentinel = {w.process.sentinel: w for w in busy}
    ready = wait([*by_conn, *by_sentinel], wait_for)
    dead: list[_Worker[T]] = []
    for obj in ready:
        w = by_conn.get(obj)  # type: ignore[call-overload]
        if w is not None:
            try:
                index, ok, value = w.conn.recv()
            except (EOFError, OSError):
                dead.append(w)
                continue
            assert w.task is not None and index == w.task[0]
            done[index] = value if ok else on_failure(w.task[1], Failure("exception", value))
            w.task = None
        else:
            dead.append(by_sentinel[obj])  # type: ignore[index]
    for w in dict.fromkeys(dead):  # a death can show on both the pipe and the sentinel
        if w.task is not None and w.conn.poll():
            try:  # it answered before dying
                index, ok, value = w.conn.recv()
                done[index] = value if ok else on_failure(w.task[1], Failure("exception", value))
                w.task = None
            except (EOFError, OSError):
                pass
        if w.task is not None:
            w.process.join(0.5)
            code = w.process.exitcode
            index, item = w.task
            done[index] = on_failure(item, Failure(
                "crashed", f"worker process died (exit code {code}) on this article"))
        pool.replace(w)
    if timeout is not None:
        now = time.monotonic()
        for w in list(pool.workers):
            if w.task is not None and now - w.since > timeout:
                index, item = w.task
                done[index] = on_failure(item, Failure(
                    "timeout", f"no result after {timeout:g} s; the article was abandoned"))
                pool.replace(w)
