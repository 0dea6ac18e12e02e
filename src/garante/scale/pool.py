"""Analysis in worker processes, results given back in input order.

Each worker process (spawned, never forked from this threaded process) receives one
pipeline and keeps it for every document it is given: models are loaded once per process, never per
document. The caller stays the only writer of
the store, and writes in input order, so ids and exports are those of a one-process run.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

_PIPELINE = None  # the worker process's pipeline


def _init(pipeline) -> None:
    global _PIPELINE
    _PIPELINE = pipeline


def analyse_one(pipeline, capture):
    """(Document, None) or (None, error message): a bug on one document must not lose the run."""
    try:
        return pipeline.analyse_capture(capture), None
    except Exception as e:
        return None, f"analysis failed: {type(e).__name__}: {e}"


INTERRUPTED = "interrupted"
LOCAL = object()  # a capture to analyse in this process
LOST_AFTER = 900.0  # seconds: a result this late means its worker died (killed, out of memory)


def _work(capture):
    try:
        return analyse_one(_PIPELINE, capture)
    except BaseException:  # Ctrl-C or an exit inside a worker: the writer stops the run, as with one worker
        return None, INTERRUPTED


class WorkerPool:
    """``with WorkerPool(pipeline, 4) as pool: for capture, (doc, err) in pool.map(captures): ...``

    At most ``window`` captures are in flight, so memory stays bounded whatever the input's size.
    With one worker everything runs in this process; so does the rest of a run whose worker
    processes die (they could not start, or were killed), after a message saying so.
    """

    def __init__(self, pipeline, workers: int, window: int | None = None):
        self.pipeline = pipeline
        self.workers = max(1, workers)
        self.window = window or 4 * self.workers
        self.pool = None
        if self.workers > 1:
            # spawned, not forked: this process has threads (the executor's own, the models'), and a
            # child forked while one of them holds a lock waits forever; a fork server would outlive the
            # run with the environment of its first use. Each worker loads the models once.
            self.pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"), initializer=_init,
                                            initargs=(pipeline,))

    def map(self, items: Iterable) -> Iterator[tuple]:
        """(item, result) in the order of ``items``; an item that is not a capture comes back with
        result None, in its place."""
        pending: deque = deque()
        for item in items:
            pending.append((item, self._submit(item) if _is_capture(item) else None))
            while len(pending) > (self.window if self.pool else 0):
                yield self._done(*pending.popleft())
        while pending:
            yield self._done(*pending.popleft())

    def _submit(self, item):
        if self.pool is None:
            return LOCAL
        try:
            return self.pool.submit(_work, item)
        except BrokenProcessPool:
            self._give_up()
            return LOCAL

    def _done(self, item, future) -> tuple:
        if future is None:
            return item, None
        if future is LOCAL:
            return item, analyse_one(self.pipeline, item)
        try:
            doc, error = future.result(LOST_AFTER)
        except BrokenProcessPool:
            self._give_up()
            return item, analyse_one(self.pipeline, item)
        except FutureTimeout:
            return item, (None, f"analysis failed: no result after {LOST_AFTER:.0f} s (its worker process was lost)")
        if error == INTERRUPTED:
            raise KeyboardInterrupt
        return item, (doc, error)

    def _give_up(self) -> None:
        print("garante: the worker processes died; the rest of the run goes on in this process",
              file=sys.stderr, flush=True)
        self.close()

    def close(self) -> None:
        if self.pool is None:
            return
        pool, self.pool = self.pool, None
        for process in list(getattr(pool, "_processes", {}).values()):  # running analyses are not waited for
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _is_capture(item) -> bool:
    from ..ingest import Capture
    return isinstance(item, Capture)
