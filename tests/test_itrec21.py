"""Italian statement recall of the twenty-first session (itrec, issue 12): a state's plural adjective after its
article is a noun, the state's side, that may speak ("i russi sottolineano che", "secondo gli ucraini"); "tornando
a" before an infinitive of saying or asking, as "torna a". Sentences written for these tests."""
from conftest import speakers_of, statements


def test_a_plural_adjective_after_its_article_speaks_for_its_state():
    got = statements("Il vertice si è aperto ieri. Non c'è ancora un accordo e gli ucraini sottolineano che la "
                     "tregua sul fronte orientale non regge.\n")
    assert speakers_of(got, "la tregua sul fronte orientale non regge") == ["Ukraine"]


def test_secondo_before_a_plural_adjective_holds_the_clause_after_it():
    got = statements("Il vertice si è aperto ieri. La replica è stata dura: secondo gli ucraini la tregua è soltanto "
                     "una trappola per guadagnare tempo.\n")
    assert speakers_of(got, "la tregua è soltanto una trappola") == ["Ukraine"]
    assert not speakers_of(got, "La replica è stata dura")


def test_a_plural_adjective_after_a_noun_is_no_speaker():
    got = statements("Il vertice si è aperto ieri. Il ministro Carlo Bianchi ha incontrato i soldati ucraini e ha "
                     "detto che la tregua sul fronte orientale non regge.\n")
    assert speakers_of(got, "la tregua sul fronte orientale non regge") == ["Carlo Bianchi"]


def test_tornando_ad_before_an_infinitive_of_accusing_reports_it():
    got = statements("Il vertice si è aperto ieri. «Serve una pace giusta», ha detto Carlo Bianchi, tornando ad "
                     "accusare la Russia di bloccare i negoziati.\n")
    assert speakers_of(got, "la Russia di bloccare i negoziati") == ["Carlo Bianchi"]


def test_a_plural_adjective_after_a_preposition_is_no_speaker():
    got = statements("Il vertice si è aperto ieri. Il ministro Carlo Bianchi ha parlato con gli ucraini e ha detto "
                     "che la tregua sul fronte orientale non regge.\n")
    assert speakers_of(got, "la tregua sul fronte orientale non regge") == ["Carlo Bianchi"]
