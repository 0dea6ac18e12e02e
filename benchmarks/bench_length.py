"""Analysis time per document against its length: time per KB over 1 KB ... 1 MB texts.

    python benchmarks/bench_length.py [--max-kb 1024] [--shape paragraphs|one-line|both] [--budget 600]

Texts are articles made of the body paragraphs of the sample captures in examples/, to each length,
either as paragraphs (blank lines between them, as articles come) or as one line (the worst case for
rules that scan a paragraph). Time is CPU time of this process (other load on the machine aside).
Each is analysed by the full default pipeline (after one warm-up document, so that models and data
are loaded); printed: seconds, milliseconds per KB, and the ratio of each size's time per KB to the
smallest size's (a short text is timed over several runs, the median kept). Linear work means a flat column (the target: within 2x). A document over the pipeline's
limits (max_chars, time budget) is reported as such. The time budget is wall-clock time, so on a busy
machine a long document can run out of it while its CPU time is fine: ``--budget`` sets it (600 s here
by default, the pipeline's own is 120 s).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def paragraphs() -> list[str]:
    """The body paragraphs of the sample captures in examples/, as garante's cleaner finds them."""
    from garante.clean import clean
    from garante.ingest import Capture
    out = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        doc = clean(Capture(str(path), path.read_text(encoding="utf-8"), "text"))
        out += [doc.text[z.start:z.end] for z in doc.layer("zone") if z.label == "body"]
    return out


def sized(paras: list[str], kb: int, shape: str) -> str:
    """One article of about ``kb`` KB: a title, then the paragraphs in turn, each numbered so that no
    two are the same (the cleaner drops repeated blocks as page furniture)."""
    lines, size, k = ["Vertice a Bruxelles sulle garanzie per Kiev", ""], 0, 0
    while size < kb * 1024:
        p = f"{paras[k % len(paras)]} ({k})"
        lines += [p, ""]
        size, k = size + len(p.encode()) + 2, k + 1
    text = "\n".join(lines)
    return " ".join(text.split()) if shape == "one-line" else text


def timed(pipeline, capture, least: float = 1.0):
    """The document and the CPU seconds its analysis takes: the median of three runs, or of fewer once
    they have taken ``least`` seconds (one for a long text), so that a short text is not read off one
    noisy run."""
    runs: list[float] = []
    while len(runs) < 3 and sum(runs) < least or not runs:
        t = time.process_time()
        doc = pipeline.analyse_capture(capture)
        runs.append(time.process_time() - t)
    return doc, sorted(runs)[len(runs) // 2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-kb", type=int, default=1024)
    ap.add_argument("--shape", choices=["paragraphs", "one-line", "both"], default="both")
    ap.add_argument("--budget", type=float, default=600, help="the pipeline's time budget per document, seconds")
    a = ap.parse_args()
    from garante.ingest import Capture
    from garante.pipeline import Context, OverBudget, Pipeline
    pipeline = Pipeline(Context(options={"time_budget": a.budget}))
    paras = paragraphs()
    pipeline.analyse_capture(Capture(source="warm-up", raw=sized(paras, 4, "paragraphs"), format="text"))
    # 960 KB: 1 MB of text less the few per cent that stay under the pipeline's 1,000,000-character cap
    sizes = [kb for kb in (1, 4, 16, 64, 256, 960) if kb <= a.max_kb]
    shapes = ["paragraphs", "one-line"] if a.shape == "both" else [a.shape]
    worst = 1.0  # the largest time per KB over the smallest, per shape
    for shape in shapes:
        print(f"\n{shape}:\n{'KB':>6} {'analysed':>9} {'seconds':>9} {'ms/KB':>8} {'x 1st':>6}")
        first, seen = None, []
        for kb in sizes:
            text = sized(paras, kb, shape)
            try:
                doc, secs = timed(pipeline, Capture(source=f"{kb}kb", raw=text, format="text"))
            except Exception as e:  # over budget, or a bug met on a long text: the other sizes still run
                print(f"{kb:>6} {'over budget' if isinstance(e, OverBudget) else 'failed'}: {type(e).__name__}: {e}")
                worst = float("inf")
                continue
            per_kb = secs * 1000 / kb
            first = first or per_kb
            seen.append(per_kb)
            worst = max(worst, max(seen) / min(seen))
            print(f"{kb:>6} {len(doc.text):9d} {secs:9.2f} {per_kb:8.2f} {per_kb / first:6.2f}", flush=True)
    print(f"\nlargest time per KB / smallest: {worst:.2f} ({'flat within 2x' if worst <= 2 else 'NOT flat'}); "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    return 0 if worst <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
