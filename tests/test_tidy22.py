"""One outlet fact (session 22): the attribution step records on the statement that its speaker is a news
outlet or agency (``attrs['source_kind']``, ``attribution/sides.py`` ``mark_source``), and the stance step
reads that record instead of asking the knowledge base again. Sentences written for this test."""
from garante.document import Document, Span, Statement
from garante.extract.attribution.sides import OUTLET, is_outlet, mark_source
from garante.extract.stances import StanceClassifier
from garante.pipeline import Context, analyse_text

from conftest import LEAD_EN, LEAD_IT

TROOPS = "France is ready to send troops to Ukraine once a ceasefire holds."


def _according(text: str) -> Statement:
    doc = analyse_text(text)
    return next(st for st in doc.statements if "according" in st.rule)


def test_a_papers_according_statement_is_marked_an_outlet_and_takes_no_stance():
    st = _according(LEAD_EN + "According to the Guardian, " + TROOPS[0].lower() + TROOPS[1:])
    assert st.speaker_entity_id == "the-guardian"
    assert st.attrs.get("source_kind") == OUTLET and is_outlet(st)
    assert st.stances == []


def test_a_governments_according_statement_is_no_outlet_and_keeps_its_stance():
    st = _according(LEAD_IT + "Secondo il governo francese, la Francia è pronta a inviare truppe in Ucraina "
                              "dopo un cessate il fuoco.")
    assert not is_outlet(st) and "source_kind" not in st.attrs
    assert ("foreign_troops_in_ukraine", "support") in [(x.issue, x.stance) for x in st.stances]


def test_mark_source_follows_the_speaker():
    kb = Context().kb
    st = Statement(0, 5, "words", "indirect", speaker_name="Bloomberg", speaker_entity_id="bloomberg")
    mark_source(st, kb)
    assert is_outlet(st)
    st.speaker_name, st.speaker_entity_id = "Emmanuel Macron", "emmanuel-macron"
    mark_source(st, kb)
    assert not is_outlet(st) and "source_kind" not in st.attrs
    mark_source(st, None)  # no knowledge base: nothing is known to be an outlet
    assert not is_outlet(st)


def _one_statement(rule: str, source_kind: str | None, speaker_id: str | None) -> Statement:
    doc = Document(source="t.txt", raw=TROOPS, text=TROOPS, meta={"language": "en", "published": "2025-03-03"})
    doc.add(Span(0, len(TROOPS), "sentence", component="test", rule="test"))
    st = Statement(0, len(TROOPS), TROOPS, "indirect", speaker_name="X", speaker_entity_id=speaker_id, rule=rule)
    if source_kind is not None:
        st.attrs["source_kind"] = source_kind
    doc.statements.append(st)
    StanceClassifier()(doc, Context(options={"stance_model": False}))
    return st


def test_the_stance_step_reads_the_record_not_the_knowledge_base():
    assert _one_statement("according", OUTLET, None).stances == []
    # an outlet's id with no record: the stance step does not decide it again
    assert [x.issue for x in _one_statement("according", None, "bloomberg").stances] == ["foreign_troops_in_ukraine"]
    # the record says outlet but the cue is not "according to": the outlet's own words keep their stance
    assert [x.issue for x in _one_statement("leading", OUTLET, "bloomberg").stances] == ["foreign_troops_in_ukraine"]

