"""Positions: stances aggregated per actor (person, and the state or organisation spoken for) and issue
over time, with changes and conflicts, read from a real SQLite store."""
from __future__ import annotations

import csv
import json

import pytest

from garante.analyse.changes import changes
from garante.analyse.conflicts import conflicts
from garante.analyse.positions import evidence, positions
from garante.analyse.positions_sql import positions_sql
from garante.analyse.timeline import timeline
from garante.document import Document, Span, Stance, Statement
from garante.present.export import export
from garante.store import Store

PEOPLE = {
    "dmitry-peskov": ("Dmitry Peskov", "PER", "russia", "Russia"),
    "sergey-lavrov": ("Sergey Lavrov", "PER", "russia", "Russia"),
    "leonid-slutsky": ("Leonid Slutsky", "PER", "russia", "Russia"),
    "volodymyr-zelensky": ("Volodymyr Zelensky", "PER", "ukraine", "Ukraine"),
    "emmanuel-macron": ("Emmanuel Macron", "PER", "france", "France"),
    "russia": ("Russia", "GPE", None, None),
}


def article(source: str, published: str | None, outlet: str, said: list[tuple]) -> Document:
    """A document whose text is the statements it reports: (speaker id, content, date, [(issue, stance, conf)])."""
    parts, statements = [], []
    pos = 0
    for speaker, content, date, stances in said:
        name, _, obo, obo_name = PEOPLE[speaker]
        sentence = f"{name} said that {content}."
        a = pos + len(f"{name} said that ")
        st = Statement(a, a + len(content), content, "indirect", cue="said", speaker_name=name,
                       speaker_entity_id=speaker, on_behalf_of_id=obo, on_behalf_of_name=obo_name, date=date)
        st.stances = [Stance(issue, stance, conf, a, a + len(content), "test", "test") for issue, stance, conf in stances]
        statements.append(st)
        parts.append(sentence)
        pos += len(sentence) + 1
    text = " ".join(parts)
    doc = Document(source=source, raw=text, text=text,
                   meta={"published": published, "outlet": outlet, "language": "en", "title": source})
    doc.spans.append(Span(0, len(text), "zone", "body", component="test", rule="test"))
    doc.statements = statements
    return doc


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "positions.db")) as s:
        s.upsert_entities([{"id": k, "name": v[0], "type": v[1]} for k, v in PEOPLE.items()] +
                          [{"id": "ukraine", "name": "Ukraine", "type": "GPE"},
                           {"id": "france", "name": "France", "type": "GPE"}])
        yield s
        # every case of this file, computed by the database, gives what the Python rules give
        assert_same_positions(s)


def assert_same_positions(store):
    by_python = positions(store)
    assert json.dumps(positions_sql(store)) == json.dumps(by_python)
    summary = positions_sql(store, evidence=False)
    assert [(p["actor"], p["issue"], p["stance"], p["since"]) for p in summary] == \
        [(p["actor"], p["issue"], p["stance"], p["since"]) for p in by_python]
    assert conflicts(summary) == conflicts(by_python)  # conflicts need no evidence lists


def save(store, *docs):
    for d in docs:
        store.save_document(d, "test")


def row(rows, name, issue, level):
    found = [p for p in rows if p["actor"]["name"] == name and p["issue"] == issue and p["actor_level"] == level]
    assert len(found) == 1, (name, issue, level, found)
    return found[0]


def test_stance_over_time_with_a_change_and_its_statements(store):
    save(store,
         article("march.txt", "2025-03-02", "Reuters", [
             ("dmitry-peskov", "a truce could be discussed", "2025-03-01", [("ceasefire", "support", 0.8)])]),
         article("june.txt", "2025-06-02", "ANSA", [
             ("sergey-lavrov", "a truce would only let Kyiv rearm", "2025-06-01", [("ceasefire", "oppose", 0.8)])]))
    rows = positions(store)
    russia = row(rows, "Russia", "ceasefire", "state")
    assert russia["stance"] == "oppose" and russia["since"] == "2025-06-01"
    assert russia["statements"] == 2 and russia["outlets"] == 2
    assert russia["first_evidence"]["date"] == "2025-03-01" and russia["last_evidence"]["date"] == "2025-06-01"
    (change,) = russia["changes"]
    assert (change["from"], change["to"], change["date"]) == ("support", "oppose", "2025-06-01")
    ids = {r["content"]: r["statement_id"] for r in evidence(store)}
    assert [b["statement_id"] for b in change["before"]] == [ids["a truce could be discussed"]]
    assert [a["statement_id"] for a in change["after"]] == [ids["a truce would only let Kyiv rearm"]]
    # each person keeps their own line and did not change
    assert row(rows, "Dmitry Peskov", "ceasefire", "person")["stance"] == "support"
    assert row(rows, "Sergey Lavrov", "ceasefire", "person")["changes"] == []
    flat = changes([p for p in rows if p["actor_level"] == "state"])
    assert [(c["actor"]["name"], c["issue"], c["to"]) for c in flat] == [("Russia", "ceasefire", "oppose")]


def test_statement_date_wins_over_publication_and_order_of_storage(store):
    # stored first, but said later
    save(store,
         article("late.txt", "2025-09-10", "ANSA", [
             ("volodymyr-zelensky", "Ukraine could accept a neutral status", "2025-09-09",
              [("ukraine_neutrality", "support", 0.7)])]),
         article("early.txt", "2025-09-01", "AP", [
             ("volodymyr-zelensky", "neutrality is no guarantee", None, [("ukraine_neutrality", "oppose", 0.7)])]))
    p = row(positions(store), "Ukraine", "ukraine_neutrality", "state")
    assert p["stance"] == "support"
    assert p["changes"][0]["from"] == "oppose" and p["changes"][0]["date"] == "2025-09-09"
    assert p["first_evidence"]["date"] == "2025-09-01"  # the publication date stands in for the undated statement


def test_neutral_statement_does_not_overturn_a_side_taken(store):
    save(store,
         article("a.txt", "2025-04-01", "Reuters", [
             ("sergey-lavrov", "foreign troops are unacceptable", "2025-04-01",
              [("foreign_troops_in_ukraine", "oppose", 0.8)])]),
         article("b.txt", "2025-05-01", "ANSA", [
             ("dmitry-peskov", "it is too early to speak of troops", "2025-05-01",
              [("foreign_troops_in_ukraine", "neutral", 0.6)])]))
    p = row(positions(store), "Russia", "foreign_troops_in_ukraine", "state")
    assert p["stance"] == "oppose" and p["changes"] == [] and p["since"] == "2025-04-01"
    assert p["statements"] == 2 and p["last_evidence"]["stance"] == "neutral"
    # a person who only spoke neutrally is neutral
    assert row(positions(store), "Dmitry Peskov", "foreign_troops_in_ukraine", "person")["stance"] == "neutral"


def test_same_day_evidence_is_weighed(store):
    save(store, article("d.txt", "2025-02-01", "AP", [
        ("sergey-lavrov", "a summit is premature", "2025-02-01", [("leaders_summit", "oppose", 0.6)]),
        ("dmitry-peskov", "a summit could follow talks", "2025-02-01", [("leaders_summit", "conditional", 0.8)]),
        ("sergey-lavrov", "a summit needs preparation", "2025-02-01", [("leaders_summit", "conditional", 0.7)]),
    ]))
    p = row(positions(store), "Russia", "leaders_summit", "state")
    assert p["stance"] == "conditional" and p["statements"] == 3 and p["changes"] == []


def test_a_state_position_weighs_the_office_that_speaks_for_it_over_a_lawmaker(store):
    from garante.extract.authority import SpeakerAuthority
    from garante.pipeline import Context
    said = [("leonid-slutsky", "a ceasefire would only help Kyiv rearm", "2025-03-01", [("ceasefire", "oppose", 0.9)]),
            ("sergey-lavrov", "Moscow is ready for a ceasefire if supplies stop", "2025-03-01", [("ceasefire", "support", 0.6)])]
    save(store, article("a.txt", "2025-03-01", "AP", said))
    assert row(positions(store), "Russia", "ceasefire", "state")["stance"] == "oppose"  # 0.9 against 0.6
    # the same article analysed again with the authority step: the foreign minister speaks for Russia,
    # the chair of a Duma committee does not; his statement weighs double (1.2 against 0.9)
    doc = article("a.txt", "2025-03-01", "AP", said)
    SpeakerAuthority()(doc, Context())
    assert [st.attrs.get("authority") for st in doc.statements] == [None, "foreign_minister"]
    save(store, doc)
    p = row(positions(store), "Russia", "ceasefire", "state")
    assert p["stance"] == "support" and p["statements"] == 2


def test_persons_first_states_last_and_a_state_speaking_for_itself(store):
    save(store, article("e.txt", "2025-09-05", "Reuters", [
        ("russia", "NATO enlargement is a threat", None, [("nato_eastward_expansion", "oppose", 0.8)]),
        ("emmanuel-macron", "Europe must give firm guarantees", None, [("western_security_guarantees", "support", 0.7)]),
    ]))
    rows = positions(store)
    levels = [p["actor_level"] for p in rows]
    assert levels == sorted(levels, key=lambda lv: lv == "state")  # every person row before every state row
    assert {(p["actor"]["name"], p["actor_level"]) for p in rows} == {
        ("Russia", "state"), ("Emmanuel Macron", "person"), ("France", "state")}
    # read as the scorer does: the last row per actor name and issue
    last = {}
    for p in rows:
        last[(p["actor"]["name"], p["issue"])] = p["stance"]
    assert last[("Russia", "nato_eastward_expansion")] == "oppose"
    assert last[("France", "western_security_guarantees")] == "support"


def test_conflicts_are_issues_with_states_on_opposite_sides(store):
    save(store, article("f.txt", "2025-09-04", "Le Monde", [
        ("emmanuel-macron", "a reassurance force will deploy", None, [("foreign_troops_in_ukraine", "support", 0.7)]),
        ("volodymyr-zelensky", "partners' troops are welcome", None, [("foreign_troops_in_ukraine", "support", 0.7)]),
        ("dmitry-peskov", "foreign troops are unacceptable", None, [("foreign_troops_in_ukraine", "oppose", 0.8)]),
        ("dmitry-peskov", "sanctions are illegal", None, [("sanctions_on_russia", "oppose", 0.8)]),
    ]))
    rows = positions(store)
    assert conflicts(rows) == [{"issue": "foreign_troops_in_ukraine", "support": ["France", "Ukraine"],
                                "oppose": ["Russia"], "conditional": [],
                                "tentative": {"support": [], "oppose": [], "conditional": []}}]
    by_person = conflicts(rows, level="person")
    assert by_person[0]["oppose"] == ["Dmitry Peskov"]


def test_timeline_lists_dated_evidence_per_actor(store):
    save(store, article("g.txt", "2025-09-04", "Le Monde", [
        ("emmanuel-macron", "a reassurance force will deploy", "2025-09-04",
         [("foreign_troops_in_ukraine", "support", 0.7)])]))
    (event,) = timeline(evidence(store))
    assert (event["date"], event["actor"], event["issue"], event["stance"]) == (
        "2025-09-04", "France", "foreign_troops_in_ukraine", "support")
    assert timeline(evidence(store), level="person")[0]["actor"] == "Emmanuel Macron"


def test_export_writes_positions_json_and_csv(store, tmp_path):
    save(store,
         article("h.txt", "2025-03-02", "Reuters", [
             ("dmitry-peskov", "a truce could be discussed", "2025-03-01", [("ceasefire", "support", 0.8)])]),
         article("i.txt", "2025-06-02", "ANSA", [
             ("sergey-lavrov", "no truce", "2025-06-01", [("ceasefire", "oppose", 0.8)])]))
    paths = export(store, tmp_path / "out")
    rows = json.loads(paths["positions"].read_text(encoding="utf-8"))
    assert rows[-1]["actor"]["name"] == "Russia" and rows[-1]["stance"] == "oppose"
    with open(paths["positions_csv"], encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    russia = [r for r in table if r["actor"] == "Russia"][0]
    assert russia["actor_level"] == "state" and russia["stance"] == "oppose" and russia["statements"] == "2"
    assert russia["changes"] == "support->oppose (2025-06-01)" and russia["first_date"] == "2025-03-01"
    assert {r["actor"] for r in table} == {"Russia", "Dmitry Peskov", "Sergey Lavrov"}


def test_empty_store_has_no_positions(store, tmp_path):
    assert positions(store) == [] and conflicts([]) == []
    paths = export(store, tmp_path / "empty")
    assert json.loads(paths["positions"].read_text()) == []
    assert paths["positions_csv"].read_text().startswith("actor,actor_id,actor_level,issue,stance")


# --- the same positions computed in SQL, on SQLite and PostgreSQL ---------------------------------

def test_sql_positions_equal_python_on_synthetic_stances(tmp_path):
    from garante.scale.synthetic import fill
    with Store(str(tmp_path / "synthetic.db")) as s:
        fill(s, 6000, seed=3)
        rows = positions(s)
        assert len(rows) > 500 and any(p["changes"] for p in rows)
        assert any(p["actor"]["name"].startswith("Unknown") for p in rows)
        assert_same_positions(s)


def test_sql_positions_equal_python_on_analysed_news(tmp_path):
    from conftest import EXAMPLES
    from garante.batch import analyze
    with Store(str(tmp_path / "news.db")) as s:
        analyze([str(EXAMPLES)], s)
        assert len(positions(s)) > 10
        assert_same_positions(s)


def test_sql_positions_equal_python_on_postgres(tmp_path):
    from postgres_server import PostgresServer, pg_bin
    from garante.scale.synthetic import fill
    if pg_bin() is None:
        pytest.skip("no PostgreSQL server binaries (scripts/test-setup.sh installs them)")
    pytest.importorskip("psycopg")
    server = PostgresServer()
    try:
        with Store(server.start()) as s:
            fill(s, 4000, seed=5)
            assert_same_positions(s)
    finally:
        server.stop()


# --- one weak reading cannot flip a side that strong evidence took ---------------------------------

def test_a_weak_later_stance_does_not_flip_a_state(store):
    save(store,
         article("strong.txt", "2025-03-02", "Reuters", [
             ("sergey-lavrov", "sanctions are illegal", "2025-03-01", [("sanctions_on_russia", "oppose", 0.8)])]),
         article("weak.txt", "2025-06-02", "ANSA", [
             ("dmitry-peskov", "the countries that impose sanctions suffer", "2025-06-01",
              [("sanctions_on_russia", "support", 0.5)])]))
    rows = positions(store)
    russia = row(rows, "Russia", "sanctions_on_russia", "state")
    assert russia["stance"] == "oppose" and russia["changes"] == [] and russia["since"] == "2025-03-01"
    assert russia["statements"] == 2 and russia["last_evidence"]["stance"] == "support"  # kept as evidence
    # the speaker who only said the weak thing still has it as his own position
    assert row(rows, "Dmitry Peskov", "sanctions_on_russia", "person")["stance"] == "support"


def test_weak_evidence_starts_a_position_and_agreeing_weak_evidence_changes_it(store):
    save(store,
         article("first.txt", "2025-01-02", "AP", [
             ("volodymyr-zelensky", "a meeting with Putin", "2025-01-01", [("leaders_summit", "support", 0.5)])]),
         article("then.txt", "2025-02-02", "AP", [
             ("volodymyr-zelensky", "no meeting now", "2025-02-01", [("leaders_summit", "oppose", 0.8)])]),
         article("later.txt", "2025-05-02", "Reuters", [
             ("volodymyr-zelensky", "a meeting could help", "2025-05-01", [("leaders_summit", "support", 0.4)]),
             ("volodymyr-zelensky", "he is ready to meet", "2025-05-01", [("leaders_summit", "support", 0.4)])]))
    ukraine = row(positions(store), "Ukraine", "leaders_summit", "state")
    # weak alone started it, strong evidence changed it, two weak readings of one day together (0.8) change it back
    assert [(c["from"], c["to"]) for c in ukraine["changes"]] == [("support", "oppose"), ("oppose", "support")]
    assert ukraine["stance"] == "support" and ukraine["since"] == "2025-05-01"


def test_a_relative_date_counts_as_the_publication_date(store):
    save(store,
         article("old.txt", "2021-12-01", "TASS", [
             ("sergey-lavrov", "NATO must not come closer", "FUTURE_REF", [("nato_eastward_expansion", "oppose", 0.8)])]),
         article("new.txt", "2025-08-01", "Reuters", [
             ("sergey-lavrov", "enlargement could be discussed", "2025-08-01",
              [("nato_eastward_expansion", "conditional", 0.8)])]))
    russia = row(positions(store), "Russia", "nato_eastward_expansion", "state")
    assert russia["first_evidence"]["date"] == "2021-12-01"  # not a date after every real one
    assert russia["stance"] == "conditional" and russia["changes"][0]["date"] == "2025-08-01"


def test_a_change_needs_more_evidence_than_the_side_it_overturns(store):
    save(store,
         article("a.txt", "2025-01-02", "Reuters", [
             ("volodymyr-zelensky", "neutrality is no guarantee", "2025-01-01", [("ukraine_neutrality", "oppose", 0.8)])]),
         article("b.txt", "2025-02-02", "Le Monde", [
             ("volodymyr-zelensky", "a neutral Ukraine is a dead end", "2025-02-01",
              [("ukraine_neutrality", "oppose", 0.8)])]),
         article("c.txt", "2025-03-02", "TASS", [
             ("volodymyr-zelensky", "neutrality could be discussed", "2025-03-01",
              [("ukraine_neutrality", "support", 0.8)])]))
    ukraine = row(positions(store), "Ukraine", "ukraine_neutrality", "state")
    assert ukraine["stance"] == "oppose" and ukraine["changes"] == [] and ukraine["outlets"] == 3


def test_recent_evidence_counts_more_so_a_real_change_shows(store):
    # two years later a statement counts twice: the side taken in 2025 outweighs 2023's
    save(store,
         article("feb.txt", "2023-02-12", "ANSA", [
             ("emmanuel-macron", "no American troops", "2023-02-12", [("us_backstop", "oppose", 0.8)])]),
         article("aug.txt", "2025-02-19", "Reuters", [
             ("emmanuel-macron", "the Americans will help", "2025-02-19", [("us_backstop", "support", 0.7)])]))
    france = row(positions(store), "France", "us_backstop", "state")
    assert france["stance"] == "support" and france["changes"][0]["date"] == "2025-02-19"


def test_within_a_year_a_lone_weaker_statement_does_not_overturn_a_stronger_one(store):
    save(store,
         article("feb.txt", "2025-02-12", "ANSA", [
             ("emmanuel-macron", "no American troops", "2025-02-12", [("us_backstop", "oppose", 0.8)])]),
         article("aug.txt", "2025-08-19", "Reuters", [
             ("emmanuel-macron", "the Americans will help", "2025-08-19", [("us_backstop", "support", 0.7)])]))
    france = row(positions(store), "France", "us_backstop", "state")
    assert france["stance"] == "oppose" and france["changes"] == []


def test_ministers_of_one_state_on_opposite_sides_are_shown_as_a_disagreement(store):
    save(store, article("a.txt", "2025-03-01", "ANSA", [
        ("dmitry-peskov", "Russia welcomes the ceasefire", "2025-03-01", [("ceasefire", "support", 0.8)]),
        ("sergey-lavrov", "a ceasefire is a trap", "2025-03-01", [("ceasefire", "oppose", 0.8)]),
        ("sergey-lavrov", "foreign troops are unacceptable", "2025-03-01",
         [("foreign_troops_in_ukraine", "oppose", 0.8)]),
        ("dmitry-peskov", "foreign troops are a threat", "2025-03-01", [("foreign_troops_in_ukraine", "oppose", 0.8)]),
    ]))
    from garante.analyse.positions import disagreements
    found = disagreements(store)
    assert [(d["actor"], d["issue"]) for d in found] == [("Russia", "ceasefire")]  # agreeing ones are not listed
    assert {(x["name"], x["stance"]) for x in found[0]["speakers"]} == \
        {("Dmitry Peskov", "support"), ("Sergey Lavrov", "oppose")}
