"""Codebook wordings kept because they held on corpus documents nobody had read when they were written
(issue 13, the thirteenth session's transfer check: the odd-numbered train documents of the night, eleventh
and twelfth rounds), each on sentences of our own writing. Rules alone (no learned model)."""
from __future__ import annotations

import pytest

from helpers import issue_stances as sides


# --- a truce where the armies stand --------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Both armies should simply stop where they are and start talking.", "en"),
    ("The envoy proposed that both sides halt at the current front line and negotiate.", "en"),
    ("Secondo il senatore le due parti devono fermarsi dove si trovano e trattare.", "it"),
    ("Il piano chiede di fermare i combattimenti lungo la linea del fronte attuale e poi negoziare.", "it"),
])
def test_stopping_where_the_armies_stand_is_a_ceasefire(text, lang):
    assert sides(text, lang).get("ceasefire") == "support"


# --- territory: a single territory, the armed forces named in full ---------------------------------------------

def test_ceding_a_territory_in_the_singular_is_the_territorial_issue():
    assert sides("Il governo ha ribadito che non intende cedere alcun territorio all'invasore.", "it").get(
        "territorial_withdrawal") == "oppose"


def test_the_armed_forces_told_to_leave_a_region():
    assert sides("The Kremlin insists that Ukraine's armed forces must leave the Donbass region first.").get(
        "territorial_withdrawal") == "support"


# --- arms aid: the allies' purchase scheme, the decree's wording, handing missiles over -------------------------

@pytest.mark.parametrize("text, lang", [
    ("The minister said his country will put another 300 million into PURL for Kyiv.", "en"),
    ("Il governo contribuirà all'iniziativa Purl con nuovi fondi per la difesa di Kiev.", "it"),
    ("Il decreto proroga la cessione di mezzi, materiali ed equipaggiamenti militari a Kiev.", "it"),
    ("Washington is weighing the transfer of long-range missiles to Kyiv.", "en"),
])
def test_arms_for_kyiv_in_other_words(text, lang):
    assert "military_aid_to_ukraine" in sides(text, lang)


def test_a_missile_named_alone_is_no_arms_aid():
    # the weapon's name without its handing over was left out: it named the issue in passing far too often
    assert "military_aid_to_ukraine" not in sides("Analysts compared the range of the Tomahawk with older designs.")


# --- the guarantees agreed with Washington -------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Kyiv says the security guarantees agreement with the United States is ready to be signed.", "en"),
    ("Secondo Kiev il testo sulle garanzie di sicurezza con gli Stati Uniti è pronto per la firma.", "it"),
    ("Il presidente ha parlato delle garanzie di sicurezza tra Ucraina e Stati Uniti come di un passo decisivo.", "it"),
])
def test_guarantees_agreed_with_washington_are_the_us_backstop(text, lang):
    found = sides(text, lang)
    assert "us_backstop" in found and "western_security_guarantees" not in found


# --- the interests of every side, guarantees Russia receives ---------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Moscow wants any settlement to respect the legitimate interests of all parties.", "en"),
    ("Russia must receive security guarantees of its own as well, the envoy said.", "en"),
    ("Il Cremlino chiede che l'accordo tenga conto dei legittimi interessi di tutte le parti.", "it"),
])
def test_the_interests_of_all_sides_are_collective_security(text, lang):
    assert "collective_security_with_russia" in sides(text, lang)


# --- second batch: the land lost and kept, Kyiv admitted, Washington's enablers, lasting commitments, Moscow involved ---

@pytest.mark.parametrize("text, lang", [
    ("The president warned that accepting territorial losses would only invite the next war.", "en"),
    ("Under the draft, Russia would keep the land its army has seized since 2022.", "en"),
    ("Secondo la bozza la Russia manterrebbe i territori conquistati dal suo esercito.", "it"),
    ("Il piano prevede un riconoscimento de facto delle conquiste russe.", "it"),
])
def test_land_lost_or_kept_is_the_territorial_issue(text, lang):
    assert "territorial_withdrawal" in sides(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("The allies should invite Kyiv into the alliance at the next summit.", "en"),
    ("Il senatore ha chiesto di invitare Kiev nella Nato entro l'anno.", "it"),
])
def test_admitting_kyiv_is_membership(text, lang):
    assert sides(text, lang).get("ukraine_nato_membership") == "support"


def test_washingtons_enablers_are_the_us_backstop():
    assert "us_backstop" in sides("The Pentagon is ready to offer enabling support such as satellite data and airlift.")


def test_assurances_from_the_partners_above_all_washington():
    assert "us_backstop" in sides("Peace will rest on firm assurances from the allies, above all the United States.")


def test_long_term_defence_commitments_are_western_guarantees():
    assert sides("Kyiv wants long-term defence commitments from its partners.").get(
        "western_security_guarantees") == "support"


@pytest.mark.parametrize("text, lang", [
    ("The minister said Moscow will have to be involved in any settlement eventually.", "en"),
    ("Il ministro ha detto che la Russia dovrà essere coinvolta in qualsiasi accordo.", "it"),
])
def test_moscow_involved_is_collective_security(text, lang):
    assert sides(text, lang).get("collective_security_with_russia") == "support"
