"""Batch analysis: ingest → clean → extract → store, one transaction per document.

Idempotent: a capture whose content is already stored by the same pipeline version is skipped, so an
interrupted run can simply be run again. Bad input is reported and counted, never fatal. With
``workers`` > 1 documents are analysed in that many processes and written by this one, in input order:
the store ends up the same as after a one-worker run. Runs sharing a store claim each capture before
analysing it, so each document is analysed by one of them.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .ingest import Capture, IngestError
from .document import content_hash
from .pipeline import Context, Pipeline
from .scale.inputs import Reading, input_files
from .scale.pool import WorkerPool, analyse_one, failure
from .store import Store, rows
from .store.rows import DocumentRows

PROGRESS_SECONDS = 5.0


@dataclass
class RunReport:
    analysed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # inputs read after a repair: analysed, not failed
    seconds: float = 0.0
    elsewhere: int = 0  # claimed by another run analysing the same store at the same time

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        other = f", {self.elsewhere} left to another run" if self.elsewhere else ""
        repaired = f", {len(self.warnings)} read after a repair" if self.warnings else ""
        return (f"{self.analysed} analysed, {self.skipped} already stored{other}, {len(self.errors)} failed"
                f"{repaired} in {self.seconds:.1f}s")


def analyze(paths: Iterable[str], store: Store, ctx: Context | None = None, force: bool = False,
            progress: Callable[[str], None] | None = None, max_bytes: int | None = None,
            pipeline: Pipeline | None = None, workers: int = 1) -> RunReport:
    """``progress`` gets a line for each error; one with a ``tick(report, fraction, source)`` method
    (``scale.progress.Progress``) is also told of each document, others get a line every 25."""
    pipeline = pipeline or Pipeline(ctx or Context())
    ctx = pipeline.ctx
    report = RunReport()
    t0 = time.perf_counter()
    seen_entities: set[str] = set()
    own = [] if "://" in store.location else [store.location + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    reading = Reading(input_files(paths, exclude=own))
    todo = _to_analyse(reading.items(max_bytes), store, ctx.version, force, report)
    writer = Writer(store)
    try:
        with WorkerPool(pipeline, workers, task=analyse_rows, task_many=analyse_rows_many) as pool:
            for item, result in pool.map(todo):
                if isinstance(item, IngestError):
                    _told(report, store, progress, item)
                    continue
                prepared, error = result
                if error:
                    store.release(content_hash(item.raw))
                    _failed(report, store, progress, item.source, None, error)
                    continue
                prepared.entities = [e for e in prepared.entities if e["id"] not in seen_entities]
                seen_entities.update(e["id"] for e in prepared.entities)
                writer.add(prepared)
                report.analysed += 1
                _tell(progress, report, reading, item.source, t0)
    except KeyboardInterrupt:
        writer.flush()  # what was analysed before the interruption is kept
        raise
    writer.flush()
    report.seconds = time.perf_counter() - t0
    return report


def analyse_rows(pipeline: Pipeline, capture: Capture):
    """(rows to store, None) or (None, error message); runs in the worker processes, so the writer
    only inserts rows."""
    doc, error = analyse_one(pipeline, capture)
    return (None, error) if error else _prepared(pipeline, doc)


def analyse_rows_many(pipeline: Pipeline, captures: list[Capture]) -> list[tuple]:
    """``analyse_rows`` of several captures, the models called once for them all (Pipeline.run_many,
    which gives each document what it would get alone); results in order, each failure its own."""
    from .clean import clean
    docs, out = [], []
    for capture in captures:
        try:
            docs.append(clean(capture))
            out.append(None)
        except Exception as e:
            docs.append(None)
            out.append((None, failure(e)))
    going = [k for k, doc in enumerate(docs) if doc is not None]
    for k, error in zip(going, pipeline.run_many([docs[k] for k in going])):
        out[k] = (None, failure(error)) if error else _prepared(pipeline, docs[k])
    return out


def _prepared(pipeline: Pipeline, doc) -> tuple:
    try:
        return rows.prepare(doc, pipeline.ctx.version, pipeline.ctx.kb), None
    except Exception as e:
        return None, failure(e)


class Writer:
    """Analysed documents written a group at a time, each group one transaction: a commit per
    document was much of the writer's time. A group is written when it is large or old, so other
    readers of the store see new documents within a second or two."""
    DOCUMENTS = 64
    SECONDS = 1.0

    def __init__(self, store: Store):
        self.store = store
        self.group: list[DocumentRows] = []
        self.since = 0.0

    def add(self, prepared: DocumentRows) -> None:
        if not self.group:
            self.since = time.monotonic()
        self.group.append(prepared)
        if len(self.group) >= self.DOCUMENTS or time.monotonic() - self.since >= self.SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.group:
            group, self.group = self.group, []
            self.store.save_many(group)


def _to_analyse(items: Iterator, store: Store, version: str, force: bool, report: RunReport) -> Iterator:
    """Ingest errors and the captures this run is to analyse (claimed for it), in input order. A
    content met again while the first copy is still in flight counts as stored, as it would be in a
    one-worker run."""
    taken: set[str] = set()
    for item in items:
        if isinstance(item, IngestError):
            yield item
            continue
        assert isinstance(item, Capture)
        digest = content_hash(item.raw)
        if digest in taken or (_stored(store, digest, version) and not force):
            report.skipped += 1
            continue
        if not store.claim(digest):
            report.elsewhere += 1
            continue
        if _stored(store, digest, version) and not force:  # finished by another run meanwhile
            store.release(digest)
            report.skipped += 1
            continue
        taken.add(digest)
        yield item


def _stored(store: Store, digest: str, version: str) -> bool:
    existing = store.find_document(digest)
    return bool(existing) and existing["pipeline_version"] == version


def _failed(report: RunReport, store: Store, progress, source: str, location: str | None, message: str) -> None:
    _told(report, store, progress, IngestError(source, location, message))


def _told(report: RunReport, store: Store, progress, note: IngestError) -> None:
    """Logs a bad input and tells it: a failure, or a warning where the input was read after a repair (its
    captures analysed)."""
    (report.warnings if note.warning else report.errors).append(str(note))
    store.log_error(note.source, note.location, note.message)
    if progress:
        progress(f"{'warning' if note.warning else 'error'}: {note}")


def _tell(progress, report: RunReport, reading: Reading, source: str, t0: float) -> None:
    if progress is None:
        return
    if hasattr(progress, "tick"):
        progress.tick(report, reading.fraction, source)
    elif report.analysed % 25 == 0:
        rate = report.analysed / max(time.perf_counter() - t0, 1e-9)
        read = report.analysed + report.skipped + report.elsewhere + len(report.errors)
        progress(f"{read} read: {report.analysed} analysed, {report.skipped} already stored, "
                 f"{len(report.errors)} failed ({rate:.1f} documents/s); last: {source}")


def _new_entities(doc, ctx: Context, seen: set[str]) -> list[dict]:
    """The entities ``doc`` refers to that are not in ``seen`` (added to it)."""
    out = [e for e in rows.entity_rows(doc, ctx.kb) if e["id"] not in seen]
    seen.update(e["id"] for e in out)
    return out


def stderr_progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
