"""English statements the rules missed (issue 12, twenty-fifth session): a "that"-clause that opens with a
quoted phrase goes on past the quotation (a capital after it is a name's, not a new sentence's), "articulate" and
"convey" report a clause, "plead" an infinitive, and "This was stated on television by X" reports the sentence
before. Sentences written for these tests."""
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


def test_articulate_and_convey_report_a_that_clause(news):
    out = statements(news, "During a call with Scholz, Macron articulated that for any truce to hold, both armies "
                           "must pull back.")
    assert out == [("Emmanuel Macron", "for any truce to hold, both armies must pull back")]
    out = statements(news, "The minister conveyed to the envoy that Poland was ready to host the next round of talks.")
    assert len(out) == 1 and out[0][1].endswith("Poland was ready to host the next round of talks")


def test_plead_with_an_infinitive(news):
    out = statements(news, "Chancellor Olaf Scholz pleaded with the allies to send more air defence systems to Poland.")
    assert out == [("Olaf Scholz", "to send more air defence systems to Poland")]


POINTER = "News of the week in Poland\n\nThe new border crossings can open before the end of the year. {}"


def test_this_was_stated_by_reports_the_sentence_before(news):
    out = statements(news, POINTER.format("This was stated on Polish radio by Anna Kowalska, the deputy foreign "
                                          "minister of Poland."))
    assert ("Anna Kowalska", "The new border crossings can open before the end of the year") in out


def test_this_was_said_to_be_is_no_pointer(news):
    out = statements(news, POINTER.format("This was said to be a good sign by several observers."))
    assert all(c != "The new border crossings can open before the end of the year" for _, c in out)


def test_this_was_stated_with_a_channel_before_by(news):
    out = statements(news, POINTER.format("This was stated in an interview with the channel “TVN24” by Anna "
                                          "Kowalska."))
    assert ("Anna Kowalska", "The new border crossings can open before the end of the year") in out


def test_a_passive_with_another_subject_is_no_pointer(news):
    out = statements(news, POINTER.format("The plan was announced by the government in a short note."))
    assert all(c != "The new border crossings can open before the end of the year" for _, c in out)
