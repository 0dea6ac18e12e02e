"""garante analyze / export."""
from __future__ import annotations

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
    p.set_defaults(func=run_analyze)

    p = sub.add_parser("export", help="write documents.jsonl and positions.json")
    add_db(p)
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=run_export)


def run_analyze(args) -> int:
    from ..batch import analyze, stderr_progress
    from ..store import Store
    ctx = context_from(args)
    with Store(args.db) as store:
        report = analyze(args.paths, store, ctx, force=args.force, max_bytes=args.max_bytes,
                         progress=None if args.quiet else stderr_progress)
        stats = store.stats()
    print(f"{report.summary()}; store {args.db}: {stats['documents']} documents, "
          f"{stats['statements']} statements, {stats['stances']} stances")
    if args.quiet:  # without --quiet each error was already printed once, as it happened
        for err in report.errors:
            print(f"error: {err}", file=sys.stderr)
    return 0 if report.ok else 1


def run_export(args) -> int:
    from ..present.export import export
    from .documents import open_existing
    with open_existing(args.db) as store:
        paths = export(store, args.out)
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0
