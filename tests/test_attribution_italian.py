"""Italian reporting frames beyond "che": "come" after a verb of saying, and a reflexive verb of saying
with a predicative adjective ("si è dichiarato disponibile a …"). Sentences of our own."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.pipeline import Context, analyse_text

from conftest import statements

CTX = Context()
LEAD = "ROMA, 3 marzo 2025 - "


def test_come_after_a_verb_of_saying_opens_what_was_said():
    got = statements("La premier Giorgia Meloni ha evidenziato come tali garanzie siano fondamentali per Kiev.")
    assert got == [("Giorgia Meloni", "tali garanzie siano fondamentali per Kiev")]
    # "come sempre" is "as always": the "che" after it opens the content
    got = statements("Meloni ha detto, come sempre, che l'Italia non invierà truppe.")
    assert got == [("Giorgia Meloni", "l'Italia non invierà truppe")]


@pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")
def test_a_reflexive_verb_of_saying_with_an_adjective_reports_the_adjective_and_its_complements():
    got = statements("Il presidente ucraino Zelensky si è dichiarato disponibile a un incontro con Putin.")
    assert got == [("Volodymyr Zelensky", "disponibile a un incontro con Putin")]
    got = statements("Il cancelliere Scholz si è mostrato scettico sulla proposta francese di inviare truppe.")
    assert got == [("Olaf Scholz", "scettico sulla proposta francese di inviare truppe")]
    assert statements("Il cancelliere Scholz è arrivato stanco a Parigi.") == []  # no verb of saying


def test_an_aside_between_dashes_tags_the_sentence_it_interrupts():
    got = statements("Kiev - ha detto Zelensky - non cederà mai i territori occupati.")
    assert got == [("Volodymyr Zelensky", "Kiev - ha detto Zelensky - non cederà mai i territori occupati")]
    got = statements("Il Cremlino ha detto che i colloqui sono utili. Mosca - aggiunge - vuole «risultati» sulle "
                     "«garanzie» richieste.")
    assert got[-1] == ("Kremlin", "Mosca - aggiunge - vuole «risultati» sulle «garanzie» richieste")
    # a cue after a dash does not report what stands before it
    got = statements("Il vertice è finito - hanno proposto i leader un nuovo incontro a maggio.")
    assert all(not content.startswith("Il vertice") for _, content in got)


@pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"), reason="needs the shipped parse models")
def test_a_subject_or_an_adjunct_before_the_comma_is_not_what_a_trailing_cue_reports():
    got = statements("Zelensky, che lunedì incontrerà Trump a Washington, ha confermato la disponibilità a un "
                     "formato trilaterale.")
    assert all(not content.startswith("Zelensky") for _, content in got)
    # a clause before the comma is: "…, said X"
    doc = analyse_text("KYIV, March 3, 2025 - Restoring the borders of 2014 is an unrealistic goal, Defense "
                       "Secretary Pete Hegseth said.", ctx=CTX)
    assert [s.content.endswith("Restoring the borders of 2014 is an unrealistic goal") for s in doc.statements] == [True]


def test_a_declaration_read_from_is_its_issuers_and_an_opening_mark_typed_again_closes():
    got = statements("I leader della Coalizione dei Volenterosi si sono incontrati giovedì a Parigi. “Siamo pronti a "
                     "contribuire alla sicurezza dell'Ucraina dopo la tregua”. E’ quanto si legge nella "
                     "dichiarazione sottoscritta dalla Coalizione dei Volenterosi.")
    assert got == [("Coalition of the Willing", "Siamo pronti a contribuire alla sicurezza dell'Ucraina dopo la tregua")]
    got = statements("Il presidente Biden ha detto che la Russia pagherà. “Continueremo a sostenere l'Ucraina”, si "
                     "legge in una nota della Casa Bianca.")
    assert got[-1] == ("White House", "Continueremo a sostenere l'Ucraina")
    got = statements("Il vertice si è chiuso a Vilnius. “L’invito ad aderire alla Nato sarebbe stato la soluzione "
                     "ottimale“. Lo ha detto il presidente ucraino Volodymyr Zelensky.")
    assert got == [("Volodymyr Zelensky", "L’invito ad aderire alla Nato sarebbe stato la soluzione ottimale")]


def test_a_space_typed_after_the_opening_mark_still_opens_the_quotation():
    got = statements('Il leader del M5s Giuseppe Conte ha parlato in Senato. " Prevalga il dialogo, non possono '
                     'essere le armi la soluzione", aggiunge Conte.')
    assert ("Giuseppe Conte", "Prevalga il dialogo, non possono essere le armi la soluzione") in got


def test_a_relative_clause_holds_its_own_cue_and_its_own_according_to():
    got = statements("Il piano della Cina non prevede il ritiro della Russia dall’Ucraina, che secondo l’Ucraina è una "
                     "precondizione per qualsiasi colloquio.")
    assert got == [("Ukraine", "è una precondizione per qualsiasi colloquio")]
    got = statements("Il ministro Wang Yi è arrivato a Mosca, visita durante la quale Yi ha ricordato la \"solida "
                     "amicizia\" tra le due nazioni.")
    assert [content for _, content in got] == ['"solida amicizia" tra le due nazioni']


def test_what_a_source_says_the_other_side_did_is_the_sources_claim():
    got = statements("Secondo Lavrov, Kiev ha respinto ogni proposta di pace.")
    assert got == [("Sergey Lavrov", "Kiev ha respinto ogni proposta di pace")]
    # a paper cited for someone's words keeps them his
    got = statements("Secondo Bloomberg, Peskov ha chiesto nuove garanzie.")
    assert got == [("Dmitry Peskov", "nuove garanzie")]


def test_quoted_words_the_clause_goes_on_after_take_the_clause():
    got = statements("Dopo la telefonata di ieri, durata 50 minuti, il presidente russo Vladimir Putin si è detto "
                     "«soddisfatto» del colloquio.")
    assert any(content.startswith("«soddisfatto» del colloquio") or content.startswith("soddisfatto» del colloquio")
               for _, content in got), got


def test_someone_inside_an_according_frame_who_speaks_for_himself_keeps_his_acts():
    got = statements("Secondo quanto riferito da Palazzo Chigi, la premier Giorgia Meloni ha confermato che non è "
                     "prevista una partecipazione nazionale e ha invece rilanciato la proposta di estendere "
                     "all'Ucraina una garanzia sul modello dell'articolo 5.")
    assert any(content.startswith("la proposta di estendere") and who == "Giorgia Meloni" for who, content in got), got


def test_an_infinitive_reports_after_a_verb_of_going_on_or_wanting():
    got = statements("Il presidente russo Vladimir Putin nega di voler intervenire e continua a chiedere garanzie "
                     "sulla neutralità dell'Ucraina.")
    assert ("Vladimir Putin", "di voler intervenire") in got
    assert ("Vladimir Putin", "garanzie sulla neutralità dell'Ucraina") in got
    got = statements("Il cancelliere Scholz ha voluto sottolineare che la Germania resta al fianco di Kiev.")
    assert got == [("Olaf Scholz", "la Germania resta al fianco di Kiev")]
    assert statements("Il cancelliere Scholz vuole chiedere più tempo per la riunione.") == []  # a wish, no report


def test_two_apostrophes_typed_for_quotation_marks_make_a_quotation():
    got = statements("''La proposta di Pechino può aprire la strada a un negoziato''. Lo ha detto Vladimir Putin "
                     "parlando alla tv cinese. ''Mosca ringrazia Pechino per il suo impegno diplomatico'', ha aggiunto "
                     "Putin, mentre il ministro Lavrov si trovava a Pechino.")
    assert any(who == "Vladimir Putin" and "La proposta di Pechino può aprire la strada a un negoziato" in content
               for who, content in got), got
    assert ("Vladimir Putin", "Mosca ringrazia Pechino per il suo impegno diplomatico") in got, got
    assert all("Lavrov si trovava a Pechino" not in content for _, content in got), got


def test_a_phrase_set_off_before_a_dropped_subject_is_no_subject():
    got = statements("La premier Giorgia Meloni ha parlato con i giornalisti. Nel quadro delle trattative con i paesi "
                     "europei, ha riaffermato l’unità di intenti nel sostegno a Kiev.")
    assert ("Giorgia Meloni", "l’unità di intenti nel sostegno a Kiev") in got, got


def test_a_verb_of_saying_reports_a_noun_of_position_for_object():
    got = statements("Il presidente ucraino Zelensky ha ribadito la sua perplessità sulle sanzioni europee.")
    assert got == [("Volodymyr Zelensky", "la sua perplessità sulle sanzioni europee")]
    assert statements("Il presidente ucraino Zelensky ha ricordato la visita a Roma del 2023.") == []  # no position


def test_a_relative_clause_before_a_verb_of_saying_with_a_noun_of_position_is_no_content():
    got = statements("Zelensky, che lunedì incontrerà Trump a Washington, ha confermato la disponibilità a un formato "
                     "trilaterale con gli Stati Uniti.")
    assert got == [("Volodymyr Zelensky", "la disponibilità a un formato trilaterale con gli Stati Uniti")]


def test_calling_something_reports_with_a_predicate_not_only_with_a_quotation():
    got = statements("Il presidente francese Emmanuel Macron ha descritto l’accordo come una giornata storica per "
                     "l’Europa.")
    assert got == [("Emmanuel Macron", "l’accordo come una giornata storica per l’Europa")]
    got = statements("Il Cremlino ha definito inaccettabile una presenza europea in Ucraina.")
    assert got == [("Kremlin", "inaccettabile una presenza europea in Ucraina")]
    assert statements("Il Cremlino ha definito il calendario della visita a Mosca.") == []  # no predicate


def test_a_participle_sharing_the_auxiliary_of_a_cue_before_it_is_a_cue():
    got = statements("Il presidente Biden ha confermato che gli alleati imporranno nuove sanzioni, ma sottolineato che "
                     "ci sarà dialogo solo con il ritiro delle truppe.")
    assert ("Joe Biden", "ci sarà dialogo solo con il ritiro delle truppe") in got, got
    # a participle with no auxiliary before it reports nothing ("la proposta, sottolineata dai media")
    assert statements("La proposta è nuova e sottolineata da tutti i giornali di Roma.") == []


def test_a_state_named_as_the_source_before_a_colon_speaks_the_quotation():
    got = statements("Kiev chiede garanzie. Intanto arriva anche la minaccia dalla Russia: “L'adesione di Kiev "
                     "sarebbe molto pericolosa per l’Europa”.")
    assert ("Russia", "L'adesione di Kiev sarebbe molto pericolosa per l’Europa") in got, got
    # a state the sentence is about is no source
    got = statements("Resta poi il nodo della Crimea: “La questione resterà aperta per molti anni ancora”.")
    assert all(who != "Crimea" for who, _ in got), got


def test_a_quotation_after_a_colon_that_names_no_one_goes_on_from_the_last_speaker():
    text = ("Secondo l'ambasciatore Giampiero Massolo, il piano è stato scritto perché «i russi vogliono mostrare "
            "di aver fatto il possibile».\n\nResta poi il nodo dei territori occupati, Crimea e Donbass: «È difficile "
            "per Kiev accettare a cuor leggero le perdite territoriali».")
    got = statements(text)
    assert ("Giampiero Massolo", "È difficile per Kiev accettare a cuor leggero le perdite territoriali") in got, got
    # an unnamed speaker before the colon is not the last speaker going on
    got = statements(text + "\n\nNei corridoi un diplomatico europeo riassume con una battuta: «Abbiamo dato a "
                     "Kiev tutto tranne quello che voleva».")
    assert all(not (who == "Giampiero Massolo" and content.startswith("Abbiamo dato")) for who, content in got), got


def test_opening_to_something_reports_a_position():
    got = statements("Il presidente russo Vladimir Putin apre a un negoziato sulla base della bozza di Istanbul.")
    assert got == [("Vladimir Putin", "un negoziato sulla base della bozza di Istanbul")]


def test_accennare_a_reports_what_it_hints_at():
    got = statements("Il presidente russo Putin ha accennato a \"garanzie reciproche\" per la sicurezza europea.")
    assert got == [("Vladimir Putin", 'a "garanzie reciproche" per la sicurezza europea')]


def test_accettare_di_reports_its_infinitive_but_accepting_an_invitation_is_an_act():
    got = statements("Il presidente Zelensky accetta di rinviare la richiesta di adesione alla Nato.")
    assert got == [("Volodymyr Zelensky", "rinviare la richiesta di adesione alla Nato")]
    assert statements("Il presidente Zelensky ha accettato l'invito di Giorgia Meloni a Roma.") == []


@pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")
def test_a_gerund_of_notare_with_che_is_a_statement_of_its_own():
    got = statements("Il cancelliere Merz ha chiesto compromessi per la pace, notando che l'Europa spende "
                     "ancora troppo poco per la difesa.")
    assert ("Friedrich Merz", "l'Europa spende ancora troppo poco per la difesa") in got
    assert ("Friedrich Merz", "compromessi per la pace") in got


def test_a_quoted_subject_before_a_tag_does_not_make_a_state_in_its_clause_the_speaker():
    got = statements("Il presidente Putin ha parlato ai diplomatici. “Le regioni annesse” resteranno per sempre "
                     "parte della Russia, ha affermato, “non se ne discute”.")
    assert [who for who, _ in got] == ["Vladimir Putin"]
    assert got[0][1].startswith("“Le regioni annesse” resteranno per sempre parte della Russia")


def cued(text: str) -> list[tuple]:
    return [(s.speaker_name, s.cue, s.content) for s in analyse_text(LEAD + text, ctx=CTX).statements]


def test_a_role_after_a_trailing_cue_describes_the_speaker_named_before():
    got = cued("Il leader del M5S Giuseppe Conte ha detto che il governo deve riferire in Aula. Sull'invio di "
               "armi «l'Italia ha già fatto la sua parte», ribadisce l'ex premier.")
    assert got[-1] == ("Giuseppe Conte", "ribadisce", "Sull'invio di armi «l'Italia ha già fatto la sua parte»")


def test_a_gerund_after_a_trailing_cue_ends_the_reporting_clause():
    got = cued("Il ministro Crosetto ha detto che la difesa europea va rafforzata. «Ne parleremo con calma nei "
               "prossimi giorni», risponde sorridendo.")
    assert got[-1] == ("Guido Crosetto", "risponde", "Ne parleremo con calma nei prossimi giorni")


def test_a_name_deep_in_a_sentence_does_not_take_over_a_dropped_speaker():
    got = cued("Il ministro Crosetto ha detto che la difesa europea va rafforzata. A chi gli chiede se anche lui, "
               "come Matteo Salvini, vedrà la premier, «ne parleremo con calma nei prossimi giorni», risponde.")
    assert got[-1][0] == "Guido Crosetto"


def test_cosi_after_a_quotation_the_sentence_goes_on_from_names_its_speaker():
    got = cued("Il vertice di Bruxelles si è chiuso in serata. «L'Italia non manderà soldati al fronte» in nessun "
               "caso. Così il ministro della Difesa Guido Crosetto, a margine del vertice.")
    assert got == [("Guido Crosetto", "Così", "«L'Italia non manderà soldati al fronte» in nessun caso")]


def test_a_dash_and_a_reporting_clause_tag_the_whole_paragraph_before():
    got = cued("Il vicepremier Salvini ha risposto al presidente francese.\n\nSoldati italiani al fronte? Assolutamente "
               "no. Se Macron vuole la guerra, ci vada lui.\n\n- ha dichiarato Salvini durante un comizio a Milano.")
    assert got == [("Matteo Salvini", "ha dichiarato",
                    "Soldati italiani al fronte? Assolutamente no. Se Macron vuole la guerra, ci vada lui")]


def test_a_dialogue_dash_opens_the_words_a_trailing_cue_ends():
    got = cued("Il segretario alla Difesa Hegseth ha parlato a Bruxelles.\n\n— Vogliamo una pace duratura per tutti. "
               "Dobbiamo però riconoscere che i confini del 2014 sono un obiettivo irrealistico. Questo obiettivo "
               "prolungherebbe la guerra, ha detto Hegseth.")
    assert got[-1][0] == "Pete Hegseth"
    assert got[-1][2].startswith("Vogliamo una pace duratura per tutti. Dobbiamo però riconoscere")


def test_quotations_on_both_sides_of_an_inserted_tag_are_two_statements():
    got = cued("Il leader del M5S Giuseppe Conte ha detto che il governo deve riferire in Aula. Sull'invio di armi "
               "«l'Italia ha già fatto la sua parte», ribadisce l'ex premier, «ora serve una nuova fase diplomatica».")
    assert got[1:] == [("Giuseppe Conte", "ribadisce", "Sull'invio di armi «l'Italia ha già fatto la sua parte»"),
                       ("Giuseppe Conte", "ribadisce", "ora serve una nuova fase diplomatica")]


def test_a_quotation_in_the_sentence_after_a_tagged_one_goes_on_from_its_speaker():
    got = cued("«Faremo due passi concreti verso la distensione», ha dichiarato il ministro Lavrov al termine dei "
               "colloqui a Istanbul. Il dialogo è adesso in una fase concreta e «la Russia ridurrà le operazioni "
               "vicino a Kiev».")
    assert got[-1] == ("Sergey Lavrov", "", "Il dialogo è adesso in una fase concreta e «la Russia ridurrà le "
                                             "operazioni vicino a Kiev»")


def test_a_quoted_word_predicated_of_the_sentence_s_subject_is_its_statement():
    got = cued("Il vertice si è chiuso in serata. La Russia è «soddisfatta» dei risultati ottenuti a Istanbul.")
    assert got == [("Russia", "", "è «soddisfatta» dei risultati ottenuti a Istanbul")]
    # a quoted term the writer marks is none
    assert cued("Il vertice si è chiuso in serata. La Russia è una «potenza regionale» in crescita.") == []


def test_a_noun_of_saying_and_a_colon_introduce_what_the_subject_said():
    got = cued("Il vertice si è chiuso. Il segretario alla Difesa Pete Hegseth ha scosso gli alleati europei con una "
               "dichiarazione shock: nessun soldato americano sarà inviato in Ucraina.")
    assert got == [("Pete Hegseth", "", "nessun soldato americano sarà inviato in Ucraina")]


def test_a_participle_with_its_agent_and_no_auxiliary_is_a_passive_cue():
    got = cued("Mosca ridurrà le operazioni militari vicino a Kiev. Decisione, quest'ultima, confermata dal vice "
               "ministro della Difesa russo, Alexander Fomin, «per aumentare la fiducia reciproca nei negoziati».")
    assert got[-1][:2] == ("Alexander Fomin", "confermata")
    assert got[-1][2].endswith("«per aumentare la fiducia reciproca nei negoziati»")
    # an agent that is no one does not speak
    assert cued("Mosca ridurrà le operazioni. Decisione, quest'ultima, confermata dal voto del parlamento russo "
                "nella notte.") == []


def test_a_gerund_with_an_object_and_a_plus_infinitive_reports_it():
    got = cued("Il presidente Putin ha chiuso il vertice senza un accordo, invitando l’Europa a “non ostacolare” i "
               "negoziati di pace.")
    assert got == [("Vladimir Putin", "invitando", "l’Europa a “non ostacolare” i negoziati di pace")]
    assert cued("Il presidente Putin ha chiuso il vertice senza un accordo, continuando a bombardare le città "
                "ucraine.") == []


def test_a_person_inside_the_role_is_not_the_speaker_named_in_apposition():
    got = cued("«I russi hanno fatto alcune concessioni su tutte e cinque le regioni», ha dichiarato l'inviato "
               "speciale di Donald Trump, Steve Witkoff, in un'intervista alla Cnn.")
    assert [who for who, _, _ in got] == ["Steve Witkoff"]


def test_secondo_la_sua_valutazione_holds_what_follows_for_the_person_just_named():
    got = cued("L'Alta rappresentante Kaja Kallas ha parlato a Bruxelles dei bombardamenti. Secondo la sua "
               "valutazione, il 93% degli obiettivi colpiti dalla Russia sono infrastrutture civili.")
    assert got == [("Kaja Kallas", "Secondo la sua valutazione",
                    "il 93% degli obiettivi colpiti dalla Russia sono infrastrutture civili")]


def test_a_dropped_subject_with_no_statement_before_takes_the_person_the_paragraph_before_opens_with():
    got = cued("Il presidente russo Vladimir Putin ha accolto al Cremlino i ministri di tre paesi asiatici.\n\nHa "
               "affermato che Mosca è sempre stata aperta al dialogo con Kiev.")
    assert got == [("Vladimir Putin", "Ha affermato", "Mosca è sempre stata aperta al dialogo con Kiev")]


def test_an_adjunct_after_the_speaker_of_a_trailing_cue_has_its_own_complements():
    got = cued("Il presidente Trump ha parlato a lungo del vertice. «Abbiamo concordato solide garanzie di sicurezza», "
               "ha dichiarato Witkoff quando gli è stato chiesto di illustrare i risultati dei colloqui in Alaska.")
    assert got[-1] == ("Steve Witkoff", "ha dichiarato", "Abbiamo concordato solide garanzie di sicurezza")


def test_a_state_in_a_fronted_adjunct_is_not_the_subject_of_the_cue():
    got = cued("La premier Giorgia Meloni è arrivata a Kiev. Senza aggiungere dettagli sull’impegno economico per "
               "l’Italia, ha spiegato: «Continuiamo a sostenere l’Ucraina nel suo diritto a difendersi».")
    assert [who for who, _, _ in got] == ["Giorgia Meloni"]


def test_e_stata_la_proposta_di_x_after_a_quotation_names_its_speaker():
    got = cued("I negoziati sono ripresi in videoconferenza. «L’Ucraina può essere un Paese neutrale con un proprio "
               "esercito», è stata infatti la proposta del ministro degli Esteri russo Sergej Lavrov.")
    assert got == [("Sergey Lavrov", "è stata infatti la proposta",
                    "L’Ucraina può essere un Paese neutrale con un proprio esercito")]
    # an event, not a noun of saying with its owner
    assert cued("I negoziati sono ripresi. «Siamo pronti a una tregua», ha detto il ministro Tajani. Poi è arrivata "
                "la risposta della Russia.")[-1][0] == "Antonio Tajani"
