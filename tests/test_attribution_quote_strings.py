"""A string of quotations of one speaker with no cue of its own is one statement per quotation (GUIDE §2);
quotations around a tag are the tag's. Sentences of our own."""
from __future__ import annotations

from garante.pipeline import Context, analyse_text

CTX = Context()
LEAD = "ROMA, 3 marzo 2025 - Il ministro Crosetto ha detto che il governo resta compatto. "


def statements(text: str) -> list[tuple]:
    return [(s.speaker_name, s.content) for s in
            sorted(analyse_text(LEAD + text, ctx=CTX).statements, key=lambda s: s.content_start)]


def test_a_quotation_joined_to_the_one_before_by_a_few_words_goes_on_from_it():
    got = statements("«L'Italia non manderà soldati al fronte» perché ormai «la strada della diplomazia resta "
                     "l'unica possibile».")
    assert got[1:] == [("Guido Crosetto", "L'Italia non manderà soldati al fronte"),
                       ("Guido Crosetto", "la strada della diplomazia resta l'unica possibile")]


def test_two_quotations_in_a_sentence_with_no_cue_are_two_statements():
    got = statements("Questa «è la settimana decisiva per i negoziati di pace», mentre «sulle sanzioni l'Europa "
                     "ha già fatto abbastanza».")
    assert got[1:] == [("Guido Crosetto", "Questa «è la settimana decisiva per i negoziati di pace»"),
                       ("Guido Crosetto", "mentre «sulle sanzioni l'Europa ha già fatto abbastanza»")]


def test_quotations_around_a_tag_are_the_tag_s_and_a_name_between_stops_the_string():
    got = statements("Questa «è la settimana decisiva per i negoziati di pace», ha aggiunto Tajani, «e sulle "
                     "sanzioni l'Europa ha già fatto abbastanza».")
    assert [who for who, _ in got[1:]] == ["Antonio Tajani", "Antonio Tajani"]  # not the last speaker
    got = statements("Questa «è la settimana decisiva per i negoziati di pace», mentre Macron e Scholz «sulle "
                     "sanzioni l'Europa ha già fatto abbastanza».")
    assert len(got) <= 2  # someone named between the quotations may be another speaker: no cut


def test_quotations_opening_an_article_are_the_words_of_the_person_the_next_sentence_opens_with():
    text = ("«L'Italia non manderà soldati al fronte», «noi aiutiamo Kiev a difendersi», ma «una guerra con la "
            "Russia sarebbe un disastro per tutti». Antonio Tajani, ministro degli Esteri, chiude così alla "
            "proposta francese.")
    got = [(s.speaker_name, s.content) for s in analyse_text(text, ctx=CTX).statements]
    assert got[:2] == [("Antonio Tajani", "L'Italia non manderà soldati al fronte"),
                       ("Antonio Tajani", "noi aiutiamo Kiev a difendersi")]
    # a sentence that does not open with a person names no speaker
    text = text.replace("Antonio Tajani, ministro degli Esteri, chiude", "Il governo, con il ministro Antonio Tajani, chiude")
    assert all(s.speaker_name != "Antonio Tajani" for s in analyse_text(text, ctx=CTX).statements)


def test_a_quotation_with_no_one_to_go_on_from_is_the_person_s_a_sentence_before_opens_with():
    text = ("ROMA, 3 marzo 2025 - Il vertice si è chiuso a tarda sera. Zelensky lunedì tornerà da Trump nello Studio "
            "Ovale. «Ok a un incontro a tre con Putin».")
    got = [(s.speaker_name, s.content) for s in analyse_text(text, ctx=CTX).statements]
    assert got == [("Volodymyr Zelensky", "Ok a un incontro a tre con Putin")]
    # a tag of its own (even one naming no one the entity layer knows) is not overruled
    got = analyse_text(text.replace("con Putin».", "con Putin», ha detto il funzionario a Nbc."), ctx=CTX).statements
    assert all(s.speaker_name != "Volodymyr Zelensky" for s in got)
