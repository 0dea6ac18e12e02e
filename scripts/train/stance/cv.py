#!/usr/bin/env python3
"""Chooses the stance model's settings by cross-validation over the train and dev splits together, and
trains the model to ship on both.

Why: train.py chooses on the dev split, and the shipped settings had been chosen on dev documents that
stayed in dev, so dev no longer measured them fairly. Here every train and dev document is predicted by a
model that never saw it (K folds by document, each language dealt round-robin in id order), end to end as
eval/stance/run.sh scores it (the shared scorer's stance F1, then positions), and the settings are those
of the best pooled out-of-fold figure among the ones that keep the seeds and our held-out sets (a model
trained on every fold, against the shipped model: train.py's end-to-end guards). The test split is left
alone: it reports.

    .venv/bin/python scripts/train/stance/cv.py --cache /tmp/cv_cache              # choose, report
    .venv/bin/python scripts/train/stance/cv.py --cache /tmp/cv_cache --out src/garante/data/models/stance/stance_model.json

The report (eval/stance/training_report_cv.json) also gives the shipped model's figures on the dev
documents (it never trained on them) beside the chosen settings' out-of-fold figures on the same
documents: the rule for shipping weights compares those two.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import dataset  # noqa: E402
import e2e as end_to_end  # noqa: E402
import train as tr  # noqa: E402
import written  # noqa: E402

REPORT = dataset.ROOT / "eval" / "stance" / "training_report_cv.json"
SPLITS = ("train", "dev")


def folds_of(docs: set[str], k: int) -> dict[str, int]:
    """Each document's fold: per language, in id order, dealt round-robin (so every fold holds both
    languages and documents of every period of the corpus)."""
    out = {}
    for lang in sorted({d[:2] for d in docs}):
        for i, d in enumerate(sorted(x for x in docs if x[:2] == lang)):
            out[d] = i % k
    return out


class Pooled:
    """The train and dev splits end to end, with out-of-fold probabilities per statement."""

    def __init__(self, sets: dict[str, end_to_end.EndToEnd], fold: dict[str, int]):
        self.sets, self.fold = sets, fold
        # each statement's fold, by the gold file of its document
        self.item_fold = {name: [fold.get(e.file_of.get(it["doc"]), -1) for it in e.items]
                          for name, e in sets.items()}

    def out_of_fold(self, models: list[dict]) -> dict[str, list]:
        """Per set, each statement's probabilities from the model of its fold (trained without it)."""
        out = {}
        for name, e in self.sets.items():
            by_fold = [e.probabilities(m) for m in models]
            out[name] = [by_fold[f][i] if f >= 0 else [] for i, f in enumerate(self.item_fold[name])]
        return out

    def figures(self, probs: dict[str, list], new: float, drop: float, files: set[str] | None = None) -> dict:
        """Stance F1 and positions pooled over the sets (counts added), on ``files`` only when given."""
        total = {"stance_precision": [0, 0], "stance_recall": [0, 0], "positions_right": [0, 0]}
        for name, e in self.sets.items():
            keep = None if files is None else files & {d["file"] for d in e.gold["documents"]}
            if keep is not None and not keep:
                continue
            got = end_to_end.brief(e.score(e.decide(probs[name], new, drop), keep))
            for key in total:
                total[key] = [a + b for a, b in zip(total[key], got[key])]
        return summary(total)


def summary(counts: dict) -> dict:
    (pr, pn), (rr, rn), (qr, qn) = counts["stance_precision"], counts["stance_recall"], counts["positions_right"]
    p, r = (pr / pn if pn else 0.0), (rr / rn if rn else 0.0)
    return {"stance_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "positions": round(qr / qn, 4) if qn else 0.0,
            **counts}


def weighted(rows: list[dict], settings: dict) -> list[dict]:
    """The examples at the settings' weights: the written sentences', the unlisted statements'."""
    rows = tr.unlisted_weighted(rows, settings.get("unlisted_weight", 0.0))
    return tr.with_written_weight(rows, settings["written_weight"])


def fold_models(rows: list[dict], fold: dict[str, int], k: int, settings: dict, share: float = 1.0) -> list[dict]:
    """One model per fold, trained on the other folds (and the written sentences); ``share`` < 1: on that
    share of the other folds' documents (the same pick for a document whatever the fold)."""
    rows = weighted(rows, settings)
    kept = {d for d in fold if share >= 1.0 or random.Random(d).random() < share}
    return [tr.train([r for r in rows if tr.is_written(r) or (fold.get(r["doc"], -1) != f and r["doc"] in kept)],
                     settings["l2_about"], settings["l2_side"]) for f in range(k)]


def curve(rows: list[dict], pooled: Pooled, k: int, settings: dict) -> list[dict]:
    """The learning curve, out of fold: the chosen settings trained on a share of each fold's training
    documents, every document still predicted by a model that never saw it."""
    out = []
    for share in (0.25, 0.5, 0.75, 1.0):
        probs = pooled.out_of_fold(fold_models(rows, pooled.fold, k, settings, share))
        fig = pooled.figures(probs, settings["threshold_new"], settings["threshold_drop"])
        out.append({"training_documents": round(share * len(pooled.fold) * (k - 1) / k),
                    "stance_f1": fig["stance_f1"], "positions": fig["positions"]})
        print(json.dumps(out[-1]), file=sys.stderr)
    return out


def best_thresholds(pooled: Pooled, probs: dict, guards: list, full: dict, grid: tuple) -> tuple:
    """The (threshold_new, threshold_drop) of the best pooled figure among those whose full model keeps
    every guard; (key, figures, new, drop)."""
    guard_probs = [(g, g.probabilities(full)) for g in guards]
    best = None
    for new in grid[0]:
        for drop in grid[1]:
            held = {g.name: g.figures_of(p, new, drop) for g, p in guard_probs}
            if not all(g.holds(held[g.name]) for g, _ in guard_probs):
                continue
            fig = pooled.figures(probs, new, drop)
            key = (fig["stance_f1"], fig["positions"])
            if best is None or key > best[0]:
                best = (key, {**fig, "guards": held}, new, drop)
    return best


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", nargs="+", type=float, default=[0.3, 1.0, 3.0], help="values of both L2 settings")
    ap.add_argument("--written-weight", nargs="+", type=float, default=[0.1, 0.25])
    ap.add_argument("--unlisted-weight", nargs="+", type=float, default=[0.0, 0.2],
                    help="weights of the statements the gold does not list (about nothing) in training")
    ap.add_argument("--thresholds-new", nargs="+", type=float, default=list(tr.NEW))
    ap.add_argument("--thresholds-drop", nargs="+", type=float, default=list(tr.DROP))
    ap.add_argument("--cache", help="folder keeping the built examples and analysed splits between runs")
    ap.add_argument("--out", help="where to write the model trained on train+dev with the chosen settings")
    ap.add_argument("--report", default=str(REPORT))
    ap.add_argument("--reference", default=str(tr.OUT), help="the model the held-out guards hold a candidate to")
    ap.add_argument("--guard-slack", type=float, default=0.01)
    ap.add_argument("--curve", action="store_true", help="also the learning curve of the chosen settings")
    ap.add_argument("--compare-docs", help="a file of corpus file names (one a line) the reference model never "
                                           "trained on: both models' figures on them go in the report")
    ap.add_argument("--heldout-slack-e2e", type=float, default=0.01)
    ap.add_argument("--exclude-rounds", nargs="+", default=[], metavar="ROUND",
                    help="leave the documents of these rounds (eval/corpus/rounds.tsv) out of the folds, training "
                         "and choice alike (default: none)")
    return ap.parse_args()


def load(a) -> tuple[list[dict], Pooled, list, dict | None]:
    """The examples of train + dev + the written sentences, the pooled splits, the guards, the reference."""
    rows = tr.cached(a.cache, "train", lambda: dataset.build("train"))
    rows += tr.cached(a.cache, "dev", lambda: dataset.build("dev"))
    rows += tr.cached(a.cache, "written", lambda: written.examples(written.default_files(), 1.0))
    rows = dataset.drop_rounds(rows, a.exclude_rounds)
    sets = {s: end_to_end.EndToEnd.from_json(tr.cached(a.cache, f"{s}_e2e", lambda s=s: end_to_end.EndToEnd.build(s).to_json()))
            .without_rounds(a.exclude_rounds) for s in SPLITS}
    # folds over every document of the splits, those without a matched statement (no example) included
    fold = folds_of({d["file"] for e in sets.values() for d in e.gold["documents"]}, a.folds)
    reference = None
    if a.reference != "none" and pathlib.Path(a.reference).is_file():
        reference = json.loads(pathlib.Path(a.reference).read_text(encoding="utf-8"))
    return rows, Pooled(sets, fold), tr.e2e_guard_sets(a, reference), reference


def main() -> None:
    a = arguments()
    rows, pooled, guards, reference = load(a)
    grid = (a.thresholds_new, a.thresholds_drop)
    log, best = [], None
    grid_settings = [{"l2_about": l2a, "l2_side": l2s, "written_weight": ww, "unlisted_weight": uw}
                     for ww in a.written_weight for uw in a.unlisted_weight for l2a in a.l2 for l2s in a.l2]
    for settings in grid_settings:
        probs = pooled.out_of_fold(fold_models(rows, pooled.fold, a.folds, settings))
        full = tr.train(weighted(rows, settings), settings["l2_about"], settings["l2_side"])
        found = best_thresholds(pooled, probs, guards, full, grid)
        if found is None:
            log.append({**settings, "ok": False})
            continue
        key, fig, new, drop = found
        log.append({**settings, "threshold_new": new, "threshold_drop": drop, **fig})
        print(json.dumps(log[-1]), file=sys.stderr)
        if best is None or key > best[0]:
            best = (key, {**settings, "threshold_new": new, "threshold_drop": drop}, full, probs)
    if best is None:
        raise SystemExit("cv: no setting keeps the guards")
    report = compare(pooled, best, reference, log)
    if a.compare_docs and reference is not None:
        report["compared"] = on_unseen(pooled, best, reference, a.compare_docs)
    if a.curve:
        report["curve"] = curve(rows, pooled, a.folds, best[1])
    pathlib.Path(a.report).write_text(json.dumps(report, indent=1, sort_keys=True), encoding="utf-8")
    print(json.dumps({k: report.get(k) for k in ("chosen", "cv_all", "cv_dev", "reference_dev", "rules_all", "rules_dev")},
                     indent=1))
    if a.out:
        save(best, rows, a.out, report)


def compare(pooled: Pooled, best: tuple, reference: dict | None, log: list) -> dict:
    """The chosen settings' out-of-fold figures (all documents; the dev documents) and the reference
    model's on the dev documents, which it never trained on."""
    _, settings, _, probs = best
    new, drop = settings["threshold_new"], settings["threshold_drop"]
    dev_files = {d["file"] for d in pooled.sets["dev"].gold["documents"]}
    report = {"chosen": settings, "folds": max(pooled.fold.values()) + 1, "candidates": log,
              "documents": len(pooled.fold), "cv_all": pooled.figures(probs, new, drop),
              "cv_dev": pooled.figures(probs, new, drop, dev_files)}
    rules = {name: e.probabilities(None) for name, e in pooled.sets.items()}
    report["rules_all"] = pooled.figures(rules, 1.0, 0.0)
    report["rules_dev"] = pooled.figures(rules, 1.0, 0.0, dev_files)
    if reference is not None:
        dev = pooled.sets["dev"]
        report["reference_dev"] = dev.figures(reference)
        report["reference_meta"] = reference.get("meta", {})
    return report


def on_unseen(pooled: Pooled, best: tuple, reference: dict, path: str) -> dict:
    """The chosen settings out of fold and the reference model on documents the reference never saw."""
    files = {f.strip() for f in pathlib.Path(path).read_text(encoding="utf-8").split() if f.strip()} & set(pooled.fold)
    _, settings, _, probs = best
    theirs = {name: e.probabilities(reference) for name, e in pooled.sets.items()}
    return {"documents": len(files),
            "cv": pooled.figures(probs, settings["threshold_new"], settings["threshold_drop"], files),
            "reference": pooled.figures(theirs, reference["threshold_new"], reference.get("threshold_drop", 0.0), files)}


def save(best: tuple, rows: list[dict], out: str, report: dict) -> None:
    _, settings, full, _ = best
    model = {**full, "threshold_new": settings["threshold_new"], "threshold_drop": settings["threshold_drop"]}
    docs = report["documents"]  # every document of the folds, those that give no example included
    sentences = len({r["doc"] for r in rows if tr.is_written(r)})
    unlisted = (f" + statements the gold does not list, about nothing (weight {settings['unlisted_weight']})"
                if settings.get("unlisted_weight") else "")
    model["meta"] = {"trained_on": f"eval/corpus train+dev splits ({docs} documents) + {sentences} written sentences "
                                   f"(weight {settings['written_weight']})" + unlisted,
                     "train_docs": docs, "settings": {**settings, "select": f"cv{report['folds']}",
                                                      "cv_all": report["cv_all"], "cv_dev": report["cv_dev"]}}
    pathlib.Path(out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                 encoding="utf-8")
    print(f"cv: model written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
