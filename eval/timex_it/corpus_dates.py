"""Document dates and statement dates of the annotated corpus (eval/corpus), document by document: the date
garante gave each page against the gold's meta.published (or published_inferable), where it came from,
and how many of the page's gold statement dates garante got. Reads a run kept by eval/stance/run.sh:

    KEEP=/tmp/dev bash eval/stance/run.sh dev both
    .venv/bin/python eval/timex_it/corpus_dates.py /tmp/dev            # the pages with a miss
    .venv/bin/python eval/timex_it/corpus_dates.py /tmp/dev --all

Verdicts: right; wrong (another day, or a date where the gold has none); coarse (the month of the right
day); unknown (no date where the gold has one). Precision = right / dated pages.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def _match(gold_st: dict, pred: list[dict]) -> dict | None:
    """The predicted statement whose content holds the gold anchor (as the scorer pairs them)."""
    anchor = " ".join(gold_st["anchor"].split())
    for p in pred:
        if anchor and anchor in " ".join((p.get("content") or "").split()):
            return p
    return None


def verdict(want: str | None, inferable: str | None, got: str | None) -> str:
    if want is None:
        return "right" if got in (None, inferable) else "wrong"
    if not got:
        return "unknown"
    if got == want:
        return "right"
    return "coarse" if want.startswith(got) else "wrong"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", type=Path, help="folders kept by run.sh (gold.json, out/documents.jsonl)")
    ap.add_argument("--all", action="store_true")
    a = ap.parse_args(argv)
    counts: dict[str, int] = {}
    dates = [0, 0]
    for run in a.runs:
        gold = json.loads((run / "gold.json").read_text(encoding="utf-8"))["documents"]
        pred = {}
        for line in (run / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                pred[d["source"]] = d
        for g in gold:
            p = pred.get(g["file"], {})
            meta = g.get("meta") or {}
            want, inferable = meta.get("published"), meta.get("published_inferable")
            v = verdict(want, inferable, p.get("published"))
            counts[v] = counts.get(v, 0) + 1
            st = [s for s in g.get("statements", []) if s.get("date")]
            ok = sum(1 for s in st if (m := _match(s, p.get("statements") or [])) and m.get("date") == s["date"])
            dates[0] += ok
            dates[1] += len(st)
            if a.all or v != "right" or ok < len(st):
                print(f"{g['file']:12} {v:7} want {want or '-':10} (inferable {inferable or '-':10}) "
                      f"got {p.get('published') or '-':10} {p.get('published_source') or '':24} "
                      f"statement dates {ok}/{len(st)}  {[s['date'] for s in st if True][:4]}")
    n = sum(counts.values())
    dated = sum(v for k, v in counts.items() if k != "unknown")
    print(f"{n} pages: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) +
          f"; statement dates {dates[0]}/{dates[1]} (of matched by anchor)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
