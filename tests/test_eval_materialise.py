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
