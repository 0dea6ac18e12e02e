"""Codebook wordings kept because they held on corpus documents nobody had read when they were written
(issue 13, the fourteenth session's transfer check: the odd-numbered train documents of the night, eleventh,
twelfth and thirteenth rounds), each on sentences of our own writing. Rules alone (no learned model)."""
from __future__ import annotations

import pytest

from helpers import issue_stances as sides


# --- batch A: the land, the truce and the leaders' meeting in everyday words -----------------------------------

@pytest.mark.parametrize("text, lang, side", [
    ("The president ruled out any territorial compromise with Moscow.", "en", "oppose"),
    ("Il ministro ha escluso qualsiasi compromesso territoriale con Mosca.", "it", "oppose"),
    ("Moscow demands the full withdrawal of Ukraine's armed forces from the Donbas region.", "en", "support"),
    ("Il Cremlino chiede il ritiro completo delle truppe ucraine dal Donbass.", "it", "support"),
    ("The plan would see a complete pullback of Ukrainian troops from Donetsk.", "en", "support"),
    ("Washington wants Ukraine to withdraw from the remaining part of the Donetsk region.", "en", "support"),
    ("Secondo la bozza Kiev cede due regioni in cambio della fine della guerra.", "it", "support"),
])
def test_the_land_in_everyday_words(text, lang, side):
    assert sides(text, lang).get("territorial_withdrawal") == side


@pytest.mark.parametrize("text, lang", [
    ("Zelensky proposed to hold a referendum on the territories.", "en"),
    ("Zelensky ha proposto un referendum sul futuro del Donbass.", "it"),
    ("The envoys discussed a demilitarized zone in the part of Donetsk still held by Kyiv.", "en"),
    ("L'Unione europea non riconoscerà mai i finti referendum nelle regioni occupate.", "it"),
])
def test_a_vote_or_a_zone_on_the_land_names_the_issue(text, lang):
    assert "territorial_withdrawal" in sides(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Russian troops withdrew from Kherson in 2022.", "en"),
])
def test_russian_troops_leaving_are_not_kyivs_withdrawal(text, lang):
    assert "territorial_withdrawal" not in sides(text, lang)


def test_demanding_russian_troops_leave_opposes_kyivs_withdrawal():
    # the corpus guide ("Our immediate condition is the withdrawal of Russian troops" -> territorial_withdrawal
    # oppose): the occupier leaving is the opposite of Kyiv ceding (twenty-eighth session; was "not the issue")
    assert sides("Kyiv demands the withdrawal of Russian troops from Donbas.", "en").get("territorial_withdrawal") == "oppose"


@pytest.mark.parametrize("text, lang", [
    ("Il Papa chiede un cessate-il-fuoco senza indugio.", "it"),
    ("The envoy called for a halt in the fighting before any talks on a settlement.", "en"),
])
def test_the_truce_in_other_spellings(text, lang):
    assert sides(text, lang).get("ceasefire") == "support"


@pytest.mark.parametrize("text, lang", [
    ("Zelensky renewed his call for direct talks with Russian President Vladimir Putin.", "en"),
    ("Zelensky ha chiesto negoziati diretti con Putin.", "it"),
    ("We have to come to an agreement with the president of the Russian Federation.", "en"),
    ("Il presidente ha invitato il suo omologo a incontrarsi a Kiev.", "it"),
    ("Erdogan hopes Putin will come to Istanbul in person.", "en"),
])
def test_the_leaders_meeting_in_everyday_words(text, lang):
    assert sides(text, lang).get("leaders_summit") == "support"


@pytest.mark.parametrize("text, lang", [
    ("Putin came to power in 2000.", "en"),
    ("Negotiators met in Istanbul on Friday.", "en"),
])
def test_no_meeting_of_leaders_where_none_is_named(text, lang):
    assert "leaders_summit" not in sides(text, lang)


# --- batch B: the guarantees, Washington's part and Moscow's say in everyday words ------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Kiev chiede una vera garanzia di sicurezza, non promesse sulla carta.", "it"),
    ("Il ministro ha detto che servono garanzie di sicurezza affidabili per Kiev.", "it"),
    ("The foreign minister said a peace deal needs international security guarantees.", "en"),
    ("An allied contingent on the ground would be a genuine security guarantee, the general said.", "en"),
    ("The security guarantees offered to Ukraine must be backed by capable troops.", "en"),
])
def test_firm_guarantees_in_other_words(text, lang):
    assert sides(text, lang).get("western_security_guarantees") == "support"


def test_promises_of_safety_rejected_by_moscow():
    assert sides("Moscow called the G7 safety promises to Kyiv misguided and threatening.").get(
        "western_security_guarantees") == "oppose"


@pytest.mark.parametrize("text, lang, side", [
    ("Londra è pronta a schierare un contingente, a patto che ci sia una copertura Usa.", "it", "support"),
    ("Trump ha escluso il dispiegamento di forze di terra statunitensi in Ucraina.", "it", "oppose"),
    ("The deal would include U.S. defense commitments for fifteen years.", "en", "support"),
    ("There can be no viable guarantee for Kyiv without support from the United States.", "en", "support"),
])
def test_washingtons_part_in_other_words(text, lang, side):
    assert sides(text, lang).get("us_backstop") == side


@pytest.mark.parametrize("text, lang", [
    ("No country should strengthen its security at the expense of the security of others, the minister said.", "en"),
    ("Nessuno deve rafforzare la propria sicurezza a spese della sicurezza degli altri, ha detto il ministro.", "it"),
    ("Moscow's security concerns must be addressed, Beijing said.", "en"),
    ("Il ministro ha detto che la Russia parteciperà alla discussione sulle garanzie di sicurezza.", "it"),
    ("Non si può discutere di garanzie di sicurezza escludendo la Russia.", "it"),
    ("Lavrov criticised attempts to build security arrangements without consulting Moscow.", "en"),
])
def test_moscows_say_in_other_words(text, lang):
    assert sides(text, lang).get("collective_security_with_russia") == "support"


# --- batch D: what the guarantee answers, the costs threatened on Moscow, the 2022 draft by its year --------------

@pytest.mark.parametrize("text, lang", [
    ("The treaty would include binding commitments to support the country in the event of a new Russian attack.", "en"),
    ("Gli alleati si impegnano a intervenire in caso di nuova aggressione russa.", "it"),
    ("The leaders want to offer protection to Ukraine, the adviser said.", "en"),
    ("I leader europei vogliono offrire protezione all'Ucraina.", "it"),
])
def test_what_the_guarantee_answers(text, lang):
    assert sides(text, lang).get("western_security_guarantees") == "support"


def test_an_attack_on_an_ally_is_not_kyivs_guarantee():
    assert "western_security_guarantees" not in sides("In case of an attack on an ally, the alliance responds.")


@pytest.mark.parametrize("text, lang", [
    ("Gli Stati Uniti sono pronti a imporre alla Russia costi pesanti.", "it"),
    ("Il ministro ha avvertito di conseguenze molto gravi per Mosca.", "it"),
    ("The senators want to impose new costs on Russia.", "en"),
])
def test_costs_threatened_on_moscow_are_pressure(text, lang):
    assert sides(text, lang).get("sanctions_on_russia") == "support"


@pytest.mark.parametrize("text, lang", [
    ("Moscow wants to revive a proposal that was discussed between the two sides in 2022.", "en"),
    ("Il Cremlino vuole rilanciare la bozza negoziata dalle due delegazioni nel 2022.", "it"),
])
def test_the_2022_draft_named_by_its_year(text, lang):
    assert sides(text, lang).get("istanbul_framework") == "support"
