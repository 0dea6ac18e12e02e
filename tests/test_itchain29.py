"""Italian speakers across sentences (issue 12, eval/attribution/itchain): reported speech going on in the
conditional with no verb of saying, an interview's labels printed with a full stop ("D." / "R."), "A suo
avviso" after a name in apposition to a long title, and "secondo quanto riferito da" an unnamed source.
Sentences of our own."""
from __future__ import annotations

from garante.pipeline import analyse_text

from conftest import needs_it_parser

pytestmark = needs_it_parser


def _found(text: str) -> list[tuple]:
    return [(s.speaker_name, s.content, s.rule) for s in analyse_text(text).statements]


def test_a_conditional_sentence_after_a_statement_goes_on_with_its_speaker():
    got = _found("LONDRA, 4 maggio - Il premier britannico Keir Starmer ha detto che Londra manderà istruttori "
                 "militari a Kiev. Il Regno Unito sarebbe disposto anche a finanziare la difesa aerea ucraina.")
    assert ("Keir Starmer", "Il Regno Unito sarebbe disposto anche a finanziare la difesa aerea ucraina",
            "reported-conditional") in got


def test_a_forecast_a_new_paragraph_or_no_statement_before_is_not_reported_speech():
    # a modal forecasts ("potrebbe slittare"): the writer's, not the speaker's
    got = _found("BERLINO, 4 maggio - Il cancelliere Friedrich Merz ha detto che la Germania aumenterà gli aiuti. "
                 "Il vertice potrebbe slittare alla prossima settimana.")
    assert not any(rule == "reported-conditional" for _, _, rule in got)
    # a new paragraph, or no statement in the sentence before: no speaker goes on
    got = _found("BERLINO, 4 maggio - Il cancelliere Friedrich Merz ha detto che la Germania aumenterà gli aiuti.\n\n"
                 "Il pacchetto sarebbe il più grande dall'inizio della guerra.")
    assert not any(rule == "reported-conditional" for _, _, rule in got)
    got = _found("BERLINO, 4 maggio - Il cancelliere Friedrich Merz è arrivato a Vilnius in mattinata. "
                 "La visita sarebbe stata preparata da settimane.")
    assert not any(rule == "reported-conditional" for _, _, rule in got)


def test_an_interview_printed_with_dotted_labels_gives_the_answers_to_the_interviewee():
    text = ("ROMA, 4 maggio - Parla il ministro della Difesa Guido Crosetto.\n\n"
            "D. L'Italia manderà soldati in Ucraina?\n\n"
            "R. Non è previsto, il Parlamento dovrebbe comunque votare ogni missione.\n\n"
            "D. E la difesa aerea?\n\n"
            "R. Abbiamo già consegnato due batterie e ne valutiamo una terza.")
    got = _found(text)
    assert [(who, content[:22]) for who, content, _ in got] == [
        ("Guido Crosetto", "Non è previsto, il Par"), ("Guido Crosetto", "Abbiamo già consegnato")]


def test_a_dotted_initial_alone_is_no_answer_label():
    got = _found("ROMA, 4 maggio - Il ministro della Difesa Guido Crosetto ha incontrato i vertici militari.\n\n"
                 "R. Bianchi, generale in congedo, ritiene che la missione sia troppo rischiosa.")
    assert not any(rule == "label" for _, _, rule in got)


def test_a_suo_avviso_after_a_name_set_off_by_a_long_title_is_that_person():
    got = _found("ROMA, 4 maggio - Il capo di stato maggiore della Marina, l'ammiraglio Enrico Bellotti, ha "
                 "presentato in commissione il piano per il Mar Nero. A suo avviso, la missione richiederebbe "
                 "almeno sei navi.")
    assert ("Enrico Bellotti", "la missione richiederebbe almeno sei navi", "according-pronoun") in got


def test_secondo_quanto_riferito_da_an_unnamed_source_is_that_source():
    got = _found("KIEV, 4 maggio - Secondo quanto riferito da fonti militari ucraine, la controffensiva è "
                 "iniziata all'alba.")
    assert [(who, content) for who, content, _ in got] == [
        ("fonti militari ucraine", "la controffensiva è iniziata all'alba")]
