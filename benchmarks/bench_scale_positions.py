"""Positions over many synthetic stances: today's Python (every stance loaded) against the same rules in
SQL (``positions_sql``), with and without the evidence lists; time and peak memory, in one run.

    python benchmarks/bench_scale_positions.py [--stances 1000000] [--postgres URL] [--keep DB]

Each measurement runs in a fresh process (its peak RSS is its own); the outputs are compared (the same
JSON, hashed). The CPU seconds are the client's (on PostgreSQL the server's work is not in them). Synthetic stances: scale.synthetic.fill (10 stances a document, 200 persons, 8 states,
same-date evidence, neutral and undated statements, unknown speakers).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def measure(how: str, location: str) -> None:
    """In a fresh process: compute, print {seconds, peak_mb, rows, digest}."""
    from garante.analyse.positions import positions
    from garante.analyse.positions_sql import positions_sql
    from garante.store import Store
    with Store(location) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        if how == "python":
            rows = positions(store)
        else:
            rows = positions_sql(store, evidence=(how == "sql"))
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    digest = hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]
    print(json.dumps({"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "rows": len(rows), "digest": digest,
                      "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def run(how: str, location: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", how, "--db", location], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(location: str, label: str) -> None:
    results = {how: run(how, location) for how in ("python", "sql", "sql-summary")}
    base = results["python"]
    for how, r in results.items():
        print(f"{label:>8} {how:>12}: {r['seconds']:8.2f} s (this process's CPU {r['cpu_seconds']:.1f} s)  peak {r['peak_mb']:6d} MB  {r['rows']} positions  "
              f"time {r['seconds'] / base['seconds']:.2f}x  memory {r['peak_mb'] / base['peak_mb']:.2f}x", flush=True)
    same = results["sql"]["digest"] == base["digest"]
    print(f"{label:>8} sql output {'identical to' if same else 'DIFFERENT from'} python")


def fill(location: str, stances: int) -> None:
    from garante.scale.synthetic import fill as fill_store
    from garante.store import Store
    t0 = time.perf_counter()
    with Store(location) as store:
        if store.stats()["stances"] == 0:
            fill_store(store, stances)
        n = store.stats()["stances"]
    print(f"{n} stances in {location} ({time.perf_counter() - t0:.0f} s to fill)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stances", type=int, default=1_000_000)
    ap.add_argument("--postgres", metavar="URL", help="also on this PostgreSQL database ('auto': a throw-away "
                    "server started as the tests start one)")
    ap.add_argument("--keep", metavar="DB", help="SQLite file to fill (or reuse) and keep")
    ap.add_argument("--skip-sqlite", action="store_true", help="only the PostgreSQL measurements")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        return measure(a.measure, a.db)
    if not a.skip_sqlite:
        db = a.keep or str(Path(tempfile.mkdtemp(prefix="garante-bench-positions-")) / "stances.db")
        fill(db, a.stances)
        compare(db, "sqlite")
    if a.postgres == "auto":
        sys.path.insert(0, str(ROOT / "tests"))
        from postgres_server import PostgresServer
        server = PostgresServer()
        try:
            url = server.start()
            fill(url, a.stances)
            compare(url, "postgres")
        finally:
            server.stop()
    elif a.postgres:
        fill(a.postgres, a.stances)
        compare(a.postgres, "postgres")


if __name__ == "__main__":
    main()
