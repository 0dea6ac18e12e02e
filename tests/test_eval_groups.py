"""eval/stance/groups.py: a run's documents by annotation round (eval/corpus/rounds.tsv), a round halved by
the parity of its document numbers (the rule writers' read half and the unread check half)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "stance"))


def test_documents_fall_in_their_round_and_a_halved_round_splits_by_parity():
    import groups
    table = groups.rounds()
    assert groups.round_of("it_316.txt", table) == "older" and groups.round_of("it_317.txt", table) == "night"
    assert groups.round_of("en_600.txt", table) == "eleventh" and groups.round_of("xx_001.txt", table) is None
    got = groups.groups(["it_318.txt", "it_319.txt", "en_264.txt", "it_002.txt", "notes.txt"], table, "night")
    assert got["night_read"] == {"it_318.txt", "en_264.txt"} and got["night_check"] == {"it_319.txt"}
    assert got["night_read/en"] == {"en_264.txt"} and got["older"] == {"it_002.txt"}
    assert "night" not in got  # a halved round is only its halves
    assert "all_read" not in got  # pooled only when two or more rounds are halved


def test_two_halved_rounds_pool_their_halves():
    import groups
    got = groups.groups(["it_318.txt", "it_319.txt", "en_600.txt", "en_601.txt", "it_002.txt"],
                        groups.rounds(), ["night", "eleventh"])
    assert got["all_read"] == {"it_318.txt", "en_600.txt"} and got["all_check"] == {"it_319.txt", "en_601.txt"}
    assert got["all_check/en"] == {"en_601.txt"} and got["eleventh_check"] == {"en_601.txt"}
    assert got["older"] == {"it_002.txt"}


def test_every_annotated_document_has_a_round():
    import json
    import groups
    table = groups.rounds()
    for lang in ("it", "en"):
        gold = json.loads((ROOT / "eval" / "corpus" / lang / "gold.json").read_text(encoding="utf-8"))
        assert [d["file"] for d in gold["documents"] if groups.round_of(d["file"], table) is None] == []


def test_a_document_without_output_is_named_not_silently_scored_as_missed():
    import json
    import groups
    gold = {"documents": [{"file": "it_002.txt"}, {"file": "it_318.txt"}, {"file": "en_600.txt"}]}
    preds = [json.dumps({"source": "/tmp/x/it_002.txt"}) + "\n", json.dumps({"source": "en_600.txt"}) + "\n"]
    assert groups.without_output(gold, preds) == {"it_318.txt"}
    assert groups.without_output(gold, preds + [json.dumps({"source": "it_318.txt"}) + "\n"]) == set()
