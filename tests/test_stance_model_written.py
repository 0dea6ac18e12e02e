"""Training the stance model on labelled sentences of our own writing (issue 13): the training script
turns each sentence into one statement's examples through the real pipeline. Sentences are our own."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_written_sentence_becomes_one_statements_examples(tmp_path):
    import written
    path = write(tmp_path / "en.jsonl", [
        {"text": "Lavrov said Moscow would never accept Western soldiers stationed in Ukraine.",
         "issue": "foreign_troops_in_ukraine", "stance": "oppose"},
        {"text": "Peskov said Russian forces had taken another village near Pokrovsk.",
         "issue": "foreign_troops_in_ukraine", "stance": "none"},
    ])
    rows = written.examples([path], 0.5)
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(r)
    troops = by_doc["written:en.jsonl:1"]
    assert len({r["issue"] for r in troops}) == len(troops) > 5  # one example per codebook issue
    [about] = [r for r in troops if r["about"]]
    assert (about["issue"], about["side"], about["allowed"], about["lang"]) == \
        ("foreign_troops_in_ukraine", "oppose", ["oppose"], "en")
    assert about["weight"] == 0.5 and about["fa"]["bias"] == 1.0
    if (ROOT / "src" / "garante" / "data" / "models" / "en_garante").is_dir():
        assert any(k.startswith("root.lemma:") for k in about["fs"])  # the parse's features are there
    negatives = by_doc.get("written:en.jsonl:2", [])
    assert all(r["about"] == 0 and r["side"] is None for r in negatives)


def test_also_labels_a_second_issue_of_the_sentence():
    import written
    row = {"text": "x", "issue": "ceasefire", "stance": "conditional", "also": {"military_aid_to_ukraine": "oppose"}}
    assert written.labels(row) == {"ceasefire": "conditional", "military_aid_to_ukraine": "oppose"}
    assert written.labels({**row, "stance": "none"}) == {"military_aid_to_ukraine": "oppose"}


@pytest.mark.parametrize("row, problem", [
    ({"text": "Lavrov said no.", "issue": "no_such_issue", "stance": "oppose"}, "unknown issue"),
    ({"text": "Lavrov said no.", "issue": "ceasefire", "stance": "against"}, "stance 'against'"),
    ({"text": "", "issue": "ceasefire", "stance": "oppose"}, "no text"),
])
def test_a_bad_row_is_named_with_its_file_and_line(tmp_path, row, problem):
    import written
    good = {"text": "Lavrov said no.", "issue": "ceasefire", "stance": "oppose"}
    path = write(tmp_path / "it.jsonl", [good, row])
    with pytest.raises(ValueError, match=rf"it\.jsonl:2: {problem}"):
        written.read(path, {"ceasefire"})


def test_the_committed_sentences_are_valid_and_cover_every_issue():
    import written
    from garante.codebook import Codebook
    issues = set(Codebook.load().issues)
    for lang in ("it", "en"):
        files = sorted(written.WRITTEN.glob(f"{lang}*.jsonl"))
        assert len(files) >= 2  # the first round and the second (every issue, every side, hard negatives)
        rows = [r for f in files for r in written.read(f, issues)]
        assert {r["issue"] for r in rows} == issues
        for side in written.STANCES:  # every issue has sentences of every side and hard negatives
            assert {r["issue"] for r in rows if r["stance"] == side} == issues, side
        assert len({r["text"] for r in rows}) == len(rows)  # no sentence twice, in any file


def test_a_written_example_of_weight_zero_changes_nothing():
    pytest.importorskip("numpy")
    import train
    rows = [{"doc": f"d{i}", "st": 0, "issue": "ceasefire", "about": i % 2,
             "side": "support" if i % 4 == 1 else "oppose",
             "allowed": [], "fa": {"bias": 1.0, "x": float(i % 2)}, "fs": {"bias": 1.0, "pos": float(i % 4 == 1)}}
            for i in range(40)]
    noise = [{"doc": "written:en.jsonl:1", "st": 0, "issue": "ceasefire", "about": 1, "side": "neutral",
              "allowed": ["neutral"],
              "fa": {"bias": 1.0}, "fs": {"bias": 1.0}, "weight": 1.0}]
    base = train.train(rows, 0.3, 0.3)
    assert train.train(train.with_written_weight(rows + noise, 0.0), 0.3, 0.3) == base
    heavy = train.train(train.with_written_weight(rows + noise * 20, 1.0), 0.3, 0.3)
    assert heavy["about"]["bias"] > base["about"].get("bias", 0.0)


def test_written_negatives_weigh_so_that_an_issue_keeps_the_corpus_prior():
    import train
    corpus = [{"doc": "c", "issue": "istanbul_framework", "about": int(i < 2)} for i in range(100)]
    ours = [{"doc": f"written:it.jsonl:{i}", "issue": "istanbul_framework", "about": int(i < 10),
             "weight": 1.0} for i in range(40)]
    rows = train.with_written_weight(corpus + ours, 0.5)
    pos = sum(r["weight"] for r in rows if train.is_written(r) and r["about"])
    neg = sum(r["weight"] for r in rows if train.is_written(r) and not r["about"])
    assert pos == 5.0
    prior = 3 / 102  # the corpus's share of positives, smoothed
    assert abs(pos / (pos + neg) - prior) < 1e-9
    assert all(r.get("weight", 1.0) == 1.0 for r in rows if not train.is_written(r))
