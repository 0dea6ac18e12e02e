"""PolNeAR's wide reading (issue 12), eighteenth session: a side taken with a short object ("endorsed
Mitchell"), made only where every attribution is asked for, and an "according to" closing or opening its
sentence, which reports the whole sentence. Sentences written for these tests."""
from __future__ import annotations

from garante.ingest import Capture


def statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name, st.content, st.rule) for st in doc.statements]


def test_a_side_taken_with_one_name_is_an_attribution_of_the_wide_reading(every):
    out = statements(every, "Walter Brandt endorsed Mitchell on Tuesday.")
    assert [(s, c) for s, c, _ in out] == [("Walter Brandt", "Mitchell")]
    assert out[0][2].startswith("parse-position")


def test_a_side_taken_is_no_statement_in_news(news):
    assert statements(news, "Walter Brandt endorsed Mitchell on Tuesday.") == []


def according_contents(pipeline, text):
    from garante.extract.attribution import attribution_lexicon, find_frames
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [doc.text[f.content[0].start:f.content[-1].end] for f in find_frames(doc, attribution_lexicon("en"))
            if f.frame == "according"]


def test_a_sentence_final_according_to_reports_every_conjunct_of_its_sentence(news):
    text = ("Harris won the county by nine points and Kim took the city, according to the official count released "
            "by the state board.")
    contents = according_contents(news, text)
    assert contents == ["Harris won the county by nine points and Kim took the city"]


def test_an_according_to_inside_its_sentence_keeps_the_clause_it_stands_in(news):
    text = "The mayor expects that turnout, according to the county clerk, will rise sharply in the spring."
    contents = according_contents(news, text)
    assert contents and not any(c.startswith("The mayor") for c in contents)
