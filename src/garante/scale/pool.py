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
_TASK = None  # what the worker does with each capture: task(pipeline, capture) -> (result, error)
_TASK_MANY = None  # the same for a group of captures at once (one call of the models), or None


def _init(pipeline, task, task_many=None) -> None:
    global _PIPELINE, _TASK, _TASK_MANY
    _PIPELINE, _TASK, _TASK_MANY = pipeline, task, task_many


def analyse_one(pipeline, capture):
    """(Document, None) or (None, error message): a bug on one document must not lose the run."""
    try:
        return pipeline.analyse_capture(capture), None
    except Exception as e:
        return None, failure(e)


def failure(error: Exception) -> str:
    """The message a capture's failed analysis is reported with."""
    return f"analysis failed: {type(error).__name__}: {error}"


INTERRUPTED = "interrupted"
LOCAL = object()  # a chunk to analyse in this process
LOST_AFTER = 900.0  # seconds: a result this late means its worker died (killed, out of memory)
CHUNK_DOCUMENTS = 8  # captures sent to a worker at once: fewer messages, fewer wake-ups of the writer
CHUNK_BYTES = 1 << 20  # ... unless they are large
CHUNKS_PER_WORKER = 3  # in flight: enough that no worker waits for the next while the writer writes
GROUP = 4  # captures analysed together where a task_many is given: the models run once for the group
# (Pipeline.run_many: about 1.08x the documents/s of one at a time on one core, outputs identical)


def _work(chunk: list) -> list:
    """The results of one chunk, in order; a Ctrl-C or an exit stops the chunk where it happened
    (the writer then stops the run, as with one worker)."""
    out = []
    for group in _groups(chunk, _TASK_MANY):
        try:
            out.extend(_TASK_MANY(_PIPELINE, group) if len(group) > 1 else [_TASK(_PIPELINE, group[0])])
        except BaseException:
            out.append((None, INTERRUPTED))
            break
    return out


def _group_size(task_many) -> int:
    """Captures analysed at once: GROUP where a group task is given, else one."""
    return GROUP if task_many else 1


def _groups(chunk: list, task_many) -> list[list]:
    """The chunk in groups of ``_group_size`` captures."""
    size = _group_size(task_many)
    return [chunk[i:i + size] for i in range(0, len(chunk), size)]


class WorkerPool:
    """``with WorkerPool(pipeline, 4) as pool: for capture, (doc, err) in pool.map(captures): ...``

    ``task(pipeline, capture)`` (a module-level function: it travels to the workers) is what each
    capture gets, ``analyse_one`` unless told; ``task_many(pipeline, captures)``, where given, does
    the same for a group of up to ``GROUP`` captures at once and gives their results in order. Captures
    go to the workers in chunks, and at most ``CHUNKS_PER_WORKER`` chunks a worker are in flight, so
    memory stays bounded whatever the input's size. With one worker everything runs in this process; so
    does the rest of a run whose worker processes die (they could not start, or were killed), after a
    message saying so.
    """

    def __init__(self, pipeline, workers: int, task=None, task_many=None):
        self.pipeline = pipeline
        self.task = task or analyse_one
        self.task_many = task_many
        self.workers = max(1, workers)
        self.window = CHUNKS_PER_WORKER * self.workers
        self.pool = None
        if self.workers > 1:
            # spawned, not forked: this process has threads (the executor's own, the models'), and a
            # child forked while one of them holds a lock waits forever; a fork server would outlive the
            # run with the environment of its first use. Each worker loads the models once.
            self.pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"), initializer=_init,
                                            initargs=(pipeline, self.task, task_many))

    def map(self, items: Iterable) -> Iterator[tuple]:
        """(item, result) in the order of ``items``; an item that is not a capture comes back with
        result None, in its place."""
        pending: deque = deque()  # (items, future): a chunk of captures, or one other item with None
        for chunk in self._chunks(items):
            pending.append((chunk, self._submit(chunk) if _is_capture(chunk[0]) else None))
            while len(pending) > (self.window if self.pool else 0):
                yield from self._done(*pending.popleft())
        while pending:
            yield from self._done(*pending.popleft())

    def _chunks(self, items: Iterable) -> Iterator[list]:
        """Runs of captures (with no worker processes: one at a time, or a group where a group task is
        given), each other item alone."""
        chunk: list = []
        size = 0
        for item in items:
            if not _is_capture(item):
                if chunk:
                    yield chunk
                    chunk, size = [], 0
                yield [item]
                continue
            chunk.append(item)
            size += len(item.raw)
            if len(chunk) >= (CHUNK_DOCUMENTS if self.pool else _group_size(self.task_many)) or size >= CHUNK_BYTES:
                yield chunk
                chunk, size = [], 0
        if chunk:
            yield chunk

    def _submit(self, chunk: list):
        if self.pool is None:
            return LOCAL
        try:
            return self.pool.submit(_work, chunk)
        except BrokenProcessPool:
            self._give_up()
            return LOCAL

    def _done(self, chunk: list, future) -> Iterator[tuple]:
        if future is None:
            yield chunk[0], None
            return
        if future is LOCAL:
            yield from self._here(chunk)
            return
        try:
            results = future.result(LOST_AFTER * len(chunk))
        except BrokenProcessPool:
            self._give_up()
            yield from self._here(chunk)
            return
        except FutureTimeout:
            lost = f"analysis failed: no result after {LOST_AFTER * len(chunk):.0f} s (its worker process was lost)"
            yield from ((item, (None, lost)) for item in chunk)
            return
        for item, (result, error) in zip(chunk, results):
            if error == INTERRUPTED:
                raise KeyboardInterrupt
            yield item, (result, error)

    def _here(self, chunk: list) -> Iterator[tuple]:
        for group in _groups(chunk, self.task_many):
            if len(group) > 1:
                yield from zip(group, self.task_many(self.pipeline, group))
            else:
                yield group[0], self.task(self.pipeline, group[0])

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
