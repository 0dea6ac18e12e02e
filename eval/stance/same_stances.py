#!/usr/bin/env python3
"""Checks that the stance layer's prefilter (``extract/pattern_anchors.py``) changes no output: every
document is analysed to its statements once, then its stances are found twice, with every pattern tried
and with only the patterns whose anchors are in the window; any difference is printed.

    .venv/bin/python eval/stance/same_stances.py                      # the sample corpus and the seeds
    .venv/bin/python eval/stance/same_stances.py /work/corpus_texts/it /work/corpus_texts/en
"""
from __future__ import annotations

import argparse
import pathlib
import sys
from unittest import mock

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval" / "stance"))


def stances_of(docs, ctx) -> list[list[tuple]]:
    from garante.extract.stances import StanceClassifier
    comp, out = StanceClassifier(), []
    for doc in docs:
        comp(doc, ctx)
        out.append([(st.content_start, x.issue, x.stance, x.confidence, x.evidence_start, x.evidence_end,
                     x.rule, sorted(x.attrs.items())) for st in doc.statements for x in st.stances])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    a = ap.parse_args()
    from bench import documents
    from garante.extract import pattern_anchors
    paths = a.paths or [str(ROOT / "examples"), str(ROOT.parent / "shared" / "seeds")]
    ctx, docs = documents(paths)
    fast = stances_of(docs, ctx)
    # every pattern tried: the prefilter lets everything through
    with mock.patch.object(pattern_anchors.Prefilter, "candidates_folded", lambda self, low: list(self.items)):
        full = stances_of(docs, ctx)
    diff = [(d.source, f, g) for d, f, g in zip(docs, fast, full) if f != g]
    for source, f, g in diff:
        print(f"{source}:\n  prefilter {f}\n  all cues  {g}")
    n = sum(len(f) for f in fast)
    print(f"{len(docs)} documents, {sum(len(d.statements) for d in docs)} statements, {n} stances: "
          f"{len(diff)} documents differ")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
