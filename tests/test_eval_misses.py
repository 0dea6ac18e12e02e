"""eval/attribution/misses.py reads the split gold a KEEP folder holds beside its export (where a statement found
only in the page's title is optional, as the scorer counts it), else the corpus gold."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _misses():
    spec = importlib.util.spec_from_file_location("misses", ROOT / "eval" / "attribution" / "misses.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_split_gold_beside_the_export_is_read(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "gold.json").write_text(json.dumps({"documents": []}))
    assert _misses().gold_beside(tmp_path / "out", "it") == tmp_path / "gold.json"


def test_without_a_split_gold_the_corpus_gold_is_read(tmp_path):
    (tmp_path / "out").mkdir()
    assert _misses().gold_beside(tmp_path / "out", "en") == ROOT / "eval" / "corpus" / "en" / "gold.json"


def test_an_export_folder_not_named_out_reads_the_corpus_gold(tmp_path):
    # eval/attribution/corpus.sh's KEEP is the export itself: a gold.json beside it is not its split
    (tmp_path / "keep").mkdir()
    (tmp_path / "gold.json").write_text(json.dumps({"documents": []}))
    assert _misses().gold_beside(tmp_path / "keep", "it") == ROOT / "eval" / "corpus" / "it" / "gold.json"
