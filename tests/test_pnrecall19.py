"""PolNeAR's reading of every attribution (Context option attribution_frames: all): a verb no list names
reports the clause a complementizer opens after it, when its subject is a name, a noun or a pronoun
(extract/attribution/open_frames.py). The default frames (news analysis) do not make these statements."""
from garante.ingest import Capture


def _statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name or "", st.content, st.rule) for st in doc.statements]


def test_unlisted_verb_with_whether_clause_reports_it(every):
    out = _statements(every, "The union leader pondered whether the pension fund would survive the decade.")
    assert [(c, r) for _, c, r in out] == [("the pension fund would survive the decade", "parse-clause-open")]
    assert "union leader" in out[0][0]


def test_listed_verb_with_whether_clause_is_its_own_clause(every):
    # "question" is listed (object_verbs): its indirect question is the listed verb's clause
    # (frames.misread_complement), not the open frame of a verb no list names
    out = _statements(every, "The union leader questioned whether the pension fund would survive the decade.")
    assert [(c, r) for _, c, r in out] == [("the pension fund would survive the decade", "parse-clause")]
    assert "union leader" in out[0][0]


def test_unlisted_verb_with_that_clause_and_a_noun_subject(every):
    out = _statements(every, "The committee did not establish that the minister had lied to parliament.")
    assert ("the minister had lied to parliament", "parse-clause-open") in [(c, r) for _, c, r in out]


def test_bare_complement_is_no_open_frame(every):
    out = _statements(every, "The mayor knows the bridge is unsafe.")
    assert not any(r == "parse-clause-open" for _, _, r in out)


def test_clausal_subject_is_no_source(every):
    out = _statements(every, "Leaving the talks now means that the ceasefire will collapse.")
    assert not any(r == "parse-clause-open" for _, _, r in out)


def test_default_frames_make_no_open_statement(news):
    out = _statements(news, "The union leader questioned whether the pension fund would survive the decade.")
    assert not any(r == "parse-clause-open" for _, _, r in out)


def test_passive_expectation_without_agent_has_no_source(every):
    doc = every.analyse_capture(Capture(source="t.txt", raw="The mayor is expected to sign the housing bill on Friday.",
                                       format="text"))
    hedges = [st for st in doc.statements if st.rule == "parse-hedge"]
    assert len(hedges) == 1
    assert hedges[0].speaker_name is None
    assert hedges[0].content.startswith("The mayor") and hedges[0].content.endswith("on Friday")


def test_passive_expectation_with_an_agent_is_no_hedge(every):
    out = _statements(every, "The mayor is expected by the council to sign the housing bill on Friday.")
    assert not any(r == "parse-hedge" for _, _, r in out)


def test_relative_subject_is_no_hedge(every):
    out = _statements(every, "The council passed a budget that is expected to cut the deficit by half.")
    assert not any(r == "parse-hedge" for _, _, r in out)


def test_default_frames_make_no_hedge(news):
    out = _statements(news, "The mayor is expected to sign the housing bill on Friday.")
    assert not any(r == "parse-hedge" for _, _, r in out)
