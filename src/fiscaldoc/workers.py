"""Worker processes that survive their workers: an ordered map over a process pool in which a
process that dies (a crash, the out-of-memory killer) fails only the item it was working on.

Processes start with ``forkserver`` where the platform has it, else ``spawn``: never ``fork``,
which copies the parent's threads and locks (Python 3.12 warns about it). When a worker dies,
every item in flight fails with the pool; those items are run again, one at a time in a new
pool, so that the one that kills its process again is found and failed alone, and the run goes
on with the others. At most ``2 * jobs`` items are in flight or finished but not yet handed out,
so a long run holds a bounded number of results.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

__all__ = ["DIED", "ordered_map", "start_method"]

A = TypeVar("A")
R = TypeVar("R")

DIED = "the worker process died (a crash, or killed: out of memory?)"
"""The reason given for an item whose process died while working on it."""

PRELOAD = ["fiscaldoc.corpus"]
"""Modules the fork server imports once, so that each worker it forks starts warm."""


def start_method() -> str:
    """``forkserver`` where available (POSIX), else ``spawn`` (Windows, and macOS's default)."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _pool(jobs: int) -> ProcessPoolExecutor:
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def ordered_map(
    function: Callable[[A], R],
    items: Sequence[A],
    *,
    jobs: int,
    failed: Callable[[A, str], R],
) -> Iterator[R]:
    """``function(item)`` for each item, computed in ``jobs`` processes, yielded in item order.

    ``function`` must be picklable (a module-level function or a ``functools.partial`` of
    one). When computing an item raises in the parent (its result cannot be unpickled) or its
    process dies, that item's result is ``failed(item, reason)``.
    """
    window = max(2 * jobs, 2)
    waiting: deque[int] = deque(range(len(items)))
    suspects: deque[int] = deque()
    running: dict[int, Future[R]] = {}
    finished: dict[int, R] = {}
    pool = _pool(jobs)
    handed = 0
    clean = False
    try:
        while handed < len(items):
            if suspects:  # after a death: each item that was in flight runs alone
                if not running:
                    index = suspects.popleft()
                    running[index] = pool.submit(function, items[index])
            else:
                while waiting and len(running) + len(finished) < window:
                    index = waiting.popleft()
                    running[index] = pool.submit(function, items[index])
            if running:
                wait(running.values(), return_when=FIRST_COMPLETED)
            broken = _collect(running, finished, items, failed)
            if broken:
                wait(running.values())  # a broken pool fails every future it holds
                broken += _collect(running, finished, items, failed)
                if len(broken) == 1:  # it was alone: it killed its process
                    finished[broken[0]] = failed(items[broken[0]], DIED)
                else:
                    suspects.extend(sorted(broken))
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _pool(jobs)
            while handed in finished:
                yield finished.pop(handed)
                handed += 1
        clean = True
    finally:
        pool.shutdown(wait=clean, cancel_futures=True)


def _collect(
    running: dict[int, Future[R]],
    finished: dict[int, R],
    items: Sequence[A],
    failed: Callable[[A, str], R],
) -> list[int]:
    """Move done futures' results to ``finished``; the indices whose pool broke are returned."""
    broken = []
    for index, future in list(running.items()):
        if not future.done():
            continue
        del running[index]
        try:
            finished[index] = future.result()
        except BrokenProcessPool:
            broken.append(index)
        except Exception as error:  # the result could not come back: this item fails alone
            finished[index] = failed(items[index], f"{type(error).__name__}: {error}")
    return broken
