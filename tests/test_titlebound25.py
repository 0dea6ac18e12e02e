"""Content bounds of trailing tags (issue 12, content boundaries; twenty-fifth session): a title set off by
commas before the speaker's name ("“…,” the foreign minister, X, said") is the tag's subject, not the end of
what was said; a tag whose title and name are followed only by where, when or on what occasion the words were
said ("…», ha detto il ministro, X, al Senato.") closes the sentence, it is no parenthetical one; a dateline in
title case before the quotation that opens the sentence ("Roma, 3 marzo 2025 - «…»") is never content.
Sentences of our own, read by the shipped parse models (skipped where a language has none)."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.extract.attribution.language import lexicon
from garante.pipeline import Context, analyse_text

CTX = Context()
needs_en = pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
needs_it = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")


def statements(text: str) -> list[tuple[str | None, str, str]]:
    return [(s.speaker_name, s.content, s.rule) for s in analyse_text(text, ctx=CTX).statements]


def test_office_pattern_reads_the_roles_data():
    en, it = lexicon("en"), lexicon("it")
    assert en.first("office", "the Dutch defence minister") and en.first("office", "a military analyst")
    assert it.first("office", "il sottosegretario agli Esteri") or it.first("office", "il ministro della Difesa")
    assert not en.first("office", "the last meeting in Geneva")
    assert not en.first("office", "ministerial")  # (whole words only)


@needs_en
def test_title_before_name_stays_out_of_the_quote():
    found = statements('"No country will be asked to give up land," the Dutch defence minister, '
                       'Pieter Van Aalst, said on Tuesday.')
    assert found == [("Pieter Van Aalst", "No country will be asked to give up land", "trailing")]
    found = statements('"The coalition has to stay united through the winter," the prime minister, '
                       'Ingrid Solberg, said.')
    assert [(s, c) for s, c, _ in found] == [("Ingrid Solberg", "The coalition has to stay united through the winter")]


@needs_en
def test_title_case_dateline_before_the_opening_quote_is_no_content():
    found = statements('Vilnius, June 9, 2025 - "Our borders are the borders of the alliance," the Lithuanian '
                       'foreign minister, Rasa Kalnietė, said at a news conference.')
    assert [c for _, c, _ in found] == ["Our borders are the borders of the alliance"]
    assert all("Vilnius" not in c and "minister" not in c for _, c, _ in found)


@needs_en
@needs_it
def test_a_parenthetical_tag_still_takes_the_whole_sentence():
    # the words after the tag have a verb of their own: what was said goes on after it
    found = statements("The ceasefire line, the defence minister, Klara Weiss, said, in practice was never "
                       "respected by Moscow.")
    assert found and all("respected" in c and "ceasefire line" in c for _, c, _ in found)
    found = statements("La tregua, ha detto il ministro della Difesa, Marco Ferretti, in quella regione non ha mai "
                       "retto davvero.")
    assert found and all("retto" in c and "tregua" in c for _, c, _ in found)


@needs_it
def test_italian_title_name_and_place_after_the_tag():
    found = statements('Roma, 12 maggio 2025 - "Le sanzioni resteranno finché le truppe non si ritirano", '
                       'ha detto il ministro della Difesa, Marco Ferretti, alla commissione del Senato.')
    assert [(c, r) for _, c, r in found] == [("Le sanzioni resteranno finché le truppe non si ritirano", "trailing")]
    assert found[0][0] == "Marco Ferretti"


@needs_it
def test_italian_unquoted_clause_with_a_closing_complement_is_trailing():
    found = statements("Milano, 4 aprile - La missione europea partirà soltanto dopo una tregua firmata, ha "
                       "spiegato il ministro della Difesa, Marco Ferretti, durante un convegno.")
    assert [(c, r) for _, c, r in found] == [("La missione europea partirà soltanto dopo una tregua firmata",
                                              "trailing")]


@needs_it
def test_italian_time_alone_after_the_name_closes_the_tag():
    found = statements("«Nessuno può decidere al posto di Kiev», ha ribadito il ministro dell'Interno, "
                       "Marco Ferretti, ieri.")
    assert [c for _, c, _ in found] == ["Nessuno può decidere al posto di Kiev"]
    assert found[0][0] == "Marco Ferretti"


def test_dateline_end_reads_place_date_agency_and_dash():
    from garante.extract.attribution.base import dateline_end
    for text, lead in (("CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters", "CAMBRIDGE, Mass., Dec. 11 (UPI) — "),
                       ("Roma, 3 marzo 2025 - «La tregua", "Roma, 3 marzo 2025 - "),
                       ("Riga, June 2 (Reuters) - The", "Riga, June 2 (Reuters) - "),
                       ("TALLINN — Estonia", "TALLINN — ")):
        assert text[:dateline_end(text, 0, len(text))] == lead
    for text in ("Mosca - «La tregua", "Kyiv, Warsaw and Vilnius - all three", "Berlin said on May 3 - that"):
        assert dateline_end(text, 0, len(text)) == 0, text


@needs_en
def test_dateline_before_a_parsed_parenthetical_is_no_content():
    found = statements("VILNIUS, Lithuania, June 9 (AP) — The brigade will be fully deployed by next year, "
                       "the defence minister said on Monday, and the allies welcomed the plan.")
    assert found and all(not c.startswith(("VILNIUS", "Lithuania")) and "brigade" in c for _, c, _ in found)


@needs_en
def test_bare_title_after_a_trailing_name_is_an_apposition():
    found = statements("Moscow also lacks support from its allies in Central Asia, whom it has alienated with its "
                       "rhetoric, said Laura Bennett, director of the Center for Eurasian Studies.")
    assert [(s, c, r) for s, c, r in found] == [
        ("Laura Bennett", "Moscow also lacks support from its allies in Central Asia, whom it has alienated with "
                          "its rhetoric", "trailing")]
    # a verb after the name: the words go on, the tag sits inside them
    found = statements("The war, said Laura Bennett, has become a contest of endurance for both armies.")
    assert found and all("endurance" in c for _, c, _ in found)


@needs_it
def test_italian_bare_title_after_a_trailing_name():
    found = statements("La Russia non ha alleati veri in Asia centrale, ha detto Mario Rossi, direttore "
                       "dell'osservatorio sull'Eurasia.")
    assert [(s, c) for s, c, _ in found] == [("Mario Rossi", "La Russia non ha alleati veri in Asia centrale")]


@needs_en
def test_titled_name_with_apposition_before_a_telling_cue():
    found = statements("“I am telling you, this coalition is not divided, and the voters are not divided either,” "
                       "Senator Mark Ellison, a close adviser to the president, told AFP.")
    assert [(s, c) for s, c, _ in found] == [
        ("Mark Ellison", "I am telling you, this coalition is not divided, and the voters are not divided either")]


@needs_en
def test_said_of_names_whom_the_words_are_about():
    found = statements("“Would I wish we had planned the tour differently? Absolutely,” Eric Hale, an Iowa "
                       "strategist and former adviser to the governor, said of Cruz.")
    assert [(s, c) for s, c, _ in found] == [
        ("Eric Hale", "Would I wish we had planned the tour differently? Absolutely")]


@needs_it
def test_parenthetical_then_trailing_tag_joined_by_a_conjunction_split_their_clauses():
    found = statements("Nessuna tregua è possibile senza garanzie, afferma Marco Ferretti, e le sanzioni resteranno "
                       "in vigore a lungo, spiega Kaja Kallas, Alta rappresentante della Ue.")
    assert [(s, c) for s, c, _ in found] == [("Marco Ferretti", "Nessuna tregua è possibile senza garanzie"),
                                             ("Kaja Kallas", "le sanzioni resteranno in vigore a lungo")]
