"""English statements the rules missed (issue 12, twenty-fifth session): a "that"-clause that opens with a
quoted phrase goes on past the quotation (a capital after it is a name's, not a new sentence's), and "restate"
is a verb of saying. Sentences written for these tests."""
from __future__ import annotations

from garante.ingest import Capture


def statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name, st.content) for st in doc.statements]


def test_that_clause_opening_with_a_quotation_goes_on(news):
    out = statements(news, "Chancellor Olaf Scholz said that “several hundred” German engineers could be sent to "
                           "Poland to help rebuild the bridges.")
    assert out == [("Olaf Scholz", "“several hundred” German engineers could be sent to Poland to help rebuild "
                                   "the bridges")]


def test_quoted_sentence_after_colon_still_ends_at_the_quotation(news):
    out = statements(news, "Chancellor Olaf Scholz said: “We will not send troops.” Germany will keep its "
                           "pledges to Poland.")
    assert out and out[0][1].strip("“”").startswith("We will not send troops")
    assert all("Germany will keep" not in c for _, c in out)


def test_restate_is_a_verb_of_saying(news):
    out = statements(news, "Chancellor Olaf Scholz restated that Germany would not send troops to the region.")
    assert out == [("Olaf Scholz", "Germany would not send troops to the region")]
