"""The Apache Spark engine: ``garante analyze --engine spark --master URL --out DIR``.

The way Common Crawl's PySpark examples (cc-pyspark) process web archives: the driver lists the input
files, the executors each read whole files (a WARC or JSONL file is one task's work, records streamed)
and emit rows; the job writes them as Parquet datasets. Borrowed from there: one file per task, a
per-record try/except that counts a bad record instead of failing the job, and a process-wide cache of
the expensive object (their WARC/ARC parser, our pipeline) so that a Python worker that Spark reuses for
many tasks loads the models once. Written anew here; cc-pyspark is MIT-licensed.

The driver lists files exactly as a local run does and numbers them; each document keeps its file and
record number, and ``garante load`` writes the datasets into a store in that order, so the store and
its exports equal a local run's.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from . import parquet
from .inputs import input_files

_PIPELINES: dict[tuple, Any] = {}  # one pipeline per executor Python process and context


@dataclass(frozen=True)
class Job:
    """What each task needs, small enough to ship with it."""
    kb_dirs: tuple[str, ...]
    codebook_files: tuple[str, ...]
    embeddings: bool
    version: str
    max_bytes: int | None

    @classmethod
    def of(cls, ctx, max_bytes: int | None) -> "Job":
        return cls(tuple(map(str, ctx.kb_dirs)), tuple(map(str, ctx.codebook_files)), ctx.embeddings,
                   ctx.version, max_bytes)

    def pipeline(self):
        key = (self.kb_dirs, self.codebook_files, self.embeddings)
        if key not in _PIPELINES:
            from ..pipeline import Context, Pipeline
            _PIPELINES[key] = Pipeline(Context(kb_dirs=[Path(d) for d in self.kb_dirs],
                                               codebook_files=[Path(f) for f in self.codebook_files],
                                               embeddings=self.embeddings))
        return _PIPELINES[key]


def analyse_file(job: Job, file_index: int, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(dataset, row) for every record of one input file; a bad record is an ``errors`` row."""
    from ..batch import _new_entities
    from ..ingest import IngestError, read_inputs
    from .pool import analyse_one
    pipeline = job.pipeline()
    seen: set[str] = set()
    kwargs = {"max_bytes": job.max_bytes} if job.max_bytes else {}
    for record, item in enumerate(read_inputs([path], **kwargs)):
        place = (file_index, record)
        if isinstance(item, IngestError):
            yield "errors", parquet.error_row(place, item.source, item.location, item.message)
            continue
        doc, error = analyse_one(pipeline, item)
        if error:
            yield "errors", parquet.error_row(place, item.source, None, error)
            continue
        rows = parquet.document_rows(doc, job.version, place, _new_entities(doc, pipeline.ctx, seen))
        for table, records in rows.items():
            for r in records:
                yield table, r


@dataclass
class SparkReport:
    documents: int = 0
    errors: list[str] | None = None
    loaded: Any = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        text = f"spark: {self.documents} analysed, {len(self.errors or [])} failed in {self.seconds:.1f}s"
        return text + (f"; loaded: {self.loaded.summary()}" if self.loaded else "")


def session(master: str, workers: int | None = None):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors run this interpreter
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    builder = (SparkSession.builder.master(master).appName("garante")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", str(workers or 4))
               .config("spark.python.worker.reuse", "true").config("spark.ui.showConsoleProgress", "false"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def analyze_spark(paths: list[str], ctx, out: str | None, db: str | None = None, master: str = "local[2]",
                  max_bytes: int | None = None, workers: int | None = None, spark=None) -> SparkReport:
    """Analyses ``paths`` on Spark into Parquet datasets under ``out``; with ``db``, loads them into
    that store too."""
    import time
    t0 = time.perf_counter()
    if not out:
        raise ValueError("the Spark engine writes Parquet datasets: give it an output folder (--out DIR)")
    files = input_files(paths)
    spark = spark or session(master, workers)
    job = Job.of(ctx, max_bytes)
    slices = max(1, min(len(files), 4 * spark.sparkContext.defaultParallelism))
    rows = (spark.sparkContext.parallelize(list(enumerate(files)), slices)
            .flatMap(lambda f: analyse_file(job, f[0], f[1])))
    from pyspark import StorageLevel
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for table in parquet.COLUMNS:
            _write(spark, rows, table, out)
        errors = rows.filter(lambda r: r[0] == "errors").map(lambda r: r[1]).collect()
        documents = rows.filter(lambda r: r[0] == "documents").count()
    finally:
        rows.unpersist()
    report = SparkReport(documents, [f"{e['source']}: {e['message']}" for e in
                                     sorted(errors, key=lambda e: (e["input_file"], e["input_record"]))])
    if db:
        from ..store import Store
        from .load import load
        with Store(db) as store:
            report.loaded = load(out, store)
    report.seconds = time.perf_counter() - t0
    return report


def _write(spark, rows, table: str, out: str) -> None:
    from pyspark.sql import types as T
    kinds = {parquet.S: T.StringType(), parquet.I: T.LongType(), parquet.F: T.DoubleType()}
    columns = parquet.COLUMNS[table]
    schema = T.StructType([T.StructField(name, kinds[kind], True) for name, kind in columns])
    data = rows.filter(lambda r: r[0] == table).map(lambda r: tuple(r[1][name] for name, _ in columns))
    spark.createDataFrame(data, schema).write.mode("overwrite").parquet(str(Path(out) / table))
