"""Codebook wordings and stance cues kept because they held on corpus documents nobody had read when they
were written (issue 13, the twelfth session's transfer check: the odd-numbered train documents of the night
and eleventh rounds), each on sentences of our own writing. Rules alone (no learned model)."""
from __future__ import annotations

import pytest

from garante.codebook import Codebook
from garante.extract.stances import classify

from helpers import issue_stances as sides

CODEBOOK = Codebook.load()


# --- a neutral status in other words: non-aligned and nuclear-free, a buffer state --------------------------

@pytest.mark.parametrize("text", [
    "The envoy said Kyiv should accept a non-aligned and nuclear-free status as part of any settlement.",
    "A non-nuclear status for the country is what the delegation keeps asking for.",
    "They want the country to become a buffer state between the two blocs.",
])
def test_a_status_outside_blocs_is_neutrality(text):
    assert sides(text).get("ukraine_neutrality") == "support"


def test_a_rejected_non_aligned_status_is_opposed():
    assert sides("The minister rejected a non-aligned, non-nuclear status for his country.").get(
        "ukraine_neutrality") == "oppose"


def test_a_nuclear_free_zone_elsewhere_is_not_a_status():
    # "nuclear-free" names a status only as one: a zone or a world is something else
    assert "ukraine_neutrality" not in sides("The summit called for a nuclear-free world by the end of the century.")


# --- expansion to the East ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The ambassador said the alliance had advanced step by step toward the East for three decades.",
    "Moscow says it was promised that NATO would not move a single step to the east.",
    "He complained that the alliance kept expanding further to the East despite every warning.",
])
def test_expansion_to_the_east_is_nato_expansion(text):
    assert "nato_eastward_expansion" in sides(text)


@pytest.mark.parametrize("text", [
    "Il portavoce ha criticato la continua espansione verso est dell'Alleanza.",
    "Mosca considera l'allargamento a est una minaccia diretta.",
])
def test_expansion_to_the_east_is_nato_expansion_in_italian(text):
    assert "nato_eastward_expansion" in sides(text, "it")


def test_an_army_advancing_in_the_east_is_not_nato_expansion():
    assert "nato_eastward_expansion" not in sides("Russian forces keep advancing in the east of the country.")


# --- the 2022 terms are the Istanbul framework ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Kremlin wants any new talks to start from the 2022 terms.",
    "He said the draft of the 2022 agreement remains a good basis for peace.",
])
def test_the_2022_terms_are_the_istanbul_framework(text):
    assert "istanbul_framework" in sides(text)


def test_a_2022_date_alone_is_not_the_istanbul_framework():
    assert "istanbul_framework" not in sides("Sanctions adopted in 2022 must stay in place, the minister said.")


# --- Moscow names Kyiv's NATO membership only to refuse it ------------------------------------------------------

def _read(text: str, actor: str) -> dict[str, str]:
    """The rules' stances of ``text`` said by ``actor``, after the codebook's side_by readings."""
    from garante.extract.stance_readings import weak_sides
    stances = classify(text, lang="en", codebook=CODEBOOK)
    return {s.issue: s.stance for s in weak_sides(stances, {actor}, CODEBOOK.weak_sides)}


def test_moscow_naming_ukraines_membership_weakly_opposes_it():
    text = "The talks must address Ukraine's membership of NATO first of all."
    assert sides(text).get("ukraine_nato_membership") == "support"  # the words alone
    assert _read(text, "russia").get("ukraine_nato_membership") == "oppose"
    assert _read(text, "germany").get("ukraine_nato_membership") == "support"


def test_moscow_spelling_out_its_side_keeps_it():
    text = "Russia will never accept Ukraine joining NATO."
    assert _read(text, "russia").get("ukraine_nato_membership") == "oppose"


# --- Kyiv names the withdrawal Moscow demands only to refuse it -------------------------------------------------

def test_kyiv_spelling_out_a_condition_on_the_withdrawal_keeps_it():
    text = "Ukraine would withdraw its forces from the Donbas only after a referendum."
    assert _read(text, "ukraine").get("territorial_withdrawal") == "conditional"


def test_kyiv_weak_support_reading_of_the_withdrawal_is_opposition():
    text = "Ukraine must withdraw its forces from the Donetsk region."
    assert sides(text).get("territorial_withdrawal") == "support"  # the words alone
    assert _read(text, "ukraine").get("territorial_withdrawal") == "oppose"
    assert _read(text, "russia").get("territorial_withdrawal") == "support"


# --- the annexed regions as Moscow names them -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Any settlement has to accept the realities on the ground, the spokesman insisted.",
    "Kyiv must recognise that these are now Russia's new regions.",
])
def test_the_realities_on_the_ground_are_the_territorial_issue(text):
    assert "territorial_withdrawal" in sides(text)


@pytest.mark.parametrize("text", [
    "Il portavoce ha detto che ogni accordo deve tenere conto delle realtà sul terreno.",
    "Kiev deve accettare che quelle sono ormai le nuove regioni russe.",
])
def test_the_realities_on_the_ground_are_the_territorial_issue_in_italian(text):
    assert "territorial_withdrawal" in sides(text, "it")


def test_new_regions_of_another_country_are_not_the_territorial_issue():
    assert "territorial_withdrawal" not in sides("The company opened offices in two new regions of Canada.")


# --- the bloc and the encirclement as Moscow names them ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The minister said the expansion of the military bloc threatens the whole continent.",
    "He spoke of a deliberate encirclement of his country by NATO.",
])
def test_the_blocs_expansion_is_nato_expansion(text):
    assert "nato_eastward_expansion" in sides(text)


@pytest.mark.parametrize("text", [
    "La portavoce ha condannato l'espansione del blocco militare verso i confini.",
    "Il ministro ha denunciato l'accerchiamento della Russia da parte della Nato.",
])
def test_the_blocs_expansion_is_nato_expansion_in_italian(text):
    assert "nato_eastward_expansion" in sides(text, "it")


def test_a_trading_bloc_is_not_nato():
    assert "nato_eastward_expansion" not in sides("The trade bloc's expansion to three new members was welcomed.")


def test_the_bloc_alone_is_the_eu_in_news_english():
    assert "nato_eastward_expansion" not in sides(
        "Brussels said the expansion of the bloc to the Western Balkans should be faster.")
