"""Statements: each shape of attribution on sentences written for these tests, in Italian and English."""
from __future__ import annotations

import pytest

from garante.extract.attribution.lexicon import attribution_lexicon
from garante.extract.attribution.quote_frames import _head_nouns
from garante.extract.statements import find_quotes, lexicon
from garante.pipeline import Context, analyse_text

CTX = Context()

LEAD_IT = ("La diplomazia internazionale continua a discutere delle garanzie di sicurezza per l'Ucraina "
           "mentre proseguono i combattimenti lungo la linea del fronte orientale.")
LEAD_EN = ("Diplomats kept discussing security guarantees for Ukraine on Friday while fighting went on "
           "along the eastern front line.")


def analyse(paragraphs: list[str], date: str = "2025-09-05", lang: str = "it"):
    lead = LEAD_IT if lang == "it" else LEAD_EN
    title = "Garanzie di sicurezza, il dibattito continua" if lang == "it" else "Security guarantees debate goes on"
    capture = f" date {date} MONDO\n{title}\n\n{lead}\n\n" + "\n\n".join(paragraphs) + "\n"
    return analyse_text(capture, source="test.txt", ctx=CTX)


def by_content(doc, words: str):
    """The narrowest statement that says ``words``."""
    found = [s for s in doc.statements if words in s.content]
    assert found, f"no statement contains {words!r}: {[s.content for s in doc.statements]}"
    return min(found, key=lambda s: len(s.content))


def check_offsets(doc):
    for s in doc.statements:
        assert doc.text[s.content_start:s.content_end] == s.content
        raw = doc.raw_span(s.content_start, s.content_end)
        assert raw is not None and doc.raw[raw[0]:raw[1]] == s.content
        assert s.rule and s.component == "statements"


# --- quotations ------------------------------------------------------------------------------------

def test_quote_finder_pairs_mismatched_and_nested_marks():
    text = "\"Se arrivano truppe», ha detto. “Il presidente ha detto: ‘Mai’. Fine”, aggiunse. L’Ucraina e po’ di più."
    quotes = find_quotes(text, 0, len(text), lexicon("it"))
    spans = [(text[q.open + 1:q.close], q.depth) for q in quotes]
    assert ("Se arrivano truppe", 0) in spans
    assert ("Il presidente ha detto: ‘Mai’. Fine", 0) in spans
    assert ("Mai", 1) in spans
    assert len(quotes) == 3  # apostrophes are not quotes


def test_quote_left_open_runs_to_the_end_of_its_paragraph():
    text = "“Non firmeremo nulla senza garanzie"
    (q,) = find_quotes(text, 0, len(text), lexicon("it"))
    assert q.close == len(text)


# --- Italian ---------------------------------------------------------------------------------------

def test_direct_quote_with_cue_and_role_named_speaker_after_it():
    doc = analyse(["“Nessun soldato straniero metterà piede nel Donbass”, ha affermato il ministro degli "
                   "Esteri russo Sergey Lavrov all'agenzia Tass al termine di un incontro a Minsk."])
    st = by_content(doc, "Nessun soldato straniero")
    assert st.kind == "direct"
    assert st.content == "Nessun soldato straniero metterà piede nel Donbass"
    assert st.speaker_name == "Sergey Lavrov"
    assert st.on_behalf_of_name == "Russia"
    assert "ha affermato" in st.cue
    assert st.channel and "Tass" in st.channel
    check_offsets(doc)


def test_quote_split_by_its_cue_and_the_next_quote_continue_the_speaker():
    doc = analyse(["“Siamo pronti a negoziare”, ha detto Zelensky. “Ma prima servono garanzie solide dai nostri "
                   "alleati.”"])
    first = by_content(doc, "Siamo pronti")
    second = by_content(doc, "Ma prima servono")
    assert first.speaker_name == second.speaker_name == "Volodymyr Zelensky"
    assert second.kind == "direct" and second.rule == "continuation"
    assert second.on_behalf_of_name == "Ukraine"


def test_dropped_subject_continues_the_last_speaker():
    doc = analyse(["Il presidente francese Emmanuel Macron ha detto che la coalizione è pronta a garantire la pace.",
                   "Ha aggiunto che gli Stati Uniti parteciperanno al sostegno della missione."])
    st = by_content(doc, "gli Stati Uniti parteciperanno")
    assert st.speaker_name == "Emmanuel Macron"
    assert st.kind == "indirect"
    assert st.on_behalf_of_name == "France"


def test_quote_inside_quote_is_a_statement_of_the_quoted_speaker_reported_by_the_other():
    doc = analyse(["“Il presidente Putin ha detto chiaramente: ‘Non accetteremo mai basi della NATO in Ucraina’. "
                   "Questa resta la nostra posizione”, ha spiegato il portavoce del Cremlino Dmitry Peskov."])
    outer = by_content(doc, "Questa resta la nostra posizione")
    inner = by_content(doc, "Non accetteremo mai basi")
    assert outer.speaker_name == "Dmitry Peskov"
    assert inner.speaker_name == "Vladimir Putin"
    assert inner.content == "Non accetteremo mai basi della NATO in Ucraina"
    assert doc.statements[inner.parent] is outer
    assert inner.attrs["reported_by"] == "Dmitry Peskov"


def test_reported_clause_with_quoted_words_is_one_mixed_statement():
    doc = analyse(["Macron ha assicurato che gli alleati europei sono «pronti a schierare truppe» dopo il cessate "
                   "il fuoco."])
    (st,) = [s for s in doc.statements if "alleati europei" in s.content]
    assert st.kind == "mixed"
    assert st.content.startswith("gli alleati europei sono «pronti")
    assert st.speaker_name == "Emmanuel Macron"


def test_secondo_introduces_the_speaker_and_the_role_is_resolved_at_the_date():
    doc = analyse(["Secondo il presidente degli Stati Uniti, un accordo di pace è ormai vicino e va firmato presto."],
                  date="2025-08-20")
    st = by_content(doc, "un accordo di pace")
    assert st.speaker_name == "Donald Trump"
    assert st.on_behalf_of_name == "United States"
    doc = analyse(["Secondo il presidente degli Stati Uniti, un accordo di pace è ormai vicino e va firmato presto."],
                  date="2022-01-20")
    assert by_content(doc, "un accordo di pace").speaker_name == "Joe Biden"


def test_cue_after_a_clause_attributes_the_clause_before_it():
    doc = analyse(["La coalizione dei volenterosi è pronta a inviare una forza di rassicurazione, ha detto "
                   "Keir Starmer."])
    st = by_content(doc, "pronta a inviare")
    assert st.kind == "indirect" and st.rule == "trailing"
    assert st.speaker_name == "Keir Starmer"
    assert st.on_behalf_of_name == "United Kingdom"


def test_gerund_adds_a_second_statement_of_the_same_speaker():
    doc = analyse(["Il Cremlino ha dichiarato venerdì che nessuna truppa straniera sarà accettata, sottolineando "
                   "che serve un lungo lavoro preparatorio prima di un vertice."])
    first = by_content(doc, "nessuna truppa straniera")
    second = by_content(doc, "serve un lungo lavoro")
    assert first.content == "nessuna truppa straniera sarà accettata"
    assert first.speaker_name == second.speaker_name
    assert first.on_behalf_of_name == "Russia"
    assert first.date == "2025-09-05" and first.date_source == "expression"


def test_act_verb_reports_its_object():
    doc = analyse(["Martedì Trump ha escluso l'invio di soldati americani in Ucraina."], date="2025-08-20")
    st = by_content(doc, "l'invio di soldati")
    assert st.content == "l'invio di soldati americani in Ucraina"
    assert st.speaker_name == "Donald Trump"
    assert st.rule == "leading-act"
    assert st.date == "2025-08-19"


def test_addressee_and_channel_are_kept():
    doc = analyse(["Mercoledì Putin ha incontrato Kim Jong-un a Pechino.",
                   "“I vostri soldati hanno combattuto con grande coraggio”, ha detto Putin a Kim durante un "
                   "incontro in Cina."])
    st = by_content(doc, "I vostri soldati")
    assert st.speaker_name == "Vladimir Putin"
    assert st.addressee_name == "Kim Jong-un"
    assert st.channel.startswith("durante un incontro")
    # the date of the meeting told just before
    assert st.date == "2025-09-03" and st.date_source == "context"


def test_a_day_inside_a_clause_about_another_noun_does_not_date_what_follows():
    # "annunciate ieri" dates the sanctions, not the scene of the next sentence: Meloni speaks today
    doc = analyse(["Le nuove misure colpiscono le banche russe e seguono quelle annunciate ieri dal Tesoro "
                   "di Washington.",
                   "«Sono misure giuste e necessarie», afferma la presidente del Consiglio Giorgia Meloni."])
    st = by_content(doc, "misure giuste")
    assert st.speaker_name == "Giorgia Meloni"
    assert st.date == "2025-09-05" and st.date_source == "document"
    # the same day in the sentence's own clause sets the scene
    doc = analyse(["Ieri il Tesoro di Washington ha annunciato nuove misure contro le banche russe.",
                   "«Sono misure giuste e necessarie», afferma la presidente del Consiglio Giorgia Meloni."])
    assert by_content(doc, "misure giuste").date == "2025-09-04"


def test_outlet_cited_for_a_statement_is_not_its_speaker():
    doc = analyse(["Secondo Bloomberg, Peskov ha chiesto ancora una volta garanzie scritte sulla neutralità "
                   "dell'Ucraina."])
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert st.speaker_name == "Dmitry Peskov"
    assert st.cited_source == "Bloomberg"
    assert st.content.startswith("ancora una volta garanzie scritte")


def test_mismatched_quote_marks_still_make_a_quote():
    doc = analyse(["\"Non ci sarà pace senza garanzie concrete», ha detto Zelensky ai giornalisti a Kiev."])
    st = by_content(doc, "Non ci sarà pace")
    assert st.kind == "direct"
    assert st.speaker_name == "Volodymyr Zelensky"


def test_passive_with_agent_names_the_speaker():
    doc = analyse(["Quelle richieste sono state ripetute dal portavoce del Cremlino Dmitry Peskov nel corso del "
                   "briefing quotidiano."])
    st = by_content(doc, "Quelle richieste")
    assert st.speaker_name == "Dmitry Peskov" and st.rule == "passive"


def test_an_anonymous_source_speaks_as_one_and_an_unknown_subject_makes_no_statement():
    # (issue 12: an unnamed source is a speaker of kind "anonymous"; twenty-eighth session, "secondo" before it)
    doc = analyse(["Le truppe sono state ritirate dalla regione di confine, secondo un alto funzionario della "
                   "difesa.", "Ventisei nazioni hanno promesso di offrire garanzie di sicurezza all'Ucraina."])
    assert [(st.content, st.attrs.get("speaker_kind")) for st in doc.statements] == [
        ("Le truppe sono state ritirate dalla regione di confine", "anonymous")]


def test_a_quoted_term_is_not_a_statement():
    doc = analyse(["La riunione si è chiusa con una \"sincera discussione\" tra i capi militari dell'alleanza."])
    assert doc.statements == []


def test_headline_is_not_a_statement():
    capture = (" date 2025-09-05 MONDO\nLavrov: “Nessuna truppa europea in Ucraina”\n\n" + LEAD_IT + "\n")
    doc = analyse_text(capture, ctx=CTX)
    assert doc.statements == []


def test_organisation_speaker_speaks_for_its_state():
    doc = analyse(["Il ministero degli Esteri russo ha annunciato che le proposte sono state consegnate a "
                   "Washington."])
    st = by_content(doc, "le proposte sono state consegnate")
    assert st.on_behalf_of_name == "Russia"


# --- English ---------------------------------------------------------------------------------------

def test_english_quote_with_speaker_before_the_cue():
    doc = analyse(['"We will not accept any foreign troops in Ukraine," Peskov said on Friday.'], lang="en")
    st = by_content(doc, "We will not accept")
    assert st.kind == "direct"
    assert st.speaker_name == "Dmitry Peskov"
    assert st.on_behalf_of_name == "Russia"
    check_offsets(doc)


def test_english_reported_speech_with_and_without_that():
    doc = analyse(["Zelensky said that Ukraine needs firm guarantees from its Western partners.",
                   "Russia has said many times it would never tolerate Western soldiers on Ukrainian soil."], lang="en")
    a = by_content(doc, "Ukraine needs firm guarantees")
    b = by_content(doc, "it would never tolerate Western soldiers")
    assert a.speaker_name == "Volodymyr Zelensky" and a.kind == "indirect"
    assert b.speaker_name == "Russia" and b.on_behalf_of_name == "Russia"


def test_english_said_speaker_then_continuation():
    doc = analyse(['"The coalition is ready to act," said Keir Starmer. "We stand with Ukraine for as long as it '
                   'takes."'], lang="en")
    a = by_content(doc, "The coalition is ready")
    b = by_content(doc, "We stand with Ukraine")
    assert a.speaker_name == b.speaker_name == "Keir Starmer"
    assert b.rule == "continuation"


def test_english_according_to_and_act_verb():
    doc = analyse(["According to the Kremlin spokesman, the talks will resume next month in Istanbul.",
                   "Trump ruled out sending American troops to defend Ukraine."], lang="en", date="2025-08-20")
    assert by_content(doc, "the talks will resume").speaker_name == "Dmitry Peskov"
    st = by_content(doc, "sending American troops")
    assert st.speaker_name == "Donald Trump" and st.rule == "leading-act"


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_statement_points_back_to_the_raw_capture(lang):
    paragraphs = (["“Serve una tregua immediata”, ha detto Zelensky a Kiev, aggiungendo che la pace è possibile."]
                  if lang == "it" else ['"We need a ceasefire now," Zelensky told reporters in Kyiv.'])
    doc = analyse(paragraphs, lang=lang)
    assert doc.statements
    check_offsets(doc)


def test_quote_going_on_across_paragraphs_takes_the_speaker_named_at_its_end():
    doc = analyse(["Il presidente ucraino ha parlato a lungo davanti al parlamento riunito a Kiev.",
                   "“Non rinunceremo a nessuna parte del nostro territorio, né oggi né domani.",
                   "“Chiediamo ai partner garanzie vere e vincolanti”, ha detto Zelensky."])
    first = by_content(doc, "Non rinunceremo")
    second = by_content(doc, "Chiediamo ai partner")
    assert first.kind == "direct"
    assert first.content == "Non rinunceremo a nessuna parte del nostro territorio, né oggi né domani"
    assert first.rule == "continuation"
    assert first.speaker_name == second.speaker_name == "Volodymyr Zelensky"


def test_an_introductory_clause_is_not_a_statement_of_the_subject_after_it():
    doc = analyse(["Dopo il vertice di Parigi con i leader europei, Zelensky ha chiesto la fine dei bombardamenti "
                   "sulle città."])
    (st,) = doc.statements
    assert st.rule == "leading-act"
    assert st.content == "la fine dei bombardamenti sulle città"
    assert st.speaker_name == "Volodymyr Zelensky"


def test_lo_ha_detto_and_secondo_cui_attribute_across_the_sentence():
    doc = analyse(["La Russia non firmerà alcun accordo senza garanzie sulla neutralità dell'Ucraina.",
                   "A dirlo è stato il segretario generale della Nato Mark Rutte, secondo cui l'alleanza resterà "
                   "unita fino alla fine della guerra."])
    back = by_content(doc, "La Russia non firmerà")
    rel = by_content(doc, "l'alleanza resterà unita")
    assert back.rule == "backward" and back.speaker_name == "Mark Rutte"
    assert rel.rule == "according-relative" and rel.speaker_name == "Mark Rutte"
    assert rel.on_behalf_of_name == "NATO"


def test_present_tense_and_e_quanto_cues_give_the_whole_quotation_before_them():
    doc = analyse(["«Non manderemo soldati in Ucraina. Continueremo ad aiutare Kiev a difendersi». È quanto afferma "
                   "il ministro degli Esteri, Antonio Tajani, a margine del vertice.",
                   "«Non si può escludere» l'invio di truppe. Lo dice in un'intervista all'Economist il presidente "
                   "francese Emmanuel Macron."])
    tajani = by_content(doc, "Non manderemo soldati")
    assert tajani.rule == "backward" and tajani.speaker_name == "Antonio Tajani"
    assert "Continueremo ad aiutare Kiev" in tajani.content  # both sentences of the quotation
    macron = by_content(doc, "l'invio di truppe")
    assert macron.rule == "backward" and macron.speaker_name == "Emmanuel Macron"
    check_offsets(doc)


def test_cosi_after_a_quotation_names_its_speaker_but_not_elsewhere():
    doc = analyse(["«Nessuno ci ha chiesto un soldato e non ne manderemo». Così il vicepremier e segretario della "
                   "Lega, Matteo Salvini, a margine di un incontro a Milano.",
                   "Così il percorso di Kiev verso la Nato resta lungo."])
    st = by_content(doc, "Nessuno ci ha chiesto")
    assert st.rule == "backward" and st.speaker_name == "Matteo Salvini"
    assert not any("percorso" in s.content for s in doc.statements)


def test_a_subheading_that_quotes_after_a_name_is_a_statement_and_a_title_is_not():
    doc = analyse(["Zelensky: «Temo che gli Stati Uniti perdano interesse nei negoziati»",
                   "Il presidente ucraino ha parlato ieri sera con i giornalisti a Kiev dopo una lunga giornata "
                   "di incontri con gli alleati europei."])
    assert doc.zone_of(doc.text.index("Zelensky:")) == "subheading"
    (st,) = doc.statements
    assert (st.rule, st.speaker_name, st.kind) == ("headline", "Volodymyr Zelensky", "direct")
    assert st.content == "Temo che gli Stati Uniti perdano interesse nei negoziati"
    titled = analyse_text(" date 2025-09-05 MONDO\nZelensky: «Temo che gli Stati Uniti perdano interesse»\n\n"
                          + LEAD_IT + "\n", source="test.txt", ctx=CTX)
    assert titled.statements == []


def test_after_secondo_a_name_beats_the_description_before_it():
    doc = analyse(["Il presidente francese Emmanuel Macron ha detto che Parigi è pronta a inviare soldati in Ucraina.",
                   "Secondo il capo delle forze armate britanniche Tony Radakin, la missione avrà come priorità la "
                   "difesa aerea e marittima."])
    st = by_content(doc, "la missione avrà")
    assert st.speaker_name == "Tony Radakin"  # not Macron, whom "il capo" was taken for


def test_come_with_a_participle_names_the_source_before_or_after_the_claim():
    doc = analyse(["Le due parti hanno deciso un nuovo scambio di feriti, come ha detto il capo della "
                   "delegazione russa, Vladimir Medinsky.",
                   "Come sottolineato recentemente dal presidente ucraino Zelensky, ogni giorno decine di civili "
                   "perdono la vita.",
                   "Il governo italiano, come previsto, ha approvato il decreto."])
    medinsky = by_content(doc, "Le due parti hanno deciso")
    assert medinsky.speaker_name == "Vladimir Medinsky" and medinsky.rule == "according-trailing"
    zelensky = by_content(doc, "decine di civili")
    assert zelensky.speaker_name == "Volodymyr Zelensky" and zelensky.rule == "according"
    assert not any("decreto" in s.content for s in doc.statements)


def test_prosegue_and_ha_continuato_tag_a_quote_but_not_a_sentence_without_one():
    doc = analyse(['"Non dobbiamo essere ingenui, la Russia vuole dividere l\'Europa", prosegue il ministro degli '
                   'Esteri Antonio Tajani.',
                   "I combattimenti proseguono lungo il fronte e la diplomazia continua a lavorare."])
    (st,) = doc.statements
    assert (st.rule, st.speaker_name) == ("trailing", "Antonio Tajani")
    assert st.content.startswith("Non dobbiamo essere ingenui")


def test_a_quotation_signed_after_a_dash_is_its_signers():
    doc = analyse(["Readers told us this week what they think of the candidates, of the campaign and of the war "
                   "in Ukraine, and dozens of them wrote back within a day.",
                   "“Trump scares me. He talks about our communities as if we were criminals and nobody in his "
                   "party says a word.” ― Krystal Correa",
                   "The talks in Geneva went on until late in the evening without any agreement, and the "
                   "delegations are expected back on Monday — the third round this month.",
                   "Most of the readers who answered said the economy mattered more to them than the war."],
                  lang="en")
    signed = [s for s in doc.statements if s.rule == "signed"]
    assert [(s.speaker_name, s.kind) for s in signed] == [("Krystal Correa", "direct")]
    assert signed[0].content.startswith("Trump scares me. He talks about our communities")
    check_offsets(doc)


def test_a_detta_di_stando_a_and_a_suo_avviso_attribute_the_clause():
    doc = analyse(["A detta del segretario generale della Nato Mark Rutte, l'alleanza resterà unita fino alla fine.",
                   "Stando alle parole del consigliere presidenziale ucraino, Mikhailo Podolyak, i colloqui hanno "
                   "dato risultati sufficienti per un incontro tra i presidenti.",
                   "Giorgia Meloni ha detto ieri che l'Italia continuerà a sostenere Kiev in ogni sede.",
                   "A suo avviso, solo l'Ucraina può decidere le condizioni della pace."])
    assert by_content(doc, "l'alleanza resterà unita").speaker_name == "Mark Rutte"
    podolyak = by_content(doc, "i colloqui hanno dato")
    assert podolyak.speaker_name == "Mykhailo Podolyak" and podolyak.content.startswith("i colloqui")
    meloni = by_content(doc, "solo l'Ucraina può decidere")
    assert (meloni.rule, meloni.speaker_name) == ("according-pronoun", "Giorgia Meloni")
    check_offsets(doc)


def test_a_passive_cue_reports_the_clause_after_its_agent_or_before_its_comma():
    doc = analyse(["È stato detto dal portavoce Dmitry Peskov che la Russia non parteciperà al vertice di Ginevra.",
                   "Le truppe italiane non saranno inviate in Ucraina, è stato ribadito dal ministro della Difesa "
                   "Guido Crosetto."])
    peskov = by_content(doc, "la Russia non parteciperà")
    assert (peskov.rule, peskov.speaker_name) == ("passive", "Dmitry Peskov")
    assert peskov.content == "la Russia non parteciperà al vertice di Ginevra"
    crosetto = by_content(doc, "Le truppe italiane")
    assert crosetto.content == "Le truppe italiane non saranno inviate in Ucraina"
    assert crosetto.speaker_name == "Guido Crosetto"


def test_a_cue_in_quotation_marks_and_an_aside_in_dashes_keep_their_speaker():
    doc = analyse(["Il presidente francese Emmanuel Macron ha detto che non si può escludere l'invio di truppe in "
                   "Ucraina.",
                   "Diversa la linea di Roma, con il vicepremier, Antonio Tajani, che - da parte sua - "
                   "ha «escluso» una missione di soldati italiani. «Noi lavoriamo per un negoziato - ha spiegato -, "
                   "non per allargare il conflitto con Mosca»."])
    act = by_content(doc, "una missione di soldati italiani")
    assert (act.rule, act.speaker_name, act.content) == ("leading-act", "Antonio Tajani",
                                                         "una missione di soldati italiani")
    assert by_content(doc, "Noi lavoriamo per un negoziato").speaker_name == "Antonio Tajani"  # not Macron


def test_a_tag_set_off_by_dashes_inside_a_quotation_names_its_speaker():
    doc = analyse(["La Russia ha detto che i colloqui di Istanbul sono stati utili e che proseguiranno presto.",
                   "«Abbiamo di nuovo proposto a Kiev una pausa di trenta giorni - ha detto Vladimir "
                   "Medinsky -. Aspettiamo che ci facciano sapere»."])
    st = by_content(doc, "Abbiamo di nuovo proposto")
    assert st.speaker_name == "Vladimir Medinsky"  # not Russia, the speaker before


def test_a_trailing_cue_keeps_its_clause_before_a_gerund_or_lo_ha_dichiarato():
    doc = analyse(["La Russia non intende in nessun modo rinunciare ai territori annessi, ha detto il presidente "
                   "russo Vladimir Putin incontrando i vertici diplomatici del Paese.",
                   "Le due delegazioni potrebbero ripartire dalla bozza di Minsk per i prossimi colloqui, lo ha "
                   "dichiarato ieri il ministro degli Esteri Sergei Lavrov."])
    putin = by_content(doc, "rinunciare ai territori")
    assert (putin.rule, putin.speaker_name) == ("trailing", "Vladimir Putin")
    lavrov = by_content(doc, "Le due delegazioni potrebbero")
    assert (lavrov.rule, lavrov.speaker_name) == ("backward", "Sergey Lavrov")
    assert lavrov.content.endswith("i prossimi colloqui")
    en = analyse(["On Monday the Kremlin spokesman, Dmitry Peskov, said Moscow had received no information."],
                 lang="en")
    assert by_content(en, "Moscow had received").speaker_name == "Dmitry Peskov"


@pytest.mark.parametrize("code", ["it", "en"])
def test_the_cue_expression_finds_what_a_plain_alternation_of_every_form_finds(code):
    import re
    lex = lexicon(code)
    plain = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(lex.forms, key=len, reverse=True))
    plain = re.compile(r"(?<![\w'’])(?:" + plain + r")(?![\w])", re.IGNORECASE)
    text = " ".join(LEAD_IT.split() + LEAD_EN.split()) + " " + " ".join(
        f"{f} {f.upper()}, {f}s ({f[:-1]})" for f in sorted(lex.forms)[::7])
    assert [m.span() for m in lex.verb.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_subject_before_a_leading_cue_beats_a_name_inside_the_clause():
    doc = analyse(['Ryabkov said Moscow wanted "firm, written assurances" that Kyiv would stay outside the '
                   'alliance.'], lang="en", date="2022-01-10")
    (st,) = doc.statements
    assert st.speaker_name == "Sergei Ryabkov"
    assert st.kind == "mixed"
    assert st.content.startswith("Moscow wanted")


def test_a_colon_introduces_the_speaker_of_a_quote_whose_cue_names_nobody():
    doc = analyse(["“Non ci sono ancora svolte”, ha dichiarato il portavoce Dmitry Peskov.",
                   "Anche il presidente degli Stati Uniti Joe Biden si è mostrato scettico: \"Vedremo. Non giudicherò "
                   "prima dei fatti\", ha detto ai giornalisti."], date="2022-03-30")
    st = by_content(doc, "Non giudicherò")
    assert st.speaker_name == "Joe Biden"


def test_pronoun_subject_refers_to_the_person_who_opened_the_sentence_before():
    doc = analyse(['"We need a ceasefire," Zelensky said in Kyiv.',
                   "The German chancellor, Friedrich Merz, was more cautious. This war, he said, cannot end with a "
                   "defeat of Ukraine."], lang="en", date="2025-11-24")
    st = by_content(doc, "cannot end with a defeat")
    assert st.rule == "parenthetical"
    assert st.speaker_name == "Friedrich Merz"
    assert st.content.startswith("This war, he said,")


def test_gerund_names_an_addressee_not_a_speaker():
    doc = analyse(["Vice President JD Vance went further, telling Fox News that an economic deal was a better "
                   "guarantee than troops."], lang="en", date="2025-03-20")
    st = by_content(doc, "an economic deal")
    assert st.speaker_name == "JD Vance"


def test_a_source_reporting_what_someone_said_is_cited_not_the_speaker():
    doc = analyse(["Secondo una nota di Palazzo Chigi, la presidente del Consiglio Giorgia Meloni si è detta disponibile "
                   "a sostenere una missione di monitoraggio."], date="2025-09-04")
    (st,) = doc.statements
    assert st.speaker_name == "Giorgia Meloni"
    assert st.cited_source == "Palazzo Chigi"


def test_a_possessive_noun_is_not_a_reporting_verb():
    doc = analyse(['Zelensky called Putin\'s remarks "very predictable" on Thursday evening.'], lang="en",
                  date="2025-03-13")
    (st,) = doc.statements
    assert st.speaker_name == "Volodymyr Zelensky"


def test_english_passive_with_agent():
    doc = analyse(["Calls for an unconditional truce were reiterated by French President Emmanuel Macron in Paris."],
                  lang="en", date="2025-03-13")
    (st,) = doc.statements
    assert st.rule == "passive" and st.speaker_name == "Emmanuel Macron"


def test_interview_answers_belong_to_the_interviewee_and_questions_to_nobody():
    capture = (" date 2025-04-02 MONDO\nAndrii Sybiha: \"Guarantees must deter\"\n\n"
               "Andrii Sybiha has been Ukraine's foreign minister since September 2024. We spoke in Brussels.\n\n"
               "Q: Russia says the truce on energy holds. Does it?\n\n"
               "A: It does not hold at all. We need a real ceasefire first.\n")
    doc = analyse_text(capture, ctx=CTX)
    assert [s.content for s in doc.statements] == ["It does not hold at all", "We need a real ceasefire first"]
    assert {s.speaker_name for s in doc.statements} == {"Andrii Sybiha"}
    assert {s.on_behalf_of_name for s in doc.statements} == {"Ukraine"}


def test_transcript_labels_name_the_speaker_and_the_reporter_says_nothing():
    doc = analyse(["DAN REYES, BYLINE: The talks lasted eight hours and ended without a breakthrough today.",
                   "SERGEI RYABKOV: (Through interpreter) Ukraine must never join NATO. We need legal guarantees."],
                  lang="en", date="2022-01-10")
    said = {s.content: s for s in doc.statements}
    assert said["Ukraine must never join NATO"].speaker_name == "Sergei Ryabkov"
    assert said["We need legal guarantees"].rule == "label"
    assert all(s.speaker_name == "Sergei Ryabkov" for s in doc.statements)


def test_name_and_colon_attribute_a_clause_without_quotes():
    doc = analyse(["Sulla stessa linea il premier polacco Donald Tusk: la Polonia non prevede di inviare truppe in "
                   "Ucraina."], date="2024-02-27")
    (st,) = doc.statements
    assert st.rule == "colon" and st.speaker_name == "Donald Tusk"
    assert st.content == "la Polonia non prevede di inviare truppe in Ucraina"


def test_a_newspaper_reporting_a_named_speaker_is_cited_not_the_speaker():
    doc = analyse(["Macron, scrive il Corriere della Sera, ha aggiunto che la Francia farà tutto il necessario."],
                  date="2024-02-27")
    assert [s.speaker_name for s in doc.statements] == ["Emmanuel Macron"]


def test_reported_speech_inside_a_che_clause_stays_with_the_reporter():
    doc = analyse(["Il capo della diplomazia ucraina Andrii Sybiha ha spiegato che l'Ucraina ha chiesto una tregua "
                   "di un mese in cielo e in mare."], date="2025-05-16")
    (st,) = doc.statements
    assert st.speaker_name == "Andrii Sybiha"
    assert st.content.startswith("l'Ucraina ha chiesto")


def test_after_a_colon_a_named_subject_speaks_for_itself():
    doc = analyse(["Berlino ha risposto in poche ore: il cancelliere Olaf Scholz ha chiarito che non ci saranno "
                   "soldati tedeschi in Ucraina, e che gli accordi restano validi."], date="2024-02-27")
    assert {s.speaker_name for s in doc.statements} == {"Olaf Scholz"}
    assert len(doc.statements) == 2


def test_a_dropped_subject_is_whoever_opened_a_sentence_since_the_last_statement():
    doc = analyse(["Volodymyr Zelensky, ancora in volo verso Vilnius, affida la sua irritazione ai social. Definisce "
                   "«assurdo» che non sia stato fissato alcun calendario, e aggiunge che l'incertezza è una "
                   "debolezza. Davanti ai giornalisti sostiene che la strada resta lunga."], date="2023-07-11")
    assert len(doc.statements) == 3
    assert {s.speaker_name for s in doc.statements} == {"Volodymyr Zelensky"}


def test_english_do_support_and_told_reporters_that():
    doc = analyse(["Wendy Sherman spoke after the meeting. She did say Washington was open to talks on missile limits.",
                   "Earlier, President Putin's spokesman, Dmitry Peskov, told reporters in Moscow that Russia would "
                   "go into the talks with a clear position."], lang="en", date="2022-01-10")
    said = {s.speaker_name: s for s in doc.statements}
    assert said["Wendy Sherman"].content.startswith("Washington was open")
    assert said["Dmitry Peskov"].content.startswith("Russia would go")
    assert said["Dmitry Peskov"].rule == "leading"


def test_a_question_reports_nothing():
    doc = analyse(["So is the Kremlin signalling that it will keep talking after the summit?"], lang="en",
                  date="2022-01-10")
    assert doc.statements == []


def test_two_verbs_of_one_speaker_make_two_statements():
    doc = analyse(["Il presidente francese Emmanuel Macron ha definito la posizione russa «inaccettabile» e ha chiesto "
                   "che l'Europa si coordini su nuove sanzioni."], date="2025-05-16")
    contents = sorted(s.content for s in doc.statements)
    assert contents == ["che l'Europa si coordini su nuove sanzioni", "la posizione russa «inaccettabile»"] or \
        contents == ["l'Europa si coordini su nuove sanzioni", "la posizione russa «inaccettabile»"]
    assert {s.speaker_name for s in doc.statements} == {"Emmanuel Macron"}


def test_told_an_audience_then_a_clause_and_a_quote_after_the_colon():
    doc = analyse(['Zelensky told reporters he would not withdraw troops from Donetsk: "We are not going to hand '
                   'over our land."'], lang="en", date="2025-12-16")
    said = sorted((s.rule, s.content) for s in doc.statements)
    assert said == [("continuation", "We are not going to hand over our land"),
                    ("leading", "he would not withdraw troops from Donetsk")]
    assert {s.speaker_name for s in doc.statements} == {"Volodymyr Zelensky"}


def test_the_ordinal_secondo_is_not_an_attribution():
    doc = analyse(["La Germania è il secondo fornitore di aiuti militari dopo gli Stati Uniti e continuerà a esserlo."],
                  date="2023-07-12")
    assert doc.statements == []


def test_a_cue_after_a_relative_pronoun_has_the_antecedent_as_speaker():
    doc = analyse(["Il capo della delegazione russa, Vladimir Medinsky, che ha detto che Mosca è pronta a proseguire i "
                   "contatti, ha lasciato Istanbul in serata."], date="2025-05-16")
    (st,) = doc.statements
    assert st.speaker_name == "Vladimir Medinsky"
    assert st.content.startswith("Mosca è pronta")



@pytest.mark.parametrize("date", ["2025-09-05", None])
def test_a_vague_reference_in_the_sentence_before_does_not_date_the_statement(date):
    # "FUTURE_REF" has as many characters as a day: it must not pass for one
    paragraphs = ["The allies fear a possible future attack by Russia on the region.",
                  "But Peskov said a European troop deployment would mean a NATO presence there."]
    if date:
        doc = analyse(paragraphs, date=date, lang="en")
    else:
        doc = analyse_text(LEAD_EN + "\n\n" + "\n\n".join(paragraphs) + "\n", source="test.txt", ctx=CTX)
    st = by_content(doc, "European troop deployment")
    assert st.date == date


def test_cosi_in_a_paragraph_of_its_own_names_the_speaker_of_the_quotation_before():
    doc = analyse(['"Dai colloqui di oggi capisco che le condizioni per entrare nella Nato arriveranno con la pace".',
                   "Così il presidente ucraino Volodymyr Zelensky, durante la conferenza stampa a Vilnius.",
                   '"Abbiamo bisogno di segnali chiari dai nostri partner", prosegue.'])
    first = by_content(doc, "Dai colloqui di oggi")
    assert first.speaker_name == "Volodymyr Zelensky" and first.rule == "backward"
    assert by_content(doc, "Abbiamo bisogno di segnali").speaker_name == "Volodymyr Zelensky"


def test_a_paragraph_introduced_by_a_reporting_clause_and_a_colon_is_its_content():
    doc = analyse(["Il presidente russo Vladimir Putin ha parlato a lungo con i giornalisti al Cremlino.",
                   "Il presidente russo ha ribadito esplicitamente:",
                   "se Kiev ritirerà i suoi reparti dalle regioni contese, Mosca fermerà subito l'offensiva."])
    st = by_content(doc, "Mosca fermerà subito l'offensiva")
    assert st.speaker_name == "Vladimir Putin" and st.cue == "ha ribadito"


def test_a_name_alone_before_a_colon_says_the_next_paragraph():
    doc = analyse(["Giorgia Meloni ha presentato a Bruxelles la sua proposta per l'Ucraina.", "Giorgia Meloni:",
                   "Una missione europea renderebbe più sicuro tutto il continente, e Kiev avrebbe finalmente uno scudo."])
    st = by_content(doc, "Una missione europea renderebbe")
    assert st.speaker_name == "Giorgia Meloni" and st.rule == "label"


def test_a_colon_that_introduces_a_list_makes_no_statement():
    doc = analyse(["Il piano comprende i seguenti elementi:",
                   "un meccanismo di monitoraggio del cessate il fuoco lungo la linea del fronte."])
    assert not [s for s in doc.statements if "monitoraggio" in s.content]


def test_an_unknown_speaker_speaks_for_his_role_s_state_not_for_a_state_named_in_what_he_says():
    # an invented name (Sergei Vershinin, the example before, is in the knowledge base since the 23rd session)
    doc = analyse_text("Il viceministro degli Esteri russo Sergej Zarechnov ha incontrato l'inviato a Ginevra.\n\n"
                       "In seguito Zarechnov ha detto che l'Ucraina deve accettare la neutralità.", ctx=CTX)
    said = [s for s in doc.statements if "neutralità" in s.content]
    assert said and said[0].speaker_entity_id.startswith("x:") and said[0].on_behalf_of_id == "russia"
    doc = analyse_text("Harold Pinkerton, a historian, said that if the Ukrainians sign the deal they will need "
                       "guarantees from Europe.", ctx=CTX)
    said = [s for s in doc.statements if "guarantees" in s.content]
    assert said and said[0].on_behalf_of_id is None


def test_quoted_words_in_a_sentence_are_the_words_of_who_the_sentence_opens_with():
    doc = analyse(["Kiev guarda alla neutralità \"ma solo con le adeguate garanzie\" dei partner occidentali."])
    st = by_content(doc, "adeguate garanzie")
    assert st.speaker_name == "Ukraine" and st.rule == "subject-quote" and st.kind == "mixed"


def test_a_quoted_fragment_right_after_a_statement_goes_on_with_its_speaker():
    doc = analyse(["Il ministro degli Esteri Antonio Tajani ha ribadito che l'Italia non invierà soldati in Ucraina. "
                   "Le conseguenze sarebbero \"pericolosissime, anche una terza guerra mondiale\"."])
    st = by_content(doc, "pericolosissime")
    assert st.speaker_name == "Antonio Tajani" and st.rule == "continuation"


def test_a_quoted_fragment_in_a_sentence_naming_someone_else_is_not_continued():
    doc = analyse(["Il ministro degli Esteri Antonio Tajani ha ribadito che l'Italia non invierà soldati in Ucraina. "
                   "Il giorno stesso Emmanuel Macron era a Berlino per \"una riunione molto lunga\" con i partner."])
    assert not [s for s in doc.statements if "riunione molto lunga" in s.content and s.speaker_name == "Antonio Tajani"]


def test_a_body_of_state_named_with_a_state_s_adjective_speaks_for_that_state():
    doc = analyse_text("The Turkish Foreign Ministry said on Monday that the talks in Istanbul were positive.", ctx=CTX)
    assert [(s.speaker_name, s.on_behalf_of_id) for s in doc.statements] == [("Turkish Foreign Ministry", "turkey")]
    doc = analyse_text("Il ministero degli Esteri cinese ha detto che il piano chiede il rispetto della sovranità.",
                       ctx=CTX)
    assert [s.on_behalf_of_id for s in doc.statements] == ["china"]


def test_in_an_interview_a_quotation_after_a_question_is_the_answer_of_the_person_interviewed():
    capture = (" date 2025-09-05 MONDO\nL'intervista al presidente ucraino Volodymyr Zelensky a Kiev\n\n"
               f"{LEAD_IT}\n\n"
               "E dalla Nato, che cosa si aspetta?\n\n"
               "«Un invito formale, appena le condizioni lo permetteranno, e un percorso chiaro per arrivarci.»\n")
    doc = analyse_text(capture, source="test.txt", ctx=CTX)
    st = by_content(doc, "Un invito formale")
    assert (st.rule, st.speaker_name) == ("answer", "Volodymyr Zelensky")


def test_outside_an_interview_a_quotation_after_a_question_is_not_an_answer():
    doc = analyse(["Che cosa si aspettano i partner europei nei prossimi mesi?",
                   "«Garanzie di sicurezza concrete e non soltanto parole di sostegno.»"])
    assert not [s for s in doc.statements if s.rule == "answer"]


def test_praising_mentioning_and_reaffirming_are_acts_that_report_a_position():
    doc = analyse(["Volodymyr Zelensky ha elogiato i documenti sostanziali sulle garanzie di sicurezza.",
                   "Giorgia Meloni ha riaffermato l'unità di intenti nel sostegno all'Ucraina."])
    assert by_content(doc, "documenti sostanziali").speaker_name == "Volodymyr Zelensky"
    assert by_content(doc, "unità di intenti").speaker_name == "Giorgia Meloni"


def test_a_social_platform_is_where_something_was_said_never_who_said_it():
    doc = analyse_text('"We need real guarantees," Andriy Yermak wrote on Twitter after the talks.', ctx=CTX)
    assert [(s.speaker_entity_id, s.channel) for s in doc.statements] == [("andriy-yermak", "on Twitter")]
    doc = analyse_text("Ieri, su Telegram, ha scritto che la Russia non accetterà truppe straniere.", ctx=CTX)
    assert all(s.speaker_entity_id != "telegram" for s in doc.statements)


def test_an_aside_naming_where_a_statement_was_reported_is_neither_content_nor_speaker():
    for text in ("Il portavoce del Cremlino Dmitry Peskov, come riporta l'agenzia Tass, ha minacciato «reazioni "
                 "negative» da parte della Russia.",
                 "Come riporta l'agenzia Tass, il portavoce del Cremlino Dmitry Peskov ha minacciato «reazioni "
                 "negative» da parte della Russia."):
        doc = analyse_text(text, ctx=CTX)
        assert [(s.speaker_entity_id, s.cited_source) for s in doc.statements] == [("dmitry-peskov", "TASS")], text
        assert "Tass" not in doc.statements[0].content


def test_the_head_of_an_unnamed_ministry_is_its_minister_named_before():
    doc = analyse_text("«Siamo d'accordo», ha detto Lavrov. Il capo del Ministero degli Esteri, in serata, ha "
                       "aggiunto che Mosca aspetta una risposta scritta.", ctx=CTX)
    assert [s.speaker_entity_id for s in doc.statements] == ["sergey-lavrov", "sergey-lavrov"]


def test_the_nouns_a_name_may_modify_are_joined_once_per_language():
    parsed = attribution_lexicon("en")
    heads = _head_nouns("en")
    assert heads == parsed.anonymous_nouns | parsed.speakers.epithets | parsed.organisation_nouns
    assert "spokesman" in heads and _head_nouns("en") is heads  # read once, not joined again on each call
