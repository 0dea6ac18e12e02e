"""Content, cue and split-quote boundaries (issue 12, nineteenth session, PolNeAR's exact spans): a
capitalised quotation that closes its sentence after a reporting clause is the content, not the clause;
a tag followed by an apposition trails what comes before it; a cue keeps its particle, its fixed phrase and
the preposition it governs its content by; a quote split by its tag in one sentence is linked
(``continues``) and exported so. Sentences written for these tests."""
from __future__ import annotations

from conftest import LEAD_EN
from helpers import en_statements as _statements


def _one(sts, start: str):
    return next(s for s in sts if s.content.startswith(start))


def test_a_quotation_after_a_fronted_adjunct_and_its_tag_is_the_content():
    sts = _statements("Senator Mary Holt spoke in Denver on Monday. On the subject of trade, Holt added, "
                      "“Nobody will be tougher on cheaters than me.”")
    st = _one(sts, "Nobody will be tougher")
    assert st.content.rstrip(".”") == "Nobody will be tougher on cheaters than me"
    assert st.speaker_name == "Mary Holt"


def test_a_parenthetical_tag_inside_an_unquoted_sentence_keeps_the_whole_sentence():
    sts = _statements("Senator Mary Holt spoke in Denver on Monday. The tax, Holt said, would fall on the "
                      "middle class.")
    st = next(s for s in sts if "middle class" in s.content)
    assert st.content.startswith("The tax")


def test_a_tag_followed_by_an_apposition_trails_the_sentence_before_it():
    sts = _statements("The plan will hurt small farmers, said Anna Berg, a professor at a state university.")
    st = _one(sts, "The plan will hurt")
    assert st.content == "The plan will hurt small farmers"
    assert "professor" not in st.content and st.speaker_name == "Anna Berg"


def test_cues_keep_their_particle_fixed_phrase_and_preposition():
    sts = _statements("Senator Mary Holt spoke in Denver on Monday. Holt pointed out that the plan would cost "
                      "billions. According to a new poll, most voters oppose the tax. Holt called on the "
                      "governor to resign.")
    assert _one(sts, "the plan would cost").cue == "pointed out"
    assert _one(sts, "most voters").cue.strip() == "According to"
    assert _one(sts, "the governor to resign").cue == "called on"


def test_a_quote_split_by_its_tag_in_one_sentence_is_linked_to_its_first_part():
    sts = _statements("Defence Minister Anna Berg spoke to reporters in Oslo on Monday.\n\n"
                      "“We will not send troops this year,” Berg said, “because the budget does not allow it.” "
                      "“It is final,” she added.")
    first = next(i for i, s in enumerate(sts) if s.content.startswith("We will not send"))
    second = _one(sts, "because the budget")
    assert second.attrs.get("continues") == first
    assert _one(sts, "It is final").attrs.get("continues") is None  # (a cue of its own: a new statement)


def test_the_export_carries_the_link_of_a_split_quote(tmp_path):
    from garante.pipeline import analyse_text
    from garante.present.export import document_record
    doc = analyse_text(LEAD_EN + "Defence Minister Anna Berg spoke to reporters in Oslo on Monday.\n\n"
                       "“Troops,” Berg said, “will not be sent this year.”")
    rec = document_record(doc)
    parts = [s for s in rec["statements"] if s["content"].startswith(("Troops", "will not be sent"))]
    assert len(parts) == 2
    head = rec["statements"].index(parts[0])
    assert parts[0]["continues"] is None and parts[1]["continues"] == head


def test_a_quotation_inside_a_phrase_keeps_the_words_that_open_the_phrase():
    sts = _statements("Senator Mary Holt said the “loose talk” about new taxes was dangerous for the party.")
    st = next(s for s in sts if "loose talk" in s.content)
    assert st.content.startswith("the “loose talk”")
    sts = _statements("Senator Mary Holt told reporters “we will win this fight.”")
    st = next(s for s in sts if "win this fight" in s.content)
    assert not st.content.startswith("reporters")  # (the addressee stays out)
