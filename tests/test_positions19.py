"""One side per unknown person in one article (extract/statements.py ``one_side_per_person``): the state or
body a person the knowledge base does not know speaks for is the same for all his statements of a page."""
from __future__ import annotations

from garante.document import Document, Statement
from garante.extract.statements import one_side_per_person
from garante.kb import KnowledgeBase


_KB = KnowledgeBase.load()


def _st(speaker, side=None, start=0):
    return Statement(content_start=start, content_end=start + 5, content="words", kind="indirect",
                     speaker_name=speaker, speaker_entity_id=speaker, on_behalf_of_id=side)


def _sides(statements):
    doc = Document(source="p.txt", raw="", text="x" * 100, statements=statements)
    one_side_per_person(doc, _KB)
    return [(st.on_behalf_of_id, st.on_behalf_of_name, st.attrs.get("on_behalf_of_from")) for st in doc.statements]


def test_a_state_named_near_one_later_mention_gives_way_to_what_most_of_his_statements_have():
    got = _sides([_st("x:ivan-petrenko", "ukraine", 0), _st("x:ivan-petrenko", "ukraine", 10),
                  _st("x:ivan-petrenko", "russia", 20)])
    assert [(g[0], g[2]) for g in got] == [("ukraine", None), ("ukraine", None), ("ukraine", "person")]
    assert got[2][1] == "Ukraine"  # the knowledge base's name of the side it now has


def test_a_tie_goes_to_his_earliest_statement_with_a_side_and_statements_with_none_take_it():
    got = _sides([_st("x:ana-lopez", None, 0), _st("x:ana-lopez", "spain", 10), _st("x:ana-lopez", "france", 20)])
    assert [g[0] for g in got] == ["spain", "spain", "spain"]
    assert got[0][2] == "person" and got[1][2] is None


def test_known_persons_and_other_speakers_keep_their_own_sides():
    got = _sides([_st("volodymyr-zelensky", "ukraine", 0), _st("volodymyr-zelensky", None, 10),
                  _st("x:mario-bianchi", "italy", 20), _st("x:john-smith", None, 30)])
    assert [g[0] for g in got] == ["ukraine", None, "italy", None]


def _article(said):
    """A document of statements (speaker name, speaker id or None, content, stance, confidence), all of one
    day, for Russia on the ceasefire."""
    from garante.document import Span, Stance
    parts, statements, pos = [], [], 0
    for name, sid, content, stance, conf in said:
        a = pos + len(f"{name} said that ")
        st = Statement(a, a + len(content), content, "indirect", cue="said", speaker_name=name,
                       speaker_entity_id=sid, on_behalf_of_id="russia", on_behalf_of_name="Russia", date="2025-03-01")
        st.stances = [Stance("ceasefire", stance, conf, a, a + len(content), "test", "test")]
        statements.append(st)
        parts.append(f"{name} said that {content}.")
        pos += len(parts[-1]) + 1
    text = " ".join(parts)
    doc = Document(source="u.txt", raw=text, text=text,
                   meta={"published": "2025-03-01", "outlet": "AP", "language": "en", "title": "u"})
    doc.spans.append(Span(0, len(text), "zone", "body", component="test", rule="test"))
    doc.statements = statements
    return doc


def test_an_unnamed_speaker_weighs_less_than_a_named_one_in_a_state_position(tmp_path):
    import json

    from garante.analyse.positions import positions
    from garante.analyse.positions_sql import positions_sql
    from garante.store import Store
    with Store(str(tmp_path / "p.db")) as s:
        s.upsert_entities([{"id": "ivan-orlov", "name": "Ivan Orlov", "type": "PER"},
                           {"id": "russia", "name": "Russia", "type": "GPE"}])
        s.save_document(_article([
            ("Ivan Orlov", "ivan-orlov", "a truce is possible once supplies stop", "conditional", 0.6),
            ("a Kremlin aide", None, "a truce is out of the question", "oppose", 0.7)]), "test")
        rows = positions(s)
        state = [p for p in rows if p["actor"]["name"] == "Russia" and p["actor_level"] == "state"]
        # 0.6 named against 0.7 unnamed (weighing 0.35): the named speaker's side
        assert [(p["issue"], p["stance"], p["statements"]) for p in state] == [("ceasefire", "conditional", 2)]
        assert json.dumps(positions_sql(s)) == json.dumps(rows)
