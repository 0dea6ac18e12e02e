"""Stance rules that misread a construction, on sentences of our own writing: an if-clause that does not
condition the issue's clause (beside it, in another sentence, an aside "if any", or what the other side
says it wants), a rejection in the reporting clause said of something else, a negation in the next
sentence or in a coordinated clause, a negated act against the issue, someone's veto over an issue, a
ban on it lifted, an issue named as a mere prospect or as a time limit ("until it joins NATO"), a
"before" that only orders two sayings, what comes "only with" as the condition wanted first, a limited
role, "no further" and "a demand against", a rejection by another side than the speaker's. Rules alone (no learned model); where the parse
decides, through the whole pipeline."""
from __future__ import annotations


import pytest

from garante import analyse_text
from garante.codebook import Codebook
from garante.extract.stances import classify

from conftest import HAS_IT_PARSER
from helpers import RULES, rule_stances as parsed


def plain(text: str, lang: str = "en") -> dict[str, tuple[str, str]]:
    return {s.issue: (s.stance, s.rule) for s in classify(text, None, lang, Codebook.load())}


# --- if-clauses -------------------------------------------------------------------------------------

def test_a_condition_on_a_coordination_conditions_each_conjunct():
    got = parsed("The Kremlin said Moscow would only cease fire and open talks if Kyiv withdrew its forces.")
    assert got["ceasefire"][0] == "conditional"


def test_a_condition_on_the_issues_own_clause_still_conditions_it():
    got = parsed("The prime minister said Britain would send troops to Ukraine if a peace deal is signed.")
    assert got["foreign_troops_in_ukraine"] == ("conditional", "if-clause")


@pytest.mark.parametrize("conjunction", ["and", "but"])
def test_a_condition_before_another_clause_does_not_condition_the_issue(conjunction):
    got = parsed(f"The minister said the allies will keep sending weapons to Kyiv, {conjunction} if the talks "
                 "fail in June they will meet again in Rome.")
    assert got["military_aid_to_ukraine"][0] == "support"


def test_if_any_is_an_aside_not_a_condition():
    got = parsed("The minister said it is for Kyiv alone to decide which foreign troops, if any, should be "
                 "stationed on its soil.")
    assert got.get("foreign_troops_in_ukraine", ("", ""))[0] != "conditional"


@pytest.mark.parametrize("text", [
    "The chancellor said that if Moscow really wants peace, it must accept a ceasefire now.",
    "The chancellor said that if the Kremlin is serious about talks, it has to agree to a ceasefire.",
])
def test_a_demand_on_what_the_other_side_says_it_wants_is_no_condition(text):
    assert parsed(text)["ceasefire"][0] == "support"


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_a_demand_on_what_the_other_side_says_it_wants_is_no_condition_in_italian():
    got = parsed("Il cancelliere ha detto che se Mosca vuole davvero la pace, deve accettare subito un cessate "
                 "il fuoco.")
    assert got["ceasefire"][0] == "support"


@pytest.mark.parametrize("lang,text", [
    ("en", "Moscow could have agreed to a ceasefire months ago if it had really wanted to end the war"),
    ("it", "Mosca avrebbe potuto accettare una tregua da mesi, se avesse davvero voluto la pace"),
])
def test_a_past_that_did_not_happen_is_a_reproach_not_a_condition(lang, text):
    assert plain(text, lang)["ceasefire"][0] == "support"


def test_an_offer_to_what_the_other_side_wants_stays_conditional():
    got = parsed("The president said Zelensky can come to Moscow for a meeting if he really wants to talk.")
    assert got["leaders_summit"][0] == "conditional"


# --- a rejection in the reporting clause ------------------------------------------------------------

def test_a_rejection_said_of_another_speakers_words_is_not_this_statements():
    doc = analyse_text("Peskov said the plan was dangerous, after Macron said European troops could go to "
                       "Ukraine.", ctx=RULES)
    macron = [st for st in doc.statements if "Macron" in (st.speaker_name or "")]
    assert macron and all(s.rule != "frame-rejection" for s in macron[0].stances)


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_a_rejection_the_reporting_verb_makes_still_opposes():
    got = parsed("Il ministro degli Esteri russo ha respinto l'idea di una forza di pace europea in Ucraina.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_criticising_someone_for_not_wanting_something_supports_it():
    got = parsed("Lavrov ha criticato i leader europei per non voler discutere le garanzie di sicurezza su una "
                 "base collettiva con la Russia.")
    assert got["collective_security_with_russia"] == ("support", "frame-double-negative")


# --- negations ---------------------------------------------------------------------------------------

@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_a_negation_in_the_next_sentence_does_not_bear_on_the_issue():
    got = parsed("Zelensky ha dichiarato: «Il futuro dell'Ucraina sono garanzie di sicurezza verificate. Non "
                 "accetteremo altri modelli».")
    assert got.get("western_security_guarantees", ("", ""))[0] != "oppose"


def test_a_negation_in_a_coordinated_clause_is_that_clauses():
    got = parsed("The defence secretary said Washington rejects sending U.S. troops and does not see NATO "
                 "membership for Kyiv as realistic.")
    assert got["us_backstop"] == ("oppose", "rejection")
    assert got["ukraine_nato_membership"] == ("oppose", "negation")


def test_coordinated_clauses_that_share_the_subject_share_its_negation():
    got = parsed("The minister said sanctions have not worked and will never work.")
    assert got["sanctions_on_russia"] == ("oppose", "negation")


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
@pytest.mark.parametrize("text,issue", [
    ("Washington ha risposto insistendo sul fatto che non permetterà a nessuno di vietare l'allargamento "
     "della Nato.", "nato_eastward_expansion"),
    ("Il ministro ha risposto sottolineando che gli Stati Uniti non consentiranno a nessuno di impedire "
     "l'adesione dell'Ucraina alla Nato.", "ukraine_nato_membership"),
])
def test_not_letting_anyone_act_against_the_issue_supports_it(text, issue):
    assert parsed(text)[issue] == ("support", "double-negative")


# --- words of the clause ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,issue", [
    ("en", "The treaty would give Moscow an effective veto over any military support for Ukraine",
     "military_aid_to_ukraine"),
    ("it", "Il trattato darebbe a Mosca un diritto di veto sugli aiuti militari all'Ucraina",
     "military_aid_to_ukraine"),
])
def test_someones_veto_over_an_issue_takes_no_side_on_it(lang, text, issue):
    assert issue not in plain(text, lang)


@pytest.mark.parametrize("lang,text,side", [
    ("en", "Washington should lift the ban on long-range weapons for Kyiv", "support"),
    ("en", "Washington will not lift the ban on long-range weapons for Kyiv", "oppose"),
    ("it", "Washington deve revocare il divieto di inviare armi a lungo raggio a Kiev", "support"),
])
def test_lifting_a_ban_on_the_issue_lets_it_happen(lang, text, side):
    assert plain(text, lang)["military_aid_to_ukraine"][0] == side


@pytest.mark.parametrize("lang,text,issue", [
    ("it", "Le dichiarazioni sul possibile invio di truppe in Ucraina hanno acceso il dibattito a Parigi",
     "foreign_troops_in_ukraine"),
    ("en", "The potential accession of Ukraine to NATO dominated the ministers' dinner in Brussels",
     "ukraine_nato_membership"),
])
def test_an_issue_named_as_a_mere_prospect_is_not_supported(lang, text, issue):
    assert plain(text, lang).get(issue, ("", ""))[1] != "named"


def test_before_saying_orders_two_sayings_and_sets_no_condition():
    got = plain("The envoy repeated the offer before saying Kyiv must give up Donetsk")
    assert got.get("territorial_withdrawal", ("", ""))[0] != "conditional"


@pytest.mark.parametrize("lang,text", [
    ("en", "A lasting peace can come only with legally binding security guarantees for Ukraine"),
    ("it", "Una pace duratura può arrivare solo con una solida garanzia di sicurezza per l'Ucraina"),
])
def test_what_comes_only_with_is_the_condition_wanted_first(lang, text):
    assert plain(text, lang)["western_security_guarantees"] == ("support", "precondition")


@pytest.mark.parametrize("lang,text", [
    ("en", "The allies will stand by Ukraine until it joins NATO"),
    ("it", "Gli alleati sosterranno Kiev finché non entrerà nella Nato"),
])
def test_an_issue_named_as_a_time_limit_takes_no_side(lang, text):
    assert "ukraine_nato_membership" not in plain(text, lang)


@pytest.mark.parametrize("lang,text", [
    ("en", "Washington wants only a limited role in any security guarantees for Ukraine"),
    ("it", "Gli Stati Uniti avranno un ruolo limitato nelle garanzie di sicurezza per l'Ucraina"),
])
def test_a_limited_role_is_conditional(lang, text):
    assert plain(text, lang)["us_backstop"] == ("conditional", "condition")


def test_when_the_conditions_are_met_is_conditional_past_an_elided_word():
    got = plain("Gli alleati inviteranno Kiev a entrare nella Nato quando gli alleati saranno d'accordo e le "
                "condizioni saranno soddisfatte", "it")
    assert got["ukraine_nato_membership"] == ("conditional", "condition")


@pytest.mark.parametrize("lang,text,side", [
    ("en", "Moscow wants no further NATO enlargement", "oppose"),
    ("it", "Mosca chiede nessun ulteriore allargamento della Nato", "oppose"),
    ("en", "The president repeated his demand against NATO enlargement to the east", "oppose"),
])
def test_no_further_and_a_demand_against_oppose(lang, text, side):
    assert plain(text, lang)["nato_eastward_expansion"][0] == side


@pytest.mark.parametrize("text", [
    "The spokesman said it was NATO enlargement to the east that could be counted among the root causes of "
    "the conflict.",
    pytest.param("Il ministro ha detto che l'allargamento della Nato a est è tra le cause profonde del conflitto.",
                 marks=pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")),
])
def test_among_the_root_causes_blames_the_issue(text):
    assert parsed(text)["nato_eastward_expansion"] == ("oppose", "rejection")


@pytest.mark.parametrize("text", [
    "The foreign minister said Moscow was deeply worried about NATO enlargement to the east.",
    pytest.param("Il ministro ha detto che Mosca è preoccupata per l'allargamento della Nato a est.",
                 marks=pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")),
])
def test_worry_about_the_issue_opposes_it(text):
    assert parsed(text)["nato_eastward_expansion"] == ("oppose", "rejection")


@pytest.mark.parametrize("text", [
    "The Kremlin demanded assurances that Ukraine does not join NATO.",
    pytest.param("Il Cremlino ha chiesto garanzie che l'Ucraina non aderisca alla Nato.",
                 marks=pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")),
])
def test_asking_for_the_issue_not_to_happen_opposes_it(text):
    assert parsed(text)["ukraine_nato_membership"] == ("oppose", "frame-negated")


@pytest.mark.parametrize("lang,text,issue", [
    ("en", "Kyiv is looking closely at a neutral status for Ukraine", "ukraine_neutrality"),
    ("en", "The allies first need clarity on the mandate of any peacekeeping force in Ukraine",
     "foreign_troops_in_ukraine"),
    ("it", "Il governo di Kiev sta valutando uno status di neutralità per l'Ucraina", "ukraine_neutrality"),
    ("it", "Serve chiarire il mandato di una eventuale forza di pace europea in Ucraina", "foreign_troops_in_ukraine"),
])
def test_looking_at_the_issue_or_asking_what_it_is_is_neutral(lang, text, issue):
    assert plain(text, lang)[issue] == ("neutral", "hedge")


@pytest.mark.parametrize("lang,text,named", [
    # a meeting held in the city is an event, not the 2022 draft
    ("en", "Both delegations are preparing for new talks in Istanbul next week", False),
    ("it", "Le delegazioni si preparano ai negoziati che si terranno a Istanbul la prossima settimana", False),
    # the draft, the agreement, the talks of 2022 are
    ("en", "The draft agreed in Istanbul should be the basis of a settlement", True),
    ("it", "I colloqui di pace a Istanbul nell'aprile 2022 restano la base di un accordo", True),
    # taking the talks up again where they stopped is the earlier process
    ("en", "Moscow wants to resume the talks where they broke off in Istanbul", True),
    ("it", "Mosca vuole riprendere i colloqui da dove si erano interrotti a Istanbul", True),
])
def test_talks_held_in_istanbul_are_not_the_istanbul_framework(lang, text, named):
    assert ("istanbul_framework" in plain(text, lang)) == named


@pytest.mark.parametrize("text,issue", [
    ("The minister said Europe will keep sending weapons to Kyiv in opposition to Russian aggression.",
     "military_aid_to_ukraine"),
    ("The minister said that, given the Kremlin's refusal to end the war, the allies are tightening sanctions "
     "on Russia.", "sanctions_on_russia"),
])
def test_a_rejection_noun_in_a_phrase_beside_the_predicate_bears_on_its_own_object(text, issue):
    assert parsed(text)[issue][0] == "support"


def test_what_the_object_is_taken_for_is_said_of_it():
    got = parsed("Moscow sees the alliance's military build-up in Finland as a direct threat, the Russian "
                 "foreign ministry said.")
    assert got["nato_eastward_expansion"] == ("oppose", "rejection")


def test_a_condition_opening_a_quotation_is_a_condition():
    got = parsed('The envoy voiced doubts about Moscow, saying: "If they do not accept the ceasefire, there '
                 'will be a heavy price to pay."')
    assert got.get("ceasefire", ("", ""))[0] != "oppose"


@pytest.mark.parametrize("lang,text,issue,side", [
    ("en", "Ukraine would not be satisfied with any decision of the summit other than an invitation to join NATO",
     "ukraine_nato_membership", "support"),
    ("it", "Kiev non accetterà dal vertice altro che un invito ad aderire alla Nato", "ukraine_nato_membership",
     "support"),
    ("it", "Non ci sono altre opzioni se non un cessate il fuoco immediato", "ceasefire", "support"),
    # "se non" before a verb is still "if not": a condition
    ("it", "Se non arriverà un cessate il fuoco, manderemo truppe in Ucraina", "foreign_troops_in_ukraine",
     "conditional"),
])
def test_the_one_thing_left_after_a_negation_is_asked_for(lang, text, issue, side):
    assert plain(text, lang)[issue][0] == side


def test_a_rejection_by_another_side_is_blamed_not_held():
    # the speaker reports what the other side refused: he is for what was refused
    kyiv = parsed("Kiev, 3 giugno 2025 - Il ministro degli Esteri ucraino Andrii Sybiha ha detto che la Russia ha "
                  "respinto l'offerta di Kiev di un cessate il fuoco incondizionato.")
    assert kyiv.get("ceasefire") == ("support", "rejected-by-another")
    # the same refusal said by its own side, or in a relative clause about something else, stays a rejection
    moscow = parsed("Mosca, 3 giugno 2025 - Il portavoce del Cremlino Dmitrij Peskov ha detto che la Russia respinge "
                    "la proposta di un cessate il fuoco incondizionato.")
    assert moscow.get("ceasefire") == ("oppose", "rejection")
    english = parsed("Kyiv, 3 June 2025 - Ukrainian Foreign Minister Andrii Sybiha said that Moscow rejected the "
                     "offer of an unconditional ceasefire.")
    assert english.get("ceasefire") == ("support", "rejected-by-another")
    relative = parsed("Moscow, 3 June 2025 - Russian Foreign Minister Sergei Lavrov said Russia wants guarantees "
                      "against NATO membership for Ukraine, which Washington rejected.")
    assert relative.get("ukraine_nato_membership", ("",))[0] != "support"


# --- members of NATO ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rutte said that the European members of NATO must spend more on defence.",
    "Il ministro ha detto che ogni Stato membro della Nato deve spendere di più per la difesa.",
    "Il ministro ha detto che i membri europei della Nato devono spendere di più per la difesa.",
])
def test_the_allies_named_as_members_are_not_ukraines_membership(text):
    assert "ukraine_nato_membership" not in parsed(text)


@pytest.mark.parametrize("text", [
    "Zelensky said Ukraine will become a full member of NATO.",
    "Zelensky ha detto che il suo Paese è già di fatto il trentatreesimo membro della Nato.",
])
def test_ukraine_as_a_member_is_its_membership(text):
    assert parsed(text)["ukraine_nato_membership"][0] == "support"


# --- everyday wordings of an issue ---------------------------------------------------------------------

@pytest.mark.parametrize("text, issue", [
    ("Il portavoce ha detto che un vertice fra i presidenti dei due Paesi non è previsto.", "leaders_summit"),
    ("Il presidente ucraino ha detto che il capo del Cremlino può venire a Kiev quando vuole.", "leaders_summit"),
    ("The spokesman said a meeting between Vladimir Putin and Volodymyr Zelensky could follow a deal.",
     "leaders_summit"),
    ("Il ministro ha ricordato che quei principi furono concordati a Istanbul da entrambe le delegazioni.",
     "istanbul_framework"),
    ("Il ministro ha detto che Mosca vuole un nuovo sistema di sicurezza paneuropea.",
     "collective_security_with_russia"),
    ("The minister said Moscow wants a pan-European security architecture.", "collective_security_with_russia"),
])
def test_everyday_wordings_name_the_issue(text, issue):
    assert issue in parsed(text)


def test_talks_held_again_in_istanbul_are_not_the_2022_framework():
    assert "istanbul_framework" not in parsed("Il ministro ha detto che i negoziati riprenderanno domani a Istanbul "
                                              "con una nuova delegazione.")


@pytest.mark.parametrize("text, issue, side", [
    ("Emmanuel Macron said Europe must think about how to give guarantees to Russia one day.",
     "collective_security_with_russia", "support"),
    ("Jens Stoltenberg said Finland's membership makes the whole alliance stronger.", "nato_eastward_expansion",
     "support"),
    ("Wendy Sherman ha detto che gli Stati Uniti non limiteranno l'ingresso di nuovi paesi nella Nato.",
     "nato_eastward_expansion", "support"),
    ("Wendy Sherman said the United States would not limit the entry of new members into NATO.",
     "nato_eastward_expansion", "support"),
    ("Volodymyr Zelensky ha detto che l'accordo di sicurezza con gli Stati Uniti è quasi pronto.", "us_backstop",
     "support"),
    ("Jake Sullivan said the allies would answer an invasion with severe economic measures.",
     "sanctions_on_russia", None),
])
def test_everyday_wordings_take_a_side(text, issue, side):
    got = parsed(text)
    assert issue in got
    if side:
        assert got[issue][0] == side


def test_a_door_kept_open_for_others_is_enlargement_supported():
    got = parsed("Wendy Sherman ha detto: «Non permetteremo a nessuno di chiudere la porta alla Nato ad altri "
                 "Paesi».")
    assert got["nato_eastward_expansion"][0] == "support"


@pytest.mark.parametrize("text, issue", [
    ("Sergei Ryabkov said Russia wants firm guarantees of NATO non-expansion.", "nato_eastward_expansion"),
    ("Sergei Ryabkov ha detto che Mosca vuole garanzie solide di non allargamento della Nato.",
     "nato_eastward_expansion"),
])
def test_a_noun_negated_in_itself_is_the_issue_opposed(text, issue):
    assert parsed(text)[issue][0] == "oppose"


@pytest.mark.parametrize("text, issue", [
    ("Emmanuel Macron said the allies must support Ukraine with more weapons this winter.", "military_aid_to_ukraine"),
    ("Emmanuel Macron ha detto che bisogna sostenere l'Ucraina con nuove armi.", "military_aid_to_ukraine"),
    ("Recep Tayyip Erdogan said Ankara is ready to host a leaders' summit in Istanbul.", "leaders_summit"),
    ("Recep Tayyip Erdogan ha detto di voler negoziare sia con Putin che con Zelensky.", "leaders_summit"),
    ("Volodymyr Zelensky said Ukraine needs firm security guarantees from the United States.", "us_backstop"),
    ("Volodymyr Zelensky ha detto che a Kiev servono garanzie americane solide.", "us_backstop"),
])
def test_more_everyday_wordings_name_the_issue(text, issue):
    assert parsed(text)[issue][0] == "support"


@pytest.mark.parametrize("text, issue, side", [
    ("Volodymyr Zelensky ha detto che l'Ucraina non accetterà di ritirare il suo esercito dalle zone sotto il suo "
     "controllo.", "territorial_withdrawal", "oppose"),
    ("Mikhail Podolyak ha detto che Kiev non farà alcuna concessione di territori.", "territorial_withdrawal",
     "oppose"),
    ("Volodymyr Zelensky said Ukraine will not turn over territory it controls.", "territorial_withdrawal", "oppose"),
    ("Marco Rubio said the Istanbul protocol could still guide the talks.", "istanbul_framework", "support"),
    ("Dmitry Peskov said NATO must not place missiles on Russia's doorstep.", "nato_eastward_expansion", "oppose"),
])
def test_wordings_of_territory_istanbul_and_proximity(text, issue, side):
    assert parsed(text)[issue][0] == side


def test_concessions_offered_by_russia_are_not_ukraine_ceding_land():
    assert "territorial_withdrawal" not in parsed("Steve Witkoff ha detto che la Russia ha offerto concessioni in "
                                                  "alcune regioni.")
