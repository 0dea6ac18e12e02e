"""Italian statement recall of the nineteenth session (itrec, issue 12): a purpose clause opened by "affinché"
after a verb of saying or asking is what the speaker asked for. Sentences written for these tests."""
from conftest import speakers_of, statements


def test_affinche_after_insistere_is_the_content():
    got = statements("Il vertice si è aperto ieri.\n"
                     "Il presidente Carlo Bianchi ha insistito affinché Francia e Polonia diano garanzie di difesa "
                     "durature.\n")
    assert speakers_of(got, "Francia e Polonia diano garanzie di difesa durature") == ["Carlo Bianchi"]


def test_affinche_after_a_verb_that_is_not_of_saying_reports_nothing():
    got = statements("Il vertice si è aperto ieri.\n"
                     "Il ministro Carlo Bianchi ha lavorato affinché le sanzioni restino in vigore.\n")
    assert not any("sanzioni restino" in content for _, content in got)


def test_a_dirlo_with_a_place_between_commas_names_the_speaker():
    got = statements("Il vertice si è aperto ieri. “Il nostro impegno per la pace resta fermo e immutato”. A dirlo, "
                     "nell’Aula del Senato, il ministro degli Esteri, Carlo Bianchi, nel suo intervento sul decreto.\n")
    assert speakers_of(got, "Il nostro impegno per la pace resta fermo") == ["Carlo Bianchi"]


def test_trailing_tag_with_an_adjunct_between_commas_names_the_speaker():
    got = statements("Il ministro Carlo Bianchi ha parlato ieri. «Le sanzioni resteranno in vigore fino alla pace», "
                     "ha detto, durante la conferenza stampa, Mario Rossi.\n")
    assert speakers_of(got, "Le sanzioni resteranno in vigore") == ["Mario Rossi"]


def test_a_quotation_captioned_by_a_name_and_a_role_is_the_named_person_s():
    got = statements("Il vertice si è aperto ieri.\n\n"
                     "«Possiamo scegliere se sostenere Kiev oppure abbandonarla. L’unica strada che vediamo è la "
                     "fermezza», Carlo Bianchi, leader di Progresso\n\n"
                     "Il dibattito in Aula è proseguito fino a sera.\n")
    assert speakers_of(got, "Possiamo scegliere se sostenere Kiev") == ["Carlo Bianchi"]


def test_a_name_after_a_quotation_inside_a_sentence_is_no_caption():
    got = statements("Il vertice si è aperto ieri.\n\n"
                     "Il governo parla di «una scelta obbligata», Carlo Bianchi, leader di Progresso\n\n"
                     "Il dibattito in Aula è proseguito fino a sera.\n")
    assert not speakers_of(got, "una scelta obbligata")


def test_secondo_inside_a_sentence_before_mentre_holds_the_clause_before():
    got = statements("Il vertice si è aperto ieri. Un errore dei tecnici ucraini secondo Mosca, mentre Kiev ha "
                     "accusato la Russia di aver sabotato la centrale.\n")
    assert speakers_of(got, "Un errore dei tecnici ucraini") == ["Russia"]
    assert not speakers_of(got, "mentre Kiev")


def test_secondo_after_an_opening_adverbial_still_holds_the_clause_after():
    got = statements("Il vertice si è aperto ieri. In ogni caso secondo il ministro Carlo Bianchi, la trattativa "
                     "è ormai ferma da settimane.\n")
    assert speakers_of(got, "la trattativa è ormai ferma") == ["Carlo Bianchi"]


def test_mentre_per_a_person_then_a_quotation_is_that_person_s_view():
    got = statements("Il ministro Mario Rossi chiede una tregua. Mentre per Carlo Bianchi «è necessario costruire "
                     "un esercito capace di difendersi».\n")
    assert speakers_of(got, "è necessario costruire un esercito") == ["Carlo Bianchi"]
