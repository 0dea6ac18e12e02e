"""Codebook wordings and stance cues kept because they held on corpus documents nobody had read when they
were written (issue 13, the eleventh session's transfer check), each on sentences of our own writing:
an end to the hostilities or the bloodshed is the ceasefire; the economic cost threatened and more
pressure (not on Kyiv) are sanctions; hosting the leaders' meeting, or negotiating with the other side's
president, is the leaders' summit; "without the Russian Federation" is the inverted cue of collective
security; "error" and "act of war" reject what they are said of. Rules alone (no learned model)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import issue_stances as sides, rule_sides as parsed

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
needs_it = pytest.mark.skipif(not HAS_IT_PARSER, reason="the Italian parser is not installed")


# --- an end to the hostilities is the ceasefire ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The hostilities must end along the whole front before anything else.",
    "Our first task must be ending the bloodshed in the east.",
    "We want to halt the hostilities before any talks on a settlement.",
])
def test_an_end_to_the_hostilities_is_the_ceasefire(text):
    assert "ceasefire" in sides(text)


@pytest.mark.parametrize("text", [
    "Il Papa ha rinnovato l'appello a una cessazione immediata delle ostilità.",
    "Serve far tacere le armi prima di sedersi al tavolo.",
])
def test_an_end_to_the_hostilities_is_the_ceasefire_in_italian(text):
    assert "ceasefire" in sides(text, "it")


def test_the_end_of_the_war_after_which_something_happens_is_not_a_ceasefire():
    # "dopo la fine delle ostilità" dates a plan; it does not ask for a truce
    assert "ceasefire" not in sides("Gli aerei resteranno in Polonia dopo la fine delle ostilità.", "it")


# --- the economic cost and more pressure are sanctions ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Any new offensive would bring terrible economic ramifications for Moscow.",
    "An attack would carry severe costs for the Russian economy.",
    "The allies should apply further pressure until the Kremlin negotiates.",
])
def test_the_economic_cost_and_more_pressure_are_sanctions(text):
    assert sides(text).get("sanctions_on_russia") in ("support", "conditional")


def test_more_pressure_on_kyiv_is_not_a_sanction_on_russia():
    assert "sanctions_on_russia" not in sides("Washington will put more pressure on Kyiv to accept the plan.")


def test_italian_international_pressure_is_sanctions():
    got = sides("Per arrivare alla pace serve un'ulteriore pressione internazionale.", "it")
    assert got.get("sanctions_on_russia") == "support"


# --- the leaders' meeting: hosting it, negotiating with the other president ------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Ankara is ready to host a summit of the two presidents next month.", "en"),
    ("Negotiations with the Russian president are impossible under this decree.", "en"),
    ("La Svizzera si è detta pronta a ospitare l'incontro.", "it"),
    ("Mosca è disposta a trattare con il presidente ucraino.", "it"),
])
def test_hosting_or_negotiating_with_the_other_president_is_the_leaders_summit(text, lang):
    assert "leaders_summit" in sides(text, lang)


def test_a_western_leaders_dialogue_with_putin_is_not_the_leaders_summit():
    # the summit is a meeting of Russia's and Ukraine's leaders, not a call between Washington and Moscow
    assert "leaders_summit" not in sides("Biden is ready to continue a dialogue with Vladimir Putin.")


# --- without the Russian Federation -------------------------------------------------------------------

def test_rejecting_guarantees_without_the_russian_federation_supports_collective_security():
    got = sides("Building Europe's security without the Russian Federation is a dead end.")
    assert got.get("collective_security_with_russia") == "support"


# --- "error" and "act of war" reject what they are said of ----------------------------------------------

def test_an_error_rejects_what_was_named_before():
    got = parsed("Putin warned Biden about new sanctions on Moscow. He said that this would be a grave error.")
    assert got.get("sanctions_on_russia") == "oppose"


def test_an_act_of_war_rejects_what_it_is_said_of():
    assert sides("Medvedev called the new sanctions on Russian oil an act of war.")["sanctions_on_russia"] == "oppose"


def test_an_act_of_war_rejects_in_italian_too():
    got = sides("Il Cremlino ha definito le nuove sanzioni un atto di guerra.", "it")
    assert got["sanctions_on_russia"] == "oppose"


# --- a step that must first be prepared, a time when the conditions are met: conditional -----------------

@pytest.mark.parametrize("text, lang, issue", [
    ("A meeting of the two presidents must be carefully prepared by the negotiators.", "en", "leaders_summit"),
    ("Any Putin-Zelensky summit has to be thoroughly prepared at expert level first.", "en", "leaders_summit"),
    ("Un vertice tra Putin e Zelensky va preparato con cura dalle delegazioni.", "it", "leaders_summit"),
    ("Ukraine's accession to NATO will come when the conditions are met.", "en", "ukraine_nato_membership"),
])
def test_a_step_that_must_first_be_prepared_is_conditional(text, lang, issue):
    assert sides(text, lang)[issue] == "conditional"


def test_being_prepared_to_act_is_readiness_not_a_condition():
    assert sides("Britain must be prepared to deploy peacekeepers to Ukraine.")["foreign_troops_in_ukraine"] == "support"


# --- a time frame takes no side on what it names --------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Paris and London will open training centres in Ukraine following a ceasefire deal.", "en"),
    ("The mission would start once a lasting truce is signed.", "en"),
    ("Berlino invierà ingegneri a Kiev in caso di raggiungimento di una tregua.", "it"),
    ("I primi reparti arriveranno dopo il cessate il fuoco.", "it"),
])
def test_the_issue_named_as_a_time_frame_takes_no_side(text, lang):
    assert "ceasefire" not in sides(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("Moscow says talks can begin only after a ceasefire.", "en"),
    ("I negoziati potranno iniziare solo dopo il cessate il fuoco.", "it"),
])
def test_only_after_is_still_a_precondition(text, lang):
    assert sides(text, lang)["ceasefire"] == "support"


def test_only_after_behind_a_quotation_mark_still_names_what_follows():
    got = sides("Peskov said a truce is possible only “after the withdrawal of Ukrainian troops” from Donbas.")
    assert "territorial_withdrawal" in got


# --- the territorial question, a non-aligned state, strike weapons near Russia -------------------------

@pytest.mark.parametrize("text, lang", [
    ("Moscow insists that no deal is possible without resolving the territorial issue first.", "en"),
    ("Il Cremlino chiede che la questione territoriale sia risolta prima di ogni accordo.", "it"),
])
def test_settling_the_territorial_question_first_supports_withdrawal(text, lang):
    assert sides(text, lang)["territorial_withdrawal"] == "support"


@pytest.mark.parametrize("text, lang", [
    ("The draft says Kyiv must remain a neutral, non-aligned state.", "en"),
    ("Mosca vuole un'Ucraina non allineata e senza basi straniere.", "it"),
])
def test_a_non_aligned_state_is_neutrality(text, lang):
    assert sides(text, lang)["ukraine_neutrality"] == "support"


@pytest.mark.parametrize("text, lang", [
    ("Lavrov said that American missile systems in Ukraine are unacceptable to Russia.", "en"),
    ("Il Cremlino ha respinto l'idea di missili americani alle porte della Russia.", "it"),
])
def test_strike_weapons_near_russia_are_nato_infrastructure(text, lang):
    assert sides(text, lang)["nato_eastward_expansion"] == "oppose"


def test_missiles_sent_to_kyiv_are_not_nato_expansion():
    assert "nato_eastward_expansion" not in sides("Berlin will send more air defence missiles to Kyiv this winter.")


# --- a common or Eurasian security order ---------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Lavrov said Europe needs a common security architecture that takes in every state.", "en"),
    ("Putin called for a new security architecture in Eurasia built with all states of the continent.", "en"),
    ("Mosca propone un'architettura di sicurezza comune per tutto il continente.", "it"),
    ("Il ministro ha parlato di una sicurezza uguale per tutti nello spazio eurasiatico.", "it"),
])
def test_a_common_or_eurasian_security_order_is_collective_security(text, lang):
    assert sides(text, lang)["collective_security_with_russia"] == "support"


def test_instability_across_the_eurasian_continent_is_not_a_security_order():
    got = sides("Il ministro ha denunciato un tentativo di creare instabilità in tutto il continente eurasiatico.", "it")
    assert "collective_security_with_russia" not in got
