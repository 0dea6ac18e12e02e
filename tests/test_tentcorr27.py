"""An analyst's corrections reach the tentative positions (present/corrections.py ``corrected_tentative``,
``correct``; present/web/incremental.py): a statement whose speaker was corrected fills the tentative cells
of the actor the analyst named, not the machine's; a stance corrected on an issue (a side or none) replaces
the statement's tentative proposal on it; a merge carries them to the entity merged into. Every path agrees:
positions recomputed from scratch from the corrected evidence, ``corrected_positions``, corrections over
``positions_sql``'s machine positions, and the workbench's one-correction-at-a-time update.
A store of our own sentences, analysed by the pipeline; the tentative stances are put on its statements as
StanceModel.stances keeps them aside (``attrs.tentative_stances``)."""
from __future__ import annotations

import json
import re

import pytest

from garante.analyse.positions import evidence, positions, tentative_evidence
from garante.analyse.positions_sql import positions_sql
from garante.pipeline import Context
from garante.present import corrections as corr
from garante.present.web.incremental import CorrectedPositions
from garante.store import Store

from helpers import stored_pages

KB = Context().kb
PAGES = {
    "london.txt": ("London, 3 March 2025. Keir Starmer said on Tuesday that Britain is ready to deploy troops to "
                   "Ukraine as part of the security guarantees. He added that a ceasefire must come first."),
    "paris.txt": ("Paris, 5 March 2025. Emmanuel Macron said that Europe must rearm and that France will keep "
                  "supporting Kyiv. Dmitry Peskov said on Wednesday that Moscow rejects any European troops in "
                  "Ukraine."),
}
# issues none of the statements takes a stance on: only the tentative proposals speak to them
WEAK = "us_backstop"
OTHER = "ukraine_neutrality"


def _store(folder, url: str | None = None):
    """The pages analysed into a SQLite store in ``folder`` (or the store at ``url``), with tentative stances
    on Macron's statement without a stance ("Europe must rearm")."""
    store = stored_pages(folder, PAGES) if url is None else _analysed(folder, url)
    macron = _statement(store, "Europe must rearm")
    attrs = json.loads(macron["attrs"])
    attrs["tentative_stances"] = [[WEAK, "support", 0.41], [OTHER, "oppose", 0.36]]
    with store.transaction():
        store.execute("UPDATE statements SET attrs = ? WHERE id = ?", (json.dumps(attrs), macron["id"]))
    return store


def _analysed(folder, url: str):
    from garante.batch import analyze
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = Store(url)
    analyze([str(folder / name) for name in PAGES], store)
    return store


def _statement(store, words: str) -> dict:
    found = [r for r in store.query("SELECT id, content, attrs, speaker_entity_id FROM statements")
             if words in r["content"]]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture()
def store(tmp_path):
    s = _store(tmp_path)
    yield s
    s.close()


def _cells(rows: list[dict], marks: bool = True) -> list[tuple]:
    """What a position says, comparable across the paths (``marks``: with the analyst's marks)."""
    return sorted((p["actor_level"], p["actor"]["id"] or p["actor"]["name"], p["issue"], p["stance"],
                   bool(p.get("tentative")), p["statements"], tuple(e["statement_id"] for e in p["evidence"]))
                  + ((p["corrected"], tuple(bool(e.get("corrected")) for e in p["evidence"])) if marks else ())
                  for p in rows)


def _weak_cells(rows: list[dict]) -> dict[tuple[str, str, str], str]:
    return {(p["actor_level"], p["actor"]["id"], p["issue"]): p["stance"] for p in rows if p.get("tentative")}


def _incremental(store, record) -> list[dict]:
    """The workbench's path: its state built from the corrections there are, then ``record`` writes one more
    and only that one is applied."""
    machine_rows = evidence(store)
    c = corr.load(store)
    state = CorrectedPositions(("k",), c, *corr.correct(store, c, machine_rows))
    record()
    c = corr.load(store)
    assert state.can_apply(("k",), c)
    by_sid: dict[int, list[dict]] = {}
    for r in evidence(store):
        by_sid.setdefault(r["statement_id"], []).append(r)
    state.apply(store, c, by_sid)
    return state.result()[2]


def _all_paths_agree(store) -> list[dict]:
    """The corrected positions, asserted equal on every path; from scratch, the definition (no marks)."""
    c = corr.load(store)
    shown = corr.corrected_positions(store)
    over_sql = corr.correct(store, c, machine=positions_sql(store))[2]
    scratch = positions(store, corr.corrected_evidence(store, c)[0], corr.corrected_tentative(store, c)[0])
    assert _cells(over_sql) == _cells(shown)
    assert _cells(scratch, marks=False) == _cells(shown, marks=False)
    return shown


def test_a_corrected_speaker_s_tentative_stances_fill_the_cells_of_the_actor_named(store):
    machine = positions(store)
    assert _weak_cells(machine) == {("person", "emmanuel-macron", WEAK): "support",
                                    ("state", "france", WEAK): "support",
                                    ("person", "emmanuel-macron", OTHER): "oppose",
                                    ("state", "france", OTHER): "oppose"}
    macron = _statement(store, "Europe must rearm")["id"]
    shown = _incremental(store, lambda: corr.correct_speaker(store, macron, "keir-starmer", kb=KB))
    assert _cells(shown) == _cells(_all_paths_agree(store))
    assert _weak_cells(shown) == {("person", "keir-starmer", WEAK): "support",
                                  ("state", "united-kingdom", WEAK): "support",
                                  ("person", "keir-starmer", OTHER): "oppose",
                                  ("state", "united-kingdom", OTHER): "oppose"}
    uk = next(p for p in shown if (p["actor"]["id"], p["issue"]) == ("united-kingdom", WEAK))
    assert uk["corrected"] and [e["statement_id"] for e in uk["evidence"]] == [macron]
    # France's own stances are untouched by the move
    assert ("state", "france", "military_aid_to_ukraine") in {(p["actor_level"], p["actor"]["id"], p["issue"])
                                                              for p in shown}


def test_an_analyst_s_stance_on_the_issue_replaces_the_tentative_proposal(store):
    macron = _statement(store, "Europe must rearm")["id"]
    shown = _incremental(store, lambda: corr.correct_stance(store, macron, WEAK, "oppose"))
    assert _cells(shown) == _cells(_all_paths_agree(store))
    france = next(p for p in shown if (p["actor"]["id"], p["issue"]) == ("france", WEAK))
    assert france["stance"] == "oppose" and not france.get("tentative") and france["corrected"]
    assert _weak_cells(shown)[("state", "france", OTHER)] == "oppose"  # the other issue's proposal stays
    # "none": the analyst says it takes no stance on the issue; the proposal goes with the cell it made
    shown = _incremental(store, lambda: corr.correct_stance(store, macron, OTHER, "none"))
    assert _cells(shown) == _cells(_all_paths_agree(store))
    assert not [p for p in shown if p["issue"] == OTHER]


def test_a_merge_carries_the_tentative_cells_to_the_entity_merged_into(store):
    corr.merge_entities(store, "france", "united-kingdom", kb=KB)
    shown = _all_paths_agree(store)
    weak = _weak_cells(shown)
    assert weak[("state", "united-kingdom", WEAK)] == "support" and ("state", "france", WEAK) not in weak


def test_a_speaker_corrected_back_and_forth_leaves_the_machine_s_cells(store):
    macron = _statement(store, "Europe must rearm")["id"]
    _incremental(store, lambda: corr.correct_speaker(store, macron, "dmitry-peskov", kb=KB))
    shown = _incremental(store, lambda: corr.correct_speaker(store, macron, "emmanuel-macron", kb=KB))
    assert _cells(shown) == _cells(_all_paths_agree(store))
    assert _weak_cells(shown) == _weak_cells(positions(store))


def test_a_statement_whose_only_stance_the_analyst_removed_leaves_its_actors_cells(store):
    # Peskov's statement is Russia's only word on the troops: "none" empties the cells it made
    peskov = _statement(store, "Moscow rejects")["id"]
    shown = _incremental(store, lambda: corr.correct_stance(store, peskov, "foreign_troops_in_ukraine", "none"))
    assert _cells(shown) == _cells(_all_paths_agree(store))
    assert {p["actor"]["id"] for p in shown if p["issue"] == "foreign_troops_in_ukraine"} == {
        "keir-starmer", "united-kingdom"}


def test_a_state_speaking_for_no_other_keeps_its_state_cell_under_corrections(store):
    # a statement the state itself makes, with no actor spoken for: its stance counts at the state level, and a
    # correction of it redoes that cell
    peskov = _statement(store, "Moscow rejects")["id"]
    with store.transaction():
        store.execute("UPDATE statements SET speaker_entity_id = 'russia', speaker_name = 'Russia', "
                      "on_behalf_of_id = NULL, on_behalf_of_name = NULL WHERE id = ?", (peskov,))
    corr.correct_stance(store, peskov, "foreign_troops_in_ukraine", "conditional")
    shown = _all_paths_agree(store)
    russia = [p for p in shown if (p["actor"]["id"], p["issue"]) == ("russia", "foreign_troops_in_ukraine")]
    assert [(p["actor_level"], p["stance"], p["corrected"]) for p in russia] == [("state", "conditional", True)]


def test_the_paths_agree_on_postgres(tmp_path):
    from postgres_server import PostgresServer, pg_bin
    if pg_bin() is None:
        pytest.skip("no PostgreSQL server binaries (scripts/test-setup.sh installs them)")
    pytest.importorskip("psycopg")
    server = PostgresServer()
    try:
        s = _store(tmp_path, server.start())
        try:
            assert [r["issue"] for r in tentative_evidence(s)] == [WEAK, OTHER]
            macron = _statement(s, "Europe must rearm")["id"]
            shown = _incremental(s, lambda: corr.correct_speaker(s, macron, "keir-starmer", kb=KB))
            assert _cells(shown) == _cells(_all_paths_agree(s))
            assert ("state", "united-kingdom", WEAK) in _weak_cells(shown)
        finally:
            s.close()
    finally:
        server.stop()


# --- shown as tentative: the brief and the workbench ------------------------------------------------

def test_the_brief_marks_a_tentative_cell_and_follows_the_corrected_speaker(store, tmp_path):
    from garante.present.report import html_page, markdown, build, write_report
    md = markdown(build(store))
    france = next(line for line in md.splitlines() if line.startswith("| France |"))
    assert "+ support? (1)" in france and "+ support (1)" in france  # the tentative cell and the stance's
    assert "### France — us_backstop: support (tentative)" in md
    # the evidence under the tentative cell names its statement's speaker and words
    assert "· support · Emmanuel Macron: “Europe must rearm”" in md
    assert "class='cell tentative'" in html_page(build(store))
    corr.correct_speaker(store, _statement(store, "Europe must rearm")["id"], "keir-starmer", kb=KB)
    md = markdown(build(store))
    assert "| United Kingdom |" in md and "### United Kingdom — us_backstop: support (tentative)" in md
    assert "France — us_backstop" not in md
    paths = write_report(store, tmp_path / "brief", ("md",))
    assert "United Kingdom,united-kingdom,state,us_backstop,support" in paths["csv"].read_text(encoding="utf-8")


def test_the_workbench_marks_a_tentative_cell_and_its_evidence(store, tmp_path):
    from fastapi.testclient import TestClient
    from garante.present.web import create_app
    client = TestClient(create_app(str(tmp_path / "p.db"), token="tentative-t0ken"), base_url="http://localhost")
    cells = {a["id"]: a["cells"] for a in client.get("/api/matrix").json()["actors"]}
    assert cells["france"][WEAK]["tentative"] is True and "tentative" not in cells["france"]["military_aid_to_ukraine"]
    page = client.get("/matrix").text
    assert re.search(r'class="cell stance-support tentative"><a [^>]*title="France / us_backstop: support, tentative',
                     page)
    ev = client.get("/evidence", params={"actor": "france", "issue": WEAK}).text
    assert "Tentative: no stance of this actor speaks to the issue" in ev and "Europe must rearm" in ev
    firm = client.get("/evidence", params={"actor": "france", "issue": "military_aid_to_ukraine"}).text
    assert "Tentative:" not in firm and 'class="tentative-mark"' not in firm
    assert 'class="tentative-mark"' in client.get("/actors/france").text
    assert 'class="tentative-mark"' in client.get(f"/issues/{WEAK}").text
    # after the analyst names another speaker, the cell is the United Kingdom's
    macron = _statement(store, "Europe must rearm")["id"]
    assert client.post("/api/corrections/speaker", json={"statement_id": macron, "entity_id": "keir-starmer"},
                       headers={"Authorization": "Bearer tentative-t0ken"}).status_code == 201
    cells = {a["id"]: a["cells"] for a in client.get("/api/matrix").json()["actors"]}
    assert cells["united-kingdom"][WEAK]["tentative"] is True and WEAK not in cells.get("france", {})
