#!/usr/bin/env python3
"""Lists the wrong on_behalf_of of a run.sh KEEP folder: the scorer's matched statements (same matching as
../shared/eval/score.py) whose export on_behalf_of does not match the gold's, with the speaker (right or wrong),
the statement's date and the sentence.  Usage: eval/attribution/behalf.py KEEP [--lang it|en] [--all-speakers]
By default only statements whose speaker is right are listed (wrong speakers: misses.py)."""
import argparse, collections, json, pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3] / "shared" / "eval"))
from score import load_pred, name_matches, name_of, statement_matches  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("keep")
ap.add_argument("--lang")
ap.add_argument("--all-speakers", action="store_true")
a = ap.parse_args()
keep = pathlib.Path(a.keep)
gold = json.loads((keep / "gold.json").read_text())
pred = load_pred(keep / "out" / "documents.jsonl")
n = bad = 0
by = collections.Counter()
for g in gold["documents"]:
    if a.lang and g["meta"]["language"] != a.lang:
        continue
    preds = (pred.get(g["file"]) or {}).get("statements") or []
    used = set()
    for gs in g["statements"]:
        hits = [i for i, ps in enumerate(preds) if i not in used and statement_matches(ps.get("content"), gs["anchor"])]
        if not hits:
            continue
        best = max(hits, key=lambda i: (name_matches(preds[i].get("speaker"), gs["speaker_aliases"]),
                                        -len(preds[i].get("content") or "")))
        used.add(best)
        ps = preds[best]
        if not gs.get("on_behalf_of"):
            continue
        sp_ok = name_matches(ps.get("speaker"), gs["speaker_aliases"])
        n += 1
        if name_matches(ps.get("on_behalf_of"), gs["on_behalf_of"]):
            continue
        bad += 1
        if not sp_ok and not a.all_speakers:
            continue
        got = name_of(ps.get("on_behalf_of"))
        by[(got, gs["on_behalf_of"][0])] += 1
        print(f"{g['file']} {gs['id']} [{g['meta']['language']}] date={ps.get('date')} speaker={name_of(ps.get('speaker'))!r}"
              f"{'' if sp_ok else ' (WRONG, want ' + repr(gs['speaker']) + ')'}\n"
              f"   on_behalf_of={got!r}  want {gs['on_behalf_of']}\n   {(ps.get('content') or '')[:160]!r}")
print(f"\n{bad} wrong of {n} ({1 - bad / n if n else 0:.3f} right)", file=sys.stderr)
for (got, want), c in by.most_common():
    print(f"  {c:3d}  {got!r} -> want {want!r}", file=sys.stderr)
