"""Stance polarity where the issue is found and the side is the hard part (issue 13, twenty-ninth session): a
negated modal of excluding, considering as no side yet, "not something X is considering", a negated end before a
time ("cannot be lifted before"), "so-called", a rhetorical question, another side's aim reported. Sentences of
our own, through the whole pipeline (the stance model off)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import rule_stances

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
it_parser = pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
AID, TROOPS, SANCTIONS = "military_aid_to_ukraine", "foreign_troops_in_ukraine", "sanctions_on_russia"
GUARANTEES, CEASEFIRE, NATO = "western_security_guarantees", "ceasefire", "ukraine_nato_membership"


@pytest.mark.parametrize("text,issue", [
    ("The Belgian prime minister said Brussels can't rule out sending troops to Ukraine.", TROOPS),
    ("The Swedish defence minister said Stockholm cannot exclude new arms deliveries to Kyiv.", AID),
    pytest.param("Il premier belga ha detto che il Belgio non si opporrà all'adesione dell'Ucraina alla Nato.",
                 NATO, marks=it_parser),
])
def test_a_negated_exclusion_or_opposition_supports(text, issue):
    assert rule_stances(text)[issue] == ("support", "litotes")


@pytest.mark.parametrize("text,issue", [
    ("The Norwegian prime minister said Oslo might consider sending peacekeepers to Ukraine.", TROOPS),
    ("The Swiss foreign minister said Bern may examine new sanctions on Russia.", SANCTIONS),
    pytest.param("Il premier norvegese ha detto che Oslo potrebbe valutare l'invio di soldati in Ucraina.",
                 TROOPS, marks=it_parser),
])
def test_considering_it_takes_no_side_yet(text, issue):
    assert rule_stances(text)[issue] == ("neutral", "hedge")


def test_not_something_anyone_considers_opposes():
    found = rule_stances("The Dutch prime minister said NATO membership for Ukraine is not something the allies "
                         "are considering.")
    assert found[NATO][0] == "oppose"


@pytest.mark.parametrize("text", [
    "The Latvian president said the sanctions on Russia cannot be lifted before Moscow pays reparations.",
    pytest.param("Il presidente lettone ha detto che le sanzioni contro la Russia non possono essere revocate prima "
                 "delle riparazioni.", marks=it_parser),
])
def test_an_end_refused_until_a_time_supports(text):
    assert rule_stances(text)[SANCTIONS] == ("support", "ending-negated")


def test_only_after_stays_a_condition():
    # no end refused: the condition is on the issue itself
    assert rule_stances("The Dutch prime minister said Ukraine can join NATO only after the war ends.")[NATO][0] \
        == "conditional"


@pytest.mark.parametrize("text", [
    "Medvedev said the so-called security guarantees for Kyiv are a trap.",
    pytest.param("Medvedev ha detto che le cosiddette garanzie di sicurezza per Kiev sono una trappola.",
                 marks=it_parser),
])
def test_so_called_denies_the_issue_its_name(text):
    assert rule_stances(text)[GUARANTEES] == ("oppose", "so-called")


def test_security_guarantees_named_plainly_are_no_so_called():
    assert rule_stances("Merz said the security guarantees for Kyiv must be binding.")[GUARANTEES][0] == "support"


@pytest.mark.parametrize("text,issue", [
    ("\u201cWho would send soldiers into Ukraine while the war goes on?\u201d the Slovak prime minister said.", TROOPS),
    ("\u201cWhat have the sanctions on Russia changed on the battlefield?\u201d the Hungarian minister said.",
     SANCTIONS),
    pytest.param("\u00abChi manderebbe soldati in Ucraina mentre la guerra continua?\u00bb, ha detto il premier "
                 "slovacco.", TROOPS, marks=it_parser),
])
def test_a_rhetorical_question_opposes(text, issue):
    assert rule_stances(text)[issue] == ("oppose", "rhetorical-question")


def test_a_rhetorical_question_of_a_refusal_supports():
    found = rule_stances("\u201cWhy would we reject a ceasefire that saves lives?\u201d the Turkish president said.")
    assert found[CEASEFIRE] == ("support", "rhetorical-question-negated")


@pytest.mark.parametrize("text", [
    "\u201cWhen will the ceasefire start?\u201d the Turkish president asked.",
    pytest.param("\u00abChi ha fatto queste richieste sul cessate il fuoco?\u00bb, ha detto Zelensky.", marks=it_parser),
])
def test_a_plain_question_is_no_rhetorical_one(text):
    assert rule_stances(text).get(CEASEFIRE, ("", ""))[1] != "rhetorical-question"


@pytest.mark.parametrize("text", [
    "Fico said Washington wants to send more weapons to Ukraine.",
    pytest.param("Fico ha detto che Washington vuole mandare altre armi all'Ucraina.", marks=it_parser),
])
def test_another_sides_aim_reported_is_no_side(text):
    assert AID not in rule_stances(text)


def test_the_speakers_own_side_wanting_it_supports():
    found = rule_stances("Zelensky said Ukraine wants the allies to send more weapons to Kyiv.")
    assert found[AID][0] == "support"


def test_another_sides_aim_blamed_opposes():
    found = rule_stances("Fico criticised that Washington wants to send more weapons to Ukraine.")
    assert found[AID] == ("oppose", "blamed-aim")


@pytest.mark.parametrize("text", [
    "The Polish minister said Ukraine's NATO membership is the one answer that Moscow cannot ignore.",
    pytest.param("Il ministro polacco ha detto che l'adesione dell'Ucraina alla Nato è l'unica risposta che Mosca "
                 "non può ignorare.", marks=it_parser),
])
def test_a_negation_inside_a_relative_clause_leaves_the_issue_named(text):
    assert rule_stances(text)[NATO] == ("support", "named")


def test_a_negation_of_the_issues_own_clause_still_withholds_the_named_support():
    assert NATO not in rule_stances("The Polish minister said Ukraine's NATO membership is not planned.")


@it_parser
def test_a_conjunct_with_no_conjunction_is_no_clause_beside_the_cue():
    # the parser reads "contingenti" as an adjective and hangs "possono offrire" on "ha dichiarato": the "non"
    # still negates the troops' clause
    found = rule_stances("Varsavia ha dichiarato che contingenti militari stranieri non possono offrire garanzie di "
                         "sicurezza a Kiev.")
    assert found["foreign_troops_in_ukraine"][0] == "oppose"
