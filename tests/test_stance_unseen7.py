"""Wrong sides and scope in the stance rules (issue 13, thirteenth session, second stance helper): changes kept
because they held on corpus documents nobody had read when they were written (the odd-numbered train
documents of the night, eleventh and twelfth rounds), each on sentences of our own writing. Rules alone."""
from __future__ import annotations

import pytest

from helpers import issue_stances as sides


# --- freezing the war along the line is a truce proposed, not a rejection; "a frozen conflict" still is one ----

@pytest.mark.parametrize("text, lang", [
    ("The envoy proposed to freeze the war along the current front line.", "en"),
    ("Il piano propone di congelare la guerra lungo la linea del fronte attuale.", "it"),
])
def test_freezing_the_war_is_not_a_rejection_word(text, lang):
    assert sides(text, lang).get("ceasefire") == "support"


@pytest.mark.parametrize("text, lang", [
    ("Kyiv will never accept a frozen conflict.", "en"),
    ("Kiev non accetterà mai di congelare il conflitto.", "it"),
])
def test_refusing_a_frozen_conflict_stays_a_rejection(text, lang):
    assert sides(text, lang).get("ceasefire") == "oppose"


# --- who holds the land: Moscow refusing to give back what it holds supports Kyiv's withdrawal ---------------

@pytest.mark.parametrize("text, lang", [
    ("Putin said Russia would never give up the regions it annexed.", "en"),
    ("La Russia, secondo il portavoce, non intende in alcun modo rinunciare alle regioni annesse.", "it"),
])
def test_moscow_keeping_the_land_supports_the_withdrawal(text, lang):
    assert sides(text, lang).get("territorial_withdrawal") == "support"


@pytest.mark.parametrize("text, lang", [
    ("Kyiv insists on the return of the occupied territories.", "en"),
    ("Zelensky chiede la restituzione dei territori occupati.", "it"),
    ("Zelensky said Ukraine will never cede territory to the aggressor.", "en"),
])
def test_the_land_given_back_or_kept_by_kyiv_opposes_the_withdrawal(text, lang):
    assert sides(text, lang).get("territorial_withdrawal") == "oppose"


def test_kyiv_told_to_give_up_the_land_is_still_the_withdrawal():
    assert sides("The Kremlin demands that Ukraine give up the four regions.").get("territorial_withdrawal") == "support"


# --- with freezing no longer a rejection word, the fear and the deceit around it still reject the truce -------

@pytest.mark.parametrize("text, lang", [
    ("Officials in Kyiv fear that a truce would lock in Moscow's gains.", "en"),
    ("Il governo teme che una tregua premi l'aggressore.", "it"),
    ("The minister called the proposed truce a trap for Ukraine.", "en"),
    ("Secondo il ministro la tregua proposta è una trappola per l'Ucraina.", "it"),
])
def test_a_truce_feared_or_called_a_trap_is_rejected(text, lang):
    assert sides(text, lang).get("ceasefire") == "oppose"
