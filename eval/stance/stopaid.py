#!/usr/bin/env python3
"""How garante reads actions that stop, cut or withdraw something (issue 13): labelled sentences of our own
writing in eval/stance/stopaid/ (the written-sentence format of scripts/train/stance/written.py; ``note``
says whether the stop-verb must flip the side, "flip", or must not, "keep"). Kept out of
eval/stance/written/ so that the stance model is never trained on them. Per sentence, the side garante gives
the labelled issue (with its rule), and, over all issues, precision, recall and F1 as written_probe.py counts
them. The *_aside files were written before the fix and are reported apart.

    .venv/bin/python eval/stance/stopaid.py            # rules and full pipeline, dev and aside
    .venv/bin/python eval/stance/stopaid.py --rules -v  # the rules alone, every sentence
"""
from __future__ import annotations

import argparse
import collections
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "scripts" / "train" / "stance"))
import written  # noqa: E402

SETS = {"dev": ("en.jsonl", "it.jsonl"), "aside": ("en_aside.jsonl", "it_aside.jsonl")}


def readings(pipe, text: str) -> tuple[dict[str, tuple[str, str]] | None, set[str]]:
    """issue -> (side, rule) of the sentence's longest statement (None where garante finds no statement), and the
    actors it is made by or for (speaker and ``on_behalf_of``)."""
    from garante.ingest import Capture
    doc = pipe.analyse_capture(Capture("stopaid", text, "text"))
    if not doc.statements:
        return None, set()
    st = max(doc.statements, key=lambda s: len(s.content or ""))
    return {s.issue: (s.stance, s.rule) for s in st.stances}, {st.speaker_entity_id, st.on_behalf_of_id} - {None}


def score(rows: list[dict], pipe, verbose: bool) -> dict:
    counts: collections.Counter = collections.Counter()
    for row in rows:
        gold, (pred, actors) = written.labels(row), readings(pipe, row["text"])
        pred = pred or {}
        if "speaker" in row:  # the actor the row says holds the side (sets that name it)
            counts["speaker_right"] += row["speaker"] in actors
        side, rule = pred.get(row["issue"], ("none", ""))
        ok = side == row["stance"]
        counts["right"] += ok
        if row["stance"] != "none":  # the labelled issue proposed at all, whatever its side (issue detection)
            counts["about"] += 1
            counts["found"] += side != "none"
        counts[("flip" if row.get("note", "").startswith("flip") else "keep") + ("_right" if ok else "_wrong")] += 1
        for issue, (s, _) in pred.items():
            counts["tp" if gold.get(issue) == s else "fp"] += 1
        counts["fn"] += sum(pred.get(i, ("",))[0] != s for i, s in gold.items())
        if verbose:
            others = {i: s for i, (s, _) in pred.items() if i != row["issue"]}
            who = "" if "speaker" not in row or row["speaker"] in actors else f"(speaker {sorted(actors)}) "
            print(f"  {'ok ' if ok else 'BAD'} {row['issue'][:22]:22s} gold {row['stance']:8s} got {side:8s}"
                  f" {rule:24s} {who}{others or ''}  | {row['text'][:90]}")
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    speakers = {"speaker_right": counts["speaker_right"]} if any("speaker" in r for r in rows) else {}
    return {"sentences": len(rows), "labelled_right": counts["right"], **speakers,
            "flip_right": f"{counts['flip_right']}/{counts['flip_right'] + counts['flip_wrong']}",
            "keep_right": f"{counts['keep_right']}/{counts['keep_right'] + counts['keep_wrong']}",
            "issue_found": f"{counts['found']}/{counts['about']}",
            "P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / max(1e-9, p + r), 3)}


def main() -> None:
    run_set("stopaid", __doc__)


def run_set(folder: str, doc: str) -> None:
    """Reads the command line and scores the sets of ``eval/stance/<folder>/`` (rules, full pipeline or both)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
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
        for name, files in SETS.items():
            rows = [r for f in files for r in written.read(HERE / folder / f, issues)]
            print(f"{mode} {name}:")
            print(f"{mode} {name}", score(rows, pipe, a.verbose))


if __name__ == "__main__":
    main()
