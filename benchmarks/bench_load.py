"""Reads under writes, on loopback: `garante serve` over a 10,000-document store, 8 concurrent readers,
first alone, then with an analyst's corrections arriving at 10 a second.

    python benchmarks/bench_load.py [--docs 10000] [--seconds 20] [--readers 8] [--rate 10] [--db PATH]

The store is generated as in bench_web.py. Readers loop over the pages and API calls analysts use
most (a document, its JSON, positions of an actor on an issue, the matrix, the overview, a search,
the evidence of a cell); the writer posts stance and speaker corrections on random statements at
``--rate`` a second, each from its own thread (a slow answer does not slow the rate). Printed: read
throughput and p95 in each phase and their ratio (the target: p95 under 300 ms, throughput within 2x
of the read-only figure), errors (the target: none), and whether every accepted correction is in the
store afterwards.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_web import ACTORS, ISSUES, STANCES, generate  # noqa: E402

TOKEN = "bench-load-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    garante = Path(sys.executable).with_name("garante")
    proc = subprocess.Popen([str(garante), "serve", "--db", db, "--port", str(port)], stderr=subprocess.PIPE,
                            env={**os.environ, "GARANTE_TOKEN": TOKEN})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            # the positions are computed at start (seconds on 10,000 documents): measured are the reads of
            # a running workbench, not its start, so the first position read is waited for
            c.request("GET", "/api/positions?limit=1")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start: " + proc.stderr.read().decode())


def read_urls(ids: list[int], rnd: random.Random):
    actor = lambda: rnd.choice(ACTORS)[2]
    return [lambda: f"/documents/{rnd.choice(ids)}", lambda: f"/api/documents/{rnd.choice(ids)}",
            lambda: f"/api/positions?actor={actor()}&issue={rnd.choice(ISSUES)}", lambda: "/matrix",
            lambda: "/api/overview", lambda: f"/api/search?q={rnd.choice(['troops', 'tregua', 'sanctions'])}",
            lambda: f"/evidence?actor={actor()}&issue={rnd.choice(ISSUES)}"]


def reader(port: int, ids: list[int], stop: threading.Event, out: list, errors: list, seed: int) -> None:
    rnd = random.Random(seed)
    urls = read_urls(ids, rnd)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while not stop.is_set():
        url = rnd.choice(urls)()
        t = time.perf_counter()
        try:
            conn.request("GET", url)
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                errors.append(f"GET {url}: {r.status}")
        except OSError as e:
            errors.append(f"GET {url}: {e}")
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        out.append((time.perf_counter() - t, url.split("?")[0].rstrip("0123456789")))


def correction(port: int, sids: list[int], rnd: random.Random, accepted: list, errors: list) -> None:
    sid = rnd.choice(sids)
    if rnd.random() < 0.7:
        path, body = "/api/corrections/stance", {"statement_id": sid, "issue": rnd.choice(ISSUES),
                                                  "stance": rnd.choice(STANCES)}
    else:
        path, body = "/api/corrections/speaker", {"statement_id": sid, "entity_id": rnd.choice(ACTORS)[0]}
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request("POST", path, json.dumps(body), {"Content-Type": "application/json",
                                                   "Authorization": f"Bearer {TOKEN}"})
        r = c.getresponse()
        data = r.read()
        if r.status == 201:
            accepted.append(json.loads(data)["id"])
        else:
            errors.append(f"POST {path}: {r.status} {data[:100]!r}")
    except OSError as e:
        errors.append(f"POST {path}: {e}")


def phase(port: int, ids: list[int], sids: list[int], seconds: float, readers: int, rate: float) -> dict:
    stop = threading.Event()
    times: list[float] = []
    errors: list[str] = []
    accepted: list[int] = []
    threads = [threading.Thread(target=reader, args=(port, ids, stop, times, errors, k)) for k in range(readers)]
    for t in threads:
        t.start()
    writers = []
    rnd = random.Random(99)
    t0 = time.perf_counter()
    n = 0
    while time.perf_counter() - t0 < seconds:
        if rate and time.perf_counter() - t0 >= n / rate:
            w = threading.Thread(target=correction, args=(port, sids, random.Random(rnd.random()), accepted, errors))
            w.start()
            writers.append(w)
            n += 1
        time.sleep(0.005)
    stop.set()
    for t in threads + writers:
        t.join()
    elapsed = time.perf_counter() - t0
    by_path: dict[str, list[float]] = {}
    for took, path in times:
        by_path.setdefault(path, []).append(took * 1000)
    flat = sorted(took * 1000 for took, _ in times)
    return {"reads": len(flat), "rps": len(flat) / elapsed, "p95": p95(flat),
            "median": statistics.median(flat) if flat else float("nan"),
            "paths": {k: p95(sorted(v)) for k, v in sorted(by_path.items())},
            "errors": errors, "accepted": accepted, "sent": n}


def p95(ms: list[float]) -> float:
    return ms[int(0.95 * (len(ms) - 1))] if ms else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--rate", type=float, default=10, help="corrections a second in the second phase")
    ap.add_argument("--db", help="store to use (generated when missing)")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="garante-bench-load-")
    db = a.db or str(Path(tmp) / "bench.db")
    if not Path(db).exists():
        print(f"generated {a.docs} documents in {generate(db, a.docs):.1f} s -> {db}")
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM documents")]
    sids = [r[0] for r in con.execute("SELECT id FROM statements")]
    con.close()
    port = free_port()
    proc = start_server(db, port)
    try:
        base = phase(port, ids, sids, a.seconds, a.readers, 0)
        load = phase(port, ids, sids, a.seconds, a.readers, a.rate)
    finally:
        proc.terminate()
        proc.wait(30)
    con = sqlite3.connect(db)
    stored = {r[0] for r in con.execute("SELECT id FROM corrections")}
    missing = [i for i in load["accepted"] if i not in stored]
    for name, r in (("read-only", base), (f"with {a.rate:g} corrections/s", load)):
        print(f"{name:26} {r['rps']:6.1f} reads/s  median {r['median']:6.1f} ms  p95 {r['p95']:6.1f} ms  "
              f"errors {len(r['errors'])}")
    print("p95 by path (read-only / under writes): " + ", ".join(
        f"{k} {base['paths'].get(k, 0):.0f}/{v:.0f} ms" for k, v in load["paths"].items()))
    print(f"corrections: {load['sent']} sent, {len(load['accepted'])} accepted, {len(missing)} missing from the store")
    ratio = base["rps"] / max(load["rps"], 1e-9)
    ok = load["p95"] < 300 and ratio <= 2 and not base["errors"] and not load["errors"] and not missing
    print(f"load average (1, 5, 15 min) at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs (the machine's other work slows the server too)")
    print(f"read throughput ratio (read-only / under writes): {ratio:.2f}; p95 under writes {load['p95']:.0f} ms: "
          f"{'OK' if ok else 'OVER TARGET'}")
    for e in (base["errors"] + load["errors"])[:10]:
        print("error:", e)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
