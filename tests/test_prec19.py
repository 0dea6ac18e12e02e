"""Extra issues (issue 13, nineteenth session): what a statement only says it does not know takes no side,
and the learned model does not propose it; Italian 'membership' alone is no NATO membership; US troops
stationed outside Ukraine are no backstop. Sentences of our own writing."""
from __future__ import annotations

import pytest

from garante.extract import stances as st_mod
from garante.codebook import Codebook
from garante.extract.stances import classify


def issues(text, lang):
    return {s.issue: s.stance for s in classify(text, lang=lang)}


@pytest.mark.parametrize("lang,text,issue", [
    ("en", "The Kremlin does not know which security guarantees Washington could give to Kyiv", "western_security_guarantees"),
    ("en", "The spokesman has not seen any US security guarantees for Ukraine on paper", "us_backstop"),
    ("it", "Il Cremlino non sa quali garanzie di sicurezza americane verranno date a Kiev", "us_backstop"),
])
def test_not_knowing_takes_no_side(lang, text, issue):
    assert issue not in issues(text, lang)


@pytest.mark.parametrize("lang,text,issue", [
    ("en", "The Kremlin knows that Washington will give strong security guarantees to Kyiv", "western_security_guarantees"),
    ("it", "Il ministro sa che l'adesione di Kiev alla Nato resta la priorità", "ukraine_nato_membership"),
    # the comparison still speaks: nothing better than membership is known
    ("en", "I do not know a better guarantee than NATO membership for Ukraine", "ukraine_nato_membership"),
])
def test_knowing_still_speaks(lang, text, issue):
    assert issue in issues(text, lang)


def test_not_knowing_declines_the_issue_for_the_model():
    declined: set[str] = set()
    text = "The Kremlin does not know which security guarantees Washington could give to Kyiv"
    st_mod._classify(text, 0, len(text), "en", Codebook.load(), (), 0, declined=declined)
    assert "western_security_guarantees" in declined


def test_italian_membership_needs_the_alliance():
    assert "ukraine_nato_membership" not in issues(
        "Il governo vuole accelerare l'adesione all'Unione europea e chiudere presto il dossier della membership", "it")
    assert issues("Per Kiev la membership della Nato resta la priorità assoluta", "it").get("ukraine_nato_membership") == "support"


@pytest.mark.parametrize("lang,text,present", [
    ("it", "Il presidente vuole ritirare i soldati americani di stanza in Germania", False),
    ("en", "The president may pull out US troops stationed in Poland next year", False),
    ("en", "US troops stationed in Ukraine would deter any new Russian attack", True),
    ("it", "Washington ha escluso l'invio di soldati americani in Ucraina", True),
])
def test_us_troops_stationed_elsewhere_are_no_backstop(lang, text, present):
    assert ("us_backstop" in issues(text, lang)) is present


def test_not_seeing_as_is_a_view_not_ignorance():
    # "does not see X as Y" judges X: the negation still opposes it
    assert issues("The minister does not see NATO membership for Kyiv as realistic", "en").get("ukraine_nato_membership") == "oppose"
