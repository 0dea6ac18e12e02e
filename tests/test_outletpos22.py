"""A news outlet that a statement has as its speaker reports; it holds no position on the map
(analyse/positions.py, positions_sql.py; the statement's ``attrs.source_kind`` from attribution/sides.py)."""
from __future__ import annotations

import json

import pytest

from garante.analyse.positions import positions
from garante.analyse.positions_sql import positions_sql
from garante.batch import analyze
from garante.store import Store

from helpers import stored_pages

# our own sentences: an outlet's report with a side, and a prime minister with the same side
PAGES = {
    "en.txt": ("London, 3 March 2025. The Financial Times wrote in an editorial on Monday that Europe must send "
               "troops to Ukraine as part of the security guarantees. Keir Starmer said on Tuesday that Britain "
               "is ready to deploy troops to Ukraine."),
    "it.txt": ("Londra, 3 marzo 2025. Il Financial Times ha scritto lunedì che l'Europa deve inviare truppe in "
               "Ucraina come garanzia di sicurezza. Il premier britannico Keir Starmer ha detto martedì che il "
               "Regno Unito è pronto a inviare truppe in Ucraina."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = stored_pages(tmp_path_factory.mktemp("outletpos"), PAGES)
    yield s
    s.close()


def test_the_outlet_keeps_its_statements_and_stances_but_holds_no_position(store):
    said = store.query("SELECT st.id, st.speaker_name, st.attrs FROM statements st")
    outlet = [r for r in said if r["speaker_name"] == "Financial Times"]
    assert len(outlet) == 2 and all(json.loads(r["attrs"]).get("source_kind") == "outlet" for r in outlet)
    kept = store.query(f"SELECT COUNT(*) AS n FROM stances WHERE statement_id IN ({', '.join(str(r['id']) for r in outlet)})")
    assert kept[0]["n"] >= 2  # the stances stay on the statements
    rows = positions(store)
    actors = {(p["actor"]["name"], p["issue"]) for p in rows}
    assert ("Financial Times", "foreign_troops_in_ukraine") not in actors
    assert ("United Kingdom", "foreign_troops_in_ukraine") in actors  # Starmer's state still placed
    assert all(p["actor"]["name"] != "Financial Times" for p in rows)


def test_the_database_path_leaves_the_outlet_out_alike(store):
    assert json.dumps(positions_sql(store)) == json.dumps(positions(store))


def test_a_speaker_named_by_an_analyst_replaces_the_outlet_mark(store):
    from garante.analyse.positions import evidence
    from garante.present import corrections as corr
    rows = evidence(store)
    marked = [r for r in rows if r["outlet_speaker"]]
    assert marked and all(r["speaker"] == "Financial Times" for r in marked)
    st = store.query("""SELECT st.content_start, st.content_end, d.content_hash FROM statements st
                        JOIN documents d ON d.id = st.document_id WHERE st.id = ?""", (marked[0]["statement_id"],))[0]
    c = corr.Corrections(speakers={(st["content_hash"], st["content_start"], st["content_end"]): {
        "id": "x:editor", "name": "An editor", "correction_id": 1}}, records=[{"id": 1}])
    fixed, changed = corr.corrected_evidence(store, c, rows)
    assert changed and any(p["actor"]["name"] == "An editor" for p in positions(store, fixed))
    assert all(p["actor"]["name"] != "An editor" for p in positions(store, rows))


def test_someone_else_made_to_speak_for_an_outlet_speaks_for_no_one_the_outlet_for_itself():
    from garante.document import Statement
    from garante.extract.attribution.sides import mark_source
    from garante.kb import KnowledgeBase
    kb = KnowledgeBase.load()
    reporter = Statement(0, 10, "x", "indirect", speaker_name="Ivan Petrov", speaker_entity_id="x:ivan-petrov",
                         on_behalf_of_id="tass", on_behalf_of_name="TASS")
    mark_source(reporter, kb)
    assert (reporter.on_behalf_of_id, reporter.on_behalf_of_name) == (None, None)
    agency = Statement(0, 10, "x", "indirect", speaker_name="TASS", speaker_entity_id="tass",
                       on_behalf_of_id="tass", on_behalf_of_name="TASS")
    mark_source(agency, kb)
    assert agency.on_behalf_of_id == "tass" and agency.attrs["source_kind"] == "outlet"
    minister = Statement(0, 10, "x", "indirect", speaker_name="Sergei Lavrov", speaker_entity_id="sergei-lavrov",
                         on_behalf_of_id="russia", on_behalf_of_name="Russia")
    mark_source(minister, kb)
    assert minister.on_behalf_of_id == "russia" and "source_kind" not in minister.attrs


def test_the_mark_is_read_however_the_attributes_are_spaced(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "en.txt").write_text(PAGES["en.txt"], encoding="utf-8")
    with Store(str(folder / "p.db")) as s:
        analyze([str(folder / "en.txt")], s)
        with s.transaction():  # another writer's JSON, without spaces
            for r in s.query("SELECT id, attrs FROM statements"):
                s.execute("UPDATE statements SET attrs = ? WHERE id = ?",
                          (json.dumps(json.loads(r["attrs"]), separators=(",", ":")), r["id"]))
        rows = positions(s)
        assert rows and all(p["actor"]["name"] != "Financial Times" for p in rows)
        assert json.dumps(positions_sql(s)) == json.dumps(rows)
