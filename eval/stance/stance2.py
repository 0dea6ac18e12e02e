#!/usr/bin/env python3
"""How garante reads a rejected demand of the other side and a stop word inside the issue's own cue
(issue 13, twenty-eighth session): labelled sentences of our own writing in eval/stance/stance2/, in the
format and with the measure of eval/stance/stopaid.py (``note`` says "flip" where the reading must differ
from the plain cue's, "keep" where it must not). Kept out of eval/stance/written/ so that the stance model is
never trained on them; the *_aside files were written before the fix and are reported apart.

    .venv/bin/python eval/stance/stance2.py            # rules and full pipeline, dev and aside
    .venv/bin/python eval/stance/stance2.py --rules -v  # the rules alone, every sentence
"""
from __future__ import annotations

import argparse
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import stopaid  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules", action="store_true", help="the rules alone (else rules and full pipeline)")
    ap.add_argument("--model", action="store_true", help="the full pipeline alone")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    from garante.codebook import Codebook
    from garante.pipeline import Context, Pipeline
    issues = set(Codebook.load().issues)
    modes = ["rules"] if a.rules else ["model"] if a.model else ["rules", "model"]
    for mode in modes:
        pipe = Pipeline(Context(options={"stance_model": mode == "model"}))
        for name, files in stopaid.SETS.items():
            rows = [r for f in files for r in stopaid.written.read(HERE / "stance2" / f, issues)]
            print(f"{mode} {name}:")
            print(f"{mode} {name}", stopaid.score(rows, pipe, a.verbose))


if __name__ == "__main__":
    main()
