"""garante analyze / export."""
from __future__ import annotations

import os
import sys

from . import add_db, add_knowledge, context_from


def register(sub) -> None:
    p = sub.add_parser("analyze", help="read captures (files, folders, JSONL, WARC, - for stdin) into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_db(p)
    add_knowledge(p)
    p.add_argument("--force", action="store_true", help="re-analyse documents already stored")
    p.add_argument("--embeddings", action="store_true", help="use the sentence-embedding model for issues")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress lines")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="refuse captures larger than N bytes (default: 20 MB)")
    p.add_argument("--workers", type=_positive, default=None, metavar="N",
                   help="processes analysing documents (default: the machine's cores); one writes the store")
    p.add_argument("--engine", choices=["local", "spark"], default="local",
                   help="local processes, or Apache Spark (writes Parquet datasets, see --out)")
    p.add_argument("--master", default="local[2]", metavar="URL", help="Spark master (with --engine spark)")
    p.add_argument("--out", metavar="DIR", help="with --engine spark: the Parquet datasets' folder")
    p.set_defaults(func=run_analyze)

    p = sub.add_parser("export", help="write documents.jsonl and positions.json")
    add_db(p)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--parquet", action="store_true",
                   help="also write Parquet datasets (documents, spans, statements, stances, entities, errors)")
    p.set_defaults(func=run_export)

    p = sub.add_parser("load", help="import Parquet datasets (from --engine spark or export --parquet) into a store")
    p.add_argument("folder", metavar="DIR")
    add_db(p)
    p.add_argument("--force", action="store_true", help="replace documents already stored")
    p.set_defaults(func=run_load)


def _positive(text: str) -> int:
    n = int(text)
    if n < 1:
        raise ValueError(text)
    return n


def run_analyze(args) -> int:
    from ..batch import analyze
    from ..scale.progress import Progress
    from ..store import Store
    ctx = context_from(args)
    if args.engine == "spark":
        return run_spark(args, ctx)
    progress = None if args.quiet else Progress()
    with Store(args.db) as store:
        try:
            report = analyze(args.paths, store, ctx, force=args.force, max_bytes=args.max_bytes,
                             progress=progress, workers=args.workers or os.cpu_count() or 1)
        finally:
            if progress:
                progress.finish()
        stats = store.stats()
    print(f"{report.summary()}; store {args.db}: {stats['documents']} documents, "
          f"{stats['statements']} statements, {stats['stances']} stances")
    if args.quiet:  # without --quiet each error was already printed once, as it happened
        for note in report.warnings:
            print(f"warning: {note}", file=sys.stderr)
        for err in report.errors:
            print(f"error: {err}", file=sys.stderr)
    return 0 if report.ok else 1


def run_spark(args, ctx) -> int:
    import shutil
    from ..scale.spark import analyze_spark
    if not args.out:
        print("garante: --engine spark writes Parquet datasets: give it --out DIR", file=sys.stderr)
        return 2
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("garante: --engine spark needs PySpark: pip install 'garante[spark]'", file=sys.stderr)
        return 2
    if args.master.startswith("local") and not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        print("garante: Spark needs Java 17 (apt-get install openjdk-17-jre-headless, or set JAVA_HOME)",
              file=sys.stderr)
        return 2
    report = analyze_spark(args.paths, ctx, out=args.out, db=args.db, master=args.master,
                           max_bytes=args.max_bytes, workers=args.workers)
    print(report.summary())
    for err in report.errors:
        print(f"error: {err}", file=sys.stderr)
    return 0 if report.ok else 1


def run_export(args) -> int:
    from ..present.export import export
    from .documents import open_existing
    with open_existing(args.db) as store:
        paths = export(store, args.out)
        if args.parquet:
            from ..scale.parquet import export_parquet
            paths["parquet"] = export_parquet(store, f"{args.out}/parquet")
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def run_load(args) -> int:
    from ..scale.load import load
    from ..store import Store
    with Store(args.db) as store:
        report = load(args.folder, store, force=args.force)
        stats = store.stats()
    print(f"{report.analysed} loaded, {report.skipped} already stored, {len(report.errors)} input errors recorded; "
          f"store {args.db}: {stats['documents']} documents, {stats['statements']} statements")
    return 0
