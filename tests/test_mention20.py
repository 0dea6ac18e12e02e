"""An issue named is not always a stance (twentieth session): a cue in a phrase of circumstance ("amid the
sanctions", "nonostante le sanzioni", stance.yaml ``circumstance``) or in the frame of another demand ("as part
of any ceasefire deal", "in attesa di un accordo di tregua", the ceasefire's scope) takes no side on its issue.
The rules alone (no learned model), on sentences of our own, through the whole pipeline so that the real
parser decides."""
from __future__ import annotations

from pathlib import Path

import pytest

from garante import analyse_text

from helpers import RULES

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
italian = pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")


def issues(text: str) -> set[str]:
    doc = analyse_text(text, ctx=RULES)
    assert doc.statements, "the sentence must be read as a statement"
    return {s.issue for st in doc.statements for s in st.stances}


# --- a phrase of circumstance ------------------------------------------------------------------------------------

def test_sanctions_amid_which_something_happens_are_no_side():
    assert "sanctions_on_russia" not in issues(
        "The minister said that the bank had kept the rouble stable amid the Western sanctions.")


def test_in_spite_of_the_sanctions_is_no_side():
    assert "sanctions_on_russia" not in issues(
        "The governor said that exports had grown in spite of the European sanctions.")


def test_sanctions_asked_for_despite_a_cost_stay():
    # the circumstance is the cost, not the sanctions
    assert "sanctions_on_russia" in issues(
        "The minister said that Europe must impose new sanctions on Russia despite the costs.")


def test_sanctions_asked_for_stay():
    assert "sanctions_on_russia" in issues("The minister said that Europe must impose new sanctions on Russia.")


@italian
def test_nonostante_le_sanzioni_is_no_side():
    assert "sanctions_on_russia" not in issues(
        "Il ministro ha detto che l'industria russa è cresciuta nonostante le sanzioni occidentali.")


@italian
def test_a_dispetto_delle_sanzioni_is_no_side():
    assert "sanctions_on_russia" not in issues(
        "Il ministro ha detto che le esportazioni russe sono aumentate a dispetto delle sanzioni europee.")


@italian
def test_italian_sanctions_asked_for_stay():
    assert "sanctions_on_russia" in issues("Il ministro ha detto che l'Europa deve imporre nuove sanzioni alla Russia.")


# --- a truce that is the frame of another demand -----------------------------------------------------------------

def test_guarantees_for_russia_as_part_of_a_ceasefire_deal():
    got = issues("The deputy minister said that Moscow will insist on firm security guarantees for Russia "
                 "as part of any ceasefire deal.")
    assert "ceasefire" not in got and "collective_security_with_russia" in got


def test_a_ceasefire_wanted_as_part_of_a_plan_stays():
    # the truce is what is asked for; the plan is its frame
    assert "ceasefire" in issues("The minister said that Kyiv wants an immediate ceasefire as part of the peace plan.")


@italian
def test_troops_approved_pending_a_truce_agreement_in_italian():
    got = issues("Il ministro ha detto che il parlamento ha approvato l'invio di soldati in Ucraina "
                 "in attesa di un accordo di tregua.")
    assert "ceasefire" not in got and "foreign_troops_in_ukraine" in got


@italian
def test_guarantees_in_the_frame_of_a_truce_agreement_in_italian():
    got = issues("Il viceministro ha detto che Mosca chiederà solide garanzie di sicurezza per la Russia "
                 "nel quadro di un accordo di cessate il fuoco.")
    assert "ceasefire" not in got
