"""Attributions with no verb of saying, in PolNeAR's reading of every attribution (attribution_frames: all;
twenty-ninth session): an "according to" at its sentence's edge reports the sentence's main clause even where the
parser hung it inside a relative clause or a noun; a poll or a survey opening its sentence with "in" is its own
source; "show" depicts its object with a predicate beside it ("showed X with a lead"). News frames unchanged."""
from garante.ingest import Capture


def _statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name or "", st.content, st.cue or "") for st in doc.statements]


def test_according_after_a_relative_clause_reports_the_main_clause(every):
    out = _statements(every, "The company is also now spending money on ads that attack both candidates, according "
                             "to state filings.")
    assert any("filings" in s and c.startswith("The company is also now spending") for s, c, _ in out)


def test_according_inside_a_sentence_is_not_widened(every):
    out = _statements(every, "Exports rose 4 percent, according to the ministry, more than twice the rate of the "
                             "year before.")
    assert any("ministry" in s and c == "Exports rose 4 percent" for s, c, _ in out)


def test_poll_opening_a_clause_is_its_source(every):
    out = _statements(every, "In the same poll, the governor was trailing his rival by six points.")
    assert [(s, c, cue) for s, c, cue in out] == [
        ("the same poll", "the governor was trailing his rival by six points", "In")]


def test_poll_modifying_a_noun_reports_nothing(every):
    assert _statements(every, "Her lead in the poll has narrowed since the summer.") == []


def test_poll_inside_its_sentence_reports_nothing(every):
    assert _statements(every, "The senator still leads in the latest poll of likely voters.") == []


def test_survey_shows_its_object_with_a_predicate(every):
    out = _statements(every, "A new survey showed the mayor with a lead in the low single digits.")
    assert ("A new survey", "the mayor with a lead in the low single digits", "showed") in out


def test_show_with_an_indirect_object_is_no_depiction(every):
    assert _statements(every, "The minister showed the visitors the new port on Tuesday.") == []


def test_statement_opening_a_clause_is_no_source(every):
    out = _statements(every, "In a statement, the ministry said the talks would resume on Friday.")
    assert [s for s, _, _ in out] == ["the ministry"]


def test_news_frames_leave_the_poll_out(news):
    assert _statements(news, "In the same poll, the governor was trailing his rival by six points.") == []
