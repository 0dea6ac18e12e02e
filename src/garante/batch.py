"""Batch analysis: ingest → clean → extract → store, one transaction per document.

Idempotent: a capture whose content is already stored by the same pipeline version is skipped, so an
interrupted run can simply be run again. Bad input is reported and counted, never fatal.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .ingest import Capture, IngestError, read_inputs
from .document import content_hash
from .pipeline import Context, Pipeline
from .store import Store

PROGRESS_SECONDS = 5.0


@dataclass
class RunReport:
    analysed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (f"{self.analysed} analysed, {self.skipped} already stored, {len(self.errors)} failed "
                f"in {self.seconds:.1f}s")


def analyze(paths: Iterable[str], store: Store, ctx: Context | None = None, force: bool = False,
            progress: Callable[[str], None] | None = None, max_bytes: int | None = None,
            pipeline: Pipeline | None = None) -> RunReport:
    pipeline = pipeline or Pipeline(ctx or Context())
    ctx = pipeline.ctx
    version = ctx.version
    report = RunReport()
    t0 = last = time.perf_counter()
    seen_entities: set[str] = set()
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    own = [] if "://" in store.location else [store.location + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    for n, item in enumerate(read_inputs(paths, exclude=own, **kwargs), 1):
        if isinstance(item, IngestError):
            report.errors.append(str(item))
            store.log_error(item.source, item.location, item.message)
            if progress:
                progress(f"error: {item}")
            continue
        assert isinstance(item, Capture)
        existing = store.find_document(content_hash(item.raw))
        if existing and existing["pipeline_version"] == version and not force:
            report.skipped += 1
            continue
        try:
            doc = pipeline.analyse_capture(item)
        except Exception as e:  # a bug on one document must not lose the run
            msg = f"{item.source}: analysis failed: {type(e).__name__}: {e}"
            report.errors.append(msg)
            store.log_error(item.source, None, f"analysis failed: {type(e).__name__}: {e}")
            if progress:
                progress(f"error: {msg}")
            continue
        store.upsert_entities(_new_entities(doc, ctx, seen_entities))
        store.save_document(doc, version)
        report.analysed += 1
        # a line every 25 documents or every few seconds, whichever comes first, on long runs
        if progress and (report.analysed % 25 == 0 or time.perf_counter() - last >= PROGRESS_SECONDS):
            last = time.perf_counter()
            rate = report.analysed / max(last - t0, 1e-9)
            progress(f"{n} read: {report.analysed} analysed, {report.skipped} already stored, "
                     f"{len(report.errors)} failed ({rate:.1f} documents/s); last: {item.source}")
    report.seconds = time.perf_counter() - t0
    return report


def _new_entities(doc, ctx: Context, seen: set[str]) -> list[dict]:
    out = []
    ids = {s.attrs.get("entity_id") for s in doc.spans if s.layer == "mention"}
    for st in doc.statements:
        ids.update({st.speaker_entity_id, st.on_behalf_of_id, st.addressee_id})
    for eid in sorted(i for i in ids if i and i not in seen):
        seen.add(eid)
        e = ctx.kb.get(eid)
        if e is not None:
            out.append({"id": e.id, "name": e.name, "type": e.type, "origin": "kb",
                        "data": {"aliases": e.aliases, "part_of": e.part_of}})
        else:
            name = next((s.attrs.get("name") for s in doc.spans
                         if s.layer == "mention" and s.attrs.get("entity_id") == eid), None)
            etype = next((s.label for s in doc.spans
                          if s.layer == "mention" and s.attrs.get("entity_id") == eid), "")
            out.append({"id": eid, "name": name or eid, "type": etype, "origin": "discovered"})
    return out


def stderr_progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
