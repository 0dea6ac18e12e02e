#!/usr/bin/env python3
"""How garante reads labelled sentences of our own writing (eval/stance/written/*.jsonl): per sentence
and issue, the stances of its statement (the longest garante finds) against the sentence's labels;
precision, recall and F1 per issue. Run it on sentences the model was not trained on to see how the
stance layer reads wording nobody tuned it for.

    .venv/bin/python eval/stance/written_probe.py eval/stance/written/en_2.jsonl eval/stance/written/it_2.jsonl
    .venv/bin/python eval/stance/written_probe.py --rules eval/stance/written/en_2.jsonl   # the rules alone
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts" / "train" / "stance"))
import written  # noqa: E402


def predicted(pipe, text: str) -> dict[str, str] | None:
    """The issues and sides garante gives the sentence's statement (None: it finds no statement)."""
    from garante.ingest import Capture
    doc = pipe.analyse_capture(Capture("written", text, "text"))
    if not doc.statements:
        return None
    st = max(doc.statements, key=lambda s: len(s.content or ""))
    return {s.issue: s.stance for s in st.stances}


def count(rows: list[dict], pipe) -> tuple[collections.Counter, int]:
    counts: collections.Counter = collections.Counter()
    missed = 0
    for row in rows:
        gold, pred = written.labels(row), predicted(pipe, row["text"])
        if pred is None:
            missed += 1
            continue
        for issue, side in pred.items():
            counts[issue, "tp" if gold.get(issue) == side else "fp"] += 1
        for issue, side in gold.items():
            counts[issue, "fn"] += pred.get(issue) != side
    return counts, missed


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=pathlib.Path)
    ap.add_argument("--rules", action="store_true", help="the rules alone (no stance model)")
    a = ap.parse_args()
    from garante.codebook import Codebook
    from garante.pipeline import Context, Pipeline
    issues = set(Codebook.load().issues)
    rows = [r for f in a.files for r in written.read(f, issues)]
    pipe = Pipeline(Context(options={"stance_model": not a.rules}))
    counts, missed = count(rows, pipe)
    total = [sum(counts[i, k] for i in issues) for k in ("tp", "fp", "fn")]
    print(f"{len(rows)} sentences, {missed} with no statement; all issues: P %.3f R %.3f F1 %.3f" % f1(*total))
    for issue in sorted(issues):
        p, r, f = f1(*(counts[issue, k] for k in ("tp", "fp", "fn")))
        print(f"  {issue:34s} P {p:.2f} R {r:.2f} F1 {f:.2f}")


if __name__ == "__main__":
    main()
