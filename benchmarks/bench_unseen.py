"""Throughput of two source trees on documents each process reads once (a before/after figure).

    python benchmarks/bench_unseen.py BASE_TREE NEW_TREE [--rounds N] [--warm PATH ...] [--read PATH ...]

``bench_ab.py`` passes over the same documents again and again: what a process keeps between documents
(the lemmatizer's table, the encoders' kept embedding rows, spaCy's tokenizer cache) is then always
there. Here each run is a fresh process per tree (both pinned to one core, never at the same time,
alternated A B B A): it loads the models, analyses the ``--warm`` captures (examples + seeds by default),
then times one pass over the ``--read`` captures (eval/heldout and eval/heldout2 by default), which it
has not seen. Prints CPU ms a document (all of it, and the linguistic layer) of each run, the medians and
the ratio NEW/BASE of the medians.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def worker(tree: str, warm: list[str], read: list[str], core: int) -> None:
    sys.path.insert(0, str(Path(tree) / "src"))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {core})
    from garante.clean import clean
    from garante.ingest import Capture, read_inputs
    from garante.pipeline import Context, Pipeline
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_ab import Timed
    from garante.pipeline import default_components
    table: dict[str, float] = {}
    pipe = Pipeline(Context(), [Timed(c, table) for c in default_components()])
    for capture in (c for c in read_inputs(warm) if isinstance(c, Capture)):
        pipe(clean(capture))
    captures = [c for c in read_inputs(read) if isinstance(c, Capture)]
    table.clear()
    start = time.thread_time()
    for capture in captures:
        pipe(clean(capture))
    cpu = time.thread_time() - start
    print(json.dumps({"n": len(captures), "cpu": cpu, "tokens": table.get("tokens", 0.0)}), flush=True)


def run(tree: str, warm: list[str], read: list[str], core: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", tree, "--core", str(core), "--warm", *warm, "--read", *read]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trees", nargs="*", help="BASE_TREE NEW_TREE")
    ap.add_argument("--rounds", type=int, default=2, help="ABBA rounds (each runs every tree twice)")
    ap.add_argument("--warm", nargs="*", default=None, help="captures analysed before the timed pass")
    ap.add_argument("--read", nargs="*", default=None, help="captures of the timed pass")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--core", type=int, default=None)
    a = ap.parse_args()
    core = a.core if a.core is not None else sorted(os.sched_getaffinity(0))[0]
    seeds = ROOT.parent / "shared" / "seeds"
    warm = a.warm or [str(ROOT / "examples")] + ([str(seeds)] if seeds.is_dir() else [])
    read = a.read or [str(ROOT / "eval" / "heldout"), str(ROOT / "eval" / "heldout2")]
    if a.worker:
        return worker(a.worker, warm, read, core)
    if len(a.trees) != 2:
        ap.error("give two source trees")
    runs: dict[str, list[dict]] = {tree: [] for tree in a.trees}
    for _ in range(a.rounds):
        for tree in (a.trees[0], a.trees[1], a.trees[1], a.trees[0]):
            runs[tree].append(run(tree, warm, read, core))
    medians = []
    for label, tree in zip(("base", "new"), a.trees):
        per_doc = [1000 * r["cpu"] / r["n"] for r in runs[tree]]
        layer = [1000 * r["tokens"] / r["n"] for r in runs[tree]]
        medians.append(statistics.median(per_doc))
        print(f"{label}: {tree} ({runs[tree][0]['n']} documents read once a run)")
        print(f"  CPU ms/doc each run: {' '.join(f'{x:.1f}' for x in per_doc)}; median {medians[-1]:.2f}, "
              f"linguistic layer {statistics.median(layer):.2f}")
    print(f"ratio new/base (docs/s, CPU medians): {medians[0] / medians[1]:.3f}")


if __name__ == "__main__":
    main()
