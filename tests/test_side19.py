"""The side of a stance where a word of support does not take the speaker's side (nineteenth session, issue 13),
on sentences of our own writing, rules alone, through the whole pipeline (the parse decides):

- a word of support the parse shows negated ("is not seeking a truce", "non chiede una tregua", "is not
  necessary") opposes the issue it heads, unless the issue is the alternative put in its place ("not X but
  [the issue]") or the negation only restricts ("not only");
- a "not" / "non" on the issue's own noun turns that alternative down ("pace e non una tregua");
- a reporting verb of rejection whose object is the whole content, a noun phrase, rejects it: a word of support
  inside the phrase ("a proposed truce", "a proposal for talks") names what was rejected;
- Italian "essere / votare contro" is a rejection, as English "is against".
"""
from __future__ import annotations

from conftest import needs_it_parser as needs_it
from helpers import rule_stances as parsed


# --- a negated word of support ---------------------------------------------------------------------------

def test_a_negated_progressive_verb_of_seeking_opposes():
    got = parsed("The spokesman said that Moscow is not seeking an armistice for the time being.")
    assert got["ceasefire"] == ("oppose", "negated-support")


def test_a_negated_predicative_adjective_of_need_opposes():
    got = parsed("The senator said that new sanctions on Russia are not necessary this year.")
    assert got["sanctions_on_russia"][0] == "oppose"


def test_not_only_restricts_and_keeps_the_support():
    got = parsed("The envoy said that Kyiv is not only seeking a truce but a durable settlement.")
    assert got["ceasefire"][0] == "support"


def test_the_corrected_alternative_is_not_negated():
    got = parsed("The envoy said that Kyiv is not seeking a settlement now, but a truce.")
    assert got.get("ceasefire", ("", ""))[0] != "oppose"


def test_an_unnegated_verb_of_seeking_still_supports():
    got = parsed("The spokesman said that Moscow is seeking an armistice for the time being.")
    assert got["ceasefire"][0] in ("support", "conditional")


@needs_it
def test_italian_negated_verb_of_asking_opposes():
    got = parsed("Il portavoce ha detto che Kiev non chiede una tregua in questo momento.")
    assert got["ceasefire"] == ("oppose", "negated-support")


# --- a negator on the issue's own noun --------------------------------------------------------------------

@needs_it
def test_italian_alternative_turned_down_by_non_on_the_noun():
    got = parsed("Il ministro ha detto che occorre un accordo di pace vero e non una tregua temporanea.")
    assert got["ceasefire"] == ("oppose", "negated-noun")


@needs_it
def test_italian_noun_without_negator_keeps_its_side():
    got = parsed("Il ministro ha detto che occorre un accordo di pace vero e una tregua temporanea.")
    assert got.get("ceasefire", ("", ""))[0] != "oppose"


# --- a rejected noun phrase -------------------------------------------------------------------------------

def test_a_rejected_proposal_opposes_what_it_proposed():
    got = parsed("The Russian president rejected a proposed short truce on Friday.")
    assert got["ceasefire"] == ("oppose", "frame-rejection")


def test_a_welcomed_proposal_still_supports():
    got = parsed("The Ukrainian president welcomed a proposal for an immediate ceasefire on Friday.")
    assert got["ceasefire"][0] == "support"


# --- "essere contro" --------------------------------------------------------------------------------------

@needs_it
def test_italian_being_against_is_a_rejection():
    got = parsed("Il ministro ha detto che il governo è contro l'invio di truppe europee in Ucraina.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


@needs_it
def test_italian_contro_after_a_noun_takes_no_side():
    got = parsed("Il ministro ha detto che le sanzioni contro la Russia sono necessarie.")
    assert got["sanctions_on_russia"][0] == "support"


def test_not_x_but_the_same_issue_again_is_no_opposition():
    got = parsed("The minister said Kyiv wants not a brief truce for the holidays, but a full and lasting ceasefire.")
    assert got["ceasefire"][0] == "support"


def test_not_the_issue_but_something_else_opposes_it():
    got = parsed("The spokesman said Moscow wants not a ceasefire, but a comprehensive settlement.")
    assert got["ceasefire"] == ("oppose", "negated-noun")


# --- a preference ---------------------------------------------------------------------------------------

def test_a_preference_over_the_issue_opposes_it():
    got = parsed("The spokesman said Moscow prioritizes a binding settlement over temporary ceasefires.")
    assert got["ceasefire"] == ("oppose", "comparison")


@needs_it
def test_italian_preference_over_the_issue_opposes_it():
    got = parsed("Il portavoce ha detto che Mosca privilegia un accordo vincolante rispetto a una tregua temporanea.")
    assert got["ceasefire"] == ("oppose", "comparison")


def test_a_negated_ask_corrected_by_the_next_sentence_is_no_refusal():
    got = parsed('The foreign minister said: "We are not seeking NATO troops on the front line. We are seeking '
                 'a guarantee that the allies will act if Russia attacks again."')
    assert got.get("foreign_troops_in_ukraine", ("", ""))[1] != "negated-support"


# --- a correction of how the issue should be, not a refusal of it ---------------------------------------

def test_a_negated_property_corrected_by_but_supports_the_subject():
    got = parsed("The foreign minister said the truce must not be symbolic or brief, but complete and verifiable.")
    assert got["ceasefire"][0] == "support"


def test_a_negated_agent_corrected_by_but_supports_the_subject():
    got = parsed("The minister said the security guarantees should not be provided by NATO, but by a coalition "
                 "of European states.")
    assert got["western_security_guarantees"][0] == "support"


def test_a_negated_act_replaced_by_another_act_still_refuses():
    got = parsed("The minister said sanctions relief must not be granted, but more pressure applied.")
    assert got["sanctions_on_russia"][0] == "support"  # relief refused: the sanctions kept


def test_a_proposal_that_does_not_make_any_sense_is_rejected():
    got = parsed("The spokesman said the proposal for a summit between the two presidents does not make any sense.")
    assert got["leaders_summit"][0] == "oppose"


# --- a verb of ending said of something else just before the cue -------------------------------------------

@needs_it
def test_italian_ending_the_war_before_the_truce_does_not_end_the_truce():
    got = parsed("Il ministro ha detto che il modo migliore per porre fine a ogni guerra è un cessate il fuoco.")
    assert got.get("ceasefire", ("", ""))[0] != "oppose"


@needs_it
def test_italian_ending_the_sanctions_still_opposes_them():
    got = parsed("Il ministro ha detto che bisogna porre fine alle sanzioni contro la Russia.")
    assert got["sanctions_on_russia"][0] == "oppose"
