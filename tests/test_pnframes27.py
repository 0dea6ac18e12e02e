"""Indirect attributions of the twenty-seventh session, PolNeAR's reading of every attribution only
(attribution_frames: all; the default frames for news make none of them): a subject no speaker list names
("The new findings underscore that …") and a pronoun subject the resolver finds no antecedent for ("It says …"
after a letter, "I believe …" in a column) are the source as written, except in an infinitive frame ("the plan
aims to …"), a side taken or a tag (open_frames.written_pronoun, open_frames.speaks_as_written)."""
from garante.ingest import Capture


def _statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name, st.content, st.rule) for st in doc.statements]


def test_unresolved_it_is_the_written_source(every):
    out = _statements(every, "The city sent a letter to the campaign on Monday. "
                             "It says the campaign violated state law by using the logo.")
    assert ("It", "the campaign violated state law by using the logo", "parse-clause") in out


def test_first_person_outside_a_quotation_is_the_written_source(every):
    out = _statements(every, "I believe the new tax will fail within a year.")
    assert out == [("I", "the new tax will fail within a year", "parse-clause")]


def test_first_person_inside_a_quotation_is_no_source(every):
    out = _statements(every, "“I believe the new tax will fail within a year,” the mayor said.")
    assert [s for s, _, _ in out] == ["the mayor"]


def test_default_frames_keep_unresolved_pronouns_out(news):
    assert _statements(news, "I believe the new tax will fail within a year.") == []


def test_a_noun_no_list_names_is_the_written_source(every):
    out = _statements(every, "The new findings underscore that the program failed to reach rural families.")
    assert out == [("The new findings", "the program failed to reach rural families", "parse-clause")]


def test_a_noun_no_list_names_has_no_intention(every):
    assert _statements(every, "The new plan aims to cut taxes for small firms.") == []


def test_default_frames_keep_nouns_no_list_names_out(news):
    assert _statements(news, "The new findings underscore that the program failed to reach rural families.") == []


def test_a_pronoun_with_no_antecedent_has_an_intention(every):
    out = _statements(every, "I plan to visit the northern provinces next spring.")
    assert ("I", "to visit the northern provinces next spring", "parse-xcomp") in out
