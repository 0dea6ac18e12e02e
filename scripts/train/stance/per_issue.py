#!/usr/bin/env python3
"""Thresholds per language AND issue, chosen out of fold on the train split (seventeenth session,
MODEL_CARD.md).

The out-of-fold diagnosis (5 folds by document) showed that the stances the model adds are not equally
precise across issues (English us_backstop or territorial_withdrawal right far more often than
western_security_guarantees beside foreign troops), so one ``threshold_new`` a language is too high for
some issues and too low for others. Here every train document is predicted by a model of the folds that
never saw it; per (language, issue) the pair (``threshold_new``, ``threshold_drop``) is chosen by
coordinate ascent on the pooled pair F1 (the stances on statements the gold does not list count as wrong,
as the scorer counts them end to end), a move kept only where it gains at least ``--min-gain`` and the
model trained on every fold keeps train.py's end-to-end guards (the seeds' floor, our held-out sets).
The dev split is used by nothing here: it stays a check, as does any round ``--exclude-rounds`` leaves out.

    .venv/bin/python scripts/train/stance/per_issue.py --cache /tmp/c --exclude-rounds sixteenth \
        --model /tmp/C1.json --out /tmp/C1i.json     # C1: train.py's model on the same documents

``--nested`` first estimates what the choice itself is worth: for each fold, the thresholds chosen on the
other folds' out-of-fold predictions (no guard), scored on that fold's, against the per-language pair.
The model file keeps the per-language thresholds and adds entries "<lang>|<issue>" to both dicts
(``stance_model.by_language``).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import cv  # noqa: E402
import dataset  # noqa: E402
import e2e as end_to_end  # noqa: E402
import train as tr  # noqa: E402
import written  # noqa: E402
from garante.extract.stance_model import StanceModel  # noqa: E402

NEW = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: the model adds nothing on the issue
DROP = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)


class Pairs:
    """Out-of-fold decisions as arrays: per corpus row its key (language|issue), whether the rules gave a
    stance, P(about), whether the stance it would get is among the gold's, and its fold."""

    def __init__(self, rows: list[dict], probs: list[tuple], fold: dict[str, int]):
        self.key = np.array([f"{r['lang']}|{r['issue']}" for r in rows])
        self.ruled = np.array([bool(p[0]) for p in probs])
        self.pa = np.array([p[1] for p in probs])
        self.right = np.array([(p[0] or p[2]) in r["allowed"] for r, p in zip(rows, probs)])
        self.about = np.array([bool(r["about"]) for r in rows])
        self.fold = np.array([fold.get(r["doc"], -1) for r in rows])
        self.keys = sorted(set(self.key))
        self.index = {k: np.flatnonzero(self.key == k) for k in self.keys}

    def counts(self, idx: np.ndarray, new: float, drop: float) -> tuple[int, int]:
        """(right stances, stances) of the rows ``idx`` at these thresholds."""
        kept = np.where(self.ruled[idx], self.pa[idx] >= drop, self.pa[idx] >= new)
        return int((kept & self.right[idx]).sum()), int(kept.sum())


def f1(tp: int, made: int, gold: int) -> float:
    return 2 * tp / (made + gold) if made + gold else 0.0


def choose(pairs: Pairs, base: dict[str, tuple[float, float]], mask: np.ndarray, min_gain: float,
           guard=None, rounds: int = 2, grid=lambda k: (NEW, DROP)) -> dict[str, tuple[float, float]]:
    """Per key the (new, drop) of the best pooled pair F1 on the rows ``mask``, by coordinate ascent from
    ``base`` (key -> pair) over ``grid(key)`` -> (news, drops); a move must add ``min_gain`` and, with
    ``guard(pick)`` -> the guards' shortfall (0: they hold), keep them. Where ``base`` misses a guard, moves
    that cut the shortfall most come first."""
    pick = dict(base)
    idx = {k: v[mask[v]] for k, v in pairs.index.items()}
    gold = int(pairs.about[mask].sum())
    cur = {k: pairs.counts(idx[k], *pick[k]) for k in pairs.keys}

    def trials(k):
        tp0 = sum(c[0] for c in cur.values()) - cur[k][0]
        made0 = sum(c[1] for c in cur.values()) - cur[k][1]
        out = []
        news, drops = grid(k)
        for t in news:
            for d in drops:
                c = pairs.counts(idx[k], t, d)
                out.append((f1(tp0 + c[0], made0 + c[1], gold), (t, d), c, k))
        return f1(tp0 + cur[k][0], made0 + cur[k][1], gold), sorted(out, key=lambda x: x[0], reverse=True)

    # the base misses a guard: moves that bring the guards' shortfall down most (then the best-scoring)
    # until none is left, whatever they cost
    short = guard(pick) if guard is not None else 0.0
    while short > 0:
        best = None
        for k in pairs.keys:
            for fig, pair, c, _ in trials(k)[1]:
                if pair != pick[k]:
                    key = (-round(guard({**pick, k: pair}), 6), fig)
                    if best is None or key > best[0]:
                        best = (key, k, pair, c)
        if best is None or -best[0][0] >= short:
            return pick
        _, k, pair, c = best
        pick, cur[k], short = {**pick, k: pair}, c, -best[0][0]
    for _ in range(rounds):
        moved = False
        for k in pairs.keys:
            now, ranked = trials(k)
            for fig, pair, c, _ in ranked:
                if fig < now + min_gain:
                    break
                if guard is None or guard({**pick, k: pair}) <= 0:
                    pick, cur[k], moved = {**pick, k: pair}, c, True
                    break
        if not moved:
            break
    return pick


def as_dicts(pick: dict[str, tuple[float, float]], base_lang: dict[str, tuple[float, float]],
             star: tuple[float, float]) -> tuple[dict, dict]:
    """The model file's threshold dicts: "*", each language's pair, and "<lang>|<issue>" where it differs."""
    new, drop = {"*": star[0]}, {"*": star[1]}
    for lang, (t, d) in base_lang.items():
        new[lang], drop[lang] = t, d
    for k, (t, d) in pick.items():
        lang = k.split("|", 1)[0]
        if t != base_lang[lang][0]:
            new[k] = t
        if d != base_lang[lang][1]:
            drop[k] = d
    return new, drop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    tr.add_out_of_fold_args(ap)
    ap.add_argument("--languages", nargs="+", default=["it=0.7,0.05", "en=0.5,0.3"], metavar="LANG=NEW,DROP")
    ap.add_argument("--star", default="0.8,0.1", help="the pair of other languages")
    ap.add_argument("--min-gain", type=float, default=0.0005, help="least pooled pair F1 a move must add")
    ap.add_argument("--new-only", action="store_true", help="per issue threshold_new only (drop per language)")
    ap.add_argument("--nested", action="store_true", help="first the nested out-of-fold estimate")
    ap.add_argument("--nested-only", action="store_true", help="the nested estimate alone (no model written)")
    ap.add_argument("--fold-models", help="JSON file keeping the fold models between runs")
    ap.add_argument("--model", help="the model trained on every fold (train.py's, same settings); default: trained here")
    ap.add_argument("--reference", default=str(tr.OUT), help="the model the held-out guards hold a candidate to")
    ap.add_argument("--guard-slack", type=float, default=0.01)
    ap.add_argument("--heldout-slack-e2e", type=float, default=0.01)
    ap.add_argument("--seeds-floor", type=float, default=0.95,
                    help="the seeds' least stance F1 (the project's floor; train.py's guard also wants the rules' "
                         "less --guard-slack: here the floor alone, positions 1.00)")
    ap.add_argument("--out")
    ap.add_argument("--report")
    a = ap.parse_args()
    settings = {"l2_about": a.l2_about, "l2_side": a.l2_side, "written_weight": a.written_weight, "unlisted_weight": 0.0}
    rows = tr.cached(a.cache, "train", lambda: dataset.build("train"))
    rows += tr.cached(a.cache, "written", lambda: written.examples(written.default_files(), 1.0))
    rows = dataset.drop_rounds(rows, a.exclude_rounds)
    corpus = [r for r in rows if not tr.is_written(r)]
    fold = cv.folds_of({r["doc"] for r in corpus}, a.folds)
    path = pathlib.Path(a.fold_models) if a.fold_models else None
    if path and path.is_file():
        models = json.loads(path.read_text(encoding="utf-8"))
    else:
        models = cv.fold_models(rows, fold, a.folds, settings)  # unlisted rows leave training (weight 0)
        if path:
            path.write_text(json.dumps(models), encoding="utf-8")
    ms = [StanceModel({**m, "threshold_new": 0.5}) for m in models]
    probs = []
    for r, ruled in zip(corpus, tr.rule_predictions(corpus)):
        m = ms[fold[r["doc"]]]
        side = None
        if not ruled:
            ps = m.p_side(r["fs"], r["lang"])
            side = max(ps, key=ps.get)
        probs.append((ruled, m.p_about(r["fa"], r["lang"]), side))
    pairs = Pairs(corpus, probs, fold)
    base_lang = {}
    for item in a.languages:
        lang, _, pair = item.partition("=")
        t, _, d = pair.partition(",")
        base_lang[lang] = (float(t), float(d))
    star = tuple(float(x) for x in a.star.split(","))
    base = {k: base_lang.get(k.split("|", 1)[0], star) for k in pairs.keys}
    report = {"settings": settings, "documents": len(fold), "rows": len(corpus), "min_gain": a.min_gain,
              "new_only": a.new_only}

    def grid_for(k):
        return (NEW, (base[k][1],)) if a.new_only else (NEW, DROP)

    def total(pick, mask):
        tp = made = 0
        for k in pairs.keys:
            idx = pairs.index[k][mask[pairs.index[k]]]
            c = pairs.counts(idx, *pick[k])
            tp, made = tp + c[0], made + c[1]
        gold = int(pairs.about[mask].sum())
        return {"f1": round(f1(tp, made, gold), 4), "right": tp, "made": made, "gold": gold}

    def run_choose(mask, guard=None):
        return choose(pairs, base, mask, a.min_gain, guard, grid=grid_for)

    everything = np.ones(len(corpus), dtype=bool)
    if a.nested:
        sums = {"base": [0, 0, 0], "per_issue": [0, 0, 0]}
        per_fold = []
        for f in range(a.folds):
            inside = pairs.fold != f
            pick = run_choose(inside)
            out = ~inside
            b, p = total(base, out), total(pick, out)
            per_fold.append({"fold": f, "base": b["f1"], "per_issue": p["f1"]})
            for name, fig in (("base", b), ("per_issue", p)):
                sums[name] = [x + fig[y] for x, y in zip(sums[name], ("right", "made", "gold"))]
        report["nested"] = {"per_fold": per_fold, **{name: round(f1(*v), 4) for name, v in sums.items()}}
        print(json.dumps(report["nested"]), file=sys.stderr)
        if a.nested_only:
            return

    full = json.loads(pathlib.Path(a.model).read_text(encoding="utf-8")) if a.model else \
        tr.train(cv.weighted(rows, settings), a.l2_about, a.l2_side)
    reference = json.loads(pathlib.Path(a.reference).read_text(encoding="utf-8")) \
        if a.reference != "none" and pathlib.Path(a.reference).is_file() else None
    guards = tr.e2e_guard_sets(a, reference)
    for g in guards:
        if g.name == "seeds":
            g.least = (a.seeds_floor, g.least[1])
    guard_probs = [(g, g.probabilities(full)) for g in guards]

    def guard(pick) -> float:
        """How far the guards fall short of their least figures (0: every guard holds)."""
        new, drop = as_dicts(pick, base_lang, star)
        short = 0.0
        for g, p in guard_probs:
            fig = g.figures_of(p, new, drop)
            short += max(0.0, g.least[0] - fig["stance_f1"]) + max(0.0, g.least[1] - fig["positions"])
        return short

    pick = run_choose(everything, guard)
    new, drop = as_dicts(pick, base_lang, star)
    report["oof_pairs"] = {"base": total(base, everything), "per_issue": total(pick, everything)}
    report["guards"] = {g.name: g.figures_of(p, new, drop) for g, p in guard_probs}
    report["guards_base"] = {g.name: g.figures_of(p, *as_dicts(base, base_lang, star)) for g, p in guard_probs}
    report["guards_least"] = {g.name: list(g.least) for g in guards}
    report["threshold_new"], report["threshold_drop"] = new, drop
    print(json.dumps({k: v for k, v in report.items() if k != "nested"}, indent=1))
    if a.report:
        pathlib.Path(a.report).write_text(json.dumps(report, indent=1), encoding="utf-8")
    if a.out:
        meta = dict(full.get("meta", {}))
        meta["settings"] = {**meta.get("settings", {}), "threshold_new": new, "threshold_drop": drop,
                            "per_issue": f"oof{a.folds} on the train split, pair F1, min gain {a.min_gain}"}
        model = {**full, "threshold_new": new, "threshold_drop": drop, "meta": meta}
        pathlib.Path(a.out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                       encoding="utf-8")


if __name__ == "__main__":
    main()
