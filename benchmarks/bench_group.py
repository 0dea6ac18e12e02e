"""`garante analyze` with captures analysed in groups (scale.pool.GROUP, Pipeline.run_many) against one
at a time, alternated in one run on one core; CPU documents/s, best of the rounds, and their ratio.

    python benchmarks/bench_group.py [--rounds 3] [PATH ...]     # default: the sample corpus and the seeds

Each round analyses every path into a fresh SQLite store (the store's writes included), once with each
setting; the first round warms the models up and the order alternates, so neither setting gets the warm
caches. The stores' exports are compared: grouping must not change a byte.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def run(inputs: list[str], pipeline, group: int, folder: Path) -> tuple[float, str]:
    import garante.scale.pool as pool
    from garante.batch import analyze
    from garante.present.export import export
    from garante.store import Store
    pool.GROUP = group
    with Store(str(folder / f"g{group}.db")) as store:
        t = time.process_time()
        report = analyze(inputs, store, pipeline=pipeline)
        seconds = time.process_time() - t
        export(store, folder / f"out{group}")
    (folder / f"g{group}.db").unlink()
    return report.analysed / max(seconds, 1e-9), (folder / f"out{group}" / "documents.jsonl").read_text(encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the targets say
    import garante.scale.pool as pool
    from garante.pipeline import Pipeline
    paths = a.paths or [str(ROOT / "examples"), str(ROOT.parent / "shared" / "seeds")]
    inputs = [p for p in paths if Path(p).exists()]
    grouped, pipeline = pool.GROUP, Pipeline()
    best: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run(inputs, pipeline, 1, folder)  # warm-up
        for k in range(a.rounds):
            for group in ((1, grouped) if k % 2 == 0 else (grouped, 1)):
                rate, out = run(inputs, pipeline, group, folder)
                best[group] = max(best.get(group, 0.0), rate)
                print(f"round {k + 1}, group {group}: {rate:.2f} CPU docs/s", flush=True)
        identical = run(inputs, pipeline, 1, folder)[1] == run(inputs, pipeline, grouped, folder)[1]
    print(f"one at a time {best[1]:.2f}, groups of {grouped} {best[grouped]:.2f} CPU docs/s: "
          f"x{best[grouped] / best[1]:.3f}; exports identical: {identical}; "
          f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
