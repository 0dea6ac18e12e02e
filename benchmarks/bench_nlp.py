"""Throughput of the linguistic layer on one core, against cleaning measured in the same run.

    python benchmarks/bench_nlp.py [PATH ...]

For the sample corpus and the seeds (by default): cleaning + sentences as the baseline, then the layer
with the default policy (names everywhere, full parse of cue and quote sentences) and with
``parse="all"``. Prints documents/s, tokens/s (tokens of the article zones), the ratio to the baseline,
and the share of sentences the default policy parses. Then the layer with spaCy's default matrix
library (blis) against ours (numpy's BLAS on one thread), in alternating rounds, best of each.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def timed(fn, docs, min_seconds: float = 2.0) -> float:
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            for d in docs:
                fn(d)
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            return reps * len(docs) / dt
        reps *= 2


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from copy import deepcopy
    from garante.clean import clean
    from garante.extract.sentences import SentenceSplitter
    from garante.ingest import Capture, read_inputs
    from garante.nlp import LinguisticLayer, available
    from garante.pipeline import Context

    paths = sys.argv[1:] or [str(ROOT / "examples")] + (
        [str(ROOT.parent / "shared" / "seeds")] if (ROOT.parent / "shared" / "seeds").is_dir() else [])
    captures = [c for c in read_inputs(paths) if isinstance(c, Capture)]
    split = SentenceSplitter()
    prepared = []
    for c in captures:
        d = clean(c)
        split(d, None)
        prepared.append(d)
    docs = [d for d in prepared if available(d.meta.get("language"))]
    layer = LinguisticLayer()
    full = Context(options={"parse": "all"})
    cues = Context(options={"parse": "cues"})
    for d in docs:  # warm-up: loads the pipelines
        layer(deepcopy(d), cues)
    counted = [deepcopy(d) for d in docs]
    for d in counted:
        layer(d, full)
    tokens = sum(len(d.tokens) for d in counted)
    sentences = sum(d.meta["nlp"]["parsed_sentences"] for d in counted)
    parsed_default = 0
    for d in docs:
        x = deepcopy(d)
        layer(x, cues)
        parsed_default += x.meta["nlp"]["parsed_sentences"]

    def baseline(c):
        split(clean(c), None)

    base = timed(baseline, captures)
    rows = [("clean + sentences", base, None)]
    for label, ctx in (("layer, default policy", cues), ("layer, parse all", full)):
        rate = timed(lambda d: layer(deepcopy(d), ctx), docs)
        rows.append((label, rate, rate * tokens / len(docs)))
    print(f"corpus: {len(docs)} documents with a pipeline, {tokens} tokens; the default policy parses "
          f"{parsed_default} of {sentences} sentences ({parsed_default / max(sentences, 1):.0%})")
    print(f"{'stage':24} {'docs/s':>9} {'tokens/s':>10} {'x baseline':>11}")
    for label, rate, tps in rows:
        shown = f"{tps:.0f}" if tps else "-"
        print(f"{label:24} {rate:9.1f} {shown:>10} {rate / base:11.3f}")
    compare_matmul(layer, docs, full, tokens)


def compare_matmul(layer, docs, ctx, tokens: int, rounds: int = 3) -> None:
    from copy import deepcopy
    from garante.nlp import pipeline, set_matmul
    langs = {(d.meta.get("language") or "")[:2].lower() for d in docs}
    best = {True: 0.0, False: 0.0}
    for _ in range(rounds):
        for use_blis in (True, False):
            for lang in langs:
                set_matmul(pipeline(lang), use_blis)
            best[use_blis] = max(best[use_blis], timed(lambda d: layer(deepcopy(d), ctx), docs, 1.0))
    for lang in langs:
        set_matmul(pipeline(lang), False)
    print(f"\n{'parse all, matmul by':24} {'docs/s':>9} {'tokens/s':>10} {'x blis':>11}")
    for use_blis, label in ((True, "blis (spaCy's default)"), (False, "numpy BLAS, 1 thread")):
        rate = best[use_blis]
        print(f"{label:24} {rate:9.1f} {rate * tokens / len(docs):10.0f} {rate / best[True]:11.3f}")


if __name__ == "__main__":
    main()
