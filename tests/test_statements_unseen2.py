"""General constructions read off the train documents of the corpus's last round (issue 12), second round:
an office phrase with a state's adjective inside it ("the head of the Ukrainian state", "the head of Russian
diplomacy"); a leading cue's speaker is never a name inside what it reports ("a report that claimed that
Putin …"); a content does not start inside the word an elided preposition makes ("ha aperto all'utilizzo
di …"); a noun's infinitive ("a call by X to increase pressure") is a frame of its own, left out of the
English defaults; "according to X" hung on a noun of a clause reports the clause ("such a meeting, according to him,
can be possible only after …"). Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import LEAD_EN, en, statements
from garante import nlp
from garante.pipeline import Context, analyse_text

pytestmark = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                reason="needs the shipped parse models")

LEAD_JUNE = "LONDON, June 20, 2025 - "


def test_an_office_with_a_states_adjective_inside_is_its_holder_at_the_date():
    got = en("Turkish President Recep Tayyip Erdogan spoke with Volodymyr Zelensky on Monday. The head of the "
             "Ukrainian state said that the talks were useful.")
    assert ("Volodymyr Zelensky", "the talks were useful") in got
    got = statements("Vladimir Medinsky led the Russian team in Istanbul. A new round of talks will take place "
                     "\u201csoon,\u201d the head of the Russian delegation added.", LEAD_JUNE)
    assert [sp for sp, c in got if c.startswith("A new round")] == ["Vladimir Medinsky"]


def test_the_head_of_a_states_diplomacy_is_its_foreign_minister():
    got = en("\u201cRussia is open to a political solution,\u201d the head of Russian diplomacy said on Tuesday.")
    assert ("Sergey Lavrov", "Russia is open to a political solution") in got
    got = en("The Russian diplomacy chief said that Moscow was open to a political solution.")
    assert ("Sergey Lavrov", "Moscow was open to a political solution") in got


def test_an_adjective_outside_an_office_phrase_changes_nothing():
    # "head" alone is no office of a state: the description stays a description
    got = en("The head of the Ukrainian football federation said that the match would be played in Poland.")
    assert [sp for sp, c in got if "match" in c] != ["Volodymyr Zelensky"]


def test_a_leading_cues_speaker_is_not_a_name_inside_what_it_reports():
    got = en("This follows a Bloomberg report that claimed that Russian President Vladimir Putin has sent "
             "signals to Washington through back channels.")
    assert not [sp for sp, c in got if sp == "Vladimir Putin" and c.startswith("Russian President")]
    # a name before the cue still speaks
    got = en("Vladimir Putin claimed that Russia had sent signals to Washington through back channels.")
    assert ("Vladimir Putin", "Russia had sent signals to Washington through back channels") in got


def test_content_does_not_start_inside_the_word_an_elided_preposition_makes():
    got = statements("Il ministro degli Esteri Antonio Tajani ha poi aperto all'invio di osservatori europei.")
    assert ("Antonio Tajani", "all'invio di osservatori europei") in got
    # a preposition written on its own stays out, as before
    got = statements("Antonio Tajani apre a una missione di osservatori europei lungo la linea del fronte.")
    assert ("Antonio Tajani", "una missione di osservatori europei lungo la linea del fronte") in got


def test_a_nouns_infinitive_is_its_own_frame_kept_only_where_every_frame_is_asked_for():
    text = "The summit ended with a call by the European Union to increase pressure on Russia."
    assert not [c for _, c in en(text) if "increase pressure" in c]
    every = analyse_text(LEAD_EN + text, ctx=Context(options={"attribution_frames": "all"})).statements
    assert [(s.speaker_name, s.content, s.rule) for s in every if "increase pressure" in s.content] == \
        [("European Union", "to increase pressure on Russia", "parse-noun-infinitive")]
    # a noun's clause stays a default frame
    got = en("The summit ended with a claim by the European Union that Russia had broken the truce.")
    assert ("European Union", "Russia had broken the truce") in got


def test_according_to_hung_on_a_noun_reports_the_clause_the_noun_is_in():
    got = en("Dmitry Peskov spoke to reporters on Monday. At the same time, such a meeting, according to him, can be "
             "possible only after the text of the treaty is agreed.")
    assert [c for sp, c in got if sp == "Dmitry Peskov"] == ["can be possible only after the text of the treaty is agreed"]
