"""Leaving annotation rounds out of the stance model's training and of the dev figures that choose its
settings (scripts/train/stance: ``--exclude-rounds``, eval/corpus/rounds.tsv), so that a round nobody
trained or chose on stays a clean measure; and fixing the L2 values the grid chooses among."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import needs_scored_seeds as needs_seeds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))


def test_the_rounds_are_those_of_the_table():
    import dataset
    names = dataset.round_names()
    assert names[0] == "older" and "thirteenth" in names
    assert dataset.in_rounds("it_606.txt", ["thirteenth"]) and dataset.in_rounds("en_774", ["thirteenth"])
    assert not dataset.in_rounds("it_605.txt", ["thirteenth"])  # the twelfth's last
    assert not dataset.in_rounds("written:en:12", ["thirteenth"])  # our own sentences belong to no round
    assert not dataset.in_rounds("it_606.txt", [])


def test_excluded_rounds_leave_the_examples_and_nothing_else():
    import dataset
    rows = [{"doc": "it_606.txt"}, {"doc": "en_709.txt"}, {"doc": "it_12.txt"}, {"doc": "en_708.txt"},
            {"doc": "written:it:4"}, {"file": "en_740.txt"}]
    assert dataset.drop_rounds(rows, []) == rows  # the default: nothing excluded
    assert dataset.drop_rounds(rows, ["thirteenth"]) == [rows[2], rows[3], rows[4]]
    assert dataset.drop_rounds(rows, ["thirteenth", "older"]) == [rows[3], rows[4]]


def test_an_unknown_round_is_an_error_not_an_empty_exclusion():
    import dataset
    with pytest.raises(SystemExit, match="thirtenth"):
        dataset.drop_rounds([{"doc": "it_606.txt"}], ["thirtenth"])


def test_the_built_split_leaves_the_rounds_documents_out(monkeypatch):
    import dataset
    monkeypatch.setattr(dataset, "_examples", lambda sources: [{"doc": s[1]["file"]} for s in sources])
    every = {r["doc"] for r in dataset.build("train")}
    seen = {r["doc"] for r in dataset.build("train", exclude_rounds=["thirteenth"])}
    gone = every - seen
    assert gone and all(dataset.in_rounds(f, ["thirteenth"]) for f in gone)
    assert not any(dataset.in_rounds(f, ["thirteenth"]) for f in seen)


def test_the_gold_of_a_split_keeps_or_leaves_rounds():
    import e2e

    def doc(name, stance):
        return {"file": name, "meta": {"language": name[:2], "published": "2025-03-01"}, "statements": [
            {"speaker": "Dmitry Peskov", "speaker_kind": "person", "required": True, "date": None,
             "on_behalf_of": ["Russia"], "on_behalf_of_name": "Russia", "issues": {"ceasefire": [stance]}}]}
    gold = {"documents": [doc("en_700.txt", "oppose"), doc("en_710.txt", "support")], "positions": [],
            "positions_from": "own documents"}
    assert e2e.kept_rounds(gold) is gold
    left = e2e.kept_rounds(gold, exclude_rounds=["thirteenth"])
    assert [d["file"] for d in left["documents"]] == ["en_700.txt"]
    # the positions come from the documents kept: Russia opposes, as its only statement left says
    assert [(p["actor"], p["issue"], p["stance"]) for p in left["positions"]] == [("Russia", "ceasefire", ["oppose"])]
    only = e2e.kept_rounds(gold, rounds=["thirteenth"])
    assert [d["file"] for d in only["documents"]] == ["en_710.txt"]


def test_the_l2_values_can_be_fixed():
    import train
    rows = []
    for i in range(40):
        about = i % 2
        rows.append({"doc": f"d{i // 4}", "issue": "ceasefire", "about": about, "side": "support" if about else None,
                     "allowed": ["support"] if about else [], "fa": {f"x{about}": 1.0, "bias": 1.0},
                     "fs": {"y": 1.0}})
    _, settings = train.choose(rows, rows, 0.0, [], thresholds=((0.5,), (0.0,)), l2s=((1.0,), (0.3,)))
    assert (settings["l2_about"], settings["l2_side"]) == (1.0, 0.3)
    _, settings = train.choose(rows, rows, 0.0, [], thresholds=((0.5,), (0.0,)))  # the default grid
    assert settings["l2_about"] in train.L2 and settings["l2_side"] in train.L2


def test_train_excludes_nothing_unless_told(monkeypatch):
    import train
    monkeypatch.setattr(sys, "argv", ["train.py"])
    assert train.arguments().exclude_rounds == []
    monkeypatch.setattr(sys, "argv", ["train.py", "--exclude-rounds", "thirteenth", "--l2-about", "0.3"])
    a = train.arguments()
    assert a.exclude_rounds == ["thirteenth"] and a.l2_about == [0.3] and a.l2_side == list(train.L2)


@needs_seeds
def test_a_split_without_a_round_scores_as_its_other_documents(seeds_e2e):
    """The seeds renamed as corpus files of two rounds: the split without the thirteenth scores as the
    scorer scores the other documents alone, whatever the model."""
    import e2e
    from garante.extract.stance_model import MODEL
    _, seeds = seeds_e2e
    names = sorted(d["file"] for d in seeds.gold["documents"])
    rename = {f: (f"it_{606 + k}.txt" if k < 2 else f"it_{10 + k}.txt") for k, f in enumerate(names)}
    gold = {**seeds.gold, "documents": [{**d, "file": rename[d["file"]]} for d in seeds.gold["documents"]]}
    records = {rename.get(f, f): rec for f, rec in seeds.records.items()}
    renamed = e2e.EndToEnd(gold, seeds.items, seeds.rows, records)
    kept = {rename[f] for f in names[2:]}
    left = renamed.without_rounds(["thirteenth"])
    assert {d["file"] for d in left.gold["documents"]} == kept
    assert {left.file_of[item["doc"]] for item in left.items} <= kept
    assert renamed.without_rounds([]) is renamed
    shipped = json.loads(Path(MODEL).read_text(encoding="utf-8"))
    for model in (None, shipped):
        mine, theirs = left.figures(model), renamed.figures(model, files=kept)
        assert mine["stance_f1"] == theirs["stance_f1"]
        assert mine["stance_precision"] == theirs["stance_precision"]
        assert mine["positions_right"] == theirs["positions_right"]


def test_unread_documents_are_the_odd_numbers_after_the_older_round():
    import train
    assert train.is_unread("it_317.txt") and train.is_unread("en_709")  # night, thirteenth: odd
    assert not train.is_unread("it_318.txt")  # even: read
    assert not train.is_unread("it_3.txt")  # the older round: read, odd or even
    assert not train.is_unread("written:it:5")
    rows = [{"doc": "it_317.txt"}, {"doc": "it_318.txt"}, {"doc": "written:it:5", "weight": 0.25}]
    assert train.unread_weighted(rows, 1.0) is rows
    assert [r.get("weight", 1.0) for r in train.unread_weighted(rows, 2.0)] == [2.0, 1.0, 0.25]


def test_rare_features_can_be_left_out():
    import train
    rows = [{"doc": f"d{i}", "about": i % 2, "side": "oppose" if i % 2 else None,
             "fa": {"common": 1.0, f"rare{i}": 1.0, "x" if i % 2 else "y": 1.0}, "fs": {"s": 1.0, f"srare{i}": 1.0}}
            for i in range(12)]
    about, side = train.feature_docs(rows, 3)
    assert about == {"common", "x", "y"} and side == {"s"}
    every = train.train(rows, 0.3, 0.3)
    few = train.train(rows, 0.3, 0.3, min_docs=3)
    assert any(k.startswith("rare") for k in every["about"])
    assert not any(k.startswith("rare") for k in few["about"]) and not any(k.startswith("srare") for k in few["side"])


def test_class_weights_balance_the_sides_by_a_power():
    import numpy as np
    import train
    y = np.array([0, 0, 0, 1])
    assert list(train.class_weights(y, 0.0)) == [1.0, 1.0, 1.0, 1.0]
    balanced = train.class_weights(y, 1.0)
    assert balanced[:3].sum() == pytest.approx(balanced[3])  # each class weighs the same in all
    half = train.class_weights(y, 0.5)
    assert balanced[3] > half[3] > 1.0 > half[0] > balanced[0]


def test_a_feature_family_is_its_name_without_issue_and_value():
    import train
    assert train.family("ceasefire|w:tregua") == "w"
    assert train.family("us_backstop|side:russia") == "side"
    assert train.family("root.lemma=reject") == "root.lemma"
    assert train.family("pw:truppe") == "pw"
    rows = [{"doc": f"d{i}", "about": i % 2, "side": "oppose" if i % 2 else None,
             "fa": {"ceasefire|w:tregua": float(i % 2), "ceasefire|rule.r:x": float(i % 2), "bias": 1.0},
             "fs": {"pw:no": 1.0, "gov.neg": 1.0}} for i in range(10)]
    model = train.train(rows, 0.3, 0.3, drop=("w", "pw"))
    assert "ceasefire|rule.r:x" in model["about"] and not any(train.family(k) == "w" for k in model["about"])
    assert "gov.neg" in model["side"] and "pw:no" not in model["side"]
