"""Who speaks when the source is a phrase, not a name: an unnamed person with a side, two names joined by
"and", a plural pronoun, a paper cited in an aside, a subject inside the quotation. Sentences of our own,
read by the shipped parse models (skipped where a language has none)."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.pipeline import Context, analyse_text

CTX = Context()
needs_en = pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
needs_it = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")


def speakers(text: str) -> list[tuple]:
    doc = analyse_text(text, ctx=CTX)
    return [(s.speaker_name, s.attrs.get("speaker_kind"), s.on_behalf_of_id) for s in doc.statements]


@needs_en
def test_an_unnamed_ambassador_speaks_for_his_state_not_as_it():
    got = speakers("KYIV, March 3, 2025 - A US diplomat in Kyiv has urged European allies to send "
                   "more air defence systems to Kyiv before the summer.")
    assert got == [("A US diplomat in Kyiv", "anonymous", "united-states")]
    # a former one speaks in a private capacity: no side (the corpus GUIDE, section 3; test_former29.py)
    got = speakers("KYIV, March 3, 2025 - A former US ambassador to Ukraine has urged European allies to send "
                   "more air defence systems to Kyiv before the summer.")
    assert got == [("A former US ambassador to Ukraine", "anonymous", None)]


@needs_it
def test_an_unnamed_representative_and_sources_of_a_capital_are_anonymous():
    got = speakers("ROMA, 3 marzo 2025 - L'annuncio verrà fatto dai leader del G7 questo pomeriggio a Vilnius, "
                   "ha riferito un rappresentante del Consiglio nazionale di sicurezza Usa.")
    assert got == [("un rappresentante del Consiglio nazionale di sicurezza Usa", "anonymous", "united-states")]
    got = speakers("ROMA, 3 marzo 2025 - Le truppe russe sono ammassate al confine, secondo fonti di Kiev.")
    assert got == [("fonti di Kiev", "anonymous", "ukraine")]


@needs_it
def test_two_names_joined_by_e_after_the_cue_are_one_group():
    got = speakers("ROMA, 3 marzo 2025 - I paesi del G7 annunceranno oggi nuove garanzie per l'Ucraina, secondo "
                   "quanto fanno sapere Londra e Washington.")
    assert got == [("Londra e Washington", "group", None)]
    got = speakers("ROMA, 3 marzo 2025 - Kiev e Mosca non sono pronte a un accordo, ha detto Erdogan.")
    assert [g[1] for g in got] == ["person"]  # a singular verb: Erdogan's, not the pair named in the content


@needs_en
def test_they_is_the_pair_named_before_never_one_of_them():
    got = speakers("KYIV, March 3, 2025 - Britain and France presented a plan to the allies on Monday. They said "
                   "it was an initial draft that would change after talks with Washington.")
    assert got == [("Britain and France", "group", None)]
    got = speakers("KYIV, March 3, 2025 - Zelensky met Starmer in London on Monday. They said the plan was an "
                   "initial draft that would change after talks with Washington.")
    assert got == [("They", "group", None)]  # neither of the two people met
    got = speakers("KYIV, March 3, 2025 - As a reality TV boss, Donald Trump demeaned women, according to show "
                   "insiders. They said he rated contestants by their looks.")
    assert ("They", "group", None) in got


@needs_it
def test_a_paper_cited_in_an_aside_is_not_the_speaker_of_the_clause_it_interrupts():
    got = speakers("ROMA, 3 marzo 2025 - Il ministro Tajani, secondo quanto riporta il Corriere della Sera, ha "
                   "detto che l'Italia è pronta a inviare truppe in Ucraina.")
    assert [(g[0], g[1]) for g in got] == [("Antonio Tajani", "person")]
    got = speakers("ROMA, 3 marzo 2025 - Diversi Paesi europei, secondo quanto riporta il Corriere della Sera, "
                   "hanno detto che sono pronti a inviare truppe in Ucraina dopo un cessate il fuoco.")
    assert [(g[0], g[1]) for g in got] == [("Diversi Paesi europei", "group")]
    # at the start of the sentence it is the source's frame, as before
    got = speakers("ROMA, 3 marzo 2025 - L'Italia, secondo quanto riferito da Tajani, non invierà truppe in Ucraina.")
    assert [g[0] for g in got] == ["Antonio Tajani"]


@needs_it
def test_the_subject_inside_a_quotation_does_not_replace_its_speaker():
    doc = analyse_text("ROMA, 3 marzo 2025 - Il segretario alla Difesa Pete Hegseth ha detto che l’Europa deve fare di più. "
                       "“Gli Stati Uniti non credono che l’adesione dell’Ucraina alla NATO sia un risultato "
                       "realistico,” ha aggiunto con fermezza.", ctx=CTX)
    st = next(s for s in doc.statements if "non credono" in s.content)
    assert st.speaker_name == "Pete Hegseth"


def test_this_was_announced_by_reports_the_sentence_before():
    doc = analyse_text("KYIV, March 3, 2025 - Heavy fighting continued near Pokrovsk. Ukraine will receive new air "
                       "defence systems before the summer. This was announced by President Volodymyr Zelensky in his "
                       "evening address.", ctx=CTX)
    assert [(s.speaker_name, s.content) for s in doc.statements] == [
        ("Volodymyr Zelensky", "Ukraine will receive new air defence systems before the summer")]


def test_a_term_in_quotation_marks_inside_a_sentence_is_no_statement():
    doc = analyse_text("KYIV, March 3, 2025 - Keir Starmer met European leaders on Sunday. Speaking to reporters "
                       "after a summit in London on Sunday, the prime minister insisted the “coalition of the "
                       "willing” plan must have United States backing.", ctx=CTX)
    assert [s.content for s in doc.statements] == [
        "the “coalition of the willing” plan must have United States backing"]


def test_an_adjunct_after_said_is_not_what_was_said():
    doc = analyse_text("KYIV, March 3, 2025 - Vladimir Putin spoke in Vladivostok. “Western troops would be "
                       "legitimate targets,” Putin said. He said while addressing an economic forum.", ctx=CTX)
    assert [s.content for s in doc.statements] == ["Western troops would be legitimate targets"]


def test_an_adjective_of_a_state_is_a_word_of_the_speakers_title():
    doc = analyse_text("ISTANBUL, March 29, 2022 - The talks held on Tuesday have brought about the greatest progress "
                       "in the negotiations so far, said Turkish Minister of Foreign Affairs Mevlut Cavusoglu, as "
                       "quoted by Reuters.", ctx=CTX)
    assert [s.speaker_entity_id for s in doc.statements] == ["mevlut-cavusoglu"]
    doc = analyse_text("WASHINGTON, March 12, 2025 - National Security Adviser Mike Waltz, who joined Rubio in Jeddah, "
                       "announced plans to speak with his Russian counterpart.", ctx=CTX)
    assert [(s.speaker_entity_id, s.content) for s in doc.statements] == [
        ("mike-waltz", "plans to speak with his Russian counterpart")]


def test_a_description_source_ends_before_its_cue():
    doc = analyse_text("BERLIN, March 12, 2025 - A senior German diplomat declared on Tuesday that every agreement "
                       "has to respect Ukraine's borders.", ctx=CTX)
    assert [(s.speaker_name, s.content) for s in doc.statements] == [
        ("A senior German diplomat", "every agreement has to respect Ukraine's borders")]


@needs_it
def test_a_states_delegation_speaks_for_the_state():
    got = speakers("ROMA, 3 marzo 2025 - La delegazione ucraina a Ginevra ha chiesto agli inviati americani di "
                   "preparare un vertice tra i due presidenti entro l'estate.")
    assert [(g[1], g[2]) for g in got] == [("state", "ukraine")]
