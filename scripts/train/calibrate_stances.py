#!/usr/bin/env python3
"""Fits the stance confidence table (src/garante/data/models/stance/calibration.json, read by
garante/extract/stance_calibration.py) on the annotated corpus's TRAIN split: for each stance rule,
the share of its stances that the gold accepts (issue and side, on statements matched the shared
scorer's way; a stance on a statement the gold does not list counts as wrong, as the scorer counts
it), smoothed towards the share over all rules with a prior worth PRIOR stances.

    KEEP=/tmp/train bash eval/stance/run.sh train both
    .venv/bin/python scripts/train/calibrate_stances.py /tmp/train            # writes the table
    .venv/bin/python scripts/train/calibrate_stances.py /tmp/train --dry-run  # prints it

Check it on dev with eval/stance/calibration.py (expected calibration error) and positions.
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval" / "stance"))
sys.path.insert(0, str(ROOT / "src"))
from errors import analyse  # noqa: E402
from tables import scorer  # noqa: E402

from garante.codebook import Codebook  # noqa: E402
from garante.extract.stance_calibration import KEEP, TABLE  # noqa: E402

PRIOR = 5  # stances' worth of the all-rules share in each rule's estimate


def counts(kept: pathlib.Path) -> dict[str, list[int]]:
    """{rule: [right, judged]} over a kept export (gold.json, out/documents.jsonl)."""
    sc = scorer()
    gold = json.loads((kept / "gold.json").read_text(encoding="utf-8"))
    _, cases = analyse(gold, sc.load_pred(str(kept / "out" / "documents.jsonl")), sc, Codebook.load())
    out: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for c in cases:
        rule = c.get("rule")
        # an optional issue on the wrong side is neither right nor counted against the rule by the scorer
        if rule is None or c["cause"].startswith("extra optional"):
            continue
        out[rule][0] += c["cause"] == "right"
        out[rule][1] += 1
    return dict(out)


def table(by_rule: dict[str, list[int]], prior: int = PRIOR) -> dict:
    rules = {r: v for r, v in by_rule.items() if r not in KEEP}
    right, judged = (sum(v[i] for v in rules.values()) for i in (0, 1))
    if not judged:
        raise SystemExit("no rule stances to fit on: is the export the corpus's train split?")
    base = right / judged
    return {"fitted_on": "corpus train split (eval/stance/run.sh train both)", "prior": {"stances": prior,
            "share": round(base, 3)},
            "rules": {r: {"right": v[0], "judged": v[1], "confidence": round((v[0] + prior * base) / (v[1] + prior), 3)}
                      for r, v in sorted(rules.items())}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kept", type=pathlib.Path, help="a KEEP folder of eval/stance/run.sh train both")
    ap.add_argument("--out", type=pathlib.Path, default=TABLE)
    ap.add_argument("--prior", type=int, default=PRIOR)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    t = table(counts(a.kept), a.prior)
    text = json.dumps(t, indent=1, ensure_ascii=False) + "\n"
    if a.dry_run:
        print(text)
    else:
        a.out.write_text(text, encoding="utf-8")
        print(f"{a.out}: {len(t['rules'])} rules, all-rules share {t['prior']['share']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
