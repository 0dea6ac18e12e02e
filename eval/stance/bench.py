#!/usr/bin/env python3
"""CPU time of the stance layer alone, per document: the rules alone against the rules plus each stance
model given, measured in the same run on the same documents (the pipeline runs to the statements once).

    .venv/bin/python eval/stance/bench.py                                   # the sample corpus and the seeds
    .venv/bin/python eval/stance/bench.py --model old.json --model src/garante/data/models/stance/stance_model.json
    .venv/bin/python eval/stance/bench.py /work/corpus_texts/it --repeat 3

Ratios are what to compare: the machine is shared, absolute figures move with its load.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def documents(paths: list[str]):
    """The documents analysed up to their statements (every component but the stances)."""
    from garante.ingest import Capture, read_inputs
    from garante.pipeline import Context, Pipeline, default_components
    ctx = Context()
    pipe = Pipeline(ctx, [c for c in default_components() if getattr(c, "name", "") != "stances"])
    docs = []
    for capture in read_inputs(paths):
        if not isinstance(capture, Capture):  # an input error: nothing to time
            continue
        try:
            docs.append(pipe.analyse_capture(capture))
        except Exception as e:  # a capture the pipeline fails on is left out of the timing
            print(f"{getattr(capture, 'source', '?')}: skipped ({type(e).__name__})", file=sys.stderr)
    return ctx, docs


def cpu_per_doc(docs, ctx, model, repeat: int) -> float:
    """CPU ms a document of the stance component with ``model`` (None: the rules alone)."""
    import garante.extract.stances as stances
    from garante.extract.stances import StanceClassifier
    stances._learned_model = lambda _ctx: model  # this run's model, whatever the package ships
    comp = StanceClassifier()
    start = time.process_time()
    for _ in range(repeat):
        for doc in docs:
            comp(doc, ctx)
    return 1000 * (time.process_time() - start) / (repeat * max(1, len(docs)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--model", action="append", default=[], help="a stance model file (repeatable)")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from garante.extract.stance_model import MODEL, StanceModel
    paths = a.paths or [str(ROOT / "examples")] + [p for p in [str(ROOT.parent / "shared" / "seeds")]
                                                   if pathlib.Path(p).is_dir()]
    ctx, docs = documents(paths)
    statements = sum(len(d.statements) for d in docs)
    print(f"{len(docs)} documents, {statements} statements, {a.repeat} passes")
    rules = cpu_per_doc(docs, ctx, None, a.repeat)
    print(f"rules alone: {rules:.2f} ms a document")
    for path in a.model or [str(MODEL)]:
        ms = cpu_per_doc(docs, ctx, StanceModel.load(path), a.repeat)
        print(f"rules + {path}: {ms:.2f} ms a document ({ms / rules:.2f}x the rules)")


if __name__ == "__main__":
    main()
