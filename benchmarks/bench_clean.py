"""Cleaning throughput on one core, against trafilatura on the same documents as HTML.

    python benchmarks/bench_clean.py [--seconds S] [PATH ...]

Reads the text captures of the sample corpus, the test captures and the seeds (when present), times garante's cleaning
(line classification, metadata, language identification) and, as the baseline of the same run,
trafilatura's extraction with metadata on each capture rendered as a simple HTML page (one <p> a line).
Prints documents/s and MB/s per CPU-second of this process (and documents/s of wall time), and the
ratio garante / trafilatura.
"""
from __future__ import annotations

import argparse
import html
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def as_html(capture) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(line.strip())}</p>" for line in capture.raw.splitlines() if line.strip())
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title></title></head>\n"
            f"<body>\n{paragraphs}\n</body></html>")


def timed(fn, items, seconds: float) -> tuple[int, float]:
    """(passes, CPU seconds): whole passes over ``items`` until at least ``seconds`` of this process's CPU
    time have gone by. CPU time, not wall time: on a shared machine other processes' load would otherwise
    count against the cleaner (the wall-clock figure is printed too)."""
    passes, t0, w0 = 0, time.process_time(), time.perf_counter()
    while True:
        for it in items:
            fn(it)
        passes += 1
        dt = time.process_time() - t0
        if dt >= seconds:
            timed.wall = time.perf_counter() - w0
            return passes, dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--seconds", type=float, default=3.0, help="time per measurement (default 3)")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the targets say

    import trafilatura
    from garante.clean import clean
    from garante.ingest import Capture, read_inputs

    seeds = ROOT.parent / "shared" / "seeds"
    paths = a.paths or ([str(ROOT / "examples"), str(ROOT / "tests" / "data" / "clean")]
                        + ([str(seeds)] if seeds.is_dir() else []))
    captures = [c for c in read_inputs(paths) if isinstance(c, Capture) and c.format == "text"]
    pages = [as_html(c) for c in captures]
    mb_text = sum(len(c.raw.encode("utf-8")) for c in captures) / 1e6
    mb_html = sum(len(p.encode("utf-8")) for p in pages) / 1e6

    def garante_clean(c):
        clean(c)

    def trafilatura_extract(p):
        trafilatura.bare_extraction(p, with_metadata=True, include_comments=False, include_tables=False,
                                    favor_precision=True)

    for c, p in zip(captures, pages):  # warm-up: language data, lingua model, trafilatura's caches
        garante_clean(c)
        trafilatura_extract(p)

    n = len(captures)
    print(f"corpus: {n} text captures, {mb_text:.3f} MB as text, {mb_html:.3f} MB as HTML ({', '.join(paths)})")
    print(f"{'cleaner':28} {'docs/s':>9} {'MB/s':>8} {'x trafilatura':>14} {'docs/s (wall)':>14}")
    passes, dt = timed(trafilatura_extract, pages, a.seconds)
    base = passes * n / dt
    print(f"{'trafilatura (HTML, baseline)':28} {base:9.1f} {passes * mb_html / dt:8.3f} {1.0:14.2f} "
          f"{passes * n / timed.wall:14.1f}")
    passes, dt = timed(garante_clean, captures, a.seconds)
    dps = passes * n / dt
    print(f"{'garante (text captures)':28} {dps:9.1f} {passes * mb_text / dt:8.3f} {dps / base:14.2f} "
          f"{passes * n / timed.wall:14.1f}")
    target = 300
    print(f"target: >= {target} documents/s on one core: {'met' if dps >= target else 'NOT met'}")


if __name__ == "__main__":
    main()
