"""The issue's "no absurd positions" check (eval/stance/flag_positions.py): a state against its leader's own
position, a side the codebook rules out, a news outlet or a person as a party, a name the knowledge base
does not know; and why a gold position cell is wrong (eval/stance/position_cells.py). Sentences and
positions of our own writing."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

from conftest import needs_scored_seeds

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "stance"))

import position_cells as pc  # noqa: E402
from flag_positions import check, flags, leader_statements, party_flags, side_flags  # noqa: E402
from garante.codebook import Codebook  # noqa: E402


def _state(actor_id, name, issue, stance, statements=1):
    return {"actor": {"id": actor_id, "name": name}, "actor_level": "state", "issue": issue, "stance": stance,
            "statements": statements}


def _person(actor_id, name, issue, stance):
    return {"actor": {"id": actor_id, "name": name}, "actor_level": "person", "issue": issue, "stance": stance}


def _putin_said(*stances):
    return [{"source": "b.txt", "statements": [
        {"speaker": {"id": "vladimir-putin", "name": "Vladimir Putin"}, "on_behalf_of": {"id": "russia"},
         "date": "2025-10-02", "content": "Kiev dovrà restare fuori da ogni blocco.",
         "issues": [{"issue": "ukraine_neutrality", "stance": s}]} for s in stances]}]


def test_the_codebook_side_flags_moscow_supporting_its_own_sanctions():
    weak = Codebook.load().weak_sides
    positions = [_state("russia", "Russia", "sanctions_on_russia", "support"),
                 _state("russia", "Russia", "military_aid_to_ukraine", "oppose"),
                 _state("united-kingdom", "United Kingdom", "sanctions_on_russia", "support"),
                 _person("russia", "Russia", "nato_eastward_expansion", "support")]
    found = side_flags(positions, weak)
    assert [(f["actor"], f["issue"], f["codebook_side"]) for f in found] == [("Russia", "sanctions_on_russia", "oppose")]


def test_a_conditional_side_is_no_flag_against_support():
    # the codebook gives Moscow a conditional side on a truce: supporting one is not absurd
    found = side_flags([_state("russia", "Russia", "ceasefire", "support")], Codebook.load().weak_sides)
    assert found == []


def test_an_outlet_a_person_and_an_unknown_name_are_no_party(kb):
    positions = [_state("the-guardian", "The Guardian", "western_security_guarantees", "support", 2),
                 _state("vladimir-putin", "Vladimir Putin", "ceasefire", "oppose"),
                 _state("x:regional-assembly", "Regional Assembly", "ceasefire", "support"),
                 _state("russia", "Russia", "ceasefire", "conditional"),
                 _person("the-guardian", "The Guardian", "ceasefire", "support")]
    found = party_flags(positions, kb)
    assert [(f["cause"], f["actor"]) for f in found] == [
        ("not_a_party", "The Guardian"), ("not_a_party", "Vladimir Putin"), ("unknown", "Regional Assembly")]
    assert found[0]["why"] == "a news outlet" and found[0]["statements"] == 2


def test_a_state_against_its_leaders_own_position_is_flagged(kb):
    positions = [_person("vladimir-putin", "Vladimir Putin", "ukraine_neutrality", "support"),
                 _state("russia", "Russia", "ukraine_neutrality", "oppose")]
    found = flags(positions, leader_statements(_putin_said("support"), kb), own=True)
    assert [(f["cause"], f["actor"], f["issue"]) for f in found] == [("leader", "Russia", "ukraine_neutrality")]


def test_one_statement_the_leaders_others_outweigh_is_no_flag_of_his_own_position(kb):
    # one of his three statements is read the other way; his own position is the state's
    positions = [_person("vladimir-putin", "Vladimir Putin", "ukraine_neutrality", "oppose"),
                 _state("russia", "Russia", "ukraine_neutrality", "oppose")]
    said = leader_statements(_putin_said("oppose", "support", "oppose"), kb)
    assert flags(positions, said, own=True) == []
    positions[1]["stance"] = "support"  # the state now against his own position
    assert [f["position"] for f in flags(positions, said, own=True)] == ["support"]
    # without ``own``, any statement of his the other way flags it (the earlier check)
    assert len(flags([_state("russia", "Russia", "ukraine_neutrality", "oppose")], said)) == 1


def test_a_position_that_changed_with_the_leader_is_no_contradiction(kb):
    said = {"issues": [{"issue": "ukraine_nato_membership", "stance": "support"}], "content": "The door is open.",
            "speaker": {"id": "joe-biden", "name": "Joe Biden"}, "on_behalf_of": {"id": "united-states"},
            "date": "2023-07-12"}
    documents = [{"source": "a.txt", "statements": [said]}]
    positions = [_person("joe-biden", "Joe Biden", "ukraine_nato_membership", "support"),
                 {**_state("united-states", "United States", "ukraine_nato_membership", "oppose"),
                  "last_evidence": {"date": "2025-03-01"}}]
    statements = leader_statements(documents, kb)
    assert len(flags(positions, statements, own=True)) == 1  # without the knowledge base: any leader's word
    assert flags(positions, statements, own=True, kb=kb) == []  # another president by the latest evidence
    positions[1]["last_evidence"] = {"date": "2023-09-01"}  # while he was in office: a contradiction
    assert [f["actor"] for f in flags(positions, statements, own=True, kb=kb)] == ["United States"]


def test_check_keeps_the_causes_asked_for(kb):
    positions = [_state("russia", "Russia", "sanctions_on_russia", "support"),
                 _state("el-pais", "El País", "sanctions_on_russia", "support")]
    assert [f["cause"] for f in check(positions, [], kb=kb)] == ["side", "not_a_party"]
    assert [f["cause"] for f in check(positions, [], kb=kb, causes=("not_a_party",))] == ["not_a_party"]


def test_the_command_counts_each_cause_and_fails_when_something_is_flagged(tmp_path):
    (tmp_path / "documents.jsonl").write_text("", encoding="utf-8")
    positions = [_state("russia", "Russia", "sanctions_on_russia", "support"),
                 _state("rt", "RT", "ceasefire", "oppose")]
    (tmp_path / "positions.json").write_text(json.dumps(positions), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "eval" / "stance" / "flag_positions.py"), "--export", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "2 position(s) flagged for review: leader 0, side 1, not_a_party 1, unknown 0" in run.stdout
    (tmp_path / "positions.json").write_text(json.dumps([_state("russia", "Russia", "sanctions_on_russia", "oppose")]),
                                             encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "eval" / "stance" / "flag_positions.py"), "--export", str(tmp_path),
                          "--json"], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout == ""


# --- eval/stance/position_cells.py: why a gold cell is wrong -------------------------------------------


def _ev(when, stance, confidence=0.6, weight=1.0):
    return {"when": when, "stance": stance, "confidence": confidence, "weight": weight}


def test_a_wrong_side_whose_latest_date_is_right_is_recency():
    gold = {"stance": ["oppose"]}
    older = [_ev("2024-05-02", "conditional")] * 3
    assert pc._side(gold, older + [_ev("2026-01-10", "oppose"), _ev("2026-01-10", "support", 0.3)]) == "wrong side: latest right"
    # the latest date itself leans the other way: an older right stance outweighed, not recency
    assert pc._side(gold, [_ev("2024-05-02", "oppose")] + older + [_ev("2026-01-10", "conditional")]) == "wrong side: outweighed"
    assert pc._side(gold, older) == "wrong side: no right stance"


class _Fake:
    """The parts of an EndToEnd that _cause reads: one document with two statements."""
    def __init__(self, statements):
        import dataset
        self.scorer = dataset.scorer()
        self.slim = {"it_9001.txt": {"store_id": 1, "statements": statements}}
        self.by_doc = {1: list(range(len(statements)))}


@needs_scored_seeds  # (the shared scorer's statement matching, beside the checkout)
def test_a_cell_without_a_row_names_the_stage_its_statement_reached():
    gp = {"actor_aliases": ["Spain", "Spagna", "Madrid"]}
    behind = [({"file": "it_9001.txt"}, {"anchor": "Madrid invierà altri sistemi antiaerei"})]
    said = "Il ministro ha detto che Madrid invierà altri sistemi antiaerei entro l'estate"
    assert pc._cause(_Fake([{"content": "Un altro tema", "on_behalf_of": {"name": "Spain"}}]), gp, behind, [], {}) \
        == "no row: statement missed"
    assert pc._cause(_Fake([{"content": said, "on_behalf_of": {"name": "Portugal"}}]), gp, behind, [], {}) \
        == "no row: on_behalf_of"
    assert pc._cause(_Fake([{"content": said, "on_behalf_of": {"name": "Spain"}}]), gp, behind, [], {}) \
        == "no row: stance missing"
