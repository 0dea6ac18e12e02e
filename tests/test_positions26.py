"""Tentative evidence in positions (analyse/positions.py, positions_sql.py; data/positions.yaml
``tentative_floor``): the stance model's proposals under its threshold, kept aside on their statements
(``attrs.tentative_stances``), fill only a cell that no stance of its actor speaks to, and the cell says so.
Sentences and rows of our own writing."""
from __future__ import annotations

import json

import pytest

from garante.analyse.positions import positions, tentative_evidence
from garante.analyse.positions_sql import positions_sql
from garante.extract.authority import settings

from helpers import stored_pages


def _row(sid, issue, stance, when, speaker="Aurelio Vento", speaker_id="aurelio-vento", state="Freedonia",
         state_id="freedonia", confidence=0.6, rule="model"):
    return {"issue": issue, "stance": stance, "confidence": confidence, "weight": 1.0, "stance_rule": rule,
            "evidence_start": None, "evidence_end": None, "statement_id": sid, "content": "…", "kind": "indirect",
            "date": when, "speaker_entity_id": speaker_id, "speaker_name": speaker, "on_behalf_of_id": state_id,
            "on_behalf_of_name": state, "document_id": 1, "source": "a.txt", "title": None, "outlet": "Gazzetta",
            "published": when, "url": None, "when": when, "speaker": speaker, "speaker_type": "PER",
            "actor_state": state, "outlet_speaker": False}


def _cell(rows, actor, issue):
    found = [p for p in rows if p["actor"]["name"] == actor and p["issue"] == issue]
    assert len(found) == 1, found
    return found[0]


def test_a_cell_no_stance_speaks_to_takes_the_tentative_side_and_says_so():
    firm = [_row(1, "ceasefire", "support", "2025-03-01")]
    weak = [_row(2, "sanctions_on_russia", "oppose", "2025-03-02", confidence=0.35, rule="tentative")]
    rows = positions(None, firm, weak)
    cell = _cell(rows, "Freedonia", "sanctions_on_russia")
    assert cell["stance"] == "oppose" and cell["tentative"] is True
    assert [e["statement_id"] for e in cell["evidence"]] == [2]
    assert _cell(rows, "Aurelio Vento", "sanctions_on_russia")["tentative"] is True  # the speaker's row too
    assert "tentative" not in _cell(rows, "Freedonia", "ceasefire")  # a stance's cell: no mark


def test_any_stance_of_the_actor_replaces_the_tentative_evidence():
    # one firm 'support' and two tentative 'oppose' of the same actor and issue: the firm one decides
    firm = [_row(1, "ceasefire", "support", "2025-03-01", confidence=0.4)]
    weak = [_row(2, "ceasefire", "oppose", "2025-04-01", confidence=0.45, rule="tentative"),
            _row(3, "ceasefire", "oppose", "2025-05-01", confidence=0.45, rule="tentative")]
    cell = _cell(positions(None, firm, weak), "Freedonia", "ceasefire")
    assert cell["stance"] == "support" and "tentative" not in cell
    assert [e["statement_id"] for e in cell["evidence"]] == [1]


def test_another_speaker_of_the_state_with_a_stance_replaces_the_tentative_state_cell():
    # the state's cell has a stance (by its minister), the president only a tentative one: the state keeps
    # the stance; the president's own row, with no stance of his, is tentative
    firm = [_row(1, "ceasefire", "oppose", "2025-03-01", speaker="Ilaria Brezza", speaker_id="ilaria-brezza")]
    weak = [_row(2, "ceasefire", "support", "2025-06-01", confidence=0.5, rule="tentative")]
    rows = positions(None, firm, weak)
    state = _cell(rows, "Freedonia", "ceasefire")
    assert state["stance"] == "oppose" and "tentative" not in state
    assert _cell(rows, "Aurelio Vento", "ceasefire")["tentative"] is True


def test_tentative_evidence_balances_by_the_positions_rules():
    # three tentative statements, two 'support' and one later 'oppose' of lower confidence: the balance, not
    # the last one
    weak = [_row(1, "ceasefire", "support", "2025-03-01", confidence=0.4, rule="tentative"),
            _row(2, "ceasefire", "support", "2025-03-05", confidence=0.4, rule="tentative"),
            _row(3, "ceasefire", "oppose", "2025-03-09", confidence=0.3, rule="tentative")]
    cell = _cell(positions(None, [], weak), "Freedonia", "ceasefire")
    assert cell["stance"] == "support" and cell["statements"] == 3


def test_weak_evidence_puts_no_name_the_knowledge_base_cannot_place_on_the_map():
    # a speaker and a body the knowledge base does not know (x: id, a bare name): no tentative cell; a known
    # state spoken for by an unknown speaker still gets its own
    weak = [_row(1, "ceasefire", "support", "2025-03-01", speaker_id="x:ugo-nebbia", speaker="Ugo Nebbia",
                 state_id=None, state="Lega dei Borghi", rule="tentative"),
            _row(2, "ceasefire", "oppose", "2025-03-01", speaker_id="x:ugo-nebbia", speaker="Ugo Nebbia",
                 rule="tentative")]
    rows = positions(None, [], weak)
    assert [(p["actor_level"], p["actor"]["name"], p["stance"]) for p in rows] == [("state", "Freedonia", "oppose")]


def test_the_floor_is_data_and_below_one():
    assert 0.0 < settings()["tentative"] < 1.0


# our own sentences: a prime minister's clear word on one issue
PAGES = {
    "en.txt": ("London, 3 March 2025. Keir Starmer said on Tuesday that Britain is ready to deploy troops to Ukraine "
               "as part of the security guarantees. He added that a ceasefire must come first."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = stored_pages(tmp_path_factory.mktemp("tentative26"), PAGES)
    yield s
    s.close()


def _add_tentative(store, issue, stance):
    """A tentative stance on the first statement (as StanceModel.stances keeps one aside)."""
    st = store.query("SELECT id, attrs FROM statements ORDER BY id")[0]
    attrs = json.loads(st["attrs"])
    attrs["tentative_stances"] = [*attrs.get("tentative_stances", []), [issue, stance, 0.41]]
    with store.transaction():
        store.execute("UPDATE statements SET attrs = ? WHERE id = ?", (json.dumps(attrs), st["id"]))
    return st["id"]


def test_the_store_s_tentative_stances_make_a_marked_cell_alike_on_both_paths(store):
    issues = {r["issue"] for r in store.query("SELECT issue FROM stances")}
    issue = next(i for i in ("us_backstop", "ukraine_neutrality", "istanbul_framework") if i not in issues)
    sid = _add_tentative(store, issue, "conditional")
    found = tentative_evidence(store)
    assert [(r["statement_id"], r["issue"], r["stance"], r["stance_rule"]) for r in found] == [
        (sid, issue, "conditional", "tentative")]
    rows = positions(store)
    marked = [p for p in rows if p.get("tentative")]
    assert marked and all(p["issue"] == issue and p["stance"] == "conditional" for p in marked)
    assert any(p["actor_level"] == "state" and p["actor"]["name"] == "United Kingdom" for p in marked)
    assert json.dumps(positions_sql(store)) == json.dumps(rows)
    summary = positions_sql(store, evidence=False)
    assert [(p["actor"], p["issue"], p["stance"], p.get("tentative")) for p in summary] == [
        (p["actor"], p["issue"], p["stance"], p.get("tentative")) for p in rows]
    assert all("evidence" not in p for p in summary)
    from garante.analyse.positions import positions_rows_for_csv
    flat = positions_rows_for_csv(rows)
    assert {r["tentative"] for r in flat} == {"yes", ""}
    assert all((r["tentative"] == "yes") == (r["issue"] == issue) for r in flat)
