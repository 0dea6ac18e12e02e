"""The exact characters of a statement's source and cue (issue 12, twenty-seventh session, PolNeAR's exact
spans): ``attrs['source_span']`` is the whole noun phrase of the source mention in the cue's sentence (its
determiner, title, modifiers and apposition; a pronoun as it stands), ``attrs['cue_span']`` the cue with the
auxiliaries, negation and adverbs of its verb group; the speaker and the cue themselves stay as they were.
Sentences written for these tests."""
from __future__ import annotations

from conftest import LEAD_EN, LEAD_IT, needs_it_parser
from garante.pipeline import Context, analyse_text

EVERY_FRAME = Context(options={"attribution_frames": "all"})  # PolNeAR's reading: acts and objects too


def _doc(text: str, lead: str = LEAD_EN):
    return analyse_text(lead + text)


def _about(doc, words: str):
    return next(s for s in doc.statements if words in s.content)


def _written(doc, st, key: str) -> str | None:
    span = st.attrs.get(key)
    return doc.text[span[0]:span[1]] if span else None


def test_the_source_span_is_the_whole_noun_phrase_with_title_and_apposition():
    doc = _doc("Republican Sen. Jane Holloway (R-Ore.), the committee's ranking member, said on Tuesday that the "
               "treaty would fail.")
    st = _about(doc, "treaty would fail")
    assert st.speaker_name == "Jane Holloway"  # (who speaks: the name, as before)
    assert _written(doc, st, "source_span") == \
        "Republican Sen. Jane Holloway (R-Ore.), the committee's ranking member"


def test_the_source_span_keeps_the_determiner_of_an_organisation():
    doc = _doc("The Daily Courier reported that the mayor had resigned.")
    st = _about(doc, "mayor had resigned")
    assert _written(doc, st, "source_span") == "The Daily Courier"


def test_a_pronoun_source_stays_the_pronoun_and_a_relative_clause_stays_out():
    doc = _doc("Jeremy Corbin, who chairs the budget committee, said that the plan was a disgrace. He said that "
               "the council had lied.")
    first, second = _about(doc, "plan was a disgrace"), _about(doc, "council had lied")
    assert _written(doc, first, "source_span") == "Jeremy Corbin"
    assert _written(doc, second, "source_span") == "He" and second.speaker_name == "Jeremy Corbin"


def test_the_cue_span_takes_the_auxiliaries_negation_and_adverbs_of_the_verb():
    doc = _doc("The minister has also said that a ceasefire is possible. The general did not deny that troops "
               "were moving.")
    st = _about(doc, "ceasefire")
    assert st.cue == "said" and _written(doc, st, "cue_span") == "has also said"
    st = _about(doc, "troops")
    assert _written(doc, st, "cue_span") == "did not deny"


def test_the_cue_span_of_an_act_keeps_the_preposition_widen_cues_gave_it():
    doc = analyse_text(LEAD_EN + "Mr. Brennan's spokesman did not immediately respond to a request for comment "
                       "from the newspaper.", ctx=EVERY_FRAME)
    st = _about(doc, "request for comment")
    assert st.cue == "respond to" and _written(doc, st, "cue_span") == "did not immediately respond to"
    assert _written(doc, st, "source_span") == "Mr. Brennan's spokesman"


def test_the_cue_span_of_an_adjective_takes_its_copula():
    doc = _doc("Union leaders are concerned that the talks will stall.")
    st = _about(doc, "talks will stall")
    assert _written(doc, st, "cue_span") == "are concerned"


def test_a_bare_verb_has_no_cue_span():
    doc = _doc("The minister said that the talks would resume.")
    assert "cue_span" not in _about(doc, "talks would resume").attrs


@needs_it_parser
def test_an_italian_source_span_is_the_whole_phrase_the_parse_split_in_two_subjects():
    doc = _doc("Il presidente francese Emmanuel Macron ha detto che la coalizione è pronta a schierare truppe.",
               LEAD_IT)
    st = _about(doc, "la coalizione")
    assert st.speaker_name == "Emmanuel Macron"
    assert _written(doc, st, "source_span") == "Il presidente francese Emmanuel Macron"


def test_a_tag_inside_its_content_takes_its_verb_group_and_its_source_phrase():
    doc = _doc("The new tariffs, Mr. Carter has warned, will ruin thousands of growers.")
    st = _about(doc, "ruin thousands")
    assert _written(doc, st, "cue_span") == "has warned"
    assert _written(doc, st, "source_span") == "Mr. Carter" and st.speaker_name == "Carter"
