"""Thresholds per language and issue (seventeenth session): the model file's "<lang>|<issue>" entries, read by
inference and by the training scripts alike, and scripts/train/stance/per_issue.py's out-of-fold choice on
rows we make up here, never corpus text."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from garante.extract.stance_model import StanceModel, by_language

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))

NEW = {"*": 0.8, "it": 0.7, "en": 0.5, "en|us_backstop": 0.3, "it|ceasefire": 1.01}
DROP = {"*": 0.1, "it": 0.05, "en": 0.3, "en|us_backstop": 0.0}


def test_an_issue_entry_comes_before_its_language_and_nothing_else_changes():
    assert by_language(NEW, "en", issue="us_backstop") == 0.3
    assert by_language(NEW, "en", issue="ceasefire") == 0.5  # no entry: the language's own
    assert by_language(NEW, "it", issue="us_backstop") == 0.7  # an entry of the other language does not apply
    assert by_language(NEW, "it", issue="ceasefire") == 1.01
    assert by_language(NEW, "de", issue="ceasefire") == 0.8
    assert by_language(DROP, "en", 0.0, issue="us_backstop") == 0.0
    assert by_language(0.6, "en", issue="us_backstop") == 0.6  # a number serves every issue, as before
    assert by_language(NEW, "en") == 0.5  # callers without an issue read the language's pair


def test_the_model_reads_both_thresholds_per_issue():
    m = StanceModel({"about": {}, "classes": ["support"], "side": {}, "threshold_new": NEW, "threshold_drop": DROP})
    assert m.thresholds("en", "us_backstop") == (0.3, 0.0)
    assert m.thresholds("en", "ceasefire") == (0.5, 0.3)
    assert m.thresholds("it") == (0.7, 0.05)


def test_the_training_scripts_decide_with_the_same_entries():
    import train as tr
    probs = [(None, 0.4, "support"), (None, 0.4, "support"), ("oppose", 0.2, None), ("oppose", 0.2, None)]
    got = tr.decided(probs, NEW, DROP, ["en", "en", "en", "en"], ["us_backstop", "ceasefire", "us_backstop", "ceasefire"])
    assert got == ["support", None, "oppose", None]


def _pairs(spec):
    """Pairs from (lang|issue, ruled, P(about), right, about, fold) tuples."""
    import per_issue
    p = per_issue.Pairs.__new__(per_issue.Pairs)
    p.key = np.array([s[0] for s in spec])
    p.ruled = np.array([s[1] for s in spec])
    p.pa = np.array([s[2] for s in spec])
    p.right = np.array([s[3] for s in spec])
    p.about = np.array([s[4] for s in spec])
    p.fold = np.array([s[5] for s in spec])
    p.keys = sorted(set(p.key))
    p.index = {k: np.flatnonzero(p.key == k) for k in p.keys}
    return p


def test_the_choice_lowers_an_issues_threshold_where_its_additions_are_right():
    import per_issue
    spec = [("en|us_backstop", False, 0.35, True, True, 0)] * 4 + [("en|ceasefire", False, 0.45, False, False, 1)] * 4 \
        + [("en|ceasefire", True, 0.9, True, True, 2)] * 4
    pairs = _pairs(spec)
    base = {k: (0.5, 0.3) for k in pairs.keys}
    mask = np.ones(len(spec), dtype=bool)
    pick = per_issue.choose(pairs, base, mask, 0.0005, grid=lambda k: ((0.3, 0.5), (0.3,)))
    assert pick["en|us_backstop"] == (0.3, 0.3) and pick["en|ceasefire"] == (0.5, 0.3)
    # a move the guard refuses is not taken
    held = per_issue.choose(pairs, base, mask, 0.0005, guard=lambda p: float(p["en|us_backstop"][0] < 0.5),
                            grid=lambda k: ((0.3, 0.5), (0.3,)))
    assert held == base
    # a move worth less than the least gain is not taken either
    assert per_issue.choose(pairs, base, mask, 1.0, grid=lambda k: ((0.3, 0.5), (0.3,))) == base


def test_the_model_files_dicts_keep_only_the_entries_that_differ():
    import per_issue
    new, drop = per_issue.as_dicts({"en|us_backstop": (0.3, 0.3), "en|ceasefire": (0.5, 0.1)},
                                   {"en": (0.5, 0.3)}, (0.8, 0.1))
    assert new == {"*": 0.8, "en": 0.5, "en|us_backstop": 0.3}
    assert drop == {"*": 0.1, "en": 0.3, "en|ceasefire": 0.1}
