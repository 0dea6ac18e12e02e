"""Stance confidence read from the calibration table fitted on the corpus's train split
(extract/stance_calibration.py, scripts/train/calibrate_stances.py), through the whole pipeline."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from garante.extract.stance_calibration import TABLE, load
from garante.pipeline import Context, analyse_text

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Mosca, 12 marzo 2025 - «L'invio di truppe europee in Ucraina è assolutamente inaccettabile», ha detto "
        "il portavoce del Cremlino Dmitrij Peskov ai giornalisti.")


def _troops(ctx=None):
    doc = analyse_text(TEXT, "calibration.txt", ctx)
    return [s for st in doc.statements for s in st.stances if s.issue == "foreign_troops_in_ukraine"]


def test_a_rule_stance_takes_its_rules_share_of_right_answers_and_keeps_the_rules_constant():
    table = load()
    (s,) = _troops()
    assert s.rule in table and s.rule != "model"
    assert s.confidence == pytest.approx(table[s.rule], abs=1e-3)
    (raw,) = _troops(Context(options={"stance_calibration": False}))
    assert (raw.issue, raw.stance, raw.rule) == (s.issue, s.stance, s.rule)
    assert s.attrs["rule_confidence"] == raw.confidence and "rule_confidence" not in raw.attrs


def test_the_shipped_table_ranks_rules_by_what_the_train_split_says():
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    rules = data["rules"]
    assert "model" not in rules  # the model's stances keep its own probability
    share = data["prior"]["share"]
    for v in rules.values():
        assert 0 < v["confidence"] < 1 and v["right"] <= v["judged"]
        # smoothed towards the all-rules share: never past the rule's own share
        own = v["right"] / v["judged"]
        assert min(own, share) - 1e-3 <= v["confidence"] <= max(own, share) + 1e-3


def test_the_fit_smooths_small_rules_towards_the_share_of_all():
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "scripts" / "train" / "calibrate_stances.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    t = mod.table({"support": [60, 100], "if-clause": [0, 2], "model": [90, 100]}, prior=5)
    assert t["prior"]["share"] == pytest.approx(60 / 102, abs=1e-3)
    assert "model" not in t["rules"]
    assert t["rules"]["support"]["confidence"] == pytest.approx((60 + 5 * 60 / 102) / 105, abs=1e-3)
    # two misses do not sink a rule to zero
    assert 0.3 < t["rules"]["if-clause"]["confidence"] < 60 / 102


def test_a_broken_table_is_named_in_the_error(tmp_path):
    bad = tmp_path / "calibration.json"
    bad.write_text('{"rules": {"support": {}}}', encoding="utf-8")
    with pytest.raises(ValueError, match="calibration.json"):
        load(str(bad))
