"""``garante load``: Parquet datasets (from the Spark engine or another store) into a store, in input
order, so that the store matches what a local run on the same input writes. Idempotent like analyze:
documents already stored by the same pipeline version are skipped."""
from __future__ import annotations

import json
import time
from pathlib import Path

from ..batch import RunReport
from ..store import Store
from . import parquet


def load(folder: str | Path, store: Store, force: bool = False) -> RunReport:
    if not (Path(folder) / "documents").is_dir():
        from ..store import StoreError
        raise StoreError(f"{folder}: not a garante Parquet export (no documents/ dataset in it)")
    report = RunReport()
    t0 = time.perf_counter()
    entities = {e["id"]: {**e, "data": json.loads(e["data"] or "{}")} for e in parquet.read_table(folder, "entities")}
    store.upsert_entities(list(entities.values()))
    for e in sorted(parquet.read_table(folder, "errors"), key=lambda e: (e["input_file"], e["input_record"])):
        report.errors.append(f"{e['source']}:{e['location']}: {e['message']}" if e["location"]
                             else f"{e['source']}: {e['message']}")
        store.log_error(e["source"], e["location"], e["message"])
    for row, doc in parquet.documents(folder):
        stored = store.find_document(row["content_hash"])
        if stored and stored["pipeline_version"] == row["pipeline_version"] and not force:
            report.skipped += 1
            continue
        if not store.claim(row["content_hash"]):
            report.elsewhere += 1
            continue
        store.save_document(doc, row["pipeline_version"])
        store.release(row["content_hash"])
        report.analysed += 1
    report.seconds = time.perf_counter() - t0
    return report
