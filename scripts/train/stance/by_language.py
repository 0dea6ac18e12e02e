#!/usr/bin/env python3
"""Why the stance model helps one language more than the other, and thresholds per language chosen out of
fold (sixteenth session, MODEL_CARD.md).

Two commands, both on the train and dev splits pooled, without the rounds ``--exclude-rounds`` (the check
round: never read here), every document predicted by a model trained on the other folds (cv.py's folds):

    .venv/bin/python scripts/train/stance/by_language.py diagnose --cache /tmp/c --exclude-rounds fifteenth
    .venv/bin/python scripts/train/stance/by_language.py thresholds --cache /tmp/c --exclude-rounds fifteenth \
        --out /tmp/m.json

``diagnose`` prints, per language, out of fold and per (statement, issue) pair: the share of the examples,
calibration (P(about) in bins against how often the pair is about the issue), the precision of the
stances the model adds and of the rules' stances it drops at the given thresholds, and how much of the
features' weight is lexical (words of one language) against shared (the rules' answers, the parse).

``thresholds`` chooses each language's (threshold_new, threshold_drop) on the out-of-fold end-to-end
figure of that language's documents alone (the shared scorer's stance F1, then positions: a language's
thresholds decide only its own documents' stances, and positions are per language), about 5 times the
documents that dev alone gives, with train.py's end-to-end guards (seeds, held-out sets) held by the model
trained on every fold; it writes that model with the chosen thresholds.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import cv  # noqa: E402
import train as tr  # noqa: E402
from garante.extract.stance_model import LEXICAL, by_language, family  # noqa: E402

LANGS = ("it", "en")


def pair_out_of_fold(rows: list[dict], fold: dict[str, int], k: int, settings: dict) -> list[tuple]:
    """Each corpus row's (rules' stance, P(about), model's side) from the model of its fold."""
    models = cv.fold_models(rows, fold, k, settings)
    corpus = [r for r in rows if not tr.is_written(r)]
    by_fold = {f: tr.probabilities(m, [r for r in corpus if fold.get(r["doc"], -1) == f]) for f, m in enumerate(models)}
    it = {f: iter(p) for f, p in by_fold.items()}
    return corpus, [next(it[fold.get(r["doc"], -1)]) for r in corpus]


def calibration(rows: list[dict], probs: list[tuple], ruled: bool) -> list[dict]:
    bins = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.01]
    out = []
    for lo, hi in zip(bins, bins[1:]):
        got = [r["about"] for r, (rule, pa, _) in zip(rows, probs) if bool(rule) == ruled and lo <= pa < hi]
        if got:
            mean_p = sum(pa for r, (rule, pa, _) in zip(rows, probs) if bool(rule) == ruled and lo <= pa < hi) / len(got)
            out.append({"bin": f"{lo:.2f}-{min(hi, 1):.2f}", "n": len(got), "mean_p": round(mean_p, 3),
                        "about": round(sum(got) / len(got), 3)})
    return out


def ece(rows, probs) -> float:
    n = len(rows)
    bins = {}
    for r, (_, pa, _) in zip(rows, probs):
        bins.setdefault(min(int(pa * 10), 9), []).append((pa, r["about"]))
    return round(sum(abs(sum(p for p, _ in v) / len(v) - sum(y for _, y in v) / len(v)) * len(v) for v in bins.values()) / n, 4)


def decisions(rows, probs, new: float, drop: float) -> dict:
    """The stances the model adds (precision: the side among the gold's) and the rules' it drops (how many
    of them were wrong: the drop's precision), at these thresholds."""
    added = [(r, side) for r, (rule, pa, side) in zip(rows, probs) if not rule and pa >= new]
    dropped = [(r, rule) for r, (rule, pa, _) in zip(rows, probs) if rule and pa < drop]
    kept_rules = [(r, rule) for r, (rule, pa, _) in zip(rows, probs) if rule and pa >= drop]
    missed = sum(1 for r, (rule, pa, _) in zip(rows, probs) if r["about"] and not rule and pa < new)
    return {"added": len(added), "added_right": sum(s in r["allowed"] for r, s in added),
            "added_about": sum(r["about"] for r, _ in added),
            "dropped": len(dropped), "dropped_were_wrong": sum(s not in r["allowed"] for r, s in dropped),
            "rules_kept": len(kept_rules), "rules_kept_right": sum(s in r["allowed"] for r, s in kept_rules),
            "gold_pairs_left_out": missed}


def weight_shares(model: dict, rows: list[dict]) -> dict:
    """Of the about model's |w x| summed over the rows' features: the share of lexical families (words of
    one language), and how many of the rows' distinct lexical features have a weight at all."""
    lex, other, seen, weighted = 0.0, 0.0, set(), set()
    for r in rows:
        for k, v in r["fa"].items():
            w = model["about"].get(k, 0.0)
            if family(k) in LEXICAL:
                lex += abs(w * v)
                seen.add(k)
                if w:
                    weighted.add(k)
            else:
                other += abs(w * v)
    return {"lexical_share": round(lex / (lex + other), 3) if lex + other else 0.0,
            "lexical_features": len(seen), "with_weight": round(len(weighted) / len(seen), 3) if seen else 0.0}


def load(a):
    rows = tr.cached(a.cache, "train", lambda: cv.dataset.build("train"))
    rows += tr.cached(a.cache, "dev", lambda: cv.dataset.build("dev"))
    rows += tr.cached(a.cache, "written", lambda: cv.written.examples(cv.written.default_files(), 1.0))
    rows = tr.unlisted_weighted(cv.dataset.drop_rounds(rows, a.exclude_rounds), 0)
    return rows


def settings_of(a) -> dict:
    return {"l2_about": a.l2_about, "l2_side": a.l2_side, "written_weight": a.written_weight, "unlisted_weight": 0.0}


def diagnose(a) -> None:
    rows = load(a)
    docs = sorted({r["doc"] for r in rows if not tr.is_written(r)})
    fold = cv.folds_of(set(docs), a.folds)
    corpus, probs = pair_out_of_fold(rows, fold, a.folds, settings_of(a))
    full = tr.train(cv.weighted(rows, settings_of(a)), a.l2_about, a.l2_side)
    written = [r for r in rows if tr.is_written(r)]
    out = {"documents": {l: sum(d.startswith(l) for d in docs) for l in LANGS},
           "written_rows": {l: sum(r["lang"] == l for r in written) for l in LANGS}}
    new = dict(x.split("=") for x in a.at)
    for lang in LANGS:
        idx = [i for i, r in enumerate(corpus) if r["lang"] == lang]
        rs, ps = [corpus[i] for i in idx], [probs[i] for i in idx]
        t_new, t_drop = (float(x) for x in new.get(lang, "0.8,0.1").split(","))
        grid = {}
        for t in tr.NEW:
            for d in tr.DROP:
                grid[(t, d)] = tr.scores(rs, tr.decided(ps, t, d))["f1"]
        best = max(grid, key=grid.get)
        out[lang] = {"rows": len(rs), "about": sum(r["about"] for r in rs),
                     "rules_f1": tr.scores(rs, tr.rule_predictions(rs))["f1"],
                     "model_f1_at": tr.scores(rs, tr.decided(ps, t_new, t_drop))["f1"],
                     "best_pair": {"new": best[0], "drop": best[1], "f1": grid[best]},
                     "ece": ece(rs, ps), "calibration_unruled": calibration(rs, ps, False),
                     "calibration_ruled": calibration(rs, ps, True),
                     "decisions_at": {"new": t_new, "drop": t_drop, **decisions(rs, ps, t_new, t_drop)},
                     "weights": weight_shares(full, rs)}
    print(json.dumps(out, indent=1))


def thresholds(a) -> None:
    rows, pooled, guards, reference = cv.load(a)
    settings = settings_of(a)
    probs = pooled.out_of_fold(cv.fold_models(rows, pooled.fold, a.folds, settings))
    full = tr.train(cv.weighted(rows, settings), a.l2_about, a.l2_side)
    guard_probs = [(g, g.probabilities(full)) for g in guards]
    files = {lang: {f for f in pooled.fold if f.startswith(lang)} for lang in LANGS}
    star = (a.star_new, a.star_drop)
    grid = [(t, d) for t in a.thresholds_new for d in a.thresholds_drop]
    figs = {lang: {pair: pooled.figures(probs, *pair, files[lang]) for pair in grid} for lang in LANGS}
    table = {lang: [{"new": t, "drop": d, "stance_f1": f["stance_f1"], "positions": f["positions"]}
                    for (t, d), f in sorted(figs[lang].items(), key=lambda x: (x[1]["stance_f1"], x[1]["positions"]),
                                            reverse=True)[:8]] for lang in LANGS}
    # both languages' pairs at once, by the pooled figure (the scorer's counts add over the languages'
    # documents), the first that keeps every guard with the model trained on every fold
    joint = []
    for p_it in grid:
        for p_en in grid:
            counts = {k: [x + y for x, y in zip(figs["it"][p_it][k], figs["en"][p_en][k])]
                      for k in ("stance_precision", "stance_recall", "positions_right")}
            fig = cv.summary(counts)
            joint.append(((fig["stance_f1"], fig["positions"]), {"it": p_it, "en": p_en}))
    joint.sort(key=lambda x: x[0], reverse=True)
    pick, tried = None, 0
    for _, trial in joint:
        tried += 1
        new = {"*": star[0], **{k: v[0] for k, v in trial.items()}}
        drop = {"*": star[1], **{k: v[1] for k, v in trial.items()}}
        if all(g.holds(g.figures_of(p, new, drop)) for g, p in guard_probs):
            pick = trial
            break
    print(f"thresholds: the {tried}th best pair of pairs keeps the guards", file=sys.stderr)
    pick = pick or {lang: star for lang in LANGS}
    new = {"*": star[0], **{k: v[0] for k, v in pick.items()}}
    drop = {"*": star[1], **{k: v[1] for k, v in pick.items()}}
    report = {"settings": {**settings, "threshold_new": new, "threshold_drop": drop}, "documents": len(pooled.fold),
              "oof_top": table, "oof_grid": {lang: [[t, d, f["stance_f1"], f["positions"]] for (t, d), f in figs[lang].items()]
                                                 for lang in LANGS}, "unguarded_best": {"pairs": joint[0][1], "key": joint[0][0]}, "rank_kept": tried,
              "oof": {lang: pooled.figures(probs, new, drop, files[lang]) for lang in LANGS},
              "oof_all": pooled.figures(probs, new, drop),
              "guards": {g.name: g.figures_of(p, new, drop) for g, p in guard_probs}}
    if a.given:
        gn = {"*": star[0]}
        gd = {"*": star[1]}
        for item in a.given:
            lang, _, pair = item.partition("=")
            t, _, d = pair.partition(",")
            gn[lang], gd[lang] = float(t), float(d)
        report["oof_given"] = {"thresholds": [gn, gd], **{lang: pooled.figures(probs, gn, gd, files[lang]) for lang in LANGS},
                               "all": pooled.figures(probs, gn, gd)}
    print(json.dumps(report, indent=1))
    if a.report:
        pathlib.Path(a.report).write_text(json.dumps(report, indent=1), encoding="utf-8")
    if a.out:
        source = (f"eval/corpus train+dev splits ({len(pooled.fold)} documents)"
                  + (f" without the round(s) {', '.join(a.exclude_rounds)}" if a.exclude_rounds else "")
                  + f" + written sentences (weight {a.written_weight}); thresholds per language out of fold")
        model = {**full, "threshold_new": new, "threshold_drop": drop,
                 "meta": {"trained_on": source, "train_docs": len(pooled.fold),
                          "settings": {**report["settings"], "select": f"oof{a.folds} per language",
                                       **({"excluded_rounds": list(a.exclude_rounds)} if a.exclude_rounds else {})}}}
        pathlib.Path(a.out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                       encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["diagnose", "thresholds"])
    tr.add_out_of_fold_args(ap)
    ap.add_argument("--at", nargs="+", default=["it=0.7,0.05", "en=0.5,0.3"], help="diagnose: thresholds per language")
    ap.add_argument("--given", nargs="*", default=["it=0.7,0.05", "en=0.5,0.3"],
                    help="thresholds: also the out-of-fold figures of these")
    ap.add_argument("--thresholds-new", nargs="+", type=float, default=list(tr.NEW))
    ap.add_argument("--thresholds-drop", nargs="+", type=float, default=list(tr.DROP))
    ap.add_argument("--star-new", type=float, default=0.8, help="the default pair of other languages")
    ap.add_argument("--star-drop", type=float, default=0.1)
    ap.add_argument("--reference", default=str(tr.OUT))
    ap.add_argument("--guard-slack", type=float, default=0.01)
    ap.add_argument("--heldout-slack-e2e", type=float, default=0.01)
    ap.add_argument("--out")
    ap.add_argument("--report")
    a = ap.parse_args()
    {"diagnose": diagnose, "thresholds": thresholds}[a.command](a)


if __name__ == "__main__":
    main()
