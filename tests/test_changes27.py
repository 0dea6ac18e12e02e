"""A change of stance rests on stances (analyse/changes.py; the brief, present/report.py; the workbench's "What
changed" and issue pages). A tentative cell (only the stance model's weaker proposals speak to it) has a stance at
neither end: its proposals' moves are listed apart and marked, never as changes. An analyst's stance counts as a
stance. A store of our own sentences, analysed by the pipeline, with tentative stances put on its statements as
StanceModel.stances keeps them aside."""
from __future__ import annotations

import warnings

import pytest

from garante.analyse.changes import changes, tentative_changes
from garante.analyse.positions import positions
from garante.cli import main
from garante.present import corrections as corr

from helpers import set_tentative, statement_id, stored_pages

warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from garante.present.web import create_app  # noqa: E402

PAGES = {
    "london.txt": ("London, 3 March 2025. Keir Starmer said on Monday that Britain is ready to deploy troops to "
                   "Ukraine as part of the security guarantees."),
    "paris.txt": ("Paris, 5 March 2025. Emmanuel Macron said that Europe must rearm and that France will keep "
                  "supporting Kyiv."),
    "leeds.txt": "Leeds, 7 March 2025. David Lammy said on Friday that he will travel to Washington next week.",
    "york.txt": "York, 20 March 2025. David Lammy said on Thursday that he will meet his counterparts in Rome.",
    "lyon.txt": ("Lyon, 21 March 2025. Emmanuel Macron said on Friday that France will stop sending weapons to Kyiv "
                 "and that France opposes sending more weapons to Ukraine."),
}
TROOPS, AID = "foreign_troops_in_ukraine", "military_aid_to_ukraine"




@pytest.fixture()
def store(tmp_path):
    """France for the aid by its stance on 5 March, against it by two on 21 March: a change of stance. Britain,
    with no stance on the aid, proposed for it on 7 March (Lammy) and against it on 20 March: a tentative move."""
    s = stored_pages(tmp_path, PAGES)
    sides = {(r["on_behalf_of_id"], r["issue"], r["stance"]) for r in s.query(
        "SELECT st.on_behalf_of_id, s.issue, s.stance FROM stances s JOIN statements st ON st.id = s.statement_id")}
    assert sides == {("united-kingdom", TROOPS, "support"), ("france", AID, "support"), ("france", AID, "oppose")}
    set_tentative(s, "travel to Washington", (AID, "support"))
    set_tentative(s, "counterparts in Rome", (AID, "oppose"))
    yield s
    s.close()


def _moves(found) -> list[tuple]:
    return [(c["actor"]["name"], c["issue"], c["from"], c["to"], c["date"], c.get("tentative", False))
            for c in found]


def test_a_change_needs_stances_and_the_tentative_moves_are_listed_apart(store):
    states = [p for p in positions(store) if p["actor_level"] == "state"]
    assert {(p["actor"]["name"], p["issue"]) for p in states if p.get("tentative")} == {("United Kingdom", AID)}
    assert _moves(changes(states)) == [("France", AID, "support", "oppose", "2025-03-21", False)]
    assert _moves(tentative_changes(states)) == [("United Kingdom", AID, "support", "oppose", "2025-03-20", True)]
    people = [p for p in positions(store) if p["actor_level"] == "person"]
    assert _moves(changes(people)) == [("Emmanuel Macron", AID, "support", "oppose", "2025-03-21", False)]
    assert _moves(tentative_changes(people)) == [("David Lammy", AID, "support", "oppose", "2025-03-20", True)]


def test_an_analyst_s_stances_make_a_change_where_the_proposals_did_not(store):
    corr.correct_stance(store, statement_id(store, "travel to Washington"), AID, "support")
    corr.correct_stance(store, statement_id(store, "counterparts in Rome"), AID, "oppose")
    states = [p for p in corr.corrected_positions(store) if p["actor_level"] == "state"]
    assert _moves(changes(states)) == [("United Kingdom", AID, "support", "oppose", "2025-03-20", False),
                                       ("France", AID, "support", "oppose", "2025-03-21", False)]
    assert tentative_changes(states) == []


def test_the_brief_lists_the_tentative_moves_apart_and_marked(store, tmp_path):
    out = tmp_path / "brief"
    assert main(["report", "--db", store.location, "--out", str(out)]) == 0
    section = (out / "report.md").read_text(encoding="utf-8").split("## Changes of stance")[1]
    counted, apart = section.split("Tentative readings, not counted")
    assert "- France on military_aid_to_ukraine: support → oppose (2025-03-21;" in counted
    assert "United Kingdom" not in counted
    assert "- United Kingdom on military_aid_to_ukraine: support? → oppose? (2025-03-20;" in apart
    page = (out / "report.html").read_text(encoding="utf-8").split("<h2>Changes of stance</h2>")[1].split("<h2>")[0]
    counted, apart = page.split("Tentative readings, not counted")
    assert "France on military_aid_to_ukraine" in counted and "United Kingdom" not in counted
    assert "United Kingdom on military_aid_to_ukraine: support? → oppose? (2025-03-20;" in apart


def test_the_workbench_counts_changes_on_stances_and_marks_the_tentative_moves(store):
    client = TestClient(create_app(store.location), base_url="http://localhost")
    found = client.get("/api/changes", params={"date_from": "2025-03-10", "date_to": "2025-03-31"}).json()
    assert [(c["actor"]["name"], c["issue"], c["before"], c["after"]) for c in found["changes"]] == [
        ("France", AID, "support", "oppose")]
    assert [(c["actor"]["name"], c["issue"], c["before"], c["after"], c["date"], c["tentative"])
            for c in found["tentative_changes"]] == [("United Kingdom", AID, "support", "oppose", "2025-03-20", True)]
    later = client.get("/api/changes", params={"date_from": "2025-03-20", "date_to": "2025-03-31"}).json()
    assert later["tentative_changes"] == []  # the move is dated the 20th: not after it
    html = client.get("/changes", params={"date_from": "2025-03-10", "date_to": "2025-03-31"}).text
    counted, apart = html.split('id="tentative-changes"')
    assert "United Kingdom" not in counted and "United Kingdom" in apart and "tentative-mark" in apart
    moves = client.get(f"/issues/{AID}").text.split('class="moves')[1:]
    assert len(moves) == 2 and sum("tentative, not counted:" in m.split("</small>")[0] for m in moves) == 1
