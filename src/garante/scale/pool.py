"""Analysis in worker processes, results given back in input order.

Each worker process builds (or, forked, inherits) one pipeline and keeps it for every document it is
given: models are loaded once per process, never per document. The caller stays the only writer of
the store, and writes in input order, so ids and exports are those of a one-process run.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
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
LOST_AFTER = 900.0  # seconds: a result this late means its worker died (killed, out of memory)


def _work(capture):
    try:
        return analyse_one(_PIPELINE, capture)
    except BaseException:  # Ctrl-C or an exit inside a worker: the writer stops the run, as with one worker
        return None, INTERRUPTED


class WorkerPool:
    """``with WorkerPool(pipeline, 4) as pool: for capture, (doc, err) in pool.map(captures): ...``

    At most ``window`` captures are in flight, so memory stays bounded whatever the input's size.
    With one worker everything runs in this process.
    """

    def __init__(self, pipeline, workers: int, window: int | None = None):
        self.pipeline = pipeline
        self.workers = max(1, workers)
        self.window = window or 4 * self.workers
        self.pool = None
        if self.workers > 1:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            if method == "fork":
                _load_models(pipeline)
            self.pool = mp.get_context(method).Pool(self.workers, initializer=_init, initargs=(pipeline,))

    def map(self, items: Iterable) -> Iterator[tuple]:
        """(item, result) in the order of ``items``; an item that is not a capture comes back with
        result None, in its place."""
        if self.pool is None:
            for item in items:
                yield item, (analyse_one(self.pipeline, item) if _is_capture(item) else None)
            return
        pending: deque = deque()
        for item in items:
            pending.append((item, self.pool.apply_async(_work, (item,)) if _is_capture(item) else None))
            while len(pending) >= self.window:
                yield _done(pending.popleft())
        while pending:
            yield _done(pending.popleft())

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _load_models(pipeline) -> None:
    """Loads the linguistic layer's models here, before the fork: the workers then share one copy
    (copy-on-write) instead of each loading its own."""
    if not any(type(c).__name__ == "LinguisticLayer" for c in pipeline.components):
        return
    from .. import nlp
    for folder in sorted(nlp.MODELS.glob("*_garante")):
        nlp.pipeline(folder.name.split("_")[0])


def _is_capture(item) -> bool:
    from ..ingest import Capture
    return isinstance(item, Capture)


def _done(entry) -> tuple:
    item, result = entry
    if result is None:
        return item, None
    try:
        doc, error = result.get(LOST_AFTER)
    except mp.TimeoutError:
        return item, (None, f"analysis failed: no result after {LOST_AFTER:.0f} s (its worker process was lost)")
    if error == INTERRUPTED:
        raise KeyboardInterrupt
    return item, (doc, error)
