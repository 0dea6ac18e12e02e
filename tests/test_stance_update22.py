"""Updating the stance model on new documents with its earlier weights as a prior
(scripts/train/stance/train.py ``fit``/``train`` with ``prior``; scripts/train/stance/update.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))


def _rows():
    """Twelve examples: "w:truppe" says the issue, "w:pane" says nothing; "w:forza" never occurs."""
    rows = []
    for i in range(12):
        about = i % 2
        fa = {"bias": 1.0, "w:truppe" if about else "w:pane": 1.0}
        fs = {"bias": 1.0, "neg": 1.0} if about and i % 4 == 1 else {"bias": 1.0}
        rows.append({"doc": f"it_{i:03d}.txt", "lang": "it", "issue": "x", "about": about,
                     "side": ("oppose" if "neg" in fs else "support") if about else None, "fa": fa, "fs": fs})
    return rows


def test_a_strong_prior_holds_the_weights_where_no_prior_lets_the_data_speak():
    import train
    rows = _rows()
    free = train.train(rows, 0.3, 1.0)
    prior = {"about": {"w:truppe": -2.0, "w:pane": 0.5, "bias": 0.0}, "classes": train.CLASSES,
             "side": {"neg": [0.0, 2.0, 0.0, 0.0]}}
    held = train.train(rows, 0.3, 1.0, prior=prior, strength=1e6)
    loose = train.train(rows, 0.3, 1.0, prior=prior, strength=1.0)
    assert free["about"]["w:truppe"] > 1.0  # the data: the word says the issue
    assert held["about"]["w:truppe"] == pytest.approx(-2.0, abs=0.05)  # the prior wins
    assert loose["about"]["w:truppe"] > held["about"]["w:truppe"] + 1.0  # between the two


def test_what_the_new_documents_never_show_keeps_the_prior_weight():
    import train
    prior = {"about": {"w:forza": 1.7, "w:truppe": 0.4}, "classes": train.CLASSES,
             "side": {"w:mai": [0.0, 1.2, 0.0, 0.0]}}
    model = train.train(_rows(), 0.3, 1.0, prior=prior, strength=10.0)
    assert model["about"]["w:forza"] == 1.7
    assert model["side"]["w:mai"] == [0.0, 1.2, 0.0, 0.0]
    assert "w:forza" not in train.train(_rows(), 0.3, 1.0)["about"]  # without a prior: unknown, no weight


def test_fit_without_a_prior_is_the_plain_fit():
    import train
    rows = _rows()
    vocab = {k: i for i, k in enumerate(sorted({k for r in rows for k in r["fa"]}))}
    x, y = train.Sparse(rows, "fa", vocab), np.array([r["about"] for r in rows])
    plain = train.fit(x, y, 1, 0.3)
    zero_prior = train.fit(x, y, 1, 0.3, prior=np.zeros_like(plain), strength=0.0)
    assert np.allclose(plain, zero_prior)
    pulled = train.fit(x, y, 1, 0.3, prior=np.zeros_like(plain), strength=50.0)
    assert np.abs(pulled).sum() < np.abs(plain).sum()  # a prior at zero is more L2


def test_a_prior_with_other_side_classes_is_refused():
    import train
    prior = {"about": {}, "classes": ["pro", "contro"], "side": {}}
    with pytest.raises(SystemExit, match="side classes"):
        train.train(_rows(), 0.3, 1.0, prior=prior, strength=1.0)


def test_document_lists_and_their_cache_names(tmp_path):
    import train
    listed = tmp_path / "read.txt"
    listed.write_text("it_002.txt\nen_004.txt\n\n", encoding="utf-8")
    assert train.doc_list(str(listed)) == {"it_002.txt", "en_004.txt"}
    assert train.doc_list(None) is None
    assert train.cache_name("train", "train", None) == "train"  # the default cache entry as before
    assert train.cache_name("train", "train+dev", str(listed)) == "train_train+dev_read"
    assert train.cache_name("dev", "dev", str(listed)) != train.cache_name("dev", "dev", None)
