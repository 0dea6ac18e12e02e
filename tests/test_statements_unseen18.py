"""Italian statements no rule reached (attr18it, issue 12), eighteenth session. Sentences written for these
tests."""
from conftest import en, speakers_of, statements


def test_misread_clause_before_an_inverted_tag_stays_a_statement():
    # the parse hangs "Tuttavia" and "Kiev" on "ha dichiarato": the words before the tag are still a finite
    # clause ("non hanno ancora firmato"), not an adjunct of the cue (merge._holds_clause)
    got = statements("Il vertice si è chiuso senza novità.\n"
                     "Tuttavia Kiev e Mosca non hanno ancora firmato nulla a Riad, ha dichiarato Volodymyr "
                     "Zelensky ai cronisti a Leopoli.\n")
    assert speakers_of(got, "non hanno ancora firmato nulla a Riad") == ["Volodymyr Zelensky"]


def test_an_adjunct_before_the_tag_is_still_no_statement():
    got = statements("Il vertice si è chiuso senza novità.\n"
                     "Alla vigilia del vertice con Donald Trump, ha scritto Volodymyr Zelensky.\n")
    assert not speakers_of(got, "Alla vigilia del vertice")


def test_holds_clause_reads_the_parse():
    from garante import analyse_text
    from garante.extract.attribution.merge import _holds_clause
    doc = analyse_text("Il vertice si è chiuso senza novità.\n"
                       "Tuttavia Kiev e Mosca non hanno ancora firmato nulla a Riad, ha detto Volodymyr Zelensky.\n"
                       "Dopo le parole di Emmanuel Macron, che non esclude nuove sanzioni, ha parlato Volodymyr "
                       "Zelensky.\n")
    text = doc.text

    def span(words):
        a = text.index(words)
        return a, a + len(words)

    if not doc.tokens:  # no parse model: nothing to read
        return
    assert _holds_clause(doc, *span("Tuttavia Kiev e Mosca non hanno ancora firmato nulla a Riad"))
    assert not _holds_clause(doc, *span("Dopo le parole di Emmanuel Macron, che non esclude nuove sanzioni"))


def test_a_name_opening_with_da_is_not_the_preposition():
    # "come ha affermato David …": the "Da" of the name is no "da" of a passive agent (a word boundary after
    # the preposition in it/statements.yaml); before, the speaker region started at "vid" and nobody spoke
    for name in ("David Lammy", "Dalia Grybauskaitė"):
        got = statements("Il vertice di Londra si è chiuso senza un accordo.\n"
                         f"Nessuna truppa britannica sarà inviata al fronte, come ha affermato {name} ai giornalisti.\n")
        assert speakers_of(got, "Nessuna truppa britannica sarà inviata al fronte") == [name]
