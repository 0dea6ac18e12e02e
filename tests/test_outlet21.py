"""The outlet reports, the official speaks (issue 12): a paper or agency a preposition governs before the cue
("sentiti dal", "interviewed by", "le notizie del") or after it ("in un'intervista con il quotidiano") is the
channel, not the speaker; an outlet's "according to" around a clause whose verb of saying has its own subject
makes no statement of its own; "It added" after an organisation's tagged quotation is that organisation.
Sentences written for this test."""
from garante.pipeline import analyse_text

from conftest import LEAD_EN, LEAD_IT


def _said(text: str, lead: str) -> list[tuple[str | None, str]]:
    doc = analyse_text(lead + text)
    return [(st.speaker_name, doc.text[st.content_start:st.content_end]) for st in doc.statements]


def _speaker_of(got: list[tuple[str | None, str]], words: str) -> list[str | None]:
    return [who for who, content in got if words in content]


def test_officials_interviewed_by_a_paper_speak_in_english():
    got = _said("Officials interviewed by the Financial Times said the reassurance force would not be deployed "
                "before a ceasefire.", LEAD_EN)
    assert _speaker_of(got, "reassurance force") == ["Officials"]


def test_funzionari_sentiti_dal_giornale_parlano():
    got = _said("I funzionari sentiti dal Financial Times hanno detto che la forza di rassicurazione non sarà "
                "schierata prima di un cessate il fuoco.", LEAD_IT)
    assert _speaker_of(got, "forza di rassicurazione") == ["I funzionari"]


def test_secondo_un_giornale_i_funzionari_parlano():
    got = _said("Secondo il Financial Times, i funzionari europei hanno spiegato che la forza di rassicurazione "
                "non sarà schierata prima di un cessate il fuoco.", LEAD_IT)
    speakers = _speaker_of(got, "forza di rassicurazione")
    assert speakers and "Financial Times" not in speakers


def test_according_to_a_paper_officials_speak():
    got = _said("According to the Guardian, European officials said the reassurance force would not be deployed "
                "before a ceasefire.", LEAD_EN)
    speakers = _speaker_of(got, "reassurance force")
    assert speakers and "The Guardian" not in speakers


def test_according_to_a_paper_alone_is_still_the_papers_report():
    got = _said("According to the Guardian, the two states will also protect the skies of Ukraine under a plan "
                "announced by the prime minister.", LEAD_EN)
    assert _speaker_of(got, "two states will also protect") == ["The Guardian"]


def test_the_paper_whose_reports_were_not_denied_is_no_speaker():
    got = _said("Il ministero della Difesa non ha confermato né smentito le indiscrezioni del Corriere della Sera, "
                "ma ha definito le cifre riportate come ipotesi di lavoro.", LEAD_IT)
    assert "Corriere della Sera" not in [who for who, _ in got]


def test_an_interview_with_a_paper_is_the_channel_after_the_cue():
    got = _said("Le garanzie vanno decise prima della tregua - Presidente della Lettonia\n\nLo ha detto in "
                "un'intervista con il quotidiano Guardian a Riga prima di partire per Bruxelles.", LEAD_IT)
    assert "The Guardian" not in [who for who, _ in got]


def test_a_paper_named_as_the_subject_after_the_cue_still_speaks():
    got = _said("Il vertice di Pechino si terrà in aprile. Lo ha riferito il quotidiano Kommersant.", LEAD_IT)
    assert _speaker_of(got, "vertice di Pechino") == ["Kommersant"]


def test_it_added_after_the_embassy_tagged_a_quotation():
    got = _said('Moscow condemned the decision in a message from its embassy in Oslo.\n\n"Norway will face '
                'consequences for this step," the embassy said in a statement.\n\nIt added that the response '
                'would depend on the number of allied troops deployed in the country.', LEAD_EN)
    # the embassy is a speaker of its own (an organisation speaking for its state), named as first presented
    assert _speaker_of(got, "response would depend") == ["embassy in Oslo"]
    assert _speaker_of(got, "face consequences") == ["embassy in Oslo"]


def test_the_outlet_is_the_cited_source_of_the_speaker_it_reports():
    doc = analyse_text(LEAD_EN + "According to the Guardian, European officials said the reassurance force would not "
                                 "be deployed before a ceasefire.")
    st = next(s for s in doc.statements if "reassurance force" in doc.text[s.content_start:s.content_end])
    assert st.cited_source == "The Guardian"


def test_an_outlets_according_to_report_takes_no_side():
    for lead, text in ((LEAD_EN, "According to the Financial Times, the new package of military aid to Ukraine will "
                                 "include air defence systems."),
                       (LEAD_IT, "Secondo il Financial Times, il nuovo pacchetto di aiuti militari all'Ucraina "
                                 "includerà sistemi di difesa aerea.")):
        doc = analyse_text(lead + text)
        outlet = [s for s in doc.statements if s.speaker_name == "Financial Times"]
        assert outlet and all(not s.stances for s in outlet)


def test_a_person_named_in_according_to_keeps_his_stance():
    doc = analyse_text(LEAD_EN + "According to Keir Starmer, Britain supports new sanctions on Russia.")
    st = next(s for s in doc.statements if s.speaker_name == "Keir Starmer")
    assert st.stances


def test_according_to_an_article_the_minister_speaks():
    got = _said("According to an article in a Brazilian weekly, the Turkish foreign minister made it clear that he "
                "prefers a lasting settlement to short truces.", LEAD_EN)
    speakers = [who for who, content in got if "lasting settlement" in content]
    assert speakers and not any("article" in (who or "") for who in speakers)


def test_secondo_un_retroscena_the_diplomats_cite_it():
    doc = analyse_text(LEAD_IT + "Secondo un retroscena di Folha, i diplomatici brasiliani hanno spiegato che un "
                                 "accordo duraturo è meglio di tregue brevi.")
    st = next(s for s in doc.statements if "accordo duraturo" in doc.text[s.content_start:s.content_end])
    assert st.speaker_name == "i diplomatici brasiliani" and st.cited_source
