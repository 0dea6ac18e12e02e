"""Choosing the stance model's settings by cross-validation (scripts/train/stance/cv.py): every document
is predicted by a model trained without it, and the figures are the shared scorer's, pooled."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from conftest import needs_scored_seeds as needs_seeds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))


def test_folds_deal_each_language_in_id_order():
    import cv
    docs = {f"it_{i:03d}.txt" for i in range(1, 12)} | {f"en_{i:03d}.txt" for i in range(1, 8)}
    fold = cv.folds_of(docs, 3)
    assert fold == cv.folds_of(set(sorted(docs, reverse=True)), 3)  # the order given does not matter
    assert [fold[f"it_{i:03d}.txt"] for i in range(1, 8)] == [0, 1, 2, 0, 1, 2, 0]
    for f in range(3):
        held = {d[:2] for d, k in fold.items() if k == f}
        assert held == {"it", "en"}
    sizes = [sum(1 for k in fold.values() if k == f) for f in range(3)]
    assert max(sizes) - min(sizes) <= 2


def test_the_sparse_products_are_the_dense_ones():
    import train
    rng = np.random.default_rng(7)
    vocab = {f"f{j}": j for j in range(30)}
    rows = [{"x": {f"f{j}": float(rng.integers(1, 4)) for j in rng.choice(30, size=rng.integers(0, 6), replace=False)}}
            for _ in range(50)]
    rows[3]["x"] = {}  # a row without any feature
    dense = np.zeros((50, 30))
    for i, r in enumerate(rows):
        for k, v in r["x"].items():
            dense[i, vocab[k]] = v
    x = train.Sparse(rows, "x", vocab)
    w, g = rng.normal(size=(30, 4)), rng.normal(size=(50, 4))
    assert np.allclose(x.dot(w), dense @ w)
    assert np.allclose(x.tdot(g), dense.T @ g)


@needs_seeds
def test_each_statement_is_decided_by_the_model_of_its_own_fold(seeds_e2e):
    import cv
    _, seeds_e2e = seeds_e2e
    from garante.extract.stance_model import MODEL
    shipped = json.loads(Path(MODEL).read_text(encoding="utf-8"))
    silent = {**shipped, "about": {}}  # P(about) 0.5 everywhere: adds every issue at threshold 0.5
    files = sorted(d["file"] for d in seeds_e2e.gold["documents"])
    fold = {f: (0 if f == files[0] else 1) for f in files}
    pooled = cv.Pooled({"seeds": seeds_e2e}, fold)
    probs = pooled.out_of_fold([silent, shipped])["seeds"]
    alone = {0: seeds_e2e.probabilities(silent), 1: seeds_e2e.probabilities(shipped)}
    for i, item in enumerate(seeds_e2e.items):
        assert probs[i] == alone[fold[seeds_e2e.file_of[item["doc"]]]][i]
    # one model for every fold: the pooled figures are the set's own
    same = pooled.out_of_fold([shipped, shipped])
    mine = pooled.figures(same, 0.6, 0.05)
    theirs = seeds_e2e.figures(shipped, 0.6, 0.05)
    assert (mine["stance_f1"], mine["positions"]) == (round(theirs["stance_f1"], 4), round(theirs["positions"], 4))
    # the document of fold 0 decided by the silent model gains stances the shipped model never adds
    assert pooled.figures({"seeds": probs}, 0.5, 0.0)["stance_precision"][1] > \
        pooled.figures(same, 0.5, 0.0)["stance_precision"][1]


def test_a_folds_positions_come_from_its_own_documents_where_the_splits_do():
    import e2e

    def doc(name, date, stance):
        return {"file": name, "meta": {"language": "en", "published": date}, "statements": [
            {"speaker": "Dmitry Peskov", "speaker_kind": "person", "required": True, "date": None,
             "on_behalf_of": ["Russia"], "on_behalf_of_name": "Russia", "issues": {"ceasefire": [stance]}}]}
    early, late = doc("a.txt", "2025-01-10", "oppose"), doc("b.txt", "2025-06-02", "support")
    corpus_cell = {"actor": "Russia", "issue": "ceasefire", "stance": ["support"], "actor_aliases": ["Russia"]}
    own = {"documents": [early, late], "positions": [corpus_cell], "positions_from": "own documents"}
    # the early document alone: its own statement (dated by its page), not the corpus's latest
    assert [p["stance"] for p in e2e.subset(own, {"a.txt"})["positions"]] == [["oppose"]]
    slim = {**own, "documents": [e2e.slim_gold(d) for d in own["documents"]]}
    # the slimmed gold of the end-to-end caches keeps the page dates that order undated statements
    assert [p["stance"] for p in e2e.subset(slim, {"a.txt", "b.txt"})["positions"]] == [["support"]]
    # hand-made positions (the seeds', the held-out sets') stay the cells the statements speak to
    handmade = {k: v for k, v in own.items() if k != "positions_from"}
    assert e2e.subset(handmade, {"a.txt"})["positions"] == [corpus_cell]
