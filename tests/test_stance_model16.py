"""scripts/train/stance/by_language.py (sixteenth session): the per-language diagnosis of the stance model
out of fold (calibration, the precision of what the model adds and drops, the lexical share of its
weights) on rows we make up here, never corpus text."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))


def _row(about: int, allowed=(), lang="it", fa=None):
    return {"doc": f"{lang}_900.txt", "lang": lang, "issue": "ceasefire", "about": about,
            "side": allowed[0] if allowed else None, "allowed": list(allowed), "fa": fa or {"bias": 1.0}, "fs": {}}


def test_decisions_count_what_the_model_adds_and_drops():
    import by_language as bl
    rows = [_row(1, ["support"]), _row(0), _row(1, ["oppose"]), _row(0), _row(1, ["support"])]
    # (the rules' stance, P(about), the model's side)
    probs = [(None, 0.9, "support"),   # added, right
             (None, 0.8, "oppose"),    # added, not about it
             ("oppose", 0.02, None),   # a right rule stance dropped
             ("support", 0.01, None),  # a wrong rule stance dropped
             (None, 0.3, "support")]   # under threshold_new: a gold pair left out
    got = bl.decisions(rows, probs, new=0.7, drop=0.05)
    assert (got["added"], got["added_right"], got["added_about"]) == (2, 1, 1)
    assert (got["dropped"], got["dropped_were_wrong"]) == (2, 1)
    assert got["rules_kept"] == 0 and got["gold_pairs_left_out"] == 1


def test_calibration_bins_compare_the_mean_probability_with_the_rate():
    import by_language as bl
    rows = [_row(1), _row(0), _row(1), _row(1)]
    probs = [(None, 0.95, "support"), (None, 0.92, "support"), (None, 0.01, "support"), ("support", 0.5, None)]
    bins = bl.calibration(rows, probs, ruled=False)
    assert [b["bin"] for b in bins] == ["0.00-0.05", "0.90-1.00"]
    assert bins[1]["n"] == 2 and bins[1]["about"] == 0.5 and bins[1]["mean_p"] == 0.935
    assert bl.calibration(rows, probs, ruled=True)[0]["n"] == 1
    # perfectly calibrated in every decile: no error
    assert bl.ece([_row(1), _row(0)], [(None, 1.0, None), (None, 0.0, None)]) == 0.0


def test_the_lexical_share_separates_words_from_the_rules_answers():
    import by_language as bl
    model = {"about": {"ceasefire|w:tregua": 2.0, "rule:support": 1.0, "ceasefire|w:pace": 0.0}}
    rows = [_row(1, fa={"ceasefire|w:tregua": 1.0, "rule:support": 1.0, "ceasefire|w:pace": 1.0})]
    got = bl.weight_shares(model, rows)
    assert got["lexical_share"] == round(2 / 3, 3)
    assert got["lexical_features"] == 2 and got["with_weight"] == 0.5


def test_one_languages_corpus_examples_weigh_more_and_written_ones_do_not():
    import train as tr
    rows = [_row(1, ["support"], "it"), _row(0, lang="en"), {**_row(1, ["oppose"], "it"), "doc": "written:it:3", "weight": 0.25}]
    got = tr.lang_weighted(rows, ["it=2"])
    assert [r.get("weight", 1.0) for r in got] == [2.0, 1.0, 0.25]
    assert tr.lang_weighted(rows, []) is rows  # the default: as they are
