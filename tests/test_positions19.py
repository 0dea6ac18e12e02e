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
