"""Conflicts and disagreements rest on stances, never on tentative cells (analyse/conflicts.py; the brief,
present/report.py; the workbench, present/web; the export's disagreements.json). A tentative cell (only the
stance model's weaker proposals speak to it) neither makes nor completes a side of a conflict: it is listed
apart, marked, on an issue in conflict; a speaker whose only word on an issue is such a proposal disagrees
with nobody. An analyst's stance counts as a stance. A store of our own sentences, analysed by the pipeline,
with tentative stances put on its statements as StanceModel.stances keeps them aside."""
from __future__ import annotations

import json
import warnings

import pytest

from garante.analyse.conflicts import conflicts
from garante.analyse.positions import disagreements, positions
from garante.analyse.positions_sql import positions_sql
from garante.cli import main
from garante.present import corrections as corr

from helpers import set_tentative, statement_id, stored_pages

warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from garante.present.web import create_app  # noqa: E402

PAGES = {
    "london.txt": ("London, 3 March 2025. Keir Starmer said on Tuesday that Britain is ready to deploy troops to "
                   "Ukraine as part of the security guarantees."),
    "paris.txt": ("Paris, 5 March 2025. Emmanuel Macron said that Europe must rearm and that France will keep "
                  "supporting Kyiv. Dmitry Peskov said on Wednesday that Moscow rejects any European troops in "
                  "Ukraine."),
    "leeds.txt": "Leeds, 7 March 2025. David Lammy said on Friday that he will travel to Washington next week.",
}
TROOPS, AID = "foreign_troops_in_ukraine", "military_aid_to_ukraine"
TOKEN = "s3cret-token"




@pytest.fixture()
def store(tmp_path):
    """Britain for troops and Russia against them, by their stances; France, with no stance on the troops, only
    proposed against them; Lammy, with no stance at all, proposed against the troops and against the aid France
    backs by its stance."""
    s = stored_pages(tmp_path, PAGES)
    sides = {(r["on_behalf_of_id"], r["issue"], r["stance"]) for r in s.query(
        "SELECT st.on_behalf_of_id, s.issue, s.stance FROM stances s JOIN statements st ON st.id = s.statement_id")}
    assert sides == {("united-kingdom", TROOPS, "support"), ("russia", TROOPS, "oppose"), ("france", AID, "support")}
    set_tentative(s, "Europe must rearm", (TROOPS, "oppose"))
    set_tentative(s, "travel to Washington", (TROOPS, "oppose"), (AID, "oppose"))
    yield s
    s.close()


def _weak_cells(rows) -> set[tuple[str, str, str]]:
    return {(p["actor"]["name"], p["issue"], p["stance"]) for p in rows
            if p["actor_level"] == "state" and p.get("tentative")}


def test_a_conflict_needs_a_stance_on_each_side_and_lists_the_tentative_cells_apart(store):
    rows = positions(store)
    assert _weak_cells(rows) == {("France", TROOPS, "oppose"), ("United Kingdom", AID, "oppose")}
    # the aid: France for it by its stance, Britain against it only by a proposal: no conflict
    assert conflicts(rows) == [{"issue": TROOPS, "support": ["United Kingdom"], "oppose": ["Russia"],
                                "conditional": [], "tentative": {"support": [], "oppose": ["France"],
                                                                 "conditional": []}}]
    people = conflicts(rows, level="person")
    assert [(c["issue"], c["support"], c["oppose"], c["tentative"]["oppose"]) for c in people] == [
        (TROOPS, ["Keir Starmer"], ["Dmitry Peskov"], ["David Lammy", "Emmanuel Macron"])]
    assert conflicts(positions_sql(store, evidence=False)) == conflicts(rows)  # the database's positions alike


def test_an_analyst_s_stance_counts_where_the_proposal_did_not(store):
    lammy = statement_id(store, "travel to Washington")
    corr.correct_stance(store, lammy, AID, "oppose")
    found = conflicts(corr.corrected_positions(store))
    assert [(c["issue"], c["support"], c["oppose"]) for c in found] == [
        (TROOPS, ["United Kingdom"], ["Russia"]), (AID, ["France"], ["United Kingdom"])]


def test_a_speaker_with_only_a_proposal_disagrees_with_nobody(store):
    # Lammy's proposal against the troops beside Starmer's stance for them is no disagreement inside Britain;
    # the analyst's word against them is
    assert disagreements(store) == []
    corr.correct_stance(store, statement_id(store, "travel to Washington"), TROOPS, "oppose")
    ev = corr.correct(store, corr.load(store))[0]
    assert [(d["actor"], d["issue"], sorted((x["name"], x["stance"]) for x in d["speakers"]))
            for d in disagreements(store, ev)] == [
        ("United Kingdom", TROOPS, [("David Lammy", "oppose"), ("Keir Starmer", "support")])]


def test_the_brief_and_the_export_count_stances_only(store, tmp_path):
    db = store.location
    out = tmp_path / "brief"
    assert main(["report", "--db", db, "--out", str(out)]) == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    section = md.split("## Conflicts")[1].split("## ")[0]
    assert (f"- **{TROOPS}**: for United Kingdom; against Russia (tentative, not counted: against France?)"
            in section)
    assert AID not in section
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "against Russia (tentative, not counted: against France?)" in page
    assert main(["export", "--db", db, "--out", str(tmp_path / "x")]) == 0
    assert json.loads((tmp_path / "x" / "disagreements.json").read_text(encoding="utf-8")) == []


def test_the_workbench_lists_conflicts_on_stances_and_marks_the_tentative_sides(store):
    client = TestClient(create_app(store.location, token=TOKEN), base_url="http://localhost")
    found = client.get("/api/conflicts").json()
    assert [(c["issue"], c["oppose"], c["tentative"]["oppose"]) for c in found] == [(TROOPS, ["Russia"], ["France"])]
    assert client.get("/api/disagreements").json() == []
    html = client.get("/matrix").text
    listed = html.split('id="conflicts"')[1].split("</ul>")[0]
    assert TROOPS in listed and AID not in listed and "tentative, not counted" in listed
    issue = client.get(f"/issues/{AID}").text  # France by its stance, Britain only proposed against the aid
    assert "(0 + 1" in issue.split("group-oppose")[1] and "(1)" in issue.split("group-support")[1]
    headers = {"Authorization": f"Bearer {TOKEN}"}
    lammy = statement_id(store, "travel to Washington")
    assert client.post("/api/corrections/stance", json={"statement_id": lammy, "issue": AID, "stance": "oppose"},
                       headers=headers).status_code == 201
    assert [c["issue"] for c in client.get("/api/conflicts").json()] == [TROOPS, AID]
