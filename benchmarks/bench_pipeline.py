"""Throughput of each layer of the pipeline, on one core.

    python benchmarks/bench_pipeline.py [--repeat N] [--embeddings] [PATH ...]

Runs the pipeline cumulatively (clean; + sentences and entities; + time; + statements; + stances) over
the sample corpus and the seeds (when present), prints documents/s, MB/s, the ratio of each stage to the
cleaning-only baseline measured in the same run, and the peak memory.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from copy import deepcopy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=0, help="passes over the corpus (default: enough for ~2 s)")
    ap.add_argument("--embeddings", action="store_true")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the targets say

    from garante.clean import clean
    from garante.ingest import Capture, read_inputs
    from garante.pipeline import Context, Pipeline, default_components
    from garante.extract.stances import clear_embedding_cache

    def fresh() -> None:  # the same documents pass many times: each pass must pay for the model again
        if a.embeddings:
            clear_embedding_cache()

    paths = a.paths or [str(ROOT / "examples")] + ([str(ROOT.parent / "shared" / "seeds")]
                                                   if (ROOT.parent / "shared" / "seeds").is_dir() else [])
    captures = [c for c in read_inputs(paths) if isinstance(c, Capture)]
    mb = sum(len(c.raw.encode("utf-8")) for c in captures) / 1e6
    ctx = Context(embeddings=a.embeddings)
    components = default_components()
    pipe = Pipeline(ctx, components)
    for c in captures:  # warm-up: loads language data, knowledge base, codebook, models
        pipe(clean(c))

    names = [getattr(c, "name", type(c).__name__) for c in components]
    stages = [("clean", 0)]
    for i, n in enumerate(names, 1):
        stages.append(("+ " + n, i))
    print(f"corpus: {len(captures)} documents, {mb:.3f} MB ({', '.join(paths)})")
    print(f"{'stage':18} {'docs/s':>9} {'MB/s':>8} {'x clean':>8}")
    base = None
    for label, upto in stages:
        stage_pipe = Pipeline(ctx, components[:upto])
        reps = a.repeat or 1
        while True:
            t0 = time.perf_counter()
            for _ in range(reps):
                fresh()
                for c in captures:
                    stage_pipe(clean(c))
            dt = time.perf_counter() - t0
            if a.repeat or dt >= 1.0:
                break
            reps *= 2
        dps = reps * len(captures) / dt
        base = base or dps
        print(f"{label:18} {dps:9.1f} {reps * mb / dt:8.3f} {dps / base:8.3f}")
    # each component on its own, over documents already cleaned and annotated by the components before it
    print(f"\n{'component alone':18} {'docs/s':>9} {'ms/doc':>8}")
    prepared = []
    for c in captures:
        doc = clean(c)
        prepared.append(doc)
    for idx, comp in enumerate(components):
        reps = a.repeat or 1
        while True:
            dt = 0.0
            for _ in range(reps):
                fresh()
                for doc in prepared:
                    work = deepcopy(doc)  # a fresh copy each time: no tokens or caches left by the last pass
                    t0 = time.perf_counter()
                    comp(work, ctx)
                    dt += time.perf_counter() - t0
            if a.repeat or dt >= 0.5 or reps >= 64:
                break  # a step with nothing to do on these documents takes ~0 s: do not copy them forever
            reps *= 2
        for doc in prepared:  # the next component reads this one's output
            comp(doc, ctx)
        n = reps * len(prepared)
        print(f"{names[idx]:18} {n / dt:9.1f} {1000 * dt / n:8.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
