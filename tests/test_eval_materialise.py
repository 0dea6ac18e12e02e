"""eval/corpus/materialise.py: a saved search answer (the excerpt's JSON literal) becomes the exact text the
gold was annotated on, or is reported with the anchors it lost."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "corpus"))
materialise = pytest.importorskip("materialise")
needs_scorer = pytest.mark.skipif(not (materialise.SCORER / "score.py").is_file(), reason="shared scorer absent")

TEXT = ' date 2025-03-02 Il ministro ha detto: "Non c\'è accordo senza garanzie" \u2014 e la città attende.\n\nFine.'


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_a_json_literal_decodes_to_the_exact_text(tmp_path):
    literal = ('" date 2025-03-02 Il ministro ha detto: \\"Non c\'è accordo senza garanzie\\" \\u2014 e la '
               'citt\\u00e0 attende.\\n\\nFine."')
    (tmp_path / "it_900.json").write_text(literal + "\n", encoding="utf-8")
    assert materialise.decoded(tmp_path, "it_900") == TEXT
    assert materialise.decoded(tmp_path, "it_901") is None
    (tmp_path / "it_902.json").write_text('"an unterminated literal', encoding="utf-8")
    with pytest.raises(ValueError, match="it_902.json"):
        materialise.decoded(tmp_path, "it_902")


@needs_scorer
def test_an_exact_copy_passes_and_a_changed_one_names_the_anchors_it_lost():
    row = {"sha256_16": sha(TEXT)}
    assert materialise.check("it_900", TEXT + "\n", row, ["accordo senza garanzie"]) == (TEXT, "")
    changed = TEXT.replace("Fine.", "Fine della pagina.")
    assert materialise.check("it_900", changed, row, ["accordo senza garanzie"]) == (
        changed, "differs (every anchor found)")
    text, problem = materialise.check("it_900", changed.replace("senza", "con"), row,
                                      ["accordo senza garanzie", "la città attende"])
    assert problem == "anchors missing (1): accordo senza garanzie"


def test_packages_cover_each_missing_dev_and_test_row_once_with_one_search_per_query(tmp_path):
    import packages
    texts = tmp_path / "texts"
    todo = packages.queries(texts)  # nothing materialised: every row is to do
    made = packages.packages(todo, 3, {"dev", "test"})
    keys = [k for p in made for k in p]
    assert len(keys) == len(set(keys)) and len(made) == 3
    wanted = {r["doc_id"] for rows in todo.values() for r in rows if r["split"] in ("dev", "test")}
    covered = {r["doc_id"] for k in keys for r in todo[k]}
    assert wanted <= covered  # every dev/test row comes back from one of the packaged searches
    assert all(any(r["split"] in ("dev", "test") for r in todo[k]) for k in keys)  # no train-only query
    loads = [sum(r["split"] in ("dev", "test") for k in p for r in todo[k]) for p in made]
    assert max(loads) - min(loads) <= max(len(v) for v in todo.values())
    # a text already there is not asked for again
    first = todo[keys[0]][0]
    (texts / first["doc_id"].split("_")[0]).mkdir(parents=True)
    (texts / first["doc_id"].split("_")[0] / f"{first['doc_id']}.txt").write_text("x", encoding="utf-8")
    assert first["doc_id"] not in {r["doc_id"] for rows in packages.queries(texts).values() for r in rows}
