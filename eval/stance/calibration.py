#!/usr/bin/env python3
"""How far a stance's confidence can be read as the chance that it is right: the predicted stances on
statements the gold lists, by confidence band, with the share the gold accepts (issue and side), the
scorer's way (tables.match pairs statements), and the expected calibration error (ECE: the mean gap
between confidence and that share, weighted by the band's size).

    KEEP=/tmp/dev bash eval/stance/run.sh dev both
    python3 eval/stance/calibration.py --gold /tmp/dev/gold.json --pred /tmp/dev/out/documents.jsonl
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from tables import match, scorer  # noqa: E402

BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def judged(gold: dict, pred: dict, sc) -> list[tuple[float, bool, str]]:
    """(confidence, right, rule) of every stance predicted on a statement the gold lists."""
    out = []
    for g in gold["documents"]:
        preds = (pred.get(g["file"]) or {}).get("statements") or []
        pairs, _ = match(g, preds, sc)
        for gs, best in pairs:
            if best is None:
                continue
            allowed = {**gs["issues"], **(gs.get("optional_issues") or {})}
            for x in preds[best].get("issues") or []:
                right = x["stance"] in allowed.get(x["issue"], [])
                out.append((float(x.get("confidence") or 0.0), right, x.get("rule") or ""))
    return out


def table(rows: list[tuple[float, bool, str]]) -> tuple[list[dict], float]:
    bands, ece = [], 0.0
    for lo, hi in zip(BANDS, BANDS[1:]):
        inside = [(c, r) for c, r, _ in rows if lo <= c < hi]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        ece += len(inside) / len(rows) * abs(conf - acc)
        bands.append({"band": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside), "confidence": round(conf, 3),
                      "right": round(acc, 3)})
    return bands, round(ece, 3)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    a = ap.parse_args()
    gold = json.loads(pathlib.Path(a.gold).read_text(encoding="utf-8"))
    pred = {}
    for line in pathlib.Path(a.pred).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            pred[pathlib.Path(d["source"]).name] = d
    rows = judged(gold, pred, scorer())
    bands, ece = table(rows)
    for b in bands:
        print(f"{b['band']:>8}  n={b['n']:4d}  mean confidence {b['confidence']:.3f}  right {b['right']:.3f}")
    print(f"{len(rows)} stances, ECE {ece}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
