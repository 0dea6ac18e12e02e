"""Stance from judgements (issue 13, twenty-ninth session): the issue's phrase as the subject of a predicate that
evaluates it ("the guarantees are a fiction", "le sanzioni hanno danneggiato l'economia europea", "neutrality would
be an invitation to an invasion"), a claim about the issue turned down ("rejects allegations that its drones
violated the truce"), a group named by "some" as the one who wants it, and a stop verb before the possessive of the
clause's subject ("la Nato deve fermare la sua avanzata"). Sentences of our own, through the whole pipeline (the
stance model off)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import RULES, rule_stances
from garante.pipeline import analyse_text

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
it_parser = pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
AID, TROOPS, SANCTIONS = "military_aid_to_ukraine", "foreign_troops_in_ukraine", "sanctions_on_russia"
GUARANTEES, CEASEFIRE, NATO = "western_security_guarantees", "ceasefire", "ukraine_nato_membership"
NEUTRALITY, EXPANSION = "ukraine_neutrality", "nato_eastward_expansion"


@pytest.mark.parametrize("text,issue", [
    ("Peskov said the Western security guarantees for Kyiv are a fiction.", GUARANTEES),
    ("The Estonian prime minister said a neutral Ukraine would be an invitation to a new Russian invasion.",
     NEUTRALITY),
    ("The Czech president said the sanctions on Russia have hurt Czech farmers more than anyone.", SANCTIONS),
    ("The Slovak prime minister said the arms deliveries to Kyiv have achieved nothing.", AID),
    ("The Croatian president said the sanctions against Moscow have failed.", SANCTIONS),
    pytest.param("Il ministro lituano ha detto che una tregua adesso sarebbe un regalo a Putin.", CEASEFIRE,
                 marks=it_parser),
    pytest.param("Il ministro austriaco ha detto che le sanzioni contro Mosca non hanno funzionato.", SANCTIONS,
                 marks=it_parser),
    pytest.param("Il premier ungherese ha detto che le sanzioni contro la Russia hanno danneggiato l'economia europea.",
                 SANCTIONS, marks=it_parser),
])
def test_a_bad_judgement_of_the_issue_opposes_it(text, issue):
    # a bad word, or a good one negated ("have not worked")
    assert rule_stances(text)[issue] in (("oppose", "judged-bad"), ("oppose", "judged-good-negated"))


@pytest.mark.parametrize("text,issue", [
    # harm to the actor the issue is aimed at is the issue working
    ("The Finnish president said the sanctions on Russia are weakening the Russian army.", SANCTIONS),
    # a negated failure
    ("The Danish prime minister said the sanctions against Moscow have not failed.", SANCTIONS),
    ("Stoltenberg said NATO membership for Ukraine would be the best protection against a new war.", NATO),
    pytest.param("Il ministro olandese ha detto che le sanzioni contro la Russia stanno indebolendo l'esercito russo.",
                 SANCTIONS, marks=it_parser),
])
def test_a_good_judgement_of_the_issue_stays_support(text, issue):
    assert rule_stances(text)[issue][0] == "support"


def test_a_negated_failure_is_read_as_support_by_the_judgement():
    assert rule_stances("The Danish prime minister said the sanctions against Moscow have not failed.")[SANCTIONS] \
        == ("support", "judged-bad-negated")


def test_a_judgement_keeps_the_word_that_judges_as_evidence():
    text = "Peskov said the Western security guarantees for Kyiv are a fiction."
    doc = analyse_text(text, ctx=RULES)
    stance = next(s for st in doc.statements for s in st.stances if s.issue == GUARANTEES)
    assert stance.attrs["polarity_cue"] == "fiction"
    assert text[stance.evidence_start:stance.evidence_end] == "security guarantees for Kyiv are a fiction"


@pytest.mark.parametrize("text,issue", [
    ("Lavrov said Russia rejects allegations that its drones violated the energy truce.", CEASEFIRE),
    pytest.param("Il portavoce russo ha detto che Mosca respinge le accuse di aver violato il cessate il fuoco a "
                 "Kherson.", CEASEFIRE, marks=it_parser),
])
def test_a_rejected_claim_about_the_issue_takes_no_side_on_it(text, issue):
    assert issue not in rule_stances(text)


def test_rejecting_the_issue_itself_still_opposes_it():
    assert rule_stances("Zelensky said Kyiv rejects the Russian proposal of a short truce.")[CEASEFIRE][0] == "oppose"


@pytest.mark.parametrize("text,issue", [
    ("The Indian foreign minister said some European governments want to send troops to Ukraine.", TROOPS),
    pytest.param("Il ministro brasiliano ha detto che alcuni paesi vogliono inviare altre armi a Kiev.", AID,
                 marks=it_parser),
])
def test_a_group_named_by_some_wants_it_not_the_speaker(text, issue):
    assert issue not in rule_stances(text)


def test_a_named_own_side_that_wants_it_stays_support():
    assert rule_stances("Starmer said Britain wants to deploy troops to Ukraine.")[TROOPS][0] == "support"


@it_parser
def test_a_stop_verb_inside_a_long_cue_stops_the_issue():
    # "la Nato ... avanzata ... confini" is one cue of the issue, with the stop verb and NATO's own possessive inside
    assert rule_stances("Il ministro ha detto che la Nato deve fermare la sua avanzata verso i confini russi.")[
        EXPANSION] == ("oppose", "ending")
    assert rule_stances("Il ministro ha detto che la Nato non deve fermare la sua avanzata verso i confini russi.")[
        EXPANSION] == ("support", "ending-negated")


@it_parser
def test_a_possessive_on_the_cues_own_noun_does_not_make_it_an_aim_of_the_speakers():
    assert rule_stances("Il presidente ha detto che Kiev dovrebbe congelare la sua candidatura alla Nato.")[NATO] \
        == ("oppose", "curtailing")
