"""A second verb of saying joined to the cue gives a statement of its own (GUIDE §2: one statement per
content span with its own cue); the reported clause's own verbs and a plain coordination do not.
Sentences of our own."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.pipeline import Context, analyse_text

pytestmark = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")
CTX = Context()
LEAD = "ROMA, 3 marzo 2025 - "


def statements(text: str) -> list[tuple]:
    return sorted((s.speaker_name, s.content) for s in analyse_text(LEAD + text, ctx=CTX).statements)


def test_a_second_verb_of_saying_after_e_is_a_statement_of_the_same_speaker():
    got = statements("Il ministro Tajani ha dichiarato giovedì di essere contrario all'invio di soldati italiani "
                     "in Ucraina e ha respinto la proposta francese di una missione europea.")
    assert got == [("Antonio Tajani", "di essere contrario all'invio di soldati italiani in Ucraina"),
                   ("Antonio Tajani", "la proposta francese di una missione europea")]
    got = statements("Il presidente Macron ha annunciato che la Francia addestrerà altri piloti ucraini, e si è "
                     "impegnato a fornire nuovi sistemi di difesa aerea.")
    assert got == [("Emmanuel Macron", "fornire nuovi sistemi di difesa aerea"),
                   ("Emmanuel Macron", "la Francia addestrerà altri piloti ucraini")]


def test_a_verb_of_thinking_beside_the_reported_infinitive_is_a_statement_of_its_own():
    got = statements("La premier Meloni aveva detto di restare \"molto prudente\" sull'invio di truppe e di "
                     "sperare che i negoziati portino a una tregua.")
    assert got == [("Giorgia Meloni", "di restare \"molto prudente\" sull'invio di truppe"),
                   ("Giorgia Meloni", "i negoziati portino a una tregua")]


def test_a_bare_participle_shares_the_cue_s_auxiliary():
    # the parse hangs "sottolineato" on the reported clause; it is in the cue's tense, the clause is not
    got = statements("Il cancelliere Merz ha ribadito che la Germania aumenterà gli aiuti a Kiev, ma "
                     "sottolineato che nessun soldato tedesco entrerà in Ucraina.")
    assert ("Friedrich Merz", "la Germania aumenterà gli aiuti a Kiev") in got
    assert any(who == "Friedrich Merz" and what.endswith("nessun soldato tedesco entrerà in Ucraina")
               and "aiuti" not in what for who, what in got)


def test_the_reported_subject_s_own_verbs_stay_in_its_clause():
    got = statements("Il portavoce Peskov ha detto che l'Ucraina ha violato la tregua e ha minacciato "
                     "i villaggi di confine con i droni.")
    assert got == [("Dmitry Peskov",
                    "l'Ucraina ha violato la tregua e ha minacciato i villaggi di confine con i droni")]


def test_a_verb_of_thinking_with_an_object_is_no_second_statement():
    got = statements("La Russia ha espresso la sua opposizione a ogni missione occidentale in Ucraina e "
                     "considera l'allargamento della Nato una minaccia diretta.")
    assert all("considera" not in (what or "")[:12] for _, what in got)
    assert not any(what.startswith("l'allargamento della Nato") for _, what in got)
