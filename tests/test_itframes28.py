"""Italian frames that gave no statement (issue 12): "X ha annunciato lo stop / la sospensione di …" (a verb of
announcing whose definite object is what it says), the Italian adjective of a state as the speaker ("il governo
olandese"), and the near misses that stay no statement. Sentences of our own, read by the shipped Italian parse
model (skipped where there is none)."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.pipeline import Context, analyse_text

CTX = Context()
needs_it = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")
LEAD = "ROMA, 3 marzo 2025 - "


def said(text: str) -> list[tuple[str, str, str]]:
    return [(s.speaker_name, s.content, s.cue) for s in analyse_text(LEAD + text, ctx=CTX).statements]


@needs_it
def test_an_announced_halt_is_what_was_announced():
    got = said("Il Dipartimento di Stato ha annunciato lo stop ai visti per i funzionari russi.")
    assert any(content == "lo stop ai visti per i funzionari russi" and "annunciato" in cue for _, content, cue in got)


@needs_it
def test_the_object_of_announcing_starts_past_the_date_before_it():
    got = said("La ministra degli Esteri Anna Ferri ha annunciato ieri sera la chiusura del consolato a Odessa.")
    assert ("Anna Ferri", "la chiusura del consolato a Odessa") in [(who, content) for who, content, _ in got]


@needs_it
def test_an_indefinite_object_of_announcing_is_an_act_not_a_statement():
    got = said("Il sindaco di Leopoli Andriy Sadovyi ha annunciato nuovi rifugi antiaerei nel centro della città.")
    assert not any("rifugi" in content for _, content, _ in got)


@needs_it
def test_a_clitic_object_leaves_the_subject_after_the_verb_no_content():
    got = said("Lo ha annunciato ieri il presidente del Consiglio europeo al termine della riunione.")
    assert not any("presidente" in content for _, content, _ in got)


@needs_it
def test_the_italian_adjective_of_the_netherlands_names_its_government():
    got = said("Il governo olandese ha escluso l'invio di soldati in Ucraina prima di una tregua.")
    assert any(who == "Netherlands" and "soldati" in content for who, content, _ in got)


@needs_it
def test_a_clitic_after_an_unmarked_secondo_opens_the_sources_clause():
    got = said("Secondo il ministro Marco Bellini si dovrebbe convocare subito una conferenza sulla ricostruzione.")
    assert ("Marco Bellini", "si dovrebbe convocare subito una conferenza sulla ricostruzione") in \
        [(who, content) for who, content, _ in got]


@needs_it
def test_an_institution_with_its_article_is_the_source_of_an_unmarked_secondo():
    got = said("Secondo la Nato le esercitazioni sul fianco orientale potrebbero durare fino a giugno.")
    assert any(who == "NATO" and content.startswith("le esercitazioni") for who, content, _ in got)


@needs_it
def test_secondo_of_a_plan_or_an_order_gives_no_statement():
    assert said("Secondo il calendario del Parlamento il voto sugli aiuti dovrebbe tenersi a marzo.") == []
    assert said("In secondo luogo si dovrebbe rafforzare la difesa aerea delle città.") == []
