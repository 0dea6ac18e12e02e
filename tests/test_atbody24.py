"""A body named where something was said is not who said it (issue 12, twenty-fourth session): after a trailing
cue, a name that a preposition of place or occasion governs ("at the Security Council", "in the Bundestag") is
where or when it was said; the person named before the cue is the speaker. Sentences written for these tests."""
from __future__ import annotations

from garante.ingest import Capture


def statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name, st.content) for st in doc.statements]


def test_office_and_name_set_off_by_commas_then_a_body_after_the_cue(news):
    out = statements(news, "The war must end with real guarantees for Kyiv, France's Permanent Representative to "
                           "the United Nations, Marc Duval, stated at the Security Council on Monday.")
    assert out == [("Marc Duval", "The war must end with real guarantees for Kyiv")]


def test_name_between_commas_then_a_parliament_after_the_cue(news):
    out = statements(news, "Peace will not come from concessions to Moscow, the German foreign minister, "
                           "Klara Weiss, said in the Bundestag on Thursday.")
    assert [s for s, _ in out] == ["Klara Weiss"]


def test_name_then_apposition_then_a_meeting_after_the_cue(news):
    out = statements(news, "The alliance will not accept a frozen conflict, Olav Berg, Norway's defence minister, "
                           "said during a NATO meeting in Brussels.")
    assert out == [("Olav Berg", "The alliance will not accept a frozen conflict")]


def test_a_name_right_after_the_cue_still_speaks(news):
    out = statements(news, "The alliance will not accept a frozen conflict, said Olav Berg at the NATO summit.")
    assert [s for s, _ in out] == ["Olav Berg"]


def test_italian_name_before_the_cue_and_a_body_after_it(news):
    out = statements(news, "Le garanzie per Kiev devono essere vincolanti, il ministro della Difesa, Paolo Ferri, "
                           "ha dichiarato al Consiglio di sicurezza.")
    assert [s for s, _ in out] == ["Paolo Ferri"]


def test_italian_name_after_the_cue_and_a_parliament(news):
    out = statements(news, "Le garanzie per Kiev devono essere vincolanti, ha dichiarato il ministro della Difesa "
                           "Paolo Ferri in Parlamento.")
    assert out == [("Paolo Ferri", "Le garanzie per Kiev devono essere vincolanti")]


def test_a_name_after_other_words_after_the_cue_keeps_the_cue_no_tag(news):
    out = statements(news, "The minister will not travel to Moscow; he said that another envoy, Jane Roe, will "
                           "maintain contacts with Russia on behalf of President John Smith.")
    assert "John Smith" not in [s for s, _ in out]


def test_italian_a_place_then_the_speaker_after_the_cue(news):
    out = statements(news, "Le garanzie per Kiev devono essere vincolanti, ha detto ieri a Bruxelles il ministro "
                           "degli Esteri Paolo Ferri.")
    assert out == [("Paolo Ferri", "Le garanzie per Kiev devono essere vincolanti")]


def test_a_body_inside_the_adjunct_that_opens_after_the_cue(news):
    out = statements(news, "The guarantees must be binding, Paolo Ferri, the Italian foreign minister, said in a "
                           "speech at the UN General Assembly.")
    assert out == [("Paolo Ferri", "The guarantees must be binding")]
