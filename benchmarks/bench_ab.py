"""Throughput of two source trees of garante, alternated in one run on one core (a before/after figure).

    python benchmarks/bench_ab.py BASE_TREE NEW_TREE [--rounds N] [--group N] [PATH ...]

Each tree runs in a worker process of its own (both pinned to the same core, never at the same time),
which loads the captures (the sample corpus and the seeds by default), warms up, and on each request
runs one pass of the full pipeline (clean, then every default component) over them; with
``--group N`` the new tree analyses N documents at a time (``Pipeline.run_many``). Passes alternate
A B B A, so drift in the machine's load falls on both alike. Prints, for each tree, documents/s by wall
clock and by CPU time (median and best), the ratio NEW/BASE of the medians, milliseconds of CPU per
document of each layer, peak memory, and the full collections of the cyclic collector (their time is
in the figures: "all passes" counts every pass, where the median leaves out the rare pass with one).
On a shared machine read the ratios, not the absolute numbers.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def default_paths() -> list[str]:
    seeds = ROOT.parent / "shared" / "seeds"
    return [str(ROOT / "examples")] + ([str(seeds)] if seeds.is_dir() else [])


class Timed:
    """A component that adds its CPU time to a shared table (thread time: other processes do not count)."""

    def __init__(self, component, table: dict):
        self.component, self.table = component, table
        self.name = getattr(component, "name", type(component).__name__)
        if hasattr(component, "batch"):  # only then: Pipeline.run_many asks whether a component has one
            self.batch = lambda docs, ctx: self._timed(component.batch, docs, ctx)

    def __call__(self, doc, ctx) -> None:
        self._timed(self.component, doc, ctx)

    def _timed(self, fn, *args):
        t0 = time.thread_time()
        out = fn(*args)
        self.table[self.name] = self.table.get(self.name, 0.0) + time.thread_time() - t0
        return out


def worker(tree: str, paths: list[str], core: int, group: int) -> None:
    """Serve passes over the captures with the code of ``tree`` until stdin closes."""
    sys.path.insert(0, str(Path(tree) / "src"))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {core})
    from garante.clean import clean
    from garante.ingest import Capture, read_inputs
    from garante.pipeline import Context, Pipeline, default_components
    captures = [c for c in read_inputs(paths) if isinstance(c, Capture)]
    table: dict[str, float] = {}
    ctx = Context()
    pipe = Pipeline(ctx, [Timed(c, table) for c in default_components()])
    for c in captures:  # warm-up: language data, knowledge base, codebook, models
        pipe(clean(c))
    print(json.dumps({"ready": len(captures), "file": sys.modules["garante"].__file__, "group": group}), flush=True)
    group = group if hasattr(pipe, "run_many") else 1  # a tree from before Pipeline.run_many
    full = [0, 0.0, 0.0]  # full collections of the cyclic collector in the pass: count, seconds, start

    def watch(phase, info):
        if info["generation"] == 2:
            if phase == "start":
                full[2] = time.thread_time()
            else:
                full[0], full[1] = full[0] + 1, full[1] + time.thread_time() - full[2]
    gc.callbacks.append(watch)
    for _ in sys.stdin:
        table.clear()
        full[:2] = [0, 0.0]
        cleaning = 0.0
        w0, c0 = time.perf_counter(), time.thread_time()
        for i in range(0, len(captures), group):
            t0 = time.thread_time()
            docs = [clean(c) for c in captures[i:i + group]]
            cleaning += time.thread_time() - t0
            if group > 1:
                pipe.run_many(docs)
            else:
                pipe(docs[0])
        wall, cpu = time.perf_counter() - w0, time.thread_time() - c0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"wall": wall, "cpu": cpu, "layers": {"clean": cleaning, **table}, "peak_mb": peak,
                          "full_gc": full[:2]}),
              flush=True)


class Worker:
    def __init__(self, tree: str, paths: list[str], core: int, group: int = 1):
        cmd = [sys.executable, __file__, "--worker", tree, "--core", str(core), "--group", str(group), *paths]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ready = json.loads(self.proc.stdout.readline())
        self.passes: list[dict] = []

    def run(self) -> None:
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        self.passes.append(json.loads(self.proc.stdout.readline()))

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def summary(label: str, w: Worker) -> dict:
    n = w.ready["ready"]
    wall = [n / p["wall"] for p in w.passes]
    cpu = [n / p["cpu"] for p in w.passes]
    layers = {k: statistics.median(1000 * p["layers"].get(k, 0.0) / n for p in w.passes)
              for k in w.passes[0]["layers"]}
    # every pass together: a rare pause (a full collection of the cyclic collector, ~0.1-0.3 s once in many
    # passes) falls out of the median but not out of a long run's time
    overall = n * len(w.passes) / sum(p["cpu"] for p in w.passes)
    print(f"{label}: {w.ready['file']}" + (f", {w.ready['group']} documents a call" if w.ready.get("group", 1) > 1 else ""))
    print(f"  docs/s wall median {statistics.median(wall):.2f} best {max(wall):.2f}; "
          f"CPU median {statistics.median(cpu):.2f} best {max(cpu):.2f} all passes {overall:.2f}; "
          f"peak {max(p['peak_mb'] for p in w.passes):.0f} MB")
    print("  CPU ms/doc: " + ", ".join(f"{k} {v:.2f}" for k, v in layers.items() if v >= 0.005))
    if all("full_gc" in p for p in w.passes):
        count, secs = sum(p["full_gc"][0] for p in w.passes), sum(p["full_gc"][1] for p in w.passes)
        print(f"  full collections: {count} in {n * len(w.passes)} documents, {1000 * secs / max(count, 1):.0f} ms each, "
              f"{1000 * secs / (n * len(w.passes)):.2f} ms a document")
    return {"wall": statistics.median(wall), "cpu": statistics.median(cpu), "all": overall, "layers": layers}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trees", nargs="*", help="BASE_TREE NEW_TREE, then the inputs")
    ap.add_argument("--rounds", type=int, default=4, help="ABBA rounds (each runs every tree twice)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--core", type=int, default=None)
    ap.add_argument("--group", type=int, default=1,
                    help="the new tree analyses this many documents at a time (Pipeline.run_many)")
    a = ap.parse_intermixed_args()
    core = a.core if a.core is not None else sorted(os.sched_getaffinity(0))[0]
    if a.worker:
        return worker(a.worker, a.trees or default_paths(), core, a.group)
    if len(a.trees) < 2:
        ap.error("give two source trees")
    base, new, paths = a.trees[0], a.trees[1], a.trees[2:] or default_paths()
    workers = [Worker(base, paths, core), Worker(new, paths, core, a.group)]
    print(f"{workers[0].ready['ready']} documents ({', '.join(paths)}), core {core}, {a.rounds} ABBA rounds")
    for _ in range(a.rounds):
        for i in (0, 1, 1, 0):
            workers[i].run()
    for w in workers:
        w.close()
    s = [summary(label, w) for label, w in zip(("base", "new"), workers)]
    print(f"ratio new/base: wall {s[1]['wall'] / s[0]['wall']:.3f}, CPU {s[1]['cpu'] / s[0]['cpu']:.3f}, "
          f"CPU all passes {s[1]['all'] / s[0]['all']:.3f}")
    pairs = [(a_["cpu"], b_["cpu"]) for a_, b_ in zip(workers[0].passes, workers[1].passes)]
    print("  CPU ratio of each pass pair: " + " ".join(f"{x / y:.3f}" for x, y in pairs))


if __name__ == "__main__":
    main()
