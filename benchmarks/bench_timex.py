"""Time per document of the time layer (TimeTagger), on one core.

    python benchmarks/bench_timex.py [--repeat N] [PATH ...]

Cleans the sample corpus, the seeds and the held-out captures (or PATHs), splits sentences and links
entities once, then times the time tagger alone over them: CPU milliseconds a document, best of
--repeat passes (target: under 3 ms), and its ratio to sentence splitting measured in the same run.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def timed(component, docs, ctx, repeat: int) -> float:
    """Seconds per document of component over docs (its output, and the document dates it inferred,
    removed after each pass)."""
    best = float("inf")
    metas = [dict(d.meta) for d in docs]
    for _ in range(repeat):
        t0 = time.process_time()  # CPU time: the figure holds on a machine other jobs share
        for d in docs:
            component(d, ctx)
        best = min(best, time.process_time() - t0)
        for d, meta in zip(docs, metas):
            d.spans = [s for s in d.spans if s.component != component.name]
            d.meta = dict(meta)
    return best / len(docs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=5, help="passes; the best is kept")
    ap.add_argument("--no-parse", action="store_true",
                    help="without the linguistic layer's tokens (tense from verb patterns only)")
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from garante.clean import clean
    from garante.extract.entities import EntityLinker
    from garante.extract.sentences import SentenceSplitter
    from garante.extract.timex import TimeTagger
    from garante.ingest import Capture, read_inputs
    from garante.pipeline import Context

    shared = ROOT.parent / "shared" / "seeds"
    paths = a.paths or [str(ROOT / "examples"), str(ROOT / "eval" / "heldout"), str(ROOT / "eval" / "heldout2")] \
        + ([str(shared)] if shared.is_dir() else [])
    captures = [c for c in read_inputs(paths) if isinstance(c, Capture) and not c.source.endswith(".json")]
    ctx = Context()
    docs = [clean(c) for c in captures]
    splitter, linker, tagger = SentenceSplitter(), EntityLinker(), TimeTagger()
    layer = None
    if not a.no_parse:  # the tokens the time layer reads in the pipeline (the parse is not timed here)
        from garante.nlp import LinguisticLayer
        layer = LinguisticLayer()
    metas = [dict(d.meta) for d in docs]
    for d, meta in zip(docs, metas):
        splitter(d, ctx)
        if layer is not None:
            layer(d, ctx)
        linker(d, ctx)
        tagger(d, ctx)  # warm-up: language data, compiled rules, knowledge-base events
        d.meta = meta
    for d in docs:
        d.spans = [s for s in d.spans if s.component != tagger.name]
    kb = sum(len(d.text) for d in docs) / 1000
    t_time = timed(tagger, docs, ctx, a.repeat)
    t_split = timed(splitter, docs, ctx, a.repeat)
    print(f"corpus: {len(docs)} documents, {kb:.0f} k characters ({', '.join(paths)})"
          f"{'' if layer is None else ', with the parse'}")
    print(f"time layer: {t_time * 1000:.2f} ms/document (target < 3 ms), "
          f"{t_time / t_split:.1f} x sentence splitting ({t_split * 1000:.2f} ms/document)")


if __name__ == "__main__":
    main()
